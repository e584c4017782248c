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
from dataclasses import dataclass, field

from claimline.timexes.lexicon import CompiledRule, Grammar, load_grammar
from claimline.timexes.prefilter import normalise

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


def _candidate(rule: CompiledRule, m: re.Match[str], text: str, offset: int) -> Candidate:
    start, end = m.span("t")
    groups = {name: (value, m.start(name) + offset, m.end(name) + offset)
              for name, value in m.groupdict().items() if value is not None and name != "t"}
    return Candidate(rule, start + offset, end + offset, text[start:end], groups, text[max(0, start - 60) : start])


def find_candidates(text: str, grammar: Grammar | None = None, *, offset: int = 0,
                    normalised: str | None = None, prefilter: bool = True) -> list[Candidate]:
    """Non-overlapping candidates in ``text``, in text order (offsets shifted by ``offset``).

    Only the rules whose anchors occur in ``text`` are matched (see
    :mod:`claimline.timexes.triggers`): ``normalised`` is, when given, the normalised
    larger text in which ``text`` starts at ``offset`` (normalised once for all its
    sentences); ``prefilter=False`` matches every rule, with the same result. A
    :class:`Candidate` is built only for the matches kept."""
    grammar = grammar or load_grammar()
    rules = grammar.rules
    if prefilter and grammar.prefilter is not None:
        start, norm = (offset, normalised) if normalised is not None else (0, normalise(text))
        if norm is not None:
            found = grammar.prefilter.scan(norm, start, start + len(text))
            rules = tuple(rules[i] for i in grammar.prefilter.allowed(found))
    matches: list[tuple[int, int, int, int, re.Match[str], CompiledRule]] = []
    for rule in rules:
        order = rule.order
        for m in rule.regex.finditer(text):
            start, end = m.span("t")
            if start != end:
                matches.append((start - end, order, start, end, m, rule))
    if not matches:
        return []
    # longest first, then the rule listed first; a match overlapping one kept is dropped
    # before its context guards are read: they could only drop it too
    matches.sort(key=lambda f: f[:3])
    kept: list[tuple[int, int, re.Match[str], CompiledRule]] = []
    for _, _, start, end, m, rule in matches:
        if all(end <= k_start or start >= k_end for k_start, k_end, _, _ in kept) \
                and _allowed(grammar, rule, text, start, end):
            kept.append((start, end, m, rule))
    kept.sort(key=lambda k: k[0])
    return [_candidate(rule, m, text, offset) for _, _, m, rule in kept]


__all__ = ["Candidate", "find_candidates"]
