"""Typed long-form tables: ``Timeline.to_dataframe(kind)`` and CSV that reads back the same."""

from __future__ import annotations

import io

import pytest
from timeline_helpers import make_article

from claimline import build_timeline
from claimline.timeline.export import read_csv

pd = pytest.importorskip("pandas")


@pytest.fixture
def timeline():
    people = {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER")}
    a = make_article(
        "a", "Le 15 août 2025, Trump a rencontré Poutine. Selon Kiev, 500 drones ont frappé le 20 septembre 2025.",
        published="2025-09-21", entities={**people, "Kiev": ("Kiev", "LOC")},
        events=[{"trigger": "a rencontré", "lemma": "rencontrer", "timex": "Le 15 août 2025", "value": "2025-08-15",
                 "actors": ["Trump", "Poutine"]}],
        claims=[{"text": "500 drones ont frappé", "quantity": "500 drones", "number": 500,
                 "timex": "le 20 septembre 2025", "value": "2025-09-20", "source": "Kiev", "modality": "reported"}])
    b = make_article(
        "b", "Un sommet entre Trump et Poutine a eu lieu en août 2025. La région compte 604 000 km2.",
        published="2025-08-20", entities=people,
        events=[{"trigger": "sommet", "lemma": "sommet", "timex": "en août 2025", "value": "2025-08",
                 "actors": ["Trump", "Poutine"]}],
        claims=[{"text": "La région compte 604 000 km2", "quantity": "604 000 km2", "number": 604000}])
    timeline = build_timeline([a, b])
    # a claim with a range and two quantities, one of them without a value
    claim = timeline.claims[0]  # b's, dated by its publication day (20 August), before a's (20 September)
    assert claim.doc_id == "b"
    ranged = claim.quantities[0].model_copy(update={"value": None, "low": 10.0, "high": 12.5, "unit": "km2",
                                                    "qualifier": "between"})
    bare = ranged.model_copy(update={"text": "des dizaines", "low": None, "high": None, "unit": None,
                                     "qualifier": None})
    claims = [claim.model_copy(update={"quantities": [ranged, bare]}), *timeline.claims[1:]]
    return timeline.model_copy(update={"claims": claims})


def test_event_rows_are_one_per_source_with_typed_columns(timeline):
    df = timeline.to_dataframe("events")
    assert len(timeline.events) == 1 and len(df) == 2  # the summit, reported by a and b
    dtypes = df.dtypes.astype(str).to_dict()
    assert dtypes["earliest"] == dtypes["latest"] == dtypes["published"] == "datetime64[ns]"
    assert dtypes["start"] == dtypes["n_sources"] == "Int64"
    assert dtypes["modality"] == dtypes["section"] == dtypes["granularity"] == "category"
    assert dtypes["headline"] == dtypes["doc_id"] == "string"
    assert list(df["modality"].cat.categories)[:2] == ["asserted", "reported"]
    summit = df[df["n_sources"] == 2]
    assert list(summit["doc_id"]) == ["b", "a"] and summit["event_id"].nunique() == 1
    assert summit["headline"].iloc[0] == "Donald Trump, Vladimir Poutine — sommet"
    assert pd.Timestamp("2025-08-15") == summit["earliest"].iloc[0]
    assert list(summit["source_date"]) == ["2025-08", "2025-08-15"]  # b only knew the month


def test_claim_rows_are_one_per_quantity_with_numbers_and_nulls(timeline):
    df = timeline.to_dataframe("claims")
    dtypes = df.dtypes.astype(str).to_dict()
    assert dtypes["value"] == dtypes["low"] == dtypes["high"] == "Float64"
    assert dtypes["unit"] == dtypes["qualifier"] == dtypes["when_source"] == "category"
    assert list(df["quantity"]) == ["604 000 km2", "des dizaines", "500 drones"]
    ranged, bare, drones = (df.iloc[i] for i in range(3))
    assert (ranged["low"], ranged["high"], ranged["unit"], ranged["qualifier"]) == (10.0, 12.5, "km2", "between")
    assert pd.isna(ranged["value"]) and pd.isna(bare["low"]) and pd.isna(bare["unit"])
    assert drones["value"] == 500 and drones["source"] == "Kiev" and drones["when_source"] == "timex"
    # no timex: dated by the publication day, and said so
    assert ranged["when_source"] == "published" and ranged["earliest"] == pd.Timestamp("2025-08-20")
    assert df["source"].isna().sum() == 2  # missing is <NA>, never ""


@pytest.mark.parametrize("kind", ["events", "claims", "entities"])
def test_csv_reads_back_into_the_same_typed_frame(timeline, kind):
    frame = timeline.to_dataframe(kind)
    back = read_csv(io.StringIO(timeline.to_csv(kind)), kind)
    pd.testing.assert_frame_equal(back, frame)
    assert list(back.columns) == timeline.to_csv(kind).splitlines()[0].split(",")


def test_an_empty_timeline_gives_typed_empty_tables():
    empty = build_timeline([])
    df = empty.to_dataframe("claims")
    assert len(df) == 0 and str(df.dtypes["earliest"]) == "datetime64[ns]"
    pd.testing.assert_frame_equal(read_csv(io.StringIO(empty.to_csv("claims")), "claims"), df)
