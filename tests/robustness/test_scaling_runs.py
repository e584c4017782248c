"""How ``benchmarks/scaling.py`` times a size: runs in a row until ``--min-seconds``, their mean.

Spacy-free: the runs are stand-ins that return fixed CPU times.
"""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from scaling import mean_of_runs


def _runs(*seconds):
    """A stand-in for one timed extraction per call, taking ``seconds[i]`` the i-th time."""
    calls = iter(seconds)

    def run():
        s = next(calls)
        return {"seconds": s, "wall": 2 * s, "gc": s / 10, "layers": {"model": s / 2, "other": s / 2}, "timexes": 7}
    return run


def test_short_runs_repeat_until_min_seconds_and_give_their_mean():
    m = mean_of_runs(_runs(1.0, 1.5, 0.5, 2.0, 9.0), min_seconds=3.0)
    assert m["runs"] == 3  # 1.0 + 1.5 + 0.5 reaches 3.0
    assert m["seconds"] == 1.0 and m["wall"] == 2.0
    assert abs(m["gc"] - 0.1) < 1e-12
    assert m["layers"] == {"model": 0.5, "other": 0.5}
    assert m["timexes"] == 7


def test_a_run_longer_than_min_seconds_runs_once():
    m = mean_of_runs(_runs(5.0, 1.0), min_seconds=4.0)
    assert m["runs"] == 1 and m["seconds"] == 5.0


def test_min_seconds_zero_is_one_run_per_size():
    assert mean_of_runs(_runs(0.2, 0.2), min_seconds=0.0)["runs"] == 1
