"""TempEval-3 scores for temporal expressions: pure functions over (start, end, type, value) records.

Definitions (UzZaman et al., TempEval-3, SemEval 2013):

- *strict* span match: same start and end; *relaxed* match: the extents overlap.
- span precision/recall/F1 count matched system/gold timexes (one-to-one: each gold
  timex is matched at most once, the system timex overlapping it most wins);
- *type* and *value* scores are attribute F1: a timex counts when it is matched
  (relaxed) AND its attribute equals the gold one, so
  ``P = correct / n_system``, ``R = correct / n_gold``; *accuracy* is
  ``correct / n_matched``.

>>> gold = [TimexRecord(0, 8, "DATE", "1999-05-23"), TimexRecord(20, 24, "TIME", "1999-05-23T22:00")]
>>> system = [TimexRecord(0, 8, "DATE", "1999-05-23"), TimexRecord(17, 24, "TIME", "1999-05-22T22:00")]
>>> s = score_timexes(gold, system)
>>> (s.strict.f1, s.relaxed.f1, s.value.f1, s.type_accuracy)
(0.5, 1.0, 0.5, 1.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from claimline.evaluate.matching import align


class TimexRecord(NamedTuple):
    """One timex: character extent [start, end), TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str | None = None


@dataclass(frozen=True)
class TempEvalPRF:
    """Counts and precision/recall/F1 (0.0 when undefined)."""

    tp_system: int
    tp_gold: int
    n_system: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp_system / self.n_system if self.n_system else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: TempEvalPRF) -> TempEvalPRF:
        return TempEvalPRF(self.tp_system + other.tp_system, self.tp_gold + other.tp_gold,
                   self.n_system + other.n_system, self.n_gold + other.n_gold)


class Match(NamedTuple):
    gold: TimexRecord
    system: TimexRecord
    strict: bool


@dataclass(frozen=True)
class TimexScores:
    """TempEval-3 figures for one or many documents; ``matches``/``missed``/``spurious`` for error listings."""

    strict: TempEvalPRF
    relaxed: TempEvalPRF
    type: TempEvalPRF
    value: TempEvalPRF
    matches: list[Match] = field(default_factory=list)
    missed: list[TimexRecord] = field(default_factory=list)
    spurious: list[TimexRecord] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        n = self.relaxed.tp_gold
        return self.type.tp_gold / n if n else 0.0

    @property
    def value_accuracy(self) -> float:
        n = self.relaxed.tp_gold
        return self.value.tp_gold / n if n else 0.0

    def __add__(self, other: TimexScores) -> TimexScores:
        return TimexScores(self.strict + other.strict, self.relaxed + other.relaxed, self.type + other.type,
                           self.value + other.value, self.matches + other.matches,
                           self.missed + other.missed, self.spurious + other.spurious)


def match_timexes(gold: Sequence[TimexRecord], system: Sequence[TimexRecord]) -> list[Match]:
    """One-to-one relaxed matches (:func:`claimline.evaluate.matching.align`), in gold order."""
    pairs = align(gold, system, mode="relaxed").pairs
    out = [Match(gold[i], system[j], (gold[i].start, gold[i].end) == (system[j].start, system[j].end)) for i, j in pairs]
    return sorted(out, key=lambda m: m.gold.start)


def score_timexes(gold: Iterable[TimexRecord | tuple], system: Iterable[TimexRecord | tuple]) -> TimexScores:
    """TempEval-3 scores of ``system`` against ``gold`` (one document: offsets share a text)."""
    gold = [TimexRecord(*g) for g in gold]
    system = [TimexRecord(*s) for s in system]
    matches = match_timexes(gold, system)
    n_g, n_s = len(gold), len(system)
    n_strict = sum(m.strict for m in matches)
    n_type = sum(m.gold.type == m.system.type for m in matches)
    n_value = sum(m.gold.value == m.system.value for m in matches)
    matched_g = {m.gold for m in matches}
    matched_s = {m.system for m in matches}
    return TimexScores(
        strict=TempEvalPRF(n_strict, n_strict, n_s, n_g),
        relaxed=TempEvalPRF(len(matches), len(matches), n_s, n_g),
        type=TempEvalPRF(n_type, n_type, n_s, n_g),
        value=TempEvalPRF(n_value, n_value, n_s, n_g),
        matches=matches,
        missed=[g for g in gold if g not in matched_g],
        spurious=[s for s in system if s not in matched_s],
    )


def score_corpus(pairs: Iterable[tuple[Iterable, Iterable]]) -> TimexScores:
    """Micro-averaged scores over documents given as (gold, system) record lists."""
    empty = TempEvalPRF(0, 0, 0, 0)
    total = TimexScores(empty, empty, empty, empty)
    for gold, system in pairs:
        total = total + score_timexes(gold, system)
    return total


__all__ = ["Match", "TempEvalPRF", "TimexRecord", "TimexScores", "match_timexes", "score_corpus", "score_timexes"]
