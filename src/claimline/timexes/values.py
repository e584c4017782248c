"""The values a timex normaliser works with: its context and its resolution.

>>> Resolution("DATE", "2025-Q2").with_bounds().earliest
datetime.date(2025, 4, 1)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from claimline.calendar import bounds

Tense = str  # "past" | "present" | "future"


def evolve(obj, **changes):
    """``dataclasses.replace`` for the frozen value classes of the timex layer (no
    ``__post_init__``, every field in ``__init__``): a copy of the instance's fields with
    ``changes``; ``replace`` goes through ``__init__`` and costs several times more on the
    layer's hot path."""
    if not changes.keys() <= obj.__dataclass_fields__.keys():
        raise TypeError(f"{type(obj).__name__} has no field {sorted(changes.keys() - obj.__dataclass_fields__.keys())}")
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


@dataclass(frozen=True)
class Context:
    """What a value is resolved against."""

    dct: dt.date | None = None
    anchor: dt.date | None = None
    tense: Tense | None = None
    day: dt.date | None = None  # the day a clock time or a part of the day falls on
    day_source: str | None = None  # "document" | "previous" | "narrative" | "sentence"
    anchor_kind: str = "previous"  # what ``anchor`` is: "previous" (told just before) or "narrative"


@dataclass(frozen=True)
class Resolution:
    """A normalised timex (the fields of :class:`claimline.models.Timex` but the span)."""

    type: str
    value: str
    mod: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    granularity: str | None = None
    anchor: str | None = None
    underspecified: bool = False  # a relative value left with X for want of a DCT
    out_of_range: bool = False  # the value fell outside years 1-9999: X in its value, a warning
    coordination: bool = False  # "les 6 et 13 avril": two dates, always split into ``parts``
    parts: tuple[tuple[int, int, Resolution], ...] = field(default=())

    def with_bounds(self) -> Resolution:
        """Fill earliest/latest/granularity from the value when they are not set."""
        if self.earliest is not None or self.latest is not None:
            return self
        earliest, latest, gran = bounds(self.value, self.mod)
        return evolve(self, earliest=earliest, latest=latest, granularity=self.granularity or gran)


__all__ = ["Context", "Resolution", "Tense", "evolve"]
