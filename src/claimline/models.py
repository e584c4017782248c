"""The claimline output model (pydantic v2): the public contract other tools import.

Importing this module does not import spaCy: a second tool can read claimline's JSON
with ``Article.model_validate_json(...)`` alone.

Every offset is a character offset into :attr:`Article.text`, the exact input, and
every :class:`Span` satisfies ``span.text == article.text[span.start:span.end]``.

>>> Span(start=3, end=9, text="Trump", sentence=0)  # 5 characters for 6 offsets
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: ...
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

SectionKind = Literal["title", "body", "aside", "comments", "boilerplate"]
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexMod = Literal[
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "APPROX",
]
Anchor = Literal["document", "previous", "narrative", "event"]  # see claimline.timexes.reference
Granularity = Literal[
    "millennium", "century", "decade", "year", "half", "season", "quarter",
    "month", "week", "day", "part_of_day", "hour", "minute", "second",
]
Qualifier = Literal["approx", "more_than", "less_than", "at_least", "at_most"]
Modality = Literal["asserted", "reported", "hedged", "conditional", "planned", "negated", "question"]
"""How the text presents an item: ``asserted`` as a fact, ``reported`` (attributed to a source),
``hedged`` (possibility: "pourrait", "sans doute"), ``conditional`` (mood: "aurait exigé"),
``planned`` (an intention or a date after publication: "reprennent le 23 mars" written
on 22 March), ``negated`` ("ne s'est pas entretenu"), ``question``."""
PublishedSource = Literal["given", "page", "byline", "inferred"]
"""Where ``Article.published`` comes from, in order of precedence: ``given`` by the caller,
``page`` (the HTML page's metadata), ``byline`` (a "Publié le …" line of the page's text),
``inferred`` (the article's own dates)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    """A stretch of the original text. ``sentence`` is the index of its sentence."""

    start: int = Field(ge=0, description="Offset of the first character in Article.text.")
    end: int = Field(ge=0, description="Offset one past the last character (exclusive).")
    text: str = Field(description="Article.text[start:end], verbatim.")
    sentence: int | None = Field(
        default=None, ge=0, description="Index of the sentence that contains start."
    )

    @model_validator(mode="after")
    def _check_extent(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text has {len(self.text)} characters but end - start = {self.end - self.start}"
            )
        return self


class Section(_Model):
    """A typed, contiguous range of the text; sections partition the text exactly."""

    kind: SectionKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(_Model):
    """A sentence (whitespace-trimmed) and the kind of section it lies in."""

    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    section: SectionKind


class Timex(_Model):
    """A temporal expression normalised as an ISO-TimeML TIMEX3.

    "le 15 août 2025" -> ``type='DATE', value='2025-08-15'``; "début juillet" (DCT
    2025-07-06) -> ``value='2025-07', mod='START', earliest=2025-07-01, latest=2025-07-10``.
    """

    id: str
    span: Span
    type: TimexType
    value: str = Field(description="TIMEX3 value: 2025-03-23, 2025-03, 2025-W11, P3Y, PRESENT_REF, 2025-06-13/2025-06-24...")
    mod: TimexMod | None = None
    earliest: dt.date | None = Field(default=None, description="First day the period can start on.")
    latest: dt.date | None = Field(default=None, description="Last day the period can end on.")
    granularity: Granularity | None = None
    anchor: Anchor | None = Field(
        default=None,
        description="What a relative value was resolved against: the publication date (document), the date "
        "mentioned just before (previous), the last day told in the narrative (narrative), or the event named "
        "in its complement / the time of its main clause (event).",
    )

    @model_validator(mode="after")
    def _check_bounds(self) -> Timex:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        return self


class Quantity(_Model):
    """A quantity: "plus de 500 drones" -> ``value=500, qualifier='more_than', counted='drone'``."""

    id: str
    span: Span
    value: float | None = Field(default=None, description="The value; null for a range.")
    low: float | None = None
    high: float | None = None
    unit: str | None = Field(default=None, description="Canonical unit code (km2, km, percent, EUR...), null for a count.")
    qualifier: Qualifier | None = None
    counted: str | None = Field(default=None, description="Lemma of what is counted or measured.")

    @model_validator(mode="after")
    def _check_bounds(self) -> Quantity:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class Mention(_Model):
    """A proper-name mention and the entity it refers to."""

    id: str
    span: Span
    label: EntityLabel
    entity_id: str


class Entity(_Model):
    """A real-world entity; its ``id`` is stable across documents."""

    id: str
    name: str
    label: EntityLabel
    aliases: list[str] = Field(default_factory=list)


class Source(_Model):
    """Who a claim is attributed to ("selon le Kremlin", "a déclaré X", a quotation)."""

    span: Span
    entity_id: str | None = None
    kind: Literal["according_to", "speech_verb", "quotation", "other"] = "other"


class Claim(_Model):
    """A quantified assertion: its quantities, what it is about, when, who says it, how sure."""

    id: str
    span: Span
    quantities: list[str] = Field(default_factory=list, description="Quantity ids.")
    entities: list[str] = Field(default_factory=list, description="Entity ids it is about.")
    timex_id: str | None = None
    source: Source | None = None
    modality: Modality = "asserted"
    section: SectionKind


class Event(_Model):
    """A dated event: a predicate (verb or event noun) located in time by a DATE/TIME timex.

    "Mercredi 12 février, Donald Trump s'est longuement entretenu avec Vladimir Poutine"
    -> ``trigger`` "entretenu" (the head word), ``lemma='entretenir'``,
    ``label="Donald Trump — s'est entretenu — avec Vladimir Poutine"``,
    ``value='2025-02-12'``, ``actors=[<id of Donald Trump>, <id of Vladimir Poutine>]``.
    """

    id: str
    trigger: Span = Field(
        description="The predicate's head word: the main verb (the participle of a compound tense: "
        "'conquis', 'entretenu') or the event noun ('sommet', 'visite')."
    )
    lemma: str = Field(description="Lemma of the predicate's head ('entretenir', 'sommet').")
    label: str = Field(
        default="",
        description="A short 'who — what — object' fragment for timelines "
        "('Trump — a annoncé — la reprise des livraisons').",
    )
    timex_id: str | None = Field(default=None, description="The timex that dates the event.")
    value: str | None = Field(default=None, description="TIMEX3 value of that timex ('2025-09-19TNI').")
    earliest: dt.date | None = None
    latest: dt.date | None = None
    granularity: Granularity | None = None
    actors: list[str] = Field(default_factory=list, description="Entity ids of the agents.")
    location: str | None = Field(default=None, description="Entity id of the place, when named.")
    claims: list[str] = Field(default_factory=list, description="Claim ids in the same clause.")
    section: SectionKind
    modality: Modality = "asserted"
    polarity: Literal["positive", "negative"] = "positive"


class Article(_Model):
    """One article as claimline reads it."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    doc_id: str
    text: str = Field(description="The exact input text; every offset indexes it.")
    title: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource | None = Field(
        default=None,
        description=(
            "'given' when supplied by the caller, 'page' when read from the HTML page's metadata, "
            "'byline' when read from the page's byline ('Publié le …'), 'inferred' from the article's "
            "own dates, null when unknown."
        ),
    )
    model: str | None = Field(default=None, description="The spaCy pipeline used (name==version).")
    warnings: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def section_text(self, *kinds: SectionKind) -> str:
        """The text of every section of the given kinds, in order, joined by blank lines."""
        return "\n\n".join(
            self.text[s.start : s.end].strip() for s in self.sections if s.kind in kinds
        )

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        sent = self.sentences[index]
        return self.text[sent.start : sent.end]

    def iter_spans(self):
        """Every :class:`Span` in the article (for invariant checks)."""
        for group in (self.mentions, self.timexes, self.quantities, self.claims):
            for item in group:
                yield item.span
        for claim in self.claims:
            if claim.source is not None:
                yield claim.source.span
        for event in self.events:
            yield event.trigger


def article_json_schema() -> dict:
    """The JSON Schema of :class:`Article` (what ``claimline schema`` prints)."""
    schema = Article.model_json_schema()
    schema["$id"] = f"https://claimline.invalid/schema/article/{SCHEMA_VERSION}.json"
    return schema


__all__ = [
    "SCHEMA_VERSION",
    "Anchor",
    "Article",
    "Claim",
    "Entity",
    "EntityLabel",
    "Event",
    "Granularity",
    "Mention",
    "Modality",
    "PublishedSource",
    "Qualifier",
    "Quantity",
    "Section",
    "SectionKind",
    "Sentence",
    "Source",
    "Span",
    "Timex",
    "TimexMod",
    "TimexType",
    "article_json_schema",
]
