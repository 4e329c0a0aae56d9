"""What a command imports (start-up cost), and the fast path past Typer giving exactly Typer's answers.

Timings live in bench/startup, never here: these tests check the causes (modules imported), not the clock.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# Runs the installed console script's main() in a fresh interpreter and reports sys.modules at exit.
PROBE = r"""
import json, sys
from jzcli.app import main
sys.argv = ["jzcli", *json.loads(sys.argv[1])]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
with open(OUT, "w") as fh:
    json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
"""


def imported(tmp_path, *args: str, env: dict | None = None) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    script = f"OUT = {str(out)!r}\n" + PROBE
    full_env = {k: v for k, v in os.environ.items() if k != "JZCLI_DB"}
    full_env.update(env or {})
    python = installed_python()
    proc = subprocess.run([python, "-c", script, json.dumps(list(args))], capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path, env=full_env, timeout=60)
    assert out.exists(), proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    return report["code"], set(report["modules"])


def installed_python() -> str:
    """The interpreter of the installed console script (its shebang), else this one."""
    script = Path(sys.executable).parent / "jzcli"
    found = str(script) if script.exists() else shutil.which("jzcli")
    if found:
        with open(found, "rb") as fh:
            first = fh.readline().decode("utf-8", "replace")
        if first.startswith("#!") and "python" in first and "env" not in first.split()[0]:
            return first[2:].split()[0]
    return sys.executable


def top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


JSON_QUERIES = [
    ("projects", "--min", "5亿", "--json"),
    ("community", "凤凰城", "--json"),
    ("communities", "--office", "九州路", "--json"),
    ("honors", "2017", "--json"),
    ("figures", "--subject", "大寨店", "--json"),
    ("timeline", "--from", "2018-05", "--json"),
    ("people", "--json"),
    ("search", "海绵", "--json"),
    ("overview", "--json"),
    ("show", "fig:dzd-started", "--json"),
    ("check", "大寨店社区开工36栋楼", "--json"),
    ("ask", "大寨店社区开工了多少栋楼", "--json"),
    ("audit", "--json"),
]


@pytest.mark.parametrize("args", JSON_QUERIES, ids=lambda a: " ".join(a))
def test_json_query_imports_neither_rich_nor_pydantic(tmp_path, args):
    code, modules = imported(tmp_path, *args)
    assert code in (0, 1)
    assert not top(modules) & {"rich", "pydantic"}, sorted(top(modules) & {"rich", "pydantic"})


@pytest.mark.parametrize("args", [("check", "大寨店社区开工36栋楼", "--json"), ("ask", "大寨店社区开工了多少栋楼", "--json")],
                         ids=lambda a: " ".join(a))
def test_the_claim_checker_imports_no_dataclasses(tmp_path, args):
    """dataclasses (and inspect with it) cost ~10 ms at start-up: the jzcli/check/ package uses plain classes."""
    code, modules = imported(tmp_path, *args)
    assert code in (0, 1)
    assert not modules & {"dataclasses", "inspect"}, sorted(modules & {"dataclasses", "inspect"})


@pytest.mark.parametrize("args", JSON_QUERIES, ids=lambda a: " ".join(a))
def test_plain_command_line_skips_typer(tmp_path, args):
    """The fast path: a well-formed command line never imports Typer or Click (about 60 ms)."""
    code, modules = imported(tmp_path, *args)
    assert code in (0, 1)
    assert "typer" not in top(modules) and "click" not in top(modules)


ANY_COMMAND = [
    ("--help",),
    ("projects", "--help"),
    ("--version",),
    ("projects", "--min", "5亿", "--format", "table"),
    ("projects", "--sort", "name", "--format", "tsv"),
    ("community", "fhc", "--format", "table"),
    ("communities", "--tree", "--format", "table"),
    ("overview", "--format", "table"),
    ("check", "大寨店社区开工36栋楼", "--format", "table"),
    ("ask", "实际利用外资多少", "--format", "csv"),
    ("search", "刘全福", "--format", "table"),
    ("validate",),
    ("projects", "--bogus"),
    ("community", "没有这个社区"),
]


@pytest.mark.parametrize("args", ANY_COMMAND, ids=lambda a: " ".join(a))
def test_no_command_imports_pinyin_or_segmentation(tmp_path, args):
    """Nor the build's YAML reader: the curated data is compiled into facts.json."""
    _code, modules = imported(tmp_path, *args, env={"COLUMNS": "100"})
    heavy = {"pypinyin", "cn2an", "jieba", "yaml"}
    assert not top(modules) & heavy, sorted(top(modules) & heavy)


def test_help_imports_no_rich(tmp_path):
    _code, modules = imported(tmp_path, "--help")
    assert "rich" not in top(modules)


# ---------------------------------------------------------------- fast path == Typer path


