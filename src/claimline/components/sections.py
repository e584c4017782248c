"""``claimline_sections``: type the text's sections and fix the sentence boundaries.

Runs after the parser, which it leaves untouched (forcing boundaries before the parser
makes the French models split sentences in odd places). It writes

- ``doc._.claimline_sections``: ``[[kind, start, end], ...]`` (:mod:`claimline.layout.sections`);
- ``doc._.claimline_published`` / ``_published_source = "byline"`` when no date was given and
  the page's byline prints one ("Publié le 12/03/2025", :mod:`claimline.layout.published`);
  comment dates never count, and the timexes' own inference stays the last resort;
- ``doc._.claimline_sentences``: ``[[start, end], ...]``, the model's sentences refined
  with line and section breaks (:mod:`claimline.layout.sentences`), so that a title, a heading
  or "J’aime" never merges with the next sentence. Every later claimline component and
  the Article use these sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimline.doc import (
    doc_index,
    model_sentences,
    published,
    register_extensions,
    set_published,
    set_sections,
    set_sentences,
)
from claimline.layout.cues import load_layout
from claimline.layout.published import read_byline_date
from claimline.layout.sections import load_sectioner


class SectionsComponent:
    """Sections and sentence boundaries."""

    def __init__(self, nlp: Language, name: str, *, rules_path: str | None = None,
                 layout_path: str | None = None, read_published: bool = True) -> None:
        register_extensions()
        self.name = name
        self.rules_path = rules_path
        self.read_published = read_published
        self._sectioner = load_sectioner(rules_path, layout_path)
        self._layout = load_layout(layout_path)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_index(doc).text  # built once per Doc: doc.text joins every token again
        sections = self._sectioner(text)
        set_sections(doc, sections)
        if self.read_published and published(doc) is None:
            found = read_byline_date(text, sections, self._layout)
            if found is not None:
                set_published(doc, found.date, "byline")
        set_sentences(doc, model_sentences(doc, [s.start for s in sections]))
        return doc


doc_sentences = model_sentences  # the former name


@Language.factory(
    "claimline_sections",
    default_config={"rules_path": None, "layout_path": None, "read_published": True},
    assigns=["doc._.claimline_sections", "doc._.claimline_sentences", "doc._.claimline_published",
             "doc._.claimline_published_source"],
)
def make_sections(nlp: Language, name: str, rules_path: str | None, layout_path: str | None,
                  read_published: bool) -> SectionsComponent:
    """Factory of ``claimline_sections`` (``rules_path``: a sections.json of your own;
    ``layout_path``: a page_layout.json of your own; ``read_published``: read the
    publication date from the page's byline when none is given)."""
    return SectionsComponent(nlp, name, rules_path=rules_path, layout_path=layout_path,
                             read_published=read_published)


__all__ = ["SectionsComponent", "doc_sentences", "make_sections"]
