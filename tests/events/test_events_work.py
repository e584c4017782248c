"""The events layer's work per timex does not grow with the sentence (issue 19, item 3).

A timex whose climb up the parse reaches no predicate looks for the top verb or event
noun of its sentence nearest to it. That search scanned the whole sentence once per
timex: a sentence of n verbless dates (a list of dates, a chronology without verbs)
cost n times its length. The sentence's tops are now listed once per sentence, and a
sentence without any verb or event noun (a list of dates) is not climbed at all.
"""

from __future__ import annotations

from claimline.events import context as events_context
from claimline.events import extract as events_extract


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def _dates(n: int) -> str:
    """n dates in a row ("le 1 janvier 2001, le 2 février 2002, ...")."""
    return ", ".join(f"le {1 + k % 27} {MONTHS[k % 12]} {2001 + k % 23}" for k in range(n))


def _work(extract, monkeypatch, text: str) -> tuple[dict[str, int], int]:
    """Calls of the events layer's sentence lookups while reading ``text``, and its timexes."""
    calls = {"same_sentence": 0, "local": 0, "climbs": 0}
    context, finder = events_context.DocContext, events_extract.EventFinder
    real_same, real_local, real_noun = context.same_sentence, finder._local_predicate, finder._preceding_event_noun

    def counting_same(self, a, b):
        calls["same_sentence"] += 1
        return real_same(self, a, b)

    def counting_local(self, ctx, root, skip=frozenset()):
        calls["local"] += 1
        return real_local(self, ctx, root, skip)

    def counting_noun(self, ctx, root, start):
        calls["climbs"] += 1  # the first step of every climb from a timex
        return real_noun(self, ctx, root, start)

    monkeypatch.setattr(context, "same_sentence", counting_same)
    monkeypatch.setattr(finder, "_local_predicate", counting_local)
    monkeypatch.setattr(finder, "_preceding_event_noun", counting_noun)
    article = extract("Relevé des dates de mesure\n\n" + text + "\n", published="2025-03-04")
    monkeypatch.undo()
    return calls, len(article.timexes)


def test_the_nearest_top_predicate_is_not_searched_over_the_sentence_per_timex(extract, monkeypatch):
    per_timex = []
    for n in (15, 60):
        calls, timexes = _work(extract, monkeypatch, "Relevés publiés : " + _dates(n) + ".")
        assert timexes >= n - 1 and calls["local"] >= timexes // 2  # the search was exercised
        per_timex.append(calls["same_sentence"] / timexes)
    # the sentence is four times longer; the work per timex stays the same (it was x4)
    assert per_timex[1] <= 1.5 * per_timex[0] + 2


def test_a_sentence_without_verb_or_event_noun_is_not_climbed(extract, monkeypatch):
    calls, timexes = _work(extract, monkeypatch, _dates(40) + ".")
    assert timexes >= 39
    assert calls["climbs"] == 0 and calls["local"] == 0  # was one climb per timex
    calls, timexes = _work(extract, monkeypatch, "Les relevés ont été faits " + _dates(10) + ".")
    assert calls["climbs"] == timexes  # a sentence with a verb is read as before


def test_nearest_skips_the_excluded_and_prefers_the_earlier_on_a_tie():
    tokens = ["a", "b", "c", "d"]
    indices = [2, 6, 10, 14]
    assert events_context.nearest(tokens, indices, 8, ()) == "b"  # 6 and 10 are as near: the earlier
    assert events_context.nearest(tokens, indices, 9, ()) == "c"
    assert events_context.nearest(tokens, indices, 10, {10}) == "b"  # the timex's own head is skipped
    assert events_context.nearest(tokens, indices, 10, {10, 6, 2}) == "d"
    assert events_context.nearest(tokens, indices, 0, {2}) == "b"
    assert events_context.nearest(tokens, indices, 20, {14, 10}) == "b"
    assert events_context.nearest(tokens, indices, 5, {2, 6, 10, 14}) is None
    assert events_context.nearest([], [], 5, ()) is None
