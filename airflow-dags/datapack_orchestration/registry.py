"""The LA registry and which LAs are due for ingest.

The registry is DfE's geography lookup ``las.csv`` (columns ``new_la_code, la_name, date_of_operation,
date_of_termination, ...``, dates ``dd/mm/yyyy``), the file the warehouse loads into ``core.dim_local_authority``.
An LA is expected to send returns for collection year ``Y`` when it was operating on 31 March ``Y``, the last day
of the reporting year (codes are the ones valid for that year, e.g. Barnsley E08000016 up to its 2025 recode).
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import re
from pathlib import Path
from typing import Iterable, Mapping

LA_CODE_PATTERN = r"^E(06|08|09|10)[0-9]{6}$"
"""Upper-tier LA codes that send returns: unitary, metropolitan district, London borough, county."""
LA_CODE = re.compile(LA_CODE_PATTERN)

ENGLAND = "E92000001"
"""The country code national reference data (Ofsted register, ONSPD, LA adjacency) is filed under in ``ops``."""

INBOX_RETURNS = ("ssda903", "missing", "oversight")
"""Return folders under ``<inbox>/<la>/`` (docs/architecture.md, "The inbox")."""


@dataclasses.dataclass(frozen=True)
class LocalAuthority:
    code: str
    name: str
    old_code: str
    operating_from: dt.date | None
    operating_to: dt.date | None

    def operating_on(self, day: dt.date) -> bool:
        if self.operating_from is not None and self.operating_from > day:
            return False
        return self.operating_to is None or self.operating_to >= day


def _date(value: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    return dt.datetime.strptime(value, "%d/%m/%Y").date()


def load_registry(path: str | os.PathLike) -> list[LocalAuthority]:
    """Every LA with a valid upper-tier code in ``las.csv``, in file order."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"LA registry {path} not found: set the Airflow Variable datapack_la_registry to DfE's las.csv "
            "(warehouse-schema/src/main/resources/reference/dfe-geography/las.csv in the repository)"
        )
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = {"new_la_code", "la_name"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"LA registry {path} lacks the column(s) {', '.join(sorted(missing))}")
        las = []
        for row in reader:
            code = (row.get("new_la_code") or "").strip()
            if not LA_CODE.match(code):
                continue
            las.append(
                LocalAuthority(
                    code=code,
                    name=(row.get("la_name") or "").strip(),
                    old_code=(row.get("old_la_code") or "").strip(),
                    operating_from=_date(row.get("date_of_operation", "")),
                    operating_to=_date(row.get("date_of_termination", "")),
                )
            )
    return las


def expected_las(registry: Iterable[LocalAuthority], year: int) -> list[str]:
    """Codes of the LAs expected to send returns for collection year ``year`` (operating on 31 March ``year``)."""
    last_day = dt.date(year, 3, 31)
    return sorted({la.code for la in registry if la.operating_on(last_day)})


def la_names(registry: Iterable[LocalAuthority]) -> dict[str, str]:
    return {la.code: la.name for la in registry}


def newest_file_mtime(folder: str | os.PathLike) -> float | None:
    """Modification time of the newest regular file below ``folder`` (None when it holds no file)."""
    newest = None
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.startswith("."):
                continue  # partial uploads (.part, .tmp) and editor files are not a return
            mtime = os.stat(os.path.join(root, name)).st_mtime
            newest = mtime if newest is None else max(newest, mtime)
    return newest


def inbox_activity(inbox: str | os.PathLike, codes: Iterable[str]) -> dict[str, float]:
    """For each LA code with at least one file in ``<inbox>/<code>/``, the newest file's modification time."""
    activity = {}
    for code in codes:
        folder = Path(inbox) / code
        if folder.is_dir():
            newest = newest_file_mtime(folder)
            if newest is not None:
                activity[code] = newest
    return activity


def parse_requested(value: object) -> list[str]:
    """The ``las`` param: a list, or a string of codes separated by commas/whitespace. Empty → []."""
    if value in (None, ""):
        return []
    items = value if isinstance(value, (list, tuple)) else re.split(r"[\s,]+", str(value))
    return sorted({str(item).strip().upper() for item in items if str(item).strip()})


def las_due(
    expected: Iterable[str],
    activity: Mapping[str, float],
    last_ingested: Mapping[str, dt.datetime],
    requested: Iterable[str] = (),
    force: bool = False,
) -> list[str]:
    """Which LAs the collection run ingests.

    - ``requested`` (the ``las`` param, e.g. re-running one LA) restricts the run to those LAs; each must be
      expected for the year, else ValueError (a typo must not silently ingest nothing);
    - an LA is due when its inbox folder holds files newer than its last ingest recorded by ``status``
      (or it was never ingested); an LA with an empty or absent folder has nothing to ingest;
    - ``force`` ingests every candidate that has files, whatever ``status`` says (the ingest itself is
      idempotent: the latest accepted submission wins).
    """
    expected = sorted(set(expected))
    requested = sorted(set(requested))
    unknown = [code for code in requested if code not in expected]
    if unknown:
        raise ValueError(
            f"LA code(s) {', '.join(unknown)} are not in the registry for this year "
            "(use the ONS code valid for the collection year, e.g. E06000001)"
        )
    candidates = requested or expected
    due = []
    for code in candidates:
        if code not in activity:
            continue
        previous = last_ingested.get(code)
        if force or requested or previous is None or activity[code] > previous.timestamp():
            due.append(code)
    return due
