"""`jzcli export`: the whole fact base as sqlite, a folder of CSV files, or JSON lines.

Export replaces only what export made, and never leaves half of anything:

- Everything is written beside the target first (a hidden `.jzcli-export-*` file or folder created with
  exclusive flags), then renamed into place as the last step: a new target with a no-replace rename (a file
  or folder that appears meanwhile is never clobbered), an existing file with one atomic rename, an existing
  folder by renaming the old one aside, the new one in, then removing the old one (signals blocked between
  the two renames, so Ctrl-C cannot leave neither).
- Refused with exit 2 and one line: `.` or any ancestor of the working directory, the fact base in use or the
  shipped one or any folder holding them, the installed package (or anything in or above it), devices, FIFOs,
  sockets, symbolic links (dangling or not), and a folder that is not an earlier export: every CSV export
  holds a small manifest (`.jzcli-export.json`) naming the files export wrote, and a folder is replaced only
  when it has that manifest and nothing else than those files.
- Exports into the same folder take a lock (flock on the folder: released when the process dies), so of two
  concurrent exports exactly one wins and the other fails at once with a clear line.
- SIGINT, SIGTERM and SIGHUP remove the temporary files (safeio.remove_on_signal).
- File and table names come from the schema's table names only, never from the data.
- `--out -` streams JSON lines (or a sqlite file, when stdout is not a terminal) to stdout.
- `--excel` (csv): UTF-8 with a BOM, and cells starting with = + - @ neutralised (a leading apostrophe).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from jzcli import files, safeio, schema
from jzcli.errors import BadInput, FactBaseError
from jzcli.factbase import FactBase, default_path
from jzcli.i18n import N_, _

EXPORT_FORMATS = ("sqlite", "csv", "jsonl")
MANIFEST = ".jzcli-export.json"
TEMP_PREFIX = ".jzcli-export-"


def columns_of(rows: list[dict]) -> list[str]:
    cols: list[str] = ["id"]
    seen = {"id"}
    for rec in rows:
        for key in rec:
            if key not in seen:
                seen.add(key)
                cols.append(key)
    return cols


SQLITE_INT = (-(1 << 63), (1 << 63) - 1)


def flat(value):
    """Scalars as they are; lists and objects as JSON text (sqlite3 and pandas can parse it back)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _sql_value(value):
    value = flat(value)
    if isinstance(value, int) and not isinstance(value, bool) and not SQLITE_INT[0] <= value <= SQLITE_INT[1]:
        return str(value)  # past 64 bits: kept exact, as text
    return value


def schema_tables(fb: FactBase) -> list[str]:
    """The tables to export, named by the schema (a table name in the data never becomes a file name)."""
    return [t for t in schema.TABLES if t in fb.tables]


# ---------------------------------------------------------------- what may be replaced


def _real(path: str | os.PathLike) -> str:
    return os.path.realpath(os.path.abspath(path))


