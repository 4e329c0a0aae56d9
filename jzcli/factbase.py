"""Opening facts.json (a TinyDB database, read-only) and the shape every record must have.

`load()` is the one loader: it reads the file once per process through TinyDB's JSONStorage behind a
CachingMiddleware (so every table comes from a single read), checks the structure that queries rely on, and
raises FactBaseError (exit 3, one line naming the file and the problem) for anything else. It never creates
or writes the file.
"""

from __future__ import annotations

import gc
import json
import os
from functools import cached_property
from pathlib import Path

from jzcli import files
from jzcli.errors import FactBaseError

ENV_VAR = "JZCLI_DB"

# Tables a fact base of this schema has (a table may be empty, but it must be there).
TABLES = (
    "source",
    "meta",
    "units",
    "projects",
    "figures",
    "honours",
    "people",
    "events",
    "places",
    "checks",
    "oddities",
)

_NUMBER = (int, float)
_OPT_INT = (int, type(None))
_OPT_STR = (str, type(None))

# Field types the queries rely on, per table: (field, allowed types, required).
FIELD_TYPES: dict[str, tuple[tuple[str, tuple[type, ...], bool], ...]] = {
    "units": (("name", (str,), True), ("kind", (str,), True), ("member", (bool,), True),
              ("history", (list,), True), ("aliases", (list,), False), ("short", _OPT_STR, False)),
    "projects": (("name", (str,), True), ("status", (str,), True), ("investment", (dict, type(None)), True)),
    "figures": (("subject", _OPT_STR, True), ("metric", (str,), True), ("value", _NUMBER, True),
                ("unit", (str,), True), ("qualifier", _OPT_STR, False), ("period", _OPT_STR, False),
                ("topic", (str,), True), ("text", (str,), True), ("keywords", (list,), False)),
    "honours": (("title", (str,), True), ("year", _OPT_INT, True), ("level", (str,), True)),
    "people": (("name", (str,), True), ("role", _OPT_STR, True)),
    "events": (("date", (str,), True), ("precision", (str,), True), ("inferred", (bool,), True),
               ("event", (str,), True)),
    "places": (("name", (str,), True), ("kind", (str,), True)),
    "checks": (("description", (str,), True), ("kind", (str,), True)),
    "oddities": (("kind", (str,), True), ("description", (str,), True), ("affects", (list,), True)),
}


_MISSING = object()


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


class FactBase:
    """All tables of one fact base, in memory. Records are plain dicts; never modified."""

    def __init__(self, path: Path, tables: dict[str, list[dict]]) -> None:
        self.path = path
        self.tables = tables

    def records(self, table: str) -> list[dict]:
        return self.tables.get(table, [])

    @cached_property
    def by_id(self) -> dict[str, tuple[str, dict]]:
        index: dict[str, tuple[str, dict]] = {}
        for name, rows in self.tables.items():
            for row in rows:
                index[row["id"]] = (name, row)
        return index

    def get(self, record_id: str) -> dict | None:
        hit = self.by_id.get(record_id)
        return hit[1] if hit else None

    def table_of(self, record_id: str) -> str | None:
        hit = self.by_id.get(record_id)
        return hit[0] if hit else None

    def name_of(self, record_id: str | None) -> str | None:
        """The display name of a referenced record (its name, title or id)."""
        if record_id is None:
            return None
        rec = self.get(record_id)
        if rec is None:
            return record_id
        return rec.get("name") or rec.get("title") or record_id

    @property
    def source(self) -> dict:
        rows = self.records("source")
        return rows[0] if rows else {}

    @property
    def meta(self) -> dict:
        rows = self.records("meta")
        return rows[0] if rows else {}


