import datetime as dt

import pytest

from datapack_orchestration import collection_calendar as cal

UTC = dt.timezone.utc


@pytest.mark.parametrize(
    "moment, year",
    [
        (dt.date(2025, 3, 31), 2024),
        (dt.date(2025, 4, 1), 2025),
        (dt.datetime(2025, 12, 31, 23, 59, tzinfo=UTC), 2025),
        (dt.date(2026, 1, 1), 2025),
    ],
)
def test_collection_year_is_the_reporting_year_ended_last_31_march(moment, year):
    assert cal.collection_year(moment) == year


def test_default_deadline_is_end_of_31_july():
    assert cal.deadline_for(2025) == dt.datetime(2025, 8, 1, tzinfo=UTC)
    assert cal.deadline_for(2025, "") == dt.datetime(2025, 8, 1, tzinfo=UTC)


def test_deadline_month_day_fixed_date_and_per_year_table():
    assert cal.deadline_for(2024, "06-30") == dt.datetime(2024, 7, 1, tzinfo=UTC)
    assert cal.deadline_for(2024, "2024-09-15") == dt.datetime(2024, 9, 16, tzinfo=UTC)
    table = '{"2025": "2025-08-15", "default": "06-30"}'
    assert cal.deadline_for(2025, table) == dt.datetime(2025, 8, 16, tzinfo=UTC)
    assert cal.deadline_for(2023, table) == dt.datetime(2023, 7, 1, tzinfo=UTC)


@pytest.mark.parametrize("spec", ["31/07", "13-45", "{not json", "[1]", "2025-03-01"])
def test_bad_deadlines_name_the_problem(spec):
    with pytest.raises(ValueError, match="deadline"):
        cal.deadline_for(2025, spec)


def test_collection_window():
    deadline = cal.deadline_for(2025)
    assert not cal.in_collection_window(dt.datetime(2025, 3, 31, 23, tzinfo=UTC), 2025, deadline)
    assert cal.in_collection_window(dt.datetime(2025, 4, 1, tzinfo=UTC), 2025, deadline)
    assert cal.in_collection_window(dt.datetime(2025, 7, 31, 23, 59), 2025, deadline)  # naive = UTC
    assert not cal.in_collection_window(dt.datetime(2025, 8, 1, tzinfo=UTC), 2025, deadline)
    assert cal.deadline_passed(dt.datetime(2025, 8, 1, tzinfo=UTC), deadline)


def test_run_year_prefers_param_then_logical_date_then_now():
    now = dt.datetime(2026, 11, 23, tzinfo=UTC)
    assert cal.run_year(2023, dt.datetime(2025, 8, 1, tzinfo=UTC), now) == 2023
    assert cal.run_year("2024", None, now) == 2024
    assert cal.run_year(None, dt.datetime(2025, 8, 1, 6, tzinfo=UTC), now) == 2025
    assert cal.run_year(None, None, now) == 2026
    with pytest.raises(ValueError, match="4-digit"):
        cal.run_year("twenty", None, now)
    with pytest.raises(ValueError, match="between"):
        cal.validate_year(1999)
