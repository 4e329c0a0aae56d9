"""Issue 2: `jzcli validate`, the shipped fact base, and the installed package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"
ARTICLE = ROOT.parent / "shared" / "source" / "000_e90f716d7d44d38f.txt"


def test_shipped_fact_base_is_valid(cli):
    r = cli("validate")
    assert r.code == 0 and r.out == ""
    assert r.err.startswith("ok: ") and "67 figures" in r.err


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article is not beside this checkout")
def test_every_quote_is_in_the_article(cli):
    r = cli("validate", "--source", str(ARTICLE))
    assert r.code == 0, r.out
    assert "every quote found in the article" in r.err


def _broken(tmp_path, mutate) -> str:
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _first(data, table, rid):
    return next(r for r in data[table].values() if r["id"] == rid)


def test_validate_reports_each_problem_with_its_id(cli, tmp_path):
    def mutate(data):
        _first(data, "figures", "fig:dzd-topped")["value"] = 8  # 29 + 8 != 36: a cross-check fails
        _first(data, "figures", "fig:fdi")["mentions"] = ["unit:nowhere"]  # dangling reference
        _first(data, "people", "person:liuquanfu")["quote"] = "刘全福是区长"  # not in the article
        _first(data, "units", "unit:guihe")["id"] = "unit:jinhe"  # duplicate id
        _first(data, "projects", "project:aoti")["status"] = "cancelled"  # not in the enum
        _first(data, "people", "person:lixueting")["unit"] = "fig:fdi"  # resolves, but not to a unit
        _first(data, "places", "place:meiyuan")["colour"] = "红"  # a field the schema does not declare

    db = _broken(tmp_path, mutate)
    args = ["validate", "--db", db] + (["--source", str(ARTICLE)] if ARTICLE.exists() else [])
    r = cli(*args)
    assert r.code == 3
    lines = r.out.splitlines()
    assert any(line.startswith("check:dzd-buildings: recorded holds=True") for line in lines)
    assert "fig:fdi: reference 'unit:nowhere' does not resolve" in lines
    assert any(line.startswith("unit:jinhe: duplicate id") for line in lines)
    assert "project:aoti: field 'status' is 'cancelled', not one of key_work, landed, signed" in lines
    assert ("person:lixueting: field 'unit' points to 'fig:fdi' in figures, expected a record of units"
            in lines)
    assert "place:meiyuan: unknown field 'colour' (not in the schema of places)" in lines
    if ARTICLE.exists():
        assert any(line.startswith("person:liuquanfu: quote not found in the article") for line in lines)
    assert r.err.startswith("jzcli: error: ") and r.err.count("\n") == 1


def test_validate_missing_article_is_exit_3(cli, tmp_path):
    r = cli("validate", "--source", str(tmp_path / "none.txt"))
    assert r.code == 3 and "article not found" in r.err


def test_validate_never_writes(cli, tmp_path):
    missing = tmp_path / "new.json"
    r = cli("validate", "--db", str(missing))
    assert r.code == 3 and not missing.exists()


def test_python_dash_m_and_console_script_agree(jz):
    direct = jz("--version")
    module = subprocess.run([sys.executable, "-m", "jzcli", "--version"], capture_output=True, text=True,
                            cwd=ROOT.parent)
    assert direct.code == 0 and module.returncode == 0
    assert direct.out == module.stdout and direct.out.startswith("jzcli ")


def test_installed_command_works_from_another_directory(jz):
    r = jz("projects", "--min", "5亿", "--json")
    assert r.code == 0, r.err
    assert {p["name"] for p in r.json} == {"清水湾生活广场项目", "东方颐养园项目", "书香时代广场项目", "南水西郡项目"}
    assert "borderline" in r.err


# ---------------------------------------------------------------- every field of the schema

WRONG = {"str": 5, "int": "5", "number": "5", "bool": 1, "list[str]": "x", "list[object]": "x", "object": "x",
         "map[str]": ["x"]}


def _field_cases():
    """(table, field path, wrong value) for every field of every table, nested fields included."""
    from jzcli import schema

    data = json.loads(FACTS.read_text(encoding="utf-8"))
    for table, t in schema.TABLES.items():
        rec = next(iter(data[table].values()))
        for f in t.fields:
            yield pytest.param(table, rec["id"], (f.name,), WRONG[f.type], id=f"{table}.{f.name}")
            for sub in f.fields:
                owner = next((r for r in data[table].values() if r.get(f.name)), None)
                if owner is not None:
                    path = (f.name, 0, sub.name) if f.type == "list[object]" else (f.name, sub.name)
                    yield pytest.param(table, owner["id"], path, WRONG[sub.type], id=f"{table}.{f.name}.{sub.name}")


def _set(rec: dict, path: tuple, value) -> None:
    for step in path[:-1]:
        rec = rec[step]
    rec[path[-1]] = value


@pytest.mark.parametrize("table, rid, path, wrong", list(_field_cases()))
def test_every_field_of_the_wrong_type_is_exit_3_naming_id_and_field(cli, tmp_path, table, rid, path, wrong):
    """A field the queries rely on (the table's `core`) is refused by the loader, for every command; any other
    field by `validate`, which lists it. Either way: exit 3 and one line naming the record and the field."""
    from jzcli import schema

    db = _broken(tmp_path, lambda data: _set(_first(data, table, rid), path, wrong))
    r = cli("validate", "--db", db)
    shown = ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")
    problem = f"field '{shown}' has the wrong type ({type(wrong).__name__}, expected {_expected(table, path)})"
    assert r.code == 3
    if path[0] in {f.name for f in schema.TABLES[table].core}:
        assert r.out == ""
        assert r.err == f"jzcli: error: {db}: record '{rid}' in table '{table}': {problem}\n"
        assert cli("search", "九州", "--db", db).err == r.err  # any command: the loader refuses it
    else:
        assert r.out == f"{rid}: {problem}\n"
        assert r.err == f"jzcli: error: 1 problem(s) in {db}\n"


def _expected(table: str, path: tuple) -> str:
    from jzcli import schema

    f = schema.TABLES[table].by_name[path[0]]
    if len(path) > 1:
        f = next(s for s in f.fields if s.name == path[-1])
    return f.type + (" or null" if f.null else "")


@pytest.mark.parametrize("table, field, core", [("units", "kind", True), ("figures", "value", True),
                                                ("figures", "subject", True), ("events", "date", True),
                                                ("checks", "holds", False), ("meta", "bands", False),
                                                ("units", "pinyin", False)])
def test_a_missing_field_is_exit_3_naming_id_and_field(cli, tmp_path, table, field, core):
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    rid = next(iter(data[table].values()))["id"]
    db = _broken(tmp_path, lambda d: _first(d, table, rid).pop(field))
    r = cli("validate", "--db", db)
    assert r.code == 3
    if core:
        assert r.out == ""
        assert r.err == f"jzcli: error: {db}: record '{rid}' in table '{table}': missing field '{field}'\n"
    else:
        assert r.out == f"{rid}: missing field '{field}'\n"


def test_a_list_item_or_nested_field_of_the_wrong_type_is_exit_3(cli, tmp_path):
    db = _broken(tmp_path, lambda d: _first(d, "figures", "fig:fdi").__setitem__("keywords", ["外资", 5]))
    r = cli("validate", "--db", db)  # the items of a list are validate's, not the loader's
    assert (r.code, r.out) == (3, "fig:fdi: field 'keywords' holds a int, expected strings\n")
    db = _broken(tmp_path, lambda d: _first(d, "units", "unit:guihe")["history"][0].__setitem__("to", 2017))
    r = cli("community", "桂鹤", "--db", db)
    assert r.code == 3
    assert r.err.endswith("record 'unit:guihe' in table 'units': field 'history[0].to' has the wrong type "
                          "(int, expected str or null)\n")
    db = _broken(tmp_path, lambda d: next(p for p in d["projects"].values() if p["investment"])["investment"]
                 .__setitem__("min", "5亿"))
    r = cli("projects", "--db", db)
    assert r.code == 3
    assert r.err.endswith("record 'project:58tongcheng' in table 'projects': field 'investment.min' has the wrong "
                          "type (str, expected int or null)\n")


def test_the_loader_checks_the_core_fields_of_each_table():
    from jzcli import schema

    assert [f.name for f in schema.TABLES["figures"].core] == [
        "subject", "metric", "value", "unit", "qualifier", "period", "topic", "text", "keywords", "quote"]
    assert all(t.core[-1].name == "quote" for t in schema.TABLES.values())


def test_a_broken_reference_inside_a_history_entry(cli, tmp_path):
    db = _broken(tmp_path, lambda d: _first(d, "units", "unit:guihe")["history"][0].__setitem__("office_id", "unit:x"))
    r = cli("validate", "--db", db)
    assert r.code == 3
    assert r.out == "unit:guihe: reference 'unit:x' does not resolve\n"



def test_the_articles_own_date_must_be_a_date(cli, tmp_path):
    """The checker counts years up to `as_of` (18年多 since 1999-07): a base whose as_of is no date is a fact base
    problem (exit 3, validate's line), never an internal error."""
    db = _broken(tmp_path, lambda data: next(iter(data["source"].values())).update(as_of="soon"))
    r = cli("validate", "--db", db)
    assert r.code == 3 and r.out == "source:article: as_of 'soon' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    r = cli("check", "大寨店社区开工36栋楼", "--json", "--db", db)
    assert r.code == 3 and "internal error" not in r.err and "as_of 'soon' is not a date" in r.err
