import datetime as dt
import json

import pytest

from datapack_orchestration import status

UTC = dt.timezone.utc
DEADLINE = dt.datetime(2025, 8, 1, tzinfo=UTC)
EXPECTED = ["E06000001", "E06000002", "E06000003", "E06000004", "E09000033"]


def record(la, return_code, state, received_at):
    """One record as jobs' StatusReport.printJson writes it."""
    return {"la_code": la, "return_code": return_code, "submission_id": 1, "state": state, "state_reason": None,
            "rows_received": 10, "rows_loaded": 9, "rows_rejected": 1, "received_at": received_at,
            "findings_by_rule": {"164": 1}}


DOC = {
    "collection_year": 2025,
    "returns": [
        record("E06000001", "ssda903", "loaded", "2025-05-02T10:00:00Z"),
        record("E06000001", "missing", "rejected", "2025-05-03T10:00:00Z"),
        record("E06000002", "ssda903", "failed", "2025-05-04T09:00:00Z"),
        record("E06000004", "oversight", "received", "2025-05-05T09:00:00Z"),
        record("E06000099", "ssda903", "loaded", "2025-05-05T09:00:00Z"),  # not an LA of the year
        record("E92000001", "onspd", "loaded", "2025-04-02T09:00:00Z"),  # national reference data
    ],
}


def test_parse_records_reads_the_status_document():
    records = status.parse_records(json.dumps(DOC))
    assert [(r.la, r.return_code, r.state) for r in records] == [
        ("E06000001", "ssda903", "loaded"), ("E06000001", "missing", "rejected"), ("E06000002", "ssda903", "failed"),
        ("E06000004", "oversight", "received"), ("E06000099", "ssda903", "loaded"), ("E92000001", "onspd", "loaded")]
    assert records[2].at == dt.datetime(2025, 5, 4, 9, tzinfo=UTC)


def test_no_submissions_yet():
    assert status.parse_records('{"collection_year": 2025, "returns": []}') == []


@pytest.mark.parametrize(
    "text, problem",
    [(" \n", "printed nothing"), ("Warehouse: jdbc:postgresql://...", "not JSON"), ("[]", "'returns' list"),
     ('{"returns": [{"la_code": "E06000001", "state": "loaded"}]}', "without la_code, return_code"),
     (json.dumps({"returns": [record("E06000001", "ssda903", "done", "2025-05-02T10:00:00Z")]}), "unknown state 'done'"),
     (json.dumps({"returns": [record("E06000001", "ssda903", "loaded", "yesterday")]}), "not an ISO 8601 time")],
)
def test_output_that_breaks_the_contract_is_refused(text, problem):
    with pytest.raises(status.StatusFormatError, match=problem):
        status.parse_records(text)


def test_last_activity_is_latest_per_la():
    latest = status.last_activity(status.parse_records(json.dumps(DOC)))
    assert latest["E06000001"] == dt.datetime(2025, 5, 3, 10, tzinfo=UTC)
    assert "E06000003" not in latest


def test_summary_before_deadline():
    records = status.parse_records(json.dumps(DOC))
    summary = status.summarise(records, EXPECTED, 2025, DEADLINE, dt.datetime(2025, 6, 1, tzinfo=UTC),
                               failed_tasks=["E09000033"])
    assert summary.accepted == ["E06000001"]
    assert summary.failing == ["E06000002", "E06000099", "E09000033"]  # national E92000001 is not an LA
    assert summary.missing == ["E06000003"]
    assert summary.in_progress == ["E06000004"]
    assert summary.late == [] and not summary.deadline_passed and not summary.complete
    data = summary.as_dict()
    assert data["counts"]["expected"] == 5 and json.loads(json.dumps(data)) == data
    text = summary.describe({"E06000003": "Stockton-on-Tees"})
    assert "1/5 LAs accepted" in text and "E06000003 Stockton-on-Tees" in text


def test_summary_after_deadline_marks_every_unaccepted_la_late():
    records = status.parse_records(json.dumps(DOC))
    summary = status.summarise(records, EXPECTED, 2025, DEADLINE, dt.datetime(2025, 8, 1, tzinfo=UTC))
    assert summary.deadline_passed
    assert summary.late == ["E06000002", "E06000003", "E06000004", "E09000033"]


def test_ready_to_publish_modes():
    at = dt.datetime(2025, 5, 1, tzinfo=UTC)
    everyone = [status.LaRecord(code, "ssda903", "loaded", at) for code in EXPECTED]
    complete = status.summarise(everyone, EXPECTED, 2025, DEADLINE, dt.datetime(2025, 6, 1, tzinfo=UTC))
    partial = status.summarise([], EXPECTED, 2025, DEADLINE, dt.datetime(2025, 6, 1, tzinfo=UTC))
    late = status.summarise([], EXPECTED, 2025, DEADLINE, dt.datetime(2025, 9, 1, tzinfo=UTC))
    assert status.ready_to_publish("all_or_deadline", complete)[0]
    assert not status.ready_to_publish("all_or_deadline", partial)[0]
    assert not status.ready_to_publish("deadline", complete)[0]
    assert status.ready_to_publish("deadline", late)[0]
    assert status.ready_to_publish("none", partial)[0]
    with pytest.raises(ValueError):
        status.ready_to_publish("sometimes", partial)
