"""Shortcuts taken for speed give what the slow path gives."""

from __future__ import annotations

import datetime as dt
import itertools

from claimline.timexes import dateparse


def test_a_full_numeric_date_is_read_as_dateparser_reads_it():
    base = dt.date(2025, 3, 1)
    checked = 0
    for day, month, sep, year in itertools.product([0, 1, 13, 29, 31, 32], [0, 1, 2, 4, 12, 13], "/.-", [1599, 2023, 2024]):
        for text in (f"{day}{sep}{month}{sep}{year}", f"{day:02d}{sep}{month:02d}{sep}{year}"):
            direct = dateparse._full_numeric(text)
            if direct is not False:
                assert direct == dateparse._with_dateparser(text, base), text
                checked += 1
    assert checked > 50
    assert dateparse._full_numeric("01/13/2024") is False  # dateparser reads it month first: left to it
    assert dateparse._full_numeric("12 fév. 2025") is False
    assert dateparse.parse_date("04/12/2024", base=base) == dateparse.ParsedDate(2024, 12, 4, "day")
