"""What a quantity counts or measures, read from the parse.

"plus de 500 drones" -> ``drone``; "250 km2 de territoire ukrainien" -> ``territoire``;
"la moitié des livraisons" -> ``livraison``; "1% de plus du territoire" -> ``territoire``.

A count takes the noun right after it (adjectives before the noun are skipped: "30
grandes armées"); a measure, a percentage or a fraction takes the noun after "de/du/des"
("250 km2 de territoire"). The model sometimes tags the noun after a numeral as an
adjective or a participle ("100 000 militaires", "27 armées"): a nominalised adjective
keeps its lemma, a participle is singularised from its form.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimline.doc import doc_index

_OF = {"de", "d'", "du", "des"}
_SKIP_ADV = {"plus", "moins", "très", "environ"}


def _lemma(token: Token) -> str:
    if token.pos_ == "PROPN":
        return token.lemma_ or token.text
    if token.pos_ in ("VERB", "AUX"):
        form = token.text.lower()
        return form[:-1] if len(form) > 3 and form[-1] in "sx" else form
    return (token.lemma_ or token.text).lower()


def counted_lemma(doc: Doc, offset: int, *, measure: bool, limit: int | None = None,
                  nominal_only: bool = False) -> str | None:
    """The lemma of the noun counted or measured by a quantity ending at ``offset``.

    ``measure``: the quantity has a unit (the noun follows "de"); ``limit``: an offset
    not to go past (the end of the sentence); ``nominal_only``: no adjective stands for
    the noun (after a vague magnitude: "des milliards supplémentaires").
    """
    index = doc_index(doc)
    i = index.first_at_or_after(offset)
    limit = len(index.text) if limit is None else limit
    seen_of = False
    steps = 0
    while i < len(doc) and doc[i].idx < limit and steps < 6:
        tok = doc[i]
        low = tok.text.lower()
        steps += 1
        if tok.is_space:
            i += 1
            continue
        if low in _OF or (tok.pos_ == "ADP" and tok.lemma_ == "de"):
            seen_of = True
            i += 1
            continue
        if measure and not seen_of:
            return None  # "15 km au nord": nothing measured
        if tok.pos_ == "DET" or (tok.pos_ == "ADV" and low in _SKIP_ADV):
            i += 1
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            return _lemma(tok)
        if tok.pos_ == "ADJ":
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and nxt.idx < limit:
                i += 1
                continue
            return None if measure or nominal_only else _lemma(tok)
        if tok.pos_ in ("VERB", "AUX") and not measure and steps == 1 and tok.text.isalpha() and tok.text.islower():
            return _lemma(tok)
        return None
    return None


_LINKS = {"comprise", "compris", "comprises", "environ", "égale", "égal", "l'ordre"}
_BACK_SKIP = {"de", "d'", "comprise", "compris", "comprises", "égale", "égal", "entre", "environ", "à", "l'ordre"}
_WORD_RE = re.compile(r"\S+")  # the words of str.split(): \s is str.isspace() in a str pattern


def _only_link_words(text: str, start: int, end: int) -> bool:
    """Whether every word of ``text[start:end]`` is in ``_BACK_SKIP``, reading the words
    lazily from ``start``: a noun far before the figure (a title noun the parser hangs a
    whole line of figures on) costs the words up to the first other one, not the gap."""
    return all(m.group().lower() in _BACK_SKIP for m in _WORD_RE.finditer(text, start, end))


def measured_before(doc: Doc, start: int, end: int) -> str | None:
    """The noun a measure depends on when it comes first: "une portée d'environ 5 000 km".

    Only a noun that governs a token of the quantity in the parse ("par surprise de
    quelques centaines de km2" is no measure of a surprise).
    """
    index = doc_index(doc)
    i = index.first_at_or_after(start) - 1
    words: list[str] = []
    while i >= 0 and doc[i].text.lower() in _BACK_SKIP and len(words) < 3:
        words.append(doc[i].text.lower())
        i -= 1
    if i >= 0 and doc[i].pos_ == "NOUN" and set(words) & _LINKS:
        return _lemma(doc[i])  # "une portée comprise entre…", "une portée d'environ…"
    for tok in (doc[k] for k in index.tokens_between(start, end)):
        head = tok.head
        if head.pos_ == "NOUN" and head.idx < start and _only_link_words(index.text, head.idx + len(head.text), start):
            return _lemma(head)
    return None


def noun_right_after(doc: Doc, offset: int, *, nominal_only: bool = False) -> Token | None:
    """The noun token starting one space after ``offset`` ("500 drones"), if any.

    ``nominal_only``: a token tagged adjective or participle does not count.
    """
    index = doc_index(doc)
    i = index.first_at_or_after(offset)
    tags = ("NOUN", "PROPN") if nominal_only else ("NOUN", "PROPN", "ADJ", "VERB")
    if i < len(doc) and doc[i].pos_ in tags and doc[i].text.isalpha() and not index.text[offset : doc[i].idx].strip():
        return doc[i]
    return None


__all__ = ["counted_lemma", "measured_before", "noun_right_after"]
