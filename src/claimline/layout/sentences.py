"""Sentence boundaries: spaCy's, corrected with the layout of the page.

:func:`refine_sentences` takes the sentence starts found by the French model and

- adds a boundary at every line break that ends a sentence (a blank line; a line break
  after sentence punctuation; a line break before a line that does not start in lower
  case: titles, headings, "J’aime", list items) and at every section start;
- removes a model boundary that splits a sentence in the middle of a line (no line
  break, no sentence punctuation before it, and a lower-case word after it or a
  lower-case letter before it: "Entre provocation | et mépris", "le très précis | War
  Mapper") and one that would leave a sentence of punctuation alone.

It works on offsets only, in time linear in the text.

>>> text = "Titre sans point\\nLe texte commence. Et continue"
>>> refine_sentences(text, [0, 36], [0])
[(0, 16), (17, 35), (36, 47)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CLOSERS = frozenset(".!?:;…»\"')]")


def _line_break_starts(text: str, section_starts: set[int]) -> set[int]:
    """Offsets of the first character of lines that start a sentence."""
    starts: set[int] = set()
    prev_char = ""  # last non-space character before the current line
    newlines = 0
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl == -1 else nl
        stripped_start = pos
        while stripped_start < line_end and text[stripped_start].isspace():
            stripped_start += 1
        if stripped_start < line_end:  # a non-blank line
            first = text[stripped_start]
            if prev_char and (
                newlines > 1
                or pos in section_starts
                or not (first.islower() and prev_char not in CLOSERS)
            ):
                starts.add(stripped_start)
            elif not prev_char:
                starts.add(stripped_start)
            last = line_end - 1
            while text[last].isspace():
                last -= 1
            prev_char = text[last]
            newlines = 0
        newlines += 1
        pos = line_end + 1
    return starts


def refine_sentences(
    text: str, model_starts: Iterable[int], section_starts: Iterable[int] = ()
) -> list[tuple[int, int]]:
    """Whitespace-trimmed ``(start, end)`` of every sentence of ``text``."""
    sections = set(section_starts)
    forced = _line_break_starts(text, sections)
    keep: set[int] = set(forced)
    for b in model_starts:
        if b <= 0 or b >= len(text) or b in keep:
            continue
        j = b - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        prev_char = text[j] if j >= 0 else ""
        if "\n" not in text[j + 1 : b] and prev_char not in CLOSERS and (
            text[b].islower()
            or text[b].isdigit()
            or (prev_char.isalpha() and prev_char.islower())
            or _after_capitalised_word(text, j)
        ):
            continue  # a split in mid-sentence ("précis | War Mapper") or inside a name ("Zapad | 2025")
        keep.add(b)
    bounds = sorted(keep | {0})
    out: list[tuple[int, int]] = []
    for i, start in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        seg = text[start:end]
        s = start + (len(seg) - len(seg.lstrip()))
        e = start + len(seg.rstrip())
        if s >= e:
            continue
        if out and all(not c.isalnum() for c in text[s:e]) and "\n" not in text[out[-1][1] : s]:
            out[-1] = (out[-1][0], e)  # punctuation alone joins the sentence before
            continue
        if out and "\n" not in text[out[-1][1] : s] and _opens(text, *out[-1]):
            out[-1] = (out[-1][0], e)  # "1. «" | "Cela fait…" is one sentence
            continue
        out.append((s, e))
    return out


def _after_capitalised_word(text: str, j: int) -> bool:
    """Whether the word ending at ``j`` is capitalised (and not the first of its line)."""
    k = j
    while k >= 0 and (text[k].isalnum() or text[k] in "-'"):
        k -= 1
    word_start = k + 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    first_of_line = k < 0 or text[k] == "\n"
    return word_start <= j and text[word_start].isupper() and not first_of_line


_LIST_MARKER = re.compile(r"\(?\d{1,3}[.)]")
_OPENERS = frozenset("«(“[")


def _opens(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a list marker ("1.") or ends on an opening quote or bracket.

    Reads at most 6 characters: a sentence that grows by merging is never copied.
    """
    return text[end - 1] in _OPENERS or (end - start <= 6 and _LIST_MARKER.fullmatch(text, start, end) is not None)


__all__ = ["CLOSERS", "refine_sentences"]
