"""Parse a date span that the rules found, with dateparser, keeping only what the span shows.

dateparser knows the French month abbreviations ("févr", "fév.", "sep", "déc") and the
numeric orders ("12/02/25", "12-02-25", "02/2025") better than a list we would keep, but
it never searches text here: a detection rule of ``timex_rules.json`` finds the span
first, and this module only parses it, in French, day before month, against an explicit
base date. dateparser fills what the span does not say from that base ("12 min 2025"
is read as the 12th of the base's month) and drops words it does not know, so every
field is checked: the span is parsed against two base dates, and a field that changes
with the base was not in the span. A month (and a day, for a day-level span) must come
from the span; the year may not (then it is None and the caller chooses it with the
tense of the clause).

>>> import datetime as dt
>>> parse_date("12 fév. 2025", base=dt.date(2025, 3, 1))
ParsedDate(year=2025, month=2, day=12, period='day')
>>> parse_date("3 oct", base=dt.date(2025, 3, 1))
ParsedDate(year=None, month=10, day=3, period='day')
>>> parse_date("02/2025", base=dt.date(2025, 3, 1))
ParsedDate(year=2025, month=2, day=None, period='month')
>>> parse_date("12 min 2025", base=dt.date(2025, 3, 1)) is None  # "min" is no month
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Period = Literal["day", "month"]


@dataclass(frozen=True)
class ParsedDate:
    """The calendar fields a span shows: ``year`` None when it has none ("3 oct.")."""

    year: int | None
    month: int
    day: int | None
    period: Period


@lru_cache(maxsize=64)
def _parser(base: dt.date):
    from dateparser.date import DateDataParser  # imported on first use: it takes ~0.4 s

    return DateDataParser(languages=["fr"], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time"],  # no "il y a 3 jours", no timestamps: the rules do those
    })


def _other_base(base: dt.date) -> dt.date:
    """A base differing from ``base`` in year (same leap status), month and day."""
    return dt.date(base.year + 4, base.month % 12 + 1, 14 if base.day != 14 else 15)


def _parse(text: str, base: dt.date) -> tuple[dt.datetime, str] | None:
    data = _parser(base).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period


_FULL_NUMERIC = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")


def _full_numeric(text: str) -> ParsedDate | bool:
    """"04/12/2024", "4.12.2024", "04-12-2024": a valid day, month and year, read directly
    (what dateparser reads there, checked by the tests); False for any other text."""
    m = _FULL_NUMERIC.fullmatch(text)
    if m is None:
        return False
    day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    try:
        dt.date(year, month, day)
    except ValueError:
        return False  # "01/13/2024", "31/02/2024": left to dateparser, which has its own ways
    return ParsedDate(year, month, day, "day")


@lru_cache(maxsize=1024)
def parse_date(text: str, *, base: dt.date) -> ParsedDate | None:
    """The day or month written in ``text`` (French), or None when dateparser cannot read
    it as one without inventing a field from the base date (a full numeric date is read
    directly, as dateparser reads it)."""
    direct = _full_numeric(text)
    return direct if direct else _with_dateparser(text, base)


def _with_dateparser(text: str, base: dt.date) -> ParsedDate | None:
    first, second = _parse(text, base), _parse(text, _other_base(base))
    if first is None or second is None:
        return None
    (a, period), (b, period_b) = first, second
    if period != period_b or period not in ("day", "month"):
        return None
    if a.month != b.month or (period == "day" and a.day != b.day):
        return None  # the month (or day) came from the base: not in the span
    return ParsedDate(a.year if a.year == b.year else None, a.month, a.day if period == "day" else None, period)


__all__ = ["ParsedDate", "parse_date"]
