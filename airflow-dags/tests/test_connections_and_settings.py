import json
from pathlib import Path

import pytest
from airflow.models.connection import Connection

from datapack_orchestration import connections, settings


@pytest.mark.parametrize(
    "uri, master",
    [
        ("spark://spark%3A%2F%2F127.0.0.1:7077", "spark://127.0.0.1:7077"),
        ("spark://spark-master.internal:7077", "spark://spark-master.internal:7077"),
        ("spark://local%5B2%5D", "local[2]"),
        ("spark://yarn", "yarn"),
        ("spark://ignored:1?master=k8s%3A%2F%2Fhttps%3A%2F%2Fapi%3A6443", "k8s://https://api:6443"),
    ],
)
def test_spark_master_from_a_real_airflow_connection(uri, master):
    assert connections.spark_master(Connection(conn_id="datapack_spark", uri=uri)) == master


def test_no_spark_connection_means_local():
    assert connections.spark_master(None) is None
    assert connections.spark_master(Connection(conn_id="datapack_spark", conn_type="spark")) is None


def test_warehouse_environment_from_a_postgres_connection():
    conn = Connection(conn_id="datapack_warehouse", conn_type="postgres", host="db.internal", port=5433,
                      schema="datapack", login="pipeline", password="s3cret", extra=json.dumps({"sslmode": "require"}))
    assert connections.warehouse_env(conn) == {
        "WAREHOUSE_URL": "jdbc:postgresql://db.internal:5433/datapack?sslmode=require",
        "WAREHOUSE_USER": "pipeline",
        "WAREHOUSE_PASSWORD": "s3cret",
    }
    assert connections.warehouse_env(None) == {}


def test_settings_precedence_variables_then_environment_then_defaults(tmp_path):
    variables = {"datapack_inbox": "/srv/inbox/{year}", "datapack_publication_wait": "deadline"}
    environ = {"DATAPACK_REPO_ROOT": "/repo", "DATAPACK_INBOX": "/env/inbox", "DATAPACK_OUT": "/env/out",
               "DATAPACK_CLI_TIMEOUT_SECONDS": "60"}
    config = settings.load_settings(variables.get, environ)
    assert config.cli == "/repo/datapack"
    assert config.inbox(2025) == "/srv/inbox/2025"
    assert config.out(2025) == "/env/out"
    assert config.la_registry == "/repo/" + settings.REGISTRY_IN_REPO
    assert config.publication_wait == "deadline" and config.cli_timeout_seconds == 60.0
    assert config.collection_deadline == ""


def test_default_repo_root_is_this_repository():
    config = settings.load_settings(lambda name: None, {})
    assert Path(config.cli) == Path(__file__).resolve().parents[2] / "datapack"
    assert config.out(2024).endswith("/out/2024")


@pytest.mark.parametrize("name, value", [("datapack_publication_wait", "maybe"), ("datapack_cli_timeout_seconds", "soon")])
def test_bad_settings_name_the_variable(name, value):
    with pytest.raises(ValueError, match=name):
        settings.load_settings({name: value}.get, {})
