"""Informal written French (quotes, social posts, comments), on sentences written for these tests.

``tense`` stands in for the parser: "past", "present", "future" or None.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from claimline.resources.shared import month_words
from claimline.timexes import annotate
from claimline.timexes.accents import accent_insensitive, canonical_keys, fold
from claimline.timexes.lexicon import load_grammar


def values(text, dct, tense=None):
    fn = (lambda s, e: tense) if tense else None
    found = annotate(text, dct=dt.date.fromisoformat(dct), tense=fn).timexes
    return [(text[t["span"]["start"]:t["span"]["end"]], t["value"]) for t in found]


# --- accents dropped ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("On se retrouve demain apres-midi devant la mairie.", [("demain apres-midi", "2025-03-13TAF")]),
    ("La panne a duré toute la soiree d'hier.", [("hier", "2025-03-11")]),
    ("Le festival reviendra l'annee prochaine.", [("l'annee prochaine", "2026")]),
    ("Les prix ont flambé la semaine derniere.", [("la semaine derniere", "2025-W10")]),
    ("Le chantier a commencé le 4 decembre.", [("le 4 decembre", "2024-12-04")]),
    ("Ils se marient apres-demain.", [("apres-demain", "2025-03-14")]),
])
def test_words_written_without_their_accents(text, expected):
    assert values(text, "2025-03-12") == expected


def test_accentless_words_read_as_the_lexicon_writes_them():
    grammar = load_grammar()
    rule = grammar.rule("pod")
    assert rule.canonical("soiree") == "soirée"
    assert rule.canonical("matinee") == "matinée"
    assert rule.canonical("inconnu") == "inconnu"
    assert month_words()["decembre"] == 12 and month_words()["fevr."] == 2


def test_words_whose_bare_spelling_is_another_word_keep_their_accent():
    # "a" (avoir) is not "à", "des" is not "dès", "la" is not "là"
    assert values("Mon voisin a 7 heures de route devant lui.", "2025-03-12") == [("7 heures", "PT7H")]
    assert values("Il compte des 2020 électeurs inscrits.", "2025-03-12") == []
    assert values("Ils ont tenu jusque la fin.", "2025-03-12") == []
    # after an apostrophe the bare spelling is unambiguous
    assert [v for _, v in values("Le guichet reste ouvert jusqu'a 18 heures.", "2025-03-12")] != []


def test_fold_and_pattern_rewriting():
    assert fold("Août, Été, Noël") == "aout, ete, noel"
    pattern = accent_insensitive(r"(?P<pod>soirée|matinée)(?![\w])|[âa]gée?|\s+dès", frozenset({"dès"}))
    assert re.fullmatch(pattern, "soiree") and re.fullmatch(pattern, "agee") and re.fullmatch(pattern, " dès")
    assert not re.fullmatch(pattern, " des")
    assert canonical_keys({"a": {"été": 1}, "b": ["ete"]})["ete"] == "ete"
