"""Defaults shared by the datapack DAGs (owners, retries with exponential backoff, failure callback)."""
from __future__ import annotations

import datetime as dt

from .callbacks import on_failure

OWNER = "datapack-data-engineering"
TAGS = ["datapack", "children-homes"]

DEFAULT_ARGS = {
    "owner": OWNER,
    "depends_on_past": False,
    "retries": 3,
    "retry_delay": dt.timedelta(minutes=2),
    "retry_exponential_backoff": 2.0,  # 2, 4, 8 min ... capped below
    "max_retry_delay": dt.timedelta(minutes=30),
    "execution_timeout": dt.timedelta(hours=3),
    "on_failure_callback": on_failure,
}
