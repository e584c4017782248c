"""The event lexicon (``resources/fr/events.json``): event nouns, light, stative, modal,
reporting and denial verbs, negation and hedge cues, the cues that make a timex a bound or
a comparison, place nouns, and the lemma classes the timeline merges on.

>>> lex = load_lexicon()
>>> "sommet" in lex.event_noun_lemmas, lex.modal_of["pouvoir"]
(True, 'hedged')
>>> lex.same_class("sommet", "rencontrer")
True
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimline.resources import load_json


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Word(_Strict):
    lemma: str
    example: str


class ModalVerb(Word):
    modality: Literal["planned", "hedged"]


class Cue(_Strict):
    cue: str
    example: str


class MergeClass(_Strict):
    name: str
    lemmas: list[str]
    example: str


class EventLexicon(_Strict):
    """The validated content of ``events.json``."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    format: str
    source: str
    event_nouns: list[Word]
    light_verbs: list[Word]
    stative_verbs: list[Word]
    modal_verbs: list[ModalVerb]
    reporting_verbs: list[Word]
    denial_verbs: list[Word]
    negation_words: list[Word]
    restrictive_words: list[Word]
    hedge_words: list[Word]
    according_to: list[Cue]
    merge_classes: list[MergeClass]
    event_noun_classes: list[MergeClass]
    bound_cues: list[Cue]
    comparison_cues: list[Cue]
    timex_prepositions: list[Word]
    planning_participles: list[Word]
    place_nouns: list[Word]

    @cached_property
    def event_noun_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.event_nouns) | {
            lemma for c in self.event_noun_classes for lemma in c.lemmas
        }

    @cached_property
    def light_verb_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.light_verbs)

    @cached_property
    def stative_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.stative_verbs)

    @cached_property
    def modal_of(self) -> dict[str, str]:
        return {w.lemma: w.modality for w in self.modal_verbs}

    @cached_property
    def reporting_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.reporting_verbs)

    @cached_property
    def denial_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.denial_verbs)

    @cached_property
    def negation_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.negation_words)

    @cached_property
    def restrictive_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.restrictive_words)

    @cached_property
    def hedge_phrases(self) -> tuple[str, ...]:
        return tuple(w.lemma for w in self.hedge_words)

    @cached_property
    def according_to_cues(self) -> tuple[str, ...]:
        return tuple(c.cue for c in self.according_to)

    @cached_property
    def bound_cue_words(self) -> tuple[str, ...]:
        return tuple(c.cue.replace("’", "'") for c in self.bound_cues)

    @cached_property
    def comparison_words(self) -> frozenset[str]:
        return frozenset(c.cue.replace("’", "'") for c in self.comparison_cues)

    @cached_property
    def timex_preposition_words(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.timex_prepositions)

    @cached_property
    def planning_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.planning_participles)

    @cached_property
    def place_noun_lemmas(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.place_nouns)

    @cached_property
    def _class_of(self) -> dict[str, str]:
        return {lemma: c.name for c in self.merge_classes for lemma in c.lemmas}

    def event_class(self, lemma: str) -> str | None:
        """The merge class of ``lemma`` ('meeting' for 'sommet'), or None."""
        return self._class_of.get(lemma.casefold())

    def same_class(self, a: str, b: str) -> bool:
        """Whether two trigger lemmas can name the same real-world event."""
        a, b = a.casefold(), b.casefold()
        if a == b:
            return True
        cls = self.event_class(a)
        return cls is not None and cls == self.event_class(b)


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> EventLexicon:
    """The packaged lexicon, or a user's file of the same format at ``path``."""
    return load_json("events.json", EventLexicon, path=Path(path) if path else None)


__all__ = ["EventLexicon", "load_lexicon"]
