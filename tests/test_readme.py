"""Docs that cannot drift: every console example of the README is run and its output compared.

A ```console block holds commands (`$ ` lines, run with bash, stdout and stderr together as a terminal
would show them) each followed by its expected output. The installed `jzcli` is first on PATH; the README
is read as one session in a fresh folder beside a `shared/` link to the article (so `../shared/source/...`
works as in a checkout): an example that needs a file creates it (a later example may use it again). In
expected output, `…` stands for any text within a line, and white space at the end of a line is not
compared (Markdown keeps none). Piped output (TSV), a C.UTF-8 locale, and no colour.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ARTICLE, ROOT, installed_command

README = ROOT / "README.md"
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def console_examples(text: str) -> list[tuple[int, str, str]]:
    """(line number, command, expected output) for every `$ ` command of every console block."""
    examples = []
    for block in _BLOCK.finditer(text):
        first_line = text.count("\n", 0, block.start()) + 2
        command, expected, at = None, [], 0
        for i, line in enumerate(block.group(1).split("\n")[:-1]):
            if line.startswith("$ "):
                if command is not None:
                    examples.append((at, command, "".join(expected)))
                command, expected, at = line[2:], [], first_line + i
            elif command is not None:
                expected.append(line + "\n")
        if command is not None:
            examples.append((at, command, "".join(expected)))
    return examples


EXAMPLES = console_examples(README.read_text(encoding="utf-8"))


def _matches(expected: str, actual: str) -> bool:
    """Equal, line by line, but for white space at the ends of lines (Markdown keeps none) and `…`."""
    expected, actual = (re.sub(r"[ \t]+$", "", t, flags=re.M) for t in (expected, actual))
    if expected == actual:
        return True
    if "…" not in expected:
        return False
    pattern = "".join(".*?" if part == "…" else re.escape(part) for part in re.split("(…)", expected))
    return re.fullmatch(pattern, actual, re.S) is not None and expected.count("\n") == actual.count("\n")


def test_readme_has_examples():
    assert len(EXAMPLES) >= 18
    assert any("check --file" in cmd for _, cmd, _ in EXAMPLES)
    assert any("--format lines" in cmd for _, cmd, _ in EXAMPLES)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    base = tmp_path_factory.mktemp("readme")
    (base / "shared").symlink_to(ROOT.parent / "shared")
    bindir = base / "bin"
    bindir.mkdir()
    cmd = installed_command()
    launcher = bindir / "jzcli"
    launcher.write_text("#!/bin/sh\nexec " + " ".join(f"'{c}'" for c in cmd) + ' "$@"\n')
    launcher.chmod(0o755)
    return base, bindir


def _blocks():
    """Examples grouped by console block: commands of one block share a folder (a file made by one is
    there for the next), in order."""
    text = README.read_text(encoding="utf-8")
    groups = []
    for block in _BLOCK.finditer(text):
        line = text.count("\n", 0, block.start()) + 1
        groups.append((line, console_examples("```console\n" + block.group(1) + "```\n")))
    return groups


@pytest.mark.parametrize("line,examples", _blocks(), ids=[f"README.md:{line}" for line, _ in _blocks()])
def test_console_example(sandbox, line, examples):
    base, bindir = sandbox
    work = base / "work"
    work.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("JZCLI_DB", "NO_COLOR", "JZCLI_PAGER", "COLUMNS")}
    env.update(PATH=f"{bindir}{os.pathsep}{os.path.dirname(sys.executable)}{os.pathsep}{env.get('PATH', '')}",
               LANG="C.UTF-8", LANGUAGE="", LC_ALL="", PAGER="cat")
    last_status = 0
    for _, command, expected in examples:
        if command.split()[0] in ("sqlite3", "jq") and shutil.which(command.split()[0]) is None:
            pytest.skip(f"{command.split()[0]} is not installed")
        if "../shared/" in command and not ARTICLE.is_file():
            pytest.skip("the article is not beside this checkout")
        script = f"(exit {last_status}); {{ {command}\n}} 2>&1"  # `echo $?` sees the previous example's status
        proc = subprocess.run(["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              encoding="utf-8", cwd=work, env=env, timeout=120)
        actual = proc.stdout
        last_status = proc.returncode
        assert _matches(expected, actual), f"README.md:{line}: $ {command}\n--- expected\n{expected}--- got\n{actual}"
