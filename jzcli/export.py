"""`jzcli export`: the whole fact base as sqlite, a folder of CSV files, or JSON lines.

Written to a temporary path next to the target and moved into place at the end, so a failure never leaves
a partial file; an existing target is only replaced with --force.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from jzcli.errors import BadInput
from jzcli.factbase import FactBase

EXPORT_FORMATS = ("sqlite", "csv", "jsonl")


def columns_of(rows: list[dict]) -> list[str]:
    cols: list[str] = ["id"]
    for rec in rows:
        for key in rec:
            if key not in cols:
                cols.append(key)
    return cols


def flat(value):
    """Scalars as they are; lists and objects as JSON text (sqlite3 and pandas can parse it back)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def export(fb: FactBase, fmt: str, out: str, force: bool = False) -> str:
    if fmt not in EXPORT_FORMATS:
        raise BadInput(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    target = Path(out)
    if not str(out).strip():
        raise BadInput("--out needs a path")
    if target.exists() and not force:
        raise BadInput(f"{out} exists: add --force to replace it")
    if target.exists() and target.is_dir() != (fmt == "csv"):
        raise BadInput(f"{out} exists and is {'a folder' if target.is_dir() else 'a file'}: cannot replace it with {fmt}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise BadInput(f"folder {parent} does not exist")
    if os.path.realpath(target) == os.path.realpath(fb.path):
        raise BadInput("refusing to overwrite the fact base itself")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".jzcli-export-", dir=parent))
    except OSError as exc:
        raise BadInput(f"cannot write in {parent}: {exc.strerror or exc}") from None
    try:
        staged = tmp / "out"
        {"sqlite": _sqlite, "csv": _csv, "jsonl": _jsonl}[fmt](fb, staged)
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        os.replace(staged, target)
    except OSError as exc:
        raise BadInput(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return str(target)


def _sqlite(fb: FactBase, path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        for table, rows in fb.tables.items():
            cols = columns_of(rows)
            col_sql = ", ".join(f'"{c}"' + (" TEXT PRIMARY KEY" if c == "id" else "") for c in cols)
            con.execute(f'CREATE TABLE "{table}" ({col_sql})')
            marks = ", ".join("?" for _ in cols)
            con.executemany(f'INSERT INTO "{table}" VALUES ({marks})',
                            [[flat(rec.get(c)) for c in cols] for rec in rows])
        con.commit()
    finally:
        con.close()


def _csv(fb: FactBase, path: Path) -> None:
    import csv

    path.mkdir()
    for table, rows in fb.tables.items():
        cols = columns_of(rows)
        with open(path / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(cols)
            writer.writerows([["" if rec.get(c) is None else flat(rec.get(c)) for c in cols] for rec in rows])


def _jsonl(fb: FactBase, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for table, rows in fb.tables.items():
            for rec in rows:
                fh.write(json.dumps({"table": table, **rec}, ensure_ascii=False) + "\n")
