"""The one calendar: TIMEX3 values as periods of days, their labels and order, dates.

A period is ``(earliest, latest, granularity)``: the first and last day it may be, and how
precisely it is known. The timex tagger, the timeline and the evaluator all read
periods through this module, so they cannot disagree on what "2025-SP" or "2025-W12"
covers. Month and year arithmetic is :class:`dateutil.relativedelta.relativedelta`
(it clamps to the month's end).

Seasons are astronomical, northern hemisphere (the French civil convention: "l'été"
begins on 21 June); winter belongs to the year in which it begins ("2025-WI" is
21 December 2025 to 19 March 2026). See ``data/gold/README.md``.

>>> bounds("2025-07", "START")
(datetime.date(2025, 7, 1), datetime.date(2025, 7, 10), 'month')
>>> bounds("193X")
(datetime.date(1930, 1, 1), datetime.date(1939, 12, 31), 'decade')
>>> shift(dt.date(2025, 3, 31), -1, "M")
datetime.date(2025, 2, 28)
>>> period_label(dt.date(2024, 8, 1), dt.date(2024, 8, 31), "month")
'2024-08'
>>> period_label(dt.date(2025, 9, 19), dt.date(2025, 9, 20), "part_of_day")
'2025-09-19/2025-09-20'
>>> period_label(None, dt.date(2025, 2, 20), "day")
'../2025-02-20'
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Literal

from dateutil.relativedelta import relativedelta

Day = dt.date
Precision = Literal["year", "month", "day"]

# Seasons (astronomical, northern hemisphere): first and last (month, day).
SEASONS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)), "WI": ((12, 21), (3, 19))}

# granularity -> how precisely a date of that granularity can be written
_PRECISION: dict[str, Precision] = {
    "millennium": "year", "century": "year", "decade": "year", "year": "year",
    "half": "month", "season": "month", "quarter": "month", "month": "month",
    "week": "day", "day": "day", "part_of_day": "day", "hour": "day", "minute": "day", "second": "day",
}
# coarse to fine, for "which of two periods is the more precise"
GRANULARITY_ORDER: tuple[str, ...] = (
    "millennium", "century", "decade", "year", "half", "season", "quarter",
    "month", "week", "day", "part_of_day", "hour", "minute", "second",
)
# months per unit of shift()
_UNIT_MONTHS = {"M": 1, "Q": 3, "6M": 6, "Y": 12, "DE": 120, "CE": 1200}

# --- days, months, weeks, seasons -------------------------------------------------------


def month_end(day: Day) -> Day:
    """The last day of ``day``'s month.

    >>> month_end(dt.date(2024, 2, 10)), month_end(dt.date(2025, 2, 10))
    (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28))
    """
    return day + relativedelta(day=31)


def last_day(year: int, month: int) -> int:
    """The number of days of ``month`` in ``year``."""
    return month_end(dt.date(year, month, 1)).day


def months(year: int, first: int, count: int) -> tuple[Day, Day]:
    """The first and last day of ``count`` months from month ``first`` of ``year``."""
    start = dt.date(year, first, 1)
    return start, month_end(start + relativedelta(months=count - 1))


def shift(day: Day, n: int, unit: str) -> Day:
    """``day`` moved by ``n`` units (D, W, WE, M, Q, 6M, Y, DE, CE); months clamp to the month's end."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=n)
    return day + relativedelta(months=_UNIT_MONTHS[unit] * n)


def iso_week(day: Day) -> str:
    """``2025-W12`` for 2025-03-17."""
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def season_of(day: Day) -> tuple[int, str]:
    """The (year, code) of the season containing ``day`` (winter belongs to the year it starts in)."""
    md = (day.month, day.day)
    for code in ("SP", "SU", "FA"):
        first, last = SEASONS[code]
        if first <= md <= last:
            return day.year, code
    return (day.year if md >= SEASONS["WI"][0] else day.year - 1), "WI"


