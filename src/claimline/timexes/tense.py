"""The tense of the clause around a span, read from a parsed spaCy ``Doc``.

It decides "mardi" (last or next Tuesday?) and "le 12 février" (which year?):
"a été hospitalisé mardi" -> past, "sera opéré lundi" -> future, "Le sommet doit
s'ouvrir aujourd'hui" -> future (devoir + infinitive), "reprennent le 23 mars" -> present.
"""

from __future__ import annotations

from collections.abc import Callable

_AUX_DEPS = {"aux", "aux:tense", "aux:pass"}
_FUTURE_MODALS = {"devoir", "aller"}


def _verb_tense(verb) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    if verb.morph.get("VerbForm") == ["Inf"] and verb.head is not verb and verb.head.lemma_ in _FUTURE_MODALS:
        head_tense = verb.head.morph.get("Tense")
        return "past" if head_tense and head_tense[0] in ("Imp", "Past") else "future"
    for aux in auxes:
        aux_tense, aux_mood = aux.morph.get("Tense"), aux.morph.get("Mood")
        if aux_mood == ["Cnd"] or aux_tense == ["Fut"]:
            perfect = aux.dep_ != "aux:pass" and verb.morph.get("VerbForm") == ["Part"]
            return "past" if perfect and aux_mood == ["Cnd"] else "future"
        if aux_tense in (["Imp"], ["Past"]):
            return "past"
        if aux.dep_ == "aux:pass":  # "est prévue": the passive keeps the auxiliary's tense
            continue
        if verb.morph.get("VerbForm") == ["Part"]:
            return "past"
    if any(a.dep_ == "aux:pass" and a.morph.get("Tense") == ["Pres"] for a in auxes):
        return "present"
    if any(a.lemma_ == "aller" for a in auxes) or any(
        c.lemma_ in _FUTURE_MODALS and c.dep_ in _AUX_DEPS for c in verb.children
    ):
        return "future"
    tense = verb.morph.get("Tense")
    if tense == ["Fut"]:
        return "future"
    if tense == ["Imp"] or (tense == ["Past"] and verb.morph.get("VerbForm") != ["Part"]):
        return "past"
    if tense == ["Pres"] and verb.morph.get("VerbForm") == ["Fin"]:
        return "present"
    return None


def _governing_verb(token, limit: int = 8):
    for _ in range(limit):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in _AUX_DEPS:
            return token
        copula = next((c for c in token.children if c.dep_ == "cop"), None)
        if copula is not None:  # "sont incertains pour samedi": the copula carries the tense
            return copula
        if token.head is token:
            return None
        token = token.head
    return None


def tense_reader(doc, sentences: list[tuple[int, int]] | None = None) -> Callable[[int, int], str | None]:
    """A function ``(start, end) -> "past" | "present" | "future" | None`` over ``doc``."""

    def tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = _governing_verb(span.root)
        if verb is None:  # a verbless clause: the nearest verb of the sentence
            sent = span.sent
            verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in _AUX_DEPS]
            if not verbs:
                return None
            verb = min(verbs, key=lambda t: abs(t.i - span.root.i))
        return _verb_tense(verb)

    return tense


__all__ = ["tense_reader"]
