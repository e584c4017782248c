"""Running the pipeline over many inputs: error handling per item, chunking of long texts.

:func:`iter_results` streams one Article or :class:`ExtractionFailure` per input, in
order; a failing item is redone alone so that the batch goes on.

Long texts: spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its parser needs
about 1 GB of memory per 100,000 characters. :func:`chunk_bounds` cuts a text into
pieces of at most ``limit`` characters at the best boundary it finds in the second half
of each window (a blank line, else a line break, else after sentence punctuation, else
a space); :func:`process_in_chunks` runs the model's own components piece by piece,
merges the pieces with ``Doc.from_docs(ensure_whitespace=False)`` (so the merged
``doc.text`` is the text, character for character) and then runs claimline's
document-level components once, on the whole Doc. Time and memory stay linear in the
length of the text.

>>> chunk_bounds("Un.\\n\\nDeux.\\n\\nTrois.", 9)
[(0, 5), (5, 12), (12, 18)]
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from claimline.errors import ClaimlineError, Errors, ExtractionError, InputError
from claimline.io.inputs import ArticleInput, as_input, input_doc_id, read_input
from claimline.models import Article
from claimline.text.model_text import model_text
from claimline.workers import guarded_workers

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_CHUNK_CHARS = 100_000
"""Texts longer than this are processed in chunks (fr_core_news_md: ~1 GB, ~4 s each)."""

_SENTENCE_ENDS = (". ", "! ", "? ", "… ", ".\t", "!\t", "?\t")


def chunk_limit(nlp: Language, chunk_chars: int = DEFAULT_CHUNK_CHARS) -> int:
    """The chunk size to use with ``nlp``: ``chunk_chars``, at most ``nlp.max_length``."""
    return max(1, min(int(chunk_chars), int(nlp.max_length)))


def _cut(text: str, start: int, limit: int) -> int:
    """Where the chunk that starts at ``start`` ends (``len(text) - start > limit``)."""
    hi = start + limit
    lo = start + limit // 2
    for sep in ("\n\n", "\n"):
        i = text.rfind(sep, lo, hi)
        if i != -1:
            return i + len(sep)
    ends = [text.rfind(sep, lo, hi) for sep in _SENTENCE_ENDS]
    best = max(ends)
    if best != -1:
        return best + 2
    i = max(text.rfind(sep, start, hi) for sep in " \n\t")
    return i + 1 if i != -1 else hi


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces of ``text``, each at most ``limit`` characters.

    The pieces cover ``text`` exactly; every cut falls after a separator (blank line,
    line break, sentence end, space) when one exists, so no word is split.
    """
    if limit < 1:
        raise ValueError(f"limit must be a positive number of characters, got {limit}")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def is_claimline_component(nlp: Language, name: str) -> bool:
    """Whether pipe ``name`` is one of claimline's document-level components."""
    return nlp.get_pipe_meta(name).factory.startswith("claimline_")


def process_in_chunks(
    nlp: Language, text: str, limit: int, *, setup: Callable[[Doc], None] = lambda doc: None
) -> Doc:
    """``nlp`` applied to ``text`` piece by piece, then claimline's components on the whole.

    ``setup`` is called on the merged Doc before claimline's components run (it sets the
    ``Doc._`` inputs, e.g. the publication date).
    """
    from spacy.tokens import Doc

    model_pipes = [(n, p) for n, p in nlp.pipeline if not is_claimline_component(nlp, n)]
    claimline_pipes = [(n, p) for n, p in nlp.pipeline if is_claimline_component(nlp, n)]
    docs = []
    for start, end in chunk_bounds(text, limit):
        doc = nlp.make_doc(text[start:end])
        for _, proc in model_pipes:
            doc = proc(doc)
        docs.append(doc)
    merged = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
    if merged.text != text:  # pragma: no cover - a spaCy contract; fail loudly, never shift offsets
        raise RuntimeError("merging the chunks changed the text")
    setup(merged)
    for _, proc in claimline_pipes:
        merged = proc(merged)
    return merged


