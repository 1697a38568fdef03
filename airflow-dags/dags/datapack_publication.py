"""Publication: once a year after the collection deadline (or by hand), publish and check the data pack.

Thin DAG file: the logic is in the ``datapack_orchestration`` package (see the module README).
"""
from __future__ import annotations

import datetime as dt
import logging
import time

from airflow.sdk import DAG, Asset, Param, PokeReturnValue, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException

from datapack_orchestration import cli, collection_calendar, release, runtime
from datapack_orchestration import status as collection_status
from datapack_orchestration.dag_defaults import DEFAULT_ARGS, TAGS

log = logging.getLogger("datapack")

RELEASE_ASSET = Asset("datapack_release")

DOC_MD = """
### Publication of the data pack for one collection year

Runs on 1 August (after the default 31 July deadline) for the collection year that ended on the previous
31 March, and by hand with the param `year` (backfill: one run, hence one release, per year).

1. `resolve_release`: the year (param, else the run's logical date), the output folder (`datapack_out`,
   `{year}` replaced) and the wait mode;
2. `wait_for_returns` (sensor, reschedule mode, pokes hourly): proceeds when every expected LA has an accepted
   return or the deadline (`datapack_collection_deadline`) has passed (Variable `datapack_publication_wait` or
   param `wait`: `all_or_deadline`, `deadline`, `none`);
3. `publish`: `./datapack publish --year <year> --out <out> [--master <from connection datapack_spark>]`
   (publish itself refuses a release that fails the EES checks: exit 3, not retried);
4. `check_release`: the new `<year>-r<NNN>` release is exactly what its manifest lists (year, id, every file with
   its size and sha256, nothing unlisted), every EES CSV has its `.meta.csv`, the quality report is there, and
   it is not already marked ready;
5. `mark_ready`: writes `<out>/<release-id>.ready.json` atomically (next to the release: publish makes releases
   read-only) and emits the Airflow Asset `datapack_release` (extra: year, release path). Consumers take only
   releases that have their `.ready.json`.
"""

with DAG(
    dag_id="datapack_publication",
    description="Publish and check the data pack of a collection year once collection has closed",
    doc_md=DOC_MD,
    schedule="0 6 1 8 *",
    start_date=dt.datetime(2021, 8, 1, tzinfo=dt.timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=[*TAGS, "publication"],
    params={
        "year": Param(None, type=["null", "integer"], minimum=2000, maximum=2099,
                      description="Collection year to publish. Empty: the year whose collection closed before the run."),
        "wait": Param(None, type=["null", "string"], enum=[None, "all_or_deadline", "deadline", "none"],
                      description="Override datapack_publication_wait for this run."),
    },
) as dag:

    @task(multiple_outputs=True, retries=0)
    def resolve_release() -> dict:
        context = get_current_context()
        config = runtime.settings()
        year = runtime.run_year(context)
        deadline = collection_calendar.deadline_for(year, config.collection_deadline)
        wait = context["params"].get("wait") or config.publication_wait
        log.info("Publishing collection year %s into %s (deadline %s, wait mode %s)", year, config.out(year), deadline, wait)
        return {"year": year, "out": config.out(year), "wait": wait}

    @task.sensor(poke_interval=3600, timeout=120 * 24 * 3600, mode="reschedule", retries=2)
    def wait_for_returns(year: int, wait: str) -> PokeReturnValue:
        summary = runtime.collection_summary(runtime.settings(), year)
        ready, reason = collection_status.ready_to_publish(wait, summary)
        log.info("%s", reason)
        return PokeReturnValue(is_done=ready, xcom_value=summary.as_dict() if ready else None)

    @task(retries=1)
    def publish(year: int, out: str) -> str:
        config = runtime.settings()
        started = time.time()
        runtime.run_cli(cli.publish_args(config.cli, year, out, runtime.spark_master()), config)
        found = release.find_release(out, year, since=started)
        log.info("Release for %s written to %s in %.0f s", year, found, time.time() - started)
        return str(found)

    @task(retries=0)
    def check_release(path: str, year: int) -> dict:
        try:
            report = release.check_release(path, year)
        except release.ReleaseCheckError as error:
            raise AirflowFailException(str(error)) from None
        log.info("Release %s passed its checks: %d files, data files: %s", path, len(report["files"]), ", ".join(report["data_files"]))
        return report

    @task(retries=0, outlets=[RELEASE_ASSET])
    def mark_ready(report: dict, year: int) -> str:
        context = get_current_context()
        marker = release.mark_ready(report["release"], year, f"{context['dag'].dag_id}/{context['run_id']}", report["files"])
        context["outlet_events"][RELEASE_ASSET].extra = {"year": year, "release": report["release"]}
        log.info("Release %s marked ready: %s", report["release"], marker)
        return str(marker)

    target = resolve_release()
    waited = wait_for_returns(year=target["year"], wait=target["wait"])
    published = publish(year=target["year"], out=target["out"])
    waited >> published
    checked = check_release(path=published, year=target["year"])
    mark_ready(report=checked, year=target["year"])
