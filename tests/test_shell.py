"""The application shell (jzcli/app.py): named exit statuses per error type, one line on stderr, pipes, Ctrl-C,
and the lint that keeps the code honest (ruff, as .ci/run runs it)."""

from __future__ import annotations

import ast
import errno
import shutil
import subprocess
from pathlib import Path

import pytest

from jzcli.errors import BadInput, Exit, ExitStatus, FactBaseError, JzError, NotFound

ROOT = Path(__file__).resolve().parent.parent


def test_exit_statuses_have_names_and_the_documented_numbers():
    assert {s.name: int(s) for s in ExitStatus} == {
        "SUCCESS": 0, "NOT_FOUND": 1, "USAGE": 2, "FACTBASE": 3, "CTRL_C": 130, "BROKEN_PIPE": 141}
    assert ExitStatus.NOT_SUPPORTED is ExitStatus.NOT_FOUND  # "no": not found, or not supported
    assert (NotFound.status, BadInput.status, FactBaseError.status) == (1, 2, 3)


@pytest.mark.parametrize("args, status, message", [
    (["community", "没有这个社区"], ExitStatus.NOT_FOUND, "jzcli: error: no unit named '没有这个社区'"),
    (["projects", "--min", "abc"], ExitStatus.USAGE, "jzcli: error: not a number: 'abc'"),
    (["projects", "--db", "/nonexistent/facts.json"], ExitStatus.FACTBASE,
     "jzcli: error: fact base not found: /nonexistent/facts.json"),
    (["projects", "--bogus"], ExitStatus.USAGE, "jzcli: error: No such option: --bogus (see: jzcli projects --help)"),
    (["check", "大寨店社区开工37栋楼", "--json"], ExitStatus.NOT_SUPPORTED, ""),
    (["check", "大寨店社区开工36栋楼", "--json"], ExitStatus.SUCCESS, ""),
])
def test_exit_status_per_error_type(cli, args, status, message):
    r = cli(*args)
    assert r.code == status
    if message:
        assert r.err.startswith(message) and r.err.count("\n") == 1 and r.out == ""
    else:
        assert r.err == ""


def _raising(monkeypatch, exc: BaseException) -> None:
    from jzcli import cli

    def boom(**_kwargs):
        raise exc

    monkeypatch.setattr(cli.COMMANDS["people"], "func", boom)


@pytest.mark.parametrize("exc, status, err", [
    (KeyboardInterrupt(), ExitStatus.CTRL_C, "jzcli: error: interrupted\n"),
    (BrokenPipeError(errno.EPIPE, "Broken pipe"), ExitStatus.BROKEN_PIPE, ""),
    (OSError(errno.EPIPE, "Broken pipe"), ExitStatus.BROKEN_PIPE, ""),
    (NotFound("gone"), ExitStatus.NOT_FOUND, "jzcli: error: gone\n"),
    (BadInput("bad"), ExitStatus.USAGE, "jzcli: error: bad\n"),
    (FactBaseError("broken"), ExitStatus.FACTBASE, "jzcli: error: broken\n"),
    (Exit(ExitStatus.NOT_SUPPORTED), ExitStatus.NOT_SUPPORTED, ""),
    (ValueError("oops"), ExitStatus.NOT_FOUND,
     "jzcli: error: internal error: ValueError: oops (run with JZCLI_DEBUG=1 for the traceback)\n"),
])
def test_the_shell_maps_each_exception_type_to_its_status(monkeypatch, exc, status, err):
    import contextlib
    import io

    from jzcli import app

    _raising(monkeypatch, exc)
    if isinstance(exc, OSError):  # the shell points stdout at /dev/null after a broken pipe: give it a real fd
        monkeypatch.setattr(app, "_broken_pipe", lambda: ExitStatus.BROKEN_PIPE)
    out, errs = io.StringIO(), io.StringIO()
    monkeypatch.delenv("JZCLI_DEBUG", raising=False)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(errs):
        code = app.run(["people", "--json"])
    assert (code, out.getvalue(), errs.getvalue()) == (status, "", err)


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch):
    from jzcli import app

    _raising(monkeypatch, ValueError("oops"))
    monkeypatch.setenv("JZCLI_DEBUG", "1")
    with pytest.raises(ValueError, match="oops"):
        app.run(["people", "--json"])


ERROR_TYPES = {"JzError", "NotFound", "BadInput", "FactBaseError", "Exit"}


def test_no_raise_site_names_a_number():
    """`raise NotFound(...)`, `Exit(ExitStatus.NOT_SUPPORTED)`: a type or a name, never `JzError(msg, 3)`, and
    errno by name (errno.EPIPE), never 32."""
    found = []
    for path in sorted((ROOT / "jzcli").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in ERROR_TYPES:
                if any(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in [*node.args, *node.keywords]):
                    found.append(f"{path.name}:{node.lineno}")
                if len(node.args) > 1:
                    found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Compare) and any(getattr(n, "attr", getattr(n, "id", "")) == "errno"
                                                     for n in ast.walk(node.left)):
                if any(isinstance(c, ast.Constant) for c in node.comparators):
                    found.append(f"{path.name}:{node.lineno} errno")
    assert found == []


def test_errors_take_one_message_and_no_code():
    with pytest.raises(TypeError):
        JzError("message", 3)  # the status comes from the type


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
@pytest.mark.parametrize("fmt", ["--json", "--format=tsv", "--format=table"])
def test_installed_command_writing_to_a_closed_pipe_exits_141_quietly(tmp_path, fmt):
    """A reader that is gone before jzcli writes (`| true`): 141 (128 + SIGPIPE, as the shell reports a process
    killed by it), nothing on stderr. (A reader that leaves in the middle of one large write, `| head -c 1`, may
    let the write end short without an error: tests/test_robustness.py checks that that stays quiet.)"""
    from conftest import installed_command

    cmd = " ".join(f"'{a}'" for a in installed_command())
    script = f"{cmd} figures {fmt} 2>err.txt | true; echo ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.stdout.strip() == "141"
    assert (tmp_path / "err.txt").read_text(encoding="utf-8") == ""


# ---------------------------------------------------------------- lint


def test_ci_runs_ruff_after_the_tests():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert "ruff check ." in lines
    assert lines.index("ruff check .") > next(i for i, line in enumerate(lines) if "pytest" in line)


@pytest.mark.skipif(not shutil.which("ruff"), reason="ruff is in the test extra; not installed here")
def test_ruff_passes():
    proc = subprocess.run(["ruff", "check", "."], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_exit_status_is_documented_in_the_readme_and_in_help(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Exit codes"):]
    documented = {int(line.split("|")[1]) for line in table.splitlines()[:12]
                  if line.startswith("| ") and line.split("|")[1].strip().isdigit()}
    assert documented == {int(s) for s in ExitStatus}
    import re

    helped = cli("--help").out  # "  130  interrupted ...": a status, then two spaces, in any language
    assert {int(s) for s in ExitStatus} <= {int(n) for n in re.findall(r"(?<![\d.])(\d{1,3})  ", helped)}
