"""Turn a processed spaCy ``Doc`` into an :class:`~claimline.models.Article`.

The Doc was built from the normalised text (same length as the input), so its offsets
index the original text too; the Article carries the original.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

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

_FIELDS: tuple[tuple[str, str, type], ...] = (
    ("mentions", "claimline_mentions", Mention),
    ("entities", "claimline_entities", Entity),
    ("timexes", "claimline_timexes", Timex),
    ("quantities", "claimline_quantities", Quantity),
    ("claims", "claimline_claims", Claim),
    ("events", "claimline_events", Event),
)


class SpanFactory:
    """Makes :class:`Span` objects for (start, end) pairs of one text."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self._starts = [s.start for s in sentences]

    def sentence_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 else None

    def __call__(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end], sentence=self.sentence_of(start))


def sentences_of(doc: Doc, sections: list[Section]) -> list[Sentence]:
    """The sentences of ``doc`` (``doc._.claimline_sentences``) with their section kind."""
    bounds = doc._.claimline_sentences
    if bounds is None:  # a pipeline without claimline_sections
        from claimline.components.sections import doc_sentences

        bounds = doc_sentences(doc, [s.start for s in sections])
    starts = [s.start for s in sections]
    out: list[Sentence] = []
    for start, end in bounds:
        kind = sections[bisect.bisect_right(starts, start) - 1].kind if sections else "body"
        out.append(Sentence(index=len(out), start=start, end=end, section=kind))
    return out


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
    if len(doc.text) != len(text):
        raise ValueError("the Doc's text must be the normalised input (same length)")
    sections = [Section(kind=k, start=s, end=e) for k, s, e in (doc._.claimline_sections or [])]
    if not sections and text:
        sections = [Section(kind="body", start=0, end=len(text))]
    sentences = sentences_of(doc, sections)
    make_span = SpanFactory(text, sentences)
    title = next((text[s.start : s.end].strip() for s in sections if s.kind == "title"), None)
    published = doc._.claimline_published
    source: PublishedSource | None = doc._.claimline_published_source if published else None
    fields = {
        name: [model_cls.model_validate(_spans_in(rec, make_span)) for rec in (getattr(doc._, ext) or [])]
        for name, ext, model_cls in _FIELDS
    }
    return Article(
        doc_id=doc_id,
        text=text,
        title=title,
        published=published,
        published_source=source,
        model=model,
        warnings=list(warnings or []) + list(doc._.claimline_warnings or []),
        sections=sections,
        sentences=sentences,
        **fields,
    )


__all__ = ["SpanFactory", "build_article", "sentences_of"]
