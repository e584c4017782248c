"""What the words around a name say about it (rules of ``entity_rules.json``).

- after a minister's title, a capitalised complement is a portfolio, not an entity:
  "le ministre des Transports", "la ministre déléguée chargée de l'Industrie";
- a lower-case generic noun right before a name belongs to it and gives its type:
  "ministère de la Santé" (ORG), "tribunal administratif de Lyon" (ORG), "boulevard
  Voltaire" (LOC), "gare Montparnasse" (LOC); "ministère chilien de la Santé" too (a
  nationality adjective may follow the noun);
- a word made of a known place and a demonym ending, after an article, is an inhabitant,
  not a name: "la Kényane", "l'Éthiopienne", "les Omanais" (places from the registry);
- a score glued to a name is not part of it: "Inter 5-0" -> "Inter".

All work on character offsets, one regular-expression search per candidate in a
bounded window: linear in the text.

>>> rules = ContextRules(load_rules(), ["Kenya"])  # doctest: +SKIP
>>> rules.is_inhabitant("la ", "Kényane")  # doctest: +SKIP
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from claimline.entities.normalise import fold
from claimline.entities.occurrences import Occurrences, lower_aligned
from claimline.entities.recognise import Candidate
from claimline.entities.resources import RecognitionRules

_WINDOW = 60
_ENDS_LINK = re.compile(r"(?:\b(?:de|du|des|la|à|au|aux)|[ld]['’])\s*$", re.IGNORECASE)
_LINK = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|à\s+la\s+|à\s+l['’]\s*|au\s+|aux\s+)"
_LOWER_WORD = r"[a-zà-ÿœ'’-]+"
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(«\"])(?:l['’]|la\s+|le\s+|les\s+|une?\s+|des\s+|aux?\s+|du\s+)$", re.IGNORECASE)
_CAPITAL_WORD = r"(?-i:[A-ZÀ-Ý])[\w'’-]*"
_ADJECTIVE = r"(?-i:(?!(?:et|de|du|des|la|le|les|à|au|aux|en|pour|par|sur|a|est|qui|que)\b)[a-zà-ÿ][a-zà-ÿ-]+)"
_WORD_BACKWARDS = re.compile(r"[^\w-]*([\w-]+)")  # the next word of a reversed text
_ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "des"})
_TITLE_ADJECTIVES = frozenset({"adjoint", "adjointe", "federal", "federale", "regional", "regionale", "sortant", "sortante", "nouveau", "nouvelle", "ancien", "ancienne", "charge", "chargee", "delegue", "deleguee"})
_SCORE = re.compile(r"\s+\(?\d{1,2}\s*[-–]\s*\d{1,2}\)?(?=\s|$)")


def _word_starts(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a string when one of ``words`` starts there after no letter,
    digit, underscore or hyphen (as the heads do in the head patterns)."""
    words = sorted(words)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + ")") if words else re.compile(r"(?!)")


def _alternation(words: Iterable[str]) -> str:
    forms = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in forms)


