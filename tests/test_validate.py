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
        del _first(data, "projects", "project:aoti")["pinyin"]

    db = _broken(tmp_path, mutate)
    args = ["validate", "--db", db] + (["--source", str(ARTICLE)] if ARTICLE.exists() else [])
    r = cli(*args)
    assert r.code == 3
    lines = r.out.splitlines()
    assert any(line.startswith("check:dzd-buildings: recorded holds=True") for line in lines)
    assert "fig:fdi: reference 'unit:nowhere' does not resolve" in lines
    assert any(line.startswith("unit:jinhe: duplicate id") for line in lines)
    assert "project:aoti: missing precomputed pinyin" in lines
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
