"""Find candidate temporal expressions in a text with the grammar's rules.

Every rule is matched over the text; overlapping matches keep the longest extent, then
the rule listed first. Nothing is normalised here.

>>> [(c.text, c.rule.name) for c in find_candidates("Le 1er août 2025, ils se sont rencontrés.")]
[('Le 1er août 2025', 'day_month_year')]
>>> find_candidates("les manœuvres Zapad 2025 et 15 000 hommes")
[]
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from operator import itemgetter

from claimline.timexes.lexicon import CompiledRule, Grammar, load_grammar
from claimline.timexes.prefilter import fold, normalise

_ORDER = itemgetter(0, 1, 2)  # (-length, rule order, start): unique, the match itself is never compared
_START = itemgetter(0)
_NEXT_WORD = re.compile(r"^\s*([^\W\d_][\w'-]*)")


@dataclass(frozen=True)
class Candidate:
    """One match: its extent ``[start, end)`` in the text, the rule and its named groups."""

    rule: CompiledRule
    start: int
    end: int
    text: str
    groups: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    left: str = ""

    def get(self, name: str) -> str | None:
        """The lexicon key of group ``name`` ("Août" -> "août", "soiree" -> "soirée"), or None
        if it did not match."""
        found = self.groups.get(name)
        return self.rule.word(found[0]) if found else None


def _is_counted(grammar: Grammar, right: str) -> bool:
    """True when a bare number is followed by a counted noun ("2000 soldats")."""
    m = _NEXT_WORD.match(right)
    if not m:
        return False
    word = m.group(1)
    if "'" in word or word not in word.lower() or word in grammar.lexicon.function_words:
        return False  # "en 2022 d'après", "en 2022 Poutine", "en 2022 les troupes"
    return word[-1] in "sx"


def _allowed(grammar: Grammar, rule: CompiledRule, text: str, start: int, end: int) -> bool:
    """Whether the context guards of ``rule`` let its match ``text[start:end]`` through."""
    if rule.not_after is not None and rule.not_after.search(text[max(0, start - 60) : start]):
        return False
    if rule.not_before is None and not rule.rule.quantity_guard:
        return True
    right = text[end : end + 60]
    if rule.not_before is not None and rule.not_before.match(right):
        return False
    return not (rule.rule.quantity_guard and _is_counted(grammar, right))


def _candidate(rule: CompiledRule, m: re.Match[str], start: int, end: int, text: str, offset: int) -> Candidate:
    """The candidate of match ``m`` (extent ``start``..``end`` in ``text``): its named groups
    read from the match's spans (``m.regs``), without a dict of every group of the rule."""
    regs = m.regs
    groups = {}
    for name, number in rule.group_slots:
        s, e = regs[number]
        if s >= 0:  # the group took part in the match
            groups[name] = (text[s:e], s + offset, e + offset)
    # built as :func:`claimline.timexes.values.evolve` copies: a frozen dataclass's __init__
    # sets each field through object.__setattr__, several times slower on this hot path
    cand = object.__new__(Candidate)
    cand.__dict__.update(rule=rule, start=start + offset, end=end + offset, text=text[start:end], groups=groups,
                         left=text[max(0, start - 60) : start])
    return cand


def find_candidates(text: str, grammar: Grammar | None = None, *, offset: int = 0,
                    normalised: str | None = None, folded: str | None = None,
                    prefilter: bool = True, kinds: Collection[str] | None = None) -> list[Candidate]:
    """Non-overlapping candidates in ``text``, in text order (offsets shifted by ``offset``).

    Only the rules whose anchors occur in ``text`` are matched (see
    :mod:`claimline.timexes.triggers`): ``normalised`` is, when given, the normalised
    larger text in which ``text`` starts at ``offset`` (normalised once for all its
    sentences). A rule with ``requires`` runs only where that pattern is found (on the
    lower-cased text too when it can). Most
    rules match case-sensitively the lower-cased text (``folded``: :func:`fold` of the
    larger text, like ``normalised``). ``prefilter=False`` matches every rule everywhere,
    on the text itself, with the same result. With ``kinds``, only the rules of those kinds
    run (a longer match of another rule then no longer hides theirs). A
    :class:`Candidate` is built only for the matches kept."""
    grammar = grammar or load_grammar()
    rules = grammar.rules
    if prefilter and grammar.prefilter is not None:
        start, norm = (offset, normalised) if normalised is not None else (0, normalise(text))
        if norm is not None:
            rules = grammar.rules_for(grammar.prefilter.scan(norm, start, start + len(text)))
    if kinds is not None:
        rules = tuple(rule for rule in rules if rule.rule.kind in kinds)
    if not rules:
        return []
    low = (folded[offset : offset + len(text)] if folded is not None else fold(text)) if prefilter else None
    matches: list[tuple[int, int, int, int, re.Match[str], CompiledRule]] = []
    for rule in rules:
        if prefilter and rule.requires is not None and not (
                rule.requires_folded.search(low) if low is not None and rule.requires_folded is not None
                else rule.requires.search(text)):
            continue
        order = rule.order
        hits = rule.folded.finditer(low) if low is not None and rule.folded is not None else rule.regex.finditer(text)
        for m in hits:
            start, end = m.span("t")
            if start != end:
                matches.append((start - end, order, start, end, m, rule))
    if not matches:
        return []
    # longest first, then the rule listed first; a match overlapping one kept is dropped
    # before its context guards are read: they could only drop it too
    matches.sort(key=_ORDER)
    kept: list[tuple[int, int, re.Match[str], CompiledRule]] = []
    for _, _, start, end, m, rule in matches:
        if all(end <= k_start or start >= k_end for k_start, k_end, _, _ in kept) \
                and _allowed(grammar, rule, text, start, end):
            kept.append((start, end, m, rule))
    kept.sort(key=_START)
    return [_candidate(rule, m, start, end, text, offset) for start, end, m, rule in kept]


__all__ = ["Candidate", "find_candidates"]
