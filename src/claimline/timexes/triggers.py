r"""Triggers: the literal words a detection rule cannot match without, derived from its regex.

Matching every rule's regular expression over every sentence is what the timex layer
spent most of its time on, while most sentences hold no month, no weekday, no "il y a".
:func:`rule_anchors` reads a compiled rule's syntax tree and lists the literal strings
(anchors) that any text it matches must contain: "il y a", one of the month names, a
digit followed by "h"... :class:`claimline.timexes.prefilter.Prefilter` scans a text once for all anchors, and
:mod:`claimline.timexes.detect` matches, in each sentence, only the rules whose
anchors are there. The anchors come from the expanded rule patterns, so a rule or
lexicon entry added later is covered with no extra step.

Anchors are compared on a normalised text (:func:`normalise`, same length): lower case
(with the extra case equivalences Python's ``re`` applies under IGNORECASE), every
decimal digit written ``0``, white space a space; in an anchor a space stands for a run
of white space, and a final ``\x00`` for an end of word (``(?![\w])`` in the rule). Why
no match is ever lost: a match of a run of nodes is the concatenation of the nodes'
matches, so a contiguous run of literal nodes (other assertions dropped: they only
remove matches) is a substring of every match, and stays one after normalising both
sides; an alternation needs one of its branches' anchors; an optional part gives none;
where a run and the next literal node are too many to spell out together, the last
characters of the run followed by the node are still a substring of every match.
A rule whose pattern offers no useful anchor has none and always runs.
``tests/timexes/test_timexes_triggers.py`` checks, on many texts, that candidates are
the same with and without the prefilter, and checks the normalisation against ``re``
on every code point.

>>> import re
>>> rule_anchors(re.compile(r"il\s+y\s+a\s+(?P<n>\d+)\s*ans", re.I))  # a repeat of variable length splits
[('il y a 0',), ('0ans', '0 ans')]
>>> rule_anchors(re.compile(r"(?:le\s+)?(?P<m>juin|Juillet)(?![\w])\s*(?:\d{4})?", re.I))
[('juin\x00', 'juillet\x00')]
>>> normalise("Le 14 Juillet\n2025")
'le 00 juillet 0000'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from claimline.timexes.prefilter import END as _END
from claimline.timexes.prefilter import WORD as _WORD
from claimline.timexes.prefilter import normalise

try:  # Python >= 3.11
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# alternatives kept when spelling out a node's matches exactly: 1024 lets a rule's anchors
# join a word class to the next ("en mars", "mois dernier", "jours plus tard") where each
# class alone occurs in most sentences (with :func:`_junction`, half the runs of a rule
# that match nothing on news-dev, for about 0.3 s more of the grammar's one-time load and 13 MB)
_EXACT_LIMIT = 1024


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    return normalise(ch) or ch.lower()


class _Opaque(Exception):
    """A character class this reader does not spell out as a few literals."""


def _class_chars(items) -> set[str]:
    """The characters of a small positive class ([âa], [01], [5-9], \\d, \\s) written as
    normalised literals."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(_char(chr(av)))
        elif op is _c.RANGE and av[1] - av[0] < 16:
            chars |= {_char(chr(code)) for code in range(av[0], av[1] + 1)}
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.add("0")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.add(" ")
        else:
            raise _Opaque(op)
    if len(chars) > 6 or (" " in chars and len(chars) > 1):
        raise _Opaque("class too wide")
    return chars


def _squeeze(text: str) -> str | None:
    r"""One space for a run of spaces; an end of word kept only last (before a character
    that is not \w it says nothing; before one that is, the anchor cannot occur: None)."""
    if "  " in text:
        text = re.sub(" +", " ", text)
    while _END in text[:-1]:
        i = text.index(_END)
        if _WORD.match(text[i + 1]):
            return None
        text = text[:i] + text[i + 1:]
    return text


def _cross(left, right):
    if left is None or right is None or len(left) * len(right) > _EXACT_LIMIT:
        return None
    joined = {_squeeze(a + b) for a in left for b in right} - {None}
    return tuple(sorted(joined)) if joined else None


@lru_cache(maxsize=8192)
def _weight(alts) -> float:
    """How selective a set of anchors is (higher: rarer in text)."""
    if not alts or not all(alts):
        return 0.0
    if not all(alt.strip(" " + _END) for alt in alts):
        return 0.0
    score = min(sum(1.0 if ch.isalpha() else 1.2 if ch == "0" else 0.4 if ch == " " else 0.8 if ch == _END else 1.0
                    for ch in alt)
                for alt in alts)
    return score - 0.25 * math.log2(len(alts))


