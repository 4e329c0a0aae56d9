"""Reading a text file named on the command line (article, draft) or by the fact base: one-line errors.

Every failure names the file and says what is wrong with it, in one line, as the error type the caller
chooses (a missing draft is bad input, exit 2; a missing article or fact base is a fact base problem, exit 3):

    missing · a directory · not a regular file (a FIFO would block, a device is no text) · unreadable ·
    not UTF-8

`check_file` is the part that needs no read (the loader hands the path to TinyDB afterwards).
"""

from __future__ import annotations

import os
import stat

from jzcli.errors import BadInput, JzError
from jzcli.i18n import N_, _

_KINDS = ((stat.S_ISFIFO, N_("a FIFO")), (stat.S_ISCHR, N_("a character device")),
          (stat.S_ISBLK, N_("a block device")), (stat.S_ISSOCK, N_("a socket")))
WHAT = (N_("draft"), N_("article"), N_("fact base"))  # what the callers call the file they read


def check_file(path: str | os.PathLike, what: str, error: type[JzError] = BadInput) -> None:
    """Raise `error` unless `path` is an existing regular file this process may read."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise error(_("{what} not found: {path}").format(what=_(what), path=path)) from None
    except OSError as exc:
        raise _os_error(exc, path, what, error) from None
    if stat.S_ISDIR(mode):
        raise error(_("{what} is a directory, not a file: {path}").format(what=_(what), path=path))
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), N_("a special file"))
        raise error(_("{what} is not a regular file ({kind}): {path}").format(what=_(what), kind=_(kind), path=path))
    if not os.access(path, os.R_OK):
        raise error(_("cannot read {what} {path}: permission denied").format(what=_(what), path=path))


def read_bytes(path: str | os.PathLike, what: str, error: type[JzError] = BadInput) -> bytes:
    check_file(path, what, error)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:  # removed or changed between the check and the read
        raise _os_error(exc, path, what, error) from None


def decode(data: bytes, name: str | os.PathLike, what: str, error: type[JzError] = BadInput) -> str:
    """UTF-8 text (a leading byte-order mark is dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(_("{what} {name} is not UTF-8 text (byte {at})").format(what=_(what), name=name, at=exc.start)) \
            from None


def read_text(path: str | os.PathLike, what: str, error: type[JzError] = BadInput) -> str:
    """The whole file as text, or one `error` naming the file."""
    return decode(read_bytes(path, what, error), path, what, error)


def _os_error(exc: OSError, path: str | os.PathLike, what: str, error: type[JzError]) -> JzError:
    if isinstance(exc, FileNotFoundError):
        return error(_("{what} not found: {path}").format(what=_(what), path=path))
    if isinstance(exc, IsADirectoryError):
        return error(_("{what} is a directory, not a file: {path}").format(what=_(what), path=path))
    if isinstance(exc, PermissionError):
        return error(_("cannot read {what} {path}: permission denied").format(what=_(what), path=path))
    return error(_("cannot read {what} {path}: {reason}").format(what=_(what), path=path, reason=exc.strerror or exc))
