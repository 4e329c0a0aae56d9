#!/usr/bin/env python3
"""Build facts.json (a TinyDB database) from the curated data files, one per table: curation/<table>.yaml.

The data is the curator's reading of one article (the only source of truth):
    ../shared/source/000_e90f716d7d44d38f.txt   (relative to the repository root)

Usage:
    python curation/build_facts.py [--source PATH] [--output PATH] [--data DIR]

Code only, no data: it loads every table that jzcli/schema.py declares from its YAML file, fills the schema's
defaults, derives the computed fields (pinyin with pypinyin, a figure's subject_name, a project's investment
from its band, each record's `oddities` from the oddities' `affects`), validates the result with jzcli's own
validator (types, enums, ids, references, every quote against the article, cross-checks) and writes
facts.json atomically. Fields and tables: docs/facts-schema.md. PyYAML and pypinyin are build dependencies
(the `test` extra); jzcli imports neither.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the jzcli package of this checkout: its schema, validator and file reader
from jzcli import files, schema  # noqa: E402
from jzcli.errors import JzError  # noqa: E402
from jzcli.factbase import FactBase  # noqa: E402
from jzcli.text import squash  # noqa: E402,F401  (tests compare quotes with the build's squash)
from jzcli.validate import ID_FORM, validate  # noqa: E402

DATA = ROOT / "curation"
DEFAULT_SOURCE = Path(os.path.normpath(ROOT / ".." / "shared" / "source" / "000_e90f716d7d44d38f.txt"))
DEFAULT_OUTPUT = ROOT / "facts.json"
COMMON = tuple(f.name for f in schema.COMMON)  # quote, mentions, oddities, note: written last
RECORD_LINE = re.compile(r"-\s+id:\s*(\S+)")  # the first line of a record in a data file


class BuildError(JzError):
    """A curation mistake: the build stops, says what and where, and writes nothing."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


# ---------------------------------------------------------------- loading the data files

def load_data(folder: Path = DATA, where: dict[str, str] | None = None) -> dict[str, list[dict]]:
    """Every table of the schema from `folder/<table>.yaml` (a list of records), in the schema's order.

    `where`, when given, is filled with record id -> "path:line" of the record in its data file."""
    import yaml  # a build dependency only

    stray = sorted(p.name for p in folder.glob("*.yaml") if p.stem not in schema.TABLES)
    if stray:
        raise BuildError(f"{folder}: no table in jzcli/schema.py for {', '.join(stray)}")
    tables = {}
    for table in schema.TABLES:
        path = folder / f"{table}.yaml"
        text = files.read_text(path, "data file", BuildError)
        try:
            rows = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            raise BuildError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
        rows = [] if rows is None else rows
        if not isinstance(rows, list) or not all(isinstance(r, dict) and "id" in r for r in rows):
            raise BuildError(f"{path}: expected a list of records, each with an id")
        tables[table] = _plain(rows, path)
        if where is not None:
            for number, line in enumerate(text.splitlines(), 1):
                m = RECORD_LINE.match(line)
                if m:
                    where.setdefault(m.group(1).strip("'\""), f"{path}:{number}")
    return tables


def _plain(rows: list, path: Path) -> list[dict]:
    """A deep copy in JSON types (YAML aliases share one object; an unquoted 2018-08-19 is a date)."""
    def refuse(value):
        raise BuildError(f"{path}: {value!r} is not text, a number or a list; put it in quotes")

    return json.loads(json.dumps(rows, ensure_ascii=False, default=refuse))


# ---------------------------------------------------------------- derived fields

def _ascii(parts: list[str]) -> str:
    return re.sub(r"[^a-z0-9]", "", "".join(parts).lower())


def pinyin_of(text: str) -> tuple[str, str]:
    """(full, initials) pinyin of `text`: lower-case ascii letters and digits, no spaces."""
    from pypinyin import Style, lazy_pinyin  # imported here: pypinyin is slow to import

    return (_ascii(lazy_pinyin(text, style=Style.NORMAL)),
            _ascii(lazy_pinyin(text, style=Style.FIRST_LETTER)))


def _dedupe(items: list) -> list:
    return list(dict.fromkeys(items))


