"""``claimline_claims``: quantified claims (``doc._.claimline_claims``), run last.

Groups the quantities of ``claimline_quantities`` by clause into claims with their
source, modality, section, entities and timex (:mod:`claimline.claims.attribution`). Entities and
timexes are read from ``doc._.claimline_mentions`` and ``doc._.claimline_timexes``
when the components that write them run before; the lists stay empty otherwise.

>>> doc = claimline.load()("Selon le Kremlin, 500 drones ont été abattus.")  # doctest: +SKIP
>>> doc._.claimline_claims[0]["source"]["kind"], doc._.claimline_claims[0]["modality"]  # doctest: +SKIP
('according_to', 'reported')
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimline.claims.attribution import build_claims, claim_reader
from claimline.doc import register_extensions, set_layer


class ClaimsComponent:
    """Claims from quantities."""

    def __init__(self, nlp: Language, name: str, *, cues_path: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.reader = claim_reader(cues_path)

    def __call__(self, doc: Doc) -> Doc:
        set_layer(doc, "claims", build_claims(doc, self.reader))
        return doc


@Language.factory(
    "claimline_claims",
    default_config={"cues_path": None},
    assigns=["doc._.claimline_claims"],
    requires=["doc._.claimline_quantities"],
)
def make_claims(nlp: Language, name: str, cues_path: str | None) -> ClaimsComponent:
    """Factory of ``claimline_claims`` (``cues_path``: a claims.json of your own)."""
    return ClaimsComponent(nlp, name, cues_path=cues_path)


__all__ = ["ClaimsComponent", "make_claims"]
