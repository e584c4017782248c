"""FuzzyIndex: the same answer as rapidfuzz's extractOne over every choice, without scoring them all."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process, utils

from claimline.entities.fuzzy import FuzzyIndex, false_friends


def _names(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    syllables = ["ber", "lan", "cour", "mon", "tel", "vau", "ri", "gny", "dal", "é", "fon", "a", "x"]
    return [" ".join("".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 2))) for _ in range(n)]


def test_best_is_extract_one_over_every_choice():
    choices = _names(1, 400) + ["bercour", "bercour", "courber"]  # duplicates and ties
    for threshold in (0.0, 60.0, 88.0, 100.0):
        index = FuzzyIndex(threshold)
        for i, choice in enumerate(choices):
            index.append(choice, i)
        for query in _names(2, 200) + ["bercoux", "Bercour", "", "x"]:
            expected = process.extractOne(query, choices, scorer=fuzz.ratio, processor=utils.default_process,
                                          score_cutoff=threshold)
            found = index.best(query)
            assert (found is None) == (expected is None), (query, threshold)
            if found is not None:
                assert (found[0], found[1], found[2]) == (expected[0], expected[1], expected[2]), (query, threshold)
                assert index.values[found[2]] == found[2]


def test_a_small_index_scores_every_choice_the_same_way():
    choices = _names(3, 40)
    index = FuzzyIndex(70.0)
    for choice in choices:
        index.append(choice)
    for query in _names(4, 100):
        expected = process.extractOne(query, choices, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=70.0)
        assert index.best(query) == (None if expected is None else (expected[0], expected[1], expected[2]))


def test_an_index_grows_one_choice_at_a_time():
    index = FuzzyIndex(88.0)
    assert index.best("dubreuil") is None
    index.append("dubreuille", "a")
    assert index.best("dubreuil") == ("dubreuille", 88.88888888888889, 0)
    index.append("dubreuil", "b")
    assert index.best("dubreuil")[2] == 1 and len(index) == 2


def test_false_friends():
    assert false_friends("air france", "france", 3)
    assert false_friends("pokrovskoie", "pokrovsk", 3)
    assert false_friends("zapad 2021", "zapad 2025", 3)
    assert not false_friends("zelenskyy", "zelensky", 3)


def test_the_names_seen_in_a_text_are_indexed_once(monkeypatch):
    """The registry of the names seen in a text grows one name at a time: its fuzzy indexes
    are built once and appended to, not rebuilt at every lookup (quadratic before)."""
    from claimline.entities import registry as registry_module
    from claimline.entities.registry import EntityRegistry

    built = []

    class Counting(FuzzyIndex):
        __slots__ = ()

        def __init__(self, threshold: float, window: int | None = None) -> None:
            built.append(threshold)
            super().__init__(threshold, window)

    monkeypatch.setattr(registry_module, "FuzzyIndex", Counting)
    seen = EntityRegistry()
    rng = random.Random(5)
    for _ in range(150):
        name = " ".join("".join(rng.choices("bcdfglmnprstvaeiou", k=7)).capitalize() for _ in range(2))
        seen.resolve(name, "PER")
        seen.add(name, "PER")
        seen.resolve(name.split()[-1] + "e", "ORG")
    assert len(built) <= 3  # surnames, PER keys, ORG keys
    assert len(seen._choices["PER"]) == 150


def _edited(rng: random.Random, name: str, edits: int) -> str:
    """``name`` with ``edits`` random insertions, deletions or substitutions (accented letters too)."""
    letters = "abcdefghijklmnopqrstuvwxyzéèàçô -"
    for _ in range(edits):
        i = rng.randrange(len(name) + 1)
        kind = rng.choice("ids")
        if kind == "i" or not name:
            name = name[:i] + rng.choice(letters) + name[i:]
        elif kind == "d":
            name = name[:i] + name[i + 1 :]
        else:
            name = name[:i] + rng.choice(letters) + name[i + 1 :]
    return name


def _population(seed: int, n: int) -> list[str]:
    """Made-up names: syllables (with accents), one or three words, short and long, and
    near-duplicates of earlier ones with 1 to 3 edits."""
    rng = random.Random(seed)
    syllables = ["ber", "lan", "cour", "mon", "tel", "vau", "ri", "gné", "dal", "fon", "mar", "chet", "sol", "é",
                 "Ö", "pin", "drac", "leu", "a", "x"]
    names: list[str] = []
    while len(names) < n:
        if names and rng.random() < 0.4:
            names.append(_edited(rng, rng.choice(names), rng.randint(1, 3)))
        else:
            words = rng.choice([1, 1, 2, 3])
            names.append(" ".join("".join(rng.choices(syllables, k=rng.randint(1, 5))).capitalize() for _ in range(words)))
    return names


def test_the_bigram_filter_keeps_every_match_extract_one_finds(monkeypatch):
    """Thousands of choices, so that the bigram filter (not the length buckets) chooses what
    is scored: same choice, score and first position on ties as extractOne over all of them."""
    from claimline.entities import qgrams

    calls = []
    original = qgrams.GramFilter.candidates

    def counted(self, query):
        found = original(self, query)
        calls.append(found is not None)
        return found

    monkeypatch.setattr(qgrams.GramFilter, "candidates", counted)
    choices = _population(11, 3000)
    rng = random.Random(12)
    queries = [_edited(rng, rng.choice(choices), rng.randint(0, 3)) for _ in range(300)] + _population(13, 100)
    for threshold in (70.0, 88.0, 95.0):
        index = FuzzyIndex(threshold)
        for i, choice in enumerate(choices):
            index.append(choice, i)
        for query in queries:
            expected = process.extractOne(query, choices, scorer=fuzz.ratio, processor=utils.default_process,
                                          score_cutoff=threshold)
            found = index.best(query)
            assert (found is None) == (expected is None), (query, threshold)
            if found is not None:
                assert found == (expected[0], expected[1], expected[2]), (query, threshold)
    assert sum(calls) > 500  # the filter answered (it was not the scan every time)


def test_the_bigram_filter_scores_few_of_many_choices():
    from claimline.entities.qgrams import GramFilter

    choices = [utils.default_process(c) for c in _population(21, 4000)]
    grams = GramFilter(88.0)
    for i, choice in enumerate(choices):
        grams.add(choice, i)
    rng = random.Random(22)
    sizes = []
    for query in (utils.default_process(_edited(rng, rng.choice(choices), 1)) for _ in range(200)):
        found = grams.candidates(query)
        if found is not None:
            sizes.append(len(found))
            matches = [i for i, c in enumerate(choices) if fuzz.ratio(query, c) >= 88.0]
            assert set(matches) <= set(found) and found == sorted(found)
    assert len(sizes) > 150 and sum(sizes) / len(sizes) < 40  # of 4000


def test_a_window_searches_the_last_choices_only():
    """``window=K``: extractOne over the last K choices, positions in the whole list, at
    every size (before and after the held choices are cut back, through the scan and the
    bigram filter alike)."""
    choices = _population(31, 2600)
    rng = random.Random(32)
    for window, threshold in ((1, 88.0), (50, 70.0), (700, 88.0)):
        index = FuzzyIndex(threshold, window)
        for i, choice in enumerate(choices):
            index.append(choice, i)
            if i % 97 == 0 or i == len(choices) - 1:
                first = max(0, i + 1 - window)
                for query in [_edited(rng, rng.choice(choices[: i + 1]), rng.randint(0, 2)) for _ in range(12)]:
                    expected = process.extractOne(query, choices[first : i + 1], scorer=fuzz.ratio,
                                                  processor=utils.default_process, score_cutoff=threshold)
                    found = index.best(query)
                    want = None if expected is None else (expected[0], expected[1], expected[2] + first)
                    assert found == want, (window, i, query)
        assert sum(len(strings) for strings, _ in index._buckets.values()) < 2 * window  # held: bounded


def test_the_work_of_a_windowed_lookup_does_not_grow_with_the_choices_before():
    """What one lookup reads (the held choices, the filter's bits) is bounded by the window,
    however many names came before: linking a text with many names stays linear."""
    index = FuzzyIndex(88.0, window=300)
    choices = _population(41, 6000)
    held, bits = [], []
    for i, choice in enumerate(choices):
        index.append(choice)
        if i % 500 == 499:
            index.best(choices[i - 10])
            held.append(sum(len(strings) for strings, _ in index._buckets.values()))
            if index._grams is not None:
                bits.append(max(max((b.bit_length() for b in at), default=0) for at in index._grams._grams.values()))
    assert max(held) < 600 and max(bits, default=0) <= 600
    unbounded = FuzzyIndex(88.0)
    for choice in choices:
        unbounded.append(choice)
    assert sum(len(strings) for strings, _ in unbounded._buckets.values()) == 6000


def test_a_text_registry_uses_the_window_and_the_registry_does_not():
    from claimline.entities.fuzzy import FuzzySettings
    from claimline.entities.registry import EntityRegistry

    registry = EntityRegistry(settings=FuzzySettings(fuzzy_window=3))
    text = registry.empty_like(text=True)
    corpus = registry.empty_like()
    for name in ["Bertrand Maludec", "Anne Fortival", "Louis Garenq", "Marc Delpuech", "Paul Vintrac"]:
        for r in (registry, text, corpus):
            r.add(name, "PER")
    # "Bertrand Maludecq" is within reach of the first name only, which is not among the last three of the text
    first = "ent:bertrand-maludec"
    assert registry.resolve("Bertrand Maludecq", "PER").entity_id == first
    assert corpus.resolve("Bertrand Maludecq", "PER").entity_id == first
    assert text.resolve("Bertrand Maludecq", "PER").method == "new"
    assert text.resolve("Paul Vintracq", "PER").entity_id == "ent:paul-vintrac"


def test_the_window_setting_is_checked():
    import pytest

    from claimline.entities.fuzzy import FuzzySettings

    assert FuzzySettings(fuzzy_window=None).fuzzy_window is None
    for bad in (0, -5, 2.5, True, "10"):
        with pytest.raises(ValueError, match="fuzzy_window"):
            FuzzySettings(fuzzy_window=bad)
    with pytest.raises(ValueError, match="window"):
        FuzzyIndex(88.0, window=0)
