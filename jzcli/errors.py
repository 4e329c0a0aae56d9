"""Exit statuses, by name, and the errors a user can cause, each carrying its status.

A raise site names a type (`raise NotFound(...)`), never a number; `jzcli/app.py` turns every exception into an
exit status in one place (`app.exit_status`). The statuses are documented in --help and the README.
"""

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    NOT_FOUND = 1  # a named thing was not found
    NOT_SUPPORTED = 1  # a claim is not supported by the article (same number: "no")
    USAGE = 2  # bad input or usage
    FACTBASE = 3  # the fact base (or the article given to validate) is missing, unreadable or invalid
    CTRL_C = 130  # 128 + SIGINT, as a shell reports it
    BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of stdout went away (`| head`)


class JzError(Exception):
    """A user-facing failure: one line on stderr and the exit status of its type."""

    status = ExitStatus.NOT_FOUND

    def __init__(self, message: str) -> None:
        super().__init__(message)


class NotFound(JzError):
    status = ExitStatus.NOT_FOUND


class BadInput(JzError):
    """Bad input or usage (exit 2)."""

    status = ExitStatus.USAGE


class FactBaseError(JzError):
    status = ExitStatus.FACTBASE


class Exit(Exception):
    """Leave a command with this status and no message (typer.Exit without importing Typer)."""

    def __init__(self, status: ExitStatus = ExitStatus.SUCCESS) -> None:
        super().__init__(status)
        self.status = ExitStatus(status)
