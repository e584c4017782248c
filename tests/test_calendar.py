"""The one calendar: every expected period below was worked out by hand, not by the code."""

from __future__ import annotations

import datetime as dt

import pytest

from claimline.calendar import (
    as_date,
    bounds,
    iso_week,
    last_day,
    month_end,
    parse_bound,
    period_label,
    period_of,
    season_of,
    shift,
    sort_key,
)

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("value", "first", "last", "granularity"),
    [
        # seasons: astronomical, winter belongs to the year it begins in
        ("2025-SP", "2025-03-20", "2025-06-20", "season"),
        ("2025-SU", "2025-06-21", "2025-09-22", "season"),
        ("2025-FA", "2025-09-23", "2025-12-20", "season"),
        ("2025-WI", "2025-12-21", "2026-03-19", "season"),
        ("2023-WI", "2023-12-21", "2024-03-19", "season"),
        # ISO weeks: week 1 holds the year's first Thursday
        ("2025-W01", "2024-12-30", "2025-01-05", "week"),
        ("2025-W38", "2025-09-15", "2025-09-21", "week"),
        ("2025-W38-WE", "2025-09-20", "2025-09-21", "week"),
        ("2026-W53", "2026-12-28", "2027-01-03", "week"),
        # quarters and halves
        ("2025-Q1", "2025-01-01", "2025-03-31", "quarter"),
        ("2025-Q2", "2025-04-01", "2025-06-30", "quarter"),
        ("2025-Q4", "2025-10-01", "2025-12-31", "quarter"),
        ("2025-H1", "2025-01-01", "2025-06-30", "half"),
        ("2024-H2", "2024-07-01", "2024-12-31", "half"),
        # days, parts of day, nights, clock times
        ("2025-09-18", "2025-09-18", "2025-09-18", "day"),
        ("2025-09-19TNI", "2025-09-19", "2025-09-19", "part_of_day"),
        ("2025-09-19TMO", "2025-09-19", "2025-09-19", "part_of_day"),
        ("2025-09-19TNI/2025-09-20", "2025-09-19", "2025-09-20", "part_of_day"),
        ("2025-09-19T22:41", "2025-09-19", "2025-09-19", "minute"),
        # months, their ends, leap years
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2025-02", "2025-02-01", "2025-02-28", "month"),
        ("2000-02", "2000-02-01", "2000-02-29", "month"),
        ("1900-02", "1900-02-01", "1900-02-28", "month"),
        ("2025-04", "2025-04-01", "2025-04-30", "month"),
        ("2025-12", "2025-12-01", "2025-12-31", "month"),
        ("2025", "2025-01-01", "2025-12-31", "year"),
        # decades and centuries (TIMEX3 "19" is the 1900s)
        ("193X", "1930-01-01", "1939-12-31", "decade"),
        ("202X", "2020-01-01", "2029-12-31", "decade"),
        ("19", "1900-01-01", "1999-12-31", "century"),
        ("20", "2000-01-01", "2099-12-31", "century"),
        # intervals run from the start of the first to the end of the second
        ("2025-06-13/2025-06-24", "2025-06-13", "2025-06-24", "day"),
        ("2024-11/2025-02", "2024-11-01", "2025-02-28", "month"),
    ],
)
def test_bounds_of_timex_values(value, first, last, granularity):
    assert bounds(value) == (D(first), D(last), granularity)
    assert period_of(value) == (D(first), D(last))  # the evaluator reads the same calendar


@pytest.mark.parametrize(
    ("value", "mod", "first", "last"),
    [
        ("2025-07", "START", "2025-07-01", "2025-07-10"),
        ("2025-07", "MID", "2025-07-11", "2025-07-21"),
        ("2025-07", "END", "2025-07-22", "2025-07-31"),
        ("2025-09-18", "END", "2025-09-18", "2025-09-18"),  # a day has no thirds
        ("2025-06-13/2025-06-24", "END", "2025-06-13", "2025-06-24"),  # nor has an interval
    ],
)
def test_mods_narrow_to_a_third(value, mod, first, last):
    assert bounds(value, mod)[:2] == (D(first), D(last))


@pytest.mark.parametrize(
    "value", ["P3Y", "PT2H", "PRESENT_REF", "XXXX-09", "XXXX-SU", "2025-02-30", "2025-W53", "2025-13", "P3Y/P5Y"]
)
def test_not_calendar_periods(value):
    assert bounds(value) == (None, None, None)
    assert period_of(value) is None


