"""The timeline as a picture (matplotlib): ``Timeline.plot()``, ``claimline timeline --format png``.

- one lane per story (article title) or per entity; at most :data:`MAX_LANES` lanes,
  the rest in "autres";
- zoomed on where most items are: items far before (or after) the bulk go to a narrow
  panel of their own on the left (right), a broken axis;
- an event known to the day is a point, a coarser one (month, year, interval) a light
  band over its period; claims are diamonds labelled with their figure ("15 000 hommes
  — Zapad"), hollow when dated by the publication day; publication days are grey ticks;
- labels are "who — what" (:func:`~claimline.timeline.labels.event_headline`); they are
  placed greedily, most-reported first, in free slots of their lane: a label that does
  not fit is shortened, then left out (the page, ``--format html``, shows every item).

>>> fig = timeline.plot(lanes="story")  # doctest: +SKIP
>>> fig.savefig("timeline.png", dpi=100)  # 1400 x 800  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimline.calendar import precision
from claimline.errors import Errors, InputError, MissingDependencyError
from claimline.timeline.labels import MONTHS_FR_SHORT, claim_label, event_headline
from claimline.timeline.plot_layout import BASELINE, Panel, place_labels, split_panels

if TYPE_CHECKING:  # pragma: no cover
    from claimline.timeline.model import Timeline

MAX_LANES = 9
LABEL_GID = "claimline-label"
LANE_TITLE_CHARS = 30
EVENT_COLOURS = {  # modality family -> colour
    "asserted": "#1f4e8c", "reported": "#2a9d8f", "hedged": "#e07a1f", "planned": "#e07a1f",
    "conditional": "#e07a1f", "question": "#8d8d8d", "negated": "#8d8d8d",
}
CLAIM_COLOUR = "#c0392b"


@dataclass
class Item:
    """One thing to draw: an event or a claim, its period and its lane."""

    kind: str  # "event" or "claim"
    start: dt.date
    end: dt.date
    point: bool  # known to the day: a point; else a band over [start, end]
    label: str
    lane: str
    priority: float
    modality: str = "asserted"
    published_date: bool = False  # a claim dated by its article's publication day


def _matplotlib():
    """matplotlib's Figure and Agg canvas (no pyplot: no global state, no display needed)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependencyError(
            Errors.E015.format(what="Timeline.plot()", package="matplotlib", extra="plot")
        ) from None
    return Figure, FigureCanvasAgg


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def plot_items(timeline: Timeline, lanes: str = "story") -> tuple[list[Item], list[str]]:
    """The items to draw and the lane names (top to bottom)."""
    if lanes not in ("story", "entity"):
        raise InputError(Errors.E010.format(name="lanes", value=lanes, detail="expected 'story' or 'entity'"))
    raw: list[tuple[Item, list[str]]] = []
    for e in timeline.events:
        if e.when.earliest or e.when.latest:
            keys = [e.sources[0].doc_id] if lanes == "story" else [*e.actors, *([e.location] if e.location else [])]
            raw.append((_item("event", e.when, event_headline(timeline, e), len(e.sources) + 1, e.modality), keys))
    undated: dict[tuple, list] = {}  # claims dated by publication: one marker per article and lane key
    for c in timeline.claims:
        if c.when is None or not (c.when.earliest or c.when.latest):
            continue
        keys = [c.doc_id] if lanes == "story" else [*c.entities, *([c.source] if c.source else [])]
        if c.when_source == "published":
            undated.setdefault((c.doc_id, tuple(keys[:1])), []).append(c)
            continue
        raw.append((_item("claim", c.when, claim_label(timeline, c), 1.5, c.modality), keys))
    for (_, keys), claims in undated.items():
        label = claim_label(timeline, claims[0]) if len(claims) == 1 else f"{len(claims)} chiffres sans date propre"
        item = _item("claim", claims[0].when, label, 1.0, claims[0].modality)
        item.published_date = True
        raw.append((item, list(keys)))
    names = _lane_names(timeline, lanes)
    counts = Counter(k for _, keys in raw for k in keys[:1 if lanes == "story" else None])
    top = [k for k, _ in counts.most_common(MAX_LANES - 1 if len(counts) > MAX_LANES else MAX_LANES)]
    other = "autres articles" if lanes == "story" else "autres / sans entité"
    items = []
    for item, keys in raw:
        item.lane = next((names[k] for k in keys if k in top), other)
        items.append(item)
    first = {}
    for item in sorted(items, key=lambda i: i.start):
        first.setdefault(item.lane, item.start)
    order = sorted(first, key=lambda lane: (lane == other, first[lane]))
    return items, order


