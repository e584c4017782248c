"""What a figure takes from the figures around it (a mixin of the quantity finder):
bounded pairs as one range, rates per population, "N sur M" fractions, the currency of
the money figure before, the denominator of the figure before in the sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from claimline.quantities.cues import _JOIN_RE, _SPACE, FoundQuantity, _Candidate
from claimline.quantities.units import UnitMatch


class FigureContext:
    """Methods of :class:`~claimline.quantities.finder.QuantityFinder` that read context."""

    @staticmethod
    def _bounded_pairs(text: str, found: list[FoundQuantity]) -> list[FoundQuantity]:
        """"supérieur à 100 et inférieur à 300": one range, 100 to 300."""
        out: list[FoundQuantity] = []
        for q in found:
            p = out[-1] if out else None
            if p is not None and p.value is not None and q.value is not None and (p.unit == q.unit or None in (p.unit, q.unit)) \
                    and _JOIN_RE.fullmatch(text[p.end : q.start]):
                bounds = {p.qualifier: p.value, q.qualifier: q.value}
                low = bounds.get("more_than", bounds.get("at_least"))
                high = bounds.get("less_than", bounds.get("at_most"))
                if low is not None and high is not None and low < high and len(bounds) == 2:
                    out[-1] = FoundQuantity(start=p.start, end=q.end, text=text[p.start : q.end], value=None, low=low, high=high,
                                            unit=q.unit or p.unit, qualifier=None, kind="range", counted_from=q.counted_from)
                    continue
            out.append(q)
        return out

    def _rates(self, text: str, candidates: list[_Candidate]) -> None:
        """"3 cas pour 100 000 habitants": one figure, unit per_100k; the base is no figure."""
        den = self.units.data.denominators
        for a, b in zip(candidates, candidates[1:]):
            if a.unit is not None or a.skip or b.skip or b.unit is not None:
                continue
            code = den.per_population.get(re.sub(_SPACE, " ", b.number.text.lower()))
            if code is None or not self._per_re.fullmatch(text[a.end : b.number.start]):
                continue
            noun = re.match(rf"{_SPACE}+([\w-]+)", text[b.number.end : b.number.end + 30])
            if noun and noun.group(1).lower() in den.per_population_nouns:
                a.unit = UnitMatch(code, "rate", a.end, b.number.end + noun.end())
                a.end = a.unit.end
                b.skip = "rate_base"

    def _out_of(self, text: str, frac: tuple) -> FoundQuantity | None:
        """"un Français sur deux" -> 0.5, "trois TGV sur quatre" -> 0.75 (unit fraction)."""
        a, b, m = frac
        num, den = (self._small(m.group(g)) for g in ("num", "den"))
        if num is None or not den or num >= den:
            return None
        noun_start = m.start("noun") + (a - m.start())
        return FoundQuantity(start=a, end=b, text=text[a:b], value=round(num / den, 4), low=None, high=None,
                             unit="fraction", qualifier=None, kind="fraction", counted_from=noun_start)

    def _small(self, word: str) -> float | None:
        return float(word) if word.isdigit() else self.numbers.read_words(word)

    def _inherit_currency(self, text: str, candidates: list[_Candidate], currency: str | None) -> None:
        """A bare "125,8 milliards" after "154 milliards d'euros" is in euros too."""
        last = currency
        for c in candidates:
            if c.skip:
                continue
            if c.unit is not None:
                if self.units.kind_of(c.unit.code) == "currency":
                    last = c.unit.code.split("/")[0]
                continue
            if last is None or c.number.multiplier < 1e6:
                continue
            after = re.match(rf"{_SPACE}+(?:de{_SPACE}+|d['’]{_SPACE}*)([\w-]+)", text[c.end : c.end + 40])
            if after is None or after.group(1).lower() in self.units.money_nouns:
                c.unit = UnitMatch(last, "currency", c.end, c.end)

    @staticmethod
    def _inherit_denominators(found: list[FoundQuantity]) -> list[FoundQuantity]:
        """"9 400 euros le mètre carré …, 9 700 euros" -> both EUR/m2."""
        out = []
        for q in found:
            if q.unit and "/" not in q.unit:
                prev = next((p for p in reversed(out) if p.unit and p.unit.startswith(q.unit + "/")), None)
                if prev is not None:
                    q = replace(q, unit=prev.unit)
            out.append(q)
        return out

    # -- steps -----------------------------------------------------------------------
