"""The text the model reads: typographic characters replaced, no offset moved.

:func:`model_text` replaces characters one for one, so the model's text has exactly
the length of the original and every offset computed on it indexes the original too. This is what lets claimline feed spaCy "C'est" instead of "C’est"
(fr_core_news_sm tags "C’" as an entity) and still report offsets into the input.

>>> model_text("C’est « vrai »\\u202f!")
"C'est « vrai » !"
"""

from __future__ import annotations

import re

# One character in, one character out.
_TRANSLATION = {
    ord("\u2019"): "'",  # right single quotation mark (typographic apostrophe)
    ord("\u2018"): "'",  # left single quotation mark
    ord("\u02bc"): "'",  # modifier letter apostrophe
    ord("\u2032"): "'",  # prime
    ord("\u00b4"): "'",  # acute accent used as apostrophe
    ord("`"): "'",
    ord("\u201c"): '"',  # “
    ord("\u201d"): '"',  # ”
    ord("\u201e"): '"',  # „
    ord("\u00a0"): " ",  # no-break space
    ord("\u202f"): " ",  # narrow no-break space
    ord("\u2007"): " ",  # figure space
    ord("\u2009"): " ",  # thin space
    ord("\u200a"): " ",  # hair space
    ord("\u2002"): " ",
    ord("\u2003"): " ",
    ord("\u2028"): "\n",  # line separator
    ord("\u2029"): "\n",  # paragraph separator
    ord("\u0085"): "\n",  # next line
    ord("\u000b"): "\n",  # vertical tab
    ord("\u000c"): "\n",  # form feed
    ord("\u0000"): " ",  # NUL
    ord("\u00ad"): " ",  # soft hyphen
    ord("\u2010"): "-",  # hyphen
    ord("\u2011"): "-",  # non-breaking hyphen
}
# Remaining C0 controls (but \t \n \r) and DEL become spaces.
_TRANSLATION.update({c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D) and c not in _TRANSLATION})
_TRANSLATION[0x7F] = " "

_CRLF = re.compile(r"\r\n")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def model_text(text: str) -> str:
    """Return ``text`` with typographic characters and controls replaced one for one.

    The result always has ``len(text)`` characters: "\\r\\n" becomes " \\n", a lone "\\r"
    becomes "\\n" and a lone surrogate becomes U+FFFD.
    """
    out = text.translate(_TRANSLATION)
    if "\r" in out:
        out = _CRLF.sub(" \n", out).replace("\r", "\n")
    if _SURROGATE.search(out):
        out = _SURROGATE.sub("\ufffd", out)
    return out


def replace_surrogates(text: str) -> tuple[str, int, int]:
    """``text`` with every lone surrogate replaced by U+FFFD (same length).

    Returns the text, the number of replacements and the offset of the first one (-1
    when none): a lone surrogate cannot be written as UTF-8, so an Article holding one
    could not be saved as JSON.
    """
    first = _SURROGATE.search(text)
    if first is None:
        return text, 0, -1
    out, count = _SURROGATE.subn("\ufffd", text)
    return out, count, first.start()


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, end excluding the line break."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end))
        start = end + 1
    return spans


normalise_for_model = model_text  # the former name

__all__ = ["line_spans", "model_text", "normalise_for_model", "replace_surrogates"]
