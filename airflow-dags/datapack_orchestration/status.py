"""``./datapack status --year Y --format json`` → which LAs are accepted, missing, late or failing.

The document (jobs ``StatusReport.printJson``) is ``{"collection_year": Y, "returns": [...]}`` with one record per
LA and return: the latest submission, as ``la_code``, ``return_code``, ``submission_id``, ``state`` (an
``ops.submission`` state), ``state_reason``, ``rows_received`` / ``rows_loaded`` / ``rows_rejected``,
``received_at`` (ISO 8601, UTC) and ``findings_by_rule``. Anything else breaks the CLI contract and is refused.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any, Iterable, Mapping

from .registry import ENGLAND

ACCEPTED_STATES = frozenset({"loaded"})
FAILED_STATES = frozenset({"failed", "rejected"})
IN_PROGRESS_STATES = frozenset({"received", "loading"})
KNOWN_STATES = ACCEPTED_STATES | FAILED_STATES | IN_PROGRESS_STATES | {"superseded"}
"""The CHECK constraint of ``ops.submission.state``."""


class StatusFormatError(ValueError):
    """The status output is not the JSON document of the CLI contract."""


@dataclasses.dataclass(frozen=True)
class LaRecord:
    """The latest submission of one LA's return: its state and when it was received."""

    la: str
    return_code: str
    state: str
    at: dt.datetime


def _parse_time(value: Any, record: Mapping[str, Any]) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise StatusFormatError(f"received_at {value!r} is not an ISO 8601 time in {record}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def parse_records(text: str) -> list[LaRecord]:
    """The records of a status document, one per LA and return."""
    if not text.strip():
        raise StatusFormatError("status printed nothing on stdout: `status --format json` must print a JSON document")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise StatusFormatError(f"status output is not JSON ({error}); first bytes: {text[:200]!r}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("returns"), list):
        raise StatusFormatError(f"status JSON must be an object with a 'returns' list; first bytes: {text[:200]!r}")
    records = []
    for item in doc["returns"]:
        if not isinstance(item, dict) or not all(item.get(key) for key in ("la_code", "return_code", "state", "received_at")):
            raise StatusFormatError(f"status record without la_code, return_code, state and received_at: {item!r}")
        if item["state"] not in KNOWN_STATES:
            raise StatusFormatError(f"status record with unknown state {item['state']!r}: {item!r}")
        records.append(LaRecord(item["la_code"], item["return_code"], item["state"], _parse_time(item["received_at"], item)))
    return records


def last_activity(records: Iterable[LaRecord]) -> dict[str, dt.datetime]:
    """Per LA, the latest time the warehouse recorded a submission from it (to decide which LAs are due)."""
    latest: dict[str, dt.datetime] = {}
    for record in records:
        if record.la not in latest or record.at > latest[record.la]:
            latest[record.la] = record.at
    return latest


@dataclasses.dataclass
class CollectionSummary:
    """Where collection of one year stands. Lists are sorted LA codes."""

    year: int
    deadline: str
    deadline_passed: bool
    expected: list[str]
    accepted: list[str]
    missing: list[str]
    late: list[str]
    failing: list[str]
    in_progress: list[str]

    @property
    def complete(self) -> bool:
        """Every expected LA has an accepted return."""
        return not (set(self.expected) - set(self.accepted))

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["complete"] = self.complete
        data["counts"] = {key: len(data[key]) for key in ("expected", "accepted", "missing", "late", "failing", "in_progress")}
        return data

    def describe(self, names: Mapping[str, str] | None = None, limit: int = 20) -> str:
        names = names or {}

        def listing(codes: list[str]) -> str:
            shown = [f"{code} {names[code]}" if code in names else code for code in codes[:limit]]
            more = f" … and {len(codes) - limit} more" if len(codes) > limit else ""
            return ", ".join(shown) + more if codes else "none"

        return "\n".join(
            [
                f"Collection {self.year}: {len(self.accepted)}/{len(self.expected)} LAs accepted; deadline {self.deadline}"
                + (" (passed)" if self.deadline_passed else ""),
                f"  failing ({len(self.failing)}): {listing(self.failing)}",
                f"  late ({len(self.late)}): {listing(self.late)}",
                f"  missing ({len(self.missing)}): {listing(self.missing)}",
                f"  in progress ({len(self.in_progress)}): {listing(self.in_progress)}",
            ]
        )


def summarise(
    records: Iterable[LaRecord],
    expected: Iterable[str],
    year: int,
    deadline: dt.datetime,
    now: dt.datetime,
    failed_tasks: Iterable[str] = (),
) -> CollectionSummary:
    """Classify every expected LA.

    - accepted: at least one return in an accepted state (the latest accepted submission wins downstream);
    - failing: this run's ingest task for the LA failed (a system failure: the CLI exits non-zero only for those),
      or the LA's latest record is a failed state and it has nothing accepted;
    - missing: nothing received at all;
    - in_progress: received but neither accepted nor failed yet;
    - late: after the deadline, every expected LA without an accepted return (missing, failing or in progress).
    Records for LAs outside ``expected`` (e.g. a code not valid for the year) count as failing: someone must look.
    Records of national reference data (Ofsted register, ONSPD, adjacency: code E92000001, not an LA code) are
    not LA returns and are left out.
    """
    expected = sorted(set(expected))
    by_la: dict[str, list[LaRecord]] = {}
    for record in records:
        by_la.setdefault(record.la, []).append(record)
    failed_tasks = set(failed_tasks)
    accepted, failing, missing, in_progress = set(), set(failed_tasks), set(), set()
    for code in sorted(set(expected) | set(by_la)):
        mine = by_la.get(code, [])
        if code not in expected:
            if code != ENGLAND:
                failing.add(code)
            continue
        if any(record.state in ACCEPTED_STATES for record in mine):
            accepted.add(code)
        elif not mine:
            if code not in failed_tasks:
                missing.add(code)
        else:
            latest = max(mine, key=lambda record: record.at)
            if latest.state in FAILED_STATES:
                failing.add(code)
            elif code not in failed_tasks:
                in_progress.add(code)
    moment = now if now.tzinfo else now.replace(tzinfo=dt.timezone.utc)
    passed = moment >= deadline
    late = sorted(set(expected) - accepted) if passed else []
    return CollectionSummary(
        year=year,
        deadline=deadline.isoformat(),
        deadline_passed=passed,
        expected=expected,
        accepted=sorted(accepted),
        missing=sorted(missing),
        late=late,
        failing=sorted(failing),
        in_progress=sorted(in_progress - failing),
    )


def ready_to_publish(mode: str, summary: CollectionSummary) -> tuple[bool, str]:
    """Whether publication of a year may start (the publication DAG's sensor).

    - ``all_or_deadline`` (default): every expected LA has an accepted return, or the deadline has passed;
    - ``deadline``: only once the deadline has passed (late returns still accepted until then);
    - ``none``: at once (manual publication of whatever the warehouse holds, e.g. a backfill).
    """
    outstanding = len(summary.expected) - len(summary.accepted)
    if mode == "none":
        return True, "publication wait disabled (mode none)"
    if summary.deadline_passed:
        return True, f"deadline {summary.deadline} passed; {outstanding} LA(s) without an accepted return"
    if mode == "all_or_deadline" and summary.complete:
        return True, f"all {len(summary.expected)} expected LAs have an accepted return"
    if mode not in ("all_or_deadline", "deadline"):
        raise ValueError(f"unknown publication wait mode {mode!r}")
    return False, f"waiting: {outstanding} LA(s) without an accepted return, deadline {summary.deadline}"
