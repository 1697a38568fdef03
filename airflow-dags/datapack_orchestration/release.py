"""Release checks after ``publish`` and the READY marker.

A release is ``<out>/<release-id>/`` holding ``manifest.json`` and the EES files (docs/architecture.md). The
publish command refuses to write an invalid release; these checks guard the hand-over: the manifest exists and
parses, lists data files, every listed file exists (with the listed size / sha256 when the manifest gives them),
every EES ``.csv`` under ``data/`` has its ``.meta.csv``, and the release is not marked READY twice.

READY marker: ``<out>/<release-id>.ready.json``, NEXT TO the release (publish makes a release directory read-only
and never rewrites it), written atomically (temp file + rename) once every check passed, with the year, the
release path, its files and the Airflow run that checked it. Consumers (the publishing web job, analysts' sync)
take only releases that have it. The publication DAG also emits the Airflow Asset ``datapack_release``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable

MANIFEST = "manifest.json"
READY_SUFFIX = ".ready.json"


class ReleaseCheckError(RuntimeError):
    """The release failed a check; the message lists every problem."""


def ready_marker(release: str | os.PathLike) -> Path:
    """Where the READY marker of a release lives: ``<out>/<release-id>.ready.json``."""
    release = Path(release)
    return release.parent / f"{release.name}{READY_SUFFIX}"


def find_release(out_dir: str | os.PathLike, since: float | None = None) -> Path:
    """The release folder ``publish`` just wrote: the newest folder below ``out_dir`` holding a manifest.

    ``since`` (a time.time() taken before publish started) rejects older releases, so a publish that wrote
    nothing is never mistaken for success because of last year's release. Hidden folders (publish's staging) are
    ignored. The release may be ``out_dir`` itself.
    """
    out = Path(out_dir)
    candidates = [path.parent for path in out.glob(f"*/{MANIFEST}") if not path.parent.name.startswith(".")]
    candidates += [path.parent for path in out.glob(MANIFEST)]
    if since is not None:
        candidates = [path for path in candidates if (path / MANIFEST).stat().st_mtime >= since - 1]
    if not candidates:
        raise ReleaseCheckError(f"publish reported success but no release with a {MANIFEST} appeared under {out}")
    return max(candidates, key=lambda path: (path / MANIFEST).stat().st_mtime)


def manifest_files(manifest: Any) -> list[dict]:
    """The file entries of a manifest: ``files`` (or ``data_files`` / ``outputs``), each a path string or an object
    with ``path`` (or ``file`` / ``name``) and optionally ``bytes``/``size`` and ``sha256``."""
    if not isinstance(manifest, dict):
        raise ReleaseCheckError("manifest.json is not a JSON object")
    entries = None
    for key in ("files", "data_files", "outputs"):
        if isinstance(manifest.get(key), list):
            entries = manifest[key]
            break
    if entries is None:
        raise ReleaseCheckError("manifest.json lists no files (no 'files' array)")
    files = []
    for entry in entries:
        if isinstance(entry, str):
            files.append({"path": entry})
        elif isinstance(entry, dict):
            path = entry.get("path") or entry.get("file") or entry.get("name")
            if path:
                files.append({**entry, "path": path})
    return files


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_release(release: str | os.PathLike, year: int | None = None) -> dict:
    """Run every check; raise :class:`ReleaseCheckError` listing all problems, else return a small report."""
    release = Path(release)
    problems: list[str] = []
    manifest_path = release / MANIFEST
    if not manifest_path.is_file():
        raise ReleaseCheckError(f"{release} has no {MANIFEST}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ReleaseCheckError(f"{manifest_path} is not valid JSON: {error}") from None
    files = manifest_files(manifest)
    if year is not None:
        stated = next((manifest[key] for key in ("reporting_year", "year", "time_period") if key in manifest), None)
        if stated is not None and str(stated)[:4] != str(year):
            problems.append(f"manifest is for {stated}, expected {year}")
    data_files = [entry for entry in files if entry["path"].endswith((".csv", ".parquet"))]
    if not data_files:
        problems.append("manifest lists no data files (.csv or .parquet)")
    for entry in files:
        path = release / entry["path"]
        if not path.resolve().is_relative_to(release.resolve()):
            problems.append(f"manifest entry {entry['path']} points outside the release")
            continue
        if not path.exists():
            problems.append(f"listed file {entry['path']} is missing")
            continue
        size = entry.get("bytes", entry.get("size"))
        if isinstance(size, int) and path.is_file() and path.stat().st_size != size:
            problems.append(f"{entry['path']} has {path.stat().st_size} bytes, manifest says {size}")
        digest = entry.get("sha256")
        if isinstance(digest, str) and path.is_file() and _sha256(path) != digest.lower():
            problems.append(f"{entry['path']} does not match its sha256 in the manifest")
    data_dir = release / "data"
    if data_dir.is_dir():
        for csv_path in sorted(data_dir.glob("*.csv")):
            if csv_path.name.endswith(".meta.csv"):
                continue
            meta = csv_path.with_name(csv_path.name[: -len(".csv")] + ".meta.csv")
            if not meta.is_file():
                problems.append(f"data/{csv_path.name} has no companion data/{meta.name}")
    listed = {entry["path"] for entry in files}
    if data_dir.is_dir():
        for path in sorted(data_dir.rglob("*.csv")):  # every EES file must be accounted for in the manifest
            relative = path.relative_to(release).as_posix()
            if path.is_file() and relative not in listed and not any(relative.startswith(item.rstrip("/") + "/") for item in listed):
                problems.append(f"{relative} is in the release but not in the manifest")
    if ready_marker(release).exists():
        problems.append(f"{release} is already marked ready ({ready_marker(release)} exists): a release is published once")
    if problems:
        raise ReleaseCheckError(f"release {release} failed {len(problems)} check(s):\n- " + "\n- ".join(problems))
    return {
        "release": str(release),
        "files": sorted(listed),
        "data_files": sorted(entry["path"] for entry in data_files),
    }


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
