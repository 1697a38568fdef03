"""Release checks after ``publish`` and the READY marker.

``./datapack publish --year Y --out DIR`` writes one release as ``DIR/<Y>-r<NNN>/`` (spark-jobs ``ReleaseDirectory``):
EES CSVs with their ``.meta.csv`` under ``data/``, Parquet under ``parquet/``, ``quality.csv``, ``changes.md``,
``index.html`` and, last, ``manifest.json`` (``release_id``, ``reporting_year`` and ``files``: every other file with
``path``, ``bytes`` and ``sha256``). Publish refuses a release that fails the EES checks (exit 3); these checks guard
the hand-over: the release on disk is exactly, and only, what its manifest says, for the right year.

READY marker: ``DIR/<release-id>.ready.json``, NEXT TO the release (publish makes a release directory read-only
and never rewrites it), written atomically (temp file + rename) once every check passed, with the year, the
release path, its files and the Airflow run that checked it. Consumers (the publishing web job, analysts' sync)
take only releases that have it. The publication DAG also emits the Airflow Asset ``datapack_release``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, Iterable

MANIFEST = "manifest.json"
QUALITY_REPORT = "quality.csv"
READY_SUFFIX = ".ready.json"


class ReleaseCheckError(RuntimeError):
    """The release failed a check; the message lists every problem."""


def ready_marker(release: str | os.PathLike) -> Path:
    """Where the READY marker of a release lives: ``<out>/<release-id>.ready.json``."""
    release = Path(release)
    return release.parent / f"{release.name}{READY_SUFFIX}"


def find_release(out_dir: str | os.PathLike, year: int, since: float) -> Path:
    """The release ``publish`` just wrote: the newest ``<year>-r<NNN>`` folder under ``out_dir`` whose manifest was
    written at or after ``since`` (a time.time() taken before publish started), so that a publish that wrote
    nothing is never mistaken for success because of an earlier release. Publish's hidden staging folders never
    match the name."""
    out = Path(out_dir)
    name = re.compile(rf"^{year}-r\d{{3}}$")
    candidates = [manifest.parent for manifest in out.glob(f"*/{MANIFEST}")
                  if name.match(manifest.parent.name) and manifest.stat().st_mtime >= since - 1]
    if not candidates:
        raise ReleaseCheckError(
            f"publish reported success but no new {year}-r<NNN>/{MANIFEST} appeared under {out}")
    return max(candidates, key=lambda path: (path / MANIFEST).stat().st_mtime)


def manifest_files(manifest: Any) -> list[dict]:
    """The ``files`` entries of a parsed manifest (objects with ``path``, ``bytes``, ``sha256``)."""
    if not isinstance(manifest, dict):
        raise ReleaseCheckError(f"{MANIFEST} is not a JSON object")
    entries = manifest.get("files")
    if not isinstance(entries, list) or not entries:
        raise ReleaseCheckError(f"{MANIFEST} lists no files (no non-empty 'files' array)")
    malformed = [entry for entry in entries if not (isinstance(entry, dict) and isinstance(entry.get("path"), str))]
    if malformed:
        raise ReleaseCheckError(f"{MANIFEST} has {len(malformed)} file entries without a path, e.g. {malformed[0]!r}")
    return entries


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_problems(release: Path, entry: dict) -> list[str]:
    path = release / entry["path"]
    if not path.resolve().is_relative_to(release.resolve()):
        return [f"manifest entry {entry['path']} points outside the release"]
    if not path.is_file():
        return [f"listed file {entry['path']} is missing"]
    problems = []
    if path.stat().st_size != entry.get("bytes"):
        problems.append(f"{entry['path']} has {path.stat().st_size} bytes, manifest says {entry.get('bytes')}")
    if _sha256(path) != str(entry.get("sha256", "")).lower():
        problems.append(f"{entry['path']} does not match its sha256 in the manifest")
    return problems


def check_release(release: str | os.PathLike, year: int) -> dict:
    """Run every check; raise :class:`ReleaseCheckError` listing all problems, else return a small report:
    ``release`` (path), ``files`` (every listed path) and ``data_files`` (the EES data CSVs)."""
    release = Path(release)
    manifest_path = release / MANIFEST
    if not manifest_path.is_file():
        raise ReleaseCheckError(f"{release} has no {MANIFEST}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ReleaseCheckError(f"{manifest_path} is not valid JSON: {error}") from None
    entries = manifest_files(manifest)
    problems: list[str] = []
    if manifest.get("reporting_year") != year:
        problems.append(f"manifest is for reporting year {manifest.get('reporting_year')}, expected {year}")
    if manifest.get("release_id") != release.name:
        problems.append(f"manifest release_id {manifest.get('release_id')!r} is not the folder name {release.name!r}")
    for entry in entries:
        problems += _file_problems(release, entry)
    listed = {entry["path"] for entry in entries}
    on_disk = {path.relative_to(release).as_posix() for path in release.rglob("*") if path.is_file()} - {MANIFEST}
    problems += [f"{path} is in the release but not in the manifest" for path in sorted(on_disk - listed)]
    data_files = sorted(path for path in listed
                        if re.fullmatch(r"data/[^/]+\.csv", path) and not path.endswith(".meta.csv"))
    if not data_files:
        problems.append("the release holds no EES data file (data/*.csv)")
    problems += [f"{path} has no companion {path[:-len('.csv')]}.meta.csv" for path in data_files
                 if f"{path[:-len('.csv')]}.meta.csv" not in listed]
    if QUALITY_REPORT not in listed:
        problems.append(f"the release has no quality report ({QUALITY_REPORT})")
    if ready_marker(release).exists():
        problems.append(f"{release} is already marked ready ({ready_marker(release)} exists): a release is published once")
    if problems:
        raise ReleaseCheckError(f"release {release} failed {len(problems)} check(s):\n- " + "\n- ".join(problems))
    return {"release": str(release), "files": sorted(listed), "data_files": data_files}


def mark_ready(release: str | os.PathLike, year: int, checked_by: str, files: Iterable[str]) -> Path:
    """Write the READY marker atomically next to the release; refuses to overwrite an existing marker."""
    release = Path(release)
    marker = ready_marker(release)
    if marker.exists():
        raise ReleaseCheckError(f"{marker} already exists")
    body = {
        "year": year,
        "release": str(release),
        "checked_by": checked_by,
        "ready_at": dt.datetime.now(dt.timezone.utc).isoformat(),
        "files": sorted(files),
    }
    temp = release.parent / f".{marker.name}.tmp"
    temp.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, marker)
    return marker
