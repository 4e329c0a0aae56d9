"""Under a Chinese locale nothing a person reads is English (issue 10, item 1).

Not a list of the strings fixed so far: every command is run over a broad sample of inputs (every record, every
unit, every held-out claim and question, claims made from every figure, a draft, a damaged fact base, wrong
input of every kind) and its tables, notes, verdicts, reasons and errors are searched for English words. What may
stay Latin is named once below (ids, options, command lines, file names, units of measure, the article's own
Latin). A new message, a new reason of the checker, a new note of `ask` or a new curator's note in facts.json
fails here until it has a Chinese form.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest
from conftest import ARTICLE, FACTS, ROOT, _run_in_process

ZH = {"LANG": "zh_CN.UTF-8", "COLUMNS": "400"}  # wide: a word is never cut at the edge of the terminal

# What may stay Latin in Chinese output, each for a reason.
_ALLOWED = re.compile(
    r"\bjzcli(?: [a-z]+)?"                      # the command and its subcommands (jzcli show ID)
    r"|(?<![\w-])--?[a-z][a-z0-9-]*"            # options (--format, -f)
    r"|\b[a-z]+(?::[\w.-]+)+|\b[a-z]+:<"         # ids (fig:dzd-started, derived:years-since:event:founded)
    r"|\b[A-Z][A-Z0-9_]*[A-Z0-9]\b"             # metavars and environment variables (PATH, JZCLI_DB, ID)
    r"|[\w.-]*/[\w./-]*|[\w-]*(?:\.\w+)+"       # paths, file names, extensions (facts.json, .docx, meta.non_figures)
    r"|\b[a-z]*\d\w*"                           # tokens with digits: band keys (lt1e8), sizes (10MB)
    r"|\b\w+=\S+"                               # a field as the data has it (holds=True)
    r"|'[^'\s]*'|\"[^\"\s]*\""                  # a value quoted as given ('cancelled', 'x')
    r"|\b(?:json|jsonl|csv|tsv|table|lines|sqlite|invest|name|null|str|int|float|bool|list|dict|object|number"
    r"|map|true|false|True|False|None|utf|YYYY|MM|DD|x)\b"  # formats, sort keys, JSON and schema types
    r"|\b(?:" + "|".join(sorted(set(re.findall(r"[A-Za-z]{2,}", ARTICLE.read_text(encoding="utf-8")))
                                   if ARTICLE.exists() else {"PM", "and"})) + r")\b"  # the article's own Latin
)
_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=1)
def _pinyin() -> frozenset:
    """The fact base's pinyin spellings (what `show` prints of a unit or project): romanised Chinese, no English."""
    words: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            words.update(_WORD.findall(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for rows in _facts().values():
        for rec in rows.values():
            walk(rec.get("pinyin"))
    return frozenset(words)


@lru_cache(maxsize=1)
def _typed() -> frozenset:
    """What a user types and an error lists as the choices: field names (--fields), the schema's values
    (--status signed), topics (--topic economy), encodings (--encoding gbk); and the names a curator finds in
    facts.json, which `validate` quotes (tables, fields)."""
    from jzcli import cli, drafts, schema

    words = {w for c in cli.COMMANDS.values() for f in c.fields for w in _WORD.findall(f)}
    words |= {w for t in schema.TABLES.values() for name in (t.name, *(f.name for f in t.fields))
              for w in _WORD.findall(name)}
    words |= {w for t in schema.TABLES.values() for f in t.fields if isinstance(f.enum, tuple)
              for v in f.enum for w in _WORD.findall(str(v))}
    words |= {w for rec in _facts()["meta"].values() for t in rec.get("topics") or {} for w in _WORD.findall(t)}
    words |= {w for e in drafts.ENCODINGS for w in _WORD.findall(e)}
    return frozenset(words | {"NaN", "Infinity"})


def english(text: str) -> list[str]:
    """The English words left once what may stay Latin is taken out."""
    return [w for w in _WORD.findall(_ALLOWED.sub(" ", text)) if w not in _pinyin()]


def english_outside_choices(text: str) -> list[str]:
    """english(), where an error's list of choices (names a user types) may stay as typed."""
    return [w for w in english(text) if w not in _typed()]


def test_the_detector_finds_english_and_passes_what_may_stay():
    assert english("原文为36栋 and gives no 书记") == ["gives", "no"]
    assert english("说明：left out 2 borderline") == ["left", "out", "borderline"]
    assert english("核算   check") == ["check"]
    assert english("jzcli：错误：没有这个选项：--mni（参见：jzcli projects --help）") == []
    assert english("fig:fdi  /tmp/x/facts.json  draft.docx  JZCLI_DB  'cancelled'  holds=True  10MB  lt1e8") == []


# ---------------------------------------------------------------- the sample


@lru_cache(maxsize=1)
def _facts() -> dict:
    return json.loads(FACTS.read_text(encoding="utf-8"))


def _records(table: str) -> list[dict]:
    return list(_facts()[table].values())


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _claims() -> list[str]:
    """The held-out claims; each figure's quote, and the quote with the figure altered; statements of every
    other kind made from the records, right and wrong: dates, titles and levels, roles, offices, designations."""
    claims = [c["claim"] for name in ("a", "b", "c") for c in _jsonl(f"heldout_{name}_claims.jsonl")]
    for f in _records("figures"):
        claims.append(f["quote"])
        if f.get("text") and f["text"] in f["quote"]:
            claims.append(f["quote"].replace(f["text"], "99" + f["text"].lstrip("0123456789."), 1))
    for e in _records("events"):
        if e.get("date_text"):
            claims += [f"{e['date_text']}，{e['event']}", f"2015年3月，{e['event']}", f"{e['event']}是在2017年11月之前"]
    for p in _records("people"):
        claims += [f"{p['name']}是{p.get('role') or '居民'}", f"{p['name']}是九州路办事处党工委书记"]
    for h in _records("honours"):
        claims += [f"九州路办事处获得{h['title']}称号", f"{h.get('year') or 2016}年度，九州路办事处获得国家级{h['title']}荣誉"]
    offices = [u["name"] for u in _records("units") if u.get("kind") in ("办事处", "筹建办")]
    for u in _records("units"):
        claims += [f"区划调整后，{u['name']}划归{office}" for office in offices[:2]]
        claims += [f"{u['name']}是生态型社区", f"{u['name']}在2017年11月以前属于{offices[0]}"]
    return claims


def _questions() -> list[str]:
    return [q["question"] for name in ("a", "b", "c") for q in _jsonl(f"heldout_{name}_questions.jsonl")]


TABLE = ("--format", "table")
READS = [
    ["projects"], ["projects", "--min", "5亿", "--maybe"], ["projects", "--max", "1亿", "--maybe"],
    ["projects", "--sort", "name", "--fields", "id,name,status,match,band,period"],
    ["communities"], ["communities", "--tree"], ["communities", "--all"], ["communities", "--as-of", "2017-10"],
    ["honors"], ["figures"], ["timeline"], ["people"], ["overview"], ["audit"],
    ["search", "海绵"], ["search", "项目"], ["search", "社区"], ["search", "办事处"],
    *(["figures", "--topic", t] for t in sorted({f["topic"] for f in _records("figures")})),
    *(["community", u["name"]] for u in _records("units")),
]


def _every_read() -> list[list[str]]:
    reads = [[*args, *TABLE] for args in READS]
    reads += [["show", rec["id"], *TABLE] for rows in _facts().values() for rec in rows.values()]
    if ARTICLE.exists():
        reads.append(["show", "fig:fdi", "--source", str(ARTICLE), *TABLE])
    return reads


def _zh(*args: str) -> str:
    r = _run_in_process(list(args), ZH)
    return r.out + r.err


def _english_in(runs) -> dict[str, list]:
    """{English word: the first command line that printed it}, over `runs` (command lines)."""
    found: dict[str, list] = {}
    for args in runs:
        for word in english(_zh(*args)):
            found.setdefault(word, args)
    return found


# ---------------------------------------------------------------- the tests


def test_every_read_command_and_every_record_in_chinese():
    runs = _every_read()
    assert len(runs) > 300
    assert _english_in(runs) == {}


def test_every_claim_and_its_reasons_in_chinese():
    runs = [["check", c, *TABLE] for c in _claims()]
    assert len(runs) > 600
    assert _english_in(runs) == {}


def test_every_question_and_its_notes_in_chinese():
    runs = [["ask", q, *TABLE] for q in _questions()]
    assert len(runs) > 150
    assert _english_in(runs) == {}


def test_every_field_in_a_chinese_table():
    """--fields shows fields a table leaves out by default (a note of `ask`, the arithmetic, a curator's note):
    each in the user's language too."""
    from jzcli import cli

    every = {name: ",".join(c.fields) for name, c in cli.COMMANDS.items()}
    runs = [["projects", "--maybe"], ["community", "凤凰城"], ["community", "西臣投"], ["honors"],
            ["figures"], ["timeline"], ["people"], ["search", "海绵"], ["overview"], ["audit"]]
    runs = [[*args, "--fields", every[args[0]], *TABLE] for args in runs]
    runs += [["check", c, "--fields", ",".join(cli.CLAIM_EVIDENCE.keys), *TABLE] for c in _claims()[::7]]
    runs += [["ask", q, "--fields", ",".join(cli.ANSWERS.keys), *TABLE] for q in _questions()[::3]]
    assert _english_in(runs) == {}


def test_a_draft_with_fields_and_format_table(draft):
    """--fields with --format table for a draft: a table of those fields (labels in the user's language), the
    summary on stderr; the same items as the TSV of those fields."""
    r = _run_in_process(["check", "--file", draft, "--fields", "line,figure,verdict", *TABLE], ZH)
    assert r.code in (0, 1) and r.err.startswith("核对 ")
    head = [line.split() for line in r.out.splitlines() if line.strip()][1]
    assert head == ["行", "数字", "结论"]
    tsv = _run_in_process(["check", "--file", draft, "--fields", "line,figure,verdict", "--format", "tsv"], ZH)
    items = [row.split("\t")[1] for row in tsv.out.splitlines()[1:]]
    shown = [line.split()[1] for line in r.out.splitlines() if line.strip()[:1].isdigit()]
    assert shown == items and len(items) > 100


def test_notes_beside_script_output_in_chinese(tmp_path):
    """TSV, CSV and JSON carry the data as it is; what goes to stderr beside them (notes, summaries, `wrote`,
    `ok`) is for the person."""
    draft = tmp_path / "draft.txt"
    draft.write_text("大寨店社区开工36栋楼。\n九州路办事处成立于1999年7月。\n", encoding="utf-8")
    runs = [[*args, "--format", fmt] for args in READS for fmt in ("tsv", "json")]
    runs += [["check", c, "--format", "tsv"] for c in _claims()[::5]]
    runs += [["ask", q, "--format", "tsv"] for q in _questions()[::5]]
    runs += [["check", "--file", str(draft), "--format", fmt] for fmt in ("tsv", "csv", "json", "jsonl", "lines")]
    runs += [["export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")], ["validate"],
             ["export", "--format", "csv", "--out", str(tmp_path / "csv")], ["search", "没有这个词", *TABLE],
             ["export", "--format", "sqlite", "--out", str(tmp_path / "x.db")], ["timeline", "1990", *TABLE]]
    found = {}
    for args in runs:
        for word in english(_run_in_process(args, ZH).err):
            found.setdefault(word, args)
    assert found == {}


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    path = tmp_path_factory.mktemp("zh") / "draft.txt"
    claims = _claims()
    paragraphs = ["".join(claims[i:i + 4]) for i in range(0, 120, 4)]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["table", "lines"])
