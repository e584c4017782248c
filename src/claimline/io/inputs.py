"""What one input to claimline is, and how it becomes the text and date the pipeline reads.

An input is a text, a mapping ``{"text", "doc_id", "published"}``, an
:class:`ArticleInput` or a ``(text, {"doc_id", "published"})`` tuple.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any, NamedTuple

from claimline.calendar import as_date
from claimline.errors import Errors, InputError, Warnings
from claimline.models import PublishedSource
from claimline.text.model_text import replace_surrogates


class ArticleInput(NamedTuple):
    """One input of :func:`extract_many`; ``origin`` (e.g. ``"corpus.jsonl:12"``) names
    where it was read from, for error messages."""

    text: str
    doc_id: str | None = None
    published: str | dt.date | None = None
    origin: str | None = None


def parse_published(value: str | dt.date | dt.datetime | None, *, name: str = "published") -> dt.date | None:
    """``value`` as a date: an ISO string ("2025-09-21"), a date, a datetime or None
    (:func:`claimline.calendar.as_date`); InputError naming ``name`` otherwise."""
    try:
        return as_date(value)
    except ValueError:
        raise InputError(Errors.E002.format(name=name, value=value)) from None


def default_doc_id(text: str) -> str:
    """A deterministic id for a text given without one: ``doc-`` + 16 hex of its SHA-256."""
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def as_input(item: Any) -> ArticleInput:
    if isinstance(item, ArticleInput):
        return item
    if isinstance(item, str):
        return ArticleInput(item)
    if isinstance(item, Mapping) and "text" in item:
        return ArticleInput(item["text"], item.get("doc_id"), item.get("published"), item.get("origin"))
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        return ArticleInput(item[0], item[1].get("doc_id"), item[1].get("published"))
    raise InputError(Errors.E008.format(name="items", type=type(item).__name__))


def prepare_text(text: Any, *, html: bool = False, name: str = "text") -> tuple[str, list[str]]:
    """The text claimline reads for the input ``text``, and the warnings about it.

    Raises :class:`InputError` for a non-str or for HTML when ``html`` is False;
    extracts the article of an HTML page when ``html`` is True (:func:`claimline.html_to_text`);
    replaces lone surrogates by U+FFFD (same length) and warns when the text is not French.

    >>> prepare_text("<p>Un</p><p>Deux</p><br>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    claimline.errors.InputError: [E020] text: the text looks like HTML (<p>, </p>, <p>)...
    """
    return _prepare(text, html=html, name=name)[:2]


def _prepare(text: Any, *, html: bool, name: str) -> tuple[str, list[str], dt.date | None, PublishedSource | None]:
    """:func:`prepare_text`, plus the page's publication date and its source when ``html``."""
    from claimline.text.html import extract_page, html_evidence
    from claimline.text.language import language_warning

    if not isinstance(text, str):
        raise InputError(Errors.E001.format(name=name, type=type(text).__name__))
    published: dt.date | None = None
    source: PublishedSource | None = None
    if html:
        page = extract_page(text)
        published, source = (page.published, "page") if page.published else _byline_of_page(text)
        text = page.text
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
    return text, warnings, published, source


def _byline_of_page(html: str) -> tuple[dt.date | None, PublishedSource | None]:
    """The date of the byline printed on the page (all its text, furniture included)."""
    from claimline.layout.published import read_byline_date
    from claimline.layout.sections import split_sections
    from claimline.text.html import plain_text
    from claimline.text.model_text import model_text

    text = model_text(plain_text(html))
    found = read_byline_date(text, split_sections(text))
    return (found.date, "byline") if found else (None, None)


def _check_doc_id(doc_id: str) -> None:
    if not doc_id.strip():
        raise InputError(Errors.E021.format(name="doc_id", value=doc_id, detail="expected a non-empty string"))
    if replace_surrogates(doc_id)[1]:
        raise InputError(
            Errors.E021.format(name="doc_id", value=doc_id, detail="it contains lone surrogates (invalid Unicode)")
        )


def input_doc_id(item: ArticleInput) -> str | None:
    if item.doc_id is not None:
        if isinstance(item.doc_id, (bytes, bytearray)):
            raise InputError(Errors.E001.format(name="doc_id", type=type(item.doc_id).__name__))
        return str(item.doc_id)
    return default_doc_id(item.text) if isinstance(item.text, str) else None


class ReadInput(NamedTuple):
    text: str  # Article.text
    published: dt.date | None
    warnings: list[str]
    published_source: PublishedSource | None = None


def read_input(item: ArticleInput, doc_id: str | None, *, html: bool) -> ReadInput:
    """Article.text, the publication date, the warnings and where the date comes from for
    ``item`` (given > the HTML page's metadata > the page's byline); InputError if unusable."""
    text, warnings, page_published, page_source = _prepare(item.text, html=html, name="text")
    published = parse_published(item.published)
    source: PublishedSource | None = "given" if published else None
    if published is None and page_published is not None:
        published, source = page_published, page_source
    today = dt.date.today()
    if published is not None and published > today:
        warnings.append(Warnings.W002.format(published=published.isoformat(), today=today.isoformat()))
    if item.doc_id is not None and doc_id is not None:
        _check_doc_id(doc_id)
    return ReadInput(text, published, warnings, source)


__all__ = ["ArticleInput", "ReadInput", "as_input", "default_doc_id", "input_doc_id", "parse_published", "prepare_text", "read_input"]
