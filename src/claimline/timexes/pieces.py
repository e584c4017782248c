"""Normalisers that compose typed pieces: ordinal + period of the year, clock readings.

- ``period_of_year``: an ordinal (lexicon class ``ordinals``) + "trimestre"/"semestre"
  (+ a year, + a modifier) -> ``2025-Q2``, ``2026-H1`` mod END. Without a year the period
  takes the year chosen like that of a month ("au quatrième trimestre", told in the past
  in March, is last year's).
- ``clock_duration``: a race or travel time read on a clock face, hours, minutes, seconds
  and hundredths -> ``PT2H2M42S``, ``PT1M51.21S``, ``PT9.58S``.
- :func:`clock_suffix`: the ``Thh:mm`` of the hour and minute pieces, added by the
  calendar normaliser to a day ("lundi 14 heures" -> ``2024-01-29T14:00``).

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

from claimline.timexes.choose import pick_year
from claimline.timexes.detect import Candidate
from claimline.timexes.lexicon import Lexicon, load_grammar  # noqa: F401  (the doctests)
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


def clock_suffix(c: Candidate) -> str:
    """``T14:00`` for a candidate with an ``hour`` (and ``minute``) or ``noon`` piece, else ""."""
    if noon := c.get("noon"):
        return "T12:00" if noon == "midi" else "T00:00"
    hour = c.get("hour")
    if hour is None or int(hour) > 24:
        return ""
    return f"T{int(hour):02d}:{int(c.get('minute') or 0):02d}"


__all__ = ["clock_duration", "clock_suffix", "period_of_year"]
