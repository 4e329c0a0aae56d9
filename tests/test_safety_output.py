"""Issue 12, items 2, 3 and 5: output is complete or the command fails; data never drives the terminal; the
small ones (COLUMNS, empty options, impossible dates, JZCLI_DEBUG=0, Ctrl-C, UTF-8 arguments, exit codes
that were "internal error"). The installed command, in temporary folders: no real device is written."""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
import subprocess
import time

import pytest
from conftest import installed_command
from safetykit import big_base, env, one_line_error, run, shipped, with_record, write_base

# ---------------------------------------------------------------- complete or failed


def test_a_non_blocking_pipe_gets_the_whole_output(tmp_path):
    """Before: 65,536 bytes, then Python stopped writing and the exit code was 0."""
    base = big_base(tmp_path / "big.json")
    expected = run("figures", "--json", "--db", str(base), cwd=tmp_path)
    assert expected.code == 0 and len(expected.out) > 1_000_000
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    proc = subprocess.Popen(installed_command() + ["figures", "--json", "--db", str(base)], cwd=tmp_path, env=env(),
                            stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    time.sleep(0.5)  # let the pipe fill: the writer meets EAGAIN
    chunks = []
    with os.fdopen(read_end, "rb") as fh:
        while True:
            chunk = fh.read(65536)
            if not chunk:
                break
            chunks.append(chunk)
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0, err
    assert b"".join(chunks).decode() == expected.out


def test_a_file_size_limit_is_an_error_not_a_short_file(tmp_path):
    base = big_base(tmp_path / "big.json", 1200)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    for args in (["figures", "--json"], ["figures", "--format", "tsv"], ["figures", "--format", "table"],
                 ["export", "--format", "jsonl", "--out", "-"]):
        with open(tmp_path / "out", "wb") as fh:
            r = run(*args, "--db", str(base), cwd=tmp_path, stdout=fh, preexec_fn=limit,
                    extra_env={"COLUMNS": "100"})
        one_line_error(r, 1, "file size limit")


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EFBIG, errno.EBADF, errno.EIO])
def test_every_failed_write_is_one_line_and_exit_1(err, monkeypatch, tmp_path):
    from jzcli import safeio

    calls = []

    def fake_write(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return 10  # a short write first: continued, not lost
        raise OSError(err, os.strerror(err))

    with open(tmp_path / "f", "wb") as fh:
        monkeypatch.setattr(os, "write", fake_write)
        with pytest.raises(safeio.OutputError, match="cannot write the output"):
            safeio.write_bytes(fh.fileno(), b"x" * 100)
    assert calls == [100, 90]


def test_short_writes_are_continued(monkeypatch, tmp_path):
    from jzcli import safeio

    got = []

    def fake_write(fd, data):
        got.append(bytes(data[:7]))
        return len(got[-1])

    monkeypatch.setattr(os, "write", fake_write)
    safeio.write_bytes(1, b"0123456789" * 10)
    assert b"".join(got) == b"0123456789" * 10


COMMANDS = [["projects"], ["communities"], ["communities", "--tree"], ["communities", "--tree", "--json"],
            ["honors"], ["figures"], ["timeline"], ["people"], ["search", "的"], ["overview"],
            ["overview", "--json"], ["audit"], ["community", "凤凰城"], ["show", "fig:dzd-started"],
            ["check", "大寨店社区开工36栋楼"], ["ask", "大寨店社区开工了多少栋楼"], ["validate"],
            ["export", "--format", "jsonl", "--out", "-"]]


@pytest.mark.parametrize("fmt", ["table", "tsv"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_broken_pipe_is_141_for_every_command(tmp_path, args, fmt):
    """The reader is gone before the first write (deterministic EPIPE): 141 and nothing on stderr."""
    if args[0] in ("validate", "export") and fmt == "table":
        pytest.skip("no --format")
    if "--json" in args and fmt == "table":
        pytest.skip("--json is the format")
    fmt_args = [] if args[0] in ("validate", "export") or "--json" in args else ["--format", fmt]
    read_end, write_end = os.pipe()
    os.close(read_end)
    extra = {"COLUMNS": "100"}
    if args[0] == "validate":  # validate prints problems on stdout: a base with one
        base = write_base(tmp_path / "b.json", with_record("figures", topic="nope"))
        extra["JZCLI_DB"] = str(base)
    proc = subprocess.run(installed_command() + args + fmt_args, cwd=tmp_path, env=env(**extra), stdout=write_end,
                          stderr=subprocess.PIPE, timeout=60)
    os.close(write_end)
    assert (proc.returncode, proc.stderr) == (141, b""), (proc.returncode, proc.stderr[:500])


def test_stdout_closed_is_one_line_and_exit_1(tmp_path):
    for args in (["projects"], ["figures", "--json"], ["communities", "--tree", "--format", "table"], ["overview"]):
        r = run(*args, cwd=tmp_path, preexec_fn=lambda: os.close(1))
        one_line_error(r, 1, "stdout is closed")
    # the documented codes stay
    one_line_error(run("projects", "--min", "abc", cwd=tmp_path, preexec_fn=lambda: os.close(1)), 2)
    one_line_error(run("projects", "--db", "nope.json", cwd=tmp_path, preexec_fn=lambda: os.close(1)), 3)


def test_stderr_closed_keeps_the_exit_codes(tmp_path):
    close2 = lambda: os.close(2)  # noqa: E731
    cases = [(["projects", "--json"], 0), (["community", "没有这个"], 1), (["projects", "--min", "abc"], 2),
             (["projects", "--db", "nope.json"], 3), (["--bogus"], 2)]
    for args, code in cases:
        proc = subprocess.run(installed_command() + args, cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                              preexec_fn=close2, timeout=60)
        assert proc.returncode == code, (args, proc.returncode)


def test_stdin_closed(tmp_path):
    r = run("check", "--file", "-", cwd=tmp_path, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    one_line_error(r, 2, "stdin is closed")
    r = run("projects", "--json", cwd=tmp_path, preexec_fn=lambda: os.close(0))
    assert r.code == 0 and json.loads(r.out)


# ---------------------------------------------------------------- data never drives the terminal

EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\\x9b31m\x7f\u202e"
BAD_BYTES = ("\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\x00")


@pytest.fixture
def evil_base(tmp_path):
    data = shipped()
    fig = next(k for k, v in data["figures"].items() if v["id"] == "fig:dzd-started")
    data["figures"][fig]["text"] = "36栋" + EVIL
    data["figures"][fig]["metric"] = "开工" + EVIL
    unit = next(iter(data["units"]))
    data["units"][unit]["note"] = "说明" + EVIL
    data["people"][next(iter(data["people"]))]["role"] = "x" + EVIL
    data["figures"][next(iter(data["figures"]))]["topic"] = "bad" + EVIL  # a validate problem that echoes data
    return write_base(tmp_path / "evil.json", data)


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv"])
@pytest.mark.parametrize("args", [["figures"], ["people"], ["search", "36栋"], ["show", "fig:dzd-started"],
                                  ["community", "凤凰城"], ["communities"], ["check", "大寨店社区开工36栋楼"],
                                  ["ask", "大寨店社区开工了多少栋楼"]], ids=" ".join)
def test_control_characters_in_data_are_shown_escaped(tmp_path, evil_base, args, fmt):
    r = run(*args, "--format", fmt, "--db", str(evil_base), cwd=tmp_path,
            extra_env={"COLUMNS": "200", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"})
    assert r.code in (0, 1), r
    for bad in BAD_BYTES:
        assert bad not in r.out and bad not in r.err, (bad, r)
    if args[0] in ("figures", "search", "show"):
        assert "\\x1b]0;pwned" in r.out or "\\\\x1b]0;pwned" in r.out, r.out[:2000]


def test_validate_and_draft_output_are_escaped(tmp_path, evil_base):
    r = run("validate", "--db", str(evil_base), cwd=tmp_path)
    assert r.code == 3 and "\\x1b" in r.out
    for bad in BAD_BYTES:
        assert bad not in r.out and bad not in r.err
    draft = tmp_path / "draft.txt"
    draft.write_text("大寨店社区开工36栋楼" + EVIL + "。", encoding="utf-8")
    for fmt in ("table", "tsv", "csv"):
        r = run("check", "--file", str(draft), "--format", fmt, cwd=tmp_path, extra_env={"COLUMNS": "200"})
        assert r.code in (0, 1), r
        for bad in BAD_BYTES:
            assert bad not in r.out and bad not in r.err, (fmt, bad, r)


def test_json_escapes_control_characters_as_json_does(tmp_path, evil_base):
    r = run("figures", "--json", "--db", str(evil_base), cwd=tmp_path)
    assert r.code == 0
    for bad in BAD_BYTES:
        assert bad not in r.out
    texts = {f["id"]: f["text"] for f in json.loads(r.out)}
    assert texts["fig:dzd-started"] == "36栋" + EVIL  # the whole value, exactly
    r = run("export", "--format", "jsonl", "--out", "-", "--db", str(evil_base), cwd=tmp_path)
    assert r.code == 0 and not any(bad in r.out for bad in BAD_BYTES)
    assert any(json.loads(line).get("text") == "36栋" + EVIL for line in r.out.splitlines())


def test_completion_candidates_are_filtered(tmp_path):
    data = shipped()
    units = data["units"]
    first = next(iter(units))
    units[first]["name"] = "凤凰城社区\\$(touch pwned)"
    units[first]["aliases"] = []
    extra_id = str(max(int(k) for k in units) + 1)
    units[extra_id] = {**units[first], "id": "unit:evil2", "name": "凤凰`touch pwned2`", "short": None}
    base = write_base(tmp_path / "evil.json", data)
    for shell in ("zsh", "bash", "fish"):
        r = run(cwd=tmp_path, extra_env={"JZCLI_DB": str(base), "_JZCLI_COMPLETE": f"complete_{shell}",
                                         "_TYPER_COMPLETE_ARGS": "jzcli community 凤", "COMP_WORDS": "jzcli community 凤",
                                         "COMP_CWORD": "2"})
        assert r.code == 0, r
        assert "touch" not in r.out and "$(" not in r.out and "`" not in r.out, (shell, r.out)
    assert not (tmp_path / "pwned").exists()
    from jzcli.safeio import completion_candidates

    assert completion_candidates(["凤凰城社区", "fenghuangchengshequ", "a;b", "a b", "x\x1b", "（东）区", "a$b"]) == [
        "凤凰城社区", "fenghuangchengshequ", "（东）区"]


def test_a_long_cell_is_shortened_on_screen_and_whole_in_json(tmp_path):
    long = "长" * 1_000_000
    base = write_base(tmp_path / "long.json", with_record("figures", text=long))
    r = run("figures", "--format", "table", "--db", str(base), cwd=tmp_path, extra_env={"COLUMNS": "120"}, timeout=60)
    assert r.code == 0 and "…" in r.out and len(r.out) < 200_000, len(r.out)
    r = run("figures", "--json", "--db", str(base), cwd=tmp_path)
    assert any(f["text"] == long for f in json.loads(r.out))


# ---------------------------------------------------------------- the small ones


@pytest.mark.parametrize("columns", ["0", "1", "2", "5"])
def test_a_tiny_columns_is_clamped_and_nothing_is_dropped(tmp_path, columns):
    r = run("people", "--format", "table", cwd=tmp_path, extra_env={"COLUMNS": columns})
    assert r.code == 0 and r.out.strip(), r
    shown = "".join(r.out.split())
    for person in shipped()["people"].values():
        assert set(person["name"]) <= set(shown), person["name"]


@pytest.mark.parametrize("args,word", [(["projects", "--format", ""], "format"), (["projects", "--db", ""], "--db"),
                                       (["projects", "--db", " "], "--db"),
                                       (["timeline", "--from", "2018-02-29"], "day 29"),
                                       (["timeline", "--to", "2019-02-29"], "day 29"),
                                       (["timeline", "--from", "2018-04-31"], "day 31"),
                                       (["export", "--format", "", "--out", "x"], "format")])
def test_empty_options_and_impossible_dates_are_bad_input(tmp_path, args, word):
    one_line_error(run(*args, cwd=tmp_path), 2, word)


def test_a_leap_day_is_a_date(tmp_path):
    assert run("timeline", "--from", "2016-02-29", cwd=tmp_path).code == 0
    assert run("timeline", "--to", "2000-02-29", cwd=tmp_path).code == 0


def test_jzcli_debug_0_means_off(cli, monkeypatch):
    from jzcli import queries

    def broken(*_a, **_k):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(queries, "people", broken)
    for value in ("0", "", "false", "no", "off", "False"):
        r = cli("people", env={"JZCLI_DEBUG": value})
        assert r.code == 1 and r.err.startswith("jzcli: error: internal error: ZeroDivisionError"), (value, r)
        assert len(r.err.splitlines()) == 1
    for value in ("1", "yes", "true"):
        with pytest.raises(ZeroDivisionError):
            cli("people", env={"JZCLI_DEBUG": value})


def test_ctrl_c_at_start_up_is_no_traceback(tmp_path):
    """jzcli._start installs the handler before jzcli.app and its imports load. Earlier than that is
    Python's own start-up and the `import re` of the wrapper pip writes, out of jzcli's reach: on a loaded
    machine a signal can land there, so a traceback is allowed only if no frame of it is in the package."""
    for delay in (0.05, 0.08, 0.12, 0.2):
        proc = subprocess.Popen(installed_command() + ["figures", "--json"], cwd=tmp_path, env=env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
        if b"Traceback" in err:
            assert b"/jzcli/" not in err, (delay, err)
            continue
        assert len(err.splitlines()) <= 1, (delay, err)
        if proc.returncode == -signal.SIGINT:  # killed before Python set its own handler: silent, as any program
            assert err == b"", (delay, err)
            continue
        assert proc.returncode in (0, 130), (delay, proc.returncode, err)
        if proc.returncode == 130:
            assert err == b"jzcli: error: interrupted\n"


def test_arguments_are_utf8_whatever_the_locale(tmp_path):
    base = tmp_path / "事实.json"
    base.write_bytes(shipped_bytes())
    extra = {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"}
    r = run("community", "凤凰城", "--json", cwd=tmp_path, extra_env=extra)
    assert r.code == 0 and json.loads(r.out)["name"] == "凤凰城社区", r
    r = run("community", "凤凰城", "--json", "--db", str(base), cwd=tmp_path, extra_env=extra)
    assert r.code == 0 and json.loads(r.out)["name"] == "凤凰城社区", r
    r = run("export", "--format", "jsonl", "--out", "导出.jsonl", cwd=tmp_path, extra_env=extra)
    assert r.code == 0 and (tmp_path / "导出.jsonl").exists(), r


def shipped_bytes() -> bytes:
    from safetykit import FACTS

    return FACTS.read_bytes()


def test_former_internal_errors_are_2_or_3(tmp_path):
    one_line_error(run("projects", "--db", "x" * 5000, cwd=tmp_path), 3)
    one_line_error(run("projects", "--db", "/" + "d/" * 3000 + "f.json", cwd=tmp_path), 3)
    deep: list = []
    for _ in range(400):
        deep = [deep]
    base = write_base(tmp_path / "deep.json", with_record("figures", deep=deep))
    fid = shipped()["figures"][next(iter(shipped()["figures"]))]["id"]
    for fmt in ("table", "tsv", "csv", "json", "jsonl"):
        r = run("show", fid, "--format", fmt, "--db", str(base), cwd=tmp_path, extra_env={"COLUMNS": "100"})
        assert r.code == 0 and r.err == "", (fmt, r)
    one_line_error(run(cwd=tmp_path, extra_env={"_JZCLI_COMPLETE": "bogus"}), 2, "completion")
    one_line_error(run(cwd=tmp_path, extra_env={"_JZCLI_COMPLETE": "complete_bash"}), 2, "completion")
    one_line_error(run(cwd=tmp_path, extra_env={"_JZCLI_COMPLETE": "complete_bash", "COMP_WORDS": "jzcli co",
                                                "COMP_CWORD": "x"}), 2, "completion")
    (tmp_path / "file").write_text("", encoding="utf-8")
    r = run("--install-completion", "bash", cwd=tmp_path,
            extra_env={"HOME": str(tmp_path / "file" / "home"), "SHELL": "/bin/bash"})
    one_line_error(r, 2)


def test_nan_infinity_and_duplicate_keys_are_rejected(tmp_path):
    text = json.dumps(shipped(), ensure_ascii=False)
    fig_value = '"value": 36'
    assert fig_value in text
    for bad, word in ((text.replace(fig_value, '"value": NaN', 1), "NaN"),
                      (text.replace(fig_value, '"value": Infinity', 1), "Infinity"),
                      (text.replace(fig_value, '"value": -Infinity', 1), "Infinity"),
                      (text.replace(fig_value, '"value": 36, "value": 37', 1), "duplicate key")):
        path = tmp_path / "bad.json"
        path.write_text(bad, encoding="utf-8")
        for args in (["figures", "--json"], ["validate"], ["check", "大寨店社区开工36栋楼"]):
            one_line_error(run(*args, "--db", str(path), cwd=tmp_path), 3, word)


def test_duplicate_ids_are_a_fact_base_problem(tmp_path):
    """Before: sqlite export said "internal error: IntegrityError". validate lists it with the others."""
    data = shipped()
    figs = data["figures"]
    keys = list(figs)
    dup = figs[keys[0]]["id"]
    figs[keys[1]] = {**figs[keys[1]], "id": dup}
    base = write_base(tmp_path / "dup.json", data)
    one_line_error(run("export", "--format", "sqlite", "--out", "x.db", "--db", str(base), cwd=tmp_path), 3,
                   "duplicate id")
    assert not (tmp_path / "x.db").exists()
    r = run("validate", "--db", str(base), cwd=tmp_path)
    assert r.code == 3 and f"{dup}: duplicate id (in figures and figures)" in r.out.splitlines(), r
