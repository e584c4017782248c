"""Who states a figure: the source of a claim, in every position, read from parse and text.

For one figure (its number token, the *anchor*) of one sentence, first that applies:

1. ``according_to``: a marker ("selon", "d'après", "à en croire", sentence-initial "Pour
   X,"…) and the noun phrase after it. With several markers in a sentence each figure
   takes its own: the marker right after it (no other figure between them: "1,2 million
   selon la CGT, 480 000 selon la police"), else the last fronted marker before it
   ("Selon la police, … ; selon les syndicats, …"). "Selon nos informations" is the author.
2. ``speech_verb``: the nearest reporting verb above the anchor in the parse, with its
   subject before it ("Le syndicat affirme que…", "La préfecture a fait état de…"); or a
   reporting verb set as an incise after the figure (", a annoncé l'Insee vendredi",
   ", estime la CRE dans un rapport", ", a-t-il affirmé", "», s'indigne X"): its subject is
   read from the text after the verb, because the md parser labels inverted subjects
   ``obj`` or attaches them elsewhere.
3. inside a quotation (« » or " "): the speaker of 1 or 2, else the subject of the clause
   that introduces the quotation with a colon ("Le maire, X, a été clair : « … »"), and
   the kind is ``quotation``; with no speaker at all, the quotation itself.

A pronoun ("il", "elle", "lui", "ce dernier") or a singular definite description ("le
syndicat", "la ministre", "le club") is resolved to the named speaker before it: the last
proper name (entity mention, else spaCy entity) in a subject or after a marker, in the
sentence then in up to three sentences before (a person first for a pronoun). Names of
institutions that name themselves ("la police") are not resolved (``claims.json``:
``self_naming``). The author ("je", "nous", "on") is never a source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimline.doc import doc_index

_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"}
_SUBJ = ("nsubj", "nsubj:pass")
_NAME_LABELS = ("PER", "ORG")


class DocNames:
    """The names of one Doc, sorted once, for the lookups made per figure or quotation (a
    scan of every entity each time made a text with many quotations quadratic).

    ``ents``: spaCy's entities (start_char, end_char, label) in text order; ``speakers``:
    the entity mentions, else spaCy's entities, as :meth:`SourceFinder.antecedent` reads them.
    """

    def __init__(self, doc, mentions: list[dict]) -> None:
        self.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        self.ent_starts = [e[0] for e in self.ents]
        self.speakers = sorted([(m["span"]["start"], m["span"]["end"], m.get("label")) for m in mentions]
                               or self.ents)
        self.speaker_starts = [n[0] for n in self.speakers]

    def ents_starting(self, start: int, stop: int) -> list[tuple[int, int, str]]:
        """spaCy's entities that start in ``[start, stop)``, in text order."""
        return self.ents[bisect.bisect_left(self.ent_starts, start) : bisect.bisect_left(self.ent_starts, stop)]


@dataclass(frozen=True)
class SourceFound:
    """A source span (offsets into the doc's text) and its kind."""

    start: int
    end: int
    kind: str


def _phrase(p: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())