def season_bounds(year: int, code: str) -> tuple[Day, Day]:
    """First and last day of the season ``code`` (SP, SU, FA, WI) of ``year``."""
    (m1, d1), (m2, d2) = SEASONS[code]
    return dt.date(year, m1, d1), dt.date(year + (1 if code == "WI" else 0), m2, d2)


# --- TIMEX3 values -> periods -------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PERIOD = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})$")
_PART_OF_DAY = re.compile(r"T[A-Z]{2}$")


def _date_bounds(value: str, m: re.Match) -> tuple[Day, Day, str]:
    y, mo, d = (int(g) if g else None for g in m.groups())
    if d:
        gran = "day" if "T" not in value else ("part_of_day" if _PART_OF_DAY.search(value) else "minute")
        return dt.date(y, mo, d), dt.date(y, mo, d), gran
    if mo:
        return (*months(y, mo, 1), "month")
    return (*months(y, 1, 12), "year")


def _plain_bounds(value: str) -> tuple[Day, Day, str] | None:
    """The period of a value that is not an interval; None if it is not a calendar period.
    Raises ValueError for an impossible date ("2025-02-30", week 54)."""
    if m := _DATE.match(value):
        return _date_bounds(value, m)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if m := _PERIOD.match(value):
        y, p = int(m.group(1)), m.group(2)
        if p in SEASONS:
            return (*season_bounds(y, p), "season")
        if p[0] == "Q":
            return (*months(y, 3 * int(p[1]) - 2, 3), "quarter")
        return (*months(y, 6 * int(p[1]) - 5, 6), "half")
    if m := _DECADE.match(value):
        y = int(m.group(1)) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        y = int(m.group(1)) * 100
        return dt.date(y, 1, 1), dt.date(y + 99, 12, 31), "century"
    return None


