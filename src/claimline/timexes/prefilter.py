"""The rule prefilter at run time: normalise a text once, scan it once for all anchors.

:func:`claimline.timexes.triggers.rule_anchors` derives each rule's anchors from its
pattern; :class:`Prefilter` holds them, finds which ones a sentence holds in one pass
(an Aho-Corasick automaton of all the anchors, ``pyahocorasick``), and says which rules
can match there. See :mod:`claimline.timexes.triggers` for why no match is ever lost.

The automaton reports every anchor occurring in the text, where a single regular
expression of all the anchors (:func:`scan_pattern`, the reference the tests compare
with) has to be tried at nearly every character: on news text the automaton takes about
half the time. Two things an automaton of literal strings does not read are handled
around it: an end of word (an anchor ending in ``END`` is its text followed by each of
the few characters that are not word characters in a normalised text, where any
punctuation an anchor does not use is written ``SEP``) and a run of spaces (a space in an
anchor stands for one or more, and never two in a row: a run in the text is scanned as
one space).

>>> p = Prefilter([[("juin", "mai" + END)], []])
>>> p.allowed(p.scan(normalise("Le 3 MAI."))), p.allowed(p.scan(normalise("la maison")))
((0, 1), (1,))
"""

from __future__ import annotations

import re
from functools import cache, cached_property, reduce
from operator import itemgetter, or_

import ahocorasick
import numpy as np


def _case_groups() -> list[set[str]]:
    """The characters ``re`` treats as equal under IGNORECASE although ``str.lower``
    does not make them equal ("s" and the long "ſ", "i" and the dotless "ı"...)."""
    try:
        from re._casefix import _EXTRA_CASES as extra  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.10
        from sre_compile import _ignorecase_fixes as extra  # type: ignore[attr-defined,no-redef]
    groups: list[set[str]] = []
    for lo, others in extra.items():
        members = {chr(lo), *map(chr, others)}
        joined = [g for g in groups if g & members]
        for g in joined:
            groups.remove(g)
            members |= g
        groups.append(members)
    return groups


_BEFORE_LOWER = str.maketrans({"\u0130": "i"})  # "İ".lower() is two characters; re reads it as "i"
# each group's word characters written as one of them (a non-word one, such as the
# combining iota, stays itself: an end of word must be read the same before and after)
_CASE_FIX = {ch: min(c for c in g if c.isalnum()) for g in _case_groups() for ch in g if ch.isalnum()}
_CASE_FIX = {ch: to for ch, to in _CASE_FIX.items() if ch != to}  # "s" and "i" are common and stay
_NEEDS_FIX = re.compile("[" + re.escape("".join(sorted(_CASE_FIX))) + "]")
_CASE_FIX_TABLE = str.maketrans(_CASE_FIX)
_DIGITS = re.compile(r"\d")
# white space but the plain space (``str.isspace``, as ``\s`` reads it), listed: ``re`` finds
# the characters of a listed class faster than those of the negated class ``[^\S ]``
OTHER_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_OTHER_SPACE = re.compile(f"[{OTHER_SPACES}]")


# the punctuation anchors are written with ("12/02", "l'an", "mi-mars", "14 h 30"): kept.
# Any other character that is neither a word character nor white space is written SEP, so
# that an anchor at an end of word can only be followed by one of FOLLOWERS (or the end of
# the text), which the automaton lists rather than reading the next character in Python.
PUNCTUATION = "'’(),-./:"
SEP = "\x01"
FOLLOWERS = " " + SEP + PUNCTUATION
_BMP = 0x10000
_UTF32 = "utf-32-le"
_OTHER = re.compile(r"[^\w\s" + re.escape(PUNCTUATION) + "]")


def _digits_and_spaces(low: str) -> str:
    return _OTHER.sub(SEP, _OTHER_SPACE.sub(" ", _DIGITS.sub("0", low)))


def _normalise_slow(low: str) -> str:
    """The normalised form of a lower-cased text, with regular expressions: the reference
    :func:`_code_table` is read from, and the way for a text beyond the BMP."""
    if _NEEDS_FIX.search(low):  # the translation is slow: only for the rare texts that need it
        low = low.translate(_CASE_FIX_TABLE)
    return _digits_and_spaces(low)


