"""The cross-article timeline, on small hand-built Articles (no spaCy)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from timeline_helpers import make_article

from claimline import InputError, Timeline, build_timeline
from claimline.errors import MissingDependencyError

PEOPLE = {
    "Trump": ("Donald Trump", "PER"),
    "Poutine": ("Vladimir Poutine", "PER"),
    "Anchorage": ("Anchorage", "LOC"),
}


@pytest.fixture
def articles():
    a = make_article(
        "a",
        "Les Ukrainiens se sont emparés de Koursk en août 2024. "
        "Le 15 août 2025, Trump a rencontré Poutine à Anchorage. "
        "Selon Kiev, plus de 500 drones ont frappé le pays le 20 septembre 2025.",
        published="2025-09-21",
        entities={**PEOPLE, "Kiev": ("Kiev", "LOC"), "Koursk": ("Koursk", "LOC")},
        events=[
            {"trigger": "se sont emparés", "lemma": "emparer", "timex": "août 2024", "value": "2024-08",
             "location": "Koursk"},
            {"trigger": "a rencontré", "lemma": "rencontrer", "timex": "Le 15 août 2025", "value": "2025-08-15",
             "actors": ["Trump"], "location": "Anchorage"},
        ],
        claims=[{"text": "plus de 500 drones ont frappé le pays", "quantity": "plus de 500 drones", "number": 500,
                 "timex": "le 20 septembre 2025", "value": "2025-09-20", "source": "Kiev", "modality": "reported"}],
    )
    b = make_article(
        "b",
        "Un sommet entre Trump et Poutine a eu lieu le 15 août 2025 à Anchorage. "
        "Le 2 août 2025, la Russie a annoncé la fin du moratoire. Le pays compte 604 000 km2.",
        published="2025-08-20",
        entities={"Trump": ("Donald Trump", "PER"), "Poutine": ("Poutine", "PER"),
                  "Anchorage": ("Anchorage", "LOC"), "Russie": ("Russie", "LOC")},
        events=[
            {"trigger": "sommet", "lemma": "sommet", "timex": "le 15 août 2025", "value": "2025-08-15",
             "actors": ["Trump", "Poutine"], "location": "Anchorage"},
            {"trigger": "a annoncé", "lemma": "annoncer", "timex": "Le 2 août 2025", "value": "2025-08-02",
             "actors": ["Russie"]},
        ],
        claims=[{"text": "Le pays compte 604 000 km2", "quantity": "604 000 km2", "number": 604000}],
    )
    return [a, b]


def test_events_are_ordered_and_shown_as_precisely_as_known(articles):
    timeline = build_timeline(articles)
    assert [(e.when.label, e.lemma) for e in timeline.events] == [
        ("2024-08", "emparer"),
        ("2025-08-02", "annoncer"),
        ("2025-08-15", "rencontrer"),
    ]
    koursk = timeline.events[0]
    assert (koursk.when.earliest, koursk.when.latest, koursk.when.granularity) == (
        dt.date(2024, 8, 1), dt.date(2024, 8, 31), "month")


def test_the_anchorage_summit_reported_twice_is_one_event_with_both_sources(articles):
    summit = build_timeline(articles).events[-1]
    assert [(s.doc_id, s.trigger.text) for s in summit.sources] == [("a", "a rencontré"), ("b", "sommet")]
    assert summit.sources[1].trigger.sentence == "Un sommet entre Trump et Poutine a eu lieu le 15 août 2025 à Anchorage."
    assert summit.sources[1].timex == "le 15 août 2025"


def test_entities_are_merged_across_articles_with_their_mentions(articles):
    timeline = build_timeline(articles)
    putin = timeline.entity("Poutine")
    assert putin.name == "Vladimir Poutine" and "Poutine" in putin.aliases
    assert {(m.doc_id, articles[m.doc_id == "b"].text[m.start:m.end]) for m in putin.mentions} == {
        ("a", "Poutine"), ("b", "Poutine")}
    summit = timeline.events[-1]
    assert timeline.names(summit.actors) == ["Donald Trump", "Vladimir Poutine"]
    assert timeline.names([summit.location]) == ["Anchorage"]
    assert len([e for e in timeline.entities if e.name == "Anchorage"]) == 1


def test_different_days_or_polarities_or_actors_are_not_merged():
    text = "Le 12 février 2025, Trump a appelé Poutine. Le 13 février 2025, Trump a appelé Poutine."
    two_days = make_article("x", text, entities=PEOPLE, events=[
        {"trigger": "a appelé", "lemma": "appeler", "timex": "Le 12 février 2025", "value": "2025-02-12", "actors": ["Trump"]},
        {"trigger": "a appelé", "lemma": "appeler", "timex": "Le 13 février 2025", "value": "2025-02-13", "actors": ["Trump"]},
    ])
    assert len(build_timeline([two_days]).events) == 2
    denial = make_article("y", "Le 12 février 2025, Trump n'a pas appelé Poutine.", entities=PEOPLE, events=[
        {"trigger": "appelé", "lemma": "appeler", "timex": "Le 12 février 2025", "value": "2025-02-12",
         "actors": ["Trump"], "polarity": "negative", "modality": "negated"}])
    merged = build_timeline([two_days, denial])
    assert [(e.when.label, e.polarity) for e in merged.events] == [
        ("2025-02-12", "positive"), ("2025-02-12", "negative"), ("2025-02-13", "positive")]
    other = make_article("z", "Le 12 février 2025, Macron a appelé Scholz.",
                         entities={"Macron": ("Emmanuel Macron", "PER")}, events=[
        {"trigger": "a appelé", "lemma": "appeler", "timex": "Le 12 février 2025", "value": "2025-02-12", "actors": ["Macron"]}])
    assert len(build_timeline([two_days, other]).events) == 3


def test_claims_say_who_claimed_which_figure_when(articles):
    timeline = build_timeline(articles)
    drones = next(c for c in timeline.claims if c.doc_id == "a")
    assert (drones.quantities[0].text, drones.quantities[0].value) == ("plus de 500 drones", 500)
    assert timeline.names([drones.source]) == ["Kiev"] and drones.source_text == "Kiev"
    assert (drones.when.label, drones.modality, drones.published) == ("2025-09-20", "reported", dt.date(2025, 9, 21))
    assert drones.provenance.sentence.startswith("Selon Kiev")
    undated = next(c for c in timeline.claims if c.doc_id == "b")  # no timex: dated by its publication day
    assert (undated.when.label, undated.when_source, drones.when_source) == ("2025-08-20", "published", "timex")
    assert [c.id for c in timeline.claims] == ["b/c0", "a/c0"]


def test_filter_by_entity_period_section_and_modality(articles):
    timeline = build_timeline(articles)
    assert [e.lemma for e in timeline.filter(entity="vladimir poutine").events] == ["rencontrer"]
    assert [e.lemma for e in timeline.filter(entity="Koursk").events] == ["emparer"]
    assert [e.lemma for e in timeline.filter(start="2025-08", end="2025-08-10").events] == ["annoncer"]
    assert [e.lemma for e in timeline.filter(end="2024").events] == ["emparer"]
    in_september = timeline.filter(start="2025-09")
    assert [c.id for c in in_september.claims] == ["a/c0"]
    # the claim without a timex is kept by a period filter through its publication day
    assert [c.id for c in timeline.filter(start="2025-08", end="2025-08-31").claims] == ["b/c0"]
    assert timeline.filter(section="comments").events == []
    assert [c.id for c in timeline.filter(modality="reported").claims] == ["a/c0"]
    assert len(timeline.filter(modality=["asserted", "reported"]).events) == 3
    assert timeline.filter(entity="Kiev").entities == timeline.entities


def test_filter_errors_name_the_argument_and_value(articles):
    timeline = build_timeline(articles)
    with pytest.raises(InputError, match=r"entity='Zelensky'.*known: Anchorage"):
        timeline.filter(entity="Zelensky")
    with pytest.raises(InputError, match=r"start='août'.*YYYY-MM"):
        timeline.filter(start="août")
    with pytest.raises(InputError, match=r"modality='certain'.*'asserted'"):
        timeline.filter(modality="certain")
    with pytest.raises(InputError, match=r"section='corps'.*'body'"):
        timeline.filter(section=["body", "corps"])


def test_entity_filter_accepts_an_alias_the_articles_did_not_use(articles):
    timeline = build_timeline(articles)
    # "Vladimir Putin" is an alias of Poutine in the packaged registry, not in these articles
    assert [e.lemma for e in timeline.filter(entity="Vladimir Putin").events] == ["rencontrer"]
    kept = timeline.filter(entity="Koursk").referenced()
    assert [e.name for e in kept.entities] == ["Koursk"]


def test_json_round_trip_and_jsonl(articles):
    timeline = build_timeline(articles)
    assert Timeline.model_validate_json(timeline.model_dump_json()) == timeline
    lines = timeline.to_jsonl().splitlines()
    assert [json.loads(line)["lemma"] for line in lines] == ["emparer", "annoncer", "rencontrer"]
    assert len(timeline.to_jsonl("claims").splitlines()) == 2
    with pytest.raises(InputError, match="kind='actors'"):
        timeline.to_jsonl("actors")


def test_csv_is_long_form_with_one_header(articles):
    timeline = build_timeline(articles)
    csv_text = timeline.to_csv()
    assert csv_text.splitlines()[0].startswith("event_id,headline,date,earliest,latest,granularity,value,lemma")
    assert "2024-08,2024-08-01,2024-08-31,month,2024-08,emparer" in csv_text
    assert len(csv_text.splitlines()) == 1 + 4  # the summit has two sources: two rows


def test_dataframe_without_pandas_says_how_to_install_it(articles, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"pip install \"claimline\[pandas\]\""):
        build_timeline(articles).to_dataframe()


def test_timelinejs_dates_are_only_as_precise_as_known(articles):
    night = make_article("n", "Dans la nuit du 19 au 20 septembre, la Russie a frappé.", events=[
        {"trigger": "a frappé", "lemma": "frapper", "timex": "la nuit du 19 au 20 septembre", "value": "2025-09-19TNI"}])
    tjs = build_timeline([*articles, night]).to_timelinejs()
    koursk, *_, strikes = tjs["events"]
    assert koursk["start_date"] == {"year": 2024, "month": 8}
    assert "end_date" not in koursk
    assert strikes["start_date"]["day"] == 19 and strikes["end_date"] == {"year": 2025, "month": 9, "day": 20}


def test_a_second_tool_loads_the_timeline_without_spacy(articles, tmp_path):
    path = tmp_path / "timeline.json"
    path.write_text(build_timeline(articles).model_dump_json(), encoding="utf-8")
    code = (
        "import sys\n"
        "from claimline import Timeline\n"
        f"t = Timeline.model_validate_json(open({str(path)!r}, encoding='utf-8').read())\n"
        "assert [e.lemma for e in t.events] == ['emparer', 'annoncer', 'rencontrer'], t.events\n"
        "assert 'spacy' not in sys.modules, 'claimline.Timeline imported spaCy'\n"
        "print('ok')\n"
    )
    import os

    env = {**os.environ, "PYTHONPATH": str(__import__("claimline").__path__[0].rsplit("/", 1)[0])}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
