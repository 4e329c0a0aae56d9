"""Issue 12, item 5: `validate` is the contract. Fact bases mutated by a fuzzer whose strategies come from the
schema (jzcli/schema.py): every field of every table (nested fields too) gets a value of a wrong type, is
removed, gets a value outside its enum, or a reference that resolves nowhere; then every command runs on the
base. Whatever the base, no command ends in an internal error or a traceback; and a base that `validate`
accepts runs every command without exit 3 either (the loader and validate agree).

In-process for speed (a few of the bases also through the installed command). The example count is modest
(JZCLI_FUZZ_EXAMPLES, default 15) so the suite stays fast on two cores; run it with 1000 to hunt.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetykit import FACTS, run

from jzcli import schema

EXAMPLES = int(os.environ.get("JZCLI_FUZZ_EXAMPLES", "15"))

BASE = json.loads(FACTS.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- strategies from the schema


def field_paths() -> list[tuple[str, str, str | None, schema.Field]]:
    """(table, field, subfield or None, the Field) for every field the schema declares, nested ones too."""
    paths = []
    for tname, table in schema.TABLES.items():
        if tname not in BASE:
            continue
        for f in (schema.ID, *table.fields):
            paths.append((tname, f.name, None, f))
            for sub in f.fields:
                paths.append((tname, f.name, sub.name, sub))
    return paths


PATHS = field_paths()

# One value of each JSON type, and the awkward ones: huge and negative integers, floats where ints go, empty
# and control-character strings, nesting.
ODD_VALUES = [None, True, False, 0, -1, 7, 10 ** 30, -(10 ** 30), 1.5, 1e300, -0.0, "", " ", "x", "2018-02-30",
              "9999-99", "\x1b[2J", "凤凰城社区", [], [None], ["x"], [1], [[]], {}, {"a": 1}, {"min": "x"}]


def wrong_values(field: schema.Field) -> st.SearchStrategy:
    """Values a fact base might hold in `field`: wrong types, out-of-enum words, broken references."""
    values = list(ODD_VALUES)
    if field.ref is not None:
        values += ["nowhere:x", ["nowhere:x"], "unit:jiuzhoulu"]
    if field.enum is not None:
        values += ["not-in-the-enum"]
    return st.sampled_from(values)


def _records(data: dict, table: str) -> list[dict]:
    return list(data[table].values())


@st.composite
def mutated_bases(draw) -> tuple[dict, list[str]]:
    data = copy.deepcopy(BASE)
    done = []
    for _ in range(draw(st.integers(1, 3))):
        table, name, sub, field = draw(st.sampled_from(PATHS))
        recs = _records(data, table)
        if not recs:
            continue
        rec = recs[draw(st.integers(0, len(recs) - 1))]
        action = draw(st.sampled_from(["set", "set", "set", "delete"]))
        target, key = rec, name
        if sub is not None:
            holder = rec.get(name)
            if isinstance(holder, list) and holder and isinstance(holder[0], dict):
                target, key = holder[draw(st.integers(0, len(holder) - 1))], sub
            elif isinstance(holder, dict):
                target, key = holder, sub
            else:
                continue
        if action == "delete":
            target.pop(key, None)
            done.append(f"del {table}.{rec.get('id')}.{name}{'.' + sub if sub else ''}")
        else:
            value = draw(wrong_values(field))
            target[key] = copy.deepcopy(value)
            done.append(f"{table}.{rec.get('id')}.{name}{'.' + sub if sub else ''} = {value!r}")
    return data, done


# ---------------------------------------------------------------- every command


def commands(base: Path, tmp: Path) -> list[list[str]]:
    draft = tmp / "draft.txt"
    draft.write_text("大寨店社区开工36栋楼，其中29栋楼已完工。实际利用外资3700万美元。2017年九州路办事处获评全国文明单位。",
                     encoding="utf-8")
    lines = [["projects"], ["projects", "--min", "1亿", "--maybe"], ["projects", "--sort", "name"],
             ["projects", "--sort", "invest"], ["communities"], ["communities", "--tree"],
             ["communities", "--as-of", "2017-10"], ["community", "凤凰城"], ["community", "九州路"],
             ["honors"], ["honors", "2017"], ["figures"], ["figures", "--topic", "economy"],
             ["figures", "--subject", "大寨店"], ["timeline"], ["timeline", "--from", "2017-01"], ["people"],
             ["search", "社区"], ["overview"], ["audit"], ["show", "fig:dzd-started"], ["show", "unit:jiuzhoulu"],
             ["check", "大寨店社区开工36栋楼"], ["check", "--file", str(draft)],
             ["ask", "大寨店社区开工了多少栋楼"], ["ask", "九州路办事处什么时候成立"]]
    # json (the raw records) and table (every display path); tsv and csv share the table's cell() path
    out = [[*line, "--format", fmt] for line in lines for fmt in ("json", "table")]
    out += [["validate"], ["export", "--format", "jsonl", "--out", "-"],
            ["export", "--format", "sqlite", "--out", str(tmp / "x.db"), "--force"],
            ["export", "--format", "csv", "--out", str(tmp / "csv"), "--force"]]
    return [[*line, "--db", str(base)] for line in out]


def run_in_process(args: list[str]) -> tuple[int, str, str]:
    from jzcli import app

    out, err = io.StringIO(), io.StringIO()
    old = dict(os.environ)
    os.environ["COLUMNS"] = "100"
    os.environ.pop("JZCLI_DEBUG", None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = app.run(list(args))
    finally:
        os.environ.clear()
        os.environ.update(old)
    return int(code), out.getvalue(), err.getvalue()


def check_base(data: dict, tmp: Path, what: list[str]) -> None:
    from jzcli import factbase

    base = tmp / "base.json"
    base.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    factbase._cache.clear()
    try:
        vcode, vout, verr = run_in_process(["validate", "--db", str(base)])
        assert vcode in (0, 3), (what, vcode, verr)
        for args in commands(base, tmp):
            code, out, err = run_in_process(args)
            assert "internal error" not in err and "Traceback" not in err, (what, args, err)
            assert code in (0, 1, 2, 3), (what, args, code, err)
            assert len(err.splitlines()) <= 1 or args[0] in ("check", "ask", "show") and code != 3, (what, args, err)
            if vcode == 0:
                assert code != 3, ("validate accepts the base, a command rejects it", what, args, err)
            if code == 0 and "--format" in args and args[args.index("--format") + 1] == "json":
                json.loads(out)  # valid JSON (no NaN, no Infinity)
    finally:
        factbase._cache.clear()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(mutated_bases())
def test_every_command_on_a_fuzzed_fact_base(tmp_path, case):
    data, what = case
    check_base(data, tmp_path, what)


# Bases the fuzzer found crashing a command (internal error, exit 1) or validate itself, kept as regression
# cases: (table, record id, path to the value, the value).
FOUND = {
    "projects.pinyin.full an integer (projects --sort name)": ("projects", "project:qiyuan", ("pinyin", "full"), 10 ** 30),
    "projects.pinyin.full holding null (projects --sort name)": ("projects", "project:qiyuan", ("pinyin", "full"), [None]),
    "units.pinyin.full an integer (community)": ("units", "unit:guihe", ("pinyin", "full"), -1),
    "events.end an integer (timeline)": ("events", "event:shuixi-2018", ("end",), 7),
    "events.date impossible (timeline said exit 2, validate ok)": ("events", "event:founded", ("date",), "2018-02-30"),
    "meta.bands[0].min a string (check)": ("meta", "meta:schema", ("bands", 0, "min"), " "),
    "places.unit a list (ask)": ("places", "place:tianhejiacheng-dangzhibu", ("unit",), [[]]),
    "meta.not_people not a list (validate)": ("meta", "meta:schema", ("not_people",), True),
    "a list nested 400 deep (show)": ("figures", "fig:dzd-started", ("deep",), "DEEP"),
}


def found_base(name: str) -> dict:
    table, rid, path, value = FOUND[name]
    if value == "DEEP":
        value = []
        for _ in range(400):
            value = [value]
    data = copy.deepcopy(BASE)
    target = next(r for r in data[table].values() if r["id"] == rid)
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize("name", sorted(FOUND))
def test_bases_the_fuzzer_found(tmp_path, name):
    check_base(found_base(name), tmp_path, [name])


def test_a_few_fuzzed_bases_through_the_installed_command(tmp_path):
    """The same contract end to end: the installed command, a real process, real exit codes."""
    for name in ("events.end an integer (timeline)", "units.pinyin.full an integer (community)",
                 "meta.bands[0].min a string (check)"):
        data = found_base(name)
        base = tmp_path / "base.json"
        base.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        validate = run("validate", "--db", str(base), cwd=tmp_path)
        assert validate.code in (0, 3) and "internal error" not in validate.err
        assert validate.code == 3, (name, validate)
        for args in (["timeline"], ["community", "九州路"], ["check", "大寨店社区开工36栋楼"]):
            r = run(*args, "--db", str(base), cwd=tmp_path)
            assert r.code in (0, 1, 2, 3) and "internal error" not in r.err and "Traceback" not in r.err, (name, r)
            assert len(r.err.splitlines()) <= 1, r