def test_a_draft_in_chinese(draft, fmt):
    text = _zh("check", "--file", draft, "--format", fmt)
    assert "✔" in text or ": supported:" in text
    # `lines` keeps the verdict words of the compiler convention (DRAFT:LINE:COL: supported: ...) for editors
    words = english(re.sub(r": (?:supported|contradicted|unknown): ", ": ", text))
    assert words == []


def _damaged(tmp_path) -> str:
    """facts.json with one problem of every kind validate reports."""
    data = json.loads(FACTS.read_text(encoding="utf-8"))

    def rec(table, rid):
        return next(r for r in data[table].values() if r["id"] == rid)

    rec("figures", "fig:dzd-topped")["value"] = 8  # a cross-check no longer holds
    rec("figures", "fig:fdi")["mentions"] = ["unit:nowhere"]  # a reference that does not resolve
    rec("people", "person:liuquanfu")["quote"] = "刘全福是区长"  # not in the article
    rec("units", "unit:guihe")["id"] = "unit:jinhe"  # a duplicate id
    rec("projects", "project:aoti")["status"] = "cancelled"  # not in the enum
    rec("people", "person:lixueting")["unit"] = "fig:fdi"  # resolves, but not to a unit
    rec("places", "place:meiyuan")["colour"] = "红"  # a field the schema does not declare
    rec("figures", "fig:trade")["status"] = 5  # the wrong type
    del rec("figures", "fig:tax-revenue")["subject_name"]  # a missing field
    rec("events", next(iter(r["id"] for r in data["events"].values())))["date"] = "2018-02-30"  # no date
    rec("figures", "fig:area-1999")["value"] = 10 ** 30  # too large
    rec("units", "unit:dongfang")["designations"] = ["东方", 3]  # a list holding a number
    rec("honours", next(iter(r["id"] for r in data["honours"].values())))["quote"] = ""  # an empty quote
    rec("places", "place:meiyuan")["quote"] = "很长" * 100  # too long
    rec("figures", "fig:dzd-completed")["id"] = "FIG_X"  # not an id of the form fig:slug
    checks = list(data["checks"].values())
    checks[1]["terms"] = ["fig:nowhere"]  # a check whose input does not resolve
    checks[2]["kind"] = "product"  # an unknown kind of check
    data["额外"] = {"1": {"id": "额外:x", "quote": "x"}}  # a table the schema does not have
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_validate_of_a_damaged_fact_base_in_chinese(tmp_path):
    db = _damaged(tmp_path)
    args = ["validate", "--db", db] + (["--source", str(ARTICLE)] if ARTICLE.exists() else [])
    r = _run_in_process(args, ZH)
    assert r.code == 3 and len(r.out.splitlines()) >= 25
    assert english_outside_choices(r.out + r.err) == []
    audit = _zh("audit", "--db", db, *TABLE)
    assert english(audit) == []


