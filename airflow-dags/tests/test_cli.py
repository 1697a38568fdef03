import textwrap

import pytest

from datapack_orchestration import cli


def test_commands_follow_the_cli_contract():
    assert cli.ingest_args("/r/datapack", "/in/2025", 2025, ["E06000001"]) == [
        "/r/datapack", "ingest", "--inbox", "/in/2025", "--year", "2025", "--la", "E06000001"]
    assert cli.ingest_args("./datapack", "in", 2025) == ["./datapack", "ingest", "--inbox", "in", "--year", "2025"]
    assert cli.status_args("d", 2024) == ["d", "status", "--year", "2024", "--format", "json"]
    assert cli.publish_args("d", 2024, "/out") == ["d", "publish", "--year", "2024", "--out", "/out"]
    assert cli.publish_args("d", 2024, "/out", "spark://h:7077")[-2:] == ["--master", "spark://h:7077"]
    assert cli.render(["d", "ingest", "--inbox", "/a b"]) == "d ingest --inbox '/a b'"


@pytest.fixture
def fake_cli(tmp_path):
    script = tmp_path / "datapack"
    script.write_text(textwrap.dedent("""\
        #!/usr/bin/env bash
        echo "progress for people on stderr ($PWD)" >&2
        case "$1" in
          status) echo '{"las": []}' ;;
          bad) echo "datapack: unknown option" >&2; exit 2 ;;
          down) echo "warehouse unreachable" >&2; exit 1 ;;
          refused) echo "publish: release refused by the EES checks" >&2; exit 3 ;;
          slow) sleep 30 ;;
          env) echo "WAREHOUSE_URL=$WAREHOUSE_URL" ;;
        esac
        """))
    script.chmod(0o755)
    return str(script)


def test_run_captures_stdout_and_streams_stderr(fake_cli, tmp_path):
    lines = []
    out = cli.run([fake_cli, "status"], capture_stdout=True, sink=lines.append)
    assert out.strip() == '{"las": []}'
    assert lines[0].startswith("$ ") and f"progress for people on stderr ({tmp_path})" in lines


def test_run_passes_extra_environment(fake_cli):
    lines = []
    cli.run([fake_cli, "env"], env={"WAREHOUSE_URL": "jdbc:postgresql://db/x"}, sink=lines.append)
    assert "WAREHOUSE_URL=jdbc:postgresql://db/x" in lines


def test_exit_codes_of_the_contract(fake_cli):
    with pytest.raises(cli.CliError) as bad:
        cli.run([fake_cli, "bad"], sink=lambda line: None)
    assert bad.value.exit_code == 2 and not bad.value.retryable
    assert "bad arguments" in str(bad.value) and "unknown option" in str(bad.value)
    with pytest.raises(cli.CliError) as down:
        cli.run([fake_cli, "down"], sink=lambda line: None)
    assert down.value.exit_code == 1 and down.value.retryable and "system failure" in str(down.value)
    with pytest.raises(cli.CliError) as refused:
        cli.run([fake_cli, "refused"], sink=lambda line: None)
    assert refused.value.exit_code == 3 and not refused.value.retryable
    assert "refused by the EES checks" in str(refused.value) and "nothing written" in str(refused.value)


def test_timeout_stops_the_command(fake_cli):
    with pytest.raises(cli.CliTimeout, match="did not finish within 1 s"):
        cli.run([fake_cli, "slow"], timeout=1, sink=lambda line: None)


def test_check_executable(fake_cli, tmp_path):
    assert cli.check_executable(fake_cli) == fake_cli
    with pytest.raises(FileNotFoundError, match="datapack_cli"):
        cli.check_executable(str(tmp_path / "missing"))
