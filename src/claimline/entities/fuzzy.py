"""A growing list of names searched with rapidfuzz's ``ratio``, without scoring every entry.

:meth:`FuzzyIndex.best` returns what ``process.extractOne(query, choices,
scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=threshold)`` returns
(the first choice with the highest score at or above ``threshold``), but scores only
the choices whose length can reach the threshold: ``ratio`` is at most
``200 * min(m, n) / (m + n)`` for strings of lengths ``m`` and ``n``, so at the default
88 a 10-letter key is never compared with names shorter than 8 or longer than 12
letters. Choices are kept by length, processed once when added; adding one costs
O(1), so a registry that grows while a text is read (the names already seen) is not
rebuilt for every lookup.

>>> index = FuzzyIndex(88.0)
>>> for i, name in enumerate(["zelensky", "zelenskyy", "poutine"]):
...     index.append(name, i)
>>> name, score, position = index.best("zelenskyi")
>>> name, round(score, 1), position
('zelensky', 94.1, 0)
>>> index.best("macron") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process, utils


@dataclass(frozen=True)
class FuzzySettings:
    """The thresholds of the fuzzy stages (component configuration)."""

    fuzzy_threshold: float = 88.0
    min_fuzzy_chars: int = 5
    prefix_guard_chars: int = 3

    def __post_init__(self) -> None:
        if not 0 <= self.fuzzy_threshold <= 100:
            raise ValueError(f"fuzzy_threshold={self.fuzzy_threshold!r}: expected a score in [0, 100]")
        if self.min_fuzzy_chars < 1 or self.prefix_guard_chars < 1:
            raise ValueError("min_fuzzy_chars and prefix_guard_chars must be at least 1")


_SMALL = 64  # up to this many choices, score them all


class FuzzyIndex:
    """Choices (with a value each) in insertion order, bucketed by processed length."""

    __slots__ = ("_buckets", "_processed", "choices", "threshold", "values")

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.choices: list[str] = []
        self.values: list[Any] = []
        self._buckets: dict[int, tuple[list[str], list[int]]] = {}  # length -> (processed, positions)
        self._processed: list[str] = []  # every choice, processed, in order

    def __len__(self) -> int:
        return len(self.choices)

    def append(self, choice: str, value: Any = None) -> None:
        """Add ``choice`` (and the value :meth:`best` gives back for it) at the end."""
        processed = utils.default_process(choice)
        strings, positions = self._buckets.setdefault(len(processed), ([], []))
        strings.append(processed)
        positions.append(len(self.choices))
        self._processed.append(processed)
        self.choices.append(choice)
        self.values.append(value)

    def best(self, query: str) -> tuple[str, float, int] | None:
        """``(choice, score, position)`` of the first best choice scoring at least the
        threshold, or None (as ``process.extractOne`` with that ``score_cutoff``)."""
        wanted = utils.default_process(query)
        n, cutoff = len(wanted), self.threshold
        if len(self._processed) <= _SMALL:  # one call costs less than choosing buckets
            found = process.extractOne(wanted, self._processed, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
            return None if found is None else (self.choices[found[2]], found[1], found[2])
        best: tuple[str, float, int] | None = None
        for length, (strings, positions) in self._buckets.items():
            if 200 * min(n, length) < cutoff * (n + length) - 1e-6:
                continue  # no string of this length can reach the threshold
            found = process.extractOne(wanted, strings, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
            if found is None:
                continue
            score, position = found[1], positions[found[2]]
            if best is None or score > best[1] or (score == best[1] and position < best[2]):
                best = (self.choices[position], score, position)
        return best


_NUMBERS = re.compile(r"^(?:\d+|[ivxlc]+)$")


def _numbers(key: str) -> list[str]:
    return [t for t in key.split() if _NUMBERS.match(t)]


def false_friends(key: str, candidate: str, prefix_guard_chars: int) -> bool:
    """Whether two keys a fuzzy score brings together are known false friends: one more
    word ("air france" is not "france"), one the other plus ``prefix_guard_chars`` letters
    or more ("pokrovskoie" is not "pokrovsk"), other numbers ("zapad 2021", "zapad 2025")."""
    if len(key.split()) != len(candidate.split()):
        return True
    a, b = key.replace(" ", ""), candidate.replace(" ", "")
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and len(long) - len(short) >= prefix_guard_chars:
        return True
    return _numbers(key) != _numbers(candidate)


__all__ = ["FuzzyIndex", "FuzzySettings", "false_friends"]
