"""One timeline across articles: dated events and claims, with one entity registry.

Importing this module does not import spaCy: a second tool can load an exported
timeline with ``Timeline.model_validate_json(...)`` alone.

>>> timeline = build_timeline(articles)  # doctest: +SKIP
>>> [(e.when.label, e.lemma) for e in timeline.filter(entity="Poutine").events]  # doctest: +SKIP
[('2025-02-12', 'entretenir'), ('2025-08-15', 'sommet')]

Ordering: by the first day an item can fall on, then its last, coarse before fine;
an item known to the month is shown as ``2024-08`` (see :mod:`claimline.periods`).
Merging: two events are one when their periods overlap, their trigger lemmas are equal
or in the same class of ``events.json`` (``sommet`` / ``rencontrer``), their polarity
agrees and their actors overlap (when only one side has actors, the periods must be
equal). Every source is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimline.entities.normalise import name_key
from claimline.entities.registry import EntityRegistry, FuzzySettings
from claimline.errors import Errors, InputError
from claimline.events.lexicon import EventLexicon, load_lexicon
from claimline.models import (
    Article,
    Claim,
    Entity,
    EntityLabel,
    Event,
    Granularity,
    Modality,
    SectionKind,
    Timex,
)
from claimline.periods import (
    granularity_rank,
    is_datable,
    overlaps,
    parse_bound,
    period_label,
    sort_key,
    width,
)

TIMELINE_SCHEMA_VERSION = "1.0"
RowKind = Literal["events", "claims", "entities"]
ROW_KINDS: tuple[str, ...] = ("events", "claims", "entities")
# most factual first: a merged event takes the most factual modality of its sources
MODALITY_ORDER: tuple[str, ...] = (
    "asserted", "reported", "hedged", "planned", "conditional", "question", "negated",
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Period(_Model):
    """When something happened, as precisely as the text says.

    ``label`` is the ISO date or interval at that precision ('2024-08',
    '2025-09-19/2025-09-20', '../2025-02-20' for "before 20 February").
    """

    value: str | None = Field(default=None, description="TIMEX3 value of the dating timex.")
    earliest: dt.date | None = None
    latest: dt.date | None = None
    granularity: Granularity | None = None
    label: str = Field(default="", description="ISO date/interval written at the period's precision.")

    @model_validator(mode="before")
    @classmethod
    def _fill_label(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("label"):
            data = dict(data)
            earliest, latest = (_as_date(data.get(k)) for k in ("earliest", "latest"))
            data["label"] = period_label(earliest, latest, data.get("granularity"))
        return data

    @property
    def sort_key(self) -> tuple:
        return sort_key(self.earliest, self.latest, self.granularity)

    @property
    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        return (self.earliest, self.latest)


class Provenance(_Model):
    """Where an item comes from: article, character offsets, the sentence it is in."""

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="The item's text, Article.text[start:end].")
    sentence: str = Field(description="The text of the sentence that contains it.")
    section: SectionKind


class MentionRef(_Model):
    """One mention of an entity: article and offsets."""

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TimelineEntity(_Model):
    """An entity of the cross-article registry, with all its mentions."""

    id: str
    name: str
    label: EntityLabel
    aliases: list[str] = Field(default_factory=list)
    mentions: list[MentionRef] = Field(default_factory=list)


class EventSource(_Model):
    """One article's report of an event."""

    doc_id: str
    event_id: str = Field(description="The Event.id in that article.")
    trigger: Provenance
    lemma: str
    timex: str | None = Field(default=None, description="Text of the dating timex.")
    when: Period
    actors: list[str] = Field(default_factory=list, description="Registry entity ids.")
    location: str | None = None
    claims: list[str] = Field(default_factory=list, description="Timeline claim ids.")
    modality: Modality = "asserted"
    polarity: Literal["positive", "negative"] = "positive"


class TimelineEvent(_Model):
    """A real-world event, possibly reported by several articles (``sources``)."""

    id: str
    lemma: str
    text: str = Field(description="The trigger text of the first source ('s'est entretenu').")
    when: Period = Field(description="The most precise period among the sources.")
    actors: list[str] = Field(default_factory=list, description="Registry entity ids.")
    location: str | None = None
    claims: list[str] = Field(default_factory=list, description="Timeline claim ids.")
    sections: list[SectionKind] = Field(default_factory=list)
    modality: Modality = Field(default="asserted", description="The most factual modality of the sources.")
    polarity: Literal["positive", "negative"] = "positive"
    sources: list[EventSource] = Field(min_length=1)


