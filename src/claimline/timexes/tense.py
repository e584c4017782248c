"""The tense of the clause around a span, read from a parsed spaCy ``Doc``.

It decides "mardi" (last or next Tuesday?) and "le 12 février" (which year?):
"a été hospitalisé mardi" -> past, "sera opéré lundi" -> future, "Le sommet doit
s'ouvrir aujourd'hui" -> future (devoir + infinitive), "reprennent le 23 mars" -> present.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, HEAD, POS
from spacy.symbols import AUX, NOUN, PROPN, VERB

from claimline.doc import doc_index

_AUX_DEPS = {"aux", "aux:tense", "aux:pass"}
_FUTURE_MODALS = {"devoir", "aller"}


def _verb_tense(verb, auxes: list | None = None) -> str | None:
    """The tense of ``verb`` (a Token) read from its morphology and its auxiliaries
    (``auxes``: its children with an auxiliary label, in order; listed here when None)."""
    if auxes is None:
        auxes = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    form = verb.morph.get("VerbForm")
    if form == ["Inf"] and verb.head is not verb and verb.head.lemma_ in _FUTURE_MODALS:
        head_tense = verb.head.morph.get("Tense")
        return "past" if head_tense and head_tense[0] in ("Imp", "Past") else "future"
    for aux in auxes:
        aux_morph = aux.morph
        aux_tense, aux_mood = aux_morph.get("Tense"), aux_morph.get("Mood")
        if aux_mood == ["Cnd"] or aux_tense == ["Fut"]:
            perfect = aux.dep_ != "aux:pass" and form == ["Part"]
            return "past" if perfect and aux_mood == ["Cnd"] else "future"
        if aux_tense in (["Imp"], ["Past"]):
            return "past"
        if aux.dep_ == "aux:pass":  # "est prévue": the passive keeps the auxiliary's tense
            continue
        if form == ["Part"]:
            return "past"
    if any(a.dep_ == "aux:pass" and a.morph.get("Tense") == ["Pres"] for a in auxes):
        return "present"
    if any(a.lemma_ in _FUTURE_MODALS for a in auxes):  # "va partir", "doit partir"
        return "future"
    tense = verb.morph.get("Tense")
    if tense == ["Fut"]:
        return "future"
    if tense == ["Imp"] or (tense == ["Past"] and form != ["Part"]):
        return "past"
    if tense == ["Pres"] and form == ["Fin"]:
        return "present"
    return None


class _Parse:
    """The parse of a Doc as lists of ints (absolute heads, dependency label ids, part of
    speech ids), read once: walking the tree through spaCy Tokens built one per step."""

    __slots__ = ("aux_children", "cop_child", "heads", "is_verb", "nmod", "nouns")

    def __init__(self, doc) -> None:
        strings = doc.vocab.strings
        arr = doc.to_array([HEAD, DEP, POS])  # uint64: label hashes as they are, heads relative
        self.heads: list[int] = (arr[:, 0].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
        deps, pos = arr[:, 1], arr[:, 2]
        aux = numpy.zeros(len(doc), dtype=bool)
        for label in _AUX_DEPS:
            aux |= deps == strings[label]
        # a verb that governs: VERB or AUX, not itself an auxiliary
        self.is_verb: list[bool] = (((pos == VERB) | (pos == AUX)) & ~aux).tolist()
        self.nouns: list[bool] = ((pos == NOUN) | (pos == PROPN)).tolist()
        self.nmod: list[bool] = (deps == strings["nmod"]).tolist()
        # each token's first child of label "cop", and its auxiliaries (children come in text order)
        self.cop_child: dict[int, int] = {}
        for i in numpy.flatnonzero(deps == strings["cop"]).tolist():
            if self.heads[i] != i:
                self.cop_child.setdefault(self.heads[i], i)
        self.aux_children: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(aux).tolist():
            if self.heads[i] != i:
                self.aux_children.setdefault(self.heads[i], []).append(i)

    def governing_verb(self, i: int, limit: int = 8) -> int | None:
        """The index of the verb token ``i`` depends on (or of the copula that carries
        the tense: "sont incertains pour samedi"), or None."""
        heads, is_verb, cop_child = self.heads, self.is_verb, self.cop_child
        for _ in range(limit):
            if is_verb[i]:
                return i
            copula = cop_child.get(i)
            if copula is not None:
                return copula
            if heads[i] == i:
                return None
            i = heads[i]
        return None

    def span_root(self, first: int, last: int) -> int:
        """The first token of ``first..last`` whose head lies outside it (or is itself)."""
        heads = self.heads
        for i in range(first, last + 1):
            head = heads[i]
            if head < first or head > last or head == i:
                return i
        return first


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
    found by bisection over the Doc's token offsets, the parse is read once as lists of
    ints (:class:`_Parse`), the model's sentences are listed once and the verbs of a
    sentence once per sentence (the nearest one found by bisection), and each verb's
    tense is read once (its children are listed: a verb with hundreds of dated
    dependents, as in a long list the parser hangs on one verb, would otherwise make a
    text with many timexes quadratic); a span asked twice is answered from the first
    answer. A span governed by a noun through "de" ("le scrutin de mardi") has no tense
    of its own (None: the nearest date is meant).
    """
    index = doc_index(doc)
    parse: list[_Parse] = []  # read on first use
    verbs_of: dict[int, list[int]] = {}
    tenses: dict[int, str | None] = {}  # per verb: a verb governing many timexes is read once
    answers: dict[tuple[int, int], str | None] = {}
    sent_starts: list[int] = []  # the model's sentence starts, listed on first use

    def sentence_verbs(i: int) -> list[int]:
        """The indices of the verbs of token ``i``'s sentence (the model's), in order."""
        if not sent_starts:
            sent_starts.extend(s.start for s in doc.sents)
        k = bisect.bisect_right(sent_starts, i) - 1
        start = sent_starts[k]
        if start not in verbs_of:
            end = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc)
            is_verb = parse[0].is_verb
            verbs_of[start] = [j for j in range(start, end) if is_verb[j]]
        return verbs_of[start]

    def of_noun(root: int) -> bool:
        """"l'élection de mardi": a noun's complement through "de"."""
        p = parse[0]
        return p.nmod[root] and p.nouns[p.heads[root]] and any(
            c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’") for c in doc[root].children)

    def tense(start: int, end: int) -> str | None:
        if (start, end) in answers:
            return answers[start, end]
        first, last = index.first_at_or_after(start), index.token_index_at(max(start, end - 1))
        if first >= len(doc) or last < first:
            return None
        if not parse:
            parse.append(_Parse(doc))
        root = parse[0].span_root(first, last)
        verb = None
        if not of_noun(root):
            verb = parse[0].governing_verb(root)
            if verb is None:  # a verbless clause: the nearest verb of the sentence
                verbs = sentence_verbs(root)
                verb = _nearest(verbs, verbs, root) if verbs else None
        if verb is not None and verb not in tenses:
            tenses[verb] = _verb_tense(doc[verb], [doc[j] for j in parse[0].aux_children.get(verb, ())])
        answers[start, end] = tenses[verb] if verb is not None else None
        return answers[start, end]

    return tense


__all__ = ["tense_reader"]
