"""Configuration: Airflow Variables first, then the worker's environment, then defaults.

Read at task run time only (never at DAG parse time, so the scheduler does not hit the metadata DB on every
parse). No secret is configured here: warehouse credentials come from the ``datapack_warehouse`` connection or the
worker's environment, the pseudonymisation key from ``DATAPACK_PSEUDONYMISATION_KEY_FILE`` on the worker.

| Variable | environment | default | meaning |
|---|---|---|---|
| ``datapack_cli`` | ``DATAPACK_CLI`` | ``$DATAPACK_REPO_ROOT/datapack`` | the ``./datapack`` launcher |
| ``datapack_inbox`` | ``DATAPACK_INBOX`` | ``<repo>/inbox/{year}`` | the LA inbox; ``{year}`` is replaced |
| ``datapack_out`` | ``DATAPACK_OUT`` | ``<repo>/out/{year}`` | where releases are published; ``{year}`` replaced |
| ``datapack_la_registry`` | ``DATAPACK_LA_REGISTRY`` | the repository's DfE ``las.csv`` | the LA registry |
| ``datapack_collection_deadline`` | ``DATAPACK_COLLECTION_DEADLINE`` | ``07-31`` | see collection_calendar.deadline_for |
| ``datapack_publication_wait`` | ``DATAPACK_PUBLICATION_WAIT`` | ``all_or_deadline`` | ``all_or_deadline`` / ``deadline`` / ``none`` |
| ``datapack_cli_timeout_seconds`` | ``DATAPACK_CLI_TIMEOUT_SECONDS`` | ``7200`` | a CLI command is stopped after this |
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Callable, Mapping

REGISTRY_IN_REPO = "warehouse-schema/src/main/resources/reference/dfe-geography/las.csv"
WAIT_MODES = ("all_or_deadline", "deadline", "none")

GetVariable = Callable[[str], "str | None"]


@dataclasses.dataclass(frozen=True)
class Settings:
    cli: str
    inbox_template: str
    out_template: str
    la_registry: str
    collection_deadline: str
    publication_wait: str
    cli_timeout_seconds: float

    def inbox(self, year: int) -> str:
        return self.inbox_template.replace("{year}", str(year))

    def out(self, year: int) -> str:
        return self.out_template.replace("{year}", str(year))


def default_repo_root(environ: Mapping[str, str]) -> Path:
    """``DATAPACK_REPO_ROOT``, else the repository this package sits in (``airflow-dags/..``)."""
    if environ.get("DATAPACK_REPO_ROOT"):
        return Path(environ["DATAPACK_REPO_ROOT"])
    return Path(__file__).resolve().parents[2]


def load_settings(get_variable: GetVariable, environ: Mapping[str, str] | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    root = default_repo_root(environ)

    def pick(variable: str, env: str, default: str) -> str:
        value = get_variable(variable)
        if value in (None, ""):
            value = environ.get(env) or default
        return str(value).strip()

    wait = pick("datapack_publication_wait", "DATAPACK_PUBLICATION_WAIT", "all_or_deadline")
    if wait not in WAIT_MODES:
        raise ValueError(f"datapack_publication_wait must be one of {', '.join(WAIT_MODES)}, got {wait!r}")
    timeout_text = pick("datapack_cli_timeout_seconds", "DATAPACK_CLI_TIMEOUT_SECONDS", "7200")
    try:
        timeout = float(timeout_text)
    except ValueError:
        raise ValueError(f"datapack_cli_timeout_seconds must be a number of seconds, got {timeout_text!r}") from None
    return Settings(
        cli=pick("datapack_cli", "DATAPACK_CLI", str(root / "datapack")),
        inbox_template=pick("datapack_inbox", "DATAPACK_INBOX", str(root / "inbox" / "{year}")),
        out_template=pick("datapack_out", "DATAPACK_OUT", str(root / "out" / "{year}")),
        la_registry=pick("datapack_la_registry", "DATAPACK_LA_REGISTRY", str(root / REGISTRY_IN_REPO)),
        collection_deadline=pick("datapack_collection_deadline", "DATAPACK_COLLECTION_DEADLINE", ""),
        publication_wait=wait,
        cli_timeout_seconds=timeout,
    )
