"""Type the lines of a scraped web page: headline, article, asides, comments, furniture.

Works on any site template from the per-line features of :mod:`claimline.layout.cues`:

1. *Is it a page?* At least ``page_evidence.min_cues`` chrome lines (bylines, share bars,
   cookie banners, navigation lists) near the top; otherwise :func:`type_page_lines`
   returns None and the plain rules of :mod:`claimline.layout.sections` apply.
2. *Headline*: the last headline-shaped line before the first byline or the first
   paragraph, whichever comes first (menus, breadcrumbs and slogans come before it);
   everything above it is boilerplate.
3. *Comment thread*: from a thread header after the article's first paragraph to the last
   comment chrome line ("Répondre", "Signaler un abus", a comment's date).
4. *The rest*, line by line: a cue types its line (or a block of short lines after a
   heading such as "Les plus lus"); photo captions go with their credit, embedded social
   posts are asides; between the headline and the first paragraph, uncued lines are
   byline furniture; after the last paragraph, uncued lines that are not sentences
   continuing the article (signatures, site names) are boilerplate; lines repeating the
   headline or the site chrome are boilerplate. Everything else is body.
"""

from __future__ import annotations

from claimline.layout.cues import COMMENT_ROLES, CompiledLayout, PageLine, describe
from claimline.models import SectionKind


def _evidence(lines: list[PageLine], compiled: CompiledLayout) -> bool:
    """Whether the top of the text carries page chrome."""
    rules = compiled.layout
    top = lines[: rules.page_evidence.window]
    count = sum(
        max([c.evidence for c in line.cues] + [int(line.menu_list and line.chars <= 120)]) for line in top
    )
    run = 0
    for line in top:
        if line.paragraph:
            break
        run = run + 1 if line.short_item(rules.menu) and line.plain else 0
        if run >= rules.menu.min_run:
            count += 1
            break
    return count >= rules.page_evidence.min_cues


def _first_paragraph(lines: list[PageLine], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].paragraph and lines[i].plain), None)


def _title(lines: list[PageLine], compiled: CompiledLayout) -> int | None:
    """Position (in ``lines``) of the headline."""
    shape = compiled.layout.title
    byline = next((i for i, line in enumerate(lines) if "byline" in line.roles), len(lines))
    para = _first_paragraph(lines, 0)
    anchor = min(byline, para if para is not None else len(lines))
    end = para if para is not None else len(lines)
    after = [i for i in range(anchor, end) if lines[i].headline(shape) and not lines[i].text.endswith(".")]
    before = [i for i in range(anchor) if lines[i].headline(shape)]
    if not before:
        return after[0] if after else None
    # a line ending with a full stop (a signature, a standfirst) only if alone; the
    # closest to the article unless a much longer one comes first (an author line)
    before = [i for i in before if not lines[i].text.endswith(".")] or before
    longest = max(before, key=lambda i: lines[i].chars)
    best = before[-1] if lines[before[-1]].chars >= 0.6 * lines[longest].chars else longest
    # a byline above the headline: a much longer headline-shaped line below it wins over a slogan
    if after and lines[after[0]].chars >= 1.5 * lines[best].chars:
        return after[0]
    return best


def _thread(lines: list[PageLine], start: int) -> tuple[int, int] | None:
    """(first, last) positions of the comment thread after ``start``."""
    head = next((i for i in range(start, len(lines)) if "thread" in lines[i].roles), None)
    if head is None:
        head = _headerless_thread(lines, start)
    if head is None:
        return None
    last = head
    for j in range(head + 1, len(lines)):
        roles = lines[j].roles
        if roles & COMMENT_ROLES:
            last = j
        elif roles:
            break
    return head, last


def _headerless_thread(lines: list[PageLine], start: int) -> int | None:
    """First line of a comment thread without a header: a comment's date followed closely
    by comment chrome ("Répondre"), with the author's name above the date."""
    for i in range(start, len(lines)):
        if lines[i].roles != {"comment_date"}:
            continue
        if any("comment_chrome" in lines[j].roles for j in range(i + 1, min(i + 5, len(lines)))):
            author = i > start and lines[i - 1].plain and lines[i - 1].words <= 4 and lines[i - 1].chars <= 40
            return i - 1 if author else i
    return None


