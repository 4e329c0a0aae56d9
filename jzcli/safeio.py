"""Checked output and data that cannot drive the terminal.

- `write()`: every byte written to stdout is accounted for. A short write is continued, a full non-blocking
  pipe is waited for, and anything else (ENOSPC, EFBIG under `ulimit -f`, EBADF, a closed stdout) becomes
  `OutputError`: one line and exit 1, never a silent truncation with exit 0. A reader that went away (EPIPE)
  becomes `BrokenPipe`: exit 141 (128 + SIGPIPE) for every command, as a shell reports a killed writer.
- `escape()`: control characters in data (C0 but the ones a format allows, DEL, C1; so every ESC sequence)
  shown as `\\x1b`-style escapes: a fact base cannot set the window title, clear the screen or write the
  clipboard of the person reading a table.
- `guard_std_streams()`: a closed stdin, stdout or stderr (`>&-`) is replaced by /dev/null at start-up, so a
  file opened later never becomes fd 1 (data written into an export) and the exit codes stay documented.
- `install_signal_handlers()` / `remove_on_signal()`: SIGINT, SIGTERM and SIGHUP remove registered temporary
  paths and exit 128 + signal number with one line, no traceback, from the first moment of the process.
"""

from __future__ import annotations

import errno
import os
import re
import sys

from jzcli.errors import ExitStatus, JzError
from jzcli.i18n import N_
from jzcli.lazyre import lazy


class OutputError(JzError):
    """stdout cannot take the whole output: exit 1 with one line."""

    status = ExitStatus.NOT_FOUND


class BrokenPipe(BrokenPipeError):
    """The reader of stdout went away (`| head`): stop quietly, exit 141 (app.exit_status)."""

    def __init__(self) -> None:
        super().__init__(errno.EPIPE, "Broken pipe")


# ---------------------------------------------------------------- closed standard streams

# Standard streams that were closed when the process started ({0, 1, 2} subset).
CLOSED: set[int] = set()


def guard_std_streams() -> None:
    """Put /dev/null on any closed fd 0, 1, 2 (remembering which), and give Python usable sys.std* objects."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        except OSError:
            continue
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        CLOSED.add(fd)
    if 1 in CLOSED and sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", errors="surrogateescape", closefd=False)
    if 2 in CLOSED and sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    if 0 in CLOSED and sys.stdin is None:
        sys.stdin = open(0, encoding="utf-8", closefd=False)


def stdin_closed() -> bool:
    return 0 in CLOSED or sys.stdin is None


def fs_path(path: str) -> str:
    """A path typed as an argument (decoded as UTF-8 by cli.utf8_argv) as the file system wants it: the
    same bytes, under a locale whose file system encoding is not UTF-8 (PYTHONUTF8=0 LC_ALL=C)."""
    if sys.getfilesystemencoding().lower().replace("-", "") == "utf8":
        return path
    return os.fsdecode(path.encode("utf-8", "surrogateescape"))


# ---------------------------------------------------------------- checked writes


def _stdout_fd(stream) -> int | None:
    """The fd behind `stream` when it is the process's stdout, else None (tests hand in a StringIO)."""
    try:
        return stream.fileno()
    except (AttributeError, ValueError, OSError):
        return None


def write(text: str, stream=None) -> None:
    """Write all of `text` to stdout or fail: OutputError (exit 1) or BrokenPipe (exit 141)."""
    stream = sys.stdout if stream is None else stream
    if stream is None or 1 in CLOSED and stream is sys.stdout:
        raise _output_error(N_("stdout is closed"))
    fd = _stdout_fd(stream)
    if fd is None:  # an in-memory stream (tests, library use): nothing to check
        try:
            stream.write(text)
        except ValueError as exc:  # closed file object
            raise _output_error(str(exc)) from None
        return
    flush(stream)
    write_bytes(fd, text.encode("utf-8", "surrogateescape"))


def flush(stream=None) -> None:
    """Flush what others wrote through Python's buffer (Typer's help, Rich) with the same checks."""
    stream = sys.stdout if stream is None else stream
    if stream is None:
        return
    try:
        stream.flush()
    except BrokenPipeError:
        raise BrokenPipe() from None
    except (OSError, ValueError) as exc:
        drop_stdout_buffer(stream)
        raise _error(exc) from None


def drop_stdout_buffer(stream=None) -> None:
    """After a failed write, Python would flush stdout again at exit (and print 'Exception ignored ...'):
    point fd 1 at /dev/null so that flush succeeds and writes nothing."""
    stream = sys.stdout if stream is None else stream
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def write_bytes(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view[:1 << 20])
        except BlockingIOError:  # a non-blocking pipe is full: wait until the reader takes some
            _wait_writable(fd)
            continue
        except InterruptedError:
            continue
        except BrokenPipeError:
            raise BrokenPipe() from None
        except OSError as exc:
            raise _error(exc) from None
        if n <= 0:
            raise _output_error(N_("the write made no progress"))
        view = view[n:]


def _wait_writable(fd: int) -> None:
    import select

    try:
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        events = poller.poll()
    except (AttributeError, OSError):  # no poll() (some platforms): a short sleep instead
        import time

        time.sleep(0.01)
        return
    for _fd, ev in events:
        if ev & (select.POLLERR | select.POLLHUP) and not ev & select.POLLOUT:
            raise BrokenPipe()


