"""The Doc context: typed sections and sentences, layers, the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from claimline import doc as ctx
from claimline.layout.regions import DocSection, DocSentence, locate

TEXT = "Le sommet de Berlin\n\nLe 3 mars 2025, 40 000 personnes ont manifesté. Elles étaient 500 de plus.\n\nLire aussi : la veille"


def test_sections_and_sentences_are_typed(make_doc):
    doc = make_doc(TEXT, "claimline_sections")
    kinds = [s.kind for s in ctx.sections(doc)]
    assert kinds[:2] == ["title", "body"] and all(isinstance(s, DocSection) for s in ctx.sections(doc))
    sents = ctx.sentences(doc)
    assert all(isinstance(s, DocSentence) for s in sents)
    assert [s.index for s in sents] == list(range(len(sents)))
    assert TEXT[sents[0].start : sents[0].end] == "Le sommet de Berlin"
    assert sents[0].section == "title" and sents[1].section == "body"
    second = TEXT.index("Elles")
    assert ctx.sentence_at(doc, second + 3).start == second
    assert ctx.section_at(doc, second) == "body"
    assert ctx.section_at(doc, 0) == "title"


def test_only_the_components_asked_for_run(make_doc):
    doc = make_doc(TEXT, "claimline_sections", "claimline_quantities", published="2025-03-04")
    assert ctx.has_layer(doc, "quantities") and not ctx.has_layer(doc, "timexes")
    assert ctx.layer(doc, "timexes") == []
    assert [TEXT[q["span"]["start"] : q["span"]["end"]] for q in ctx.layer(doc, "quantities")][0].startswith("40 000")
    assert ctx.published(doc) == dt.date(2025, 3, 4) and ctx.published_source(doc) == "given"
    with pytest.raises(ValueError, match="unknown components"):
        make_doc(TEXT, "claimline_magic")


def test_layers_round_trip_as_json_friendly_values(make_doc):
    doc = make_doc("Un texte.")
    ctx.set_layer(doc, "events", [{"id": "e1", "span": {"start": 0, "end": 2}}])
    assert ctx.layer(doc, "events") == [{"id": "e1", "span": {"start": 0, "end": 2}}]
    assert doc._.claimline_events == [{"id": "e1", "span": {"start": 0, "end": 2}}]
    with pytest.raises(ValueError, match="unknown layer"):
        ctx.layer(doc, "verbs")
    ctx.set_published(doc, dt.date(2025, 1, 2), "inferred")
    assert doc._.claimline_published == "2025-01-02" and ctx.published_source(doc) == "inferred"
    ctx.add_warnings(doc, ["a"])
    ctx.add_warnings(doc, ["b"])
    assert ctx.warnings(doc) == ["a", "b"]


def test_sentences_follow_a_change_of_the_stored_bounds(make_doc):
    doc = make_doc("Une phrase. Une autre phrase.", "claimline_sections")
    assert len(ctx.sentences(doc)) == 2
    ctx.set_sentences(doc, [(0, 29)])
    assert [(s.start, s.end) for s in ctx.sentences(doc)] == [(0, 29)]


def test_without_the_sections_component_the_model_sentences_are_used(make_doc):
    doc = make_doc("Une phrase. Une autre phrase.")
    assert ctx.sections(doc) == []
    assert [(s.start, s.end, s.section) for s in ctx.sentences(doc)] == [(0, 11, "body"), (12, 29, "body")]
    assert ctx.section_at(doc, 5) == "body"


def test_locate():
    items = [DocSection("title", 0, 5), DocSection("body", 5, 20), DocSection("aside", 20, 30)]
    assert [locate(items, o) for o in (-1, 0, 4, 5, 19, 20, 99)] == [-1, 0, 0, 1, 1, 2, 2]
    assert locate([], 3) == -1


def test_the_offset_index_is_built_once_per_doc_and_freed_with_it():
    """Components take turns over a batch of Docs (``nlp.pipe``): each Doc keeps its own
    index, and the index does not keep its Doc alive."""
    import gc
    import weakref

    import spacy

    nlp = spacy.blank("fr")
    first, second = nlp("Le 3 mars, à Lyon."), nlp("Une autre phrase, plus longue que la première.")
    one = ctx.doc_index(first)
    ctx.doc_index(second)
    assert ctx.doc_index(first) is one
    assert one.text == first.text and one.starts == [t.idx for t in first]
    gone = weakref.ref(second)
    del second
    gc.collect()
    assert gone() is None


def test_the_layout_is_kept_per_doc_and_follows_a_replaced_list(make_doc):
    first = make_doc(TEXT, "claimline_sections")
    second = make_doc("Un autre texte.\n\nAvec deux paragraphes.", "claimline_sections")
    kept = ctx.sentences(first)
    ctx.sentences(second)
    assert ctx.sentences(first) is kept
    first._.claimline_sentences = [(0, 5)]
    assert [(s.start, s.end) for s in ctx.sentences(first)] == [(0, 5)]
