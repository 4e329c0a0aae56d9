"""Command-line parameters declared once, as objects: Typer (jzcli/app.py) and the fast path (jzcli/fastargs.py)
both read these declarations, so there is no second copy to drift.

A command is registered with its parameters (`Command`); its function takes exactly those parameters, by
`dest`, and has no defaults of its own: both readers pass every one, defaults included. Only what jzcli uses
is supported: text options (str, optional unless `required`), flags (bool, off by default), integer options
with bounds, and text arguments. Plain classes, not dataclasses: importing dataclasses costs ~10 ms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

TEXT, FLAG, INT = "text", "flag", "int"


class Param:
    """One option (`decls` like "--min", "-f") or, with no decls, one positional argument."""

    __slots__ = ("dest", "decls", "kind", "required", "default", "metavar", "help", "low", "high", "complete")

    def __init__(self, dest: str, *decls: str, kind: str = TEXT, required: bool = False, default: Any = None,
                 metavar: str | None = None, help: str = "", low: int | None = None, high: int | None = None,
                 complete: Callable | None = None) -> None:
        self.dest, self.decls, self.kind, self.required = dest, decls, kind, required
        self.default = False if kind == FLAG else default
        self.metavar, self.help, self.low, self.high, self.complete = metavar, help, low, high, complete

    @property
    def is_argument(self) -> bool:
        return not self.decls

    def __repr__(self) -> str:
        return f"Param({self.dest!r}, {', '.join(map(repr, self.decls))})"


def option(dest: str, *decls: str, **kw: Any) -> Param:
    return Param(dest, *decls, **kw)


def flag(dest: str, *decls: str, help: str) -> Param:
    return Param(dest, *decls, kind=FLAG, help=help)


def argument(dest: str, *, metavar: str, help: str, required: bool = True, complete: Callable | None = None) -> Param:
    return Param(dest, kind=TEXT, required=required, metavar=metavar, help=help, complete=complete)


class Command:
    """A command: its name, its function, its parameters in order, and the field names it can print."""

    __slots__ = ("name", "func", "params", "fields")

    def __init__(self, name: str, func: Callable, params: Sequence[Param], fields: Sequence[str] = ()) -> None:
        self.name, self.func, self.params, self.fields = name, func, tuple(params), tuple(fields)

    def __repr__(self) -> str:
        return f"Command({self.name!r})"
