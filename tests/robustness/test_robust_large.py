"""Large inputs: past spaCy's max_length, one endless sentence.

These run claimline's own layers with a tokenizer-only pipeline (``blank:fr`` +
claimline's components), so that size is exercised in seconds: every layer past spaCy's
``max_length`` (1.2 MB), and the foundation (chunking, merge, sections, sentences, the
Article) on 5 MB. The full model on the same inputs is measured by
``benchmarks/scaling.py`` (README, "Supported inputs and robustness").
"""

from __future__ import annotations

import pytest
from robust_invariants import check_article
from robust_strategies import RAW

import claimline


@pytest.fixture(scope="module")
def tokenizer_nlp():
    return claimline.load("blank:fr")


def seeds_repeated(size: int) -> str:
    seed = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")))
    return ((seed + "\n\n") * (size // len(seed) + 1))[:size]


def test_every_layer_past_spacy_max_length(tokenizer_nlp):
    text = seeds_repeated(1_200_000)
    assert len(text) > tokenizer_nlp.max_length  # spaCy alone would refuse it
    article = claimline.extract(text, nlp=tokenizer_nlp, published="2025-09-21")
    assert article.text == text
    check_article(article)
    assert article.timexes and article.quantities and article.mentions


@pytest.mark.slow
def test_a_five_megabyte_article():
    nlp = claimline.load("blank:fr", components=["claimline_sections"])
    text = seeds_repeated(5_000_000)
    article = claimline.extract(text, nlp=nlp, published="2025-09-21")
    assert article.text == text
    check_article(article)
    assert len(article.sentences) > 10_000


def test_a_hundred_thousand_words_without_punctuation(tokenizer_nlp):
    text = " ".join(["guerre", "drone", "Trump", "paix", "armée"] * 20_000)
    article = claimline.extract(text, nlp=tokenizer_nlp)
    assert article.text == text
    check_article(article)


def test_max_length_is_respected_by_the_chunks(tokenizer_nlp):
    text = seeds_repeated(30_000)
    nlp = claimline.load("blank:fr")
    nlp.max_length = 5_000  # below the default chunk size: chunks shrink to fit
    article = claimline.extract(text, nlp=nlp)
    assert article.sections == claimline.extract(text, nlp=tokenizer_nlp).sections
    check_article(article)
