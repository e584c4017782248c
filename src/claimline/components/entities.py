"""``claimline_entities``: proper-name mentions and the entities they refer to.

Runs after the model's ``ner`` and ``claimline_sections``; it leaves ``doc.ents``
untouched and writes

- ``doc._.claimline_mentions``: ``[{"id": "m1", "span": {...}, "label", "entity_id"}, ...]``;
- ``doc._.claimline_entities``: ``[{"id", "name", "label", "aliases"}, ...]``.

Config (all JSON values): ``aliases_path`` (your own entities.json, added to the
packaged one), ``rules_path`` (your own entity_rules.json, replacing the packaged
one), ``sections`` (section kinds whose names are kept), ``fuzzy_threshold``,
``min_fuzzy_chars``, ``prefix_guard_chars`` (see :mod:`claimline.entities.registry`),
``fuzzy_window`` (a name is compared fuzzily with the last 1 000 distinct names of its
text only, so that linking stays linear in the text; ``null``: with all of them).

>>> nlp = claimline.load(config={"claimline_entities": {"aliases_path": "my_entities.json"}})  # doctest: +SKIP
"""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.tokens import Doc

from claimline.doc import DocSection, doc_index, register_extensions, set_layer
from claimline.doc import sections as doc_sections
from claimline.doc import sentences as doc_sentences
from claimline.entities.acronyms import complete_expansions
from claimline.entities.context import ContextRules
from claimline.entities.gazetteer import Gazetteer
from claimline.entities.link import link_mentions
from claimline.entities.recognise import NameRules, Token, clean_model_entity, combine
from claimline.entities.registry import EntityRegistry, FuzzySettings
from claimline.entities.resources import load_rules
from claimline.errors import Errors, InputError
from claimline.layout.regions import locate
from claimline.models import SectionKind

DEFAULT_SECTIONS = ["title", "body", "aside"]  # names in comments and boilerplate: only when asked
_KINDS = SectionKind.__args__  # type: ignore[attr-defined]