def _is_within(path: str, folder: str) -> bool:
    """path == folder or path inside folder (both real, absolute)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _package_dir() -> str:
    import jzcli

    return _real(Path(jzcli.__file__).parent)


def protected(fb: FactBase) -> list[tuple[str, str]]:
    """(real path, what it is) that an export may neither be nor hold."""
    items = [(_real(os.getcwd()), N_("the working directory")), (_real(fb.path), N_("the fact base in use")),
             (_real(default_path()), N_("the shipped fact base")),
             (_package_dir(), N_("the installed jzcli package"))]
    return items


def check_target(fb: FactBase, out: str, fmt: str, force: bool) -> tuple[Path, os.stat_result | None]:
    """Why `out` may not be written (BadInput, exit 2), or the target and its lstat (None when absent)."""
    target = Path(safeio.fs_path(out))
    try:
        real_parent = _real(target.parent if str(target.parent) else ".")
        real = os.path.join(real_parent, target.name) if target.name not in ("", ".", "..") else _real(target)
        for path, what in protected(fb):
            if _is_within(path, real):
                raise BadInput(_("refusing to write {out}: it is or holds {what}").format(out=out, what=_(what)))
        if _is_within(real, _package_dir()):
            raise BadInput(_("refusing to write {out}: it is inside the installed jzcli package").format(out=out))
        try:
            st = os.lstat(target)
        except FileNotFoundError:
            st = None
        if not os.path.isdir(real_parent):
            raise BadInput(_("folder {parent} does not exist").format(parent=target.parent))
    except OSError as exc:
        raise BadInput(_("cannot use --out {out}: {reason}").format(out=out, reason=files.os_reason(exc))) from None
    if st is None:
        return target, None
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        dangling = _("a dangling symbolic link") if not os.path.exists(target) else _("a symbolic link")
        raise BadInput(_("refusing to replace {out}: it is {dangling} (give the real path)")
            .format(out=out, dangling=dangling))
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise BadInput(_("refusing to replace {out}: it is {kind}").format(out=out, kind=files.special_kind(mode)))
    if stat.S_ISDIR(mode) != (fmt == "csv"):
        raise BadInput(_("{out} exists and is {value}: cannot replace it with {fmt}")
            .format(out=out, value=_('a folder') if stat.S_ISDIR(mode) else _('a file'), fmt=fmt))
    if stat.S_ISDIR(mode):
        _check_earlier_export(target, out)
    if not force:
        raise BadInput(_("{out} exists: add --force to replace it").format(out=out))
    return target, st


def _check_earlier_export(folder: Path, out: str) -> None:
    """A folder is replaced only if export made it: its manifest names every file it holds."""
    try:
        with open(folder / MANIFEST, encoding="utf-8") as fh:
            manifest = json.load(fh)
        names = set(os.listdir(folder))
    except FileNotFoundError:
        raise BadInput(_("refusing to replace {out}: it is a folder jzcli export did not write (no {MANIFEST})")
            .format(out=out, MANIFEST=MANIFEST)) from None
    except (OSError, ValueError) as exc:
        raise BadInput(_("refusing to replace {out}: cannot read its {MANIFEST} ({reason})")
            .format(out=out, MANIFEST=MANIFEST, reason=files.os_reason(exc))) from None
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(manifest, dict) or manifest.get("tool") != "jzcli" or not isinstance(listed, list):
        raise BadInput(_("refusing to replace {out}: its {MANIFEST} is not a jzcli export manifest")
            .format(out=out, MANIFEST=MANIFEST))
    extra = sorted(names - set(listed) - {MANIFEST})
    if extra:
        shown = ", ".join(extra[:3])
        if len(extra) > 3:
            shown = _("{names} and {n} more").format(names=shown, n=len(extra) - 3)
        raise BadInput(_("refusing to replace {out}: it holds files export did not write ({shown})")
            .format(out=out, shown=shown))


# ---------------------------------------------------------------- the export


def export(fb: FactBase, fmt: str, out: str, force: bool = False, excel: bool = False) -> str:
    if fmt not in EXPORT_FORMATS:
        raise BadInput(_("unknown export format {fmt!r}: choose one of {value}")
            .format(fmt=fmt, value=', '.join(EXPORT_FORMATS)))
    if not str(out).strip():
        raise BadInput(_("--out needs a path"))
    if excel and fmt != "csv":
        raise BadInput(_("--excel goes with --format csv"))
    _check_exportable(fb, fmt)
    if out == "-":
        return _to_stdout(fb, fmt, excel)
    target, _st = check_target(fb, out, fmt, force)
    parent = target.parent if str(target.parent) else Path(".")
    with _folder_lock(parent, out):
        target, st = check_target(fb, out, fmt, force)  # again, under the lock
        try:
            staged = _make_temp(parent, folder=fmt == "csv")
        except OSError as exc:
            raise BadInput(_("cannot write in {parent}: {reason}")
                .format(parent=parent, reason=files.os_reason(exc))) from None
        try:
            _write_format(fb, fmt, staged, excel)
            if st is None:
                _rename_noreplace(staged, target, out)
            elif fmt == "csv":
                _swap_folder(staged, target, st, out)
            else:
                _replace_file(staged, target, st, out)
        finally:
            _remove(staged)
    return str(target)


def _write_format(fb: FactBase, fmt: str, staged: Path, excel: bool) -> None:
    import sqlite3

    try:
        if fmt == "sqlite":
            _sqlite(fb, staged)
        elif fmt == "csv":
            _csv(fb, staged, excel)
        else:
            with open(staged, "w", encoding="utf-8") as fh:
                _jsonl(fb, fh.write)
                fh.flush()
                os.fsync(fh.fileno())
    except sqlite3.IntegrityError as exc:
        raise FactBaseError(_("{path}: cannot export to sqlite: {exc}").format(path=fb.path, exc=exc)) from None
    except sqlite3.Error as exc:
        raise BadInput(_("cannot write {fmt} export: {exc}").format(fmt=fmt, exc=exc)) from None
    except OSError as exc:
        raise BadInput(_("cannot write {fmt} export: {reason}").format(fmt=fmt, reason=files.os_reason(exc))) from None


def _check_exportable(fb: FactBase, fmt: str) -> None:
    """What sqlite cannot hold: two records with one id (validate reports it too), field names equal but
    for case."""
    if fmt != "sqlite":
        return
    seen: set[str] = set()
    for table in schema_tables(fb):
        for rec in fb.tables[table]:
            if rec["id"] in seen:
                raise FactBaseError(_("{path}: duplicate id {value!r}: sqlite cannot hold both "
                                      "(jzcli validate lists every problem)")
                    .format(path=fb.path, value=rec['id']))
            seen.add(rec["id"])
    for table in schema_tables(fb):
        folded: dict[str, str] = {}
        for col in columns_of(fb.tables[table]):
            other = folded.setdefault(col.casefold(), col)
            if other != col:
                raise FactBaseError(_("{path}: table '{table}' has fields {other!r} and {col!r}, which differ only in case: "
                                      "sqlite cannot hold both")
                    .format(path=fb.path, table=table, other=other, col=col))


def _to_stdout(fb: FactBase, fmt: str, excel: bool) -> str:
    if fmt == "csv":
        raise BadInput(_("--format csv writes a folder of files: give --out FOLDER (or --format jsonl --out -)"))
    if fmt == "jsonl":
        chunks: list[str] = []
        size = 0

        def put(text: str) -> None:
            nonlocal size
            chunks.append(text)
            size += len(text)
            if size > 1 << 16:
                safeio.write("".join(chunks))
                chunks.clear()
                size = 0

        _jsonl(fb, put)
        safeio.write("".join(chunks))
        return "-"
    import sys
    import tempfile

    fd = safeio._stdout_fd(sys.stdout)
    if fd is None:
        raise BadInput(_("a sqlite file needs a real stdout: give --out FILE"))
    if os.isatty(fd):
        raise BadInput(_("a sqlite file on a terminal: redirect stdout to a file, or give --out FILE"))
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    safeio.remove_on_signal(str(folder))
    try:
        (folder / "export.db").touch()
        _write_format(fb, fmt, folder / "export.db", excel)
        data = (folder / "export.db").read_bytes()
    finally:
        _remove(folder)
    safeio.flush()
    safeio.write_bytes(fd, data)
    return "-"


class _folder_lock:
    """flock on the target's folder: one export into a folder at a time, released if the process dies."""

    def __init__(self, folder: Path, out: str) -> None:
        self.folder, self.out, self.fd = folder, out, None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock, the no-replace rename still keeps a second export out
            return self
        try:
            self.fd = os.open(self.folder, os.O_RDONLY)
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise BadInput(_("another jzcli export is writing in {folder}: {out} not written; "
                             "try again when it has finished")
                .format(folder=self.folder, out=self.out)) from None
        except OSError as exc:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None
            raise BadInput(_("cannot write in {folder}: {reason}")
                .format(folder=self.folder, reason=files.os_reason(exc))) from None
        return self

    def __exit__(self, *_exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the fd releases the flock


def _make_temp(parent: Path, folder: bool) -> Path:
    import tempfile

    with _blocked_signals():  # a signal between creating and registering would leave it behind
        if folder:
            path = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=parent))
        else:
            fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=parent)  # O_EXCL
            os.close(fd)
            path = Path(name)
        safeio.remove_on_signal(str(path))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, (0o777 if folder else 0o666) & ~umask)  # mkdtemp/mkstemp make it private
    return path


