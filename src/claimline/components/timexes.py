"""``claimline_timexes``: find and normalise the temporal expressions (TIMEX3).

Reads ``doc._.claimline_published`` (the DCT; inferred from the article when None),
``doc._.claimline_sentences`` and ``doc._.claimline_sections``; writes
``doc._.claimline_timexes`` (dicts shaped like :class:`claimline.models.Timex`), and,
when it infers the DCT, ``doc._.claimline_published`` with
``doc._.claimline_published_source = "inferred"`` and a note in
``doc._.claimline_warnings``. Sentences of the sections in ``skip_sections`` (default:
boilerplate, i.e. bylines, ads and forms, which the gold guidelines do not annotate
either) give no timex; their dates still count when the publication date is inferred.
The logic is spaCy-free: :mod:`claimline.timexes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from claimline.doc import (
    add_warnings,
    doc_index,
    published,
    register_extensions,
    set_layer,
    set_published,
)
from claimline.doc import sections as doc_sections
from claimline.doc import sentences as doc_sentences
from claimline.layout.regions import section_kinds
from claimline.timexes.annotate import annotate, check_vague_type
from claimline.timexes.lexicon import load_grammar
from claimline.timexes.tense import tense_reader


class TimexesComponent:
    """Temporal expressions, resolved against the DCT and the narrative."""

    def __init__(self, nlp: Language, name: str, *, infer_published: bool = True, split_ranges: bool = False,
                 lexicon_path: str | None = None, rules_path: str | None = None, vague_type: str = "TIME",
                 skip_sections: list[str] | tuple[str, ...] = ("boilerplate",)) -> None:
        register_extensions()
        self.skip_sections = section_kinds("skip_sections", skip_sections)
        self.name = name
        self.vague_type = check_vague_type(vague_type)
        self.infer_published = infer_published
        self.split_ranges = split_ranges
        self._grammar = load_grammar(lexicon_path, rules_path)

    def __call__(self, doc: Doc) -> Doc:
        dct = published(doc)
        sentences = [(s.start, s.end) for s in doc_sentences(doc)] or None
        sections = [(s.kind, s.start, s.end) for s in doc_sections(doc)] or None
        result = annotate(
            doc_index(doc).text, dct=dct, sentences=sentences, sections=sections,
            tense=tense_reader(doc) if doc.has_annotation("DEP") else None,
            infer_dct=self.infer_published, split_ranges=self.split_ranges, vague_type=self.vague_type,
            grammar=self._grammar, skip=self.skip_sections,
        )
        set_layer(doc, "timexes", result.timexes)
        if dct is None and result.published is not None:
            set_published(doc, result.published, "inferred")
        if result.warnings:
            add_warnings(doc, result.warnings)
        return doc


@Language.factory(
    "claimline_timexes",
    default_config={"infer_published": True, "split_ranges": False, "lexicon_path": None, "rules_path": None,
                    "vague_type": "TIME", "skip_sections": ["boilerplate"]},
    assigns=["doc._.claimline_timexes", "doc._.claimline_published", "doc._.claimline_published_source"],
)
def make_timexes(nlp: Language, name: str, infer_published: bool, split_ranges: bool,
                 lexicon_path: str | None, rules_path: str | None, vague_type: str,
                 skip_sections: Sequence[str] = ("boilerplate",)) -> TimexesComponent:
    """Factory of ``claimline_timexes`` (``split_ranges``: one timex per end of a range, as in TimeML;
    ``vague_type``: "TIME" (French TimeBank) or "DATE" for PRESENT_REF/PAST_REF/FUTURE_REF;
    ``skip_sections``: section kinds whose sentences give no timex)."""
    return TimexesComponent(nlp, name, infer_published=infer_published, split_ranges=split_ranges,
                            lexicon_path=lexicon_path, rules_path=rules_path, vague_type=vague_type,
                            skip_sections=skip_sections)


__all__ = ["TimexesComponent", "make_timexes"]
