"""``claimline timeline``: Article JSON files in, one timeline out (no spaCy needed)."""

from __future__ import annotations

import json

import pytest
from timeline_helpers import make_article

from claimline import Timeline
from claimline.cli import main


@pytest.fixture
def article_files(tmp_path):
    people = {"Trump": ("Donald Trump", "PER"), "Poutine": ("Vladimir Poutine", "PER")}
    a = make_article("a", "Mercredi 12 février, Trump s'est entretenu avec Poutine.", entities=people, events=[
        {"trigger": "s'est entretenu", "lemma": "entretenir", "timex": "Mercredi 12 février",
         "value": "2025-02-12", "actors": ["Trump"]}])
    b = make_article("b", "L'appel du 12 février 2025 entre Trump et Poutine a duré 90 minutes.", entities=people,
                     events=[{"trigger": "appel", "lemma": "appel", "timex": "12 février 2025",
                              "value": "2025-02-12", "actors": ["Trump", "Poutine"]}])
    c = make_article("c", "La Russie a envahi l'Ukraine en 2022.",
                     entities={"Russie": ("Russie", "LOC"), "Ukraine": ("Ukraine", "LOC")},
                     events=[{"trigger": "a envahi", "lemma": "envahir", "timex": "2022", "value": "2022",
                              "actors": ["Russie"]}])
    out = tmp_path / "out"
    out.mkdir()
    for art in (a, b, c):
        (out / f"{art.doc_id}.json").write_text(art.model_dump_json(indent=2), encoding="utf-8")
    return out


def test_timeline_json_merges_the_call_reported_twice(article_files, tmp_path, capsys):
    target = tmp_path / "timeline.json"
    assert main(["timeline", *map(str, sorted(article_files.glob("*.json"))), "-o", str(target)]) == 0
    timeline = Timeline.model_validate_json(target.read_text(encoding="utf-8"))
    assert [(e.when.label, [s.doc_id for s in e.sources]) for e in timeline.events] == [
        ("2022", ["c"]), ("2025-02-12", ["a", "b"])]
    assert "3 article(s): 2 event(s)" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "timelinejs"])
def test_timeline_formats(article_files, tmp_path, fmt):
    target = tmp_path / f"timeline.{fmt}"
    assert main(["timeline", str(article_files), "-o", str(target), "--format", fmt]) == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert [json.loads(line)["lemma"] for line in text.splitlines()] == ["envahir", "entretenir"]
    elif fmt == "csv":
        assert len(text.splitlines()) == 3 and text.startswith("id,date,")
    else:
        assert [e["start_date"] for e in json.loads(text)["events"]] == [
            {"year": 2022, "display_date": "2022"}, {"year": 2025, "month": 2, "day": 12, "display_date": "2025-02-12"}]


def test_timeline_entity_filter_and_stdout(article_files, capsys):
    assert main(["timeline", str(article_files), "--entity", "Poutine", "--format", "jsonl"]) == 0
    assert [json.loads(line)["lemma"] for line in capsys.readouterr().out.splitlines()] == ["entretenir"]


def test_timeline_reports_a_bad_file_on_one_line_and_goes_on(article_files, tmp_path, capsys):
    bad = tmp_path / "notes.json"
    bad.write_text('{"doc_id": "x"}', encoding="utf-8")
    target = tmp_path / "t.json"
    assert main(["timeline", str(article_files), str(bad), str(tmp_path / "missing.json"), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "[E016]" in err and "notes.json" in err and "text: Field required" in err
    assert "[E004]" in err and "missing.json" in err
    assert len(Timeline.model_validate_json(target.read_text()).events) == 2


def test_unknown_entity_is_a_one_line_error(article_files, capsys):
    assert main(["timeline", str(article_files), "--entity", "Zelensky"]) == 2
    assert "entity='Zelensky'" in capsys.readouterr().err
