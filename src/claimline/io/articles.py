"""Read extracted Articles back: the one reader of Article JSON.

Used by ``claimline timeline``, ``claimline evaluate`` and :mod:`claimline.distributed`.
A path is any of:

- a ``.json`` file (one Article, ``claimline extract -o DIR`` writes one per article);
- a ``.jsonl`` / ``.ndjson`` file (one Article per line, ``extract --format jsonl``);
- a folder of them, including the ``part-*.jsonl`` files of a Dask run
  (``extract --scheduler ... -o DIR``); in a folder, JSON files that are not Articles
  (no ``doc_id`` and ``text``, e.g. a timeline written there) are skipped.

The same ``doc_id`` read twice (the same file named twice, a folder plus the JSONL of the
same run) is reported (E019) and only the first copy is kept: an article never counts twice.

>>> errors = []
>>> articles = read_articles(["out/"], errors)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from claimline.errors import Errors, InputError
from claimline.io.corpus import JSONL_SUFFIXES, read_text_file
from claimline.models import Article

ARTICLE_SUFFIXES = (".json", *JSONL_SUFFIXES)


def parse_article(text: str, origin: object, *, lenient: bool = False) -> Article | None:
    """The Article in ``text`` (one JSON object), or an :class:`InputError` (E016) naming
    ``origin``. With ``lenient``, a JSON object that is not an Article at all (no
    ``doc_id`` or ``text``) gives ``None``."""
    try:
        return Article.model_validate_json(text)
    except ValidationError as err:
        if lenient and not _looks_like_article(text):
            return None
        first = err.errors()[0]
        detail = f"{'.'.join(map(str, first['loc'])) or 'document'}: {first['msg']}"
        raise InputError(Errors.E016.format(path=origin, detail=detail)) from None


def _looks_like_article(text: str) -> bool:
    try:
        data = json.loads(text)
    except ValueError:
        return True  # broken JSON in an article file is an error, not "something else"
    return isinstance(data, dict) and "doc_id" in data and "text" in data


def iter_jsonl_articles(lines: Iterable[str], origin: object, errors: list[str] | None = None) -> Iterator[Article]:
    """The Articles of JSONL ``lines``; a bad line goes to ``errors`` (or raises when ``None``)."""
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            article = parse_article(line, f"{origin}, line {line_no}")
        except InputError as err:
            if errors is None:
                raise
            errors.append(str(err))
            continue
        if article is not None:
            yield article


def article_files(path: Path) -> list[Path]:
    """The files ``path`` names: itself, or a folder's .json / .jsonl files (sorted: parts in order)."""
    if not path.exists():
        raise InputError(Errors.E004.format(path=path))
    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.is_file())
    if not found:
        raise InputError(
            Errors.E009.format(path=path, detail="no Article files in this folder (.json, .jsonl or Dask part-*.jsonl)")
        )
    return found


def _read_file(file: Path, *, in_folder: bool, errors: list[str]) -> Iterator[Article]:
    try:
        text = read_text_file(file)
    except InputError as err:
        errors.append(str(err))
        return
    if file.suffix in JSONL_SUFFIXES:
        yield from iter_jsonl_articles(text.splitlines(), file, errors)
        return
    try:
        article = parse_article(text, file, lenient=in_folder)
    except InputError as err:
        errors.append(str(err))
        return
    if article is not None:
        yield article


def iter_articles(paths: Sequence[str | Path], errors: list[str]) -> Iterator[Article]:
    """The Articles at ``paths``, each ``doc_id`` once; problems go to ``errors``, one line each."""
    for _, article in iter_sourced_articles(paths, errors):
        yield article


def iter_sourced_articles(paths: Sequence[str | Path], errors: list[str]) -> Iterator[tuple[str, Article]]:
    """:func:`iter_articles` with where each Article was read ('out/a.json', 'out/part-00000.jsonl (article 3)')."""
    first: dict[str, str] = {}
    for name in paths:
        path = Path(name)
        try:
            files = article_files(path)
        except InputError as err:
            errors.append(str(err))
            continue
        for file in files:
            for n, article in enumerate(_read_file(file, in_folder=path.is_dir(), errors=errors), 1):
                origin = f"{file} (article {n})" if file.suffix in JSONL_SUFFIXES else str(file)
                if article.doc_id in first:
                    errors.append(
                        Errors.E019.format(
                            origin=origin, doc_id=article.doc_id, first=first[article.doc_id], outcome="skipped"
                        )
                    )
                    continue
                first[article.doc_id] = origin
                yield origin, article


def read_articles(paths: str | Path | Sequence[str | Path], errors: list[str] | None = None) -> list[Article]:
    """:func:`iter_articles` as a list. Without ``errors``, the first problem raises
    :class:`InputError`; with a list, problems are appended to it and reading goes on."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[str] = []
    articles = list(iter_articles(paths, found))
    if errors is None and found:
        raise InputError(found[0])
    if errors is not None:
        errors.extend(found)
    return articles


__all__ = ["ARTICLE_SUFFIXES", "article_files", "iter_articles", "iter_jsonl_articles", "iter_sourced_articles", "parse_article", "read_articles"]
