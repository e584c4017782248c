"""One-to-one alignment of gold and predicted spans, shared by every layer.

- ``strict``: a pair has exactly the same offsets;
- ``relaxed``: a pair overlaps by at least one character (TempEval-3's relaxed match).

Among the candidate pairs (optionally filtered by ``compatible``, e.g. "same label"), the
alignment is greedy: largest overlap first, then the closest boundaries, then text order;
each gold and each predicted span is used at most once. With strict matching this is
plain exact-offset matching; TempEval-3's span scores are ``prf(align(...))``.

>>> gold = [(3, 23)]             # "le 18 septembre 2025"
>>> pred = [(6, 23), (30, 34)]   # "18 septembre 2025", "hier"
>>> a = align(gold, pred, mode="relaxed")
>>> a.pairs, a.missed, a.spurious
([(0, 0)], [], [1])
>>> align(gold, pred, mode="strict").pairs
[]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

MatchMode = Literal["strict", "relaxed"]
MATCH_MODES: tuple[MatchMode, ...] = ("strict", "relaxed")


class HasOffsets(Protocol):
    start: int
    end: int


SpanLike = HasOffsets | tuple[int, int]


def offsets(item: Any) -> tuple[int, int]:
    """``(start, end)`` of a tuple or of anything with ``start`` and ``end``."""
    if isinstance(item, tuple):
        return item[0], item[1]
    return item.start, item.end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters two ``(start, end)`` ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(frozen=True)
class Alignment:
    """Index pairs ``(gold, pred)``, unmatched gold (``missed``) and predicted (``spurious``)."""

    pairs: list[tuple[int, int]]
    missed: list[int]
    spurious: list[int]


def align(
    gold: Sequence[Any],
    pred: Sequence[Any],
    *,
    mode: MatchMode = "relaxed",
    compatible: Callable[[Any, Any], bool] | None = None,
) -> Alignment:
    """Align ``gold`` and ``pred`` spans one to one (see the module docstring)."""
    if mode not in MATCH_MODES:
        raise ValueError(f"mode={mode!r}: expected one of {MATCH_MODES}")
    g_off = [offsets(g) for g in gold]
    p_off = [offsets(p) for p in pred]
    by_start = sorted(range(len(p_off)), key=lambda j: p_off[j])
    candidates: list[tuple[int, int, int, int]] = []
    for i, g in enumerate(g_off):
        for j in by_start:
            p = p_off[j]
            if (p[0] >= g[1]) if mode == "relaxed" else (p[0] > g[0]):
                break  # sorted by start: no later prediction can match
            ok = p == g if mode == "strict" else overlap(g, p) > 0
            if ok and (compatible is None or compatible(gold[i], pred[j])):
                distance = abs(g[0] - p[0]) + abs(g[1] - p[1])
                candidates.append((-overlap(g, p), distance, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    pairs.sort()
    return Alignment(
        pairs=pairs,
        missed=[i for i in range(len(g_off)) if i not in used_g],
        spurious=[j for j in range(len(p_off)) if j not in used_p],
    )


__all__ = ["MATCH_MODES", "Alignment", "MatchMode", "SpanLike", "align", "offsets", "overlap"]
