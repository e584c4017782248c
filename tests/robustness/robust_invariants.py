"""Invariants every Article must satisfy, checked generically over every layer.

:func:`check_article` walks every pydantic model reachable from the Article (timexes,
quantities, mentions, entities, claims, events and whatever layer comes next), so a new
field or layer is checked without new code:

- sections partition the text exactly; sentences are trimmed, in order, not
  overlapping, each inside one section of its kind, and cover every non-blank character;
- every :class:`Span` is non-empty, in range, ``text == article.text[start:end]`` and lies
  inside its sentence (and so inside a section);
- a model with a span and a ``section`` field names the section its span is in;
- ``earliest <= latest``, ``low <= high``, ``start <= end`` wherever the fields exist;
- ids are unique within their list, and every reference (a ``*_id`` field, a list of
  ids) points to an id of the Article;
- the JSON validates against the schema and round-trips to an equal Article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jsonschema
from pydantic import BaseModel

from claimline.models import Article, Span, article_json_schema
from claimline.text.model_text import model_text

_ORDERED = (("earliest", "latest"), ("low", "high"), ("start", "end"))
_IDS_DESCRIPTION = re.compile(r"\bids?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = article_json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def walk(value: Any, path: str = "article") -> Iterator[tuple[str, BaseModel]]:
    """Every pydantic model under ``value``, with its path ("article.timexes[0].span")."""
    if isinstance(value, BaseModel):
        yield path, value
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}[{key!r}]")


def check_layout(article: Article) -> None:
    """Sections partition the text; sentences are trimmed, ordered, inside sections."""
    sections, sentences = article.sections, article.sentences
    text = model_text(article.text)  # what "blank" means to claimline: NUL, NBSP are spaces
    if not text:
        assert sections == [] and sentences == []
        return
    assert sections, "a non-empty text has sections"
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:]):
        assert a.end == b.start, f"sections {a} and {b} are not contiguous"
    assert all(s.start < s.end for s in sections), "empty section"
    starts = [s.start for s in sections]
    covered = 0
    for i, sent in enumerate(sentences):
        assert sent.index == i
        assert 0 <= sent.start < sent.end <= len(text)
        assert not text[sent.start].isspace() and not text[sent.end - 1].isspace(), f"untrimmed {sent}"
        if i:
            assert sentences[i - 1].end <= sent.start, f"overlapping sentences {i - 1} and {i}"
        section = sections[bisect.bisect_right(starts, sent.start) - 1]
        assert sent.end <= section.end and section.kind == sent.section, f"{sent} not inside {section}"
        assert not text[covered : sent.start].strip(), f"text lost before sentence {i}: {text[covered:sent.start]!r}"
        covered = sent.end
    assert not text[covered:].strip(), f"text lost after the last sentence: {text[covered:][:80]!r}"


def _check_span(article: Article, path: str, span: Span) -> None:
    text = article.text
    assert 0 <= span.start < span.end <= len(text), f"{path}: {span} out of range or empty"
    assert span.text == text[span.start : span.end], f"{path}: {span.text!r} is not the text at its offsets"
    assert span.sentence is not None, f"{path}: no sentence"
    sent = article.sentences[span.sentence]
    assert sent.start <= span.start and span.end <= sent.end, f"{path}: {span} is not inside {sent}"


def _section_of(article: Article, offset: int) -> str:
    starts = [s.start for s in article.sections]
    return article.sections[bisect.bisect_right(starts, offset) - 1].kind


def check_models(article: Article) -> None:
    """Spans, ordered bounds, section kinds, id uniqueness and references, generically."""
    ids: set[str] = set()
    references: list[tuple[str, str]] = []
    for path, model in walk(article):
        if isinstance(model, Span):
            _check_span(article, path, model)
            continue
        fields = type(model).model_fields
        for low, high in _ORDERED:
            a, b = getattr(model, low, None), getattr(model, high, None)
            if a is not None and b is not None:
                assert a <= b, f"{path}: {low}={a} > {high}={b}"
        spans = [getattr(model, n) for n in fields if isinstance(getattr(model, n), Span)]
        if spans and "section" in fields:
            assert model.section == _section_of(article, spans[0].start), f"{path}: wrong section"
        for name, info in fields.items():
            value = getattr(model, name)
            if name == "id":
                ids.add(value)
            elif name.endswith("_id") and name != "doc_id" and value is not None:
                references.append((f"{path}.{name}", value))
            elif isinstance(value, str) and info.description and _IDS_DESCRIPTION.search(info.description):
                references.append((f"{path}.{name}", value))
            elif isinstance(value, list) and info.description and _IDS_DESCRIPTION.search(info.description):
                references.extend((f"{path}.{name}", v) for v in value)
        for name in fields:
            items = getattr(model, name)
            if isinstance(items, list) and items and all(isinstance(i, BaseModel) and "id" in type(i).model_fields for i in items):
                listed = [i.id for i in items]
                assert len(set(listed)) == len(listed), f"{path}.{name}: duplicate ids"
    for where, ref in references:
        assert ref in ids, f"{where}={ref!r} refers to no id of the Article"


def check_json(article: Article) -> str:
    """The JSON validates against the schema and round-trips; returns it."""
    data = article.model_dump_json()
    _validator().validate(article.model_dump(mode="json"))
    assert Article.model_validate_json(data) == article
    return data


def check_article(article: Article) -> None:
    """Every invariant of :mod:`robust_invariants` on ``article``."""
    check_layout(article)
    check_models(article)
    check_json(article)
