"""What an event record says besides its trigger and date: actors, place, modality, label.

- actors: the entities of the subject (coordinated names included: "Trump et Poutine se
  sont rencontrés"), of an inverted subject (after the verb, which the parser labels
  ``obj`` when the verb has no other subject: "a déclaré mardi le ministre"), of the
  agent ("par ...") and of the "avec"/"entre" partners; for an event noun its "de"/"par"
  complements; for a relative or participial clause the noun it modifies;
- location: a named place (LOC) that is a place complement of the predicate ("à
  Anchorage", "dans la région de Valence"), never a place inside the object ("les
  livraisons à la défense de l'Ukraine");
- modality: negated, question, conditional, planned (future, intention verb, or a date
  after a *given* publication date: an inferred one is a guess), hedged, reported,
  asserted;
- label: "who – what – object" ("Trump – a annoncé – reprise des livraisons"), a short
  fragment for timelines.
"""

from __future__ import annotations

import datetime as dt

from claimline.events.context import (
    CLAUSE_DEPS,
    DocContext,
    case_of,
    clause_tokens,
    is_ne,
    is_past,
    tenses,
)
from claimline.events.lexicon import EventLexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "aux:caus", "expl:comp", "expl:pv", "expl:pass", "expl"})
COMITATIVE = frozenset({"avec", "entre"})
NOUN_AGENT_CASES = frozenset({"de", "d'", "d’", "du", "des", "entre", "par", "avec"})
PLACE_CASES = frozenset({"à", "a", "en", "dans", "au", "aux", "sur", "près", "vers", "depuis"})
PLACE_DEPS = frozenset({"obl", "obl:mod", "obl:arg", "advmod", "nmod"})
NEGATIVE_PRONOUNS = frozenset({"aucun", "aucune", "rien", "personne", "nul", "nulle"})
ACTOR_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
LABEL_WORDS = 6  # at most this many words of the subject and of the object in a label


def subjects_of(pred) -> list:
    """The subject tokens of a predicate: its own (all of them: the parser sometimes
    splits "Trump et Poutine" into two subjects), the ones of the verb it is coordinated
    with, the noun a relative/participial clause modifies, or an inverted subject."""
    head = pred.clause
    for tok in (head, head.head if head.dep_ == "conj" else None):
        if tok is None:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") and c != pred.head]
        if subjects:
            if subjects[0].lower_ in ("qui", "qu'", "qu’", "que") and tok.dep_ == "acl:relcl":
                return [tok.head]
            return subjects
    if head.dep_ in ("acl", "acl:relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        return [head.head]
    if head.pos_ == "VERB" and head.dep_ != "conj":
        # an inverted subject, which the parser labels obj: "a déclaré mardi le ministre"
        return [c for c in head.children if c.dep_ == "obj" and c.i > head.i and c.pos_ == "PROPN"][:1]
    return []


def subject_of(pred):
    subjects = subjects_of(pred)
    return subjects[0] if subjects else None


def actors(ctx: DocContext, pred) -> list[str]:
    """Entity ids of the subject / agents / partners, in text order (see the module docstring)."""
    roles = list(subjects_of(pred))
    for head in dict.fromkeys([pred.clause, pred.head]):
        children = [c for c in head.children if c != pred.head]
        for c in children:
            case = case_of(c)
            if (
                (c.dep_ == "obl:agent" and case == "par")
                or case in COMITATIVE
                or (head.pos_ == "NOUN" and c.dep_ == "nmod" and case in NOUN_AGENT_CASES)
            ):
                roles.append(c)
    ids: list[str] = []
    for role in sorted(dict.fromkeys(roles), key=lambda t: t.i):
        tokens = [t for t in role.subtree if not is_place(ctx, t)] if role.dep_ != "nsubj" else list(role.subtree)
        for eid in ctx.entities_on(tokens, head=role):
            if eid not in ids:
                ids.append(eid)
    return ids


def is_place(ctx: DocContext, tok, lex: EventLexicon | None = None) -> bool:
    """Whether ``tok`` starts a LOC mention introduced as a place ("à Anchorage")."""
    m = ctx.mention_at(tok)
    if m is None or m.get("label") != "LOC" or m["span"]["start"] != tok.idx:
        return False
    if case_of(tok) in PLACE_CASES or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in PLACE_CASES):
        return True
    # "dans l'espace aérien de l'Estonie": the case hangs on a place noun
    head = tok.head
    return (
        tok.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and case_of(head) in PLACE_CASES
        and (lex is None or head.lemma_.casefold() in lex.place_noun_lemmas)
    )


def location(ctx: DocContext, pred, lex: EventLexicon) -> str | None:
    """The first named place that is a place complement of the predicate's clause."""
    heads = {pred.clause.i, pred.head.i}
    for tok in clause_tokens(pred.clause):
        if not is_place(ctx, tok, lex):
            continue
        attach = tok if case_of(tok) in PLACE_CASES or tok.dep_ != "nmod" else tok.head
        if attach.head.i in heads and attach.dep_ in PLACE_DEPS:
            return ctx.mention_at(tok)["entity_id"]
    return None


