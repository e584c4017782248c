"""``claimline_quantities``: the quantities of each sentence (``doc._.claimline_quantities``).

Runs after ``claimline_sections``; reads ``doc._.claimline_sentences`` and writes one dict
per quantity, shaped like :class:`claimline.models.Quantity` (ids ``q1``, ``q2``…):

>>> nlp = claimline.load()  # doctest: +SKIP
>>> doc = nlp("Plus de 500 drones et 40 missiles ont été tirés.")  # doctest: +SKIP
>>> [(q["value"], q["qualifier"], q["counted"]) for q in doc._.claimline_quantities]  # doctest: +SKIP
[(500.0, 'more_than', 'drone'), (40.0, None, 'missile')]

The finding is :mod:`claimline.quantities.finder` (spaCy-free); this component adds what is
counted or measured from the parse (:mod:`claimline.quantities.counted`) and, as the gold
guidelines do, extends the span of a count over the noun that directly follows it
("plus de 500 drones"; not over a "de" complement: "250 km2" de territoire). Sentences of the sections
in ``skip_sections`` (default: boilerplate, i.e. ads and forms) are not read.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimline.doc import doc_index, register_extensions, sentences, set_layer
from claimline.layout.regions import section_kinds
from claimline.quantities.counted import (
    counted_lemma,
    measured_before,
    noun_right_after,
)
from claimline.quantities.finder import RELATIVE_UNITS, quantity_finder

class QuantitiesComponent:
    """Quantities with their unit, bounds and what they count."""

    def __init__(self, nlp: Language, name: str, *, cues_path: str | None = None,
                 skip_sections: list[str] | tuple[str, ...] = ("boilerplate",)) -> None:
        register_extensions()
        self.name = name
        self.skip_sections = section_kinds("skip_sections", skip_sections)
        self.finder = quantity_finder(cues_path)

    def __call__(self, doc: Doc) -> Doc:
        out: list[dict] = []
        text = doc_index(doc).text
        currency = None  # the currency of the last money figure: "125,8 milliards" takes it
        for sentence in sentences(doc):
            start, end = sentence.start, sentence.end
            if sentence.section in self.skip_sections:
                continue
            found = self.finder.scan(text, start, end, currency=currency)[0]
            for q in found:
                if q.unit and self.finder.units.kind_of(q.unit) == "currency":
                    currency = q.unit.split("/")[0]
            counted: list[str | None] = []
            for q in found:
                if q.antecedent is not None:
                    what = next((c for c in reversed(counted) if c), None)
                else:
                    what = counted_lemma(doc, q.counted_from, measure=q.unit is not None, limit=end,
                                         nominal_only=q.kind == "approx")
                    if what is None and q.unit is not None and q.unit not in RELATIVE_UNITS:
                        what = measured_before(doc, q.start, q.end)
                q_end = q.end
                if q.unit is None and what is not None and q.end == q.counted_from:
                    noun = noun_right_after(doc, q.end, nominal_only=q.kind == "approx")
                    if noun is not None and noun.idx + len(noun.text) <= end:
                        q_end = noun.idx + len(noun.text)  # "plus de 500 drones", "200 chars"
                counted.append(what)
                out.append({
                    "id": f"q{len(out) + 1}",
                    "span": {"start": q.start, "end": q_end},
                    "value": q.value,
                    "low": q.low,
                    "high": q.high,
                    "unit": q.unit,
                    "qualifier": q.qualifier,
                    "counted": what,
                })
        set_layer(doc, "quantities", out)
        return doc


@Language.factory(
    "claimline_quantities",
    default_config={"cues_path": None, "skip_sections": ["boilerplate"]},
    assigns=["doc._.claimline_quantities"],
    requires=["doc._.claimline_sentences"],
)
def make_quantities(nlp: Language, name: str, cues_path: str | None, skip_sections: list[str]) -> QuantitiesComponent:
    """Factory of ``claimline_quantities`` (``cues_path``: a quantities.json of your own)."""
    return QuantitiesComponent(nlp, name, cues_path=cues_path, skip_sections=skip_sections)


__all__ = ["QuantitiesComponent", "make_quantities"]
