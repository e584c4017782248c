"""``claimline evaluate --gold DIR --pred DIR [--json] [--errors]`` on hand-made folders."""

from __future__ import annotations

import json

import pytest
from evaluate_cases import DOC_ID, GOLD_MENTIONS, GOLD_TIMEXES, TEXT, article, gold_data, perfect_article, write_gold_folder

from claimline.cli import main
from claimline.errors import InputError
from claimline.evaluate import evaluate


@pytest.fixture
def folders(tmp_path):
    gold_dir = write_gold_folder(tmp_path, {DOC_ID: (TEXT, gold_data(timexes=GOLD_TIMEXES, mentions=GOLD_MENTIONS))})
    pred = tmp_path / "out"
    pred.mkdir()
    # Only the title mention "Trump" predicted: 1 of 8 mentions, no timex.
    only_title = article(mentions=perfect_article().mentions[:1])
    (pred / f"{DOC_ID}.json").write_text(only_title.model_dump_json(), encoding="utf-8")
    (pred / "timeline.json").write_text("[]", encoding="utf-8")  # not an article: skipped
    return gold_dir, pred


def test_tables(folders, capsys):
    gold_dir, pred = folders
    assert main(["evaluate", "--gold", str(gold_dir), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "claimline evaluation: 1 documents" in out
    assert "timexes   [NOT PRODUCED" in out
    entities = out[out.index("\nentities") :]
    relaxed = [line for line in entities.splitlines() if line.strip().startswith("relaxed")]
    assert relaxed[0].split()[1:6] == ["8", "1", "100.0", "12.5", "22.2"]  # entities: gold, pred, P, R, F1


def test_json_and_errors(folders, capsys):
    gold_dir, pred = folders
    main(["evaluate", "--gold", str(gold_dir), "--pred", str(pred), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["layers"]["entities"]["micro"]["strict"]["recall"] == 0.125
    assert "errors" not in data
    main(["evaluate", "--gold", str(gold_dir), "--pred", str(pred), "--json", "--errors"])
    assert len(json.loads(capsys.readouterr().out)["errors"]) == 8  # 1 timex + 7 mentions missed
    main(["evaluate", "--gold", str(gold_dir), "--pred", str(pred), "--errors"])
    out = capsys.readouterr().out
    assert "errors (8):" in out
    assert "timexes    doc_a FN     [17:37] Trump à Londres  [Le 18 septembre 2025], Donald" in out


def test_bad_gold_is_one_line_error(folders, capsys):
    gold_dir, pred = folders
    (gold_dir / f"{DOC_ID}.json").write_text(json.dumps(gold_data(doc_id="zzz")), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold_dir), "--pred", str(pred)]) == 2
    err = capsys.readouterr().err
    assert "[E013]" in err and f"{DOC_ID}.json: doc_id: 'zzz'" in err


def test_prediction_of_another_text_is_refused(folders):
    gold_dir, _ = folders
    other = article(text=TEXT.replace("Londres", "Paris!!"), sections=[("body", 0, len(TEXT))])
    with pytest.raises(InputError, match=r"\[E014\].*not the raw text the gold annotates"):
        evaluate(gold_dir, [other])


def test_invalid_article_file_is_named(folders):
    gold_dir, pred = folders
    (pred / "bad.json").write_text(json.dumps({"doc_id": "x", "text": "y", "timexes": [{}]}), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.json: not a claimline Article JSON \(timexes.0.id"):
        evaluate(gold_dir, pred)
