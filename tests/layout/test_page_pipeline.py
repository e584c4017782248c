"""A scraped page through the whole pipeline: sections, title and where the date comes from."""

from __future__ import annotations

from pathlib import Path

PAGE = (Path(__file__).parent / "pages" / "regional.txt").read_text(encoding="utf-8")
TEXT = "\n".join(line.split("|", 1)[1] for line in PAGE.split("\n") if line)
HTML = (Path(__file__).parents[1] / "text" / "pages" / "quotidien.html").read_text(encoding="utf-8")


def test_the_byline_gives_the_date_when_none_is_given(extract) -> None:
    article = extract(TEXT)
    assert article.title.startswith("Collèges : la rentrée décalée")
    assert (str(article.published), article.published_source) == ("2024-08-28", "byline")
    kinds = [s.kind for s in article.sections]
    assert kinds[:2] == ["boilerplate", "title"] and "comments" in kinds


def test_a_given_date_wins(extract) -> None:
    article = extract(TEXT, published="2024-08-29")
    assert (str(article.published), article.published_source) == ("2024-08-29", "given")


def test_the_html_page_metadata_gives_the_date(extract) -> None:
    article = extract(HTML, html=True)
    assert article.title == "Vendanges : une récolte précoce et abondante dans le Bordelais"
    assert (str(article.published), article.published_source) == ("2023-09-04", "page")
    assert [s.kind for s in article.sections] == ["title", "body"]
    assert "Publicité" not in article.text and "Mentions légales" not in article.text
    given = extract(HTML, html=True, published="2023-09-05")
    assert (str(given.published), given.published_source) == ("2023-09-05", "given")