def modality(ctx: DocContext, lex: EventLexicon, pred, timex: dict) -> tuple[str, str]:
    """(modality, polarity) of the event (see the module docstring)."""
    clause = clause_tokens(pred.clause)
    verb = pred.clause if pred.clause.pos_ != "NOUN" else None
    chain = [t for t in (verb, pred.head) if t is not None]
    children = [c for t in chain for c in t.children]
    governor = chain[0].head if chain and chain[0].dep_ in ("ccomp", "xcomp") else None
    has_ne = any(is_ne(c) for c in children)
    negation = any(c.lemma_.casefold() in lex.negation_lemmas for c in children) or any(
        t.lower_ in NEGATIVE_PRONOUNS for t in clause
    )
    if (has_ne and negation) or (governor is not None and governor.lemma_.casefold() in lex.denial_lemmas):
        return "negated", "negative"
    if ctx.sentence_text(pred.head).rstrip().endswith("?"):
        return "question", "positive"
    reported_by = governor is not None and governor.lemma_.casefold() in lex.reporting_lemmas
    moods = {m for t in [*chain, *(c for c in children if c.dep_.startswith("aux"))] for m in t.morph.get("Mood")}
    if "Cnd" in moods and not (reported_by and is_past(governor)):
        return "conditional", "positive"
    future = verb is not None and "Fut" in tenses(verb)
    if pred.modal == "planned" or (future and not reported_by) or _after_publication(ctx, timex):
        return "planned", "positive"
    text = ctx.text_of(clause).casefold()
    if pred.modal == "hedged" or any(h in text for h in lex.hedge_phrases):
        return "hedged", "positive"
    if reported_by or any(c.replace("’", "'") in text.replace("’", "'") for c in lex.according_to_cues):
        return "reported", "positive"
    return "asserted", "positive"


def _after_publication(ctx: DocContext, timex: dict) -> bool:
    earliest = timex.get("earliest")
    if not earliest or not ctx.published_given:
        return False
    return dt.date.fromisoformat(str(earliest)) > ctx.published


# -- label --------------------------------------------------------------------------------


def label(ctx: DocContext, pred) -> str:
    """"who – what – object": a short fragment naming the event for a timeline."""
    head = pred.head
    if head.pos_ == "NOUN":
        what = _phrase(ctx, head, keep_det=False)
        subj = subject_of(pred) if pred.clause != head and head.dep_ == "obj" else None
        if subj is None:
            return what
        return " – ".join(p for p in (_phrase(ctx, subj), what) if p)
    subj = subject_of(pred)
    obj = next((c for c in head.children if c.dep_ in ("obj", "xcomp", "ccomp") and c != subj), None)
    if obj is None:
        obj = next((c for c in head.children if c.dep_ in ("obl:arg", "obl", "obl:mod") and case_of(c) is not None
                    and c.i > head.i and not ctx.in_timex(c)), None)
    parts = [
        _phrase(ctx, subj) if subj is not None else "",
        _verb_group(ctx, head),
        _phrase(ctx, obj, keep_case=True) if obj is not None and obj.dep_ != "ccomp" else "",
    ]
    return " – ".join(p for p in parts if p)


def _verb_group(ctx: DocContext, head) -> str:
    """The verb with its auxiliaries, clitics and negation ("s'est entretenu", "n'a pas signé")."""
    group = [c for c in head.children if c.i < head.i and (c.dep_ in AUX_DEPS or is_ne(c))]
    group += [c for c in head.children if c.i > head.i and c.dep_ == "advmod" and c.lemma_.casefold() in ("pas", "jamais", "plus")]
    tokens = sorted([head, *group], key=lambda t: t.i)
    return _join(tokens)


def _phrase(ctx: DocContext, tok, *, keep_det: bool = True, keep_case: bool = False) -> str:
    """A short rendering of ``tok``'s phrase: the mention it heads, or its first words."""
    m = ctx.mention_at(tok)
    if m is not None and tok.pos_ == "PROPN":
        names = [m] + [ctx.mention_at(c) for c in tok.children if c.dep_ == "conj" and ctx.mention_at(c) is not None]
        case = case_of(tok) if keep_case else None
        return ((case + " ") if case else "") + " et ".join(ctx.text[n["span"]["start"] : n["span"]["end"]] for n in names)
    skip = {t.i for c in tok.children if c.dep_ in CLAUSE_DEPS or c.dep_ in ("appos", "punct", "conj") for t in c.subtree}
    tokens = [t for t in tok.subtree if t.i not in skip and not ctx.in_timex(t)]
    while tokens and (
        (tokens[0].pos_ == "DET" and not keep_det) or (tokens[0].dep_ == "case" and not keep_case) or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    # stop at the first punctuation inside the phrase, then keep at most LABEL_WORDS words
    for k, t in enumerate(tokens):
        if t.is_punct and t.text not in ("'", "’", "-"):
            tokens = tokens[:k]
            break
    return _join(tokens[:LABEL_WORDS])


def _join(tokens: list) -> str:
    out = ""
    for t in tokens:
        out += t.text + (t.whitespace_ if t is not tokens[-1] else "")
    return out.strip()


__all__ = ["actors", "is_place", "label", "location", "modality", "subject_of"]
