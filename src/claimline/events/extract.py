"""Find the events of a parsed text: the predicates that a DATE/TIME timex locates in time.

For each timex that dates (not a bound, a deadline, a comparison or one end of a range:
see :mod:`claimline.events.anchors`), from its head token up the dependency parse:

- the governor is a verb ("Mercredi 12 février, Trump s'est entretenu avec Poutine" ->
  "entretenu") or an event noun of the lexicon ("le sommet du 15 août", "l'investiture du
  président, le 20 janvier": a date in apposition);
- a noun that is not an event is crossed when the timex is not its "de" complement (the
  parser often hangs "en mai" on the amount: "a atteint 2,6 % en mai" -> "atteint"), and
  stops the search otherwise: "les frontières de 2014" dates a state;
- a light verb hands over to its event-noun subject or object ("un sommet a été organisé
  pour le 15 août" -> "sommet"), and a planning participle to the event noun it modifies
  ("la rencontre prévue fin février" -> "rencontre");
- a modal verb hands over to its infinitive and gives the modality ("pourrait attaquer");
- relative and participial clauses are predicates of their own ("le retrait prenant
  effet le 22 novembre" -> "prenant"), each taking the timex of its own clause;
- verbs coordinated with a dated verb share its date unless they have a timex of their
  own ("signé en 1992 et entré en vigueur en 2002": each its own).

The trigger is the head word (the participle of a compound tense: "entretenu"); the
``label`` says who did what ("Trump — s'est entretenu — avec Poutine"). Actors, place,
claims and modality: :mod:`claimline.events.describe`.

Tokens are duck-typed spaCy tokens; this module does not import spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimline.calendar import is_datable
from claimline.doc import layer
from claimline.events import describe
from claimline.events.anchors import Anchor, anchors_of, event_bounds, preference
from claimline.events.context import DocContext, case_of, nearest
from claimline.events.lexicon import EventLexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
GENITIVE = frozenset({"de", "d'", "d’", "du", "des", "pour"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "SYM"})
MAX_CLIMB = 4
_PARTICIPLE = re.compile(r"^(\w{2,})é(?:e|s|es)?$")
NOUN_WINDOW = 5  # tokens between an event noun and the timex it precedes ("invasion russe en 2022")


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
    [{'id': 'ev1', 'trigger': {'start': 27, 'end': 36}, 'lemma': 'entretenir', 'label': ...}]
    """

    def __init__(self, lexicon: EventLexicon, *, sections: tuple[str, ...] | list[str] = ("title", "body")) -> None:
        self.lex = lexicon
        self.sections = frozenset(sections)

    # -- entry point ------------------------------------------------------------
    def __call__(self, doc) -> list[dict[str, Any]]:
        timexes = [t for t in layer(doc, "timexes") if is_datable(t)]
        if not timexes:
            return []
        ctx = DocContext(doc)
        found = [(self.predicate_of(ctx, a), a) for a in anchors_of(ctx, self.lex, timexes, self.sections)]
        found = [(p, a) for p, a in found if p is not None]
        own = {p.head.i for p, _ in found}  # predicates with a timex of their own clause
        chosen: dict[int, tuple[Predicate, Anchor]] = {}
        for pred, anchor in found:
            if not anchor.dates:
                continue
            for p in (pred, *self._coordinated(pred, anchor, own)):
                best = chosen.get(p.head.i)
                if best is None or preference(anchor.timex) < preference(best[1].timex):
                    chosen[p.head.i] = (p, anchor)
        events = [self._event(ctx, pred, anchor.timex) for pred, anchor in chosen.values()]
        events.sort(key=lambda e: e["trigger"]["start"])
        for n, event in enumerate(events, 1):
            event["id"] = f"ev{n}"
        return events

    # -- trigger ----------------------------------------------------------------
    def predicate_of(self, ctx: DocContext, anchor: Anchor) -> Predicate | None:
        """The predicate the timex dates, or None when it dates no event."""
        root = anchor.root
        tops = ctx.sentence_tops(root, self._is_top)
        if tops is not None and not tops.any_kept:
            return None  # no verb or event noun in the sentence (a list of dates): nothing to date
        noun = self._preceding_event_noun(ctx, root, anchor.start)
        tok, anchoring = root, set()
        for _ in range(MAX_CLIMB):
            gov = tok.head
            if gov == tok or not ctx.same_sentence(gov, root):
                # the parse attaches the date across a sentence boundary: use the
                # sentence's own top predicate nearest to it
                return self._noun(noun) if noun is not None else self._local_predicate(ctx, root, anchoring)
            if self._anchors_the_timex(ctx, gov, anchor):
                anchoring.add(gov.i)  # "deux jours après sa finale": the anchor, not the event dated
                tok = gov
                continue
            if self._is_event_noun(gov):
                return self._dated_noun(gov)
            if self._is_predicate(gov):
                if noun is not None and (noun.head != gov or case_of(noun) == "depuis"):
                    return self._dated_noun(noun)  # "changé depuis les négociations d'Istanbul en 2022"
                return self._from_verb(gov)
            if gov.pos_ in NOMINAL and tok == root and case_of(root) in GENITIVE:
                return self._dated_noun(noun) if noun is not None else None  # "les frontières de 2014"
            tok = gov
        return self._dated_noun(noun) if noun is not None else None

    def _dated_noun(self, noun) -> Predicate | None:
        """An event noun the timex reaches, or the verb whose object it is ("a présenté sa
        démission mardi" -> "présenté"; "promet l'ouverture vendredi" keeps "ouverture")."""
        verb = noun.head
        if (
            noun.dep_ in ("obj", "obl:agent")
            and verb != noun
            and self._is_predicate(verb)
            and verb.lemma_.casefold() not in self.lex.light_verb_lemmas
        ):
            return self._from_verb(verb)
        return self._noun(noun)

    def _noun(self, noun) -> Predicate:
        return Predicate(noun, self._clause_of_noun(noun))

    def _anchors_the_timex(self, ctx: DocContext, gov, anchor: Anchor) -> bool:
        """Whether ``gov``, after the timex, is the event a relative timex counts from
        ("deux jours après sa finale", "six mois après avoir démissionné")."""
        if gov.idx < anchor.timex["span"]["end"]:
            return False
        if self._is_event_noun(gov):
            return True
        span = range(anchor.start, anchor.timex["span"]["end"])
        return self._is_predicate(gov) and any(
            c.dep_ in ("mark", "case") and c.idx in span and c.lower_ in ("après", "avant") for c in gov.children
        )

    def _local_predicate(self, ctx: DocContext, root, skip: set[int] = frozenset()) -> Predicate | None:
        """The top verb or event noun of ``root``'s sentence nearest to it, if any (the
        sentence's tops are listed once per sentence: :meth:`DocContext.sentence_tops`)."""
        tops = ctx.sentence_tops(root, self._is_top)
        if tops is None:
            return None
        top = nearest(tops.tokens, tops.indices, root.i, {root.i, *skip})
        if top is None:
            return None
        return self._from_verb(top) if self._is_predicate(top) else Predicate(top, top)

    def _is_top(self, tok) -> bool:
        """A token that can be a sentence's top predicate: a verb or an event noun."""
        return self._is_predicate(tok) or self._is_event_noun(tok)

    def _from_verb(self, verb) -> Predicate | None:
        lemma = verb.lemma_.casefold()
        lex = self.lex
        if lemma in lex.light_verb_lemmas or (verb.dep_ == "acl" and lemma in lex.planning_lemmas):
            noun = next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "obj") and self._is_event_noun(c)),
                None,
            )
            if noun is None and verb.dep_ == "acl" and lemma in lex.planning_lemmas and self._is_event_noun(verb.head):
                noun = verb.head  # "la rencontre prévue fin février"
            if noun is not None:
                return Predicate(noun, verb)
        if lemma in lex.modal_of:
            inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if inf is None:
                return None
            return Predicate(inf, inf, modal=lex.modal_of[lemma])
        if lemma in lex.stative_lemmas:
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in lex.modal_of:
            return Predicate(verb, verb, modal=lex.modal_of[verb.head.lemma_.casefold()])
        return Predicate(verb, verb)

    def _clause_of_noun(self, noun):
        """The verb whose clause a dated event noun sits in (the noun itself if none)."""
        head = noun.head
        if head != noun and self._is_predicate(head) and noun.dep_ in ("nsubj", "nsubj:pass", "obj"):
            return head
        return noun

    def _preceding_event_noun(self, ctx: DocContext, root, start: int):
        """An event noun just before the timex, whose phrase runs up to it ("l'invasion
        russe en 2022", "la création du club, en 1897")."""
        i = ctx.token_at(start)
        if i is None:
            return None
        doc = ctx.doc
        between = []
        for j in range(i - 1, max(i - 1 - NOUN_WINDOW, -1), -1):
            tok = doc[j]
            if not ctx.same_sentence(tok, root):
                return None
            if self._is_event_noun(tok):
                inside = {t.i for t in tok.subtree}
                # the words in between complete the noun ("du parti"), not another phrase
                if all(b.i in inside or b.is_punct or b.dep_ == "case" for b in between):
                    return tok
                return None
            if tok.pos_ not in ("ADJ", "ADP", "DET", "PROPN", "NOUN") and tok.text != ",":
                return None
            between.append(tok)
        return None

    def _is_event_noun(self, tok) -> bool:
        return tok.pos_ == "NOUN" and tok.lemma_.casefold() in self.lex.event_noun_lemmas

    @staticmethod
    def _is_predicate(tok) -> bool:
        if tok.pos_ == "VERB":
            return True
        if tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm"):
            return True
        return _participle_lemma(tok) is not None

    def _coordinated(self, pred: Predicate, anchor: Anchor, own: set[int]):
        """Verbs coordinated with a dated verb share its date unless they have their own."""
        if pred.head.pos_ != "VERB":
            return
        for conj in pred.head.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and conj.lemma_.casefold() not in self.lex.modal_of
                and conj.lemma_.casefold() not in self.lex.stative_lemmas
                and conj.i not in own
                and (not any(c.dep_ in SUBJECT_DEPS for c in conj.children) or anchor.root.i < pred.head.i)
            ):
                yield Predicate(conj, conj, modal=pred.modal)

    # -- the event record ---------------------------------------------------------
    def _event(self, ctx: DocContext, pred: Predicate, timex: dict) -> dict[str, Any]:
        head = pred.head
        start, end = head.idx, head.idx + len(head.text)
        modality, polarity = describe.modality(ctx, self.lex, pred, timex)
        earliest, latest, granularity = event_bounds(timex)
        return {
            "id": "",
            "trigger": {"start": start, "end": end},
            "lemma": _participle_lemma(head) or head.lemma_.casefold(),
            "label": describe.label(ctx, pred),
            "timex_id": timex["id"],
            "value": timex.get("value"),
            "earliest": earliest,
            "latest": latest,
            "granularity": granularity,
            "actors": describe.actors(ctx, pred),
            "location": describe.location(ctx, pred, self.lex),
            "claims": ctx.claims_in(ctx.clause(pred.clause)),
            "section": ctx.section_of(start),
            "modality": modality,
            "polarity": polarity,
        }


def _participle_lemma(tok) -> str | None:
    """The infinitive of a participle the tagger took for a noun at the head of a
    participial clause ("Nommé le 5 septembre, X ..." -> "nommer") or for an adjective
    after its auxiliary ("Washington a gelé" -> "geler"), else None."""
    fronted = tok.pos_ == "NOUN" and tok.dep_ in ("advcl", "acl", "ROOT") and tok.text[:1].isupper()
    with_aux = tok.pos_ == "ADJ" and any(c.dep_ == "aux:tense" for c in tok.children)  # "a gelé" tagged ADJ
    if not (fronted or with_aux):
        return None
    m = _PARTICIPLE.match(tok.text.casefold())
    return m[1] + "er" if m else None


__all__ = ["EventFinder", "Predicate"]
