"""Building a timeline from Articles: entities merged across documents, events merged
and ordered, claims dated.

Merging: two events are one when their periods overlap, their trigger lemmas are equal
or in the same class of ``events.json`` (``sommet`` / ``rencontrer``), their polarity
agrees and their actors overlap (when only one side has actors, the periods must be
equal). Every source is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from claimline.calendar import granularity_rank, is_datable, overlaps, width
from claimline.entities.registry import EntityRegistry, FuzzySettings
from claimline.events.lexicon import EventLexicon, load_lexicon
from claimline.models import Article, Claim, Entity, Event, Timex
from claimline.timeline.model import (
    MODALITY_ORDER,
    ArticleRef,
    ClaimQuantity,
    EventSource,
    MentionRef,
    Period,
    Provenance,
    Timeline,
    TimelineClaim,
    TimelineEntity,
    TimelineEvent,
)


def build_timeline(
    articles: Iterable[Article],
    *,
    lexicon: EventLexicon | None = None,
    entity_threshold: float | None = None,
) -> Timeline:
    """The timeline of ``articles``: entities merged, events merged and ordered, claims.

    >>> timeline = claimline.build_timeline(claimline.extract_many(items))  # doctest: +SKIP
    """
    return assemble_timeline(timeline_parts(articles), lexicon=lexicon, entity_threshold=entity_threshold)


@dataclass
class TimelineParts:
    """What a timeline needs from some articles, without their texts.

    Parts add up (``parts_a + parts_b``, in article order) and :func:`assemble_timeline`
    turns the sum into the Timeline: this is how :mod:`claimline.distributed` builds one
    timeline from many partitions, each reduced to its parts on its worker. Claims and
    event sources still carry the articles' own entity ids; the registry maps them.
    """

    articles: list[ArticleRef] = field(default_factory=list)
    entities: list[tuple[str, Entity]] = field(default_factory=list)
    mentions: list[tuple[str, str, MentionRef]] = field(default_factory=list)
    claims: list[TimelineClaim] = field(default_factory=list)
    sources: list[EventSource] = field(default_factory=list)

    def __add__(self, other: TimelineParts) -> TimelineParts:
        return TimelineParts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def timeline_parts(articles: Iterable[Article]) -> TimelineParts:
    """The :class:`TimelineParts` of ``articles`` (the map step of :func:`build_timeline`)."""
    parts = TimelineParts()
    for article in articles:
        parts.articles.append(ArticleRef(doc_id=article.doc_id, title=article.title, published=article.published))
        parts.entities.extend((article.doc_id, ent) for ent in article.entities)
        parts.mentions.extend(
            (article.doc_id, m.entity_id, MentionRef(doc_id=article.doc_id, start=m.span.start, end=m.span.end))
            for m in article.mentions
        )
        ctx = _ArticleContext(article)
        parts.claims.extend(ctx.claim(c) for c in article.claims)
        parts.sources.extend(ctx.event_source(e) for e in article.events if e.earliest or e.latest)
    return parts


def assemble_timeline(
    parts: TimelineParts,
    *,
    lexicon: EventLexicon | None = None,
    entity_threshold: float | None = None,
) -> Timeline:
    """The Timeline of ``parts``: the entity registry, events merged and ordered, claims."""
    lexicon = lexicon or load_lexicon()
    entities, entity_map = _registry(parts, entity_threshold)
    claims = [_global_claim(c, entity_map) for c in parts.claims]
    events = _merge_events([_global_source(s, entity_map) for s in parts.sources], lexicon)
    claims.sort(key=lambda c: (c.when.sort_key if c.when else (dt.date.max,), c.doc_id, c.provenance.start))
    return Timeline(articles=list(parts.articles), entities=entities, events=events, claims=claims)


def _gids(doc_id: str, local_ids: Iterable[str], entity_map: dict[tuple[str, str], str]) -> list[str]:
    return list(dict.fromkeys(entity_map.get((doc_id, i), i) for i in local_ids))


def _gid(doc_id: str, local_id: str | None, entity_map: dict[tuple[str, str], str]) -> str | None:
    return None if local_id is None else entity_map.get((doc_id, local_id), local_id)


def _global_claim(claim: TimelineClaim, entity_map: dict[tuple[str, str], str]) -> TimelineClaim:
    return claim.model_copy(
        update={
            "entities": _gids(claim.doc_id, claim.entities, entity_map),
            "source": _gid(claim.doc_id, claim.source, entity_map),
        }
    )


def _global_source(source: EventSource, entity_map: dict[tuple[str, str], str]) -> EventSource:
    return source.model_copy(
        update={
            "actors": _gids(source.doc_id, source.actors, entity_map),
            "location": _gid(source.doc_id, source.location, entity_map),
        }
    )


def _registry(
    parts: TimelineParts, threshold: float | None
) -> tuple[list[TimelineEntity], dict[tuple[str, str], str]]:
    """Merge the articles' entities; map (doc_id, local id) -> registry id."""
    owners = [doc_id for doc_id, _ in parts.entities]
    flat = [ent for _, ent in parts.entities]
    settings = None if threshold is None else FuzzySettings(fuzzy_threshold=threshold)
    canonical = EntityRegistry.default(settings=settings).merge(flat)
    by_id: dict[str, list[int]] = {}
    for i, ent in enumerate(flat):
        by_id.setdefault(canonical[ent.id], []).append(i)
    groups = list(by_id.values())
    mentions: dict[tuple[str, str], list[MentionRef]] = {}
    for doc_id, entity_id, ref in parts.mentions:
        mentions.setdefault((doc_id, entity_id), []).append(ref)
    registry: list[TimelineEntity] = []
    mapping: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for group in groups:
        members = [flat[i] for i in group]
        # the name used most often, longest on ties ("Donald Trump" over "Trump")
        names = [m.name for m in members]
        name = max(names, key=lambda n: (names.count(n), len(n)))
        gid = _unique_id(members[0].id, taken)
        aliases = sorted({a for m in members for a in (m.name, *m.aliases)} - {name})
        refs = [r for i in group for r in mentions.get((owners[i], flat[i].id), [])]
        refs.sort(key=lambda r: (r.doc_id, r.start))
        registry.append(TimelineEntity(id=gid, name=name, label=members[0].label, aliases=aliases, mentions=refs))
        for i in group:
            mapping[(owners[i], flat[i].id)] = gid
    return registry, mapping


