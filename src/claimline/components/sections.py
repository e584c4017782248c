"""``claimline_sections``: type the text's sections and fix the sentence boundaries.

Runs after the parser, which it leaves untouched (forcing boundaries before the parser
makes the French models split sentences in odd places). It writes

- ``doc._.claimline_sections``: ``[[kind, start, end], ...]`` (:mod:`claimline.layout.sections`);
- ``doc._.claimline_sentences``: ``[[start, end], ...]``, the model's sentences refined
  with line and section breaks (:mod:`claimline.layout.sentences`), so that a title, a heading
  or "J’aime" never merges with the next sentence. Every later claimline component and
  the Article use these sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimline.doc import (
    model_sentences,
    register_extensions,
    set_sections,
    set_sentences,
)
from claimline.layout.sections import load_sectioner


class SectionsComponent:
    """Sections and sentence boundaries."""

    def __init__(self, nlp: Language, name: str, *, rules_path: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.rules_path = rules_path
        self._sectioner = load_sectioner(rules_path)

    def __call__(self, doc: Doc) -> Doc:
        sections = self._sectioner(doc.text)
        set_sections(doc, sections)
        set_sentences(doc, model_sentences(doc, [s.start for s in sections]))
        return doc


doc_sentences = model_sentences  # the former name


@Language.factory(
    "claimline_sections",
    default_config={"rules_path": None},
    assigns=["doc._.claimline_sections", "doc._.claimline_sentences"],
)
def make_sections(nlp: Language, name: str, rules_path: str | None) -> SectionsComponent:
    """Factory of ``claimline_sections`` (``rules_path``: a sections.json of your own)."""
    return SectionsComponent(nlp, name, rules_path=rules_path)


__all__ = ["SectionsComponent", "doc_sentences", "make_sections"]