# -- one result per input -------------------------------------------------------


@dataclass(frozen=True)
class ExtractionFailure:
    """An input :func:`extract_many` could not turn into an Article (the batch goes on).

    ``index`` is the item's position in the input stream, ``error`` a one-line message,
    ``stage`` "input" (the item itself is bad) or "pipeline" (a component or the Article
    builder raised ``exception``).
    """

    index: int
    doc_id: str | None
    error: str
    origin: str | None = None
    stage: Literal["input", "pipeline"] = "pipeline"
    exception: BaseException | None = field(default=None, compare=False, repr=False)

    def raise_(self) -> None:
        """Raise the :class:`InputError` or :class:`ExtractionError` this failure stands for."""
        cls = InputError if self.stage == "input" else ExtractionError
        raise cls(self.error) from self.exception


OnError = Literal["raise", "skip"] | Callable[[ExtractionFailure], Any]


def _setup(doc, published: dt.date | None, source: str | None = None) -> None:
    """Set the ``Doc._`` inputs of the pipeline (``source``: where ``published`` comes from,
    "given" unless an HTML page's metadata or byline gave it)."""
    from claimline.doc import set_published

    set_published(doc, published, source or "given")


def one_line(err: BaseException) -> str:
    """``err`` as one line: ``ValueError: message`` (multi-line messages joined by "; ")."""
    message = "; ".join(line.strip() for line in str(err).splitlines() if line.strip())
    if isinstance(err, ClaimlineError):
        return message
    return f"{type(err).__name__}: {message}" if message else type(err).__name__


_REDOING = threading.local()


def _ignore_error(proc_name, proc, docs, error) -> None:
    """spaCy error handler: drop the failing docs (:func:`iter_results` redoes them one by
    one, and then this handler raises, so that the culprit is named)."""
    if getattr(_REDOING, "active", False):
        raise error


def _settable(proc) -> bool:
    """Whether ``proc`` takes an error handler (spaCy's Cython parsers do not store one)."""
    try:
        proc.set_error_handler(proc.get_error_handler())
    except AttributeError:
        return False
    return True


@contextmanager
def _errors_dropped(nlp):
    """Make ``nlp.pipe`` drop a failing doc or batch instead of raising; restore after.

    Covers every component that takes an error handler (all of claimline's, spaCy's
    trainable pipes) and, with ``n_process > 1``, any failure in a worker.
    """
    saved = [(p, p.get_error_handler()) for _, p in nlp.pipeline if hasattr(p, "set_error_handler") and _settable(p)]
    default = nlp.default_error_handler
    nlp.default_error_handler = _ignore_error
    for proc, _ in saved:
        proc.set_error_handler(_ignore_error)
    try:
        yield
    finally:
        nlp.default_error_handler = default
        for proc, handler in saved:
            proc.set_error_handler(handler)


class _Pending(NamedTuple):
    index: int
    item: ArticleInput | None
    doc_id: str | None
    error: InputError | None = None
    text: str = ""  # Article.text: the input, HTML converted, lone surrogates replaced
    published: dt.date | None = None
    warnings: tuple[str, ...] = ()
    chunked: bool = False  # longer than the chunk limit: run by claimline.batch, not nlp.pipe
    published_source: str | None = None  # "given", or "page"/"byline" for an HTML page


def _prepare(nlp, pending: _Pending):
    """The Doc to run the pipeline on (before any component)."""
    doc = nlp.make_doc(model_text(pending.text))
    _setup(doc, pending.published, pending.published_source)
    return doc


def _run_chunked(nlp, pending: _Pending, model: str, limit: int) -> Article | ExtractionFailure:
    """A long article, in chunks (:mod:`claimline.batch`), in this process."""
    
    try:
        doc = process_in_chunks(nlp, model_text(pending.text), limit,
                                setup=lambda d: _setup(d, pending.published, pending.published_source))
    except Exception as err:  # noqa: BLE001  (any component bug must not end the batch)
        origin = f" ({pending.item.origin})" if pending.item.origin else ""
        message = Errors.E018.format(doc_id=pending.doc_id, origin=origin, stage="the chunked pipeline",
                                     error=one_line(err))
        return ExtractionFailure(pending.index, pending.doc_id, message, pending.item.origin, exception=err)
    return _build(doc, pending, model)


