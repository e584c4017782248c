"""Sentence boundaries with typographic apostrophes, « » quotes and page layout."""

from __future__ import annotations

import pytest

from claimline.layout.sentences import refine_sentences
from claimline.text.model_text import model_text


def sentences(article):
    return [article.sentence_text(s.index) for s in article.sentences]


def test_normalisation_keeps_every_offset():
    text = "C’est « l’État »\u202f! L’OTAN\u00a0? “Oui”\r\nFin\x00."
    norm = model_text(text)
    assert len(norm) == len(text)
    assert norm == "C'est « l'État » ! L'OTAN ? \"Oui\" \nFin ."


def test_typographic_apostrophes_and_guillemets(extract):
    text = "C’est « une victoire » pour Poutine. L’Ukraine n’a rien cédé\u00a0!"
    article = extract(text)
    assert sentences(article) == ["C’est « une victoire » pour Poutine.", "L’Ukraine n’a rien cédé\u00a0!"]
    for sent in article.sentences:  # offsets index the original, typographic text
        assert article.text[sent.start : sent.end] == article.sentence_text(sent.index)


def test_heading_without_punctuation_is_its_own_sentence(extract):
    text = (
        "Titre de l’article\n\nLe premier paragraphe parle de Trump.\n"
        "Un intertitre sans point\nLe second paragraphe commence ici."
    )
    assert sentences(extract(text)) == [
        "Titre de l’article",
        "Le premier paragraphe parle de Trump.",
        "Un intertitre sans point",
        "Le second paragraphe commence ici.",
    ]


def test_quoted_sentence_stays_whole(extract):
    text = "« Poutine m’a vraiment laissé tomber », a déclaré Trump le 18 septembre 2025 à Londres."
    assert sentences(extract(text)) == [text]


def test_comment_list_items_and_likes(seed_articles):
    article = seed_articles["002_7f491bfa0959dcff"]
    comments = [article.sentence_text(s.index) for s in article.sentences if s.section == "comments"]
    assert "J’aime" in comments
    assert any(c.startswith("2. Qui domine l’OTAN") for c in comments)
    assert not any(c in {"1.", "2.", "1. «"} for c in comments)


def test_sentences_never_cross_sections(seed_articles):
    for article in seed_articles.values():
        for sent in article.sentences:
            inside = [s for s in article.sections if s.start <= sent.start and sent.end <= s.end]
            assert len(inside) == 1 and inside[0].kind == sent.section, article.sentence_text(sent.index)


def test_seed_body_sentences(seed_articles):
    article = seed_articles["002_7f491bfa0959dcff"]
    body = [article.sentence_text(s.index) for s in article.sentences if s.section == "body"]
    assert body[0] == "Quelle curieuse déclaration de Donald Trump lors de sa visite à Londres le 18 septembre 2025."
    assert "Entre provocation et mépris des Européens, Poutine fait douter Trump" in body


@pytest.mark.parametrize(
    ("text", "starts", "expected"),
    [
        # a model split in mid-sentence before a lower-case word is undone
        ("Entre provocation et mépris", [0, 18], ["Entre provocation et mépris"]),
        # a blank line always ends a sentence
        ("Une ligne\n\nune autre", [0], ["Une ligne", "une autre"]),
        # a hard-wrapped line before a lower-case word continues the sentence
        ("Une phrase coupée\nen deux lignes.", [0], ["Une phrase coupée\nen deux lignes."]),
        # punctuation left alone joins the sentence before
        ("Fin de phrase .", [0, 14], ["Fin de phrase ."]),
        ("1. « Cela fait trois ans »", [0, 3, 5], ["1. « Cela fait trois ans »"]),
        ("", [], []),
        ("   ", [0], []),
    ],
)
def test_refine_sentences(text, starts, expected):
    assert [text[s:e] for s, e in refine_sentences(text, starts)] == expected
