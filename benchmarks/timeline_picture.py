"""How readable the timeline picture of some extracted Articles is, in numbers.

    python benchmarks/timeline_picture.py OUT_DIR [OUT_DIR...] [--lanes story|entity] [--png FILE]

Reads the Articles (``claimline extract ... -o OUT_DIR``: .json files, JSONL, Dask parts),
draws ``Timeline.plot()`` at 1400 x 800 and prints: the items drawn, the lanes (all
labelled?), the labels placed and left out, the pairs of overlapping labels (measured
with matplotlib's text extents; must be 0), the panels of the broken axis and whether
there is a legend. E.g. the seeds and news-dev:

    claimline extract data/raw -o /tmp/seeds && python benchmarks/timeline_picture.py /tmp/seeds
    claimline extract ../shared/corpora/news-dev/raw -o /tmp/dev && python benchmarks/timeline_picture.py /tmp/dev
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimline import build_timeline  # noqa: E402
from claimline.io.articles import read_articles  # noqa: E402
from claimline.timeline.plot import LABEL_GID, figure_bytes, plot_items  # noqa: E402


def measure(paths: list[str], lanes: str, png: str | None) -> dict:
    errors: list[str] = []
    timeline = build_timeline(read_articles(paths, errors))
    items, lane_names = plot_items(timeline, lanes)
    fig = timeline.plot(lanes=lanes)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_gid() == LABEL_GID]
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    if png:
        Path(png).write_bytes(figure_bytes(fig, "png"))
    return {
        "articles": len(timeline.articles),
        "items drawn": len(items),
        "size (px)": "x".join(str(int(v)) for v in fig.get_size_inches() * fig.dpi),
        "lanes": len(lane_names),
        "lanes labelled": sum(bool(t) for t in ticks),
        "labels placed": len(boxes),
        "labels left out": len(items) - len(boxes),
        "overlapping label pairs": sum(a.overlaps(b) for a, b in itertools.combinations(boxes, 2)),
        "panels": " + ".join(ax.get_title() or "main" for ax in fig.axes),
        "legend": bool(fig.legends),
        "read errors": len(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--lanes", choices=("story", "entity"), default="story")
    parser.add_argument("--png", help="also write the picture here")
    args = parser.parse_args()
    for key, value in measure(args.paths, args.lanes, args.png).items():
        print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
