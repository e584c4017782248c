"""Score predicted Articles against a gold folder: :func:`evaluate`.

>>> report = claimline.evaluate("data/gold", "out/")  # doctest: +SKIP
>>> report.score("timexes", "value").f1  # doctest: +SKIP
0.71
>>> print(report.table())  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel

from claimline.errors import Errors, InputError
from claimline.evaluate.gold import GoldDocument, load_gold
from claimline.evaluate.layers import SCORERS, LayerResult, cross_document
from claimline.evaluate.report import LayerReport, Report, micro_average
from claimline.models import Article, Span

# What each layer reads in a predicted Article (to tell "not produced" from "all wrong").
_PRODUCED = {
    "timexes": lambda a: a.timexes,
    "quantities": lambda a: a.quantities,
    "entities": lambda a: a.mentions,
    "events": lambda a: a.events,
    "sections": lambda a: a.sections,
}


def span_problem(article: Article) -> str | None:
    """The first span of ``article`` that does not index its text ("timexes.0.span: ..."), if any.

    A JSON Article validates without its spans being checked against its text; scoring
    one whose offsets are out of range would silently count misses.
    """

    def walk(value, where: str):
        if isinstance(value, Span):
            if value.end > len(article.text) or article.text[value.start : value.end] != value.text:
                return (
                    f"{where}: [{value.start}, {value.end}) {value.text!r} is not Article.text[start:end] "
                    f"(the text has {len(article.text)} characters)"
                )
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                found = walk(getattr(value, name), f"{where}.{name}" if where else name)
                if found:
                    return found
        elif isinstance(value, list):
            for i, item in enumerate(value):
                found = walk(item, f"{where}.{i}")
                if found:
                    return found
        return None

    return walk(article, "")


def load_predictions(pred: str | Path) -> list[Article]:
    """The Articles at ``pred``: a folder of JSON files (``claimline extract -o DIR``), a
    JSONL file or a folder of Dask ``part-*.jsonl`` (read by :mod:`claimline.io.articles`,
    as ``claimline timeline`` reads them).

    JSON files that are not articles (no ``doc_id`` and ``text``, e.g. a timeline) are
    skipped; an article that does not validate raises :class:`InputError` naming it.
    """
    from claimline.io.articles import iter_sourced_articles

    errors: list[str] = []
    articles = []
    for origin, article in iter_sourced_articles([pred], errors):
        if errors:
            break
        problem = span_problem(article)
        if problem:
            raise InputError(Errors.E014.format(path=origin, detail=f"not a valid Article: {problem}"))
        articles.append(article)
    if errors:
        raise InputError(Errors.E014.format(path=pred, detail=errors[0].rstrip(".")))
    return articles


def _predictions(pred: str | Path | Iterable[Article], gold: Mapping[str, GoldDocument]) -> dict[str, Article]:
    articles = load_predictions(pred) if isinstance(pred, (str, Path)) else list(pred)
    by_id: dict[str, Article] = {}
    for article in articles:
        if not isinstance(article, Article):
            raise InputError(Errors.E014.format(path="<list>", detail=f"an item is a {type(article).__name__}"))
        problem = span_problem(article) if not isinstance(pred, (str, Path)) else None
        if problem:
            raise InputError(Errors.E014.format(path=f"<article {article.doc_id!r}>", detail=problem))
        if article.doc_id in by_id:
            raise InputError(Errors.E014.format(path=pred, detail=f"two articles have doc_id {article.doc_id!r}"))
        doc = gold.get(article.doc_id)
        if doc is not None and article.text != doc.text:
            raise InputError(
                Errors.E014.format(
                    path=pred,
                    detail=f"the text of article {article.doc_id!r} is not the raw text the gold annotates "
                    "(offsets would not compare): extract it from the same file",
                )
            )
        by_id[article.doc_id] = article
    return by_id


def evaluate(
    gold: str | Path | Mapping[str, GoldDocument],
    pred: str | Path | Iterable[Article],
    *,
    raw_dir: str | Path | None = None,
) -> Report:
    """Score ``pred`` (a folder of Article JSON files, or Articles) against ``gold`` (a gold
    folder, see :mod:`claimline.evaluate.gold`, or already loaded documents).

    Every gold document is scored (one without prediction as an empty one); predicted
    articles without gold are listed in ``Report.unscored``. Scores are defined in
    :mod:`claimline.evaluate.layers`.
    """
    gold_docs = load_gold(gold, raw_dir=raw_dir) if isinstance(gold, (str, Path)) else dict(gold)
    predicted = _predictions(pred, gold_docs)
    doc_ids = sorted(gold_docs)
    missing = [d for d in doc_ids if d not in predicted]
    results: dict[str, dict[str, LayerResult]] = {name: {} for name in SCORERS}
    for doc_id in doc_ids:
        doc = gold_docs[doc_id]
        article = predicted.get(doc_id) or Article(doc_id=doc_id, text=doc.text)
        for name, scorer in SCORERS.items():
            results[name][doc_id] = scorer(doc, article)
    layers: dict[str, LayerReport] = {}
    errors = []
    for name, per_doc in results.items():
        documents = {d: r.metrics for d, r in per_doc.items()}
        micro = micro_average(documents)
        if name == "entities":
            micro |= cross_document([link for r in per_doc.values() for link in r.links])
        produced = any(_PRODUCED[name](a) for a in predicted.values())
        layers[name] = LayerReport(produced=produced, micro=micro, documents=documents)
        errors += sorted((e for r in per_doc.values() for e in r.errors), key=lambda e: (e.doc_id, e.start, e.end))
    return Report(
        gold=str(gold) if isinstance(gold, (str, Path)) else None,
        pred=str(pred) if isinstance(pred, (str, Path)) else None,
        documents=doc_ids,
        missing=missing,
        unscored=sorted(set(predicted) - set(gold_docs)),
        layers=layers,
        errors=errors,
    )


__all__ = ["evaluate", "load_predictions"]
