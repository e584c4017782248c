"""Scoring of each layer of one article against its gold.

Every scorer takes the gold document and the predicted :class:`~claimline.models.Article`
and returns a :class:`LayerResult`: named scores (that micro-average by summing) and the
errors. Predicted timexes, quantities, mentions and events are scored only when they start
inside a gold title or body section: the gold annotates nothing else.

Definitions (``relaxed`` = overlapping spans, ``strict`` = same offsets, aligned one to
one by :func:`claimline.evaluate.matching.align`):

- timexes (TempEval-3): ``strict`` and ``relaxed`` span P/R/F1; ``type`` accuracy over the
  relaxed pairs and ``type_f1``; ``value`` F1 = P/R of relaxed pairs with the same TIMEX3
  value over all predicted / all gold timexes.
- quantities: ``strict``/``relaxed`` span P/R/F1; ``value`` F1 (same value, or same (low,
  high) for a range, equal within 1e-6 relative); ``value_unit`` F1 (value and unit);
  ``bounds`` accuracy over relaxed pairs (same qualifier, low and high).
- entities: ``strict``/``relaxed`` mention P/R/F1 with the label; ``label`` accuracy over
  unlabelled relaxed pairs; ``b3`` and ``pairwise`` clustering P/R/F1 over those pairs
  (gold cluster = ``entity``, predicted = ``entity_id``) within the document.
- events: ``strict``/``relaxed`` trigger P/R/F1; over relaxed pairs whose gold ``value`` is a
  date (:func:`claimline.calendar.period_of`): ``date_exact`` accuracy (predicted
  earliest..latest is exactly the gold period) and ``date_contains`` accuracy (both bounds
  given and earliest <= gold first day, gold last day <= latest).
- sections (after merging adjacent sections of the same kind and moving every boundary
  past the whitespace that follows it): ``boundaries`` P/R/F1 of exact boundary offsets;
  ``chars`` accuracy of the section kind of every non-space character, and ``chars_<kind>``
  P/R/F1 of the characters of each kind.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimline.calendar import period_of
from claimline.evaluate.gold import GoldDocument, GoldEvent, GoldMention
from claimline.evaluate.matching import Alignment, align
from claimline.evaluate.report import ErrorItem, ErrorKind, error_item
from claimline.evaluate.scores import PRF, Accuracy, Score, b_cubed, pairwise
from claimline.models import Article

REL_TOL = 1e-6


@dataclass
class LayerResult:
    """Scores and errors of one layer on one document; ``links`` are the matched mentions'
    (gold entity, predicted entity_id) pairs, for cross-document clustering."""

    metrics: dict[str, Score]
    errors: list[ErrorItem] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


class _Errors:
    """Collects the errors of one layer on one document."""

    def __init__(self, layer: str, gold: GoldDocument) -> None:
        self.layer, self.doc_id, self.text = layer, gold.doc_id, gold.text
        self.items: list[ErrorItem] = []

    def add(self, kind: ErrorKind, start: int, end: int, detail: str | None = None) -> None:
        self.items.append(error_item(self.layer, self.doc_id, self.text, kind, start, end, detail))


def close(a: float | None, b: float | None) -> bool:
    """Both None, or equal within a relative tolerance of 1e-6."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)


def _annotated(gold: GoldDocument, items: Sequence[Any], span: Callable[[Any], Any]) -> list[Any]:
    zones = gold.annotated()
    return [it for it in items if any(s <= span(it).start < e for s, e in zones)]


def _spans(
    errors: _Errors,
    gold: Sequence[Any],
    pred: Sequence[Any],
    span: Callable[[Any], Any],
    describe: Callable[[Any], str],
    *,
    compatible: Callable[[Any, Any], bool] | None = None,
) -> tuple[dict[str, Score], Alignment]:
    """Strict and relaxed span scores; FN, FP and boundary errors of the relaxed alignment."""
    pred_spans = [span(p) for p in pred]
    indexed = [(s.start, s.end, j) for j, s in enumerate(pred_spans)]
    check = None if compatible is None else (lambda g, p: compatible(g, pred[p[2]]))
    strict = align(gold, indexed, mode="strict", compatible=check)
    relaxed = align(gold, indexed, mode="relaxed", compatible=check)
    for i in relaxed.missed:
        errors.add("FN", gold[i].start, gold[i].end, describe(gold[i]))
    for j in relaxed.spurious:
        errors.add("FP", pred_spans[j].start, pred_spans[j].end, describe(pred[j]))
    for i, j in relaxed.pairs:
        g, p = gold[i], pred_spans[j]
        if (g.start, g.end) != (p.start, p.end):
            errors.add("span", p.start, p.end, f"gold [{g.start}:{g.end}] {g.text!r}")
    scores: dict[str, Score] = {
        "strict": PRF.counts(len(strict.pairs), len(strict.spurious), len(strict.missed)),
        "relaxed": PRF.counts(len(relaxed.pairs), len(relaxed.spurious), len(relaxed.missed)),
    }
    return scores, relaxed


