"""A bounded memo: a plain dictionary that computes a missing value on first use.

``Memo(compute, size)[key]`` is ``compute(key)``, computed once and kept; the memo is
emptied when it holds ``size`` keys, so a process reading an unbounded corpus keeps a
bounded amount. A hit is one dictionary lookup done in C (``functools.lru_cache`` also
moves its recency links), and ``map(memo.__getitem__, keys)`` looks keys up without a
Python call per key.

>>> lengths = Memo(len, size=2)
>>> lengths["abc"], lengths["de"], len(lengths)
(3, 2, 2)
>>> lengths["f"], len(lengths)  # full: emptied, then the new key kept
(1, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Memo(dict):
    """``compute(key)`` by key, computed on first use, emptied when ``size`` keys are held."""

    __slots__ = ("compute", "size")

    def __init__(self, compute: Callable[[Any], Any], size: int) -> None:
        super().__init__()
        if size < 1:
            raise ValueError(f"size={size!r}: a memo holds at least one key")
        self.compute, self.size = compute, size

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.compute(key)
        return value


__all__ = ["Memo"]
