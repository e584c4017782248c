"""Read a corpus lazily: .txt files, folders of them (with ``metadata.json``), JSONL files.

A JSONL corpus has one article per line::

    {"doc_id": "lemonde-123", "text": "Le 18 septembre 2025, ...", "published": "2025-09-21"}

(``doc_id`` and ``published`` are optional, other keys are ignored). Nothing is read
before it is needed: :func:`plan_inputs` lists the sources, :func:`iter_inputs` yields
one :class:`~claimline.io.inputs.ArticleInput` at a time; bad inputs go to an error list (one
line each) and the stream goes on. The decoding helpers work on bytes so that
:mod:`claimline.distributed` reads any fsspec URL with them.

>>> errors = []
>>> sources = plan_inputs(["data/raw", "corpus.jsonl"], errors)  # doctest: +SKIP
>>> next(iter_inputs(sources, errors.append)).doc_id  # doctest: +SKIP
'000_9c2b6372b2c85d88'
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimline.errors import Errors, InputError
from claimline.io.inputs import ArticleInput, default_doc_id, parse_published

JSONL_SUFFIXES = (".jsonl", ".ndjson")
_BINARY_PROBE = 8192
MAX_BYTES = 10_000_000
"""The largest article read by default (a .txt file or a JSONL line): processing takes
about 300 MB of memory per MB of text, so a bigger one is refused (``max_bytes=``, CLI
``--max-bytes``; 0 for no limit)."""


@dataclass(frozen=True)
class TextFile:
    """One article per file; ``doc_id`` is the file stem."""

    path: Path
    doc_id: str
    published: str | None = None


@dataclass(frozen=True)
class JsonlFile:
    """One article per line."""

    path: Path


Source = TextFile | JsonlFile


def decode_text(data: bytes, path: object) -> str:
    """The UTF-8 text in ``data`` (read from ``path``), or an :class:`InputError` saying what is wrong."""
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


def _too_big(size: int, max_bytes: int) -> str | None:
    if max_bytes and size > max_bytes:
        return (f"{size:,} bytes, over the limit of {max_bytes:,} (about 300 MB of memory per MB of text; "
                "raise it with --max-bytes)")
    return None


def read_text_file(path: Path, *, max_bytes: int = 0) -> str:
    """The UTF-8 text of ``path``, or an :class:`InputError` saying what is wrong
    (missing, unreadable, larger than ``max_bytes`` when given, not UTF-8)."""
    if not path.is_file():
        raise InputError(Errors.E004.format(path=path))
    try:
        big = _too_big(path.stat().st_size, max_bytes)
        if big:
            raise InputError(Errors.E009.format(path=path, detail=big))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Errors.E009.format(path=path, detail=f"cannot read ({err.strerror or err})")) from None
    return decode_text(data, path)


def parse_metadata(data: bytes | str, path: object) -> dict[str, dict]:
    """The ``articles`` mapping of a ``metadata.json`` ({doc_id: {"published": ...}})."""
    try:
        articles = json.loads(data)["articles"]
        if not isinstance(articles, dict):
            raise TypeError("'articles' is not an object")
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(Errors.E009.format(path=path, detail=f"not a claimline metadata file ({err})")) from None
    return articles


def metadata_published(meta: dict, doc_id: str, path: object) -> str | None:
    """The ``published`` date of ``doc_id`` in a ``metadata.json`` mapping (None if absent);
    an :class:`InputError` when its entry is not an object or its date not a string."""
    entry = meta.get(doc_id)
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise InputError(Errors.E009.format(
            path=path, detail=f"the entry of {doc_id!r} is not an object ({type(entry).__name__}); "
            'expected {"published": "YYYY-MM-DD"}'))
    published = entry.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError(Errors.E009.format(
            path=path, detail=f"the 'published' of {doc_id!r} is not a string ({published!r})"))
    return published


def parse_jsonl_line(line: str | bytes, *, path: object, line_no: int) -> ArticleInput | None:
    """The article on one JSONL line (None for a blank line), or an :class:`InputError` E017.

    >>> parse_jsonl_line('{"doc_id": "a", "text": "Il pleut.", "published": "2025-09-21"}', path="c.jsonl", line_no=1)
    ArticleInput(text='Il pleut.', doc_id='a', published='2025-09-21', origin='c.jsonl:1')
    """
    if not line.strip():
        return None

    def bad(detail: str) -> InputError:
        return InputError(Errors.E017.format(path=path, line=line_no, detail=detail))

    try:
        record = json.loads(line)
    except UnicodeDecodeError as err:
        raise bad(f"not UTF-8 (invalid byte at column {err.start + 1})") from None
    except ValueError as err:
        raise bad(f"not valid JSON ({err})") from None
    if not isinstance(record, dict):
        raise bad(f"expected a JSON object, got {type(record).__name__}")
    text, doc_id, published = record.get("text"), record.get("doc_id"), record.get("published")
    if not isinstance(text, str) or not text.strip():
        raise bad("'text' is missing, empty or not a string")
    if doc_id is not None and (not isinstance(doc_id, str) or not doc_id):
        raise bad(f"'doc_id'={doc_id!r} is not a non-empty string")
    try:
        parse_published(published, name="'published'")
    except InputError as err:
        raise bad(str(err).removeprefix("[E002] ").rstrip(".")) from None
    return ArticleInput(text, doc_id, published, f"{path}:{line_no}")


def _folder_metadata(folder: Path, errors: list[str]) -> dict[str, dict]:
    meta = folder / "metadata.json"
    if not meta.is_file():
        return {}
    try:
        return parse_metadata(meta.read_bytes(), meta)
    except OSError as err:
        errors.append(Errors.E009.format(path=meta, detail=f"cannot read ({err.strerror or err})"))
    except InputError as err:
        errors.append(str(err))
    return {}


def _folder_files(folder: Path, errors: list[str]) -> list[Path]:
    """The .txt files of ``folder``, sorted; a broken symbolic link is an error, not skipped."""
    files = []
    for path in sorted(folder.glob("*.txt")):
        if path.is_file():
            files.append(path)
        elif path.is_symlink() and not path.exists():
            errors.append(Errors.E004.format(path=path).removesuffix(".") + " (a broken symbolic link).")
    if not files:
        errors.append(Errors.E009.format(path=folder, detail="no .txt file in this folder"))
    return files


def plan_inputs(paths: Sequence[str | Path], errors: list[str]) -> list[Source]:
    """The sources named by ``paths``: JSONL files, .txt files, folders (their .txt, sorted).

    Only names are listed here (nothing is read but ``metadata.json``); a missing path,
    an empty folder or a bad ``metadata.json`` entry (its file is left out) is appended
    to ``errors``.
    """
    sources: list[Source] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files, folder = _folder_files(path, errors), path
        elif path.is_file() and path.suffix.lower() in JSONL_SUFFIXES:
            sources.append(JsonlFile(path))
            continue
        elif path.exists():
            files, folder = [path], path.parent
        else:
            errors.append(Errors.E004.format(path=path))
            continue
        meta = _folder_metadata(folder, errors) if files else {}
        for file in files:
            try:
                published = metadata_published(meta, file.stem, folder / "metadata.json")
            except InputError as err:
                errors.append(str(err))
                continue
            sources.append(TextFile(file, file.stem, published))
    return sources


def input_paths(paths: Sequence[str | Path], sources: Iterable[Source]) -> list[Path]:
    """Every path a run reads: the paths given, their files and ``metadata.json`` files
    (an output must be none of them)."""
    found = [Path(p) for p in paths]
    for source in sources:
        found.append(source.path)
        if isinstance(source, TextFile):
            found.append(source.path.parent / "metadata.json")
    return list(dict.fromkeys(found))


def count_items(sources: Iterable[Source]) -> int:
    """How many articles ``sources`` hold at most (JSONL lines are counted, streaming)."""
    total = 0
    for source in sources:
        if isinstance(source, TextFile):
            total += 1
            continue
        try:
            with source.path.open("rb") as f:
                last = b"\n"
                for block in iter(lambda: f.read(1 << 20), b""):
                    total += block.count(b"\n") or block.count(b"\r")
                    last = block[-1:]
                total += last not in (b"\n", b"\r")
        except OSError:
            continue  # reported when it is read
    return total


def jsonl_lines(f) -> Iterator[tuple[int, bytes]]:
    """``(line_no, line)`` for the lines of a binary file: LF, CRLF or CR-only line ends.

    A CR inside a valid JSONL line is always a line end (JSON escapes it in strings).
    """
    line_no = 0
    for raw in f:
        body = raw[:-2] if raw.endswith(b"\r\n") else raw
        for piece in body.split(b"\r") if b"\r" in body else (raw,):
            line_no += 1
            yield line_no, piece


def _jsonl_items(source: JsonlFile, on_error: Callable[[str], object], max_bytes: int) -> Iterator[ArticleInput]:
    try:
        f = source.path.open("rb")
    except OSError as err:
        on_error(Errors.E009.format(path=source.path, detail=f"cannot read ({err.strerror or err})"))
        return
    with f:
        for line_no, line in jsonl_lines(f):
            try:
                big = _too_big(len(line), max_bytes)
                if big:
                    raise InputError(Errors.E017.format(path=source.path, line=line_no, detail=f"the line is {big}"))
                item = parse_jsonl_line(line, path=source.path, line_no=line_no)
            except InputError as err:
                on_error(str(err))
                continue
            if item is not None:
                yield item


def iter_inputs(
    sources: Iterable[Source],
    on_error: Callable[[str], object],
    *,
    published: str | None = None,
    keep: Callable[[str, str], bool] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[ArticleInput]:
    """One :class:`ArticleInput` per article of ``sources``, read when needed.

    ``published`` overrides every date; ``keep(doc_id, origin)`` decides whether an
    article is wanted (e.g. not done yet), before a .txt file is even read. Unreadable
    files, bad JSONL lines and articles over ``max_bytes`` (0: no limit) are passed to
    ``on_error`` (e.g. ``errors.append``).
    """
    for source in sources:
        if isinstance(source, TextFile):
            if keep is not None and not keep(source.doc_id, str(source.path)):
                continue
            try:
                text = read_text_file(source.path, max_bytes=max_bytes)
            except InputError as err:
                on_error(str(err))
                continue
            yield ArticleInput(text, source.doc_id, published or source.published, str(source.path))
            continue
        for item in _jsonl_items(source, on_error, max_bytes):
            item = item._replace(doc_id=item.doc_id or default_doc_id(item.text), published=published or item.published)
            if keep is None or keep(item.doc_id, item.origin):
                yield item


__all__ = [
    "MAX_BYTES",
    "JsonlFile",
    "Source",
    "TextFile",
    "count_items",
    "decode_text",
    "input_paths",
    "iter_inputs",
    "jsonl_lines",
    "metadata_published",
    "parse_jsonl_line",
    "parse_metadata",
    "plan_inputs",
    "read_text_file",
]
