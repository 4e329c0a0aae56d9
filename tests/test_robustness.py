"""Unbreakable: any text a person can type, any broken fact base, closed pipes, odd locales and terminals,
many processes at once. Always a documented exit code and at most one line on stderr, never a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"


def jzcli_command() -> list[str]:
    from conftest import installed_command  # tests/ is on sys.path (pytest's rootdir-relative conftest)

    return installed_command()


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("JZCLI_DB", "JZCLI_DEBUG", "NO_COLOR", "COLUMNS",
                                                             "TTY_COMPATIBLE", "FORCE_COLOR")}
    env.update(extra)
    return env


def assert_clean_failure(r, codes=(0, 1, 2)) -> None:
    """A documented exit code, no traceback, at most one line on stderr."""
    assert r.code in codes, (r.code, r.err[:300])
    assert "Traceback" not in r.err, r.err[:2000]
    assert len(r.err.splitlines()) <= 1, r.err[:2000]


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so run() cannot turn it into an exit code."""


@contextmanager
def no_hang(seconds: int = 30):
    """Not a speed test: fails a call that never returns (e.g. a regex gone quadratic on a long string)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(_signum, _frame):
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# ---------------------------------------------------------------- every argument that takes user text

# (command line before the text, after it); the text goes in between.
TEXT_ARGUMENTS = {
    "projects --min": (["projects", "--min"], []),
    "projects --max": (["projects", "--max"], []),
    "projects --status": (["projects", "--status"], []),
    "projects --sort": (["projects", "--sort"], []),
    "community NAME": (["community"], []),
    "communities --office": (["communities", "--office"], []),
    "communities --as-of": (["communities", "--as-of"], []),
    "figures --subject": (["figures", "--subject"], []),
    "figures --topic": (["figures", "--topic"], []),
    "figures --unit": (["figures", "--unit"], []),
    "honors YEAR": (["honors"], []),
    "honors --level": (["honors", "--level"], []),
    "timeline YEAR": (["timeline"], []),
    "timeline --from": (["timeline", "--from"], []),
    "timeline --to": (["timeline", "--to"], []),
    "check CLAIM": (["check"], []),
    "ask QUESTION": (["ask"], []),
    "search TEXT": (["search"], []),
    "show ID": (["show"], []),
}

NASTY = [
    "", " ", "\t", "\n", "\r\n", "\x00", "\x07", "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "[red]x[/red]", "[bold]",
    "[/]", "[link=http://x]y[/link]", ":smile:", "%s%n%x", "{0}", "{}", "{{", "\\", "\\n", "'", '"', "`", ".*", "^$",
    "(a+)+$", "'; DROP TABLE units;--", "__import__('os').system('echo hi')", "eval('1')", "Query().name == 'x'",
    "-", "--", "-1", "−5亿", "1e999", "1e-5", "NaN", "nan亿", "inf", "Infinity", "0x10", "1_000", "５亿", "五亿",
    "十亿以上", "1亿元到5亿元", "3700万美元", "百分之五十", "52%", "〇", "零", "亿", "万亿亿", "0", "00", "9" * 40,
    "2017", "２０１７", "0000", "9999", "2018-13", "2018-02-30", "2018-2", "2018-02-29", "2016-02-29", "1999-07",
    "\u202e\u2066", "\ufeff", "\u200b", "\u3000", "ｆｈｃ", "FHC", "fhc", "凤凰城", "凤凰城社区", "凤凰城村", "社区",
    "村", "项目", "鹤", "九州路", "泰山路", "fig:", "fig:dzd-started", "fig:dzd", "unit:", ":", "办事处筹建办",
    "大寨店社区开工36栋楼", "大寨店社区开工了多少栋楼", "海绵", "𠀀𠀁", "🙂", "e\u0301", "Ⅻ", "²", "①", "٣",
]

USER_TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.text(alphabet="0123456789.,eE+-亿万千百十元美零一二两三四五六七八九%", max_size=12),
    st.text(alphabet="凤凰城社区村九州路泰山大寨店桂鹤fhcjzl -_:", max_size=10),
    st.tuples(st.sampled_from(NASTY), st.text(max_size=6)).map("".join),
)

FORMATS = st.sampled_from(["--json", "--format=table", "--format=tsv", "--format=csv", "--format=jsonl"])


@pytest.mark.parametrize("arg", list(TEXT_ARGUMENTS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=USER_TEXT, fmt=FORMATS)
@example(text="[red]x[/red]", fmt="--format=table")
@example(text="\x1b[2J", fmt="--format=table")
def test_any_text_gives_an_exit_code_never_a_traceback(cli, arg, text, fmt):
    before, after = TEXT_ARGUMENTS[arg]
    with no_hang():
        r = cli(*before, text, *after, fmt)
    assert_clean_failure(r)
    if r.code == 0 and fmt == "--json" and not text.startswith("-"):  # "-h" is the help option, as in any CLI
        json.loads(r.out)


@pytest.mark.parametrize("arg", list(TEXT_ARGUMENTS))
@pytest.mark.parametrize("kind", ["ascii", "cjk", "digits", "chinese-numerals", "markup"])
def test_a_one_megabyte_argument(cli, arg, kind):
    text = {"ascii": "x" * 1_000_000, "cjk": "凤" * 1_000_000, "digits": "5" * 1_000_000,
            "chinese-numerals": "五" * 1_000_000, "markup": "[red]x[/red]" * 90_000}[kind]
    before, after = TEXT_ARGUMENTS[arg]
    with no_hang(60):
        r = cli(*before, text, *after, "--json")
    assert_clean_failure(r)
    assert len(r.err) < 2000  # the message names the problem; it does not echo a megabyte back


@pytest.mark.parametrize("name", [".*", "'; DROP TABLE units;--", "__import__('os')", "Query().name.exists()",
                                  "{0.__class__}", "$(touch pwned)", "`touch pwned`", "%(name)s", "[凤凰城]"])
def test_user_text_is_text_never_code(cli, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["community", name], ["communities", "--office", name], ["figures", "--subject", name],
                 ["show", name], ["projects", "--status", name], ["figures", "--topic", name]):
        r = cli(*args, "--json")
        assert r.code in (1, 2), (args, r)
        assert "Traceback" not in r.err
    r = cli("search", name, "--json")
    assert (r.code, r.json) == (0, [])  # nothing in the article contains it: it was matched as plain text
    assert not (tmp_path / "pwned").exists()


def test_no_command_shows_the_help(cli):
    r = cli()
    assert r.code == 2 and r.out == ""
    assert r.err.startswith("Usage: jzcli") and "Exit codes:" in r.err and "jzcli: error" not in r.err


def test_an_internal_error_is_one_line_and_says_how_to_see_more(cli, monkeypatch):
    from jzcli import queries

    def broken(*_a, **_k):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(queries, "projects", broken)
    r = cli("projects", "--json")
    assert r.code == 1
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert "internal error" in r.err and "RuntimeError" in r.err and "JZCLI_DEBUG=1" in r.err
    with pytest.raises(RuntimeError, match="boom"):
        cli("projects", "--json", env={"JZCLI_DEBUG": "1"})


# ---------------------------------------------------------------- the installed command


def run_installed(*args: str, env: dict | None = None, cwd: Path | None = None, timeout: float = 60):
    class R:
        pass

    proc = subprocess.run(jzcli_command() + list(args), capture_output=True, env=env or clean_env(), cwd=cwd,
                          timeout=timeout)
    r = R()
    r.code, r.out, r.err = proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    return r


def test_an_internal_error_in_a_real_process(tmp_path):
    """A bug (here planted by a sitecustomize module) on a valid fact base: one line, exit 1."""
    (tmp_path / "sitecustomize.py").write_text(
        "import jzcli.queries\n"
        "def broken(*_a, **_k):\n    raise ZeroDivisionError('a planted bug')\n"
        "jzcli.queries.overview = broken\n", encoding="utf-8")
    env = clean_env(PYTHONPATH=str(tmp_path))
    r = run_installed("overview", env=env, cwd=tmp_path)
    assert r.code == 1
    assert len(r.err.splitlines()) == 1 and "Traceback" not in r.err
    assert "internal error" in r.err and "JZCLI_DEBUG=1" in r.err
    r = run_installed("overview", env={**env, "JZCLI_DEBUG": "1"}, cwd=tmp_path)
    assert r.code == 1
    assert "Traceback" in r.err


def test_a_fact_base_that_breaks_a_query_is_exit_3(tmp_path):
    """A number the loader lets through (an int, as the schema says) but too large for a progress bar's float:
    validate rejects the base, so the command says so (exit 3, validate's first line), not internal error."""
    db = json.loads(FACTS.read_text(encoding="utf-8"))
    for rec in db["figures"].values():
        if rec["id"] == "fig:dzd-completed":
            rec["value"] = 10**400
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(db, ensure_ascii=False), encoding="utf-8")
    r = run_installed("overview", "--db", str(path), cwd=tmp_path)
    assert r.code == 3 and len(r.err.splitlines()) == 1 and "Traceback" not in r.err, r.err
    assert "fig:dzd-completed" in r.err and "not a valid fact base" in r.err


