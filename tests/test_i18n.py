"""The Chinese interface (issue 10, item 1): catalogs complete, help without English prose, data unchanged."""

from __future__ import annotations

import gettext as stdlib_gettext
import io
import json
import re
import string
from pathlib import Path

import pytest
from conftest import ROOT

from jzcli import catalog, i18n

PO = ROOT / "jzcli" / "locale" / "zh_CN" / "LC_MESSAGES" / "jzcli.po"
ZH = {"LANG": "zh_CN.UTF-8"}
C = {"LANG": "C.UTF-8"}


@pytest.fixture(scope="module")
def extracted():
    return catalog.extract(catalog.package_sources(ROOT / "jzcli"))


@pytest.fixture(scope="module")
def translations():
    return catalog.parse_po(PO.read_text(encoding="utf-8"))


def test_every_message_of_the_code_is_translated(extracted, translations):
    entries, problems = extracted
    assert problems == []  # no _(f"..."), no _("a" + b)
    assert len(entries) > 200
    missing = [k for k in entries if not translations.get(k)]
    assert missing == [], f"untranslated (run python -m jzcli.catalog and translate): {missing[:5]}"


def test_every_word_of_the_data_that_tables_show_is_translated(translations):
    """The curator's English in facts.json (notes, oddities, cross-check descriptions), the schema's values and
    the names of fields without a label: a Chinese table shows them translated (output.shown_value)."""
    data = catalog.data_messages(ROOT / "jzcli")
    assert len(data) > 150
    missing = [k for k in data if not translations.get(k)]
    assert missing == [], f"untranslated (run python -m jzcli.catalog and translate): {missing[:5]}"


def test_typer_and_click_words_are_translated_and_still_theirs(translations):
    import typer

    source = "".join(p.read_text(encoding="utf-8") for p in Path(typer.__file__).parent.rglob("*.py"))
    for word in i18n.TYPER_WORDS:
        assert translations.get(word), word
        assert word.replace("{name!r}", "{name").split("{")[0] in source, f"typer no longer says {word!r}"
    for shape in i18n.CLICK_SHAPES:
        assert translations.get(shape), shape


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_translations_keep_their_placeholders(translations):
    for msgid, msgstr in translations.items():
        if msgid == "":
            continue
        if isinstance(msgid, tuple):
            for form in msgstr:
                assert _fields(form) == _fields(msgid[1]), msgid
        else:
            assert _fields(msgstr) == _fields(msgid), msgid
            assert msgid.count("\b") <= msgstr.count("\b"), msgid  # Click's no-rewrap markers kept


def test_compiled_catalog_is_standard_gettext(translations):
    blob = catalog.write_mo(translations)
    assert catalog.read_mo(blob) == translations
    std = stdlib_gettext.GNUTranslations(io.BytesIO(blob))
    assert std.gettext("no matching records") == "没有符合条件的记录"
    assert std.ngettext("checked {n} item: ", "checked {n} items: ", 3) == "核对 {n} 处："


@pytest.mark.parametrize("env,lang", [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
    ({"LANG": "zh"}, "zh_CN"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "C.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "fr:zh", "LANG": "C.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "en:zh_CN", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),
])
def test_language_follows_the_locale(env, lang):
    assert i18n._from_environment(env) == lang


# ---------------------------------------------------------------- help without English prose

COMMANDS = ["projects", "community", "communities", "honors", "figures", "timeline", "people", "search",
            "overview", "validate", "export", "check", "ask", "audit", "show"]
# what may stay Latin in Chinese help: commands, options, metavars, formats, file names, env vars, examples
_ALLOWED = re.compile(
    r"^\s*(jzcli|cat) .*$|^用法：.*$"              # example command lines, the usage line
    r"|--?[a-z][a-z0-9-]*(=\S+)?"              # options
    r"|\b[A-Z][A-Z0-9_]*\b"                    # metavars, env vars (PATH, JZCLI_DB, CLAIM)
    r"|\$[A-Z]+|\b[a-z_]+:[a-z0-9-]+\b"         # $PAGER, ids (fig:dzd-started)
    r"|\b(table|json|jsonl|csv|tsv|sqlite|lines|invest|name|signed|landed|key_work|economy|construction|less"
    r"|shell|facts\.json|draft\.txt|draft\.docx|facts\.db|facts-csv|facts\.jsonl|txt|md|docx|utf-\d+-?[lb]?e?"
    r"|inferred|x|head)\b"
    r"|[./][\w./-]+", re.M)


def english_prose(text: str) -> list[str]:
    """Runs of two or more English words left once the allowed Latin tokens are taken out."""
    rest = _ALLOWED.sub(" ", text)
    return re.findall(r"[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,})+", rest)