def _bad_files(tmp_path) -> dict[str, str]:
    (tmp_path / "folder").mkdir()
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "utf16.txt").write_bytes("大寨店社区开工36栋楼".encode("utf-16-le"))
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"units": {"1": {"id": "unit:x",}}}', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "nan.json").write_text('{"units": {"1": {"id": NaN}}}', encoding="utf-8")
    (tmp_path / "dup.json").write_text('{"units": {}, "units": {}}', encoding="utf-8")
    (tmp_path / "notables.json").write_text("{}", encoding="utf-8")
    (tmp_path / "exists.jsonl").write_text("x", encoding="utf-8")
    return {name: str(tmp_path / name) for name in ("folder", "binary.txt", "utf16.txt", "fake.docx", "empty.json",
                                                    "bad.json", "list.json", "nan.json", "dup.json",
                                                    "notables.json", "exists.jsonl", "missing.txt")}


def _bad_input(f: dict[str, str]) -> list[list[str]]:
    return [
        ["projects", "--mni", "5亿"], ["projects", "--min", "很多"], ["projects", "--min", "5亿", "--max", "1亿"],
        ["projects", "--sort", "x"], ["projects", "--status", "x"], ["projects", "--json", "--format", "csv"],
        ["projects", "--format", "xml"], ["projects", "--fields", "nope"], ["projects", "--fields", ","],
        ["projects", "a"], ["comunity", "x"], ["community"], ["community", "凤凰城x"], ["community", "社区"],
        ["communities", "--office", "不存在"], ["communities", "--as-of", "2017-13"], ["honors", "1900"],
        ["honors", "--level", "x"], ["figures", "--topic", "x"], ["figures", "--unit", "x"],
        ["figures", "--subject", "x"], ["timeline", "abc"], ["timeline", "--from", "2019", "--to", "2017"],
        ["search", ""], ["search", "没有这个词"], ["show", "nope"], ["show", "fig"], ["show", "fig:fdi", "--source",
                                                                                      f["missing.txt"]],
        ["check"], ["check", "今天天气很好"], ["check", "x", "--file", f["missing.txt"]], ["check", ""],
        ["check", "--file", f["missing.txt"]], ["check", "--file", f["folder"]], ["check", "--file", f["binary.txt"]],
        ["check", "--file", f["utf16.txt"]], ["check", "--file", f["fake.docx"]],
        ["check", "--file", f["utf16.txt"], "--encoding", "klingon"], ["check", "--file", f["utf16.txt"],
                                                                       "--max-size", "huge"],
        ["check", "--file", f["utf16.txt"], "--max-size", "1"], ["check", "一" * 3000], ["check", "x", "--format",
                                                                                           "lines"],
        ["ask", ""], ["ask", "你好吗"], ["ask", "x", "--limit", "0"], ["ask", "x", "--limit", "many"],
        ["audit", "--db", f["missing.txt"]], ["overview", "--db", f["folder"]], ["people", "--db", f["empty.json"]],
        ["people", "--db", f["bad.json"]], ["people", "--db", f["list.json"]], ["people", "--db", f["nan.json"]],
        ["people", "--db", f["dup.json"]], ["people", "--db", f["notables.json"]], ["people", "--db", ""],
        ["validate", "--source", f["missing.txt"]], ["validate", "--source", f["binary.txt"]],
        ["export", "--format", "sqlite"], ["export", "--format", "xml", "--out", "-"],
        ["export", "--format", "jsonl", "--out", f["exists.jsonl"]], ["export", "--format", "csv", "--out", "-"],
        ["export", "--format", "jsonl", "--excel", "--out", "-"], ["export", "--format", "jsonl", "--out", ""],
        ["export", "--format", "jsonl", "--out", str(FACTS)], ["export", "--format", "csv", "--out", f["folder"]],
        ["export", "--format", "jsonl", "--out", f["folder"] + "/nowhere/x.jsonl"],
    ]


