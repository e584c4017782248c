"""Find the events of a parsed text: the predicates that a DATE/TIME timex locates in time.

For each datable timex, from its head token to its governor in the dependency parse:

- the governor is a verb ("Mercredi 12 février, Trump s'est entretenu avec Poutine" ->
  "s'est entretenu") or an event noun of the lexicon ("le sommet du 15 août");
- a light verb hands over to its event-noun subject or object ("un sommet a été
  organisé pour le 15 août" -> "sommet"; "continuent les attaques ... dans la nuit du
  19 au 20 septembre" -> "attaques");
- a modal verb hands over to its infinitive and gives the modality ("pourrait attaquer");
- a timex right after an event noun dates that noun even when the parser attaches it
  higher ("l'invasion russe en 2022");
- a non-event noun stops the search: "les frontières de 2014" dates a state, not an event.

Then the actors (entities in the subject, agent, "avec"/"entre" complements), the named
place (a LOC entity introduced by à/en/dans...), the claims of the clause, and the
modality: negated ("ne ... pas", a denial verb), question, conditional mood (except the
"futur du passé" under a past reporting verb), planned (future tense, intention verb,
or a date after publication), hedged, reported ("selon", a reporting verb), asserted.

Tokens are duck-typed spaCy tokens; this module does not import spaCy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from claimline.calendar import is_datable, width
from claimline.doc import DocSentence, doc_index, layer, published, section_at
from claimline.doc import sentences as doc_sentences
from claimline.events.lexicon import EventLexicon
from claimline.layout.regions import locate

PREDICATE_POS = frozenset({"VERB"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
AUX_DEPS = frozenset({"aux", "aux:pass", "aux:tense", "aux:caus", "expl:comp", "expl:pv", "expl:pass", "expl"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "acl", "parataxis", "xcomp", "csubj"})
COMITATIVE = frozenset({"avec", "entre"})
NOUN_AGENT_CASES = frozenset({"de", "d'", "du", "des", "entre", "par", "avec"})
PLACE_CASES = frozenset({"à", "a", "en", "dans", "au", "aux", "sur", "près", "vers"})
NEGATIVE_PRONOUNS = frozenset({"aucun", "aucune", "rien", "personne", "nul", "nulle"})
MAX_CLIMB = 3
NOUN_WINDOW = 3  # tokens between an event noun and the timex it precedes ("invasion russe en 2022")


@dataclass(frozen=True)
class Predicate:
    """What a timex dates: the trigger's head token and the clause head that carries it."""

    head: Any  # the trigger token (verb or event noun)
    clause: Any  # the token whose clause holds the event (the light/modal verb if any)
    modal: str | None = None  # modality given by a governing modal verb


