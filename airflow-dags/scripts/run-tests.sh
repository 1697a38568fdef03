#!/usr/bin/env bash
# Runs the airflow-dags tests on a real, pinned Apache Airflow (Maven's test phase calls this; so can people).
#
# - creates .venv once from requirements.txt + constraints.txt and re-installs only when either file (or the
#   Python version) changes (sha256 stamp inside the venv);
# - points Airflow at a throwaway AIRFLOW_HOME under target/ with a SQLite metadata DB, migrated when needed;
# - runs pytest (JUnit XML into target/pytest-reports/) and fails on any failure, error, skip, import error,
#   and on "no tests collected" (pytest exit code 5).
#
# Usage: scripts/run-tests.sh [pytest args...]     e.g. scripts/run-tests.sh -m "not e2e"   (quick loop)
#        DATAPACK_PYTHON=/usr/bin/python3.12 scripts/run-tests.sh
set -euo pipefail

MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$MODULE"
say() { echo "[airflow-dags] $*"; }
fail() { echo "[airflow-dags] FAILED: $*" >&2; exit 1; }

VENV="$MODULE/.venv"
STAMP="$VENV/.datapack-requirements.sha256"
PYTHON="${DATAPACK_PYTHON:-$(command -v python3.11 || command -v python3 || true)}"
[[ -n "$PYTHON" ]] || fail "no python3 on PATH: install Python 3.10-3.13 (3.11 is what the pins were resolved with)"
"$PYTHON" -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 13) else 1)' \
  || fail "$PYTHON is Python $("$PYTHON" -c 'import platform; print(platform.python_version())'); Airflow 3.3 needs 3.10-3.13 (set DATAPACK_PYTHON)"

wanted="$( { cat requirements.txt constraints.txt; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"
install_venv() {
  local started=$SECONDS
  say "installing pinned Apache Airflow into $VENV (requirements.txt changed or first use; ~1 min with a warm pip cache)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
      -r requirements.txt -c constraints.txt || { rm -rf "$VENV"; fail "pip install failed (see above); is PyPI reachable?"; }
  echo "$wanted" > "$STAMP"
  say "virtualenv ready in $((SECONDS - started)) s"
}
(
  # One installer at a time (parallel builds of the same tree share the venv).
  exec 9>"$MODULE/.venv.lock"
  flock 9
  if [[ ! -x "$VENV/bin/python" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$wanted" ]]; then
    install_venv
  else
    say "reusing $VENV ($(head -c 12 "$STAMP"))"
  fi
)
PY="$VENV/bin/python"

export DATAPACK_REPO_ROOT="${DATAPACK_REPO_ROOT:-$(cd "$MODULE/.." && pwd)}"
export AIRFLOW_HOME="$MODULE/target/airflow-home"
export AIRFLOW__CORE__DAGS_FOLDER="$MODULE/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__UNIT_TEST_MODE=False
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:///$AIRFLOW_HOME/airflow.db"
export PYTHONPATH="$MODULE${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1
mkdir -p "$AIRFLOW_HOME" target/pytest-reports
rm -f target/pytest-reports/*.xml

# Airflow must import: a missing or broken Airflow is a failure, never a skip.
"$PY" -c 'import airflow, airflow.providers.apache.spark; print("[airflow-dags] Apache Airflow", airflow.__version__)' \
  || fail "Apache Airflow cannot be imported from $VENV (delete it to force a re-install)"

db_stamp="$AIRFLOW_HOME/.db-migrated"
airflow_version="$("$PY" -c 'import airflow; print(airflow.__version__)')"
if [[ ! -f "$AIRFLOW_HOME/airflow.db" || "$(cat "$db_stamp" 2>/dev/null)" != "$airflow_version" ]]; then
  started=$SECONDS
  "$VENV/bin/airflow" db migrate > "$AIRFLOW_HOME/db-migrate.log" 2>&1 \
    || { cat "$AIRFLOW_HOME/db-migrate.log" >&2; fail "airflow db migrate failed"; }
  echo "$airflow_version" > "$db_stamp"
  say "metadata DB (SQLite) migrated in $((SECONDS - started)) s: $AIRFLOW_HOME/airflow.db"
fi

args=("$@")
if [[ -n "${DATAPACK_PYTEST_ARGS:-}" ]]; then
  mapfile -t extra < <("$PY" -c 'import os, shlex; print("\n".join(shlex.split(os.environ["DATAPACK_PYTEST_ARGS"])))')
  args+=("${extra[@]}")
fi

# Not named TEST-*.xml: .ci/check_test_reports.py reads target/**/TEST-*.xml AND target/pytest-reports/*.xml, so a
# TEST-* name here would be counted twice.
report="$MODULE/target/pytest-reports/pytest-airflow-dags.xml"
log="$MODULE/target/pytest-reports/pytest.log"
set +e
"$PY" -m pytest -p no:cacheprovider -ra \
    --junitxml="$report" -o junit_suite_name=airflow-dags \
    "${args[@]}" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
summary="$(grep -E '(passed|failed|errors?|skipped|deselected|no tests ran).* in [0-9.]+s' "$log" | tail -1 | sed -E 's/^=+ //; s/ =+$//')"
say "pytest: ${summary:-no summary line} (exit code $rc)"
case "$rc" in
  0) ;;
  5) fail "no tests were collected (pytest exit code 5): a module that runs no tests is broken" ;;
  *) fail "pytest exit code $rc (see above; JUnit XML in target/pytest-reports/)" ;;
esac
