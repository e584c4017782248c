"""Clear API errors (issue 19, item 9): every bad argument is one :class:`InputError` that
names it, raised when ``extract_many`` is called, before any work."""

from __future__ import annotations

import pytest

import claimline
from claimline.errors import InputError

TEXT = "Le 3 mars 2024, il pleuvait à Lyon."


@pytest.mark.parametrize("value", ["fr_core_news_md", object(), 3])
def test_nlp_that_is_not_a_pipeline(value):
    with pytest.raises(InputError, match=r"\[E010\] nlp=.*expected a"):
        claimline.extract(TEXT, nlp=value)


def test_nlp_given_as_a_model_name_says_what_to_do():
    with pytest.raises(InputError, match=r"claimline\.load\('fr_core_news_sm'\)"):
        claimline.extract_many([TEXT], nlp="fr_core_news_sm")


def test_pipeline_without_claimline_components_is_refused():
    import spacy

    with pytest.raises(InputError, match="none of claimline's components"):
        claimline.extract(TEXT, nlp=spacy.blank("fr"))


def test_pipeline_with_some_components_is_accepted():
    nlp = claimline.load("blank:fr", components=["claimline_sections", "claimline_timexes"])
    article = claimline.extract(TEXT, nlp=nlp, published="2024-03-05")
    assert article.sections and article.timexes


@pytest.mark.parametrize(
    ("name", "value"),
    [("n_process", 0), ("n_process", 1.5), ("n_process", "2"), ("n_process", True), ("n_process", -2),
     ("batch_size", -1), ("batch_size", 1.5), ("batch_size", 0), ("chunk_chars", 0), ("chunk_chars", 2.5)],
)
def test_counts_must_be_positive_ints(nlp, name, value):
    with pytest.raises(InputError, match=rf"\[E010\] {name}=.*expected an int, 1 or more"):
        claimline.extract_many([TEXT], nlp=nlp, **{name: value})  # raised at the call, not at the first next()


def test_chunk_chars_zero_in_extract(nlp):
    with pytest.raises(InputError, match=r"chunk_chars=0"):
        claimline.extract(TEXT, nlp=nlp, chunk_chars=0)


@pytest.mark.parametrize("items", [None, 42, {"text": TEXT}])
def test_items_that_are_not_an_iterable_of_items(nlp, items):
    with pytest.raises(InputError, match=r"\[E010\] items=.*expected an iterable"):
        claimline.extract_many(items, nlp=nlp)


@pytest.mark.parametrize("items", ["abc", b"abc"])
def test_a_single_text_as_items_is_not_read_character_by_character(nlp, items):
    with pytest.raises(InputError, match=r"a single text, not a list of texts"):
        claimline.extract_many(items, nlp=nlp)


def test_bytes_doc_id_is_refused_not_turned_into_its_repr(nlp):
    with pytest.raises(InputError, match=r"\[E001\] doc_id: expected a str, got bytes"):
        claimline.extract(TEXT, nlp=nlp, doc_id=b"id")
    failures = []
    articles = list(claimline.extract_many([{"text": TEXT, "doc_id": b"x"}, {"text": TEXT, "doc_id": "y"}],
                                           nlp=nlp, on_error=failures.append))
    assert [a.doc_id for a in articles] == ["y"] and failures[0].stage == "input"


def test_bad_on_error(nlp):
    with pytest.raises(InputError, match=r"on_error='ignore'"):
        claimline.extract_many([TEXT], nlp=nlp, on_error="ignore")


def test_load_components_as_a_string_is_refused():
    with pytest.raises(InputError, match=r"components='claimline_timexes'.*\['claimline_timexes'\]"):
        claimline.load("blank:fr", components="claimline_timexes")


def test_load_model_that_is_not_a_name():
    with pytest.raises(InputError, match=r"\[E010\] model=3"):
        claimline.load(3)
