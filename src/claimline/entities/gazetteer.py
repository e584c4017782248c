"""Find the registry's names in a text: a longest-match, word-by-word gazetteer.

Words are compared folded (no case, no accents; hyphens ignored) with three case rules
taken from how the alias is written: a word written with two capitals or more
(acronyms: "OTAN", "UE", "MiG-31") must appear exactly so, a capitalised word must
appear capitalised ("Monde" in "le Monde", never "le monde"), a lower-case word in any
case ("union européenne"). Time is linear in the text (longest alias first at each word).

A match glued to a longer name is no match: "France" is not found in "Air France",
"Météo-France", "France 2" or "Paris Saint-Germain" (a capitalised word or a small number
right next to it, or a hyphen), unless the neighbour is itself a known name
("Trump-Poutine"). A registry entity never absorbs a longer name that contains it.

>>> from claimline.entities.registry import EntityRegistry
>>> gaz = Gazetteer.from_registry(EntityRegistry.default())
>>> [(m.text, m.label) for m in gaz.find("l'union européenne et l'OTAN, pas l'otan")]
[('union européenne', 'ORG'), ('OTAN', 'ORG')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import NamedTuple

from claimline.entities.normalise import FOLDS, fold
from claimline.memo import Memo

_WORD = re.compile(r"\w+|[^\w\s-]")
_ARTICLES = frozenset({"le", "la", "les", "l"})
_WORD_BEFORE = re.compile(r"(\w[\w.'’]*)(?: |-)$")
_RUN_BACKWARDS = re.compile(r"[\w.'’]*")  # read on a reversed text
_AFTER = re.compile(r"(?: (?P<num>\d{1,2})(?![\d,.]?\d)| (?P<cap>[A-ZÀ-Ý][\w'’-]*)|-(?P<hyph>[A-ZÀ-Ý]))")
_SENTENCE_END = frozenset(".!?:;«»\"\n()[]|›>")


class GazetteerMatch(NamedTuple):
    """A registry name found in a text."""

    start: int
    end: int
    text: str
    entity_id: str
    label: str


def _case_rule(word: str) -> str:
    if sum(c.isupper() for c in word) >= 2:
        return "exact"
    if word[:1].isupper() and fold(word) not in _ARTICLES:
        return "capital"
    return "any"


def _fits(rule: str, alias_word: str, text_word: str) -> bool:
    if rule == "exact":
        return text_word == alias_word
    if rule == "capital":
        return text_word[:1].isupper()
    return True


class Gazetteer:
    """Names (aliases) of known entities, looked up word by word."""

    def __init__(self, names: Iterable[tuple[str, str, str]]) -> None:
        """``names``: (surface, entity_id, label) triples."""
        self._table: dict[tuple[str, ...], list[tuple[tuple[tuple[str, str], ...], str, str]]] = {}
        self.max_words = 0
        for surface, entity_id, label in names:
            words = _WORD.findall(surface)
            if not words:
                continue
            key = tuple(fold(w) for w in words)
            rules = tuple((_case_rule(w), w) for w in words)
            self._table.setdefault(key, []).append((rules, entity_id, label))
            self.max_words = max(self.max_words, len(words))
        self._firsts = frozenset(key[0] for key in self._table)
        self._prefixes = frozenset(key[:n] for key in self._table for n in range(1, len(key) + 1))
        self._singles = frozenset(key[0] for key in self._table if len(key) == 1)  # names of one word
        self._pieces = Memo(partial(_piece_words, self._firsts), size=1 << 16)  # the same pieces recur
        self.free_words: frozenset[str] = frozenset(_ARTICLES)

    def with_free_words(self, words: Iterable[str]) -> Gazetteer:
        """Folded words that may stand next to a name without being part of it
        (determiners, prepositions and titles: "En France", "Président Macron")."""
        self.free_words = frozenset(self.free_words | {fold(w).rstrip(".'’") for w in words})
        return self

    @classmethod
    def from_registry(cls, registry) -> Gazetteer:
        """The gazetteer of every name and alias of an :class:`EntityRegistry`."""
        return cls(registry.surfaces())

    def find(self, text: str, *, start: int = 0, end: int | None = None) -> list[GazetteerMatch]:
        """Non-overlapping matches in ``text[start:end]``, longest first, left to right.

        The text is cut at its spaces (in C); the words of each piece, folded, and whether
        one can start a name are kept per piece (:func:`_piece_words`, memoised: the same pieces come
        back in every text), so Python only looks at the pieces a name can start in."""
        pieces = text[start : len(text) if end is None else end].split(" ")
        infos = list(map(self._pieces.__getitem__, pieces))
        offsets = list(accumulate(map(len, pieces), initial=start))  # piece k starts at offsets[k] + k
        out: list[GazetteerMatch] = []
        after = start  # a word starting before this offset is inside a match already
        for k in compress(count(), map(itemgetter(1), infos)):
            words = infos[k][0]
            for j, (rel, _, folded) in enumerate(words):
                if folded not in self._firsts or offsets[k] + k + rel < after:
                    continue
                if folded not in self._singles:
                    second = words[j + 1][2] if j + 1 < len(words) else _first_folded_after(infos, k)
                    if second is not None and (folded, second) not in self._prefixes:
                        continue  # the first word of longer names only, and not followed by their second
                window = _following(infos, offsets, k, j, self.max_words, self._prefixes)
                found = self._longest([w for _, w, _ in window], [f for _, _, f in window], 0)
                if found is None:
                    continue
                n, entity_id, label = found
                first = 1 if n > 1 and window[0][1] in _ARTICLES else 0  # "le Monde" -> "Monde"
                s, e = window[first][0], window[n - 1][0] + len(window[n - 1][1])
                out.append(GazetteerMatch(s, e, text[s:e], entity_id, label))
                after = e
        return self._unglued(text, out)

    def _longest(self, words: list[str], folded: list[str], i: int) -> tuple[int, str, str] | None:
        """(word count, id, label) of the longest name starting at word ``i`` whose case
        rules the words fit, or None."""
        longest = 1
        while i + longest < len(words) and longest < self.max_words and tuple(folded[i : i + longest + 1]) in self._prefixes:
            longest += 1
        for n in range(longest, 0, -1):
            for rules, entity_id, label in self._table.get(tuple(folded[i : i + n]), ()):
                if all(_fits(rule, w, word) for (rule, w), word in zip(rules, words[i : i + n])):
                    return n, entity_id, label
        return None

    def _unglued(self, text: str, matches: list[GazetteerMatch]) -> list[GazetteerMatch]:
        """``matches`` without those glued to a longer name (see the module docstring)."""
        starts = {m.start for m in matches}
        ends = {m.end for m in matches}
        return [
            m for m in matches
            if not (_glued_before(text, m.start, ends, self.free_words) or _glued_after(text, m.end, starts, self.free_words))
        ]


_Word = tuple[int, str, str]  # (offset, word, folded word)


def _piece_words(firsts: frozenset[str], piece: str) -> tuple[tuple[_Word, ...], bool]:
    """For a piece of text between two spaces: its words ``((offset in the piece, word,
    folded), ...)`` (``_WORD``: a line break inside the piece separates words too) and
    whether one of them begins a name. A piece of word characters only (the most
    common piece) is one word: no regular expression (``\w`` is ``str.isalnum`` or "_")."""
    if piece.isalnum():
        folded = FOLDS[piece]
        return ((0, piece, folded),), folded in firsts
    words = tuple((m.start(), m.group(), FOLDS[m.group()]) for m in _WORD.finditer(piece))
    return words, any(f in firsts for _, _, f in words)


def _first_folded_after(infos: list[tuple[tuple[_Word, ...], bool]], k: int) -> str | None:
    """The first folded word of the pieces after piece ``k``, or None."""
    for i in range(k + 1, len(infos)):  # the next piece with a word (not a copy of the rest)
        if infos[i][0]:
            return infos[i][0][0][2]
    return None


def _following(
    infos: list[tuple[tuple[_Word, ...], bool]], offsets: list[int], k: int, j: int, n: int, prefixes: frozenset[tuple[str, ...]]
) -> list[_Word]:
    """The words (offsets in the text) from the ``j``-th word of piece ``k`` on, up to ``n``
    and up to the first one that no name continues with (the words the longest name there
    can use, and the one after it)."""
    out: list[_Word] = []
    folded: tuple[str, ...] = ()
    while k < len(infos):
        base = offsets[k] + k
        for rel, word, fold_ in infos[k][0][j:]:
            out.append((base + rel, word, fold_))
            folded += (fold_,)
            if len(out) == n or folded not in prefixes:
                return out
        k, j = k + 1, 0
    return out


def word_before(text: str, start: int) -> tuple[str, int] | None:
    """``(group 1, its end)`` of ``_WORD_BEFORE.search(text, max(0, start - 40), start)``,
    read backwards from ``start - 1`` for a space or a hyphen (the longest run of word
    characters, dots and apostrophes before it, from its first word character)."""
    if start == 0 or text[start - 1] not in " -\n":
        return None  # no match can end here ("$" also matches before a last newline)
    if text[start - 1] == "\n":
        found = _WORD_BEFORE.search(text, max(0, start - 40), start)
        return None if found is None else (found.group(1), found.end(1))
    run = _RUN_BACKWARDS.match(text[max(0, start - 40) : start - 1][::-1]).end()
    word = text[start - 1 - run : start - 1].lstrip(".'’")
    return (word, start - 1) if word else None


def _glued_before(text: str, start: int, ends: set[int], free: frozenset[str]) -> bool:
    """A capitalised word (not starting a sentence) or a hyphenated word right before ``start``."""
    found = word_before(text, start)
    if found is None:
        return False
    word = re.split(r"['’]", found[0])[-1]  # "d'Air France"
    word_start = found[1] - len(word)
    if not word or found[1] in ends or fold(word).rstrip(".'’") in free or not word[:1].isupper():
        return False  # "anti-Trump", "En France", "M. Macron"
    if text[start - 1] == "-":
        return True
    before = text[max(0, word_start - 3) : word_start].rstrip(" ")
    return bool(before) and before[-1] not in _SENTENCE_END and not before[-1].isspace()


def _glued_after(text: str, end: int, starts: set[int], free: frozenset[str]) -> bool:
    """A small number ("France 2"), a capitalised word or a hyphen and a capital right after ``end``."""
    found = _AFTER.match(text, end)
    if found is None:
        return False
    if found.group("num"):
        return True
    if found.group("hyph"):
        return end + 1 not in starts
    return end + 1 not in starts and fold(found.group("cap")) not in free


__all__ = ["Gazetteer", "GazetteerMatch"]