class SourceFinder:
    """Sources of figures, with the cues of ``claims.json`` (a ClaimCues)."""

    def __init__(self, cues) -> None:
        self.cues = cues
        markers = sorted(cues.according_to, key=len, reverse=True)
        self._according_re = re.compile(
            rf"(?<![\w])(?:{'|'.join(_phrase(m) for m in markers)})(?:\s+|(?<=['’]))", re.IGNORECASE)
        fronted = "|".join(_phrase(m) for m in cues.fronted_according_to)
        self._fronted_re = re.compile(rf"^[\s«\"]*(?:{fronted})\s+", re.IGNORECASE)
        self._speech = set(cues.speech_verbs)
        self._clause_only = set(cues.clause_only_speech_verbs)
        self._speech_pairs = {tuple(p.split()) for p in cues.speech_verb_phrases}
        self._authors = {p.lower() for p in cues.author_pronouns}
        self._anaphors = {p.lower() for p in cues.anaphoric_pronouns}
        self._possessive_authors = {p.lower() for p in cues.author_possessives}
        self._self_naming = {w.lower() for w in cues.self_naming}

    # -- noun phrases ----------------------------------------------------------------
    def noun_phrase(self, doc, offset: int, limit: int) -> tuple[int, int] | None:
        """The noun phrase from ``offset`` (det, adjectives, nouns, names, de-complements)."""
        i = doc_index(doc).first_at_or_after(offset)
        first, last = i, None
        while i < len(doc) and doc[i].idx < limit and i - first < 12:
            tok = doc[i]
            if tok.lower_ in self.cues.weekdays and last is not None:
                break  # "a annoncé l'Insee vendredi"
            if tok.pos_ in ("NOUN", "PROPN", "X") or (tok.text[:1].isupper() and tok.is_alpha):
                last = i
            elif tok.pos_ in _NP_POS or (tok.pos_ == "ADV" and tok.lower_ in ("très", "plus")):
                if tok.pos_ == "ADJ" and last is not None:
                    last = i
            elif tok.lower_ in ("de", "du", "des", "d'", "d’") and last is not None and i + 1 < len(doc) and (
                doc[i + 1].pos_ in ("NOUN", "PROPN", "DET") or doc[i + 1].text[:1].isupper()
            ):
                pass
            elif tok.text == "," and last is not None and i + 2 < len(doc) and doc[i + 1].text[:1].isupper() and (
                doc[i + 1].pos_ == "PROPN" and (doc[i + 2].text in (",", ".", ":") or doc[i + 2].text[:1].isupper())
            ):
                pass  # an apposed name: "le ministre, Luc Perrin,"
            else:
                break
            i += 1
        if last is None:
            return None
        return doc[first].idx, doc[last].idx + len(doc[last].text)

    def _pronoun_at(self, doc, offset: int) -> tuple[int, int] | None:
        """An anaphoric pronoun at ``offset`` ("Selon lui", "ce dernier")."""
        i = doc_index(doc).first_at_or_after(offset)
        if i >= len(doc):
            return None
        two = f"{doc[i].lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
        if two in self._anaphors:
            return doc[i].idx, doc[i + 1].idx + len(doc[i + 1].text)
        if doc[i].lower_ in self._anaphors:
            return doc[i].idx, doc[i].idx + len(doc[i].text)
        return None

    # -- 1. according to ------------------------------------------------------------
    def markers(self, doc, s_start: int, s_end: int) -> list[tuple[int, int, int, bool]]:
        """(marker start, source start, source end, fronted) of the sentence's markers."""
        text = doc_index(doc).text
        out = []
        for m in self._according_re.finditer(text, s_start, s_end):
            if text[m.end():m.end() + 4].lower().startswith(tuple(self._possessive_authors)):
                out.append((m.start(), -1, -1, self._is_fronted(text, s_start, m.start())))
                continue  # "selon nos informations": the author
            span = self._pronoun_at(doc, m.end()) or self.noun_phrase(doc, m.end(), s_end)
            if span:
                out.append((m.start(), span[0], span[1], self._is_fronted(text, s_start, m.start())))
        first = self._fronted_re.match(text, s_start, s_end)
        if first and not any(mk[0] == s_start for mk in out):
            span = self.noun_phrase(doc, first.end(), s_end)
            comma = text.find(",", first.end(), s_end)
            if span and comma > 0 and self._has_name(doc, span):
                out.append((first.start(), span[0], span[1], True))
        return sorted(out)

    @staticmethod
    def _is_fronted(text: str, s_start: int, pos: int) -> bool:
        before = text[s_start:pos].rstrip(" \u00a0\u202f«\"")
        return before == "" or before[-1] in ";:("

    def _has_name(self, doc, span: tuple[int, int]) -> bool:
        index = doc_index(doc)
        return any(doc[k].pos_ == "PROPN" or doc[k].text[:1].isupper() for k in index.tokens_between(*span))

    @staticmethod
    def pick_marker(markers: list, anchor_idx: int, figure_starts: list[int]):
        """The marker of the figure at ``anchor_idx`` among the sentence's ``markers``."""
        if len(markers) == 1:
            return markers[0]
        after = [m for m in markers if m[0] > anchor_idx and not any(anchor_idx < f < m[0] for f in figure_starts)]
        if after and not after[0][3]:
            return after[0]
        before = [m for m in markers if m[0] < anchor_idx]
        fronted = [m for m in before if m[3]]
        if fronted:
            return fronted[-1]
        return (before or after or markers)[-1] if before else (after or markers)[0]

    # -- 2. speech verbs ------------------------------------------------------------
    @staticmethod
    def lemmas(tok) -> set[str]:
        """The lemma, and the -er infinitive of a present form the lemmatizer left as is
        ("estime" -> "estimer", "préviennent" keeps its lemma)."""
        out = {tok.lemma_.lower()}
        low = tok.lower_
        if tok.lemma_.lower() == low or not tok.lemma_.lower().endswith(("er", "ir", "re")):
            if low.endswith("ent"):
                out.add(low[:-2] + "r")
            elif low.endswith("e"):
                out.add(low + "r")
        return out

    def is_speech_verb(self, tok) -> bool:
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemmas = self.lemmas(tok)
        if lemmas & self._speech:
            return True
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and any((lem, nxt.lower_) in self._speech_pairs for lem in lemmas)

    def governing_speech(self, doc, anchor, s_start: int, s_end: int) -> tuple[int, int] | None:
        """The subject of the nearest reporting verb above ``anchor`` (subject before it).

        A verb of ``clause_only_speech_verbs`` counts only when the path from the figure
        reaches it through a clause ("a rappelé que 300 postes…"), not through its noun
        phrase object ("a rappelé 300 000 véhicules" is an act, not a report)."""
        below = anchor
        for tok in anchor.ancestors:
            child, below = below, tok
            if not s_start <= tok.idx < s_end:
                break
            if not self.is_speech_verb(tok):
                continue
            if self.lemmas(tok) & self._clause_only and not _is_clause(child):
                continue
            subj = next((c for c in tok.children if c.dep_ in _SUBJ and c.i < tok.i), None)
            if subj is None:
                continue
            if subj.lower_ in self._authors:
                return None
            toks = [t for t in subj.subtree if s_start <= t.idx < s_end and t.i < tok.i]
            if not toks:
                continue  # the subject lies outside the sentence (a headline joined to the next)
            start, end = min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
            if start <= anchor.idx < end:
                continue  # the figure is in the subject: "68 % d'entre eux se disent…"
            return start, end
        return None

    def incises(self, doc, s_start: int, s_end: int) -> list[tuple]:
        """The incise verbs of a sentence, read once: (verb index, reports speech, right
        after a closing quote, its subject span, "author", or None when none is found)."""
        index = doc_index(doc)
        text = index.text
        out = []
        for k in index.tokens_between(s_start, s_end):
            tok = doc[k]
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "aux:tense", "aux:pass"):
                continue
            lead = self._incise_lead(doc, tok, s_start)
            if lead is None:
                continue
            closing = text[s_start:lead].rstrip(" ,\u00a0\u202f")[-1:] in ("»", '"', "”")
            speech = self.is_speech_verb(tok)
            if speech or closing:
                out.append((tok.i, speech, closing, self._incise_subject(doc, tok, lead, s_end)))
        return out

    @staticmethod
    def incise(incises: list, anchor, after_quote: bool) -> tuple[int, int] | None | bool:
        """The subject of the first incise after ``anchor`` (False: there is none)."""
        for verb_i, speech, closing, subject in incises:
            if verb_i > anchor.i and (speech or (after_quote and closing)) and subject is not None:
                return None if subject == "author" else subject
        return False

    def _incise_subject(self, doc, tok, lead: int, s_end: int) -> tuple[int, int] | str | None:
        pron = next((doc[j] for j in range(lead_tok(doc, lead), tok.i) if doc[j].lower_.lstrip("-") in self._anaphors
                     or doc[j].lower_.lstrip("-") in self._authors), None)
        if pron is not None:
            if pron.lower_.lstrip("-") in self._authors:
                return "author"
            return pron.idx + (1 if pron.text.startswith("-") else 0), pron.idx + len(pron.text)
        j = tok.i + 1
        if j < len(doc) and any((lem, doc[j].lower_) in self._speech_pairs for lem in self.lemmas(tok)):
            j += 1  # "a fait savoir", "a fait état"
        while j < len(doc) and doc[j].idx < s_end and (doc[j].pos_ == "ADV" or doc[j].lemma_ in self.cues.weekdays):
            j += 1
        if j < len(doc) and doc[j].lower_ in ("de", "d'", "d’", "du", "des") and tok.lemma_ == "faire":
            j += 1
        if j < len(doc) and doc[j].idx < s_end:
            return self.noun_phrase(doc, doc[j].idx, s_end)
        return None

    @staticmethod
    def _incise_lead(doc, verb, s_start: int) -> int | None:
        """Offset of the comma/quote before an incise verb group, if the verb is an incise."""
        j = verb.i - 1
        while j >= 0 and doc[j].idx >= s_start and (
            doc[j].dep_.startswith(("aux", "expl")) or doc[j].lower_.lstrip("-") in ("t", "il", "elle", "ils", "elles", "on", "s'", "s’", "se")
            or doc[j].pos_ == "PRON"
        ):
            j -= 1
        if j >= 0 and doc[j].idx >= s_start and doc[j].text in (",", "»", '"', "”"):
            return doc[j].idx + len(doc[j].text)
        return None

    # -- 3. quotations --------------------------------------------------------------
    def introducer(self, doc, quote_start: int, s_start: int, names: DocNames | None = None) -> tuple[int, int] | None:
        """The subject of the clause that introduces a quotation with a colon."""
        index = doc_index(doc)
        text = index.text
        if not text[s_start:quote_start].rstrip(" \u00a0\u202f«\"").endswith(":"):
            return None
        subjects = [doc[k] for k in index.tokens_between(s_start, quote_start)
                    if doc[k].dep_ in _SUBJ and (doc[k].pos_ != "PRON" or doc[k].lower_ in self._anaphors | self._authors)]
        for subj in reversed(subjects):
            if subj.lower_ in self._authors:
                return None
            toks = [t for t in subj.subtree if s_start <= t.idx < quote_start and t.i <= subj.i + 12]
            if toks:
                return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
        names = names or DocNames(doc, [])
        found = [(a, b) for a, b, label in names.ents_starting(s_start, quote_start)
                 if label in _NAME_LABELS and b <= quote_start]
        return found[-1] if found else None  # "L'avocat, Me X, l'a rappelé : « … »"

    def after_quote(self, doc, quote_end: int, names: DocNames | None = None) -> tuple[int, int] | None:
        """A name in the incise right after a quotation, even when the sentence splitter
        cut the quotation from it ("« … ? », s'indigne X")."""
        text = doc_index(doc).text
        m = re.match(r"[»\"”\s\u00a0\u202f]*,", text[quote_end : quote_end + 8])
        if not m:
            return None
        start = quote_end + m.end()
        stop = start + 60
        dot = text.find(".", start, stop)
        stop = dot if dot >= 0 else stop
        names = names or DocNames(doc, [])
        found = [(a, b) for a, b, label in names.ents_starting(start, stop) if label in _NAME_LABELS]
        return found[0] if found else None

    # -- coreference ----------------------------------------------------------------
    def needs_antecedent(self, doc, span: tuple[int, int]) -> bool:
        """A pronoun or a singular definite description without a name."""
        index = doc_index(doc)
        first = max(0, index.token_index_at(span[0]))
        toks = [doc[k] for k in range(first, max(first + 1, index.first_at_or_after(span[1])))]
        words = " ".join(t.lower_.lstrip("-") for t in toks)
        if words in self._anaphors:
            return True
        if toks[0].lower_ not in ("le", "la", "l'", "l’", "ce", "cette") or len(toks) > 3:
            return False
        nouns = [t for t in toks[1:] if t.pos_ in ("NOUN", "PROPN")]
        return bool(nouns) and all(t.pos_ == "NOUN" and t.text.islower() for t in nouns) and not any(
            t.lemma_.lower() in self._self_naming or t.lower_ in self._self_naming for t in nouns)

    def antecedent(self, doc, before: int, sentences: list, si: int, person_first: bool,
                   mentions: list[dict], names: DocNames | None = None) -> tuple[int, int] | None:
        """The last named speaker before ``before``: this sentence, then up to three back
        (``names``: the :class:`DocNames` of ``doc`` and ``mentions``, built once per Doc)."""
        names_ = names or DocNames(doc, mentions)
        names, starts = names_.speakers, names_.speaker_starts
        for j in range(si, max(-1, si - 4), -1):
            s_start, s_end = sentences[j][0], sentences[j][1]
            near = names[bisect.bisect_left(starts, s_start) : bisect.bisect_left(starts, min(s_end, before))]
            cands = [(a, b, lab) for a, b, lab in near if b <= min(s_end, before)
                     and lab in _NAME_LABELS and self._in_subject_or_marked(doc, a, b, s_start)]
            if person_first and any(lab == "PER" for *_, lab in cands):
                cands = [c for c in cands if c[2] == "PER"]
            if cands:
                return cands[-1][0], cands[-1][1]
        return None

    def _in_subject_or_marked(self, doc, start: int, end: int, s_start: int) -> bool:
        tok = doc[max(0, doc_index(doc).token_index_at(start))]
        for _ in range(6):
            if tok.dep_ in _SUBJ:
                return True
            if tok.dep_ not in ("flat:name", "appos", "conj", "nmod", "amod", "det", "case", "compound", "fixed", "flat") or tok.head is tok:
                break
            tok = tok.head
        text = doc_index(doc).text
        return self._according_re.search(text, max(s_start, start - 60), start) is not None


def _is_clause(tok) -> bool:
    """Whether ``tok`` heads a clause under its verb: a complement clause, an infinitive,
    a parataxis, or a head with a subordinator ("que") or a copula ("que 700 agents
    étaient en grève", headed by the noun)."""
    if tok.dep_ in ("ccomp", "xcomp", "parataxis", "csubj"):
        return True
    return any(c.dep_ in ("mark", "cop") for c in tok.children)


def lead_tok(doc, offset: int) -> int:
    """Index of the first token at or after ``offset``."""
    return doc_index(doc).first_at_or_after(offset)


__all__ = ["DocNames", "SourceFinder", "SourceFound"]
