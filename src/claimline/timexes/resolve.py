"""Normalise a detected candidate into an ISO-TimeML TIMEX3 value.

One normaliser per rule kind reads the candidate's named groups and a
:class:`Context`: the publication date (DCT), the date mentioned before (the narrative
anchor), the tense of the clause and, for clock times, the day they fall on.

>>> import datetime as dt
>>> from claimline.timexes.detect import find_candidates
>>> c = find_candidates("Début juillet, l'équipe de Trump suspend les livraisons.")[0]
>>> r = resolve(c, Context(dct=dt.date(2025, 7, 6)))
>>> (r.value, r.mod, r.earliest, r.latest)
('2025-07', 'START', datetime.date(2025, 7, 1), datetime.date(2025, 7, 10))
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import replace

from claimline.calendar import iso_week, season_bounds, shift
from claimline.timexes.choose import calendar_day as _day
from claimline.timexes.choose import pick_weekday as _pick_weekday
from claimline.timexes.choose import pick_year as _pick_year
from claimline.timexes.dateparse import parse_date
from claimline.timexes.detect import Candidate
from claimline.timexes.lexicon import Lexicon, load_grammar
from claimline.timexes.lexicon import unit as _unit
from claimline.timexes.numbers import parse_number
from claimline.timexes.pieces import clock_duration, clock_hour, clock_suffix, half_day, period_of_year
from claimline.timexes.values import Context, Resolution, Tense, evolve  # noqa: F401  (re-exported)


def _lex() -> Lexicon:
    return load_grammar().lexicon


# --- small readers -------------------------------------------------------------------

def _int(text: str | None) -> int | None:
    if text is None:
        return None
    if text.startswith(("1er", "1ᵉʳ", "premier")):
        return 1
    return int(text)


def _year(c: Candidate, suffix: str = "") -> int | None:
    if y := c.get("year" + suffix):
        return int(y)
    if yy := c.get("yy" + suffix):
        n = int(yy.lstrip("'"))
        return (1900 if n >= 50 else 2000) + n
    return None


def _month(c: Candidate, lex: Lexicon, suffix: str = "") -> int | None:
    if m := c.get("month" + suffix):  # "décembre", "déc.", or a bare abbreviation ("Sept")
        return lex.months.get(m) or lex.month_abbreviations[m.rstrip(".")]
    if m := c.get("monthnum" + suffix):
        n = int(m)
        return n if 1 <= n <= 12 else None
    return None


def _mod(c: Candidate, lex: Lexicon) -> str | None:
    word = c.get("mod") or c.get("mod2")
    return lex.mods.get(word) if word else None


def _amount(c: Candidate, lex: Lexicon, name: str = "num") -> tuple[float | None, str | None]:
    """(number, mod) of a count: "trois" -> 3, "une douzaine de" -> (12, APPROX), "quelques" -> (None, None)."""
    if approx := c.get("approx"):
        return float(lex.approx_nouns[approx]), "APPROX"
    if c.get("vague"):
        return None, None
    text = c.get(name) or c.get(name + "2")
    return (parse_number(text, lex.numbers) if text else None), None


def _fmt_amount(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_PAST_CUE = re.compile(r"depuis\s*$", re.I)
_NO_TENSE_CUE = re.compile(r"(?:d'ici|jusqu'(?:au|à|en)|dès)\s*(?:le\s*)?$", re.I)


def _cued(c: Candidate, ctx: Context) -> Context:
    """"depuis mardi" is in the past whatever the verb; "jusqu'au 30 juin" says nothing of it."""
    if _PAST_CUE.search(c.left):
        return evolve(ctx, tense="past")
    if _NO_TENSE_CUE.search(c.left) and ctx.tense == "past":
        return evolve(ctx, tense=None)
    return ctx


# --- normalisers -------------------------------------------------------------------------

def _calendar(c: Candidate, ctx: Context, lex: Lexicon, suffix: str = "") -> Resolution | None:
    ctx = _cued(c, ctx)
    mod = _mod(c, lex) if not suffix else None
    year, month = _year(c, suffix), _month(c, lex, suffix)
    day = _int(c.get("day" + suffix))
    weekday = lex.weekdays.get(c.get("weekday" + suffix) or "")
    rel_word = c.get("rel" + suffix)
    rel = lex.relative_words[rel_word].offset if rel_word in lex.relative_words else None
    if rel_word and rel_word.startswith("derni"):
        rel = -1
    elif rel_word and rel_word.startswith("prochain"):
        rel = 1
    season = lex.seasons.get(c.get("season") or "") if not suffix else None
    if holiday := c.get("holiday"):
        month, day = (int(x) for x in lex.holidays[holiday].split("-"))
    anchor = None
    if day and month is None and weekday:  # "le mardi 15": the nearest month where the 15th is a Tuesday
        if ctx.dct is None:
            return None
        options = []
        for k in range(-3, 4):
            ref = shift(ctx.dct.replace(day=1), k, "M")
            d = _day(ref.year, ref.month, day)
            if d and d.isoweekday() == weekday:
                options.append(d)
        if not options:
            return None
        best = min(options, key=lambda d: abs((d - ctx.dct).days))
        year, month, anchor = best.year, best.month, "document"
    if month is not None:
        if day is not None and _day(2000, month, day) is None:
            return None
        if year is None:
            year = _pick_year(month, day, ctx, rel=rel, weekday=weekday)
            anchor = "document"
        if year and day and _day(year, month, day) is None:
            return None  # "le 29 février 2025"
        y = f"{year:04d}" if year else "XXXX"
        value = f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")
    elif season:
        if year is None:  # "l'automne": the season of the DCT's year
            year = ctx.dct.year if ctx.dct else None
            anchor = "document"
        value = f"{year:04d}-{season}" if year else f"XXXX-{season}"
    elif weekday:
        date = _pick_weekday(weekday, ctx, rel)
        anchor = "document"
        value = date.isoformat() if date else f"XXXX-WXX-{weekday}"
    elif year is not None:
        value = f"{year:04d}"
    else:
        return None
    type_ = "DATE"
    if pod := c.get("pod"):
        value += "T" + lex.parts_of_day[pod]
        type_ = "TIME"
    elif suffix_time := clock_suffix(c):  # "lundi 14 heures": the day and its clock time, one TIME
        value += suffix_time
        type_ = "TIME"
    return Resolution(type_, value, mod=mod, anchor=anchor, underspecified="X" in value).with_bounds()


def _parsed(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    """A numeric or abbreviated date ("12/02/25", "12 fév. 2025", "le 12/02") read by dateparser.

    The rule's groups say what the span shows (``day``, ``monthnum``, ``year``/``yy``);
    dateparser's reading must agree with each of them and have the same granularity, else
    the span is not a date ("12/13/2025" is no day-month-year date). A missing year is
    chosen like that of "le 12 février": from the DCT and the tense.
    """
    parsed = parse_date(c.groups["date"][0], base=ctx.dct or dt.date(2000, 1, 1))
    day = c.get("day")
    if parsed is None or parsed.period != ("day" if day else "month"):
        return None
    if day and parsed.day != _int(day):
        return None
    if (monthnum := c.get("monthnum")) and parsed.month != int(monthnum):
        return None
    shown = _year(c)  # a two-digit year keeps dateparser's century ("12/02/25" -> 2025)
    if (shown is None) != (parsed.year is None) or (shown and parsed.year % 100 != shown % 100):
        return None
    ctx = _cued(c, ctx)
    year, anchor = parsed.year, None
    if year is None:
        weekday = lex.weekdays.get(c.get("weekday") or "")
        year, anchor = _pick_year(parsed.month, parsed.day, ctx, weekday=weekday), "document"
    if year is not None and parsed.day and _day(year, parsed.month, parsed.day) is None:
        return None
    value = (f"{year:04d}" if year else "XXXX") + f"-{parsed.month:02d}" + (f"-{parsed.day:02d}" if parsed.day else "")
    return Resolution("DATE", value, anchor=anchor, underspecified="X" in value).with_bounds()


_DETACHED = re.compile(r"(?:^|[.!?,;:«\n])\s*(?:et\s*,?\s*|mais\s*,?\s*)?$")


def _relative_day(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    word = c.get("relday")
    pod, mod = c.get("pod"), _mod(c, lex)
    if word == "aujourd'hui" and not pod and not c.get("noon") and not c.get("weekday") and not c.get("event") and (
        ctx.tense not in ("past", "future") or _DETACHED.search(c.left)
    ):  # "Aujourd'hui, la ville a changé": the present; "elle se rend aujourd'hui à Lille": the day
        return Resolution("TIME", "PRESENT_REF")
    time = f"T{lex.parts_of_day[pod]}" if pod else clock_suffix(c)  # "demain soir", "demain midi"
    if ctx.dct is None:
        return Resolution("TIME" if time else "DATE", "XXXX-XX-XX" + time, mod=mod, anchor="document",
                          underspecified=True)
    date = ctx.dct + dt.timedelta(days=lex.relative_days[word])
    if time:
        return Resolution("TIME", f"{date.isoformat()}{time}", mod=mod, anchor="document").with_bounds()
    return Resolution("DATE", date.isoformat(), anchor="document").with_bounds()


def _base(ctx: Context, anchor: str) -> tuple[dt.date | None, str]:
    """The date a relative expression counts from: the previous date or the DCT."""
    if anchor == "previous" and ctx.anchor is not None:
        return ctx.anchor, ctx.anchor_kind
    return ctx.dct, "document"


def _anchored_day(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    base, anchor = _base(ctx, "previous")
    pod = c.get("pod")
    suffix = f"T{lex.parts_of_day[pod]}" if pod else ""
    type_ = "TIME" if pod else "DATE"
    if base is None:
        return Resolution(type_, "XXXX-XX-XX" + suffix, anchor=anchor, underspecified=True)
    date = base + dt.timedelta(days=lex.anchored_days.get(c.get("anchday") or "jour même", 0))
    return Resolution(type_, date.isoformat() + suffix, anchor=anchor).with_bounds()


def _period_value(date: dt.date, unit: str) -> str:
    if unit == "Y":
        return f"{date.year:04d}"
    if unit == "M":
        return f"{date.year:04d}-{date.month:02d}"
    if unit == "W":
        return iso_week(date)
    if unit == "WE":
        return iso_week(date) + "-WE"
    if unit == "Q":
        return f"{date.year:04d}-Q{(date.month - 1) // 3 + 1}"
    if unit == "6M":
        return f"{date.year:04d}-H{(date.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{date.year // 10:03d}X"
    if unit == "CE":
        return f"{date.year // 100:02d}"
    return date.isoformat()


def _relative_unit(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    unit_word = c.get("unit")
    rel = lex.relative_words.get(c.get("rel") or "ce")
    offset, anchor_kind = (rel.offset, rel.anchor) if rel else (0, "document")
    if c.get("far"):  # "cette année-là": the year of the date told before, not this one
        anchor_kind = "previous"
    mod = _mod(c, lex)
    base, anchor = _base(ctx, anchor_kind)
    season = lex.seasons.get(unit_word)
    if base is None:
        return Resolution("DATE", "XXXX", mod=mod, anchor=anchor, underspecified=True)
    if season:
        year = base.year
        first, last = season_bounds(year, season)
        if offset == -1:
            year = year if last < base else year - 1
        elif offset == 1:
            year = year if first > base else year + 1
        value = f"{year:04d}-{season}"
    else:
        unit = _unit(lex, unit_word).code  # the unit word's TIMEX3 code (lexicon 'units')
        if unit == "WE" and offset == 0 and base.isoweekday() < 6 and ctx.tense == "past":
            offset = -1  # "ce week-end" told in the past, on a weekday: the one just gone
        value = _period_value(shift(base, offset, unit), unit)
    return Resolution("DATE", value, mod=mod, anchor=anchor).with_bounds()


_LATER = re.compile(r"plus\s+tard|après", re.I)
_HOURS_PER_UNIT = {"H": 1.0, "M": 1 / 60, "S": 1 / 3600}  # clock units (unit.time) in hours


def _offset(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    unit = _unit(lex, c.get("unit"))
    n, approx_mod = _amount(c, lex)
    mod = lex.qualifiers.get(c.get("qual") or "") or approx_mod
    direction = c.rule.rule.direction
    if direction is None:
        direction = 1 if _LATER.match(c.get("dir") or "") else -1
    base, anchor = _base(ctx, c.rule.rule.anchor or "document")
    if n is None:  # "il y a quelques années"
        return Resolution("TIME", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if base is None:
        return Resolution("DATE", "XXXX-XX-XX", mod=mod, anchor=anchor, underspecified=True)
    code = unit.code
    if unit.time:  # "il y a 2 heures", "dans 30 minutes": whole days only (the DCT is a day)
        code = "D"
        if math.isfinite(n):  # an infinite count stays infinite: out of the calendar below
            n = float(n * _HOURS_PER_UNIT.get(unit.code, 1) // 24)
    steps = int(n) if n == int(n) else None
    if steps is None:  # "il y a un an et demi": count in the next unit down
        code, steps = ("M", round(n * 12)) if code == "Y" else ("D", round(n * {"M": 30, "W": 7}.get(code, 1)))
    if code == "6M":
        code, steps = "M", steps * 6
    date = shift(base, direction * steps, code)
    # "il y a six mois", "il y a un an": that day; "il y a dix ans": that year
    day_precise = code in ("D", "W") or (anchor == "document" and (code == "M" or (code == "Y" and steps <= 1)))
    gran_code = "D" if day_precise else code
    value = _period_value(date, gran_code)
    res = Resolution("DATE", value, mod=mod, anchor=anchor).with_bounds()
    if mod == "MORE_THAN":  # "il y a plus de six mois": some time before that day
        res = replace(res, earliest=None, latest=date) if direction < 0 else replace(res, earliest=date, latest=None)
    return res


_HALF = {"Y": ("M", 6), "M": ("D", 15), "W": ("D", 3.5), "D": ("H", 12), "H": ("M", 30), "MIN": ("S", 30)}


def duration_value(n: float | None, unit_code: str, time: bool, half: bool = False) -> str:
    """``P3Y``, ``PT90M``, ``P3Y6M`` (with ``half``), ``PXD`` (``n`` None)."""
    prefix = "PT" if time else "P"
    if unit_code in ("6M", "Q"):  # "deux trimestres" -> P6M
        months = 6 if unit_code == "6M" else 3
        unit_code, n = "M", None if n is None else n * months
    if n is None:
        return f"{prefix}X{unit_code}"
    code = "MIN" if time and unit_code == "M" else unit_code
    if half and code not in _HALF:  # "deux secondes et demie": a decimal on the same unit
        n, half = n + 0.5, False
    value = f"{prefix}{_fmt_amount(n)}{unit_code}"
    if half:
        sub, amount = _HALF[code]
        if time or sub == "H":
            value = value if "T" in value else value + "T"
            sub = "M" if sub == "MIN" else sub
        value += f"{_fmt_amount(amount)}{sub}"
    return value


_DEMI = {"H": "PT30M", "D": "PT12H", "Y": "P6M", "CE": "P50Y"}


def _duration(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    unit = _unit(lex, c.get("unit"))
    if c.get("demi"):  # "une demi-heure", "un demi-siècle"
        return Resolution("DURATION", _DEMI[unit.code]) if unit.code in _DEMI else None
    n, approx_mod = _amount(c, lex)
    if n is None and not c.get("vague") and not c.get("approx"):
        n = 1.0 if not (c.get("num") or c.get("num2")) else None
        if n is None:
            return None
    mod = lex.qualifiers.get(c.get("qual") or "") or approx_mod
    return Resolution("DURATION", duration_value(n, unit.code, unit.time, bool(c.get("half"))), mod=mod)


def _duration_range(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    unit = _unit(lex, c.get("unit"))
    low, high = (parse_number(c.get(g) or "", lex.numbers) for g in ("num1", "num2"))
    if low is None or high is None or low > high:
        return None
    a, b = duration_value(low, unit.code, unit.time), duration_value(high, unit.code, unit.time)
    parts = ((*c.groups["x1"][1:], Resolution("DURATION", a)), (*c.groups["x2"][1:], Resolution("DURATION", b)))
    return Resolution("DURATION", f"{a}/{b}", parts=parts)


def _duration_noun(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    return Resolution("DURATION", lex.duration_nouns[c.get("durnoun")])


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.lower()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def _decade(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    digits = c.get("decade")
    year = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return Resolution("DATE", f"{year // 10:03d}X", mod=_mod(c, lex)).with_bounds()


def _century(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    text = c.get("century")
    n = int(text) if text.isdigit() else _roman(text)
    if not n or n > 21:
        return None
    return Resolution("DATE", f"{n - 1:02d}", mod=_mod(c, lex)).with_bounds()


def _ends(c: Candidate, ctx: Context, lex: Lexicon) -> tuple[Resolution, Resolution] | None:
    """The two ends of "du 13 au 24 juin 2025": the first inherits month and year from the second."""
    second = _calendar(c, ctx, lex, suffix="2")
    if second is None or second.earliest is None and "X" not in second.value:
        return None
    groups = dict(c.groups)
    for name in ("month", "year", "monthnum"):
        if name + "1" not in groups and name + "2" in groups:
            groups[name + "1"] = groups[name + "2"]
    first = _calendar(replace(c, groups=groups), ctx, lex, suffix="1")
    if first is None:
        return None
    if first.earliest and second.earliest and first.earliest > second.earliest and "year1" not in c.groups:
        fixed = shift(first.earliest, -1, "Y")
        first = _calendar(replace(c, groups={**groups, "year1": (str(fixed.year), 0, 0)}), ctx, lex, suffix="1")
    return first, second


def _date_range(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    ends = _ends(c, ctx, lex)
    if ends is None:
        return None
    first, second = ends
    if first.earliest and second.latest and first.earliest > second.latest:
        return None
    parts = ((*c.groups["x1"][1:], first), (*c.groups["x2"][1:], second))
    consecutive = (c.get("coord") and first.granularity == "day" and first.earliest and second.earliest
                   and (second.earliest - first.earliest).days == 1)
    own_nouns = any(name in c.groups for name in ("month1", "year1", "monthnum1"))
    link = c.text[c.groups["x1"][2] - c.start : c.groups["x2"][1] - c.start]
    bounded = re.match(r"(?:du|entre|depuis)\b", c.text, re.I) or re.search(r"jusqu|-", link)
    if own_nouns or not consecutive and (c.get("coord") or not bounded):
        # "entre juillet 2022 et septembre 2023", "les 6 et 13 avril": two timexes;
        # "du 2 au 6 juin", "3 jusqu'au 12 mai", "19-20 mai", "les 10 et 11 février"
        # (two days in a row): one range
        return replace(first, parts=parts, coordination=True)
    return Resolution("DATE", f"{first.value}/{second.value}", earliest=first.earliest, latest=second.latest,
                      granularity=first.granularity, anchor=first.anchor or second.anchor,
                      underspecified=first.underspecified or second.underspecified, parts=parts)


def _night(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    if "day2" in c.groups:
        ends = _ends(c, ctx, lex)
        if ends is None:
            return None
        first, second = ends
    else:
        first = _calendar(c, ctx, lex, suffix="1")
        if first is None:
            return None
        second = replace(first, latest=first.latest + dt.timedelta(days=1)) if first.latest else first
    return Resolution("TIME", first.value + "TNI", earliest=first.earliest, latest=second.latest,
                      granularity="part_of_day", anchor=first.anchor, underspecified=first.underspecified)


def _clock(hour: str | None, minute: str | None, noon: str | None = None) -> tuple[int, int]:
    if noon:
        return (12, 0) if noon.lower() == "midi" else (0, 0)
    return int(hour), int(minute or 0)


def _on_day(ctx: Context, suffix: str) -> tuple[str, dt.date | None, str | None]:
    if ctx.day is None:
        return "XXXX-XX-XX" + suffix, None, None
    return ctx.day.isoformat() + suffix, ctx.day, ctx.day_source


def _time(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    if c.get("noon"):
        h, m = _clock(None, None, c.get("noon"))
    elif (hour := clock_hour(c, lex)) is not None:
        h, m = hour, int(c.get("minute") or 0)
    else:
        return None
    if h > 24:
        return None
    value, day, source = _on_day(ctx, f"T{h:02d}:{m:02d}")
    mod = "APPROX" if c.get("qual") else None
    return Resolution("TIME", value, mod=mod, earliest=day, latest=day, granularity="minute",
                      anchor=source if source != "sentence" else None, underspecified=day is None)


def _time_range(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    (h1, m1), (h2, m2) = _clock(c.get("hour1"), c.get("minute1")), _clock(c.get("hour2"), c.get("minute2"))
    if max(h1, h2) > 24:
        return None
    h1, h2 = half_day(h1, c.get("ampm1") or (c.get("ampm2") if h1 <= h2 else None)), half_day(h2, c.get("ampm2"))
    first, day, source = _on_day(ctx, f"T{h1:02d}:{m1:02d}")
    last_day = day + dt.timedelta(days=1) if day and (h2, m2) < (h1, m1) else day
    second = (last_day.isoformat() if last_day else "XXXX-XX-XX") + f"T{h2:02d}:{m2:02d}"
    anchor = source if source != "sentence" else None
    parts = ((*c.groups["x1"][1:], Resolution("TIME", first, earliest=day, latest=day, granularity="minute", anchor=anchor)),
             (*c.groups["x2"][1:], Resolution("TIME", second, earliest=last_day, latest=last_day, granularity="minute", anchor=anchor)))
    return Resolution("TIME", f"{first}/{second}", earliest=day, latest=last_day, granularity="minute",
                      anchor=anchor, underspecified=day is None, parts=parts, coordination=True)


def _part_of_day(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    pod_text = c.get("pod")
    code = lex.parts_of_day[pod_text]
    mod = _mod(c, lex) or ("START" if pod_text.startswith("petit") else None)
    value, day, source = _on_day(ctx, f"T{code}")
    return Resolution("TIME", value, mod=mod, earliest=day, latest=day, granularity="part_of_day",
                      anchor=source if source != "sentence" else None, underspecified=day is None)


def _set(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    if word := c.get("setword"):
        return Resolution("SET", lex.set_words[word])
    if weekday := c.get("weekday"):
        return Resolution("SET", f"XXXX-WXX-{lex.weekdays[weekday.rstrip('s')]}")
    if pod := c.get("pod"):
        return Resolution("SET", f"XXXX-XX-XXT{lex.parts_of_day[pod.rstrip('s')]}")
    unit = _unit(lex, c.get("unit"))
    n = parse_number(c.get("num") or "un", lex.numbers) or 1.0
    return Resolution("SET", duration_value(n, unit.code, unit.time))


_REF_OF_OFFSET = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def _vague(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution:
    """"actuellement" (a vague reference), or "les prochains jours" (its relative word's direction)."""
    word = c.get("ref") or c.get("ref2")
    if word in lex.vague_refs:
        return Resolution("TIME", lex.vague_refs[word])
    rel = lex.relative_words.get(word)
    offset = rel.offset if rel else -1  # "dernieres", written without its accent
    return Resolution("TIME", _REF_OF_OFFSET[offset])


def _ignore(c: Candidate, ctx: Context, lex: Lexicon) -> None:
    """A trap ("Jean Burget, 87 ans": an age): matched only to keep other rules off it."""
    return None


NORMALISERS: dict[str, Callable[[Candidate, Context, Lexicon], Resolution | None]] = {
    "calendar": _calendar, "relative_day": _relative_day, "anchored_day": _anchored_day,
    "dateparse": _parsed, "relative_unit": _relative_unit, "offset": _offset, "duration": _duration,
    "duration_range": _duration_range, "duration_noun": _duration_noun, "decade": _decade,
    "century": _century, "night": _night, "date_range": _date_range, "time_range": _time_range,
    "part_of_day": _part_of_day, "time": _time, "set": _set, "vague": _vague, "ignore": _ignore,
    "period_of_year": period_of_year, "clock_duration": clock_duration,
}
# Kinds whose day comes from the sentence or the narrative (resolved after the dates).
DAY_DEPENDENT = frozenset({"time", "time_range", "part_of_day"})


_X_OF_UNIT = {"Y": "XXXX", "DE": "XXXX", "CE": "XXXX", "M": "XXXX-XX", "Q": "XXXX-XX", "6M": "XXXX-XX"}


def _out_of_range(c: Candidate) -> Resolution:
    word = c.get("unit")
    found = _unit(_lex(), word) if word and (word in _lex().units or word in _lex().abbreviated_units) else None
    if c.rule.rule.type in ("DURATION", "SET"):  # "pendant 10^400 ans": a duration of X years
        value = duration_value(None, found.code, found.time) if found else "PXD"
        return Resolution(c.rule.rule.type, value, out_of_range=True)
    type_ = c.rule.rule.type if c.rule.rule.type in ("DATE", "TIME") else "DATE"
    value = _X_OF_UNIT.get(found.code if found else "D", "XXXX-XX-XX")
    return Resolution(type_, value, underspecified=True, out_of_range=True)


def resolve(c: Candidate, ctx: Context, lexicon: Lexicon | None = None) -> Resolution | None:
    """The TIMEX3 normalisation of ``c`` in ``ctx``, or None when it is not a timex after all.

    A date counted out of the calendar ("il y a 3000 ans", "dans 999999999999 jours",
    "demain" written on 9999-12-31) keeps its extent with X in place of what cannot be
    written (``out_of_range``; the annotation warns about it) instead of failing."""
    try:
        res = NORMALISERS[c.rule.rule.kind](c, ctx, lexicon or _lex())
    except (OverflowError, ValueError) as err:
        if not isinstance(err, OverflowError) and "out of range" not in str(err):
            raise
        return _out_of_range(c)
    if res is not None and res.type == "DATE" and c.rule.rule.type == "TIME" and "T" in res.value:
        res = evolve(res, type="TIME")
    return res


__all__ = ["DAY_DEPENDENT", "NORMALISERS", "Context", "Resolution", "duration_value", "resolve"]
