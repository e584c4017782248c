"""claimline: French news articles to a structured, dated record of what they claim.

>>> import claimline
>>> article = claimline.extract(open("data/raw/002_7f491bfa0959dcff.txt").read(),
...                             published="2025-09-21")  # doctest: +SKIP
>>> [s.kind for s in article.sections][:3]  # doctest: +SKIP
['title', 'body', 'aside']

The models (:mod:`claimline.models`) and the timeline (``Timeline``, ``build_timeline``)
import without spaCy; ``load``, ``extract`` and ``extract_many`` import it on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimline.errors import ClaimlineError, ExtractionError, InputError, ModelNotInstalledError, ResourceError
from claimline.models import (
    SCHEMA_VERSION,
    Article,
    Claim,
    Entity,
    Event,
    Mention,
    Quantity,
    Section,
    Sentence,
    Source,
    Span,
    Timex,
    article_json_schema,
)

__version__ = "0.1.0"

_LAZY = {
    "load": "claimline.pipeline",
    "extract": "claimline.api",
    "extract_many": "claimline.api",
    "ExtractionFailure": "claimline.batch",
    "ArticleInput": "claimline.io.inputs",
    "split_sections": "claimline.layout.sections",
    "html_to_text": "claimline.text.html",
    "detect_language": "claimline.text.language",
    "evaluate": "claimline.evaluate",
    "Timeline": "claimline.timeline",
    "build_timeline": "claimline.timeline",
    "timeline_json_schema": "claimline.timeline",
}

if TYPE_CHECKING:  # pragma: no cover
    from claimline.api import extract, extract_many
    from claimline.batch import ExtractionFailure
    from claimline.io.inputs import ArticleInput
    from claimline.text.html import html_to_text
    from claimline.text.language import detect_language
    from claimline.pipeline import load
    from claimline.layout.sections import split_sections
    from claimline.timeline import Timeline, build_timeline, timeline_json_schema


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimline' has no attribute {name!r}")
    import importlib

    imported = importlib.import_module(module)
    return imported if module == f"claimline.{name}" else getattr(imported, name)


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleInput",
    "Claim",
    "ClaimlineError",
    "Entity",
    "Event",
    "ExtractionError",
    "ExtractionFailure",
    "InputError",
    "Mention",
    "ModelNotInstalledError",
    "Quantity",
    "ResourceError",
    "Section",
    "Sentence",
    "Source",
    "Span",
    "Timeline",
    "Timex",
    "__version__",
    "article_json_schema",
    "detect_language",
    "build_timeline",
    "evaluate",
    "extract",
    "extract_many",
    "html_to_text",
    "load",
    "split_sections",
    "timeline_json_schema",
]
