"""End to end on real Airflow and the REAL ./datapack CLI: generated returns for a few LAs → collection DAG →
publication DAG → a checked release marked READY. Own DATAPACK_HOME and a free DATAPACK_WAREHOUSE_PORT (an
embedded warehouse just for this test, stopped at the end), so a user's warehouse is never touched. Part of the
default run; select with ``-m e2e``.

CLI: $DATAPACK_CLI, default <repo root>/datapack. The launcher builds the project jars when they are missing or
older than the sources, so the first run on a machine can take minutes.
"""
from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
from pathlib import Path

import pytest

from datapack_orchestration import cli, release
from tests.conftest import REGISTRY, REPO_ROOT
from tests.dag_runs import run_dag

pytestmark = pytest.mark.e2e

YEAR = 2025  # its collection deadline (31 July 2025) has passed: publication does not wait
GENERATED = ["E06000001", "E09000033"]  # Hartlepool, Westminster
NOT_SENT = "E08000025"  # Birmingham: in the registry used here, sends nothing → missing and late
CLI = os.environ.get("DATAPACK_CLI") or str(REPO_ROOT / "datapack")
CLI_TIMEOUT = 1800


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_cli(*args: str) -> str:
    argv = [CLI, *args]
    completed = subprocess.run(argv, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert completed.returncode == 0, (
        f"`{cli.render(argv)}` exited {completed.returncode}\n--- stdout\n{completed.stdout[-4000:]}"
        f"\n--- stderr\n{completed.stderr[-4000:]}")
    return completed.stdout


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    assert Path(CLI).is_file() and os.access(CLI, os.X_OK), f"the datapack CLI {CLI} is not an executable file"
    root = tmp_path_factory.mktemp("datapack-e2e")
    key = root / "pseudonymisation.key"
    key.write_text("e2e-test-key-" + os.urandom(16).hex() + "\n")
    key.chmod(0o600)
    registry = root / "las.csv"
    lines = REGISTRY.read_text(encoding="utf-8").splitlines()
    registry.write_text(
        "\n".join([lines[0]] + [line for line in lines if line.split(",")[0] in GENERATED + [NOT_SENT]]) + "\n")
    with pytest.MonkeyPatch.context() as env:
        for name in ("WAREHOUSE_URL", "WAREHOUSE_USER", "WAREHOUSE_PASSWORD", "DATAPACK_PSEUDONYMISATION_KEY",
                     "AIRFLOW_CONN_DATAPACK_SPARK", "AIRFLOW_CONN_DATAPACK_WAREHOUSE", "DATAPACK_DEMO"):
            env.delenv(name, raising=False)
        env.setenv("DATAPACK_HOME", str(root / "home"))
        env.setenv("DATAPACK_WAREHOUSE_PORT", str(free_port()))
        env.setenv("DATAPACK_PSEUDONYMISATION_KEY_FILE", str(key))
        env.setenv("AIRFLOW_VAR_DATAPACK_CLI", CLI)
        env.setenv("AIRFLOW_VAR_DATAPACK_INBOX", str(root / "inbox" / "{year}"))
        env.setenv("AIRFLOW_VAR_DATAPACK_OUT", str(root / "out" / "{year}"))
        env.setenv("AIRFLOW_VAR_DATAPACK_LA_REGISTRY", str(registry))
        env.setenv("AIRFLOW_VAR_DATAPACK_CLI_TIMEOUT_SECONDS", str(CLI_TIMEOUT))
        try:
            run_cli("generate", "--out", str(root / "inbox" / str(YEAR)), "--year", str(YEAR), "--scale", "0.01",
                    "--seed", "42", *[arg for code in GENERATED for arg in ("--la", code)])
            yield root
        finally:
            subprocess.run([CLI, "warehouse", "stop"], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def collected(pipeline):
    return run_dag("datapack_collection", {"year": YEAR}, without_retries=True)


def test_collection_ingests_each_generated_la_and_reports_the_missing_one(pipeline, collected):
    assert {name: state for name, state in collected.task_states.items() if name.startswith("ingest_la")} == {
        f"ingest_la[{code}]": "success" for code in GENERATED}, collected.task_states
    assert collected.state == "success", collected.task_states
    summary = collected.xcom("summarise_collection")
    assert summary["accepted"] == GENERATED
    assert summary["missing"] == [NOT_SENT]
    assert summary["late"] == [NOT_SENT]
    assert summary["failing"] == []


def test_publication_produces_a_checked_release_marked_ready(pipeline, collected):
    """Runs after the collection run whatever its outcome, so a publish failure is reported on its own."""
    published = run_dag("datapack_publication", {"year": YEAR}, without_retries=True)
    assert published.state == "success", published.task_states
    assert published.task_states["check_release"] == "success" and published.task_states["mark_ready"] == "success"
    path = Path(published.xcom("publish"))
    assert path.parent == pipeline / "out" / str(YEAR) and path.name == f"{YEAR}-r001"
    manifest = json.loads((path / release.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["reporting_year"] == YEAR
    assert {entry["la_code"] for entry in manifest["inputs"]} >= set(GENERATED), "built from the collected LAs"
    assert "data/placement_location.csv" in published.xcom("check_release")["data_files"]
    with (path / release.QUALITY_REPORT).open(newline="", encoding="utf-8") as quality:
        reported = {row["new_la_code"] for row in csv.DictReader(quality)}
    assert set(GENERATED) <= reported
    ready = json.loads(release.ready_marker(path).read_text(encoding="utf-8"))
    assert ready["year"] == YEAR and ready["files"] == published.xcom("check_release")["files"]
