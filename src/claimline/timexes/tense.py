"""The tense of the clause around a span, read from a parsed spaCy ``Doc``.

It decides "mardi" (last or next Tuesday?) and "le 12 février" (which year?):
"a été hospitalisé mardi" -> past, "sera opéré lundi" -> future, "Le sommet doit
s'ouvrir aujourd'hui" -> future (devoir + infinitive), "reprennent le 23 mars" -> present.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, HEAD, POS, SENT_START
from spacy.morphology import Morphology
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, PROPN, VERB

from claimline.doc import doc_index
from claimline.memo import Memo

_AUX_DEPS = {"aux", "aux:tense", "aux:pass"}
_FUTURE_MODALS = {"devoir", "aller"}
_OF = ("de", "du", "d'", "d’")


def _any_of(values, wanted: list[int]):
    """A boolean array: which of ``values`` are one of ``wanted``."""
    found = numpy.zeros(len(values), dtype=bool)
    for w in wanted:
        found |= values == w
    return found


def _morph_values(key: tuple[str, str]) -> list[str]:
    """The values of field ``key[1]`` in the morphology string ``key[0]``, as
    ``MorphAnalysis.get`` gives them ("Tense=Pres|VerbForm=Fin", "Tense" -> ["Pres"])."""
    morph, field = key
    found = Morphology.feats_to_dict(morph).get(field)
    return found.split(Morphology.VALUE_SEP) if found else []


# a verb's tense reads a few fields of a few hundred distinct morphologies: each once per
# process, not once per Doc (building a Token and its MorphAnalysis cost more than the rest)
_MORPH_VALUES = Memo(_morph_values, size=8192)


def _ids(words) -> list[int]:
    """The string store hashes of ``words`` (the same in every vocabulary)."""
    return [get_string_id(w) for w in words]


_AUX_IDS, _MODAL_IDS, _OF_IDS = _ids(sorted(_AUX_DEPS)), frozenset(_ids(_FUTURE_MODALS)), frozenset(_ids(_OF))
_NMOD, _AUX_PASS, _COP, _CASE = _ids(["nmod", "aux:pass", "cop", "case"])
_NOUNS = frozenset({NOUN, PROPN})
# the columns of the parse array
_HEAD, _DEP, _POS = range(3)


class _Parse:
    """The parse of a Doc read once as one array of ints (relative heads, label hashes,
    part of speech ids): walking the tree through spaCy Tokens built one per step cost
    more than the rest of the timex layer. What every tense reading needs (absolute heads,
    which tokens are governing verbs, each token's auxiliaries and copula) is listed for
    the whole Doc; a token's lemma, morphology and lower case are read from the token
    itself for the few tokens a reading visits (``Doc.to_array`` costs each column for
    every token)."""

    __slots__ = ("arr", "aux_children", "cop_child", "doc", "heads", "is_verb", "morphs")

    def __init__(self, doc) -> None:
        arr = doc.to_array([HEAD, DEP, POS])  # uint64: hashes as they are, heads relative
        self.doc, self.arr = doc, arr
        self.morphs: dict[int, str] = {}
        # relative heads as signed ints (the same bits: a view), made absolute
        self.heads: list[int] = (arr[:, _HEAD].view(numpy.int64) + numpy.arange(len(doc))).tolist()
        deps, pos = arr[:, _DEP], arr[:, _POS]
        aux = _any_of(deps, _AUX_IDS)
        # a verb that governs: VERB or AUX, not itself an auxiliary
        self.is_verb: list[bool] = (((pos == VERB) | (pos == AUX)) & ~aux).tolist()
        # each token's first child of label "cop" and its auxiliaries (children come in text order)
        self.cop_child: dict[int, int] = {}
        for i in numpy.flatnonzero(deps == _COP).tolist():
            if self.heads[i] != i:
                self.cop_child.setdefault(self.heads[i], i)
        self.aux_children: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(aux).tolist():
            if self.heads[i] != i:
                self.aux_children.setdefault(self.heads[i], []).append(i)

    def feat(self, i: int, field: str) -> list[str]:
        """``doc[i].morph.get(field)``, read once per morphology and field in the process
        (do not change the list); a token's morphology is read once per Doc."""
        morph = self.morphs.get(i)
        if morph is None:
            morph = self.morphs[i] = str(self.doc[i].morph)
        return _MORPH_VALUES[morph, field]

    def modal(self, i: int) -> bool:
        """Whether token ``i``'s lemma is a verb that makes an infinitive future ("devoir", "aller")."""
        return self.doc[i].lemma in _MODAL_IDS

    def passive(self, i: int) -> bool:
        """Whether token ``i`` is a passive auxiliary."""
        return self.arr.item(i, _DEP) == _AUX_PASS

    def of_noun(self, i: int) -> bool:
        """Whether token ``i`` is a noun's complement through "de" ("l'élection de mardi"):
        label "nmod", a noun as its head, a child "de"/"du"/"d'" of label "case"."""
        arr = self.arr
        if arr.item(i, _DEP) != _NMOD or arr.item(self.heads[i], _POS) not in _NOUNS:
            return False
        return any(child.dep == _CASE and child.lower in _OF_IDS for child in self.doc[i].children)

    def verb_tense(self, v: int) -> str | None:
        """The tense of verb ``v`` read from its morphology and its auxiliaries."""
        feat, passive, auxes = self.feat, self.passive, self.aux_children.get(v, ())
        form = feat(v, "VerbForm")
        if form == ["Inf"] and self.modal(self.heads[v]):  # "doit s'ouvrir", "allait partir"
            head_tense = feat(self.heads[v], "Tense")
            return "past" if head_tense and head_tense[0] in ("Imp", "Past") else "future"
        for aux in auxes:
            aux_tense, aux_mood = feat(aux, "Tense"), feat(aux, "Mood")
            if aux_mood == ["Cnd"] or aux_tense == ["Fut"]:
                perfect = not passive(aux) and form == ["Part"]
                return "past" if perfect and aux_mood == ["Cnd"] else "future"
            if aux_tense in (["Imp"], ["Past"]):
                return "past"
            if passive(aux):  # "est prévue": the passive keeps the auxiliary's tense
                continue
            if form == ["Part"]:
                return "past"
        if any(passive(a) and feat(a, "Tense") == ["Pres"] for a in auxes):
            return "present"
        if any(self.modal(a) for a in auxes):  # "va partir", "doit partir"
            return "future"
        tense = feat(v, "Tense")
        if tense == ["Fut"]:
            return "future"
        if tense == ["Imp"] or (tense == ["Past"] and form != ["Part"]):
            return "past"
        if tense == ["Pres"] and form == ["Fin"]:
            return "present"
        return None

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


def _nearest(verbs: list[int], i: int) -> int:
    """The verb nearest to token ``i`` (``verbs``: token indices, ascending, not empty),
    the earlier one on a tie; by bisection: a sentence of the model can hold thousands of
    tokens (one date per line parses as one sentence)."""
    k = bisect.bisect_left(verbs, i)
    if k == len(verbs) or (k > 0 and i - verbs[k - 1] <= verbs[k] - i):
        return verbs[k - 1]
    return verbs[k]


def sentence_starts(doc) -> list[int]:
    """``[s.start for s in doc.sents]`` read from the sentence-start flags, without a Span per
    sentence (the Doc's sentence boundaries must be set, as by a parser)."""
    flags = doc.to_array(SENT_START)  # 1: the token starts a sentence
    return [0] + [i for i in numpy.flatnonzero(flags == 1).tolist() if i > 0] if len(doc) else []


def tense_reader(doc) -> Callable[[int, int], str | None]:
    """A function ``(start, end) -> "past" | "present" | "future" | None`` over ``doc``.

    Each call costs the length of its span plus a short walk up the tree: the tokens are
    found by bisection over the Doc's token offsets, the parse is read once as lists of
    ints (:class:`_Parse`), the model's sentences are listed once and the verbs of a
    sentence once per sentence (the nearest one found by bisection), and each verb's
    tense is read once (a verb with hundreds of dated dependents, as in a long list the
    parser hangs on one verb, would otherwise make a text with many timexes quadratic);
    a span asked twice is answered from the first answer. A span governed by a noun through "de" ("le scrutin de mardi") has no tense
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
            sent_starts.extend(sentence_starts(doc))
        k = bisect.bisect_right(sent_starts, i) - 1
        start = sent_starts[k]
        if start not in verbs_of:
            end = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc)
            is_verb = parse[0].is_verb
            verbs_of[start] = [j for j in range(start, end) if is_verb[j]]
        return verbs_of[start]

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
        if not parse[0].of_noun(root):  # "l'élection de mardi": no tense of its own
            verb = parse[0].governing_verb(root)
            if verb is None:  # a verbless clause: the nearest verb of the sentence
                verbs = sentence_verbs(root)
                verb = _nearest(verbs, root) if verbs else None
        if verb is not None and verb not in tenses:
            tenses[verb] = parse[0].verb_tense(verb)
        answers[start, end] = tenses[verb] if verb is not None else None
        return answers[start, end]

    return tense


__all__ = ["sentence_starts", "tense_reader"]
