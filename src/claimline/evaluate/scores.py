"""Scores that add up: micro-averaging is summing numerators and denominators.

:class:`PRF` holds precision and recall as fractions (``p_num / p_den``,
``r_num / r_den``): span counts (``tp / (tp + fp)``, ``tp / (tp + fn)``), pair counts, or B³
sums of per-mention scores. :class:`Accuracy` is ``correct / total``. A score with a zero
denominator is undefined (``None``); F1 is 0 when one side is empty and the other is not,
and undefined when both are.

B³ (Bagga & Baldwin 1998) and pairwise clustering scores take one key per mention in
the gold and in the prediction (mentions with the same key are in the same cluster):

>>> gold = ["Trump", "Trump", "Poutine"]
>>> pred = ["e1", "e1", "e1"]          # everything merged
>>> s = b_cubed(gold, pred)
>>> round(s.precision, 4), s.recall    # (2/3 + 2/3 + 1/3) / 3, 1
(0.5556, 1.0)
>>> p = pairwise(gold, pred)
>>> (p.p_num, p.p_den, p.r_num, p.r_den)
(1.0, 3.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

from pydantic import BaseModel, ConfigDict, computed_field


class _Score(BaseModel):
    model_config = ConfigDict(frozen=True)


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


class PRF(_Score):
    """Precision, recall and F1 as fractions that sum over documents."""

    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0

    @classmethod
    def counts(cls, tp: int, fp: int, fn: int) -> PRF:
        """From true positives, false positives and false negatives."""
        return cls(p_num=tp, p_den=tp + fp, r_num=tp, r_den=tp + fn)

    @classmethod
    def of(cls, correct: int, predicted: int, gold: int) -> PRF:
        """``correct`` items among ``predicted`` predictions and ``gold`` gold items."""
        return cls(p_num=correct, p_den=predicted, r_num=correct, r_den=gold)

    @computed_field
    @property
    def precision(self) -> float | None:
        return _ratio(self.p_num, self.p_den)

    @computed_field
    @property
    def recall(self) -> float | None:
        return _ratio(self.r_num, self.r_den)

    @computed_field
    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        if p is None or r is None or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            p_num=self.p_num + other.p_num,
            p_den=self.p_den + other.p_den,
            r_num=self.r_num + other.r_num,
            r_den=self.r_den + other.r_den,
        )


class Accuracy(_Score):
    """``correct / total``."""

    correct: int = 0
    total: int = 0

    @computed_field
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)


Score = PRF | Accuracy


def _check_same_length(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"one key per mention: {len(gold)} gold keys but {len(pred)} predicted keys")


def b_cubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """B³ over mentions ``i`` with gold cluster key ``gold[i]`` and predicted key ``pred[i]``.

    ``p_num`` sums, over mentions, |pred cluster ∩ gold cluster| / |pred cluster|;
    ``r_num`` the same over |gold cluster|; both denominators are the number of mentions.
    """
    _check_same_length(gold, pred)
    both = Counter(zip(gold, pred))
    g_size = Counter(gold)
    p_size = Counter(pred)
    p_num = sum(both[(g, p)] / p_size[p] for g, p in zip(gold, pred))
    r_num = sum(both[(g, p)] / g_size[g] for g, p in zip(gold, pred))
    n = float(len(gold))
    return PRF(p_num=p_num, p_den=n, r_num=r_num, r_den=n)


def _pairs(counter: Counter) -> int:
    return sum(c * (c - 1) // 2 for c in counter.values())


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """Pairwise (link) scores: a pair of mentions is a link if both share a key.

    Precision = correct predicted links / predicted links, recall = correct / gold links.
    """
    _check_same_length(gold, pred)
    correct = _pairs(Counter(zip(gold, pred)))
    return PRF.of(correct, _pairs(Counter(pred)), _pairs(Counter(gold)))


__all__ = ["PRF", "Accuracy", "Score", "b_cubed", "pairwise"]
