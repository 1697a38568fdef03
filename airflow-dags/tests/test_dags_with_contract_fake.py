"""Both DAGs run with dag.test() on real Airflow against a stand-in ./datapack that follows the CLI contract.

Fast (no JVM, no warehouse) and deterministic, these pin down the orchestration behaviour: mapping per LA, one
LA's failure not blocking the others, the summary failing the run and naming the failing LA, bad arguments not
retried, and publication writing READY only after the checks. The real CLI runs in tests/e2e.
"""
from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import REGISTRY
from tests.dag_runs import run_dag

FAKE_CLI = textwrap.dedent("""\
    #!/usr/bin/env bash
    # Stand-in for ./datapack: state in $FAKE_STATE (one accepted LA code per line).
    set -euo pipefail
    command="$1"; shift
    echo "fake datapack $command $*" >&2
    case "$command" in
      status)
        python3 - "$FAKE_STATE" <<'PY'
    import json, sys
    codes = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    print(json.dumps({"las": [{"la_code": c, "state": "loaded", "received_at": "2025-05-01T00:00:00Z"} for c in codes]}))
    PY
        ;;
      ingest)
        la=""; while (( $# )); do [[ "$1" == "--la" ]] && la="$2"; shift; done
        if [[ "$la" == "$FAKE_FAIL_LA" ]]; then echo "datapack: ingest: bad option for $la" >&2; exit 2; fi
        echo "$la" >> "$FAKE_STATE" ;;
      publish)
        out=""; while (( $# )); do [[ "$1" == "--out" ]] && out="$2"; shift; done
        mkdir -p "$out/2025-release/data"
        printf 'time_period\\n2025\\n' > "$out/2025-release/data/placement_location.csv"
        printf 'col_name,col_type\\n' > "$out/2025-release/data/placement_location.meta.csv"
        printf '{"year": 2025, "files": ["data/placement_location.csv", "data/placement_location.meta.csv"]}' \
          > "$out/2025-release/manifest.json" ;;
      *) echo "unknown command" >&2; exit 2 ;;
    esac
    """)

LAS = ["E06000001", "E06000002", "E09000033"]


@pytest.fixture
def fake_pipeline(tmp_path, monkeypatch):
    cli = tmp_path / "datapack"
    cli.write_text(FAKE_CLI)
    cli.chmod(0o755)
    state = tmp_path / "state"
    state.write_text("")
    registry = tmp_path / "las.csv"
    lines = REGISTRY.read_text().splitlines()
    registry.write_text("\n".join([lines[0]] + [line for line in lines if line.split(",")[0] in LAS + ["E08000025"]]) + "\n")
    for la in LAS:
        (tmp_path / "inbox" / "2025" / la / "ssda903").mkdir(parents=True)
        (tmp_path / "inbox" / "2025" / la / "ssda903" / "episodes.csv").write_text("CHILD\n")
    monkeypatch.setenv("FAKE_STATE", str(state))
    monkeypatch.setenv("FAKE_FAIL_LA", "E06000002")
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_CLI", str(cli))
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_INBOX", str(tmp_path / "inbox" / "{year}"))
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_OUT", str(tmp_path / "out" / "{year}"))
    monkeypatch.setenv("AIRFLOW_VAR_DATAPACK_LA_REGISTRY", str(registry))
    monkeypatch.delenv("AIRFLOW_CONN_DATAPACK_SPARK", raising=False)
    return tmp_path


def test_collection_isolates_a_failing_la_and_the_summary_names_it(fake_pipeline):
    result = run_dag("datapack_collection", {"year": 2025})
    assert result.task_states["ingest_la[E06000001]"] == "success"
    assert result.task_states["ingest_la[E06000002]"] == "failed"  # exit 2: failed at once, not retried
    assert result.task_states["ingest_la[E09000033]"] == "success"
    assert result.task_states["summarise_collection"] == "failed"
    assert result.state == "failed", "a failing LA must turn the run red"
    summary = result.xcom("summarise_collection", "collection_summary")
    assert summary["accepted"] == ["E06000001", "E09000033"]
    assert summary["failing"] == ["E06000002"]
    assert summary["missing"] == ["E08000025"]  # in the registry, sent nothing
    assert summary["late"] == ["E06000002", "E08000025"]  # 2025's deadline has passed

    # Re-run one LA after fixing it: only that LA is mapped, and the run is green (E08000025 is late, not failing).
    fake_pipeline.joinpath("state").write_text("E06000001\nE09000033\n")
    import os

    os.environ["FAKE_FAIL_LA"] = "none"
    rerun = run_dag("datapack_collection", {"year": 2025, "las": ["E06000002"]})
    assert [name for name in rerun.task_states if name.startswith("ingest_la")] == ["ingest_la[E06000002]"]
    assert rerun.state == "success"
    assert rerun.xcom("summarise_collection")["accepted"] == ["E06000001", "E06000002", "E09000033"]


def test_collection_with_nothing_new_maps_no_ingest_and_succeeds(fake_pipeline):
    fake_pipeline.joinpath("state").write_text("\n".join(LAS) + "\n")  # status: every LA ingested after its files
    import os, time

    past = time.time() - 10 * 365 * 86400
    for path in fake_pipeline.joinpath("inbox").rglob("*.csv"):
        os.utime(path, (past, past))
    result = run_dag("datapack_collection", {"year": 2025})
    assert result.state == "success"
    assert not [name for name, state in result.task_states.items() if name.startswith("ingest_la") and state == "success"]
    assert result.xcom("summarise_collection")["accepted"] == LAS


def test_publication_publishes_checks_and_marks_ready(fake_pipeline):
    result = run_dag("datapack_publication", {"year": 2025})
    assert result.state == "success", result.task_states
    release = fake_pipeline / "out" / "2025" / "2025-release"
    assert result.xcom("publish") == str(release)
    ready = json.loads((release.parent / "2025-release.ready.json").read_text())
    assert ready["year"] == 2025 and ready["checked_by"].startswith("datapack_publication/")
    assert ready["files"] == ["data/placement_location.csv", "data/placement_location.meta.csv"]


def test_publication_refuses_an_incomplete_release(fake_pipeline):
    bad_cli = fake_pipeline / "datapack"
    bad_cli.write_text(bad_cli.read_text().replace('printf \'col_name,col_type\\n\' > "$out/2025-release/data/placement_location.meta.csv"', ":"))
    result = run_dag("datapack_publication", {"year": 2025})
    assert result.task_states["check_release"] == "failed"
    assert result.task_states["mark_ready"] == "upstream_failed"
    assert result.state == "failed"
    assert not list((fake_pipeline / "out" / "2025").glob("*.ready.json"))
