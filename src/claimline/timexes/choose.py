"""Choosing what a partial date leaves open: the year of "le 12 février", the day of "mardi".

Both are chosen around the publication date (DCT) with the tense of the clause: a past
clause takes the latest occurrence not after the DCT, a future one the first not before
it, and a clause without tense (or in the present) the nearest occurrence.

>>> import datetime as dt
>>> from claimline.timexes.values import Context
>>> pick_year(1, 1, Context(dct=dt.date(2024, 12, 5)))  # "à partir du 1er janvier"
2025
>>> pick_weekday(2, Context(dct=dt.date(2024, 1, 30), tense="past"), None)  # "mardi", on a Tuesday
datetime.date(2024, 1, 30)
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from claimline.timexes.values import Context


def calendar_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day ("le 30 février")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick_year(month: int, day: int | None, ctx: Context, *, rel: int | None = None,
              weekday: int | None = None) -> int | None:
    """The year of "le 12 février" / "juin prochain" seen from the DCT and the tense."""
    if ctx.dct is None:
        return None
    years = [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    spans = []
    for y in years:
        first = calendar_day(y, month, day or 1)
        last = calendar_day(y, month, day) if day else calendar_day(y, month, monthrange(y, month)[1])
        if first is None or last is None:
            continue
        if weekday is not None and day and first.isoweekday() != weekday:
            continue
        spans.append((y, first, last))
    if not spans:
        return ctx.dct.year if weekday is None else None
    if rel == 0:  # "ce décembre": the month of the DCT's year
        return ctx.dct.year
    if rel == -1 or (rel is None and ctx.tense == "past"):
        past = [y for y, first, last in spans if (last < ctx.dct if rel == -1 else first <= ctx.dct)]
        return max(past) if past else min(y for y, *_ in spans)
    if rel == 1 or ctx.tense == "future":
        future = [y for y, first, last in spans if (first > ctx.dct if rel == 1 else last >= ctx.dct)]
        return min(future) if future else max(y for y, *_ in spans)
    # no tense (or the present): the nearest occurrence ("le 1er janvier" in December is next year's)
    return min(spans, key=lambda s: distance(s[1], s[2], ctx.dct))[0]


def distance(first: dt.date, last: dt.date, day: dt.date) -> int:
    """Days between ``day`` and the period ``first..last`` (0 inside it)."""
    return max((first - day).days, (day - last).days, 0)


def pick_weekday(weekday: int, ctx: Context, rel: int | None) -> dt.date | None:
    """The date of "mardi" / "mardi dernier" / "lundi prochain" around the DCT."""
    if ctx.dct is None:
        return None
    delta = (weekday - ctx.dct.isoweekday()) % 7
    if delta == 0 and rel is None:  # "a démenti mardi", written on a Tuesday: that very day
        return ctx.dct
    after = ctx.dct + dt.timedelta(days=delta or 7)
    before = ctx.dct - dt.timedelta(days=(7 - delta) % 7 or 7)
    if rel == 1 or (rel is None and ctx.tense in ("future", "present")):  # "Rendez-vous samedi"
        return after
    if rel == -1 or (rel is None and ctx.tense == "past"):
        return before
    return after if (after - ctx.dct) < (ctx.dct - before) else before


__all__ = ["calendar_day", "distance", "pick_weekday", "pick_year"]
