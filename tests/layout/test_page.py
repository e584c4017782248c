"""The page splitter on scraped pages written for these tests (one template each).

Each file of ``pages/`` holds one page, every line prefixed with its expected kind:
T title, D body, A aside, B boilerplate, C comments.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from claimline.layout.cues import describe, load_layout
from claimline.layout.sections import split_sections

PAGES = sorted((Path(__file__).parent / "pages").glob("*.txt"))
KINDS = {"T": "title", "D": "body", "A": "aside", "B": "boilerplate", "C": "comments"}


def _read(path: Path) -> tuple[str, list[tuple[int, str, str]]]:
    rows = [line.split("|", 1) for line in path.read_text(encoding="utf-8").split("\n") if line]
    text = "\n".join(line for _, line in rows)
    out, offset = [], 0
    for label, line in rows:
        if line.strip():
            out.append((offset, KINDS[label], line))
        offset += len(line) + 1
    return text, out


def _kind_at(sections, offset: int) -> str:
    return next(s.kind for s in sections if s.start <= offset < s.end)


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_every_line_of_the_page_gets_its_kind(path: Path) -> None:
    text, lines = _read(path)
    sections = split_sections(text)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(sections))
    wrong = [(kind, _kind_at(sections, off), line) for off, kind, line in lines if _kind_at(sections, off) != kind]
    assert wrong == []


def test_there_are_several_templates() -> None:
    assert len(PAGES) >= 4


def test_title_is_the_headline_even_after_menus_and_kickers() -> None:
    text, _ = _read(next(p for p in PAGES if p.stem == "regional"))
    title = next(s for s in split_sections(text) if s.kind == "title")
    assert text[title.start : title.end].strip().startswith("Collèges : la rentrée décalée")


def test_a_plain_article_keeps_the_plain_rules() -> None:
    text = "Un titre assez long pour un article\n\nLe premier paragraphe dit quelque chose.\n\nLire aussi : autre chose\n"
    assert [s.kind for s in split_sections(text)] == ["title", "body", "aside"]


def test_cue_roles() -> None:
    layout = load_layout()
    assert "byline" in describe("Mis à jour le 2 mai 2021 à 10:05", layout).roles
    assert "comment_date" in describe("il y a 12 minutes", layout).roles
    assert "comment_chrome" in describe("Répondre · Signaler", layout).roles
    assert describe("Par ailleurs, le maire a rappelé que la route restait fermée.", layout).plain
    assert describe("Accueil > Sport > Football", layout).menu_list


def test_comment_dates_in_a_related_list_stay_in_the_list() -> None:
    page = (
        "Le Petit Site\nAccueil\nSport\nCulture\n\n"
        "Une longue manchette qui annonce le sujet du jour\nPar Jeanne Roux\n"
        "Publié le 2 mars 2021 à 10h00\n\n"
        + "Un premier paragraphe assez long pour être un vrai paragraphe, avec des mots, "
        "des virgules et une fin de phrase bien marquée, comme on en lit partout.\n\n"
        "Articles liés\nUn autre sujet de la semaine\n3 février 2021\n"
    )
    sections = split_sections(page)
    assert [s.kind for s in sections] == ["boilerplate", "title", "boilerplate", "body", "aside"]


def test_one_dated_byline_is_enough_to_find_the_headline_under_the_site_name() -> None:
    page = (
        "Le Veilleur\n\nLa « grande marée » attire des milliers de pêcheurs à pied sur la côte\n"
        "Publié le 10/03/2024 à 08h00\n\n"
        "Des milliers de pêcheurs à pied ont profité dimanche de la plus forte marée de l'année, "
        "sous l'œil des gardes du littoral venus rappeler les tailles minimales des coquillages.\n"
    )
    assert [s.kind for s in split_sections(page)] == ["boilerplate", "title", "boilerplate", "body"]


def test_french_quotes_are_not_menu_separators() -> None:
    line = describe("« Un été sans fin » : le roman qui a conquis les libraires", load_layout())
    assert not line.menu_list and line.headline(load_layout().layout.title)
