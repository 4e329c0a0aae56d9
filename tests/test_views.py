"""Output views (jzcli/output.py): one vocabulary per key across JSON, JSONL, CSV and TSV; labels only in tables;
--fields on every read command in every format; completion of field names and option values."""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path

import pytest

from jzcli.output import cell

ROOT = Path(__file__).resolve().parent.parent

# one command line per view a read command prints
READS = [
    ["projects"],
    ["projects", "--min", "5亿", "--maybe"],
    ["community", "凤凰城"],
    ["communities"],
    ["communities", "--tree"],
    ["honors"],
    ["figures", "--topic", "economy"],
    ["timeline"],
    ["people"],
    ["search", "海绵"],
    ["overview"],
    ["check", "大寨店社区开工37栋楼"],
    ["ask", "大寨店社区开工了多少栋楼"],
    ["ask", "大寨店社区已完工的楼占开工总数的多少"],  # a derived answer: its arithmetic
    ["audit"],
    ["show", "fig:dzd-started"],
]
OBJECTS = {"community", "show"}  # a single record: field/value rows in CSV and TSV


ZH = {"LANG": "zh_CN.UTF-8"}


def test_every_read_command_takes_fields():
    from jzcli import cli

    readers = {name for name, cmd in cli.COMMANDS.items() if any("--json" in p.decls for p in cmd.params)}
    assert readers == {name for name, cmd in cli.COMMANDS.items() if any("--fields" in p.decls for p in cmd.params)}
    assert readers == {args[0] for args in READS}


def _formats(cli, args):
    res = {fmt: cli(*args, "--format", fmt) for fmt in ("json", "jsonl", "csv", "tsv")}
    for fmt, r in res.items():
        assert r.code in (0, 1) and r.out, (args, fmt, r.err)
    return res


def _tsv(text: str) -> list[dict]:
    lines = text.rstrip("\n").split("\n")
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


def _unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r").replace("\\\\", "\\")


@pytest.mark.parametrize("args", [a for a in READS if a[0] not in OBJECTS], ids=" ".join)
def test_one_vocabulary_per_key_across_formats(cli, args):
    """A key means the same value in JSON, JSONL, CSV and TSV: `status` is `signed` everywhere, never the label."""
    res = _formats(cli, args)
    doc = res["json"].json
    assert [json.loads(line) for line in res["jsonl"].out.splitlines()] == (doc if isinstance(doc, list) else [doc])
    tsv = [{k: _unescape(v) for k, v in row.items()} for row in _tsv(res["tsv"].out)]
    assert list(csv.DictReader(io.StringIO(res["csv"].out))) == tsv
    if isinstance(doc, list) and doc and len(doc) == len(tsv):  # rows are the records: every shared key agrees
        shared = 0
        for record, row in zip(doc, tsv):
            for key in set(record) & set(row):
                assert row[key] == cell(record[key]), (args, key)
                shared += 1
        assert shared
    # with every field asked for, JSON objects and TSV rows carry the same raw values
    fields = _tsv(res["tsv"].out) and list(_tsv(res["tsv"].out)[0])
    picked = cli(*args, "--format", "json", "--fields", ",".join(fields))
    tsv_picked = cli(*args, "--format", "tsv", "--fields", ",".join(fields))
    assert [{k: cell(v) for k, v in obj.items()} for obj in picked.json] == \
        [{k: _unescape(v) for k, v in row.items()} for row in _tsv(tsv_picked.out)]


def test_status_is_signed_in_every_script_format_and_a_label_in_the_table(cli):
    res = _formats(cli, ["projects", "--status", "signed"])
    assert {p["status"] for p in res["json"].json} == {"signed"}
    assert {json.loads(line)["status"] for line in res["jsonl"].out.splitlines()} == {"signed"}
    assert {r["status"] for r in csv.DictReader(io.StringIO(res["csv"].out))} == {"signed"}
    assert {r["status"] for r in _tsv(res["tsv"].out)} == {"signed"}
    table = cli("projects", "--status", "signed", "--format", "table", env={"COLUMNS": "200", "LANG": "zh_CN.UTF-8"})
    assert "2018上半年签约" in table.out and "signed" not in table.out
    assert "类别" in table.out and "下限" in table.out and "5亿元" in table.out  # labels, amounts for people


