"""The reference time of a text: what a relative expression counts from.

Every timex dict on the Doc (``doc._.claimline_timexes``, :class:`claimline.models.Timex`)
carries its resolved ``value``/``earliest``/``latest`` and, when the value was computed
from something else, its ``anchor``:

- ``"document"``: the publication date (the DCT): "hier", "mardi", "l'an prochain";
- ``"previous"``: the date told just before it: "trois jours plus tard", "l'année précédente";
- ``"narrative"``: the narrative day, the last day (or finer) date told before it in the
  article, even when coarser dates came between: "la veille", "le lendemain", a clock
  time or part of the day with no day in its sentence;
- ``"event"``: the event named in its own complement, or the time of its main clause:
  "deux jours après l'élection de mardi" (mardi + 2), "le 14 mars, dix jours avant le
  scrutin" (the apposed date), "Le lendemain de la clôture, dimanche" (dimanche);
- ``None``: an explicit value ("le 12 février 2025", "2019").

:class:`ReferenceTracker` answers "what is the narrative time at offset X?" for any
layer that needs it (events date their predicates with it). Build it from the timexes
of a Doc, then query it by character offset::

    tracker = ReferenceTracker.from_timexes(doc._.claimline_timexes, published=doc._.claimline_published)
    ref = tracker.narrative_time(offset)            # latest date told before offset (any granularity)
    day = tracker.narrative_time(offset, day=True)  # latest day-level (or finer) date
    ref.date, ref.granularity, ref.kind, ref.timex_id   # kind: "narrative" or "published"

Comments do not inherit the article's narrative (pass ``sections`` to keep them apart).
Queries are O(log n) (bisect over the timex starts).

>>> tracker = ReferenceTracker.from_timexes([
...     {"id": "t1", "span": {"start": 0, "end": 14}, "type": "DATE", "value": "2025-03-04",
...      "earliest": "2025-03-04", "latest": "2025-03-04", "granularity": "day"},
...     {"id": "t2", "span": {"start": 40, "end": 45}, "type": "DATE", "value": "2025-06",
...      "earliest": "2025-06-01", "latest": "2025-06-30", "granularity": "month"}],
...     published="2025-09-01")
>>> tracker.narrative_time(50).value, tracker.narrative_time(50, day=True).value
('2025-06', '2025-03-04')
>>> tracker.narrative_time(0).kind
'published'
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DAY_GRANULARITIES = frozenset({"day", "part_of_day", "hour", "minute", "second"})


@dataclass(frozen=True)
class Reference:
    """A reference time: a date, the value and granularity it was told with, and where
    it comes from (``kind`` "narrative": a timex of the text, ``timex_id``/``start``; or
    "published": the publication date)."""

    date: dt.date
    value: str
    granularity: str
    kind: str
    timex_id: str | None = None
    start: int | None = None


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


class ReferenceTracker:
    """The dates a text tells, in text order, queried by offset.

    ``add`` records an anchoring date (a DATE or TIME with a known first day and no X in
    its value); ``group`` separates the article from its comments.
    """

    def __init__(self, published: dt.date | str | None = None) -> None:
        self.published = _as_date(published)
        self._starts: list[int] = []
        self._refs: list[tuple[str, Reference]] = []
        self._day_starts: list[int] = []
        self._days: list[tuple[str, Reference]] = []

    @classmethod
    def from_timexes(cls, timexes: Iterable[dict], *, published: dt.date | str | None = None,
                     sections: Sequence[tuple[str, int, int]] | None = None) -> ReferenceTracker:
        """A tracker over timex dicts shaped like :class:`claimline.models.Timex`."""
        tracker = cls(published)
        starts = [s[1] for s in sections or ()]
        for t in sorted(timexes, key=lambda t: t["span"]["start"]):
            start = t["span"]["start"]
            group = "article"
            if sections:
                kind = sections[max(0, bisect.bisect_right(starts, start) - 1)][0]
                group = "comments" if kind == "comments" else "article"
            tracker.add(start, t.get("type"), t.get("value"), t.get("earliest"), t.get("granularity"),
                        timex_id=t.get("id"), group=group)
        return tracker

    def add(self, start: int, type_: str | None, value: str | None, earliest: object, granularity: str | None,
            *, timex_id: str | None = None, group: str = "article") -> None:
        """Record a timex starting at ``start`` (ignored unless it anchors: a located DATE/TIME)."""
        day = _as_date(earliest)
        if type_ not in ("DATE", "TIME") or day is None or not value or "X" in value:
            return
        if self._starts and start < self._starts[-1]:
            raise ValueError("timexes must be added in text order")
        ref = Reference(day, value, granularity or "day", "narrative", timex_id, start)
        self._starts.append(start)
        self._refs.append((group, ref))
        if ref.granularity in DAY_GRANULARITIES:
            self._day_starts.append(start)
            self._days.append((group, ref))

    def _published(self) -> Reference | None:
        if self.published is None:
            return None
        return Reference(self.published, self.published.isoformat(), "day", "published")

    def narrative_time(self, offset: int, *, day: bool = False, group: str = "article",
                       fallback: bool = True) -> Reference | None:
        """The latest date told before ``offset`` in ``group`` (``day``: of day granularity
        or finer), else the publication date (unless ``fallback`` is False), else None."""
        starts, refs = (self._day_starts, self._days) if day else (self._starts, self._refs)
        i = bisect.bisect_left(starts, offset) - 1
        while i >= 0:
            if refs[i][0] == group:
                return refs[i][1]
            i -= 1
        return self._published() if fallback else None

    def last(self, offset: int, group: str = "article") -> Reference | None:
        """The date told just before ``offset`` (any granularity), or None."""
        return self.narrative_time(offset, group=group, fallback=False)


__all__ = ["DAY_GRANULARITIES", "Reference", "ReferenceTracker"]
