"""Scoring each layer on hand-made French cases whose scores are worked out by hand."""

from __future__ import annotations

import pytest
from evaluate_cases import (
    ASIDE,
    BODY,
    DOC_ID,
    GOLD_EVENTS,
    GOLD_MENTIONS,
    GOLD_QUANTITIES,
    GOLD_TIMEXES,
    TEXT,
    article,
    event,
    full_gold,
    gold,
    item,
    mention,
    perfect_article,
    quantity,
    timex,
)

import claimline
from claimline.evaluate import evaluate


def scores(prediction, gold_doc=None):
    gold_doc = gold_doc or full_gold()
    return evaluate({gold_doc.doc_id: gold_doc}, [prediction])


def f1(report, layer, metric):
    return report.score(layer, metric).f1


def test_perfect_prediction_scores_100_everywhere():
    report = scores(perfect_article())
    for layer in report.layers.values():
        for name, score in layer.micro.items():
            value = getattr(score, "f1", None) if hasattr(score, "f1") else score.accuracy
            assert value == 1.0, name
    assert report.errors == []


def test_claimline_evaluate_is_callable():
    gold_doc = full_gold()
    report = claimline.evaluate({DOC_ID: gold_doc}, [perfect_article()])
    assert report.score("timexes", "value").f1 == 1.0


def test_empty_prediction_has_zero_recall_and_undefined_precision():
    report = scores(article())
    for layer in ("timexes", "quantities", "entities", "events"):
        s = report.score(layer, "relaxed")
        assert (s.precision, s.recall, s.f1) == (None, 0.0, 0.0)
    fn = [e for e in report.errors if e.kind == "FN"]
    assert len(fn) == len(GOLD_TIMEXES) + len(GOLD_QUANTITIES) + len(GOLD_MENTIONS) + len(GOLD_EVENTS)


def test_missing_document_is_scored_as_empty():
    report = evaluate({DOC_ID: full_gold()}, [])
    assert report.missing == [DOC_ID]
    assert report.score("timexes", "strict").recall == 0.0


def test_empty_gold_makes_every_prediction_a_false_positive():
    report = scores(perfect_article(), gold())
    s = report.score("timexes", "relaxed")
    assert (s.precision, s.recall, s.f1) == (0.0, None, 0.0)
    assert report.score("entities", "strict").p_den == len(GOLD_MENTIONS)


def test_predictions_outside_title_and_body_are_not_scored():
    # "Lire aussi : Poutine et Trump" is an aside: the gold does not annotate it.
    prediction = article(mentions=[mention("Poutine", entity_id="E5"), mention("Trump", 3, entity_id="E1")])
    report = scores(prediction, gold())
    assert report.score("entities", "relaxed").p_den == 0


def test_off_by_one_timex_counts_for_relaxed_not_strict():
    # "18 septembre 2025" instead of "Le 18 septembre 2025"
    report = scores(article(timexes=[timex("Le 18 septembre 2025", shift=(3, 0))]))
    assert f1(report, "timexes", "strict") == 0.0
    assert f1(report, "timexes", "relaxed") == 1.0
    assert f1(report, "timexes", "value") == 1.0
    span_errors = [e for e in report.errors if e.kind == "span"]
    assert [e.text for e in span_errors] == ["18 septembre 2025"]


def test_wrong_timex_value_and_type():
    report = scores(article(timexes=[timex("Le 18 septembre 2025", type="TIME", value="2025-09-19")]))
    assert f1(report, "timexes", "relaxed") == 1.0
    assert f1(report, "timexes", "value") == 0.0
    assert report.score("timexes", "type").accuracy == 0.0
    assert {e.kind for e in report.errors if e.layer == "timexes"} == {"type", "value"}


def test_timex_value_f1_is_tempeval3():
    # One right, one spurious ("Londres" is no date): value P = 1/2, R = 1/1.
    prediction = article(timexes=[timex("Le 18 septembre 2025"), timex("Londres", 1, value="2025")])
    s = scores(prediction).score("timexes", "value")
    assert (s.precision, s.recall) == (0.5, 1.0)


