"""The timeline model: dated events and claims across articles, with one entity registry.

Importing this module does not import spaCy: a second tool can load an exported
timeline with ``Timeline.model_validate_json(...)`` alone.

>>> timeline = build_timeline(articles)  # doctest: +SKIP
>>> [(e.when.label, e.lemma) for e in timeline.filter(entity="Poutine").events]  # doctest: +SKIP
[('2025-02-12', 'entretenir'), ('2025-08-15', 'sommet')]

Ordering: by the first day an item can fall on, then its last, coarse before fine;
an item known to the month is shown as ``2024-08`` (see :mod:`claimline.calendar`).
Merging: two events are one when their periods overlap, their trigger lemmas are equal
or in the same class of ``events.json`` (``sommet`` / ``rencontrer``), their polarity
agrees and their actors overlap (when only one side has actors, the periods must be
equal). Every source is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimline.calendar import (
    as_date,
    overlaps,
    parse_bound,
    period_label,
    sort_key,
)
from claimline.entities.normalise import name_key
from claimline.errors import Errors, InputError
from claimline.models import (
    EntityLabel,
    Granularity,
    Modality,
    SectionKind,
)
from claimline.timeline.kinds import MODALITY_ORDER, ROW_KINDS, SECTION_KINDS, RowKind

TIMELINE_SCHEMA_VERSION = "1.0"


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
            earliest, latest = (as_date(data.get(k)) for k in ("earliest", "latest"))
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
    label: str = Field(default="", description="The article's 'who – what – object' label of the event, if any.")
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
    text: str = Field(description="The trigger text of the first source ('entretenu').")
    label: str = Field(
        default="",
        description="'who — what — object', from the source that says the most "
        "('Emmanuel Macron — s'est entretenu — avec Olaf Scholz').",
    )
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
    when: Period | None = Field(
        default=None,
        description="The period of its timex when it has a datable one, else the publication day (see when_source).",
    )
    when_source: Literal["timex", "published"] | None = Field(
        default=None,
        description="'timex': dated by its own timex; 'published': no timex, dated by the article's publication day.",
    )
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
        keys = {name_key(name_or_id)}
        ids = {e.id for e in self.entities if e.id == name_or_id or keys & {name_key(n) for n in (e.name, *e.aliases)}}
        if not ids:  # an alias the articles did not use ("Vladimir Putin"): ask the packaged registry
            keys |= _registry_aliases(name_or_id)
            ids = {e.id for e in self.entities if e.id in keys or keys & {name_key(n) for n in (e.name, *e.aliases)}}
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
        ``section`` and have ``modality`` (a value or a list; an unknown value is an
        error). A claim without a timex is dated by its article's publication day
        (``when_source="published"``); a claim with no date at all is dropped by a period
        filter. The entity registry and the article list are kept whole (see
        :meth:`referenced` to keep only the entities still involved).

        >>> timeline.filter(entity="Trump", start="2025-08", modality="asserted")  # doctest: +SKIP
        """
        ids = self._entity_ids(entity) if entity is not None else None
        period = (
            _bound(start, end=False, name="start") if start is not None else None,
            _bound(end, end=True, name="end") if end is not None else None,
        )
        by_period = start is not None or end is not None
        sections = _as_set(section, "section", SECTION_KINDS)
        modalities = _as_set(modality, "modality", MODALITY_ORDER)

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

    def referenced(self) -> Timeline:
        """This timeline with only the registry entities its events and claims involve."""
        used: set[str] = set()
        for e in self.events:
            used.update(e.actors, [e.location] if e.location else [])
        for c in self.claims:
            used.update(c.entities, [c.source] if c.source else [])
        return self.model_copy(update={"entities": [e for e in self.entities if e.id in used]})

    # -- exports ----------------------------------------------------------------
    def rows(self, kind: RowKind = "events") -> list[dict[str, Any]]:
        """Long-form rows (one per event source, claim quantity or entity) for tables and CSV."""
        from claimline.timeline.export import rows

        return rows(self, _check_kind(kind))

    def to_jsonl(self, kind: RowKind = "events") -> str:
        """One JSON object per line: the full ``events`` (or ``claims``, ``entities``)."""
        items = getattr(self, _check_kind(kind))
        return "".join(item.model_dump_json() + "\n" for item in items)

    def to_csv(self, kind: RowKind = "events") -> str:
        """:meth:`rows` as CSV text (stdlib only); ``claimline.timeline.read_csv`` reads it
        back into the typed frame of :meth:`to_dataframe`."""
        from claimline.timeline.export import to_csv

        return to_csv(self.rows(kind), kind)

    def to_dataframe(self, kind: RowKind = "events"):
        """:meth:`rows` as a typed pandas DataFrame: datetimes, nullable Float64/Int64,
        ``string`` and categoricals (see ``claimline.timeline.export.COLUMNS``; needs
        ``pip install "claimline[pandas]"``)."""
        from claimline.timeline.export import to_dataframe

        return to_dataframe(self.rows(kind), kind)

    def to_timelinejs(
        self, *, title: str = "claimline timeline", group: str = "story", claims: bool = False, kind: str = "events"
    ) -> dict[str, Any]:
        """The events (or claims) as a TimelineJS3 JSON object (dates only as precise as
        known; ``group`` "story" or "none"; ``claims=True`` adds the claims as slides)."""
        from claimline.timeline.timelinejs import to_timelinejs

        return to_timelinejs(self, title=title, group=group, claims=claims, kind=kind)

    def plot(self, *, lanes: str = "story", width: float = 14.0, height: float = 8.0, title: str | None = None):
        """The timeline as a matplotlib Figure (needs matplotlib; 1400 x 800 pixels at 100 dpi by
        default): one lane per story or entity (``lanes``), zoomed on where the events are;
        see :mod:`claimline.timeline.plot`."""
        from claimline.timeline.plot import plot_timeline

        return plot_timeline(self, lanes=lanes, width=width, height=height, title=title)

    def to_html(self, *, title: str = "claimline timeline") -> str:
        """One self-contained interactive HTML page (plotly inlined, no network needed to view it)."""
        from claimline.timeline.html import timeline_html

        return timeline_html(self, title=title)


