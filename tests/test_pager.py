"""Long output on a terminal goes through a pager (issue 10, item 4): on a real pseudo-terminal, never piped."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest
from conftest import installed_command

from jzcli import pager


def test_no_pager_flag_is_taken_anywhere_before_double_dash():
    assert pager.take_flag(["audit", "--no-pager"]) == (["audit"], True)
    assert pager.take_flag(["--no-pager", "audit", "--json"]) == (["audit", "--json"], True)
    assert pager.take_flag(["search", "--", "--no-pager"]) == (["search", "--", "--no-pager"], False)
    assert pager.take_flag(["audit"]) == (["audit"], False)


@pytest.mark.parametrize("env,cmd", [({}, "less"), ({"PAGER": "more"}, "more"), ({"PAGER": "cat"}, None),
                                     ({"PAGER": ""}, None), ({"JZCLI_PAGER": "most", "PAGER": "more"}, "most"),
                                     ({"JZCLI_PAGER": "cat", "PAGER": "more"}, None)])
def test_pager_command(monkeypatch, env, cmd):
    for k in ("PAGER", "JZCLI_PAGER"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert pager.pager_command() == cmd


def _on_terminal(args, tmp_path, rows=24, cols=100, **env):
    """Run the installed command with stdout and stderr on a pseudo-terminal of rows x cols; what reached the
    terminal, what the pager got (PAGER writes its input to a file), and the exit status."""
    paged = tmp_path / "paged.txt"
    fake = tmp_path / "fake-pager"
    fake.write_text(f"#!/bin/sh\ncat > '{paged}'\n")
    fake.chmod(0o755)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "JZCLI_PAGER")}
    full_env.update({"PAGER": str(fake), "TERM": "xterm-256color", "LANG": "C.UTF-8"}, **env)
    proc = subprocess.Popen(installed_command() + args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                            env=full_env, cwd=tmp_path)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    code = proc.wait(timeout=60)
    shown = b"".join(chunks).decode("utf-8", "replace")
    return shown, paged.read_text(encoding="utf-8") if paged.exists() else None, code


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path):
    shown, paged, code = _on_terminal(["audit"], tmp_path)
    assert code == 0
    assert paged is not None and paged.count("\n") > 24  # the whole table, to the pager
    assert "check:units-before-after" in paged and "\x1b[" in paged  # colours kept for less -R
    assert "check:units-before-after" not in shown  # nothing of it written past the pager


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_no_pager_and_short_output_write_to_the_terminal(tmp_path):
    shown, paged, code = _on_terminal(["audit", "--no-pager"], tmp_path)
    assert code == 0 and paged is None and "check:units-before-after" in shown
    shown, paged, code = _on_terminal(["people"], tmp_path, rows=60)  # fits the screen
    assert code == 0 and paged is None and "刘全福" in shown


def test_never_a_pager_when_piped(tmp_path):
    fake = tmp_path / "fake-pager"
    fake.write_text(f"#!/bin/sh\ntouch '{tmp_path / 'called'}'\ncat\n")
    fake.chmod(0o755)
    env = {**os.environ, "PAGER": str(fake)}
    proc = subprocess.run(installed_command() + ["audit", "--format", "table"], capture_output=True, text=True,
                          env=env, cwd=tmp_path)
    assert proc.returncode == 0 and "check:units-before-after" in proc.stdout
    assert not (tmp_path / "called").exists()
