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
        # long form: one row per event source (the call is reported by a and b)
        assert len(text.splitlines()) == 4 and text.startswith("event_id,headline,date,")
    else:  # no display_date: TimelineJS writes the date in the page's language
        assert [e["start_date"] for e in json.loads(text)["events"]] == [
            {"year": 2022}, {"year": 2025, "month": 2, "day": 12}]


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


def test_the_same_articles_twice_count_once(article_files, tmp_path, capsys):
    a = str(article_files / "a.json")
    assert main(["timeline", a, a, str(article_files), "-o", str(tmp_path / "t.json")]) == 1
    err = capsys.readouterr().err
    assert "timeline of 3 article(s)" in err and err.count("[E019]") == 2
    timeline = Timeline.model_validate_json((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert [len(e.sources) for e in timeline.events] == [1, 2]


def test_kind_is_honoured_for_json_and_timelinejs(article_files, capsys):
    assert main(["timeline", str(article_files), "--kind", "entities"]) == 0
    assert sorted(e["name"] for e in json.loads(capsys.readouterr().out)) == [
        "Donald Trump", "Russie", "Ukraine", "Vladimir Poutine"]
    assert main(["timeline", str(article_files), "--kind", "events", "--format", "json"]) == 0
    assert [e["lemma"] for e in json.loads(capsys.readouterr().out)] == ["envahir", "entretenir"]
    assert main(["timeline", str(article_files), "--kind", "claims", "--format", "timelinejs"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == []  # no claims in these articles
    assert main(["timeline", str(article_files), "--kind", "entities", "--format", "timelinejs"]) == 2
    assert "kind='entities'" in capsys.readouterr().err
    assert main(["timeline", str(article_files), "--kind", "claims", "--format", "png", "-o", "x.png"]) == 2


def test_entity_filters_the_entities_too_and_accepts_an_alias(article_files, capsys):
    # "Vladimir Putin" is a packaged alias of Poutine that no article uses
    assert main(["timeline", str(article_files), "--entity", "Vladimir Putin", "--kind", "entities",
                 "--format", "jsonl"]) == 0
    names = [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()]
    assert names == ["Donald Trump", "Vladimir Poutine"]  # the actors of the call, not Russie or Ukraine


def test_dask_part_files_are_read(article_files, tmp_path, capsys):
    parts = tmp_path / "out_dask"
    parts.mkdir()
    lines = [(article_files / f"{d}.json").read_text(encoding="utf-8") for d in "abc"]
    (parts / "part-00000.jsonl").write_text("".join(json.dumps(json.loads(x)) + "\n" for x in lines[:2]))
    (parts / "part-00001.jsonl").write_text(json.dumps(json.loads(lines[2])) + "\n")
    assert main(["timeline", str(parts), "--format", "jsonl"]) == 0
    assert [json.loads(line)["lemma"] for line in capsys.readouterr().out.splitlines()] == ["envahir", "entretenir"]


@pytest.mark.parametrize("fmt", ["jsonl", "timelinejs", "png"])
def test_output_folder_is_written_inside(article_files, tmp_path, fmt):
    folder = tmp_path / "dir"
    folder.mkdir()
    assert main(["timeline", str(article_files), "--format", fmt, "-o", str(folder)]) == 0
    assert main(["timeline", str(article_files), "--format", fmt, "-o", str(tmp_path / "new") + "/"]) == 0
    name = {"jsonl": "timeline.jsonl", "timelinejs": "timeline.timelinejs.json", "png": "timeline.png"}[fmt]
    for where in (folder, tmp_path / "new"):
        assert [p.name for p in where.iterdir()] == [name] and (where / name).stat().st_size > 0


def test_picture_and_page_formats(article_files, tmp_path):
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("html", b"<!DOCTYPE html>")):
        target = tmp_path / f"t.{fmt}"
        assert main(["timeline", str(article_files), "--format", fmt, "-o", str(target)]) == 0
        assert target.read_bytes().startswith(magic)


def test_version(capsys):
    from claimline import __version__

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"claimline {__version__}"
