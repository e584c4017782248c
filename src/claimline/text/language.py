"""Is this text French? A cheap, dependency-free check by function-word shares.

claimline reads French; fed an English or Russian article it still returns a valid
Article, with a warning. :func:`detect_language` counts, among the words of the text,
the share that are frequent function words of each language listed in
``resources/fr/languages.json`` ("le", "de", "qui" for French; "the", "of" for English;
"и", "в" for Russian...) and names the language whose share is clearly the highest.
It reads at most the first :data:`MAX_CHARS` characters, in linear time.

>>> detect_language("The president said that the war would not end before the end of the year.").code
'en'
>>> detect_language("Le président a déclaré que la guerre ne se terminera pas cette année.").code
'fr'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from claimline.errors import Warnings
from claimline.resources import load_json
from claimline.text.model_text import model_text

MAX_CHARS = 200_000
"""Only the beginning of a longer text is read."""

_WORD = re.compile(r"[^\W\d_]+")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LanguageWords(_Strict):
    name: str
    words: list[str] = Field(min_length=10)
    example: str


class LanguageRules(_Strict):
    format: str
    source: str
    min_words: int = Field(ge=1)
    min_share: float = Field(gt=0, le=1)
    ratio: float = Field(ge=1)
    languages: dict[str, LanguageWords]


@dataclass(frozen=True)
class LanguageGuess:
    """The detected language: ISO code (None when undecided), name, and the shares."""

    code: str | None
    name: str | None
    shares: dict[str, float]
    words: int
    latin: float = 1.0
    """Share of the letters that are Latin (accents included)."""


@lru_cache(maxsize=1)
def _rules() -> tuple[LanguageRules, dict[str, frozenset[str]]]:
    rules = load_json("languages.json", LanguageRules)
    return rules, {code: frozenset(lang.words) for code, lang in rules.languages.items()}


def detect_language(text: str) -> LanguageGuess:
    """The language of ``text`` by function-word shares ("fr" unless clearly another)."""
    rules, words_of = _rules()
    sample = model_text(text[:MAX_CHARS]).lower()
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    latin = sum(1 for word in words for c in word if _is_latin(c)) / letters if letters else 1.0
    if len(words) < rules.min_words:
        return LanguageGuess(None, None, {}, len(words), latin)
    counts = dict.fromkeys(words_of, 0)
    for word in words:
        for code, stop in words_of.items():
            if word in stop:
                counts[code] += 1
    shares = {code: count / len(words) for code, count in counts.items()}
    best = max(shares, key=lambda c: (shares[c], c == "fr"))
    french = shares.get("fr", 0.0)
    if best != "fr" and shares[best] >= rules.min_share and shares[best] >= rules.ratio * french:
        return LanguageGuess(best, rules.languages[best].name, shares, len(words), latin)
    if french >= rules.min_share:
        return LanguageGuess("fr", rules.languages["fr"].name, shares, len(words), latin)
    return LanguageGuess(None, None, shares, len(words), latin)


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code < 0x1F00


def language_warning(text: str) -> str | None:
    """A warning when ``text`` is clearly not French (another language, another script)."""
    guess = detect_language(text)
    if guess.code not in (None, "fr"):
        share = f"{guess.shares[guess.code]:.0%} {guess.name} function words vs {guess.shares['fr']:.0%} French"
        return Warnings.W001.format(language=guess.name, evidence=share)
    if guess.code is None and guess.latin < 0.5 and sum(map(len, _WORD.findall(text[:MAX_CHARS]))) >= 20:
        return Warnings.W001.format(language="another script", evidence=f"{1 - guess.latin:.0%} of the letters are not Latin")
    return None


__all__ = ["LanguageGuess", "LanguageRules", "detect_language", "language_warning"]
