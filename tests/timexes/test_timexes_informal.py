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


# --- month and year in figures -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Facture de 11/2024 jamais réglée.", [("11/2024", "2024-11")]),
    ("Date d'embauche : 03 - 2019.", [("03 - 2019", "2019-03")]),
    ("Classement au 2023/7 dans les archives.", [("2023/7", "2023-07")]),
])
def test_month_and_year_in_figures(text, expected):
    assert values(text, "2025-03-12", "past") == expected


def test_numbered_texts_and_seasons_are_not_months():
    assert values("Le décret n° 2021-12 encadre la pêche.", "2025-03-12", "present") == []
    assert values("La saison 2010-11 fut la meilleure.", "2025-03-12", "past") == []


# --- whole periods and the last / next N units -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Le refuge reste ouvert toute l'annee.", ("toute l'annee", "P1Y")),
    ("Elle a dormi toute la journée.", ("toute la journée", "P1D")),
    ("Les bénévoles ont travaillé la semaine entière.", ("la semaine entière", "P1W")),
    ("Il a plu un mois entier.", ("un mois entier", "P1M")),
])
def test_whole_periods_are_durations(text, expected):
    assert values(text, "2025-03-12", "past") == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Trois alertes sur les dernieres 24 heures.", ("les dernieres 24 heures", "PT24H")),
    ("Aucun train pendant prochaines 2 h selon l'appli.", ("prochaines 2 h", "PT2H")),
    ("Le compteur a bougé dernières 10 mins.", ("dernières 10 mins", "PT10M")),
])
def test_next_or_last_n_units_without_determiner(text, expected):
    assert values(text, "2025-03-12", "past") == [expected]


# --- a bare hour after a part of the day, or after a verb of coming and going ----------------

@pytest.mark.parametrize("text, expected", [
    ("On se retrouve ce soir à 8 devant le cinéma.", [("ce soir à 8", "2025-03-12T20:00")]),
    ("Le ferry accoste le matin vers 6, puis repart.", [("le matin vers 6", "2025-03-12T06:00")]),
    ("Je rentrerai à onze.", [("onze", "2025-03-12T11:00")]),
    ("Rendez-vous à 9 !", [("9", "2025-03-12T09:00")]),
])
def test_a_bare_hour_in_a_time_context_is_a_clock_time(text, expected):
    assert values(text, "2025-03-12", "future") == expected


@pytest.mark.parametrize("text", [
    "Le club l'a emporté à 7 contre 3.",
    "Le taux va passer à 7 %.",
    "Le soir a 3 buts d'avance.",
    "Les enfants sont revenus à 7 kilomètres du camp.",
])
def test_a_bare_number_elsewhere_is_no_clock_time(text):
    assert values(text, "2025-03-12", "past") == []


# --- relative units written in other orders and spellings, month names alone ----------------------

@pytest.mark.parametrize("text, expected", [
    ("On part en vacances ce weekend.", [("ce weekend", "2025-W11-WE")]),
    ("Le chantier durera toute la prochaine décennie.", [("la prochaine décennie", "203X")]),
    ("Les ventes ont chuté le dernier trimestre.", [("le dernier trimestre", "2024-Q4")]),
    ("La route reste fermée le reste du mois.", [("le reste du mois", "2025-03")]),
    ("Juillet a été le mois le plus chaud.", [("Juillet", "2024-07")]),
    ("On en reparlera durant décembre.", [("décembre", "2025-12")]),
])
def test_relative_units_and_month_names(text, expected):
    tense = "past" if any(w in text for w in ("ont", "a été")) else "future"
    assert values(text, "2025-03-12", tense) == expected


def test_the_last_unit_of_a_named_period_is_not_the_last_one_before_today():
    assert values("Il pleut la dernière semaine de juin.", "2025-03-12", "present")[-1] == ("juin", "2025-06")
    assert values("La sonde survole Mars sans relâche.", "2025-03-12", "present") == []


# --- noon after a relative day -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("On déjeune ensemble demain midi.", [("demain midi", "2025-03-13T12:00")]),
    ("Hier midi, la cantine était fermée.", [("Hier midi", "2025-03-11T12:00")]),
    ("Passez me voir après-demain à midi.", [("après-demain à midi", "2025-03-14T12:00")]),
    ("Aujourd'hui midi, le conseil s'est réuni.", [("Aujourd'hui midi", "2025-03-12T12:00")]),
    ("Demain soir, la salle ferme tôt.", [("Demain soir", "2025-03-13TEV")]),
])
def test_noon_after_a_relative_day_is_a_clock_time(text, expected):
    assert values(text, "2025-03-12") == expected


def test_noon_after_a_relative_day_without_a_publication_date():
    found = annotate("On déjeune ensemble demain midi.", dct=None).timexes
    assert [(t["type"], t["value"]) for t in found] == [("TIME", "XXXX-XX-XXT12:00")]


def test_every_part_of_day_a_rule_captures_is_in_the_lexicon():
    """A ``pod`` group's words are looked up in ``parts_of_day`` (a plural without its s):
    one missing there lost every article that used it (KeyError in the resolver)."""
    from claimline.resources import load_json
    from claimline.timexes.lexicon import RuleFile

    parts = load_grammar().lexicon.parts_of_day
    rule_file = load_json("timex_rules.json", RuleFile)
    pod_class = rule_file.macros["POD"]  # the class itself: every word of it is a key
    groups = [
        (r.name, g)
        for r in rule_file.rules
        for g in re.findall(r"\(\?P<pod>([^()]*)\)", r.pattern.replace("%POD%", "%parts_of_day%"))
    ]
    assert len(groups) > 5 and "%parts_of_day%" in pod_class
    for name, group in groups:
        for word in (alt.replace("\\s+", " ") for alt in group.split("|")):
            assert word == "%parts_of_day%" or word in parts or word.removesuffix("s") in parts, (name, word)
