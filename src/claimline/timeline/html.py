"""The timeline as one self-contained interactive HTML page: ``claimline timeline --format html``.

plotly.js is inlined (from the ``plotly`` Python package, pinned by its version): the
page needs no network to be viewed. It shows one lane per story (article), every dated
event (a point, or a bar over its period when it is known to the month or year) and
every dated claim (diamonds, hollow when dated by the publication day); zoom and pan
with the mouse, hover for the sentence, its sources and its claims; filter by entity
and by modality with the two lists above the chart.

>>> Path("timeline.html").write_text(timeline.to_html(), encoding="utf-8")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import html
import json
import textwrap
from typing import TYPE_CHECKING, Any

from claimline.errors import Errors, MissingDependencyError
from claimline.timeline.labels import claim_label, event_headline, french_period
from claimline.timeline.kinds import MODALITY_ORDER
from claimline.timeline.plot_layout import main_window

if TYPE_CHECKING:  # pragma: no cover
    from claimline.timeline.model import Timeline, TimelineClaim, TimelineEvent

MODALITY_FR = {
    "asserted": "affirmé", "reported": "rapporté", "hedged": "incertain", "planned": "prévu",
    "conditional": "conditionnel", "question": "question", "negated": "nié",
}
_PAGE = "page.html"  # the template, next to this module


def _plotly_js() -> str:
    try:
        from plotly.offline import get_plotlyjs
    except ImportError:
        raise MissingDependencyError(
            Errors.E015.format(what="Timeline.to_html()", package="plotly", extra="html")
        ) from None
    return get_plotlyjs()


def _wrap(text: str, width: int = 90) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(" ".join(text.split()), width)) or ""


def _start_end(period) -> tuple[str, str]:
    start = period.earliest or period.latest
    end = period.latest or period.earliest
    return start.isoformat(), end.isoformat()


def _event_item(timeline: Timeline, e: TimelineEvent, lanes: dict[str, str], titles: dict[str, str]) -> dict:
    start, end = _start_end(e.when)
    headline = event_headline(timeline, e)
    sources = "<br>".join(
        f"« {_wrap(s.trigger.sentence)} »<br><i>— {html.escape(titles.get(s.doc_id, s.doc_id))}</i>"
        for s in e.sources
    )
    claims = {c.id: c for c in timeline.claims}
    figures = [claim_label(timeline, claims[c]) for c in e.claims if c in claims]
    hover = f"<b>{html.escape(headline)}</b><br>{html.escape(french_period(e.when))} · {MODALITY_FR[e.modality]}"
    hover += f"<br>{sources}"
    if figures:
        hover += "<br>chiffres : " + html.escape("; ".join(figures))
    return {
        "id": e.id, "kind": "event", "start": start, "end": end, "point": start == end,
        "lane": lanes[e.sources[0].doc_id], "label": headline, "hover": hover, "modality": e.modality,
        "entities": sorted({*e.actors, *([e.location] if e.location else [])}),
    }


def _claim_item(timeline: Timeline, c: TimelineClaim, lanes: dict[str, str], titles: dict[str, str]) -> dict:
    start, end = _start_end(c.when)
    label = claim_label(timeline, c)
    dated = "daté par la publication" if c.when_source == "published" else "daté dans le texte"
    hover = (
        f"<b>{html.escape(label)}</b><br>{html.escape(french_period(c.when))} ({dated}) · {MODALITY_FR[c.modality]}"
        f"<br>« {_wrap(c.provenance.sentence)} »<br><i>— {html.escape(titles.get(c.doc_id, c.doc_id))}</i>"
    )
    if c.source_text:
        hover += f"<br>source : {html.escape(c.source_text)}"
    return {
        "id": c.id, "kind": "claim", "start": start, "end": end, "point": start == end, "lane": lanes[c.doc_id],
        "label": label, "hover": hover, "modality": c.modality, "published_date": c.when_source == "published",
        "entities": sorted({*c.entities, *([c.source] if c.source else [])}),
    }


def page_data(timeline: Timeline, *, title: str) -> dict[str, Any]:
    """What the page's script draws: items, lanes, entity and modality choices."""
    titles = {a.doc_id: a.title or a.doc_id for a in timeline.articles}
    lanes = {}
    for a in timeline.articles:  # one lane per story; same titles stay apart
        name = titles[a.doc_id]
        lanes[a.doc_id] = name if name not in lanes.values() else f"{name} ({a.doc_id})"
    items = [_event_item(timeline, e, lanes, titles) for e in timeline.events if e.when.earliest or e.when.latest]
    items += [
        _claim_item(timeline, c, lanes, titles)
        for c in timeline.claims
        if c.when is not None and (c.when.earliest or c.when.latest)
    ]
    used: dict[str, int] = {}
    for item in items:
        for entity in item["entities"]:
            used[entity] = used.get(entity, 0) + 1
    names = {e.id: e.name for e in timeline.entities}
    entities = sorted((i for i in used if i in names), key=lambda i: (-used[i], names[i]))
    modalities = [m for m in MODALITY_ORDER if any(item["modality"] == m for item in items)]
    lane_order = list(dict.fromkeys(item["lane"] for item in sorted(items, key=lambda i: i["start"])))
    return {
        "title": title,
        "range": _initial_range(items),
        "items": items,
        "lanes": lane_order,
        "entities": [{"id": i, "name": names[i], "count": used[i]} for i in entities],
        "modalities": [{"id": m, "name": MODALITY_FR[m]} for m in modalities],
    }


def _initial_range(items: list[dict]) -> list[str] | None:
    """The x range shown first: the bulk of the items (as the picture's main panel)."""
    if not items:
        return None
    mids = sorted(
        (dt.date.fromisoformat(i["start"]).toordinal() + dt.date.fromisoformat(i["end"]).toordinal()) / 2
        for i in items
    )
    lo, hi = main_window(mids)
    return [dt.date.fromordinal(int(lo)).isoformat(), dt.date.fromordinal(int(hi) + 1).isoformat()]


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def timeline_html(timeline: Timeline, *, title: str = "claimline timeline") -> str:
    """The page (see the module docstring)."""
    from importlib.resources import files

    template = files("claimline.timeline").joinpath(_PAGE).read_text(encoding="utf-8")
    data = page_data(timeline, title=title)
    page = template.replace("{{TITLE}}", html.escape(title)).replace("{{DATA}}", _script_json(data))
    return page.replace("{{PLOTLY_JS}}", _plotly_js().replace("</script", "<\\/script"))


__all__ = ["MODALITY_FR", "page_data", "timeline_html"]
