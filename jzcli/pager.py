"""Long output on a terminal goes through a pager, as git and gh do.

Only when stdout is a terminal: the command writes into a buffer that says it is that terminal (so tables
keep their colours and width); at the end, output taller than the screen is handed to the pager
($JZCLI_PAGER, else $PAGER, else `less`, with LESS=FRX unless LESS is set: quit if it fits, keep colours, leave
the text on screen), anything shorter is written as it is. Never when piped or redirected; `--no-pager`
(anywhere on the command line), JZCLI_PAGER=cat or PAGER=cat turn it off. A pager that cannot be started
means no pager; quitting it early is not an error.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager

NO_PAGER = "--no-pager"


def take_flag(args: list[str]) -> tuple[list[str], bool]:
    """The command line without --no-pager (before a `--`), and whether it was there."""
    end = args.index("--") if "--" in args else len(args)
    if NO_PAGER not in args[:end]:
        return args, False
    return [a for i, a in enumerate(args) if not (a == NO_PAGER and i < end)], True


def pager_command() -> str | None:
    cmd = os.environ.get("JZCLI_PAGER")
    if cmd is None:
        cmd = os.environ.get("PAGER")
    if cmd is None:
        cmd = "less"
    cmd = cmd.strip()
    return None if cmd in ("", "cat") else cmd


class _Screen(io.StringIO):
    """A buffer that stands in for the terminal it will be shown on."""

    def __init__(self, real) -> None:
        super().__init__()
        self._real = real

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:  # an in-memory stream: safeio writes into it (Rich sizes itself from fds 0-2)
        raise io.UnsupportedOperation("fileno")

    @property
    def encoding(self) -> str:
        return "utf-8"


@contextmanager
def paging(enabled: bool = True):
    """Run the body with stdout buffered for the pager (when on a terminal and enabled)."""
    real = sys.stdout
    try:
        on_terminal = real.isatty()
    except (AttributeError, ValueError):
        on_terminal = False
    cmd = pager_command() if enabled and on_terminal else None
    if cmd is None:
        yield
        return
    screen = _Screen(real)
    sys.stdout = screen
    try:
        yield
    finally:
        sys.stdout = real
        _show(screen.getvalue(), real, cmd)


def _show(text: str, real, cmd: str) -> None:
    if not text:
        return
    import shutil

    height = shutil.get_terminal_size().lines
    if text.count("\n") < height:
        from jzcli import safeio

        safeio.write(text, real)  # checked, as every write to stdout
        return
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        from jzcli import safeio

        safeio.write(text, real)
        return
    try:
        proc.stdin.write(text.encode("utf-8", "surrogateescape"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end: that is fine
        pass
    try:
        proc.wait()
    except KeyboardInterrupt:
        proc.wait()