def _run_alone(nlp, pending: _Pending, model: str) -> Article | ExtractionFailure:
    """Redo one article outside ``nlp.pipe``, to get either its Article or why it fails."""
    origin = f" ({pending.item.origin})" if pending.item.origin else ""
    doc = _prepare(nlp, pending)
    _REDOING.active = True
    try:
        for name, proc in nlp.pipeline:
            try:
                doc = proc(doc)
            except Exception as err:  # noqa: BLE001  (any component bug must not end the batch)
                message = Errors.E018.format(
                    doc_id=pending.doc_id, origin=origin, stage=f"component {name!r}", error=one_line(err)
                )
                return ExtractionFailure(pending.index, pending.doc_id, message, pending.item.origin, exception=err)
    finally:
        _REDOING.active = False
    return _build(doc, pending, model)


def _build(doc, pending: _Pending, model: str) -> Article | ExtractionFailure:
    from claimline.article import build_article

    try:
        return build_article(doc, text=pending.text, doc_id=pending.doc_id, model=model, warnings=list(pending.warnings))
    except Exception as err:  # noqa: BLE001
        origin = f" ({pending.item.origin})" if pending.item.origin else ""
        message = Errors.E018.format(
            doc_id=pending.doc_id, origin=origin, stage="building the Article", error=one_line(err)
        )
        return ExtractionFailure(pending.index, pending.doc_id, message, pending.item.origin, exception=err)


def iter_results(
    items: Iterable[Any],
    nlp,
    *,
    n_process: int = 1,
    batch_size: int = 8,
    html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[Article | ExtractionFailure]:
    """One Article or :class:`ExtractionFailure` per item, in input order.

    Items are read lazily (memory stays bounded by ``batch_size`` x ``n_process``).
    A bad item (not a text, a bad date) or an article on which a component raises
    becomes an ExtractionFailure; the others go on. spaCy drops a whole batch when one
    of its docs fails, so the docs missing from its output are redone one by one.
    ``html=True`` converts HTML inputs first; a text longer than ``chunk_chars`` (or
    ``nlp.max_length``) skips ``nlp.pipe`` and is processed in chunks, in this process.
    """
    from claimline.pipeline import model_name

    model = model_name(nlp)
    limit = chunk_limit(nlp, chunk_chars)
    pending: deque[_Pending] = deque()

    def docs():
        for index, raw in enumerate(items):
            item = doc_id = None
            try:
                item = as_input(raw)
                doc_id = input_doc_id(item)
                text, published, warnings, source = read_input(item, doc_id, html=html)
            except InputError as err:
                pending.append(_Pending(index, item, doc_id, err))
                continue
            ready = _Pending(index, item, doc_id, None, text, published, tuple(warnings), len(text) > limit, source)
            pending.append(ready)
            if not ready.chunked:
                yield _prepare(nlp, ready), index

    def settle(upto: int) -> Iterator[Article | ExtractionFailure]:
        while pending and pending[0].index < upto:
            missing = pending.popleft()
            if missing.error is not None:
                origin = missing.item.origin if missing.item is not None else None
                message = f"{origin}: {missing.error}" if origin else str(missing.error)
                yield ExtractionFailure(missing.index, missing.doc_id, message, origin, "input", missing.error)
            elif missing.chunked:
                yield _run_chunked(nlp, missing, model, limit)
            else:
                yield _run_alone(nlp, missing, model)

    with _errors_dropped(nlp), guarded_workers(n_process):
        for doc, index in nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
            yield from settle(index)
            yield _build(doc, pending.popleft(), model)
        yield from settle(float("inf"))


__all__ = ["DEFAULT_CHUNK_CHARS", "ExtractionFailure", "OnError", "chunk_bounds", "chunk_limit", "is_claimline_component", "iter_results", "one_line", "process_in_chunks"]
