"""Events and the timeline over the five seed articles."""

from __future__ import annotations

import pytest

from claimline import build_timeline
from claimline.calendar import bounds
from claimline.events import load_lexicon


def test_event_spans_are_exact_and_inside_their_sentence(seed_articles):
    for article in seed_articles.values():
        for event in article.events:
            t = event.trigger
            assert t.text == article.text[t.start : t.end]
            sent = article.sentences[t.sentence]
            assert sent.start <= t.start and t.end <= sent.end, (article.doc_id, t)
            timex = next(x for x in article.timexes if x.id == event.timex_id)
            # the event takes the period of the timex's value, without its modifier ("fin 2025" -> 2025)
            assert (event.earliest, event.latest, event.value) == (*bounds(timex.value)[:2], timex.value)
            assert timex.type in ("DATE", "TIME") and not timex.value.startswith("P")
            assert event.section in ("title", "body")


def test_timeline_provenance_points_into_the_articles(seed_articles):
    timeline = build_timeline(seed_articles.values())
    for event in timeline.events:
        for src in event.sources:
            text = seed_articles[src.doc_id].text
            assert text[src.trigger.start : src.trigger.end] == src.trigger.text
            assert src.trigger.text in src.trigger.sentence
    for entity in timeline.entities:
        for m in entity.mentions:
            assert seed_articles[m.doc_id].text[m.start : m.end]


# (date label, merge class or lemma, article) of the key events of the seeds, in time order
KEY_EVENTS = [
    ("2024-08", "incursion", "000_9c2b6372b2c85d88"),   # the Ukrainians took the Koursk pocket
    ("2025-02-12", "call", "004_0e67424a64534fb4"),     # Trump's phone call with Putin
    ("2025-08-15", "meeting", "003_b435e01eab322765"),  # the Anchorage summit
    ("2025-08-18", "meeting", "003_b435e01eab322765"),  # the Oval Office meeting
    ("2025-09-19", "incursion", "002_7f491bfa0959dcff"),  # three MiG-31 in Estonian airspace
    ("2025-09-19", "strike", "002_7f491bfa0959dcff"),  # 500 drones and 40 missiles, the night of the 19th
]


def test_the_key_events_appear_once_each_in_order_with_sources(nlp, seed_articles):
    if not any(a.timexes for a in seed_articles.values()):
        pytest.skip("the pipeline has no timex component yet (claimline_timexes): no dated events")
    lexicon = load_lexicon()
    timeline = build_timeline(seed_articles.values())

    def matches(event, label, cls):
        return event.when.label == label and (lexicon.event_class(event.lemma) == cls or event.lemma == cls)

    found = []
    for label, cls, doc_id in KEY_EVENTS:
        hits = [e for e in timeline.events if matches(e, label, cls)]
        assert len(hits) == 1, (label, cls, [(e.when.label, e.lemma, e.text) for e in timeline.events])
        assert doc_id in {s.doc_id for s in hits[0].sources}
        found.append(timeline.events.index(hits[0]))
    assert found == sorted(found)


def test_the_key_events_have_their_actors(seed_articles):
    if not any(a.mentions for a in seed_articles.values()) or not any(a.timexes for a in seed_articles.values()):
        pytest.skip("the pipeline has no timex or entity component yet: no actors to check")
    timeline = build_timeline(seed_articles.values())
    by_date = {e.when.label: e for e in timeline.events if e.lemma in ("entretenir", "sommet")}
    assert {"Trump", "Poutine"} <= {n.split()[-1] for n in timeline.names(by_date["2025-02-12"].actors)}
    assert {"Trump", "Poutine"} <= {n.split()[-1] for n in timeline.names(by_date["2025-08-15"].actors)}
    assert timeline.names([by_date["2025-08-15"].location]) == ["Anchorage"]
