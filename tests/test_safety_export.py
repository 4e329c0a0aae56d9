"""Issue 12, item 1: export replaces only what export made, atomically; never the working directory, the fact
base, the package, devices, FIFOs, sockets or links; file names from the schema only; one of two concurrent
exports wins; no temporary files left by a signal. Every test runs the installed command in a temporary
folder."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from safetykit import FACTS, big_base, listing, one_line_error, run, shipped, with_record, write_base

from jzcli.schema import TABLES

MANIFEST = ".jzcli-export.json"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".jzcli-export-"))


# ---------------------------------------------------------------- what is never replaced


def test_the_working_directory_and_its_ancestors_are_refused(tmp_path):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    (work / "notes.txt").write_text("mine", encoding="utf-8")
    before = listing(tmp_path)
    for out in (".", "..", str(tmp_path), "../..", "./"):
        r = run("export", "--format", "csv", "--out", out, "--force", cwd=work)
        one_line_error(r, 2, "working directory")
    assert listing(tmp_path) == before


def test_the_folder_holding_the_fact_base_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FACTS, data / "facts.json")
    (data / "other.txt").write_text("beside the base", encoding="utf-8")
    before = listing(tmp_path)
    for how in (["--db", "data/facts.json"], []):
        extra = {} if how else {"JZCLI_DB": str(data / "facts.json")}
        for out in ("data", "data/facts.json", str(tmp_path)):
            r = run("export", "--format", "csv" if not out.endswith(".json") else "jsonl", "--out", out, "--force",
                    *how, cwd=tmp_path, extra_env=extra)
            assert r.code == 2 and len(r.err.splitlines()) == 1, r
            assert "fact base" in r.err or "working directory" in r.err, r
    assert listing(tmp_path) == before


@pytest.fixture
def copied_package(tmp_path):
    """A copy of the jzcli package with its facts.json (as a wheel installs it), run with python -m jzcli."""
    import jzcli

    site = tmp_path / "site"
    shutil.copytree(Path(jzcli.__file__).parent, site / "jzcli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(FACTS, site / "jzcli" / "facts.json")
    return site


def test_the_shipped_fact_base_and_the_package_are_refused(tmp_path, copied_package):
    site = copied_package
    command = [sys.executable, "-m", "jzcli"]
    extra = {"PYTHONPATH": str(site)}
    other = shutil.copy(FACTS, tmp_path / "other.json")
    before = listing(site)
    cases = [("jsonl", site / "jzcli" / "facts.json"), ("csv", site / "jzcli"), ("csv", site),
             ("jsonl", site / "jzcli" / "new.jsonl"), ("csv", site / "jzcli" / "newfolder"),
             ("sqlite", site / "jzcli" / "cli.py")]
    for fmt, out in cases:
        for how in (["--db", str(other)], []):
            r = run("export", "--format", fmt, "--out", str(out), "--force", *how, cwd=tmp_path, command=command,
                    extra_env=extra if how else {**extra, "JZCLI_DB": str(other)})
            assert r.code == 2 and len(r.err.splitlines()) == 1, (fmt, out, r)
            assert "package" in r.err or "fact base" in r.err, r
    assert listing(site) == before
    r = run("projects", "--json", cwd=tmp_path, command=command, extra_env=extra)
    assert r.code == 0 and json.loads(r.out)


def test_a_fifo_a_socket_and_links_are_refused(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    real = tmp_path / "real.jsonl"
    real.write_text("keep\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(real)
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere.jsonl")
    try:
        for name, word in (("fifo", "FIFO"), ("sock", "socket"), ("link", "symbolic link"),
                           ("dangling", "dangling")):
            for force in ([], ["--force"]):
                r = run("export", "--format", "jsonl", "--out", name, *force, cwd=tmp_path)
                one_line_error(r, 2, word)
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISSOCK(os.lstat(sock_path).st_mode)
        assert real.read_text(encoding="utf-8") == "keep\n"
        assert os.path.islink(tmp_path / "dangling") and not (tmp_path / "nowhere.jsonl").exists()
        assert leftovers(tmp_path) == []
    finally:
        sock.close()


def test_a_device_is_refused(tmp_path, monkeypatch):
    """Not run against a real device: lstat reports a character device for the target."""
    from jzcli import export, factbase
    from jzcli.errors import BadInput

    target = tmp_path / "dev"
    target.write_text("x", encoding="utf-8")
    real_lstat = os.lstat

    class FakeStat:
        def __init__(self, st):
            self.st_mode = stat.S_IFCHR | 0o666
            self.st_dev, self.st_ino = st.st_dev, st.st_ino

    monkeypatch.setattr(os, "lstat", lambda p, *a, **k: FakeStat(real_lstat(p)) if str(p) == str(target)
                        else real_lstat(p, *a, **k))
    with pytest.raises(BadInput, match="it is a character device"):
        export.export(factbase.load(FACTS), "jsonl", str(target), force=True)
    assert target.read_text(encoding="utf-8") == "x"


def test_a_folder_export_did_not_write_is_never_replaced(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    before = listing(tmp_path)
    r = run("export", "--format", "csv", "--out", "mine", "--force", cwd=tmp_path)
    one_line_error(r, 2, "did not write")
    assert listing(tmp_path) == before
    # an earlier export with a file of the user's added: not replaced either
    assert run("export", "--format", "csv", "--out", "exp", cwd=tmp_path).code == 0
    (tmp_path / "exp" / "my-notes.txt").write_text("notes", encoding="utf-8")
    r = run("export", "--format", "csv", "--out", "exp", "--force", cwd=tmp_path)
    one_line_error(r, 2, "my-notes.txt")
    assert (tmp_path / "exp" / "my-notes.txt").read_text(encoding="utf-8") == "notes"


@pytest.mark.parametrize("manifest", ["[]", "null", '"jzcli"', '{"tool": "other", "files": []}'])
def test_a_manifest_that_is_not_ours_is_refused(tmp_path, manifest):
    (tmp_path / "exp").mkdir()
    (tmp_path / "exp" / MANIFEST).write_text(manifest, encoding="utf-8")
    r = run("export", "--format", "csv", "--out", "exp", "--force", cwd=tmp_path)
    one_line_error(r, 2, "not a jzcli export manifest")
    assert (tmp_path / "exp" / MANIFEST).read_text(encoding="utf-8") == manifest


def test_an_earlier_export_is_replaced_whole(tmp_path):
    assert run("export", "--format", "csv", "--out", "exp", cwd=tmp_path).code == 0
    manifest = json.loads((tmp_path / "exp" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["tool"] == "jzcli" and sorted(manifest["files"]) == sorted(f"{t}.csv" for t in TABLES)
    (tmp_path / "exp" / "figures.csv").write_text("stale", encoding="utf-8")
    r = run("export", "--format", "csv", "--out", "exp", cwd=tmp_path)
    one_line_error(r, 2, "--force")
    r = run("export", "--format", "csv", "--out", "exp", "--force", cwd=tmp_path)
    assert (r.code, r.out) == (0, "") and r.err.startswith("wrote"), r
    with open(tmp_path / "exp" / "figures.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(shipped()["figures"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exp"]


def test_an_export_folder_is_not_private(tmp_path):
    """mkdtemp makes 0700 folders: the export gets the permissions the umask gives any new folder."""
    old = os.umask(0o022)
    try:
        assert run("export", "--format", "csv", "--out", "exp", cwd=tmp_path).code == 0
        assert run("export", "--format", "jsonl", "--out", "x.jsonl", cwd=tmp_path).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "exp").st_mode) == 0o755
    assert stat.S_IMODE(os.stat(tmp_path / "x.jsonl").st_mode) == 0o644


# ---------------------------------------------------------------- names from the schema, not the data


def test_table_names_in_the_data_never_become_file_names(tmp_path):
    data = shipped()
    person = next(iter(data["people"].values()))
    for bad in ("../../escaped", "/tmp/abs", "..", "figures.csv\n"):
        data[bad] = {"1": {**person, "id": f"x:{len(bad)}"}}
    base = write_base(tmp_path / "base.json", data)
    work = tmp_path / "w" / "x"
    work.mkdir(parents=True)
    r = run("export", "--format", "csv", "--out", "out", "--db", str(base), cwd=work)
    assert r.code == 0, r
    assert sorted(p.name for p in (work / "out").iterdir()) == sorted([MANIFEST] + [f"{t}.csv" for t in TABLES])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "w"]
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == ["x"]
    r = run("export", "--format", "sqlite", "--out", "out.db", "--db", str(base), cwd=work)
    assert r.code == 0, r
    con = sqlite3.connect(work / "out.db")
    names = {n for (n,) in con.execute("select name from sqlite_master where type='table'")}
    assert set(TABLES) <= names and {n for n in names - set(TABLES) if not n.startswith("search")} == set()
    con.close()


# ---------------------------------------------------------------- atomic, concurrent, interrupted


def test_an_export_in_progress_in_the_folder_makes_a_second_one_fail(tmp_path):
    """The lock is held by another export: the export fails at once, clearly, and writes nothing."""
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        r = run("export", "--format", "csv", "--out", "exp", cwd=tmp_path)
        one_line_error(r, 2, "another jzcli export")
    finally:
        os.close(fd)
    assert list(tmp_path.iterdir()) == []


def test_rename_never_replaces_what_appeared(tmp_path):
    from jzcli.export import rename_noreplace

    src = tmp_path / "src"
    src.mkdir()
    dst = tmp_path / "dst"
    dst.mkdir()  # an empty folder: a plain rename() would silently replace it
    with pytest.raises(FileExistsError):
        rename_noreplace(src, dst)
    f = tmp_path / "f"
    f.write_text("new", encoding="utf-8")
    g = tmp_path / "g"
    g.write_text("theirs", encoding="utf-8")
    with pytest.raises(FileExistsError):
        rename_noreplace(f, g)
    assert g.read_text(encoding="utf-8") == "theirs" and src.is_dir() and f.exists()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A fact base big enough that an export takes a moment (signals and races land in the middle of it)."""
    return big_base(tmp_path_factory.mktemp("big") / "big.json", 30_000)


