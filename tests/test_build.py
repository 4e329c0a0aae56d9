"""curation/build_facts.py: code only, data in curation/<table>.yaml; it rebuilds the committed facts.json
byte for byte, validates with jzcli's own validator, and a new table is one schema entry plus one data file."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jzcli import schema

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "curation" / "build_facts.py"
DATA = ROOT / "curation"
ARTICLE = ROOT.parent / "shared" / "source" / "000_e90f716d7d44d38f.txt"

needs_article = pytest.mark.skipif(not ARTICLE.exists(), reason="the article is not beside this checkout")


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(tmp_path: Path, data: Path = DATA) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / "facts.json"
    proc = subprocess.run([sys.executable, str(BUILD), "--source", str(ARTICLE), "--output", str(out),
                           "--data", str(data)], capture_output=True, text=True, timeout=120)
    return proc, out


def _data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for table in schema.TABLES:
        shutil.copy(DATA / f"{table}.yaml", folder)
    return folder


@needs_article
def test_build_reproduces_facts_json_byte_for_byte(tmp_path):
    pytest.importorskip("pypinyin")
    proc, out = _run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "" and proc.stderr.startswith(f"wrote {out}: source 1, units 25,")
    assert out.read_bytes() == (ROOT / "facts.json").read_bytes()
    assert oct(out.stat().st_mode & 0o777) == "0o644"


def test_one_data_file_per_table_and_no_data_in_the_build():
    assert sorted(p.stem for p in DATA.glob("*.yaml")) == sorted(schema.TABLES)
    code = BUILD.read_text(encoding="utf-8")
    assert "九州" not in code and "unit:" not in code  # no curated literal left in the build script


@needs_article
@pytest.mark.parametrize("edit, expected", [
    (("figures.yaml", "quote: 当时辖区面积16平方公里", "quote: 当时辖区面积61平方公里"),
     "fig:area-1999: quote not found in the article: '当时辖区面积61平方公里'"),
    (("people.yaml", "  name: 张晓凯\n", "  name: 张晓凯\n  nickname: 小张\n"),
     "person:zhangxiaokai: unknown field 'nickname' (not in the schema of people)"),
    (("units.yaml", "  kind: 乡\n", "  kind: 县\n"),
     "unit:dahejian: field 'kind' is '县', not one of 乡, 办事处, 城市社区, 小区, 村, 社区, 筹建办"),
    (("events.yaml", "  event: 九州路办事处成立\n", ""), "event:founded: missing field 'event'"),
    (("places.yaml", "  unit: unit:dazhaidian\n", "  unit: unit:dazhaidiann\n"),
     "place:tianlaiqu: reference 'unit:dazhaidiann' does not resolve"),
    (("checks.yaml", "  tolerance: 0.5\n", "  tolerance: 0.3\n"),
     "check:h1-share: recorded holds=True but 996000000 / 1900000000 = 52.42% ≠ 52% (±0.3)"),
])
def test_a_curation_mistake_stops_the_build_with_validates_message(tmp_path, edit, expected):
    pytest.importorskip("pypinyin")
    data = _data_copy(tmp_path)
    name, old, new = edit
    text = (data / name).read_text(encoding="utf-8")
    assert old in text
    (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    proc, out = _run(tmp_path, data)
    assert proc.returncode == 1 and not out.exists()
    lines = proc.stderr.splitlines()
    record = expected.split(":")[0] + ":" + expected.split(":")[1]
    line = next(i for i, text in enumerate((data / name).read_text(encoding="utf-8").splitlines(), 1)
                if text == f"- id: {record}")
    assert f"{data / name}:{line}: {expected}" in lines, proc.stderr  # file:line of the record first
    assert lines[-1] == f"build_facts: error: {len(lines) - 1} problem(s) in the curated data ({data})"


@needs_article
@pytest.mark.parametrize("name, content, expected", [
    ("events.yaml", "- id: event:x\n  date: [unclosed\n", "not valid YAML at line 3"),
    ("source.yaml", "id: source:article\n", "expected a list of records, each with an id"),
    ("events.yaml", "- id: event:x\n  date: 2018-08-19\n", "datetime.date(2018, 8, 19) is not text, a number or a list"),
    ("states.yaml", "[]\n", "no table in jzcli/schema.py for states.yaml"),
])
def test_a_broken_data_file_is_one_line(tmp_path, name, content, expected):
    data = _data_copy(tmp_path)
    (data / name).write_text(content, encoding="utf-8")
    proc, out = _run(tmp_path, data)
    assert proc.returncode == 1 and not out.exists()
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("build_facts: error: ")
    assert expected in proc.stderr


STATES = schema.Table("states", "state", "state", "Words that state a project's or a work's state.", (
    schema.Field("word", "str", "the word as the article writes it", required=True, searchable=True),
    schema.Field("state", "str", "what it means", required=True, enum=("done", "started", "planned")),
    schema.Field("applies_to", "list[str]", "the figures it qualifies", default=[], ref="figures"),
), display=("{word}",), may_be_empty=True, core=("word", "state"))


@needs_article
def test_a_new_table_is_one_schema_entry_and_one_data_file(tmp_path, monkeypatch, cli):
    """The diff of docs/facts-schema.md "Adding a table", applied in-process: the build, the loader, validate,
    search, export and the schema document take the new table from the schema alone."""
    pytest.importorskip("pypinyin")
    data = _data_copy(tmp_path)
    monkeypatch.setitem(schema.TABLES, "states", STATES)
    (data / "states.yaml").write_text(
        "# states: words that state a work's state\n"
        "- id: state:wangong\n  word: 已完工\n  state: done\n  applies_to: [fig:dzd-completed]\n"
        "  quote: 其中29栋楼已完工\n", encoding="utf-8")
    build = _module("build_facts_new_table", BUILD)
    out = tmp_path / "facts.json"
    build.write_atomic(out, build.build(ARTICLE, data, out))
    db = json.loads(out.read_text(encoding="utf-8"))
    assert list(db) == [*[t for t in schema.TABLES if t != "states"], "states"]
    assert db["states"]["1"] == {"id": "state:wangong", "word": "已完工", "state": "done",
                                 "applies_to": ["fig:dzd-completed"], "quote": "其中29栋楼已完工", "mentions": [],
                                 "oddities": [], "note": None}
    assert cli("validate", "--db", str(out), "--source", str(ARTICLE)).code == 0
    hits = cli("search", "已完工", "--db", str(out), "--json").json
    assert {"id": "state:wangong", "kind": "state", "field": "word", "text": "已完工",
            "quote": "其中29栋楼已完工"} in hits
    assert cli("export", "--format", "sqlite", "--out", str(tmp_path / "f.db"), "--db", str(out)).code == 0
    con = sqlite3.connect(tmp_path / "f.db")
    assert con.execute("SELECT word, state FROM states").fetchall() == [("已完工", "done")]
    con.close()
    doc = _module("schema_doc_new_table", ROOT / "curation" / "schema_doc.py").render()
    assert "### `states`" in doc and "| `applies_to` | list[str] | default [] |" in doc
