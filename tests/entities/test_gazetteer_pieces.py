"""The gazetteer read piece by piece finds what a scan of every word finds."""

from __future__ import annotations

import re
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from claimline.entities import default_registry
from claimline.entities.gazetteer import _ARTICLES, _WORD, Gazetteer, GazetteerMatch, _piece_words
from claimline.entities.normalise import fold

_SPLIT = re.compile(r"(\w+|[^\w\s-])")
GAZ = Gazetteer.from_registry(default_registry()).with_free_words(["le", "la", "M.", "président"])


def every_word(gaz: Gazetteer, text: str, start: int = 0, end: int | None = None) -> list[GazetteerMatch]:
    """The reference: split the whole text into words, try a name at each first word."""
    parts = _SPLIT.split(text[start : len(text) if end is None else end])
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts), initial=start))
    folded = [fold(w) for w in words]
    out, after = [], 0
    for i, f in enumerate(folded):
        if i < after or f not in gaz._firsts:
            continue
        if f not in gaz._singles and tuple(folded[i : i + 2]) not in gaz._prefixes:
            continue
        found = gaz._longest(words, folded, i)
        if found is None:
            continue
        n, entity_id, label = found
        first = i + 1 if n > 1 and words[i] in _ARTICLES else i
        s, e = bounds[2 * first + 1], bounds[2 * (i + n)]
        out.append(GazetteerMatch(s, e, text[s:e], entity_id, label))
        after = i + n
    return gaz._unglued(text, out)


SENTENCES = [
    "Le président Macron a reçu l'OTAN, l'union européenne et Le Monde à Paris, près de Notre-Dame.",
    "En France,  la Côte d'Ivoire\net les États-Unis ; Air France et France 2 (Paris Saint-Germain).",
    "  Kiev\n\nZelensky  parle à Washington-- puis à New York, à l’Élysée : «Trump-Poutine».",
    "l'otan, l'OTAN. UE, ue, Union européenne ; le Kremlin et la Maison-Blanche ; la BCE (Francfort).",
    "Selon le Monde et les Echos, Emmanuel Macron, Donald J. Trump et Vladimir Poutine ; la France insoumise.",
]
_PIECES = ["France", "Paris", "le", "Le", "la", "l'", "l’", "Union", "européenne", "OTAN", "New", "York",
           "Côte", "d'", "Ivoire", "Saint", "-", " ", "  ", "\n", ",", ".", "(", ")", "«", "2", "Air", "Macron",
           "Emmanuel", "États", "Unis", "Monde", "x", "Washington",
           "Donald", "J", "Trump", "Vladimir", "Poutine", "insoumise", "les", "Echos"]


def test_the_pieces_find_what_every_word_finds():
    for text in SENTENCES:
        assert GAZ.find(text) == every_word(GAZ, text)
        for start, end in ((3, 40), (10, len(text) - 5), (0, 1)):
            assert GAZ.find(text, start=start, end=end) == every_word(GAZ, text, start, end)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.integers(0, 30), st.integers(0, 300))
def test_the_pieces_find_what_every_word_finds_in_any_text(pieces, start, end):
    text = "".join(pieces)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert GAZ.find(text) == every_word(GAZ, text)
    assert GAZ.find(text, start=start, end=end) == every_word(GAZ, text, start, end)


def _regex_words(piece: str) -> tuple[tuple[tuple[int, str, str], ...], bool]:
    """The reference for one piece: every ``_WORD`` match, folded."""
    words = tuple((m.start(), m.group(), fold(m.group())) for m in _WORD.finditer(piece))
    return words, any(f in GAZ._firsts for _, _, f in words)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZéÉœ9²½_'’-.\n\u00a0Ⅻ٣", max_size=8) | st.sampled_from(_PIECES))
def test_a_piece_of_word_characters_is_read_as_the_pattern_reads_it(piece):
    assert _piece_words(GAZ._firsts, piece) == _regex_words(piece)
