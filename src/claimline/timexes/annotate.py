"""Find and normalise every temporal expression of a text (spaCy-free).

:func:`annotate` runs the rules sentence by sentence, infers the publication date when
it is not given, then resolves each candidate in text order, keeping the narrative
anchor (the last date mentioned, never carried from the article into its comments or
back) and attaching clock times to the day they fall on.

>>> result = annotate("Le 18 septembre 2025, Trump était à Londres. Le lendemain, il rentrait.",
...                   dct=dt.date(2025, 9, 21))
>>> [(t["value"], t["anchor"]) for t in result.timexes]
[('2025-09-18', None), ('2025-09-19', 'previous')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace

from claimline.errors import Errors, InputError
from claimline.layout.regions import DocSection
from claimline.layout.regions import kind_at as section_kind
from claimline.timexes.anchoring import has_event_complement, resolve_on_event
from claimline.timexes.detect import Candidate, find_candidates
from claimline.timexes.lexicon import Grammar, load_grammar, unit
from claimline.timexes.prefilter import normalise_and_fold
from claimline.timexes.reference import DAY_GRANULARITIES, ReferenceTracker
from claimline.timexes.resolve import DAY_DEPENDENT, Context, Resolution, resolve
from claimline.timexes.values import evolve

TenseFn = Callable[[int, int], "str | None"]
VAGUE_TYPES = ("TIME", "DATE")


def check_vague_type(value: str) -> str:
    """``value`` if it is a type for vague references ("TIME", "DATE"), else an InputError."""
    if value not in VAGUE_TYPES:
        raise InputError(Errors.E010.format(name="vague_type", value=value, detail=f"choose one of {list(VAGUE_TYPES)}"))
    return value
_APPOSITION = re.compile(r"^\s*,?\s*(?:soit\s+|c'est-à-dire\s+)?$", re.I)


@dataclass
class Annotation:
    """The timexes of a text and the DCT they were resolved against."""

    timexes: list[dict] = field(default_factory=list)
    published: dt.date | None = None
    published_source: str | None = None
    warnings: list[str] = field(default_factory=list)


def _group(kind: str) -> str:
    return "comments" if kind == "comments" else "article"


def _explicit_date(c: Candidate, res: Resolution | None) -> bool:
    return (res is not None and res.anchor is None and res.earliest is not None
            and any(name.startswith("year") for name in c.groups))


_DATED_KINDS = ("calendar", "date_range", "night")  # the rule kinds a publication date is inferred from
_YEAR_GROUPS = ("year", "yy")  # the groups that write a year ("year", "year2", "yy"...)
_BOUNDARY_CUE = re.compile(r"(?:jusqu'(?:au|à|en)|d'ici|à\s+partir\s+d[eu]|avant|dès|prévue?s?\s+(?:pour\s+)?le)\s*(?:le\s*)?$", re.I)


def infer_published(candidates: Sequence[tuple[Candidate, str]], tense: TenseFn | None,
                    grammar: Grammar) -> tuple[dt.date, Candidate] | None:
    """A publication date read from the article: the latest date it tells in the past.

    ``candidates`` are (candidate, section kind). Only the article counts (not its
    comments); future-tense dates ("aura lieu le 15 août 2025") and the bounds of a
    period ("jusqu'au 5 février 2026", "à partir de 2026") are ignored. In order:

    1. the latest explicit day or month with a year ("le 18 septembre 2025");
    2. then a later day told in the past without its year, in that year ("le 19 septembre");
    3. failing 1, a weekday with its date ("Mercredi 12 février") in the first year, from
       the latest year the article mentions, where that date falls on that weekday.

    The result is a lower bound: the article was written on or after it.
    """
    lex = grammar.lexicon
    usable = []  # (candidate, tense, value without context)
    for cand, kind in candidates:
        if _group(kind) != "article" or cand.rule.rule.kind not in _DATED_KINDS:
            continue
        day_of_month = cand.get("day") and cand.get("month") and not cand.get("year")
        if not (day_of_month or any(name.startswith(_YEAR_GROUPS) for name in cand.groups)):
            continue  # no year (and no DCT): no date to resolve, and nothing below reads it
        if _BOUNDARY_CUE.search(cand.left):
            continue
        res = resolve(cand, Context(), lex)
        if (res is None or res.earliest is None) and not day_of_month:
            continue  # neither a year nor a day of a month: nothing below reads it, whatever its tense
        t = tense(cand.start, cand.end) if tense is not None else None
        if t != "future":
            usable.append((cand, t, res))
    best: tuple[dt.date, Candidate] | None = None
    years = []
    for cand, _t, res in usable:
        if res is not None and res.earliest is not None:
            years.append(res.earliest.year)
        if _explicit_date(cand, res) and res.granularity in ("day", "month", "part_of_day"):
            if best is None or res.latest > best[0]:
                best = (res.latest, cand)
    if best is not None:
        for cand, t, _res in usable:
            if t == "past" and cand.get("day") and cand.get("month") and not cand.get("year"):
                res = resolve(cand, Context(dct=dt.date(best[0].year, 12, 31), tense="past"), lex)
                if res is not None and res.latest is not None and res.latest > best[0]:
                    best = (res.latest, cand)
        return best
    if not years:
        return None
    for cand, _t, _res in usable:
        weekday, day, month = cand.get("weekday"), cand.get("day"), cand.get("month")
        if weekday and day and month and not cand.get("year"):
            for year in range(max(years), max(years) + 8):
                date = dt.date(year, lex.months[month], 1 if day.startswith(("1er", "premier")) else int(day))
                if date.isoweekday() == lex.weekdays[weekday]:
                    if best is None or date > best[0]:
                        best = (date, cand)
                    break
    return best


def _record(start: int, end: int, res: Resolution) -> dict:
    return {
        "span": {"start": start, "end": end},
        "type": res.type,
        "value": res.value,
        "mod": res.mod,
        "earliest": res.earliest.isoformat() if res.earliest else None,
        "latest": res.latest.isoformat() if res.latest else None,
        "granularity": res.granularity,
        "anchor": res.anchor,
    }


def _anchors(res: Resolution) -> bool:
    return res.type in ("DATE", "TIME") and res.earliest is not None and not res.underspecified


_COARSE_UNITS = frozenset({"Y", "M", "Q", "6M", "DE", "CE"})


def _context(dct: dt.date | None, tracker: ReferenceTracker, cand: Candidate, tense: TenseFn | None,
             group: str, grammar: Grammar, **kw) -> Context:
    """The anchor of ``cand``: day-level expressions ("le lendemain", "trois jours plus
    tard") count from the narrative day, coarser ones ("un an plus tôt") from the date
    told just before, whatever its granularity. The tense of ``cand``'s clause is read
    from ``tense`` only if the value depends on it (:meth:`Context.reading_tense`)."""
    kind = cand.rule.rule.kind
    day_level = kind == "anchored_day" or kind in DAY_DEPENDENT
    if kind == "offset" and cand.get("unit"):
        day_level = unit(grammar.lexicon, cand.get("unit")).code not in _COARSE_UNITS
    last = tracker.last(cand.start, group)
    ref = tracker.narrative_time(cand.start, day=True, group=group, fallback=False) if day_level else last
    read = (lambda: tense(cand.start, cand.end)) if tense is not None else None
    if ref is None:
        return Context.reading_tense(read, dct=dct, **kw)
    kind_of = "previous" if last is not None and ref.start == last.start else "narrative"
    return Context.reading_tense(read, dct=dct, anchor=ref.date, anchor_kind=kind_of, **kw)


def annotate(
    text: str,
    *,
    dct: dt.date | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    sections: Sequence[tuple[str, int, int]] | None = None,
    tense: TenseFn | None = None,
    infer_dct: bool = True,
    split_ranges: bool = False,
    vague_type: str = "TIME",
    grammar: Grammar | None = None,
    skip: Collection[str] = (),
) -> Annotation:
    """The timexes of ``text`` as Timex-shaped dicts (spans ``{"start", "end"}``), ids in text order.

    ``sentences`` are (start, end) pairs (default: the whole text); ``sections``
    (kind, start, end) triples; ``tense(start, end)`` says whether the clause around a
    span is "past", "present" or "future" (default: unknown). With ``split_ranges`` a
    range "du 13 au 24 juin" gives two timexes ("13", "24 juin"), as TimeML annotates it.
    ``vague_type`` is the type of PRESENT_REF/PAST_REF/FUTURE_REF: "TIME" (the French
    TimeBank) or "DATE" (TimeML 1.2's "now"). The sentences that start in a section of a
    kind in ``skip`` (say "boilerplate": ads, forms, bylines) give no timex; when the
    publication date is inferred, their dates still count for it (only the rules of the
    kinds inference reads run there).
    """
    check_vague_type(vague_type)
    grammar = grammar or load_grammar()
    sentences = list(sentences) if sentences else [(0, len(text))]
    regions = [DocSection(*s) for s in sections] if sections else [DocSection("body", 0, len(text))]

    def kind_at(offset: int) -> str:
        return section_kind(regions, offset)

    inferring = dct is None and infer_dct
    per_sentence = _detect(text, sentences, grammar, [bool(skip) and kind_at(s) in skip for s, _e in sentences], inferring)
    out = Annotation(published=dct, published_source="given" if dct else None)
    if inferring:
        _infer(out, [c for *_, cs in per_sentence for c in cs], kind_at, tense, grammar)
    dct = out.published

    resolved: list[tuple[int, int, Resolution]] = []
    tracker = ReferenceTracker(dct)
    for s_start, s_end, skipped, cands in per_sentence:
        if not cands or skipped:
            continue
        kind = kind_at(cands[0].start)
        resolved += _resolve_sentence(text, (s_start, s_end), cands, tracker, _group(kind), dct, tense, grammar,
                                      title=kind == "title")
    resolved.sort(key=lambda r: r[0])
    n_under = _write(out, text, _apposition(text, resolved), split_ranges, vague_type)
    if dct is None and n_under:
        out.warnings.append(
            f"timexes: no publication date given or inferred; {n_under} relative expression(s) "
            "left underspecified (X in their value)"
        )
    return out


def _detect(text: str, sentences: list[tuple[int, int]], grammar: Grammar, skipped: list[bool],
            inferring: bool) -> list[tuple[int, int, bool, list[Candidate]]]:
    """(start, end, skipped, candidates) of each sentence: a skipped sentence is read only
    when the publication date is inferred, and only for the dates inference reads."""
    norm, low = normalise_and_fold(text)
    out = []
    for (s, e), skip in zip(sentences, skipped):
        if e > s and (inferring or not skip):
            out.append((s, e, skip, find_candidates(text[s:e], grammar, offset=s, normalised=norm, folded=low,
                                                    kinds=_DATED_KINDS if skip else None)))
    return out


def _infer(out: Annotation, candidates: list[Candidate], kind_at: Callable[[int], str], tense: TenseFn | None,
           grammar: Grammar) -> None:
    """Set ``out``'s publication date from the article (:func:`infer_published`), with a warning."""
    dated = [(c, kind_at(c.start)) for c in candidates if c.rule.rule.kind in _DATED_KINDS]  # the others are not read
    found = infer_published(dated, tense, grammar)
    if found:
        out.published, out.published_source = found[0], "inferred"
        out.warnings.append(
            f"timexes: no publication date given; inferred {found[0].isoformat()} from "
            f"{found[1].text!r} (the latest date of the article not told in the future)"
        )


def _write(out: Annotation, text: str, resolved: list[tuple[int, int, Resolution]], split_ranges: bool,
           vague_type: str) -> int:
    """Append the resolved timexes to ``out`` as records (ids in text order); the number
    left underspecified."""
    n_under = 0
    for start, end, res in resolved:
        pieces = res.parts if res.parts and (split_ranges or res.coordination) else ((start, end, res),)
        for s, e, r in pieces:
            if r.value.endswith("_REF"):
                r = replace(r, type=vague_type)
            rec = _record(s, e, r)
            rec["id"] = f"t{len(out.timexes) + 1}"
            out.timexes.append(rec)
            n_under += r.underspecified and not r.out_of_range
            if r.out_of_range:
                out.warnings.append(f"timexes: {text[s:e][:40]!r} at {s} is out of the range a TIMEX3 value can write (years 1-9999, finite numbers); "
                                    f"its value is left as {r.value}")
    return n_under


def _resolve_sentence(text: str, bounds: tuple[int, int], cands: list[Candidate], tracker: ReferenceTracker,
                      group: str, dct: dt.date | None, tense: TenseFn | None, grammar: Grammar,
                      *, title: bool) -> list[tuple[int, int, Resolution]]:
    """Resolve the candidates of one sentence: explicit and relative dates first (each
    recorded by the tracker), then what hangs on them: expressions anchored on an event
    ("deux jours après l'élection de mardi") and clock times or parts of the day."""
    out: list[tuple[int, int, Resolution]] = []
    sentence_days: list[tuple[int, dt.date]] = []
    later: list[tuple[Candidate, Context]] = []
    on_event: list[Candidate] = []
    for cand in cands:
        if cand.rule.rule.kind in DAY_DEPENDENT:
            later.append((cand, _context(dct, tracker, cand, None, group, grammar)))
            continue
        if cand.rule.rule.kind == "ignore":  # a trap ("Jean Burget, 87 ans"): never a timex
            continue
        if has_event_complement(text, cand):
            on_event.append(cand)
            continue
        res = resolve(cand, _context(dct, tracker, cand, tense, group, grammar), grammar.lexicon)
        if res is None:
            continue
        out.append((cand.start, cand.end, res))
        if _anchors(res):
            tracker.add(cand.start, res.type, res.value, res.earliest, res.granularity, group=group)
            if res.granularity in DAY_GRANULARITIES:
                sentence_days.append((cand.start, res.earliest))
    for cand in on_event:
        ctx = _context(dct, tracker, cand, tense, group, grammar)
        res = resolve_on_event(text, bounds, cand, out, ctx, grammar.lexicon, title=title)
        if res is not None:
            out.append((cand.start, cand.end, res))
            if res.granularity in DAY_GRANULARITIES and res.earliest is not None:
                sentence_days.append((cand.start, res.earliest))
    for cand, ctx in later:
        day, source = _day_for(cand, sentence_days, ctx.anchor, dct)
        if source == "previous":
            source = ctx.anchor_kind
        if cand.rule.rule.anchor == "document":
            day, source = dct, "document"
        if any(r.type == "SET" and start < cand.start for start, _e, r in out):
            day, source = None, None  # "chaque jour de 8 h à 17 h": recurring clock times
        res = resolve(cand, evolve(ctx, day=day, day_source=source), grammar.lexicon)
        if res is not None:
            out.append((cand.start, cand.end, res))
    return out


def _day_for(cand: Candidate, sentence_days: list[tuple[int, dt.date]], before: dt.date | None,
             dct: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The day a clock time or part of the day falls on: a day named in the same sentence
    (the closest before it, else after it), else the previous date, else the DCT."""
    preceding = [d for pos, d in sentence_days if pos < cand.start]
    following = [d for pos, d in sentence_days if pos > cand.start]
    if preceding:
        return preceding[-1], "sentence"
    if following:
        return following[0], "sentence"
    if before is not None:
        return before, "previous"
    return dct, ("document" if dct else None)


def _apposition(text: str, resolved: list[tuple[int, int, Resolution]]) -> list[tuple[int, int, Resolution]]:
    """"Le jour précédent, le 19 septembre": a relative date apposed to an explicit one takes its value."""
    out = list(resolved)
    for i in range(len(out) - 1):
        (s1, e1, r1), (s2, _e2, r2) = out[i], out[i + 1]
        if (r1.anchor is not None and r2.anchor in (None, "document") and r1.type == r2.type == "DATE"
                and r2.earliest is not None and _APPOSITION.match(text[e1:s2])
                and r1.granularity == r2.granularity):
            out[i] = (s1, e1, replace(r2, anchor=r1.anchor, parts=()))
    return out


__all__ = ["VAGUE_TYPES", "Annotation", "annotate", "check_vague_type", "infer_published"]