def _item(kind: str, when, label: str, priority: float, modality: str) -> Item:
    start = when.earliest or when.latest
    end = when.latest or when.earliest
    point = precision(when.granularity) == "day" and (end - start).days <= 1
    return Item(kind, start, end, point, label, "", priority, modality)


def _lane_names(timeline: Timeline, lanes: str) -> dict[str, str]:
    if lanes == "story":
        names = {a.doc_id: _short(a.title or a.doc_id, LANE_TITLE_CHARS) for a in timeline.articles}
    else:
        names = {e.id: _short(e.name, LANE_TITLE_CHARS) for e in timeline.entities}
    seen: Counter = Counter()
    for key, name in list(names.items()):  # two stories with the same title stay two lanes
        seen[name] += 1
        if seen[name] > 1:
            names[key] = f"{name} ({seen[name]})"
    return names


def plot_timeline(
    timeline: Timeline,
    *,
    lanes: str = "story",
    ax=None,
    width: float = 14.0,
    height: float = 8.0,
    title: str | None = None,
):
    """The figure (see the module docstring); ``ax`` is not supported (panels need a figure)."""
    figure, canvas = _matplotlib()
    if ax is not None:
        raise InputError(Errors.E010.format(name="ax", value="<Axes>", detail="Timeline.plot() draws its own figure"))
    items, lane_order = plot_items(timeline, lanes)
    fig = figure(figsize=(width, height), dpi=100)
    canvas(fig)
    n_articles = len(timeline.articles)
    fig.suptitle(
        title or f"{n_articles} article{'s' if n_articles > 1 else ''} — {len(timeline.events)} événement(s), "
        f"{len(timeline.claims)} chiffre(s)",
        fontsize=12,
    )
    if not items:
        fig.text(0.5, 0.5, "aucun événement ni chiffre daté", ha="center", va="center", fontsize=12)
        return fig
    panels = split_panels(items)
    axes = _panel_axes(fig, panels, len(lane_order))
    lane_y = {lane: i for i, lane in enumerate(lane_order)}
    for axis, panel in zip(axes, panels, strict=True):
        _draw_panel(axis, panel, lane_y)
    if lanes == "story":
        _publication_ticks(timeline, axes, panels, lane_y, lanes)
    axes[0].set_yticks([i + 0.5 for i in range(len(lane_order))], lane_order, fontsize=9)
    hidden = place_labels(fig, axes, panels, lane_y, gid=LABEL_GID)
    _legend(fig, hidden)
    return fig


def _panel_axes(fig, panels: list[Panel], n_lanes: int):
    ratios = [p.weight for p in panels]
    grid = fig.add_gridspec(1, len(panels), width_ratios=ratios, wspace=0.04, left=0.2, right=0.98, top=0.92,
                            bottom=0.16)
    axes = []
    for i, panel in enumerate(panels):
        axis = fig.add_subplot(grid[0, i], sharey=axes[0] if axes else None)
        axis.set_xlim(panel.lo, panel.hi)
        axis.set_ylim(n_lanes, 0)
        _french_ticks(axis, panel)
        for y in range(1, n_lanes):
            axis.axhline(y, color="#dddddd", linewidth=0.8, zorder=0)
        axis.grid(axis="x", color="#f0f0f0", zorder=0)
        if i:
            axis.tick_params(axis="y", left=False, labelleft=False)
        if panel.name != "main":
            axis.set_facecolor("#fafafa")
            axis.set_title("avant" if panel.name == "before" else "après", fontsize=9, color="#666666")
        axes.append(axis)
    return axes


