"""jzcli/schema.py is the one declaration: the generated document, the shipped data and the export follow it."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

from jzcli import schema

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"


def _schema_doc():
    spec = importlib.util.spec_from_file_location("schema_doc", ROOT / "curation" / "schema_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_facts_schema_md_is_generated_from_the_schema():
    """Fails when jzcli/schema.py and docs/facts-schema.md drift: run python curation/schema_doc.py."""
    doc = (ROOT / "docs" / "facts-schema.md").read_text(encoding="utf-8")
    assert doc == _schema_doc().render()


def test_every_field_of_facts_json_is_declared_and_documented():
    db = json.loads(FACTS.read_text(encoding="utf-8"))
    doc = (ROOT / "docs" / "facts-schema.md").read_text(encoding="utf-8")
    assert list(db) == list(schema.TABLES)
    for table, rows in db.items():
        declared = {"id", *schema.TABLES[table].by_name}
        used = {k for r in rows.values() for k in r}
        assert used <= declared, (table, used - declared)
        section = doc.split(f"### `{table}`")[1].split("\n### ")[0]
        for field in used - {"id", "quote", "mentions", "oddities", "note"}:
            assert f"| `{field}` |" in section, (table, field)
    # the fields that had drifted out of the old hand-written document
    figures = doc.split("### `figures`")[1].split("\n### ")[0]
    for field in ("band", "key", "part_of"):
        assert f"| `{field}` |" in figures


def test_schema_declarations_are_consistent():
    for name, t in schema.TABLES.items():
        assert t.name == name and t.display is not None
        for f in t.fields:
            assert f.type in schema.TYPES, (name, f.name)
            assert f.ref is None or f.ref == schema.ANY or f.ref in schema.TABLES, (name, f.name)
            assert not (f.required and f.default is not schema.MISSING), (name, f.name)
            assert f.after is None or f.after in t.by_name, (name, f.name)
            assert f.default is schema.MISSING or f.default is None or type(f.default) in f.python_types


def test_references_walk_nested_fields():
    unit = {"id": "unit:x", "parent": "unit:p", "office": None, "mentions": ["fig:a"], "oddities": [],
            "history": [{"office_id": "unit:o1"}, {"office_id": "unit:o2"}]}
    assert list(schema.references("units", unit)) == [
        ("parent", "unit:p"), ("history.office_id", "unit:o1"), ("history.office_id", "unit:o2"),
        ("mentions", "fig:a")]
    assert list(schema.references("units", unit, ("parent",))) == [("parent", "unit:p")]
    # a figure's `unit` is its unit of measure, not a reference
    assert list(schema.references("figures", {"unit": "栋", "subject": "unit:x"})) == [("subject", "unit:x")]


def test_sqlite_export_types_foreign_keys_and_chinese_full_text(cli, tmp_path):
    out = tmp_path / "facts.db"
    assert cli("export", "--format", "sqlite", "--out", str(out)).code == 0
    con = sqlite3.connect(out)
    try:
        types = {row[1]: row[2] for row in con.execute('PRAGMA table_info("figures")')}
        assert types["id"] == "TEXT" and types["value"] == "NUMERIC" and types["key"] == "INTEGER"
        assert types["keywords"] == "TEXT" and types["metric"] == "TEXT"
        fks = {(row[3], row[2]) for row in con.execute('PRAGMA foreign_key_list("units")')}
        assert fks == {("parent", "units"), ("office", "units")}
        assert {(row[3], row[2]) for row in con.execute('PRAGMA foreign_key_list("figures")')} == {("part_of", "figures")}
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT value FROM figures WHERE id = 'fig:tax-revenue'").fetchone() == (430000000,)
        matched = {r[0] for r in con.execute("SELECT id FROM search WHERE search MATCH '海绵城市'")}
        searched = {h["id"] for h in cli("search", "海绵城市", "--json").json}
        assert matched == searched == {"project:haimian-gaizao", "fig:sponge-projects", "event:sponge-acceptance"}
        assert {r[0] for r in con.execute("SELECT id FROM search WHERE text LIKE '%大寨店%'")} >= {
            "unit:dazhaidian", "fig:dzd-started"}
    finally:
        con.close()