def test_the_prose_detector_finds_english():
    assert english_prose("  --db PATH  Fact base to read instead") == ["Fact base to read instead"]
    assert english_prose("  --db PATH  改用这个事实库（环境变量 JZCLI_DB）。\n    jzcli projects --min 5亿") == []


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_in_chinese_has_no_english_prose(cli, command):
    args = ["--help"] if command is None else [command, "--help"]
    r = cli(*args, env=ZH)
    assert r.code == 0
    assert english_prose(r.out) == [], r.out
    assert "用法：" in r.out and "选项" in r.out and "显示本帮助并退出。" in r.out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_in_english_is_english(cli, command):
    r = cli(command, "--help", env=C)
    assert r.code == 0 and r.out.startswith("Usage: jzcli ") and "Show this message and exit." in r.out


def test_help_of_the_installed_command_in_chinese(jz):
    r = jz("check", "--help", env=ZH)
    assert r.code == 0 and english_prose(r.out) == []
    assert "核对数字：有据 / 不符 / 不明。" in r.out


# ---------------------------------------------------------------- errors, notes, tables

@pytest.mark.parametrize("args,zh,en", [
    (["projects", "--mni", "5亿"],
     "jzcli：错误：没有这个选项：--mni（可用的选项：--max, --min）（参见：jzcli projects --help）\n",
     "jzcli: error: No such option: --mni (Possible options: --max, --min) (see: jzcli projects --help)\n"),
    (["community"], "jzcli：错误：缺少参数 'NAME'。（参见：jzcli community --help）\n",
     "jzcli: error: Missing argument 'NAME'. (see: jzcli community --help)\n"),
    (["ask", "x", "--limit", "0"], "jzcli：错误：'--limit' 的值无效：0 不在范围 1<=x<=100 内。（参见：jzcli ask --help）\n",
     "jzcli: error: Invalid value for '--limit': 0 is not in the range 1<=x<=100. (see: jzcli ask --help)\n"),
    (["projects", "a", "b"], "jzcli：错误：多余的参数（a b）（参见：jzcli projects --help）\n",
     "jzcli: error: Got unexpected extra argument(s) (a b) (see: jzcli projects --help)\n"),
    (["comunity", "x"], "jzcli：错误：没有命令 'comunity'。你是不是要用 'community', 'communities'？（参见：jzcli --help）\n",
     "jzcli: error: No such command 'comunity'. Did you mean 'community', 'communities'? (see: jzcli --help)\n"),
    (["projects", "--sort", "x"], "jzcli：错误：--sort 只能是 invest 或 name，而不是 'x'\n",
     "jzcli: error: --sort takes invest or name, got 'x'\n"),
    (["projects", "--json", "--format", "csv"], "jzcli：错误：--json 和 --format csv 只能用一个\n",
     "jzcli: error: use just one of --json and --format csv\n"),
])
def test_errors_in_the_users_language(cli, args, zh, en):
    for env, expected in ((ZH, zh), (C, en)):
        r = cli(*args, env=env)
        assert (r.code, r.out, r.err) == (2, "", expected)


def test_notes_and_tables_in_chinese(cli):
    r = cli("projects", "--min", "5亿", "--format", "table", env={**ZH, "COLUMNS": "200"})
    assert r.err == "注意：未列出 4 个边界项目（区间端点恰好等于界限）；加 --maybe 可列出\n"
    assert "2018上半年签约" in r.out and "确定" in r.out and "投资额（原文）" in r.out
    en = cli("projects", "--min", "5亿", "--format", "table", env={**C, "COLUMNS": "200"})
    assert "signed 2018 H1" in en.out and "certain" in en.out and "Investment (as written)" in en.out
    topics = cli("figures", "--topic", "administration", "--format", "table", env={**ZH, "COLUMNS": "200"})
    assert "行政区划" in topics.out and "administration" not in topics.out


COMMAND_LINES = [
    ["projects", "--min", "5亿"], ["community", "凤凰城"], ["communities", "--tree"], ["honors"],
    ["figures", "--topic", "economy"], ["timeline", "2017"], ["people"], ["search", "海绵"], ["overview"],
    ["check", "大寨店社区开工29栋楼"], ["ask", "实际利用外资多少"], ["audit"], ["show", "fig:fdi"],
]


@pytest.mark.parametrize("args", COMMAND_LINES, ids=lambda a: a[0])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "csv"])
def test_data_is_the_same_in_every_locale(cli, args, fmt):
    zh = cli(*args, "--format", fmt, env=ZH)
    en = cli(*args, "--format", fmt, env=C)
    assert (zh.code, zh.out) == (en.code, en.out)
    if fmt == "json":
        json.loads(zh.out)


def test_json_start_loads_no_catalog(cli):
    """--json under a Chinese locale reads no catalog (start-up cost): it shows no message."""
    r = cli("projects", "--min", "5亿", "--maybe", "--json", env=ZH)
    assert r.code == 0
    assert i18n._state["catalog"] is None


