"""Units after a number, read into canonical codes (no spaCy).

>>> lex = unit_lexicon()
>>> lex.match("6 000 km2 de territoire", 5).code
'km2'
>>> lex.match("2 millions d'euros", 10, scaled=True).code
'EUR'
>>> lex.match("28 fois plus vaste", 2).code
'ratio'
>>> lex.match("15 mois", 2).kind
'time'

The lexicon is ``resources/fr/units.json``: measure units (``km2``, ``km``, ``t``,
``percent``, ``EUR``, ``USD``…), time units (a number before one is a duration, i.e. a
timex, not a quantity) and month names (a number before one is a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from claimline.resources import load_json
from claimline.resources.shared import month_words

_SPACE = "[ \u00a0\u202f\u2009]"


class UnitEntry(BaseModel):
    """One unit of ``units.json``."""

    model_config = ConfigDict(extra="forbid")

    code: str
    kind: str
    words: list[str] = Field(default_factory=list)
    symbols: list[str] = Field(default_factory=list)
    example: str
    requires_after: list[str] = Field(default_factory=list)


class UnitFile(BaseModel):
    """The schema of ``units.json``."""

    model_config = ConfigDict(extra="forbid")

    format: str
    source: str
    time_adjectives: list[str]
    months: list[str] = Field(default_factory=lambda: list(month_words()))  # shared: months.json
    units: list[UnitEntry]
    time_units: list[UnitEntry]


@dataclass(frozen=True)
class UnitMatch:
    """A unit found at ``start`` (after the number) up to ``end``."""

    code: str
    kind: str
    start: int
    end: int


def _word_pattern(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


class UnitLexicon:
    """Matches the unit that follows a number."""

    def __init__(self, data: UnitFile) -> None:
        self.data = data
        entries = [*data.units, *data.time_units]
        self._by_code = {e.code: e for e in entries}
        words = sorted(
            ((w, e) for e in entries for w in e.words), key=lambda we: len(we[0]), reverse=True
        )
        self._words = [(re.compile(_word_pattern(w) + r"(?![\w'’-])", re.IGNORECASE), e) for w, e in words]
        months = sorted(data.months, key=len, reverse=True)
        self._month_re = re.compile(
            rf"{_SPACE}*(?:{'|'.join(re.escape(m) for m in months)})(?![\w])", re.IGNORECASE
        )
        symbols = sorted(((s, e) for e in entries for s in e.symbols), key=lambda se: len(se[0]), reverse=True)
        self._symbols = [
            (re.compile(re.escape(s) + (r"(?![\w'’])" if s[-1].isalnum() else "")), e) for s, e in symbols
        ]
        adjs = "|".join(re.escape(a) for a in data.time_adjectives)
        self._time_adj_re = re.compile(rf"{_SPACE}+(?:{adjs})(?=\s)", re.IGNORECASE)
        self._of_re = re.compile(rf"{_SPACE}+(?:de{_SPACE}+|d['’]{_SPACE}*)", re.IGNORECASE)

    def entry(self, code: str) -> UnitEntry:
        """The lexicon entry of ``code``."""
        return self._by_code[code]

    def is_month_after(self, text: str, pos: int) -> bool:
        """Whether a month name follows ``pos`` ("19 septembre", "7 MARS")."""
        return self._month_re.match(text, pos) is not None

    def match(self, text: str, pos: int, *, scaled: bool = False) -> UnitMatch | None:
        """The unit right after a number ending at ``pos``, or None.

        ``scaled``: the number ends with a multiplier or approximate noun, so the unit may
        follow "de" ("2 millions d'euros", "quelques centaines de km2").
        """
        gap = re.match(f"{_SPACE}*", text[pos:]).end()
        if gap == 0:  # glued: a symbol ("1%", "145€", "75ml") or a word in capitals ("1METRE")
            found = self._at(text, pos, words=False) or self._at(text, pos, symbols=False, upper_only=True)
        else:
            found = self._at(text, pos + gap, symbols=gap == 1)
        if found is None:
            adj = self._time_adj_re.match(text, pos)  # "200 dernières années"
            if adj:
                after = adj.end() + re.match(f"{_SPACE}*", text[adj.end():]).end()
                found = self._at(text, after, symbols=False, kinds=("time",))
        if found is None and scaled:
            of = self._of_re.match(text, pos)
            if of:
                found = self._at(text, of.end())
        return found

    def _at(self, text: str, start: int, *, symbols: bool = True, words: bool = True,
            upper_only: bool = False, kinds: tuple[str, ...] | None = None) -> UnitMatch | None:
        candidates = (self._symbols if symbols else []) + (self._words if words else [])
        for pattern, entry in candidates:
            if kinds and entry.kind not in kinds:
                continue
            m = pattern.match(text, start)
            if m is None or (upper_only and not text[start:m.end()].isupper()):
                continue
            if self._allowed(entry, text, m.end()):
                return UnitMatch(entry.code, entry.kind, start, m.end())
        return None

    @staticmethod
    def _allowed(entry: UnitEntry, text: str, end: int) -> bool:
        if not entry.requires_after:
            return True
        following = re.match(r"\s*([\w'’-]+)", text[end:])
        return bool(following) and following.group(1).lower() in entry.requires_after


@lru_cache(maxsize=8)
def unit_lexicon(path: str | None = None) -> UnitLexicon:
    """The :class:`UnitLexicon` of ``units.json`` (or of a file of your own)."""
    return UnitLexicon(load_json("units.json", UnitFile, path=path))


__all__ = ["UnitEntry", "UnitFile", "UnitLexicon", "UnitMatch", "unit_lexicon"]
