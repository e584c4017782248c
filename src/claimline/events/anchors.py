"""Which timexes can date an event, and which of two timexes of one predicate wins.

A DATE/TIME timex locates a predicate in time unless the words before it make it
something else (the cue lists are in ``events.json``):

- a bound or a deadline: "jusqu'au 5 février 2026", "d'ici 2027", "depuis janvier"
  (a state or a target, not an occurrence);
- a comparison: "contre 2,9 % en septembre", "trois fois moins qu'il y a vingt ans";
- one end of a range of two timexes: "entre 2019 et 2024", "de mars 2018 à juin 2019",
  "du 3 avril au 15 mai" (no single value dates the predicate).

Of two timexes dating one predicate ("jeudi ... à 14 h 45", "Le jour précédent, le 19
septembre") the narrowest wins, then the finest (a clock time over its day), then the
most explicit (absolute over anchored on the publication date over anchored on the text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from claimline.calendar import bounds
from claimline.events.context import DocContext, case_of
from claimline.events.lexicon import EventLexicon
from claimline.periods import granularity_rank, is_datable, width

_WORD = re.compile(r"[\w'’-]+|[^\w\s]", re.UNICODE)
_RANGE_LINK = re.compile(r"^\s*(?:à|au|aux|et|-|–|jusqu['’](?:à|au|en))\s*$")
_NUMBER = re.compile(r"^[\d\s.,%]+$|^(?:millions?|milliards?)$")
_RANGE_SPLIT = re.compile(r"^(?:(?:entre|de|du|d['’])\s*)?(.+?)\s+(?:à|au|et|-|–)\s+", re.IGNORECASE)
_ANCHOR_RANK = {None: 0, "document": 1, "previous": 2}


@dataclass(frozen=True)
class Anchor:
    """A datable timex, its syntactic head in the parse and what the words before it make it."""

    timex: dict[str, Any]
    root: Any  # the timex's head token
    role: str  # "date" | "bound" | "comparison" | "range"

    @property
    def start(self) -> int:
        return self.timex["span"]["start"]

    @property
    def dates(self) -> bool:
        return self.role == "date"


def anchors_of(ctx: DocContext, lex: EventLexicon, timexes: list[dict], sections: frozenset[str]) -> list[Anchor]:
    """The datable timexes of the readable sections, with their roles, in text order."""
    usable = sorted(
        (t for t in timexes if is_datable(t) and ctx.section_of(t["span"]["start"]) in sections),
        key=lambda t: t["span"]["start"],
    )
    in_range = _range_members(ctx, usable)
    anchors = []
    for k, timex in enumerate(usable):
        root = ctx.span_root(timex["span"]["start"], timex["span"]["end"])
        if root is None:
            continue
        role = "range" if k in in_range else _role(ctx, lex, timex, root)
        anchors.append(Anchor(timex, root, role))
    return anchors


def _words_before(ctx: DocContext, start: int, n: int = 4) -> list[str]:
    """The ``n`` words before ``start`` in its sentence, lower-cased, apostrophes straightened."""
    s, _ = ctx.sentences[ctx.sentence_index(start)]
    left = ctx.text[max(s, start - 40) : start].casefold().replace("’", "'")
    return _WORD.findall(left)[-n:]


def _role(ctx: DocContext, lex: EventLexicon, timex: dict, root) -> str:
    words = _words_before(ctx, timex["span"]["start"], 6)
    if _ends_with(words, lex.bound_cue_words):
        return "bound"
    if _complete_range(ctx, timex):
        return "range"
    if _ends_with(words, lex.comparison_words):
        return "comparison"
    while words and words[-1] in lex.timex_preposition_words:
        words.pop()
    if _ends_with(words, lex.comparison_words):
        return "comparison"
    # "contre 350 000 l'an dernier": "contre" and only numbers after it
    if "contre" in words and all(_NUMBER.match(w) for w in words[len(words) - words[::-1].index("contre") :]):
        return "comparison"
    # "contre 4,8 % attendus cette année": the timex completes the term of a comparison
    tok = root
    for _ in range(3):
        if tok.head == tok or not (tok.head.pos_ in ("NOUN", "NUM", "PROPN", "SYM") or tok.head.dep_ == "acl"):
            break
        tok = tok.head
        if case_of(tok) in lex.comparison_words:
            return "comparison"
    return "date"


def _ends_with(words: list[str], cues) -> bool:
    tail = " " + " ".join(words)
    return any(tail.endswith(" " + cue) for cue in cues)


def _complete_range(ctx: DocContext, timex: dict) -> bool:
    """An interval whose first end is a date of its own ("entre 2019 et 2024", "de 7 h à
    19 h"): two timexes, not one ("du 4 au 9 mars" is one)."""
    if "/" not in str(timex.get("value") or ""):
        return False
    m = _RANGE_SPLIT.match(ctx.text[timex["span"]["start"] : timex["span"]["end"]])
    return m is not None and (len(m[1].split()) >= 2 or bool(re.fullmatch(r"\d{4}", m[1])))


def _range_members(ctx: DocContext, timexes: list[dict]) -> set[int]:
    """Indices of the timexes that are one end of a two-timex range ("entre X et Y")."""
    members: set[int] = set()
    for k in range(len(timexes) - 1):
        a, b = timexes[k]["span"], timexes[k + 1]["span"]
        if not _RANGE_LINK.match(ctx.text[a["end"] : b["start"]]):
            continue
        opener = _words_before(ctx, a["start"], 1)
        if opener and opener[-1] in ("de", "du", "d'", "entre", "des"):
            members.update((k, k + 1))
    return members


def event_bounds(timex: dict) -> tuple[str | None, str | None, str | None]:
    """The (earliest, latest, granularity) an event takes from its timex.

    The period of the TIMEX3 value, without the timex's modifier: "fin 2025" dates an
    event in 2025 (the guidelines do not carry ``mod`` over to events).
    """
    value = str(timex.get("value") or "")
    try:
        first, last, gran = bounds(value)
    except (ValueError, KeyError):
        first = last = gran = None
    if first is None and last is None:
        return timex.get("earliest"), timex.get("latest"), timex.get("granularity")
    return (
        first.isoformat() if first else None,
        last.isoformat() if last else None,
        timex.get("granularity") or gran,
    )


def preference(timex: dict) -> tuple:
    """Sort key of the timexes dating one predicate: the first is kept (module docstring)."""
    first, last, _ = event_bounds(timex)
    days = width(dt.date.fromisoformat(first) if first else None, dt.date.fromisoformat(last) if last else None)
    return (
        days,
        -granularity_rank(timex.get("granularity")),
        _ANCHOR_RANK.get(timex.get("anchor"), 3),
        timex["span"]["start"],
    )


__all__ = ["Anchor", "anchors_of", "event_bounds", "preference"]
