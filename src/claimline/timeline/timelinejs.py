"""A :class:`~claimline.timeline.Timeline` as TimelineJS3 JSON.

Dates are written only as precisely as they are known: an event of "août 2024" becomes
``{"year": 2024, "month": 8}``, never a fake first of the month, and no ``display_date``
is set, so TimelineJS formats the date in the page's language (``language: "fr"``).
Headlines are "who — what", the text is the sentence(s) and their sources; ``group``
is the story (the title of the article that first reported the event) or nothing.

>>> timelinejs_date(dt.date(2024, 8, 1), "month")
{'year': 2024, 'month': 8}
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any, Literal

from claimline.calendar import format_date, precision
from claimline.errors import Errors, InputError
from claimline.timeline.labels import claim_label, event_headline

if TYPE_CHECKING:  # pragma: no cover
    from claimline.timeline.model import Period, Timeline

GroupBy = Literal["story", "none"]
# TimelineJS shows a group label as HTML; a word in capitals such as "START" may be
# rewritten by the embedding page's templating: a word joiner keeps it literal.
_WORD_JOINER = "\u2060"


def timelinejs_date(date: dt.date, granularity: str | None) -> dict[str, int]:
    """A TimelineJS3 date object with only the fields ``granularity`` makes known."""
    p = precision(granularity)
    out = {"year": date.year}
    if p in ("month", "day"):
        out["month"] = date.month
    if p == "day":
        out["day"] = date.day
    return out


def _dates(when: Period) -> dict[str, Any] | None:
    start = when.earliest or when.latest
    if start is None:
        return None
    out: dict[str, Any] = {"start_date": timelinejs_date(start, when.granularity)}
    if when.latest and format_date(when.latest, when.granularity) != format_date(start, when.granularity):
        out["end_date"] = timelinejs_date(when.latest, when.granularity)
    return out


def _safe_label(text: str) -> str:
    """A group label shown verbatim (escaped; capitals words kept from template substitution)."""
    return html.escape(text).replace("START", f"S{_WORD_JOINER}TART")


def _sources_html(items: list[tuple[str, str]]) -> str:
    return "".join(
        f"<p>{html.escape(sentence)}<br><small>— {html.escape(source)}</small></p>" for sentence, source in items
    )


def to_timelinejs(
    timeline: Timeline,
    *,
    title: str = "claimline timeline",
    group: GroupBy = "story",
    claims: bool = False,
    kind: str = "events",
) -> dict[str, Any]:
    """TimelineJS3 JSON ``{"title", "events": [{unique_id, start_date, end_date?, text, group?}]}``.

    ``group="story"``: one row per article (its title); ``"none"``: no groups. ``kind``
    "events" (with ``claims=True``, the claims as slides too) or "claims" (claims only).
    """
    if group not in ("story", "none"):
        raise InputError(Errors.E010.format(name="group", value=group, detail="expected 'story' or 'none'"))
    if kind not in ("events", "claims"):
        raise InputError(Errors.E010.format(name="kind", value=kind, detail="TimelineJS shows 'events' or 'claims'"))
    titles = {a.doc_id: a.title or a.doc_id for a in timeline.articles}
    slides: list[dict[str, Any]] = []
    if kind == "events":
        for e in timeline.events:
            dates = _dates(e.when)
            if dates is None:
                continue
            text = _sources_html([(s.trigger.sentence, titles.get(s.doc_id, s.doc_id)) for s in e.sources])
            slides.append(_slide(e.id, dates, event_headline(timeline, e), text, titles.get(e.sources[0].doc_id)))
    if kind == "claims" or claims:
        for c in timeline.claims:
            dates = _dates(c.when) if c.when else None
            if dates is None:
                continue
            source = titles.get(c.doc_id, c.doc_id)
            if c.when_source == "published":
                source += " (daté par la publication)"
            text = _sources_html([(c.provenance.sentence, source)])
            slides.append(_slide(c.id, dates, claim_label(timeline, c), text, titles.get(c.doc_id)))
    if group == "none":
        for slide in slides:
            slide.pop("group", None)
    n = len(timeline.articles)
    cover = {"headline": html.escape(title), "text": f"{n} article{'s' if n > 1 else ''}"}
    return {"title": {"text": cover}, "events": slides}


def _slide(uid: str, dates: dict[str, Any], headline: str, text: str, story: str | None) -> dict[str, Any]:
    slide = {"unique_id": uid.replace("/", "-"), **dates, "text": {"headline": html.escape(headline), "text": text}}
    if story:
        slide["group"] = _safe_label(story)
    return slide


__all__ = ["GroupBy", "timelinejs_date", "to_timelinejs"]