def test_errors_for_bad_input_in_chinese(tmp_path):
    runs = _bad_input(_bad_files(tmp_path))
    found = {}
    for args in runs:
        r = _run_in_process(args, ZH)
        assert r.code != 0 or r.err == "" or "注意" in r.err or "没有" in r.err, (args, r.err)
        for word in english_outside_choices(r.err):
            found.setdefault(word, (args, r.err))
    assert found == {}


def test_english_is_still_english():
    """The same sample under C.UTF-8 speaks English: the Chinese above comes from the catalog, not the code."""
    r = _run_in_process(["check", "张晓凯是天河嘉城小区党支部书记。", *TABLE], {"LANG": "C.UTF-8", "COLUMNS": "400"})
    assert "the article calls 张晓凯 天河嘉城小区居民 and gives no 书记" in r.out
    r = _run_in_process(["audit", *TABLE], {"LANG": "C.UTF-8", "COLUMNS": "400"})
    assert "The landed projects list ends with 等一批" in r.out and "12 listed = 12 stated" in r.out


@pytest.mark.parametrize("lang,signum,said", [("zh_CN.UTF-8", 15, "jzcli：错误：已终止\n"),
                                              ("zh_CN.UTF-8", 1, "jzcli：错误：终端已挂断\n"),
                                              ("C.UTF-8", 15, "jzcli: error: terminated\n")])
