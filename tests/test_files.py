"""jzcli/files.py: one reader, one-line errors naming the file, for every command that reads a text file."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from jzcli import crosschecks, files
from jzcli.errors import BadInput, FactBaseError
from jzcli.factbase import FactBase
from jzcli.text import canon, fold, nfkc, squash

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "curation" / "build_facts.py"


def _cases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad file, with the words its error must hold."""
    folder = tmp_path / "folder"
    folder.mkdir()
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("九州".encode("gb18030"))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cases = {
        "missing": (tmp_path / "none.txt", "not found: "),
        "directory": (folder, "is a directory, not a file: "),
        "not UTF-8": (latin1, "is not UTF-8 text"),
        "FIFO": (fifo, "is not a regular file (a FIFO): "),
    }
    if os.geteuid() != 0:  # root reads a file whatever its mode
        locked = tmp_path / "locked.txt"
        locked.write_text("九州", encoding="utf-8")
        locked.chmod(0)
        cases["unreadable"] = (locked, "permission denied")
    return cases


def test_read_text_errors_are_one_line_naming_the_file(tmp_path):
    for case, (path, words) in _cases(tmp_path).items():
        for error in (BadInput, FactBaseError):
            with pytest.raises(error) as info:
                files.read_text(path, "draft", error)
            message = str(info.value)
            assert words in message and str(path) in message and message.startswith("draft"), case
            assert "\n" not in message


def test_read_text_reads_utf8_and_drops_a_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff九州路办事处\n".encode("utf-8"))
    assert files.read_text(path, "draft") == "九州路办事处\n"


@pytest.mark.parametrize("command, what, code", [
    (["check", "--file"], "draft", 2),
    (["validate", "--source"], "article", 3),
    (["show", "fig:fdi", "--source"], "article", 3),
])
def test_commands_report_bad_files_in_one_line(cli, tmp_path, command, what, code):
    for case, (path, words) in _cases(tmp_path).items():
        if what == "draft" and case in ("not UTF-8", "FIFO"):
            continue  # a draft may be GB18030 or a pipe (jzcli/drafts.py, tests/test_drafts.py)
        r = cli(*command, str(path))
        assert r.code == code, (case, r.err)
        assert r.out == ""
        assert r.err.count("\n") == 1
        assert r.err.startswith(f"jzcli: error: {what}") and words in r.err and str(path) in r.err, (case, r.err)


def test_the_build_reports_bad_articles_in_one_line(tmp_path):
    for case, (path, words) in _cases(tmp_path).items():
        out = tmp_path / "facts.json"
        proc = subprocess.run([sys.executable, str(BUILD), "--source", str(path), "--output", str(out)],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1 and proc.stdout == "", case
        assert proc.stderr.startswith("build_facts: error: article") and words in proc.stderr, (case, proc.stderr)
        assert proc.stderr.count("\n") == 1 and not out.exists()


def test_one_text_normaliser():
    assert squash(" 业主委\n\n员会\u3000") == "业主委员会"
    assert nfkc(" ５２％，１７００ ") == "52%,1700"
    assert canon("９.９６ 亿元\n") == "9.96亿元"
    assert canon(None) == ""
    assert fold(" PM２.５ Jiu Zhou ") == "pm2.5jiuzhou"


def test_cross_checks_are_exact_decimal():
    """0.1 + 0.2 = 0.3 holds exactly (it does not in float); 1/3 of 3 is 33.33%, within 0.01 of 33.33."""
    fig = {"mentions": [], "oddities": [], "note": None, "quote": "q"}
    figures = [{**fig, "id": f"fig:{name}", "value": value}
               for name, value in (("a", 0.1), ("b", 0.2), ("c", 0.3), ("one", 1), ("three", 3), ("share", 33.33))]
    fb = FactBase(Path("mem"), {"figures": figures})
    total = crosschecks.evaluate(fb, {"kind": "sum", "terms": ["fig:a", "fig:b"], "equals": ["fig:c"]})
    assert total == {"holds": True, "arithmetic": "0.1 + 0.2 = 0.3 = 0.3", "refs": ["fig:a", "fig:b", "fig:c"]}
    share = crosschecks.evaluate(fb, {"kind": "ratio", "numerator": "fig:one", "denominator": "fig:three",
                                      "expected": "fig:share", "tolerance": 0.01})
    assert share["holds"] is True and share["arithmetic"] == "1 / 3 = 33.33% ≈ 33.33% (±0.01)"
    tight = crosschecks.evaluate(fb, {"kind": "ratio", "numerator": "fig:one", "denominator": "fig:three",
                                      "expected": "fig:share", "tolerance": Decimal("0.003")})
    assert tight["holds"] is False  # 33.333… - 33.33 = 0.00333… > 0.003


@pytest.mark.parametrize("check, error", [
    ({"kind": "sum", "terms": ["fig:a"], "equals": ["fig:nowhere"]}, "reference 'fig:nowhere' does not resolve to a figure"),
    ({"kind": "sum", "terms": 5, "equals": ["fig:a"]}, "field 'terms' is not a list of ids"),
    ({"kind": "ratio", "numerator": "fig:a", "expected": "fig:c"}, "a ratio check needs the field 'denominator'"),
    ({"kind": "ratio", "numerator": "fig:a", "denominator": "fig:b", "expected": "fig:text"},
     "figure 'fig:text' has no numeric value"),
    ({"kind": "ratio", "numerator": "fig:a", "denominator": "fig:b", "expected": "fig:c", "tolerance": "x"},
     "tolerance 'x' is not a number"),
    ({"kind": "count", "items": ["fig:a", None], "expected": "fig:c"}, "item None does not resolve"),
    ({"kind": "mean"}, "unknown check kind 'mean'"),
])
def test_a_cross_check_that_cannot_be_computed_says_why(check, error):
    fig = {"mentions": [], "oddities": [], "note": None, "quote": "q"}
    figures = [{**fig, "id": "fig:a", "value": 1}, {**fig, "id": "fig:b", "value": 2}, {**fig, "id": "fig:c", "value": 50},
               {**fig, "id": "fig:text", "value": "50"}]
    result = crosschecks.evaluate(FactBase(Path("mem"), {"figures": figures}), check)
    assert result == {"holds": False, "error": error, "arithmetic": "", "refs": []}
