"""A synthetic JSONL corpus of short French articles made from the seeds' paragraphs.

Used by ``benchmarks/scale.py`` and the scale-out tests (which import it from here): the
same ``n`` gives the same corpus, byte for byte. Article ``i`` is one seed line as a
title, then three body paragraphs (lines of 200 to 900 characters) picked by a fixed
stride, dated like one of the seeds.

    python benchmarks/synthetic.py 300 corpus.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def synthetic_articles(n: int, raw: Path = RAW) -> list[dict]:
    """``n`` records ``{"doc_id", "text", "published"}``."""
    meta = json.loads((raw / "metadata.json").read_text(encoding="utf-8"))["articles"]
    seeds = sorted(raw.glob("*.txt"))
    lines = [line.strip() for p in seeds for line in p.read_text(encoding="utf-8").splitlines()]
    titles = [line for line in lines if 30 <= len(line) <= 120]
    paragraphs = [line for line in lines if 200 <= len(line) <= 900]
    dates = [meta[p.stem]["published"] for p in seeds]
    records = []
    for i in range(n):
        body = [paragraphs[(i * 7 + k * 13) % len(paragraphs)] for k in range(3)]
        text = "\n\n".join([titles[i % len(titles)], *body]) + "\n"
        records.append({"doc_id": f"gen-{i:05d}", "text": text, "published": dates[i % len(dates)]})
    return records


def write_corpus(path: Path, n: int) -> Path:
    """Write :func:`synthetic_articles` as JSONL to ``path``."""
    with Path(path).open("w", encoding="utf-8") as f:
        for record in synthetic_articles(n):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return Path(path)


if __name__ == "__main__":
    write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
