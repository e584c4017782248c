"""Layout of the timeline picture: the zoom (panels of a broken axis) and label placement.

:func:`split_panels` keeps the bulk of the items in the main panel and sends far
outliers (a treaty of 1987 in a story of 2025) to a narrow panel before or after it.
:func:`place_labels` places each label in a free slot of its item's lane, measured in
display pixels with matplotlib's text extents, so that no two labels overlap and no
label covers another item's marker.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

PANEL_WEIGHTS = {"before": 1.0, "main": 6.0, "after": 0.8}
BULK_SHARE = 0.7  # the main panel is the shortest span holding this share of the items...
MARGIN_SHARE = 0.25  # ...widened by this share of its width on each side
LABEL_SIZE = 7.5
BASELINE = 0.8  # where markers sit in a lane (0 = top of the lane, 1 = bottom)
MARKER_PX = 5  # half-size of the no-label zone around a marker


@dataclass
class Panel:
    """One panel of the broken axis: its items and its x range (matplotlib date numbers)."""

    name: str  # "before", "main" or "after"
    lo: float
    hi: float
    weight: float
    items: list[Any] = field(default_factory=list)


def _mid(item) -> float:
    return (item.start.toordinal() + item.end.toordinal()) / 2


def _num(ordinal: float) -> float:
    from matplotlib import dates as mdates

    day = dt.date.fromordinal(int(ordinal))
    return float(mdates.date2num(day)) + (ordinal - int(ordinal))


def main_window(mids: list[float]) -> tuple[float, float]:
    """The shortest span (in days) holding :data:`BULK_SHARE` of the sorted ``mids``, widened
    by :data:`MARGIN_SHARE` of its width each side (at least a week)."""
    n = len(mids)
    k = max(1, math.ceil(BULK_SHARE * n))
    start = min(range(n - k + 1), key=lambda i: mids[i + k - 1] - mids[i])
    lo, hi = mids[start], mids[start + k - 1]
    margin = max((hi - lo) * MARGIN_SHARE, 7.0)
    return lo - margin, hi + margin


def split_panels(items: list[Any]) -> list[Panel]:
    """The panels: 'main' always, 'before' / 'after' only when there are outliers."""
    mids = sorted(_mid(i) for i in items)
    lo, hi = main_window(mids)
    groups: dict[str, list[Any]] = {"before": [], "main": [], "after": []}
    for item in items:
        m = _mid(item)
        groups["before" if m < lo else "after" if m > hi else "main"].append(item)
    panels = []
    for name in ("before", "main", "after"):
        members = groups[name]
        if not members:
            continue
        points = [i.start.toordinal() if i.point else _mid(i) for i in members]
        a, b = min(points), max(points)
        if name == "main":
            a, b = min(a, lo), max(b, hi)
        pad = max((b - a) * 0.04, 3.0 if name == "main" else 150.0)
        weight = PANEL_WEIGHTS[name] + (0 if name == "main" else 4.0 * len(members) / len(items))
        panels.append(Panel(name, _num(a - pad), _num(b + pad), weight, members))
    return panels


def marker_x(item, panel: Panel) -> float:
    """Where the item's marker is drawn: its day, or the start of its band inside the panel."""
    from matplotlib import dates as mdates

    x = float(mdates.date2num(item.start))
    return x if item.point else max(x, panel.lo)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _candidates(x: float, y: float, w: float, h: float, top: float, bottom: float):
    """Label boxes (x0, y0, x1, y1) in display pixels, nearest slot first: beside the
    marker, then rows above it up to the lane's top, then below it."""
    step = h * 1.15
    centres = [y]
    k = 1
    while y + k * step + h / 2 <= top:
        centres.append(y + k * step)
        k += 1
    k = 1
    while y - k * step - h / 2 >= bottom:
        centres.append(y - k * step)
        k += 1
    for cy in centres:
        yield (x + MARKER_PX + 1, cy - h / 2, x + MARKER_PX + 1 + w, cy + h / 2), "left"
        yield (x - MARKER_PX - 1 - w, cy - h / 2, x - MARKER_PX - 1, cy + h / 2), "right"


def place_labels(fig, axes, panels: list[Panel], lane_y: dict[str, int], *, gid: str) -> int:
    """Place every item's label where it overlaps nothing; return how many were left out."""
    renderer = fig.canvas.get_renderer()
    entries = [(axis, panel, item) for axis, panel in zip(axes, panels, strict=True) for item in panel.items]
    obstacles = []
    for axis, panel, item in entries:
        px, py = axis.transData.transform((marker_x(item, panel), lane_y[item.lane] + BASELINE))
        obstacles.append((px - MARKER_PX, py - MARKER_PX, px + MARKER_PX, py + MARKER_PX))
    placed: list[tuple[float, float, float, float]] = []
    hidden = 0
    order = sorted(range(len(entries)), key=lambda n: (-entries[n][2].priority, entries[n][2].start))
    for n in order:
        axis, panel, item = entries[n]
        others = obstacles[:n] + obstacles[n + 1 :]
        if not _place_one(renderer, axis, panel, item, lane_y, placed, others, gid):
            hidden += 1
    return hidden


def _place_one(renderer, axis, panel: Panel, item, lane_y: dict[str, int], placed, obstacles, gid: str) -> bool:
    lane = lane_y[item.lane]
    x_data, y_data = marker_x(item, panel), lane + BASELINE
    to_px = axis.transData.transform
    px, py = to_px((x_data, y_data))
    top, bottom = to_px((x_data, lane + 0.03))[1], to_px((x_data, lane + 0.97))[1]
    box = axis.get_window_extent(renderer)
    text = axis.text(x_data, y_data, item.label, fontsize=LABEL_SIZE, va="center", gid=gid, zorder=4)
    for label in (item.label, _shorter(item.label)):
        text.set_text(label)
        extent = text.get_window_extent(renderer)
        for cand, align in _candidates(px, py, extent.width, extent.height, top, bottom):
            inside = box.x0 + 1 <= cand[0] and cand[2] <= box.x1 - 1
            if inside and not any(_overlaps(cand, o) for o in placed) and not any(
                _overlaps(cand, o) for o in obstacles
            ):
                _put(axis, text, cand, align, (px, py))
                placed.append(cand)
                return True
    text.remove()
    return False


def _shorter(label: str, n: int = 24) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _put(axis, text, cand, align: str, marker: tuple[float, float]) -> None:
    inverse = axis.transData.inverted()
    x_px = cand[0] if align == "left" else cand[2]
    cy = (cand[1] + cand[3]) / 2
    x, y = inverse.transform((x_px, cy))
    text.set_position((x, y))
    text.set_horizontalalignment(align)
    if abs(cy - marker[1]) > 1:
        mx, my = inverse.transform(marker)
        axis.plot([mx, x], [my, y], color="#bbbbbb", linewidth=0.5, zorder=2)


__all__ = ["BASELINE", "LABEL_SIZE", "PANEL_WEIGHTS", "Panel", "marker_x", "place_labels", "split_panels"]
