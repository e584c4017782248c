"""Write Articles as they come, so that an interrupted run can resume.

- :class:`FilesSink`: one ``<doc_id>.json`` per article (indented), written to a
  temporary name then renamed: a file that exists is complete.
- :class:`JsonlSink`: one compact JSON line per article, written line by line. On
  resume, the complete lines are kept (their doc_ids are :meth:`done`) and a partial
  last line (the run was cut while writing it) is cut off, to be redone.

:func:`open_sink` checks the output against the inputs and the file system before
anything is opened for writing (an output that is also an input is refused: writing it
would destroy it). Every write failure is an :class:`OutputError` (one line, no chained
traceback, no ``.part`` left); ``fatal`` when no later write can succeed (disk full,
read-only file system, quota) so that the batch stops there.

>>> sink = open_sink("jsonl", "out.jsonl", resume=True, inputs=["corpus.jsonl"])  # doctest: +SKIP
>>> "000_9c2b6372b2c85d88" in sink.done()  # doctest: +SKIP
True
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from claimline.errors import Errors, InputError
from claimline.models import Article

MAX_NAME_BYTES = 255
"""The longest file name most file systems accept (ext4, APFS, NTFS: 255)."""

_FATAL_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EIO}


class OutputError(InputError):
    """An output that cannot be written; ``fatal``: no later write can succeed either."""

    def __init__(self, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


def os_error(path: object, err: OSError, doing: str = "cannot write") -> OutputError:
    """``err`` as a one-line :class:`OutputError` naming ``path``."""
    reason = err.strerror or type(err).__name__
    return OutputError(Errors.E009.format(path=path, detail=f"{doing} ({reason})"),
                       fatal=err.errno in _FATAL_ERRNOS)


class Sink(Protocol):
    """Where :func:`claimline.cli` writes Articles."""

    def done(self) -> set[str]: ...
    def write(self, article: Article) -> None: ...
    def close(self) -> None: ...


def article_line(article: Article) -> str:
    """The JSONL line of ``article`` (compact JSON, no newline): the same everywhere."""
    return article.model_dump_json()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(Errors.E009.format(path=folder, detail="exists and is not a folder")) from None
    except NotADirectoryError:
        raise OutputError(Errors.E009.format(path=folder, detail="a parent of this path is a file, not a folder")) from None
    except OSError as err:
        raise os_error(folder, err, "cannot create this folder") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(Errors.E009.format(path=folder, detail="cannot write in this folder (Permission denied)"))


def replace_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` (str as UTF-8) to the regular file ``path`` through a temporary file
    in the same folder renamed over it (``os.replace``): the previous file stays whole
    until the new one is complete, and no ``.part`` is left behind when the write fails
    or is interrupted. A symbolic link is kept (its target is replaced). Raises the
    ``OSError``; the folder must exist.
    """
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    tmp = path.with_name(f".{path.name}.part")
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:  # an interruption too: never leave a .part behind
        tmp.unlink(missing_ok=True)
        raise


