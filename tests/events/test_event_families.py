"""One test per family of event errors (issue 16), on sentences written for these tests.

Each test runs the real parse (fr_core_news_md) with hand-made timexes and mentions, so
that it checks the event layer alone.
"""

from __future__ import annotations

from events_helpers import run_events


def brief(events):
    return [(e["text"], e["value"]) for e in events]


# -- a bound or a deadline dates no event; each predicate takes its own clause's timex --


def test_a_bound_does_not_date_the_state_nor_make_a_plan(nlp):
    events = run_events(
        nlp,
        "Le pacte, reconduit en 2019 par les deux capitales, reste applicable jusqu’au 3 mars 2027.",
        timexes={"2019": "2019", "3 mars 2027": "2027-03-03"},
        published="2024-05-10",
    )
    assert brief(events) == [("reconduit", "2019")]
    assert events[0]["modality"] != "planned"


def test_deadlines_durative_starts_and_comparisons_date_nothing(nlp):
    text = ("Le chômage a reculé à 6,9 % en juin, contre 7,1 % en mars. La mairie vise la neutralité "
            "d’ici 2035. Le tarif s’applique depuis janvier.")
    events = run_events(nlp, text, timexes={"juin": "2024-06", "mars": "2024-03", "2035": "2035", "janvier": "2024-01"},
                        published="2024-07-02")
    assert brief(events) == [("reculé", "2024-06")]


def test_a_range_of_two_timexes_dates_no_event(nlp):
    events = run_events(nlp, "Les exportations ont baissé entre 2018 et 2021 dans la région.",
                        timexes={"2018": "2018", "2021": "2021"}, published="2022-01-10")
    assert events == []


def test_a_timex_of_a_noun_phrase_dates_the_noun_not_the_clause(nlp):
    events = run_events(
        nlp,
        "Les positions des deux camps ont peu évolué depuis les pourparlers de Genève en 2019.",
        timexes={"2019": "2019"},
        mentions={"Genève": ("geneve", "LOC")},
        published="2024-05-10",
    )
    assert brief(events) == [("pourparlers", "2019")]


def test_coordinated_predicates_each_take_their_own_date(nlp):
    events = run_events(nlp, "La convention, adoptée en 1995 et ratifiée en 1998 par la France, demeure en vigueur.",
                        timexes={"1995": "1995", "1998": "1998"}, published="2024-05-10")
    assert brief(events) == [("adoptée", "1995"), ("ratifiée", "1998")]


# -- clause structure: coordination, relative and participial clauses --------------------


def test_coordinated_predicates_share_one_date(nlp):
    events = run_events(nlp, "Le 3 mars, la ministre est arrivée à Lille et a inauguré la nouvelle gare.",
                        timexes={"Le 3 mars": "2024-03-03"}, mentions={"Lille": ("lille", "LOC")},
                        published="2024-03-05")
    assert brief(events) == [("arrivée", "2024-03-03"), ("inauguré", "2024-03-03")]
    assert events[0]["location"] == "lille"


def test_participial_and_relative_clauses_are_events(nlp):
    events = run_events(
        nlp,
        "Le pays a quitté l’organisation, le départ prenant effet le 12 mai 2021. "
        "Le maire, qui a reçu lundi les syndicats, n’a rien promis.",
        timexes={"le 12 mai 2021": "2021-05-12", "lundi": "2024-02-12"},
        published="2024-02-14",
    )
    assert brief(events) == [("prenant", "2021-05-12"), ("reçu", "2024-02-12")]


def test_a_fronted_participle_read_as_a_noun_is_still_the_event(nlp):
    events = run_events(nlp, "Désigné le 2 octobre, Paul Martin devient le plus jeune préfet du pays.",
                        timexes={"le 2 octobre": "2023-10-02"}, mentions={"Paul Martin": ("martin", "PER")},
                        published="2023-10-05")
    assert brief(events) == [("Désigné", "2023-10-02")]
    assert events[0]["lemma"] == "désigner"


# -- nominal events dated by an apposition or a planning participle ---------------------


def test_nominal_events_dated_by_an_apposition_or_a_plan(nlp):
    events = run_events(
        nlp,
        "Tous attendent l’investiture du gouverneur, le 20 janvier. La rencontre prévue fin février a été annulée.",
        timexes={"le 20 janvier": "2025-01-20", "fin février": "2025-02"},
        published="2025-01-10",
    )
    assert brief(events) == [("investiture", "2025-01-20"), ("rencontre", "2025-02")]
    # the period of the value, without the modifier of "fin février"
    assert (events[1]["earliest"], events[1]["latest"]) == ("2025-02-01", "2025-02-28")


