"""Attribution and modality of claimline's claims on ../shared/corpora/claims-dev.

claims-dev (80 short French news items, 114 figures; format in its README) labels every
figure with its source and modality. Run::

    PYTHONPATH=src python benchmarks/claims.py [--path ../shared/corpora/claims-dev] [--errors] [--timing [DIR]]

Matching follows the corpus README: the ``occ``-th occurrence of each gold ``quantity`` is
matched to the system quantity whose span overlaps it; the claim holding that quantity
gives the predicted source and modality. Printed:

- figure recall: gold figures with an overlapping system quantity;
- value: of the figures found, those with the gold value (or bounds) and unit;
- source: of the figures found, those whose source is right. Sources compare after
  lower-casing and unifying apostrophes, by containment either way ("ministère de
  l'Intérieur" vs "le ministère de l'Intérieur"); a null gold source needs a null
  prediction;
- source kind, modality: of the figures found;
- per family and per gold modality, and with ``--errors`` every disagreement;
- with ``--timing``: the seconds spent in spaCy's own pipes and in each claimline
  component on news-dev and claims-dev texts (target: quantities + claims <= 3 % of spaCy).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = next(
    (p for p in (_ROOT.parent / "shared", _ROOT.parent.parent / "shared") if p.is_dir()), _ROOT.parent / "shared"
) / "corpora" / "claims-dev"


def occurrence(text: str, quantity: str, occ: int) -> int:
    """Offset of the ``occ``-th hit of ``quantity`` (searching on one character after each hit)."""
    pos = -1
    for _ in range(occ):
        pos = text.find(quantity, pos + 1)
        if pos < 0:
            raise ValueError(f"{quantity!r} occurs fewer than {occ} times")
    return pos


def norm(s: str | None) -> str | None:
    if s is None:
        return None
    return " ".join(s.replace("’", "'").lower().split())


def same_source(gold: str | None, pred: str | None) -> bool:
    g, p = norm(gold), norm(pred)
    if g is None or p is None:
        return g is None and p is None
    return g in p or p in g


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def score_item(item: dict, article) -> list[dict]:
    """One row per gold figure: what the system found for it."""
    text = item["text"]
    claim_of = {qid: c for c in article.claims for qid in c.quantities}
    rows = []
    for gold in item["claims"]:
        start = occurrence(text, gold["quantity"], gold["occ"])
        end = start + len(gold["quantity"])
        q = next((q for q in article.quantities if q.span.start < end and start < q.span.end), None)
        row = {"id": item["id"], "family": item["family"], "gold": gold, "found": q is not None}
        if q is not None:
            claim = claim_of.get(q.id)
            source = claim.source if claim else None
            row.update(
                quantity=q.span.text,
                value_ok=_close(gold["value"], q.value) and _close(gold["low"], q.low)
                and _close(gold["high"], q.high) and gold["unit"] == q.unit,
                value=(q.value, q.low, q.high, q.unit),
                source=source.span.text if source else None,
                source_kind=source.kind if source else None,
                modality=claim.modality if claim else None,
            )
            row["source_ok"] = same_source(gold["source"], row["source"])
            row["kind_ok"] = gold["source_kind"] == row["source_kind"]
            row["modality_ok"] = gold["modality"] == row["modality"]
        rows.append(row)
    return rows


def run(path: Path, nlp=None) -> list[dict]:
    import claimline

    nlp = nlp or claimline.load()
    items = [json.loads(line) for line in (path / "items.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows: list[dict] = []
    for item in items:
        article = claimline.extract(item["text"], doc_id=item["id"], published=item["published"], nlp=nlp)
        rows += score_item(item, article)
    return rows


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f} % ({n}/{d})" if d else "   n/a"


def report(rows: list[dict], errors: bool = False, out=sys.stdout) -> dict:
    found = [r for r in rows if r["found"]]
    totals = {
        "figure_recall": len(found) / len(rows) if rows else 0.0,
        **{k: (sum(r[f"{k}_ok"] for r in found) / len(found) if found else 0.0)
           for k in ("value", "source", "kind", "modality")},
    }
    print(f"claims-dev: {len(rows)} figures", file=out)
    print(f"  figure recall      {_pct(len(found), len(rows))}", file=out)
    for k, label in (("value", "value+unit"), ("source", "source"), ("kind", "source kind"), ("modality", "modality")):
        print(f"  {label:<18} {_pct(sum(r[f'{k}_ok'] for r in found), len(found))}   of figures found", file=out)
    for key, title in (("family", "family"), ("modality", "gold modality")):
        print(f"\nby {title}: found / source / modality", file=out)
        groups: dict[str, list] = defaultdict(list)
        for r in rows:
            groups[r["family"] if key == "family" else r["gold"]["modality"]].append(r)
        for name, rs in sorted(groups.items()):
            f = [r for r in rs if r["found"]]
            print(f"  {name:<18} {len(f):3}/{len(rs):<3} {sum(r['source_ok'] for r in f):3}  {sum(r['modality_ok'] for r in f):3}", file=out)
    confusion = Counter((r["gold"]["modality"], r["modality"]) for r in found if not r["modality_ok"])
    if confusion:
        print("\nmodality confusions (gold -> predicted): "
              + ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common()), file=out)
    if errors:
        print("\nerrors:", file=out)
        for r in rows:
            g = r["gold"]
            if not r["found"]:
                print(f"  {r['id']} MISSED {g['quantity']!r}", file=out)
                continue
            bad = [k for k in ("value", "source", "modality") if not r[f"{k}_ok"]]
            if bad:
                print(f"  {r['id']} {g['quantity']!r} [{'/'.join(bad)}] gold: {g['source']!r} {g['modality']} "
                      f"{(g['value'], g['low'], g['high'], g['unit'])} | pred: {r['source']!r} {r['modality']} {r['value']}",
                      file=out)
    return totals


class _Timed:
    """A pipeline component that adds its time to ``totals[name]``."""

    def __init__(self, proc, name: str, totals: dict) -> None:
        self.proc, self.name, self.totals = proc, name, totals

    def __call__(self, doc):
        start = time.process_time()
        out = self.proc(doc)
        self.totals[self.name] += time.process_time() - start
        return out


def timing(texts: list[str], repeat: int = 1, out=sys.stdout) -> dict:
    """CPU seconds spent in the model's own pipes (bare spaCy) and in each claimline component."""
    import claimline

    nlp = claimline.load()
    totals: dict[str, float] = defaultdict(float)
    nlp._components[:] = [(name, _Timed(proc, name if name.startswith("claimline_") else "spacy", totals))
                          for name, proc in nlp._components]
    for text in texts:  # warm-up
        nlp(text)
    totals.clear()
    for _ in range(repeat):
        for text in texts:
            nlp(text)
    spacy_time = totals["spacy"]
    ours = totals["claimline_quantities"] + totals["claimline_claims"]
    print(f"timing over {len(texts)} texts x {repeat}: spaCy pipes {spacy_time:.2f} s", file=out)
    for name in sorted(k for k in totals if k != "spacy"):
        print(f"  {name:<24} {totals[name]:7.3f} s  {100 * totals[name] / spacy_time:5.2f} % of spaCy", file=out)
    print(f"  quantities + claims      {ours:7.3f} s  {100 * ours / spacy_time:5.2f} % of spaCy (target <= 3 %)", file=out)
    return dict(totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--timing", type=Path, nargs="?", const=DEFAULT_PATH.parent / "news-dev" / "raw",
                        help="also time the quantities and claims components against spaCy's pipes on the "
                             "*.txt files of a folder (default: news-dev/raw) and the claims-dev items")
    args = parser.parse_args(argv)
    if not (args.path / "items.jsonl").is_file():
        print(f"no claims-dev corpus at {args.path}", file=sys.stderr)
        return 2
    totals = report(run(args.path), errors=args.errors)
    if args.timing:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.timing.glob("*.txt"))]
        texts += [json.loads(line)["text"] for line in (args.path / "items.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        print()
        timing(texts)
    if args.json:
        print(json.dumps(totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
