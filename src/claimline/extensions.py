"""The ``Doc._`` extensions claimline's components read and write.

Values are JSON-friendly (str, int, float, None, lists and dicts of them) so that
docs serialise across ``nlp.pipe(n_process=...)`` workers and into ``Doc.to_bytes``.

- ``claimline_published``: the publication date (DCT) as an ISO string, set by the
  caller before the pipeline runs, or None.
- ``claimline_published_source``: "given" or "inferred" (or None).
- ``claimline_sections``: ``[[kind, start, end], ...]``, written by ``claimline_sections``.
- ``claimline_sentences``: ``[[start, end], ...]``, the sentences every component uses.
- ``claimline_timexes`` / ``_quantities`` / ``_mentions`` / ``_entities`` / ``_claims`` /
  ``_events``: lists of dicts shaped like the matching model in :mod:`claimline.models`,
  except that every span is ``{"start": s, "end": e}`` (the Article builder adds the
  text and the sentence index).
- ``claimline_warnings``: list of messages for the caller.
"""

from __future__ import annotations

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

__all__ = ["EXTENSIONS", "register_extensions"]
