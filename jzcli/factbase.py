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

from jzcli import files, schema
from jzcli.errors import FactBaseError
from jzcli.i18n import N_, _

ENV_VAR = "JZCLI_DB"

_MISSING = object()


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


class FactBase:
    """All tables of one fact base, in memory. Records are plain dicts; never modified."""

    def __init__(self, path: str | os.PathLike, tables: dict[str, list[dict]]) -> None:
        self.path = os.fspath(path)  # a string: pathlib is not imported by a query (~3 ms of start-up)
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


def default_path() -> str:
    """The shipped fact base: inside the installed package, else at the top of a source checkout."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "facts.json")
    if os.path.isfile(packaged):
        return packaged
    checkout = os.path.join(os.path.dirname(here), "facts.json")
    return checkout if os.path.isfile(checkout) else packaged


def resolve_path(db: str | os.PathLike | None = None) -> str:
    if db is not None:
        if str(db).strip() == "":
            from jzcli.errors import BadInput

            raise BadInput(_("--db needs a path (leave it out for the shipped fact base)"))
        from jzcli.safeio import fs_path

        return fs_path(os.fspath(db))
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return default_path()


_cache: dict[str, FactBase] = {}

# Set by the console script (app.main): after loading, gc.freeze() moves every object into the permanent
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


def _read_tables(path: str) -> dict[str, list[dict]]:
    files.check_file(path, "fact base", FactBaseError)  # missing, a directory, a FIFO, unreadable
    from tinydb import TinyDB
    from tinydb.middlewares import CachingMiddleware
    from tinydb.storages import JSONStorage

    class StrictJSONStorage(JSONStorage):
        """TinyDB's JSON storage, reading strict JSON: NaN, Infinity and duplicate keys are errors."""

        def read(self):
            self._handle.seek(0, os.SEEK_END)
            if not self._handle.tell():
                return None
            self._handle.seek(0)
            return json.load(self._handle, parse_constant=_no_constant, object_pairs_hook=_no_duplicate_keys)

    try:
        db = TinyDB(path, storage=CachingMiddleware(StrictJSONStorage), access_mode="r", encoding="utf-8")
        try:
            raw = db.storage.read()  # the one read: every table comes from this document
        finally:
            db.close()
        if raw is None:
            raise FactBaseError(_("{path}: the file is empty, not a fact base").format(path=path))
        if not isinstance(raw, dict):
            raise FactBaseError(_("{path}: not a fact base (expected a JSON object of tables, got {type})").format(
                path=path, type=_type_name(raw)))
        tables: dict[str, list[dict]] = {}
        for name, table in raw.items():
            if not isinstance(table, dict):
                raise FactBaseError(_("{path}: table '{name}' must be an object of records, got {type}").format(
                    path=path, name=name, type=_type_name(table)))
            for doc_id, rec in table.items():
                if not (doc_id.isascii() and doc_id.isdigit()):
                    raise FactBaseError(_("{path}: table '{name}' has a non-numeric document id {id!r}").format(
                        path=path, name=name, id=doc_id))
                if rec.__class__ is not dict:
                    raise FactBaseError(_("{path}: table '{name}' document {id} must be an object, got {type}").format(
                        path=path, name=name, id=doc_id, type=_type_name(rec)))
            # The records as TinyDB stores them, in document order (what Table.all() returns, minus a copy of
            # each record into a Document: 0.3 s at 100k records, and nothing here needs the doc ids).
            tables[name] = list(table.values())
        return tables
    except FactBaseError:
        raise
    except json.JSONDecodeError as exc:
        raise FactBaseError(_("{path}: invalid JSON ({reason} at line {line} column {column})").format(
            path=path, reason=_(exc.msg), line=exc.lineno, column=exc.colno)) from None
    except UnicodeDecodeError:
        raise FactBaseError(_("{path}: not UTF-8 text").format(path=path)) from None
    except OSError as exc:
        raise files.os_error(exc, path, "fact base", FactBaseError) from None
    except RecursionError:
        raise FactBaseError(_("{path}: not a fact base of this schema (nested too deeply)").format(path=path)) from None
    except StrictJSONError as exc:
        raise FactBaseError(_("{path}: invalid JSON ({reason})").format(path=path, reason=exc)) from None
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise FactBaseError(_("{path}: not a fact base of this schema ({reason})").format(path=path, reason=exc)) \
            from None


class StrictJSONError(ValueError):
    pass


# What Python's json module says of bad JSON (JSONDecodeError.msg), for "invalid JSON (...)" in the catalog.
JSON_REASONS = (N_("Expecting value"), N_("Expecting ',' delimiter"), N_("Expecting ':' delimiter"),
                N_("Expecting property name enclosed in double quotes"), N_("Unterminated string starting at"),
                N_("Invalid control character at"), N_("Invalid \\escape"), N_("Invalid \\uXXXX escape"),
                N_("Extra data"), N_("Illegal trailing comma before end of object"),
                N_("Illegal trailing comma before end of array"))


def _no_constant(name: str):
    raise StrictJSONError(_("{name} is not a JSON number").format(name=name))


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise StrictJSONError(_("duplicate key {key!r}").format(key=dup))
    return obj