def score_timexes(gold: GoldDocument, article: Article) -> LayerResult:
    errors = _Errors("timexes", gold)
    pred = _annotated(gold, article.timexes, lambda t: t.span)
    scores, pairs = _spans(errors, gold.timexes, pred, lambda t: t.span, lambda t: f"{t.type} {t.value}")
    type_ok = value_ok = 0
    for i, j in pairs.pairs:
        g, p = gold.timexes[i], pred[j]
        type_ok += g.type == p.type
        value_ok += g.value == p.value
        if g.type != p.type:
            errors.add("type", p.span.start, p.span.end, f"gold {g.type}, predicted {p.type}")
        if g.value != p.value:
            errors.add("value", p.span.start, p.span.end, f"gold {g.value}, predicted {p.value}")
    scores["type"] = Accuracy(correct=type_ok, total=len(pairs.pairs))
    scores["type_f1"] = PRF.of(type_ok, len(pred), len(gold.timexes))
    scores["value"] = PRF.of(value_ok, len(pred), len(gold.timexes))
    return LayerResult(scores, errors.items)


def _amount(q: Any) -> str:
    if q.value is not None:
        return f"{q.value:g}"
    if q.low is not None or q.high is not None:
        return f"{q.low if q.low is not None else ''}–{q.high if q.high is not None else ''}"
    return "?"


def _describe_quantity(q: Any) -> str:
    return " ".join(x for x in (q.qualifier, _amount(q), q.unit, q.counted and f"({q.counted})") if x)


def quantity_value_ok(g: Any, p: Any) -> bool:
    """Same value, or for a range (no value on either side) same low and high."""
    if g.value is not None or p.value is not None:
        return close(g.value, p.value)
    return close(g.low, p.low) and close(g.high, p.high)


def score_quantities(gold: GoldDocument, article: Article) -> LayerResult:
    errors = _Errors("quantities", gold)
    pred = _annotated(gold, article.quantities, lambda q: q.span)
    scores, pairs = _spans(errors, gold.quantities, pred, lambda q: q.span, _describe_quantity)
    value_ok = unit_ok = bounds_ok = 0
    for i, j in pairs.pairs:
        g, p = gold.quantities[i], pred[j]
        where = (p.span.start, p.span.end)
        v = quantity_value_ok(g, p)
        value_ok += v
        unit_ok += v and g.unit == p.unit
        b = g.qualifier == p.qualifier and close(g.low, p.low) and close(g.high, p.high)
        bounds_ok += b
        if not v:
            errors.add("value", *where, f"gold {_amount(g)}, predicted {_amount(p)}")
        if g.unit != p.unit:
            errors.add("unit", *where, f"gold {g.unit}, predicted {p.unit}")
        if not b:
            errors.add(
                "bounds", *where,
                f"gold {g.qualifier} [{g.low}, {g.high}], predicted {p.qualifier} [{p.low}, {p.high}]",
            )
    n_pred, n_gold = len(pred), len(gold.quantities)
    scores["value"] = PRF.of(value_ok, n_pred, n_gold)
    scores["value_unit"] = PRF.of(unit_ok, n_pred, n_gold)
    scores["bounds"] = Accuracy(correct=bounds_ok, total=len(pairs.pairs))
    return LayerResult(scores, errors.items)


def _cluster_errors(errors: _Errors, mentions: list[Any], links: list[tuple[str, str]]) -> None:
    """A ``split`` error per gold entity spread over several predicted ids, a ``merged``
    error per predicted id holding several gold entities (at its first mention)."""
    for kind, key, other in (("split", 0, 1), ("merged", 1, 0)):
        groups: dict[str, list[int]] = defaultdict(list)
        for n, link in enumerate(links):
            groups[link[key]].append(n)
        for name, members in groups.items():
            spread = Counter(links[n][other] for n in members)
            if len(spread) > 1:
                first = mentions[members[0]]
                parts = ", ".join(f"{k!r} ×{c}" for k, c in spread.most_common())
                arrow = "→" if kind == "split" else "←"
                errors.add(kind, first.start, first.end, f"{name!r} {arrow} {parts}")


def _describe_mention(m: Any) -> str:
    return f"{m.label} {m.entity if isinstance(m, GoldMention) else m.entity_id}"


def score_entities(gold: GoldDocument, article: Article) -> LayerResult:
    errors = _Errors("entities", gold)
    pred = _annotated(gold, article.mentions, lambda m: m.span)
    same_label = lambda g, p: g.label == p.label  # noqa: E731
    scores, _ = _spans(_Errors("entities", gold), gold.mentions, pred, lambda m: m.span, str, compatible=same_label)
    _, pairs = _spans(errors, gold.mentions, pred, lambda m: m.span, _describe_mention)
    label_ok = 0
    for i, j in pairs.pairs:
        g, p = gold.mentions[i], pred[j]
        label_ok += g.label == p.label
        if g.label != p.label:
            errors.add("label", p.span.start, p.span.end, f"gold {g.label}, predicted {p.label}")
    links = [(gold.mentions[i].entity, pred[j].entity_id) for i, j in pairs.pairs]
    _cluster_errors(errors, [gold.mentions[i] for i, _ in pairs.pairs], links)
    scores["label"] = Accuracy(correct=label_ok, total=len(pairs.pairs))
    keys_gold, keys_pred = [g for g, _ in links], [p for _, p in links]
    scores["b3"] = b_cubed(keys_gold, keys_pred)
    scores["pairwise"] = pairwise(keys_gold, keys_pred)
    return LayerResult(scores, errors.items, links)


def date_scores(value: str | None, earliest, latest) -> tuple[bool, bool] | None:
    """(exact, contains) for a gold TIMEX3 ``value`` and a predicted period; None if the
    gold value is not a date."""
    period = period_of(value)
    if period is None:
        return None
    exact = (earliest, latest) == period
    contains = earliest is not None and latest is not None and earliest <= period[0] and period[1] <= latest
    return exact, contains


def _describe_event(e: Any) -> str:
    if isinstance(e, GoldEvent):
        return f"gold date {e.value}" if e.value else "undated"
    return f"{e.lemma} {e.earliest}..{e.latest}" if e.earliest or e.latest else e.lemma


def score_events(gold: GoldDocument, article: Article) -> LayerResult:
    errors = _Errors("events", gold)
    pred = _annotated(gold, article.events, lambda e: e.trigger)
    scores, pairs = _spans(errors, gold.events, pred, lambda e: e.trigger, _describe_event)
    exact_ok = contains_ok = dated = 0
    for i, j in pairs.pairs:
        g, p = gold.events[i], pred[j]
        result = date_scores(g.value, p.earliest, p.latest)
        if result is None:
            continue
        dated += 1
        exact_ok += result[0]
        contains_ok += result[1]
        if not result[0]:
            errors.add("date", p.trigger.start, p.trigger.end, f"gold {g.value}, predicted {p.earliest}..{p.latest}")
    scores["date_exact"] = Accuracy(correct=exact_ok, total=dated)
    scores["date_contains"] = Accuracy(correct=contains_ok, total=dated)
    return LayerResult(scores, errors.items)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _kinds(text: str, sections: Sequence[Any]) -> tuple[list[str | None], dict[int, str]]:
    """The section kind of every character, and the boundaries (offset -> "kind→kind")."""
    labels: list[str | None] = [None] * len(text)
    boundaries: dict[int, str] = {}
    previous: str | None = None
    for s in sections:
        labels[s.start : s.end] = [s.kind] * (s.end - s.start)
        if previous is not None and s.kind != previous:
            boundaries[_skip_space(text, s.start)] = f"{previous}→{s.kind}"
        previous = s.kind
    return labels, boundaries


def score_sections(gold: GoldDocument, article: Article) -> LayerResult:
    errors = _Errors("sections", gold)
    text = gold.text
    g_labels, g_bounds = _kinds(text, gold.sections)
    p_labels, p_bounds = _kinds(text, article.sections)
    for pos in sorted(g_bounds.keys() - p_bounds.keys()):
        errors.add("FN", pos, pos, f"gold boundary {g_bounds[pos]}")
    for pos in sorted(p_bounds.keys() - g_bounds.keys()):
        errors.add("FP", pos, pos, f"predicted boundary {p_bounds[pos]}")
    scores: dict[str, Score] = {
        "boundaries": PRF.of(len(g_bounds.keys() & p_bounds.keys()), len(p_bounds), len(g_bounds))
    }
    pairs = Counter((g, p) for c, g, p in zip(text, g_labels, p_labels) if not c.isspace())
    scores["chars"] = Accuracy(correct=sum(n for (g, p), n in pairs.items() if g == p), total=sum(pairs.values()))
    for kind in sorted(({g for g, _ in pairs} | {p for _, p in pairs}) - {None}):
        scores[f"chars_{kind}"] = PRF.of(
            pairs[(kind, kind)],
            sum(n for (_, p), n in pairs.items() if p == kind),
            sum(n for (g, _), n in pairs.items() if g == kind),
        )
    return LayerResult(scores, errors.items)


SCORERS: dict[str, Callable[[GoldDocument, Article], LayerResult]] = {
    "timexes": score_timexes,
    "quantities": score_quantities,
    "entities": score_entities,
    "events": score_events,
    "sections": score_sections,
}


def cross_document(links: list[tuple[str, str]]) -> dict[str, Score]:
    """B³ and pairwise clustering over the matched mentions of all documents pooled: two
    mentions are co-referent in gold iff same ``entity``, predicted iff same ``entity_id``."""
    keys_gold, keys_pred = [g for g, _ in links], [p for _, p in links]
    return {"cross_b3": b_cubed(keys_gold, keys_pred), "cross_pairwise": pairwise(keys_gold, keys_pred)}


__all__ = [
    "REL_TOL",
    "SCORERS",
    "LayerResult",
    "close",
    "cross_document",
    "date_scores",
    "quantity_value_ok",
    "score_entities",
    "score_events",
    "score_quantities",
    "score_sections",
    "score_timexes",
]
