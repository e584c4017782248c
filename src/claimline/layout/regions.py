"""Sections and sentences as small typed records, and the one lookup of "which section or
sentence holds offset X" (spaCy-free; :mod:`claimline.doc` reads them off a Doc).

>>> secs = [DocSection("title", 0, 10), DocSection("body", 10, 50)]
>>> locate(secs, 12), locate(secs, 0), locate(secs, -1)
(1, 0, -1)
>>> kind_at(secs, 12), kind_at([], 12)
('body', 'body')
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Protocol, get_args

from claimline.errors import Errors, InputError
from claimline.models import SectionKind

SECTION_KINDS: frozenset[str] = frozenset(get_args(SectionKind))


def section_kinds(option: str, kinds: Iterable[str]) -> frozenset[str]:
    """``kinds`` (a component's option such as ``skip_sections``) as a set of section
    kinds, or an InputError naming the option and the valid kinds."""
    kinds = frozenset(kinds) if not isinstance(kinds, str) else frozenset((kinds,))
    bad = sorted(kinds - SECTION_KINDS)
    if bad:
        raise InputError(Errors.E010.format(name=option, value=bad, detail=f"valid section kinds are {sorted(SECTION_KINDS)}"))
    return kinds


class Located(Protocol):
    @property
    def start(self) -> int: ...


@dataclass(frozen=True, slots=True)
class DocSection:
    """One section of a Doc: its kind (title, body, aside, comments, boilerplate) and offsets."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DocSentence:
    """One sentence of a Doc: its index, offsets and the kind of the section it starts in."""

    index: int
    start: int
    end: int
    section: str = "body"


_START = attrgetter("start")


def locate(items: Sequence[Located], offset: int) -> int:
    """Index of the last of ``items`` (sorted by start) that starts at or before ``offset``;
    -1 if none does."""
    return bisect.bisect_right(items, offset, key=_START) - 1


def kind_at(sections: Sequence[DocSection], offset: int) -> str:
    """The kind of the section holding ``offset`` (the first section before the first
    start; "body" when there are no sections)."""
    if not sections:
        return "body"
    return sections[max(0, locate(sections, offset))].kind


__all__ = ["DocSection", "DocSentence", "Located", "kind_at", "locate"]