@pytest.mark.skipif(not shutil.which("bash") or not shutil.which("head"), reason="needs bash and head")
@pytest.mark.parametrize("args", ["projects", "projects --json", "figures --format jsonl", "search 的 --json"])
def test_piped_into_head(tmp_path, args):
    cmd = " ".join(f"'{a}'" for a in jzcli_command()) + f" {args} 2>err.txt | head -c 1"
    for _ in range(3):
        proc = subprocess.run(["bash", "-c", f"set +o pipefail; {cmd}"], capture_output=True, cwd=tmp_path,
                              env=clean_env(), timeout=60)
        assert len(proc.stdout) == 1
        err = (tmp_path / "err.txt").read_text(encoding="utf-8")
        assert err == "", err


@pytest.mark.skipif(not shutil.which("bash") or not shutil.which("head"), reason="needs bash and head")
def test_piped_into_head_with_a_large_output(tmp_path):
    """Megabytes of output: the write fails with EPIPE while jzcli is still writing."""
    db = json.loads(FACTS.read_text(encoding="utf-8"))
    figures = list(db["figures"].values())
    db["figures"] = {str(i + 1): {**figures[i % len(figures)], "id": f"fig:copy-{i}"} for i in range(3_000)}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(db, ensure_ascii=False), encoding="utf-8")
    for fmt in ("--json", "--format=tsv", "--format=table"):
        cmd = " ".join(f"'{a}'" for a in jzcli_command()) + f" figures {fmt} --db {path} 2>err.txt | head -c 1"
        proc = subprocess.run(["bash", "-c", f"set +o pipefail; {cmd}"], capture_output=True, cwd=tmp_path,
                              env=clean_env(), timeout=120)
        assert len(proc.stdout) == 1
        assert (tmp_path / "err.txt").read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("locale", [{"LANG": "C"}, {"LC_ALL": "POSIX"}, {"LANG": "C", "LC_ALL": "C"}])
