"""What an event record says besides its trigger and date: actors, place, modality, label.

- actors: the entities of the subject (coordinated names included: "Trump et Poutine se
  sont rencontrés"), of an inverted subject (after the verb, which the parser labels
  ``obj`` when the verb has no other subject: "a déclaré mardi le ministre"), of the
  agent ("par ..."), of the "avec"/"entre" partners and of a person or organisation
  object ("Scholz a reçu Tusk": both take part); for an event noun its "de"/"par"
  complements; for a relative or participial clause the noun it modifies;
- location: a named place (LOC) that is a place complement of the predicate ("à
  Anchorage", "dans la région de Valence"), never a place inside the object ("les
  livraisons à la défense de l'Ukraine");
- modality: negated, question, conditional, planned (future, intention verb, or a date
  after a *given* publication date: an inferred one is a guess), hedged, reported,
  asserted;
- label: "who — what — object" ("Trump — a annoncé — reprise des livraisons"), a short
  fragment for timelines.
"""

from __future__ import annotations

import datetime as dt

from claimline.claims.modality import modality_reader
from claimline.events.context import (
    CLAUSE_DEPS,
    DocContext,
    case_of,
    is_ne,
    is_past,
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
LABEL_STOPS = frozenset({",", ";", ":", "(", ")", "«", "»", '"', ".", "!", "?", "–", "—", "[", "]"})
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
    if head.dep_ == "advcl" and head.i < head.head.i:
        # "Élue le 12 mai, Hélène Marchetti devient ...": the main clause's subject
        return [c for c in head.head.children if c.dep_ in ("nsubj", "nsubj:pass")][:1]
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
                or (c.dep_ == "obj" and head.pos_ != "NOUN" and _names_a_party(ctx, c))
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


def _names_a_party(ctx: DocContext, tok) -> bool:
    """Whether an object names a person or an organisation ("a reçu Donald Tusk", "a
    reçu le Premier ministre Donald Tusk")."""
    return any(
        (m := ctx.mention_at(t)) is not None and m.get("label") in ("PER", "ORG")
        for t in tok.subtree
        if t.dep_ not in ("nmod",) or t == tok or t.head == tok
    )


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
    for tok in ctx.clause(pred.clause):
        if not is_place(ctx, tok, lex):
            continue
        attach = tok if case_of(tok) in PLACE_CASES or tok.dep_ != "nmod" else tok.head
        if attach.head.i in heads and attach.dep_ in PLACE_DEPS:
            return ctx.mention_at(tok)["entity_id"]
    return None


def modality(ctx: DocContext, lex: EventLexicon, pred, timex: dict, reader=None) -> tuple[str, str]:
    """(modality, polarity) of the event: the signals of its clause, decided by the one
    modality order shared with claims (:mod:`claimline.claims.modality`)."""
    reader = reader or modality_reader()
    clause = ctx.clause(pred.clause)
    verb = pred.clause if pred.clause.pos_ != "NOUN" else None
    chain = [t for t in (verb, pred.head) if t is not None]
    children = [c for t in chain for c in t.children]
    governor = chain[0].head if chain and chain[0].dep_ in ("ccomp", "xcomp") else None
    signals: set[str] = set()
    has_ne = any(is_ne(c) for c in children)
    negation = any(c.lemma_.casefold() in lex.negation_lemmas for c in children) or any(
        t.lower_ in NEGATIVE_PRONOUNS for t in clause
    )
    if (has_ne and negation) or (governor is not None and governor.lemma_.casefold() in lex.denial_lemmas):
        signals.add("negated")
    if ctx.sentence_text(pred.head).rstrip().endswith("?"):
        signals.add("question")
    reported_by = governor is not None and governor.lemma_.casefold() in lex.reporting_lemmas
    mood = reader.verb_mood(verb) if verb is not None else None
    if mood == "conditional" and not (reported_by and is_past(governor)) and pred.modal is None:
        signals.add("conditional")
    if pred.modal == "planned" or (mood == "future" and not reported_by) or _after_publication(ctx, timex):
        signals.add("planned")
    text = ctx.text_of(clause)
    if pred.modal == "hedged" or reader.has_hedge(text) or any(h in text.casefold() for h in lex.hedge_phrases):
        signals.add("hedged")
    folded = text.casefold().replace("’", "'")
    if reported_by or any(c.replace("’", "'") in folded for c in lex.according_to_cues):
        signals.add("reported")
    return reader.decide(signals), "negative" if "negated" in signals else "positive"


def _after_publication(ctx: DocContext, timex: dict) -> bool:
    earliest = timex.get("earliest")
    if not earliest or not ctx.published_given:
        return False
    return dt.date.fromisoformat(str(earliest)) > ctx.published


# -- label --------------------------------------------------------------------------------


def label(ctx: DocContext, pred) -> str:
    """"who — what — object": a short fragment naming the event for a timeline."""
    head = pred.head
    if head.pos_ == "NOUN":
        what = _phrase(ctx, head, keep_det=False)
        subj = subject_of(pred) if pred.clause != head and head.dep_ == "obj" else None
        if subj is None:
            return what
        return " — ".join(p for p in (_phrase(ctx, subj), what) if p)
    subj = subject_of(pred)
    obj = next((c for c in head.children
                if c.dep_ in ("obj", "xcomp", "ccomp") and c != subj and not ctx.in_timex(c)), None)
    if obj is None:
        obj = next((c for c in head.children if c.dep_ in ("obl:arg", "obl", "obl:mod") and case_of(c) is not None
                    and c.i > head.i and not ctx.in_timex(c)), None)
    parts = [
        _phrase(ctx, subj) if subj is not None else "",
        _verb_group(ctx, head),
        _phrase(ctx, obj, keep_det=False, keep_case=True) if obj is not None and obj.dep_ != "ccomp" else "",
    ]
    return " — ".join(p for p in parts if p)


def _verb_group(ctx: DocContext, head) -> str:
    """The verb with its auxiliaries, clitics and negation ("s'est entretenu", "n'a pas signé")."""
    group = [c for c in head.children if c.i < head.i and (c.dep_ in AUX_DEPS or is_ne(c))]
    group += [c for c in head.children if c.i > head.i and c.dep_ == "advmod" and c.lemma_.casefold() in ("pas", "jamais", "plus")]
    tokens = sorted([head, *group], key=lambda t: t.i)
    return _join(ctx, tokens)


def _phrase(ctx: DocContext, tok, *, keep_det: bool = True, keep_case: bool = False) -> str:
    """A short rendering of ``tok``'s phrase: the mention it heads, or its first words."""
    m = ctx.mention_at(tok)
    if m is None and tok.pos_ == "NOUN":
        # "le président Emmanuel Macron": the name in apposition says who
        named = [c for c in tok.children if c.dep_ in ("appos", "flat:name", "nmod") and c.pos_ == "PROPN"
                 and c.i == tok.i + 1 and ctx.mention_at(c) is not None]
        if named:
            tok, m = named[0], ctx.mention_at(named[0])
    if m is not None and tok.pos_ == "PROPN":
        names = [m] + [ctx.mention_at(c) for c in tok.children if c.dep_ == "conj" and ctx.mention_at(c) is not None]
        names = list({n["span"]["start"]: n for n in names}.values())  # one mention named once
        case = case_of(tok) if keep_case else None
        return ((case + " ") if case else "") + " et ".join(ctx.text[n["span"]["start"] : n["span"]["end"]] for n in names)
    skip = {t.i for c in tok.children if c.dep_ in CLAUSE_DEPS or c.dep_ in ("appos", "punct", "conj") for t in c.subtree}
    tokens = [t for t in tok.subtree if t.i not in skip and not ctx.in_timex(t) and not t.is_space]
    while tokens and (
        (tokens[0].pos_ == "DET" and not keep_det) or (tokens[0].dep_ == "case" and not keep_case) or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    # stop at the first punctuation inside the phrase, then keep at most LABEL_WORDS words
    for k, t in enumerate(tokens):
        if t.text in LABEL_STOPS:
            tokens = tokens[:k]
            break
    kept, words = [], 0
    for t in tokens:
        words += not t.text.endswith(("'", "’"))
        if words > LABEL_WORDS:
            break
        kept.append(t)
    while kept and (kept[-1].pos_ in ("ADP", "DET", "CCONJ") or kept[-1].text.endswith(("'", "’"))):
        kept.pop()  # never end on "à l'"
    return _join(ctx, kept)


def _join(ctx: DocContext, tokens: list) -> str:
    """The tokens as written in the text (the parse reads a normalised copy), one space
    where the text has space between two of them."""
    out = ""
    for k, t in enumerate(tokens):
        out += ctx.text[t.idx : t.idx + len(t.text)]
        if k + 1 < len(tokens) and (t.whitespace_ or tokens[k + 1].i != t.i + 1):
            out += " "
    return out


__all__ = ["actors", "is_place", "label", "location", "modality", "subject_of"]