def test_reasons_of_the_checker_are_translated(cli):
    """Every reason the checker gives over many claims (each figure of the article, and altered ones) has a
    Chinese form: a new reason wording fails here until it is in jzcli/reasons.py and the catalog."""
    from jzcli import check as ck
    from jzcli import draftview, factbase

    reader = ck.Reader(factbase.load())
    claims = []
    for f in factbase.load().tables["figures"].values() if isinstance(factbase.load().tables["figures"], dict) \
            else factbase.load().tables["figures"]:
        quote = f.get("quote") or ""
        claims.append(quote)
        if f.get("text"):
            claims.append(quote.replace(f["text"], "99" + f["text"].lstrip("0123456789.")))
    i18n.reset()
    import os

    old = os.environ.get("LANG")
    os.environ["LANG"] = "zh_CN.UTF-8"
    try:
        i18n.reset()
        reasons = {r.reason for c in claims for r in ck.check_sentence(reader, c)}
        untranslated = [r for r in reasons if english_prose(draftview.translate_reason(r))]
    finally:
        if old is None:
            os.environ.pop("LANG")
        else:
            os.environ["LANG"] = old
        i18n.reset()
    assert len(reasons) >= 5
    assert untranslated == []


def _skeleton(text: str) -> str:
    """A reason's literal parts: placeholders as {}, adjacent ones merged, none at the end."""
    s = re.sub(r"\{[^{}]*\}", "{}", text)
    while "{}{}" in s:
        s = s.replace("{}{}", "{}")
    return s[:-2] if s.endswith("{}") and len(s) > 2 else s


def test_every_reason_the_checker_can_give_has_a_template():
    """The f-strings the checker builds its reasons from (jzcli/check/*.py, read with ast) are each covered by
    a template in jzcli/reasons.py, so a new reason wording fails here until it is translated."""
    import ast

    from jzcli.reasons import TEMPLATES

    def skel(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = skel(node.left), skel(node.right)
            return (left if left is not None else "{}") + (right if right is not None else "{}")
        return None

    reasons = set()
    for path in (ROOT / "jzcli" / "check").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Result" and len(node.args) >= 4:
                reasons.add(skel(node.args[3]))
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2 \
                    and getattr(node.value.elts[0], "id", None) in ("SUPPORTED", "UNKNOWN", "CONTRADICTED"):
                reasons.add(skel(node.value.elts[1]))
    reasons = {r for r in reasons if r and r.strip("{}")}
    templates = {_skeleton(t) for t in TEMPLATES}
    assert len(reasons) >= 40
    assert sorted(r for r in reasons if _skeleton(r) not in templates) == []


# ---------------------------------------------------------------- the installed command, both locales, terminal and piped

@pytest.mark.parametrize("lang,err", [
    ("zh_CN.UTF-8", "jzcli：错误：没有名为 '凤凰城x' 的社区（村）；你是不是要找 凤凰城社区？\n"),
    ("C.UTF-8", "jzcli: error: no unit named '凤凰城x'; did you mean 凤凰城社区?\n"),
])
def test_installed_command_errors_in_both_locales(jz, lang, err):
    r = jz("community", "凤凰城x", env={"LANG": lang})
    assert (r.code, r.out, r.err) == (1, "", err)


@pytest.mark.parametrize("lang,header,label", [("zh_CN.UTF-8", "类别", "2018上半年签约"),
                                               ("C.UTF-8", "Category", "signed 2018 H1")])
def test_installed_command_tables_on_a_terminal_and_piped(jz, lang, header, label):
    piped = jz("projects", "--status", "signed", env={"LANG": lang})
    forced = jz("projects", "--status", "signed", "--format", "table",
                env={"LANG": lang, "TTY_COMPATIBLE": "1", "COLUMNS": "160"})
    assert header in forced.out and label in forced.out and "\x1b[" in forced.out
    assert piped.out.split("\n")[0].split("\t")[:3] == ["id", "name", "status"] and "\tsigned\t" in piped.out
    assert piped.code == forced.code == 0


@pytest.mark.parametrize("text", ["plain", 'a "quoted" word', "back\\slash", "tab\there", "line\nbreak\n",
                                  "中文：{name!r}", "\b\bno rewrap"])
def test_po_strings_read_back_as_written(text):
    po = 'msgid ""\nmsgstr "x"\n\nmsgid "k"\nmsgstr ' + catalog.quote_po(text) + "\n"
    assert catalog.parse_po(po)["k"] == text


@pytest.mark.parametrize("line", ['msgstr "a\\qb"', 'msgstr "unquoted', 'msgstr "in"side"'])
def test_a_broken_po_string_is_an_error(line):
    with pytest.raises(ValueError):
        catalog.parse_po('msgid "k"\n' + line + "\n")
