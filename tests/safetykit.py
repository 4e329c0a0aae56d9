"""Helpers for the safety tests: the installed command in a temporary folder, fact bases made from the shipped
one, exact checks of exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import installed_command

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"


class Run:
    __slots__ = ("code", "out", "err")

    def __init__(self, code: int, out: bytes, err: bytes) -> None:
        self.code, self.out, self.err = code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    def __repr__(self) -> str:
        return f"Run(code={self.code}, out={self.out[:200]!r}, err={self.err[:300]!r})"


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("JZCLI_DB", "JZCLI_DEBUG", "NO_COLOR", "COLUMNS", "TTY_COMPATIBLE", "FORCE_COLOR")}
    base.update(extra)
    return base


def run(*args: str, cwd: Path, extra_env: dict | None = None, command: list[str] | None = None,
        timeout: float = 120, **popen) -> Run:
    """The installed command (or `command`), in `cwd`; stdout and stderr as text."""
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    proc = subprocess.run((command or installed_command()) + list(args), cwd=cwd, env=env(**(extra_env or {})),
                          timeout=timeout, **popen)
    return Run(proc.returncode, proc.stdout or b"", proc.stderr or b"")


def one_line_error(r: Run, code: int, *words: str) -> None:
    """Exit `code`, exactly one line on stderr (`jzcli: error: ...`) holding `words`, no traceback."""
    assert r.code == code, r
    assert "Traceback" not in r.err and "internal error" not in r.err, r
    lines = r.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("jzcli: error: "), r
    for word in words:
        assert word in r.err, (word, r)


def shipped() -> dict:
    return json.loads(FACTS.read_text(encoding="utf-8"))


def write_base(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def big_base(path: Path, copies: int = 3000) -> Path:
    """The shipped base with `copies` figures (megabytes of output for a pipe)."""
    data = shipped()
    figures = list(data["figures"].values())
    data["figures"] = {str(i + 1): {**figures[i % len(figures)], "id": f"fig:copy-{i}"} for i in range(copies)}
    return write_base(path, data)


def with_record(table: str, **fields) -> dict:
    """The shipped base with the first record of `table` changed."""
    data = shipped()
    first = next(iter(data[table]))
    data[table][first] = {**data[table][first], **fields}
    return data


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path → bytes): to show nothing was touched."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"")
            for p in sorted(folder.rglob("*")) if not p.is_symlink()}
