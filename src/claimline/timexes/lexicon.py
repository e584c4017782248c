"""The French timex resources: word classes and detection rules, validated on load.

``timex_lexicon.json`` holds the word classes (months, units, parts of the day...), and
``timex_rules.json`` the detection rules, whose patterns name macros and word classes
as ``%NAME%``. :func:`load_grammar` validates both files and compiles every rule.

>>> grammar = load_grammar()
>>> grammar.lexicon.months["août"]
8
>>> grammar.rule("bare_year").regex.search("à partir de 2026").group("t")
'2026'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimline.errors import Errors, ResourceError
from claimline.models import Granularity, TimexMod, TimexType
from claimline.resources import load_json
from claimline.resources.shared import BARE_LETTERS, month_abbreviations, month_words
from claimline.timexes.accents import accent_insensitive, canonical_keys, fold
from claimline.timexes.prefilter import Prefilter
from claimline.timexes.starts import guarded as _guarded
from claimline.timexes.starts import parse as _parse
from claimline.timexes.triggers import rule_anchors

RuleKind = Literal[
    "calendar", "dateparse", "relative_day", "anchored_day", "relative_unit", "offset", "duration",
    "duration_range", "duration_noun", "decade", "century", "night", "date_range",
    "time_range", "part_of_day", "time", "set", "vague", "ignore", "period_of_year", "clock_duration",
]
VagueRef = Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]
AnchorKind = Literal["document", "previous"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Strict):
    code: str = Field(pattern=r"^(?:Y|M|W|D|H|S|DE|CE|Q|WE|6M)$")
    granularity: Granularity
    time: bool = False


class RelativeWord(_Strict):
    offset: int = Field(ge=-1, le=1)
    anchor: AnchorKind


class Lexicon(_Strict):
    """``timex_lexicon.json``: each class maps a lower-case word or phrase to its value."""

    format: str
    source: str
    examples: dict[str, str]
    months: dict[str, int] = Field(default_factory=month_words)  # shared: months.json
    month_abbreviations: dict[str, int] = Field(default_factory=month_abbreviations)  # months.json
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    approx_nouns: dict[str, int]
    units: dict[str, Unit]
    abbreviated_units: dict[str, Unit]
    parts_of_day: dict[str, Literal["MO", "AF", "EV", "NI", "MI", "DT"]]
    seasons: dict[str, Literal["SP", "SU", "FA", "WI"]]
    mods: dict[str, TimexMod]
    qualifiers: dict[str, TimexMod]
    relative_days: dict[str, int]
    anchored_days: dict[str, int]
    relative_words: dict[str, RelativeWord]
    vague_refs: dict[str, VagueRef]
    set_words: dict[str, str]
    duration_nouns: dict[str, str]
    vague_counts: dict[str, None]
    holidays: dict[str, str]
    function_words: list[str]
    person_nouns: list[str]
    accent_distinctive: list[str] = Field(default_factory=list)
    scheduled_verbs: list[str] = Field(default_factory=list)
    clock_verbs: list[str] = Field(default_factory=list)


class Rule(_Strict):
    """One detection rule of ``timex_rules.json``."""

    name: str
    kind: RuleKind
    type: TimexType
    pattern: str
    example: str
    direction: Literal[-1, 1] | None = None
    anchor: AnchorKind | None = None
    not_after: str | None = None
    not_before: str | None = None
    quantity_guard: bool = False
    requires: str | None = None


def unit(lexicon: Lexicon, word: str) -> Unit:
    """The unit named by ``word`` ("mois", "h")."""
    return lexicon.units.get(word) or lexicon.abbreviated_units[word]


class RuleFile(_Strict):
    format: str
    source: str
    macros: dict[str, str]
    rules: list[Rule]


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its expanded, compiled pattern and context guards."""

    rule: Rule
    order: int
    regex: re.Pattern[str]
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    canon: Mapping[str, str] = field(default_factory=dict)
    requires: re.Pattern[str] | None = None  # searched in a sentence before the rule runs there
    requires_folded: re.Pattern[str] | None = None  # the same, case-sensitive, for a lower-cased text
    folded: re.Pattern[str] | None = None  # the same, case-sensitive, for a lower-cased text (see folded_pattern)
    _words: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.rule.name

    @cached_property
    def group_slots(self) -> tuple[tuple[str, int], ...]:
        """The named groups of the pattern but "t" (the extent), with their numbers, in order
        (``folded`` numbers them alike). Kept on the rule: a compiled pattern as a dict key
        is hashed anew each time, its whole compiled code with it."""
        return tuple((name, number) for name, number in self.regex.groupindex.items() if name != "t")

    def canonical(self, word_key: str) -> str:
        """The lexicon's spelling of a matched word ("soiree" -> "soirée"), else the word itself."""
        return self.canon.get(fold(word_key), word_key)

    def word(self, matched: str) -> str:
        """The lexicon key of a matched text ("Août" -> "août", "soiree" -> "soirée"),
        remembered (a rule reads the same few words again and again)."""
        found = self._words.get(matched)
        if found is None:
            if len(self._words) >= 4096:
                self._words.clear()
            found = self._words[matched] = self.canonical(key(matched))
        return found


