"""Group quantities into claims: what is claimed, when, by whom, how sure.

One :class:`~claimline.models.Claim` per clause holding quantities: the quantities of a
sentence that hang off the same verb (their clause head in the dependency parse) make
one claim, so "devait rassembler 100 000 militaires […] mais s'est limitée à 15 000
hommes" gives two. For each claim:

- ``source`` (:class:`~claimline.models.Source`): an ``according_to`` marker ("d'après
  War Mapper", "selon le Kremlin": the noun phrase after it), a ``quotation`` (the
  quantity stands inside « » or " ": the speaker when a reporting verb names one, else
  the quotation), or a ``speech_verb`` whose subject is the source ("X a indiqué que…",
  "«…», a déclaré X"). The author ("je", "nous", "on") is never a source.
- ``modality``, first that applies: ``question`` (the sentence asks), ``negated``
  ("ne… pas/jamais/aucun" in the clause; "ne… que" is restrictive), ``conditional``
  (Mood=Cnd on the clause's verb or auxiliary: "aurait conquis"), ``reported`` (a
  source), ``hedged`` ("probablement", an approximate quantity), else ``asserted``.
- ``timex_id``: a DATE/TIME timex of the same clause, else the nearest one in the
  sentence (when ``doc._.claimline_timexes`` is set); ``entities``: the entities
  mentioned in the sentence outside the source (when ``doc._.claimline_mentions`` is set).

The cues are data: ``resources/fr/claims.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Token

from claimline.doc import doc_index, layer
from claimline.doc import sentences as doc_sentences
from claimline.layout.regions import locate
from claimline.resources import load_json


class ClaimCues(BaseModel):
    """The schema of ``claims.json``."""

    model_config = ConfigDict(extra="ignore")

    according_to: list[str]
    speech_verbs: list[str]
    author_pronouns: list[str]
    hedges: list[str]
    negations: list[str]
    quotes: list[tuple[str, str]]


@dataclass(frozen=True)
class SourceFound:
    start: int
    end: int
    kind: str


_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"}


def _phrase(p: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())


class ClaimReader:
    """Sources, modality and anchors of claims, with :class:`ClaimCues`."""

    def __init__(self, cues: ClaimCues) -> None:
        self.cues = cues
        markers = sorted(cues.according_to, key=len, reverse=True)
        self._according_re = re.compile(
            rf"(?<![\w])(?:{'|'.join(_phrase(m) for m in markers)})(?:\s+|(?<=['’]))", re.IGNORECASE
        )
        hedges = sorted((h for h in cues.hedges if " " in h or "-" in h or not h.endswith("er")), key=len, reverse=True)
        self._hedge_re = re.compile(rf"(?<![\w])(?:{'|'.join(_phrase(h) for h in hedges)})(?![\w])", re.IGNORECASE)
        self._hedge_lemmas = {h for h in cues.hedges if h.endswith(("er", "re")) and " " not in h}
        self._speech = set(cues.speech_verbs)
        self._authors = {p.lower() for p in cues.author_pronouns}
        self._negations = {n.lower() for n in cues.negations}

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

    # -- modality --------------------------------------------------------------------
    def _clause_tokens(self, head: Token, sent_start: int, sent_end: int) -> list[Token]:
        """The head, its auxiliaries and direct dependents (not embedded clauses)."""
        out = [head]
        for child in head.children:
            if sent_start <= child.idx < sent_end and child.dep_ not in ("ccomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "xcomp", "csubj"):
                out.append(child)
        return out

    def is_conditional(self, head: Token, sent_start: int, sent_end: int) -> bool:
        chain = [head]
        if head.dep_ == "xcomp" and sent_start <= head.head.idx < sent_end:
            chain.append(head.head)  # "aurait pu être" -> pu <- aurait
        for verb in chain:
            for t in [verb, *verb.children]:
                if (t is verb or t.dep_.startswith("aux") or t.dep_ == "cop") and "Cnd" in t.morph.get("Mood"):
                    return True
        return False

    def is_negated(self, head: Token, anchor: Token, sent_start: int, sent_end: int) -> bool:
        """"ne… pas/jamais/aucun" in the clause, not restricted or contrasted before the number.

        "elle n'a conquis que 250 km2" (ne… que), "ne représentera jamais que le cinquième",
        "n'est pas leur manque de moyens mais leur dispersion dans 30 structures" and a
        negation behind a comma are not negations of the quantity.
        """
        toks = self._clause_tokens(head, sent_start, sent_end)
        if not any(t.text.lower() in ("ne", "n'", "n’") for t in toks):
            return False
        negs = [t for t in toks if t.text.lower() in self._negations]
        if not negs:
            return False
        before = [t for t in negs if t.i < anchor.i]
        if not before:
            return True
        between = doc_index(anchor.doc).text[before[-1].idx + len(before[-1].text) : anchor.idx]
        return re.search(r"(?<![\w])(?:que|qu['’]|mais)(?![\w])|[,;:–—(]", between, re.IGNORECASE) is None

    def is_hedged(self, text: str, head: Token, sent_start: int, sent_end: int) -> bool:
        if self._hedge_re.search(text):
            return True
        return head.lemma_ in self._hedge_lemmas or head.head.lemma_ in self._hedge_lemmas

    @staticmethod
    def is_question(text: str) -> bool:
        stripped = text.rstrip(" \t\n»\"”)…")
        return stripped.endswith("?") or re.search(r"\best-ce que\b", text, re.IGNORECASE) is not None

    # -- sources ---------------------------------------------------------------------
    def according_to(self, doc: Doc, sent_start: int, sent_end: int) -> SourceFound | None:
        text = doc_index(doc).text[sent_start:sent_end]
        for m in self._according_re.finditer(text):
            span = self._noun_phrase(doc, sent_start + m.end(), sent_end)
            if span:
                return SourceFound(*span, "according_to")
        return None

    def _noun_phrase(self, doc: Doc, offset: int, limit: int) -> tuple[int, int] | None:
        i = doc_index(doc).first_at_or_after(offset)
        first = i
        last = None
        while i < len(doc) and doc[i].idx < limit and i - first < 10:
            tok = doc[i]
            if tok.pos_ in ("NOUN", "PROPN", "X") or (tok.text[:1].isupper() and tok.is_alpha):
                last = i
            elif tok.pos_ in _NP_POS or (tok.pos_ == "ADV" and tok.text.lower() in ("très", "plus")):
                if tok.pos_ == "ADJ" and last is not None:
                    last = i
            elif tok.lower_ in ("de", "du", "des", "d'") and i + 1 < len(doc) and (
                doc[i + 1].pos_ in ("NOUN", "PROPN", "DET") or doc[i + 1].text[:1].isupper()
            ) and last is not None:
                pass
            else:
                break
            i += 1
        if last is None:
            return None
        return doc[first].idx, doc[last].idx + len(doc[last].text)

    def speech_source(self, doc: Doc, anchor: Token, sent_start: int, sent_end: int) -> tuple[int, int, Token] | None:
        """The subject of a reporting verb governing ``anchor`` or set as an incise."""
        ancestors = {t.i for t in anchor.ancestors}
        index = doc_index(doc)
        for tok in (doc[k] for k in index.tokens_between(sent_start, sent_end)):
            if tok.pos_ != "VERB" or tok.lemma_ not in self._speech:
                continue
            governs = tok.i in ancestors
            incise = tok.dep_ == "parataxis" or any(c.dep_ == "parataxis" and c.i in ancestors | {anchor.i} for c in tok.children)
            incise = incise or (tok.i > anchor.i and re.search(r"[»\"”,]\s*$", index.text[sent_start:tok.idx].rstrip()[-20:]) is not None
                                and tok.dep_ in ("ROOT", "parataxis", "conj"))
            if not (governs or incise):
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subj is None or subj.text.lower() in self._authors:
                continue
            span_toks = [t for t in subj.subtree if sent_start <= t.idx < sent_end]
            start = min(t.idx for t in span_toks)
            end = max(t.idx + len(t.text) for t in span_toks)
            if start <= anchor.idx < end:
                continue  # the quantity is in the subject: "Plus de 30 États ont annoncé…"
            return start, end, tok
        return None

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


@lru_cache(maxsize=8)
def claim_reader(path: str | None = None) -> ClaimReader:
    """The :class:`ClaimReader` of ``claims.json`` (or of a file of your own)."""
    return ClaimReader(load_json("claims.json", ClaimCues, path=path))


def build_claims(doc: Doc, reader: ClaimReader) -> list[dict]:
    """The claims of ``doc`` as dicts shaped like :class:`~claimline.models.Claim`."""
    sentences = doc_sentences(doc)
    quantities = layer(doc, "quantities")
    mentions = layer(doc, "mentions")
    timexes = [t for t in layer(doc, "timexes") if t.get("type") in ("DATE", "TIME")]
    full_text = doc_index(doc).text
    quotes = reader.quotations(full_text)
    groups: dict[tuple[int, int], list[dict]] = {}
    anchors: dict[tuple[int, int], Token] = {}
    for q in quantities:
        qs = q["span"]["start"]
        si = locate(sentences, qs)
        s_start, s_end = sentences[si].start, sentences[si].end
        token = reader.token_at(doc, qs)
        # The number token, not the qualifier: "plus de 500" -> 500.
        for t in doc[token.i : token.i + 8]:
            if t.idx >= q["span"]["end"] or t.like_num or t.pos_ == "NUM":
                token = t if t.idx < q["span"]["end"] else token
                break
        head = reader.clause_head(token, s_start, s_end)
        key = (si, head.i)
        groups.setdefault(key, []).append(q)
        anchors.setdefault(key, token)
    claims = []
    for (si, head_i), qs in groups.items():
        s_start, s_end, section = sentences[si].start, sentences[si].end, sentences[si].section
        text = full_text[s_start:s_end]
        head = doc[head_i]
        anchor = anchors[(si, head_i)]
        source = reader.according_to(doc, s_start, s_end)
        inside = [(a, b) for a, b in quotes if a <= anchor.idx < b]
        speech = reader.speech_source(doc, anchor, s_start, s_end)
        if source is None and inside:
            if speech:
                source = SourceFound(speech[0], speech[1], "quotation")
            else:
                a, b = inside[0]
                source = SourceFound(max(a, s_start), min(b, s_end), "quotation")
        if source is None and speech:
            source = SourceFound(speech[0], speech[1], "speech_verb")
        if reader.is_question(text):
            modality = "question"
        elif reader.is_negated(head, anchor, s_start, s_end):
            modality = "negated"
        elif reader.is_conditional(head, s_start, s_end):
            modality = "conditional"
        elif source is not None:
            modality = "reported"
        elif reader.is_hedged(text, head, s_start, s_end) or any(q["qualifier"] == "approx" for q in qs):
            modality = "hedged"
        else:
            modality = "asserted"
        in_sentence = [m for m in mentions if s_start <= m["span"]["start"] < s_end]
        source_entity = None
        entities: list[str] = []
        for m in in_sentence:
            if source and source.start <= m["span"]["start"] < source.end:
                source_entity = m["entity_id"]
            elif m["entity_id"] not in entities:
                entities.append(m["entity_id"])
        claims.append({
            "id": f"c{len(claims) + 1}",
            "span": {"start": s_start, "end": s_end},
            "quantities": [q["id"] for q in qs],
            "entities": entities,
            "timex_id": _timex_for(doc, reader, timexes, head, anchor, s_start, s_end),
            "source": None if source is None else {
                "span": {"start": source.start, "end": source.end},
                "entity_id": source_entity,
                "kind": source.kind,
            },
            "modality": modality,
            "section": section,
        })
    return claims


def _timex_for(doc: Doc, reader: ClaimReader, timexes: list[dict], head: Token, anchor: Token,
               s_start: int, s_end: int) -> str | None:
    """A DATE/TIME timex of the claim's clause, else the nearest one of its sentence."""
    best = None
    for t in timexes:
        ts = t["span"]["start"]
        if not s_start <= ts < s_end:
            continue
        same_clause = reader.clause_head(reader.token_at(doc, ts), s_start, s_end).i == head.i
        rank = (0 if same_clause else 1, abs(ts - anchor.idx))
        if best is None or rank < best[0]:
            best = (rank, t["id"])
    return best[1] if best else None


__all__ = ["ClaimCues", "ClaimReader", "build_claims", "claim_reader"]
