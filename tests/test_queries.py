"""Issue 3: every query command, exact result sets, JSON keys, piped and terminal output, exit codes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"

SIGNED_GE_5E8 = {"清水湾生活广场项目", "东方颐养园项目", "书香时代广场项目", "南水西郡项目"}
SIGNED_LE_1E8 = {"58同城项目", "启源人才交流项目"}
BAND_1_5 = {"华大育仁教育基地项目", "橄榄嘉园教育基地项目", "巴奴毛肚火锅城项目", "奥体国际健身中心项目"}
MOVED = {"福田社区", "广场社区", "东方社区", "九州社区", "清华园社区", "牟山社区", "西臣投村", "王升屯村"}
STAYED = {"鹤翔社区", "学院社区", "桂鹤社区", "金鹤社区", "迎宾社区", "凤凰城社区", "大寨店村", "西郭庄村", "打柴口村", "崔庄村"}


def names_of(rows):
    return {r["name"] for r in rows}


# ---------------------------------------------------------------- projects


@pytest.mark.parametrize("bound", ["5亿", "5亿元", "50000万", "500000000", "5e8", "五亿", "５亿", "500,000,000"])
def test_projects_min_5e8_every_spelling(cli, bound):
    r = cli("projects", "--min", bound, "--json")
    assert r.code == 0
    assert names_of(r.json) == SIGNED_GE_5E8
    assert {p["match"] for p in r.json} == {"certain"}
    assert r.err == "note: left out 4 borderline (the band only touches the bound); add --maybe to list them\n"


def test_projects_max_1e8(cli):
    r = cli("projects", "--max", "1亿", "--json")
    assert r.code == 0
    assert names_of(r.json) == SIGNED_LE_1E8
    assert "4 borderline" in r.err


def test_projects_maybe_marks_each_status(cli):
    r = cli("projects", "--min", "5亿", "--maybe", "--json")
    assert r.code == 0 and r.err == ""
    match = {p["name"]: p["match"] for p in r.json}
    assert match == {**{n: "certain" for n in SIGNED_GE_5E8}, **{n: "borderline" for n in BAND_1_5}}


def test_projects_bound_inside_a_band_is_undecidable(cli):
    r = cli("projects", "--min", "3亿", "--maybe", "--json")
    match = {p["name"]: p["match"] for p in r.json}
    assert match == {**{n: "certain" for n in SIGNED_GE_5E8}, **{n: "undecidable" for n in BAND_1_5}}
    plain = cli("projects", "--min", "3亿", "--json")
    assert names_of(plain.json) == SIGNED_GE_5E8
    assert "4 undecidable (the bound falls inside the band)" in plain.err


def test_projects_min_and_max(cli):
    r = cli("projects", "--min", "1亿", "--max", "5亿", "--json")
    assert names_of(r.json) == BAND_1_5
    assert cli("projects", "--min", "5亿", "--max", "1亿").code == 2


def test_projects_without_filter_lists_those_without_amount(cli):
    r = cli("projects", "--json")
    assert r.code == 0
    by_status: dict[str, set] = {}
    for p in r.json:
        by_status.setdefault(p["status"], set()).add(p["name"])
        assert "match" not in p
    assert len(by_status["signed"]) == 10
    assert by_status["landed"] == {"清水湾", "北京爱好城湘江教育综合体", "美年大健康", "中凯5号巷餐饮示范街"}
    assert all(p["investment"] is None for p in r.json if p["status"] != "signed")
    # no amount never matches a filter, even the loosest
    loose = cli("projects", "--min", "0", "--maybe", "--json")
    assert {p["status"] for p in loose.json} == {"signed"}


def test_projects_json_field_contract(cli):
    r = cli("projects", "--min", "5亿", "--json")
    for p in r.json:
        assert {"id", "quote", "name", "investment", "match"} <= set(p)
        assert set(p["investment"]) >= {"min", "max", "currency", "text"}
        assert p["investment"]["min"] is None or type(p["investment"]["min"]) is int
    shu = next(p for p in r.json if p["name"] == "书香时代广场项目")
    assert shu["investment"]["min"] == 1_000_000_000 and shu["investment"]["max"] is None


def test_projects_sort(cli):
    r = cli("projects", "--status", "signed", "--sort", "invest", "--json")
    mins = [p["investment"]["min"] or 0 for p in r.json]
    assert mins == sorted(mins, reverse=True)
    by_name = cli("projects", "--status", "signed", "--sort", "name", "--json")
    keys = [p["pinyin"]["full"][0] for p in by_name.json]
    assert keys == sorted(keys)
    assert cli("projects", "--sort", "size").code == 2


@pytest.mark.parametrize("bad", ["abc", "5亿亿", "-3", "", "1e999"])
def test_projects_bad_amount_exit_2_quotes_value(cli, bad):
    r = cli("projects", "--min", bad)
    assert r.code == 2
    assert r.out == ""
    assert r.err.count("\n") == 1 and r.err.startswith("jzcli: error: ")
    assert repr(bad) in r.err


def test_projects_dollar_bound_is_an_error(cli):
    r = cli("projects", "--min", "5亿美元")
    assert r.code == 2 and "美元" in r.err and "no conversion" in r.err


# ---------------------------------------------------------------- community / communities


@pytest.mark.parametrize("query", ["凤凰城", "凤凰城社区", "凤凰", "fenghuangcheng", "fhc", "FHC", "Fenghuang"])
def test_community_resolves_every_way(cli, query):
    r = cli("community", query, "--json")
    assert r.code == 0, r.err
    assert r.json["name"] == "凤凰城社区"


def test_community_profile_contract(cli):
    r = cli("community", "凤凰城", "--json")
    doc = r.json
    assert isinstance(doc, dict)
    assert {"id", "quote", "name", "kind", "office", "history", "facts"} <= set(doc)
    assert doc["office"] == "九州路办事处"
    assert [(h["office"], h["from"], h["to"]) for h in doc["history"]] == [("九州路办事处", "1999-07", None)]
    fact_ids = {f["id"] for f in doc["facts"]}
    assert {"unit:tianhejiacheng", "event:tianhejiacheng-branch"} <= fact_ids
    assert all(f["quote"] for f in doc["facts"])


def test_community_moved_history(cli):
    doc = cli("community", "牟山", "--json").json
    assert doc["office"] == "泰山路办事处筹建办"
    assert [(h["office"], h["from"], h["to"]) for h in doc["history"]] == [
        ("九州路办事处", "1999-07", "2017-11"), ("泰山路办事处筹建办", "2017-11", None)]
    assert "服务型社区" in doc["designations"]


@pytest.mark.parametrize("alias", ["大寨店", "大寨店村", "大寨店社区", "dazhaidian", "dzd"])
def test_community_alias_spellings_are_one_unit(cli, alias):
    assert cli("community", alias, "--json").json["id"] == "unit:dazhaidian"


def test_community_words_inside_other_names_do_not_match(cli):
    assert cli("community", "东方", "--json").json["name"] == "东方社区"
    assert cli("community", "九州", "--json").json["name"] == "九州社区"


def test_community_ambiguous_exit_2_lists_candidates(cli):
    r = cli("community", "鹤")
    assert r.code == 2 and r.out == ""
    for name in ("桂鹤社区", "鹤翔社区", "金鹤社区"):
        assert name in r.err
    assert r.err.count("\n") == 1


def test_community_unknown_exit_1_did_you_mean(cli):
    r = cli("community", "凤凰山")
    assert r.code == 1 and r.out == ""
    assert "did you mean" in r.err and "凤凰城社区" in r.err
    r2 = cli("community", "火星基地")
    assert r2.code == 1 and "did you mean" not in r2.err


def test_community_not_a_unit_is_flagged(cli):
    doc = cli("community", "湘江", "--json").json
    assert doc["member"] is False and "not_a_unit_of_the_office" in doc["flags"]
    compound = cli("community", "天河嘉城", "--json").json
    assert compound["parent"] == "凤凰城社区"


def test_communities_now_and_as_of(cli):
    now = cli("communities", "--json").json
    assert len(now) == 18
    assert {r["name"] for r in now if r["office"] == "泰山路办事处筹建办"} == MOVED
    assert {r["name"] for r in now if r["office"] == "九州路办事处"} == STAYED
    assert set(now[0]) >= {"id", "quote", "name", "kind", "office"}
    before = cli("communities", "--as-of", "2017-10", "--office", "九州路", "--json").json
    assert names_of(before) == MOVED | STAYED
    after = cli("communities", "--as-of", "2017-11", "--office", "九州路办事处", "--json").json
    assert names_of(after) == STAYED
    assert cli("communities", "--as-of", "1999-06", "--json").json == []
    assert names_of(cli("communities", "--office", "泰山路", "--json").json) == MOVED


def test_communities_bad_as_of(cli):
    r = cli("communities", "--as-of", "2017-13")
    assert r.code == 2 and "YYYY-MM" in r.err


def test_communities_tree(cli):
    snaps = cli("communities", "--tree", "--json").json
    assert [s["as_of"] for s in snaps] == ["1999-07", "2017-11"]
    first = {o["office"]: {u["name"] for u in o["units"]} for o in snaps[0]["offices"]}
    second = {o["office"]: {u["name"] for u in o["units"]} for o in snaps[1]["offices"]}
    assert first == {"九州路办事处": MOVED | STAYED}
    assert second == {"九州路办事处": STAYED, "泰山路办事处筹建办": MOVED}
    table = cli("communities", "--tree", "--format", "table")
    assert table.code == 0 and "泰山路办事处筹建办（8）" in table.out and "九州路办事处（10）" in table.out


# ---------------------------------------------------------------- honours, figures, timeline, people, search


def test_honors_2017(cli):
    r = cli("honors", "2017", "--json")
    assert {(h["title"], h["year"], h["level"]) for h in r.json} == {
        ("全国创建无邪教示范街道", 2017, "国家"), ("省计划生育工作先进单位", 2017, "省"),
        ("省国企改革攻坚战先进单位", 2017, "省")}


def test_honors_level_and_no_year(cli):
    city = cli("honors", "--level", "市", "--json").json
    assert [(h["title"], h["year"]) for h in city] == [("鹤壁市平安建设先进街道", None)]
    assert cli("honors", "2016", "--json").json == []
    assert cli("honors", "20x7").code == 2
    assert cli("honors", "--level", "区").code == 2
    titles = {h["title"] for h in cli("honors", "--json").json}
    assert not any("国家卫生城市" in t or "国家园林城市" in t for t in titles)


def test_figures_filters(cli):
    econ = cli("figures", "--topic", "economy", "--json").json
    assert {(f["value"], f["unit"]) for f in econ} >= {(430000000, "元"), (37000000, "美元"), (7350000, "美元")}
    assert cli("figures", "--topic", "经济", "--json").json == econ
    for f in econ:
        assert {"id", "quote", "subject", "metric", "value", "unit", "qualifier", "period", "topic", "text"} <= set(f)
    dzd = cli("figures", "--subject", "大寨店", "--json").json
    assert {(f["value"], f["unit"]) for f in dzd} >= {(36, "栋"), (29, "栋"), (7, "栋"), (23, "栋"), (664, "套")}
    usd = cli("figures", "--unit", "美元", "--json").json
    assert {f["value"] for f in usd} == {37000000, 7350000}
    assert cli("figures", "--topic", "nonsense").code == 2
    assert cli("figures", "--unit", "光年").code == 2
    assert cli("figures", "--subject", "火星").code == 1


def test_timeline(cli):
    y2017 = cli("timeline", "2017", "--json").json
    assert {"event:redistricting", "event:dzd-first-return"} <= {e["id"] for e in y2017}
    assert all(e["date"].startswith("2017") for e in y2017)
    for e in y2017:
        assert {"id", "quote", "date", "precision", "inferred", "event"} <= set(e)
    window = cli("timeline", "--from", "2018-07", "--to", "2018-08-31", "--json").json
    ids = [e["id"] for e in window]
    assert "event:tianhejiacheng-branch" in ids and "event:liuquanfu-tally" in ids
    assert all(e["inferred"] for e in window)
    from jzcli.queries import date_bounds

    starts = [date_bounds(e["date"])[0] for e in cli("timeline", "--json").json]
    assert starts == sorted(starts)
    assert cli("timeline", "2017", "--from", "2017-01").code == 2
    assert cli("timeline", "--from", "2018-02-30").code == 2
    table = cli("timeline", "2018", "--format", "table", env={"LANG": "zh_CN.UTF-8"})
    assert "推断" in table.out


def test_people_roles_exactly_as_stated(cli):
    people = {p["name"]: p["role"] for p in cli("people", "--json").json}
    assert people["刘全福"] == "九州路办事处党工委副书记、主任"
    assert people["冯科峰"] is None
    assert people["张晓凯"] == "天河嘉城小区居民"


def test_search(cli):
    hits = cli("search", "海绵", "--json").json
    assert hits and all("海绵" in (h["text"] + h["quote"]) for h in hits)
    assert {"kind", "text", "id", "quote"} <= set(hits[0])
    assert {h["kind"] for h in hits} >= {"figure", "project"}
    assert cli("search", "这句话文章里没有", "--json").json == []
    assert cli("search", "  ").code == 2
    table = cli("search", "海绵", "--format", "table", env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert "\x1b[7m海绵" in table.out  # the match is highlighted


def test_overview(cli):
    doc = cli("overview", "--json").json
    assert doc["as_of"] == "2018-08-19"
    progress = {p["id"]: (p["value"], p["total"], p["unit"], p["share"]) for p in doc["progress"]}
    assert progress == {"fig:dzd-completed": (29, 36, "栋", 80.6), "fig:dzd-topped": (7, 36, "栋", 19.4),
                        "fig:dzd-delivered": (23, 36, "栋", 63.9),
                        "fig:h1-investment": (996000000, 1900000000, "元", 52.4)}
    key = {f["id"] for f in doc["key_figures"]}
    assert {"fig:tax-revenue", "fig:fdi", "fig:target-share"} <= key
    assert doc["counts"]["figures"] == 67 and doc["counts"]["units"] == 25
    table = cli("overview", "--format", "table", env={"COLUMNS": "120"})
    assert table.code == 0 and "80.6%" in table.out and "3700万美元" in table.out


# ---------------------------------------------------------------- output formats


def test_piped_default_is_tsv_without_colour(cli):
    r = cli("projects", "--min", "5亿")
    assert r.code == 0
    rows = r.tsv()
    assert names_of(rows) == SIGNED_GE_5E8
    assert list(rows[0]) == ["id", "name", "status", "investment_text", "min", "max", "match"]
    assert {row["status"] for row in rows} == {"signed"}  # the JSON value: one vocabulary (a table shows the label)
    assert "\x1b" not in r.out and "│" not in r.out and "─" not in r.out


def test_formats_agree(cli):
    js = cli("honors", "--json").json
    jl = [json.loads(line) for line in cli("honors", "--format", "jsonl").out.splitlines()]
    assert jl == js
    rows = list(csv.DictReader(io.StringIO(cli("honors", "--format", "csv").out)))
    assert [r["title"] for r in rows] == [h["title"] for h in js]
    assert cli("honors", "--json", "--format", "csv").code == 2
    assert cli("honors", "--format", "xml").code == 2


def test_empty_result_is_success(cli):
    r = cli("honors", "1990", "--json")
    assert r.code == 0 and r.out == "[]\n"
    t = cli("honors", "1990", "--format", "tsv")
    assert t.code == 0 and t.out == "id\ttitle\tyear\tlevel\ttext\tquote\n"


def test_table_escapes_markup_and_has_chinese_headers(cli, tmp_path):
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    first = next(iter(data["people"]))
    data["people"][first]["name"] = "[red]x[/red] [bold]"
    db = tmp_path / "f.json"
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("people", "--db", str(db), "--format", "table", env={"COLUMNS": "160", "LANG": "zh_CN.UTF-8"})
    assert r.code == 0
    assert "[red]x[/red] [bold]" in r.out
    assert "姓名" in r.out and "身份（原文）" in r.out


def test_db_option_and_env(cli, tmp_path):
    db = tmp_path / "copy.json"
    db.write_bytes(FACTS.read_bytes())
    assert cli("honors", "--db", str(db), "--json").json == cli("honors", "--json").json
    assert cli("honors", "--json", env={"JZCLI_DB": str(db)}).code == 0
    missing = tmp_path / "nope.json"
    r = cli("honors", "--db", str(missing))
    assert r.code == 3 and str(missing) in r.err and not missing.exists()
    r = cli("honors", env={"JZCLI_DB": str(missing)})
    assert r.code == 3 and not missing.exists()


# ---------------------------------------------------------------- export


def test_export_sqlite_csv_jsonl(cli, tmp_path):
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    total = sum(len(t) for t in data.values())
    db = tmp_path / "facts.db"
    r = cli("export", "--format", "sqlite", "--out", str(db))
    assert r.code == 0 and r.out == ""
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from projects").fetchone()[0] == len(data["projects"])
    assert con.execute("select name from units where id='unit:fenghuangcheng'").fetchone()[0] == "凤凰城社区"
    con.close()
    again = cli("export", "--format", "sqlite", "--out", str(db))
    assert again.code == 2 and "--force" in again.err
    assert cli("export", "--format", "sqlite", "--out", str(db), "--force").code == 0
    out_dir = tmp_path / "csv"
    assert cli("export", "--format", "csv", "--out", str(out_dir)).code == 0
    with open(out_dir / "figures.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(data["figures"])
    jl = tmp_path / "all.jsonl"
    assert cli("export", "--format", "jsonl", "--out", str(jl)).code == 0
    assert len(jl.read_text(encoding="utf-8").splitlines()) == total
    assert cli("export", "--format", "xml", "--out", str(tmp_path / "x")).code == 2
    assert not (tmp_path / "x").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".jzcli-export")]


# ---------------------------------------------------------------- help, version, docs


COMMANDS = ["projects", "community", "communities", "honors", "figures", "timeline", "people", "search",
            "overview", "export", "validate", "check", "ask", "audit", "show"]


def test_help_lists_every_command_with_examples(cli):
    r = cli("--help")
    assert r.code == 0
    for name in COMMANDS:
        assert f"  {name} " in r.out
    assert "Examples:" in r.out and "Exit codes:" in r.out


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(cli, name):
    r = cli(name, "--help")
    assert r.code == 0 and "Example" in r.out
    assert f"jzcli {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_version(cli):
    from jzcli import __version__

    r = cli("--version")
    assert r.code == 0 and r.out == f"jzcli {__version__}\n"


def test_usage_errors_are_one_line(cli):
    for args in (["nosuchcommand"], ["projects", "--nosuch"], ["community"], ["honors", "2017", "2018"]):
        r = cli(*args)
        assert r.code == 2, args
        assert r.err.count("\n") == 1 and r.err.startswith("jzcli: error: "), r.err
        assert "Traceback" not in r.err


def test_shell_completion_completes_unit_names(jz):
    env = {"_JZCLI_COMPLETE": "complete_bash", "COMP_WORDS": "jzcli community 凤", "COMP_CWORD": "2"}
    r = jz(env=env)
    assert r.code == 0 and r.out.split() == ["凤凰城社区"]
    env["COMP_WORDS"] = "jzcli community dazh"
    assert jz(env=env).out.split() == ["dazhaidiancun"]
    office = {"_JZCLI_COMPLETE": "complete_bash", "COMP_WORDS": "jzcli communities --office 泰", "COMP_CWORD": "3"}
    assert jz(env=office).out.split() == ["泰山路办事处筹建办"]
