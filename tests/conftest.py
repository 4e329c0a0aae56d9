"""Shared test helpers: the CLI in-process (exact stdout/stderr/exit code) and as the installed command."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"
ARTICLE = ROOT.parent / "shared" / "source" / "000_e90f716d7d44d38f.txt"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)

    def tsv(self) -> list[dict]:
        lines = self.out.rstrip("\n").split("\n")
        head = lines[0].split("\t")
        return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


def _run_in_process(args: list[str], env: dict | None = None) -> Result:
    from jzcli import app, factbase

    factbase._cache.clear()
    out, err = io.StringIO(), io.StringIO()
    old_env = dict(os.environ)
    try:
        os.environ.pop("JZCLI_DB", None)
        os.environ.update(env or {})
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = app.run(list(args))
    finally:
        os.environ.clear()
        os.environ.update(old_env)
        factbase._cache.clear()
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    """cli("projects", "--min", "5亿", "--json") -> Result(code, out, err), in-process."""

    def run(*args: str, env: dict | None = None) -> Result:
        return _run_in_process(list(args), env)

    return run


def installed_command() -> list[str]:
    exe = Path(sys.executable).parent / "jzcli"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("jzcli")
    return [found] if found else [sys.executable, "-m", "jzcli"]


@pytest.fixture
def jz(tmp_path):
    """jz("projects", "--json") runs the installed command from another directory."""

    def run(*args: str, env: dict | None = None, input: str | None = None, timeout: float = 60) -> Result:
        full_env = {k: v for k, v in os.environ.items() if k != "JZCLI_DB"}
        full_env.update(env or {})
        proc = subprocess.run(installed_command() + list(args), capture_output=True, text=True,
                              encoding="utf-8", env=full_env, cwd=tmp_path, input=input, timeout=timeout)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session", autouse=True)
def facts_untouched():
    """The shipped facts.json is byte-identical after the whole test suite."""
    before = _digest(FACTS)
    yield
    assert _digest(FACTS) == before, "facts.json was modified by the test suite"


@pytest.fixture(scope="session", autouse=True)
def english_locale():
    """Messages in English unless a test asks for another language (LANG=zh_CN.UTF-8 in its env): the suite
    gives the same results whatever the locale of the person running it."""
    saved = {k: os.environ.get(k) for k in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    for k in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        os.environ.pop(k, None)
    os.environ["LANG"] = "C.UTF-8"
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
