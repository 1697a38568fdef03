"""Building and running ``./datapack`` commands (docs/architecture.md, "The CLI contract").

Exit codes of the contract: 0 success; 1 system failure (database unreachable, I/O failure) — worth a retry;
2 bad arguments — a retry cannot help; 3 (``publish`` only) the release was refused by its EES checks and nothing
was written — a retry cannot help until the data changes. An LA's bad rows or bad file are never a non-zero exit.
"""
from __future__ import annotations

import logging
import os
import shlex
import signal
import subprocess
import threading
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_SYSTEM_FAILURE = 1
EXIT_BAD_ARGUMENTS = 2
EXIT_RELEASE_REFUSED = 3


class CliError(RuntimeError):
    """A ``./datapack`` command exited non-zero."""

    def __init__(self, argv: Sequence[str], exit_code: int, tail: str = ""):
        self.argv = list(argv)
        self.exit_code = exit_code
        self.tail = tail
        meaning = {
            EXIT_SYSTEM_FAILURE: "system failure (warehouse unreachable, I/O failure): retried with backoff",
            EXIT_BAD_ARGUMENTS: "bad arguments: fix the configuration (Airflow Variables or params), a retry cannot help",
            EXIT_RELEASE_REFUSED: "release refused by the EES checks (listed above), nothing written: fix the data, "
                                  "a retry cannot help",
        }.get(exit_code, "unexpected exit code (killed or crashed?)")
        super().__init__(
            f"`{render(argv)}` exited {exit_code}: {meaning}" + (f"\nLast output:\n{tail}" if tail else "")
        )

    @property
    def retryable(self) -> bool:
        return self.exit_code not in (EXIT_BAD_ARGUMENTS, EXIT_RELEASE_REFUSED)


class CliTimeout(CliError):
    def __init__(self, argv: Sequence[str], seconds: float, tail: str = ""):
        RuntimeError.__init__(self, f"`{render(argv)}` did not finish within {seconds:.0f} s and was stopped" + (f"\nLast output:\n{tail}" if tail else ""))
        self.argv, self.exit_code, self.tail = list(argv), -1, tail


def render(argv: Sequence[str]) -> str:
    return " ".join(shlex.quote(str(part)) for part in argv)


def ingest_args(cli: str, inbox: str, year: int, las: Iterable[str] = ()) -> list[str]:
    argv = [cli, "ingest", "--inbox", str(inbox), "--year", str(year)]
    for code in las:
        argv += ["--la", code]
    return argv


def status_args(cli: str, year: int) -> list[str]:
    return [cli, "status", "--year", str(year), "--format", "json"]


def publish_args(cli: str, year: int, out: str, master: str | None = None) -> list[str]:
    argv = [cli, "publish", "--year", str(year), "--out", str(out)]
    if master:
        argv += ["--master", master]
    return argv


def check_executable(cli: str) -> str:
    path = Path(cli)
    if not path.is_file() or not os.access(path, os.X_OK):
        raise FileNotFoundError(
            f"the datapack CLI {cli} is not an executable file: set the Airflow Variable datapack_cli "
            "(or the environment variable DATAPACK_CLI) to the repository's ./datapack launcher"
        )
    return str(path)


def run(
    argv: Sequence[str],
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    capture_stdout: bool = False,
    sink: Callable[[str], None] | None = None,
    tail_lines: int = 40,
) -> str:
    """Run a CLI command, streaming its output line by line to ``sink`` (the task log by default).

    With ``capture_stdout`` the command's stdout is returned (machine-readable output such as ``status --format
    json``) and only stderr (meant for people) is streamed; otherwise both are streamed and "" is returned.
    The working directory is the CLI's folder (the repository root). Raises :class:`CliError` on a non-zero exit
    and :class:`CliTimeout` after ``timeout`` seconds.
    """
    sink = sink or log.info
    argv = [str(part) for part in argv]
    full_env = dict(os.environ)
    full_env.update(env or {})
    sink(f"$ {render(argv)}")
    process = subprocess.Popen(
        argv,
        cwd=str(Path(argv[0]).resolve().parent) if os.sep in argv[0] else None,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if capture_stdout else subprocess.STDOUT,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    tail: list[str] = []
    captured: list[str] = []

    def pump(stream, keep: bool):
        for line in stream:
            if keep:
                captured.append(line)
            else:
                line = line.rstrip("\n")
                sink(line)
                tail.append(line)
                del tail[:-tail_lines]

    readers = []
    if capture_stdout:
        readers.append(threading.Thread(target=pump, args=(process.stdout, True), daemon=True))
        readers.append(threading.Thread(target=pump, args=(process.stderr, False), daemon=True))
    else:
        readers.append(threading.Thread(target=pump, args=(process.stdout, False), daemon=True))
    for reader in readers:
        reader.start()
    try:
        exit_code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        for reader in readers:
            reader.join(5)
        raise CliTimeout(argv, timeout or 0, "\n".join(tail)) from None
    except BaseException:
        _kill_group(process)  # task killed or timed out by Airflow: leave no orphan JVM behind
        raise
    for reader in readers:
        reader.join()
    if exit_code != EXIT_OK:
        raise CliError(argv, exit_code, "\n".join(tail))
    return "".join(captured)


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