def _strip(alt: str) -> str:
    """Without edge spaces; a final space (not \\w) still says the word ends there."""
    alt = alt.lstrip(" ")
    while alt.endswith(" " + _END):
        alt = alt[:-1]
    return alt.rstrip(" ") + _END if alt.endswith(" ") else alt


def _holds(text: str, anchor: str) -> bool:
    """Whether a text holding anchor ``text`` always holds ``anchor``."""
    if not anchor.endswith(_END):
        return anchor in text
    base = anchor[:-1]
    if base not in text:
        return False
    i = text.find(base)
    while i >= 0:
        after = i + len(base)
        if after < len(text) and not _WORD.match(text, after):
            return True
        i = text.find(base, i + 1)
    return False


def _reduce(alts) -> tuple[str, ...]:
    """The anchors without their edge spaces, without those containing another one (a
    text holding "le dimanche" holds "dimanche": keeping "dimanche" alone is the same
    condition, and weaker)."""
    plain: list[str] = []  # kept anchors, those without an end of word apart (a quick test)
    ends: list[str] = []
    plain_set: set[str] = set()
    end_bases: set[str] = set()  # the kept anchors ending a word, without their END
    plain_sizes: set[int] = set()
    end_sizes: set[int] = set()

    def held(alt: str, keys: set[str], sizes: set[int]):  # the members of ``keys`` occurring in ``alt``
        for size in sizes:  # a few sizes: cheaper than trying each of hundreds of keys
            for i in range(len(alt) - size + 1):
                if alt[i : i + size] in keys:
                    yield alt[i : i + size]

    for alt in sorted({_strip(a) for a in alts}, key=lambda a: (len(a), a)):  # in a fixed order: the result depends on it
        if next(held(alt, plain_set, plain_sizes), None) is not None \
                or any(_holds(alt, b + _END) for b in held(alt, end_bases, end_sizes)):
            continue
        if alt.endswith(_END):
            ends.append(alt)
            end_bases.add(alt[:-1])
            end_sizes.add(len(alt) - 1)
        else:
            plain.append(alt)
            plain_set.add(alt)
            plain_sizes.add(len(alt))
    return tuple(sorted(plain + ends, key=len))


@dataclass(frozen=True)
class _Info:
    """What a node tells. ``exact``: all its matches, spelt out (None if not short);
    otherwise ``first``/``last``: what every match starts/ends with (None: nothing), and
    ``needs``: sets of anchors each of which every match holds one of."""

    exact: tuple[str, ...] | None
    first: tuple[str, ...] | None = None
    last: tuple[str, ...] | None = None
    needs: tuple[tuple[str, ...], ...] = ()
    optional: bool = False  # may match nothing: then ``last`` is what it ends with when it does not


def _sequence(items) -> _Info:
    """A run of nodes: the exact runs between the nodes that are not spelt out, and the
    needs of those nodes."""
    needs: list[tuple[str, ...]] = []
    run: tuple[str, ...] | None = ("",)
    first = None
    exact = True
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None:
            joined = _cross(run, info.exact)
            if joined is None:
                exact = False
                needs.append(_reduce(run))
                junction = _junction(run, info.exact)
                if junction:
                    needs.append(_reduce(junction))
                if exact:
                    first = run if run != ("",) else None
                exact = False
                joined = info.exact
            run = joined
            continue
        if info.optional:  # what follows comes right after the run or after this node's end
            needs.append(_reduce(run))
            if exact:
                first = run if run != ("",) else None
            exact = False
            run = _union([run, info.last]) or ("",)
            continue
        piece = _cross(run, info.first) if info.first is not None else None
        needs.append(_reduce(piece if piece is not None else run))
        if exact:
            first = piece if piece is not None else (run if run != ("",) else None)
        exact = False
        needs += info.needs
        run = info.last if info.last is not None else ("",)
    if exact:
        return _Info(run)
    needs.append(_reduce(run))
    useful = tuple(n for n in needs if _weight(n) > 0)
    return _Info(None, first, run if run != ("",) else None, useful)