class EntitiesComponent:
    """Recognise names (model + gazetteer, corrected) and resolve them to entities."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        aliases_path: str | None = None,
        rules_path: str | None = None,
        sections: list[str] | None = None,
        fuzzy_threshold: float = 88.0,
        min_fuzzy_chars: int = 5,
        prefix_guard_chars: int = 3,
        fuzzy_window: int | None = 1000,
    ) -> None:
        register_extensions()
        self.name = name
        self.sections = frozenset(DEFAULT_SECTIONS if sections is None else sections)
        bad = sorted(self.sections - set(_KINDS))
        if bad:
            raise InputError(Errors.E010.format(name="sections", value=bad, detail=f"section kinds are {list(_KINDS)}"))
        try:
            settings = FuzzySettings(fuzzy_threshold, min_fuzzy_chars, prefix_guard_chars, fuzzy_window)
        except ValueError as err:
            raise InputError(Errors.E010.format(name="claimline_entities config", value=(fuzzy_threshold, min_fuzzy_chars, prefix_guard_chars, fuzzy_window), detail=str(err))) from err
        self.registry = EntityRegistry.default(aliases_path=aliases_path, rules_path=rules_path, settings=settings)
        rules = load_rules(rules_path)
        self.rules = NameRules(rules)
        self.context = ContextRules(rules, [s for s, _, label in self.registry.names() if label == "LOC"])
        self.gazetteer = Gazetteer.from_registry(self.registry).with_free_words([*rules.determiners, *rules.titles])

    def _regions(self, doc: Doc, text: str) -> list[DocSection]:
        """The sections whose names are kept."""
        sections = doc_sections(doc) or [DocSection("body", 0, len(text))]
        return [s for s in sections if s.kind in self.sections]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_index(doc).text
        sentences = doc_sentences(doc)
        sentence_starts = [s.start for s in sentences]
        regions = self._regions(doc, text)

        def kept(start: int, end: int) -> bool:
            """In a kept section, and inside one sentence (the Article's invariant)."""
            i = locate(regions, start)
            if i < 0 or start >= regions[i].end:
                return False
            j = locate(sentences, start)
            return j < 0 or end <= sentences[j].end

        model = []
        for span_tokens, label in _model_entities(doc, text, regions, frozenset(sentence_starts)):
            for cand in clean_model_entity(span_tokens, label, text, self.rules):
                model.append((cand, span_tokens))
        gazetteer = [m for r in regions for m in self.gazetteer.find(text, start=r.start, end=r.end)]
        scan = self.context.scan(text)
        combined = self.context.apply(text, combine(model, gazetteer, self.rules), scan)
        combined = self.context.institutions(text, combined, scan)
        combined = complete_expansions(text, combined, self.rules.demonyms)
        candidates = [c for c in combined if kept(c.start, c.end)]
        mentions, entities = link_mentions(text, candidates, self.registry, demonyms=self.rules.demonyms)
        set_layer(doc, "mentions", mentions)
        set_layer(doc, "entities", entities)
        return doc


def _model_entities(
    doc: Doc, text: str, regions: list[DocSection], sentence_starts: frozenset[int]
) -> list[tuple[list[Token], str]]:
    """(tokens, label) of the model's entities that start in a kept section: the IOB
    array of every token (``doc.ents`` builds a Python object per entity), then the
    attributes of the tokens inside an entity only (a few in a hundred)."""
    if not len(doc):
        return []
    iob = doc.to_array([ENT_IOB]).reshape(-1)
    inside = numpy.flatnonzero((iob == 1) | (iob == 3)).tolist()
    rows = {}  # token index -> (iob, label, start, length, pos) of the tokens inside an entity
    for i in inside:
        tok = doc[i]
        rows[i] = (tok.ent_iob, tok.ent_type_, tok.idx, len(tok), tok.pos_)
    out: list[tuple[list[Token], str]] = []

    def close(begin: int, end: int) -> None:
        start_char = rows[begin][2]
        i = locate(regions, start_char)
        if i < 0 or start_char >= regions[i].end:
            return  # not in a kept section
        tokens = []
        for k in range(begin, end):
            _, _, idx, length, pos = rows[k]
            tokens.append(Token(idx, idx + length, text[idx : idx + length], pos, idx in sentence_starts))
        out.append((tokens, rows[begin][1]))

    begin = end = -1
    for i in inside:
        if begin >= 0 and (i != end or rows[i][0] == 3):  # a gap or a new entity: close the open one
            close(begin, end)
            begin = -1
        if begin < 0:
            begin = i
        end = i + 1
    if begin >= 0:
        close(begin, end)
    return out


@Language.factory(
    "claimline_entities",
    default_config={
        "aliases_path": None,
        "rules_path": None,
        "sections": DEFAULT_SECTIONS,
        "fuzzy_threshold": 88.0,
        "min_fuzzy_chars": 5,
        "prefix_guard_chars": 3,
        "fuzzy_window": 1000,
    },
    assigns=["doc._.claimline_mentions", "doc._.claimline_entities"],
    requires=["doc.ents"],
)
def make_entities(
    nlp: Language,
    name: str,
    aliases_path: str | None,
    rules_path: str | None,
    sections: list[str],
    fuzzy_threshold: float,
    min_fuzzy_chars: int,
    prefix_guard_chars: int,
    fuzzy_window: int | None,
) -> EntitiesComponent:
    """Factory of ``claimline_entities``."""
    return EntitiesComponent(
        nlp,
        name,
        aliases_path=aliases_path,
        rules_path=rules_path,
        sections=sections,
        fuzzy_threshold=fuzzy_threshold,
        min_fuzzy_chars=min_fuzzy_chars,
        prefix_guard_chars=prefix_guard_chars,
        fuzzy_window=fuzzy_window,
    )


__all__ = ["EntitiesComponent", "make_entities"]