def test_period_of_refuses_backward_intervals_and_empty_values():
    assert period_of("2025-06-24/2025-06-13") is None
    assert period_of("") is None and period_of(None) is None
    assert period_of(" 2025-06 ") == (D("2025-06-01"), D("2025-06-30"))


@pytest.mark.parametrize(
    ("day", "year", "code"),
    [
        ("2025-03-19", 2024, "WI"),
        ("2025-03-20", 2025, "SP"),
        ("2025-06-21", 2025, "SU"),
        ("2025-09-22", 2025, "SU"),
        ("2025-09-23", 2025, "FA"),
        ("2025-12-21", 2025, "WI"),
        ("2026-01-15", 2025, "WI"),
    ],
)
def test_season_of_a_day(day, year, code):
    assert season_of(D(day)) == (year, code)
    first, last, _ = bounds(f"{year}-{code}")
    assert first <= D(day) <= last


@pytest.mark.parametrize(
    ("day", "n", "unit", "expected"),
    [
        ("2025-01-31", 1, "M", "2025-02-28"),
        ("2024-01-31", 1, "M", "2024-02-29"),
        ("2025-03-31", -1, "M", "2025-02-28"),
        ("2024-02-29", 1, "Y", "2025-02-28"),
        ("2024-02-29", 4, "Y", "2028-02-29"),
        ("2025-05-31", 1, "Q", "2025-08-31"),
        ("2025-03-31", -1, "6M", "2024-09-30"),
        ("2025-06-15", -1, "DE", "2015-06-15"),
        ("2025-06-15", -1, "CE", "1925-06-15"),
        ("2025-12-30", 3, "D", "2026-01-02"),
        ("2025-12-30", -2, "W", "2025-12-16"),
    ],
)
def test_shift(day, n, unit, expected):
    assert shift(D(day), n, unit) == D(expected)


def test_month_ends_and_weeks():
    assert [last_day(2024, m) for m in (1, 2, 4, 12)] == [31, 29, 30, 31]
    assert last_day(2100, 2) == 28  # not a leap year (divisible by 100, not by 400)
    assert month_end(D("2025-11-05")) == D("2025-11-30")
    assert iso_week(D("2025-03-17")) == "2025-W12"
    assert iso_week(D("2027-01-01")) == "2026-W53"
    assert iso_week(D("2024-12-30")) == "2025-W01"


@pytest.mark.parametrize(
    ("value", "granularity", "label"),
    [
        ("2025-SU", "season", "2025-06/2025-09"),
        ("2025-Q2", "quarter", "2025-04/2025-06"),
        ("193X", "decade", "1930/1939"),
        ("2024-08", "month", "2024-08"),
        ("2025-W38", "week", "2025-09-15/2025-09-21"),
    ],
)
def test_labels_are_as_precise_as_the_period(value, granularity, label):
    first, last, gran = bounds(value)
    assert gran == granularity
    assert period_label(first, last, gran) == label


def test_sort_key_orders_by_first_day_then_coarse_before_fine():
    periods = [bounds(v) for v in ("2025-02", "2025", "2025-01-15", "2025-01", "2024-WI")]
    ordered = sorted(periods, key=lambda p: sort_key(*p))
    assert [period_label(*p) for p in ordered] == ["2024-12/2025-03", "2025-01", "2025", "2025-01-15", "2025-02"]


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024-02", True, "2024-02-29"),
        ("2024-02", False, "2024-02-01"),
        ("2025", True, "2025-12-31"),
        ("2025", False, "2025-01-01"),
        (" 2025-08-15 ", True, "2025-08-15"),
        (dt.datetime(2025, 8, 15, 10), False, "2025-08-15"),
    ],
)
def test_parse_bound(value, end, expected):
    assert parse_bound(value, end=end) == D(expected)


@pytest.mark.parametrize("bad", ["2025-13", "août 2025", "2025-W12", "2025-02-30", ""])
def test_parse_bound_refuses(bad):
    with pytest.raises(ValueError):
        parse_bound(bad, end=True)


def test_as_date():
    assert as_date("2025-01-02") == D("2025-01-02")
    assert as_date("2025-01-02T08:00:00+01:00") == D("2025-01-02")
    assert as_date(dt.datetime(2025, 1, 2, 23, 59)) == D("2025-01-02")
    assert as_date(None) is None
    for bad in ("21/09/2025", "2025-02-30", "hier", 20250102):
        with pytest.raises(ValueError):
            as_date(bad)
