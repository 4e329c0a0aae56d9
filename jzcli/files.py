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
# Why an OS call failed (strerror), for the messages that quote it: the common ones are in the catalog.
OS_REASONS = (N_("No such file or directory"), N_("Is a directory"), N_("Not a directory"), N_("File exists"),
              N_("No space left on device"), N_("Read-only file system"), N_("Input/output error"),
              N_("Too many levels of symbolic links"), N_("File name too long"), N_("Device or resource busy"),
              N_("Directory not empty"), N_("Invalid argument"), N_("Operation not permitted"),
              N_("Permission denied"), N_("Disk quota exceeded"), N_("Text file busy"), N_("Invalid cross-device link"),
              N_("Too many open files"), N_("No such device or address"), N_("File too large"))
WHAT = (N_("draft"), N_("article"), N_("fact base"))  # what the callers call the file they read


def check_file(path: str | os.PathLike, what: str, error: type[JzError] = BadInput) -> None:
    """Raise `error` unless `path` is an existing regular file this process may read."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise error(_("{what} not found: {path}").format(what=_(what), path=path)) from None
    except OSError as exc:
        raise os_error(exc, path, what, error) from None
    if stat.S_ISDIR(mode):
        raise error(_("{what} is a directory, not a file: {path}").format(what=_(what), path=path))
    if not stat.S_ISREG(mode):
        raise error(_("{what} is not a regular file ({kind}): {path}").format(what=_(what), kind=special_kind(mode), path=path))
    if not os.access(path, os.R_OK):
        raise error(_("cannot read {what} {path}: permission denied").format(what=_(what), path=path))


def read_bytes(path: str | os.PathLike, what: str, error: type[JzError] = BadInput) -> bytes:
    check_file(path, what, error)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:  # removed or changed between the check and the read
        raise os_error(exc, path, what, error) from None


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


def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is ("a FIFO"), in the user's language."""
    return _(next((name for test, name in _KINDS if test(mode)), N_("a special file")))


def os_reason(exc: BaseException) -> str:
    """Why an OS call failed ("No space left on device"), in the user's language."""
    reason = getattr(exc, "strerror", None)
    return _(reason) if reason else str(exc)


def os_error(exc: OSError, path: str | os.PathLike, what: str, error: type[JzError]) -> JzError:
    """The one wording of a failed open or read of the file `what` ("fact base", "draft")."""
    if isinstance(exc, FileNotFoundError):
        return error(_("{what} not found: {path}").format(what=_(what), path=path))
    if isinstance(exc, IsADirectoryError):
        return error(_("{what} is a directory, not a file: {path}").format(what=_(what), path=path))
    if isinstance(exc, PermissionError):
        return error(_("cannot read {what} {path}: permission denied").format(what=_(what), path=path))
    return error(_("cannot read {what} {path}: {reason}").format(what=_(what), path=path, reason=os_reason(exc)))
