"""Cross-document merging on short articles written for it (benchmarks/event_merge/):
the same event reported in other words or with a relative date merges; different events
of the same day do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimline import build_timeline, extract_many

FOLDER = Path(__file__).resolve().parents[2] / "benchmarks" / "event_merge"


@pytest.fixture(scope="module")
def timeline(nlp):
    meta = json.loads((FOLDER / "raw" / "metadata.json").read_text(encoding="utf-8"))["articles"]
    items = [{"text": p.read_text(encoding="utf-8"), "doc_id": p.stem, "published": meta[p.stem]["published"]}
             for p in sorted((FOLDER / "raw").glob("*.txt"))]
    return build_timeline(extract_many(items, nlp=nlp))


def event_of(timeline, doc_id: str, word: str):
    hits = [e for e in timeline.events for s in e.sources if (s.doc_id, s.trigger.text) == (doc_id, word)]
    assert len(hits) == 1, (doc_id, word, [(e.when.label, [(s.doc_id, s.trigger.text) for s in e.sources])
                                           for e in timeline.events])
    return hits[0]


def test_one_call_reported_three_ways_is_one_event(timeline):
    # "s'est entretenu mardi" / "l'appel du 4 mars" / "Le 4 mars, ... avaient échangé"
    call = event_of(timeline, "m1", "entretenu")
    assert event_of(timeline, "m2", "appel") is call
    assert event_of(timeline, "m3", "échangé") is call
    assert call.when.label == "2025-03-04"
    assert "Macron" in call.label


def test_a_plan_and_its_report_merge_and_a_meeting_seen_from_each_side_merges(timeline):
    assert event_of(timeline, "m2", "retrouveront") is event_of(timeline, "m3", "rencontrés")  # "le 20 mars" / "jeudi"
    assert event_of(timeline, "m5", "reçu") is event_of(timeline, "m6", "rencontré")  # Scholz receives Tusk


def test_different_events_of_the_same_day_stay_apart(timeline):
    call, opening = event_of(timeline, "m1", "entretenu"), event_of(timeline, "m1", "inauguré")
    other_meeting = event_of(timeline, "m5", "reçu")
    assert call.when.label == opening.when.label == other_meeting.when.label == "2025-03-04"
    assert len({id(call), id(opening), id(other_meeting)}) == 3
    assert event_of(timeline, "m4", "inauguré") is opening  # "hier" = the same day as "Le même jour"


def test_the_gold_merges_are_all_found(timeline):
    gold = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))["events"]
    ids = {name: {event_of(timeline, d, w).id for d, w in refs} for name, refs in gold.items()}
    assert all(len(v) == 1 for v in ids.values()), ids
    assert len({next(iter(v)) for v in ids.values()}) == len(gold)