def test_quantity_values_units_and_bounds():
    prediction = article(
        quantities=[
            quantity("Plus de 500 drones", value=500.0000001, qualifier="at_least"),  # same value, wrong bound
            quantity("6 000 km2", value=6000, unit="km"),  # wrong unit
        ]
    )
    report = scores(prediction)
    assert f1(report, "quantities", "value") == 1.0
    assert f1(report, "quantities", "value_unit") == 0.5
    assert report.score("quantities", "bounds").accuracy == 0.5
    assert {e.kind for e in report.errors if e.layer == "quantities"} == {"unit", "bounds"}


def test_quantity_wrong_value_and_ranges():
    text = "Entre 12 et 18 mois de combats, 600 000 km2.\n"
    sections = [("body", 0, len(text))]
    gold_doc = gold(
        text,
        sections=sections,
        quantities=[
            item("Entre 12 et 18 mois", text=text, value=None, low=12, high=18, unit="month"),
            item("600 000 km2", text=text, value=600000, unit="km2"),
        ],
    )
    from claimline.models import Quantity, Span

    def q(fragment, **kw):
        s = text.index(fragment)
        return Quantity(id=f"q{s}", span=Span(start=s, end=s + len(fragment), text=fragment), **kw)

    prediction = article(
        text,
        sections=sections,
        quantities=[q("Entre 12 et 18 mois", low=12, high=18, unit="month"), q("600 000 km2", value=6000, unit="km2")],
    )
    report = scores(prediction, gold_doc)
    assert report.score("quantities", "value").precision == 0.5
    wrong = [e for e in report.errors if e.kind == "value"]
    assert [e.text for e in wrong] == ["600 000 km2"]


def test_mention_label_counts_for_labelled_scores():
    prediction = article(mentions=[mention("Keir Starmer", label="ORG", entity_id="E3")])
    report = scores(prediction, gold(mentions=[item("Keir Starmer", label="PER", entity="Keir Starmer")]))
    assert f1(report, "entities", "relaxed") == 0.0
    assert report.score("entities", "label").accuracy == 0.0


def _trump_gold():
    return gold(
        mentions=[
            item("Trump", 0, label="PER", entity="Donald Trump"),
            item("Donald Trump", label="PER", entity="Donald Trump"),
            item("Trump", 2, label="PER", entity="Donald Trump"),
            item("Keir Starmer", label="PER", entity="Keir Starmer"),
        ]
    )


def test_split_cluster():
    prediction = article(
        mentions=[
            mention("Trump", 0, entity_id="E1"),
            mention("Donald Trump", entity_id="E1"),
            mention("Trump", 2, entity_id="E9"),  # split off
            mention("Keir Starmer", entity_id="E3"),
        ]
    )
    report = scores(prediction, _trump_gold())
    b3 = report.score("entities", "b3")
    # precision: every predicted cluster is pure; recall: Trump mentions 2/3, 2/3, 1/3, Starmer 1
    assert b3.precision == 1.0
    assert b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    pw = report.score("entities", "pairwise")
    assert (pw.precision, pw.recall) == (1.0, pytest.approx(1 / 3))
    assert [e.kind for e in report.errors] == ["split"]


def test_merged_cluster():
    prediction = article(
        mentions=[
            mention("Trump", 0, entity_id="E1"),
            mention("Donald Trump", entity_id="E1"),
            mention("Trump", 2, entity_id="E1"),
            mention("Keir Starmer", entity_id="E1"),  # merged into Trump
        ]
    )
    report = scores(prediction, _trump_gold())
    b3 = report.score("entities", "b3")
    assert (b3.precision, b3.recall) == (pytest.approx((3 / 4 * 3 + 1 / 4) / 4), 1.0)
    pw = report.score("entities", "pairwise")
    assert (pw.precision, pw.recall) == (0.5, 1.0)  # 6 predicted links, 3 right
    assert [e.kind for e in report.errors] == ["merged"]


