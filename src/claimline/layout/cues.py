"""Per-line features of a scraped web page: the cues of ``resources/fr/page_layout.json``.

A :class:`PageLine` is one non-blank line of a page with its shape (length, words,
final punctuation, paragraph or headline shape, navigation-list shape) and the roles of
the cues it matches (byline, share bar, cookie banner, comment chrome...). The page
splitter (:mod:`claimline.layout.page`) combines them; this module only describes lines.

>>> layout = load_layout()
>>> sorted(describe("Publié le 3 mars 2022 à 9h10", layout).roles)
['byline']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimline.models import SectionKind
from claimline.resources import load_json

Role = Literal[
    "byline", "line", "block", "thread", "comment_chrome", "comment_date", "after_thread",
    "credit", "social_handle", "social_time", "menu_separator",
]
COMMENT_ROLES = frozenset({"thread", "comment_chrome", "comment_date"})
_SENTENCE_END = re.compile(r"[.!?…»\"]\s*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•▪►◆*–-])\s+\S")
_INNER_SENTENCE = re.compile(r"[.!?…]\s+(?-i:[A-ZÉÈÀÂÎÔÇ«\"])")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Cue(_Strict):
    name: str
    role: Role
    kind: SectionKind
    pattern: str
    max_chars: int | None = None
    case_sensitive: bool = False
    evidence: int = Field(0, ge=0)  # weight towards page_evidence
    example: str


class TitleShape(_Strict):
    min_chars: int = Field(20, ge=1)
    max_chars: int = Field(250, ge=1)
    min_words: int = Field(4, ge=1)


class ParagraphShape(_Strict):
    min_chars: int = Field(100, ge=1)
    min_words: int = Field(15, ge=1)


class MenuShape(_Strict):
    max_chars: int = Field(32, ge=1)
    max_words: int = Field(4, ge=1)
    min_run: int = Field(3, ge=2)


class Evidence(_Strict):
    min_cues: int = Field(2, ge=1)
    window: int = Field(40, ge=1)


class DateMarker(_Strict):
    name: str
    rank: int = Field(ge=1)
    pattern: str
    example: str


class PageLayout(_Strict):
    format: str
    source: str
    title: TitleShape = TitleShape()
    paragraph: ParagraphShape = ParagraphShape()
    menu: MenuShape = MenuShape()
    page_evidence: Evidence = Evidence()
    published: list[DateMarker] = Field(default_factory=list)
    cues: list[Cue]

    @field_validator("published")
    @classmethod
    def _check_markers(cls, markers: list[DateMarker]) -> list[DateMarker]:
        for marker in markers:
            if not re.search(marker.pattern, marker.example, re.IGNORECASE):
                raise ValueError(f"date marker {marker.name!r}: its example {marker.example!r} does not match")
        return markers

    @field_validator("cues")
    @classmethod
    def _check(cls, cues: list[Cue]) -> list[Cue]:
        names = [c.name for c in cues]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate cue names {dupes}")
        for cue in cues:
            try:
                regex = re.compile(cue.pattern, 0 if cue.case_sensitive else re.IGNORECASE)
            except re.error as err:
                raise ValueError(f"cue {cue.name!r}: bad pattern: {err}") from err
            if cue.role != "menu_separator" and not regex.search(cue.example):
                raise ValueError(f"cue {cue.name!r}: its example {cue.example!r} does not match")
        return cues


@dataclass(frozen=True)
class CompiledLayout:
    layout: PageLayout
    cues: tuple[tuple[Cue, re.Pattern[str]], ...]


@lru_cache(maxsize=8)
def load_layout(path: str | None = None) -> CompiledLayout:
    """The packaged page cues (or a page_layout.json of your own at ``path``)."""
    layout = load_json("page_layout.json", PageLayout, path=path)
    compiled = tuple(
        (c, re.compile(c.pattern, 0 if c.case_sensitive else re.IGNORECASE)) for c in layout.cues
    )
    return CompiledLayout(layout, compiled)


@dataclass(frozen=True)
class PageLine:
    """One non-blank line: its index among all lines, text and features."""

    index: int
    text: str
    cues: tuple[Cue, ...]
    chars: int
    words: int
    sentence_end: bool
    paragraph: bool
    menu_list: bool
    list_item: bool = False  # numbered or bulleted

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(c.role for c in self.cues if c.role != "menu_separator")

    def kind_of(self, *roles: str) -> SectionKind | None:
        """The kind of the first cue of one of ``roles`` (None if none)."""
        return next((c.kind for c in self.cues if c.role in roles), None)

    @property
    def plain(self) -> bool:
        """No cue at all (menu separators aside)."""
        return not self.roles

    def headline(self, shape: TitleShape) -> bool:
        """Shaped like a headline: a few words, one sentence at most, no chrome."""
        return (
            self.plain and not self.menu_list
            and shape.min_chars <= self.chars <= shape.max_chars and self.words >= shape.min_words
            and not self.text.rstrip().endswith(":") and _INNER_SENTENCE.search(self.text) is None
        )

    def short_item(self, shape: MenuShape) -> bool:
        """A navigation item: a few words, no sentence."""
        return self.chars <= shape.max_chars and self.words <= shape.max_words and not self.sentence_end


def describe(text: str, compiled: CompiledLayout, index: int = 0) -> PageLine:
    """The features of one line."""
    stripped = text.strip()
    cues = tuple(
        cue for cue, regex in compiled.cues
        if (cue.max_chars is None or len(stripped) <= cue.max_chars) and regex.search(stripped)
    )
    words = len(stripped.split())
    para = compiled.layout.paragraph
    is_separated = any(c.role == "menu_separator" for c in cues)
    paragraph = len(stripped) >= para.min_chars and words >= para.min_words
    return PageLine(
        index=index, text=stripped, cues=cues, chars=len(stripped), words=words,
        sentence_end=_SENTENCE_END.search(stripped) is not None,
        paragraph=paragraph and not is_separated,
        menu_list=is_separated and not paragraph,
        list_item=_LIST_ITEM.match(stripped) is not None,
    )


__all__ = ["COMMENT_ROLES", "CompiledLayout", "Cue", "DateMarker", "PageLayout", "PageLine", "describe", "load_layout"]
