"""How sure the text is of a figure or an event: ONE modality order for claims and events.

The order, strongest first (``resources/fr/modality.json``, key ``order``)::

    question > negated > conditional > planned > reported > hedged > asserted

An item takes the first modality whose cue applies (:meth:`ModalityReader.decide`):

- ``question``: the stretch of sentence that holds the item ends with "?" (a question
  inside a quotation counts: "« Qui vit avec 900 euros ? », s'indigne X"), or it has
  "est-ce que";
- ``negated``: "ne" + a negative word ("pas", "jamais", "aucun"…) in the item's own
  clause, before the item and not cut off from it by a comma, "que" ("ne … que" is
  restrictive) or "mais";
- ``conditional``: the clause's verb (or its auxiliary) is in the conditional, read from
  the morphology OR from the form (future stem + "-rait", "-raient"…: the md model tags
  some conditionals as indicative), except the *futur du passé* under a past reporting
  verb ("a assuré que la ligne coûterait…": reported). A modal keeps its own reading:
  "pourrait" + infinitive is hedged, "devrait" + infinitive is planned, but the
  conditional past "aurait pu", "aurait dû" is conditional (counterfactual);
- ``planned``: future tense ("financera", "sera relevé"), a planning modal or intention
  verb governing the item's verb ("va verser", "doit créer", "compte fermer"),
  an intention verb whose object is the item ("ambitionne 250 000 logements"), or a date
  after publication (the caller says so);
- ``reported``: a source was found (the caller says so);
- ``hedged``: a hedge adverb ("probablement", "sans doute", "environ"), a hedging verb
  ("semble"), "pourrait", or an approximate figure (the caller says so);
- ``asserted``: nothing above.

Tokens are duck-typed spaCy tokens (``text``, ``lower_``, ``lemma_``, ``pos_``, ``dep_``,
``morph``, ``head``, ``children``, ``i``): this module does not import spaCy, so the events
layer can use it too.

>>> reader = modality_reader()
>>> reader.decide({"reported", "hedged"})
'reported'
>>> reader.decide({"question", "negated"}), reader.decide(set())
('question', 'asserted')
>>> reader.form_mood("atteindrait", "atteindre"), reader.form_mood("mourait", "mourir")
('conditional', None)
>>> reader.form_mood("embaucherons", "embaucher"), reader.form_mood("obtiendra", "obtenir")
('future', 'future')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from claimline.resources import load_json

ModalityName = Literal["question", "negated", "conditional", "planned", "reported", "hedged", "asserted"]
_ALL = ("question", "negated", "conditional", "planned", "reported", "hedged", "asserted")
_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop")


class ModalityCues(BaseModel):
    """The schema of ``modality.json``."""

    model_config = ConfigDict(extra="ignore")

    order: list[ModalityName]
    negations: list[str]
    negation_particles: list[str]
    restrictives: list[str]
    hedges: list[str]
    hedge_lemmas: list[str]
    modal_verbs: dict[str, Literal["planned", "hedged", "conditional"]]
    modal_verbs_conditional_past: list[str]
    intention_objects: list[str]
    past_future_modals: list[str]
    conditional_endings: list[str]
    future_endings: list[str]
    irregular_future_stems: list[str]
    question_phrases: list[str]
    hypothesis_marks: list[str]

    @field_validator("order")
    @classmethod
    def _complete(cls, order: list[str]) -> list[str]:
        if sorted(order) != sorted(_ALL):
            raise ValueError(f"the order must list each of {_ALL} once")
        return order


def _phrase(p: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in p.split())


class ModalityReader:
    """Modality cues over duck-typed tokens, with :class:`ModalityCues`."""

    def __init__(self, cues: ModalityCues) -> None:
        self.cues = cues
        self.order = tuple(cues.order)
        self._negations = {w.lower() for w in cues.negations}
        self._particles = {w.lower() for w in cues.negation_particles}
        self._restrict_re = re.compile(
            rf"(?<![\w])(?:{'|'.join(_phrase(r) for r in cues.restrictives)})(?![\w])|[,;:–—(]", re.IGNORECASE)
        hedges = sorted(cues.hedges, key=len, reverse=True)
        self._hedge_re = re.compile(rf"(?<![\w])(?:{'|'.join(_phrase(h) for h in hedges)})(?![\w])", re.IGNORECASE)
        self._hedge_lemmas = set(cues.hedge_lemmas)
        self._question_re = re.compile(
            rf"(?<![\w])(?:{'|'.join(_phrase(q) for q in cues.question_phrases)})", re.IGNORECASE)
        self._cnd = tuple(sorted(cues.conditional_endings, key=len, reverse=True))
        self._fut = tuple(sorted(cues.future_endings, key=len, reverse=True))
        self._stems = tuple(cues.irregular_future_stems)

    # -- the order -----------------------------------------------------------------
    def decide(self, signals: Iterable[str]) -> str:
        """The first modality of the order among ``signals`` ("asserted" if none)."""
        present = set(signals)
        return next((m for m in self.order if m in present), "asserted")

    # -- verb forms ----------------------------------------------------------------
    def _future_stem(self, stem: str, lemma: str) -> bool:
        lemma = lemma.lower()
        if stem in (lemma, lemma[:-1]) and lemma.endswith(("r", "re")):
            return True
        return any(stem == s if len(s) <= 3 else stem.endswith(s) for s in self._stems)

    def form_mood(self, form: str, lemma: str) -> str | None:
        """``conditional`` or ``future`` read from the verb form and its lemma, else None."""
        form = form.lower()
        for endings, mood in ((self._cnd, "conditional"), (self._fut, "future")):
            for ending in endings:
                if form.endswith(ending) and len(form) > len(ending):
                    if self._future_stem(form[: -len(ending)] + "r", lemma):
                        return mood
                    break
        return None

    def mood(self, tok) -> str | None:
        """``conditional``/``future`` of one verb token, from its morphology or its form."""
        if "Cnd" in tok.morph.get("Mood"):
            return "conditional"
        if "Fut" in tok.morph.get("Tense"):
            return "future"
        if tok.pos_ in ("VERB", "AUX") and not tok.morph.get("VerbForm") in (["Inf"], ["Part"]):
            return self.form_mood(tok.text, tok.lemma_)
        return None

    @staticmethod
    def auxiliaries(verb) -> list:
        return [c for c in verb.children if c.dep_ in _AUX_DEPS]

    def verb_mood(self, verb) -> str | None:
        """The mood of a verb group: its first auxiliary's, else the verb's ("aurait coûté");
        an infinitive takes the mood of the verb it complements ("permettrait d'éviter");
        a verb of a "si" clause in the imperfect is a hypothesis ("si elle fermait")."""
        chain = [*self.auxiliaries(verb), verb]
        if verb.dep_ == "xcomp" and "Inf" in verb.morph.get("VerbForm") and verb.head is not verb:
            chain += [*self.auxiliaries(verb.head), verb.head]
        for t in chain:
            m = self.mood(t)
            if m:
                return m
        if any(c.dep_ == "mark" and c.lower_ in self.cues.hypothesis_marks for c in verb.children) and (
            {"Imp", "Pqp"} & {t for c in chain for t in c.morph.get("Tense")}
        ):
            return "conditional"
        return None

    def modal(self, verb) -> tuple[str, object] | None:
        """(modality, modal token) when a modal or intention verb governs ``verb``."""
        candidates = []
        if verb.dep_ in ("xcomp", "ccomp") and verb.head is not verb:
            candidates.append(verb.head)  # "envisage de fermer", "pourrait dépasser"
        candidates += [c for c in verb.children if c.dep_.startswith("aux")]  # modal parsed as aux
        for tok in candidates:
            lemma = tok.lemma_.lower()
            if lemma not in self.cues.modal_verbs:
                continue
            if lemma in self.cues.past_future_modals and "Imp" in tok.morph.get("Tense"):
                continue  # "il a annoncé qu'il allait consacrer": a futur du passé, not a plan
            if lemma in self.cues.modal_verbs_conditional_past and any(
                self.mood(a) == "conditional" for a in self.auxiliaries(tok)
            ):
                return "conditional", tok  # "aurait pu atteindre"
            return self.cues.modal_verbs[lemma], tok
        return None

    # -- clause cues -----------------------------------------------------------------
    def is_negated(self, clause: list, anchor_i: int, text_between) -> bool:
        """"ne" + a negative word in ``clause`` (tokens), not restricted before the anchor.

        ``text_between(a, b)`` gives the text between token indices (exclusive a, b).
        """
        if not any(t.lower_ in self._particles for t in clause):
            return False
        negs = [t for t in clause if t.lower_ in self._negations]
        if not negs:
            return False
        before = [t for t in negs if t.i < anchor_i]
        if not before:
            return True
        return self._restrict_re.search(text_between(before[-1].i, anchor_i)) is None

    def has_hedge(self, text: str) -> bool:
        return self._hedge_re.search(text) is not None

    def hedging_verb(self, verb) -> bool:
        return verb.lemma_ in self._hedge_lemmas or verb.head.lemma_ in self._hedge_lemmas

    def is_question(self, text_after: str, sentence: str = "") -> bool:
        """Whether the stretch after an item ends in "?" before any full stop, or the
        ``sentence`` asks with "est-ce que"."""
        m = re.search(r"[.!?](?!\.)", text_after)
        return (m is not None and m.group(0) == "?") or self._question_re.search(sentence or text_after) is not None


@lru_cache(maxsize=8)
def modality_reader(path: str | None = None) -> ModalityReader:
    """The :class:`ModalityReader` of ``modality.json`` (or of a file of your own)."""
    return ModalityReader(load_json("modality.json", ModalityCues, path=path))


__all__ = ["ModalityCues", "ModalityName", "ModalityReader", "modality_reader"]
