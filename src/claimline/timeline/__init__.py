"""One timeline across articles: dated events and claims, with one entity registry.

Importing this package does not import spaCy: a second tool can load an exported
timeline with ``Timeline.model_validate_json(...)`` alone.

>>> timeline = build_timeline(articles)  # doctest: +SKIP
>>> [(e.when.label, e.lemma) for e in timeline.filter(entity="Poutine").events]  # doctest: +SKIP
[('2025-02-12', 'entretenir'), ('2025-08-15', 'sommet')]

Ordering: by the first day an item can fall on, then its last, coarse before fine;
an item known to the month is shown as ``2024-08`` (see :mod:`claimline.calendar`).

- :mod:`claimline.timeline.model`: the pydantic models and filtering;
- :mod:`claimline.timeline.build`: building and merging;
- :mod:`claimline.timeline.export`: rows, CSV, pandas, TimelineJS.
"""

from claimline.timeline.build import TimelineParts, assemble_timeline, build_timeline, same_event, timeline_parts
from claimline.timeline.model import (
    MODALITY_ORDER,
    ROW_KINDS,
    TIMELINE_SCHEMA_VERSION,
    ArticleRef,
    ClaimQuantity,
    EventSource,
    MentionRef,
    Period,
    Provenance,
    RowKind,
    Timeline,
    TimelineClaim,
    TimelineEntity,
    TimelineEvent,
    timeline_json_schema,
)

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
    "TimelineParts",
    "assemble_timeline",
    "build_timeline",
    "same_event",
    "timeline_json_schema",
    "timeline_parts",
]
