"""Calendar arithmetic on ISO-TimeML values: bounds, shifts, weeks, seasons.

>>> bounds("2025-07", "START")
(datetime.date(2025, 7, 1), datetime.date(2025, 7, 10), 'month')
>>> bounds("193X")
(datetime.date(1930, 1, 1), datetime.date(1939, 12, 31), 'decade')
>>> shift(dt.date(2025, 3, 31), -1, "M")
datetime.date(2025, 2, 28)
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

Day = dt.date

# Seasons (astronomical, northern hemisphere): first and last (month, day).
SEASONS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)), "WI": ((12, 21), (3, 19))}


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def shift(day: Day, n: int, unit: str) -> Day:
    """``day`` moved by ``n`` units (D, W, M, Y, DE, CE, Q, 6M); months clamp to the month's end."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "6M": 6, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, last_day(year, month)))


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
    (m1, d1), (m2, d2) = SEASONS[code]
    return dt.date(year, m1, d1), dt.date(year + (1 if code == "WI" else 0), m2, d2)


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PERIOD = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})$")


def _plain_bounds(value: str) -> tuple[Day, Day, str] | None:
    if m := _DATE.match(value):
        y, mo, d = (int(g) if g else None for g in m.groups())
        if d:
            gran = "day" if "T" not in value else ("part_of_day" if re.search(r"T[A-Z]{2}$", value) else "minute")
            return dt.date(y, mo, d), dt.date(y, mo, d), gran
        if mo:
            return dt.date(y, mo, 1), dt.date(y, mo, last_day(y, mo)), "month"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
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
            q = int(p[1])
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, last_day(y, 3 * q)), "quarter"
        h = int(p[1])
        return dt.date(y, 6 * h - 5, 1), dt.date(y, 6 * h, last_day(y, 6 * h)), "half"
    if m := _DECADE.match(value):
        y = int(m.group(1)) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        y = int(m.group(1)) * 100
        return dt.date(y, 1, 1), dt.date(y + 99, 12, 31), "century"
    return None


def bounds(value: str, mod: str | None = None) -> tuple[Day | None, Day | None, str | None]:
    """(earliest, latest, granularity) of a TIMEX3 date value, narrowed by START/MID/END.

    An interval ``a/b`` runs from the start of ``a`` to the end of ``b``; values that are
    not calendar periods (durations, ``PRESENT_REF``, ``XXXX-...``) give ``(None, None, None)``.
    """
    if "/" in value:
        a, b = value.split("/", 1)
        try:
            first, last = _plain_bounds(a), _plain_bounds(b)
        except ValueError:
            return None, None, None
        if first is None or last is None:
            return None, None, None
        return first[0], last[1], first[2]
    try:
        found = _plain_bounds(value)
    except ValueError:  # "2025-02-29": no such day
        found = None
    if found is None:
        return None, None, None
    earliest, latest, gran = found
    if mod in ("START", "MID", "END") and latest > earliest:
        third = dt.timedelta(days=((latest - earliest).days + 1) // 3)
        one = dt.timedelta(days=1)
        if mod == "START":
            latest = earliest + third - one
        elif mod == "MID":
            earliest, latest = earliest + third, latest - third
        else:
            earliest = latest - third + one
    return earliest, latest, gran


__all__ = ["SEASONS", "bounds", "iso_week", "last_day", "season_bounds", "season_of", "shift"]