def _narrow(earliest: Day, latest: Day, mod: str | None) -> tuple[Day, Day]:
    """The first, middle or last third of a period for the TIMEX3 mods START, MID, END."""
    if mod not in ("START", "MID", "END") or latest <= earliest:
        return earliest, latest
    third = dt.timedelta(days=((latest - earliest).days + 1) // 3)
    one = dt.timedelta(days=1)
    if mod == "START":
        return earliest, earliest + third - one
    if mod == "MID":
        return earliest + third, latest - third
    return latest - third + one, latest


@lru_cache(maxsize=4096)  # a pure function of the value; texts repeat their dates
def bounds(value: str, mod: str | None = None) -> tuple[Day | None, Day | None, str | None]:
    """(earliest, latest, granularity) of a TIMEX3 date value, narrowed by START/MID/END.

    An interval ``a/b`` runs from the start of ``a`` to the end of ``b``; values that are
    not calendar periods (durations, ``PRESENT_REF``, ``XXXX-...``) or impossible dates
    give ``(None, None, None)``.
    """
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            first, last = _plain_bounds(a), _plain_bounds(b)
            if first is None or last is None:
                return None, None, None
            return first[0], last[1], first[2]
        found = _plain_bounds(value)
    except ValueError:  # "2025-02-29": no such day
        return None, None, None
    if found is None:
        return None, None, None
    earliest, latest, gran = found
    return (*_narrow(earliest, latest, mod), gran)


def period_of(value: str | None) -> tuple[Day, Day] | None:
    """``(first day, last day)`` of a TIMEX3 date value or ``a/b`` interval (no mod);
    None if it is not a date or the interval runs backwards.

    >>> period_of("2025-09-19TNI/2025-09-20")    # "dans la nuit du 19 au 20 septembre"
    (datetime.date(2025, 9, 19), datetime.date(2025, 9, 20))
    >>> period_of("P3Y") is None                 # a duration is not a date
    True
    """
    if not value:
        return None
    earliest, latest, _ = bounds("/".join(part.strip() for part in value.split("/", 1)))
    if earliest is None or latest is None or earliest > latest:
        return None
    return earliest, latest


# --- labels and order ---------------------------------------------------------------------

_NOT_A_DATE = re.compile(r"^(?:P|R\d|PRESENT_REF|PAST_REF|FUTURE_REF)")


def precision(granularity: str | None) -> Precision:
    """How precisely a period of ``granularity`` is written ('day' when unknown)."""
    return _PRECISION.get(granularity or "", "day")


def format_date(date: Day, granularity: str | None) -> str:
    """``date`` written only as precisely as ``granularity`` allows ('2024-08')."""
    p = precision(granularity)
    if p == "year":
        return f"{date.year:04d}"
    if p == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def period_label(earliest: Day | None, latest: Day | None, granularity: str | None) -> str:
    """The period as an ISO 8601 date or interval at its own precision ('..' = open)."""
    a = format_date(earliest, granularity) if earliest else ".."
    b = format_date(latest, granularity) if latest else ".."
    return a if a == b else f"{a}/{b}"


def granularity_rank(granularity: str | None) -> int:
    """Index of ``granularity`` from coarse (0) to fine; unknown counts as 'day'."""
    return GRANULARITY_ORDER.index(granularity if granularity in GRANULARITY_ORDER else "day")


def sort_key(earliest: Day | None, latest: Day | None, granularity: str | None) -> tuple:
    """Chronological order: by first possible day, then last, coarse before fine."""
    first = earliest or latest or dt.date.max
    return (first, latest or dt.date.max, granularity_rank(granularity))


def overlaps(a: tuple[Day | None, Day | None], b: tuple[Day | None, Day | None]) -> bool:
    """Whether two (earliest, latest) periods share a day; an open bound is unbounded."""
    a0, a1 = a[0] or dt.date.min, a[1] or dt.date.max
    b0, b1 = b[0] or dt.date.min, b[1] or dt.date.max
    return a0 <= b1 and b0 <= a1


def width(earliest: Day | None, latest: Day | None) -> int:
    """Number of days of the period (huge when a bound is open)."""
    if earliest is None or latest is None:
        return 10**9
    return (latest - earliest).days + 1


def is_datable(timex: Any) -> bool:
    """Whether a timex (model or dict) locates something in time.

    Durations, sets and PRESENT_REF / PAST_REF / FUTURE_REF do not; neither does a
    value with no resolved bound.
    """
    get = timex.get if isinstance(timex, dict) else lambda k: getattr(timex, k, None)
    if get("type") not in ("DATE", "TIME"):
        return False
    value = str(get("value") or "")
    if _NOT_A_DATE.match(value):
        return False
    return bool(get("earliest") or get("latest"))


# --- dates given by users ----------------------------------------------------------------

_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def as_date(value: str | Day | dt.datetime | None) -> Day | None:
    """``value`` as a date: an ISO date or date-time string, a date, a datetime, or None.
    Raises ValueError for anything else.

    >>> as_date("2025-01-02T08:00:00+01:00")
    datetime.date(2025, 1, 2)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
    raise ValueError(f"{value!r} is not a date: expected YYYY-MM-DD")


def parse_bound(value: str | Day, *, end: bool) -> Day:
    """A filter bound: a date, or '2025' / '2025-08' / '2025-08-15' (first or last day).

    >>> parse_bound("2025-02", end=True)
    datetime.date(2025, 2, 28)
    """
    if isinstance(value, dt.date):
        return as_date(value)
    text = str(value).strip()
    found = _plain_bounds(text) if _ISO_PREFIX.match(text) else None
    if found is None:
        raise ValueError(f"{value!r} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return found[1] if end else found[0]


__all__ = [
    "GRANULARITY_ORDER",
    "SEASONS",
    "as_date",
    "bounds",
    "format_date",
    "granularity_rank",
    "is_datable",
    "iso_week",
    "last_day",
    "month_end",
    "months",
    "overlaps",
    "parse_bound",
    "period_label",
    "period_of",
    "precision",
    "season_bounds",
    "season_of",
    "shift",
    "sort_key",
    "width",
]
