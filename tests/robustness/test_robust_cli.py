"""The CLI on hostile files: one line per bad input, a non-zero exit, the batch goes on."""

from __future__ import annotations

import json

import pytest

from claimline.cli import main

HTML = "<html><body><h1>Titre</h1><p>Le 18 septembre 2025, Trump était à Londres.</p></body></html>"
ENGLISH = "The president said that the war would not end before the end of the year, and he was right."


pytestmark = pytest.mark.usefixtures("cli_pipeline")


def errors_of(err: str) -> list[str]:
    return [line.strip() for line in err.splitlines() if line.strip().startswith("error:")]


def test_html_file_is_refused_and_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "page.txt").write_text(HTML, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Titre\n\nLe texte.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    (line,) = errors_of(err)
    assert "page.txt: [E020]" in line and "looks like HTML" in line
    assert "--html" in err and (tmp_path / "out" / "ok.json").is_file()


def test_html_option_converts_the_page(tmp_path):
    (tmp_path / "page.txt").write_text(HTML, encoding="utf-8")
    assert main(["extract", str(tmp_path / "page.txt"), "--html", "-o", str(tmp_path / "out")]) == 0
    article = json.loads((tmp_path / "out" / "page.json").read_text(encoding="utf-8"))
    assert article["text"] == "Titre\n\nLe 18 septembre 2025, Trump était à Londres."
    assert article["title"] == "Titre"


def test_utf16_file_with_a_bom_is_read(tmp_path):
    (tmp_path / "windows.txt").write_bytes("Titre\r\n\r\nUn été à Moscou.".encode("utf-16"))
    assert main(["extract", str(tmp_path / "windows.txt"), "-o", str(tmp_path / "out")]) == 0
    article = json.loads((tmp_path / "out" / "windows.json").read_text(encoding="utf-8"))
    assert article["text"] == "Titre\r\n\r\nUn été à Moscou."


def test_invalid_utf8_names_the_byte_and_the_fix(tmp_path, capsys):
    (tmp_path / "cp1252.txt").write_bytes("Le président a dit « non ».".encode("cp1252"))
    assert main(["extract", str(tmp_path / "cp1252.txt"), "-o", str(tmp_path / "out")]) == 1
    (line,) = errors_of(capsys.readouterr().err)
    assert "cp1252.txt: not a UTF-8 text file (invalid byte 0xe9 at offset 5)" in line and "iconv" in line


def test_nul_bytes_past_the_binary_probe_are_read_as_text(tmp_path):
    text = "Titre\n\n" + "Le texte continue. " * 500 + "\x00 Fin."
    (tmp_path / "nul.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(tmp_path / "nul.txt"), "-o", str(tmp_path / "out")]) == 0
    assert json.loads((tmp_path / "out" / "nul.json").read_text(encoding="utf-8"))["text"] == text


def test_warnings_are_printed_not_fatal(tmp_path, capsys):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert main(["extract", str(tmp_path / "en.txt"), "-o", str(tmp_path / "out")]) == 0
    assert "warning: en: [W001] the text does not look French (English" in capsys.readouterr().err


def test_bad_jobs_value_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path), "-j", "0"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "--jobs=0 is not valid" in line
