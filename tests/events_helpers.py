"""Run claimline_events on a spaCy parse with hand-made timexes and mentions."""

from __future__ import annotations

import datetime as dt

from timeline_helpers import _period

from claimline.text.model_text import model_text


def _bounds(value: str):
    """_period, plus clock times and parts of day other than the night ('2025-03-04T14:30')."""
    if "T" in value and not value.endswith("TNI"):
        day = dt.date.fromisoformat(value[:10])
        return day, day, "minute" if ":" in value else "part_of_day"
    return _period(value)


def run_events(nlp, text: str, *, timexes: dict[str, str], mentions: dict[str, tuple[str, str]] | None = None,
               published: str | None = None, claims: dict[str, str] | None = None,
               published_source: str | None = None, anchors: dict[str, str] | None = None):
    """The events dicts for ``text``: ``timexes`` {surface: TIMEX3 value}, ``mentions``
    {surface: (entity_id, label)} (those absent from the text are ignored), ``claims`` {claim id: surface},
    ``published_source`` "given" (default when ``published``) or "inferred", ``anchors`` {timex surface: anchor}.
    The model and claimline_sections run first (the other components would write the layers made here by hand)."""
    doc = nlp.make_doc(model_text(text))
    doc._.claimline_published = published
    for name, proc in nlp.pipeline:
        if not name.startswith("claimline_") or name == "claimline_sections":
            doc = proc(doc)

    def span(surface: str) -> dict:
        start = text.index(surface)
        return {"start": start, "end": start + len(surface)}

    records = []
    for i, (surface, value) in enumerate(timexes.items()):
        typ = "DURATION" if value.startswith("P") else ("TIME" if "T" in value else "DATE")
        rec = {"id": f"t{i}", "span": span(surface), "type": typ, "value": value}
        if typ != "DURATION" and "REF" not in value:
            earliest, latest, gran = _bounds(value)
            rec.update(earliest=earliest.isoformat(), latest=latest.isoformat(), granularity=gran,
                       anchor=(anchors or {}).get(surface))
        records.append(rec)
    doc._.claimline_timexes = records
    doc._.claimline_published = published
    doc._.claimline_published_source = published_source or ("given" if published else None)
    doc._.claimline_mentions = [
        {"id": f"m{i}", "span": span(s), "label": label, "entity_id": eid}
        for i, (s, (eid, label)) in enumerate((mentions or {}).items())
        if s in text
    ]
    doc._.claimline_claims = [{"id": cid, "span": span(s)} for cid, s in (claims or {}).items()]
    doc = nlp.get_pipe("claimline_events")(doc)
    return [{**e, "text": text[e["trigger"]["start"]:e["trigger"]["end"]]} for e in doc._.claimline_events]