class EventFinder:
    """Events of one parsed Doc from its timexes, mentions and claims (dicts).

    ``sections``: the section kinds whose timexes are read (readers' comments are not
    reports: add "comments" to date them too).

    >>> finder = EventFinder(load_lexicon())  # doctest: +SKIP
    >>> finder(doc)  # doctest: +SKIP
    [{'id': 'ev1', 'trigger': {'start': 21, 'end': 47}, 'lemma': 'entretenir', ...}]
    """

    def __init__(self, lexicon: EventLexicon, *, sections: Sequence[str] = ("title", "body")) -> None:
        self.lex = lexicon
        self.sections = frozenset(sections)

    # -- entry point ------------------------------------------------------------
    def __call__(self, doc) -> list[dict[str, Any]]:
        timexes = [t for t in layer(doc, "timexes") if is_datable(t)]
        if not timexes:
            return []
        ctx = _DocContext(doc)
        chosen: dict[int, tuple[Predicate, dict]] = {}
        for timex in timexes:
            if ctx.section_of(timex["span"]["start"]) not in self.sections:
                continue
            pred = self.predicate_of(ctx, timex)
            if pred is None:
                continue
            for p in (pred, *self._coordinated(ctx, pred, timexes)):
                best = chosen.get(p.head.i)
                if best is None or _preference(timex) < _preference(best[1]):
                    chosen[p.head.i] = (p, timex)
        events = [self._event(ctx, pred, timex) for pred, timex in chosen.values()]
        events.sort(key=lambda e: e["trigger"]["start"])
        for n, event in enumerate(events, 1):
            event["id"] = f"ev{n}"
        return events

    # -- trigger ----------------------------------------------------------------
    def predicate_of(self, ctx: _DocContext, timex: dict) -> Predicate | None:
        """The predicate the timex dates, or None when it dates no event."""
        root = ctx.span_root(timex["span"]["start"], timex["span"]["end"])
        if root is None:
            return None
        noun = self._preceding_event_noun(ctx, root, timex["span"]["start"])
        if noun is not None:
            return Predicate(noun, self._clause_of_noun(ctx, noun))
        tok = root
        for _ in range(MAX_CLIMB):
            gov = tok.head
            if gov == tok or not ctx.same_sentence(gov, root):
                # the parse attaches the date across a sentence boundary: use the
                # sentence's own top predicate nearest to it
                return self._local_predicate(ctx, root)
            if self._is_event_noun(gov):
                return Predicate(gov, self._clause_of_noun(ctx, gov))
            if self._is_predicate(gov):
                return self._from_verb(gov)
            if gov.pos_ in ("NOUN", "PROPN", "PRON"):
                return None  # "les frontières de 2014": a thing, not an event
            tok = gov
        return None

    def _local_predicate(self, ctx: _DocContext, root) -> Predicate | None:
        """The top verb or event noun of ``root``'s sentence nearest to it, if any."""
        tops = [
            t for t in ctx.sentence_tokens(root)
            if (t.head == t or not ctx.same_sentence(t.head, t)) and t != root
            and (self._is_predicate(t) or self._is_event_noun(t))
        ]
        if not tops:
            return None
        top = min(tops, key=lambda t: abs(t.i - root.i))
        return self._from_verb(top) if self._is_predicate(top) else Predicate(top, top)

    def _from_verb(self, verb) -> Predicate | None:
        lemma = verb.lemma_.casefold()
        if lemma in self.lex.light_verb_lemmas:
            noun = next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "obj") and self._is_event_noun(c)),
                None,
            )
            if noun is not None:
                return Predicate(noun, verb)
        if lemma in self.lex.modal_of:
            inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if inf is None:
                return None
            return Predicate(inf, inf, modal=self.lex.modal_of[lemma])
        if lemma in self.lex.stative_lemmas:
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in self.lex.modal_of:
            return Predicate(verb, verb, modal=self.lex.modal_of[verb.head.lemma_.casefold()])
        return Predicate(verb, verb)

    def _clause_of_noun(self, ctx: _DocContext, noun):
        """The verb whose clause a dated event noun sits in (the noun itself if none)."""
        head = noun.head
        if (
            head != noun
            and ctx.same_sentence(head, noun)
            and self._is_predicate(head)
            and noun.dep_ in ("nsubj", "nsubj:pass", "obj")
        ):
            return head
        return noun

    def _preceding_event_noun(self, ctx: _DocContext, root, start: int):
        """An event noun just before the timex ("l'invasion russe en 2022")."""
        i = ctx.token_at(start)
        if i is None:
            return None
        doc = ctx.doc
        for j in range(i - 1, max(i - 1 - NOUN_WINDOW, -1), -1):
            tok = doc[j]
            if not ctx.same_sentence(tok, root):
                return None
            if self._is_event_noun(tok):
                return tok
            if tok.pos_ not in ("ADJ", "ADP", "DET", "PROPN"):  # "sa visite à Londres le 18 septembre"
                return None
        return None

    def _is_event_noun(self, tok) -> bool:
        return tok.pos_ == "NOUN" and tok.lemma_.casefold() in self.lex.event_noun_lemmas

    @staticmethod
    def _is_predicate(tok) -> bool:
        if tok.pos_ in PREDICATE_POS:
            return True
        return tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm")

    def _coordinated(self, ctx: _DocContext, pred: Predicate, timexes: list[dict]) -> Iterable[Predicate]:
        """Verbs coordinated with a dated verb share its date unless they have their own."""
        if pred.head.pos_ != "VERB":
            return
        own = {ctx.span_root(t["span"]["start"], t["span"]["end"]) for t in timexes}
        for conj in pred.head.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and conj.lemma_.casefold() not in self.lex.modal_of
                and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)  # shares the subject
                and not any(o is not None and o.head == conj for o in own)
            ):
                yield Predicate(conj, conj, modal=pred.modal)

    # -- the event record ---------------------------------------------------------
    def _event(self, ctx: _DocContext, pred: Predicate, timex: dict) -> dict[str, Any]:
        clause = _clause_tokens(pred.clause)
        start, end = _trigger_extent(pred.head)
        modality, polarity = self.modality(ctx, pred, clause, timex)
        return {
            "id": "",
            "trigger": {"start": start, "end": end},
            "lemma": pred.head.lemma_.casefold(),
            "timex_id": timex["id"],
            "value": timex.get("value"),
            "earliest": timex.get("earliest"),
            "latest": timex.get("latest"),
            "granularity": timex.get("granularity"),
            "actors": self.actors(ctx, pred),
            "location": self.location(ctx, clause),
            "claims": ctx.claims_in(clause),
            "section": ctx.section_of(start),
            "modality": modality,
            "polarity": polarity,
        }

    def actors(self, ctx: _DocContext, pred: Predicate) -> list[str]:
        """Entity ids of the subject / agents (and "avec"/"entre" partners), in text order."""
        roles = []
        for head in dict.fromkeys([pred.clause, pred.head]):
            children = [c for c in head.children if c != pred.head]
            has_agent = any(c.dep_ == "obl:agent" and _case_of(c) == "par" for c in children)
            for c in children:
                case = _case_of(c)
                if (
                    c.dep_ == "nsubj"
                    or (c.dep_ == "obl:agent" and case == "par")
                    or (c.dep_ == "nsubj:pass" and not has_agent)
                    or case in COMITATIVE
                    or (head.pos_ == "NOUN" and c.dep_ == "nmod" and case in NOUN_AGENT_CASES)
                ):
                    roles.append(c)
        ids: list[str] = []
        for role in sorted(roles, key=lambda t: t.i):
            tokens = [t for t in role.subtree if not _is_place(t, ctx)]
            for eid in ctx.entities_on(tokens, head=role):
                if eid not in ids:
                    ids.append(eid)
        return ids

    def location(self, ctx: _DocContext, clause: list) -> str | None:
        """The entity id of the first named place of the clause ("à Anchorage")."""
        for tok in clause:
            if _is_place(tok, ctx):
                return ctx.mention_at(tok)["entity_id"]
        return None

    def modality(self, ctx: _DocContext, pred: Predicate, clause: list, timex: dict) -> tuple[str, str]:
        """(modality, polarity) of the event (see the module docstring)."""
        verb = pred.clause if pred.clause.pos_ != "NOUN" else None
        lex = self.lex
        chain = [t for t in (verb, pred.head) if t is not None]
        children = [c for t in chain for c in t.children]
        governor = chain[0].head if chain and chain[0].dep_ in ("ccomp", "xcomp") else None
        has_ne = any(_is_ne(c) for c in children)
        negation = any(c.lemma_.casefold() in lex.negation_lemmas for c in children) or any(
            t.lower_ in NEGATIVE_PRONOUNS for t in clause
        )
        if (has_ne and negation) or (governor is not None and governor.lemma_.casefold() in lex.denial_lemmas):
            return "negated", "negative"
        if ctx.sentence_text(pred.head).rstrip().endswith("?"):
            return "question", "positive"
        reported_by = governor is not None and governor.lemma_.casefold() in lex.reporting_lemmas
        moods = {m for t in [*chain, *(c for c in children if c.dep_.startswith("aux"))] for m in t.morph.get("Mood")}
        if "Cnd" in moods and not (reported_by and _is_past(governor)):
            return "conditional", "positive"
        future = verb is not None and "Fut" in _tenses(verb)
        if pred.modal == "planned" or (future and not reported_by) or _after(timex, ctx.published):
            return "planned", "positive"
        text = ctx.text_of(clause).casefold()
        if pred.modal == "hedged" or any(h in text for h in lex.hedge_phrases):
            return "hedged", "positive"
        if reported_by or any(c.replace("’", "'") in text for c in lex.according_to_cues):
            return "reported", "positive"
        return "asserted", "positive"


