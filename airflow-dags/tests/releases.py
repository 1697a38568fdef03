"""Writing a release in the layout ``./datapack publish`` uses (spark-jobs ReleaseDirectory and Manifest), for the
release-check unit tests and the contract stand-in of the CLI."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACK_FILES = {
    "data/placement_location.csv": "time_period,time_identifier,geographic_level\n2025,Reporting year,National\n",
    "data/placement_location.meta.csv": "col_name,col_type,label\nplacement_group,Filter,Placement\n",
    "quality.csv": "new_la_code,la_name,return_code,status\nE06000001,Hartlepool,ssda903,loaded\n",
    "changes.md": "# Changes\nFirst release of the year.\n",
}


def write_release(out: Path, year: int, number: int = 1, files: dict[str, str] | None = None,
                  manifest: object = None) -> Path:
    """``out/<year>-r<NNN>/`` with ``files`` (default: a minimal pack) and a manifest listing them (or ``manifest``)."""
    release = Path(out) / f"{year}-r{number:03d}"
    files = PACK_FILES if files is None else files
    for path, text in files.items():
        (release / path).parent.mkdir(parents=True, exist_ok=True)
        (release / path).write_text(text, encoding="utf-8")
    if manifest is None:
        manifest = {
            "release_id": release.name,
            "reporting_year": year,
            "files": [{"path": path, "bytes": len(text.encode()), "sha256": hashlib.sha256(text.encode()).hexdigest()}
                      for path, text in sorted(files.items())],
        }
    release.mkdir(parents=True, exist_ok=True)
    (release / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return release