class ClaimQuantity(_Model):
    """A quantity of a claim ("plus de 500 drones")."""

    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None


class TimelineClaim(_Model):
    """A quantified claim: who says which figure, about what, dated when."""

    id: str = Field(description="'<doc_id>/<claim id>'.")
    doc_id: str
    claim_id: str
    quantities: list[ClaimQuantity] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list, description="Registry ids of what it is about.")
    source: str | None = Field(default=None, description="Registry id of who claims it.")
    source_text: str | None = Field(default=None, description="'selon le Kremlin', 'a déclaré X'...")
    modality: Modality = "asserted"
    section: SectionKind
    when: Period | None = Field(default=None, description="The period of its timex, when it has a datable one.")
    published: dt.date | None = Field(default=None, description="Publication date of the article.")
    provenance: Provenance


class ArticleRef(_Model):
    """An article the timeline was built from."""

    doc_id: str
    title: str | None = None
    published: dt.date | None = None


class Timeline(_Model):
    """Events and claims of many articles, in time order, with one entity registry.

    Load an export back with ``Timeline.model_validate_json(text)``.
    """

    schema_version: Literal["1.0"] = TIMELINE_SCHEMA_VERSION
    articles: list[ArticleRef] = Field(default_factory=list)
    entities: list[TimelineEntity] = Field(default_factory=list)
    events: list[TimelineEvent] = Field(default_factory=list)
    claims: list[TimelineClaim] = Field(default_factory=list)

    # -- lookup -----------------------------------------------------------------
    def entity(self, name_or_id: str) -> TimelineEntity:
        """The registry entity with this id, name or alias (case and accents ignored)."""
        ids = self._entity_ids(name_or_id)
        return next(e for e in self.entities if e.id in ids)

    def _entity_ids(self, name_or_id: str) -> set[str]:
        key = name_key(name_or_id)
        ids = {
            e.id
            for e in self.entities
            if e.id == name_or_id or key in {name_key(n) for n in (e.name, *e.aliases)}
        }
        if not ids:
            known = ", ".join(sorted(e.name for e in self.entities)[:20]) or "none"
            raise InputError(
                Errors.E010.format(
                    name="entity", value=name_or_id, detail=f"no such entity in the timeline (known: {known})"
                )
            )
        return ids

    def names(self, ids: Iterable[str]) -> list[str]:
        """The registry names of entity ``ids``."""
        by_id = {e.id: e.name for e in self.entities}
        return [by_id.get(i, i) for i in ids]

    # -- filtering --------------------------------------------------------------
    def filter(
        self,
        *,
        entity: str | None = None,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        section: str | Sequence[str] | None = None,
        modality: str | Sequence[str] | None = None,
    ) -> Timeline:
        """The events and claims that involve ``entity`` (id, name or alias), overlap
        [``start``, ``end``] ('2025', '2025-08', '2025-08-15' or a date), come from
        ``section`` and have ``modality`` (a value or a list). Undated claims are dropped
        by a period filter. The entity registry and the article list are kept whole.

        >>> timeline.filter(entity="Trump", start="2025-08", modality="asserted")  # doctest: +SKIP
        """
        ids = self._entity_ids(entity) if entity is not None else None
        period = (
            _bound(start, end=False, name="start") if start is not None else None,
            _bound(end, end=True, name="end") if end is not None else None,
        )
        by_period = start is not None or end is not None
        sections = _as_set(section)
        modalities = _as_set(modality)

        def keep_event(e: TimelineEvent) -> bool:
            return (
                (ids is None or bool(ids & {*e.actors, *([e.location] if e.location else [])}))
                and (not by_period or overlaps(e.when.bounds, period))
                and (sections is None or bool(sections & set(e.sections)))
                and (modalities is None or e.modality in modalities)
            )

        def keep_claim(c: TimelineClaim) -> bool:
            return (
                (ids is None or bool(ids & {*c.entities, *([c.source] if c.source else [])}))
                and (not by_period or (c.when is not None and overlaps(c.when.bounds, period)))
                and (sections is None or c.section in sections)
                and (modalities is None or c.modality in modalities)
            )

        return self.model_copy(
            update={
                "events": [e for e in self.events if keep_event(e)],
                "claims": [c for c in self.claims if keep_claim(c)],
            }
        )

    # -- exports ----------------------------------------------------------------
    def rows(self, kind: RowKind = "events") -> list[dict[str, Any]]:
        """Flat rows (one per event, claim or entity) for tables and CSV."""
        from claimline.timeline_export import rows

        return rows(self, _check_kind(kind))

    def to_jsonl(self, kind: RowKind = "events") -> str:
        """One JSON object per line: the full ``events`` (or ``claims``, ``entities``)."""
        items = getattr(self, _check_kind(kind))
        return "".join(item.model_dump_json() + "\n" for item in items)

    def to_csv(self, kind: RowKind = "events") -> str:
        """:meth:`rows` as CSV text (stdlib only)."""
        from claimline.timeline_export import to_csv

        return to_csv(self.rows(kind))

    def to_dataframe(self, kind: RowKind = "events"):
        """:meth:`rows` as a pandas DataFrame (needs ``pip install "claimline[pandas]"``)."""
        from claimline.timeline_export import to_dataframe

        return to_dataframe(self.rows(kind))

    def to_timelinejs(self, *, title: str = "claimline timeline") -> dict[str, Any]:
        """The events as a TimelineJS3 JSON object (dates only as precise as known)."""
        from claimline.timeline_export import to_timelinejs

        return to_timelinejs(self, title=title)


