"""Lookups over one parsed Doc for event extraction: sentences, sections, mentions, claims.

Every lookup is a binary search over offsets sorted once, so that the extraction stays
linear in the size of the text (no scan of every mention or claim per event).
Tokens are duck-typed spaCy tokens; this module does not import spaCy.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from claimline.doc import (
    DocSentence,
    doc_index,
    layer,
    published,
    published_source,
    section_at,
)
from claimline.doc import sections as doc_sections
from claimline.doc import sentences as doc_sentences
from claimline.layout.regions import locate

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "acl", "parataxis", "xcomp", "csubj"})


@dataclass(frozen=True)
class SentenceTops:
    """What :meth:`DocContext.sentence_tops` found in one sentence."""

    tokens: list  # the kept tokens heading the sentence, in text order
    indices: list[int]  # their token indices
    any_kept: bool  # whether any token of the sentence (a top or not) was kept


class DocContext:
    """Offsets, sentences, sections, mentions and claims of one Doc."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self._sentences = doc_sentences(doc) or [DocSentence(0, 0, len(doc.text))]
        self.sentences = [(s.start, s.end) for s in self._sentences]
        self.sections = [(s.kind, s.start, s.end) for s in doc_sections(doc)]
        self._index = doc_index(doc)
        self.text = self._index.text
        self.published = published(doc)
        # an inferred publication date is a guess: it must not turn past events into plans
        self.published_given = self.published is not None and published_source(doc) != "inferred"
        self.mentions = sorted(layer(doc, "mentions"), key=lambda m: m["span"]["start"])
        self._mention_starts = [m["span"]["start"] for m in self.mentions]
        self.claims = sorted(layer(doc, "claims"), key=lambda c: c["span"]["start"])
        self._claim_starts = [c["span"]["start"] for c in self.claims]
        self._longest_claim = max((c["span"]["end"] - c["span"]["start"] for c in self.claims), default=0)
        timexes = sorted(layer(doc, "timexes"), key=lambda t: t["span"]["start"])
        self._timex_spans = [(t["span"]["start"], t["span"]["end"]) for t in timexes]
        self._timex_starts = [s for s, _ in self._timex_spans]
        self._clauses: dict[int, list] = {}
        self._tops: dict[tuple[int, Callable[[Any], bool]], SentenceTops | None] = {}

    # -- tokens and offsets -------------------------------------------------------
    def token_at(self, offset: int) -> int | None:
        i = self._index.token_index_at(offset)
        return i if i >= 0 else None

    def span_root(self, start: int, end: int):
        """The token of [start, end) whose head lies outside it (the span's syntactic head)."""
        first, last = self.token_at(start), self.token_at(max(start, end - 1))
        if first is None or last is None:
            return None
        tokens = [self.doc[i] for i in range(first, last + 1)]
        inside = {t.i for t in tokens}
        return next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[0])

    def sentence_index(self, offset: int) -> int:
        return max(locate(self._sentences, offset), 0)

    def same_sentence(self, a, b) -> bool:
        return self.sentence_index(a.idx) == self.sentence_index(b.idx)

    def sentence_bounds(self, tok) -> tuple[int, int]:
        return self.sentences[self.sentence_index(tok.idx)]

    def sentence_tops(self, tok, keep: Callable[[Any], bool]) -> SentenceTops | None:
        """The tokens of ``tok``'s sentence that pass ``keep`` and head it (their head is
        themselves or lies in another sentence), and whether any token passes ``keep``;
        None when the sentence's ends fall on no token.

        Computed once per sentence and ``keep``: every timex of a sentence without a
        predicate of its own looks for the nearest one, and scanning the sentence for each
        made a sentence of n dates cost n times its length.
        """
        k = self.sentence_index(tok.idx)
        key = (k, keep)
        if key not in self._tops:
            s, e = self.sentences[k]
            first, last = self.token_at(s), self.token_at(max(s, e - 1))
            if first is None or last is None:
                self._tops[key] = None
            else:
                kept = [t for t in self.doc[first : last + 1] if keep(t)]
                tops = [t for t in kept if t.head == t or not self.same_sentence(t.head, t)]
                self._tops[key] = SentenceTops(tops, [t.i for t in tops], bool(kept))
        return self._tops[key]

    def sentence_text(self, tok) -> str:
        s, e = self.sentence_bounds(tok)
        return self.text[s:e]

    def section_of(self, offset: int) -> str:
        return section_at(self.doc, offset)

    def text_of(self, tokens: list) -> str:
        if not tokens:
            return ""
        return self.text[min(t.idx for t in tokens) : max(t.idx + len(t) for t in tokens)]

    def clause(self, head) -> list:
        """:func:`clause_tokens` of ``head``, computed once per document."""
        cached = self._clauses.get(head.i)
        if cached is None:
            cached = self._clauses[head.i] = clause_tokens(head)
        return cached

    def in_timex(self, tok) -> bool:
        """Whether ``tok`` lies inside a timex."""
        k = bisect.bisect_right(self._timex_starts, tok.idx) - 1
        return k >= 0 and tok.idx < self._timex_spans[k][1]

    # -- mentions and claims --------------------------------------------------------
    def mention_at(self, tok) -> dict[str, Any] | None:
        """The mention covering ``tok``'s first character, if any (mentions do not nest)."""
        k = bisect.bisect_right(self._mention_starts, tok.idx) - 1
        if k >= 0 and tok.idx < self.mentions[k]["span"]["end"]:
            return self.mentions[k]
        return None

    def entities_on(self, tokens: list, *, head) -> list[str]:
        """Entity ids of the mentions on ``tokens`` (not inside clauses nested under ``head``)."""
        skip: set[int] = set()
        for t in tokens:
            if t != head and t.dep_ in CLAUSE_DEPS:
                skip.update(s.i for s in t.subtree)
        ids: list[str] = []
        for t in tokens:
            if t.i in skip:
                continue
            m = self.mention_at(t)
            if m is not None and m["entity_id"] not in ids:
                ids.append(m["entity_id"])
        return ids

    def claims_in(self, clause: list) -> list[str]:
        """Ids of the claims that share a character with the clause's tokens."""
        if not clause or not self.claims:
            return []
        lo, hi = min(t.idx for t in clause), max(t.idx + len(t) for t in clause)
        first = bisect.bisect_left(self._claim_starts, lo - self._longest_claim)
        last = bisect.bisect_left(self._claim_starts, hi)
        spans = sorted((t.idx, t.idx + len(t)) for t in clause)
        starts = [s for s, _ in spans]
        found = []
        for c in self.claims[first:last]:
            cs, ce = c["span"]["start"], c["span"]["end"]
            k = bisect.bisect_left(starts, ce) - 1  # the last token starting before the claim ends
            if k >= 0 and spans[k][1] > cs:  # token ends grow with their starts
                found.append(c["id"])
        return found


