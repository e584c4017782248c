"""French numbers as news writes them, read into values (no spaCy).

>>> parse_number("604 000")
604000.0
>>> parse_number("deux millions et demi")
2500000.0
>>> [(m.text, m.value) for m in find_numbers("plus de 34000 milliards de dettes et 1.000 km")]
[('34000 milliards', 34000000000000.0), ('1.000', 1000.0)]

:func:`find_numbers` scans a text for number expressions: digits with French separators
("604 000" with a space, no-break or narrow no-break space, "30.000", "4,33"), digits
with a multiplier word ("2 Millions", "34000 milliards"), cardinal words ("vingt-sept",
"un milliard", "deux millions et demi"), approximate nouns ("une douzaine", "des
dizaines de milliers", "quelques centaines") and fractions ("un tiers", "la moitié",
"le cinquième de"). Ordinals ("80éme", "47ᵉ", "la cinquième roue") are recognised and
returned with ``kind="ordinal"`` so that callers can skip them. The words come from
``resources/fr/numbers.json``.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimline.resources import load_json

NumberKind = Literal["cardinal", "fraction", "approx", "ordinal"]

# Thousands separators: space, no-break space, narrow no-break space, thin space.
_SEP = "[ \u00a0\u202f\u2009]"
# A minus sign glued to the number, after a space, a bracket or the start ("-5 °C", "(−9,6 %)"),
# never after a digit or a letter ("1-0", "F-16").
_SIGN_AFTER = " \t\n([:\u00a0\u202f"
_OF_RE = re.compile(rf"{_SEP}+(?:de|du|des)(?![\w])|{_SEP}+d['’]", re.IGNORECASE)
_OF_AFTER_RE = re.compile(rf"{_SEP}+(?:de|du|des|d')(?![\w])|{_SEP}+d'", re.IGNORECASE)  # at a position, not on text[pos:]


class NumberWords(BaseModel):
    """The schema of ``numbers.json``."""

    model_config = ConfigDict(extra="ignore")

    units: dict[str, int]
    tens: dict[str, int]
    hundred: list[str]
    multipliers: dict[str, int]
    abbreviated_multipliers: dict[str, int]
    article_one: list[str]
    half: list[str]
    approx_nouns: dict[str, int]
    vague_multipliers: list[str]
    vague_determiners: list[str]
    fractions: dict[str, int]
    fraction_determiners: list[str]
    always_fraction: list[str]
    ordinal_suffixes: list[str]


@dataclass(frozen=True)
class NumberMatch:
    """A number expression found in a text.

    ``value`` is None for a vague range ("des dizaines de milliers": ``low``/``high``);
    ``scaled`` says the expression ends with a multiplier or an approximate noun, after
    which a unit may follow "de" ("2 millions d'euros"); ``digits`` that it is written
    with digits.
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: NumberKind
    low: float | None = None
    high: float | None = None
    digits: bool = False
    scaled: bool = False
    multiplier: float = 1.0


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class NumberReader:
    """Finds and reads French number expressions with a :class:`NumberWords` lexicon."""

    def __init__(self, words: NumberWords) -> None:
        self.words = words
        self._cardinal = {**words.units, **words.tens}
        small = list(words.units) + list(words.tens) + list(words.hundred) + list(words.multipliers)
        self._word_re = re.compile(
            rf"(?<![\w])(?:{_alternation(small)})(?:(?:-|{_SEP}+|{_SEP}+et{_SEP}+|-et-)(?:{_alternation(small)}))*(?![\w])",
            re.IGNORECASE,
        )
        mult = _alternation(words.multipliers)
        half = _alternation(words.half)
        self._digits_re = re.compile(
            rf"(?<![\w.,/])(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?![\d])|\d+(?:\.\d+)?)"
            rf"(?P<dec>,\d+)?(?![\d])"
            rf"(?P<mult>{_SEP}*(?:{mult})(?![\w]))?"
            rf"(?P<half>{_SEP}+et{_SEP}+(?:{half})(?![\w]))?",
            re.IGNORECASE,
        )
        self._half_re = re.compile(rf"{_SEP}+et{_SEP}+(?:{half})(?![\w])", re.IGNORECASE)
        self._ordinal_re = re.compile(rf"(?:{_alternation(words.ordinal_suffixes)})(?![\w])")
        approx = _alternation(words.approx_nouns)
        dets = _alternation(words.vague_determiners + words.article_one)
        counts = _alternation([w for w, v in words.units.items() if v > 1])
        self._approx_re = re.compile(
            rf"(?<![\w'])(?:(?P<det>(?:{dets}){_SEP}+)|(?P<count>(?:\d+|{counts})){_SEP}+)?(?P<n>(?:{approx}))"
            rf"(?P<of>{_SEP}+de{_SEP}+(?P<mult>{_alternation(words.vague_multipliers)}))?(?![\w])",
            re.IGNORECASE,
        )
        vague = _alternation(words.vague_multipliers)
        self._vague_re = re.compile(
            rf"(?<![\w'])(?P<det>(?:{_alternation(words.vague_determiners)})){_SEP}+(?P<mult>{vague})(?![\w])",
            re.IGNORECASE,
        )
        fdets = _alternation(words.fraction_determiners)
        small_alt = _alternation(small)
        numeral = rf"(?:\d+|(?:{small_alt})(?:(?:-|{_SEP}+|{_SEP}+et{_SEP}+|-et-)(?:{small_alt}))*)"
        self.word_pattern = numeral
        self._fraction_re = re.compile(
            rf"(?<![\w])(?P<det>(?:{fdets})(?:{_SEP}+|(?<=')))?(?P<num>{numeral}(?:{_SEP}+|-))?(?P<den>{_alternation(words.fractions)})(?![\w])",
            re.IGNORECASE,
        )
        self._den_re = re.compile(rf"(?<![\w])(?:{_alternation(words.fractions)})(?![\w])", re.IGNORECASE)
        self._frac_mult_re = re.compile(
            rf"(?:-|{_SEP}+(?:de{_SEP}+)?)(?P<m>{_alternation([*words.multipliers, *words.approx_nouns])})(?![\w])", re.IGNORECASE)
        self._whole_and_re = re.compile(rf"(?P<whole>{numeral}){_SEP}+et{_SEP}+$", re.IGNORECASE)
        self._virgule_re = re.compile(
            rf"{_SEP}+virgule{_SEP}+(?P<zeros>(?:(?:zéro|zero){_SEP}+)*)(?P<rest>(?:{small_alt})(?:(?:-|{_SEP}+|{_SEP}+et{_SEP}+|-et-)(?:{small_alt}))*)(?![\w])",
            re.IGNORECASE)
        self._negative_re = re.compile(rf"(?<![\w])(?:négatif|négative|negatif|negative){_SEP}+$", re.IGNORECASE)

    # -- reading -------------------------------------------------------------------
    def read_words(self, text: str) -> float | None:
        """The value of cardinal words ("vingt-sept", "deux cent mille"), None if invalid."""
        parts = [p for p in re.split(rf"(?:-|{_SEP})+", text.lower()) if p and p != "et"]
        if not parts:
            return None
        n, value = self.read_prefix(parts)
        return value if n == len(parts) else None

    def read_prefix(self, words: list[str]) -> tuple[int, float | None]:
        """(how many leading ``words`` read as one number, its value): one pass, so that
        trimming a long run of number words is linear."""
        total = current = 0
        ok = 0
        for k, word in enumerate(w.lower() for w in words):
            if word in self._cardinal:
                v = self._cardinal[word]
                if word in self.words.tens:
                    if current % 100 == 4 and v == 20:  # quatre-vingt(s)
                        current += 76
                        ok = k + 1
                        continue
                    if current % 100 != 0:
                        break
                elif current % 10 != 0 or (v >= 10 and current % 100 not in (0, 60, 80)):
                    break  # "deux trois", "vingt onze"
                current += v
            elif word in self.words.hundred:
                if current >= 100:
                    break
                current = max(current, 1) * 100
            elif word in self.words.multipliers:
                total += max(current, 1) * self.words.multipliers[word]
                current = 0
            else:
                break
            ok = k + 1
            value = float(total + current)
        return (ok, value) if ok else (0, None)

    def read_digits(self, num: str, dec: str | None = None) -> float:
        """The value of a digit string with French separators ("604 000", "30.000", "4,33")."""
        num = re.sub(_SEP, "", num)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num):
            num = num.replace(".", "")
        value = float(num)
        if dec:
            value = float(f"{int(value)}.{dec.lstrip(',')}") if "." not in num else value
        return value

    # -- finding -------------------------------------------------------------------
    def find(self, text: str) -> list[NumberMatch]:
        """Every number expression of ``text``, left to right, without overlaps."""
        found: list[NumberMatch] = []
        found += self._find_approx(text)
        found += self._find_fractions(text)
        found += self._find_digits(text)
        found += self._find_words(text)
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[NumberMatch] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    def _find_digits(self, text: str) -> list[NumberMatch]:
        out = []
        for m in self._digits_re.finditer(text):
            end = m.end()
            if not m.group("mult") and not m.group("half"):
                suffix = self._ordinal_re.match(text, m.end("num") if not m.group("dec") else m.end("dec"))
                if suffix and not m.group("dec"):
                    out.append(NumberMatch(m.start(), suffix.end(), text[m.start() : suffix.end()],
                                           float(re.sub(r"\D", "", m.group("num"))), "ordinal", digits=True))
                    continue
            value = self.read_digits(m.group("num"), m.group("dec"))
            scaled = bool(m.group("mult"))
            factor = 1
            if scaled:  # exact decimal product: 16,4 millions -> 16400000, not 16399999.999…
                factor = self.words.multipliers[m.group("mult").strip().lower()]
                value = float(Decimal(repr(value)) * factor)
            if m.group("half"):
                value += 0.5 * (self.words.multipliers[m.group("mult").strip().lower()] if m.group("mult") else 1)
            start = m.start()
            if start > 0 and text[start - 1] in "-−–" and (start == 1 or text[start - 2] in _SIGN_AFTER):  # "-5 °C"
                value, start = -value, start - 1
            if not math.isfinite(value):
                warnings.warn(f"number too large to represent, left out: {text[start:end][:30]}…", stacklevel=2)
                continue
            out.append(NumberMatch(start, end, text[start:end], value, "cardinal",
                                   digits=True, scaled=scaled, multiplier=float(factor)))
        return out

    def _find_words(self, text: str) -> list[NumberMatch]:
        out = []
        for m in self._word_re.finditer(text):
            # The longest run of leading words that reads as a number (one pass).
            pieces = re.split(rf"((?:-|{_SEP}+et{_SEP}+|-et-|{_SEP}+))", m.group(0))
            n, value = self.read_prefix(pieces[::2])
            if not n or value is None:
                continue
            pieces = pieces[: 2 * n - 1]
            end = m.start() + len("".join(pieces))
            last = pieces[-1].lower()
            half = self._half_re.match(text, end)
            if len(pieces) == 1 and last in self.words.article_one and not half:
                continue  # "un dictateur": an article ("un et demi" is 1.5)
            scaled = last in self.words.multipliers
            if half:
                unit = self.words.multipliers.get(last, 1)
                value += 0.5 * unit
                end = half.end()
            comma = self._virgule_re.match(text, end)
            if comma and not scaled:  # "deux cent virgule zéro trois" -> 200.03
                decimals = self.read_words(comma.group("rest"))
                if decimals is not None:
                    value = float(f"{int(value)}.{'0' * len(re.findall('zéro|zero', comma.group('zeros'), re.IGNORECASE))}{int(decimals)}")
                    end = comma.end()
            start = m.start()
            neg = self._negative_re.search(text, max(0, start - 10), start)
            if neg:
                value, start = -value, neg.start()
            out.append(NumberMatch(start, end, text[start:end], value, "cardinal", scaled=scaled,
                                   multiplier=float(self.words.multipliers.get(last, 1))))
        return out

    def _find_approx(self, text: str) -> list[NumberMatch]:
        out = []
        for m in self._approx_re.finditer(text):
            det = (m.group("det") or "").strip().lower()
            base = self.words.approx_nouns[m.group("n").lower()]
            of = (m.group("mult") or "").lower()
            mult = self.words.multipliers.get(of) or self.words.approx_nouns.get(of) or 1
            if m.group("count"):  # "trois douzaines" = 36, "2 douzaine" = 24: exact multiples
                count = m.group("count")
                value = float(count) if count.isdigit() else float(self.words.units[count.lower()])
                out.append(NumberMatch(m.start(), m.end(), m.group(0), value * base * mult, "cardinal",
                                       digits=count.isdigit(), scaled=True))
                continue
            if not det and m.group("n").lower().endswith("s"):
                continue  # "centaines" alone: needs "des", "quelques", a number...
            start = m.start() if det else m.start("n")
            if det in self.words.article_one or not det:
                value = float(base * mult)
                out.append(NumberMatch(start, m.end(), text[start : m.end()], value, "approx", scaled=True))
            else:
                out.append(NumberMatch(start, m.end(), text[start : m.end()], None, "approx",
                                       low=float(2 * base * mult), high=float(10 * base * mult), scaled=True))
        for m in self._vague_re.finditer(text):
            word = m.group("mult").lower()  # "des milliards" (a multiplier), "des milliers" (an approximate noun)
            mult = self.words.multipliers.get(word) or self.words.approx_nouns[word]
            out.append(NumberMatch(m.start(), m.end(), m.group(0), None, "approx",
                                   low=float(2 * mult), high=float(10 * mult), scaled=True))
        return out

    def _find_fractions(self, text: str) -> list[NumberMatch]:
        out = []
        for d in self._den_re.finditer(text):  # from each denominator, a bounded look back
            window_start = max(0, d.start() - 80)
            m = None
            for cand in self._fraction_re.finditer(text, window_start, d.end()):
                if cand.end() == d.end():
                    m = cand
                    break
            if m is None:
                continue
            den_word = m.group("den").lower()
            den = self.words.fractions[den_word]
            det = (m.group("det") or "").strip().lower()
            num_text = (m.group("num") or "").strip(" -\u00a0\u202f\u2009")
            whole_text = None
            split = re.search(rf"{_SEP}+et{_SEP}+", num_text)
            if split:  # "cinq et un quart", "six millions et deux tiers": a whole and a fraction
                whole_text, num_text = num_text[: split.start()], num_text[split.end() :]
            numerator: float | None
            if num_text in self.words.article_one and whole_text:
                numerator, start = 1.0, m.start("num")
            elif num_text:
                numerator = self.read_words(num_text)
                if numerator is None and num_text.isdigit():
                    numerator = float(num_text)
                if numerator is None:
                    continue
                start = m.start("num") if det not in ("les", "le", "la", "l'") else m.start()
            elif det in self.words.article_one:
                numerator, start = 1.0, m.start()
                if den_word not in self.words.always_fraction + self.words.half and not _OF_RE.match(text, m.end()) and (
                        re.match(rf"{_SEP}+[a-zà-ÿ]", text[m.end() : m.end() + 3])):
                    continue  # "une troisième place": an ordinal ("un cinquième." is a fraction)
            elif det:
                numerator, start = 1.0, m.start()
                if den_word not in self.words.always_fraction and not _OF_AFTER_RE.match(text, m.end()):
                    out.append(NumberMatch(start, m.end(), m.group(0), float(den), "ordinal"))
                    continue
            else:
                continue
            if den_word in ("demi", "demie") and (numerator != 1 or det in ("la", "le", "les", "l'")):
                continue  # "trois ans et demi" is read with the cardinal
            value, start, end, kind = self._scale_fraction(text, m, numerator / den, start, whole_text)
            # Four decimals, as the gold guidelines write fractions ("un tiers" -> 0.3333).
            out.append(NumberMatch(start, end, text[start:end], round(value, 4) if kind == "fraction" else value, kind))
        return out

    def _scale_fraction(self, text: str, m, value: float, start: int, whole_text: str | None) -> tuple:
        """(value, start, end, kind) of a fraction times a multiplier ("un demi-million") or
        after a whole number ("cinq et un quart", "six millions et deux tiers")."""
        end, kind = m.end(), "fraction"
        mult = self._frac_mult_re.match(text, end)
        if mult:  # "un demi-million", "un quart de million", "une demi-douzaine"
            word = mult.group("m").lower()
            factor = self.words.multipliers.get(word) or self.words.approx_nouns[word]
            value, end, kind = value * factor, mult.end(), "cardinal"
        if whole_text is None:
            whole = self._whole_and_re.search(text, max(0, start - 60), start)
            whole_text = whole.group("whole") if whole else None
            whole_start = whole.start() if whole else start
        else:
            whole_start = m.start("num")
        w = None
        if whole_text:
            w = float(whole_text) if whole_text.isdigit() else self.read_words(whole_text)
        if w is not None:
            last = re.split(rf"(?:-|{_SEP})+", whole_text.lower())[-1]
            value = w + value * self.words.multipliers.get(last, 1)  # "cinq et un quart", "six millions et deux tiers"
            start, kind = whole_start, "cardinal"
        return value, start, end, kind


@lru_cache(maxsize=8)
def number_reader(path: str | None = None) -> NumberReader:
    """The :class:`NumberReader` of ``numbers.json`` (or of a file of your own)."""
    return NumberReader(load_json("numbers.json", NumberWords, path=path))


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text`` (see :class:`NumberReader`)."""
    return number_reader().find(text)


def parse_number(text: str) -> float | None:
    """The value of ``text`` if it is exactly one number expression, else None.

    >>> parse_number("4,33"), parse_number("vingt-sept"), parse_number("un tiers")
    (4.33, 27.0, 0.3333)
    """
    matches = find_numbers(text.strip())
    if len(matches) == 1 and matches[0].text == text.strip() and matches[0].kind != "ordinal":
        return matches[0].value
    return None


__all__ = ["NumberMatch", "NumberReader", "NumberWords", "find_numbers", "number_reader", "parse_number"]