def test_chinese_in_and_out_under_the_c_locale(tmp_path, locale):
    env = {k: v for k, v in clean_env().items() if not k.startswith("LC_") and k not in ("LANG", "PYTHONIOENCODING",
                                                                                          "PYTHONUTF8")}
    env.update(locale)
    r = run_installed("community", "凤凰城", "--json", env=env, cwd=tmp_path)
    assert (r.code, r.err) == (0, "")
    assert r.out and json.loads(r.out)["name"] == "凤凰城社区"
    r = run_installed("projects", "--min", "5亿", "--format", "table", env={**env, "COLUMNS": "120"}, cwd=tmp_path)
    assert r.code == 0 and "清水湾生活广场项目" in r.out
    r = run_installed("check", "大寨店社区开工36栋楼", env=env, cwd=tmp_path)
    assert r.code == 0 and "36栋" in r.out
    r = run_installed("community", "没有这个社区", env=env, cwd=tmp_path)
    assert r.code == 1 and "没有这个社区" in r.err


def test_an_argument_that_is_not_utf8(tmp_path):
    """Bytes that are not UTF-8 in argv (they arrive as lone surrogates): answered, not an internal error."""
    bad = b"\xff\xfe36\xe6\xa0\x8b"
    for args in ([b"search", bad, b"--json"], [b"community", bad], [b"check", bad, b"--json"],
                 [b"check", bad, b"--format", b"table"], [b"search", bad, b"--format", b"table"]):
        proc = subprocess.run([os.fsencode(a) for a in jzcli_command()] + args, capture_output=True,
                              env=clean_env(COLUMNS="100"), cwd=tmp_path, timeout=60)
        assert proc.returncode in (0, 1, 2), (args, proc.stderr)
        assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr, proc.stderr
        assert len(proc.stderr.splitlines()) <= 1


