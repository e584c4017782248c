"""Pass rates of claimline's quantity finder on the French number specs of a peer.

The peer suites are French test cases of microsoft/Recognizers-Text converted to JSONL
(``../shared/benchmarks/peer-specs/recognizers_fr_number*_*.jsonl``, MIT). Run::

    PYTHONPATH=src python benchmarks/peer_quantities.py [--path ../shared/benchmarks/peer-specs] [--failures 5]

A case passes when the quantities claimline finds in its input have exactly the expected
values, as a multiset: a number's value, a percentage's value with unit ``percent``, a
range's bounds, and for number-with-unit cases the value AND the unit (the peer's unit
names mapped to claimline's codes below; plain counts, which these models do not tag,
are left out of the comparison; the peer has one model per kind of unit, so only
quantities whose unit is of the family's kinds are compared: percentages are left out of
the currency family, for instance; the peer's "Degree" of its temperature model is a
degree of temperature, Celsius in French text). Values below 1 compare at four decimals,
the precision claimline writes fractions with. A case expecting nothing passes when nothing is found. Spans are not compared (claimline's spans include qualifiers and counted nouns).

Out of scope for news text, reported but not counted in the in-scope rate:
- whole families: ordinals (``number_ordinal_*``: ordinals are not quantities, by
  design) and ages (``numberwithunit_age``: "5 ans" is a duration, a timex);
- cases: a lone "un"/"une" (an article in running text), negative numbers and signed
  expressions, powers ("1,1^23"), "k"/"G" suffixes on bare numbers, fractions written
  with a slash ("4/5", "10 1/2"), English/US digit grouping ("1,234,567"), and cases
  whose expected text has no digit and no French number word (URLs, phone numbers are
  kept: nothing may be found in them).
The rate over the cases the peer itself validates on .NET ("live") is printed too.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from claimline.quantities.finder import quantity_finder

_ROOT = Path(__file__).resolve().parents[1]
# CI has ../shared beside the clone; a worktree under wt/ has it one level further up.
DEFAULT_PATH = next(
    (p for p in (_ROOT.parent / "shared", _ROOT.parent.parent / "shared") if p.is_dir()), _ROOT.parent / "shared"
) / "benchmarks" / "peer-specs"
FAMILIES = [
    "number_model", "number_model_percent_mode", "number_percent_model", "number_percent_model_percent_mode",
    "number_range_model", "number_range_model_experimental_mode",
    "numberwithunit_currency", "numberwithunit_dimension", "numberwithunit_temperature",
]
OUT_OF_SCOPE_FAMILIES = ["number_ordinal_model", "number_ordinal_model_suppress_extended_types", "numberwithunit_age"]

UNIT_CODES = {
    "Litre": "l", "Millilitre": "ml", "Pouce": "in", "Décimètres": "dm", "Mile": "mi", "Hectomètre": "hm",
    "Baril": "bbl", "Pied": "ft", "Onces": "oz", "Acre": "acre", "Gallon": "gal", "Livre": "lb",
    "Microgramme": "ug", "Pieds cube": "ft3", "Mètre carré": "m2", "Tonne": "t", "Tonne métrique": "t",
    "Bit": "bit", "Miles par heure": "mph", "Mètres": "m", "Kilomètres": "km", "Centimètres": "cm",
    "Millimètres": "mm", "Kilomètre carré": "km2", "Degree": "deg", "Radian": "rad", "Turn": "turn",
    "C": "degC", "F": "degF", "Degré": "deg", "Kelvin": "K",
    "Dollar": "USD", "Dollar États-Unis": "USD", "Euro": "EUR", "Livre sterling": "GBP", "Yen Japonais": "JPY",
    "Dollar Canadien": "CAD", "Dollar Australien": "AUD", "Dollar néo-zélandais": "NZD", "Dollar de Hong Kong": "HKD",
    "Franc": "FRF", "Franc Suisse": "CHF", "Yuan Chinois": "CNY", "Roupie": "INR", "Roupie indienne": "INR",
    "Mexican peso": "MXN", "Cent": "cent", "Centimes": "cent", "Pence": "GBp", "Penny": "GBp",
}
_OUT_OF_SCOPE_CASE = re.compile(r"(?:^|[\s(])[-−]\s?\d|\^|\d\s?[kKG]\b|\d/\d|\d,\s\d{3}|\d,\d{3},\d{3}|^\s*une?\s*$", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\d|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|million|milliard|billion|moitié|tiers|quart|demi|douzaine|dizaine|centaine|millier", re.IGNORECASE)


def _num(text: str) -> float:
    return float(text.replace(",", ".").rstrip("%"))


def expected_values(case: dict, family: str) -> list[tuple]:
    out = []
    for e in case["expected"]:
        r = e.get("resolution") or {}
        value = str(r.get("value", ""))
        if family.startswith("number_range"):
            m = re.fullmatch(r"[\[(]([^,]*),([^,\])]*)[\])]", value)
            if not m:
                continue
            low = _num(m.group(1)) if m.group(1) else None
            high = _num(m.group(2)) if m.group(2) else None
            out.append(("range", low, high))
        elif family.startswith("numberwithunit"):
            unit = UNIT_CODES.get(r.get("unit"), r.get("unit"))
            out.append((_num(value), "degC" if family == "numberwithunit_temperature" and unit == "deg" else unit))
        elif value.endswith("%"):
            out.append((_num(value), "percent"))
        else:
            out.append((_num(value), None))
    return out


FAMILY_KINDS = {
    "numberwithunit_currency": {"currency"},
    "numberwithunit_temperature": {"temperature"},
    "numberwithunit_dimension": {"area", "length", "mass", "volume", "speed", "data", "power", "energy", "angle", "yield", "rate"},
}


def _kind(unit: str) -> str | None:
    from claimline.quantities.units import unit_lexicon

    return unit_lexicon().kind_of(unit)


def found_values(text: str, family: str) -> list[tuple]:
    out = []
    for q in quantity_finder().find(text):
        if family.startswith("number_range"):
            if q.value is not None and q.qualifier in ("more_than", "at_least"):
                out.append(("range", q.value, None))
            elif q.value is not None and q.qualifier in ("less_than", "at_most"):
                out.append(("range", None, q.value))
            else:
                out.append(("range", q.low, q.high) if q.value is None else ("range", q.value, q.value))
        elif family.startswith("numberwithunit"):
            # The peer has one model per kind of unit and tags measures only, not counts:
            # compare the quantities whose unit is of the family's kinds.
            if q.unit is not None and _kind(q.unit) in FAMILY_KINDS[family]:
                out.append((q.value, q.unit))
        elif q.unit == "percent":
            out.append((q.value, "percent"))
        else:
            out.append((q.value, None) if q.value is not None else (q.low, None))
    return out


def _same(a: list[tuple], b: list[tuple]) -> bool:
    def key(t):
        # claimline writes fractions with four decimals (data/gold/README.md §4: "un tiers" 0.3333)
        return tuple(round(x, 4 if abs(x) < 1 else 6) if isinstance(x, float) and math.isfinite(x) else x for x in t)

    return Counter(map(key, a)) == Counter(map(key, b))


def in_scope(case: dict) -> bool:
    if _OUT_OF_SCOPE_CASE.search(case["input"]):
        return False
    return all(_NUMBER_WORD.search(e["text"]) for e in case["expected"])


def run(path: Path, failures: int) -> int:
    if not path.is_dir():
        print(f"peer specs not found at {path}: skipped (pass --path)")
        return 0
    print(f"{'family':42} {'cases':>5} {'in scope':>8} {'pass':>5} {'rate':>6} {'live rate':>9}")
    total = passed = 0
    for family in FAMILIES:
        file = path / f"recognizers_fr_{family}.jsonl"
        if not file.is_file():
            continue
        cases = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        scoped = [c for c in cases if in_scope(c)]
        ok = []
        shown = 0
        for c in scoped:
            exp, got = expected_values(c, family), found_values(c["input"], family)
            good = _same(exp, got)
            ok.append(good)
            if not good and shown < failures:
                print(f"   FAIL {c['id']}: {c['input'][:80]!r} expected {exp} got {got}")
                shown += 1
        live = [g for c, g in zip(scoped, ok) if "dotnet" not in c["not_supported"]]
        rate = 100 * sum(ok) / len(ok) if ok else float("nan")
        live_rate = 100 * sum(live) / len(live) if live else float("nan")
        print(f"{family:42} {len(cases):5} {len(scoped):8} {sum(ok):5} {rate:6.1f} {live_rate:9.1f}")
        total += len(ok)
        passed += sum(ok)
    print(f"{'ALL in-scope':42} {'':5} {total:8} {passed:5} {100 * passed / max(total, 1):6.1f}")
    print("out of scope by design:", ", ".join(OUT_OF_SCOPE_FAMILIES))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="folder of the peer-specs JSONL files")
    parser.add_argument("--failures", type=int, default=0, help="print up to N failing cases per family")
    args = parser.parse_args(argv)
    return run(args.path.resolve(), args.failures)


if __name__ == "__main__":
    sys.exit(main())
