"""jzcli/lazyre.py: patterns compiled on first use, their compiled form kept in __pycache__ between runs.

A pattern built from the kept form must be the pattern re.compile builds: same code, flags, groups and
matches. The file is an optimisation only: a missing, damaged or foreign one is ignored, and nothing is
written under PYTHONDONTWRITEBYTECODE."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
import zlib

import pytest

import jzcli
from jzcli import lazyre


def _all_patterns() -> list[lazyre.Pattern]:
    """Every module-level lazy pattern of jzcli (the checker's, ask's, the shell's)."""
    out = []
    for info in pkgutil.walk_packages(jzcli.__path__, "jzcli."):
        if info.name in ("jzcli.__main__",):
            continue
        module = importlib.import_module(info.name)
        out += [v for v in vars(module).values() if isinstance(v, lazyre.Pattern)]
    return out


PATTERNS = _all_patterns()
SAMPLES = ["2017年11月区划调整后，九州路办事处仍管辖10个社区(村)", "大寨店社区开工36栋楼，已交付23栋，还有13栋未交付",
           "累计完成财税收入四点三亿元", "投资额1亿元以上的8个项目合计投资超过30亿元", "1999-07/2018-08", "PM2.5",
           "\x1b[31m\u202e", "成立于1999年7月5日至9日", "三分之二的村民", ""]


@pytest.fixture
def store(tmp_path, monkeypatch):
    """lazyre with its file in tmp_path and nothing read or compiled yet."""
    path = tmp_path / "__pycache__" / "lazyre.test.regex"
    monkeypatch.setattr(lazyre, "_path", lambda: str(path))
    monkeypatch.setattr(lazyre, "_store", None)
    monkeypatch.setattr(lazyre, "_added", {})
    monkeypatch.setattr(lazyre.sys, "dont_write_bytecode", False)
    return path


def _file(entries: dict, header: str | None = None, checksum: int | None = None) -> bytes:
    """The kept file as lazyre writes it: (header, CRC-32 of the entries, the entries), marshalled."""
    payload = marshal.dumps(entries)
    return marshal.dumps((lazyre._HEADER if header is None else header,
                          zlib.crc32(payload) if checksum is None else checksum, payload))


def test_every_pattern_is_found():
    assert len(PATTERNS) >= 60


@pytest.mark.parametrize("p", PATTERNS, ids=lambda p: p.source[:30])
def test_the_kept_form_builds_the_pattern_re_compile_builds(p, store):
    fresh = re.compile(p.source, p.flags)
    form = lazyre._form(p.source, int(p.flags))
    store.parent.mkdir()
    store.write_bytes(_file({(p.source, int(p.flags)): form}))
    built = lazyre.compile_cached(p.source, p.flags)
    assert lazyre._added == {}  # built from the file, not compiled
    assert (built.pattern, built.flags, built.groups, built.groupindex) == \
        (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
    for text in SAMPLES:
        assert [m.span() for m in built.finditer(text)] == [m.span() for m in fresh.finditer(text)]
        assert built.sub("□", text) == fresh.sub("□", text)


def test_a_run_writes_what_it_compiled_and_the_next_reads_it(store):
    lazyre.lazy("(?P<n>[一二三]+)个").search("三个")
    lazyre._save()
    header, checksum, payload = marshal.loads(store.read_bytes())
    entries = marshal.loads(payload)
    assert header == lazyre._HEADER and checksum == zlib.crc32(payload)
    assert list(entries) == [("(?P<n>[一二三]+)个", 0)]
    lazyre._store, lazyre._added = None, {}
    m = lazyre.lazy("(?P<n>[一二三]+)个").search("有三个")
    assert m.group("n") == "三" and lazyre._added == {}


def test_nothing_is_written_under_pythondontwritebytecode(store, monkeypatch):
    monkeypatch.setattr(lazyre.sys, "dont_write_bytecode", True)
    assert lazyre.lazy("x+y").search("xxy")
    lazyre._save()
    assert not store.exists()


_X = {("x+", 0): lazyre._form("x+", 0)}
_Y = {("x+", 0): lazyre._form("y+", 0)}  # the code of another pattern under x+'s key


@pytest.mark.parametrize("content", [
    b"", b"garbage", _file(_X, header="another python"),
    _file(_X, header=lazyre._HEADER.replace(f"{lazyre.sys.hexversion:x}", "30b0000")),  # another patch release
    _file(_Y, checksum=zlib.crc32(marshal.dumps(_X))),  # changed after it was written: the checksum fails
    marshal.dumps((lazyre._HEADER, _X)),  # the format before the checksum
    _file({("x+", 0): (32, (1, 2, 3), 0, {}, (None,))})],  # code the engine refuses
    ids=["empty", "damaged", "another-python", "another-patch-release", "bad-checksum", "old-format", "bad-code"])
def test_a_damaged_or_foreign_file_is_ignored(store, content):
    store.parent.mkdir()
    store.write_bytes(content)
    assert lazyre.lazy("x+").fullmatch("xxx")
    assert not lazyre.lazy("x+").fullmatch("xy")


def test_an_invalid_pattern_raises_as_re_does(store):
    with pytest.raises(re.error):
        lazyre.lazy("(unclosed").search("x")