@cache
def _code_table() -> tuple[np.ndarray, np.ndarray]:
    """What each code point of the BMP is normalised to (a lower-cased character, as code
    points: :func:`_normalise_slow` of every BMP character, in one pass) and whether
    ``re`` folds it otherwise than ``str.lower`` (``_CASE_FIX``). Built once per process."""
    every = "".join(map(chr, range(_BMP)))
    table = np.frombuffer(_normalise_slow(every).encode(_UTF32, "surrogatepass"), dtype="<u4").copy()
    fixed = np.zeros(_BMP, dtype=bool)
    fixed[[ord(ch) for ch in _CASE_FIX if ord(ch) < _BMP]] = True
    return table, fixed


def normalise(text: str) -> str | None:
    """``text`` the way anchors are compared, character for character (same length, same
    offsets): case folded as ``re`` folds it, digits written ``0``, white space a space,
    other characters that are not word characters ``SEP`` but the listed ``PUNCTUATION``.
    None in the unlikely case lower-casing changed the length (no prefilter then)."""
    return normalise_and_fold(text)[0]


def normalise_and_fold(text: str) -> tuple[str | None, str | None]:
    """``(normalise(text), fold(text))``, the text lower-cased once for both.

    Each character of the lower-cased text is looked up in a table of the BMP
    (:func:`_code_table`, numpy, built once per process in about 15 ms): the four
    regular-expression passes it stands for cost about four times as much on news-dev.
    A text with a character beyond the BMP takes those passes."""
    plain = "\u0130" not in text
    low = (text if plain else text.translate(_BEFORE_LOWER)).lower()
    if len(low) != len(text):
        return None, None
    codes = np.frombuffer(low.encode(_UTF32, "surrogatepass"), dtype="<u4")
    table, fixed = _code_table()
    try:
        mapped = table[codes]
    except IndexError:  # a character beyond the BMP
        return _normalise_slow(low), (low if plain and not _NEEDS_FIX.search(low) else None)
    return mapped.tobytes().decode(_UTF32, "surrogatepass"), (low if plain and not fixed[codes].any() else None)


def fold(text: str) -> str | None:
    """``text`` lower-cased, for the rules that match it case-sensitively (same length,
    same offsets: a character matches a lower-case literal under IGNORECASE exactly when
    its lower case is that literal); None when lower-casing changes the length or the text
    holds a character ``re`` folds otherwise ("ſ" matches "s"): the rules then read the
    text itself, case-insensitively."""
    if "\u0130" in text:
        return None
    low = text.lower()
    if len(low) != len(text) or _NEEDS_FIX.search(low):
        return None
    return low


_BITS = itemgetter(1)  # of an automaton hit (end, bits)
_SPACE_RUN = re.compile(" {2,}")
END = "\x00"  # in an anchor: the end of a word (the next character, if any, is not \w)
WORD = re.compile(r"\w")


