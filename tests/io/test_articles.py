"""claimline.io.articles: the one reader of Article JSON (files, folders, JSONL, Dask parts)."""

from __future__ import annotations

import pytest
from timeline_helpers import make_article

from claimline import InputError
from claimline.io.articles import read_articles


@pytest.fixture
def three():
    return [
        make_article("a", "Le 3 mars 2025, le maire a inauguré le pont.", events=[
            {"trigger": "a inauguré", "lemma": "inaugurer", "timex": "Le 3 mars 2025", "value": "2025-03-03"}]),
        make_article("b", "En avril 2024, la région a voté le budget."),
        make_article("c", "Le conseil se réunira en 2026."),
    ]


def _line(article) -> str:
    return article.model_dump_json() + "\n"


def test_a_folder_of_json_files_skips_other_json(tmp_path, three):
    for art in three:
        (tmp_path / f"{art.doc_id}.json").write_text(art.model_dump_json(), encoding="utf-8")
    (tmp_path / "timeline.json").write_text('{"schema_version": "1.0", "events": []}', encoding="utf-8")
    errors: list[str] = []
    assert [a.doc_id for a in read_articles([tmp_path], errors)] == ["a", "b", "c"] and errors == []


def test_jsonl_and_dask_part_files(tmp_path, three):
    (tmp_path / "part-00000.jsonl").write_text(_line(three[0]) + _line(three[1]), encoding="utf-8")
    (tmp_path / "part-00001.jsonl").write_text("\n" + _line(three[2]), encoding="utf-8")
    (tmp_path / "part-00000.parquet").write_bytes(b"PAR1")  # not read
    assert [a.doc_id for a in read_articles(tmp_path)] == ["a", "b", "c"]
    assert [a.doc_id for a in read_articles(tmp_path / "part-00001.jsonl")] == ["c"]


def test_the_same_file_twice_counts_once_and_is_reported(tmp_path, three):
    path = tmp_path / "a.json"
    path.write_text(three[0].model_dump_json(), encoding="utf-8")
    (tmp_path / "all.jsonl").write_text("".join(map(_line, three)), encoding="utf-8")
    errors: list[str] = []
    articles = read_articles([path, path, tmp_path / "all.jsonl"], errors)
    assert [a.doc_id for a in articles] == ["a", "b", "c"]
    assert len(errors) == 2 and all(e.startswith("[E019]") and "doc_id 'a'" in e for e in errors)
    assert f"already read from {path}: skipped" in errors[0]


def test_problems_are_listed_or_raised(tmp_path, three):
    (tmp_path / "bad.jsonl").write_text(_line(three[0]) + '{"doc_id": "z"}\n', encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    errors: list[str] = []
    found = read_articles([tmp_path / "bad.jsonl", empty, tmp_path / "nope.json"], errors)
    assert [a.doc_id for a in found] == ["a"]
    assert [e[:6] for e in errors] == ["[E016]", "[E009]", "[E004]"]
    assert "bad.jsonl, line 2" in errors[0]
    with pytest.raises(InputError, match=r"\[E016\].*line 2"):
        read_articles(tmp_path / "bad.jsonl")
