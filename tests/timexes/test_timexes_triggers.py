"""The rule prefilter (claimline.timexes.triggers) never drops a match, and the word
classes grouped by first letter (claimline.timexes.lexicon.alternation) and the rules'
first-character lookaheads (claimline.timexes.starts) change no match.

Detection with and without the prefilter, and with flat alternations, must give the same
candidates (rule, extent, groups) on sentences written here, on Hypothesis-generated text mixing the lexicon's
words with digits, case changes, odd white space and other characters, and on the seed
articles; the normalisation the anchors are compared on must agree with ``re``'s
case-insensitive matching on every code point.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimline.timexes import find_candidates
from claimline.timexes.lexicon import Lexicon, load_grammar
from claimline.timexes.prefilter import END as _END
from claimline.timexes.prefilter import Prefilter, _trie, fold, normalise
from claimline.timexes.triggers import rule_anchors

GRAMMAR = load_grammar()
SEEDS = Path(__file__).resolve().parents[2] / "data" / "raw"


def _key(cands):
    return [(c.rule.name, c.start, c.end, tuple(sorted(c.groups.items()))) for c in cands]


def _flat_grammar():
    """The grammar compiled with each word class a flat alternation (no first-letter groups)
    and the rules without their first-character lookahead (claimline.timexes.starts)."""
    from claimline.resources import load_json
    from claimline.timexes import lexicon as lexicon_module

    grouped, guarded = lexicon_module.alternation, lexicon_module._guarded
    lexicon_module.alternation = lambda words: lexicon_module._plain_alternation(
        sorted(set(words), key=len, reverse=True))
    lexicon_module._guarded = lambda pattern, flags, tree=None: pattern
    try:
        return lexicon_module.compile_grammar(GRAMMAR.lexicon, load_json("timex_rules.json", lexicon_module.RuleFile))
    finally:
        lexicon_module.alternation, lexicon_module._guarded = grouped, guarded


FLAT = _flat_grammar()
SCAN = GRAMMAR.prefilter.pattern
PLAIN_SCAN = re.compile(f"(?=({_trie([a for needs in GRAMMAR.prefilter.needs for n in needs for a in n])})(?:(\\w)|))")


def _same(text: str) -> None:
    with_filter = find_candidates(text, GRAMMAR)
    without = find_candidates(text, GRAMMAR, prefilter=False)
    assert _key(with_filter) == _key(without), text
    assert _key(find_candidates(text, FLAT, prefilter=False)) == _key(without), text
    norm = normalise("«» " + text + " »")  # the way annotate scans: the whole text normalised once
    if norm is not None:  # the scan finds what the plain lookahead at every position finds
        assert SCAN.findall(norm, 3, len(norm) - 2) == PLAIN_SCAN.findall(norm, 3, len(norm) - 2), text
        prefilter = GRAMMAR.prefilter  # the automaton finds the anchors the expression finds
        assert prefilter.scan(norm, 3, len(norm) - 2) == prefilter.scan_regex(norm, 3, len(norm) - 2), text
        assert prefilter.scan(norm) == prefilter.scan_regex(norm), text
    for rule in GRAMMAR.rules:  # a rule's "requires" is found wherever the rule matches
        if rule.requires is not None and rule.regex.search(text):
            assert rule.requires.search(text), (rule.name, text)
        if rule.requires_folded is not None and fold(text) is not None:
            assert bool(rule.requires_folded.search(fold(text))) == bool(rule.requires.search(text)), (rule.name, text)
    inside = find_candidates(text, GRAMMAR, offset=3, normalised=norm)
    assert _key(inside) == _key(find_candidates(text, GRAMMAR, offset=3, prefilter=False)), text


SENTENCES = [
    "Publié le  3   mars\n\n2025 à  14 h  30 ; il y a\n\ndeux  ans, en  mai  dernier.",  # runs of white space
    "Rendez-vous   dans  trois   jours\t\tplus tard,\u00a0 vers\n16  heures.",
    "Le conseil se réunira mercredi à 11 h 30, puis le 16 à 18 h.",
    "Du samedi 13 au dimanche 15 juillet, la fête a duré trois jours.",
    "Il y a deux ans, l'usine employait 2 000 salariés ; dans 24 heures elle fermera.",
    "Les 9 et 10 août 2024, puis début septembre, la mi-novembre et fin 2025.",
    "Au deuxième trimestre 2025 puis au premier semestre, le PIB a reculé.",
    "La veille, le lendemain, le jour même et le même jour, rien n'a changé.",
    "Vers 16 heures, à quinze heures, à 8 h du soir et de 23 h 30 à 1 h 30.",
    "L'avocat de 61 ans, les 65 ans et plus, les moins de 5 ans.",
    "Il a couru en 2 h 01 min 09 s, puis 9,58 s et 4'24''.",
    "D'ici 2029, le recensement de 1990 et les années 1980 seront comparés.",
    "Cet hiver, ce matin-là, cette semaine-ci, l'an prochain, le mois dernier.",
    "Chaque lundi, tous les mois, deux fois par semaine, les dimanches.",
    "Le 12/03/2024, le 5/6 et en 03/2025, puis le 2025-09-18.",
    "Un demi-siècle plus tard, une bonne heure, toute la journée.",
    "Actuellement, autrefois, bientôt, dans le passé, désormais.",
    "La nuit du 19 au 20 septembre et la nuit de samedi à dimanche.",
    "LE 14 JUILLET 2025, À MIDI, IL Y A TROIS SEMAINES.",
    "Le XXe siècle, le 21e siècle, Noël 2024 et le jour de l'an.",
    "Jeudi matin, dimanche soir, lundi 14 heures, mardi dernier.",
    "Le 1er mai, le premier week-end de septembre, le dernier jour d'octobre.",
    "Ils sont restés\u00a0trois\u2009jours,\nle 3\u00a0mars\u00a02025 et le\t4 avril.",
    "ſeptembre, İl y a deux ans, ＩＬ Y A, \u212aelvin, ①② et ٣ mars ٢٠٢٥.",
    "Le quinquennat, un septennat, la guerre des Six Jours, le Vendredi saint.",
    "Signé le 3 octo 2030, révisé le 1er nove. puis le 1ᵉʳ dece\u00a02031 et le PREMIER JANV. 2032.",
    "Révisé le 1er nove. à Lyon.",
    "Signé le 1ᵉʳ dece 2031.",
    "Clos le premier janv. à midi.",
    "Le 12\u00a0févr.\u00a02031, le 4 avr. 31, le 7 oct., le 9 nov 2030 et le 2 sept.",
    "Salon ouvert 7-9 mars.",
    "Fermé du 2 jusqu'au 5 juin.",
    "Ouvert entre le 1er et le lundi 3 de novembre.",
    "Il purgera entre deux et cinq ans de prison.",
    "Le chantier durera de 3 à 6 mois.",
    "La boutique rouvrira dans une quinzaine de jours.",
    "Dans à peine deux heures, tout sera fini.",
    "Le verdict tombera dans 48 heures.",
    "Cet hiver sera doux.",
    "Les travaux reprendront à la fin de l'automne.",
    "La soirée de lundi fut calme.",
    "Ils partiront tôt le matin mardi prochain.",
    "L'après midi du jeudi, la salle était vide.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_candidates_on_written_sentences(text):
    _same(text)


def _words() -> list[str]:
    lex = GRAMMAR.lexicon
    words = set()
    for name in Lexicon.model_fields:
        value = getattr(lex, name)
        if isinstance(value, (dict, list)) and name != "examples":
            words |= set(value)
    words |= {"le", "la", "les", "du", "de", "d'", "l'", "au", "à", "en", "dans", "il y a", "depuis", "vers",
              "h", "heures", "min", "s", "plus tard", "après", "avant", "entre", "et", "ou", "ce", "cet",
              "cette", "prochain", "dernière", "même", "ans", "âgé de", "(", ")", ",", ".", "/", ":", "-", "'",
              "’", "1er", "XXe", "siècle", "années", "mi-", "début", "fin", "chaque", "tous les", "par"}
    return sorted(words)


WORDS = _words()
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.integers(0, 3000).map(str),
    st.sampled_from(["1er", "2025", "18 h", "7h30", "09:15", "12/03", "3,5", "٢٠٢٥", "①", "1ᵉʳ", "octo.", "nove",
                     "janv.", "févr", "dece."]),
    st.text(max_size=3),
)
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\u00a0", "\u202f", "", ", ", "-", "'", ". "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PIECES, SEPARATORS), max_size=14))
def test_same_candidates_on_generated_text(parts):
    _same("".join(piece + sep for piece, sep in parts))


def test_same_candidates_on_the_seed_articles():
    files = sorted(SEEDS.glob("*"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for chunk in re.split(r"(?<=[.!?\n])", text):
            _same(chunk)
        _same(text[:20000])


def test_most_rules_have_anchors_and_they_are_derived_from_the_data():
    named = {rule.name: needs for rule, needs in zip(GRAMMAR.rules, GRAMMAR.prefilter.needs)}
    assert sum(1 for needs in named.values() if needs) >= 0.9 * len(named)
    months = {normalise(m) for m in GRAMMAR.lexicon.months}
    # a month name, alone or in a longer anchor ("mars 0", "mars dernier"), in each anchor of a set
    assert any(all(any(m in anchor for m in months) for anchor in need) for need in named["month_year"])
    assert any({"il y a", "il y a" + _END} & set(need) for need in named["ago"])


def test_a_rule_or_lexicon_entry_added_later_is_covered():
    # a new month spelling in the lexicon reaches the month rules' anchors with no extra step
    lex = GRAMMAR.lexicon.model_copy(update={"months": {**GRAMMAR.lexicon.months, "brumaire": 11}})
    from claimline.resources import load_json
    from claimline.timexes.lexicon import RuleFile, compile_grammar

    grammar = compile_grammar(lex, load_json("timex_rules.json", RuleFile))
    text = "Le 18 brumaire 2025, il a pris le pouvoir."
    assert [c.text for c in find_candidates(text, grammar)] == ["Le 18 brumaire 2025"]
    assert _key(find_candidates(text, grammar)) == _key(find_candidates(text, grammar, prefilter=False))


def test_the_grammar_reads_anchors_and_guards_from_one_parse_with_the_same_result():
    # compile_grammar parses each rule once, before its first-character lookahead, and
    # reads both the lookahead and the anchors from that parse: the same as reading the
    # guarded pattern again
    from claimline.timexes.starts import first_chars

    for rule, needs in zip(GRAMMAR.rules, GRAMMAR.prefilter.needs):
        assert rule_anchors(rule.regex) == needs, rule.name
        guard = re.match(r"\(\?=(\[[^]]*\])\)", rule.regex.pattern)
        if guard:  # the lookahead was read from the unguarded pattern's parse
            assert first_chars(rule.regex.pattern[guard.end():], rule.regex.flags) == guard.group(1), rule.name


def test_anchors_read_from_a_pattern():
    # a repeat of variable length splits the run: "il y a" + a digit, then a digit + "ans"
    needs = rule_anchors(re.compile(r"(?<![\w-])il\s+y\s+a\s+\d+\s*ans(?![\w])", re.I))
    assert [set(n) for n in needs] == [{"il y a 0"}, {"0 ans" + _END, "0ans" + _END}]
    assert rule_anchors(re.compile(r"(?:\w+)?", re.I)) == []
    prefilter = Prefilter([[("juin", "mai" + _END)], []])
    assert prefilter.allowed(prefilter.scan(normalise("en Mai."))) == (0, 1)
    assert prefilter.allowed(prefilter.scan(normalise("en maison"))) == (1,)


def test_a_class_too_large_to_cross_gives_its_last_letters_to_the_next_word():
    # 676 invented three-letter words ending in "e" or "x", then a unit: too many to spell
    # out (1 352 anchors), so the anchors join the words' last letters to the unit
    import itertools

    words = [a + b + c for a, b in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=2) for c in "ex"][:676]
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(words) + r")\s+(?:ans|jours)(?![\w])", re.I)
    needs = rule_anchors(pattern)
    best = needs[0]
    assert all(a.rstrip(_END).endswith((" ans", " jours")) and len(a.split(" ")[0]) == 2 for a in best), best[:5]
    assert {"be ans", "mx jours"} <= set(best)
    prefilter = Prefilter([needs])
    for text, matches in (("Il y a vingt abx ans.", True), ("Dans les jours qui viennent.", False),
                          ("toujours", False), ("MAE   Jours", True)):
        assert bool(pattern.search(text)) == matches, text
        assert prefilter.allowed(prefilter.scan(normalise(text))) == ((0,) if matches else ()), text


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="narrow build")
def test_normalisation_agrees_with_re_on_every_code_point():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    norm = normalise(every)
    assert norm is not None and len(norm) == len(every)
    # word characters stay word characters (the end-of-word anchors rely on it)
    word = re.compile(r"\w")
    assert [m.start() for m in word.finditer(every)] == [m.start() for m in word.finditer(norm)]
    # any character re matches, case-insensitively, to an anchor's character is normalised to it
    chars = {ch for needs in GRAMMAR.prefilter.needs for need in needs for a in need for ch in a} - {_END}
    for ch in sorted(chars):
        if ch == "0":
            matching = re.compile(r"\d")
        elif ch == " ":
            matching = re.compile(r"\s")
        else:
            matching = re.compile(re.escape(ch), re.IGNORECASE)
        wrong = {every[m.start()] for m in matching.finditer(every) if norm[m.start()] != ch}
        assert not wrong, (ch, sorted(wrong)[:5])


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="narrow build")
def test_first_letter_groups_are_disjoint_and_cover_their_words():
    """At most one group of a word class can match at a position, and each group's
    lookahead lets through every character its words can start with (case and accents
    aside, as the compiled rules read them): so the grouped alternation tries, at each
    position, the same words in the same order as the flat one, less those that cannot match."""
    from claimline.timexes.accents import accent_insensitive
    from claimline.timexes.lexicon import first_letter_groups

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    keep = frozenset(GRAMMAR.lexicon.accent_distinctive)
    seen: dict[str, frozenset[int]] = {}

    def matched(pattern: str) -> frozenset[int]:
        if pattern not in seen:
            seen[pattern] = frozenset(m.start() for m in re.finditer(pattern, every, re.IGNORECASE))
        return seen[pattern]

    grouped = 0
    for name in Lexicon.model_fields:
        words = getattr(GRAMMAR.lexicon, name)
        if not isinstance(words, (dict, list)) or name == "examples":
            continue
        ordered = sorted(set(words), key=len, reverse=True)
        groups = first_letter_groups(ordered)
        if groups is None:
            continue
        grouped += 1
        guards = [matched(f"[{re.escape(letters)}]") for letters, _ in groups]
        for i, a in enumerate(guards):
            assert all(not a & b for b in guards[i + 1:]), name
        for (_, group), guard in zip(groups, guards):
            assert group == [w for w in ordered if w in group], name  # the order is kept
            for word in group:
                first = re.escape(word[0])
                assert matched(accent_insensitive(first, keep)) <= guard, (name, word)
                assert matched(first) <= guard, (name, word)
        assert sorted(w for _, group in groups for w in group) == sorted(ordered), name
    assert grouped >= 10


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="narrow build")
def test_first_character_lookaheads_let_through_what_the_first_nodes_match():
    """Each rule's lookahead class, compiled with the rule's flags, matches every
    character that one of the class items read from the rule's first nodes matches as
    the rule compiles it (case folding included), on every code point."""
    from claimline.timexes import starts

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    seen: dict[tuple[str, int], frozenset[int]] = {}

    def matched(pattern: str, flags: int) -> frozenset[int]:
        if (pattern, flags) not in seen:
            seen[pattern, flags] = frozenset(m.start() for m in re.finditer(pattern, every, flags))
        return seen[pattern, flags]

    guarded = 0
    pairs = [(r.regex, p.regex, r.name) for r, p in zip(GRAMMAR.rules, FLAT.rules)]
    pairs += [(r.not_after, p.not_after, r.name) for r, p in zip(GRAMMAR.rules, FLAT.rules) if r.not_after]
    for regex, plain, name in pairs:
        chars = starts.first_chars(plain.pattern, plain.flags)
        if chars is None:
            continue
        guarded += 1
        assert regex.pattern.startswith(f"(?={chars})"), name
        items, _ = starts._sequence(starts._p.parse(plain.pattern, plain.flags))
        allowed = matched(chars, plain.flags)
        for item in set(items):  # each item as the rule writes it, case folded: a literal, a range, a category
            assert matched(f"[{item}]" if "-" in item[1:] else item, plain.flags) <= allowed, (name, item)
    assert guarded >= 0.9 * len(GRAMMAR.rules)
