"""--install-completion finds the shell even where Typer cannot (no shell among jzcli's parent processes: a CI
runner, a cron job, an editor): the login shell ($SHELL), else a one-line usage error on stderr, exit 2 — never
Typer's "Shell None is not supported." on stdout with exit 1."""

from __future__ import annotations

import pytest
from typer import _completion_shared


@pytest.fixture
def undetectable(monkeypatch):
    monkeypatch.setattr(_completion_shared, "_get_shell_name", lambda: None)


@pytest.mark.parametrize("lang", ["C.UTF-8", "zh_CN.UTF-8"])
def test_the_login_shell_serves_when_no_parent_is_a_shell(cli, undetectable, tmp_path, lang):
    r = cli("--install-completion", env={"HOME": str(tmp_path), "SHELL": "/usr/bin/zsh", "LANG": lang})
    assert r.code == 0 and r.err == ""
    assert r.out.startswith("zsh ") and str(tmp_path / ".zfunc" / "_jzcli") in r.out
    assert (tmp_path / ".zfunc" / "_jzcli").exists()


@pytest.mark.parametrize("shell,lang,words", [
    ("", "C.UTF-8", "jzcli: error: cannot tell which shell this is: name it, as in --show-completion bash"),
    ("/bin/tcsh", "C.UTF-8", "jzcli: error: no completion for the shell tcsh: only for bash, zsh, fish, powershell, pwsh"),
    ("", "zh_CN.UTF-8", "jzcli：错误：无法判断当前使用的 shell"),
    ("/bin/tcsh", "zh_CN.UTF-8", "jzcli：错误：不支持为 tcsh 安装命令补全"),
])
def test_no_shell_to_serve_is_a_usage_error(cli, undetectable, tmp_path, shell, lang, words):
    r = cli("--install-completion", env={"HOME": str(tmp_path), "SHELL": shell, "LANG": lang})
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith(words) and r.err.count("\n") == 1, r.err
    assert not any(tmp_path.iterdir())  # nothing written
