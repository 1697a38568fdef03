"""The DAG files import cleanly on real Airflow and have the expected shape."""
from __future__ import annotations

import datetime as dt

import ast

import pytest
from airflow.sdk.definitions.mappedoperator import MappedOperator

from datapack_orchestration.callbacks import on_failure
from datapack_orchestration.dag_defaults import OWNER

EXPECTED = {
    "datapack_collection": {
        "schedule": "0 * * * *",
        "tasks": {"check_window", "resolve_collection", "plan_collection", "ingest_la", "summarise_collection"},
        "edges": {
            ("check_window", "resolve_collection"),
            ("resolve_collection", "plan_collection"),
            ("resolve_collection", "ingest_la"),
            ("resolve_collection", "summarise_collection"),
            ("plan_collection", "ingest_la"),
            ("plan_collection", "summarise_collection"),
            ("ingest_la", "summarise_collection"),
        },
        "tags": {"datapack", "collection"},
        "params": {"year", "las", "force"},
    },
    "datapack_publication": {
        "schedule": "0 6 1 8 *",
        "tasks": {"resolve_release", "wait_for_returns", "publish", "check_release", "mark_ready"},
        "edges": {
            ("resolve_release", "wait_for_returns"),
            ("resolve_release", "publish"),
            ("wait_for_returns", "publish"),
            ("publish", "check_release"),
            ("resolve_release", "check_release"),
            ("check_release", "mark_ready"),
            ("resolve_release", "mark_ready"),
        },
        "tags": {"datapack", "publication"},
        "params": {"year", "wait"},
    },
}


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}, f"DAG import errors: {dagbag.import_errors}"


def test_expected_dag_ids(dagbag):
    assert set(dagbag.dag_ids) == set(EXPECTED)


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_tasks_and_dependencies(dagbag, dag_id):
    dag = dagbag.get_dag(dag_id)
    assert set(dag.task_ids) == EXPECTED[dag_id]["tasks"]
    edges = {(upstream, task.task_id) for task in dag.tasks for upstream in task.upstream_task_ids}
    assert edges == EXPECTED[dag_id]["edges"]


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_schedule_and_run_settings(dagbag, dag_id):
    dag = dagbag.get_dag(dag_id)
    assert dag.schedule == EXPECTED[dag_id]["schedule"]
    assert dag.catchup is False, "backfills are explicit (airflow backfill create / params.year)"
    assert dag.max_active_runs == 1
    assert set(dag.params.keys()) == EXPECTED[dag_id]["params"]


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_documentation_tags_owner(dagbag, dag_id):
    dag = dagbag.get_dag(dag_id)
    assert dag.doc_md and len(dag.doc_md) > 200
    assert dag.description
    assert EXPECTED[dag_id]["tags"] <= set(dag.tags)
    assert {task.owner for task in dag.tasks} == {OWNER}


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_every_task_reports_failures(dagbag, dag_id):
    for task in dagbag.get_dag(dag_id).tasks:
        callbacks = task.on_failure_callback
        callbacks = callbacks if isinstance(callbacks, list) else [callbacks]
        assert on_failure in callbacks, task.task_id
        assert task.execution_timeout is not None, task.task_id


def test_collection_ingest_is_mapped_retried_and_isolated(dagbag):
    dag = dagbag.get_dag("datapack_collection")
    ingest = dag.get_task("ingest_la")
    assert isinstance(ingest, MappedOperator), "one task instance per LA (dynamic task mapping)"
    assert ingest.retries == 3
    assert ingest.retry_exponential_backoff == 2.0
    assert ingest.retry_delay == dt.timedelta(minutes=2)
    assert ingest.max_retry_delay == dt.timedelta(minutes=30)
    assert ingest.max_active_tis_per_dagrun == 4
    summary = dag.get_task("summarise_collection")
    assert summary.trigger_rule == "all_done", "the summary runs whatever happened to each LA"
    window = dag.get_task("check_window")
    assert type(window).__name__ == "_ShortCircuitDecoratedOperator"


def test_publication_waits_then_publishes_then_checks(dagbag):
    dag = dagbag.get_dag("datapack_publication")
    sensor = dag.get_task("wait_for_returns")
    assert sensor.mode == "reschedule" and sensor.poke_interval == 3600
    for task_id in ("check_release", "mark_ready"):
        assert dag.get_task(task_id).trigger_rule == "all_success"
    outlets = dag.get_task("mark_ready").outlets
    assert [asset.name for asset in outlets] == ["datapack_release"]


class _ParseTimeCalls(ast.NodeVisitor):
    """Calls made while the file is parsed: everything outside function bodies."""

    def __init__(self):
        self.calls = []

    def visit_FunctionDef(self, node):
        for decorator in node.decorator_list:
            self.visit(decorator)

    def visit_Call(self, node):
        self.calls.append(ast.unparse(node.func))
        self.generic_visit(node)


def test_dag_files_read_no_variables_or_connections_at_parse_time():
    """Top-level Variable.get / get_connection would hit the metadata DB on every parse: config is read in tasks."""
    from tests.conftest import DAGS_FOLDER

    files = sorted(DAGS_FOLDER.glob("*.py"))
    assert len(files) == 2
    for path in files:
        text = path.read_text()
        visitor = _ParseTimeCalls()
        visitor.visit(ast.parse(text))
        offending = [call for call in visitor.calls if "Variable" in call or "connection" in call.lower() or "settings" in call]
        assert offending == [], f"{path.name} reads configuration at parse time: {offending}"
        assert "password" not in text.lower(), f"{path.name} must not mention secrets"
