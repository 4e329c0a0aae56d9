"""Drafts as reporters write them (issue 10, item 3; issue 12, item 4) and the draft view (issue 10, item 2)."""

from __future__ import annotations

import codecs
import json
import os
import subprocess

import pytest
from conftest import installed_command

DRAFT = (
    "九州路办事处的经济数据。\n"
    "大寨店社区开工36栋楼，已交付23栋。\n"
    "\n"
    "大寨店社区开工29栋楼。实际利用外资3700万美元，进出口贸易额735万美元。\n"
    "没有数字的一行。\n"
)
# (line, column, figure, verdict, id): computed by hand from DRAFT (columns count characters, 1-based)
EXPECTED = [
    (2, 8, "36栋", "supported", "fig:dzd-started"),
    (2, 16, "23栋", "supported", "fig:dzd-delivered"),
    (4, 8, "29栋", "contradicted", "fig:dzd-started"),
    (4, 19, "3700万美元", "supported", "fig:fdi"),
    (4, 33, "735万美元", "supported", "fig:trade"),
]
ROW_KEYS = ["line", "column", "kind", "figure", "verdict", "reason", "id", "article", "quote", "sentence"]


def _plain(rows):
    return [(int(r["line"]), int(r["column"]), r["figure"], r["verdict"], r["id"]) for r in rows]


def test_columns_point_at_the_figure():
    for line, col, figure, _v, _id in EXPECTED:
        assert DRAFT.split("\n")[line - 1][col - 1:].startswith(figure)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_tsv_rows_carry_line_column_reason_and_id(cli, draft):
    r = cli("check", "--file", str(draft))
    assert r.code == 1  # one figure contradicted
    assert r.out.split("\n")[0].split("\t") == ROW_KEYS
    rows = r.tsv()
    assert _plain(rows) == EXPECTED
    assert rows[2]["reason"] == "the article says 36栋楼"
    assert rows[2]["quote"] == "大寨店社区开工36栋楼"
    assert rows[2]["sentence"] == "大寨店社区开工29栋楼。"
    assert r.err == "checked 5 items: 4 supported, 1 contradicted, 0 unknown\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_every_format_has_the_same_rows(cli, draft, fmt):
    r = cli("check", "--file", str(draft), "--format", fmt)
    assert r.code == 1
    if fmt == "json":
        rows = r.json
    elif fmt == "jsonl":
        rows = [json.loads(x) for x in r.out.splitlines()]
    else:
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(r.out)))
        assert list(rows[0]) == ROW_KEYS
    assert _plain(rows) == EXPECTED
    if fmt != "csv":
        assert set(ROW_KEYS) <= set(rows[0]) and rows[0]["evidence"][0]["id"] == "fig:dzd-started"


def test_lines_format_is_the_compiler_convention(cli, draft):
    r = cli("check", "--file", str(draft), "--format", "lines")
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{draft}:2:8: supported: 36栋 — the article says 36栋楼 [fig:dzd-started]",
        f"{draft}:2:16: supported: 23栋 — the article says 23栋楼 [fig:dzd-delivered]",
        f"{draft}:4:8: contradicted: 29栋 — the article says 36栋楼 [fig:dzd-started]",
        f"{draft}:4:19: supported: 3700万美元 — the article says 3700万美元 [fig:fdi]",
        f"{draft}:4:33: supported: 735万美元 — the article says 735万美元 [fig:trade]",
    ]


def test_lines_format_is_for_drafts_only(cli):
    r = cli("check", "大寨店社区开工36栋楼", "--format", "lines")
    assert r.code == 2 and "unknown format 'lines'" in r.err


