"""The calendar period a TIMEX3 value denotes, as (first day, last day).

Used to score event dates: a gold event dated "2025-09" happened some day of September
2025; a prediction is an ``earliest``/``latest`` pair. This deliberately does not reuse
:func:`claimline.calendar.bounds`, which computes the predictions' periods: a
scorer that shared the calendar code it judges would not see that code's mistakes.

>>> period_of("2025-09-18")
(datetime.date(2025, 9, 18), datetime.date(2025, 9, 18))
>>> period_of("2025-09")
(datetime.date(2025, 9, 1), datetime.date(2025, 9, 30))
>>> period_of("2025-09-19TNI/2025-09-20")    # "dans la nuit du 19 au 20 septembre"
(datetime.date(2025, 9, 19), datetime.date(2025, 9, 20))
>>> period_of("P3Y") is None                 # a duration is not a date
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Period = tuple[dt.date, dt.date]

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
# Meteorological seasons (months); winter runs into the next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _months(year: int, first: int, last: int) -> Period:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _single(value: str) -> Period | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _YEAR.match(value):
        return _months(int(m[1]), 1, 12)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if value.endswith("-WE"):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _QUARTER.match(value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := _HALF.match(value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := _SEASON.match(value):
        return _months(int(m[1]), *_SEASONS[m[2]])
    return None


def period_of(value: str | None) -> Period | None:
    """``(first day, last day)`` of a TIMEX3 date value or ``a/b`` interval; None if not a date."""
    if not value:
        return None
    try:
        if "/" in value:
            left, _, right = value.partition("/")
            a, b = _single(left.strip()), _single(right.strip())
            return (a[0], b[1]) if a and b and a[0] <= b[1] else None
        return _single(value.strip())
    except ValueError:  # 2025-02-30, week 54...
        return None


__all__ = ["Period", "period_of"]