# ---------------------------------------------------------------- --fields


def test_fields_pick_and_order_in_every_format(cli):
    args = ["projects", "--min", "5亿", "--fields", "name,min,id"]
    js = cli(*args, "--json")
    assert js.code == 0
    assert js.json == [
        {"name": "清水湾生活广场项目", "min": 500000000, "id": "project:qingshuiwan-guangchang"},
        {"name": "东方颐养园项目", "min": 500000000, "id": "project:dongfangyiyangyuan"},
        {"name": "书香时代广场项目", "min": 1000000000, "id": "project:shuxiangshidai"},
        {"name": "南水西郡项目", "min": 1000000000, "id": "project:nanshuixijun"},
    ]
    assert [json.loads(line) for line in cli(*args, "--format", "jsonl").out.splitlines()] == js.json
    assert cli(*args, "--format", "csv").out == (
        "name,min,id\n"
        "清水湾生活广场项目,500000000,project:qingshuiwan-guangchang\n"
        "东方颐养园项目,500000000,project:dongfangyiyangyuan\n"
        "书香时代广场项目,1000000000,project:shuxiangshidai\n"
        "南水西郡项目,1000000000,project:nanshuixijun\n")
    assert cli(*args, "--format", "tsv").out == cli(*args, "--format", "csv").out.replace(",", "\t")
    table = cli(*args, "--format", "table", env={"COLUMNS": "200", "LANG": "zh_CN.UTF-8"}).out.splitlines()
    header = next(line for line in table if "项目" in line and "下限" in line)
    assert header.split() == ["项目", "下限", "编号"]  # the order asked for, labels for people
    assert "5亿元" in "\n".join(table) and "类别" not in "\n".join(table)


def test_fields_can_ask_for_a_field_not_shown_by_default(cli):
    r = cli("projects", "--status", "landed", "--fields", "name,quote", "--format", "tsv")
    assert r.code == 0 and r.out.splitlines()[0] == "name\tquote"
    assert all(row["quote"] for row in _tsv(r.out))
    assert "quote" not in _tsv(cli("projects", "--format", "tsv").out)[0]


def test_fields_on_a_single_record_and_on_a_document(cli):
    assert cli("community", "凤凰城", "--fields", "office,name", "--json").json == \
        {"office": "九州路办事处", "name": "凤凰城社区"}
    assert cli("community", "凤凰城", "--fields", "office,name", "--format", "tsv").out == \
        "field\tvalue\noffice\t九州路办事处\nname\t凤凰城社区\n"
    assert cli("show", "fig:dzd-started", "--fields", "value,unit", "--format", "jsonl").out == \
        '{"value": 36, "unit": "栋"}\n'
    claim = cli("check", "大寨店社区开工37栋楼", "--fields", "verdict,fact", "--json")
    assert (claim.code, claim.json) == (1, [{"verdict": "contradicted", "fact": "fig:dzd-started"}])
    tree = cli("communities", "--tree", "--fields", "as_of,name", "--format", "csv")
    assert tree.out.splitlines()[0] == "as_of,name" and len(tree.out.splitlines()) > 10


def test_unknown_field_exits_2_listing_the_fields(cli):
    for fmt in ("json", "jsonl", "csv", "tsv", "table"):
        r = cli("projects", "--fields", "name,bogus", "--format", fmt)
        assert (r.code, r.out) == (2, "")
        assert r.err == ("jzcli: error: unknown field 'bogus': choose from "
                         "id,name,status,investment_text,min,max,match,band,period,quote\n")
    r = cli("people", "--fields", ",", "--json")
    assert (r.code, r.out, r.err) == (2, "", "jzcli: error: --fields needs field names: choose from "
                                              "id,name,role,quote,unit,age\n")
    r = cli("projects", "--min", "5亿", "--fields", "x")
    assert r.code == 2 and "note:" not in r.err  # the usage error comes before any note