def timeline_json_schema() -> dict:
    """The JSON Schema of :class:`Timeline` (committed as ``schemas/timeline.schema.json``)."""
    schema = Timeline.model_json_schema()
    schema["$id"] = f"https://claimline.invalid/schema/timeline/{TIMELINE_SCHEMA_VERSION}.json"
    return schema


def _as_set(value: str | Sequence[str] | None, name: str, valid: Sequence[str]) -> set[str] | None:
    if value is None:
        return None
    values = {value} if isinstance(value, str) else set(value)
    unknown = sorted(values - set(valid))
    if unknown:
        raise InputError(Errors.E010.format(name=name, value=unknown[0], detail=f"expected one of {list(valid)}"))
    return values


def _registry_aliases(name: str) -> set[str]:
    """The packaged registry's ids and name keys of the entity called ``name`` (empty if unknown)."""
    from claimline.entities.registry import EntityRegistry

    registry = EntityRegistry.default()
    key = registry.key(name)
    ids = {entity_id for surface, entity_id, _ in registry.surfaces() if registry.key(surface) == key}
    return ids | {name_key(surface) for surface, entity_id, _ in registry.surfaces() if entity_id in ids}


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
    "MODALITY_ORDER",
    "ROW_KINDS",
    "TIMELINE_SCHEMA_VERSION",
    "ArticleRef",
    "ClaimQuantity",
    "EventSource",
    "MentionRef",
    "Period",
    "Provenance",
    "RowKind",
    "Timeline",
    "TimelineClaim",
    "TimelineEntity",
    "TimelineEvent",
    "timeline_json_schema",
]
