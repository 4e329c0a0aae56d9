"""Shared by the bench scripts (each run as `bench/NAME`, so this folder is on sys.path)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def default_jzcli() -> str | None:
    """The installed `jzcli`: beside this Python (its venv), else on PATH."""
    beside = Path(sys.executable).parent / "jzcli"
    if beside.exists():
        return str(beside)
    return shutil.which("jzcli")


def interpreter_of(script: str) -> str:
    """The Python that runs the jzcli console script (its shebang), so `python -c pass` is the same one."""
    try:
        with open(script, "rb") as fh:
            first = fh.readline().decode("utf-8", "replace").strip()
    except OSError:
        return sys.executable
    if first.startswith("#!"):
        parts = first[2:].split()
        if parts and Path(parts[0]).name != "env" and os.access(parts[0], os.X_OK):
            return parts[0]
    return sys.executable


def timed_run(argv: list[str], cpu: bool = False, **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    """(seconds, finished process) of one run: wall time, or with `cpu` the CPU time (user + system) the
    process used, which a busy machine disturbs much less than the wall clock (waiting for a core is not
    counted)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, **kwargs)
    wall = time.perf_counter() - t0
    if not cpu:
        return wall, proc
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc
