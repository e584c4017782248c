"""The evaluation report: scores per layer, per document and micro-averaged, and errors.

:class:`Report` is a pydantic model (``report.model_dump_json()``); :meth:`Report.table`
renders the terminal tables and :meth:`Report.errors_text` one line per error with the
text around it::

    timexes  002  FN     [143:163] …sa visite à Londres [le 18 septembre 2025]. J'ai d'abord cru…
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimline.evaluate.scores import PRF, Accuracy, Score

LAYERS: tuple[str, ...] = ("timexes", "quantities", "entities", "events", "sections")
CONTEXT_CHARS = 40

ErrorKind = Literal["FN", "FP", "span", "type", "value", "unit", "bounds", "label", "split", "merged", "date"]


class _Report(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ErrorItem(_Report):
    """One error: a missed gold item (FN), a spurious prediction (FP), or a matched pair
    with a wrong attribute (``span``, ``type``, ``value``, ``unit``, ``bounds``, ``label``,
    ``date``) or a wrong cluster (``split``, ``merged``)."""

    layer: str
    doc_id: str
    kind: ErrorKind
    start: int
    end: int
    text: str
    context: str = Field(description="One line: ±40 characters around [the span].")
    detail: str | None = None


def context_line(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """``text[start:end]`` in brackets with ``width`` characters each side, on one line.

    >>> context_line("Trump était à Londres le 18 septembre 2025.", 22, 42, width=10)
    '…à Londres [le 18 septembre 2025].'
    """
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    line = f"{'…' if start > width else ''}{left}[{text[start:end]}]{right}{'…' if end + width < len(text) else ''}"
    return " ".join(line.split("\n")).replace("\t", " ")


def error_item(
    layer: str, doc_id: str, text: str, kind: ErrorKind, start: int, end: int, detail: str | None = None
) -> ErrorItem:
    """An :class:`ErrorItem` with its context taken from ``text``."""
    return ErrorItem(
        layer=layer,
        doc_id=doc_id,
        kind=kind,
        start=start,
        end=end,
        text=text[start:end],
        context=context_line(text, start, end),
        detail=detail,
    )


class LayerReport(_Report):
    """The scores of one layer: micro-averaged over documents and per document."""

    produced: bool = Field(description="Whether any predicted article has items of this layer.")
    micro: dict[str, PRF | Accuracy]
    documents: dict[str, dict[str, PRF | Accuracy]]


def micro_average(per_doc: dict[str, dict[str, Score]]) -> dict[str, Score]:
    """Sum every metric over the documents (missing metrics count as zero)."""
    total: dict[str, Score] = {}
    for metrics in per_doc.values():
        for name, score in metrics.items():
            total[name] = total[name] + score if name in total else score
    return total


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _count(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _headline(score: Score) -> float | None:
    return score.f1 if isinstance(score, PRF) else score.accuracy


def short_ids(doc_ids: list[str]) -> dict[str, str]:
    """``000_9c2b…`` -> ``000`` when the ids start with distinct numbers, else the ids."""
    prefixes = {d: d.split("_", 1)[0] for d in doc_ids}
    if all(p.isdigit() for p in prefixes.values()) and len(set(prefixes.values())) == len(doc_ids):
        return prefixes
    return {d: d for d in doc_ids}


class Report(_Report):
    """What :func:`claimline.evaluate.evaluate` returns."""

    gold: str | None = None
    pred: str | None = None
    documents: list[str] = Field(description="The gold doc_ids scored.")
    missing: list[str] = Field(default_factory=list, description="Gold documents without prediction (scored as empty).")
    unscored: list[str] = Field(default_factory=list, description="Predicted documents without gold (ignored).")
    layers: dict[str, LayerReport]
    errors: list[ErrorItem] = Field(default_factory=list)

    def score(self, layer: str, metric: str, doc_id: str | None = None) -> Score:
        """The micro-averaged score ``metric`` of ``layer`` (or that of one document)."""
        report = self.layers[layer]
        return report.micro[metric] if doc_id is None else report.documents[doc_id][metric]

    def table(self) -> str:
        """The terminal tables: one per layer, micro-averaged P/R/F1 (%) then per document."""
        labels = short_ids(self.documents)
        out = [
            f"claimline evaluation: {len(self.documents)} documents"
            + (f", gold {self.gold}" if self.gold else "")
            + (f", predictions {self.pred}" if self.pred else ""),
            "P/R/F1 and accuracies in %; micro-averaged, then the headline figure (F1 or accuracy) "
            "per document. 'gold'/'pred' count items (accuracy rows: 'gold' is the number of pairs scored).",
        ]
        if self.missing:
            out.append(f"no prediction for: {', '.join(self.missing)} (scored as empty)")
        for name, layer in self.layers.items():
            out.append("")
            flag = "" if layer.produced else "   [NOT PRODUCED: no predicted article has any]"
            out.append(f"{name}{flag}")
            head = f"  {'metric':<21}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}  |"
            out.append(head + "".join(f"{labels[d]:>7}" for d in self.documents))
            for metric, score in layer.micro.items():
                if isinstance(score, PRF):
                    cells = f"{_count(score.r_den):>6}{_count(score.p_den):>6}{_pct(score.precision):>7}{_pct(score.recall):>7}{_pct(score.f1):>7}"
                    label = metric
                else:
                    cells = f"{score.total:>6}{'':>6}{'':>7}{'':>7}{_pct(score.accuracy):>7}"
                    label = f"{metric} (acc)"
                per_doc = "".join(
                    f"{_pct(_headline(layer.documents[d][metric])) if metric in layer.documents.get(d, {}) else '':>7}"
                    for d in self.documents
                )
                out.append(f"  {label:<21}{cells}  |{per_doc}")
        return "\n".join(out)

    def errors_text(self) -> str:
        """One line per error: layer, document, kind, offsets, context, detail."""
        labels = short_ids(self.documents)
        lines = []
        for e in self.errors:
            detail = f"  ({e.detail})" if e.detail else ""
            lines.append(
                f"{e.layer:<10} {labels.get(e.doc_id, e.doc_id)} {e.kind:<6} [{e.start}:{e.end}] {e.context}{detail}"
            )
        return "\n".join(lines)


__all__ = [
    "CONTEXT_CHARS",
    "LAYERS",
    "ErrorItem",
    "ErrorKind",
    "LayerReport",
    "Report",
    "context_line",
    "error_item",
    "micro_average",
    "short_ids",
]
