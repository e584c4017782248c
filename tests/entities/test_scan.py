"""The per-text scans of the context rules give what their patterns give run everywhere."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimline.entities.context import ContextRules, _last_words, _without_gap
from claimline.entities.occurrences import Occurrences, lower_aligned
from claimline.entities.recognise import Candidate, NameRules
from claimline.entities.resources import load_rules

_PIECES = ["rue", "Rue", "mont", "ministère", "Ministère", "de", "l'", "’", "-", " ", ", ", "x", "É", "é", "\n", "ı", "İ", "a"]
_RULES = ContextRules(load_rules(), ["Kenya", "Éthiopie"])
_NAME_RULES = NameRules(load_rules())

SENTENCES = [
    "La ministre déléguée chargée de l'Industrie a reçu le patron de Renault.",
    "Le ministère de l'Intérieur et le ministère chilien de la Santé ont répondu.",
    "Il habite rue Voltaire, près de la gare Montparnasse et du boulevard Haussmann.",
    "Le tribunal administratif de Lyon et la cour d'appel de Rennes ont statué.",
    "Cela importe peu : le montant remporte la Coupe, dit Paul à la Kényane.",
    "Ce porte-parole du Ministère de la Culture parle de l'université de Nantes.",
    "Selon Kılıç, le ministère de la Défense et la rue de Rivoli restent fermés.",
    "Aux éditions Gallimard, le secrétaire d'État aux Sports et l'Inter 3-1 ce soir.",
]


def _capitalised(text: str) -> list[Candidate]:
    """Every capitalised word as a model name, the first of a pair as a known one."""
    found = [m for m in re.finditer(r"[A-ZÉÈ][\w'-]*", text)]
    return [Candidate(m.start(), m.end(), "ORG", entity_id="Q1" if i % 2 else None) for i, m in enumerate(found)]


def test_the_scanned_rules_give_what_the_patterns_give_everywhere():
    for text in SENTENCES:
        candidates = _capitalised(text)
        scan = _RULES.scan(text)
        applied = _RULES.apply(text, candidates, scan)
        assert applied == _RULES.apply(text, candidates)
        assert _RULES.institutions(text, applied, scan) == _RULES.institutions(text, applied)
        for c in candidates:
            assert _RULES.head_before(text, c.start, scan) == _RULES.head_before(text, c.start)
            assert _RULES.is_portfolio(text, c.start, scan) == _RULES.is_portfolio(text, c.start)


def test_a_text_whose_lower_case_does_not_line_up_is_not_scanned():
    assert lower_aligned("Kılıç à Paris") is None and lower_aligned("İzmir") is None
    assert _RULES.scan("Selon Kılıç, le ministère de la Défense.") is None
    assert lower_aligned("Élysée") == "élysée"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 60), st.integers(0, 60))
def test_occurrences_find_what_the_word_start_pattern_finds(pieces, lo, hi):
    text = "".join(pieces)
    low = lower_aligned(text)
    if low is None:
        return
    lo, hi = sorted((min(lo, len(text)), min(hi, len(text))))
    words = ["rue", "mont", "ministère", "l'"]
    found = Occurrences(low, words)
    anywhere = re.compile("|".join(map(re.escape, words)))
    at_word_start = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + ")")
    assert found.any_within(lo, hi) == (anywhere.search(text[lo:hi].lower()) is not None)
    assert found.any_within(lo, hi, word_start=True) == (at_word_start.search(text[lo:hi].lower()) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["Paul", "d'", "’ ", "  "]), max_size=20))
def test_the_last_words_are_those_of_the_whole_window(pieces):
    window = "".join(pieces)
    gap = re.search(r"[\s’',]*$", window)
    assert _without_gap(window) == window[: gap.start()]
    words = re.findall(r"[\w-]+", window[: gap.start()])
    assert _last_words(_without_gap(window), 3) == words[-3:]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["Paul", "d'", "A.", " \n", "-\n"]), max_size=20), st.integers(0, 80))
def test_the_glued_word_check_skips_only_where_no_word_can_end(pieces, start):
    from claimline.entities.gazetteer import _WORD_BEFORE

    text = "".join(pieces) + "France"
    start = min(start, len(text))
    if start == 0 or text[start - 1] not in " -\n":
        assert _WORD_BEFORE.search(text, max(0, start - 40), start) is None


def test_the_first_stage_of_the_registry_resolves_as_every_stage_in_turn():
    from claimline.entities import default_registry
    from claimline.entities.registry import STAGES, Resolution, new_id, resolve_in

    registry = default_registry()
    seen = registry.empty_like()
    seen.add("Claire Dubrac", "PER")
    seen.add("Office national des forêts", "ORG", aliases=["ONF"])
    seen.add("Poutine", "ORG")

    def every_stage(surface, label):
        key = registry.key(surface)
        for stage in STAGES:
            for reg in (registry, seen):
                found = reg.lookup(stage, key, label)
                if found is not None:
                    return found
        return Resolution(new_id(key), surface, label, "new")

    names = ["M. Poutine", "Poutine", "Dubrac", "Claire Dubracq", "l'ONF", "Office national des forets",
             "Zelenskyy", "Paris", "Jean Inconnu", "Etats-Unis", "Macron", "France"]
    for surface in names:
        for label in ("PER", "ORG", "LOC"):
            assert resolve_in((registry, seen), surface, label) == every_stage(surface, label)


def test_a_name_needs_two_letters_or_digits():
    from claimline.entities.recognise import NameRules, Token, clean_model_entity

    rules = NameRules(load_rules())
    text = "Le groupe C et le groupe CD, puis Ré."
    assert clean_model_entity([Token(10, 11, "C", "PROPN")], "MISC", text, rules) == []
    assert [(c.start, c.end) for c in clean_model_entity([Token(25, 27, "CD", "PROPN")], "MISC", text, rules)] == [(25, 27)]
    assert [(c.start, c.end) for c in clean_model_entity([Token(34, 36, "Ré", "PROPN")], "LOC", text, rules)] == [(34, 36)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["Paul", "d'", "A.", " \n", "-\n", "..", "’’", "M"]), max_size=25), st.integers(0, 80))
def test_the_word_before_a_name_is_what_the_pattern_finds(pieces, start):
    from claimline.entities.gazetteer import _WORD_BEFORE, word_before

    text = "".join(pieces) + "France"
    start = min(start, len(text))
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    assert word_before(text, start) == (None if found is None else (found.group(1), found.end(1)))


_WORDS = ["Paris", "paris", "le", "La", "Les", "M.", "Président", "président", "Russes", "Français", "Ukrainien",
          "OTAN", "DEUX", "OXYGENE", "A", "C", "CD", "Ré", "2025", "3e", "«", "-", "’", "L'", "Lire", "Retrait", "x",
          "Excellent", "Aimé", "É", "de", "d'"]


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(_WORDS), st.sampled_from(["«", "« ", ". ", ", ", "le ", "\n", ""]),
       st.sampled_from(["PROPN", "NOUN", "ADJ", ""]), st.booleans(), st.sampled_from(["PER", "ORG", "LOC", "MISC"]))
def test_a_one_token_name_is_cleaned_as_by_the_general_rules(word, before, pos, sent_start, label):
    """The one-pass cleaning of a one-token entity gives what the line-by-line rules give."""
    from claimline.entities.recognise import Token, _clean_pieces, _clean_word

    rules = _NAME_RULES
    text = f"Hier {before}{word} a parlé."
    start = len("Hier ") + len(before)
    token = Token(start, start + len(word), word, pos, sent_start)
    assert _clean_word(token, label, text, rules) == _clean_pieces([token], label, text, rules)
