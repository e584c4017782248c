"""Families of issue 13, each on sentences written for these tests (spaCy-free).

``tense`` stands in for the parser: "past", "present", "future" or None.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimline.timexes import annotate
from claimline.timexes.reference import ReferenceTracker


def timexes(text, dct, tense=None, **kw):
    fn = (lambda s, e: tense) if tense else None
    return annotate(text, dct=dt.date.fromisoformat(dct), tense=fn, **kw).timexes


def values(text, dct, tense=None, **kw):
    return [(text[t["span"]["start"]:t["span"]["end"]], t["value"]) for t in timexes(text, dct, tense, **kw)]


# --- weekdays --------------------------------------------------------------------------

@pytest.mark.parametrize("tense", ["past", "present", "future", None])
def test_a_weekday_equal_to_the_publication_day_is_that_day(tense):
    # written on Tuesday 2024-01-30
    assert values("Le maire a démenti mardi toute augmentation.", "2024-01-30", tense) == [("mardi", "2024-01-30")]


def test_ce_weekday_on_that_weekday_is_the_publication_day():
    assert values("Les agriculteurs bloquent ce mardi les routes.", "2024-01-30", "present") == [("ce mardi", "2024-01-30")]
    assert values("Ce vendredi matin, le trafic reste perturbé.", "2026-05-15", "present") == [
        ("Ce vendredi matin", "2026-05-15TMO")]


def test_weekday_and_part_of_day_and_the_clock_times_of_that_day():
    text = "Le ministre a réagi jeudi soir. Le texte a été voté vers 23 heures."
    assert values(text, "2025-03-14", "past") == [("jeudi soir", "2025-03-13TEV"), ("vers 23 heures", "2025-03-13T23:00")]


def test_a_weekday_followed_by_a_clock_time_is_one_time():
    assert values("Les grévistes occupent le dépôt depuis lundi 6 heures.", "2025-03-12", "past") == [
        ("lundi 6 heures", "2025-03-10T06:00")]


# --- clock times ----------------------------------------------------------------------

def test_vers_n_heures_is_a_time_not_a_duration():
    t = timexes("L'indice reculait de 2 % vers 15 heures.", "2025-04-02", "past")
    assert [(x["type"], x["value"], x["mod"]) for x in t] == [("TIME", "2025-04-02T15:00", "APPROX")]


def test_a_clock_time_in_parenthesis_is_a_time():
    text = "La sonde a décollé à 6 heures (12 heures à Paris) mercredi."
    assert [v for _, v in values(text, "2025-04-02", "past")][:2] == ["2025-04-02T06:00", "2025-04-02T12:00"]


def test_hours_after_midnight_are_the_next_day():
    text = "Le 4 avril 2025, la ligne a fermé de 22 h 30 à 5 h."
    assert values(text, "2025-04-06", "past")[1:] == [("22 h 30", "2025-04-04T22:30"), ("5 h", "2025-04-05T05:00")]


# --- sport and travel times ------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Elle a bouclé le semi-marathon en 1 h 08 min 12 s.", "PT1H8M12S"),
    ("Il a nagé le 200 m en 1 min 54 s 30, son record.", "PT1M54.30S"),
    ("La sprinteuse a couru le 100 m en 10,72 s.", "PT10.72S"),
    ("Le train relie les deux villes en 3 h 05.", "PT3H5M"),
])
def test_race_and_travel_times(text, value):
    assert [v for _, v in values(text, "2025-06-01", "past")] == [value]


# --- quarters and halves -----------------------------------------------------------------

@pytest.mark.parametrize("text, dct, tense, extent, value", [
    ("Les ventes ont progressé au deuxième trimestre 2025.", "2025-09-01", "past", "deuxième trimestre 2025", "2025-Q2"),
    ("Le chiffre d'affaires a reculé au quatrième trimestre.", "2024-03-27", "past", "quatrième trimestre", "2023-Q4"),
    ("Le groupe a dégagé un bénéfice au premier semestre.", "2024-11-06", "past", "premier semestre", "2024-H1"),
    ("La reprise est attendue au 3e trimestre.", "2024-07-10", "future", "3e trimestre", "2024-Q3"),
])
def test_quarters_and_halves(text, dct, tense, extent, value):
    assert values(text, dct, tense) == [(extent, value)]


def test_end_of_a_half_year_and_counted_quarters():
    t = timexes("Le déficit devrait se résorber d'ici la fin du premier semestre 2027.", "2026-02-01", "future")
    assert [(x["value"], x["mod"]) for x in t] == [("2027-H1", "END")]
    assert values("Deux trimestres de recul ont suivi.", "2025-01-10", "past") == [("Deux trimestres", "P6M")]


# --- deadlines and years ---------------------------------------------------------------

def test_d_ici_a_year_is_that_year_without_d_ici():
    assert values("La ville veut planter mille arbres d'ici 2031.", "2025-01-10", "future") == [("2031", "2031")]


# --- partial dates: the nearest occurrence without tense -------------------------------------

def test_a_partial_date_without_tense_is_the_nearest_one():
    assert values("La taxe s'applique à partir du 1er janvier.", "2024-12-05") == [("1er janvier", "2025-01-01")]
    assert values("L'exposition est ouverte jusqu'au 6 janvier.", "2025-10-30", "present") == [("6 janvier", "2026-01-06")]


# --- anchoring: the narrative day, the event of the complement ------------------------------

def test_la_veille_counts_from_the_narrative_day_across_coarser_dates():
    text = ("Le budget a été présenté mardi. Le déficit a atteint 5 % fin décembre. "
            "Le ministre avait prévenu la veille.")
    assert values(text, "2024-03-28", "past")[-1] == ("la veille", "2024-03-25")


def test_n_days_after_an_event_dated_in_the_complement():
    text = "Deux jours après le scrutin de mardi, le président doit parler."
    assert values(text, "2025-11-06")[0] == ("Deux jours après", "2025-11-06")  # mardi: 4 Nov


def test_n_days_before_an_event_in_apposition_takes_the_apposed_date():
    text = "Il a été libéré le 3 mai, six jours avant le vote."
    assert values(text, "2025-05-20", "past") == [("le 3 mai", "2025-05-03"), ("six jours avant", "2025-05-03")]


def test_n_days_after_an_event_in_a_present_headline_is_now():
    assert values("Trois semaines après la tempête, les habitants attendent toujours.", "2025-02-11", "present") == [
        ("Trois semaines après", "2025-02-11")]


def test_the_day_after_an_event_with_a_date_in_the_main_clause():
    text = "Au lendemain du vote, la ministre a démissionné jeudi."
    assert values(text, "2025-03-14", "past") == [("lendemain", "2025-03-13"), ("jeudi", "2025-03-13")]


def test_a_bare_n_days_later_counts_from_the_previous_date():
    text = "Le chantier a commencé le 2 juin 2025. Trois jours plus tard, il était arrêté."
    assert values(text, "2025-07-01", "past")[1] == ("Trois jours plus tard", "2025-06-05")


def test_anchor_kinds_are_recorded():
    text = "Le sommet s'est ouvert le 4 mars 2025. Fin mars, les ministres ont signé. La veille, ils avaient hésité."
    kinds = [(x["value"], x["anchor"]) for x in timexes(text, "2025-04-10", "past")]
    assert kinds == [("2025-03-04", None), ("2025-03", "document"), ("2025-03-03", "narrative")]


# --- the reference tracker --------------------------------------------------------------------

def test_the_tracker_answers_by_offset_and_keeps_comments_apart():
    ts = [
        {"id": "t1", "span": {"start": 5, "end": 15}, "type": "DATE", "value": "2025-03-04",
         "earliest": "2025-03-04", "granularity": "day"},
        {"id": "t2", "span": {"start": 30, "end": 35}, "type": "DURATION", "value": "P3D"},
        {"id": "t3", "span": {"start": 120, "end": 125}, "type": "DATE", "value": "2024",
         "earliest": "2024-01-01", "granularity": "year"},
    ]
    tracker = ReferenceTracker.from_timexes(ts, published="2025-03-10",
                                            sections=[("body", 0, 100), ("comments", 100, 200)])
    assert tracker.narrative_time(40).timex_id == "t1"
    assert tracker.narrative_time(130, group="comments").value == "2024"
    assert tracker.narrative_time(130).value == "2025-03-04"  # the article's narrative
    assert tracker.narrative_time(3).kind == "published"
    assert tracker.narrative_time(3, fallback=False) is None


# --- ages are not durations ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Le livreur de 31 ans a été blessé.",
    "L'attaquant de 22 ans rejoint le club.",
    "Le réalisateur, qui avait 58 ans lors du tournage, raconte.",
    "Les suspects, âgés de 19 à 40 ans, ont été arrêtés.",
    "Les enfants de moins de 3 ans sont vaccinés.",
    "Les 65 ans et plus votent davantage.",
])
def test_ages_are_not_durations(text):
    assert values(text, "2025-05-01", "past") == []


def test_durations_after_a_noun_stay_durations():
    assert values("Il a signé un contrat de 5 ans.", "2025-05-01", "past") == [("5 ans", "P5Y")]
    assert values("Il y a 37 ans, la ville changeait.", "2025-05-01", "past") == [("Il y a 37 ans", "1988")]


# --- years after a noun ----------------------------------------------------------------------

def test_a_year_after_a_common_noun_is_a_date_but_not_in_a_name_or_a_count():
    assert values("La récolte 2023 a déçu les viticulteurs.", "2024-01-10", "past") == [("2023", "2023")]
    assert values("Les manœuvres Borealis 2026 commencent.", "2026-03-01", "present") == []
    assert values("La course a réuni 2000 coureurs.", "2026-03-01", "past") == []


def test_feast_names_are_not_weekdays():
    assert values("L'accord du Vendredi saint reste fragile.", "2026-03-04", "present") == []


def test_la_veille_au_soir_is_one_time_and_cette_annee_la_is_the_year_told_before():
    text = "Le 12 mars 2025, le barrage a cédé. L'alerte avait été levée la veille au soir."
    assert values(text, "2025-03-20", "past")[-1] == ("la veille au soir", "2025-03-11TEV")
    text = "Les ventes ont chuté en 2019. Cette année-là, l'usine a fermé."
    assert values(text, "2025-03-20", "past")[-1] == ("Cette année-là", "2019")