def _substrings(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a string when one of ``words`` is (a plain substring test)."""
    words = sorted(words)
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")


def _stems(place: str) -> set[str]:
    """The stems a demonym is built on: "kenya" -> {"kenya", "keny"}, "ethiopie" -> {"ethiopi"}."""
    name = fold(place)
    out = {name}
    for ending in ("ie", "ia", "ee", "e", "a"):
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            out.add(name[: len(name) - len(ending)])
    return out


class ContextRules:
    """The context rules of :class:`RecognitionRules`, compiled; ``places`` are place names
    whose inhabitants' names are recognised."""

    def __init__(self, rules: RecognitionRules, places: Iterable[str] = ()) -> None:
        portfolio = _alternation(rules.portfolio_titles)
        self._portfolio = (
            re.compile(rf"\b(?:{portfolio})(?P<mid>(?:\s+{_LOWER_WORD}){{0,3}}?)\s+{_LINK}$", re.IGNORECASE)
            if portfolio
            else None
        )
        portfolio_firsts = {t.split()[0].lower() for t in rules.portfolio_titles if t.split()}
        head_firsts = {h.split()[0].lower() for hs in rules.name_heads.values() for h in hs if h.split()}
        self._portfolio_firsts, self._head_firsts = _substrings(portfolio_firsts), _word_starts(head_firsts)
        # the literal words the patterns start with, found once per text (scan)
        org_firsts = _first_literals(rules.name_heads.get("ORG", ()))
        self._scan_words = (_minimal(portfolio_firsts), _minimal(head_firsts | set(org_firsts)), tuple(org_firsts))
        self._title_words = frozenset(fold(w) for t in rules.portfolio_titles for w in t.split()) | _TITLE_ADJECTIVES
        self._heads = []
        for label, heads in sorted(rules.name_heads.items()):
            words = _alternation(heads)
            if words:
                pattern = rf"(?:^|[^\w-])(?P<head>{words})(?:\s+(?!{_LINK})(?P<adj>{_LOWER_WORD}))?\s+{_LINK}?$"
                self._heads.append((label, re.compile(pattern, re.IGNORECASE)))
        self._demonyms = rules.demonyms.inflected()
        self._cues = {fold(w): label for label, words in rules.label_cues.items() for w in words}
        self._first_words = {tuple(fold(w).split()): label for label, words in rules.first_words.items() for w in words}
        org_heads = _alternation(rules.name_heads.get("ORG", ()))
        self._org_names = (
            re.compile(
                rf"\b(?P<head>{org_heads})(?:\s+(?!{_LINK})(?P<adj>{_LOWER_WORD}))?\s+{_LINK}"
                rf"(?P<name>{_CAPITAL_WORD}(?:\s+{_ADJECTIVE}){{0,2}}(?:\s+et\s+{_LINK}{_CAPITAL_WORD})*)",
                re.IGNORECASE,
            )
            if org_heads
            else None
        )
        suffixes = sorted({fold(s) for s in rules.demonym_suffixes}, key=len, reverse=True)
        self._suffixes = tuple(suffixes)
        self._stems = frozenset(
            stem for place in places if " " not in place.strip() for stem in _stems(place.replace("-", ""))
        )

    def scan(self, text: str) -> TextScan | None:
        """Where the words the context patterns start with occur in ``text`` (None when
        its lower case does not line up with it: the patterns then run everywhere)."""
        low = lower_aligned(text)
        if low is None or not all(self._scan_words[2]):
            return None
        portfolios, heads = Occurrences(low, self._scan_words[0]), Occurrences(low, self._scan_words[1])
        orgs = [p for p in heads.starts if low.startswith(self._scan_words[2], p)]  # every ORG head starts one
        return TextScan(text, portfolios, heads, orgs)

    def is_portfolio(self, text: str, start: int, scan: TextScan | None = None) -> bool:
        """Whether the name at ``start`` is the complement of a minister's title."""
        if self._portfolio is None or not _ENDS_LINK.search(text, max(0, start - 8), start):
            return False
        window = text[max(0, start - _WINDOW) : start]
        if scan is not None:
            if not scan.portfolios.any_within(max(0, start - _WINDOW), start):
                return False
        elif self._portfolio_firsts.search(window.lower()) is None:
            return False
        found = self._portfolio.search(window)
        if found is None:
            return False
        return all(fold(w) in self._title_words or fold(w) in self._demonyms for w in found.group("mid").split())

    def head_before(self, text: str, start: int, scan: TextScan | None = None) -> tuple[int, str] | None:
        """(start, label) of a generic noun that begins the name at ``start``, if any."""
        window_start = max(0, start - _WINDOW)
        if scan is not None:
            if not scan.heads.any_within(window_start, start, word_start=True):
                return None
        elif self._head_firsts.search(text[window_start:start].lower()) is None:
            return None
        before = text[window_start:start]
        for label, pattern in self._heads:
            found = pattern.search(before)
            if found is None:
                continue
            adj = found.group("adj")
            if adj and fold(adj) not in self._demonyms:
                continue
            head = found.group("head")
            if head[:1].isupper() and not _starts_sentence(text, window_start + found.start("head")):
                continue  # "Boulevard" mid-sentence is part of a capitalised name already
            return window_start + found.start("head"), label
        return None

    def is_inhabitant(self, before: str, word: str) -> bool:
        """Whether ``word`` (after the text ``before``) names inhabitants: "la Kényane"."""
        if " " in word or not word[:1].isupper() or not _ARTICLE_BEFORE.search(before[-12:]):
            return False
        folded = fold(word).replace("-", "")
        if folded in self._demonyms:
            return True
        if not folded.endswith(self._suffixes):
            return False
        for suffix in self._suffixes:
            if folded.endswith(suffix) and folded[: len(folded) - len(suffix)] in self._stems:
                return True
        return False

    def institutions(self, text: str, candidates: Sequence[Candidate], scan: TextScan | None = None) -> list[Candidate]:
        """Institutions named by a generic noun and a capitalised complement the model
        does not take for a name ("ministère de l'Intérieur"), added to ``candidates``."""
        if self._org_names is None:
            return list(candidates)
        starts = [c.start for c in candidates]
        out = list(candidates)
        for found in self._org_matches(text, scan):
            adj = found.group("adj")
            if adj and fold(adj) not in self._demonyms:
                continue
            s, e = found.start("head"), found.end("name")
            i = bisect.bisect_left(starts, s)
            if any(c.start < e and s < c.end for c in candidates[max(0, i - 1) : i + 3]):
                continue
            out.append(Candidate(s, e, "ORG", source="head"))
        return sorted(out, key=lambda c: (c.start, -c.end))

    def _org_matches(self, text: str, scan: TextScan | None) -> Iterator[re.Match[str]]:
        """``self._org_names.finditer(text)``, tried only where an ORG head starts."""
        assert self._org_names is not None
        if scan is None:
            yield from self._org_names.finditer(text)
            return
        pos = 0
        for p in scan.orgs:
            if p < pos:
                continue
            found = self._org_names.match(text, p)
            if found is not None:
                yield found
                pos = found.end()

    def cue_label(self, text: str, start: int) -> str | None:
        """The type the words right before ``start`` give a name: a lower-case cue noun,
        perhaps followed by a nationality adjective or a comma ("le service européen X",
        "le parti, X" -> ORG), or a capitalised demonym ("le Hongrois X" -> PER)."""
        words = _last_words(_without_gap(text[max(0, start - 40) : start]), 3)
        if words and fold(words[-1]) in ("d", "l"):  # "filiale d'Hachette"
            words.pop()
        if not words:
            return None
        last = words[-1]
        if last[:1].isupper():
            return "PER" if fold(last) in self._demonyms and len(words) > 1 and fold(words[-2]) in _ARTICLES else None
        if fold(last) in self._demonyms and len(words) > 1:
            last = words[-2]
        return self._cues.get(fold(last)) if last[:1].islower() else None

    def first_word_label(self, surface: str) -> str | None:
        """The type an institution noun first in a longer name gives it ("CHU de Nantes",
        "Bourse de Londres" -> ORG), or None."""
        words = surface.split()
        if len(words) < 2 or not words[0][:1].isupper():
            return None
        folded = [fold(w) for w in words[:3]]
        for n in (2, 1):
            label = self._first_words.get(tuple(folded[:n]))
            if label is not None and len(words) > n:
                return label
        return None

    def apply(self, text: str, candidates: Sequence[Candidate], scan: TextScan | None = None) -> list[Candidate]:
        """``candidates`` without portfolios, inhabitants and glued scores, extended to
        the generic noun that begins them (``scan``: :meth:`scan` of ``text``)."""
        out: list[Candidate] = []
        for cand in candidates:
            surface = text[cand.start : cand.end]
            score = _SCORE.search(surface)
            if score is not None and score.start() > 0:
                cand = cand._replace(end=cand.start + score.start())
                surface = text[cand.start : cand.end]
            if self.is_portfolio(text, cand.start, scan):
                continue
            if cand.source == "model" and self.is_inhabitant(text[max(0, cand.start - 12) : cand.start], surface):
                continue
            if cand.entity_id is None and cand.source == "model":
                cue = self.cue_label(text, cand.start) or self.first_word_label(surface)
                if cue is not None:
                    cand = cand._replace(label=cue, cued=True)
            head = self.head_before(text, cand.start, scan)
            if head is not None and not (out and out[-1].end > head[0]):
                cand = cand._replace(start=head[0], label=head[1], entity_id=None, source="head")
            out.append(cand)
        return out


@dataclass(frozen=True)
class TextScan:
    """Where the first words of the portfolio titles, of the name heads and of the ORG
    heads occur in one text (:meth:`ContextRules.scan`)."""

    text: str
    portfolios: Occurrences
    heads: Occurrences
    orgs: list[int]


def _minimal(words: Iterable[str]) -> list[str]:
    """``words`` without those another one begins ("chargée" after "chargé"): where the
    longer one occurs, the shorter one does, and :class:`Occurrences` keeps the shortest."""
    words = set(words)
    return sorted(w for w in words if not any(v != w and w.startswith(v) for v in words))


def _first_literals(heads: Iterable[str]) -> list[str]:
    """The lower-case text every match of the head patterns starts with: each head up to
    its first space or apostrophe ("cour d'appel" -> "cour")."""
    return sorted({re.split(r"[\s'’]", h.strip().lower(), maxsplit=1)[0] for h in heads if h.strip()})


def _without_gap(window: str) -> str:
    """``window`` without its closing spaces, apostrophes and commas (``[\\s’',]*$``)."""
    while True:
        shorter = window.rstrip().rstrip("’',")
        if len(shorter) == len(window):
            return window
        window = shorter


def _last_words(window: str, n: int) -> list[str]:
    """The last ``n`` words (``[\\w-]+``) of ``window``, in order: read on the reversed
    text, so that only the words wanted are scanned."""
    backwards = window[::-1]
    words: list[str] = []
    pos = 0
    while len(words) < n:
        found = _WORD_BACKWARDS.match(backwards, pos)
        if found is None:
            break
        words.append(found.group(1)[::-1])
        pos = found.end()
    return words[::-1]


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" ")
    return not before or before[-1] in ".!?\n:«\"("


__all__ = ["ContextRules", "TextScan"]
