"""Running a DAG of this module with dag.test() on the real Airflow installed in .venv, and reading the results."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from airflow.dag_processing.dagbag import DagBag
from airflow.models.xcom import XComModel
from airflow.utils.session import create_session

from tests.conftest import DAGS_FOLDER


@dataclasses.dataclass
class DagRunResult:
    dag_id: str
    run_id: str
    state: str
    task_states: dict  # "task_id" or "task_id[LA]" (mapped, by rendered map index) -> state

    def xcom(self, task_id: str, key: str = "return_value") -> Any:
        with create_session() as session:
            row = session.scalars(
                XComModel.get_many(run_id=self.run_id, dag_ids=self.dag_id, task_ids=task_id, key=key)
            ).first()
            return None if row is None else XComModel.deserialize_value(row)


def run_dag(dag_id: str, conf: dict | None = None, logical_date: dt.datetime | None = None,
            without_retries: bool = False) -> DagRunResult:
    """One run of the DAG with ``dag.test()``; ``logical_date`` as a scheduled (or backfill) run would have it.

    ``without_retries`` turns retries off, so that a failing command fails the run at once instead of dag.test()
    sleeping through the production backoff (2 + 4 + 8 min); the retry settings themselves are pinned by the
    DagBag test.
    """
    bag = DagBag(dag_folder=str(DAGS_FOLDER))
    assert bag.import_errors == {}, bag.import_errors
    dag = bag.get_dag(dag_id)
    if without_retries:
        for task in dag.tasks:
            task.retries = 0
    when = {"logical_date": logical_date} if logical_date else {}
    dagrun = dag.test(run_conf=conf or {}, **when)
    states = {}
    for ti in dagrun.get_task_instances():
        name = ti.task_id if ti.map_index in (None, -1) else f"{ti.task_id}[{ti.rendered_map_index or ti.map_index}]"
        states[name] = str(ti.state.value if hasattr(ti.state, "value") else ti.state)
    state = dagrun.state.value if hasattr(dagrun.state, "value") else str(dagrun.state)
    return DagRunResult(dag_id, dagrun.run_id, state, states)
