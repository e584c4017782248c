"""Expressions anchored on an event named in their complement.

"deux jours après l'élection", "le lendemain de l'annonce", "dix jours avant le scrutin"
denote the time of their main clause, counted from the event of their complement, never
from "the previous date" plus N. A careful reader settles them, in this order, with the
dates of the same sentence:

1. a date in apposition ("libéré le 14 mars, dix jours avant le scrutin", "Le lendemain
   de la clôture, dimanche, ...") is the value itself;
2. a date inside the complement is the event's date: the value is counted from it
   ("deux jours après l'élection de mardi" -> mardi + 2);
3. a date of the main clause is the value ("Au lendemain du vote, le ministre a remis
   jeudi sa démission" -> jeudi);
4. with no date in the sentence: a clause in the present or the future (or a headline)
   happens now: the publication date; a clause in the past happens in the narrative:
   the narrative day counted by N ("Le lendemain de l'annonce, la Suède a confirmé ...").

The value keeps the granularity of the counted unit ("quatre ans après" -> a year).
A bare "trois jours plus tard / après" (no complement) is not handled here: it counts
from the previous date (:mod:`claimline.timexes.annotate`).

>>> import re
>>> from claimline.timexes.detect import find_candidates
>>> text = "Deux jours après l'élection de mardi, le président doit parler."
>>> has_event_complement(text, find_candidates(text)[0])
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from claimline.timexes.detect import Candidate
from claimline.timexes.lexicon import Lexicon, unit
from claimline.timexes.reference import DAY_GRANULARITIES
from claimline.timexes.resolve import resolve
from claimline.timexes.values import Context, Resolution, evolve

_ANCHORED = re.compile(r"^\s+(?:de\b|du\b|des\b|d['’])", re.I)
# after "N jours après/avant": a noun phrase or an infinitive, not a new clause
_NOT_A_COMPLEMENT = re.compile(
    r"^\s*(?:[,.;:!?»)\]]|$|(?:et|ou|mais|puis|donc|il|elle|ils|elles|on|nous|vous|je|j['’]|tu|"
    r"que|qu['’]|seulement|environ|déjà|encore|tout|plus)\b)", re.I)
_PARTICIPLE = re.compile(r"^[^,]*,\s*[^\W\d_]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)\b", re.I)
_ONLY_COMMA = re.compile(r"^\s*,\s*$")


def has_event_complement(text: str, cand: Candidate) -> bool:
    """True for "le lendemain de <event>" and "N jours après/avant <event>"."""
    kind = cand.rule.rule.kind
    right = text[cand.end : cand.end + 40]
    if kind == "anchored_day":
        return (cand.get("anchday") or "") in ("lendemain", "veille", "surlendemain", "avant-veille") \
            and not cand.get("pod") and bool(_ANCHORED.match(right))
    if kind == "offset" and cand.rule.rule.anchor == "previous":
        return (cand.get("dir") or "") in ("après", "avant") and not _NOT_A_COMPLEMENT.match(right)
    return False


def _unit_code(cand: Candidate, lex: Lexicon) -> str:
    if cand.rule.rule.kind == "anchored_day":
        return "D"
    return unit(lex, cand.get("unit")).code


def _truncated(res: Resolution, code: str) -> Resolution:
    """The date of ``res`` at the granularity of the counted unit ("quatre ans après" -> the year)."""
    if res.granularity not in DAY_GRANULARITIES or res.earliest is None:
        value = res.value.split("T")[0]
    else:
        day = res.earliest
        value = {"Y": f"{day.year:04d}", "M": f"{day.year:04d}-{day.month:02d}"}.get(code, day.isoformat())
    return Resolution("DATE", value, anchor="event").with_bounds()


def _counted(cand: Candidate, ctx: Context, base: dt.date | None, lex: Lexicon) -> Resolution | None:
    if base is None:
        return None
    res = resolve(cand, evolve(ctx, anchor=base, anchor_kind="event"), lex)  # evolve: the tense stays unread
    return replace(res, anchor="event") if res is not None else None


def resolve_on_event(text: str, bounds: tuple[int, int], cand: Candidate,
                     sentence: list[tuple[int, int, Resolution]], ctx: Context, lex: Lexicon,
                     *, title: bool = False) -> Resolution | None:
    """The value of ``cand`` (see the module doc); ``sentence`` holds the (start, end,
    resolution) of the dates already resolved in its sentence ``bounds``."""
    code = _unit_code(cand, lex)
    located = sorted((r for r in sentence if r[2].type in ("DATE", "TIME") and r[2].earliest is not None
                      and not r[2].underspecified), key=lambda r: r[0])
    before = [r for r in located if r[1] <= cand.start]
    after = [r for r in located if r[0] >= cand.end]
    if before and _ONLY_COMMA.match(text[before[-1][1] : cand.start]):
        return _truncated(before[-1][2], code)  # rule 1, apposed before
    if after:
        start, _end, res = after[0]
        between = text[cand.end : start]
        if "," not in between or (_PARTICIPLE.match(between) and between.count(",") == 1):
            return _counted(cand, ctx, res.earliest if res.granularity in DAY_GRANULARITIES else None, lex) \
                or _truncated(res, code)  # rule 2
        return _truncated(res, code)  # rule 1 (apposed after) or rule 3 (the main clause's date)
    if before:
        return _truncated(before[-1][2], code)  # rule 3
    if title or ctx.tense != "past" or ctx.anchor is None:
        if ctx.dct is None:
            return None
        return Resolution("DATE", ctx.dct.isoformat(), anchor="event").with_bounds() if code not in ("Y", "M") \
            else _truncated(Resolution("DATE", ctx.dct.isoformat()).with_bounds(), code)
    return _counted(cand, ctx, ctx.anchor, lex)  # rule 4, in the past: the narrative day counted by N


__all__ = ["has_event_complement", "resolve_on_event"]
