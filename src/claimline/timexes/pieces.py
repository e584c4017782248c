"""Normalisers that compose typed pieces: ordinal + period of the year, clock readings.

- ``period_of_year``: an ordinal (lexicon class ``ordinals``) + "trimestre"/"semestre"
  (+ a year, + a modifier) -> ``2025-Q2``, ``2026-H1`` mod END. Without a year the period
  takes the year chosen like that of a month ("au quatrième trimestre", told in the past
  in March, is last year's).
- ``clock_duration``: a race or travel time read on a clock face, hours, minutes, seconds
  and hundredths -> ``PT2H2M42S``, ``PT1M51.21S``, ``PT9.58S``.
- :func:`clock_suffix`: the ``Thh:mm`` of the hour and minute pieces, added by the
  calendar normaliser to a day ("lundi 14 heures" -> ``2024-01-29T14:00``).
- :func:`clock_hour`: the hour of the ``hour`` piece (digits) or ``hourw`` piece (words:
  "à huit heures"), on the 24-hour clock with the ``ampm`` piece ("7 pm", "8 h du soir",
  "3 heures de l'après-midi" -> 19, 20, 15; "12 am" -> 0).

>>> from claimline.timexes.detect import find_candidates
>>> import datetime as dt
>>> c = find_candidates("Le PIB a reculé au deuxième trimestre 2025.")[0]
>>> period_of_year(c, Context(dct=dt.date(2025, 9, 1)), load_grammar().lexicon).value
'2025-Q2'
>>> c = find_candidates("Il a gagné en 2 h 02 min 42 s.")[0]
>>> clock_duration(c, Context(), load_grammar().lexicon).value
'PT2H2M42S'
"""

from __future__ import annotations

from claimline.timexes.accents import fold
from claimline.timexes.choose import pick_year
from claimline.timexes.detect import Candidate
from claimline.timexes.lexicon import Lexicon, load_grammar  # noqa: F401  (the doctests)
from claimline.timexes.numbers import parse_number
from claimline.timexes.values import Context, Resolution

_PERIODS = {"trimestre": ("Q", 3, 4), "semestre": ("H", 6, 2)}


def period_of_year(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    """"au deuxième trimestre 2025" -> 2025-Q2; "la fin du premier semestre" -> YYYY-H1 mod END."""
    letter, months, count = _PERIODS[c.get("punit") or "trimestre"]
    n = lex.ordinals[c.get("ord")]
    n = count if n < 0 else n
    if not 1 <= n <= count:
        return None  # "le cinquième trimestre"
    mod_word = c.get("mod")
    mod = lex.mods.get(mod_word) if mod_word else None
    anchor = None
    if year := c.get("year"):
        year_n = int(year)
    else:
        year_n = pick_year((n - 1) * months + 1, None, ctx)
        anchor = "document"
    value = f"{year_n:04d}-{letter}{n}" if year_n else f"XXXX-{letter}{n}"
    return Resolution("DATE", value, mod=mod, anchor=anchor, underspecified=year_n is None).with_bounds()


def _seconds(whole: str | None, frac: str | None) -> str:
    if whole is None:
        return ""
    if frac:
        return f"{int(whole)}.{frac}S"
    return f"{int(whole)}S"


def clock_duration(c: Candidate, ctx: Context, lex: Lexicon) -> Resolution | None:
    """"2 h 02 min 42 s" -> PT2H2M42S; "1 min 51 s 21" -> PT1M51.21S; "9,58 s" -> PT9.58S."""
    hours, minutes = c.get("hh"), c.get("mm")
    seconds = _seconds(c.get("ss"), c.get("frac") or c.get("frac2"))
    if minutes is not None and int(minutes) > 59 and hours is not None:
        return None
    value = "PT" + (f"{int(hours)}H" if hours else "") + (f"{int(minutes)}M" if minutes else "") + seconds
    if value == "PT":
        return None
    return Resolution("DURATION", value)


def half_day(hour: int, word: str | None) -> int:
    """``hour`` on the 24-hour clock after "pm", "du soir", "de l'après-midi" (+12 below noon)
    or "am", "du matin" (12 -> 0)."""
    if not word:
        return hour
    w = fold(word)
    if w.startswith("p") or "soir" in w or "apres" in w:
        return hour + 12 if hour < 12 else hour
    return 0 if hour == 12 else hour


def clock_hour(c: Candidate, lex: Lexicon, suffix: str = "") -> int | None:
    """The hour of ``c`` on the 24-hour clock, or None (no hour piece, or more than 24)."""
    if (text := c.get("hour" + suffix)) is not None:
        hour = int(text)
    elif words := c.get("hourw" + suffix):
        n = parse_number(words, lex.numbers)
        if n is None or n != int(n):
            return None
        hour = int(n)
    else:
        return None
    return half_day(hour, c.get("ampm" + suffix)) if hour <= 24 else None


def clock_suffix(c: Candidate) -> str:
    """``T14:00`` for a candidate with an ``hour`` (and ``minute``) or ``noon`` piece, else ""."""
    if noon := c.get("noon"):
        return "T12:00" if noon == "midi" else "T00:00"
    hour = clock_hour(c, load_grammar().lexicon)
    if hour is None:
        return ""
    return f"T{hour:02d}:{int(c.get('minute') or 0):02d}"


__all__ = ["clock_duration", "clock_hour", "clock_suffix", "half_day", "period_of_year"]
