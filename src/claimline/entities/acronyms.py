"""Acronyms and their expansions in one text: "Bureau international du travail (BIT)".

Three signals, all within one document:

- a parenthesised short form right after a name, or a name in parentheses right after
  a short form: "le Rassemblement national (RN)", "l'USGS (Institut américain de
  géophysique)"; the short form is written in capitals ("RN", "A4E") or, after the name
  of an organisation, as a capitalised word ("Insee", "Ofast"); the name of a person is
  never expanded ("Marine Le Pen (RN)" is two entities);
- the initials of the content words of a name ("Paris Saint-Germain" -> PSG, "Institut
  national de la statistique et des études économiques" -> INSEE), for a short form
  anywhere in the text, when only one name of the text has them;
- the name before a parenthesised acronym is completed to the words whose initials
  spell it ("Banque centrale européenne (BCE)", where the model found "Banque centrale").

:func:`acronym_groups` returns the (acronym, expansion) candidate pairs;
:func:`complete_expansions` repairs and adds candidates before linking. Both are linear
in the number of candidates (one dictionary of initials per text).

>>> initials("Paris Saint-Germain")
'psg'
>>> initials("Organisation du traité de l'Atlantique nord")
'otan'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from claimline.entities.normalise import fold
from claimline.entities.recognise import Candidate

FUNCTION_WORDS = frozenset({
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "ou", "pour", "a", "au", "aux", "en", "sur", "sous",
    "par", "sa", "son", "ses", "un", "une", "dans", "chez", "contre",
})
_PIECES = re.compile(r"[^\W\d_]+|\d+")
_CLOSE = re.compile(r"^\s*\)")
_SHORT = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&-]{1,9}$")
_WORDS_BEFORE = re.compile(r"\w[\w-]*")
_STOPS = ".;:!?\n«»\"()"


def initials(name: str, *, keep: Collection[str] = ()) -> str:
    """The folded first letters of the content words of ``name`` (hyphens split words)."""
    return _initials(name) if not keep else _initials_keeping(name, keep)


@lru_cache(maxsize=16384)
def _initials(name: str) -> str:
    return _initials_keeping(name, ())


def _initials_keeping(name: str, keep: Collection[str]) -> str:
    out = []
    for piece in _PIECES.findall(fold(name)):
        if piece in FUNCTION_WORDS and piece not in keep:
            continue
        out.append(piece if piece.isdigit() else piece[0])
    return "".join(out)


def is_capitals(surface: str) -> bool:
    """Two capitals or more and no space: "RN", "A4E", "UNSA-ICNA" (not "Insee")."""
    return " " not in surface and sum(c.isupper() for c in surface) >= 2 and bool(_SHORT.match(surface))


def is_short_form(surface: str) -> bool:
    """One word of 2-10 characters that starts with a capital: "BCE", "Insee"."""
    return bool(_SHORT.match(surface))


def _spells(short: str, name: str, demonyms: Collection[str] = ()) -> bool:
    """Whether ``short`` is the initials of ``name`` ("Société nationale des chemins de
    fer français" spells SNCF: a closing nationality adjective may be left out)."""
    letters = fold(short).replace("-", "")
    if len(letters) < 2 or len(name.split()) < 2:
        return False
    if initials(name) == letters:
        return True
    words = name.split()
    return fold(words[-1]) in demonyms and initials(" ".join(words[:-1])) == letters


def _parenthesised(text: str, first: Candidate, second: Candidate) -> bool:
    """Whether ``second`` is in parentheses right after ``first`` (on the same line)."""
    after = text[second.end : second.end + 3]
    if ")" not in after or not _CLOSE.match(after):
        return False
    gap = text[first.end : second.start]
    return "\n" not in gap and gap.rstrip().endswith("(")


def _is_pair(short: str, long: str, long_label: str, demonyms: Collection[str]) -> bool:
    if long_label == "PER" or len(long.split()) < 2 or not is_short_form(short):
        return False
    if _spells(short, long, demonyms) or is_capitals(short):
        return True
    return long_label in ("ORG", "MISC") and len(short) <= 6


def acronym_groups(
    text: str, candidates: Sequence[Candidate], demonyms: Collection[str] = ()
) -> list[tuple[int, int]]:
    """(acronym index, expansion index) pairs among ``candidates`` (sorted by offset)."""
    pairs: list[tuple[int, int]] = []
    paired: set[int] = set()
    for i in range(len(candidates) - 1):
        a, b = candidates[i], candidates[i + 1]
        if not _parenthesised(text, a, b):
            continue
        sa, sb = text[a.start : a.end], text[b.start : b.end]
        if _is_pair(sb, sa, a.label, demonyms):
            pairs.append((i + 1, i))
        elif _is_pair(sa, sb, b.label, demonyms):
            pairs.append((i, i + 1))
        else:
            continue
        paired.update(pairs[-1])
    by_initials: dict[str, set[str]] = {}
    first_of: dict[str, int] = {}
    facts = [_facts(text[cand.start : cand.end]) for cand in candidates]
    for i, cand in enumerate(candidates):
        key, folded, _ = facts[i]
        if cand.label != "PER" and key is not None:
            by_initials.setdefault(key, set()).add(folded)
            first_of.setdefault(key, i)
    for i, cand in enumerate(candidates):
        letters = facts[i][2]
        if i in paired or letters is None or cand.label == "PER":
            continue
        if len(letters) >= 2 and len(by_initials.get(letters, ())) == 1:
            pairs.append((i, first_of[letters]))
    return pairs


@lru_cache(maxsize=16384)
def _facts(surface: str) -> tuple[str | None, str, str | None]:
    """What :func:`acronym_groups` needs of a surface (the same names come back in every
    text): its initials when it has two words or more, its folded form, and its folded
    letters without hyphens when it is a short form."""
    return (
        initials(surface) if len(surface.split()) >= 2 else None,
        fold(surface),
        fold(surface).replace("-", "") if is_short_form(surface) else None,
    )


def _completed(text: str, cand: Candidate, short: str, demonyms: Collection[str], limit: int) -> Candidate | None:
    """``cand`` stretched to the words before "(" whose initials spell ``short``."""
    end = len(text[:limit].rstrip())
    if any(c in text[cand.end : end] for c in _STOPS):
        return None
    starts = [m.start() for m in _WORDS_BEFORE.finditer(text, max(0, cand.start - 80), cand.start + 1)]
    for start in reversed(starts):
        if any(c in text[start : cand.start] for c in _STOPS + ","):
            break
        if text[start].isupper() and _spells(short, text[start:end], demonyms):
            return cand._replace(start=start, end=end, entity_id=None, source="acronym")
    return None


def complete_expansions(
    text: str, candidates: Sequence[Candidate], demonyms: Collection[str] = ()
) -> list[Candidate]:
    """``candidates`` with the name before a parenthesised acronym completed to the words
    the acronym spells, and the acronym itself added when the model missed it."""
    out = list(candidates)
    for found in re.finditer(r"\(\s*([A-ZÀ-Ý][\w&-]{1,9})\s*\)", text):
        short, open_at = found.group(1), found.start()
        if not is_capitals(short):
            continue
        before = [c for c in out if c.end <= open_at and open_at - c.end <= 80]
        if not before:
            continue
        cand = before[-1]
        adjacent = not text[cand.end : open_at].strip()
        if adjacent and _spells(short, text[cand.start : cand.end], demonyms):
            completed = cand
        else:
            completed = _completed(text, cand, short, demonyms, open_at)
            if completed is None:
                continue
            out = [c for c in out if c.end <= completed.start or c.start >= completed.end] + [completed]
        start = found.start(1)
        if not any(c.start <= start < c.end for c in out):
            out.append(Candidate(start, start + len(short), completed.label, source="acronym"))
    return sorted(out, key=lambda c: (c.start, -c.end))


__all__ = ["FUNCTION_WORDS", "acronym_groups", "complete_expansions", "initials", "is_capitals", "is_short_form"]