def default_path() -> Path:
    """The shipped fact base: inside the installed package, else at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "facts.json"
    if packaged.is_file():
        return packaged
    checkout = here.parent / "facts.json"
    return checkout if checkout.is_file() else packaged


def resolve_path(db: str | os.PathLike | None = None) -> Path:
    if db is not None and str(db) != "":
        return Path(db)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return default_path()


_cache: dict[str, FactBase] = {}

# Set by the console script (cli.main): after loading, gc.freeze() moves every object into the permanent
# generation, so later collections never walk the records again (0.3 s at 100k records). Not done in-process
# (tests, library use), where it would also pin whatever cyclic garbage the host has pending.
FREEZE_AFTER_LOAD = False


def load(db: str | os.PathLike | None = None) -> FactBase:
    """Open the fact base read-only (once per process per path) and check its structure."""
    path = resolve_path(db)
    key = str(path)
    if key in _cache:
        return _cache[key]
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small dicts, no cycles: the collector only costs time here
    try:
        fb = FactBase(path, _read_tables(path))
        check_structure(fb)
        if FREEZE_AFTER_LOAD:
            gc.freeze()
    finally:
        if gc_was_enabled:
            gc.enable()
    _cache[key] = fb
    return fb


def _read_tables(path: Path) -> dict[str, list[dict]]:
    files.check_file(path, "fact base", FactBaseError)  # missing, a directory, a FIFO, unreadable
    from tinydb import TinyDB
    from tinydb.middlewares import CachingMiddleware
    from tinydb.storages import JSONStorage

    try:
        db = TinyDB(path, storage=CachingMiddleware(JSONStorage), access_mode="r", encoding="utf-8")
        try:
            raw = db.storage.read()  # the one read: every table comes from this document
        finally:
            db.close()
        if raw is None:
            raise FactBaseError(f"{path}: the file is empty, not a fact base")
        if not isinstance(raw, dict):
            raise FactBaseError(f"{path}: not a fact base (expected a JSON object of tables, got {_type_name(raw)})")
        tables: dict[str, list[dict]] = {}
        for name, table in raw.items():
            if not isinstance(table, dict):
                raise FactBaseError(f"{path}: table '{name}' must be an object of records, got {_type_name(table)}")
            for doc_id, rec in table.items():
                if not (doc_id.isascii() and doc_id.isdigit()):
                    raise FactBaseError(f"{path}: table '{name}' has a non-numeric document id {doc_id!r}")
                if rec.__class__ is not dict:
                    raise FactBaseError(f"{path}: table '{name}' document {doc_id} must be an object, got {_type_name(rec)}")
            # The records as TinyDB stores them, in document order (what Table.all() returns, minus a copy of
            # each record into a Document: 0.3 s at 100k records, and nothing here needs the doc ids).
            tables[name] = list(table.values())
        return tables
    except FactBaseError:
        raise
    except json.JSONDecodeError as exc:
        raise FactBaseError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except UnicodeDecodeError:
        raise FactBaseError(f"{path}: not UTF-8 text") from None
    except PermissionError:
        raise FactBaseError(f"cannot read fact base {path}: permission denied") from None
    except OSError as exc:
        raise FactBaseError(f"cannot read fact base {path}: {exc.strerror or exc}") from None
    except RecursionError:
        raise FactBaseError(f"{path}: not a fact base of this schema (nested too deeply)") from None
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise FactBaseError(f"{path}: not a fact base of this schema ({exc})") from None


def check_structure(fb: FactBase) -> None:
    """The cheap structural check done on every load: tables present, ids and quotes, field types."""
    path = fb.path
    missing = [t for t in TABLES if t not in fb.tables]
    if missing:
        if not fb.tables:
            raise FactBaseError(f"{path}: the fact base has no tables")
        raise FactBaseError(f"{path}: missing table(s): {', '.join(missing)}")
    for table, rows in fb.tables.items():
        # (field, types, required, bool allowed): bool is an int to isinstance, so it is refused explicitly
        spec = [(f, types, required, bool in types) for f, types, required in FIELD_TYPES.get(table, ())]
        for rec in rows:
            rid = rec.get("id")
            if not isinstance(rid, str) or not rid:
                raise FactBaseError(f"{path}: a record in table '{table}' has no string 'id'")
            quote = rec.get("quote")
            if not isinstance(quote, str):
                raise FactBaseError(
                    f"{path}: record '{rid}' in table '{table}': field 'quote' must be a string, "
                    f"got {_type_name(quote)}"
                )
            for field, types, required, bool_ok in spec:
                value = rec.get(field, _MISSING)
                if value is _MISSING:
                    if required:
                        raise FactBaseError(f"{path}: record '{rid}' in table '{table}': missing field '{field}'")
                    continue
                if not isinstance(value, types) or (value.__class__ is bool and not bool_ok):
                    raise FactBaseError(
                        f"{path}: record '{rid}' in table '{table}': field '{field}' has the wrong type "
                        f"({_type_name(value)})"
                    )
            if table == "projects" and rec["investment"] is not None:
                inv = rec["investment"]
                for bound in ("min", "max"):
                    value = inv.get(bound)
                    if not isinstance(value, _OPT_INT) or isinstance(value, bool):
                        raise FactBaseError(
                            f"{path}: record '{rid}' in table 'projects': investment.{bound} must be an integer "
                            f"or null, got {_type_name(value)}"
                        )
