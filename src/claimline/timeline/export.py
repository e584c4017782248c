"""Exports of a :class:`~claimline.timeline.Timeline`: flat rows, CSV, pandas, TimelineJS3.

Dates are written only as precisely as they are known: an event of "août 2024" becomes
the TimelineJS date ``{"year": 2024, "month": 8}``, never a fake first of the month.

>>> timelinejs_date(dt.date(2024, 8, 1), "month")
{'year': 2024, 'month': 8}
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from typing import TYPE_CHECKING, Any

from claimline.calendar import format_date, precision
from claimline.errors import Errors, MissingDependencyError

if TYPE_CHECKING:  # pragma: no cover
    from claimline.timeline.model import Period, Timeline


def _period_fields(period: Period | None) -> dict[str, Any]:
    if period is None:
        return {"date": None, "earliest": None, "latest": None, "granularity": None, "value": None}
    return {
        "date": period.label,
        "earliest": period.earliest.isoformat() if period.earliest else None,
        "latest": period.latest.isoformat() if period.latest else None,
        "granularity": period.granularity,
        "value": period.value,
    }


def _join(values) -> str:
    return "; ".join(v for v in values if v)


def rows(timeline: Timeline, kind: str) -> list[dict[str, Any]]:
    """One flat dict per event, claim or entity (lists joined with '; ')."""
    names = timeline.names
    if kind == "events":
        return [
            {
                "id": e.id,
                **_period_fields(e.when),
                "lemma": e.lemma,
                "text": e.text,
                "actors": _join(names(e.actors)),
                "location": _join(names([e.location] if e.location else [])),
                "modality": e.modality,
                "polarity": e.polarity,
                "sections": _join(e.sections),
                "claims": _join(e.claims),
                "n_sources": len(e.sources),
                "doc_ids": _join(dict.fromkeys(s.doc_id for s in e.sources)),
                "sentence": e.sources[0].trigger.sentence,
            }
            for e in timeline.events
        ]
    if kind == "claims":
        return [
            {
                "id": c.id,
                **_period_fields(c.when),
                "published": c.published.isoformat() if c.published else None,
                "source": _join(names([c.source] if c.source else [])),
                "source_text": c.source_text,
                "figures": _join(q.text for q in c.quantities),
                "values": _join(_number(q.value if q.value is not None else q.low) for q in c.quantities),
                "units": _join(q.unit or "" for q in c.quantities),
                "counted": _join(q.counted or "" for q in c.quantities),
                "entities": _join(names(c.entities)),
                "modality": c.modality,
                "section": c.section,
                "doc_id": c.doc_id,
                "start": c.provenance.start,
                "end": c.provenance.end,
                "text": c.provenance.text,
            }
            for c in timeline.claims
        ]
    return [
        {
            "id": e.id,
            "name": e.name,
            "label": e.label,
            "aliases": _join(e.aliases),
            "n_mentions": len(e.mentions),
            "doc_ids": _join(dict.fromkeys(m.doc_id for m in e.mentions)),
        }
        for e in timeline.entities
    ]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def to_csv(table: list[dict[str, Any]]) -> str:
    """Rows as CSV text with a header (empty string for no rows)."""
    if not table:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue()


def to_dataframe(table: list[dict[str, Any]]):
    """Rows as a pandas DataFrame; a clear error when pandas is not installed."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError(
            Errors.E015.format(what="Timeline.to_dataframe()", package="pandas", extra="pandas")
        ) from None
    return pd.DataFrame(table)


def timelinejs_date(date: dt.date, granularity: str | None) -> dict[str, int]:
    """A TimelineJS3 date object with only the fields ``granularity`` makes known."""
    p = precision(granularity)
    out = {"year": date.year}
    if p in ("month", "day"):
        out["month"] = date.month
    if p == "day":
        out["day"] = date.day
    return out


def to_timelinejs(timeline: Timeline, *, title: str) -> dict[str, Any]:
    """TimelineJS3 JSON: ``{"title": ..., "events": [{start_date, end_date?, text, group}]}``."""
    events = []
    for e in timeline.events:
        when = e.when
        start = when.earliest or when.latest
        if start is None:
            continue
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": {**timelinejs_date(start, when.granularity), "display_date": when.label},
        }
        if when.earliest and when.latest and format_date(when.latest, when.granularity) != format_date(
            start, when.granularity
        ):
            item["end_date"] = timelinejs_date(when.latest, when.granularity)
        actors = timeline.names(e.actors)
        headline = f"{e.text} ({', '.join(actors)})" if actors else e.text
        sources = "".join(
            f"<p>{html.escape(s.trigger.sentence)} <small>[{html.escape(s.doc_id)}]</small></p>"
            for s in e.sources
        )
        item["text"] = {"headline": html.escape(headline), "text": sources}
        item["group"] = actors[0] if actors else e.lemma
        events.append(item)
    return {"title": {"text": {"headline": html.escape(title), "text": f"{len(timeline.articles)} article(s)"}}, "events": events}


__all__ = ["rows", "timelinejs_date", "to_csv", "to_dataframe", "to_timelinejs"]