def write_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` (str as UTF-8) to ``path``: a regular file through :func:`replace_file`,
    a device or a pipe (/dev/stdout, a FIFO) in place, since neither can be renamed over.
    Raises the ``OSError``; the folder must exist."""
    if path.exists() and not path.is_file():
        with path.open("wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return
    replace_file(path, data)


def write_text_file(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8) completely or raise a one-line :class:`OutputError`.

    A regular file is written to a temporary name then renamed (:func:`replace_file`:
    never half-written, no ``.part`` left on failure); a device such as /dev/stdout is
    written in place; missing parent folders are created.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(Errors.E009.format(path=path, detail="is a folder; give a file name"))
    if path.is_file() or not path.exists():  # not a device or a pipe: its folder is made
        _make_folder(path.parent)
    try:
        write_file(path, text)
    except OSError as err:
        raise os_error(path, err) from None


class FilesSink:
    """One indented JSON file per article in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        _make_folder(self.folder)

    def done(self) -> set[str]:
        return {p.stem for p in self.folder.glob("*.json")}

    def write(self, article: Article) -> None:
        doc_id = article.doc_id
        if not doc_id or doc_id.startswith(".") or any(c in doc_id for c in "/\\\x00"):
            raise OutputError(
                Errors.E010.format(
                    name="doc_id", value=doc_id, detail="it cannot name an output file; use --format jsonl"
                )
            )
        size = len(f".{doc_id}.json.part".encode("utf-8", "surrogatepass"))
        if size > MAX_NAME_BYTES:
            raise OutputError(Errors.E010.format(
                name="doc_id", value=doc_id[:40] + "…",
                detail=f"too long for a file name ({size} bytes with '.json', at most {MAX_NAME_BYTES}); "
                "use --format jsonl"))
        write_text_file(self.folder / f"{doc_id}.json", article.model_dump_json(indent=2) + "\n")

    def close(self) -> None:
        pass


def complete_lines(path: Path) -> tuple[list[str], int]:
    """The doc_ids of the complete, valid lines at the start of the JSONL ``path`` and
    the byte length they span (what follows is partial or corrupt)."""
    doc_ids: list[str] = []
    good = 0
    with path.open("rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                doc_ids.append(json.loads(line)["doc_id"])
            except (ValueError, KeyError, TypeError):
                break
            good += len(line)
    return doc_ids, good


class JsonlSink:
    """All articles in one JSONL file; ``resume`` keeps what a previous run completed.

    Lines are written unbuffered; a line that cannot be written completely is cut off
    again (the file stays a sequence of complete lines).
    """

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.path = Path(path)
        self._done: set[str] = set()
        if self.path.is_dir():
            raise OutputError(Errors.E009.format(
                path=self.path, detail="is a folder; --format jsonl writes one file (or use --format files)"))
        _make_folder(self.path.parent)
        try:
            if resume and self.path.is_file():
                doc_ids, good = complete_lines(self.path)
                self._done = set(doc_ids)
                self._file = self.path.open("r+b", buffering=0)
                self._file.truncate(good)
                self._file.seek(good)
            else:
                self._file = self.path.open("wb", buffering=0)
        except OSError as err:
            raise os_error(self.path, err, "cannot open for writing") from None
        self._regular = self.path.is_file()

    def done(self) -> set[str]:
        return set(self._done)

    def write(self, article: Article) -> None:
        data = memoryview((article_line(article) + "\n").encode("utf-8"))
        start = self._file.tell() if self._regular else 0
        try:
            while data:
                data = data[self._file.write(data):]
        except OSError as err:
            if self._regular:
                try:
                    self._file.truncate(start)
                    self._file.seek(start)
                except OSError:
                    pass
            raise os_error(self.path, err) from None

    def close(self) -> None:
        self._file.close()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(fmt: str, output: Path, inputs: Iterable[Path]) -> None:
    """Refuse (one-line :class:`OutputError`) an output that is an input or of the wrong kind,
    before anything is opened for writing."""
    for source in inputs:
        if _same(output, source):
            raise OutputError(Errors.E009.format(
                path=output, detail=f"the output is also an input ({source}): writing it would destroy it; "
                "choose another -o"))
    if fmt == "jsonl" and output.is_dir():
        raise OutputError(Errors.E009.format(
            path=output, detail="is a folder; --format jsonl writes one file (or use --format files)"))
    if fmt == "files" and output.exists() and not output.is_dir():
        raise OutputError(Errors.E009.format(
            path=output, detail="exists and is not a folder; --format files writes one <doc_id>.json per "
            "article into a folder (or use --format jsonl -o FILE)"))
    parent = output.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(Errors.E009.format(path=output, detail=f"{parent} is a file, not a folder"))


def open_sink(fmt: str, output: str | Path | None, *, resume: bool = False, inputs: Iterable[Path] = ()) -> Sink:
    """The sink for ``--format fmt -o output``, after :func:`check_output`."""
    path = Path(output or ("out.jsonl" if fmt == "jsonl" else "out"))
    check_output(fmt, path, inputs)
    return JsonlSink(path, resume=resume) if fmt == "jsonl" else FilesSink(path)


__all__ = [
    "FilesSink", "JsonlSink", "OutputError", "Sink", "article_line", "check_output", "complete_lines",
    "open_sink", "os_error", "replace_file", "write_file", "write_text_file",
]
