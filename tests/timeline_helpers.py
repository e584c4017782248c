"""Hand-built Articles for timeline tests (no spaCy): find each item's text in the article."""

from __future__ import annotations

import datetime as dt
import re

from claimline.models import Article, Claim, Entity, Event, Mention, Quantity, Section, Sentence, Source, Span, Timex

_GRANULARITY = {4: "year", 7: "month", 10: "day"}


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start=start, end=start + len(needle), text=needle, sentence=0)


def _period(value: str) -> tuple[dt.date, dt.date, str]:
    """'2024-08' -> (2024-08-01, 2024-08-31, 'month'); '2025-09-19TNI' -> night to next day."""
    if value.endswith("TNI"):
        day = dt.date.fromisoformat(value[:10])
        return day, day + dt.timedelta(days=1), "part_of_day"
    gran = _GRANULARITY[len(value)]
    parts = [int(p) for p in value.split("-")]
    if gran == "year":
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), gran
    if gran == "month":
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1), gran
    day = dt.date(*parts)
    return day, day, gran


def make_article(
    doc_id: str,
    text: str,
    *,
    published: str | None = None,
    entities: dict[str, tuple[str, str]] | None = None,
    events: list[dict] | None = None,
    claims: list[dict] | None = None,
    section: str = "body",
) -> Article:
    """An Article whose sentences are split on '. '.

    ``entities``: {surface: (name, label)}, every occurrence becomes a mention of the
    entity ``name``; ``events``: {trigger, lemma, timex, value, actors: [surface],
    location, modality, polarity}; ``claims``: {text, quantity, timex?, value?, source?}.
    """
    sentences, start = [], 0
    for m in re.finditer(r"[^.]+\.?", text):
        s, e = m.start(), m.end()
        s += len(m.group()) - len(m.group().lstrip())
        if s < e:
            sentences.append(Sentence(index=len(sentences), start=s, end=e, section=section))
    ents: dict[str, Entity] = {}
    mentions: list[Mention] = []
    for surface, (name, label) in (entities or {}).items():
        eid = "ent:" + name.replace(" ", "_")
        ents.setdefault(name, Entity(id=eid, name=name, label=label, aliases=[surface] if surface != name else []))
        for m in re.finditer(re.escape(surface), text):
            mentions.append(
                Mention(id=f"m{len(mentions)}", span=_span(text, surface, m.start()), label=label, entity_id=eid)
            )
    eid_of = {surface: "ent:" + name.replace(" ", "_") for surface, (name, _) in (entities or {}).items()}
    timexes: list[Timex] = []

    def timex(surface: str, value: str) -> str:
        earliest, latest, gran = _period(value)
        tid = f"t{len(timexes)}"
        typ = "TIME" if "T" in value else "DATE"
        timexes.append(Timex(id=tid, span=_span(text, surface), type=typ, value=value,
                             earliest=earliest, latest=latest, granularity=gran))
        return tid

    out_claims, quantities = [], []
    for i, c in enumerate(claims or []):
        q = Quantity(id=f"q{i}", span=_span(text, c["quantity"]), value=c.get("number"))
        quantities.append(q)
        source = Source(span=_span(text, c["source"]), entity_id=eid_of.get(c["source"]), kind="according_to") if c.get("source") else None
        out_claims.append(Claim(
            id=f"c{i}", span=_span(text, c["text"]), quantities=[q.id],
            entities=[eid_of[s] for s in c.get("about", [])],
            timex_id=timex(c["timex"], c["value"]) if c.get("timex") else None,
            source=source, modality=c.get("modality", "asserted"), section=section,
        ))
    out_events = []
    for i, e in enumerate(events or []):
        tid = timex(e["timex"], e["value"])
        t = timexes[-1]
        out_events.append(Event(
            id=f"ev{i}", trigger=_span(text, e["trigger"]), lemma=e["lemma"], timex_id=tid, value=t.value,
            earliest=t.earliest, latest=t.latest, granularity=t.granularity,
            actors=[eid_of[a] for a in e.get("actors", [])],
            location=eid_of[e["location"]] if e.get("location") else None,
            claims=[f"c{j}" for j in e.get("claims", [])],
            section=section, modality=e.get("modality", "asserted"), polarity=e.get("polarity", "positive"),
        ))
    return Article(
        doc_id=doc_id, text=text, published=published, sections=[Section(kind=section, start=0, end=len(text))],
        sentences=sentences, mentions=mentions, entities=list(ents.values()), timexes=timexes,
        quantities=quantities, claims=out_claims, events=out_events,
    )
