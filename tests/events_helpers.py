"""Run claimline_events on a spaCy parse with hand-made timexes and mentions."""

from __future__ import annotations

from timeline_helpers import _period

from claimline.text.model_text import model_text


def run_events(nlp, text: str, *, timexes: dict[str, str], mentions: dict[str, tuple[str, str]] | None = None,
               published: str | None = None, claims: dict[str, str] | None = None):
    """The events dicts for ``text``: ``timexes`` {surface: TIMEX3 value}, ``mentions``
    {surface: (entity_id, label)} (those absent from the text are ignored), ``claims`` {claim id: surface}. The model
    and claimline_sections run first (the other components would write the layers made here by hand)."""
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
            earliest, latest, gran = _period(value)
            rec.update(earliest=earliest.isoformat(), latest=latest.isoformat(), granularity=gran)
        records.append(rec)
    doc._.claimline_timexes = records
    doc._.claimline_mentions = [
        {"id": f"m{i}", "span": span(s), "label": label, "entity_id": eid}
        for i, (s, (eid, label)) in enumerate((mentions or {}).items())
        if s in text
    ]
    doc._.claimline_claims = [{"id": cid, "span": span(s)} for cid, s in (claims or {}).items()]
    doc = nlp.get_pipe("claimline_events")(doc)
    return [{**e, "text": text[e["trigger"]["start"]:e["trigger"]["end"]]} for e in doc._.claimline_events]
