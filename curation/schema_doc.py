#!/usr/bin/env python3
"""Write docs/facts-schema.md from jzcli/schema.py (a test fails when the two drift apart).

    python curation/schema_doc.py            # rewrite docs/facts-schema.md
    python curation/schema_doc.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from jzcli import schema  # noqa: E402

DOC = ROOT / "docs" / "facts-schema.md"

INTRO = f"""\
# facts.json schema (v{schema.VERSION})

<!-- Generated from jzcli/schema.py by `python curation/schema_doc.py`: edit the schema, not this file. -->

`facts.json` is a TinyDB database: one JSON object whose keys are table names; each table maps a TinyDB
document id ("1", "2", ...) to a record. It is written by `curation/build_facts.py` from one data file per
table, `curation/<table>.yaml`, and opened read-only by `jzcli`.

Every table and field is declared once, in `jzcli/schema.py`. The loader checks the type of every field the
queries rely on (marked **load**) on each start; `jzcli validate` (run by the build too) checks everything
below; `jzcli export --format sqlite` takes its column types and foreign keys from it. In the tables below:

- **required**: the curator writes it in every record; **default X**: filled with X when left out;
  **computed**: filled by the build (the curator may not need to write it); **optional**: may be absent.
- **→ table**: the value is an id of a record of that table (→ any: of any table); a list of ids for lists.
- **one of**: the allowed values; `meta.topics` / `meta.bands` name the lists kept in the meta record.
- **load**: the loader checks its type on every start (the queries rely on it); **search**: `jzcli search`
  looks in the field (and the full-text index of the SQLite export holds it).
"""

ADDING = """\
## Adding a table

A new table is one schema entry and one data file; no other code changes.

1. Declare it in `jzcli/schema.py`: a `Table(name, kind, id prefix, doc, fields, display=...)` with its
   `Field`s, and add it to `TABLES` (the order of `TABLES` is the order of facts.json). Every record gets
   `id`, `quote`, `mentions`, `oddities` and `note` without declaring them; `core=(...)` names the fields
   the queries rely on (the loader checks them on every start). For example, a vocabulary of states the
   checker reads:

   ```python
   STATES = Table("states", "state", "state", "Words that state a project's or a work's state.", (
       Field("word", "str", "the word as the article writes it: 已完工", required=True, searchable=True),
       Field("state", "str", "what it means", required=True, enum=("done", "started", "planned")),
       Field("applies_to", "list[str]", "the figures it qualifies", default=[], ref="figures"),
   ), display=("{word}",), may_be_empty=True, core=("word", "state"))
   ```

2. Write `curation/states.yaml`: a YAML list of records, each with an `id` (`state:<ascii slug>`) and a
   `quote` from the article; comments (`# ...`) and `note` fields carry the curator's reasoning.

   ```yaml
   - id: state:wangong
     word: 已完工
     state: done
     quote: 其中29栋楼已完工
   ```

3. Rebuild and regenerate: `python curation/build_facts.py` (validates the new table against the schema and
   every quote against the article, then writes facts.json) and `python curation/schema_doc.py` (this
   document). Then `pytest -q`: the loader, `validate`, `search`, `export`, the synthetic bases of
   `bench/scale` and this document all pick the table up from the schema.

A new field of an existing table is one `Field(...)` in its table (with a default if existing records do
not have it) and the values in the data file.

## Reading the SQLite export

`jzcli export --format sqlite --out facts.db` writes one SQL table per fact table (columns typed from the
schema; lists and objects as JSON text; single-id fields declared as foreign keys) and `search`, a
full-text index of every record's searchable fields that works for Chinese (FTS5 trigram tokenizer):

```sql
SELECT id, kind, text FROM search WHERE search MATCH '海绵城市';   -- three characters or more
SELECT id, kind, text FROM search WHERE text LIKE '%海绵%';       -- shorter text
```
"""


def _constraint(f: schema.Field) -> str:
    if f.required:
        return "required"
    if f.computed:
        return "computed"
    if f.default is not schema.MISSING:
        text = "null" if f.default is None else str(f.default).lower() if isinstance(f.default, bool) else \
            "[]" if f.default == [] else f"`{f.default}`"
        return f"default {text}"
    return "optional"


def _meaning(f: schema.Field) -> str:
    parts = [f.doc]
    if f.ref is not None:
        parts.append(f"→ {'any' if f.ref == schema.ANY else f.ref}")
    if isinstance(f.enum, tuple):
        parts.append("one of " + ", ".join(f"`{v}`" for v in f.enum))
    elif f.enum == "tables":
        parts.append("one of the table names")
    elif f.enum:
        parts.append(f"one of `{f.enum}`")
    if f.late:
        parts.append("written after the curated fields")
    return "; ".join(parts)


def _rows(fields: tuple[schema.Field, ...], prefix: str = "", core: tuple = ()) -> list[str]:
    rows = []
    for f in fields:
        flags = ", ".join(x for x in ("load" if f in core else "", "search" if f.searchable else "",
                                      f"label {f.label}" if f.label else "") if x)
        rows.append(f"| `{prefix}{f.name}` | {f.type_text()} | {_constraint(f)} | {_meaning(f)} | {flags} |")
        rows += _rows(f.fields, f"{prefix}{f.name}{'[]' if f.type == 'list[object]' else ''}.",
                      f.fields if f in core else ())
    return rows


def render() -> str:
    out = [INTRO]
    out += ["## Fields of every record", "", "| field | type | rule | meaning | flags |", "|---|---|---|---|---|"]
    out += _rows((schema.ID, *schema.COMMON), core=(schema.ID, schema.COMMON[0])) + [""]
    out += ["## Tables", ""]
    for t in schema.TABLES.values():
        own = tuple(f for f in t.fields if f not in schema.COMMON)
        facts = [f"kind `{t.kind}`", f"ids `{t.prefix}:…`", f"data file `curation/{t.name}.yaml`"]
        if t.single:
            facts.append("exactly one record")
        elif t.may_be_empty:
            facts.append("may be empty")
        if t.display:
            facts.append("shown as `" + "".join(t.display).strip() + "`")
        out += [f"### `{t.name}`", "", t.doc, "", "; ".join(facts) + ".", "",
                "| field | type | rule | meaning | flags |", "|---|---|---|---|---|", *_rows(own, core=t.core), ""]
    out.append(ADDING)
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if docs/facts-schema.md is out of date")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print(f"{DOC} is out of date: run python curation/schema_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
