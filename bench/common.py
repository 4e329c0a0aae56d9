"""Shared by the bench scripts (each run as `bench/NAME`, so this folder is on sys.path)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def default_jzcli() -> str | None:
    """The installed `jzcli`: beside this Python (its venv), else on PATH."""
    beside = Path(sys.executable).parent / "jzcli"
    if beside.exists():
        return str(beside)
    return shutil.which("jzcli")
