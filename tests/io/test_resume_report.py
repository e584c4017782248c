"""``extract --resume``: a duplicate input is reported as a duplicate, not as already done."""

from __future__ import annotations

import json

from conftest import SEED_IDS, seed_published, seed_text

from claimline.cli import main


def test_a_duplicate_of_a_done_article_is_an_error_not_a_skip(tmp_path, capsys, seed_articles):
    done = [seed_articles[d] for d in SEED_IDS[:2]]
    out = tmp_path / "out.jsonl"
    out.write_text("".join(a.model_dump_json() + "\n" for a in done), encoding="utf-8")
    lines = [{"doc_id": d, "text": seed_text(d), "published": seed_published(d)} for d in SEED_IDS[:2]]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [*lines, lines[0]]), encoding="utf-8")
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out), "--resume"]) == 1
    err = capsys.readouterr().err
    assert "0 article(s) written" in err and "(2 already done, skipped)" in err
    assert err.count("[E019]") == 1 and f"doc_id {SEED_IDS[0]!r}" in err