def _unique_id(base: str, taken: set[str]) -> str:
    gid, n = base, 1
    while gid in taken:
        n += 1
        gid = f"{base}-{n}"
    taken.add(gid)
    return gid


class _ArticleContext:
    """One article's lookups while its items join the timeline."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.timexes: dict[str, Timex] = {t.id: t for t in article.timexes}
        self.quantities = {q.id: q for q in article.quantities}

    def provenance(self, start: int, end: int) -> Provenance:
        a = self.article
        sent = next((s for s in a.sentences if s.start <= start < max(s.end, s.start + 1)), None)
        section = sent.section if sent else next(
            (s.kind for s in a.sections if s.start <= start < s.end), "body"
        )
        return Provenance(
            doc_id=a.doc_id,
            start=start,
            end=end,
            text=a.text[start:end],
            sentence=a.text[sent.start : sent.end] if sent else a.text[start:end],
            section=section,
        )

    def claim_id(self, local: str) -> str:
        return f"{self.article.doc_id}/{local}"

    def claim(self, claim: Claim) -> TimelineClaim:
        timex = self.timexes.get(claim.timex_id or "")
        when, when_source = self.claim_when(timex)
        quantities = [
            ClaimQuantity(
                text=q.span.text, value=q.value, low=q.low, high=q.high,
                unit=q.unit, qualifier=q.qualifier, counted=q.counted,
            )
            for q in (self.quantities.get(i) for i in claim.quantities)
            if q is not None
        ]
        return TimelineClaim(
            id=self.claim_id(claim.id),
            doc_id=self.article.doc_id,
            claim_id=claim.id,
            quantities=quantities,
            entities=list(claim.entities),
            source=claim.source.entity_id if claim.source else None,
            source_text=claim.source.span.text if claim.source else None,
            modality=claim.modality,
            section=claim.section,
            when=when,
            when_source=when_source,
            published=self.article.published,
            provenance=self.provenance(claim.span.start, claim.span.end),
        )

    def claim_when(self, timex: Timex | None) -> tuple[Period | None, str | None]:
        """A claim's period: its timex's, else its article's publication day (flagged)."""
        if timex is not None and is_datable(timex):
            return (
                Period(value=timex.value, earliest=timex.earliest, latest=timex.latest, granularity=timex.granularity),
                "timex",
            )
        day = self.article.published
        if day is None:
            return None, None
        return Period(value=day.isoformat(), earliest=day, latest=day, granularity="day"), "published"

    def event_source(self, event: Event) -> EventSource:
        timex = self.timexes.get(event.timex_id or "")
        return EventSource(
            doc_id=self.article.doc_id,
            event_id=event.id,
            trigger=self.provenance(event.trigger.start, event.trigger.end),
            lemma=event.lemma,
            label=event.label,
            timex=timex.span.text if timex else None,
            when=Period(
                value=event.value, earliest=event.earliest, latest=event.latest, granularity=event.granularity
            ),
            actors=list(event.actors),
            location=event.location,
            claims=[self.claim_id(c) for c in event.claims],
            modality=event.modality,
            polarity=event.polarity,
        )


