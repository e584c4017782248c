"""The publication date printed on a scraped page: its byline.

:func:`read_byline_date` looks at the page's furniture lines (boilerplate sections, where
bylines land: "Publié le 12/03/2025 à 14h05, mis à jour le …", "AFP le 06/06/2024",
"Modifié le …", a bare "Le 3 février 2021 à 10h05") and returns the first full date after
the best-ranked marker of ``resources/fr/page_layout.json`` ("published" markers: first
publication before an agency line, before a bare date line, before an update). Dates in
comments, asides and the article never count; a date without a year is not read.

>>> from claimline.models import Section
>>> text = "Titre du jour\\nPublié le 4 mars 2021 à 10h, mis à jour le 5 mars 2021\\nLe texte."
>>> found = read_byline_date(text, [Section(kind="title", start=0, end=14),
...     Section(kind="boilerplate", start=14, end=67), Section(kind="body", start=67, end=len(text))])
>>> found.date.isoformat(), found.marker
('2021-03-04', 'published')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from claimline.layout.cues import CompiledLayout, load_layout
from claimline.models import Section


class BylineDate(NamedTuple):
    date: dt.date
    marker: str  # the name of the marker that introduced it
    start: int  # offset of the date's line
    end: int


_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], re.Pattern[str]]:
    from claimline.timexes.lexicon import load_grammar

    months = {name.rstrip(".").lower(): number for name, number in load_grammar().lexicon.months.items()}
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    return months, re.compile(rf"(?<!\d)(\d{{1,2}})(?:er)?\s+({names})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)


def first_date(text: str) -> dt.date | None:
    """The first full date (day, month, year) written in ``text``."""
    months, written = _months()
    found: list[tuple[int, dt.date]] = []
    for match in _NUMERIC.finditer(text):
        d, m, y = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
            match.group(6), match.group(5), match.group(4))
        found.extend(_date(match.start(), int(y), int(m), int(d)))
    for match in written.finditer(text):
        found.extend(_date(match.start(), int(match.group(3)), months[match.group(2).lower()], int(match.group(1))))
    return min(found)[1] if found else None


def _date(pos: int, year: int, month: int, day: int) -> list[tuple[int, dt.date]]:
    try:
        return [(pos, dt.date(year, month, day))]
    except ValueError:
        return []


def read_byline_date(
    text: str, sections: Sequence[Section], layout: CompiledLayout | None = None
) -> BylineDate | None:
    """The publication date of the page's byline, or None."""
    layout = layout or load_layout()
    markers = sorted(layout.layout.published, key=lambda m: m.rank)
    comments = min((s.start for s in sections if s.kind == "comments"), default=len(text))
    best: tuple[int, int, BylineDate] | None = None
    for section in sections:
        if section.kind != "boilerplate" or section.start >= comments:
            continue
        offset = section.start
        for line in text[section.start : min(section.end, comments)].split("\n"):
            for marker in markers:
                match = re.search(marker.pattern, line, re.IGNORECASE)
                if match is None:
                    continue
                date = first_date(line[match.end() :][:80])
                if date is not None:
                    candidate = (marker.rank, offset, BylineDate(date, marker.name, offset, offset + len(line)))
                    best = min(best, candidate, key=lambda c: c[:2]) if best else candidate
                    break
            offset += len(line) + 1
    return best[2] if best else None


__all__ = ["BylineDate", "first_date", "read_byline_date"]
