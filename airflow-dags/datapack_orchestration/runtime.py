"""The bridge between Airflow's task runtime and the plain modules: Variables, Connections, CLI runs.

Only task callables use this module (at run time); DAG files import it but call nothing at parse time.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Iterable, Mapping, Sequence

from airflow.sdk import BaseHook, Variable
from airflow.sdk.exceptions import AirflowException, AirflowFailException, AirflowNotFoundException

from . import cli, collection_calendar, connections, registry
from . import status as collection_status
from .settings import Settings, load_settings

log = logging.getLogger("datapack")

SPARK_CONNECTION = "datapack_spark"
WAREHOUSE_CONNECTION = "datapack_warehouse"


def _variable(name: str) -> str | None:
    return Variable.get(name, default=None)


def settings() -> Settings:
    try:
        return load_settings(_variable)
    except ValueError as error:
        raise AirflowFailException(f"datapack configuration: {error}") from None


def _connection(conn_id: str):
    """The Airflow connection ``conn_id``, or None when it is not defined (every datapack connection is optional)."""
    try:
        return BaseHook.get_connection(conn_id)
    except AirflowNotFoundException:
        return None


def spark_master() -> str | None:
    master = connections.spark_master(_connection(SPARK_CONNECTION))
    log.info("Spark master: %s", master or f"local (no '{SPARK_CONNECTION}' connection)")
    return master


def cli_env() -> dict[str, str]:
    env = connections.warehouse_env(_connection(WAREHOUSE_CONNECTION))
    if env:
        log.info("Warehouse from connection '%s': %s", WAREHOUSE_CONNECTION, env["WAREHOUSE_URL"])
    return env


def run_cli(argv: Sequence[str], config: Settings, capture_stdout: bool = False) -> str:
    """Run the CLI for a task. Bad arguments fail the task for good; other failures are retried."""
    try:
        cli.check_executable(config.cli)
    except FileNotFoundError as error:
        raise AirflowFailException(str(error)) from None
    try:
        return cli.run(
            argv,
            env=cli_env(),
            timeout=config.cli_timeout_seconds,
            capture_stdout=capture_stdout,
            sink=log.info,
        )
    except cli.CliError as error:
        if not error.retryable:
            raise AirflowFailException(str(error)) from None
        raise AirflowException(str(error)) from None


def run_year(context: Mapping[str, Any]) -> int:
    """The collection year a DAG run works on: param ``year``, else the run's logical date, else now."""
    try:
        return collection_calendar.run_year(
            context["params"].get("year"), context.get("logical_date"), dt.datetime.now(dt.timezone.utc))
    except ValueError as error:
        raise AirflowFailException(str(error)) from None


def status_records(config: Settings, year: int) -> list[collection_status.LaRecord]:
    """``./datapack status --year Y --format json``, parsed. Output that breaks the contract fails for good."""
    output = run_cli(cli.status_args(config.cli, year), config, capture_stdout=True)
    try:
        return collection_status.parse_records(output)
    except collection_status.StatusFormatError as error:
        raise AirflowFailException(f"`datapack status` broke the CLI contract: {error}") from None


def collection_summary(config: Settings, year: int, failed_tasks: Iterable[str] = ()) -> collection_status.CollectionSummary:
    """Where collection of ``year`` stands now (status + LA registry + deadline), logged LA by LA."""
    las = registry.load_registry(config.la_registry)
    summary = collection_status.summarise(
        status_records(config, year), registry.expected_las(las, year), year,
        collection_calendar.deadline_for(year, config.collection_deadline), dt.datetime.now(dt.timezone.utc),
        failed_tasks=failed_tasks)
    log.info("%s", summary.describe(registry.la_names(las)))
    return summary