@pytest.mark.parametrize("fmt,out", [("csv", "exp"), ("sqlite", "x.db")])
def test_concurrent_exports_exactly_one_wins(tmp_path, big, fmt, out):
    base = big
    work = tmp_path / "w"
    work.mkdir()
    from conftest import installed_command
    from safetykit import env

    procs = [subprocess.Popen(installed_command() + ["export", "--format", fmt, "--out", out, "--db", str(base)],
                              cwd=work, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert sorted(code for code, _ in results) == [0, 2, 2, 2], results
    for code, err in results:
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        if code == 2:
            assert "another jzcli export" in err or "exists" in err or "appeared" in err, err
    assert sorted(p.name for p in work.iterdir()) == [out]


def _wait_for_temp(folder: Path, proc: subprocess.Popen, timeout: float = 60) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if leftovers(folder):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("sig,fmt,out", [(signal.SIGINT, "csv", "exp"), (signal.SIGTERM, "csv", "exp"),
                                         (signal.SIGHUP, "csv", "exp"), (signal.SIGTERM, "jsonl", "x.jsonl")],
                         ids=["INT-csv", "TERM-csv", "HUP-csv", "TERM-jsonl"])
def test_a_signal_leaves_no_temporary_files_and_the_old_export_whole(tmp_path, big, sig, fmt, out):
    from conftest import installed_command
    from safetykit import env

    base = big
    work = tmp_path / "w"
    work.mkdir()
    assert run("export", "--format", fmt, "--out", out, cwd=work).code == 0  # the old export: the shipped base
    old = listing(work)
    proc = subprocess.Popen(installed_command() + ["export", "--format", fmt, "--out", out, "--force",
                                                   "--db", str(base)],
                            cwd=work, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    caught = _wait_for_temp(work, proc)
    proc.send_signal(sig)
    out_b, err_b = proc.communicate(timeout=60)
    err = err_b.decode()
    assert "Traceback" not in err and len(err.splitlines()) <= 1, err
    assert leftovers(work) == []
    if caught and proc.returncode != 0:
        assert proc.returncode == 128 + sig, (proc.returncode, err)
        assert listing(work) == old  # the old export, whole
    else:  # the export finished before the signal: the new one, whole
        assert proc.returncode in (0, 128 + sig)
    assert sorted(p.name for p in work.iterdir()) == [out]


# ---------------------------------------------------------------- formats


def test_out_dash_streams_json_lines_to_stdout(tmp_path):
    r = run("export", "--format", "jsonl", "--out", "-", cwd=tmp_path)
    assert r.code == 0 and r.err == "", r
    lines = [json.loads(line) for line in r.out.splitlines()]
    assert len(lines) == sum(len(t) for t in shipped().values())
    assert {line["table"] for line in lines} == set(TABLES)
    assert list(tmp_path.iterdir()) == []
    r = run("export", "--format", "sqlite", "--out", "-", cwd=tmp_path, stdout=open(tmp_path / "db", "wb"))
    assert r.code == 0, r
    con = sqlite3.connect(tmp_path / "db")
    assert con.execute("select count(*) from figures").fetchone()[0] == len(shipped()["figures"])
    con.close()
    one_line_error(run("export", "--format", "csv", "--out", "-", cwd=tmp_path), 2, "folder")


def test_excel_csv_has_a_bom_and_no_formulas(tmp_path):
    data = with_record("figures", text="=HYPERLINK(\"http://evil\",\"click\")", metric="+1+1", period="@SUM(A1)",
                       qualifier="-2+3", unit="-5")
    base = write_base(tmp_path / "base.json", data)
    r = run("export", "--format", "csv", "--excel", "--out", "xl", "--db", str(base), cwd=tmp_path)
    assert r.code == 0, r
    raw = (tmp_path / "xl" / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    first = rows[0]
    assert first["text"] == "'=HYPERLINK(\"http://evil\",\"click\")"
    assert (first["metric"], first["period"], first["qualifier"]) == ("'+1+1", "'@SUM(A1)", "'-2+3")
    assert first["unit"] == "-5"  # a number stays a number
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+@" or value.startswith("'"), value
    r = run("export", "--format", "csv", "--out", "plain", "--db", str(base), cwd=tmp_path)
    assert not (tmp_path / "plain" / "figures.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    one_line_error(run("export", "--format", "jsonl", "--excel", "--out", "x", cwd=tmp_path), 2, "--excel")


def test_sqlite_export_of_odd_field_names_and_values(tmp_path):
    data = with_record("figures", **{'we"ird': "quoted", "a]b": 1, "huge": 10 ** 30, "neg": -(10 ** 25)})
    base = write_base(tmp_path / "base.json", data)
    r = run("export", "--format", "sqlite", "--out", "x.db", "--db", str(base), cwd=tmp_path)
    assert r.code == 0, r
    con = sqlite3.connect(tmp_path / "x.db")
    row = con.execute('select "we""ird", "a]b", huge, neg from figures where "we""ird" is not null').fetchone()
    assert row == ("quoted", 1, str(10 ** 30), str(-(10 ** 25)))
    con.close()
    base = write_base(tmp_path / "case.json", with_record("figures", Value=1))
    r = run("export", "--format", "sqlite", "--out", "y.db", "--db", str(base), cwd=tmp_path)
    one_line_error(r, 3, "case")
    assert not (tmp_path / "y.db").exists() and leftovers(tmp_path) == []


def test_bad_export_paths_are_bad_input(tmp_path):
    one_line_error(run("export", "--format", "jsonl", "--out", "x" * 300, cwd=tmp_path), 2)
    one_line_error(run("export", "--format", "jsonl", "--out", "nofolder/x.jsonl", cwd=tmp_path), 2, "does not exist")
    (tmp_path / "file").write_text("", encoding="utf-8")
    one_line_error(run("export", "--format", "jsonl", "--out", "file/x.jsonl", cwd=tmp_path), 2)
    one_line_error(run("export", "--format", "csv", "--out", "file", "--force", cwd=tmp_path), 2, "is a file")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0)
        try:
            one_line_error(run("export", "--format", "jsonl", "--out", "locked/x.jsonl", cwd=tmp_path), 2)
        finally:
            locked.chmod(0o755)


def test_export_with_stdout_closed_writes_its_file_and_succeeds(tmp_path):
    r = run("export", "--format", "jsonl", "--out", "x.jsonl", cwd=tmp_path, preexec_fn=lambda: os.close(1))
    assert r.code == 0 and r.err.startswith("wrote"), r
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == sum(
        len(t) for t in shipped().values())


@pytest.mark.parametrize("fmt,out", [("sqlite", "x.db"), ("csv", "exp"), ("jsonl", "x.jsonl")])
def test_a_full_disk_during_export_is_one_line_and_leaves_nothing(tmp_path, fmt, out):
    """`ulimit -f` stands in for a full disk (no real device is filled): before, sqlite said internal error."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))

    r = run("export", "--format", fmt, "--out", out, cwd=tmp_path, preexec_fn=limit)
    one_line_error(r, 2, "cannot write")
    assert list(tmp_path.iterdir()) == []
