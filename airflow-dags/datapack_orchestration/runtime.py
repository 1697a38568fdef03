"""The bridge between Airflow's task runtime and the plain modules: Variables, Connections, CLI runs.

Only task callables use this module (at run time); DAG files import it but call nothing at parse time.
"""
from __future__ import annotations

import logging
from typing import Sequence

from airflow.sdk import BaseHook, Variable
from airflow.sdk.exceptions import AirflowException, AirflowFailException, AirflowNotFoundException

from . import cli, connections
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