@pytest.mark.parametrize("args", [["projects", "--min", "5亿"], ["community", "凤凰城"], ["communities", "--tree"],
                                  ["overview"], ["check", "大寨店社区开工36栋楼"], ["search", "海绵"]])
@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=["NO_COLOR", "TERM=dumb"])
def test_no_escape_sequences_with_no_color_or_a_dumb_terminal(tmp_path, args, env):
    # TTY_COMPATIBLE=1: Rich believes it writes to a terminal, where it would otherwise use colour and bold
    r = run_installed(*args, "--format", "table", env=clean_env(TTY_COMPATIBLE="1", COLUMNS="100", **env), cwd=tmp_path)
    assert r.code in (0, 1)
    assert r.out and "\x1b" not in r.out


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def display_width(line: str) -> int:
    """Terminal cells: CJK counts 2, escape sequences (colour, bold) nothing."""
    line = ANSI.sub("", line)
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 0 if unicodedata.combining(c) else 1
               for c in line)


@pytest.mark.parametrize("columns", [20, 30, 44, 60, 80])
def test_a_narrow_terminal_wraps_and_loses_nothing(tmp_path, columns):
    r = run_installed("projects", "--format", "table", env=clean_env(COLUMNS=str(columns), TTY_COMPATIBLE="1"), cwd=tmp_path)
    assert r.code == 0
    lines = r.out.splitlines()
    assert max(display_width(line) for line in lines) <= columns
    shown = "".join(ANSI.sub("", r.out).split())
    names = [p["name"] for p in json.loads(run_installed("projects", "--json", cwd=tmp_path).out)]
    for name in names:
        assert set(name) <= set(shown), name


@pytest.mark.parametrize("args", [["community", "凤凰城"], ["communities", "--tree"], ["overview"],
                                  ["check", "大寨店社区开工36栋楼"], ["audit"], ["timeline", "2018"]])
def test_other_tables_fit_twenty_columns(tmp_path, args):
    r = run_installed(*args, "--format", "table", env=clean_env(COLUMNS="20"), cwd=tmp_path)
    assert r.code in (0, 1) and "Traceback" not in r.err
    assert max(display_width(line) for line in r.out.splitlines()) <= 20


# ---------------------------------------------------------------- broken fact bases


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _facts_with(change) -> str:
    db = json.loads(FACTS.read_text(encoding="utf-8"))
    change(db)
    return json.dumps(db, ensure_ascii=False)


def _first(db: dict, table: str) -> dict:
    return next(iter(db[table].values()))


