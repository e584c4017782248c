"""Which strings of a growing list can reach a rapidfuzz ``ratio`` with a query: a q-gram count filter.

:class:`GramFilter` keeps, for every bigram and position, the set of strings that have
that bigram at that position (as the bits of a Python int, so that unions and counts run
word by word in C), and returns, for a query, the strings that share enough bigrams with
it near the same place: a superset of the strings whose ``fuzz.ratio`` with the query is
at least the threshold, usually a few among thousands.

Why it never drops a match. For strings ``a`` (length m) and ``b`` (length n),
``fuzz.ratio(a, b) = 200 * L / (m + n)`` where L is the length of their longest common
subsequence S. A score at least ``t`` needs ``L >= Λ = ceil((m + n) * t / 200)``
(computed with a little slack below ``t``, so that rounding can only keep more strings).
S sits in ``a`` at positions α(0) < … < α(L-1) and in ``b`` at β(0) < … < β(L-1). The
``L - q + 1`` q-grams of S that are contiguous in both ``a`` and ``b`` are q-grams
``a[i:i+q] == b[j:j+q]``; a gap in α (a character of ``a`` skipped between two of S;
at most ``m - L`` gaps) or in β (at most ``n - L``) breaks at most ``q - 1`` of them,
so at least ``T(L) = L - q + 1 - (q - 1) * (m + n - 2L)`` survive, at distinct
positions i of ``a``. For each, ``j - i`` is the number of characters of ``b`` skipped
before it minus that of ``a``: between ``-(m - L)`` and ``n - L``. T grows with L, so
``b`` has, for at least ``T(Λ)`` of the positions i of ``a``, the bigram ``a[i:i+2]``
at a position j with ``i - (m - Λ) <= j <= i + (n - Λ)``. The filter counts, for every
string, the positions i that have their bigram in the widest of these windows over the
lengths n that can reach ``t`` at all (``200 * min(m, n) >= t * (m + n)``: a wider window
only counts more), and keeps the strings of each such length n whose count is at least
``T(Λ(m, n))``. When the bound says nothing for some length (T <= 0: short strings, low
thresholds) it answers None: score them all.

>>> grams = GramFilter(88.0)
>>> for position, name in enumerate(["berlancour", "berlanmour", "courlanber"]):
...     grams.add(name, position)
>>> grams.candidates("berlancoure")
[0]
"""

from __future__ import annotations

import math
from functools import reduce
from itertools import repeat
from operator import or_

Q = 2  # bigrams: with trigrams a 10-letter name at ratio 88 keeps too few


def reachable(m: int, n: int, threshold: float) -> bool:
    """Whether strings of lengths m and n can have a ``ratio`` at least ``threshold``:
    it is at most ``200 * min(m, n) / (m + n)``."""
    return 200 * min(m, n) >= threshold * (m + n) - 1e-6


class _Plan:
    """For a query length m: the lengths that can match, the counts and window to ask for."""

    __slots__ = ("after", "before", "lengths", "needed", "needed_by_count")

    def __init__(self, m: int, threshold: float) -> None:
        # above 1, no length beyond (200 - t) m / t + 2 is reachable; at 1 or below, ask for nothing
        longest = int((200 - threshold) * m / threshold) + 2 if threshold > 1 else -1
        self.lengths = frozenset(n for n in range(longest + 1) if reachable(m, n, threshold))
        floor = {n: math.ceil((m + n) * (threshold - 0.01) / 200) for n in self.lengths}  # Λ, rounded down if anything
        needed = {n: lcs - Q + 1 - (Q - 1) * (m + n - 2 * lcs) for n, lcs in floor.items()}  # T(Λ) per length
        self.needed = min(needed.values(), default=0)
        by_count: dict[int, list[int]] = {}
        for n, count in sorted(needed.items()):
            by_count.setdefault(count, []).append(n)
        self.needed_by_count = sorted(by_count.items())  # [(T, lengths needing T)], T ascending
        self.before = max((m - lcs for lcs in floor.values()), default=0)
        self.after = max((n - lcs for n, lcs in floor.items()), default=0)


class GramFilter:
    """Positional bigrams of strings added one at a time (each with its position in a list)."""

    __slots__ = ("_grams", "_lengths", "_plans", "threshold")

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._grams: dict[str, list[int]] = {}  # bigram -> bits of the strings having it, by position
        self._lengths: dict[int, int] = {}  # length -> bits of the strings of that length
        self._plans: dict[int, _Plan] = {}

    def add(self, string: str, position: int) -> None:
        """Index ``string`` (already processed) as the choice at ``position``."""
        bit = 1 << position
        self._lengths[len(string)] = self._lengths.get(len(string), 0) | bit
        grams = self._grams
        for i in range(len(string) - Q + 1):
            at = grams.get(string[i : i + Q])
            if at is None:
                at = grams[string[i : i + Q]] = []
            if len(at) <= i:
                at.extend([0] * (i + 1 - len(at)))
            at[i] |= bit

    def plan(self, m: int) -> _Plan:
        found = self._plans.get(m)
        if found is None:
            found = self._plans[m] = _Plan(m, self.threshold)
        return found

    def candidates(self, query: str) -> list[int] | None:
        """Positions (ascending) of the strings that may reach the threshold with ``query``
        (processed), or None when the bound cannot exclude any string."""
        m = len(query)
        plan = self.plan(m)
        needed = plan.needed
        if needed <= 0:
            return None
        before, after, grams = plan.before, plan.after + 1, self._grams
        planes: list[int] = []  # bit k of planes[j]: bit j of how many positions string k matches
        for i in range(m - Q + 1):
            at = grams.get(query[i : i + Q])
            if not at:
                continue
            carry = reduce(or_, at[max(0, i - before) : i + after], 0)
            for j, plane in enumerate(planes):  # add carry to the bit-sliced counter
                if not carry:
                    break
                planes[j], carry = plane ^ carry, plane & carry
            else:
                if carry:
                    planes.append(carry)
        kept = 0
        for needed, lengths in plan.needed_by_count:  # strings of these lengths matching >= needed positions
            if len(planes) < needed.bit_length():
                break  # no count reaches it
            of_length = reduce(or_, map(self._lengths.get, lengths, repeat(0)))
            if of_length:
                kept |= of_length & _at_least(planes, needed)
        bits = f"{kept:b}"[::-1]
        out, k = [], bits.find("1")
        while k >= 0:
            out.append(k)
            k = bits.find("1", k + 1)
        return out


def _at_least(planes: list[int], needed: int) -> int:
    """The strings whose count, bit-sliced in ``planes`` (bit j of the count of string k
    is bit k of ``planes[j]``), is at least ``needed`` (> 0, < 2 ** len(planes))."""
    above, equal = 0, -1  # above / equal to needed on the bits compared so far
    for j in range(len(planes) - 1, -1, -1):
        if needed >> j & 1:
            equal &= planes[j]
        else:
            above |= equal & planes[j]
            equal &= ~planes[j]
    return above | equal


__all__ = ["GramFilter", "reachable"]
