"""Properties of the pure, spaCy-free functions, for any input (surrogates included)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from robust_strategies import ANY_CHAR, french_texts, random_texts

from claimline.batch import chunk_bounds
from claimline.layout.sections import split_sections
from claimline.layout.sentences import refine_sentences
from claimline.text.html import html_evidence, html_to_text
from claimline.text.language import detect_language
from claimline.text.model_text import model_text, replace_surrogates

any_text = st.one_of(random_texts, french_texts())


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_normalise_for_model_keeps_length_and_is_idempotent(text):
    norm = model_text(text)
    assert len(norm) == len(text)
    assert model_text(norm) == norm
    assert not {"\r", "\x00", "\u00a0", "\u202f", "’"} & set(norm)
    assert replace_surrogates(norm)[1] == 0  # the model never sees a lone surrogate


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_replace_surrogates_keeps_length_and_encodes(text):
    clean, count, first = replace_surrogates(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert (count == 0) == (clean == text) == (first == -1)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_split_sections_partitions_any_text(text):
    sections = split_sections(text)
    if not text:
        assert sections == []
        return
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))
    assert all(s.start < s.end for s in sections)


@st.composite
def text_and_boundaries(draw):
    text = draw(any_text)
    norm = model_text(text)
    offsets = st.integers(-2, len(norm) + 2)
    return norm, draw(st.lists(offsets, max_size=20)), draw(st.lists(offsets, max_size=5))


@settings(max_examples=150, deadline=None)
@given(text_and_boundaries())
def test_refine_sentences_returns_sorted_trimmed_spans_that_lose_nothing(case):
    text, model_starts, section_starts = case
    spans = refine_sentences(text, model_starts, section_starts)
    covered = 0
    for start, end in spans:
        assert covered <= start < end <= len(text)
        assert text[start : end].strip() == text[start:end]
        assert not text[covered:start].strip(), "a non-blank character is in no sentence"
        covered = end
    assert not text[covered:].strip()


@settings(max_examples=100, deadline=None)
@given(any_text, st.integers(1, 80))
def test_chunk_bounds_partition_the_text_within_the_limit(text, limit):
    bounds = chunk_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= limit for start, end in bounds) or text == ""
    for start, end in bounds[:-1]:
        window = text[start : start + limit]
        if set(" \n\t") & set(window):  # a separator was available: no word is cut
            assert text[end - 1] in " \n\t"


@settings(max_examples=100, deadline=None)
@given(st.one_of(any_text, st.text(st.sampled_from(list("<>/pdivbr &;#x\"='ahtml!")), max_size=200)))
def test_html_helpers_and_language_detection_never_raise(text):
    html_evidence(text)
    assert isinstance(html_to_text(text), str)
    guess = detect_language(text)
    assert guess.code is None or guess.code in guess.shares


@settings(max_examples=100, deadline=None)
@given(st.text(ANY_CHAR, max_size=50))
def test_chunked_text_is_the_text(text):
    assert "".join(text[a:b] for a, b in chunk_bounds(text, 7)) == text
