"""Check that ``claimline extract`` still writes the same Article JSON as when the digest
was stored.

    python benchmarks/output_digest.py            # compare with benchmarks/output_digest.json
    python benchmarks/output_digest.py --update   # store the current output as the reference

Runs ``claimline extract`` (in-process, the command line's own code path) on ``data/raw``
and ``../shared/corpora/news-dev/raw`` (``--corpus`` adds or replaces folders), hashes each
``<doc_id>.json`` it writes (SHA-256 of the exact bytes) and compares them with the
stored digest. Prints one line per document that changed, appeared or disappeared and
exits with status 1 when anything differs. A refactoring must keep every hash; an
intended output change is stored with ``--update`` and committed with it. A corpus
folder that does not exist is reported and skipped (not an error), so that the script
runs in a checkout without the shared corpora.

Not a pytest test: outputs change on purpose when a layer improves.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimline.cli import main as claimline_main  # noqa: E402

DIGEST = Path(__file__).resolve().with_name("output_digest.json")


def _shared(*parts: str) -> Path:
    """``../shared/<parts>`` beside the checkout (or beside a parent folder of it, for a
    git worktree kept in a subfolder)."""
    for parent in ROOT.parents:
        if (parent / "shared").is_dir():
            return parent.joinpath("shared", *parts)
    return ROOT.parent.joinpath("shared", *parts)


CORPORA = {"seeds": ROOT / "data" / "raw", "news-dev": _shared("corpora", "news-dev", "raw")}


def corpus_digest(raw: Path) -> dict[str, str]:
    """``{doc_id: sha256}`` of the Article JSON files ``claimline extract raw`` writes."""
    with tempfile.TemporaryDirectory() as out:
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            status = claimline_main(["extract", str(raw), "-o", out])
        if status != 0:
            raise SystemExit(f"claimline extract {raw} failed (status {status}):\n{stderr.getvalue()}")
        return {
            path.stem: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(Path(out).glob("*.json"))
        }


def compare(stored: dict[str, dict[str, str]], current: dict[str, dict[str, str]]) -> list[str]:
    """One line per document whose output differs from ``stored``."""
    lines = []
    for corpus, docs in current.items():
        before = stored.get(corpus)
        if before is None:
            lines.append(f"{corpus}: not in the stored digest")
            continue
        for doc_id in sorted(before.keys() | docs.keys()):
            if doc_id not in docs:
                lines.append(f"{corpus}/{doc_id}: missing from the output")
            elif doc_id not in before:
                lines.append(f"{corpus}/{doc_id}: new document")
            elif before[doc_id] != docs[doc_id]:
                lines.append(f"{corpus}/{doc_id}: output changed")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="store the current output as the reference")
    parser.add_argument(
        "--corpus", action="append", metavar="NAME=DIR",
        help="a folder of .txt files to check (default: seeds=data/raw, news-dev=../shared/corpora/news-dev/raw)",
    )
    parser.add_argument("--digest", type=Path, default=DIGEST, help=f"digest file (default: {DIGEST.name})")
    args = parser.parse_args(argv)
    corpora = dict(CORPORA)
    if args.corpus:
        corpora = dict(item.split("=", 1) for item in args.corpus)
    current = {}
    for name, raw in corpora.items():
        raw = Path(raw)
        if not raw.is_dir():
            print(f"{name}: {raw} not found, skipped")
            continue
        current[name] = corpus_digest(raw)
        print(f"{name}: {len(current[name])} document(s) from {raw}")
    stored = json.loads(args.digest.read_text(encoding="utf-8")) if args.digest.is_file() else {}
    if args.update:
        stored.update(current)
        args.digest.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"stored the digest of {sum(map(len, current.values()))} document(s) in {args.digest}")
        return 0
    differences = compare(stored, current)
    for line in differences:
        print(line)
    if differences:
        print(f"{len(differences)} difference(s); if intended: python {Path(__file__).name} --update")
        return 1
    print("identical to the stored digest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
