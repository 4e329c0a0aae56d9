"""The errors a user can cause, each with its documented exit code."""

# Exit codes (documented in --help and the README).
OK = 0
NOT_FOUND = 1
BAD_INPUT = 2
BAD_FACTBASE = 3


class JzError(Exception):
    """A user-facing failure: one line on stderr and a non-zero exit code."""

    code = NOT_FOUND

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class NotFound(JzError):
    code = NOT_FOUND


class BadInput(JzError):
    code = BAD_INPUT


class FactBaseError(JzError):
    code = BAD_FACTBASE


class Exit(Exception):
    """Leave a command with this exit code and no message (typer.Exit without importing Typer)."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.code = code
