import datetime as dt

import pytest

from datapack_orchestration import registry
from tests.conftest import REGISTRY

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def las():
    return registry.load_registry(REGISTRY)


def test_registry_reads_dfe_las_csv_and_drops_non_la_rows(las):
    codes = {la.code for la in las}
    assert "E06000001" in codes and "z" not in codes
    assert all(registry.LA_CODE.match(code) for code in codes)
    hartlepool = next(la for la in las if la.code == "E06000001")
    assert hartlepool.name == "Hartlepool" and hartlepool.old_code == "805"


def test_expected_las_follow_reorganisations(las):
    y2019, y2020, y2025 = (registry.expected_las(las, year) for year in (2019, 2020, 2025))
    # Bournemouth and Poole sent their last return for the year ending 31 March 2019; BCP from 2020.
    assert "E06000028" in y2019 and "E06000028" not in y2020
    # Barnsley's old code is valid until its recode on 30 April 2025.
    assert "E08000016" in y2025
    assert 145 <= len(y2025) <= 160, len(y2025)


def test_missing_registry_file_says_which_variable_to_set(tmp_path):
    with pytest.raises(FileNotFoundError, match="datapack_la_registry"):
        registry.load_registry(tmp_path / "nope.csv")


def test_inbox_activity_ignores_empty_folders_and_hidden_files(tmp_path):
    (tmp_path / "E06000001" / "ssda903").mkdir(parents=True)
    (tmp_path / "E06000001" / "ssda903" / "episodes.csv").write_text("CHILD\n")
    (tmp_path / "E06000002" / "missing").mkdir(parents=True)
    (tmp_path / "E06000002" / "missing" / ".upload.part").write_text("x")
    activity = registry.inbox_activity(tmp_path, ["E06000001", "E06000002", "E06000003"])
    assert list(activity) == ["E06000001"]


def test_las_due():
    expected = ["E06000001", "E06000002", "E06000003", "E09000033"]
    t0 = dt.datetime(2025, 5, 1, 12, tzinfo=UTC)
    activity = {"E06000001": t0.timestamp() + 60, "E06000002": t0.timestamp() - 60, "E09000033": t0.timestamp()}
    last = {"E06000001": t0, "E06000002": t0}
    # E06000001 sent files after its last submission; E06000002 nothing new; E06000003 no files; E09000033 never ingested.
    assert registry.las_due(expected, activity, last) == ["E06000001", "E09000033"]
    assert registry.las_due(expected, activity, last, force=True) == ["E06000001", "E06000002", "E09000033"]
    assert registry.las_due(expected, activity, last, requested=["E06000002"]) == ["E06000002"]
    assert registry.las_due(expected, activity, last, requested=["E06000003"]) == []
    with pytest.raises(ValueError, match="E99999999"):
        registry.las_due(expected, activity, last, requested=["E99999999"])


@pytest.mark.parametrize(
    "value, codes",
    [(None, []), ("", []), ("e06000001, E09000033", ["E06000001", "E09000033"]), (["E06000001", "E06000001"], ["E06000001"])],
)
def test_parse_requested(value, codes):
    assert registry.parse_requested(value) == codes
