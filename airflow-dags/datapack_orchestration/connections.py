"""Airflow connections → CLI arguments and environment. Secrets stay in connections, never in DAG files.

- ``datapack_spark`` (type ``spark``, optional): where ``publish`` runs Spark. Host ``spark://127.0.0.1`` with
  port 7077 gives ``--master spark://127.0.0.1:7077``; host ``local[2]`` or ``yarn`` is passed as is; the extra
  ``{"master": "..."}`` overrides both. Without the connection, publish runs Spark in-process (local).
- ``datapack_warehouse`` (type ``postgres``, optional): the warehouse. Exported to the CLI as ``WAREHOUSE_URL``
  (JDBC), ``WAREHOUSE_USER`` and ``WAREHOUSE_PASSWORD``. Without it the worker's environment decides (and without
  that, the CLI's embedded warehouse under ``DATAPACK_HOME``).
"""
from __future__ import annotations

from typing import Any, Mapping, Protocol


class ConnectionLike(Protocol):
    conn_type: str | None
    host: str | None
    port: int | None
    schema: str | None
    login: str | None
    password: str | None

    @property
    def extra_dejson(self) -> Mapping[str, Any]: ...


def spark_master(conn: ConnectionLike | None) -> str | None:
    """The ``--master`` URL for a Spark connection, or None to let publish run Spark locally."""
    if conn is None:
        return None
    extra = conn.extra_dejson or {}
    if extra.get("master"):
        return str(extra["master"])
    host = (conn.host or "").strip()
    if not host:
        return None
    if host.startswith("local") or host in ("yarn",):
        return host
    if "://" not in host:
        host = f"spark://{host}"
    if conn.port and not host.rsplit("/", 1)[-1].count(":"):
        host = f"{host}:{conn.port}"
    return host


def warehouse_env(conn: ConnectionLike | None) -> dict[str, str]:
    """``WAREHOUSE_*`` variables for the CLI from a Postgres connection (empty without one)."""
    if conn is None or not conn.host:
        return {}
    port = conn.port or 5432
    database = conn.schema or "postgres"
    env = {"WAREHOUSE_URL": f"jdbc:postgresql://{conn.host}:{port}/{database}"}
    extra = conn.extra_dejson or {}
    if extra.get("sslmode"):
        env["WAREHOUSE_URL"] += f"?sslmode={extra['sslmode']}"
    if conn.login:
        env["WAREHOUSE_USER"] = conn.login
    if conn.password:
        env["WAREHOUSE_PASSWORD"] = conn.password
    return env
