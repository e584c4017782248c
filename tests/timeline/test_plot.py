"""The timeline picture: zoomed, one labelled lane per story or entity, a legend, no overlapping labels."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from timeline_helpers import make_article

from claimline import build_timeline
from claimline.timeline.plot import LABEL_GID, figure_bytes, plot_items

pytest.importorskip("matplotlib")


def label_boxes(fig):
    """The display-pixel extents of the item labels drawn on the figure."""
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts if t.get_gid() == LABEL_GID]


def assert_readable(fig, n_lanes: int):
    assert tuple(fig.get_size_inches() * fig.dpi) == (1400, 800)
    boxes = label_boxes(fig)
    assert boxes, "no label drawn"
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"labels overlap: {a} {b}"
    figure = fig.bbox
    assert all(figure.x0 <= b.x0 and b.x1 <= figure.x1 and figure.y0 <= b.y0 and b.y1 <= figure.y1 for b in boxes)
    lanes = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(lanes) == n_lanes and all(lanes), lanes
    assert fig.legends and len(fig.legends[0].get_texts()) >= 5


@pytest.fixture
def crowded():
    """Twelve stories, each with many events in the same fortnight, and a treaty of 1987."""
    articles = []
    for n in range(12):
        events, parts = [], []
        for k in range(8):
            day = dt.date(2025, 8, 1 + (n + 3 * k) % 14)
            parts.append(f"Le {day.isoformat()}, le ministre numéro {n} a signé l'accord {k}.")
            events.append({"trigger": f"a signé l'accord {k}", "lemma": f"signer{n}", "timex": day.isoformat(),
                           "value": day.isoformat()})
        if n == 0:
            parts.append("Le traité de 1987 a été signé.")
            events.append({"trigger": "a été signé", "lemma": "signer", "timex": "1987", "value": "1987"})
        articles.append(make_article(f"d{n:02d}", " ".join(parts), published="2025-08-20", events=events))
    return build_timeline(articles)


def test_crowded_timeline_is_zoomed_with_an_outlier_panel(crowded):
    fig = crowded.plot()
    assert len(fig.axes) == 2  # "avant" (1987) and the main panel
    before, main = fig.axes
    assert before.get_title() == "avant"
    lo, hi = main.get_xlim()
    assert hi - lo < 60  # the main panel spans the fortnight of August, not 1987-2025
    assert_readable(fig, n_lanes=9)  # 8 stories and "autres articles"
    assert fig.axes[0].get_yticklabels()[-1].get_text() == "autres articles"


def test_french_date_ticks(crowded):
    fig = crowded.plot()
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[1].get_xticklabels() if t.get_text()]
    assert ticks and all("août" in t or "sept." in t or "juil." in t for t in ticks), ticks


def test_seed_picture_is_readable(seed_articles):
    timeline = build_timeline(seed_articles.values())
    fig = timeline.plot()
    assert_readable(fig, n_lanes=len(seed_articles))
    assert figure_bytes(fig, "png").startswith(b"\x89PNG")


def test_entity_lanes_and_labels(seed_articles):
    timeline = build_timeline(seed_articles.values())
    items, lanes = plot_items(timeline, "entity")
    assert 2 <= len(lanes) <= 9 and "Donald Trump" in lanes
    assert any(" — " in i.label for i in items if i.kind == "event")  # "who — what"
    assert_readable(timeline.plot(lanes="entity"), n_lanes=len(lanes))
