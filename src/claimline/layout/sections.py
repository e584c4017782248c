"""Separate the article from everything that is not the article.

:func:`split_sections` types every line of a scraped page as ``title``, ``body``,
``aside`` ("Lire aussi : …", "Pour approfondir", media labels, social handles),
``comments`` (from "N commentaires sur …" to the end of the thread) or ``boilerplate``
(subscription prompts, comment forms, classified ads), then returns contiguous,
non-overlapping sections that cover the whole text. The rules are data
(``resources/fr/sections.json``); this module only applies them. Blank lines belong to
the section above them; leading blank lines to the first section.

>>> [s.kind for s in split_sections("Titre\\n\\nUn texte.\\n\\nLire aussi : autre chose\\n")]
['title', 'body', 'aside']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimline.layout.cues import load_layout
from claimline.layout.page import type_page_lines
from claimline.models import Section, SectionKind
from claimline.resources import load_json
from claimline.text.model_text import line_spans, model_text

_FLAGS = re.IGNORECASE


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LineRule(_Strict):
    name: str
    kind: Literal["aside", "comments", "boilerplate"]
    extent: Literal["line", "block", "rest"]
    pattern: str
    until: list[str] | None = None
    max_chars: int | None = None
    case_sensitive: bool = False
    example: str


class TailRule(_Strict):
    name: str
    kind: Literal["aside", "comments", "boilerplate"]
    min_lines: int = Field(ge=1)
    line_patterns: list[str]
    required: list[str] = Field(default_factory=list)
    example: str


class TitleRule(_Strict):
    max_chars: int = 300
    min_following_lines: int = 1


class TitleEcho(_Strict):
    kind: Literal["aside", "boilerplate"]
    example: str


class SectionRules(_Strict):
    format: str
    source: str
    media: list[str] = Field(default_factory=list)
    title: TitleRule = TitleRule()
    title_echo: TitleEcho | None = None
    rules: list[LineRule]
    tail_runs: list[TailRule] = Field(default_factory=list)

    @field_validator("rules")
    @classmethod
    def _names_unique(cls, rules: list[LineRule]) -> list[LineRule]:
        names = [r.name for r in rules]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"duplicate rule names {sorted(dupes)}")
        for rule in rules:
            unknown = set(rule.until or ()) - set(names)
            if unknown:
                raise ValueError(f"rule {rule.name!r}: 'until' names unknown rules {sorted(unknown)}")
        return rules


@dataclass(frozen=True)
class _Compiled:
    rule: LineRule
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Sectioner:
    """Compiled section rules; call it on a text to get its sections."""

    rules: SectionRules
    compiled: tuple[_Compiled, ...]
    tails: tuple[tuple[TailRule, tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]], ...]
    layout_path: str | None = None  # page cues (page_layout.json); None: the packaged ones

    @classmethod
    def from_rules(cls, rules: SectionRules, layout_path: str | None = None) -> Sectioner:
        media = "|".join(re.escape(model_text(m)) for m in sorted(rules.media, key=len, reverse=True))
        compiled = []
        for rule in rules.rules:
            pattern = rule.pattern.replace("{media}", media or r"(?!)")
            flags = 0 if rule.case_sensitive else _FLAGS
            compiled.append(_Compiled(rule, re.compile(pattern, flags)))
        tails = tuple(
            (
                t,
                tuple(re.compile(p, _FLAGS) for p in t.line_patterns),
                tuple(re.compile(p, _FLAGS) for p in t.required),
            )
            for t in rules.tail_runs
        )
        return cls(rules, tuple(compiled), tails, layout_path)

    def __call__(self, text: str) -> list[Section]:
        return _split(self, text)


@lru_cache(maxsize=8)
def load_sectioner(path: str | None = None, layout_path: str | None = None) -> Sectioner:
    """The sectioner for the packaged French rules, or for a rules file at ``path``
    (``layout_path``: a page_layout.json of your own for scraped pages)."""
    return Sectioner.from_rules(load_json("sections.json", SectionRules, path=path), layout_path)


def split_sections(text: str, *, rules_path: str | Path | None = None) -> list[Section]:
    """Sections of ``text``: contiguous, non-overlapping, covering ``text`` exactly."""
    return load_sectioner(str(rules_path) if rules_path else None)(text)


def _squash(line: str) -> str:
    return re.sub(r"[\W_]+", "", line).lower()


def _match(compiled: _Compiled, line: str) -> bool:
    rule = compiled.rule
    if rule.max_chars is not None and len(line.strip()) > rule.max_chars:
        return False
    return compiled.regex.search(line) is not None


def _tail_start(sectioner: Sectioner, lines: list[str]) -> tuple[int, SectionKind] | None:
    """Index of the first line of a trailing run (ads), if any."""
    for rule, patterns, required in sectioner.tails:
        first = None
        count = 0
        has_required = not required
        for i in range(len(lines) - 1, -1, -1):
            line = lines[i]
            if not line.strip():
                continue
            if not any(p.search(line) for p in patterns):
                break
            first = i
            count += 1
            has_required = has_required or any(p.search(line) for p in required)
        if first is not None and count >= rule.min_lines and has_required:
            return first, rule.kind
    return None


def _split(sectioner: Sectioner, text: str) -> list[Section]:
    if not text:
        return []
    norm = model_text(text)
    spans = line_spans(norm)
    lines = [norm[s:e] for s, e in spans]
    kinds: list[SectionKind | None] = [None] * len(lines)  # None: blank, follows the line above

    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return [Section(kind="body", start=0, end=len(text))]

    page = type_page_lines([(i, lines[i]) for i in nonblank], load_layout(sectioner.layout_path))
    if page is not None:
        for i, kind in zip(nonblank, page):
            kinds[i] = kind
        return _assemble(text, spans, kinds)

    tail = _tail_start(sectioner, lines)
    stop = tail[0] if tail else len(lines)

    # Title: the first non-blank line, if short and followed by more text.
    title_rule = sectioner.rules.title
    first = nonblank[0]
    following = [i for i in nonblank if first < i < stop]
    title_line: int | None = None
    if len(lines[first].strip()) <= title_rule.max_chars and len(following) >= title_rule.min_following_lines:
        title_line = first
        kinds[first] = "title"
    title_key = _squash(lines[first]) if title_line is not None else None

    by_name = {c.rule.name: c for c in sectioner.compiled}
    block: _Compiled | None = None
    rest: SectionKind | None = None
    start_at = first + 1 if title_line is not None else first
    for i in range(start_at, stop):
        line = lines[i]
        if not line.strip():
            continue
        if rest is not None:
            kinds[i] = rest
            continue
        if block is not None:
            closers = block.rule.until
            candidates = [by_name[n] for n in closers] if closers is not None else list(sectioner.compiled)
            if not any(_match(c, line) for c in candidates):
                kinds[i] = block.rule.kind
                continue
            block = None
        kind: SectionKind = "body"
        for compiled in sectioner.compiled:
            if _match(compiled, line):
                kind = compiled.rule.kind
                if compiled.rule.extent == "block":
                    block = compiled
                elif compiled.rule.extent == "rest":
                    rest = compiled.rule.kind
                break
        else:
            echo = sectioner.rules.title_echo
            if echo is not None and title_key and _squash(line) == title_key:
                kind = echo.kind
        kinds[i] = kind

    if tail:
        for i in range(tail[0], len(lines)):
            if lines[i].strip():
                kinds[i] = tail[1]

    return _assemble(text, spans, kinds)


def _assemble(text: str, spans: list[tuple[int, int]], kinds: list[SectionKind | None]) -> list[Section]:
    """Contiguous sections from line kinds (blank lines, None, follow the line above)."""
    sections: list[Section] = []
    current: SectionKind | None = None
    current_start = 0
    for i, kind in enumerate(kinds):
        if kind is None or kind == current:
            continue
        line_start = spans[i][0]
        if current is not None:
            sections.append(Section(kind=current, start=current_start, end=line_start))
            current_start = line_start
        current = kind
    assert current is not None
    sections.append(Section(kind=current, start=current_start, end=len(text)))
    return sections


__all__ = ["SectionRules", "Sectioner", "load_sectioner", "split_sections"]
