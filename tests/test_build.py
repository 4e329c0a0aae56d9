"""curation/build_facts.py rebuilds the committed facts.json byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "curation" / "build_facts.py"
ARTICLE = ROOT.parent / "shared" / "source" / "000_e90f716d7d44d38f.txt"


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article is not beside this checkout")
def test_build_reproduces_facts_json_byte_for_byte(tmp_path):
    pytest.importorskip("pypinyin")
    out = tmp_path / "facts.json"
    proc = subprocess.run([sys.executable, str(BUILD), "--source", str(ARTICLE), "--output", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "" and proc.stderr.startswith(f"wrote {out}: source 1, units 25,")
    assert out.read_bytes() == (ROOT / "facts.json").read_bytes()
    assert oct(out.stat().st_mode & 0o777) == "0o644"
