"""What an analyst reads for an item: "who — what" headlines, claim labels, French dates.

Shared by the picture (:mod:`~claimline.timeline.plot`), the page
(:mod:`~claimline.timeline.html`) and the TimelineJS export.

>>> french_date(dt.date(2025, 8, 15), "day")
'15 août 2025'
>>> french_date(dt.date(2024, 8, 1), "month")
'août 2024'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from claimline.calendar import precision

if TYPE_CHECKING:  # pragma: no cover
    from claimline.timeline.model import Period, Timeline, TimelineClaim, TimelineEvent

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
MONTHS_FR_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
DASH = " — "


def french_date(date: dt.date, granularity: str | None = "day") -> str:
    """``date`` in French, only as precisely as ``granularity`` allows."""
    p = precision(granularity)
    if p == "year":
        return str(date.year)
    month = f"{MONTHS_FR[date.month - 1]} {date.year}"
    if p == "month":
        return month
    return f"{'1er' if date.day == 1 else date.day} {month}"


def french_period(period: Period | None) -> str:
    """A period in French ('15 août 2025', 'du 19 au 20 septembre 2025' as '19 sept. 2025 – 20 sept. 2025')."""
    if period is None:
        return "sans date"
    first, last = period.earliest, period.latest
    if first and last:
        a, b = french_date(first, period.granularity), french_date(last, period.granularity)
        return a if a == b else f"{a} – {b}"
    if last:
        return f"avant le {french_date(last, period.granularity)}"
    if first:
        return f"après le {french_date(first, period.granularity)}"
    return "sans date"


def _label_field(item: object) -> str | None:
    label = getattr(item, "label", None)
    return label.strip() if isinstance(label, str) and label.strip() else None


def event_who(timeline: Timeline, event: TimelineEvent, *, most: int = 2) -> str:
    """The event's actors by name (at most ``most``, '+n' for the rest)."""
    names = timeline.names(event.actors)
    if len(names) > most:
        return ", ".join(names[:most]) + f" +{len(names) - most}"
    return ", ".join(names)


def event_headline(timeline: Timeline, event: TimelineEvent) -> str:
    """'who — what': the event's ``label`` when the extractor gives one (on the event or a
    source), else its actors and its trigger text ('Donald Trump, Vladimir Poutine — sommet')."""
    label = _label_field(event) or next((x for x in map(_label_field, event.sources) if x), None)
    if label:
        return label
    who = event_who(timeline, event)
    what = event.text
    if event.location and event.location not in event.actors:
        what += f" ({timeline.names([event.location])[0]})"
    return f"{who}{DASH}{what}" if who else what


def claim_label(timeline: Timeline, claim: TimelineClaim) -> str:
    """'figure — about what' ('15 000 hommes — Zapad'), from the first quantity and entity."""
    figure = claim.quantities[0].text if claim.quantities else claim.provenance.text
    about = timeline.names(claim.entities[:1]) or timeline.names([claim.source] if claim.source else [])
    counted = claim.quantities[0].counted if claim.quantities else None
    if about:
        return f"{figure}{DASH}{about[0]}"
    return f"{figure}{DASH}{counted}" if counted and counted not in figure else figure


def event_sources_text(event: TimelineEvent, titles: dict[str, str | None]) -> list[tuple[str, str]]:
    """(sentence, source) per article reporting the event; source = title or doc_id."""
    return [(s.trigger.sentence, titles.get(s.doc_id) or s.doc_id) for s in event.sources]


__all__ = [
    "DASH",
    "MONTHS_FR",
    "MONTHS_FR_SHORT",
    "claim_label",
    "event_headline",
    "event_sources_text",
    "event_who",
    "french_date",
    "french_period",
]
