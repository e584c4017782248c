"""The Doc context claimline's components share: the ``Doc._`` extensions, typed
accessors over them, and the offset index of a Doc.

Values stored on the Doc stay JSON-friendly (str, int, float, None, lists and dicts of
them) so that docs serialise across ``nlp.pipe(n_process=...)`` workers and into
``Doc.to_bytes``; the rest of claimline reads and writes them only through the functions
here, never as raw lists:

- :func:`published` / :func:`set_published`: the publication date (DCT) and where it
  comes from: ``"given"``, ``"page"`` (HTML metadata), ``"byline"`` or ``"inferred"``;
- :func:`sections` / :func:`set_sections`, :func:`section_at`: the typed sections
  (:class:`~claimline.layout.regions.DocSection`);
- :func:`sentences` / :func:`set_sentences`, :func:`sentence_at`: the sentences every
  component uses (:class:`~claimline.layout.regions.DocSentence`, with the kind of their
  section);
- :func:`layer` / :func:`set_layer`: ``"timexes"``, ``"quantities"``, ``"mentions"``,
  ``"entities"``, ``"claims"``, ``"events"``: lists of dicts shaped like the matching
  model in :mod:`claimline.models`, except that every span is ``{"start": s, "end": e}``
  (the Article builder adds the text and the sentence index);
- :func:`warnings` / :func:`add_warnings`: messages for the caller;
- :class:`DocIndex` / :func:`doc_index`: the text and token offsets of a Doc.

Stored shapes: ``claimline_sections`` is ``[[kind, start, end], ...]``,
``claimline_sentences`` ``[[start, end], ...]``, ``claimline_published`` an ISO date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from collections.abc import Iterable
from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Doc

from claimline.layout.regions import DocSection, DocSentence, kind_at, locate
from claimline.layout.sentences import refine_sentences

EXTENSIONS = (
    "claimline_published",
    "claimline_published_source",
    "claimline_sections",
    "claimline_sentences",
    "claimline_timexes",
    "claimline_quantities",
    "claimline_mentions",
    "claimline_entities",
    "claimline_claims",
    "claimline_events",
    "claimline_warnings",
)


def register_extensions() -> None:
    """Register every ``Doc._.claimline_*`` extension (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


# -- offset index (built once per Doc) --------------------------------------------------


class DocIndex:
    """The text and token start offsets of one Doc."""

    __slots__ = ("starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.text: str = doc.text
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []

    def token_index_at(self, offset: int) -> int:
        """Index of the last token starting at or before ``offset`` (-1 if none)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def first_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (``len(doc)`` if none)."""
        return bisect.bisect_left(self.starts, offset)

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens that start in ``[start, end)``."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


_indexes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def doc_index(doc: Doc) -> DocIndex:
    """The :class:`DocIndex` of ``doc``, built once per Doc and kept while the Doc lives.

    Every component asks for it; ``nlp.pipe`` runs each component over a whole batch
    before the next one, so a cache of the last Doc only was rebuilt by every component."""
    found = _indexes.get(doc)
    if found is None:
        found = _indexes[doc] = DocIndex(doc)
    return found


# -- typed accessors --------------------------------------------------------------------

LAYERS = ("timexes", "quantities", "mentions", "entities", "claims", "events")


def published(doc: Doc) -> dt.date | None:
    """The publication date (DCT) set on ``doc``, or None."""
    value = doc._.claimline_published
    return dt.date.fromisoformat(value) if value else None


def published_source(doc: Doc) -> str | None:
    """``"given"``, ``"page"``, ``"byline"`` or ``"inferred"`` when a publication date is set, else None."""
    return doc._.claimline_published_source if doc._.claimline_published else None


def set_published(doc: Doc, day: dt.date | None, source: str | None) -> None:
    """Set the publication date of ``doc`` (None clears it) and where it comes from."""
    doc._.claimline_published = day.isoformat() if day else None
    doc._.claimline_published_source = source if day else None


def warnings(doc: Doc) -> list[str]:
    """The warnings components left on ``doc``."""
    return list(doc._.claimline_warnings or [])


def add_warnings(doc: Doc, messages: Iterable[str]) -> None:
    """Append ``messages`` to the warnings of ``doc``."""
    doc._.claimline_warnings = warnings(doc) + list(messages)


def _extension(name: str) -> str:
    if name not in LAYERS:
        raise ValueError(f"unknown layer {name!r}: expected one of {list(LAYERS)}")
    return f"claimline_{name}"


def layer(doc: Doc, name: str) -> list[dict[str, Any]]:
    """The items of the layer ``name`` (see :data:`LAYERS`); [] when no component wrote it."""
    return getattr(doc._, _extension(name)) or []


def has_layer(doc: Doc, name: str) -> bool:
    """Whether a component wrote the layer ``name`` on ``doc``."""
    return getattr(doc._, _extension(name)) is not None


def set_layer(doc: Doc, name: str, items: list[dict[str, Any]]) -> None:
    """Store the layer ``name`` (JSON-friendly dicts) on ``doc``."""
    setattr(doc._, _extension(name), list(items))


def set_sections(doc: Doc, items: Iterable[Any]) -> None:
    """Store the sections (objects with ``kind``, ``start``, ``end``) of ``doc``."""
    doc._.claimline_sections = [[s.kind, s.start, s.end] for s in items]


def set_sentences(doc: Doc, bounds: Iterable[tuple[int, int]]) -> None:
    """Store the sentence ``(start, end)`` bounds of ``doc``."""
    doc._.claimline_sentences = [[s, e] for s, e in bounds]


def model_sentences(doc: Doc, section_starts: list[int]) -> list[tuple[int, int]]:
    """The model's sentences of ``doc`` refined with line and section breaks
    (:func:`claimline.layout.sentences.refine_sentences`)."""
    starts = [sent[0].idx for sent in doc.sents] if doc.has_annotation("SENT_START") else []
    return refine_sentences(doc_index(doc).text, starts, section_starts)


class _Layout:
    """The typed sections and sentences of one Doc, rebuilt when the stored lists change."""

    __slots__ = ("raw", "sections", "sentences")

    def __init__(self, doc: Doc) -> None:
        self.raw = (doc._.claimline_sections, doc._.claimline_sentences)
        raw_sections, raw_sentences = self.raw
        self.sections = [DocSection(k, s, e) for k, s, e in raw_sections or []]
        if raw_sentences is None:  # a pipeline without claimline_sections
            raw_sentences = model_sentences(doc, [s.start for s in self.sections])
        self.sentences = [
            DocSentence(i, s, e, kind_at(self.sections, s)) for i, (s, e) in enumerate(raw_sentences)
        ]

    def current(self, doc: Doc) -> bool:
        raw = (doc._.claimline_sections, doc._.claimline_sentences)
        return all(a is b for a, b in zip(self.raw, raw))


_layouts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _layout_of(doc: Doc) -> _Layout:
    """The layout of ``doc``, kept per Doc (like :func:`doc_index`) and rebuilt when the
    stored lists are replaced."""
    found = _layouts.get(doc)
    if found is None or not found.current(doc):
        found = _layouts[doc] = _Layout(doc)
    return found


def sections(doc: Doc) -> list[DocSection]:
    """The sections of ``doc`` in text order ([] when ``claimline_sections`` did not run)."""
    return _layout_of(doc).sections


def section_at(doc: Doc, offset: int) -> str:
    """The kind of the section holding ``offset`` ("body" when there are no sections)."""
    return kind_at(_layout_of(doc).sections, offset)


def sentences(doc: Doc) -> list[DocSentence]:
    """The sentences of ``doc`` with their section kind (the model's sentences, refined,
    when ``claimline_sections`` did not run)."""
    return _layout_of(doc).sentences


def sentence_at(doc: Doc, offset: int) -> DocSentence | None:
    """The sentence holding ``offset`` (the last one starting at or before it), or None."""
    sents = _layout_of(doc).sentences
    i = locate(sents, offset)
    return sents[i] if i >= 0 else None


__all__ = [
    "EXTENSIONS",
    "LAYERS",
    "DocIndex",
    "DocSection",
    "DocSentence",
    "add_warnings",
    "doc_index",
    "has_layer",
    "layer",
    "model_sentences",
    "published",
    "published_source",
    "register_extensions",
    "section_at",
    "sections",
    "sentence_at",
    "sentences",
    "set_layer",
    "set_published",
    "set_sections",
    "set_sentences",
    "warnings",
]