def timeline_json_schema() -> dict:
    """The JSON Schema of :class:`Timeline` (committed as ``schemas/timeline.schema.json``)."""
    schema = Timeline.model_json_schema()
    schema["$id"] = f"https://claimline.invalid/schema/timeline/{TIMELINE_SCHEMA_VERSION}.json"
    return schema


# -- building ---------------------------------------------------------------------


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
    turns the sum into the Timeline: this is how :mod:`claimline.dask` builds one
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
        when = (
            Period(value=timex.value, earliest=timex.earliest, latest=timex.latest, granularity=timex.granularity)
            if timex is not None and is_datable(timex)
            else None
        )
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
            published=self.article.published,
            provenance=self.provenance(claim.span.start, claim.span.end),
        )

    def event_source(self, event: Event) -> EventSource:
        timex = self.timexes.get(event.timex_id or "")
        return EventSource(
            doc_id=self.article.doc_id,
            event_id=event.id,
            trigger=self.provenance(event.trigger.start, event.trigger.end),
            lemma=event.lemma,
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
        when=best.when,
        actors=list(dict.fromkeys(a for s in cluster for a in s.actors)),
        location=next((s.location for s in cluster if s.location), None),
        claims=list(dict.fromkeys(c for s in cluster for c in s.claims)),
        sections=sorted({s.trigger.section for s in cluster}),
        modality=min((s.modality for s in cluster), key=MODALITY_ORDER.index),
        polarity=first.polarity,
        sources=cluster,
    )


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _as_set(value: str | Sequence[str] | None) -> set[str] | None:
    if value is None:
        return None
    return {value} if isinstance(value, str) else set(value)


def _bound(value: str | dt.date, *, end: bool, name: str) -> dt.date:
    try:
        return parse_bound(value, end=end)
    except ValueError as err:
        raise InputError(Errors.E010.format(name=name, value=value, detail=str(err))) from None


def _check_kind(kind: str) -> str:
    if kind not in ROW_KINDS:
        raise InputError(Errors.E010.format(name="kind", value=kind, detail=f"expected one of {list(ROW_KINDS)}"))
    return kind


__all__ = [
    "TIMELINE_SCHEMA_VERSION",
    "ArticleRef",
    "ClaimQuantity",
    "EventSource",
    "MentionRef",
    "Period",
    "Provenance",
    "Timeline",
    "TimelineClaim",
    "TimelineEntity",
    "TimelineEvent",
    "TimelineParts",
    "assemble_timeline",
    "build_timeline",
    "same_event",
    "timeline_json_schema",
    "timeline_parts",
]
