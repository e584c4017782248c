"""Property-based invariants of the whole pipeline, on every layer of the Article.

Whatever the text (seed sentences spliced and mutated with « » ’ NBSP U+202F CRLF NUL,
emoji, digits, lone surrogates, or random Unicode), ``extract`` returns an Article that
satisfies :func:`robust_invariants.check_article`, or refuses HTML with an InputError.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from robust_invariants import check_article
from robust_strategies import (
    extreme_published,
    extreme_texts,
    french_texts,
    published_dates,
    random_texts,
)

import claimline
from claimline.text.html import html_evidence

PIPELINE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def extract_checked(nlp, text: str, published=None) -> claimline.Article | None:
    try:
        article = claimline.extract(text, nlp=nlp, published=published)
    except claimline.InputError as err:
        assert html_evidence(text) is not None and "[E020]" in str(err), err
        return None
    check_article(article)
    return article


@PIPELINE
@given(text=french_texts(), published=published_dates)
def test_mutated_french_text_gives_a_valid_article(nlp, text, published):
    extract_checked(nlp, text, published)


@settings(PIPELINE, max_examples=40)
@given(text=extreme_texts(), published=extreme_published)
def test_far_dates_and_huge_numbers_give_a_valid_article(nlp, text, published):
    """No article is lost to a date overflow or a number too big for a float (issue 19)."""
    article = extract_checked(nlp, text, published)
    assert article is not None


@settings(PIPELINE, max_examples=30)
@given(text=random_texts)
def test_random_unicode_gives_a_valid_article(nlp, text):
    extract_checked(nlp, text)


@settings(PIPELINE, max_examples=15)
@given(text=french_texts(max_parts=12))
def test_chunked_processing_keeps_every_invariant(nlp, text):
    """Small chunks force chunk boundaries everywhere: the merged Doc must behave."""
    article = claimline.extract(text, nlp=nlp, chunk_chars=64) if html_evidence(text) is None else None
    if article is not None:
        check_article(article)
        assert article.sections == claimline.extract(text, nlp=nlp).sections


def test_the_seeds_satisfy_every_invariant(seed_articles):
    for article in seed_articles.values():
        check_article(article)
        assert not [w for w in article.warnings if w.startswith("[W0")], article.warnings


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t\u00a0 ",
        "Un titre sans texte",
        "Titre\r\n\r\nLe 18 septembre 2025, Trump était à Londres.\r\nIl a parlé de 500 drones.",
        "Le\x00 texte\x00 avec des NUL.",
        "Un \ud800 texte \udfff cassé.",
        "Le sommet du 31 février 2025 et l’an 20000 ; la réunion du 45/13/2025.",
    ],
    ids=["empty", "blank", "title", "crlf", "nul", "surrogates", "bad-dates"],
)
def test_same_input_gives_byte_identical_output(nlp, text):
    first = extract_checked(nlp, text, "2025-09-21")
    second = extract_checked(nlp, text, "2025-09-21")
    assert first.model_dump_json() == second.model_dump_json()


def test_output_is_identical_across_processes(nlp, seed_articles):
    """n_process=2 (spaCy multiprocessing) gives the same bytes as one process."""
    items = [{"text": a.text, "doc_id": a.doc_id, "published": a.published} for a in seed_articles.values()]
    items.append({"text": "Le 18 septembre 2025, Trump était à Londres.", "doc_id": "court"})
    parallel = list(claimline.extract_many(items, nlp=nlp, n_process=2, batch_size=2))
    serial = list(seed_articles.values()) + [claimline.extract(items[-1]["text"], doc_id="court", nlp=nlp)]
    assert [a.model_dump_json() for a in parallel] == [a.model_dump_json() for a in serial]