def _error(exc: OSError | ValueError) -> Exception:
    if isinstance(exc, BrokenPipeError) or getattr(exc, "errno", None) == errno.EPIPE:
        return BrokenPipe()
    if isinstance(exc, OSError):
        from jzcli.files import os_reason

        reason = {errno.ENOSPC: N_("no space left on the device"), errno.EFBIG: N_("the file size limit was reached"),
                  errno.EBADF: N_("stdout is closed"), errno.EIO: N_("input/output error")}.get(exc.errno)
        return _output_error(reason or os_reason(exc), incomplete=True)
    return _output_error(str(exc))


def _output_error(reason: str, incomplete: bool = False) -> OutputError:
    """"cannot write the output: REASON", in the user's language (`reason` a msgid or the system's words)."""
    from jzcli.i18n import _

    if incomplete:
        return OutputError(_("cannot write the output: {reason}; the output is incomplete").format(reason=_(reason)))
    return OutputError(_("cannot write the output: {reason}").format(reason=_(reason)))


class CheckedStdout:
    """A file object for Rich's Console: every write goes through `write()` (checked, whole)."""

    encoding = "utf-8"

    def __init__(self, stream=None) -> None:
        self.stream = sys.stdout if stream is None else stream

    def write(self, text: str) -> int:
        write(text, self.stream)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        try:
            return bool(self.stream.isatty())
        except (AttributeError, ValueError, OSError):
            return False

    def fileno(self) -> int:
        return self.stream.fileno()


# ---------------------------------------------------------------- control characters

# C0 (but tab and newline, decided per format), DEL, C1; plus the Unicode format characters that reorder or
# hide text (bidi overrides and isolates), which disguise what a line says.
# (compiled on first use, jzcli/lazyre.py: a class of characters past U+00FF costs ~0.25 ms to compile, and a
# --json query never escapes a message)
_CONTROL = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_TAB_NL = lazy("[\t\n]")


def _escape_char(m: re.Match) -> str:
    c = m.group()
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def escape(text: str, keep: str = "\t\n") -> str:
    """`text` with every control character shown as an escape (\\x1b, \\x9b, \\u202e); `keep` (a subset of
    tab and newline) passes through as the format allows."""
    out = _CONTROL.sub(_escape_char, text)
    if keep != "\t\n":
        out = _CONTROL_TAB_NL.sub(lambda m: m.group() if m.group() in keep else _escape_char(m), out)
    return out


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


_JSON_EXTRA = lazy("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_safe(text: str) -> str:
    """JSON text (json.dumps, ensure_ascii=False) with DEL, C1 and bidi controls written as \\uXXXX too: the
    same JSON value, but a terminal showing it sees no 8-bit CSI. C0 is already escaped by json.dumps."""
    return _JSON_EXTRA.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ---------------------------------------------------------------- shell completion

# ASCII that no shell treats specially inside or outside quotes; every other ASCII character ($ ` \\ " ' ;
# & | < > ( ) { } [ ] * ? ! # ~ % ^ space ...) and every control or format character disqualifies a
# candidate. Non-ASCII letters, digits, marks and CJK punctuation (（）、·) pass.
_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+@/:,=")


def completion_candidates(words: list[str], limit: int = 200) -> list[str]:
    """Candidates that are safe to hand to any shell's completion code: a name from the fact base is data
    (JZCLI_DB may name anyone's file), and zsh evaluates what Typer prints (`$(...)` in a name would run)."""
    import unicodedata

    out = []
    for word in words:
        if not word or len(word) > 100 or has_controls(word):
            continue
        if all(c in _SAFE_ASCII if c.isascii() else unicodedata.category(c)[0] in "LNMP" for c in word):
            out.append(word)
        if len(out) >= limit:
            break
    return out


# ---------------------------------------------------------------- spreadsheets

EXCEL_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def excel_cell(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP CSV injection): a leading
    = + - @ (or tab/CR, which some spreadsheets skip before one) gets a leading apostrophe. A plain
    negative number stays a number."""
    if value and value[0] in EXCEL_TRIGGERS and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


_NUMBER = lazy(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")


# ---------------------------------------------------------------- signals


_on_signal_remove: list[str] = []


def remove_on_signal(path: str) -> None:
    """Remove `path` (file or folder) if the process is stopped by SIGINT, SIGTERM or SIGHUP."""
    _on_signal_remove.append(str(path))


def forget(path: str) -> None:
    try:
        _on_signal_remove.remove(str(path))
    except ValueError:
        pass


def cleanup() -> None:
    import shutil

    for path in reversed(_on_signal_remove):
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)
        except OSError:
            pass
    _on_signal_remove.clear()


def _on_signal(signum, _frame) -> None:
    cleanup()
    try:
        from jzcli.i18n import _

        name = _({2: N_("interrupted"), 15: N_("terminated"), 1: N_("hung up")}.get(signum) or N_("signal {n}"))
        os.write(2, (_("jzcli: error: {message}").format(message=name.format(n=signum)) + "\n").encode())
    except Exception:  # noqa: BLE001 - no message may keep the process from exiting
        pass
    os._exit(128 + signum)


def install_signal_handlers() -> None:
    """From the first line of the console script: no traceback on Ctrl-C, temporary files removed."""
    import _signal  # the C module: `signal` builds enums on import (see jzcli._start)

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(_signal, name, None)
        if sig is not None:
            try:
                _signal.signal(sig, _on_signal)
            except (ValueError, OSError):  # not the main thread
                pass