def check_structure(fb: FactBase) -> None:
    """The cheap structural check done on every load: tables present, ids, and the type of every field the
    queries rely on (each table's `core` in jzcli/schema.py; `validate` checks every field)."""
    path = fb.path
    missing = [t for t in schema.TABLES if t not in fb.tables]  # a table may be empty, but it must be there
    if missing:
        if not fb.tables:
            raise FactBaseError(_("{path}: the fact base has no tables").format(path=path))
        raise FactBaseError(_("{path}: missing table(s): {tables}").format(path=path, tables=", ".join(missing)))
    for table, rows in fb.tables.items():
        if _table_ok(_fast_spec(table), rows, "id"):
            continue
        for rec in rows:  # something is wrong: find the first record and say what
            rid = rec.get("id")
            if not isinstance(rid, str) or not rid:
                raise FactBaseError(_("{path}: a record in table '{table}' has no string 'id'").format(path=path, table=table))
            problems = shape_problems(_core_spec(table), rec)
            if problems:
                raise FactBaseError(_("{path}: record '{id}' in table '{table}': {problem}").format(
                    path=path, id=rid, table=table, problem=problems[0]))


# (field, allowed classes, must be present, type, spec of its objects or None, type as text)
Spec = tuple[tuple[str, frozenset, bool, str, "Spec | None", str], ...]
_specs: dict[str, Spec] = {}


def _spec_of(fields: tuple[schema.Field, ...]) -> Spec:
    return tuple((f.name, frozenset(f.python_types), f.always, f.type, _spec_of(f.fields) if f.fields else None,
                  f.type_text()) for f in fields)


def _core_spec(table: str) -> Spec:
    t = schema.TABLES.get(table)
    return _spec_of(t.core if t is not None else schema.COMMON[:1])


def shape_spec(table: str) -> Spec:
    """The schema's fields of `table` as the tuples shape_problems() walks (built once per table)."""
    spec = _specs.get(table)
    if spec is None:
        spec = _specs[table] = _spec_of(schema.fields_of(table))
    return spec


def shape_problems(spec: Spec, rec: dict, prefix: str = "") -> list[str]:
    """Every field missing or of the wrong type (exact classes: a bool is no int), nested objects included.

    The one type check: the loader raises the first problem, `validate` reports them all."""
    out: list[str] = []
    for name, classes, must, kind, sub, expected in spec:
        value = rec.get(name, _MISSING)
        if value is _MISSING:
            if must:
                out.append(_("missing field '{field}'").format(field=prefix + name))
            continue
        if value.__class__ not in classes:
            out.append(_("field '{field}' has the wrong type ({type}, expected {expected})").format(
                field=prefix + name, type=_type_name(value), expected=expected.replace(" or null", _(" or null"))))
        elif kind == "list[str]" or kind == "map[str]":
            items = value.values() if kind == "map[str]" else value
            bad = next((x for x in items if x.__class__ is not str), _MISSING)
            if bad is not _MISSING:
                out.append(_("field '{field}' holds a {type}, expected strings").format(
                    field=prefix + name, type=_type_name(bad)))
        elif sub is not None and value is not None:
            many = kind == "list[object]"
            for i, item in enumerate(value if many else (value,)):
                where = f"{prefix}{name}[{i}]" if many else f"{prefix}{name}"
                if item.__class__ is not dict:
                    out.append(_("field '{field}' has the wrong type ({type}, expected object)").format(
                        field=where, type=_type_name(item)))
                else:
                    out.extend(shape_problems(sub, item, where + "."))
    return out


# The loader's fast path over the same schema: a yes/no per table, field by field down the whole column in C
# (map over the records, no Python loop per record); when it says no, the records are walked with
# shape_problems() for the message. It checks the core fields' types and presence and the objects inside them;
# the items of lists are validate's (absent and null are one to it for a field that may be absent).
# (names, allowed classes: _Absent's where the field may be absent, object fields with their own spec)
Fast = tuple[tuple[str, ...], tuple[frozenset, ...], tuple]
_fast: dict[str, Fast] = {}


class _Absent:
    """What the fast path reads for a field a record does not have."""


_ABSENT = _Absent()


def _fast_of(fields: tuple[schema.Field, ...]) -> Fast:
    names = tuple(f.name for f in fields)
    classes = tuple(frozenset(f.python_types) | (set() if f.always else {_Absent, type(None)}) for f in fields)
    nested = tuple((f.name, f.type == "list[object]", _fast_of(f.fields)) for f in fields if f.fields)
    return names, classes, nested


def _fast_spec(table: str) -> Fast:
    """The core fields of `table` (those the queries rely on; validate checks the others)."""
    fast = _fast.get(table)
    if fast is None:
        t = schema.TABLES.get(table)
        fast = _fast[table] = _fast_of(t.core if t is not None else schema.COMMON[:1])
    return fast


def _table_ok(fast: Fast, rows: list[dict], id_field: str | None = None) -> bool:
    from itertools import chain, repeat

    names, classes, nested = fast
    n = len(rows)
    if id_field:
        ids = list(map(dict.get, rows, repeat(id_field, n)))
        if not (set(map(type, ids)) <= {str} and all(ids)):
            return False
    for name, allowed in zip(names, classes):
        if not allowed.issuperset(map(type, map(dict.get, rows, repeat(name, n), repeat(_ABSENT, n)))):
            return False
    for name, many, sub in nested:
        values = filter(None, map(dict.get, rows, repeat(name, n)))
        items = list(chain.from_iterable(values) if many else values)
        if items and not (set(map(type, items)) == {dict} and _table_ok(sub, items)):
            return False
    return True
