"""Collection: every hour in the collection window, ingest each LA's new returns (one mapped task per LA).

Thin DAG file: the logic is in the ``datapack_orchestration`` package (see the module README).
"""
from __future__ import annotations

import datetime as dt
import logging
import time

from airflow.sdk import DAG, Param, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException

from datapack_orchestration import cli, collection_calendar, registry, runtime
from datapack_orchestration import status as collection_status
from datapack_orchestration.dag_defaults import DEFAULT_ARGS, TAGS

log = logging.getLogger("datapack")

DOC_MD = """
### Collection of LA returns

Every hour inside the collection window (1 April of the collection year until the collection deadline,
Variable `datapack_collection_deadline`, default 31 July), and whenever triggered by hand:

1. `check_window`: scheduled runs outside the window stop here (manual runs always go on);
2. `resolve_collection`: the year (param `year`, else the run's logical date) and the inbox (`datapack_inbox`);
3. `plan_collection`: reads the LA registry (`datapack_la_registry`), the inbox (`datapack_inbox`) and
   `./datapack status --format json`, and lists the LAs **due**: files in `<inbox>/<LA>/` newer than the LA's
   last submission (param `las` restricts the run to those LAs and ingests them regardless of status, `force`
   ingests every LA with files regardless of status);
4. `ingest_la` (mapped, one task instance per LA, named by its code): `./datapack ingest --inbox <inbox>
   --year <year> --la <LA>`; retried with exponential backoff on system failures (exit 1), failed for good on
   bad arguments (exit 2); one LA's failure never stops the others;
5. `summarise_collection` (runs whatever happened upstream): `./datapack status --year <year> --format json`,
   logs accepted / missing / late / failing LAs and returns them as XCom. **It fails the run when any LA is
   failing or planning failed**, so a failed ingest is never hidden behind a green run; missing and late LAs are
   reported, not failed.

Re-run one LA: trigger with `{"year": 2025, "las": ["E06000001"]}` or clear its mapped task.
"""

with DAG(
    dag_id="datapack_collection",
    description="Ingest every due LA's returns hourly during the collection window",
    doc_md=DOC_MD,
    schedule="0 * * * *",
    start_date=dt.datetime(2025, 4, 1, tzinfo=dt.timezone.utc),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=dt.timedelta(hours=6),
    default_args=DEFAULT_ARGS,
    tags=[*TAGS, "collection"],
    params={
        "year": Param(None, type=["null", "integer"], minimum=2000, maximum=2099,
                      description="Collection year (reporting year ending 31 March). Empty: from the run date."),
        "las": Param([], type="array", items={"type": "string", "pattern": registry.LA_CODE_PATTERN},
                     description="Only these LA codes (e.g. to re-run one LA). Empty: every due LA."),
        "force": Param(False, type="boolean",
                       description="Ingest the LAs' inbox folders even when status shows nothing new."),
    },
    render_template_as_native_obj=True,
) as dag:

    @task.short_circuit(retries=0)
    def check_window() -> bool:
        context = get_current_context()
        year = runtime.run_year(context)
        deadline = collection_calendar.deadline_for(year, runtime.settings().collection_deadline)
        now = dt.datetime.now(dt.timezone.utc)
        manual = context["dag_run"].run_type == "manual"
        inside = collection_calendar.in_collection_window(now, year, deadline)
        log.info("Collection %s: window %s → %s; now %s; %s run", year,
                 collection_calendar.collection_opens(year).date(), deadline, now, "manual" if manual else "scheduled")
        return manual or inside

    @task(multiple_outputs=True, retries=0)
    def resolve_collection() -> dict:
        year = runtime.run_year(get_current_context())
        return {"year": year, "inbox": runtime.settings().inbox(year)}

    @task(retries=2)
    def plan_collection(year: int, inbox: str) -> list[str]:
        params = get_current_context()["params"]
        config = runtime.settings()
        expected = registry.expected_las(registry.load_registry(config.la_registry), year)
        last = collection_status.last_activity(runtime.status_records(config, year))
        requested = registry.parse_requested(params.get("las"))
        try:
            due = registry.las_due(expected, registry.inbox_activity(inbox, expected), last,
                                   requested, bool(params.get("force")))
        except ValueError as error:
            raise AirflowFailException(str(error)) from None
        if requested and set(requested) - set(due):
            log.warning("Requested LA(s) with no files in %s: %s", inbox, ", ".join(sorted(set(requested) - set(due))))
        log.info("Year %s, inbox %s: %d LAs expected, %d due: %s", year, inbox, len(expected), len(due), ", ".join(due) or "none")
        return due

    @task(map_index_template="{{ la_code }}", max_active_tis_per_dagrun=4)
    def ingest_la(la: str, year: int, inbox: str) -> dict:
        get_current_context()["la_code"] = la  # names the mapped task instance by its LA in the UI
        config = runtime.settings()
        started = time.monotonic()
        runtime.run_cli(cli.ingest_args(config.cli, inbox, year, [la]), config)
        return {"la": la, "seconds": round(time.monotonic() - started, 1)}

    @task(trigger_rule="all_done", retries=2)
    def summarise_collection(year: int, due: list | None, results) -> dict:
        # due is None when plan_collection failed: nothing was ingested, and the run must not end green.
        succeeded = {result["la"] for result in (results or []) if result}
        summary = runtime.collection_summary(runtime.settings(), year, failed_tasks=sorted(set(due or []) - succeeded))
        if summary.late:
            log.warning("%d LA(s) are late for %s: %s", len(summary.late), year, ", ".join(summary.late))
        get_current_context()["ti"].xcom_push(key="collection_summary", value=summary.as_dict())
        problems = ["plan_collection failed, so no LA was ingested (see its log)"] if due is None else []
        if summary.failing:
            problems.append(f"{len(summary.failing)} LA(s) failing for {year}: {', '.join(summary.failing)} "
                            "(see the ingest_la task of each LA; re-run one with params las=[CODE])")
        if problems:
            raise AirflowFailException("; ".join(problems))
        return summary.as_dict()

    target = resolve_collection()
    check_window() >> target
    due = plan_collection(year=target["year"], inbox=target["inbox"])
    ingested = ingest_la.partial(year=target["year"], inbox=target["inbox"]).expand(la=due)
    summarise_collection(year=target["year"], due=due, results=ingested)
