"""The claim checker at scale: long runs of digits and numerals end (no catastrophic backtracking), and the
indexes of the fact base only narrow the search down: they never change a verdict.

Timings live in bench/scale and bench/check_draft.py; here a hang shows as a subprocess timeout."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jzcli import check as ck
from jzcli import factbase, names

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("line", [
    "1" * 200_000,
    "五" * 1_000_000,
    "1" * 200_000 + "年来开工36栋楼",
    "五" * 200_000 + "年以来开工36栋楼",
    "大寨店社区" + "五" * 100_000 + "1" * 100_000 + "年来",
    "1" * 100_000 + "月" + "1" * 100_000 + "日",
], ids=["200k-digits", "1M-五", "digits-年来", "五-年以来", "mixed", "digits-月-日"])
def test_a_long_line_of_digits_or_numerals_is_checked(jz, tmp_path, line):
    draft = tmp_path / "draft.txt"
    draft.write_text(line + "\n", encoding="utf-8")
    r = jz("check", "--file", str(draft), "--json", timeout=20)  # TimeoutExpired when a regex backtracks
    assert r.code in (0, 1, 2), r.err
    assert "Traceback" not in r.err
    if r.code != 2:
        assert isinstance(json.loads(r.out), list)


def _checker_patterns() -> list[str]:
    """"module.NAME" of every module-level regex of the checker package, compiled at import or on first use
    (jzcli/lazyre.py)."""
    import pkgutil

    from jzcli import lazyre

    out = []
    for info in pkgutil.iter_modules(ck.__path__):
        module = importlib.import_module(f"jzcli.check.{info.name}")
        out += [f"{info.name}.{name}" for name, value in vars(module).items()
                if isinstance(value, (re.Pattern, lazyre.Pattern))]
    return out


PATTERNS = _checker_patterns()


def test_the_regexes_are_found():
    assert len(PATTERNS) >= 20 and any(p.startswith("reading.") for p in PATTERNS)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_no_regex_of_the_checker_is_quadratic_on_digits(pattern):
    """Every module-level regex of the checker package over 100,000 digits / numerals, in a child process."""
    module, name = pattern.split(".")
    code = (f"from jzcli.check import {module}\np = {module}.{name}\n"
            "for s in ('1' * 100_000, '五' * 100_000, '1五' * 50_000, '2018年' * 20_000, '1,000' * 20_000):\n"
            "    p.sub('', s); p.search(s + '年来')\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=20)


def _scale_module():
    loader = importlib.machinery.SourceFileLoader("bench_scale", str(ROOT / "bench" / "scale"))
    spec = importlib.util.spec_from_loader("bench_scale", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _named_spans_by_scanning(self, text):
    """named_spans as it was before the lexicon: every spelling searched for, longest first."""
    folded = names.fold(text)
    if len(folded) != len(text):
        folded = text
    taken = [False] * len(folded)
    found = []
    for form, rec in self.spellings:
        start = folded.find(form)
        while start != -1:
            if not any(taken[start:start + len(form)]):
                taken[start:start + len(form)] = [True] * len(form)
                found.append((start, start + len(form), rec))
            start = folded.find(form, start + 1)
    found.sort(key=lambda t: t[0])
    return found


def _other_noun_by_scanning(self, fact, said, at):
    return next((g for g in self.facts if g is not fact and len(g.noun) >= 2 and g.noun != fact.noun
                 and g.unit_class == fact.unit_class and said.startswith(g.noun, at)), None)


def _drafts(tmp_path):
    scale = _scale_module()
    db, info = scale.generate(1000)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(db, ensure_ascii=False), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    scale.write_draft(draft, info, sentences=300)
    yield path, draft.read_text(encoding="utf-8")
    shipped = json.loads((ROOT / "facts.json").read_text(encoding="utf-8"))
    quotes = [f["quote"] for f in shipped["figures"].values() if f.get("quote")]
    # quotes as written, with every number changed, with another year, and two of them in one sentence
    text = "。".join([*quotes, *(re.sub(r"\d+", "7", q) for q in quotes), *(f"2015年，{q}" for q in quotes),
                     *(a + "，" + b for a, b in zip(quotes, reversed(quotes)))]) + "。"
    yield ROOT / "facts.json", text


def test_the_indexes_give_the_verdicts_of_a_full_scan(tmp_path, monkeypatch):
    for db_path, draft in _drafts(tmp_path):
        try:
            reader = ck.Reader(factbase.load(str(db_path)))
        finally:
            factbase._cache.clear()
        indexed = [r.as_json() for r in ck.check_draft(reader, draft)]
        with monkeypatch.context() as m:
            m.setattr(ck.Reader, "facts_for", lambda self, fig, scope, banded: list(self.facts))
            m.setattr(ck.Reader, "named_spans", _named_spans_by_scanning)
            m.setattr(ck.Reader, "other_noun", _other_noun_by_scanning)
            scanned = [r.as_json() for r in ck.check_draft(ck.Reader(reader.fb), draft)]
        assert len(indexed) > 100
        assert indexed == scanned
