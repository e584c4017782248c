"""claimline_events on real French sentences (spaCy parses, hand-made timexes and mentions)."""

from __future__ import annotations

import pytest
from events_helpers import run_events

PEOPLE = {"Trump": ("trump", "PER"), "Poutine": ("poutine", "PER")}


def brief(events):
    return [(e["text"], e["lemma"], e["value"]) for e in events]


def test_a_dated_verb_and_a_dated_event_noun(nlp):
    events = run_events(
        nlp,
        "Mercredi 12 février, Donald Trump s’est longuement entretenu avec Vladimir Poutine, dans ce qui "
        "constitue la plus longue discussion entre Washington et Moscou depuis le début de l’invasion russe en 2022.",
        timexes={"Mercredi 12 février": "2025-02-12", "2022": "2022"},
        mentions={"Donald Trump": ("trump", "PER"), "Vladimir Poutine": ("poutine", "PER"),
                  "Washington": ("washington", "LOC"), "Moscou": ("moscou", "LOC")},
        published="2025-02-13",
    )
    assert brief(events) == [("entretenu", "entretenir", "2025-02-12"), ("invasion", "invasion", "2022")]
    call = events[0]
    assert call["actors"] == ["trump", "poutine"]  # the subject and the "avec" partner
    assert (call["earliest"], call["latest"], call["granularity"]) == ("2025-02-12", "2025-02-12", "day")
    assert (call["timex_id"], call["modality"], call["polarity"], call["section"]) == ("t0", "asserted", "positive", "body")


def test_a_light_verb_hands_over_to_its_event_noun_and_the_place_is_named(nlp):
    events = run_events(
        nlp,
        "Comme on le sait, un sommet entre Trump et Poutine a alors été organisé pour le 15 août 2025 à "
        "Anchorage, en Alaska, au cours duquel l'équipe Trump a opéré un revirement complet.",
        timexes={"le 15 août 2025": "2025-08-15"},
        mentions={**PEOPLE, "Anchorage": ("anchorage", "LOC"), "Alaska": ("alaska", "LOC")},
        published="2025-08-20",
    )
    assert brief(events) == [("sommet", "sommet", "2025-08-15")]
    assert sorted(events[0]["actors"]) == ["poutine", "trump"]
    assert events[0]["location"] == "anchorage"


def test_the_night_of_drones_dates_the_attacks(nlp):
    events = run_events(
        nlp,
        "Continuent aussi les attaques massives et sans objectifs militaires contre les villes ukrainiennes, "
        "plus de 500 drones et 40 missiles dans la nuit du 19 au 20 septembre.",
        timexes={"la nuit du 19 au 20 septembre": "2025-09-19TNI"},
        claims={"c1": "plus de 500 drones et 40 missiles"},
        published="2025-09-21",
    )
    assert brief(events) == [("attaques", "attaque", "2025-09-19TNI")]
    assert (events[0]["earliest"], events[0]["latest"]) == ("2025-09-19", "2025-09-19")  # the day of the TIMEX3 value
    assert events[0]["claims"] == ["c1"]


def test_two_timexes_of_one_predicate_make_one_event_and_durations_date_nothing(nlp):
    events = run_events(
        nlp,
        "Le jour précédent, le 19 septembre, trois chasseurs russes MiG 31 pénétraient pendant une dizaine "
        "de minutes dans l’espace aérien de l’Estonie.",
        timexes={"Le jour précédent": "2025-09-19", "le 19 septembre": "2025-09-19", "une dizaine de minutes": "PT10M"},
        mentions={"MiG 31": ("mig-31", "MISC"), "Estonie": ("estonie", "LOC")},
        published="2025-09-21",
    )
    assert brief(events) == [("pénétraient", "pénétrer", "2025-09-19")]
    assert (events[0]["actors"], events[0]["location"]) == (["mig-31"], "estonie")


@pytest.mark.parametrize(
    ("text", "timexes", "expected"),
    [
        ("Les frontières ukrainiennes de 2014 ne seront pas rétablies.", {"2014": "2014"}, []),
        ("Depuis plus de trois ans, la Russie mène la guerre.", {"plus de trois ans": "P3Y"}, []),
        ("Désormais, la Russie avance.", {"Désormais": "PRESENT_REF"}, []),
        ("La Russie avance chaque semaine.", {"chaque semaine": "P1W"}, []),
    ],
)
def test_undated_statements_states_durations_sets_and_present_ref_are_not_events(nlp, text, timexes, expected):
    assert brief(run_events(nlp, text, timexes=timexes, published="2025-02-13")) == expected


@pytest.mark.parametrize(
    ("text", "timex", "published", "modality", "polarity"),
    [
        ("Trump ne s’est pas entretenu avec Poutine le 12 février.", "le 12 février", "2025-02-13", "negated", "negative"),
        ("Le Kremlin a démenti que Trump a appelé Poutine le 12 février.", "le 12 février", "2025-02-13", "negated", "negative"),
        ("Elle n’a conquis que 250 km2 de territoire en février 2025.", "février 2025", "2025-03-22", "asserted", "positive"),
        ("Elle n’a conquis que 250 km2 en février 2025 d’après le très précis War Mapper.", "février 2025", "2025-03-22", "reported", "positive"),
        ("Les discussions reprennent en Arabie saoudite le 23 mars.", "le 23 mars", "2025-03-22", "planned", "positive"),
        ("Trump rencontrera Poutine le 15 août.", "le 15 août", "2025-08-01", "planned", "positive"),
        ("Trump veut rencontrer Poutine le 15 août.", "le 15 août", "2025-08-20", "planned", "positive"),
        ("La Russie pourrait attaquer le 15 août.", "le 15 août", "2025-08-20", "hedged", "positive"),
        ("Poutine aurait exigé leur reddition le 12 mars.", "le 12 mars", "2025-03-22", "conditional", "positive"),
        ("Poutine a indiqué qu’une déclaration serait publiée le 4 août 2025.", "le 4 août 2025", "2025-08-20", "reported", "positive"),
        ("Trump a-t-il appelé Poutine le 12 février ?", "le 12 février", "2025-02-13", "question", "positive"),
        ("Trump a appelé Poutine le 12 février.", "le 12 février", "2025-02-13", "asserted", "positive"),
    ],
)
def test_modality_and_polarity(nlp, text, timex, published, modality, polarity):
    value = {"le 12 février": "2025-02-12", "février 2025": "2025-02", "le 23 mars": "2025-03-23",
             "le 15 août": "2025-08-15", "le 12 mars": "2025-03-12", "le 4 août 2025": "2025-08-04"}[timex]
    events = run_events(nlp, text, timexes={timex: value}, mentions=PEOPLE, published=published)
    assert [(e["modality"], e["polarity"]) for e in events] == [(modality, polarity)], brief(events)


def test_coordinated_predicates_share_the_date(nlp):
    events = run_events(nlp, "Le 1er août 2025, les présidents se sont rencontrés et ont signé un accord.",
                        timexes={"Le 1er août 2025": "2025-08-01"}, published="2025-08-20")
    assert [e["lemma"] for e in events] == ["rencontrer", "signer"]
    assert [e["id"] for e in events] == ["ev1", "ev2"]


def test_the_title_is_read_but_not_readers_comments(nlp):
    text = ("Trump a appelé Poutine le 12 février\n\nLe texte.\n\n"
            "2 commentaires sur “Trump”\n\nMoi, j’ai appelé ma mère le 12 février.\n")
    events = run_events(nlp, text, timexes={"le 12 février": "2025-02-12"}, published="2025-02-13")
    assert [(e["lemma"], e["section"]) for e in events] == [("appeler", "title")]
