r"""The characters a rule's match can start with, read from its compiled pattern.

``re`` tries a rule's pattern at every position of a sentence; most rules begin with a
lookbehind and optional words, so that each word start costs dozens of failed
alternatives. :func:`guarded` puts in front of a pattern a lookahead on the characters
its matches can start with (``(?=[0-9dlm...])``), read from the pattern's syntax tree:
a word starting with any other character is then given up in one step. The lookahead
only says what every match already does (the set is a superset: the first characters
of the first node that consumes text, through optional nodes, groups and
alternations; assertions consume nothing), so the matches are the same; a pattern
this reader cannot spell out (a negated class, ``.``, local flags other than ``(?-i:...)``,
a pattern that can match the empty string) is left as it is.

>>> import re
>>> guarded(r"(?<![\w-])(?:le\s+)?(?P<d>\d+|premier)\s+mai", re.IGNORECASE)
'(?=[\\dlp])(?<![\\w-])(?:le\\s+)?(?P<d>\\d+|premier)\\s+mai'
>>> guarded(r"(?i)mai", 0), guarded(r"(?:\w+)?", 0)   # global flags first; may match nothing
('(?i)mai', '(?:\\w+)?')
"""

from __future__ import annotations

import re

try:  # Python >= 3.11
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


def parse(pattern: str, flags: int):
    """The syntax tree ``re`` builds for ``pattern`` (what :func:`first_chars` and
    :func:`claimline.timexes.triggers.rule_anchors` read), for a caller that reads both."""
    return _p.parse(pattern, flags)


_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)


class _Unknown(Exception):
    """A node whose first characters this reader does not spell out."""


def _sequence(items) -> tuple[list[str], bool]:
    """The class items a run of nodes can start with, and whether it can match nothing."""
    out: list[str] = []
    for op, av in items:
        first, empty = _node(op, av)
        out += first
        if not empty:
            return out, False
    return out, True


def _class_items(items) -> list[str]:
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # a negated class, a negated category...
            raise _Unknown(op)
    return out


def _node(op, av) -> tuple[list[str], bool]:
    if op is _c.LITERAL:
        return [re.escape(chr(av))], False
    if op is _c.IN:
        return _class_items(av), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # consumes nothing
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags & ~re.IGNORECASE:  # (?-i:...) only narrows: the class is a superset
            raise _Unknown("local flags")
        return _sequence(sub)
    if op is _c.BRANCH:
        out, empty = [], False
        for branch in av[1]:
            first, can_be_empty = _sequence(branch)
            out += first
            empty = empty or can_be_empty
        return out, empty
    if op in _REPEATS:
        lo, _hi, sub = av
        first, empty = _sequence(sub)
        return first, empty or lo == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    raise _Unknown(op)  # any character, back-references, conditionals


def first_chars(pattern: str, flags: int, tree=None) -> str | None:
    """A character class (``[...]``, to compile with ``flags``) holding every character
    a match of ``pattern`` can start with; None if it cannot be read. ``tree``: the
    pattern's parse (``re._parser.parse(pattern, flags)``) when the caller has it."""
    try:
        items, empty = _sequence(tree if tree is not None else parse(pattern, flags))
    except (_Unknown, RecursionError):
        return None
    if empty or not items:
        return None
    return "[" + "".join(sorted(set(items))) + "]"


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def guarded(pattern: str, flags: int, tree=None) -> str:
    """``pattern`` behind a lookahead on the characters its matches start with (the same
    matches, compiled with ``flags``), or ``pattern`` itself when they cannot be read or
    it opens with global flags (``(?i)``: nothing may come before them). ``tree``: as
    for :func:`first_chars`."""
    chars = None if _GLOBAL_FLAGS.match(pattern) else first_chars(pattern, flags, tree)
    return pattern if chars is None else f"(?={chars}){pattern}"


__all__ = ["first_chars", "guarded", "parse"]