def test_strict_fails_on_unknown(cli, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("大寨店社区开工36栋楼。某某公司有999名员工。\n", encoding="utf-8")
    plain = cli("check", "--file", str(path))
    assert plain.code == 0 and [r["verdict"] for r in plain.tsv()] == ["supported", "unknown"]
    strict = cli("check", "--file", str(path), "--strict")
    assert strict.code == 1 and strict.out == plain.out


def test_empty_draft(cli, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("没有数字。\n", encoding="utf-8")
    r = cli("check", "--file", str(path), "--json")
    assert (r.code, r.out, r.err) == (0, "[]\n", "checked 0 items: 0 supported, 0 contradicted, 0 unknown\n")
    r = cli("check", "--file", str(path))
    assert (r.code, r.out) == (0, "\t".join(ROW_KEYS) + "\n")


# ---------------------------------------------------------------- encodings, formats


def _docx(path, paragraphs):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for p in paragraphs:
        para = doc.add_paragraph()
        half = len(p) // 2  # two runs, so a figure may be split across runs
        para.add_run(p[:half])
        para.add_run(p[half:]).bold = True
    doc.save(str(path))


ENCODINGS = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
             ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]


@pytest.mark.parametrize("encoding,bom", ENCODINGS)
def test_same_verdicts_in_every_encoding(cli, tmp_path, encoding, bom):
    path = tmp_path / f"draft-{encoding}.txt"
    path.write_bytes(bom + DRAFT.replace("\n", "\r\n" if encoding == "gbk" else "\n").encode(encoding))
    r = cli("check", "--file", str(path), "--format", "json")
    assert r.code == 1, r.err
    assert _plain(r.json) == EXPECTED


def test_encoding_can_be_forced(cli, tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("大寨店社區開工36棟樓。\n".encode("big5"))
    r = cli("check", "--file", str(path), "--encoding", "big5", "--json")
    assert r.json[0]["figure"].startswith("36") and r.json[0]["column"] == 8
    bad = cli("check", "--file", str(path), "--encoding", "klingon")
    assert bad.code == 2 and bad.err.startswith("jzcli: error: unknown encoding 'klingon'")


def test_docx_paragraphs_are_lines(cli, tmp_path):
    path = tmp_path / "draft.docx"
    _docx(path, DRAFT.rstrip("\n").split("\n"))
    r = cli("check", "--file", str(path), "--json")
    assert r.code == 1, r.err
    assert _plain(r.json) == EXPECTED


def test_docx_from_stdin_is_recognised(jz, tmp_path):
    path = tmp_path / "draft.docx"
    _docx(path, ["大寨店社区开工29栋楼。"])
    with open(path, "rb") as fh:
        proc = subprocess.run(installed_command() + ["check", "--file", "-", "--format", "lines"], stdin=fh,
                              capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1
    assert proc.stdout == "-:1:8: contradicted: 29栋 — the article says 36栋楼 [fig:dzd-started]\n"


def test_markdown_markup_is_hidden_and_columns_kept(cli, tmp_path):
    md = (
        "# 大寨店社区开工**36栋**楼\n"
        "\n"
        "- 已交付[23栋](https://example.com)楼\n"
        "> 大寨店社区开工 `29栋` 楼\n"
        "```\n"
        "代码块里的36栋楼不核对\n"
        "```\n"
        "| 指标 | 数值 |\n"
        "|---|---|\n"
        "| 实际利用外资 | 3700万美元 |\n"
    )
    path = tmp_path / "draft.md"
    path.write_text(md, encoding="utf-8")
    r = cli("check", "--file", str(path), "--json")
    got = [(x["line"], x["column"], x["figure"], x["verdict"]) for x in r.json]
    assert got == [(1, 12, "36栋", "supported"), (3, 7, "23栋", "supported"), (4, 12, "29栋", "contradicted"),
                   (10, 12, "3700万美元", "supported")]
    lines = md.split("\n")
    for line, col, figure, _v in got:
        assert lines[line - 1][col - 1:].startswith(figure)


# ---------------------------------------------------------------- what is not a draft


def test_binary_file_is_refused(cli, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    r = cli("check", "--file", str(path))
    assert (r.code, r.out) == (2, "")
    assert r.err == f"jzcli: error: draft {path} is a binary file, not text (a draft is .txt, .md or .docx)\n"


def test_utf16_without_bom_gets_a_hint(cli, tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode("utf-16-le"))
    r = cli("check", "--file", str(path))
    assert r.code == 2 and "UTF-16 without a BOM: give --encoding utf-16-le" in r.err
    ok = cli("check", "--file", str(path), "--encoding", "utf-16-le", "--json")
    assert _plain(ok.json) == EXPECTED


def test_not_a_docx(cli, tmp_path):
    path = tmp_path / "d.docx"
    path.write_text("plain text", encoding="utf-8")
    r = cli("check", "--file", str(path))
    assert (r.code, r.err) == (2, f"jzcli: error: draft {path} is not a Word .docx file (no word/document.xml)\n")


def test_size_limit(cli, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("大寨店社区开工36栋楼。\n" * 1000, encoding="utf-8")  # 31 KB
    r = cli("check", "--file", str(path), "--max-size", "10KB")
    assert (r.code, r.out) == (2, "")
    assert r.err == f"jzcli: error: draft {path} is 32.2 KB, more than the limit of 10 KB: raise it with --max-size\n"
    ok = cli("check", "--file", str(path), "--max-size", "1MB", "--format", "jsonl")
    assert ok.code == 0 and len(ok.out.splitlines()) == 1000
    bad = cli("check", "--file", str(path), "--max-size", "lots")
    assert bad.code == 2 and "--max-size takes a size" in bad.err


def test_dev_zero_stops_at_once(jz):
    r = jz("check", "--file", "/dev/zero", timeout=20)
    assert (r.code, r.out) == (2, "")
    assert r.err == "jzcli: error: draft is not a regular file (a character device): /dev/zero\n"


def test_endless_pipe_stops_at_the_limit(tmp_path):
    """`yes | jzcli check --file -` and a FIFO: stopped once past the limit, in bounded memory."""
    cmd = installed_command() + ["check", "--file", "-", "--max-size", "1MB"]
    yes = subprocess.Popen(["yes", "大寨店社区开工36栋楼。"], stdout=subprocess.PIPE)
    proc = subprocess.run(cmd, stdin=yes.stdout, capture_output=True, text=True, timeout=60)
    yes.kill()
    yes.wait()
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "jzcli: error: draft stdin is more than the limit of 1 MB: raise it with --max-size\n"


def test_fifo_is_read(tmp_path):
    fifo = tmp_path / "draft.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(installed_command() + ["check", "--file", str(fifo), "--format", "lines"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with open(fifo, "w", encoding="utf-8") as fh:
        fh.write("大寨店社区开工29栋楼。\n")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert out == f"{fifo}:1:8: contradicted: 29栋 — the article says 36栋楼 [fig:dzd-started]\n"


def test_folder_is_refused(cli, tmp_path):
    r = cli("check", "--file", str(tmp_path))
    assert (r.code, r.err) == (2, f"jzcli: error: draft is a directory, not a file: {tmp_path}\n")


def test_one_endless_line_is_checked_in_pieces(cli, tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text("大寨店社区开工36栋楼，" * 20000, encoding="utf-8")  # 240,000 characters, no full stop
    r = cli("check", "--file", str(path), "--format", "jsonl")
    rows = [json.loads(x) for x in r.out.splitlines()]
    assert len(rows) == 20000 and {x["verdict"] for x in rows} == {"supported"}
    assert rows[-1]["line"] == 1 and rows[-1]["column"] == 12 * 19999 + 8


# ---------------------------------------------------------------- the view


def _view(jz, draft, **env):
    base = {"TTY_COMPATIBLE": "1", "COLUMNS": "100", "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    return jz("check", "--file", str(draft), "--format", "table", env={**base, **env})


def test_view_shows_the_draft_marked(jz, draft):
    r = _view(jz, draft, NO_COLOR="1")
    assert r.code == 1
    assert "\x1b" not in r.out
    assert r.out.splitlines()[:12] == [
        "   1 │ 九州路办事处的经济数据。",
        "   2 │ 大寨店社区开工36栋✔1楼，已交付23栋✔2。",
        "       ✔1 36栋  supported  (line 2, column 8)  [fig:dzd-started]",
        "          reason: the article says 36栋楼",
        "          article: 36栋楼  “大寨店社区开工36栋楼”",
        "       ✔2 23栋  supported  (line 2, column 16)  [fig:dzd-delivered]",
        "          reason: the article says 23栋楼",
        "          article: 23栋楼  “已交付23栋楼”",
        "",
        "   3 │",
        "   4 │ 大寨店社区开工29栋✘3楼。实际利用外资3700万美元✔4，进出口贸易额735万美元✔5。",
        "   5 │ 没有数字的一行。",
    ]
    assert r.out.splitlines()[-1] == "checked 5 items: ✔ 4 supported · ✘ 1 contradicted · ? 0 unknown"


def test_view_never_breaks_a_number_or_an_id(jz, draft):
    r = _view(jz, draft, NO_COLOR="1", COLUMNS="34")
    lines = r.out.splitlines()
    assert lines[1:6] == [
        "   2 │ 大寨店社区开工36栋✔1楼，已",
        "     │ 交付23栋✔2。",
        "       ✔1 36栋  supported  (line",
        "       2, column 8)",
        "       [fig:dzd-started]",
    ]
    assert "     │ 际利用外资3700万美元✔4，进" in lines
    assert all(len(x) <= 34 for x in lines)


def test_view_colours_verdicts(jz, draft):
    r = _view(jz, draft)
    assert "\x1b[1;31m✘3" in r.out or "\x1b[31;1m✘3" in r.out  # red
    assert "\x1b[32m✔1" in r.out  # green


def test_view_in_chinese(jz, draft):
    r = _view(jz, draft, NO_COLOR="1", LANG="zh_CN.UTF-8")
    assert "       ✘3 29栋  不符  （第4行第8列）  [fig:dzd-started]" in r.out.splitlines()
    assert "          理由：原文为36栋楼" in r.out.splitlines()
    assert r.out.splitlines()[-1] == "核对 5 处：✔ 4 有据 · ✘ 1 不符 · ? 0 不明"
