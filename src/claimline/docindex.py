"""Offset lookups on a spaCy ``Doc`` without rebuilding it each time.

``doc.text`` joins every token on each access and ``[t.idx for t in doc]`` creates every
Token object: called once per sentence or per match, both make a component quadratic in
the length of the article. :func:`doc_index` computes them once per Doc (it keeps the
last Doc it indexed; tokens never change once a Doc is made).

>>> index = doc_index(doc)  # doctest: +SKIP
>>> index.token_at(120)     # doctest: +SKIP
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.tokens import Doc


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


__all__ = ["DocIndex", "doc_index"]