def _junction(left, right) -> tuple[str, ...] | None:
    """What every text made of one of ``left`` then one of ``right`` holds, where the two
    are too many to cross (:func:`_cross`): the last characters of ``left`` crossed with
    ``right`` ("0", "e", "x"... then "ans", "jours"...), else ``left`` crossed with the
    first characters of ``right``; None when even one character is too many."""
    for k in (3, 2, 1):
        ends = tuple(sorted({a[-k:] for a in left}))
        if len(ends) * len(right) <= _EXACT_LIMIT:
            return _cross(ends, right)
    for k in (3, 2, 1):
        starts = tuple(sorted({b[:k] for b in right}))
        if len(left) * len(starts) <= _EXACT_LIMIT:
            return _cross(left, starts)
    return None


def _union(parts) -> tuple[str, ...] | None:
    if any(p is None for p in parts):
        return None
    joined = tuple(sorted({a for p in parts for a in p}))
    return joined if len(joined) <= _EXACT_LIMIT else None


def _alternation(infos: list[_Info]) -> _Info:
    if all(i.exact is not None for i in infos) and sum(len(i.exact) for i in infos) <= _EXACT_LIMIT:
        return _Info(tuple(sorted({a for i in infos for a in i.exact})))
    union = _union

    firsts = union([i.exact if i.exact is not None else i.first for i in infos])
    lasts = union([i.exact if i.exact is not None else i.last for i in infos])
    best = [max(i.needs, key=_weight) if i.needs else (_reduce(i.exact) if i.exact else None) for i in infos]
    need = union(best)
    needs = (_reduce(need),) if need is not None else ()
    return _Info(None, firsts, lasts, needs)


def _repeat(lo: int, hi, sub) -> _Info:
    inner = _sequence(sub)
    if inner.exact is not None and set(inner.exact) <= {"", " "}:
        return _Info((" ",) if lo and "" not in inner.exact else ("", " "))  # white space runs are one space
    if lo == 0:
        if hi == 1 and inner.exact is not None:
            return _Info(tuple(sorted({"", *inner.exact})))
        return _Info(None, None, inner.exact if inner.exact is not None else inner.last, (), optional=True)
    if inner.exact is not None:
        some = ("",)
        for _ in range(lo):
            some = _cross(some, inner.exact)
        if lo == hi and some is not None:
            return _Info(some)
        return _Info(None, some, some, (_reduce(some),) if some else ())
    return _Info(None, inner.first, inner.last, inner.needs)


def _node(op, av) -> _Info:
    try:
        if op is _c.LITERAL:
            return _Info((_char(chr(av)),))
        if op is _c.IN:
            return _Info(tuple(sorted(_class_chars(av))))
    except _Opaque:
        return _Info(None)
    if op is _c.ASSERT_NOT and av[0] == 1 and len(av[1]) == 1 and av[1][0][0] is _c.IN \
            and (_c.CATEGORY, _c.CATEGORY_WORD) in av[1][0][1]:
        return _Info((_END,))  # (?![\w...]): the next character is not a word character
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _Info(("",))  # an assertion consumes nothing: dropping it only widens
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _Info(None) if add_flags or del_flags else _sequence(sub)  # local flags: not read
    if op is _c.BRANCH:
        return _alternation([_sequence(branch) for branch in av[1]])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _repeat(*av)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        inner = _sequence(av)
        return inner if inner.exact is None else _Info(None, inner.exact, inner.exact, (_reduce(inner.exact),))
    return _Info(None)  # any character, negated classes, back-references, conditionals


def rule_anchors(pattern: re.Pattern[str], most: int = 2, tree=None) -> list[tuple[str, ...]]:
    """Up to ``most`` sets of normalised anchors, the most selective first: every match of
    ``pattern`` holds one anchor of each set. Empty when the pattern offers nothing useful.

    ``tree``: when the caller has it, the parse (``re._parser.parse``) of ``pattern`` or of
    a pattern without some of its assertions (they give no anchor: the same result);
    parsing a rule is most of the work here."""
    try:
        info = _sequence(tree if tree is not None else _p.parse(pattern.pattern, pattern.flags))
    except RecursionError:  # pragma: no cover - absurdly nested pattern
        return []
    needs = info.needs if info.exact is None else (_reduce(info.exact),)
    ranked = sorted({n for n in needs if _weight(n) > 0}, key=_weight, reverse=True)
    chosen: list[tuple[str, ...]] = []
    for need in ranked:  # the most selective, then others that are selective enough and not implied
        if len(chosen) == most or (chosen and _weight(need) < 1.0):
            break
        if not any(all(any(_holds(a, b) for b in need) for a in other) for other in chosen):
            chosen.append(need)
    return chosen


__all__ = ["rule_anchors"]
