"""Accent-insensitive matching: informal French drops accents ("apres-midi", "soiree", "decembre").

The grammar is written with accents, as in the lexicon data. :func:`accent_insensitive`
rewrites a compiled rule pattern so that each accented letter also matches its bare
letter ("soirée" -> ``soir[ée]e``), and :func:`canonical_keys` maps the accentless
spelling of every lexicon word back to the word itself, so that what the rules read
("soiree") is looked up as the lexicon writes it ("soirée"). Nothing is listed twice: the
variants are generated from the data.

A few short words keep their accent because their bare spelling is another French word
("à"/"a" of avoir, "dès"/"des", "là"/"la", "où"/"ou"): the lexicon class
``accent_distinctive`` lists them, and a pattern keeps their accent where they stand as a
word of their own (not after an apostrophe: "jusqu'a" still reads as "jusqu'à").

>>> fold("Décembre, Après-Midi")
'decembre, apres-midi'
>>> import re
>>> p = accent_insensitive(r"(?:à|dès)\\s+la\\s+soirée", frozenset({"à", "dès"}))
>>> bool(re.fullmatch(p, "à la soiree")), bool(re.fullmatch(p, "a la soirée"))
(True, False)
>>> canonical_keys({"parts_of_day": {"soirée": "EV"}, "months": {"août": 8}})["soiree"]
'soirée'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from claimline.resources.shared import BARE_LETTERS as _BARE

_TABLE = str.maketrans(_BARE)
# The syntax of a group opening: (?:  (?P<name>  (?P=name)  (?<=  (?<!  (?=  (?!  (?-i:  (?i)
_GROUP = re.compile(r"\(\?(?:P<\w+>|P=\w+\)|<=|<!|=|!|:|[aiLmsux-]+[:)]|#[^)]*\))")


@lru_cache(maxsize=4096)  # called on every matched word; str.translate with a table is slow
def fold(text: str) -> str:
    """``text`` in lower case without its accents ("Été" -> "ete"); "œ" and "æ" are kept."""
    return text.lower().translate(_TABLE)


def _class_end(pattern: str, i: int) -> int:
    """The index just past the character class opening at ``pattern[i]`` ("[").

    Malformed patterns are left for ``re.compile`` to reject: an unterminated class runs to
    the end here."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return min(j + 1, len(pattern))


def _fold_run(run: str, before: str, keep: frozenset[str]) -> str:
    if run.lower() in keep and before not in ("'", "’"):
        return run
    return "".join(f"[{ch}{_BARE[ch.lower()]}]" if ch.lower() in _BARE else ch for ch in run)


def accent_insensitive(pattern: str, keep: frozenset[str] = frozenset()) -> str:
    """``pattern`` with each accented literal letter also matching its bare letter.

    Escapes, character classes and group syntax are copied as they are; a literal word in
    ``keep`` keeps its accent unless it follows an apostrophe."""
    out: list[str] = []
    run: list[str] = []
    before = ""  # the token just before the current run of letters
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch.isalpha():
            run.append(ch)
            i += 1
            continue
        if run:
            out.append(_fold_run("".join(run), before, keep))
            run.clear()
        if ch == "\\":
            token = pattern[i : i + 2]
        elif ch == "[":
            token = pattern[i : _class_end(pattern, i)]
        elif m := _GROUP.match(pattern, i):
            token = m.group()
        else:
            token = ch
        out.append(token)
        before = token
        i += len(token)
    if run:
        out.append(_fold_run("".join(run), before, keep))
    return "".join(out)


def canonical_keys(classes: Mapping[str, Mapping[str, object] | Iterable[str]]) -> dict[str, str]:
    """The accentless spelling of each word of the classes -> the word as the data writes it.

    A word already written without accents maps to itself; when two words fold to the same
    spelling, the one without accents (or else the first listed) wins."""
    canon: dict[str, str] = {}
    for words in classes.values():
        for word in words:
            folded = fold(word)
            if folded == word or folded not in canon:
                canon[folded] = word
    return canon


__all__ = ["accent_insensitive", "canonical_keys", "fold"]
