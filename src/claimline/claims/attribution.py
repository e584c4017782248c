"""Group quantities into claims: what is claimed, when, by whom, how sure.

Each figure gets its own source (:mod:`claimline.claims.sources`: a marker, a reporting
verb before or after it, a quotation's speaker, a pronoun or description resolved to the
named speaker) and its own modality (:mod:`claimline.claims.modality`, the one order
shared with events: question > negated > conditional > planned > reported > hedged >
asserted). The figures of a sentence that hang off the same verb (their clause head in
the dependency parse) with the same source and modality make one claim, so "devait
rassembler 100 000 militaires […] mais s'est limitée à 15 000 hommes" gives two, and
"900 000 selon les organisateurs, 310 000 selon la préfecture" gives two with two sources.

- ``timex_id``: a DATE/TIME timex of the same clause, else the nearest one in the
  sentence (when ``doc._.claimline_timexes`` is set); a date of the clause after the
  publication date makes a present-tense figure ``planned``; ``entities``: the entities
  mentioned in the sentence outside the source (when ``doc._.claimline_mentions`` is set).
- Discourse counts ("pour deux raisons", "trois domaines") and idioms ("freiné des quatre
  fers") make no claim: their Quantity stays, with no claim holding it
  (``claims.json``: ``discourse_nouns``, ``idioms``).

The cues are data: ``resources/fr/claims.json`` and ``resources/fr/modality.json``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict, model_validator
from spacy.tokens import Doc, Token

from claimline.claims.modality import ModalityReader, modality_reader
from claimline.claims.sources import DocNames, SourceFinder, SourceFound
from claimline.doc import doc_index, layer
from claimline.doc import published as doc_published
from claimline.doc import sentences as doc_sentences
from claimline.resources import load_json


class ClaimCues(BaseModel):
    """The schema of ``claims.json``."""

    model_config = ConfigDict(extra="ignore")

    according_to: list[str]
    fronted_according_to: list[str]
    speech_verbs: list[str]
    clause_only_speech_verbs: list[str]
    speech_verb_phrases: list[str]
    author_pronouns: list[str]
    author_possessives: list[str]
    anaphoric_pronouns: list[str]
    self_naming: list[str]
    weekdays: list[str]
    quotes: list[tuple[str, str]]
    discourse_nouns: list[str]
    idioms: list[str]

    @model_validator(mode="after")
    def _clause_only_are_speech_verbs(self) -> "ClaimCues":
        stray = sorted(set(self.clause_only_speech_verbs) - set(self.speech_verbs))
        if stray:
            raise ValueError(f"clause_only_speech_verbs not listed in speech_verbs: {stray}")
        return self


_EMBEDDED = ("ccomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "xcomp", "csubj")


def _phrase(p: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())


class ClaimReader:
    """Sources, modality and anchors of claims, with :class:`ClaimCues`."""

    def __init__(self, cues: ClaimCues, modality: ModalityReader | None = None) -> None:
        self.cues = cues
        self.sources = SourceFinder(cues)
        self.modality = modality or modality_reader()
        self._discourse = set(cues.discourse_nouns)
        self._idiom_re = re.compile(rf"(?<![\w])(?:{'|'.join(_phrase(i) for i in cues.idioms)})(?![\w])", re.IGNORECASE)

    # -- structure -------------------------------------------------------------------
    @staticmethod
    def token_at(doc: Doc, offset: int) -> Token:
        return doc[max(0, doc_index(doc).token_index_at(offset))]

    @staticmethod
    def clause_head(token: Token, sent_start: int, sent_end: int) -> Token:
        """The verb the token hangs off (or the top of its tree inside the sentence)."""
        current = token
        for _ in range(50):
            if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
                return current
            head = current.head
            if head.i == current.i or not sent_start <= head.idx < sent_end:
                return current
            current = head
        return current

    @staticmethod
    def clause_tokens(head: Token, sent_start: int, sent_end: int) -> list[Token]:
        """The head, its auxiliaries and direct dependents (not embedded clauses)."""
        return [head] + [c for c in head.children if sent_start <= c.idx < sent_end and c.dep_ not in _EMBEDDED]

    def clause_text(self, head: Token, sent_start: int, sent_end: int) -> str:
        """The words of the head's clause, embedded clauses left out."""
        out = []
        for c in self.clause_tokens(head, sent_start, sent_end):
            out += [t.text for t in (c.subtree if c is not head else [c])]
        return " ".join(out)

    def check_worthy(self, doc: Doc, q: dict) -> bool:
        """Not a discourse count ("deux raisons") nor a number in an idiom."""
        value = q.get("value")
        if q["unit"] is None and q.get("counted") in self._discourse and value is not None and value == int(value) and value <= 20:
            return False
        text = doc_index(doc).text
        window = text[max(0, q["span"]["start"] - 20) : q["span"]["end"] + 20]
        return self._idiom_re.search(window) is None

    # -- modality --------------------------------------------------------------------
    def signals(self, doc: Doc, head: Token, anchor: Token, s_start: int, s_end: int,
                source: SourceFound | None, q: dict, after_publication: bool,
                heads: dict | None = None) -> set[str]:
        """The modality cues that apply to one figure (see :mod:`claimline.claims.modality`).

        ``heads``: a dict kept over the figures of a Doc, where what the clause head alone
        gives is read once per (head, sentence) (:class:`HeadFacts`)."""
        mod = self.modality
        text = doc_index(doc).text
        heads, key = {} if heads is None else heads, (head.i, s_start, s_end)
        facts = heads.get(key) or heads.setdefault(key, HeadFacts(self, head, s_start, s_end))
        out: set[str] = set()
        if mod.is_question(text[anchor.idx : s_end], text[s_start:s_end]):
            out.add("question")
        if mod.is_negated(facts.clause, anchor.i, lambda a, b: text[doc[a].idx + len(doc[a].text) : doc[b].idx]):
            out.add("negated")
        if facts.modal is not None:
            out.add(facts.modal[0])
        elif facts.mood == "conditional" and not facts.futur_du_passe:
            out.add("conditional")
        target = bool(facts.objects) and bool(set(facts.objects) & ({a.i for a in anchor.ancestors} | {anchor.i}))
        if facts.mood == "future" or target or (after_publication and facts.present):  # "vise 400 000 logements"
            out.add("planned")
        if source is not None:
            out.add("reported")
        if q["qualifier"] == "approx" or facts.hedged:
            out.add("hedged")
        return out

    def _futur_du_passe(self, head: Token) -> bool:
        """A conditional under a past reporting verb ("a assuré que la ligne coûterait")."""
        gov = head.head
        if head.dep_ != "ccomp" or gov is head or not self.sources.is_speech_verb(gov):
            return False
        return "Past" in gov.morph.get("Tense") or any(c.dep_ == "aux:tense" for c in gov.children) or "Imp" in gov.morph.get("Tense")

    def _present(self, head: Token) -> bool:
        tenses = set(head.morph.get("Tense")) | {t for c in head.children if c.dep_.startswith("aux") for t in c.morph.get("Tense")}
        return tenses <= {"Pres"} and not any(c.dep_ == "aux:tense" for c in head.children)

    # -- sources ---------------------------------------------------------------------
    def source(self, doc: Doc, anchor: Token, s_start: int, s_end: int, markers: list, figures: list[int],
               quote: tuple[int, int] | None, incises: list, quote_speakers: dict,
               names: DocNames | None = None) -> tuple[SourceFound | None, bool]:
        """(the figure's source before coreference, whether the source needs an antecedent)."""
        finder = self.sources
        span, kind = None, None
        if markers:
            m = finder.pick_marker(markers, anchor.idx, figures)
            if m[1] < 0:
                return None, False  # "selon nos informations": the author
            span, kind = (m[1], m[2]), "according_to"
        if span is None:
            span = finder.governing_speech(doc, anchor, s_start, s_end)
            if span is None:
                found = finder.incise(incises, anchor, after_quote=quote is not None)
                if found is None:
                    return None, False  # an incise by the author: "« … », ai-je dit"
                span = found or None
            kind = "speech_verb" if span else None
        if quote is not None:
            if span is None:
                if quote not in quote_speakers:  # once per quotation
                    quote_speakers[quote] = (finder.introducer(doc, quote[0], s_start, names)
                                             or finder.after_quote(doc, quote[1], names))
                span = quote_speakers[quote]
            kind = "quotation"
            if span is None:
                return SourceFound(max(quote[0], s_start), min(quote[1], s_end), kind), False
        if span is None:
            return None, False
        return SourceFound(span[0], span[1], kind), finder.needs_antecedent(doc, span)

    def quotations(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every quotation of ``text`` (inside the marks)."""
        out = []
        for open_, close in self.cues.quotes:
            if open_ == close:
                positions = [m.start() for m in re.finditer(re.escape(open_), text)]
                out += [(a + 1, b) for a, b in zip(positions[::2], positions[1::2]) if "\n\n" not in text[a:b]]
            else:
                depth_start = None
                for m in re.finditer(f"{re.escape(open_)}|{re.escape(close)}", text):
                    if m.group(0) == open_:
                        depth_start = m.end() if depth_start is None else depth_start
                    elif depth_start is not None:
                        out.append((depth_start, m.start()))
                        depth_start = None
        return sorted(out)


class HeadFacts:
    """What a figure's modality reads from its clause head alone, computed when first
    asked: the same for every figure of the sentence hanging off that head. The parser can
    hang a whole line of figures (hundreds) on one token, whose children are read by
    walking its subtree: read once per (head, sentence), not once per figure."""

    def __init__(self, reader: ClaimReader, head: Token, s_start: int, s_end: int) -> None:
        self.reader, self.head, self.s_start, self.s_end = reader, head, s_start, s_end

    @cached_property
    def clause(self) -> list[Token]:
        return self.reader.clause_tokens(self.head, self.s_start, self.s_end)

    @cached_property
    def modal(self) -> tuple[str, object] | None:
        return self.reader.modality.modal(self.head)

    @cached_property
    def mood(self) -> str | None:
        return self.reader.modality.verb_mood(self.head)

    @cached_property
    def futur_du_passe(self) -> bool:
        return self.reader._futur_du_passe(self.head)

    @cached_property
    def present(self) -> bool:
        return self.reader._present(self.head)

    @cached_property
    def objects(self) -> list[int]:
        """The head's objects when it is a noun of intention ("vise 400 000 logements")."""
        head = self.head
        if head.lemma_ not in self.reader.modality.cues.intention_objects:
            return []
        return [c.i for c in head.children if c.dep_ == "obj"]

    @cached_property
    def hedged(self) -> bool:
        mod = self.reader.modality
        return mod.has_hedge(self.reader.clause_text(self.head, self.s_start, self.s_end)) or mod.hedging_verb(self.head)


@lru_cache(maxsize=8)
def claim_reader(path: str | None = None) -> ClaimReader:
    """The :class:`ClaimReader` of ``claims.json`` (or of a file of your own)."""
    return ClaimReader(load_json("claims.json", ClaimCues, path=path))


def _anchor(doc: Doc, reader: ClaimReader, q: dict) -> Token:
    """The number token of a quantity, not its qualifier: "plus de 500" -> 500."""
    token = reader.token_at(doc, q["span"]["start"])
    for t in doc[token.i : token.i + 8]:
        if t.idx >= q["span"]["end"] or t.like_num or t.pos_ == "NUM":
            return t if t.idx < q["span"]["end"] else token
    return token


def _after_publication(doc: Doc, timex: dict | None) -> bool:
    published = doc_published(doc)
    value = (timex or {}).get("value") or ""
    span = (timex or {}).get("span") or {"start": 0, "end": 0}
    if not re.search(r"\d", doc_index(doc).text[span["start"] : span["end"]]):
        return False  # a weekday alone ("mardi") is too weak to make a plan
    if not published or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        return dt.date.fromisoformat(value[:10]) > dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return False


def build_claims(doc: Doc, reader: ClaimReader, sentences: list[tuple[int, int, str]] | None = None) -> list[dict]:
    """The claims of ``doc`` as dicts shaped like :class:`~claimline.models.Claim`
    (``sentences``: (start, end, section kind) triples, default the Doc's)."""
    if sentences is None:
        sentences = [(s.start, s.end, s.section) for s in doc_sentences(doc)]
    quantities = layer(doc, "quantities")
    mentions = sorted(layer(doc, "mentions"), key=lambda m: m["span"]["start"])
    mention_starts = [m["span"]["start"] for m in mentions]
    names = DocNames(doc, mentions)  # sorted once: looked up per quotation and per anaphoric source
    timexes = [t for t in layer(doc, "timexes") if t.get("type") in ("DATE", "TIME")]
    timex_by_id = {t["id"]: t for t in timexes}
    quotes = reader.quotations(doc_index(doc).text)
    quote_starts = [a for a, _ in quotes]
    starts = [s for s, _, _ in sentences]
    by_sentence: dict[int, list[dict]] = {}
    for q in quantities:
        if reader.check_worthy(doc, q):
            by_sentence.setdefault(bisect.bisect_right(starts, q["span"]["start"]) - 1, []).append(q)
    sent_timexes = _sentence_timexes(doc, reader, timexes, starts, sentences)
    groups: dict[tuple, list[dict]] = {}
    info: dict[tuple, tuple] = {}
    heads: dict[tuple, HeadFacts] = {}
    for si, qs in by_sentence.items():
        s_start, s_end, _ = sentences[si]
        markers = reader.sources.markers(doc, s_start, s_end)
        incises = reader.sources.incises(doc, s_start, s_end)
        quote_speakers: dict = {}
        anchors = [_anchor(doc, reader, q) for q in qs]
        figures = [a.idx for a in anchors]
        for q, anchor in zip(qs, anchors):
            head = reader.clause_head(anchor, s_start, s_end)
            k = bisect.bisect_right(quote_starts, anchor.idx) - 1
            quote = quotes[k] if k >= 0 and quotes[k][0] <= anchor.idx < quotes[k][1] else None
            source, anaphoric = reader.source(doc, anchor, s_start, s_end, markers, figures, quote, incises,
                                              quote_speakers, names)
            if anaphoric:
                words = doc_index(doc).text[source.start : source.end].lower()
                ante = reader.sources.antecedent(doc, source.start, sentences, si,
                                                 person_first=" " not in words or words.startswith("ce"), mentions=mentions,
                                                 names=names)
                if ante is not None:
                    source = SourceFound(ante[0], ante[1], source.kind)
            timex_id, same_clause = _timex_for(doc, reader, sent_timexes.get(si, []), head, anchor)
            signals = reader.signals(doc, head, anchor, s_start, s_end, source, q,
                                     same_clause and _after_publication(doc, timex_by_id.get(timex_id)), heads)
            modality = reader.modality.decide(signals)
            key = (si, head.i, source, modality)
            groups.setdefault(key, []).append(q)
            info.setdefault(key, (timex_id,))
    claims = []
    for (si, _head, source, modality), qs in groups.items():
        s_start, s_end, section = sentences[si]
        source_entity = None
        entities: list[str] = []
        for m in _mentions_in(mentions, mention_starts, s_start, s_end):
            if source and source.start <= m["span"]["start"] < source.end:
                source_entity = m["entity_id"]
            elif m["entity_id"] not in entities:
                entities.append(m["entity_id"])
        if source is not None and source_entity is None:  # a source resolved to an earlier sentence
            source_entity = next((m["entity_id"] for m in _mentions_in(mentions, mention_starts, source.start, source.end)), None)
        claims.append({
            "id": f"c{len(claims) + 1}",
            "span": {"start": s_start, "end": s_end},
            "quantities": [q["id"] for q in qs],
            "entities": entities,
            "timex_id": info[(si, _head, source, modality)][0],
            "source": None if source is None else {
                "span": {"start": source.start, "end": source.end},
                "entity_id": source_entity,
                "kind": source.kind,
            },
            "modality": modality,
            "section": section,
        })
    return claims


def _mentions_in(mentions: list[dict], starts: list[int], start: int, end: int) -> list[dict]:
    """The mentions (sorted by start) that start in [start, end)."""
    return mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _timex_for(doc: Doc, reader: ClaimReader, timexes: list[tuple[int, str, int]], head: Token, anchor: Token
               ) -> tuple[str | None, bool]:
    """(id, same clause) of a DATE/TIME timex of the claim's clause, else of the nearest one.

    ``timexes``: (start, id, clause head index) of the sentence's timexes.
    """
    best = None
    for ts, tid, clause in timexes:
        rank = (0 if clause == head.i else 1, abs(ts - anchor.idx))
        if best is None or rank < best[0]:
            best = (rank, tid)
    return (best[1], best[0][0] == 0) if best else (None, False)


def _sentence_timexes(doc: Doc, reader: ClaimReader, timexes: list[dict], starts: list[int],
                      sentences: list[tuple[int, int, str]]) -> dict[int, list[tuple[int, str, int]]]:
    """The DATE/TIME timexes of each sentence with their clause head (one pass)."""
    out: dict[int, list[tuple[int, str, int]]] = {}
    for t in timexes:
        ts = t["span"]["start"]
        si = bisect.bisect_right(starts, ts) - 1
        if si < 0:
            continue
        s_start, s_end, _ = sentences[si]
        clause = reader.clause_head(reader.token_at(doc, ts), s_start, s_end).i
        out.setdefault(si, []).append((ts, t["id"], clause))
    return out


__all__ = ["ClaimCues", "ClaimReader", "build_claims", "claim_reader"]
