"""The command line: extract, schema and its error paths (one line, non-zero exit)."""

from __future__ import annotations

import json
import shutil

import pytest

from claimline.cli import main
from claimline.models import Article
from conftest import RAW


pytestmark = pytest.mark.usefixtures("cli_pipeline")


def test_extract_folder_writes_one_article_per_seed(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(RAW), "-o", str(out)]) == 0
    files = sorted(out.glob("*.json"))
    assert [f.stem for f in files] == sorted(p.stem for p in RAW.glob("*.txt"))
    article = Article.model_validate_json(files[2].read_text(encoding="utf-8"))
    assert str(article.published) == "2025-09-21"  # from data/raw/metadata.json
    assert article.published_source == "given"
    assert "5 article(s) written" in capsys.readouterr().err


def test_published_option_overrides_metadata(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(RAW / "004_0e67424a64534fb4.txt"), "-o", str(out), "--published", "2025-02-14"]) == 0
    article = json.loads((out / "004_0e67424a64534fb4.json").read_text(encoding="utf-8"))
    assert article["published"] == "2025-02-14"


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Un été à Moscou".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    good = tmp_path / "good.txt"
    shutil.copy(RAW / "004_0e67424a64534fb4.txt", good)
    out = tmp_path / "out"
    code = main(
        ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "latin1.txt"), str(tmp_path / "binary.txt"),
         str(tmp_path / "missing.txt"), str(good), "-o", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert (out / "good.json").is_file()
    lines = [line for line in err.splitlines() if line.strip().startswith("error:")]
    assert len(lines) == 4
    assert "empty.txt: the file is empty" in err
    assert "latin1.txt: not a UTF-8 text file (invalid byte 0xe9" in err
    assert "binary.txt: not a UTF-8 text file (it contains NUL bytes" in err
    assert "missing.txt: no such file or folder" in err
    assert "Traceback" not in err


def test_unparsable_date_is_one_line_and_exit_2(tmp_path, capsys):
    code = main(["extract", str(RAW), "-o", str(tmp_path), "--published", "21/09/2025"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "--published='21/09/2025' is not a valid date" in err[0]


def test_empty_folder(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    assert "no .txt file in this folder" in capsys.readouterr().err


def test_schema_prints_the_article_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Article" and "timexes" in schema["properties"]


def test_console_script_runs(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "claimline", "schema"], capture_output=True, text=True)
    assert result.returncode == 0 and json.loads(result.stdout)["title"] == "Article"
    result = subprocess.run([sys.executable, "-m", "claimline", "extract", str(tmp_path / "nope.txt"), "-o",
                             str(tmp_path / "o")], capture_output=True, text=True)
    assert result.returncode == 1 and "no such file or folder" in result.stderr and "Traceback" not in result.stderr
