"""Find the quantities of a French text: number, unit, bounds (no spaCy).

>>> finder = quantity_finder()
>>> [(q.text, q.value, q.unit, q.qualifier) for q in finder.find("Il y a eu plus de 500 drones.")]
[('plus de 500', 500.0, None, 'more_than')]
>>> [(q.text, q.low, q.high, q.unit) for q in finder.find("une portée comprise entre 500 et 5 500 km")]
[('entre 500 et 5 500 km', 500.0, 5500.0, 'km')]
>>> finder.find("pendant 15 mois, en 2022, le 47ᵉ président, l'article 5, un MiG 31")
[]

The finder reads numbers (:mod:`claimline.quantities.numbers`) and the unit after them
(:mod:`claimline.quantities.units`), attaches the qualifier before or after them
("plus de", "au bas mot", "environ"), joins ranges ("entre 12 et 18", "de 500 à
5 500 km", the unit carried to the first bound) and leaves out what is no quantity:
durations and dates (timexes), years, ordinals, numbers in names ("MiG 31", "F-16",
"Aster 15"), references ("article 5", "N° 13780 p. 53"), list markers, postcodes,
comment-thread chrome. :meth:`QuantityFinder.scan` also returns what it left out, and
why. The cues are data: ``resources/fr/quantities.json``. What a count counts (the noun
after it) needs the parse and is added by the ``claimline_quantities`` component.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from claimline.models import Qualifier
from claimline.quantities.context import FigureContext
from claimline.quantities.cues import (  # noqa: F401 (re-exported)
    _APOS,
    _JOIN_RE,
    _KILO_RE,
    _LINE_WINDOW,
    _OPENING,
    _SPACE,
    _SUR_RE,
    Exclusion,
    FoundQuantity,
    QualifierCue,
    QuantityCues,
    RangeCue,
    Skipped,
    _Candidate,
    _last_token,
    _phrase_re,
)
from claimline.quantities.numbers import NumberMatch, NumberReader, number_reader
from claimline.quantities.units import UnitLexicon, UnitMatch, unit_lexicon
from claimline.resources import load_json

RELATIVE_UNITS = frozenset({"percent", "percentage_point", "basis_point", "fraction", "ratio"})


class QuantityFinder(FigureContext):
    """Finds quantities with a number reader, a unit lexicon and :class:`QuantityCues`."""

    def __init__(self, numbers: NumberReader, units: UnitLexicon, cues: QuantityCues) -> None:
        self.numbers = numbers
        self.units = units
        self.cues = cues
        before = sorted((c for c in cues.qualifiers if c.position == "before"), key=lambda c: -len(c.phrase))
        after = sorted((c for c in cues.qualifiers if c.position == "after"), key=lambda c: -len(c.phrase))
        self._before = [
            (re.compile(rf"(?:(?<=[\s(«\"'’])|^){_phrase_re(c.phrase)}{'' if c.phrase[-1] in chr(39) + '’~' else _SPACE + '*'}$", re.IGNORECASE), c)
            for c in before
        ]
        # The 'before' cues by their last word: a number is preceded by one word, so only the
        # cues ending with it are tried (in the same longest-first order).
        self._before_by_last: dict[str, list] = {}
        for pattern, cue in self._before:
            self._before_by_last.setdefault(_last_token(cue.phrase), []).append((pattern, cue))
        self._after = [(re.compile(rf"{_SPACE}+{_phrase_re(c.phrase)}(?![\w])(?!{_SPACE}+(?:fort|haut|bas|tard|tôt|vite|près|loin)\b)",
                                   re.IGNORECASE), c) for c in after]  # not "au plus fort de"
        self._exclusions = [(re.compile(e.pattern, re.IGNORECASE if e.reason not in ("name", "postcode") else 0), e) for e in cues.exclusions]
        # One alternation per place and case mode: most numbers match none, one search tells.
        self._any_exclusion = {}
        for where in ("before", "after"):
            for flags in (re.IGNORECASE, 0):
                pats = [p.pattern for p, e in self._exclusions if e.where == where and p.flags & re.IGNORECASE == flags]
                if pats:
                    self._any_exclusion.setdefault(where, []).append(re.compile("|".join(f"(?:{p})" for p in pats), flags))
        preps = "|".join(_phrase_re(p) for p in sorted(cues.date_prepositions, key=len, reverse=True))
        self._date_prep_re = re.compile(rf"(?:^|[\s(])(?:{preps}){_SPACE}*$", re.IGNORECASE)
        self._function_words = {w.lower() for w in cues.function_words}
        self._abbrev_re = re.compile(
            rf"{_SPACE}?(?P<m>{'|'.join(sorted(map(re.escape, numbers.words.abbreviated_multipliers), key=len, reverse=True))})(?=[€$£¥₽])"
        )
        self._anaphor_re = re.compile(rf"(?<![\w'’]){re.escape(cues.anaphoric_clitic)}{_SPACE}+(?:[\w'’]+{_SPACE}+){{1,2}}$", re.IGNORECASE)
        self._ranges = [
            (
                re.compile(rf"(?:^|(?<=[\s(]))(?:{_phrase_re(r.open)}){'' if r.open.endswith(chr(39)) else _SPACE + '*'}$", re.IGNORECASE) if r.open else None,
                re.compile(rf"^{_SPACE}*(?:{'|'.join(_phrase_re(j) for j in r.join)}){_SPACE}*$", re.IGNORECASE),
            )
            for r in cues.ranges
        ]
        self._change_re = re.compile(
            rf"(?<![\w])(?<!une )(?<!la )(?<!le )(?<!des )(?<!sa )(?<!son )(?<!leur )(?<![lL]['’])"  # a noun ("une baisse de 8 à 10 °C") is a range
            rf"(?:(?:{'|'.join(map(re.escape, cues.change_verbs))})[\w'’]*|(?:{'|'.join(map(re.escape, cues.change_verb_forms))})(?![\w]))"
            rf"(?:{_SPACE}+[\w'’]+){{0,2}}{_SPACE}+$", re.IGNORECASE)
        prefixes = sorted(cues.currency_prefixes, key=len, reverse=True)
        self._currency_before_re = re.compile(rf"(?:^|(?<=[\s(]))(?:{'|'.join(map(re.escape, prefixes))}){_SPACE}?$")
        self._multiplied_re = re.compile(rf"(?<![\w])(?:{'|'.join(_phrase_re(m) for m in cues.multiplied)}){_SPACE}+$", re.IGNORECASE)
        words = numbers.word_pattern
        self._out_of_re = re.compile(
            rf"(?<![\w'’])(?P<num>{words})(?P<noun>(?:{_SPACE}+(?!sur\b)[\w'’-]+){{0,2}}?){_SPACE}+(?:{'|'.join(cues.out_of)})"
            rf"{_SPACE}+(?P<den>{words})(?![\w])(?!{_SPACE}+[a-zà-ÿ]+[sx](?![\w]))",
            re.IGNORECASE,
        )
        self._per_re = re.compile(rf"(?:{_SPACE}+[\w'’-]+){{0,2}}{_SPACE}+pour{_SPACE}+", re.IGNORECASE)
        self._coordination_re = re.compile(rf"^{_SPACE}*(?:et|ou|à|au|a|-|–|,|/){_SPACE}*$", re.IGNORECASE)

    # -- public ----------------------------------------------------------------------
    def find(self, text: str, start: int = 0, end: int | None = None) -> list[FoundQuantity]:
        """The quantities of ``text[start:end]`` (offsets into ``text``)."""
        return self.scan(text, start, end)[0]

    def scan(self, text: str, start: int = 0, end: int | None = None, *,
             currency: str | None = None) -> tuple[list[FoundQuantity], list[Skipped]]:
        """The quantities of ``text[start:end]`` and the numbers left out, with a reason.

        ``currency``: the currency of the last money figure before ``start`` (the caller
        tracks it over an article), taken by a bare "125,8 milliards".
        """
        end = len(text) if end is None else end
        segment = text[start:end]
        out_of = [(m.start() + start, m.end() + start, m) for m in self._out_of_re.finditer(segment)] if _SUR_RE.search(segment) else []
        candidates = []
        for n in self.numbers.find(segment):
            n = replace(n, start=n.start + start, end=n.end + start)
            if candidates and n.start < candidates[-1].end:
                continue  # inside the unit before: "cent" of "100 pour cent"
            candidates.append(self._candidate(text, n, start, end))
        self._carry_units(text, candidates)
        self._skip_names_coordinated(text, candidates)
        self._rates(text, candidates)
        self._inherit_currency(text, candidates, currency)
        found: list[FoundQuantity] = []
        skipped: list[Skipped] = []
        i = 0
        while i < len(candidates):
            c = candidates[i]
            frac = next((f for f in out_of if f[0] <= c.number.start < f[1]), None)
            if frac is not None and not c.skip:
                q = self._out_of(text, frac)
                if q is not None:
                    found.append(q)
                    while i < len(candidates) and candidates[i].number.start < frac[1]:
                        i += 1
                    continue
            if c.skip:
                skipped.append(Skipped(c.number.start, c.end, text[c.number.start : c.end], c.skip))
                i += 1
                continue
            nxt = candidates[i + 1] if i + 1 < len(candidates) else None
            rng = self._range(text, c, nxt) if nxt and not nxt.skip else None
            if rng is not None:
                found.append(rng)
                i += 2
                continue
            found.append(self._quantity(text, c, found, start))
            i += 1
        for frac in out_of:  # "un livre sur quatre": "un" alone is no number
            if not any(q.start < frac[1] and frac[0] < q.end for q in found):
                q = self._out_of(text, frac)
                if q is not None:
                    found.append(q)
        found.sort(key=lambda q: q.start)
        return self._inherit_denominators(self._bounded_pairs(text, found)), skipped

    def _candidate(self, text: str, n: NumberMatch, seg_start: int, seg_end: int) -> _Candidate:
        if n.kind == "ordinal":
            return _Candidate(n, None, n.end, "ordinal")
        unit = None
        num_end = n.end
        abbrev = (self._abbrev_re.match(text, n.end) or _KILO_RE.match(text, n.end)) if n.kind == "cardinal" and n.digits else None
        if abbrev:
            n = replace(n, value=n.value * self.numbers.words.abbreviated_multipliers[abbrev.group("m")],
                        end=abbrev.end(), text=text[n.start : abbrev.end()])
            num_end = abbrev.end()
        unit = self.units.match(text, num_end, scaled=n.scaled)
        if unit is not None and unit.end > seg_end:
            unit = None
        prefix = None
        if unit is None:
            before = text[max(seg_start, n.start - 6) : n.start]
            cur = self._currency_before_re.search(before)
            if cur:  # "$10", "EUR 20", "£500"
                code = self.cues.currency_prefixes[cur.group(0).strip()]
                unit = self.units.denominator(text, UnitMatch(code, "currency", num_end, num_end)) or UnitMatch(
                    code, "currency", num_end, num_end)
                prefix = n.start - (len(before) - cur.start())
            elif self._multiplied_re.search(text[max(seg_start, n.start - 30) : n.start]):
                unit = UnitMatch("ratio", "ratio", num_end, num_end)  # "multipliés par trois"
        c = _Candidate(n, unit, unit.end if unit else num_end, start=prefix)
        c.skip = self._exclusion(text, c, seg_start)
        return c

    def _exclusion(self, text: str, c: _Candidate, seg_start: int) -> str | None:
        n = c.number
        if c.unit and c.unit.kind == "time":
            return "duration"
        if self.units.is_month_after(text, n.end) and n.kind == "cardinal":
            return "date"
        before = text[max(0, n.start - 60) : n.start]
        after = text[n.end : n.end + 60]
        if n.digits and self._is_year(n, before, after, c.unit):
            return "date"
        # The number's line, at most _LINE_WINDOW characters each side (line rules match
        # list markers and phone numbers: short; a whole 1 MB line per number is quadratic).
        window_start = max(0, n.start - _LINE_WINDOW)
        nl = text.rfind("\n", window_start, n.start)
        line_start = nl + 1 if nl >= 0 else window_start
        nl = text.find("\n", n.start, n.end + _LINE_WINDOW)
        line = text[line_start : nl if nl >= 0 else min(len(text), n.end + _LINE_WINDOW)]
        skip_where = {w for w, window in (("before", before), ("after", after))
                      if not any(p.search(window) for p in self._any_exclusion.get(w, ()))}
        for pattern, rule in self._exclusions:
            if rule.where in skip_where:
                continue
            if rule.where != "line" and not n.digits and rule.reason in ("name", "postcode"):
                continue
            if rule.where == "before" and pattern.search(before):
                return rule.reason
            if rule.where == "after" and not c.unit and pattern.search(after):
                return rule.reason
            if rule.where == "line":
                for m in pattern.finditer(line):
                    if m.start(1) <= n.start - line_start < m.end(1):
                        return rule.reason
        if n.digits and c.start is None and self._after_name(text, n.start, seg_start):
            return "name"
        return None

    def _is_year(self, n: NumberMatch, before: str, after: str, unit: UnitMatch | None) -> bool:
        if unit is not None or n.value is None or not re.fullmatch(r"\d{4}", n.text):
            return False
        if not 1900 <= n.value <= 2100:  # "en 1834": an older year needs a date preposition
            return 1000 <= n.value < 1900 and re.search(r"(?:^|\s)(?:en|depuis|dès|vers)\s+$", before, re.IGNORECASE) is not None
        if self._date_prep_re.search(before):
            return True
        nxt = re.match(r"\s+([a-zà-ÿ]+)", after)
        # "2025 drones" would be a count; "2028 !!!", "2022 par" are years.
        return not (nxt and len(nxt.group(1)) > 3 and nxt.group(1)[-1] in "sx" and nxt.group(1) not in self._function_words)

    def _after_name(self, text: str, pos: int, seg_start: int) -> bool:
        """A capitalised word right before the number ("MiG 31", "Zapad 2025", "Aster 15")."""
        m = re.search(rf"(?:^|(?<=[\s(«\"/'’]))([A-Za-zÀ-ÿ][\w]*)(?:{_SPACE}|-)$", text[max(seg_start, pos - 40) : pos])
        if not m:
            return False
        word = m.group(1)
        if not word[0].isupper() or word.lower() in self._function_words:
            return False
        at_start = _OPENING.fullmatch(text[seg_start : pos - len(m.group(0))]) is not None
        has_inner_capital = any(ch.isupper() for ch in word[1:])
        if not at_start or has_inner_capital:
            return True
        # At a sentence start, a name if it is written elsewhere (nearby) inside a sentence
        # before a number: "Ariane 6 a décollé" … "le tir d'Ariane 5".
        near = text[max(0, pos - 3000) : pos + 3000]
        return re.search(rf"(?:[a-zà-ÿ,]{_SPACE}|['’]){re.escape(word)}{_SPACE}\d", near) is not None

    def _carry_units(self, text: str, candidates: list[_Candidate]) -> None:
        """A bare first number takes the unit of the second: "12 et 18 mois", "19 au 20 septembre"."""
        for a, b in reversed(list(zip(candidates, candidates[1:]))):
            if a.unit is not None or a.skip or not self._coordination_re.match(text[a.end : b.number.start]):
                continue
            if b.skip in ("duration", "date") and a.number.kind == "cardinal":
                a.skip = b.skip
            elif b.unit is not None and not b.skip and b.unit.kind != "time":
                a.unit = UnitMatch(b.unit.code, b.unit.kind, a.end, a.end)

    def _skip_names_coordinated(self, text: str, candidates: list[_Candidate]) -> None:
        """"Aster 15 ou 30": a number coordinated with a name's number is a name's too."""
        for a, b in zip(candidates, candidates[1:]):
            if a.skip == "name" and not b.skip and self._coordination_re.match(text[a.end : b.number.start]):
                b.skip = "name"

    def _qualifier_before(self, text: str, pos: int) -> tuple[Qualifier | None, int, bool]:
        window = text[max(0, pos - 40) : pos]
        cues = self._before_by_last.get(_last_token(window), ())
        for pattern, cue in cues:
            m = pattern.search(window)
            if m:
                if cue.qualifier is None:  # a neutral cue ("s'est limitée à") stays out of the span
                    return None, pos, False
                return cue.qualifier, pos - (len(window) - m.start()), True
        return None, pos, False

    def _qualifier_after(self, text: str, pos: int) -> tuple[Qualifier | None, int]:
        for pattern, cue in self._after:
            m = pattern.match(text, pos)
            if m:
                return cue.qualifier, m.end()
        return None, pos

    def _range(self, text: str, a: _Candidate, b: _Candidate) -> FoundQuantity | None:
        if a.number.value is None or b.number.value is None or a.number.kind == "fraction":
            return None
        between = text[a.end : b.number.start]
        before = text[max(0, a.number.start - 20) : a.number.start]
        for opener, join in self._ranges:
            if not join.match(between):
                continue
            if opener is not None:
                m = opener.search(before)
                if not m:
                    continue
                start = a.number.start - (len(before) - m.start())
                if text[start] in "dD" and self._change_re.search(text[max(0, start - 40) : start]):
                    return None  # "passera de 4 % à 3,75 %": the old and the new value
            else:
                scaled_b = b.number.multiplier > 1 and a.number.multiplier == 1 and "-" not in between
                if (b.unit is None and not scaled_b) or (a.unit is not None and b.unit is not None and a.unit.code != b.unit.code):
                    continue  # "30 à 50 milliards" is a range even without a unit
                start = a.number.start
            if a.unit is not None and b.unit is not None and a.unit.code != b.unit.code:
                return None
            a_value = a.number.value
            if b.number.multiplier > 1 and a.number.multiplier == 1 and a_value < b.number.value / b.number.multiplier * 1000:
                a_value *= b.number.multiplier  # "entre 14 et 15 millions": 14 millions
            low, high = sorted((a_value, b.number.value))
            unit = (b.unit or a.unit).code if (b.unit or a.unit) else None
            qualifier, q_start, found = self._qualifier_before(text, start)
            return FoundQuantity(
                start=q_start if found else start, end=b.end, text=text[q_start if found else start : b.end],
                value=None, low=low, high=high, unit=unit, qualifier=qualifier, kind="range", counted_from=b.end,
            )
        return None

    def _quantity(self, text: str, c: _Candidate, found: list[FoundQuantity], seg_start: int) -> FoundQuantity:
        n = c.number
        unit = c.unit.code if c.unit else ("fraction" if n.kind == "fraction" else None)
        if c.unit and c.unit.kind == "temperature" and n.value and n.value > 0 and re.search(
                rf"(?<![\w])(?<!au )moins{_SPACE}+$", text[max(0, n.start - 12) : n.start], re.IGNORECASE):
            n = replace(n, value=-n.value, start=n.start - len(re.search(rf"moins{_SPACE}+$", text[:n.start]).group(0)))
        if unit == "ratio" and n.value and re.match(rf"{_SPACE}+moins(?![\w])", text[c.end : c.end + 8], re.IGNORECASE):
            n = replace(n, value=round(1 / n.value, 4))  # "deux fois moins": 0.5
        qualifier, start, has_before = self._qualifier_before(text, c.start if c.start is not None else n.start)
        after_q, end = self._qualifier_after(text, c.end)
        if not has_before:
            qualifier = after_q
        else:
            end = c.end
        if n.kind == "approx" and qualifier is None:
            qualifier = "approx"
        antecedent = None
        if unit is None and n.kind == "cardinal":
            before = text[max(seg_start, n.start - 30) : n.start]
            if self._anaphor_re.search(before) and not re.match(r"\s*[\w]", text[c.end : c.end + 3]):
                for j in range(len(found) - 1, -1, -1):
                    if found[j].unit and found[j].unit not in RELATIVE_UNITS:
                        unit, antecedent = found[j].unit, j
                        break
        # low/high are kept for explicit ranges only: a vague magnitude ("des milliards",
        # "quelques centaines") has no value and no bounds, just the approx qualifier.
        return FoundQuantity(
            start=start, end=end, text=text[start:end], value=n.value, low=None, high=None,
            unit=unit, qualifier=qualifier, kind=n.kind, counted_from=c.end, antecedent=antecedent,
        )


@lru_cache(maxsize=8)
def quantity_finder(cues_path: str | None = None) -> QuantityFinder:
    """The default :class:`QuantityFinder` (``cues_path``: a quantities.json of your own)."""
    return QuantityFinder(number_reader(), unit_lexicon(), load_json("quantities.json", QuantityCues, path=cues_path))


def find_quantities(text: str) -> list[FoundQuantity]:
    """The quantities of ``text`` with the default finder."""
    return quantity_finder().find(text)


__all__ = ["FoundQuantity", "QuantityCues", "QuantityFinder", "Skipped", "find_quantities", "quantity_finder"]
