"""The tense of the clause around a span, read from a parsed spaCy ``Doc``.

It decides "mardi" (last or next Tuesday?) and "le 12 février" (which year?):
"a été hospitalisé mardi" -> past, "sera opéré lundi" -> future, "Le sommet doit
s'ouvrir aujourd'hui" -> future (devoir + infinitive), "reprennent le 23 mars" -> present.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from claimline.doc import doc_index

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


def _governing_verb(token, limit: int = 8, copulas: dict | None = None):
    """The verb ``token`` depends on; ``copulas`` caches each token's copula child (a token
    with thousands of children, as in a long list, is then read once, not once per timex)."""
    copulas = {} if copulas is None else copulas
    for _ in range(limit):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in _AUX_DEPS:
            return token
        if token.i not in copulas:
            copulas[token.i] = next((c for c in token.children if c.dep_ == "cop"), None)
        copula = copulas[token.i]
        if copula is not None:  # "sont incertains pour samedi": the copula carries the tense
            return copula
        if token.head is token:
            return None
        token = token.head
    return None


def _span_root(doc, first: int, last: int):
    """The token of ``doc[first:last + 1]`` whose head lies outside it (the first such)."""
    for i in range(first, last + 1):
        head = doc[i].head.i
        if head < first or head > last or head == i:
            return doc[i]
    return doc[first]


def _nearest(verbs: list, indices: list[int], i: int):
    """The verb nearest to token ``i`` (``indices``: the verbs' token indices, ascending),
    the earlier one on a tie; by bisection: a sentence of the model can hold thousands of
    tokens (one date per line parses as one sentence)."""
    k = bisect.bisect_left(indices, i)
    if k == len(verbs) or (k > 0 and i - indices[k - 1] <= indices[k] - i):
        return verbs[k - 1]
    return verbs[k]


def tense_reader(doc, sentences: list[tuple[int, int]] | None = None) -> Callable[[int, int], str | None]:
    """A function ``(start, end) -> "past" | "present" | "future" | None`` over ``doc``.

    Each call costs the length of its span plus a short walk up the tree: the tokens are
    found by bisection over the Doc's token offsets, the model's sentences are listed once
    and the verbs of a sentence once per sentence (the nearest one found by bisection),
    and each verb's tense is read once (its children are listed: a verb with hundreds of
    dated dependents, as in a long list the parser hangs on one verb, would otherwise make
    a text with many timexes quadratic). A span governed
    by a noun through "de" ("le scrutin de mardi") has no tense of its own (None: the
    nearest date is meant).
    """
    index = doc_index(doc)
    verbs_of: dict[int, tuple[list, list[int]]] = {}
    copulas: dict[int, object] = {}
    tenses: dict[int, str | None] = {}  # per verb: a verb governing many timexes is read once
    sent_starts: list[int] = []  # the model's sentence starts, listed on first use

    def sentence_verbs(token) -> tuple[list, list[int]]:
        """The verbs of ``token``'s sentence (the model's) and their indices, in order."""
        if not sent_starts:
            sent_starts.extend(s.start for s in doc.sents)
        k = bisect.bisect_right(sent_starts, token.i) - 1
        start = sent_starts[k]
        if start not in verbs_of:
            end = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc)
            verbs = [t for t in doc[start:end] if t.pos_ in ("VERB", "AUX") and t.dep_ not in _AUX_DEPS]
            verbs_of[start] = (verbs, [t.i for t in verbs])
        return verbs_of[start]

    def tense(start: int, end: int) -> str | None:
        first, last = index.first_at_or_after(start), index.token_index_at(max(start, end - 1))
        if first >= len(doc) or last < first:
            return None
        root = _span_root(doc, first, last)
        if root.dep_ == "nmod" and root.head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’") for c in root.children):
            return None  # "l'élection de mardi": a noun's complement, no tense of its own
        verb = _governing_verb(root, copulas=copulas)
        if verb is None:  # a verbless clause: the nearest verb of the sentence
            verbs, indices = sentence_verbs(root)
            if not verbs:
                return None
            verb = _nearest(verbs, indices, root.i)
        if verb.i not in tenses:
            tenses[verb.i] = _verb_tense(verb)
        return tenses[verb.i]

    return tense


__all__ = ["tense_reader"]
