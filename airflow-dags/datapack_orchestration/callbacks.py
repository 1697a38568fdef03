"""Failure callbacks: a message that says which DAG, which step, which LA, which year and where the log is."""
from __future__ import annotations

import logging
from typing import Any, Mapping

log = logging.getLogger("datapack.alerts")


def failure_message(
    dag_id: str,
    task_id: str,
    run_id: str,
    try_number: int | None,
    max_tries: int | None,
    la: str | None = None,
    year: Any = None,
    log_url: str | None = None,
    exception: BaseException | str | None = None,
) -> str:
    step = task_id + (f" for LA {la}" if la else "")
    attempt = f", attempt {try_number} of {max_tries + 1}" if try_number and max_tries is not None else ""
    if type(exception).__name__ == "AirflowFailException":
        attempt += " (not retried: retrying cannot help)"
    lines = [
        f"[datapack] FAILED {dag_id}.{step}" + (f" (year {year})" if year else "") + f" in run {run_id}{attempt}",
    ]
    if exception:
        lines.append(f"  cause: {str(exception).splitlines()[0] if str(exception) else type(exception).__name__}")
    lines.append(f"  log: {log_url or 'see the task log in the Airflow UI'}")
    if la:
        lines.append(
            f"  re-run this LA: trigger {dag_id} with params {{\"year\": {year or '<year>'}, \"las\": [\"{la}\"]}}"
            " or clear this mapped task instance"
        )
    return "\n".join(lines)


def _la_of(ti: Any) -> str | None:
    """The LA of a mapped ingest task instance (its rendered map index is the LA code), else None."""
    rendered = getattr(ti, "rendered_map_index", None)
    if rendered and getattr(ti, "map_index", -1) not in (None, -1):
        return str(rendered)
    return None


def on_failure(context: Mapping[str, Any]) -> None:
    """``on_failure_callback`` of every datapack task: logs one clear ERROR block (alerting picks it up)."""
    ti = context.get("ti") or context.get("task_instance")
    params = context.get("params") or {}
    dag_id = getattr(ti, "dag_id", None) or getattr(context.get("dag"), "dag_id", "?")
    task = context.get("task")
    message = failure_message(
        dag_id=dag_id,
        task_id=getattr(ti, "task_id", "?"),
        run_id=getattr(ti, "run_id", None) or str(context.get("run_id", "?")),
        try_number=getattr(ti, "try_number", None),
        max_tries=getattr(task, "retries", None),
        la=_la_of(ti),
        year=params.get("year") or None,
        log_url=getattr(ti, "log_url", None),
        exception=context.get("exception"),
    )
    log.error(message)
