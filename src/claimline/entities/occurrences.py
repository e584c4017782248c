"""Where a few words occur in a text, found once per text with ``str.find``.

The context rules (:mod:`~claimline.entities.context`) look, before every name, for a
word of a short list ("ministère", "rue", "ministre") in a window of the text, and
for the institutions ("ministère de l'Intérieur") over the whole text, with regular
expressions made of alternations, which the ``re`` engine tries at every position.
The lists' words are rare in a text: finding them once per text (a few ``str.find``
scans over the lower-cased text) tells which windows can hold one, and at which
positions a pattern can start; the regular expressions then run only there, so the
results are those of the patterns run everywhere.

The lower-cased text lines up with the text character for character, and its
comparisons are those of ``re.IGNORECASE``, except for a few characters (dotted and
dotless i, long s, Kelvin sign, capital sigma): a text holding one is not scanned
(:func:`lower_aligned` returns None) and the callers run their patterns everywhere.

>>> found = Occurrences("la rue de la paix, rue saint-honoré", ["rue", "saint"])
>>> found.starts, found.lengths
([3, 19, 23], [3, 3, 5])
>>> found.any_within(0, 10), found.any_within(4, 10)
(True, False)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

# lower() changes the length (dotted capital I) or depends on the context (capital sigma),
# or (?i) matches an ASCII letter (dotless i, long s, Kelvin sign)
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a\u03a3]")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def lower_aligned(text: str) -> str | None:
    """``text.lower()`` when it lines up with ``text`` and compares as ``re.IGNORECASE``
    does, else None."""
    if not text.isascii() and _ODD_CASE.search(text) is not None:
        return None
    return text.lower()


class Occurrences:
    """The positions where any of ``words`` (lower case, not empty) starts in ``low``,
    sorted, with the length of the shortest word found there."""

    __slots__ = ("lengths", "low", "starts")

    def __init__(self, low: str, words: Iterable[str]) -> None:
        shortest: dict[int, int] = {}
        for word in words:
            n = len(word)
            i = low.find(word)
            while i >= 0:
                if shortest.get(i, n + 1) > n:
                    shortest[i] = n
                i = low.find(word, i + 1)
        self.low = low
        self.starts = sorted(shortest)
        self.lengths = [shortest[i] for i in self.starts]

    def within(self, lo: int, hi: int) -> Iterator[int]:
        """The positions ``p`` in ``[lo, hi)`` where a word starts and ends by ``hi``."""
        k = bisect.bisect_left(self.starts, lo)
        starts, lengths = self.starts, self.lengths
        while k < len(starts) and starts[k] < hi:
            if starts[k] + lengths[k] <= hi:
                yield starts[k]
            k += 1

    def any_within(self, lo: int, hi: int, *, word_start: bool = False) -> bool:
        """Whether a word lies inside ``low[lo:hi]``; with ``word_start``, one not preceded
        by a letter, digit, underscore or hyphen inside that slice (what
        ``(?<![\\w-])(?:words)`` finds in ``low[lo:hi]``)."""
        for p in self.within(lo, hi):
            if not word_start or p == lo or _WORD_OR_HYPHEN.match(self.low, p - 1) is None:
                return True
        return False


__all__ = ["Occurrences", "lower_aligned"]
