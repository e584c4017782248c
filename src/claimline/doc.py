"""The ``Doc._`` extensions claimline's components read and write, and the offset index of a Doc.

Values are JSON-friendly (str, int, float, None, lists and dicts of them) so that
docs serialise across ``nlp.pipe(n_process=...)`` workers and into ``Doc.to_bytes``.

- ``claimline_published``: the publication date (DCT) as an ISO string, set by the
  caller before the pipeline runs, or None.
- ``claimline_published_source``: "given", "page", "byline" or "inferred" (or None).
- ``claimline_sections``: ``[[kind, start, end], ...]``, written by ``claimline_sections``.
- ``claimline_sentences``: ``[[start, end], ...]``, the sentences every component uses.
- ``claimline_timexes`` / ``_quantities`` / ``_mentions`` / ``_entities`` / ``_claims`` /
  ``_events``: lists of dicts shaped like the matching model in :mod:`claimline.models`,
  except that every span is ``{"start": s, "end": e}`` (the Article builder adds the
  text and the sentence index).
- ``claimline_warnings``: list of messages for the caller.
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.tokens import Doc

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

    __slots__ = ("doc", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
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


_last: DocIndex | None = None


def doc_index(doc: Doc) -> DocIndex:
    """The :class:`DocIndex` of ``doc`` (cached for the last Doc asked about)."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = DocIndex(doc)
    return _last


__all__ = ["EXTENSIONS", "register_extensions", "DocIndex", "doc_index"]
