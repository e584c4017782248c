"""TempEval-3 timex scoring (claimline.evaluate.timex_scoring), spaCy-free."""

from __future__ import annotations

from claimline.evaluate.timex_scoring import TimexRecord as R
from claimline.evaluate.timex_scoring import score_corpus, score_timexes


def test_strict_relaxed_type_and_value():
    gold = [R(0, 8, "DATE", "1999-05-23"), R(20, 24, "TIME", "1999-05-23T22:00"), R(30, 40, "DURATION", "P3Y")]
    system = [R(0, 8, "DATE", "1999-05-23"), R(17, 24, "TIME", "1999-05-22T22:00"), R(50, 55, "SET", "P1D")]
    s = score_timexes(gold, system)
    assert (s.strict.tp_gold, s.relaxed.tp_gold, s.type.tp_gold, s.value.tp_gold) == (1, 2, 2, 1)
    assert round(s.relaxed.precision, 3) == round(s.relaxed.recall, 3) == 0.667
    assert s.missed == [gold[2]] and s.spurious == [system[2]]
    assert s.type_accuracy == 1.0 and s.value_accuracy == 0.5


def test_alignment_is_one_to_one():
    gold = [R(0, 10, "DATE", "2025")]
    system = [R(0, 4, "DATE", "2025"), R(0, 10, "DATE", "2025")]
    s = score_timexes(gold, system)
    assert (s.strict.tp_gold, s.relaxed.tp_system, len(s.spurious)) == (1, 1, 1)


def test_corpus_scores_are_micro_averaged_and_empty_is_zero():
    total = score_corpus([([R(0, 4, "DATE", "2025")], [R(0, 4, "DATE", "2025")]), ([R(0, 4, "DATE", "2024")], [])])
    assert (total.strict.precision, total.strict.recall) == (1.0, 0.5)
    assert score_timexes([], []).strict.f1 == 0.0
