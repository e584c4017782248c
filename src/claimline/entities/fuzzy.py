"""A growing list of names searched with rapidfuzz's ``ratio``, without scoring every entry.

:meth:`FuzzyIndex.best` returns what ``process.extractOne(query, choices,
scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=threshold)`` returns
(the first choice with the highest score at or above ``threshold``), but scores only
choices that can reach the threshold. Two exact bounds choose them:

- length: ``ratio`` is at most ``200 * min(m, n) / (m + n)`` for strings of lengths
  ``m`` and ``n``, so at the default 88 a 10-letter key is never compared with names
  shorter than 8 or longer than 12 letters (choices are kept in buckets by length);
- shared bigrams (:mod:`~claimline.entities.qgrams`): once the lengths that can match
  hold many choices, only those that share enough bigrams with the key near the same
  place are scored (a few among thousands: the names of a long text that are seen once
  each no longer make every new name cost more than the previous one).

Both keep every choice that can reach the threshold, in their order, so the first best
of those scored is extractOne's. Adding a choice costs O(1) (plus its bigrams once the
filter is built), so a registry that grows while a text is read is never rebuilt.

``window=K`` bounds the search to the last K choices added: :meth:`best` then returns
extractOne's answer over ``choices[-K:]`` (positions still counted in the whole list).
The buckets and the filter hold at most 2K choices (they are rebuilt from the last K
each time K more have come: O(1) amortised per choice), so one lookup costs the same
however many choices came before. A text's own names use it (``FuzzySettings.fuzzy_window``):
the cost of the filter otherwise grows with every name seen, one bit per name per
operation, which makes linking a text with thousands of distinct names quadratic.

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
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process, utils

from claimline.entities.qgrams import GramFilter, reachable


@dataclass(frozen=True)
class FuzzySettings:
    """The thresholds of the fuzzy stages (component configuration)."""

    fuzzy_threshold: float = 88.0
    min_fuzzy_chars: int = 5
    prefix_guard_chars: int = 3
    #: a name of a text is compared fuzzily with the last ``fuzzy_window`` distinct names of
    #: that text only (None: all of them). The registry's own names are always all compared.
    fuzzy_window: int | None = 1000

    def __post_init__(self) -> None:
        if not 0 <= self.fuzzy_threshold <= 100:
            raise ValueError(f"fuzzy_threshold={self.fuzzy_threshold!r}: expected a score in [0, 100]")
        if self.min_fuzzy_chars < 1 or self.prefix_guard_chars < 1:
            raise ValueError("min_fuzzy_chars and prefix_guard_chars must be at least 1")
        if self.fuzzy_window is not None and (isinstance(self.fuzzy_window, bool) or not isinstance(self.fuzzy_window, int) or self.fuzzy_window < 1):
            raise ValueError(f"fuzzy_window={self.fuzzy_window!r}: expected a whole number of names, at least 1, or None")


_SMALL = 64  # up to this many choices, score them all
_SCAN = 500  # up to this many choices of reachable lengths, score them: the bigram filter costs more


class FuzzyIndex:
    """Choices (with a value each) in insertion order, bucketed by processed length;
    ``window``: only the last ``window`` choices are searched (None: all)."""

    __slots__ = ("_base", "_buckets", "_grams", "_processed", "_reachable", "choices", "threshold", "values", "window")

    def __init__(self, threshold: float, window: int | None = None) -> None:
        if window is not None and window < 1:
            raise ValueError(f"window={window!r}: expected at least 1 choice, or None")
        self.threshold = threshold
        self.window = window
        self.choices: list[str] = []
        self.values: list[Any] = []
        self._base = 0  # position of the first choice held in the buckets and the filter
        self._buckets: dict[int, tuple[list[str], list[int]]] = {}  # length -> (processed, positions)
        self._processed: list[str] = []  # every choice, processed, in order
        self._grams: GramFilter | None = None  # built when the reachable lengths first hold > _SCAN choices
        self._reachable: dict[int, frozenset[int]] = {}  # key length -> bucket lengths it can match

    def __len__(self) -> int:
        return len(self.choices)

    def append(self, choice: str, value: Any = None) -> None:
        """Add ``choice`` (and the value :meth:`best` gives back for it) at the end."""
        processed = utils.default_process(choice)
        if len(processed) not in self._buckets:
            self._reachable.clear()
        self._bucket(processed, len(self.choices))
        if self._grams is not None:
            self._grams.add(processed, len(self.choices) - self._base)
        self._processed.append(processed)
        self.choices.append(choice)
        self.values.append(value)
        if self.window is not None and len(self.choices) - self._base >= 2 * self.window:
            self._hold_from(len(self.choices) - self.window)

    def _hold_from(self, base: int) -> None:
        """Rebuild the buckets from the choices at ``base`` and after (the filter is
        rebuilt from them when next needed)."""
        self._base = base
        self._buckets = {}
        for position in range(base, len(self._processed)):
            self._bucket(self._processed[position], position)
        self._reachable.clear()
        self._grams = None

    def _bucket(self, processed: str, position: int) -> None:
        """Put the choice at ``position`` (``processed``) in the bucket of its length."""
        strings, positions = self._buckets.setdefault(len(processed), ([], []))
        strings.append(processed)
        positions.append(position)

    def _first_searched(self) -> int:
        """The position of the first choice :meth:`best` searches."""
        return 0 if self.window is None else max(0, len(self.choices) - self.window)

    def best(self, query: str) -> tuple[str, float, int] | None:
        """``(choice, score, position)`` of the first best choice scoring at least the
        threshold, or None (as ``process.extractOne`` with that ``score_cutoff``)."""
        wanted = utils.default_process(query)
        n, cutoff, base, first = len(wanted), self.threshold, self._base, self._first_searched()
        if len(self._processed) - first <= _SMALL:  # one call costs less than choosing buckets
            return self._first_best(wanted, self._processed[first:] if first else self._processed, None, first)
        lengths = self._lengths(n)
        buckets = [self._buckets[length] for length in lengths]
        if first > base:
            buckets = [_from(bucket, first) for bucket in buckets]
        if sum(len(strings) for strings, _ in buckets) > _SCAN:
            if self._grams is None:
                self._grams = GramFilter(cutoff)
                for position in range(base, len(self._processed)):
                    self._grams.add(self._processed[position], position - base)
            found = self._grams.candidates(wanted)
            if found is not None:
                found = [k + base for k in found if k + base >= first] if base or first else found
                return self._first_best(wanted, [self._processed[k] for k in found], found)
        best: tuple[str, float, int] | None = None
        for strings, positions in buckets:
            found = self._first_best(wanted, strings, positions)
            if found is not None and (best is None or found[1] > best[1] or (found[1] == best[1] and found[2] < best[2])):
                best = found
        return best

    def _lengths(self, n: int) -> frozenset[int]:
        """The lengths of the choices held that can reach the threshold with a key of length n."""
        found = self._reachable.get(n)
        if found is None:
            found = self._reachable[n] = frozenset(k for k in self._buckets if reachable(n, k, self.threshold))
        return found

    def _first_best(self, wanted: str, strings: list[str], positions: list[int] | None,
                    first: int = 0) -> tuple[str, float, int] | None:
        """extractOne over ``strings`` (processed choices at ``positions``, ascending; None:
        the choices from position ``first`` on)."""
        found = process.extractOne(wanted, strings, scorer=fuzz.ratio, processor=None, score_cutoff=self.threshold)
        if found is None:
            return None
        position = found[2] + first if positions is None else positions[found[2]]
        return self.choices[position], found[1], position


def _from(bucket: tuple[list[str], list[int]], first: int) -> tuple[list[str], list[int]]:
    """The part of a bucket (processed choices, ascending positions) from position ``first`` on."""
    strings, positions = bucket
    cut = bisect_left(positions, first)
    return (strings[cut:], positions[cut:]) if cut else bucket


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