@dataclass(frozen=True)
class Grammar:
    """The lexicon and the compiled rules, ready to match."""

    lexicon: Lexicon
    rules: tuple[CompiledRule, ...]
    prefilter: Prefilter | None = None  # which rules can match a text (claimline.timexes.triggers)

    _by_found: dict[int, tuple[CompiledRule, ...]] = field(default_factory=dict, compare=False, repr=False)

    def rule(self, name: str) -> CompiledRule:
        return next(r for r in self.rules if r.name == name)

    def rules_for(self, found: int) -> tuple[CompiledRule, ...]:
        """The rules that can match a text whose anchor scan gave ``found``
        (:meth:`Prefilter.scan`), remembered: a few hundred combinations recur."""
        rules = self._by_found.get(found)
        if rules is None:
            if len(self._by_found) >= 4096:
                self._by_found.clear()
            allowed = self.prefilter.allowed(found) if self.prefilter is not None else range(len(self.rules))
            rules = self._by_found[found] = tuple(self.rules[i] for i in allowed)
        return rules


_PLACEHOLDER = re.compile(r"%(\w+)%")
_FLAGS = re.IGNORECASE


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """The lexicon key of a matched word: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", text.replace("’", "'").strip().lower())


def _plain_alternation(parts: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in word.split(" ")) for word in parts)


# first letters whose case-insensitive matches ``re`` and ``fold`` agree on (ASCII, the
# French accented letters): words starting with them can be grouped by first letter
_GROUPABLE = frozenset("".join(chr(c) for c in range(0x21, 0x7F)) + "".join(BARE_LETTERS)
                       + "".join(BARE_LETTERS).upper() + "œæŒÆ")


def first_letter_groups(words: list[str]) -> list[tuple[str, list[str]]] | None:
    """``words`` (longest first) grouped by first letter, accents and case aside: (the
    letters a group's words can start with, the words in their order); None when the
    words are too few to gain or one starts with a character outside ``_GROUPABLE``."""
    if len(words) < 8 or not all(w and w[0] in _GROUPABLE for w in words):
        return None
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(fold(word[0]), []).append(word)
    return [("".join(sorted({first} | {w[0] for w in group})), group) for first, group in groups.items()]


def _letters(letters: str) -> str:
    return f"(?=[{re.escape(letters)}])"


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace.

    ``re`` tries every alternative at every position it reaches: the words are grouped by
    their first letter (:func:`first_letter_groups`), each group behind a lookahead on
    its letters and the whole behind a lookahead on all of them, so that a word is tried
    only where the text holds its first letter. At most one group can match at a
    position and the order within a group is kept (longest first): the alternation
    matches what the flat one matches, with the same preference."""
    parts = sorted(set(words), key=len, reverse=True)
    groups = first_letter_groups(parts)
    if groups is None:
        return _plain_alternation(parts)
    every = "".join(sorted({ch for letters, _ in groups for ch in letters}))
    branches = "|".join(f"{_letters(letters)}(?:{_plain_alternation(group)})" for letters, group in groups)
    return f"{_letters(every)}(?:{branches})"


def _word_classes(lexicon: Lexicon) -> dict[str, str]:
    classes = {}
    for name in Lexicon.model_fields:
        value = getattr(lexicon, name)
        if isinstance(value, (dict, list)) and name != "examples":
            classes[name] = alternation(list(value))
    return classes


def _expand(rule_name: str, pattern: str, macros: dict[str, str], classes: dict[str, str]) -> str:
    for _ in range(10):
        def repl(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in macros:
                return macros[name]
            if name in classes:
                return classes[name]
            raise ResourceError(
                Errors.E011.format(rule=rule_name, name=name, valid=sorted(set(macros) | set(classes)))
            )

        expanded = _PLACEHOLDER.sub(repl, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ResourceError(Errors.E012.format(rule=rule_name, detail="macros nest more than 10 levels"))


def _compile(rule_name: str, pattern: str, keep: frozenset[str] = frozenset(), *,
             guard: bool = False) -> tuple[re.Pattern[str], object]:
    """The rule pattern compiled accent-insensitive (``guard``: behind the lookahead of
    :func:`claimline.timexes.starts.guarded`), and, with ``guard``, its parse before the
    lookahead (else None): the guard and the rule's anchors are read from it, so that the
    pattern is parsed once for both (parsing is most of the grammar's load time)."""
    pattern = accent_insensitive(pattern, keep)
    try:
        tree = _parse(pattern, _FLAGS) if guard else None
        return re.compile(_guarded(pattern, _FLAGS, tree) if guard else pattern, _FLAGS), tree
    except re.error as err:
        raise ResourceError(Errors.E012.format(rule=rule_name, detail=str(err))) from err


_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]")  # escapes and group names: not literal letters


def folded_pattern(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """``regex`` without IGNORECASE, to match a lower-cased text (:func:`fold`): the same
    matches where it has no upper-case literal letter and no case-sensitive part
    ``(?-i:...)``; None otherwise (the rule reads the text itself). ``re`` lower-cases
    every character it compares under IGNORECASE: a text lower-cased once is cheaper."""
    if not regex.flags & re.IGNORECASE or "(?-i" in regex.pattern:
        return None
    letters = _NOT_LETTERS.sub("", regex.pattern)
    if letters != letters.lower():
        return None
    return re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)


def compile_grammar(lexicon: Lexicon, rule_file: RuleFile) -> Grammar:
    """Expand and compile every rule of ``rule_file`` against ``lexicon``."""
    classes = _word_classes(lexicon)
    keep = frozenset(lexicon.accent_distinctive)
    canon = canonical_keys({name: getattr(lexicon, name) for name in classes})
    compiled = []
    trees = []  # each rule's parse, for its anchors
    for order, rule in enumerate(rule_file.rules):
        regex, tree = _compile(rule.name, _expand(rule.name, rule.pattern, rule_file.macros, classes), keep, guard=True)
        trees.append(tree)
        if "t" not in regex.groupindex:
            raise ResourceError(Errors.E012.format(rule=rule.name, detail="no group named 't' (the extent)"))
        if rule.kind == "dateparse" and "date" not in regex.groupindex:
            raise ResourceError(Errors.E012.format(rule=rule.name, detail="kind 'dateparse' needs a group named 'date' (the text dateparser reads)"))
        guards = [  # not_after is searched (every position): it gains the lookahead too
            _compile(rule.name, _expand(rule.name, g, rule_file.macros, classes), keep, guard=searched)[0] if g else None
            for g, searched in ((rule.not_after, True), (rule.not_before, False))
        ]
        requires = _compile(rule.name, _expand(rule.name, rule.requires, rule_file.macros, classes), keep)[0] \
            if rule.requires else None
        compiled.append(CompiledRule(rule, order, regex, *guards, canon=canon, requires=requires,
                                     requires_folded=folded_pattern(requires) if requires else None,
                                     folded=folded_pattern(regex)))
    names = [r.name for r in rule_file.rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ResourceError(Errors.E012.format(rule=dupes[0], detail="two rules have this name"))
    # the parse without the guard: a lookahead gives no anchor, the anchors are the same
    return Grammar(lexicon, tuple(compiled), Prefilter([rule_anchors(c.regex, tree=t) for c, t in zip(compiled, trees)]))


@lru_cache(maxsize=8)
def load_grammar(lexicon_path: str | None = None, rules_path: str | None = None) -> Grammar:
    """The packaged French grammar, or one read from your own files (same formats)."""
    lexicon = load_json("timex_lexicon.json", Lexicon, path=Path(lexicon_path) if lexicon_path else None)
    rules = load_json("timex_rules.json", RuleFile, path=Path(rules_path) if rules_path else None)
    return compile_grammar(lexicon, rules)


__all__ = ["CompiledRule", "Grammar", "Lexicon", "Rule", "RuleFile", "alternation", "key", "load_grammar", "unit"]
