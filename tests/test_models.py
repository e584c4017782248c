"""The output model is a stable public contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pydantic import ValidationError

import claimline
from claimline.models import Article, Section, Span, Timex


def test_span_text_must_match_its_extent():
    Span(start=3, end=8, text="Trump", sentence=0)
    with pytest.raises(ValidationError, match="end - start"):
        Span(start=3, end=9, text="Trump", sentence=0)
    with pytest.raises(ValidationError, match="before start"):
        Span(start=9, end=3, text="", sentence=0)


def test_models_are_frozen_and_forbid_unknown_fields():
    section = Section(kind="body", start=0, end=5)
    with pytest.raises(ValidationError):
        section.start = 1
    with pytest.raises(ValidationError, match="extra"):
        Section(kind="body", start=0, end=5, colour="blue")
    with pytest.raises(ValidationError):
        Section(kind="sidebar", start=0, end=5)


def test_timex_bounds_are_ordered():
    span = Span(start=0, end=4, text="2025", sentence=0)
    with pytest.raises(ValidationError, match="earliest"):
        Timex(id="t1", span=span, type="DATE", value="2025", earliest="2025-12-31", latest="2025-01-01")


def test_article_round_trips_through_json(extract):
    article = extract("Titre\n\nDonald Trump parle. « Poutine » répond.", published="2025-09-21")
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article


def test_schema_is_json_and_versioned():
    schema = claimline.article_json_schema()
    assert schema["title"] == "Article"
    assert schema["properties"]["schema_version"]["const"] == claimline.SCHEMA_VERSION
    json.dumps(schema)


def test_public_names_are_pinned():
    assert sorted(claimline.__all__) == sorted(
        [
            "SCHEMA_VERSION", "Article", "ArticleInput", "Claim", "ClaimlineError", "Entity", "Event",
            "InputError", "Mention", "ModelNotInstalledError", "Quantity", "ResourceError", "Section",
            "Sentence", "Source", "Span", "Timex", "__version__", "article_json_schema", "detect_language",
            "extract", "extract_many", "html_to_text", "load", "split_sections", "Timeline", "build_timeline",
            "timeline_json_schema", "evaluate", "ExtractionError", "ExtractionFailure",
        ]
    )
    for name in claimline.__all__:
        assert getattr(claimline, name) is not None


def test_models_import_without_spacy():
    code = "import sys, claimline; claimline.Article; claimline.Timex; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