def _remove(path: Path) -> None:
    import shutil

    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    except OSError:
        pass
    safeio.forget(str(path))


def _blocked_signals():
    """Block SIGINT, SIGTERM, SIGHUP around the renames; delivered (and handled) right after."""
    import contextlib
    import signal

    sigs = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}

    @contextlib.contextmanager
    def block():
        if not hasattr(signal, "pthread_sigmask"):
            yield
            return
        old = signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    return block()


_RENAME_NOREPLACE = 1
_AT_FDCWD = -100


def _renameat2():
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
        fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        return fn, ctypes
    except (OSError, AttributeError, ImportError):
        return None, None


def rename_noreplace(src: Path, dst: Path) -> None:
    """rename(src, dst) that fails with FileExistsError if dst exists, without a window between check and act
    (renameat2 RENAME_NOREPLACE; for files elsewhere, link + unlink)."""
    fn, ctypes = _renameat2()
    if fn is not None:
        rc = fn(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), _RENAME_NOREPLACE)
        if rc == 0:
            return
        err = ctypes.get_errno()
        if err not in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: the file system cannot; fall back
            raise OSError(err, os.strerror(err), str(dst))
    if src.is_dir():
        if os.path.lexists(dst):
            raise FileExistsError(17, "File exists", str(dst))
        os.rename(src, dst)
    else:
        os.link(src, dst)  # EEXIST if dst exists
        os.unlink(src)


