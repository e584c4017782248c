"""Word lists more than one layer reads, each defined once in ``resources/fr``.

- :func:`month_words`: ``months.json``, the month names and abbreviations (timexes read
  them as dates, quantities to refuse "19 septembre" as a quantity).

>>> month_words()["août"], month_words()["fév."], month_words()["aout"]
(8, 2, 8)
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimline.resources import load_json


class MonthWords(BaseModel):
    """The schema of ``months.json``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str
    source: str
    months: dict[str, int] = Field(min_length=1)
    months_example: str
    abbreviations: dict[str, int] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_months(self) -> MonthWords:
        bad = {word: n for word, n in (self.months | self.abbreviations).items()
               if not 1 <= n <= 12 or word != word.lower() or word.endswith(".")}
        if bad:
            raise ValueError(f"months: expected lower-case words (abbreviations without their dot) numbered 1 to 12, got {bad}")
        if set(self.months.values()) != set(range(1, 13)):
            raise ValueError("months: every month 1 to 12 needs at least one word")
        return self


BARE_LETTERS = {"à": "a", "â": "a", "ä": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
                "ô": "o", "ö": "o", "û": "u", "ù": "u", "ü": "u", "ç": "c", "ÿ": "y"}
"""Each accented lower-case letter of French and its bare letter (the month names' accentless
spellings here, accent-insensitive timex rules in :mod:`claimline.timexes.accents`)."""
_BARE = str.maketrans(BARE_LETTERS)


def _with_bare_spellings(words: dict[str, int]) -> dict[str, int]:
    for word, number in list(words.items()):
        words.setdefault(word.translate(_BARE), number)
    return words


@lru_cache(maxsize=1)
def month_words() -> dict[str, int]:
    """Month word -> month number (1-12), from ``months.json``: the names and each abbreviation
    with its dot ("déc."), each accented word also spelt without its accents ("decembre")."""
    data = load_json("months.json", MonthWords)
    return _with_bare_spellings(data.months | {f"{word}.": n for word, n in data.abbreviations.items()})


@lru_cache(maxsize=1)
def month_abbreviations() -> dict[str, int]:
    """The abbreviations of ``months.json`` without their dot ("déc", "dec", "sept", "Jan")."""
    return _with_bare_spellings(dict(load_json("months.json", MonthWords).abbreviations))


__all__ = ["BARE_LETTERS", "MonthWords", "month_abbreviations", "month_words"]