# -- token helpers ---------------------------------------------------------------------


def nearest(tokens: list, indices: list[int], i: int, excluded: Collection[int]):
    """The token of ``tokens`` (in text order, ``indices`` their indices) nearest to token
    index ``i`` whose index is not in ``excluded``, the earlier one on a tie; None if none.

    A binary search, then a step past the excluded neighbours on each side: the cost does
    not grow with the number of tokens.
    """
    right = bisect.bisect_left(indices, i)
    left = right - 1
    while left >= 0 and indices[left] in excluded:
        left -= 1
    while right < len(indices) and indices[right] in excluded:
        right += 1
    if left < 0:
        return tokens[right] if right < len(indices) else None
    if right >= len(indices) or i - indices[left] <= indices[right] - i:
        return tokens[left]
    return tokens[right]


CASE_WINDOW = 4  # a case marker stands at most this many tokens before its noun ("à la nouvelle gare")


def case_of(tok) -> str | None:
    """The preposition marking ``tok`` ("à" in "à Anchorage"), lower-cased.

    Looks at the few tokens before ``tok`` rather than at all its children: a hub token
    of a long flat parse can have hundreds of them (linear, not quadratic, in the text).
    """
    doc = tok.doc
    for j in range(tok.i - 1, max(tok.i - 1 - CASE_WINDOW, -1), -1):
        t = doc[j]
        if t.dep_ == "case" and t.head.i == tok.i:
            return t.lower_
    return None


def is_ne(tok) -> bool:
    """The first part of a negation ("ne", "n'")."""
    return tok.lower_ in ("ne", "n'", "n’") or "Neg" in tok.morph.get("Polarity")


def tenses(tok) -> set[str]:
    """Tense features of a verb and its auxiliaries ("a indiqué": Pres + Past)."""
    aux = {m for c in tok.children if c.dep_.startswith("aux") for m in c.morph.get("Tense")}
    return set(tok.morph.get("Tense")) | aux


def is_past(tok) -> bool:
    return bool({"Past", "Imp"} & tenses(tok))


def clause_tokens(head) -> list:
    """The tokens of ``head``'s clause: its subtree minus nested clauses and coordinated verbs."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


__all__ = ["CLAUSE_DEPS", "DocContext", "SentenceTops", "case_of", "clause_tokens", "is_ne", "is_past", "nearest", "tenses"]