# -- helpers over one Doc ------------------------------------------------------------


class _DocContext:
    """Offsets, sentences, sections, mentions and claims of one Doc."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.sentences = doc_sentences(doc) or [DocSentence(0, 0, len(doc.text))]
        self._index = doc_index(doc)
        self._text = self._index.text
        self.published = published(doc)
        self.mentions = sorted(layer(doc, "mentions"), key=lambda m: m["span"]["start"])
        self.claims = list(layer(doc, "claims"))

    def token_at(self, offset: int) -> int | None:
        i = self._index.token_index_at(offset)
        return i if i >= 0 else None

    def span_root(self, start: int, end: int):
        """The token of [start, end) whose head lies outside it (the span's syntactic head)."""
        first, last = self.token_at(start), self.token_at(max(start, end - 1))
        if first is None or last is None:
            return None
        tokens = [self.doc[i] for i in range(first, last + 1)]
        inside = {t.i for t in tokens}
        return next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[0])

    def sentence_index(self, offset: int) -> int:
        return max(locate(self.sentences, offset), 0)

    def same_sentence(self, a, b) -> bool:
        return self.sentence_index(a.idx) == self.sentence_index(b.idx)

    def sentence_tokens(self, tok) -> list:
        sentence = self.sentences[self.sentence_index(tok.idx)]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        return list(span) if span is not None else [tok]

    def sentence_text(self, tok) -> str:
        sentence = self.sentences[self.sentence_index(tok.idx)]
        return self._text[sentence.start : sentence.end]

    def section_of(self, offset: int) -> str:
        return section_at(self.doc, offset)

    def text_of(self, tokens: list) -> str:
        if not tokens:
            return ""
        return self._text[min(t.idx for t in tokens) : max(t.idx + len(t) for t in tokens)]

    def mention_at(self, tok) -> dict | None:
        for m in self.mentions:
            if m["span"]["start"] <= tok.idx < m["span"]["end"]:
                return m
            if m["span"]["start"] > tok.idx:
                break
        return None

    def entities_on(self, tokens: list, *, head) -> list[str]:
        """Entity ids of the mentions on ``tokens`` (not inside clauses nested under ``head``)."""
        skip: set[int] = set()
        for t in tokens:
            if t != head and t.dep_ in CLAUSE_DEPS:
                skip.update(s.i for s in t.subtree)
        ids: list[str] = []
        for t in tokens:
            if t.i in skip:
                continue
            m = self.mention_at(t)
            if m is not None and m["entity_id"] not in ids:
                ids.append(m["entity_id"])
        return ids

    def claims_in(self, clause: list) -> list[str]:
        """Ids of the claims that share a token with the clause."""
        spans = [(t.idx, t.idx + len(t)) for t in clause]
        return [
            c["id"]
            for c in self.claims
            if any(s < c["span"]["end"] and c["span"]["start"] < e for s, e in spans)
        ]


