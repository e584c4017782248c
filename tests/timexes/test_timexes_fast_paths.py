"""Shortcuts taken for speed give what the slow path gives."""

from __future__ import annotations

import datetime as dt
import itertools

from claimline.timexes import dateparse


def test_a_full_numeric_date_is_read_as_dateparser_reads_it():
    base = dt.date(2025, 3, 1)
    checked = 0
    for day, month, sep, year in itertools.product([0, 1, 13, 29, 31, 32], [0, 1, 2, 4, 12, 13], "/.-", [1599, 2023, 2024]):
        for text in (f"{day}{sep}{month}{sep}{year}", f"{day:02d}{sep}{month:02d}{sep}{year}"):
            direct = dateparse._full_numeric(text)
            if direct is not False:
                assert direct == dateparse._with_dateparser(text, base), text
                checked += 1
    assert checked > 50
    assert dateparse._full_numeric("01/13/2024") is False  # dateparser reads it month first: left to it
    assert dateparse._full_numeric("12 fév. 2025") is False
    assert dateparse.parse_date("04/12/2024", base=base) == dateparse.ParsedDate(2024, 12, 4, "day")


def test_candidate_groups_read_from_the_match_spans_are_groupdicts():
    from claimline.timexes.detect import find_candidates
    from claimline.timexes.lexicon import load_grammar

    grammar = load_grammar()
    texts = [r.rule.example.split(" -> ")[0] for r in grammar.rules] + [
        "Du samedi 13 au dimanche 15 juillet 2025, puis le 3 août vers 16 h 30, il y a deux ans."]
    checked = 0
    for text in texts:
        for c in find_candidates(text, grammar):
            m = next(m for m in c.rule.regex.finditer(text) if m.span("t") == (c.start, c.end))
            slow = {name: (value, m.start(name), m.end(name))
                    for name, value in m.groupdict().items() if value is not None and name != "t"}
            assert c.groups == slow and list(c.groups) == list(slow), text
            checked += 1
    assert checked > 80


def test_normalising_and_folding_at_once_is_doing_each():
    import sys

    from claimline.timexes.prefilter import (
        OTHER_SPACES, _OTHER_SPACE, PUNCTUATION, SEP, fold, normalise, normalise_and_fold,
    )

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    zero_space = {ord(c): "0" for c in every if c.isdecimal()} | {ord(c): " " for c in every if c.isspace()} \
        | {ord(c): SEP for c in every if not (c.isalnum() or c == "_" or c.isspace() or c in PUNCTUATION)}
    assert [m.group() for m in _OTHER_SPACE.finditer(every)] == [c for c in every if c.isspace() and c != " "]
    assert "\u202f" in _OTHER_SPACE.pattern and OTHER_SPACES in _OTHER_SPACE.pattern
    texts = ["Le 3 mars 2025 à 14\u202fh\u00a030,\tpuis\nle 4.", "İstanbul, le 1er mai", "ſept jours", "Ǆ Straße ﬆ",
             "٣ أيام et 3 jours", "", "MARDI 12 FÉVRIER", every[:5000], every[0x1E00:0x2200]]
    for text in texts:  # normalise is normalise_and_fold's first half, checked against re on every code point
        # in test_timexes_triggers; the second half must be fold, written apart for single words
        norm, low = normalise_and_fold(text)
        assert low == fold(text) and (norm is None) == (normalise(text) is None), text[:20]
        assert norm is None or (len(norm) == len(text) and (low is None or norm == low.translate(zero_space))), text[:20]


def test_the_code_table_normalises_as_the_regular_expressions_do():
    import sys

    from claimline.timexes.prefilter import _normalise_slow, fold, normalise_and_fold

    bmp = "".join(map(chr, range(0x10000)))
    texts = [bmp[k : k + 4096] for k in range(0, len(bmp), 4096)]  # every BMP character, lone surrogates too
    texts += ["Le 3 mars 2025 à 14\u202fh\u00a030 « ſept » — 1er mai…", "ΣΑΣ σας ǅ", "Mardi 😀 12 février"]
    if sys.maxunicode >= 0x10FFFF:  # beyond the BMP: the regular expressions themselves
        texts.append("".join(map(chr, range(0x1D400, 0x1D800))) + " 3 mars")
    checked = 0
    for text in texts:
        norm, low = normalise_and_fold(text)
        assert low == fold(text), text[:20]
        lowered = text.replace("\u0130", "i").lower()
        if len(lowered) == len(text):
            assert norm == _normalise_slow(lowered), text[:20]
            checked += 1
        else:
            assert norm is None
    assert checked >= 10
