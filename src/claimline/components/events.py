"""``claimline_events``: the dated events of the text (last in the pipeline).

Reads ``doc._.claimline_timexes`` (and, when present, ``_mentions`` and ``_claims``)
and the dependency parse; writes ``doc._.claimline_events``: one dict per event, shaped
like :class:`claimline.models.Event` (see :mod:`claimline.events.extract`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimline.doc import register_extensions, set_layer
from claimline.events.extract import EventFinder
from claimline.events.lexicon import load_lexicon


class EventsComponent:
    """Dated events with their actors, place, claims and modality."""

    def __init__(
        self, nlp: Language, name: str, *, lexicon_path: str | None = None, sections: list[str] | None = None
    ) -> None:
        register_extensions()
        self.name = name
        kwargs = {} if sections is None else {"sections": sections}
        self._finder = EventFinder(load_lexicon(lexicon_path), **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        set_layer(doc, "events", self._finder(doc))
        return doc


@Language.factory(
    "claimline_events",
    default_config={"lexicon_path": None, "sections": ["title", "body"]},
    assigns=["doc._.claimline_events"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_events(nlp: Language, name: str, lexicon_path: str | None, sections: list[str]) -> EventsComponent:
    """Factory of ``claimline_events`` (``lexicon_path``: an events.json of your own;
    ``sections``: the section kinds to read, e.g. ``["title", "body", "comments"]``)."""
    return EventsComponent(nlp, name, lexicon_path=lexicon_path, sections=sections)


__all__ = ["EventsComponent", "make_events"]
