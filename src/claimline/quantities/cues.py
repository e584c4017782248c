"""The data of the quantity finder: the schema of ``quantities.json``, what the finder
returns (:class:`FoundQuantity`, :class:`Skipped`) and the small text helpers it shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimline.models import Qualifier
from claimline.quantities.numbers import NumberMatch
from claimline.quantities.units import UnitMatch

_LINE_WINDOW = 200

class QualifierCue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phrase: str
    position: Literal["before", "after"]
    qualifier: Qualifier | None
    example: str


class RangeCue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    open: str
    join: list[str]
    example: str


class Exclusion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str
    where: Literal["before", "after", "line"]
    pattern: str
    example: str


class QuantityCues(BaseModel):
    """The schema of ``quantities.json``."""

    model_config = ConfigDict(extra="forbid")

    format: str
    source: str
    qualifiers: list[QualifierCue]
    ranges: list[RangeCue]
    exclusions: list[Exclusion]
    date_prepositions: list[str]
    date_prepositions_example: str
    function_words: list[str] = Field(description="Capitalised words that are no names ('Les 30 000').")
    function_words_example: str
    anaphoric_clitic: str
    anaphoric_clitic_example: str
    change_verbs: list[str]
    change_verbs_example: str
    change_verb_forms: list[str]
    change_verb_forms_example: str
    currency_prefixes: dict[str, str]
    currency_prefixes_example: str
    multiplied: list[str]
    multiplied_example: str
    out_of: list[str]
    out_of_example: str


@dataclass(frozen=True)
class FoundQuantity:
    """A quantity found in a text; offsets index the text given to the finder.

    ``start``/``end`` cover the whole expression (qualifier, number, unit: "plus de 500",
    "entre 500 et 5 500 km"); ``counted_from`` is where the noun it counts or measures
    may start; ``antecedent`` the index of the quantity whose unit a bare number took
    from the clitic "en" ("qui en fait 600 000").
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: Qualifier | None
    kind: str
    counted_from: int
    antecedent: int | None = None


@dataclass(frozen=True)
class Skipped:
    """A number the finder left out, and why (``duration``, ``date``, ``name``...)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class _Candidate:
    number: NumberMatch
    unit: UnitMatch | None
    end: int  # end of number + unit
    skip: str | None = None
    start: int | None = None  # a currency before the number ("$10", "EUR 20")


_SPACE = "[ \u00a0\u202f\u2009]"
_KILO_RE = re.compile(r"(?P<m>[kK]|M)(?![\w'’])")  # "100K", "5k", "10M" glued to the number
def _last_token(text: str) -> str:
    """The last word or sign of ``text`` (lower-case, ' for ’): "plus d'" -> "d'", "x <= " -> "<="."""
    m = re.search(r"([^\s\u00a0\u202f\u2009]+)[\s\u00a0\u202f\u2009]*$", text)
    if not m:
        return ""
    token = m.group(1).lower().replace("’", "'")
    apostrophe = token.rfind("'", 0, len(token) - 1)
    return token[apostrophe + 1 :] if apostrophe >= 0 else token  # "qu'environ" -> "environ"


_SUR_RE = re.compile(r"(?<![\w])sur(?![\w])", re.IGNORECASE)
_JOIN_RE = re.compile(r"[\s,]*(?:et|mais|,)[\s,]*", re.IGNORECASE)
# What may stand before the first word of a sentence: spaces, quotes, a list marker.
_OPENING = re.compile(r"[\s«\"(\-–—•*]*(?:\d{1,3}[.)]\s+)?[\s«\"(]*")
_APOS = "['’]"


def _phrase_re(phrase: str) -> str:
    parts = []
    for ch in phrase:
        if ch == " ":
            parts.append(f"{_SPACE}+")
        elif ch in "'’":
            parts.append(_APOS)
        else:
            parts.append(re.escape(ch))
    return "".join(parts)