def _social_posts(lines: list[PageLine]) -> set[int]:
    """Positions of the lines of embedded social-media posts."""
    marked: set[int] = set()
    for i, line in enumerate(lines):
        if "social_handle" not in line.roles:
            continue
        first = i
        if i > 0 and lines[i - 1].plain and lines[i - 1].words <= 4 and not lines[i - 1].sentence_end:
            first = i - 1
        last = i
        for j in range(i + 1, min(i + 5, len(lines))):
            if "social_time" in lines[j].roles:
                last = j
                break
        marked.update(range(first, last + 1))
    return marked


def _captions(lines: list[PageLine]) -> set[int]:
    """Positions of caption lines followed by a credit-only line."""
    out = set()
    for i in range(1, len(lines)):
        credit = lines[i]
        previous = lines[i - 1]
        credit_only = "credit" in credit.roles and credit.chars <= 90 and (
            credit.text.startswith("©") or not credit.sentence_end
        )
        if credit_only and previous.plain and previous.chars <= 300 and previous.index == credit.index - 1:
            out.add(i - 1)
    return out


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def type_page_lines(texts: list[tuple[int, str]], compiled: CompiledLayout) -> list[SectionKind] | None:
    """The kind of each of the ``(line number, text)`` non-blank lines, or None if not a page."""
    lines = [describe(t, compiled, i) for i, t in texts]
    if not lines or not _evidence(lines, compiled):
        return None
    title = _title(lines, compiled)
    start = title + 1 if title is not None else 0
    kinds: list[SectionKind] = ["boilerplate"] * len(lines)
    if title is not None:
        kinds[title] = "title"
    first_para = _first_paragraph(lines, start)
    thread = _thread(lines, first_para + 1) if first_para is not None else None
    social = _social_posts(lines)
    captions = _captions(lines)
    chrome = {_key(lines[i].text) for i in range(start)} | ({_key(lines[title].text)} if title is not None else set())
    block: SectionKind | None = None
    for i in range(start, len(lines)):
        line = lines[i]
        if thread and thread[0] <= i <= thread[1]:
            kinds[i], block = "comments", None
            continue
        after_thread = thread is not None and i > thread[1]
        kind, block = _line_kind(line, block, i in social, i in captions)
        if kind is None:
            outside = after_thread or first_para is None or (i < first_para and not _standfirst(lines, i, title))
            kind = "boilerplate" if outside or _key(line.text) in chrome else "body"
        kinds[i] = kind
    _close_article(lines, kinds, thread[0] if thread else len(lines))
    return kinds


def _line_kind(
    line: PageLine, block: SectionKind | None, social: bool, caption: bool
) -> tuple[SectionKind | None, SectionKind | None]:
    """(kind of the line or None when it has no cue, block kind after it)."""
    if social:
        return "aside", None
    if caption:
        return "boilerplate", None
    roles = line.roles
    if "block" in roles:
        kind = line.kind_of("block")
        return kind, kind
    if roles - {"social_time"}:
        if roles & COMMENT_ROLES and not roles - COMMENT_ROLES:
            # a date in a list continues it; comment chrome elsewhere is a link to the thread
            return (block, block) if block is not None else ("boilerplate", None)
        kind = line.kind_of("byline", "line", "after_thread", "credit", "social_handle")
        return kind or "boilerplate", None
    if block is not None and (line.list_item or not (line.paragraph or (line.sentence_end and line.words >= 12))):
        return block, block
    return None, None


def _standfirst(lines: list[PageLine], i: int, title: int | None) -> bool:
    """A short standfirst right under the headline: one plain sentence of some length."""
    line = lines[i]
    return title is not None and i == title + 1 and line.plain and line.sentence_end and line.words >= 8


def _close_article(lines: list[PageLine], kinds: list[SectionKind], end: int) -> None:
    """After the last paragraph, keep as body only sentences that continue the article
    (following it, or long enough to be one of its sentences)."""
    last = next((i for i in range(end - 1, -1, -1) if kinds[i] == "body" and lines[i].paragraph), None)
    if last is None:
        return
    for i in range(last + 1, end):
        if kinds[i] == "body" and not (lines[i].sentence_end and (kinds[i - 1] == "body" or lines[i].words >= 8)):
            kinds[i] = "boilerplate"


__all__ = ["type_page_lines"]
