import logging
from types import SimpleNamespace

from datapack_orchestration import callbacks


def test_message_names_la_step_attempt_and_log():
    message = callbacks.failure_message(
        dag_id="datapack_collection", task_id="ingest_la", run_id="scheduled__2025-05-01T10:00:00+00:00",
        try_number=4, max_tries=3, la="E06000001", year=2025, log_url="http://airflow/log/1",
        exception=RuntimeError("`./datapack ingest ...` exited 1: system failure\nLast output: ..."))
    assert "FAILED datapack_collection.ingest_la for LA E06000001 (year 2025)" in message
    assert "attempt 4 of 4" in message
    assert "cause: `./datapack ingest ...` exited 1: system failure" in message
    assert "log: http://airflow/log/1" in message
    assert '"las": ["E06000001"]' in message


def test_callback_reads_the_airflow_context(caplog):
    ti = SimpleNamespace(dag_id="datapack_collection", task_id="ingest_la", run_id="manual__x", try_number=1,
                         map_index=3, rendered_map_index="E09000033", log_url="http://airflow/log/2")
    context = {"ti": ti, "task": SimpleNamespace(retries=3), "params": {"year": 2025}, "exception": ValueError("boom")}
    with caplog.at_level(logging.ERROR, logger="datapack.alerts"):
        callbacks.on_failure(context)
    assert "ingest_la for LA E09000033 (year 2025)" in caplog.text and "http://airflow/log/2" in caplog.text


def test_unmapped_task_has_no_la():
    ti = SimpleNamespace(dag_id="datapack_publication", task_id="publish", run_id="r", try_number=1,
                         map_index=-1, rendered_map_index=None, log_url=None)
    message = callbacks.failure_message(ti.dag_id, ti.task_id, ti.run_id, 1, 1)
    assert "for LA" not in message and "see the task log" in message
