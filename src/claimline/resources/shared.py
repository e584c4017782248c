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
    months: dict[str, int] = Field(min_length=12)
    months_example: str

    @model_validator(mode="after")
    def _check_months(self) -> MonthWords:
        bad = {word: n for word, n in self.months.items() if not 1 <= n <= 12 or word != word.lower()}
        if bad:
            raise ValueError(f"months: expected lower-case words numbered 1 to 12, got {bad}")
        if set(self.months.values()) != set(range(1, 13)):
            raise ValueError("months: every month 1 to 12 needs at least one word")
        return self


_BARE = str.maketrans("àâäéèêëîïôöûùüç", "aaaeeeeiioouuuc")


@lru_cache(maxsize=1)
def month_words() -> dict[str, int]:
    """Month word -> month number (1-12), from ``months.json``, with each accented word also
    spelt without its accents ("décembre" -> "decembre", "févr." -> "fevr.")."""
    months = dict(load_json("months.json", MonthWords).months)
    for word, number in list(months.items()):
        months.setdefault(word.translate(_BARE), number)
    return months


__all__ = ["MonthWords", "month_words"]
