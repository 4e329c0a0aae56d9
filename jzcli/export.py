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
    """One SQL table per fact table (column types and foreign keys from jzcli/schema.py), plus `search`: a
    full-text index of every record's searchable fields that works for Chinese (FTS5 trigram tokenizer)."""
    import sqlite3

    from jzcli import schema

    con = sqlite3.connect(path)
    try:
        for table, rows in fb.tables.items():
            cols = columns_of(rows)
            t = schema.TABLES.get(table)
            col_sql = ", ".join(_column_sql(c, t.by_name.get(c) if t else None) for c in cols)
            con.execute(f'CREATE TABLE "{table}" ({col_sql})')
            marks = ", ".join("?" for _ in cols)
            con.executemany(f'INSERT INTO "{table}" VALUES ({marks})',
                            [[flat(rec.get(c)) for c in cols] for rec in rows])
        _search_index(con, fb, schema)
        con.commit()
    finally:
        con.close()


_AFFINITY = {"str": "TEXT", "int": "INTEGER", "number": "NUMERIC", "bool": "INTEGER"}  # lists, objects: JSON TEXT


def _column_sql(col: str, field) -> str:
    if col == "id":
        return '"id" TEXT PRIMARY KEY'
    if field is None:
        return f'"{col}"'
    sql = f'"{col}" {_AFFINITY.get(field.type, "TEXT")}'
    if field.ref not in (None, "*") and field.type == "str":
        sql += f' REFERENCES "{field.ref}"("id")'
    return sql


def _search_index(con, fb: FactBase, schema) -> None:
    """search(id, "table", kind, text, quote): `SELECT id FROM search WHERE search MATCH '海绵城市'` (three
    characters or more); LIKE '%海绵%' for shorter text. A plain table where SQLite has no trigram tokenizer."""
    import sqlite3

    columns = 'id UNINDEXED, "table" UNINDEXED, kind UNINDEXED, text, quote'
    try:
        con.execute(f"CREATE VIRTUAL TABLE search USING fts5({columns}, tokenize='trigram')")
    except sqlite3.OperationalError:  # SQLite older than 3.34: no trigram tokenizer
        con.execute('CREATE TABLE search (id TEXT, "table" TEXT, kind TEXT, text TEXT, quote TEXT)')
    rows = []
    for table, recs in fb.tables.items():
        t = schema.TABLES.get(table)
        if t is None or table == "meta":
            continue
        fields = [f for f in t.searchable() if f != "quote"]
        for rec in recs:
            text = "\n".join(v for f in fields if isinstance(v := rec.get(f), str) and v)
            rows.append((rec["id"], table, t.kind, text, rec.get("quote") or ""))
    con.executemany('INSERT INTO search (id, "table", kind, text, quote) VALUES (?, ?, ?, ?, ?)', rows)


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