def test_a_signal_is_said_in_the_users_language(lang, signum, said):
    """The handler safeio installs (SIGTERM, SIGHUP; SIGINT likewise) speaks the user's language, then exits."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "LANG": lang, "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    proc = subprocess.run([sys.executable, "-c", f"from jzcli import safeio; safeio._on_signal({signum}, None)"],
                          capture_output=True, env=env, timeout=60)
    assert (proc.returncode, proc.stderr.decode("utf-8")) == (128 + signum, said)


def _depth_ok(text: str) -> bool:
    """Every bracket closed by its own kind: ( by ), （ by ）."""
    stack = []
    for c in text:
        if c in "(（":
            stack.append(")" if c == "(" else "）")
        elif c in ")）" and (not stack or stack.pop() != c):
            return False
    return not stack


def test_a_translated_reason_keeps_its_brackets(monkeypatch):
    """A part of a reason is taken whole: "(the year is inferred: 今年 = {year})" does not take "2018) (derived:
    …" as the year. Every reason the sample gives, brackets balanced in English, is balanced in Chinese."""
    from jzcli import check as ck
    from jzcli import factbase, i18n
    from jzcli.reasons import translate

    reader = ck.Reader(factbase.load(FACTS))
    reasons = {r.reason for c in _claims() for r in ck.check_sentence(reader, c)}
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.reset()
    try:
        broken = [(r, translate(r)) for r in sorted(reasons) if _depth_ok(r) and not _depth_ok(translate(r))]
    finally:
        i18n.reset()
    assert len(reasons) > 250
    assert broken == []


@pytest.mark.parametrize("lang,said", [
    ("zh_CN.UTF-8", "bash 命令补全已安装到 {path}\n重新打开终端后命令补全即生效\n"),
    ("C.UTF-8", "bash completion installed in {path}\nCompletion will take effect once you restart the terminal\n")])
def test_installing_completion_is_said_in_the_users_language(jz, tmp_path, lang, said):
    """Typer says it with an f-string, out of gettext's reach: jzcli says it again, translated."""
    r = jz("--install-completion", "bash", env={"HOME": str(tmp_path), "SHELL": "/bin/bash", "LANG": lang})
    path = tmp_path / ".bash_completions" / "jzcli.sh"
    assert (r.code, r.out) == (0, said.format(path=path)) and path.exists()
