"""The HTML path on saved pages written for these tests (three site templates)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimline.text.html import COMMENTS_HEADER, extract_page

PAGES = Path(__file__).parent / "pages"
FURNITURE = ("Accueil", "Publicité", "Mentions légales", "Newsletter", "cookies", "Les plus lus", "Se connecter",
             "S'inscrire", "Sur le même sujet", "Laisser un commentaire", "Conditions d'utilisation")

EXPECTED = {
    "quotidien": ("Vendanges : une récolte précoce et abondante dans le Bordelais", dt.date(2023, 9, 4)),
    "blogue": ("Trois jours à vélo le long de la Loire", dt.date(2022, 5, 18)),
    "portail": ("Bourse de Paris : le CAC 40 termine en légère baisse", dt.date(2024, 2, 12)),  # a dated "meta" div
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_date_and_no_furniture_in_the_text(name: str) -> None:
    page = extract_page((PAGES / f"{name}.html").read_text(encoding="utf-8"))
    title, published = EXPECTED[name]
    assert page.title == title and page.text.split("\n")[0] == title
    assert page.published == published
    body = page.text.split(COMMENTS_HEADER)[0]
    assert [word for word in FURNITURE if word in body] == []
    assert len(body) > 400


def test_comments_come_after_their_header() -> None:
    page = extract_page((PAGES / "blogue.html").read_text(encoding="utf-8"))
    head, _, comments = page.text.partition(f"\n\n{COMMENTS_HEADER}\n\n")
    assert "Superbe itinéraire" in comments and "Superbe itinéraire" not in head
    assert "Laisser un commentaire" not in comments


def test_inline_markup_does_not_split_a_sentence() -> None:
    page = extract_page("<html><body><h1>Un titre</h1><p>Il y a eu <b>500</b> drones.</p></body></html>")
    assert "Il y a eu 500 drones." in page.text.split("\n")


@pytest.mark.parametrize("html", ["", "   ", "<p>", "<html><body></body></html>", "<div><p>Texte <b>non fermé<p>x</div></span>",
                                  "<html><body><nav><a href='/'>Accueil</a> <a href='/s'>Sport</a></nav></body></html>",
                                  "<html><head><meta property='article:published_time' content='pas une date'></head></html>"])
def test_bad_empty_and_non_article_pages_give_a_page(html: str) -> None:
    page = extract_page(html)
    assert isinstance(page.text, str) and page.published is None
