"""Gold annotations: one JSON file per article, validated against the raw text.

A gold file ``data/gold/<doc_id>.json`` annotates ``data/raw/<doc_id>.txt`` with character
offsets into that text::

    {"doc_id": "002_7f491bfa0959dcff", "published": "2025-09-21",
     "sections": [{"kind": "title", "start": 0, "end": 72}, ...],
     "timexes": [{"start": 150, "end": 170, "text": "le 18 septembre 2025",
                  "type": "DATE", "value": "2025-09-18", "mod": null}],
     "quantities": [{"start": ..., "text": "plus de 500 drones", "value": 500, "low": null,
                     "high": null, "unit": null, "qualifier": "more_than", "counted": "drone"}],
     "mentions": [{"start": ..., "text": "Donald Trump", "label": "PER", "entity": "Donald Trump"}],
     "events": [{"start": ..., "text": "visite", "value": "2025-09-18", "timex": "le 18 septembre 2025"}],
     "notes": ["..."]}

``entity`` is a canonical name shared across files (the gold cross-document clusters);
timexes, quantities, mentions and events lie in the title and body sections only.

:func:`load_gold` checks every file (fields and types, ``doc_id`` equal to the file name,
offsets in range, ``text == raw[start:end]``, sections partitioning the text, items inside a
title or body section) and raises one :class:`GoldError` naming every bad file and field.

>>> gold = load_gold("data/gold")  # doctest: +SKIP
>>> gold["002_7f491bfa0959dcff"].timexes[0].value  # doctest: +SKIP
'2025-09-18'
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from claimline.errors import ClaimlineError, Errors
from claimline.models import EntityLabel, Qualifier, SectionKind, TimexMod, TimexType

ANNOTATED_KINDS: frozenset[str] = frozenset({"title", "body"})


class GoldError(ClaimlineError, ValueError):
    """A gold file is missing, malformed or inconsistent with its raw text."""


class _Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldSection(_Gold):
    kind: SectionKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class GoldItem(_Gold):
    """A stretch of the raw text: ``text == raw[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class GoldTimex(GoldItem):
    """A TIMEX3: "le 18 septembre 2025" -> DATE 2025-09-18."""

    type: TimexType
    value: str
    mod: TimexMod | None = None


class GoldQuantity(GoldItem):
    """A quantity: "plus de 500 drones" -> value 500, qualifier more_than, counted drone."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    counted: str | None = None


class GoldMention(GoldItem):
    """A proper-name mention and its canonical entity name (the same across files)."""

    label: EntityLabel
    entity: str


class GoldEvent(GoldItem):
    """An event trigger ("visite") and the TIMEX3 value of its date, if the text dates it."""

    value: str | None = None
    timex: str | None = None


class GoldDocument(_Gold):
    """The gold annotation of one article; :attr:`text` is its raw text once loaded."""

    doc_id: str
    published: dt.date | None = None
    sections: list[GoldSection]
    timexes: list[GoldTimex] = Field(default_factory=list)
    quantities: list[GoldQuantity] = Field(default_factory=list)
    mentions: list[GoldMention] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    _text: str = PrivateAttr(default="")

    @classmethod
    def with_text(cls, data: dict, text: str) -> GoldDocument:
        """Validate ``data`` (the JSON object) and attach its raw ``text`` (not checked:
        see :func:`check_document`)."""
        doc = cls.model_validate(data)
        doc._text = text
        return doc

    @property
    def text(self) -> str:
        """The raw text the offsets index."""
        return self._text

    def annotated(self) -> list[tuple[int, int]]:
        """(start, end) of the sections whose items are annotated (title and body)."""
        return [(s.start, s.end) for s in self.sections if s.kind in ANNOTATED_KINDS]


ITEM_LAYERS: tuple[str, ...] = ("timexes", "quantities", "mentions", "events")


def check_document(doc: GoldDocument, text: str, *, stem: str) -> Iterator[str]:
    """Every inconsistency of ``doc`` with its raw ``text``, as "field: problem"."""
    if doc.doc_id != stem:
        yield f"doc_id: {doc.doc_id!r} differs from the file name {stem!r}"
    n = len(text)
    position = 0
    for i, sec in enumerate(doc.sections):
        if sec.start != position:
            yield (
                f"sections.{i}.start: {sec.start}, expected {position} "
                "(sections must partition the text: each starts where the previous ends)"
            )
        if sec.end <= sec.start:
            yield f"sections.{i}.end: {sec.end} is not after start {sec.start}"
        position = sec.end
    if position != n:
        yield f"sections.{len(doc.sections) - 1}.end: {position}, expected {n} (the length of the raw text)"
    annotated = doc.annotated()
    for layer in ITEM_LAYERS:
        for i, item in enumerate(getattr(doc, layer)):
            where = f"{layer}.{i}"
            if item.end > n or item.start >= item.end:
                yield f"{where}: offsets [{item.start}, {item.end}) out of range (text has {n} characters)"
                continue
            if text[item.start : item.end] != item.text:
                yield f"{where}.text: {item.text!r} but raw[{item.start}:{item.end}] is {text[item.start : item.end]!r}"
            if not any(s <= item.start and item.end <= e for s, e in annotated):
                yield f"{where}: [{item.start}, {item.end}) {item.text!r} is not inside a title or body section"


def _validation_problems(err: ValidationError) -> Iterator[str]:
    for e in err.errors():
        yield f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}"


def read_gold_file(path: Path, raw_dir: Path) -> tuple[GoldDocument | None, list[str]]:
    """The document in ``path`` and its problems ("field: problem" strings)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, [f"(file): not a readable JSON file ({err})"]
    raw_path = raw_dir / f"{path.stem}.txt"
    if not raw_path.is_file():
        return None, [f"(file): no raw text {raw_path} for this file (the file name must be <doc_id>.json)"]
    text = raw_path.read_text(encoding="utf-8")
    try:
        doc = GoldDocument.with_text(data, text)
    except ValidationError as err:
        return None, list(_validation_problems(err))
    return doc, list(check_document(doc, text, stem=path.stem))


def load_gold(gold_dir: str | Path, *, raw_dir: str | Path | None = None) -> dict[str, GoldDocument]:
    """Every ``*.json`` gold file of ``gold_dir``, validated, by doc_id (sorted).

    ``raw_dir`` holds the texts (default: ``raw`` beside ``gold_dir``, i.e. ``data/raw``).
    Raises :class:`GoldError` listing every problem of every bad file.
    """
    gold_dir = Path(gold_dir)
    raw = Path(raw_dir) if raw_dir is not None else gold_dir.parent / "raw"
    if not gold_dir.is_dir():
        raise GoldError(Errors.E004.format(path=gold_dir))
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(Errors.E013.format(path=gold_dir, detail="no *.json gold file in this folder"))
    docs: dict[str, GoldDocument] = {}
    problems: list[str] = []
    for path in files:
        doc, found = read_gold_file(path, raw)
        problems += [f"{path}: {p}" for p in found]
        if doc is not None and not found:
            docs[doc.doc_id] = doc
    if problems:
        listed = "\n  ".join(problems)
        raise GoldError(Errors.E013.format(path=gold_dir, detail=f"{len(problems)} problem(s):\n  {listed}"))
    return docs


__all__ = [
    "ANNOTATED_KINDS",
    "GoldDocument",
    "GoldError",
    "GoldEvent",
    "GoldItem",
    "GoldMention",
    "GoldQuantity",
    "GoldSection",
    "GoldTimex",
    "check_document",
    "load_gold",
    "read_gold_file",
]
