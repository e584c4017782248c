"""The timeline's fixed vocabularies (row kinds, modality order, section kinds), apart from
:mod:`claimline.timeline.model` so that the exporters can read them without importing
the model (which imports them lazily for its convenience methods: no import cycle)."""

from __future__ import annotations

from typing import Literal, get_args

from claimline.models import Modality, SectionKind

RowKind = Literal["events", "claims", "entities"]
ROW_KINDS: tuple[str, ...] = ("events", "claims", "entities")
# most factual first: a merged event takes the most factual modality of its sources
MODALITY_ORDER: tuple[str, ...] = (
    "asserted", "reported", "hedged", "planned", "conditional", "question", "negated",
)
SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)
assert set(MODALITY_ORDER) == set(get_args(Modality)), "MODALITY_ORDER must list every Modality"

__all__ = ["MODALITY_ORDER", "ROW_KINDS", "SECTION_KINDS", "RowKind"]