def _clause_tokens(head) -> list:
    """The tokens of ``head``'s clause: its subtree minus nested clauses and coordinated verbs."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _trigger_extent(head) -> tuple[int, int]:
    """Character extent of the verb group or of the event noun.

    The verb group runs left from the verb over its own auxiliaries, clitics, "ne" and
    adverbs ("ne s'est pas entretenu", "s'est longuement entretenu"), as long as the first
    of them is an auxiliary, a clitic or "ne".
    """
    start = head.idx
    if head.pos_ != "NOUN":
        group = [head]
        for j in range(head.i - 1, -1, -1):
            tok = head.doc[j]
            if tok.head != head or not (tok.dep_ in AUX_DEPS or _is_ne(tok) or tok.dep_ == "advmod"):
                break
            group.append(tok)
        while len(group) > 1 and group[-1].dep_ == "advmod" and not _is_ne(group[-1]):
            group.pop()  # an adverb alone before the verb group is not part of it
        start = group[-1].idx
    return start, head.idx + len(head.text)


def _is_ne(tok) -> bool:
    """The first part of a negation ("ne", "n'")."""
    return tok.lower_ in ("ne", "n'") or "Neg" in tok.morph.get("Polarity")


def _case_of(tok) -> str | None:
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    return case.lower_ if case is not None else None


def _is_place(tok, ctx: _DocContext) -> bool:
    m = ctx.mention_at(tok)
    if m is None or m.get("label") != "LOC" or m["span"]["start"] != tok.idx:
        return False
    # the case marker hangs on the mention's head ("à Anchorage", "en Alaska"), or on the
    # noun it completes ("dans l'espace aérien de l'Estonie")
    if _case_of(tok) in PLACE_CASES or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in PLACE_CASES):
        return True
    return tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and _case_of(tok.head) in PLACE_CASES


def _tenses(tok) -> set[str]:
    """Tense features of a verb and its auxiliaries ("a indiqué": Pres + Past)."""
    aux = {m for c in tok.children if c.dep_.startswith("aux") for m in c.morph.get("Tense")}
    return set(tok.morph.get("Tense")) | aux


def _is_past(tok) -> bool:
    return bool({"Past", "Imp"} & _tenses(tok))


def _after(timex: dict, published: dt.date | None) -> bool:
    earliest = timex.get("earliest")
    if not earliest or published is None:
        return False
    return dt.date.fromisoformat(str(earliest)) > published


def _preference(timex: dict) -> tuple:
    """Which of two timexes dating one predicate to keep: the narrowest, explicit first."""
    bounds = [dt.date.fromisoformat(str(timex[k])) if timex.get(k) else None for k in ("earliest", "latest")]
    return (width(*bounds), timex.get("anchor") == "previous", timex["span"]["start"])


__all__ = ["EventFinder", "Predicate"]