# ---------------------------------------------------------------- tables: labels, whole numbers and ids


def test_numbers_dates_and_ids_never_break_across_lines(cli):
    for width in ("80", "100", "120", "160"):
        for args in (["figures"], ["timeline"], ["projects"], ["ask", "大寨店社区开工了多少栋楼"]):
            r = cli(*args, "--format", "table", env={"COLUMNS": width})
            rows = cli(*args, "--json").json
            assert r.code == 0
            for rec in rows:
                assert rec["id"] in r.out, (width, args, rec["id"])
                if "value" in rec and rec["value"] is not None:
                    assert str(rec["value"]) in r.out, (width, args, rec["id"])


def test_no_command_routes_json_or_picks_values_per_format():
    """Commands are parse → query → render: only jzcli/output.py looks at the format to decide what to show."""
    tree = ast.parse((ROOT / "jzcli" / "cli.py").read_text(encoding="utf-8"))
    names = {n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(tree)
             if isinstance(n, (ast.Attribute, ast.Name))}
    assert "dump_json" not in names
    compared = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Compare)
                and any(isinstance(c, ast.Constant) and c.value in ("json", "jsonl", "csv", "tsv")
                        for c in n.comparators)]
    assert compared == []
    indexed = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call)
               and getattr(n.func, "attr", "") in ("pop", "insert") and n.args
               and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, int)]
    assert indexed == []


# ---------------------------------------------------------------- completion


def _complete(jz, words: str) -> list[str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    r = jz(env={"_JZCLI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
    assert r.code == 0, r.err
    return r.out.split()


def test_completion_offers_fields_ids_and_option_values(jz):
    assert _complete(jz, "jzcli projects --fields na") == ["name"]
    assert _complete(jz, "jzcli projects --fields name,m") == ["name,min", "name,max", "name,match"]
    assert _complete(jz, "jzcli show fig:dzd-s") == ["fig:dzd-started"]
    assert _complete(jz, "jzcli figures --topic econ") == ["economy"]
    assert "栋" in _complete(jz, "jzcli figures --unit ") and "美元" in _complete(jz, "jzcli figures --unit ")
    assert _complete(jz, "jzcli figures --subject 大寨") == ["大寨店村"]
    assert _complete(jz, "jzcli honors --level ") == ["国家", "省", "市"]
    assert _complete(jz, "jzcli people --format js") == ["json", "jsonl"]
    assert _complete(jz, "jzcli export --format s") == ["sqlite"]


def test_a_narrow_table_gives_up_the_quote_first_then_becomes_record_blocks(cli):
    """Labels and the note in Chinese (LANG=zh_CN.UTF-8); the English note too."""
    wide = cli("people", "--format", "table", env={"COLUMNS": "120", **ZH})
    assert "原文" in wide.out and wide.err == ""
    narrow = cli("people", "--format", "table", env={"COLUMNS": "50", **ZH})
    header = next(line for line in narrow.out.splitlines() if "姓名" in line)
    assert header.split() == ["姓名", "身份（原文）", "编号"]
    assert narrow.err == "（终端太窄，未显示原文：可用 jzcli show 编号，或 --format tsv）\n"
    english = cli("people", "--format", "table", env={"COLUMNS": "50"})
    assert english.err == "(Quote left out at this width: jzcli show ID, or --format tsv)\n"
    assert all(p["id"] in narrow.out for p in cli("people", "--json").json)
    blocks = cli("people", "--format", "table", env={"COLUMNS": "40", **ZH})
    assert "编号：person:zhangxiaokai" in blocks.out and "原文：" in blocks.out  # every field, one per line
    picked = cli("people", "--format", "table", "--fields", "name,role,quote,id", env={"COLUMNS": "50", **ZH})
    assert picked.err == "" and "原文" in picked.out  # a field asked for is never left out
