"""Both DAGs run with dag.test() on real Airflow against a stand-in ./datapack that follows the CLI contract.

Fast (no JVM, no warehouse) and deterministic, these pin down the orchestration behaviour: mapping per LA, one
LA's failure not blocking the others, the summary failing the run and naming the failing LA, the failure callback's
message, bad arguments not retried, re-running one LA, backfill by logical date (one release per year), and
publication writing READY only after the checks. The real CLI runs in tests/e2e.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import textwrap
import time

import pytest

from tests.conftest import REGISTRY
from tests.dag_runs import run_dag

FAKE_CLI = textwrap.dedent("""\
    #!{python}
    # Stand-in for ./datapack (exit codes of docs/architecture.md). State: $FAKE_STATE, one accepted LA per line.
    import argparse, json, os, sys
    from pathlib import Path
    from tests.releases import write_release

    command, args = sys.argv[1], argparse.ArgumentParser()
    for option in ("--inbox", "--year", "--out", "--format", "--master"):
        args.add_argument(option)
    args.add_argument("--la", action="append", default=[])
    options = args.parse_args(sys.argv[2:])
    print("fake datapack", *sys.argv[1:], file=sys.stderr)
    state = Path(os.environ["FAKE_STATE"])
    if command == "status":
        codes = state.read_text().split()
        print(json.dumps({{"collection_year": int(options.year), "returns": [
            {{"la_code": code, "return_code": "ssda903", "submission_id": number, "state": "loaded", "state_reason": None,
             "rows_received": 1, "rows_loaded": 1, "rows_rejected": 0, "received_at": "2025-05-01T00:00:00Z",
             "findings_by_rule": {{}}}} for number, code in enumerate(codes, 1)]}}))
    elif command == "ingest":
        if options.la == [os.environ.get("FAKE_FAIL_LA")]:
            print("datapack: ingest: bad option for", options.la[0], file=sys.stderr)
            sys.exit(2)  # bad arguments: never retried
        with state.open("a") as accepted:
            accepted.write("".join(code + "\\n" for code in options.la))
    elif command == "publish":
        published = sorted(Path(options.out).glob(options.year + "-r*"))
        files = None if os.environ.get("FAKE_PUBLISH") != "without-meta" else {{"data/x.csv": "a\\n", "quality.csv": ""}}
        write_release(Path(options.out), int(options.year), len(published) + 1, files)
    else:
        sys.exit(2)
    """)

LAS = ["E06000001", "E06000002", "E09000033"]
SILENT_LA = "E08000025"  # in the registry used here, never sends anything


@pytest.fixture
def fake_pipeline(tmp_path, monkeypatch):
    cli = tmp_path / "datapack"
    cli.write_text(FAKE_CLI.format(python=sys.executable))
    cli.chmod(0o755)
    state = tmp_path / "state"
    state.write_text("")
    registry = tmp_path / "las.csv"
    lines = REGISTRY.read_text().splitlines()
    registry.write_text("\n".join([lines[0]] + [line for line in lines if line.split(",")[0] in LAS + [SILENT_LA]]) + "\n")
    for year in (2024, 2025):
        for la in LAS:
            (tmp_path / "inbox" / str(year) / la / "ssda903").mkdir(parents=True)
            (tmp_path / "inbox" / str(year) / la / "ssda903" / "episodes.csv").write_text("CHILD\n")
    monkeypatch.setenv("FAKE_STATE", str(state))
    monkeypatch.setenv("FAKE_FAIL_LA", "E06000002")
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_CLI", str(cli))
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_INBOX", str(tmp_path / "inbox" / "{year}"))
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_OUT", str(tmp_path / "out" / "{year}"))
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_LA_REGISTRY", str(registry))
    monkeypatch.delenv("AIRFLOW_CONN_DATAPACK_SPARK", raising=False)
    return tmp_path


def test_collection_isolates_a_failing_la_and_the_summary_names_it(fake_pipeline, caplog):
    with caplog.at_level(logging.ERROR, logger="datapack.alerts"):
        result = run_dag("datapack_collection", {"year": 2025})
    assert result.task_states["ingest_la[E06000001]"] == "success"
    assert result.task_states["ingest_la[E06000002]"] == "failed"  # exit 2: failed at once, not retried
    assert result.task_states["ingest_la[E09000033]"] == "success"
    assert result.task_states["summarise_collection"] == "failed"
    assert result.state == "failed", "a failing LA must turn the run red"
    summary = result.xcom("summarise_collection", "collection_summary")
    assert summary["accepted"] == ["E06000001", "E09000033"]
    assert summary["failing"] == ["E06000002"]
    assert summary["missing"] == [SILENT_LA]
    assert summary["late"] == ["E06000002", SILENT_LA]  # 2025's deadline has passed
    alert = next(record.getMessage() for record in caplog.records if "ingest_la for LA" in record.getMessage())
    assert "[datapack] FAILED datapack_collection.ingest_la for LA E06000002 (year 2025)" in alert
    assert "exited 2: bad arguments" in alert and "(not retried: retrying cannot help)" in alert
    assert "/dags/datapack_collection/runs/" in alert and "/tasks/ingest_la/mapped/1" in alert  # the log's URL
    assert '"las": ["E06000002"]' in alert

    # Re-run one LA after fixing it: only that LA is mapped, and the run is green (E08000025 is late, not failing).
    os.environ["FAKE_FAIL_LA"] = "none"
    rerun = run_dag("datapack_collection", {"year": 2025, "las": ["E06000002"]})
    assert [name for name in rerun.task_states if name.startswith("ingest_la")] == ["ingest_la[E06000002]"]
    assert rerun.state == "success"
    assert rerun.xcom("summarise_collection")["accepted"] == LAS


def test_collection_that_cannot_plan_still_records_the_summary_and_fails(fake_pipeline):
    result = run_dag("datapack_collection", {"year": 2025, "las": ["E06000099"]})  # not in the registry
    assert result.task_states["plan_collection"] == "failed"
    assert result.task_states["summarise_collection"] == "failed"
    assert result.state == "failed", "a run that ingested nothing because planning failed must not end green"
    assert result.xcom("summarise_collection", "collection_summary")["missing"] == sorted(LAS + [SILENT_LA])


def test_collection_with_nothing_new_maps_no_ingest_and_succeeds(fake_pipeline):
    fake_pipeline.joinpath("state").write_text("\n".join(LAS) + "\n")  # status: every LA ingested after its files
    past = time.time() - 10 * 365 * 86400
    for path in fake_pipeline.joinpath("inbox").rglob("*.csv"):
        os.utime(path, (past, past))
    result = run_dag("datapack_collection", {"year": 2025})
    assert result.state == "success"
    assert not [name for name in result.task_states if name.startswith("ingest_la[")]
    assert result.xcom("summarise_collection")["accepted"] == LAS


def test_publication_publishes_checks_and_marks_ready(fake_pipeline):
    result = run_dag("datapack_publication", {"year": 2025})
    assert result.state == "success", result.task_states
    release = fake_pipeline / "out" / "2025" / "2025-r001"
    assert result.xcom("publish") == str(release)
    ready = json.loads((release.parent / "2025-r001.ready.json").read_text())
    assert ready["year"] == 2025 and ready["checked_by"].startswith("datapack_publication/")
    assert ready["files"] == result.xcom("check_release")["files"]
    assert "data/placement_location.meta.csv" in ready["files"]


def test_backfill_by_logical_date_publishes_one_release_per_year(fake_pipeline):
    for year in (2024, 2025):  # as `airflow backfill create --from-date 2024-08-01 --to-date 2025-08-01` runs them
        result = run_dag("datapack_publication", logical_date=dt.datetime(year, 8, 1, 6, tzinfo=dt.timezone.utc))
        assert result.state == "success", result.task_states
    for year in (2024, 2025):
        out = fake_pipeline / "out" / str(year)
        assert sorted(path.name for path in out.iterdir()) == [f"{year}-r001", f"{year}-r001.ready.json"]


def test_publication_refuses_an_incomplete_release(fake_pipeline, monkeypatch):
    monkeypatch.setenv("FAKE_PUBLISH", "without-meta")
    result = run_dag("datapack_publication", {"year": 2025})
    assert result.task_states["check_release"] == "failed"
    assert result.task_states["mark_ready"] == "upstream_failed"
    assert result.state == "failed"
    assert not list((fake_pipeline / "out" / "2025").glob("*.ready.json"))
