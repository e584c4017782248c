"""HTML input: detect it, and extract the article of a web page.

claimline reads plain text; a page's HTML fed as is would make tags into words and
offsets into the markup. :func:`html_evidence` says whether a text looks like HTML (a
doctype, an ``<html>``/``<body>`` tag, or at least :data:`MIN_TAGS` known tags).
:func:`extract_page` extracts the article with trafilatura (made for news pages: it drops
navigation, ads, related links and footers) and reads the page's title and publication
date from its metadata (htmldate: ``article:published_time``, JSON-LD ``datePublished``,
``<time>``...; never the dates of the text or of the comments). The extracted text is
laid out as the headline, a blank line, the article's paragraphs separated by blank lines
and, when the page has reader comments, a "Commentaires" line followed by them: this is
``Article.text``, which every offset indexes. Pages trafilatura finds no article in (a
home page, a fragment) fall back to a plain conversion of all the text
(:func:`plain_text`, standard library: scripts, styles and ``<head>`` dropped, block
elements as paragraphs).

>>> plain_text("<html><body><h1>Titre</h1><p>Le 18&nbsp;septembre, Trump.<br>Suite</p></body></html>")
'Titre\\n\\nLe 18\\xa0septembre, Trump.\\nSuite'
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from html.parser import HTMLParser
from typing import NamedTuple

MIN_TAGS = 3
"""Number of known tags that make a text HTML (without a doctype, html or body tag)."""

COMMENTS_HEADER = "Commentaires"
"""The line that introduces the readers' comments in the extracted text."""

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
_LINE_SPACES = re.compile(r"[ \t]+")
# Inline formatting tags: unwrapped before extraction so that "<b>500</b>" stays in its sentence.
_INLINE = re.compile(r"</?(?:b|i|em|strong|u|mark|abbr)(?:\s[^<>]{0,500})?/?>", re.IGNORECASE)


class Page(NamedTuple):
    """What :func:`extract_page` reads from a page."""

    text: str  # Article.text
    title: str | None  # the headline (first line of ``text`` when found)
    published: dt.date | None  # from the page's metadata
    author: str | None
    extractor: str  # "trafilatura" or "plain" (fallback)


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


def plain_text(html: str) -> str:
    """All the text of an HTML page or fragment, one paragraph per block element."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.parts).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def _paragraphs(text: str | None) -> list[str]:
    lines = (_LINE_SPACES.sub(" ", line).strip() for line in (text or "").split("\n"))
    return [line for line in lines if line]


def page_date(html: str) -> dt.date | None:
    """The publication date in the page's metadata (htmldate, without searching the text)."""
    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
        return dt.date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001  (a date parser must never make the page unreadable)
        return None


def _trafilatura(html: str):
    import trafilatura

    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        return trafilatura.bare_extraction(_INLINE.sub("", html), include_comments=True, with_metadata=True)
    except Exception:  # noqa: BLE001  (malformed markup: fall back to the plain conversion)
        return None


def extract_page(html: str) -> Page:
    """The article of an HTML page: its text (headline, paragraphs, comments), title and date."""
    doc = _trafilatura(html) if html.strip() else None
    body = _paragraphs(getattr(doc, "text", None)) if doc is not None else []
    if not body:
        return Page(plain_text(html), None, page_date(html) if html.strip() else None, None, "plain")
    title = (getattr(doc, "title", None) or "").strip() or None
    if title and _LINE_SPACES.sub(" ", title) == body[0]:
        body = body[1:]
    lines = ([title] if title else []) + body
    comments = _paragraphs(getattr(doc, "comments", None))
    if comments:
        lines += [COMMENTS_HEADER, *comments]
    return Page("\n\n".join(lines), title, page_date(html), getattr(doc, "author", None), "trafilatura")


def html_to_text(html: str) -> str:
    """The article text of an HTML page (``extract_page(html).text``)."""
    return extract_page(html).text


__all__ = ["COMMENTS_HEADER", "MIN_TAGS", "Page", "extract_page", "html_evidence", "html_to_text", "page_date",
           "plain_text"]