class Derive:
    """The computed fields of the schema (`computed=True`), from the record and the other tables."""

    def __init__(self, data: dict[str, list[dict]]) -> None:
        self.names = {r["id"]: r["name"] for rows in data.values() for r in rows if "name" in r}
        meta = data.get("meta") or [{}]
        self.bands = {b.get("band"): b for b in meta[0].get("bands") or [] if isinstance(b, dict)}
        self.affected: dict[str, list[str]] = {}
        for odd in data.get("oddities", []):
            for rid in odd.get("affects") or []:
                self.affected.setdefault(rid, []).append(odd["id"])

    def value(self, table: str, field: str, rec: dict):
        if field == "pinyin":
            names = [n for n in [rec.get("name"), rec.get("short"), *rec.get("aliases", [])] if n]
            pairs = [pinyin_of(n) for n in names]
            return {"full": _dedupe([p[0] for p in pairs]), "initials": _dedupe([p[1] for p in pairs])}
        if field == "subject_name":
            return self.names.get(rec.get("subject"))
        if field == "statuses":
            return [rec.get("status")]
        if field == "investment":
            band = self.bands.get(rec.get("band"))
            return None if band is None else {k: band.get(k) for k in ("min", "max", "currency", "text")}
        raise BuildError(f"{table}.{field} is computed, but the build does not know how")


def record(table: str, src: dict, derive: Derive) -> dict:
    """One record as facts.json holds it: id; the curated fields in the data file's order; the schema's
    remaining fields in its order (defaults, computed); `late` fields; quote, mentions, oddities, note."""
    t = schema.TABLES[table]
    after = {f.after: f for f in t.fields if f.after}
    late = [f for f in t.fields if f.late]
    out = {"id": src["id"]}
    for key, value in src.items():
        if key == "id" or key in COMMON or key in t.by_name and t.by_name[key].late:
            continue
        out[key] = value
        if key in after:
            out[after[key].name] = derive.value(table, after[key].name, out)
    for f in t.fields:
        if f.name in out or f.late or f in schema.COMMON:
            continue
        if f.name in src:
            out[f.name] = src[f.name]
        elif f.computed:
            out[f.name] = derive.value(table, f.name, out)
        elif f.default is not schema.MISSING:
            out[f.name] = json.loads(json.dumps(f.default))
    for f in late:
        out[f.name] = src.get(f.name, f.default)
    if "quote" in src:
        out["quote"] = src["quote"]
    subject = [out["subject"]] if out.get("subject") else []
    out["mentions"] = _dedupe(subject + list(src.get("mentions") or []))
    out["oddities"] = _dedupe(derive.affected.get(out["id"], []) + list(src.get("oddities") or []))
    if "note" not in out:
        out["note"] = src.get("note")
    return out


def complete(data: dict[str, list[dict]]) -> dict[str, list[dict]]:
    derive = Derive(data)
    return {table: [record(table, src, derive) for src in rows] for table, rows in data.items()}


# ---------------------------------------------------------------- build and write

def build(source: Path, data_dir: Path = DATA, output: Path = DEFAULT_OUTPUT) -> dict:
    """The TinyDB document to write, or BuildError with every problem jzcli's validator finds."""
    article = files.read_text(source, "article", BuildError)
    where: dict[str, str] = {}
    tables = complete(load_data(data_dir, where))
    problems = validate(FactBase(output, tables), article_text=article)
    if problems:
        located = []
        for problem in problems:  # file:line first, so an editor jumps to the record
            m = ID_FORM.match(problem)  # the record id a problem starts with
            located.append(f"{where[m.group(0)]}: {problem}" if m and m.group(0) in where else problem)
        raise BuildError(f"{len(problems)} problem(s) in the curated data ({data_dir})", located)
    return {table: {str(i): r for i, r in enumerate(rows, 1)} for table, rows in tables.items()}


def write_atomic(path: Path, db: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".facts-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            json.dump(db, f, ensure_ascii=False, indent=1, sort_keys=False)
            f.write("\n")
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; the file ships in the wheel and must be readable
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the article (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write (default: %(default)s)")
    parser.add_argument("--data", type=Path, default=DATA, help="the folder of data files (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        db = build(args.source, args.data, args.output)
        write_atomic(args.output, db)
    except (BuildError, OSError) as e:
        for problem in getattr(e, "problems", []):
            print(problem, file=sys.stderr)
        print(f"build_facts: error: {e}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{t} {len(rows)}" for t, rows in db.items())
    print(f"wrote {args.output}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