BROKEN = {
    "missing": None,
    "directory": "DIR",
    "empty": "",
    "whitespace": "  \n",
    "invalid JSON": '{"units": {',
    "not UTF-8": b'{"units": "\xff\xfe"}',
    "a list": "[1, 2, 3]",
    "a string": '"facts"',
    "a table that is a list": lambda: _facts_with(lambda db: db.__setitem__("units", [1, 2])),
    "a table missing": lambda: _facts_with(lambda db: db.pop("figures")),
    "no tables": "{}",
    "a record that is a list": lambda: _facts_with(lambda db: db["units"].__setitem__("1", ["x"])),
    "a record without id": lambda: _facts_with(lambda db: _first(db, "units").pop("id")),
    "a non-numeric document id": lambda: _facts_with(lambda db: db["units"].__setitem__("x", _first(db, "units"))),
    "a quote that is a number": lambda: _facts_with(lambda db: _first(db, "figures").__setitem__("quote", 5)),
    "a quote that is missing": lambda: _facts_with(lambda db: _first(db, "people").pop("quote")),
    "a value that is a string": lambda: _facts_with(lambda db: _first(db, "figures").__setitem__("value", "36")),
    "a value that is a bool": lambda: _facts_with(lambda db: _first(db, "figures").__setitem__("value", True)),
    "an investment bound that is a string": lambda: _facts_with(
        lambda db: next(p for p in db["projects"].values() if p["investment"])["investment"].__setitem__("min", "5亿")),
    "deeply nested": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("via", ["--db", "JZCLI_DB"])
@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_fact_base_is_exit_3_and_never_touched(tmp_path, case, via):
    content = BROKEN[case]
    path = tmp_path / "facts" / "facts.json"
    path.parent.mkdir()
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        _write(path, content() if callable(content) else content)
    before = (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() and path.is_file() else None
    for args in (["projects", "--json"], ["community", "凤凰城"], ["validate"]):
        if via == "--db":
            r = run_installed(*args, "--db", str(path), cwd=tmp_path)
        else:
            r = run_installed(*args, env=clean_env(JZCLI_DB=str(path)), cwd=tmp_path)
        assert r.code == 3, (case, r.code, r.err)
        assert len(r.err.splitlines()) == 1 and "Traceback" not in r.err, r.err
        assert str(path) in r.err, r.err
        assert r.out == ""
    if content is None:
        assert not path.exists()
        assert sorted(p.name for p in path.parent.iterdir()) == []
    elif before is not None:
        assert (path.stat().st_mtime_ns, path.stat().st_size) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_fact_base_is_exit_3(tmp_path):
    path = _write(tmp_path / "facts.json", FACTS.read_text(encoding="utf-8"))
    path.chmod(0)
    try:
        r = run_installed("projects", "--db", str(path), cwd=tmp_path)
        assert r.code == 3 and len(r.err.splitlines()) == 1 and str(path) in r.err
        assert "permission" in r.err
    finally:
        path.chmod(0o644)


def test_the_shipped_fact_base_is_not_written(tmp_path):
    target = _write(tmp_path / "facts.json", FACTS.read_text(encoding="utf-8"))
    before = (target.stat().st_mtime_ns, target.stat().st_size)
    for args in (["projects"], ["community", "凤凰城"], ["validate"], ["check", "大寨店社区开工36栋楼"]):
        run_installed(*args, "--db", str(target), cwd=tmp_path)
    assert (target.stat().st_mtime_ns, target.stat().st_size) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.json"]


# ---------------------------------------------------------------- many at once


CONCURRENT = [
    ["projects", "--min", "5亿", "--json"],
    ["community", "凤凰城", "--json"],
    ["figures", "--topic", "economy", "--json"],
    ["check", "大寨店社区开工36栋楼", "--json"],
    ["search", "海绵", "--format", "tsv"],
    ["timeline", "2017", "--format", "csv"],
    ["communities", "--tree", "--json"],
    ["community", "没有这个社区"],
    ["honors", "abcd"],
    ["ask", "大寨店社区开工了多少栋楼", "--json"],
]


def test_twenty_processes_at_once_give_the_sequential_answers(tmp_path):
    runs = [CONCURRENT[i % len(CONCURRENT)] for i in range(20)]
    sequential = {}
    for args in CONCURRENT:
        r = run_installed(*args, cwd=tmp_path)
        sequential[tuple(args)] = (r.code, r.out, r.err)
    procs = [subprocess.Popen(jzcli_command() + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=clean_env(), cwd=tmp_path) for args in runs]
    for args, proc in zip(runs, procs):
        out, err = proc.communicate(timeout=120)
        assert (proc.returncode, out.decode("utf-8"), err.decode("utf-8")) == sequential[tuple(args)], args
