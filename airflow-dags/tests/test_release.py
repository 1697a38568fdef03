import hashlib
import json
import os
import time

import pytest

from datapack_orchestration import release


def make_release(root, name="2025-r1", files=None, manifest=None):
    folder = root / name
    (folder / "data").mkdir(parents=True)
    files = files if files is not None else {
        "data/placement_location.csv": "time_period,time_identifier\n2025,Reporting year\n",
        "data/placement_location.meta.csv": "col_name,col_type\n",
    }
    for path, text in files.items():
        (folder / path).write_text(text)
    entries = [{"path": path, "bytes": len(text.encode()), "sha256": hashlib.sha256(text.encode()).hexdigest()}
               for path, text in files.items()]
    (folder / "manifest.json").write_text(
        json.dumps(manifest if manifest is not None else {"release_id": name, "reporting_year": 2025, "files": entries}))
    return folder


def test_find_release_takes_the_newest_manifest_written_since_publish_started(tmp_path):
    make_release(tmp_path, ".staging-2025-r003-1234")  # publish's staging folder is never a release
    os.utime(tmp_path / ".staging-2025-r003-1234" / "manifest.json", (time.time() + 60, time.time() + 60))
    old = make_release(tmp_path, "old")
    past = time.time() - 3600
    os.utime(old / "manifest.json", (past, past))
    new = make_release(tmp_path, "new")
    assert release.find_release(tmp_path) == new
    assert release.find_release(tmp_path, since=time.time() - 60) == new
    os.utime(new / "manifest.json", (past, past))
    with pytest.raises(release.ReleaseCheckError, match="no release"):
        release.find_release(tmp_path, since=time.time() - 60)


def test_a_complete_release_passes_and_is_marked_ready_once(tmp_path):
    folder = make_release(tmp_path)
    for path in sorted(folder.rglob("*"), reverse=True) + [folder]:
        path.chmod(0o555 if path.is_dir() else 0o444)  # publish makes a release read-only
    report = release.check_release(folder, 2025)
    assert report["data_files"] == ["data/placement_location.csv", "data/placement_location.meta.csv"]
    marker = release.mark_ready(folder, 2025, "datapack_publication/manual__1", report["files"])
    assert marker == tmp_path / "2025-r1.ready.json"
    assert json.loads(marker.read_text())["year"] == 2025
    assert not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(release.ReleaseCheckError, match="already marked ready"):
        release.check_release(folder, 2025)
    with pytest.raises(release.ReleaseCheckError, match="already exists"):
        release.mark_ready(folder, 2025, "again", [])


def test_every_problem_is_listed(tmp_path):
    folder = make_release(tmp_path)
    (folder / "data" / "placement_location.meta.csv").unlink()
    (folder / "data" / "extra.csv").write_text("a\n")
    (folder / "data" / "placement_location.csv").write_text("tampered\n")
    with pytest.raises(release.ReleaseCheckError) as error:
        release.check_release(folder, 2024)
    message = str(error.value)
    for expected in ("manifest is for 2025, expected 2024", "placement_location.meta.csv is missing",
                     "bytes, manifest says", "data/extra.csv has no companion", "data/extra.csv is in the release but not in the manifest"):
        assert expected in message


@pytest.mark.parametrize(
    "manifest, problem",
    [({"year": 2025}, "lists no files"), ({"files": ["README.md"]}, "no data files"), ([], "not a JSON object"),
     ({"files": ["../../etc/passwd.csv"]}, "outside the release")],
)
def test_bad_manifests(tmp_path, manifest, problem):
    folder = make_release(tmp_path, manifest=manifest)
    (folder / "README.md").write_text("x")
    with pytest.raises(release.ReleaseCheckError, match=problem):
        release.check_release(folder)
