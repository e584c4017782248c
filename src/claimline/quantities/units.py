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

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimline.resources import load_json
from claimline.resources.shared import month_words

_SPACE = "[ \u00a0\u202f\u2009]"
# Matched at a position of the whole text (``pattern.match(text, pos)``), never on
# ``text[pos:]``: that copies the rest of the text for every number, quadratic in its length.
_GAP_RE = re.compile(f"{_SPACE}*")
_FOLLOWING_RE = re.compile(r"\s*([\w'’-]+)")


class UnitEntry(BaseModel):
    """One unit of ``units.json``."""

    model_config = ConfigDict(extra="forbid")

    code: str
    kind: str
    words: list[str] = Field(default_factory=list)
    symbols: list[str] = Field(default_factory=list)
    example: str
    requires_after: list[str] = Field(default_factory=list)
    requires_before: list[str] = Field(default_factory=list)


class Denominators(BaseModel):
    """The unit algebra of rates (``units.json``: ``denominators``)."""

    model_config = ConfigDict(extra="forbid")

    links: list[str]
    units: list[str]
    time_units: list[str]
    time_links: list[str]
    per_population: dict[str, str]
    per_population_nouns: list[str]
    example: str


class UnitFile(BaseModel):
    """The schema of ``units.json``."""

    model_config = ConfigDict(extra="forbid")

    format: str
    source: str
    time_adjectives: list[str]
    months: list[str] = Field(default_factory=lambda: list(month_words()))  # shared: months.json
    units: list[UnitEntry]
    time_units: list[UnitEntry]
    denominators: Denominators
    money_nouns: list[str]
    money_nouns_example: str

    @model_validator(mode="after")
    def _known_denominators(self) -> "UnitFile":
        measures = {e.code for e in self.units}
        times = {e.code for e in self.time_units}
        unknown = sorted(set(self.denominators.units) - measures) + sorted(set(self.denominators.time_units) - times)
        if unknown:
            raise ValueError(f"denominators name unit codes that units.json does not define: {unknown}")
        return self


@dataclass(frozen=True)
class UnitMatch:
    """A unit found at ``start`` (after the number) up to ``end``."""

    code: str
    kind: str
    start: int
    end: int


def _link(form: str) -> str:
    return _SPACE.join(re.escape(p) for p in form.replace("’", "'").split()).replace("'", "['’]")


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
        # Candidates by their first character (lower-cased), in the same order: a number is
        # followed by a handful of forms, not by all of them.
        self._by_char: dict[tuple[bool, str], list] = {}
        for is_symbol, forms, pats in ((True, [f for f, _ in symbols], self._symbols), (False, [f for f, _ in words], self._words)):
            for form, pat in zip(forms, pats):
                self._by_char.setdefault((is_symbol, form[0].lower()), []).append(pat)
        adjs = "|".join(re.escape(a) for a in data.time_adjectives)
        self._time_adj_re = re.compile(rf"{_SPACE}+(?:{adjs})(?=\s)", re.IGNORECASE)
        self._of_re = re.compile(rf"{_SPACE}+(?:de{_SPACE}+|d['’]{_SPACE}*)", re.IGNORECASE)
        self.money_nouns = {w.lower() for w in data.money_nouns}
        den = data.denominators
        self._den_units = set(den.units)
        self._den_link_re = re.compile(
            rf"{_SPACE}*/{_SPACE}*|{_SPACE}+(?P<link>{'|'.join(_link(w) for w in sorted(den.links, key=len, reverse=True) if w != '/')})"
            rf"(?<=['’]){_SPACE}*|{_SPACE}+(?P<link2>{'|'.join(_link(w) for w in den.links if w != '/' and w[-1] not in chr(39) + '’')}){_SPACE}+",
            re.IGNORECASE,
        )
        self._time_links = {w.replace("’", "'") for w in den.time_links}
        self._time_dens = set(den.time_units)
        self._before = {id(e): re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, e.requires_before))})", re.IGNORECASE)
                        for e in entries if e.requires_before}

    def kind_of(self, code: str) -> str | None:
        """The kind of a unit code's numerator ("EUR/m2" -> "currency"), None if unknown."""
        entry = self._by_code.get(code.split("/")[0])
        return entry.kind if entry else None

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
        gap = _GAP_RE.match(text, pos).end() - pos
        if gap == 0:  # glued: a symbol ("1%", "145€", "75ml") or a word in capitals ("1METRE")
            found = self._at(text, pos, words=False) or self._at(text, pos, symbols=False, upper_only=True)
        else:
            found = self._at(text, pos + gap, symbols=gap == 1)
        if found is None:
            adj = self._time_adj_re.match(text, pos)  # "200 dernières années"
            if adj:
                after = _GAP_RE.match(text, adj.end()).end()
                found = self._at(text, after, symbols=False, kinds=("time",))
        if found is None and scaled:
            of = self._of_re.match(text, pos)
            if of:
                found = self._at(text, of.end())
        if found is not None and found.kind not in ("time", "percent", "ratio"):
            found = self.denominator(text, found) or found
        return found

    def denominator(self, text: str, num: UnitMatch) -> UnitMatch | None:
        """``num`` over the unit after it: "euros le mètre carré" -> EUR/m2, "km/h"."""
        if "/" in num.code:
            return None
        link = self._den_link_re.match(text, num.end)
        if link is None:
            return None
        word = (link.group("link") or link.group("link2") or "/").lower().replace("’", "'")
        word = re.sub(rf"{_SPACE}+", " ", word)
        den = self._at(text, link.end(), symbols=word == "/" or text[link.end() : link.end() + 1].isupper() or word == "par")
        if den is None or den.code == num.code:
            return None
        if den.kind == "time":
            if den.code not in self._time_dens or word not in self._time_links:
                return None  # "par jour", "par an": a SET timex
        elif den.code not in self._den_units:
            return None
        return UnitMatch(f"{num.code}/{den.code}", "rate", num.start, den.end)

    def _at(self, text: str, start: int, *, symbols: bool = True, words: bool = True,
            upper_only: bool = False, kinds: tuple[str, ...] | None = None) -> UnitMatch | None:
        if start >= len(text):
            return None
        char = text[start].lower()
        candidates = (self._by_char.get((True, char), []) if symbols else []) + (
            self._by_char.get((False, char), []) if words else [])
        for pattern, entry in candidates:
            if kinds and entry.kind not in kinds:
                continue
            m = pattern.match(text, start)
            if m is None or (upper_only and not text[start:m.end()].isupper()):
                continue
            if self._allowed(entry, text, m.end()) and (
                id(entry) not in self._before or self._before[id(entry)].search(text[max(0, start - 80) : start])
            ):  # "a marqué 20 points": a count; "la température atteint 30 degrés": Celsius
                return UnitMatch(entry.code, entry.kind, start, m.end())
        return None

    @staticmethod
    def _allowed(entry: UnitEntry, text: str, end: int) -> bool:
        if not entry.requires_after:
            return True
        following = _FOLLOWING_RE.match(text, end)
        return bool(following) and following.group(1).lower() in entry.requires_after


@lru_cache(maxsize=8)
def unit_lexicon(path: str | None = None) -> UnitLexicon:
    """The :class:`UnitLexicon` of ``units.json`` (or of a file of your own)."""
    return UnitLexicon(load_json("units.json", UnitFile, path=path))


__all__ = ["UnitEntry", "UnitFile", "UnitLexicon", "UnitMatch", "unit_lexicon"]
