"""HTML input: detect it, and turn it into plain text on request.

claimline reads plain text; a page's HTML fed as is would make tags into words and
offsets into the markup. :func:`html_evidence` says whether a text looks like HTML (a
doctype, an ``<html>``/``<body>`` tag, or at least :data:`MIN_TAGS` known tags);
:func:`html_to_text` extracts the text with the standard library's
:class:`html.parser.HTMLParser`: scripts, styles and the ``<head>`` are dropped, block
elements become paragraphs (blank lines), ``<br>`` a line break, entities are decoded.
The Article's offsets then index the converted text (``Article.text``).

>>> html_to_text("<html><body><h1>Titre</h1><p>Le 18&nbsp;septembre, Trump.<br>Suite</p></body></html>")
'Titre\\n\\nLe 18\\xa0septembre, Trump.\\nSuite'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MIN_TAGS = 3
"""Number of known tags that make a text HTML (without a doctype, html or body tag)."""

_KNOWN = (
    "html|head|body|div|p|span|a|br|hr|img|script|style|table|thead|tbody|tr|td|th|ul|ol|li|"
    "h[1-6]|article|section|header|footer|nav|aside|main|meta|link|title|strong|em|b|i|u|"
    "blockquote|figure|figcaption|iframe|form|input|button|noscript|time|small|sup|sub|pre|code"
)
# Bounded attribute run: no backtracking beyond 2,000 characters per "<".
_TAG = re.compile(rf"<(?:!doctype\s+html|/?(?:{_KNOWN})(?=[\s/>])[^<>]{{0,2000}}>)", re.IGNORECASE)
_DOCUMENT_TAG = re.compile(r"<(?:!doctype|/?html\b|/?body\b)", re.IGNORECASE)

_BLOCK = frozenset(
    "address article aside blockquote caption dd div dl dt figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP = frozenset({"script", "style", "head", "noscript", "template", "svg"})
_SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML whitespace (not NBSP: it is text)
_BLANKS = re.compile(r"\n{3,}")


def html_evidence(text: str) -> str | None:
    """What makes ``text`` look like HTML (e.g. "<p>, </div>, <br/>"), or None."""
    tags: list[str] = []
    for match in _TAG.finditer(text):
        tags.append(match.group(0)[:20])
        if _DOCUMENT_TAG.match(match.group(0)) or len(tags) >= MIN_TAGS:
            return ", ".join(tags)
    return None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """The text of an HTML page or fragment, one paragraph per block element."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.parts).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


__all__ = ["MIN_TAGS", "html_evidence", "html_to_text"]
