"""Write Articles as they come, so that an interrupted run can resume.

- :class:`FilesSink`: one ``<doc_id>.json`` per article (indented), written to a
  temporary name then renamed: a file that exists is complete.
- :class:`JsonlSink`: one compact JSON line per article, flushed line by line. On
  resume, the complete lines are kept (their doc_ids are :meth:`done`) and a partial
  last line (the run was cut while writing it) is cut off, to be redone.

>>> sink = JsonlSink(Path("out.jsonl"), resume=True)  # doctest: +SKIP
>>> "000_9c2b6372b2c85d88" in sink.done()  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Protocol

from claimline.errors import Errors, InputError
from claimline.models import Article


class Sink(Protocol):
    """Where :func:`claimline.cli` writes Articles."""

    def done(self) -> set[str]: ...
    def write(self, article: Article) -> None: ...
    def close(self) -> None: ...


def article_line(article: Article) -> str:
    """The JSONL line of ``article`` (compact JSON, no newline): the same everywhere."""
    return article.model_dump_json()


class FilesSink:
    """One indented JSON file per article in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def done(self) -> set[str]:
        return {p.stem for p in self.folder.glob("*.json")}

    def write(self, article: Article) -> None:
        doc_id = article.doc_id
        if not doc_id or doc_id.startswith(".") or any(c in doc_id for c in "/\\\x00"):
            raise InputError(
                Errors.E010.format(
                    name="doc_id", value=doc_id, detail="it cannot name an output file; use --format jsonl"
                )
            )
        target = self.folder / f"{doc_id}.json"
        tmp = self.folder / f".{doc_id}.json.part"
        tmp.write_text(article.model_dump_json(indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, target)

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
    """All articles in one JSONL file; ``resume`` keeps what a previous run completed."""

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._done: set[str] = set()
        if resume and self.path.exists():
            doc_ids, good = complete_lines(self.path)
            self._done = set(doc_ids)
            with self.path.open("r+b") as f:
                f.truncate(good)
            self._file = self.path.open("a", encoding="utf-8")
        else:
            self._file = self.path.open("w", encoding="utf-8")

    def done(self) -> set[str]:
        return set(self._done)

    def write(self, article: Article) -> None:
        self._file.write(article_line(article) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


__all__ = ["FilesSink", "JsonlSink", "Sink", "article_line", "complete_lines"]
