"""The gold loader accepts well-formed files and rejects bad ones naming the file and field."""

from __future__ import annotations

import json

import pytest
from evaluate_cases import ASIDE, BODY, DOC_ID, GOLD_MENTIONS, GOLD_TIMEXES, TEXT, gold_data, item, write_gold_folder

from claimline.errors import ClaimlineError
from claimline.evaluate.gold import GoldError, load_gold


def folder(tmp_path, data=None, doc_id=DOC_ID, text=TEXT):
    data = data if data is not None else gold_data(timexes=GOLD_TIMEXES, mentions=GOLD_MENTIONS)
    return write_gold_folder(tmp_path, {doc_id: (text, data)})


def rejection(tmp_path, data, doc_id=DOC_ID) -> str:
    with pytest.raises(GoldError) as info:
        load_gold(folder(tmp_path, data, doc_id))
    return str(info.value)


def test_a_good_folder_loads(tmp_path):
    docs = load_gold(folder(tmp_path))
    doc = docs[DOC_ID]
    assert doc.text == TEXT
    assert doc.timexes[0].value == "2025-09-18"
    assert doc.mentions[2].entity == "Donald Trump"
    assert doc.annotated() == [(0, BODY), (BODY, ASIDE)]


def test_gold_error_is_a_claimline_error():
    assert issubclass(GoldError, ClaimlineError)


def test_missing_field_is_named(tmp_path):
    bad = item("Le 18 septembre 2025", type="DATE", mod=None)  # no value
    message = rejection(tmp_path, gold_data(timexes=[bad]))
    assert "[E013]" in message
    assert f"{DOC_ID}.json: timexes.0.value: Field required" in message


def test_unknown_label_is_named(tmp_path):
    bad = item("Donald Trump", label="PERSON", entity="Donald Trump")
    assert f"{DOC_ID}.json: mentions.0.label:" in rejection(tmp_path, gold_data(mentions=[bad]))


def test_offsets_out_of_range(tmp_path):
    bad = {"start": len(TEXT) - 2, "end": len(TEXT) + 5, "text": "x", "label": "PER", "entity": "X"}
    message = rejection(tmp_path, gold_data(mentions=[bad]))
    assert f"{DOC_ID}.json: mentions.0: offsets [{len(TEXT) - 2}, {len(TEXT) + 5}) out of range" in message


def test_wrong_doc_id(tmp_path):
    message = rejection(tmp_path, gold_data(doc_id="doc_b"))
    assert f"{DOC_ID}.json: doc_id: 'doc_b' differs from the file name '{DOC_ID}'" in message


def test_text_mismatch(tmp_path):
    bad = dict(item("Donald Trump", label="PER", entity="Donald Trump"), text="Donald Trum")
    message = rejection(tmp_path, gold_data(mentions=[bad]))
    assert f"{DOC_ID}.json: mentions.0.text: 'Donald Trum' but raw[" in message


def test_sections_must_partition_the_text(tmp_path):
    gap = [("title", 0, BODY - 1), ("body", BODY, ASIDE), ("aside", ASIDE, len(TEXT))]
    assert f"sections.1.start: {BODY}, expected {BODY - 1}" in rejection(tmp_path, gold_data(sections=gap))
    short = [("title", 0, BODY), ("body", BODY, ASIDE)]
    message = rejection(tmp_path / "2", gold_data(sections=short))
    assert f"sections.1.end: {ASIDE}, expected {len(TEXT)}" in message


def test_items_lie_in_title_or_body(tmp_path):
    in_aside = item("Poutine", label="PER", entity="Vladimir Poutine")
    message = rejection(tmp_path, gold_data(mentions=[in_aside]))
    assert f"{DOC_ID}.json: mentions.0: [" in message
    assert "'Poutine' is not inside a title or body section" in message


def test_every_bad_file_is_listed(tmp_path):
    good = gold_data()
    bad = dict(gold_data(doc_id="b"), sections="none")
    gold_dir = write_gold_folder(tmp_path, {"a": (TEXT, dict(good, doc_id="x")), "b": (TEXT, bad)})
    with pytest.raises(GoldError) as info:
        load_gold(gold_dir)
    message = str(info.value)
    assert "2 problem(s)" in message
    assert "a.json: doc_id:" in message and "b.json: sections:" in message


def test_invalid_json_and_missing_raw_text(tmp_path):
    gold_dir = folder(tmp_path)
    (gold_dir / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "raw" / "broken.txt").write_text(TEXT, encoding="utf-8")
    (gold_dir / "orphan.json").write_text(json.dumps(gold_data(doc_id="orphan")), encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(gold_dir)
    message = str(info.value)
    assert "broken.json: (file): not a readable JSON file" in message
    assert "orphan.json: (file): no raw text" in message


def test_empty_or_absent_folder(tmp_path):
    with pytest.raises(GoldError, match=r"\[E004\]"):
        load_gold(tmp_path / "nowhere")
    (tmp_path / "gold").mkdir()
    with pytest.raises(GoldError, match="no \\*.json gold file"):
        load_gold(tmp_path / "gold")


def test_raw_dir_option(tmp_path):
    gold_dir = folder(tmp_path)
    moved = tmp_path / "texts"
    (tmp_path / "raw").rename(moved)
    with pytest.raises(GoldError):
        load_gold(gold_dir)
    assert DOC_ID in load_gold(gold_dir, raw_dir=moved)
