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


# --- month abbreviations, with or without their dot, in any case ------------------------

@pytest.mark.parametrize("text, expected", [
    ("La brocante aura lieu le 14 Sept.", [("le 14 Sept.", "2025-09-14")]),
    ("On signe le bail le 2 JANV 2026 chez le notaire.", [("le 2 JANV 2026", "2026-01-02")]),
    ("Livraison prévue le 1er dec.", [("le 1er dec.", "2025-12-01")]),
    ("Le bureau ferme le 30-oct.", [("le 30-oct.", "2025-10-30")]),
    ("Relevé de compte de Fev 2024 à télécharger.", [("Fev 2024", "2024-02")]),
    ("Photo prise à Lyon, nov, 2019.", [("nov, 2019", "2019-11")]),
])
def test_abbreviated_months(text, expected):
    assert values(text, "2025-03-12", "future") == expected


def test_an_abbreviation_is_a_month_only_beside_a_number_or_a_demonstrative():
    assert values("Jul a rempli la salle hier soir.", "2025-03-12", "past") == [("hier soir", "2025-03-11TEV")]
    assert values("Les joueurs étaient sept.", "2025-03-12", "past") == []
    assert values("Jan et Oct sont arrivés ensemble.", "2025-03-12", "past") == []


def test_a_year_after_a_comma_closes_the_date_but_a_count_is_not_a_year():
    assert values("Elle est née le 12 mars, 1994.", "2025-03-12", "past") == [("le 12 mars, 1994", "1994-03-12")]
    assert values("Le 3 mai, 1500 coureurs ont pris le départ.", "2025-03-12", "past")[0] == ("Le 3 mai", "2024-05-03")


# --- a demonstrative and a month -----------------------------------------------------------

def test_demonstrative_and_month_is_the_month_of_the_publication_year():
    assert values("Les soldes commencent ce décembre.", "2025-03-12", "future") == [("ce décembre", "2025-12")]
    assert values("Il a fait très chaud cet août.", "2025-09-02", "past") == [("cet août", "2025-08")]
    assert values("Rien n'a changé cette Fev.", "2025-03-12", "past") == [("cette Fev.", "2025-02")]


# --- day ranges that share their month ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("La foire se tient du 4 jusqu'au 9 oct.", ("du 4 jusqu'au 9 oct.", "2025-10-04/2025-10-09")),
    ("Les travaux iront de 3 jusqu'a 12 Sep selon la mairie.", ("3 jusqu'a 12 Sep", "2025-09-03/2025-09-12")),
    ("La piscine ferme entre 2 et 6 de Sept pour vidange.", ("entre 2 et 6 de Sept", "2025-09-02/2025-09-06")),
    ("Le salon ouvre 11-14 mai à Nantes.", ("11-14 mai", "2025-05-11/2025-05-14")),
])
def test_day_ranges_with_informal_links(text, expected):
    assert values(text, "2025-03-12", "future") == [expected]
