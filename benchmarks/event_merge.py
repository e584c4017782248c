"""Cross-document event merging: precision and recall of the timeline's merges.

    python benchmarks/event_merge.py [--folder benchmarks/event_merge] [--model fr_core_news_md]

``<folder>/raw`` holds short articles (with ``metadata.json``) that report the same events
in different words ("appel" / "s'est entretenu") and dates (relative / absolute), and
different events of the same day; ``<folder>/gold.json`` lists, for each real event, its
reports as ``[doc_id, trigger head word]``. The script extracts the articles, builds the
timeline and scores the merges pairwise over the gold reports:

- a pair of reports of ONE event that lands in one timeline event is a true merge, in two
  a missed merge (a report the extraction missed misses all its pairs);
- a pair of reports of DIFFERENT events that lands in one timeline event is a false merge.

Then it prints the timeline's events (date, label, sources).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import claimline


def extract(raw: Path, model: str) -> list[claimline.Article]:
    meta = json.loads((raw / "metadata.json").read_text(encoding="utf-8"))["articles"]
    items = [
        {"text": p.read_text(encoding="utf-8"), "doc_id": p.stem, "published": meta[p.stem]["published"]}
        for p in sorted(raw.glob("*.txt"))
    ]
    return list(claimline.extract_many(items, nlp=claimline.load(model)))


def score(timeline, gold: dict[str, list[list[str]]]) -> dict[str, float | int]:
    """Pairwise merge counts, precision and recall (module docstring)."""
    where: dict[tuple[str, str], str] = {}
    for event in timeline.events:
        for src in event.sources:
            where[(src.doc_id, src.trigger.text)] = event.id
    reports = [(name, (doc, word)) for name, refs in gold.items() for doc, word in refs]
    tp = fp = fn = 0
    for (ga, ra), (gb, rb) in itertools.combinations(reports, 2):
        ea, eb = where.get(ra), where.get(rb)
        merged = ea is not None and ea == eb
        if ga == gb:
            tp += merged
            fn += not merged
        else:
            fp += merged
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    found = sum(r in where for _, r in reports)
    return {"true_merges": tp, "false_merges": fp, "missed_merges": fn, "precision": precision,
            "recall": recall, "reports": len(reports), "reports_found": found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "benchmarks" / "event_merge")
    parser.add_argument("--model", default="fr_core_news_md")
    args = parser.parse_args(argv)
    gold = json.loads((args.folder / "gold.json").read_text(encoding="utf-8"))["events"]
    timeline = claimline.build_timeline(extract(args.folder / "raw", args.model))
    s = score(timeline, gold)
    print(f"event merging, {s['reports_found']}/{s['reports']} gold reports extracted: "
          f"precision {100 * s['precision']:.1f} % ({s['true_merges']} true, {s['false_merges']} false merges), "
          f"recall {100 * s['recall']:.1f} % ({s['missed_merges']} missed)")
    for event in timeline.events:
        sources = ", ".join(f"{src.doc_id}:{src.trigger.text}" for src in event.sources)
        print(f"  {event.when.label:<12} {event.label or event.text:<60} [{sources}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