def test_cross_document_clustering():
    # Two articles that both mention Donald Trump: one entity in gold, two ids predicted.
    g1 = gold(doc_id="a", mentions=[item("Donald Trump", label="PER", entity="Donald Trump")])
    g2 = gold(doc_id="b", mentions=[item("Donald Trump", label="PER", entity="Donald Trump")])
    p1 = article(doc_id="a", mentions=[mention("Donald Trump", entity_id="trump-a")])
    p2 = article(doc_id="b", mentions=[mention("Donald Trump", entity_id="trump-b")])
    report = evaluate({"a": g1, "b": g2}, [p1, p2])
    assert report.score("entities", "b3").f1 == 1.0  # within each document, nothing to get wrong
    cross = report.score("entities", "cross_b3")
    assert (cross.precision, cross.recall) == (1.0, 0.5)
    assert report.score("entities", "cross_pairwise").recall == 0.0
    p2_same = article(doc_id="b", mentions=[mention("Donald Trump", entity_id="trump-a")])
    assert evaluate({"a": g1, "b": g2}, [p1, p2_same]).score("entities", "cross_pairwise").f1 == 1.0


def test_event_dates_exact_and_contained():
    # Gold: "rencontré" on 2025-09-18; "frappé" undated (not scored for its date).
    whole_month = article(events=[event("rencontré", earliest="2025-09-01", latest="2025-09-30"), event("frappé")])
    report = scores(whole_month)
    assert f1(report, "events", "relaxed") == 1.0
    assert report.score("events", "date_exact").total == 1
    assert report.score("events", "date_exact").accuracy == 0.0
    assert report.score("events", "date_contains").accuracy == 1.0
    wrong_day = article(events=[event("rencontré", earliest="2025-09-19", latest="2025-09-19")])
    report = scores(wrong_day)
    assert report.score("events", "date_contains").accuracy == 0.0
    assert [e.kind for e in report.errors if e.layer == "events"] == ["date", "FN"]


def test_section_boundaries_skip_whitespace():
    # The body predicted to start on the blank line before "Le 18": same boundary.
    early = [("title", 0, BODY - 2), ("body", BODY - 2, ASIDE), ("aside", ASIDE, len(TEXT))]
    report = scores(article(sections=early), gold())
    assert f1(report, "sections", "boundaries") == 1.0
    assert report.score("sections", "chars").accuracy == 1.0


def test_section_missed_aside():
    merged = [("title", 0, BODY), ("body", BODY, len(TEXT))]
    report = scores(article(sections=merged), gold())
    b = report.score("sections", "boundaries")
    assert (b.precision, b.recall) == (1.0, 0.5)
    nonspace = lambda s: sum(not c.isspace() for c in s)  # noqa: E731
    aside, body = nonspace(TEXT[ASIDE:]), nonspace(TEXT[BODY:ASIDE])
    chars = report.score("sections", "chars")
    assert (chars.correct, chars.total) == (nonspace(TEXT) - aside, nonspace(TEXT))
    assert report.score("sections", "chars_aside").recall == 0.0
    assert report.score("sections", "chars_body").precision == pytest.approx(body / (body + aside))
    [fn] = report.errors
    assert (fn.kind, fn.start, fn.detail) == ("FN", ASIDE, "gold boundary body→aside")


def test_micro_average_over_documents():
    g1, g2 = full_gold(), gold(doc_id="b", timexes=GOLD_TIMEXES)
    report = evaluate({"doc_a": g1, "b": g2}, [perfect_article()])
    s = report.score("timexes", "strict")
    assert (s.precision, s.recall) == (1.0, 0.5)
    assert report.score("timexes", "strict", "doc_a").f1 == 1.0
    assert report.score("timexes", "strict", "b").f1 == 0.0


def test_errors_show_the_text_around_on_one_line():
    report = scores(article())
    [fn] = [e for e in report.errors if e.layer == "timexes"]
    assert fn.context.startswith("Trump à Londres  [Le 18 septembre 2025], Donald Trump a rencontré Keir")
    assert len(report.errors_text().splitlines()) == len(report.errors)
    assert report.errors_text().splitlines()[0].startswith("timexes    doc_a FN     [")


def test_table_and_json_report_every_layer():
    report = scores(perfect_article())
    table = report.table()
    for layer in ("timexes", "quantities", "entities", "events", "sections", "cross_b3", "date_exact"):
        assert layer in table
    data = report.model_dump(mode="json")
    assert data["layers"]["timexes"]["micro"]["value"]["f1"] == 1.0


def test_layer_not_produced_is_flagged():
    report = scores(article(timexes=[timex("Le 18 septembre 2025")]))
    assert report.layers["timexes"].produced
    assert not report.layers["quantities"].produced
    assert "quantities   [NOT PRODUCED" in report.table()
