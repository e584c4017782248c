"""Tables of a :class:`~claimline.timeline.Timeline`: long-form rows, typed pandas frames, CSV.

Long form: ``events`` has one row per event *source* (an event reported by two articles
is two rows sharing ``event_id``), ``claims`` one row per claim *quantity* (a claim with
no quantity is one row with empty quantity columns), ``entities`` one row per entity.
:data:`COLUMNS` gives each column's type; :func:`to_dataframe` applies it (datetimes,
nullable ``Float64`` / ``Int64``, ``string``, categoricals) and :func:`read_csv` reads a
CSV written by :func:`to_csv` back into the same typed frame.

>>> df = timeline.to_dataframe("claims")  # doctest: +SKIP
>>> df.dtypes["earliest"], df.dtypes["value"]  # doctest: +SKIP
(dtype('<M8[ns]'), Float64Dtype())
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from claimline.calendar import GRANULARITY_ORDER
from claimline.errors import Errors, MissingDependencyError
from claimline.models import EntityLabel
from claimline.timeline.labels import claim_label, event_headline
from claimline.timeline.kinds import MODALITY_ORDER, SECTION_KINDS
from claimline.timeline.timelinejs import timelinejs_date, to_timelinejs

if TYPE_CHECKING:  # pragma: no cover
    from claimline.timeline.model import Period, Timeline

_MODALITIES = MODALITY_ORDER
_SECTIONS = SECTION_KINDS
_WHEN = {"date": "string", "earliest": "datetime", "latest": "datetime", "granularity": GRANULARITY_ORDER,
         "value": "string"}
# column -> "string" | "datetime" | "Int64" | "Float64" | "category" (categories from the data)
# | a tuple (a categorical with these categories, in this order)
COLUMNS: dict[str, dict[str, Any]] = {
    "events": {
        "event_id": "string", "headline": "string", **_WHEN, "lemma": "string", "trigger": "string",
        "actors": "string", "location": "string", "modality": _MODALITIES, "polarity": ("positive", "negative"),
        "n_sources": "Int64", "doc_id": "string", "title": "string", "published": "datetime",
        "section": _SECTIONS, "source_modality": _MODALITIES, "source_date": "string", "start": "Int64",
        "end": "Int64", "sentence": "string", "claims": "string",
    },
    "claims": {
        "claim_id": "string", "label": "string", **_WHEN, "when_source": ("timex", "published"),
        "published": "datetime", "doc_id": "string", "title": "string", "source": "string",
        "source_text": "string", "quantity": "string", "value": "Float64", "low": "Float64", "high": "Float64",
        "unit": "category", "qualifier": "category", "counted": "string", "entities": "string",
        "modality": _MODALITIES, "section": _SECTIONS, "start": "Int64", "end": "Int64", "text": "string",
        "sentence": "string",
    },
    "entities": {
        "entity_id": "string", "name": "string", "label": get_args(EntityLabel), "aliases": "string",
        "n_mentions": "Int64", "n_articles": "Int64", "doc_ids": "string",
    },
}


def _period_fields(period: Period | None) -> dict[str, Any]:
    if period is None:
        return dict.fromkeys(_WHEN)
    return {
        "date": period.label,
        "earliest": period.earliest.isoformat() if period.earliest else None,
        "latest": period.latest.isoformat() if period.latest else None,
        "granularity": period.granularity,
        "value": period.value,
    }


def _join(values) -> str | None:
    return "; ".join(v for v in values if v) or None


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def rows(timeline: Timeline, kind: str) -> list[dict[str, Any]]:
    """The long-form rows of ``kind`` (plain values: ISO dates, numbers, None for missing)."""
    return {"events": _event_rows, "claims": _claim_rows, "entities": _entity_rows}[kind](timeline)


def _event_rows(timeline: Timeline) -> list[dict[str, Any]]:
    articles = {a.doc_id: a for a in timeline.articles}
    out = []
    for e in timeline.events:
        common = {
            "event_id": e.id, "headline": event_headline(timeline, e), **_period_fields(e.when), "lemma": e.lemma,
            "trigger": e.text, "actors": _join(timeline.names(e.actors)),
            "location": _join(timeline.names([e.location] if e.location else [])), "modality": e.modality,
            "polarity": e.polarity, "n_sources": len(e.sources),
        }
        for s in e.sources:
            article = articles.get(s.doc_id)
            out.append({
                **common, "doc_id": s.doc_id, "title": article.title if article else None,
                "published": _iso(article.published) if article else None, "section": s.trigger.section,
                "source_modality": s.modality, "source_date": s.when.label, "start": s.trigger.start,
                "end": s.trigger.end, "sentence": s.trigger.sentence, "claims": _join(s.claims),
            })
    return out


def _claim_rows(timeline: Timeline) -> list[dict[str, Any]]:
    titles = {a.doc_id: a.title for a in timeline.articles}
    out = []
    for c in timeline.claims:
        common = {
            "claim_id": c.id, "label": claim_label(timeline, c), **_period_fields(c.when),
            "when_source": c.when_source, "published": _iso(c.published), "doc_id": c.doc_id,
            "title": titles.get(c.doc_id), "source": _join(timeline.names([c.source] if c.source else [])),
            "source_text": c.source_text,
        }
        rest = {
            "entities": _join(timeline.names(c.entities)), "modality": c.modality, "section": c.section,
            "start": c.provenance.start, "end": c.provenance.end, "text": c.provenance.text,
            "sentence": c.provenance.sentence,
        }
        quantities = [q.model_dump(exclude={"text"}) | {"quantity": q.text} for q in c.quantities] or [{}]
        for q in quantities:
            out.append({**common, **{k: q.get(k) for k in ("quantity", "value", "low", "high", "unit",
                                                             "qualifier", "counted")}, **rest})
    return out


def _entity_rows(timeline: Timeline) -> list[dict[str, Any]]:
    return [
        {
            "entity_id": e.id, "name": e.name, "label": e.label, "aliases": _join(e.aliases),
            "n_mentions": len(e.mentions), "n_articles": len({m.doc_id for m in e.mentions}),
            "doc_ids": _join(dict.fromkeys(m.doc_id for m in e.mentions)),
        }
        for e in timeline.entities
    ]


def to_csv(table: list[dict[str, Any]], kind: str) -> str:
    """Rows as CSV text with the header of ``kind`` (a header alone for no rows; missing = empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS[kind]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue()


def _pandas(what: str):
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependencyError(Errors.E015.format(what=what, package="pandas", extra="pandas")) from None
    return pd


def _typed(frame, kind: str):
    """``frame`` (any column types) with the column types of :data:`COLUMNS` ``[kind]``."""
    pd = _pandas("Timeline.to_dataframe()")
    out = {}
    for name, spec in COLUMNS[kind].items():
        col = frame[name] if name in frame else pd.Series([None] * len(frame), dtype=object)
        col = col.astype(object).where(col.notna(), None)
        if spec == "string":
            out[name] = col.astype("string")
        elif spec == "datetime":
            out[name] = pd.to_datetime(col, format="ISO8601").astype("datetime64[ns]")
        elif spec in ("Int64", "Float64"):
            out[name] = pd.to_numeric(col).astype(spec)
        else:
            values = sorted({v for v in col if v is not None}) if spec == "category" else list(spec)
            out[name] = pd.Categorical(col, categories=values)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def to_dataframe(table: list[dict[str, Any]], kind: str):
    """Rows as a typed pandas DataFrame (see :data:`COLUMNS`); a clear error without pandas."""
    pd = _pandas("Timeline.to_dataframe()")
    return _typed(pd.DataFrame(table, columns=list(COLUMNS[kind]), dtype=object), kind)


def read_csv(source: str | Path | io.IOBase, kind: str = "events"):
    """A CSV written by ``Timeline.to_csv(kind)`` (a path or a file) as the same typed frame."""
    pd = _pandas("claimline.timeline.read_csv()")
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
    return _typed(frame, kind)


__all__ = ["COLUMNS", "read_csv", "rows", "timelinejs_date", "to_csv", "to_dataframe", "to_timelinejs"]
