"""What an analyst reads: "who — what" headlines, claim labels, French dates."""

from __future__ import annotations

import datetime as dt

from timeline_helpers import make_article

from claimline import build_timeline
from claimline.timeline.labels import (
    claim_label,
    event_headline,
    french_date,
    french_period,
)


def _timeline():
    people = {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER")}
    art = make_article(
        "a", "Le 15 août 2025, Trump a rencontré Poutine à Anchorage. Selon Kiev, 15 000 hommes sont massés.",
        published="2025-09-01", entities={**people, "Anchorage": ("Anchorage", "LOC"), "Kiev": ("Kiev", "LOC")},
        events=[{"trigger": "a rencontré", "lemma": "rencontrer", "timex": "Le 15 août 2025", "value": "2025-08-15",
                 "actors": ["Trump", "Poutine"], "location": "Anchorage"}],
        claims=[{"text": "15 000 hommes sont massés", "quantity": "15 000 hommes", "number": 15000, "source": "Kiev"}])
    return build_timeline([art])


def test_headline_falls_back_to_actors_and_trigger():
    timeline = _timeline()
    assert event_headline(timeline, timeline.events[0]) == "Donald Trump, Vladimir Poutine — a rencontré (Anchorage)"


def test_headline_prefers_the_extractors_label():
    timeline = _timeline()
    event = timeline.events[0]
    labelled = event.model_copy(update={"sources": [event.sources[0].model_copy(
        update={"label": "Trump – a rencontré – Poutine"})]})
    assert event_headline(timeline, labelled) == "Trump – a rencontré – Poutine"


def test_claim_label_and_french_dates():
    timeline = _timeline()
    assert claim_label(timeline, timeline.claims[0]) == "15 000 hommes — Kiev"
    assert french_date(dt.date(2025, 8, 1)) == "1er août 2025"
    assert french_date(dt.date(2024, 3, 9), "month") == "mars 2024"
    assert french_period(timeline.events[0].when) == "15 août 2025"
    assert french_period(None) == "sans date"