def test_a_noun_that_anchors_a_relative_date_is_not_dated_by_it(nlp):
    events = run_events(nlp, "Deux jours après sa finale, la nageuse a annoncé sa retraite.",
                        timexes={"Deux jours après": "2024-08-07"}, anchors={"Deux jours après": "previous"},
                        published="2024-08-09")
    assert brief(events) == [("annoncé", "2024-08-07")]


# -- the trigger is one word; the label says who did what ---------------------------------


def test_the_trigger_is_the_head_word_and_never_swallows_a_name(nlp):
    events = run_events(
        nlp,
        "Les soldats de la Rapid Task Force seront stationnés en Bavière en 2026.",
        timexes={"2026": "2026"},
        mentions={"Rapid Task Force": ("rtf", "ORG"), "Bavière": ("baviere", "LOC")},
        published="2024-07-11",
    )
    assert brief(events) == [("stationnés", "2026")]
    assert events[0]["location"] == "baviere"
    assert events[0]["modality"] == "planned"


def test_the_label_names_subject_verb_and_object(nlp):
    events = run_events(
        nlp,
        "Le 4 juin, Berlin a suspendu les livraisons d’obus à l’armée tchadienne.",
        timexes={"Le 4 juin": "2024-06-04"},
        mentions={"Berlin": ("berlin", "LOC")},
        published="2024-06-06",
    )
    assert brief(events) == [("suspendu", "2024-06-04")]
    assert events[0]["label"] == "Berlin — a suspendu — livraisons d'obus à l'armée tchadienne"  # the parse's normalised apostrophes


# -- dates with their precision ----------------------------------------------------------


def test_a_weekday_with_a_clock_time_keeps_the_time(nlp):
    events = run_events(nlp, "Mardi, à 14 h 30, la présidente a signé le décret.",
                        timexes={"Mardi": "2024-03-05", "14 h 30": "2024-03-05T14:30"},
                        anchors={"Mardi": "document", "14 h 30": "previous"}, published="2024-03-06")
    assert brief(events) == [("signé", "2024-03-05T14:30")]
    assert events[0]["granularity"] == "minute"


def test_a_part_of_day_keeps_the_time(nlp):
    events = run_events(nlp, "Le directeur a démissionné jeudi soir.",
                        timexes={"jeudi soir": "2024-03-07TEV"}, published="2024-03-08")
    assert brief(events) == [("démissionné", "2024-03-07TEV")]


# -- planned only from a given publication date -------------------------------------------


def test_an_inferred_publication_date_does_not_turn_the_past_into_plans(nlp):
    text = "Le club a recruté un attaquant le 30 juin."
    given = run_events(nlp, text, timexes={"le 30 juin": "2024-06-30"}, published="2024-06-01")
    inferred = run_events(nlp, text, timexes={"le 30 juin": "2024-06-30"}, published="2024-06-01",
                          published_source="inferred")
    assert given[0]["modality"] == "planned"  # after a given publication date: announced ahead
    assert inferred[0]["modality"] == "asserted"  # the past tense wins over a guessed date


# -- actors and location -------------------------------------------------------------------


def test_coordinated_and_inverted_subjects_are_actors(nlp):
    people = {"Olaf Scholz": ("scholz", "PER"), "Giorgia Meloni": ("meloni", "PER"), "Jean Castex": ("castex", "PER")}
    met = run_events(nlp, "Olaf Scholz et Giorgia Meloni se sont retrouvés le 4 mai à Rome.",
                     timexes={"le 4 mai": "2024-05-04"}, mentions={**people, "Rome": ("rome", "LOC")},
                     published="2024-05-06")
    assert brief(met) == [("retrouvés", "2024-05-04")]
    assert sorted(met[0]["actors"]) == ["meloni", "scholz"]
    assert met[0]["location"] == "rome"
    said = run_events(nlp, "« Nous tiendrons les délais », a assuré mardi Jean Castex.",
                      timexes={"mardi": "2024-05-07"}, mentions=people, published="2024-05-08")
    assert [(e["text"], e["actors"]) for e in said] == [("assuré", ["castex"])]


def test_a_place_inside_the_object_is_not_the_location(nlp):
    events = run_events(
        nlp,
        "Le 2 juillet, Washington a gelé les crédits destinés à la reconstruction de l’Ukraine.",
        timexes={"Le 2 juillet": "2024-07-02"},
        mentions={"Washington": ("washington", "LOC"), "Ukraine": ("ukraine", "LOC")},
        published="2024-07-04",
    )
    assert brief(events) == [("gelé", "2024-07-02")]
    assert events[0]["location"] is None
    assert events[0]["actors"] == ["washington"]
