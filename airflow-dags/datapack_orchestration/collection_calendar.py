"""Collection years, deadlines and the collection window.

A collection year ``Y`` is the reporting year that ends on 31 March ``Y`` (the CLI's ``--year``). Its returns are
collected from 1 April ``Y`` until the collection deadline, by default 31 July ``Y`` (configurable, see
:func:`deadline_for`). The data pack for ``Y`` is published after that deadline.
"""
from __future__ import annotations

import datetime as dt
import json
import re

DEFAULT_DEADLINE = "07-31"
"""Default deadline as month-day of the collection year: 31 July Y, end of day UTC."""

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


def _as_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def collection_year(moment: dt.date | dt.datetime) -> int:
    """The reporting year that ended on the most recent 31 March on or before ``moment``.

    Matches the CLI's default ``--year``: from 1 April ``Y`` the default is ``Y``; before it, ``Y - 1``.
    """
    return moment.year if moment.month >= 4 else moment.year - 1


def validate_year(year: object) -> int:
    """A collection year as an int, or ValueError naming the problem (the CLI accepts 20xx only)."""
    try:
        value = int(str(year).strip())
    except (TypeError, ValueError):
        raise ValueError(f"the collection year must be a 4-digit year such as 2025, got {year!r}") from None
    if not 2000 <= value <= 2099:
        raise ValueError(f"the collection year must be between 2000 and 2099, got {value}")
    return value


def collection_opens(year: int) -> dt.datetime:
    """Collection for year ``Y`` opens on 1 April ``Y`` 00:00 UTC (the day after the reporting year ends)."""
    return dt.datetime(year, 4, 1, tzinfo=dt.timezone.utc)


def deadline_for(year: int, spec: str | None = None) -> dt.datetime:
    """The collection deadline of ``year``: returns received after it are late.

    ``spec`` (the Airflow Variable ``datapack_collection_deadline``) is one of:

    - ``"MM-DD"``: that day of the collection year, e.g. ``"07-31"`` (the default);
    - ``"YYYY-MM-DD"``: one fixed date (sensible only for a single year);
    - a JSON object mapping years to ``YYYY-MM-DD`` dates, with an optional ``"default"`` in ``MM-DD`` form,
      e.g. ``{"2025": "2025-08-15", "default": "07-31"}``.

    The deadline is the END of that day in UTC (returns received on the day are on time).
    """
    spec = (spec or DEFAULT_DEADLINE).strip()
    if spec.startswith("{"):
        try:
            table = json.loads(spec)
        except json.JSONDecodeError as error:
            raise ValueError(f"collection deadline is not valid JSON: {error}") from None
        if not isinstance(table, dict):
            raise ValueError("collection deadline JSON must be an object of year -> date")
        chosen = table.get(str(year), table.get("default", DEFAULT_DEADLINE))
        return deadline_for(year, str(chosen))
    match = _MONTH_DAY.match(spec)
    try:
        if match:
            day = dt.date(year, int(match.group(1)), int(match.group(2)))
        else:
            day = dt.date.fromisoformat(spec)
    except ValueError:
        raise ValueError(
            f"collection deadline {spec!r} is neither MM-DD, YYYY-MM-DD nor a JSON object of year -> date"
        ) from None
    if day < collection_opens(year).date():
        raise ValueError(f"collection deadline {day} for {year} is before collection opens on 1 April {year}")
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone.utc)


def in_collection_window(moment: dt.datetime, year: int, deadline: dt.datetime) -> bool:
    """True from collection opening until the deadline (exclusive)."""
    moment = _as_utc(moment)
    return collection_opens(year) <= moment < deadline


def deadline_passed(moment: dt.datetime, deadline: dt.datetime) -> bool:
    return _as_utc(moment) >= deadline


def run_year(params_year: object, logical_date: dt.datetime | None, now: dt.datetime) -> int:
    """The collection year a DAG run works on.

    An explicit ``year`` param wins (manual runs, re-runs, backfills by parameter). Otherwise the run's logical
    date decides (scheduled runs and ``airflow backfill``), and for manual runs without a logical date (Airflow 3
    allows them) the current time does.
    """
    if params_year not in (None, "", 0, "0"):
        return validate_year(params_year)
    return collection_year(logical_date or now)
