"""Offsets in hours, minutes or seconds ("il y a 2 heures", "dans 30 minutes") move the
publication day by whole days only: never read as days or months."""

from __future__ import annotations

import datetime as dt

import pytest

from claimline.timexes import annotate

DCT = dt.date(2024, 11, 14)


@pytest.mark.parametrize("text, value", [
    ("La panne a commencé il y a 3 heures.", "2024-11-14"),
    ("Il y a trois heures, le courant est revenu.", "2024-11-14"),
    ("Le maire s'est exprimé il y a 40 minutes.", "2024-11-14"),
    ("Le résultat tombera dans 5 minutes.", "2024-11-14"),
    ("Il y a 72 heures, la digue a cédé.", "2024-11-11"),
    ("Le couvre-feu sera levé dans 36 heures.", "2024-11-15"),
])
def test_a_sub_day_offset_counts_whole_days_from_the_publication_day(text, value):
    timexes = annotate(text, dct=DCT).timexes
    assert [t["value"] for t in timexes] == [value]
    t = timexes[0]
    assert "heure" in text[t["span"]["start"]:t["span"]["end"]] or "minute" in text[t["span"]["start"]:t["span"]["end"]]


def test_an_endless_count_of_hours_is_out_of_the_calendar_not_a_crash():
    result = annotate("Il y a 1" + "0" * 400 + " heures, rien.", dct=DCT)
    assert [t["value"] for t in result.timexes] == ["XXXX-XX-XX"]
    assert any("out of the range" in w for w in result.warnings)
