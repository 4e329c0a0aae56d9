"""Regular expressions compiled when first used, and their compiled form kept between runs.

Each pattern compiled at import costs every command ~0.1-2.5 ms (a class of CJK characters builds a 64K-entry
map in Python), and most commands (an `ask` about a date, a `check` of one figure) use only a few of the
checker's patterns. `lazy(source)` behaves as re.compile(source) for the methods the code calls (search,
match, fullmatch, finditer, findall, sub, split), compiling on the first call.

Compiling is then done once per installation, as Python does for bytecode: the compiled form of a pattern
(the code `re` hands to its C engine) is kept in __pycache__/lazyre.<cache tag>.regex beside this module,
keyed by the pattern's text and flags, and later runs build the pattern straight from it. The file is
written when a run compiled something it did not hold, not at all under PYTHONDONTWRITEBYTECODE (or when
the folder is read-only), and read only when it was written by this very Python (its cache tag, its exact
version and the regex engine's) and its checksum (CRC-32 of the entries) holds: anything else, a damaged file
included, is ignored and the pattern compiled as usual. The engine checks the code it is given; the cached
form of a pattern is the one `re` would compile. The file is a cache: deleting it costs one run's compiling.
"""

from __future__ import annotations

import os
import re
import sys

# Python's own names for the parts of `re.compile` (3.11+); without them patterns are compiled as usual
try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - older Pythons
    _sre = _compiler = _parser = None

# the Python (to the patch level: its compiler's output may change) and the engine that wrote the file
_HEADER = f"{sys.implementation.cache_tag} {sys.hexversion:x} sre {getattr(_sre, 'MAGIC', None)}"
_MAX_ENTRIES = 300  # about three times what jzcli has: a checkout whose patterns change keeps the recent ones

_store: dict | None = None  # (source, flags) -> compiled form, read from the file on the first compile
_added: dict = {}  # compiled in this run and not in the file: written at exit
_used: list = []  # built from the file in this run (kept first when the file is trimmed)


def _path() -> str | None:
    tag = sys.implementation.cache_tag
    if tag is None or _sre is None or sys.pycache_prefix:
        return None
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", f"lazyre.{tag}.regex")


def _read(path: str | None) -> dict:
    if path is None:
        return {}
    try:
        import marshal
        import zlib

        with open(path, "rb") as fh:
            header, checksum, payload = marshal.loads(fh.read())
        if header != _HEADER or zlib.crc32(payload) != checksum:  # another Python's, or damaged
            return {}
        entries = marshal.loads(payload)
        return entries if isinstance(entries, dict) else {}
    except Exception:  # noqa: BLE001 — missing, unreadable, damaged, another Python's: compile as usual
        return {}


def _form(source: str, flags: int) -> tuple:
    """What re.compile(source, flags) hands to the engine (re._compiler.compile, step by step)."""
    p = _parser.parse(source, flags)
    code = _compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    # the opcodes are named int constants: plain ints for marshal
    return (int(flags | p.state.flags), tuple(map(int, code)), p.state.groups - 1, dict(p.state.groupdict),
            tuple(indexgroup))


def _build(source: str, form: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = form
    return _sre.compile(source, flags, list(code), groups, groupindex, indexgroup)


def compile_cached(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), from the kept compiled form when there is one."""
    global _store
    flags = int(flags)
    if _sre is None or flags & re.DEBUG:
        return re.compile(source, flags)
    if _store is None:
        _store = _read(_path())
    key = (source, flags)
    form = _store.get(key)
    if form is not None:
        try:
            compiled = _build(source, form)
            _used.append(key)
            return compiled
        except Exception:  # noqa: BLE001 — not what this engine accepts: compile it as usual
            _store.pop(key, None)
    try:
        form = _form(source, flags)
        compiled = _build(source, form)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 — the internals moved: the public way
        return re.compile(source, flags)
    if not _added and not sys.dont_write_bytecode and _path() is not None:
        import atexit

        atexit.register(_save)
    _added[key] = form
    return compiled


def _save() -> None:
    """Add what this run compiled to the file (atomically; another run's additions are kept)."""
    path = _path()
    if not _added or path is None or sys.dont_write_bytecode:
        return
    tmp = None
    try:
        import marshal
        import tempfile
        import zlib

        entries = _read(path)
        for key in _used:  # most recently used last: the oldest go first
            form = entries.pop(key, None)
            if form is not None:
                entries[key] = form
        entries.update(_added)
        if len(entries) > _MAX_ENTRIES:
            entries = dict(list(entries.items())[-_MAX_ENTRIES:])
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lazyre-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            payload = marshal.dumps(entries)
            fh.write(marshal.dumps((_HEADER, zlib.crc32(payload), payload)))
        os.chmod(tmp, os.stat(__file__).st_mode & 0o666)  # as py_compile does: the source file's mode
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001 — a read-only or full disk: the next run compiles again
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class Pattern:
    """re.compile(source, flags) on first use. The methods are slots left empty until then: the first call
    of any of them (through __getattr__) compiles and fills them with the compiled pattern's own methods, so
    from then on a call costs what a call to re's does."""

    __slots__ = ("source", "flags", "_compiled", *_METHODS)

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags, self._compiled = source, flags, None

    def __getattr__(self, name: str):  # only for a slot not filled yet (or a name no pattern has)
        if name in _METHODS:
            self.compiled()
            return getattr(self, name)
        raise AttributeError(name)

    def compiled(self) -> re.Pattern:
        c = self._compiled
        if c is None:
            c = self._compiled = compile_cached(self.source, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(c, name))
        return c

    @property
    def pattern(self) -> str:
        return self.source

    def __repr__(self) -> str:
        return f"lazy({self.source!r})"


lazy = Pattern