def _rename_noreplace(staged: Path, target: Path, out: str) -> None:
    try:
        rename_noreplace(staged, target)
    except FileExistsError:
        raise BadInput(_("{out} appeared while the export was written (another process?): not replaced")
            .format(out=out)) from None
    except OSError as exc:
        raise BadInput(_("cannot write {out}: {reason}").format(out=out, reason=files.os_reason(exc))) from None


def _same(st: os.stat_result, path: Path) -> bool:
    try:
        now = os.lstat(path)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino)


def _replace_file(staged: Path, target: Path, st: os.stat_result, out: str) -> None:
    if not _same(st, target):
        raise BadInput(_("{out} changed while the export was written: not replaced").format(out=out))
    try:
        os.replace(staged, target)
    except OSError as exc:
        raise BadInput(_("cannot write {out}: {reason}").format(out=out, reason=files.os_reason(exc))) from None


def _swap_folder(staged: Path, target: Path, st: os.stat_result, out: str) -> None:
    import secrets

    aside = target.parent / f"{TEMP_PREFIX}old-{secrets.token_hex(6)}"
    with _blocked_signals():
        if not _same(st, target):
            raise BadInput(_("{out} changed while the export was written: not replaced").format(out=out))
        try:
            rename_noreplace(target, aside)
        except OSError as exc:
            raise BadInput(_("cannot move {out} aside: {reason}").format(out=out, reason=files.os_reason(exc))) from None
        if not _same(st, aside):  # someone swapped the folder between the check and the rename: put it back
            os.rename(aside, target)
            raise BadInput(_("{out} changed while the export was written: not replaced").format(out=out))
        try:
            rename_noreplace(staged, target)
        except OSError as exc:
            os.rename(aside, target)
            raise BadInput(_("cannot move the new export into {out}: {reason}; the old one is kept")
                .format(out=out, reason=files.os_reason(exc))) from None
        safeio.remove_on_signal(str(aside))
    _remove(aside)


