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


# --- "aujourd'hui" as the day of a scheduled event -------------------------------------------

def test_today_after_a_verb_of_movement_or_meeting_is_the_day():
    assert values("La présidente se rend aujourd'hui à Brest.", "2025-03-12", "present") == [
        ("aujourd'hui", "2025-03-12")]
    assert values("Les deux équipes jouent aujourd'hui à guichets fermés.", "2025-03-12", "present") == [
        ("aujourd'hui", "2025-03-12")]


def test_today_in_a_statement_about_the_present_stays_present_ref():
    assert values("Aujourd'hui, le quartier a bien changé.", "2025-03-12", "past") == [("Aujourd'hui", "PRESENT_REF")]
    assert values("Rien ne presse aujourd'hui pour la mairie.", "2025-03-12", "present") == [
        ("aujourd'hui", "PRESENT_REF")]


# --- parts of the day spent somewhere --------------------------------------------------------

def test_parts_of_the_day_after_passer_are_times_of_the_day_told():
    text = "Le 4 mai, les randonneurs ont passé la nuit et la matinée au refuge."
    assert values(text, "2025-03-12", "past") == [
        ("Le 4 mai", "2024-05-04"), ("la nuit", "2024-05-04TNI"), ("la matinée", "2024-05-04TMO")]
    assert values("Il a passé la journée à dormir.", "2025-03-12", "past") == []


# --- parts of the day with early/late and a weekday on either side ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Les livreurs passent tôt le matin.", ("tôt le matin", "2025-03-12TMO", "START")),
    ("Le bar ferme tard le soir.", ("tard le soir", "2025-03-12TEV", "END")),
    ("La manifestation partira mercredi en fin d'apres-midi.", ("mercredi en fin d'apres-midi", "2025-03-12TAF", "END")),
    ("Le conseil se réunira la soirée de jeudi.", ("la soirée de jeudi", "2025-03-13TEV", None)),
    ("Un incendie s'est déclaré dans la nuit samedi.", ("la nuit samedi", "2025-03-08TNI", None)),
    ("On se voit vendredi prochain dans la matinee.", ("vendredi prochain dans la matinee", "2025-03-14TMO", None)),
])
def test_part_of_day_with_modifier_and_weekday(text, expected):
    tense = "past" if "déclaré" in text else "future"
    found = annotate(text, dct=dt.date(2025, 3, 12), tense=lambda s, e: tense).timexes
    assert [(text[t["span"]["start"]:t["span"]["end"]], t["value"], t["mod"]) for t in found] == [expected]


def test_a_weekday_and_a_named_day_of_action_are_not_one_time():
    assert values("Les syndicats appellent jeudi la journée de mobilisation.", "2025-03-12", "future") == [
        ("jeudi", "2025-03-13")]


# --- clock times: am/pm, "du soir", hours in words ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Le direct commence à 7pm heure de Paris.", ("7pm", "2025-03-12T19:00")),
    ("Ouverture des portes vers 9 a.m. pour les abonnés.", ("vers 9 a.m.", "2025-03-12T09:00")),
    ("Le rideau tombe à 10:45 pm précises.", ("10:45 pm", "2025-03-12T22:45")),
    ("Le dernier bus passe à 8 h du soir.", ("8 h du soir", "2025-03-12T20:00")),
    ("La séance reprendra à 3 heures de l'après-midi.", ("3 heures de l'après-midi", "2025-03-12T15:00")),
    ("Le marché ouvre à 7 du matin.", ("7 du matin", "2025-03-12T07:00")),
    ("Le train arrive à huit heures.", ("huit heures", "2025-03-12T08:00")),
    ("Il est vingt-deux heures et la place est vide.", ("vingt-deux heures", "2025-03-12T22:00")),
])
def test_clock_times_with_half_day_words_and_in_words(text, expected):
    assert values(text, "2025-03-12", "present") == [expected]


def test_hours_in_words_followed_by_a_place_are_a_distance_in_time():
    assert values("Le village est à trois heures de Lyon.", "2025-03-12", "present") == [("trois heures", "PT3H")]


def test_a_clock_range_with_one_half_day_word_shares_it():
    assert values("La fête ira de 5 à 9pm sur la plage.", "2025-03-12", "future") == [
        ("5", "2025-03-12T17:00"), ("9pm", "2025-03-12T21:00")]
