"""The values a timex normaliser works with: its context and its resolution.

>>> Resolution("DATE", "2025-Q2").with_bounds().earliest
datetime.date(2025, 4, 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
    """What a value is resolved against.

    ``tense`` can be read lazily (:meth:`reading_tense`): most values do not depend on
    it ("le 3 mars 2025", "trois ans", "à 15 h"), and reading it walks the parse.
    """

    dct: dt.date | None = None
    anchor: dt.date | None = None
    tense: Tense | None = None
    day: dt.date | None = None  # the day a clock time or a part of the day falls on
    day_source: str | None = None  # "document" | "previous" | "narrative" | "sentence"
    anchor_kind: str = "previous"  # what ``anchor`` is: "previous" (told just before) or "narrative"

    @classmethod
    def reading_tense(cls, read: Callable[[], Tense | None] | None, **fields) -> Context:
        """A Context whose ``tense`` is ``read()``, called on the first access of
        ``ctx.tense`` (by a normaliser, :func:`evolve`'s copies alike), at most once per
        copy; ``read`` None: no tense. The value is the same as with ``tense=read()``."""
        ctx = cls(**fields)
        if read is not None:
            del ctx.__dict__["tense"]  # ``tense`` is then looked up in __getattr__
            ctx.__dict__["_read_tense"] = read
        return ctx

    def __getattr__(self, name: str):
        # reached only for an attribute missing from the instance and the class: the
        # class keeps no default for ``tense`` (deleted below), so a lazy tense lands here
        read = self.__dict__.get("_read_tense") if name == "tense" else None
        if read is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = self.__dict__["tense"] = read()
        return value


del Context.tense  # the default lives in __init__; see Context.__getattr__


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
