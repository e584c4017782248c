"""The publication date read from a scraped page's byline."""

from __future__ import annotations

import datetime as dt

import pytest

from claimline.layout.published import first_date, read_byline_date
from claimline.layout.sections import split_sections
from claimline.text.model_text import model_text

HEAD = "Le Petit Site\nAccueil\nSport\nCulture\n\nUne longue manchette qui annonce le sujet du jour\n"
BODY = (
    "\nUn premier paragraphe assez long pour être un vrai paragraphe, avec des mots, des virgules "
    "et une date, le 2 janvier 2020, qui ne doit jamais compter comme date de publication.\n"
)
THREAD = "\nCommentaires (2)\nLecteur_1\nLe 01/01/2019 à 10h00\nJe ne suis pas d'accord.\nRépondre\n"


def _read(byline: str, tail: str = ""):
    text = model_text(HEAD + byline + BODY + tail)
    return read_byline_date(text, split_sections(text))


@pytest.mark.parametrize(
    ("byline", "expected", "marker"),
    [
        ("Par Jeanne Roux\nPublié le 03/02/2021 à 10h05, mis à jour le 04/02/2021 à 08h00\n", "2021-02-03", "published"),
        ("Mis à jour le 5 mars 2022 à 9h\nPublié le 4 mars 2022 à 18h\n", "2022-03-04", "published"),
        ("Reuters le 12/01/2021 à 10:05, mis à jour à 12:00\nPartager\n", "2021-01-12", "agency"),
        ("Par Jeanne Roux\nModifié le 7 avr. 2023\n", "2023-04-07", "updated"),
        ("Par Jeanne Roux\nLe 1er juin 2024 à 07h45\n", "2024-06-01", "date_line"),
        ("Publié le 14 janv. 2024 à 08h37 ; mis à jour le 16 janv. 2024\nPar Paul Noir\n", "2024-01-14", "published"),
        ("Service Régions - 09/10/2022 - 07:50\nPartager\n", "2022-10-09", "signature"),
    ],
)
def test_the_byline_date_in_order_of_markers(byline: str, expected: str, marker: str) -> None:
    found = _read(byline)
    assert found is not None and (found.date.isoformat(), found.marker) == (expected, marker)


def test_comment_and_article_dates_never_count() -> None:
    assert _read("Par Jeanne Roux\nPartager\n", THREAD) is None


def test_a_date_without_a_year_or_impossible_is_not_read() -> None:
    assert _read("Par Jeanne Roux\nPublié le 3 mars à 10h\n") is None
    assert first_date("le 31/02/2021") is None
    assert first_date("Publié le 2021-06-30T10:00") == dt.date(2021, 6, 30)
