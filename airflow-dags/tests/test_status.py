import datetime as dt
import json

import pytest

from datapack_orchestration import status

UTC = dt.timezone.utc
DEADLINE = dt.datetime(2025, 8, 1, tzinfo=UTC)
EXPECTED = ["E06000001", "E06000002", "E06000003", "E06000004", "E09000033"]

DOC = {
    "year": 2025,
    "las": [
        {"la_code": "E06000001", "returns": [
            {"return": "ssda903", "state": "loaded", "received_at": "2025-05-02T10:00:00Z"},
            {"return": "missing", "state": "rejected", "received_at": "2025-05-03T10:00:00Z"}]},
        {"la_code": "E06000002", "state": "FAILED", "received_at": "2025-05-04T09:00:00+01:00"},
        {"la_code": "E06000004", "state": "received", "received_at": "2025-05-05T09:00:00"},
        {"new_la_code": "E99000001", "state": "loaded"},
        {"la_code": "E92000001", "return_code": "onspd", "state": "loaded"},
    ],
}


def test_parse_records_flattens_returns_and_normalises():
    records = status.parse_records(json.dumps(DOC))
    assert [(r.la, r.state) for r in records] == [
        ("E06000001", "loaded"), ("E06000001", "rejected"), ("E06000002", "failed"),
        ("E06000004", "received"), ("E99000001", "loaded"), ("E92000001", "loaded")]
    assert records[2].at == dt.datetime(2025, 5, 4, 8, tzinfo=UTC)
    assert records[3].at.tzinfo is not None


@pytest.mark.parametrize("text", ["[]", "{}", '{"submissions": []}'])
def test_empty_status_documents(text):
    assert status.parse_records(text) == []


def test_list_shaped_document_and_bad_json():
    assert status.parse_records('[{"la": "e06000001", "status": "accepted"}]')[0].la == "E06000001"
    with pytest.raises(status.StatusFormatError, match="not JSON"):
        status.parse_records("Warehouse: jdbc:postgresql://...")
    with pytest.raises(status.StatusFormatError, match="printed nothing"):
        status.parse_records(" \n")
    with pytest.raises(status.StatusFormatError):
        status.parse_records("42")


def test_last_activity_is_latest_per_la():
    latest = status.last_activity(status.parse_records(json.dumps(DOC)))
    assert latest["E06000001"] == dt.datetime(2025, 5, 3, 10, tzinfo=UTC)
    assert "E99000001" not in latest


def test_summary_before_deadline():
    records = status.parse_records(json.dumps(DOC))
    summary = status.summarise(records, EXPECTED, 2025, DEADLINE, dt.datetime(2025, 6, 1, tzinfo=UTC),
                               failed_tasks=["E09000033"])
    assert summary.accepted == ["E06000001"]
    assert summary.failing == ["E06000002", "E09000033", "E99000001"]
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
    complete = status.summarise([status.LaRecord(code, "loaded", None) for code in EXPECTED], EXPECTED, 2025,
                                DEADLINE, dt.datetime(2025, 6, 1, tzinfo=UTC))
    partial = status.summarise([], EXPECTED, 2025, DEADLINE, dt.datetime(2025, 6, 1, tzinfo=UTC))
    late = status.summarise([], EXPECTED, 2025, DEADLINE, dt.datetime(2025, 9, 1, tzinfo=UTC))
    assert status.ready_to_publish("all_or_deadline", complete)[0]
    assert not status.ready_to_publish("all_or_deadline", partial)[0]
    assert not status.ready_to_publish("deadline", complete)[0]
    assert status.ready_to_publish("deadline", late)[0]
    assert status.ready_to_publish("none", partial)[0]
    with pytest.raises(ValueError):
        status.ready_to_publish("sometimes", partial)
