"""The claimline_quantities component on French sentences and on the five seeds."""

from __future__ import annotations

import pytest
from conftest import SEED_IDS


def quantities(article):
    return [(q.span.text, q.value, q.unit, q.qualifier, q.counted) for q in article.quantities]


def by_text(article, text):
    (q,) = [q for q in article.quantities if q.span.text == text]
    return q


def test_counts_with_what_they_count(extract):
    a = extract("Continuent les attaques massives, plus de 500 drones et 40 missiles dans la nuit du 19 au 20 septembre.")
    assert quantities(a) == [
        ("plus de 500 drones", 500.0, None, "more_than", "drone"),
        ("40 missiles", 40.0, None, None, "missile"),
    ]


def test_measures_with_what_they_measure(extract):
    a = extract("Elle n'a conquis que 250 km2 de territoire ukrainien en février 2025.")
    assert quantities(a) == [("250 km2", 250.0, "km2", None, "territoire")]
    a = extract("Des missiles hypersoniques d'une portée d'environ 5 000 km seront déployés.")
    assert quantities(a) == [("environ 5 000 km", 5000.0, "km", "approx", "portée")]


def test_fractions_count_the_whole(extract):
    a = extract("Les livraisons d'armes américaines représentent globalement la moitié des livraisons actuelles à l'Ukraine.")
    assert quantities(a) == [("la moitié", 0.5, "fraction", None, "livraison")]
    a = extract("Il allait consacrer un tiers de sa dépense publique au renforcement de son armée.")
    assert quantities(a) == [("un tiers", 0.3333, "fraction", None, "dépense")]


def test_number_words_and_ratio(extract):
    a = extract("Le territoire de la Russie est 28 fois plus vaste que le sien, et trois chasseurs russes ont pénétré l'espace aérien.")
    assert [(q.span.text, q.value, q.unit) for q in a.quantities] == [("28 fois", 28.0, "ratio"), ("trois chasseurs", 3.0, None)]


def test_durations_dates_and_names_are_not_quantities(extract):
    a = extract(
        "À l'issue de cet échange de 90 minutes, le 47ᵉ président des États-Unis a parlé de l'article 5. "
        "Trois chasseurs MiG 31 ont volé le 19 septembre 2025 pendant une dizaine de minutes."
    )
    assert [q.span.text for q in a.quantities] == ["Trois chasseurs"]


def test_reader_comments_are_kept_boilerplate_is_not(seed_articles):
    a = seed_articles["002_7f491bfa0959dcff"]
    in_comments = [q for q in a.quantities if a.sentences[q.span.sentence].section == "comments"]
    assert any(q.value == 34e12 and q.qualifier == "more_than" for q in in_comments)
    ads = seed_articles["004_0e67424a64534fb4"]
    assert ads.quantities == []  # "145€ par jour" ads are boilerplate; the body has none


def test_seed_002_quantities(seed_articles):
    a = seed_articles["002_7f491bfa0959dcff"]
    body = [(q.value, q.unit, q.qualifier, q.counted) for q in a.quantities if a.sentences[q.span.sentence].section == "body"]
    assert (6000.0, "km2", None, None) in body
    assert (1.0, "percent", None, "territoire") in body
    assert (600000.0, "km2", None, "territoire") in body  # "(qui en fait 600 000)"
    assert (100000.0, None, None, "militaire") in body
    assert (15000.0, None, None, "homme") in body  # "s'est limitée à": the figure reached
    assert (500.0, None, "more_than", "drone") in body
    assert (40.0, None, None, "missile") in body
    assert (28.0, "ratio", None, None) in body


def test_seed_000_and_003_bounds(seed_articles):
    a = seed_articles["000_9c2b6372b2c85d88"]
    assert (by_text(a, "au bas mot 100 000 morts").qualifier, by_text(a, "au bas mot 100 000 morts").counted) == ("at_least", "mort")
    vague = by_text(a, "quelques centaines de km2")
    assert (vague.value, vague.unit, vague.qualifier) == (None, "km2", "approx")
    assert [q.value for q in a.quantities if q.unit == "km" and a.sentences[q.span.sentence].section == "body"] == [1200.0, 1000.0]
    b = seed_articles["003_b435e01eab322765"]
    rng = by_text(b, "entre 500 et 5 500 km")
    assert (rng.value, rng.low, rng.high, rng.unit) == (None, 500.0, 5500.0, "km")
    assert by_text(b, "plus de 30 États").qualifier == "more_than"
    assert by_text(b, "environ 5 000 km").qualifier == "approx"
    c = seed_articles["001_cf35c5c8120a9722"]
    low = by_text(c, "inférieur à 1%")
    assert (low.qualifier, low.unit) == ("less_than", "percent")


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_spans_are_exact_and_inside_their_sentence(seed_articles, doc_id):
    a = seed_articles[doc_id]
    spans = [q.span for q in a.quantities] + [c.span for c in a.claims] + [c.source.span for c in a.claims if c.source]
    for span in spans:
        assert a.text[span.start : span.end] == span.text
        sent = a.sentences[span.sentence]
        assert sent.start <= span.start and span.end <= sent.end
    assert [q.id for q in a.quantities] == [f"q{i}" for i in range(1, len(a.quantities) + 1)]
