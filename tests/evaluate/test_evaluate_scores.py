"""The evaluator's arithmetic: span alignment, P/R/F1 edge cases, B³ and pairwise by hand."""

from __future__ import annotations

import pytest

from claimline.calendar import period_of
from claimline.evaluate.matching import align
from claimline.evaluate.scores import PRF, Accuracy, b_cubed, pairwise

# "Le 18 septembre 2025, Trump était à Londres." — gold timex "Le 18 septembre 2025" = [0, 20)


def test_strict_needs_the_same_offsets_relaxed_an_overlap():
    gold = [(0, 20)]
    off_by_one = [(3, 20)]  # "18 septembre 2025": the determiner left out
    assert align(gold, off_by_one, mode="strict").pairs == []
    assert align(gold, off_by_one, mode="relaxed").pairs == [(0, 0)]
    assert align(gold, [(20, 25)], mode="relaxed").pairs == []  # touching is not overlapping


def test_alignment_is_one_to_one_and_prefers_the_largest_overlap():
    gold = [(0, 20)]
    pred = [(3, 20), (0, 25)]  # overlaps of 17 and 20 characters
    a = align(gold, pred, mode="relaxed")
    assert (a.pairs, a.missed, a.spurious) == ([(0, 1)], [], [0])


def test_alignment_breaks_ties_by_the_closest_boundaries():
    gold = [(5, 10)]
    pred = [(0, 10), (5, 12)]  # both overlap by 5; the second is 2 characters off, the first 5
    assert align(gold, pred, mode="relaxed").pairs == [(0, 1)]


def test_alignment_is_greedy_not_maximal():
    # A prediction covering two gold spans goes to the one it overlaps most; the other is missed.
    gold = [(0, 20), (22, 27)]
    pred = [(0, 25)]
    a = align(gold, pred, mode="relaxed")
    assert (a.pairs, a.missed) == ([(0, 0)], [1])


def test_duplicates_are_matched_once():
    a = align([(0, 5)], [(0, 5), (0, 5)], mode="strict")
    assert (a.pairs, a.missed, a.spurious) == ([(0, 0)], [], [1])


def test_compatible_filters_candidate_pairs():
    gold = [(0, 5, "PER")]
    pred = [(0, 5, "LOC")]
    a = align(gold, pred, mode="strict", compatible=lambda g, p: g[2] == p[2])
    assert (a.pairs, a.missed, a.spurious) == ([], [0], [0])


def test_prf_counts_and_edge_cases():
    s = PRF.counts(tp=3, fp=1, fn=2)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    empty_prediction = PRF.counts(tp=0, fp=0, fn=4)
    assert (empty_prediction.precision, empty_prediction.recall, empty_prediction.f1) == (None, 0.0, 0.0)
    empty_gold = PRF.counts(tp=0, fp=2, fn=0)
    assert (empty_gold.precision, empty_gold.recall, empty_gold.f1) == (0.0, None, 0.0)
    nothing = PRF.counts(0, 0, 0)
    assert (nothing.precision, nothing.recall, nothing.f1) == (None, None, None)


def test_micro_average_sums_counts_not_ratios():
    total = PRF.counts(1, 0, 0) + PRF.counts(0, 0, 3)
    assert (total.precision, total.recall) == (1.0, 0.25)
    assert (Accuracy(correct=1, total=1) + Accuracy(correct=0, total=3)).accuracy == 0.25


def test_b_cubed_by_hand():
    # gold {a1 a2 a3} {b1 b2}; predicted {a1 a2} {a3 b1 b2}
    gold = ["A", "A", "A", "B", "B"]
    pred = ["x", "x", "y", "y", "y"]
    s = b_cubed(gold, pred)
    # precision per mention: 1, 1, 1/3, 2/3, 2/3 ; recall: 2/3, 2/3, 1/3, 1, 1
    assert s.precision == pytest.approx(11 / 15)
    assert s.recall == pytest.approx(11 / 15)
    p = pairwise(gold, pred)
    # gold links a1a2 a1a3 a2a3 b1b2; predicted a1a2 a3b1 a3b2 b1b2; shared a1a2 b1b2
    assert (p.precision, p.recall) == (0.5, 0.5)


def test_split_and_merged_clusters():
    split = b_cubed(["Trump"] * 3, ["e1", "e2", "e3"])
    assert (split.precision, split.recall) == (1.0, pytest.approx(1 / 3))
    assert pairwise(["Trump"] * 3, ["e1", "e2", "e3"]).f1 == 0.0
    merged = b_cubed(["Trump", "Poutine", "Zelensky"], ["e1"] * 3)
    assert (merged.precision, merged.recall) == (pytest.approx(1 / 3), 1.0)
    perfect = b_cubed(["Trump", "Trump", "Poutine"], ["e7", "e7", "e2"])
    assert (perfect.precision, perfect.recall, pairwise(["Trump", "Trump", "Poutine"], ["e7", "e7", "e2"]).f1) == (
        1.0,
        1.0,
        1.0,
    )


def test_one_key_per_mention():
    with pytest.raises(ValueError, match="one key per mention"):
        b_cubed(["A"], [])


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025", "2025-01-01", "2025-12-31"),
        ("2025-02", "2025-02-01", "2025-02-28"),
        ("2025-W38", "2025-09-15", "2025-09-21"),
        ("2025-Q3", "2025-07-01", "2025-09-30"),
        ("2024-WI", "2024-12-21", "2025-03-19"),  # astronomical, like the tagger (claimline.calendar)
        ("2025-09-19TNI", "2025-09-19", "2025-09-19"),
        ("2025-06-13/2025-06-24", "2025-06-13", "2025-06-24"),
    ],
)
def test_period_of_timex_values(value, first, last):
    assert tuple(d.isoformat() for d in period_of(value)) == (first, last)


@pytest.mark.parametrize("value", ["P3Y", "PRESENT_REF", "2025-02-30", "", None, "XXXX-09"])
def test_period_of_non_dates(value):
    assert period_of(value) is None
