"""Shared language resources: one list, every reader."""

from __future__ import annotations

import json

import pytest

from claimline.errors import ResourceError
from claimline.quantities.units import unit_lexicon
from claimline.resources import load_json, resource_path
from claimline.resources.shared import MonthWords, month_words
from claimline.timexes.lexicon import load_grammar


def test_months_are_listed_once_and_read_by_timexes_and_quantities():
    months = month_words()
    assert months["décembre"] == months["déc."] == 12
    assert load_grammar().lexicon.months == months
    assert set(unit_lexicon().data.months) == set(months)
    for name in ("timex_lexicon.json", "units.json"):
        assert "months" not in json.loads(resource_path(name).read_text(encoding="utf-8"))


def test_a_month_list_must_cover_the_twelve_months(tmp_path):
    data = json.loads(resource_path("months.json").read_text(encoding="utf-8"))
    data["months"] = {w: n for w, n in data["months"].items() if n != 7}
    path = tmp_path / "months.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResourceError, match="every month"):
        load_json("months.json", MonthWords, path=path)
