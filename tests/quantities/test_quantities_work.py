"""The quantities layer's work stays linear in dense text (issue 19, item 3).

``measured_before`` takes the noun a measure hangs off when that noun comes first
("une portée d'environ 5 000 km"), if only link words stand between them. The parser
can hang every figure of a long line on a noun far before them (the title's noun, for a
body of "10€ par jour 12€ par jour …"): the text between was copied and split whole for
every figure, quadratic in the length of the line. The words are now read lazily, up to
the first one that is no link word.
"""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc

from claimline.quantities import counted


class _RecordingText(str):
    """A str that records the length of every slice taken of it."""

    sliced: list[int]

    def __getitem__(self, key):
        if isinstance(key, slice):
            self.sliced.append(len(range(*key.indices(len(self)))))
        return super().__getitem__(key)


def _hub_doc(n: int) -> Doc:
    """'Une année de faits 10 € par jour 11 € par jour …': every € hangs off 'année'."""
    words, heads, pos = ["Une", "année", "de", "faits"], [1, 1, 3, 1], ["DET", "NOUN", "ADP", "NOUN"]
    for k in range(n):
        i = len(words)
        words += [str(10 + k), "€", "par", "jour"]
        heads += [i + 1, 1, i + 3, i + 1]
        pos += ["NUM", "NOUN", "ADP", "NOUN"]
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, pos=pos, deps=["dep"] * len(words))


def test_a_far_head_noun_costs_no_copy_of_the_text_before_the_figure(monkeypatch):
    doc = _hub_doc(300)
    index = counted.doc_index(doc)
    text = _RecordingText(index.text)
    text.sliced = []
    monkeypatch.setattr(index, "text", text)
    figures = [t for t in doc if t.pos_ == "NUM"]
    found = [counted.measured_before(doc, t.idx, t.idx + len(t.text) + 2) for t in figures]
    assert found == [None] * len(figures)  # "faits" stands between: no measure of a year
    assert sum(text.sliced) <= 20 * len(figures)  # was the whole gap to the title per figure


def test_the_measured_noun_still_comes_through_link_words(make_doc):
    doc = make_doc("Des missiles d'une portée d'environ 5 000 km seront déployés.")
    start = doc.text.index("5 000")
    heads = {t.head.text for t in doc if start <= t.idx < start + 10}
    if "portée" in heads:  # the parse hangs the figure on the noun
        assert counted.measured_before(doc, start, start + 10) == "portée"


def test_lazy_link_words_are_the_split_they_replace():
    words = ["de", "d'", "à", "entre", "environ", "l'ordre", "Compris", "faits", "DE", "x"]
    spaces = [" ", "  ", "\n", "\u00a0", "\u202f", "\t", "\u2009", "\x1c"]
    rng = random.Random(19)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(rng.randint(0, 6)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        expected = all(w.lower() in counted._BACK_SKIP for w in text[a:b].split())
        assert counted._only_link_words(text, a, b) == expected, (text, a, b)


def _iso_dates_text(lines: int) -> str:
    """Lines of 40 ISO dates ('2003-04-05 2004-05-06 …'), none of them a quantity."""
    return "\n".join(" ".join(f"{2000 + (i + k) % 27}-{1 + k % 12:02d}-{1 + (i + k) % 29:02d}" for k in range(40))
                     for i in range(lines))


def test_unit_lookup_reads_a_bounded_span_whatever_the_text_after():
    """The unit after a number was looked for in ``text[pos:]``: the rest of the whole text
    copied for every number (x2.1-2.6 per doubling on dense ISO dates). The same first
    lines, scanned inside a text 8 times as long, now read exactly the same characters."""
    from claimline.quantities.finder import quantity_finder

    finder = quantity_finder()
    read = []
    for lines in (20, 160):
        text = _RecordingText(_iso_dates_text(lines))
        text.sliced = []
        segments = [(i * 441, i * 441 + 440) for i in range(5)]  # the first five lines
        assert all(text[a:b].count("-") == 80 for a, b in segments)
        text.sliced = []
        scans = [finder.scan(text, a, b) for a, b in segments]
        assert not any(found for found, _ in scans) and sum(len(skipped) for _, skipped in scans) >= 5 * 80
        read.append((sum(text.sliced), max(text.sliced)))
    assert read[0] == read[1]
    assert read[1][1] < 8000  # the widest window (a name's nearby uses, 3000 each side)