def _trie(words: list[str]) -> str:
    """One pattern matching, at a position, the longest of ``words`` (normalised anchors)
    there; a space matches a run of spaces, an end of word is a lookahead."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        alts = [(" +" if ch == " " else re.escape(ch)) + render(child)
                for ch, child in sorted(node.items()) if ch not in ("", END)]
        if END in node:
            alts.append(r"(?!\w)")
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return render(tree)


def scan_pattern(anchors: list[str]) -> str:
    r"""The pattern :meth:`Prefilter.scan` finds all anchors with: at each position where
    one starts, the longest there and the word character after it, if any.

    It is ``(?=(trie)(?:(\w)|))`` tried at every position, written to consume the
    anchor's first character first (then the lookbehind reads the same lookahead from
    that character): ``re`` then skips the positions whose character starts no anchor
    without trying the trie there. Same positions, same groups."""
    first = "".join(sorted({a[0] for a in anchors}))
    return f"[{re.escape(first)}](?<=(?=({_trie(anchors)})(?:(\\w)|))[\\s\\S])"


def _implied(text: str) -> list[str]:
    r"""The anchors that occur wherever ``text`` does: its prefixes, and those followed by
    an end of word where the next character of ``text`` is not \w."""
    out = []
    for k in range(1, len(text) + 1):
        out.append(text[:k])
        if k < len(text) and not WORD.match(text[k]):
            out.append(text[:k] + END)
    return out


class Prefilter:
    """Which rules can match a text: those each of whose anchor sets has an anchor in it.

    ``needs[i]`` are rule ``i``'s anchor sets (:func:`rule_anchors`). A text is scanned
    once (:meth:`scan`) with one pattern of all anchors; each anchor set is a bit."""

    def __init__(self, needs: list[list[tuple[str, ...]]]) -> None:
        self.needs = needs
        bits: dict[frozenset[str], int] = {}
        by_anchor: dict[str, int] = {}
        self.rule_masks: list[int] = []
        for rule in needs:
            mask = 0
            for need in rule:
                bit = bits.setdefault(frozenset(need), 1 << len(bits))
                mask |= bit
                for anchor in need:
                    by_anchor[anchor] = by_anchor.get(anchor, 0) | bit
            self.rule_masks.append(mask)
        self._by_anchor = by_anchor
        self.automaton = self._automaton(by_anchor) if by_anchor else None

    # the regular expression of all anchors and its masks serve :meth:`scan_regex` only (the
    # reference the tests compare the automaton with): built on first use, not at load

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """:func:`scan_pattern` of all the anchors, compiled (None when there is none)."""
        return re.compile(scan_pattern(list(self._by_anchor))) if self._by_anchor else None

    @cached_property
    def masks(self) -> dict[str, int]:
        """The bits of each anchor text the regular expression reports: the longest at a
        position implies the anchors that are its prefixes, and, at an end of word, those
        ending there."""
        texts = sorted({a.rstrip(END) for a in self._by_anchor})
        return {t: self._mask(_implied(t), self._by_anchor) for t in texts}

    @cached_property
    def at_end(self) -> dict[str, int]:
        """:attr:`masks` when no word character follows the anchor text."""
        return {t: mask | self._by_anchor.get(t + END, 0) for t, mask in self.masks.items()}

    @staticmethod
    def _automaton(by_anchor: dict[str, int]) -> ahocorasick.Automaton:
        """An automaton of the anchors' texts, each text's value its bits (an int). An
        anchor followed by an end of word is its text followed by each character that
        is not a word character in a normalised text (``FOLLOWERS``; :meth:`scan` ends
        the text with one)."""
        values: dict[str, int] = {}
        for anchor, bit in by_anchor.items():
            for text in ([anchor[:-1] + ch for ch in FOLLOWERS] if anchor.endswith(END) else [anchor]):
                values[text] = values.get(text, 0) | bit
        automaton = ahocorasick.Automaton()
        for text, bits in values.items():
            automaton.add_word(text, bits)
        automaton.make_automaton()
        return automaton

    @staticmethod
    def _mask(anchors: list[str], by_anchor: dict[str, int]) -> int:
        mask = 0
        for anchor in anchors:
            mask |= by_anchor.get(anchor, 0)
        return mask

    def scan(self, norm: str, start: int = 0, end: int | None = None) -> int:
        """The anchor sets met in ``norm[start:end]`` (a :func:`normalise`-d text), as bits."""
        if self.automaton is None:
            return 0
        end = len(norm) if end is None else end
        # the automaton reads a copy of its whole input in four bytes a character: a slice,
        # not the text, ended by a character that ends a word
        part = norm[start:end]
        if "  " in part:  # a space in an anchor stands for a run of them: one, as the anchors write it
            part = _SPACE_RUN.sub(" ", part)
        return reduce(or_, map(_BITS, self.automaton.iter(part + SEP)), 0)

    def scan_regex(self, norm: str, start: int = 0, end: int | None = None) -> int:
        """:meth:`scan` with the single regular expression of all anchors (the reference)."""
        if self.pattern is None:
            return 0
        found = 0
        masks, at_end = self.masks, self.at_end
        # each distinct (anchor text, the word character right after it, if any) once
        for seen, after in set(self.pattern.findall(norm, start, len(norm) if end is None else end)):
            if seen not in masks:
                seen = re.sub(" +", " ", seen)
            found |= masks[seen] if after else at_end[seen]
        return found

    def allowed(self, found: int) -> tuple[int, ...]:
        """The indexes of the rules all of whose anchor sets are in ``found`` (the grammar
        remembers them: :meth:`claimline.timexes.lexicon.Grammar.rules_for`)."""
        return tuple(i for i, m in enumerate(self.rule_masks) if m & found == m)