def _french_ticks(axis, panel: Panel) -> None:
    """Ticks in French: days ('15 août'), months ('sept. 2025') or years, as the span needs."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    days = panel.hi - panel.lo
    most = max(2, int(10 * panel.weight / 6))
    if days <= 75:
        locator, style = mdates.DayLocator(interval=_step(days, most, (1, 2, 5, 7, 10, 15))), "day"
    elif days <= 4 * 365 and panel.name == "main":
        locator, style = mdates.MonthLocator(interval=_step(days / 30.4, most, (1, 2, 3, 4, 6, 12))), "month"
    else:
        locator, style = mdates.YearLocator(base=_step(days / 365.25, most, (1, 2, 5, 10, 20, 50, 100))), "year"

    def fmt(x, _pos=None):
        d = mdates.num2date(x).date()
        if style == "year":
            return str(d.year)
        if style == "month":
            return f"{MONTHS_FR_SHORT[d.month - 1]} {d.year}" if d.month == 1 or _pos == 0 else MONTHS_FR_SHORT[d.month - 1]
        return f"{d.day} {MONTHS_FR_SHORT[d.month - 1]}"

    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(FuncFormatter(fmt))
    axis.tick_params(axis="x", labelsize=8)


def _step(units: float, most: int, steps: tuple[int, ...]) -> int:
    return next((s for s in steps if units / s <= most), steps[-1])


def _draw_panel(axis, panel: Panel, lane_y: dict[str, int]) -> None:
    from matplotlib import dates as mdates
    from matplotlib.patches import Rectangle

    for item in panel.items:
        y = lane_y[item.lane] + BASELINE
        x0 = mdates.date2num(item.start)
        colour = CLAIM_COLOUR if item.kind == "claim" else EVENT_COLOURS.get(item.modality, "#1f4e8c")
        if not item.point:
            x1 = mdates.date2num(item.end + dt.timedelta(days=1))
            axis.add_patch(Rectangle((x0, y - 0.09), x1 - x0, 0.18, color=colour, alpha=0.18, linewidth=0, zorder=1))
            x0 = max(x0, panel.lo)
        if item.kind == "claim":
            axis.scatter([x0], [y], marker="D", s=30, zorder=3, edgecolors=colour,
                         facecolors="white" if item.published_date else colour, linewidths=1.2)
        else:
            axis.scatter([x0], [y], marker="o" if item.point else "|", s=34 if item.point else 90, color=colour,
                         zorder=3)


def _publication_ticks(timeline: Timeline, axes, panels: list[Panel], lane_y: dict[str, int], lanes: str) -> None:
    from matplotlib import dates as mdates

    names = _lane_names(timeline, lanes)
    for article in timeline.articles:
        lane = names.get(article.doc_id)
        if article.published is None or lane not in lane_y:
            continue
        x = mdates.date2num(article.published)
        for axis, panel in zip(axes, panels, strict=True):
            if panel.lo <= x <= panel.hi:
                axis.scatter([x], [lane_y[lane] + 0.95], marker="^", s=18, color="#9a9a9a", zorder=2)


def _legend(fig, hidden: int) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], marker="o", linestyle="", color=EVENT_COLOURS["asserted"], label="événement (au jour près)"),
        Patch(color=EVENT_COLOURS["asserted"], alpha=0.25, label="événement daté au mois / à l'année (période)"),
        Line2D([], [], marker="o", linestyle="", color=EVENT_COLOURS["reported"], label="rapporté"),
        Line2D([], [], marker="o", linestyle="", color=EVENT_COLOURS["planned"], label="prévu / hypothétique"),
        Line2D([], [], marker="D", linestyle="", color=CLAIM_COLOUR, label="chiffre (daté)"),
        Line2D([], [], marker="D", linestyle="", markerfacecolor="white", markeredgecolor=CLAIM_COLOUR,
               label="chiffre daté par la publication"),
        Line2D([], [], marker="^", linestyle="", color="#9a9a9a", label="publication de l'article"),
    ]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=8, frameon=False, bbox_to_anchor=(0.58, 0.0))
    if hidden:
        fig.text(0.01, 0.01, f"{hidden} libellé(s) masqué(s) faute de place (--format html les montre tous)",
                 fontsize=7, color="#666666")


def figure_bytes(fig, fmt: str = "png", *, dpi: int = 100) -> bytes:
    """The figure as PNG or SVG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi)
    return buffer.getvalue()


__all__ = ["LABEL_GID", "MAX_LANES", "Item", "figure_bytes", "plot_items", "plot_timeline"]
