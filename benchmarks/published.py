"""Publication dates read from the pages' bylines, against the corpus metadata.

    python benchmarks/published.py [FOLDER ...]   (default: ../shared/corpora/news-dev/raw data/raw)

For every ``*.txt`` of each folder: the sections (:func:`claimline.split_sections`), then
the byline date (:func:`claimline.layout.published.read_byline_date`), compared with the
folder's ``metadata.json``. Prints one line per text that has a byline line (or a byline
date), and the count of exact dates. spaCy-free (seconds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimline.layout.cues import describe, load_layout
from claimline.layout.published import read_byline_date
from claimline.layout.sections import split_sections
from claimline.text.model_text import model_text

SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parents[1]) if (p / "shared").is_dir()), ROOT.parent / "shared")
DEFAULT = (SHARED / "corpora" / "news-dev" / "raw", ROOT / "data" / "raw")


def run(folder: Path) -> tuple[int, int]:
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8")).get("articles", {})
    exact = pages = 0
    for path in sorted(folder.glob("*.txt")):
        text = model_text(path.read_text(encoding="utf-8"))
        sections = split_sections(text)
        found = read_byline_date(text, sections)
        layout = load_layout()
        byline = any("byline" in describe(line, layout).roles for line in text.split("\n") if line.strip())
        if found is None and not byline:
            continue
        pages += 1
        expected = (meta.get(path.stem) or {}).get("published")
        got = found.date.isoformat() if found else None
        exact += got == expected
        line = text[found.start : found.end].strip()[:70] if found else "-"
        print(f"  {path.stem:10} metadata {expected}  byline {got}  {'ok ' if got == expected else 'BAD'} {line}")
    return exact, pages


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [f for f in DEFAULT if f.is_dir()]
    for folder in folders:
        print(f"{folder}:")
        exact, pages = run(folder)
        print(f"  byline date exact on {exact}/{pages} texts with a byline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
