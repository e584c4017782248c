"""Name keys: the form under which names are compared and the slug of unknown ids.

A key is case- and accent-insensitive, with punctuation turned into spaces and the
titles and determiners that precede a name ("M.", "le président", "l'") dropped, so
"le président Poutine", "M. Poutine" and "POUTINE" share the key ``poutine``.

>>> fold("Zaporijjia, Énergoatom")
'zaporijjia, energoatom'
>>> name_key("le président Poutine", prefixes={"le", "president"})
'poutine'
>>> slug("Sébastien Lecornu")
'sebastien-lecornu'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from claimline.memo import Memo

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'", "ʼ": "'"})
_NON_WORD = re.compile(r"[^\w']+|_")
_ELISION = re.compile(r"^(?:[a-z]|qu)'")


def _fold_text(text: str) -> str:
    return text.lower() if text.isascii() else _fold_unicode(text)


FOLDS = Memo(_fold_text, size=1 << 16)  # ``FOLDS[text]`` is ``fold(text)``: ``map(FOLDS.__getitem__, words)`` folds in C


def fold(text: str) -> str:
    """``text`` lower-cased, without accents or ligatures ("Élysée" -> "elysee").

    ASCII text only needs lower-casing (no ligature, nothing to decompose); every text is
    kept in :data:`FOLDS`, since the gazetteer folds every word of every text."""
    return FOLDS[text]


def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def key_tokens(text: str) -> list[str]:
    """The folded words of ``text``; an elided article stays attached ("l'otan")."""
    return [t.strip("'") if not _ELISION.match(t) else t for t in _NON_WORD.split(fold(text)) if t.strip("'")]


def name_key(text: str, *, prefixes: Collection[str] = ()) -> str:
    """The comparison key of a name: folded words, leading ``prefixes`` and elisions dropped.

    ``prefixes`` are folded words (determiners, titles) removed from the front while
    something remains: "le président Poutine" -> "poutine", "l'Alliance atlantique"
    -> "alliance atlantique".
    """
    tokens = key_tokens(text)
    while len(tokens) > 1 and tokens[0] in prefixes:
        tokens.pop(0)
    if tokens and _ELISION.match(tokens[0]) and len(tokens[0]) > 3:
        tokens[0] = tokens[0].split("'", 1)[1]
    return " ".join(t.replace("'", " ").strip() for t in tokens)


_NON_SLUG = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A URL-safe slug of ``text``: its folded words joined by hyphens (cached: the
    same names come back in every text)."""
    return "-".join(_NON_SLUG.sub(" ", fold(text)).split())


__all__ = ["FOLDS", "fold", "key_tokens", "name_key", "slug"]