# ---------------------------------------------------------------- the formats


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite(fb: FactBase, path: Path) -> None:
    """One SQL table per fact table (column types and foreign keys from jzcli/schema.py), plus `search`: a
    full-text index of every record's searchable fields that works for Chinese (FTS5 trigram tokenizer).
    Table names from the schema; field names from the data, quoted as SQL identifiers."""
    import sqlite3

    path.unlink()  # mkstemp made it empty; sqlite3 creates it
    safeio.remove_on_signal(str(path) + "-journal")
    con = sqlite3.connect(path)
    try:
        for table in schema_tables(fb):
            rows = fb.tables[table]
            cols = columns_of(rows)
            t = schema.TABLES[table]
            col_sql = ", ".join(_column_sql(c, t.by_name.get(c)) for c in cols)
            con.execute(f"CREATE TABLE {_quote_ident(table)} ({col_sql})")
            marks = ", ".join("?" for _ in cols)
            con.executemany(f"INSERT INTO {_quote_ident(table)} VALUES ({marks})",
                            [[_sql_value(rec.get(c)) for c in cols] for rec in rows])
        _search_index(con, fb)
        con.commit()
    finally:
        con.close()


_AFFINITY = {"str": "TEXT", "int": "INTEGER", "number": "NUMERIC", "bool": "INTEGER"}  # lists, objects: JSON TEXT


def _column_sql(col: str, field) -> str:
    if col == "id":
        return '"id" TEXT PRIMARY KEY'
    if field is None:
        return _quote_ident(col)
    sql = f'{_quote_ident(col)} {_AFFINITY.get(field.type, "TEXT")}'
    if field.ref not in (None, "*") and field.type == "str":
        sql += f" REFERENCES {_quote_ident(field.ref)}(\"id\")"
    return sql


def _search_index(con, fb: FactBase) -> None:
    """search(id, "table", kind, text, quote): `SELECT id FROM search WHERE search MATCH '海绵城市'` (three
    characters or more); LIKE '%海绵%' for shorter text. A plain table where SQLite has no trigram tokenizer."""
    import sqlite3

    columns = 'id UNINDEXED, "table" UNINDEXED, kind UNINDEXED, text, quote'
    try:
        con.execute(f"CREATE VIRTUAL TABLE search USING fts5({columns}, tokenize='trigram')")
    except sqlite3.OperationalError:  # SQLite older than 3.34: no trigram tokenizer
        con.execute('CREATE TABLE search (id TEXT, "table" TEXT, kind TEXT, text TEXT, quote TEXT)')
    rows = []
    for table in schema_tables(fb):
        t = schema.TABLES[table]
        if table == "meta":
            continue
        fields = [f for f in t.searchable() if f != "quote"]
        for rec in fb.tables[table]:
            text = "\n".join(v for f in fields if isinstance(v := rec.get(f), str) and v)
            quote = rec.get("quote")
            rows.append((rec["id"], table, t.kind, text, quote if isinstance(quote, str) else ""))
    con.executemany('INSERT INTO search (id, "table", kind, text, quote) VALUES (?, ?, ?, ?, ?)', rows)


def _csv(fb: FactBase, path: Path, excel: bool = False) -> None:
    import csv

    files = []
    for table in schema_tables(fb):
        rows = fb.tables[table]
        cols = columns_of(rows)
        name = f"{table}.csv"
        files.append(name)
        cell = safeio.excel_cell if excel else str
        with open(path / name, "x", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([cell(c) for c in cols])
            writer.writerows([["" if rec.get(c) is None else cell(_text(flat(rec.get(c)))) for c in cols]
                              for rec in rows])
    with open(path / MANIFEST, "x", encoding="utf-8") as fh:
        from jzcli import __version__

        json.dump({"tool": "jzcli", "version": __version__, "format": "csv", "files": files}, fh)
        fh.write("\n")


def _text(value) -> str:
    return value if isinstance(value, str) else str(value)


def _jsonl(fb: FactBase, put) -> None:
    for table in schema_tables(fb):
        for rec in fb.tables[table]:
            put(safeio.json_safe(json.dumps({"table": table, **rec}, ensure_ascii=False)) + "\n")