def same_event(a: EventSource, b: EventSource, lexicon: EventLexicon) -> bool:
    """Whether two reports name the same real-world event (see the module docstring)."""
    if a.polarity != b.polarity or not overlaps(a.when.bounds, b.when.bounds):
        return False
    if not lexicon.same_class(a.lemma, b.lemma):
        return False
    if a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    return a.when.bounds == b.when.bounds


def _merge_events(sources: list[EventSource], lexicon: EventLexicon) -> list[TimelineEvent]:
    clusters: list[list[EventSource]] = []
    for src in sorted(sources, key=lambda s: (s.when.sort_key, s.doc_id, s.trigger.start)):
        home = next((c for c in clusters if any(same_event(src, o, lexicon) for o in c)), None)
        if home is None:
            clusters.append([src])
        else:
            home.append(src)
    merged = [_event_of(c) for c in clusters]
    merged.sort(key=lambda e: (e.when.sort_key, e.lemma, e.sources[0].doc_id, e.sources[0].trigger.start))
    return [e.model_copy(update={"id": f"ev{n:03d}"}) for n, e in enumerate(merged, 1)]


def _event_of(cluster: list[EventSource]) -> TimelineEvent:
    first = cluster[0]
    best = min(cluster, key=lambda s: (width(*s.when.bounds), -granularity_rank(s.when.granularity)))
    return TimelineEvent(
        id="",
        lemma=first.lemma,
        text=first.trigger.text,
        label=max(cluster, key=lambda s: (len(s.actors), s.label.count(" — "), len(s.label))).label,
        when=best.when,
        actors=list(dict.fromkeys(a for s in cluster for a in s.actors)),
        location=next((s.location for s in cluster if s.location), None),
        claims=list(dict.fromkeys(c for s in cluster for c in s.claims)),
        sections=sorted({s.trigger.section for s in cluster}),
        modality=min((s.modality for s in cluster), key=MODALITY_ORDER.index),
        polarity=first.polarity,
        sources=cluster,
    )


__all__ = ["TimelineParts", "assemble_timeline", "build_timeline", "same_event", "timeline_parts"]
