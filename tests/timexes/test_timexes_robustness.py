"""Issue 19, items 1 and 8: dates out of the calendar and numbers with thousands separators.

A timex counted outside years 1-9999 keeps its extent, gets X in its value and a warning;
the article is never lost.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimline.models import Article
from claimline.timexes import annotate


@pytest.mark.parametrize("text, published", [
    ("Il y a 3000 ans.", "2025-03-04"),
    ("Le site date d'il y a 5000 ans.", "2025-03-04"),
    ("Ce temple a été bâti il y a 30 siècles.", "2025-03-04"),
    ("Il y a 2025 ans, rien.", "2025-03-04"),
    ("La sonde arrivera dans 8000 ans.", "2025-03-04"),
    ("Le projet aboutira dans 200000 mois.", "2025-03-04"),
    ("Dans 3000000 jours, tout aura changé.", "2025-03-04"),
    ("Il y a 800000 semaines.", "2025-03-04"),
    ("Dans 999999999999 jours.", "2025-03-04"),
    ("Il y a 1" + "0" * 400 + " ans.", "2025-03-04"),
    ("Demain, la suite.", "9999-12-31"),
    ("L'an prochain, la suite.", "9999-06-01"),
    ("Hier, le début.", "0001-01-01"),
])
def test_a_date_out_of_the_calendar_keeps_its_extent_with_x_and_a_warning(text, published):
    result = annotate(text, dct=dt.date.fromisoformat(published))
    assert len(result.timexes) == 1
    t = result.timexes[0]
    assert "X" in t["value"] and t["type"] in ("DATE", "TIME")
    assert any("out of the range" in w for w in result.warnings)
    assert text[t["span"]["start"]:t["span"]["end"]].strip()


def test_a_huge_duration_is_a_duration_of_x_units():
    result = annotate("Pendant 1" + "0" * 400 + " ans, rien.", dct=dt.date(2025, 1, 1))
    assert [(t["type"], t["value"]) for t in result.timexes] == [("DURATION", "PXY")]


@pytest.mark.parametrize("text, extent, value", [
    ("Pendant 1 500 jours.", "1 500 jours", "P1500D"),
    ("Le chantier a duré 2\u202f300 heures.", "2\u202f300 heures", "PT2300H"),
])
def test_thousands_separators_stay_in_the_number(text, extent, value):
    (t,) = annotate(text, dct=dt.date(2025, 1, 1)).timexes
    assert (text[t["span"]["start"]:t["span"]["end"]], t["value"]) == (extent, value)


def test_dans_10_000_ans_is_one_timex_not_000_ans():
    (t,) = annotate("Dans 10 000 ans", dct=dt.date(2025, 1, 1)).timexes
    assert (t["span"]["start"], t["span"]["end"]) == (5, 15)


@pytest.mark.parametrize("text, published", [
    ("Il y a 3000 ans, une ville.", "2025-03-04"),
    ("Demain, la suite.", "9999-12-31"),
    ("Hier, le début.", "0001-01-01"),
])
def test_the_pipeline_gives_a_valid_article(extract, text, published):
    article = extract(text, published=published)
    assert isinstance(article, Article)
    Article.model_validate_json(article.model_dump_json())
    assert any("out of the range" in w for w in article.warnings)
    assert all(t.span.text == article.text[t.span.start:t.span.end] for t in article.timexes)