def run_both(args: list[str]) -> tuple[tuple, tuple]:
    from jzcli import app, factbase

    results = []
    for fast in (True, False):
        factbase._cache.clear()
        out, err = io.StringIO(), io.StringIO()
        old = os.environ.pop("JZCLI_DB", None)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = app.run(list(args), fast=fast)
        finally:
            if old is not None:
                os.environ["JZCLI_DB"] = old
            factbase._cache.clear()
        results.append((code, out.getvalue(), err.getvalue()))
    return results[0], results[1]


def test_every_command_function_takes_exactly_its_declared_parameters():
    """Both readers pass every declared parameter by dest; a function has no defaults to drift from them."""
    from jzcli import cli

    for name, cmd in cli.COMMANDS.items():
        code = cmd.func.__code__
        assert code.co_varnames[: code.co_argcount] == tuple(p.dest for p in cmd.params), name
        assert not cmd.func.__defaults__ and not code.co_kwonlyargcount, name


def test_fast_path_reads_the_same_options_as_typer():
    """Per command: the option strings, arguments, flags and required-ness Typer builds are the declared ones."""
    import typer

    from jzcli import app, cli

    group = typer.main.get_command(app.build_app())
    assert set(group.commands) == set(cli.COMMANDS)
    for name, cmd in cli.COMMANDS.items():
        command = group.commands[name]
        declared = {d: p for p in cmd.params for d in p.decls}
        click_opts = {o: p.name for p in command.params if p.param_type_name == "option"
                      for o in [*p.opts, *p.secondary_opts] if o not in ("-h", "--help")}
        assert {o: p.dest for o, p in declared.items()} == click_opts, name
        click_args = [(p.name, p.required) for p in command.params if p.param_type_name == "argument"]
        assert [(p.dest, p.required) for p in cmd.params if p.is_argument] == click_args, name
        for opt, p in declared.items():
            click_param = next(cp for cp in command.params if cp.name == p.dest)
            assert (p.kind == "flag") == bool(getattr(click_param, "is_flag", False)), (name, opt)
            assert p.required == click_param.required, (name, opt)
            assert click_param.default == (None if p.required else p.default), (name, opt)


SAME = [
    ["projects", "--min", "5亿", "--json"],
    ["projects", "--min=5亿", "--max", "10亿", "--maybe", "--format", "tsv"],
    ["projects", "--json", "--format", "csv"],
    ["projects", "--min"],
    ["projects", "--sort", "name", "-f", "jsonl"],
    ["projects", "-fjson"],
    ["community", "凤凰城", "--format", "table"],
    ["community"],
    ["community", "a", "b"],
    ["community", "--", "-x"],
    ["community", "-"],
    ["honors", "2017", "--level", "省", "--json"],
    ["timeline", "--from", "2018-05", "--to", "2018-09"],
    ["ask", "实际利用外资多少", "--limit", "2", "--json"],
    ["ask", "实际利用外资多少", "--limit", "0"],
    ["ask", "实际利用外资多少", "--limit", "x"],
    ["ask", "实际利用外资多少", "--limit=101"],
    ["check", "大寨店社区开工36栋楼"],
    ["check", "--json", "大寨店社区开工36栋楼"],
    ["show", "fig:dzd", "--json"],
    ["search", "海绵", "--json", "--json"],
    ["export", "--format", "jsonl"],
    ["people", "--fields", "name,role", "--format", "csv"],
    ["people", "--fields=bogus"],
    ["people", "--fields"],
    ["nosuchcommand"],
    ["--version"],
]


@pytest.mark.parametrize("args", SAME, ids=lambda a: " ".join(a))
def test_fast_path_gives_typers_answer(args):
    fast, slow = run_both(args)
    assert fast == slow


TOKENS = st.sampled_from([
    "projects", "community", "figures", "honors", "timeline", "search", "ask", "check", "show", "people",
    "--min", "--max", "--maybe", "--sort", "--status", "--json", "--format", "-f", "--db", "--subject", "--topic",
    "--unit", "--from", "--to", "--level", "--limit", "--file", "--office", "--as-of", "--tree", "--all",
    "--min=5亿", "--json=1", "-fjson", "--", "-", "-x", "--bogus", "-h", "5亿", "1e9", "凤凰城", "大寨店", "2017",
    "2018-05", "json", "tsv", "table", "csv", "name", "invest", "0", "3", "101", "", " ", "fig:dzd-started",
    "大寨店社区开工36栋楼", "海绵", "[red]x[/red]", "--fields", "--fields=id,name", "name,id", "bogus",
])


COMMAND_NAMES = st.sampled_from(["projects", "community", "communities", "honors", "figures", "timeline",
                                  "people", "search", "ask", "check", "show", "overview", "audit"])


@settings(max_examples=150, deadline=None)
@given(COMMAND_NAMES, st.lists(TOKENS | st.text(max_size=8), max_size=6))
def test_fast_path_equals_typer_on_generated_command_lines(name, tokens):
    fast, slow = run_both([name, *tokens])
    assert fast == slow
