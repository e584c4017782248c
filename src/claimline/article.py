"""Turn a processed spaCy ``Doc`` into an :class:`~claimline.models.Article`.

The Doc was built from the normalised text (same length as the input), so its offsets
index the original text too; the Article carries the original.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from claimline import doc as ctx
from claimline.layout.regions import locate
from claimline.models import (
    Article,
    Claim,
    Entity,
    Event,
    Mention,
    PublishedSource,
    Quantity,
    Section,
    Sentence,
    Span,
    Timex,
)

# Article field (= Doc layer) -> model
_FIELDS: tuple[tuple[str, type], ...] = (
    ("mentions", Mention),
    ("entities", Entity),
    ("timexes", Timex),
    ("quantities", Quantity),
    ("claims", Claim),
    ("events", Event),
)


class SpanFactory:
    """Makes :class:`Span` objects for (start, end) pairs of one text."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self._sentences = sentences

    def sentence_of(self, offset: int) -> int | None:
        i = locate(self._sentences, offset)
        return i if i >= 0 else None

    def __call__(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end], sentence=self.sentence_of(start))


def sentences_of(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc`` (:func:`claimline.doc.sentences`) with their section kind."""
    return [Sentence(index=s.index, start=s.start, end=s.end, section=s.section) for s in ctx.sentences(doc)]


def _spans_in(value: Any, make_span: SpanFactory) -> Any:
    """Replace every ``{"start": s, "end": e}`` dict in ``value`` by a Span."""
    if isinstance(value, dict):
        if set(value) == {"start", "end"}:
            return make_span(value["start"], value["end"])
        return {k: _spans_in(v, make_span) for k, v in value.items()}
    if isinstance(value, list):
        return [_spans_in(v, make_span) for v in value]
    return value


def build_article(
    doc: Doc,
    *,
    text: str,
    doc_id: str,
    model: str | None = None,
    warnings: list[str] | None = None,
) -> Article:
    """The Article for ``doc``, whose text is the normalised form of ``text``."""
    if len(ctx.doc_index(doc).text) != len(text):
        raise ValueError("the Doc's text must be the normalised input (same length)")
    sections = [Section(kind=s.kind, start=s.start, end=s.end) for s in ctx.sections(doc)]
    if not sections and text:
        sections = [Section(kind="body", start=0, end=len(text))]
    sentences = sentences_of(doc)
    make_span = SpanFactory(text, sentences)
    title = next((text[s.start : s.end].strip() for s in sections if s.kind == "title"), None)
    source: PublishedSource | None = ctx.published_source(doc)  # type: ignore[assignment]
    fields = {
        name: [model_cls.model_validate(_spans_in(rec, make_span)) for rec in ctx.layer(doc, name)]
        for name, model_cls in _FIELDS
    }
    return Article(
        doc_id=doc_id,
        text=text,
        title=title,
        published=ctx.published(doc),
        published_source=source,
        model=model,
        warnings=list(warnings or []) + ctx.warnings(doc),
        sections=sections,
        sentences=sentences,
        **fields,
    )


__all__ = ["SpanFactory", "build_article", "sentences_of"]
