"""Periods of time as claimline dates things: ``earliest``/``latest`` bounds and a granularity.

A period is shown and sorted only as precisely as it is known: an event known to the
month ("en août 2024") is ``2024-08``, never ``2024-08-01``.

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
from typing import Any, Literal

Precision = Literal["year", "month", "day"]

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
_NOT_A_DATE = re.compile(r"^(?:P|R\d|PRESENT_REF|PAST_REF|FUTURE_REF)")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def precision(granularity: str | None) -> Precision:
    """How precisely a period of ``granularity`` is written ('day' when unknown)."""
    return _PRECISION.get(granularity or "", "day")


def format_date(date: dt.date, granularity: str | None) -> str:
    """``date`` written only as precisely as ``granularity`` allows ('2024-08')."""
    p = precision(granularity)
    if p == "year":
        return f"{date.year:04d}"
    if p == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def period_label(earliest: dt.date | None, latest: dt.date | None, granularity: str | None) -> str:
    """The period as an ISO 8601 date or interval at its own precision ('..' = open)."""
    a = format_date(earliest, granularity) if earliest else ".."
    b = format_date(latest, granularity) if latest else ".."
    return a if a == b else f"{a}/{b}"


def granularity_rank(granularity: str | None) -> int:
    """Index of ``granularity`` from coarse (0) to fine; unknown counts as 'day'."""
    return GRANULARITY_ORDER.index(granularity if granularity in GRANULARITY_ORDER else "day")


def sort_key(earliest: dt.date | None, latest: dt.date | None, granularity: str | None) -> tuple:
    """Chronological order: by first possible day, then last, coarse before fine."""
    first = earliest or latest or dt.date.max
    return (first, latest or dt.date.max, granularity_rank(granularity))


def overlaps(a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]) -> bool:
    """Whether two (earliest, latest) periods share a day; an open bound is unbounded."""
    a0, a1 = a[0] or dt.date.min, a[1] or dt.date.max
    b0, b1 = b[0] or dt.date.min, b[1] or dt.date.max
    return a0 <= b1 and b0 <= a1


def width(earliest: dt.date | None, latest: dt.date | None) -> int:
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


def parse_bound(value: str | dt.date, *, end: bool) -> dt.date:
    """A filter bound: a date, or '2025' / '2025-08' / '2025-08-15' (first or last day).

    >>> parse_bound("2025-02", end=True)
    datetime.date(2025, 2, 28)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_PREFIX.match(str(value).strip())
    if not m:
        raise ValueError(f"{value!r} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        return dt.date(year, int(month), int(day))
    if month:
        first = dt.date(year, int(month), 1)
        if not end:
            return first
        nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)


__all__ = [
    "GRANULARITY_ORDER",
    "format_date",
    "granularity_rank",
    "is_datable",
    "overlaps",
    "parse_bound",
    "period_label",
    "precision",
    "sort_key",
    "width",
]
