"""The evaluator on broken gold and prediction files: a GoldError/InputError naming the
file and the field, never a crash."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from robust_strategies import RAW

import claimline
from claimline.evaluate import evaluate
from claimline.evaluate.gold import GoldError, load_gold

GOLD = RAW.parent / "gold"
DOC_ID = "004_0e67424a64534fb4"
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**7), st.floats(allow_nan=False), st.text(max_size=5))


def _paths(value, path=()):
    """Every (container path) of a JSON value, to pick a place to corrupt."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*path, i))


@st.composite
def corrupted_gold(draw):
    data = json.loads((GOLD / f"{DOC_ID}.json").read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _paths(data) if p]
        place = draw(st.sampled_from(places))
        parent = data
        for key in place[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[place[-1]]
        else:
            parent[place[-1]] = draw(json_scalars)
    return data


@pytest.mark.skipif(not (GOLD / f"{DOC_ID}.json").is_file(), reason="no gold file for the seed")
@settings(max_examples=60, deadline=None)
@given(corrupted_gold())
def test_corrupted_gold_is_loaded_or_rejected_naming_file_and_field(data):
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        (gold / f"{DOC_ID}.json").write_text(json.dumps(data), encoding="utf-8")
        try:
            load_gold(gold, raw_dir=RAW)
        except GoldError as err:
            message = str(err)
            assert "[E013]" in message and f"{DOC_ID}.json: " in message, message
            assert message.split(f"{DOC_ID}.json: ", 1)[1].strip(), "no field named"


@pytest.fixture()
def pred_folder(tmp_path, seed_articles):
    folder = tmp_path / "pred"
    folder.mkdir()
    article = seed_articles[DOC_ID]
    (folder / f"{DOC_ID}.json").write_text(article.model_dump_json(), encoding="utf-8")
    return folder


def _rewrite(folder: Path, change) -> None:
    path = folder / f"{DOC_ID}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.skipif(not GOLD.is_dir(), reason="no gold folder")
def test_prediction_with_a_missing_field_names_the_file_and_the_field(pred_folder):
    _rewrite(pred_folder, lambda d: d["sentences"][0].pop("start"))
    with pytest.raises(claimline.InputError, match=rf"\[E014\] pred=.*{DOC_ID}.json.*sentences.0.start"):
        evaluate(GOLD, pred_folder, raw_dir=RAW)


@pytest.mark.skipif(not GOLD.is_dir(), reason="no gold folder")
def test_prediction_of_another_text_is_refused(pred_folder):
    _rewrite(pred_folder, lambda d: d.update(text=d["text"] + " Ajout."))
    with pytest.raises(claimline.InputError, match=rf"\[E014\].*{DOC_ID}.*not the raw text the gold annotates"):
        evaluate(GOLD, pred_folder, raw_dir=RAW)


@pytest.mark.skipif(not GOLD.is_dir(), reason="no gold folder")
def test_prediction_under_another_doc_id_is_reported_unscored(pred_folder, tmp_path):
    _rewrite(pred_folder, lambda d: d.update(doc_id="autre"))
    only = tmp_path / "gold"
    only.mkdir()
    shutil.copy(GOLD / f"{DOC_ID}.json", only)
    report = evaluate(only, pred_folder, raw_dir=RAW)
    assert report.missing == [DOC_ID] and report.unscored == ["autre"]


@pytest.mark.skipif(not GOLD.is_dir(), reason="no gold folder")
def test_prediction_with_offsets_out_of_range_names_the_file_and_the_field(pred_folder):
    def shift(data):
        span = data["timexes"][0]["span"]
        span["start"], span["end"] = 10**6, 10**6 + len(span["text"])

    _rewrite(pred_folder, shift)
    with pytest.raises(claimline.InputError, match=rf"\[E014\].*{DOC_ID}.json.*timexes.0.span"):
        evaluate(GOLD, pred_folder, raw_dir=RAW)
