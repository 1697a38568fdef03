import json
import os
import time

import pytest

from datapack_orchestration import release
from tests.releases import PACK_FILES, write_release


def make_read_only(folder):
    for path in sorted(folder.rglob("*"), reverse=True) + [folder]:
        path.chmod(0o555 if path.is_dir() else 0o444)  # publish makes a release read-only


def test_find_release_takes_the_new_release_of_the_year_only(tmp_path):
    started = time.time()
    staging = write_release(tmp_path / ".staging-2025-r003-1234", 2025)  # publish's staging is never a release
    other_year = write_release(tmp_path, 2024, 7)
    old = write_release(tmp_path, 2025, 1)
    past = started - 3600
    os.utime(old / "manifest.json", (past, past))
    new = write_release(tmp_path, 2025, 2)
    assert staging.exists() and other_year.exists()
    assert release.find_release(tmp_path, 2025, since=started) == new
    os.utime(new / "manifest.json", (past, past))
    with pytest.raises(release.ReleaseCheckError, match="no new 2025-r<NNN>/manifest.json"):
        release.find_release(tmp_path, 2025, since=started)


def test_a_complete_release_passes_and_is_marked_ready_once(tmp_path):
    folder = write_release(tmp_path, 2025)
    make_read_only(folder)
    report = release.check_release(folder, 2025)
    assert report == {"release": str(folder), "files": sorted(PACK_FILES), "data_files": ["data/placement_location.csv"]}
    marker = release.mark_ready(folder, 2025, "datapack_publication/manual__1", report["files"])
    assert marker == tmp_path / "2025-r001.ready.json"
    assert json.loads(marker.read_text())["year"] == 2025
    assert not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(release.ReleaseCheckError, match="already marked ready"):
        release.check_release(folder, 2025)
    with pytest.raises(release.ReleaseCheckError, match="already exists"):
        release.mark_ready(folder, 2025, "again", [])


def test_every_problem_is_listed(tmp_path):
    folder = write_release(tmp_path, 2025)
    (folder / "data" / "placement_location.meta.csv").unlink()
    (folder / "quality.csv").write_text("tampered\n")
    (folder / "data" / "extra.csv").write_text("a\n")
    with pytest.raises(release.ReleaseCheckError) as error:
        release.check_release(folder, 2024)
    message = str(error.value)
    for expected in ("manifest is for reporting year 2025, expected 2024",
                     "listed file data/placement_location.meta.csv is missing",
                     "quality.csv has 9 bytes, manifest says", "quality.csv does not match its sha256",
                     "data/extra.csv is in the release but not in the manifest"):
        assert expected in message


def test_data_file_without_meta_and_release_without_quality_report(tmp_path):
    files = {"data/placement_location.csv": "time_period\n2025\n"}
    with pytest.raises(release.ReleaseCheckError) as error:
        release.check_release(write_release(tmp_path, 2025, files=files), 2025)
    assert "data/placement_location.csv has no companion data/placement_location.meta.csv" in str(error.value)
    assert "no quality report (quality.csv)" in str(error.value)


@pytest.mark.parametrize(
    "manifest, problem",
    [({"reporting_year": 2025}, "lists no files"), ([], "not a JSON object"),
     ({"files": ["quality.csv"]}, "without a path"),
     ({"release_id": "2025-r001", "reporting_year": 2025, "files": [{"path": "changes.md", "bytes": 25}]},
      "holds no EES data file"),
     ({"release_id": "2025-r009", "reporting_year": 2025, "files": [{"path": "../../etc/passwd"}]},
      "points outside the release"),
     ({"release_id": "2025-r009", "reporting_year": 2025, "files": [{"path": "quality.csv"}]},
      "release_id '2025-r009' is not the folder name '2025-r001'")],
)
def test_bad_manifests(tmp_path, manifest, problem):
    with pytest.raises(release.ReleaseCheckError, match=problem):
        release.check_release(write_release(tmp_path, 2025, manifest=manifest), 2025)
