"""What a batch run tells its user on stderr: a progress bar and the closing report.

Shared by the command line (:mod:`claimline.cli`) and the Dask runner
(:mod:`claimline.distributed`), which therefore never import each other.
"""

from __future__ import annotations

import sys

PROGRESS_MIN_ITEMS = 4


def progress_bar(total: int):
    """A tqdm bar (articles/s) on stderr; off when stderr is not a terminal or the batch is tiny."""
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc="extract",
        unit="article",
        file=sys.stderr,
        disable=None if total >= PROGRESS_MIN_ITEMS else True,
        smoothing=0.1,
    )


def report(written: int, skipped: int, where: object, errors: list[str]) -> int:
    """Print the end-of-batch summary and the failures on stderr; the exit status (1 if any failed)."""
    done = f" ({skipped} already done, skipped)" if skipped else ""
    print(f"claimline: {written} article(s) written to {where}{done}", file=sys.stderr)
    if errors:
        print(f"claimline: {len(errors)} input(s) failed:", file=sys.stderr)
        for message in errors:
            print(f"  error: {message}", file=sys.stderr)
        return 1
    return 0


__all__ = ["PROGRESS_MIN_ITEMS", "progress_bar", "report"]
