"""Shared test set-up. Airflow is imported unconditionally: if it cannot be imported, every test FAILS."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import airflow  # noqa: F401  (no importorskip: a missing Airflow is a failure, not a skip)

MODULE = Path(__file__).resolve().parents[1]
DAGS_FOLDER = MODULE / "dags"
REPO_ROOT = Path(os.environ.get("DATAPACK_REPO_ROOT") or MODULE.parent).resolve()
REGISTRY = REPO_ROOT / "warehouse-schema/src/main/resources/reference/dfe-geography/las.csv"


def pytest_configure(config):
    if not os.environ.get("AIRFLOW_HOME"):
        raise pytest.UsageError("AIRFLOW_HOME is not set: run the tests through scripts/run-tests.sh")


def pytest_sessionfinish(session, exitstatus):
    """Nothing may skip: a skipped test turns the run red."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"[airflow-dags] {skipped} test(s) skipped: nothing may skip, failing the run", red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER))
