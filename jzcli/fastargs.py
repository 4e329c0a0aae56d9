"""A fast path past Typer for plain, well-formed command lines.

Importing Typer (and its Click) and building the command tree costs more than everything else a query does
(about 60 ms of a 100 ms run). Most calls are plain (`jzcli projects --min 5亿 --json`), so `plan()` reads
such a command line itself and the command function is called directly; anything else, or anything it is
not sure about, returns None and goes through Typer as before: --help, -h, --version, no command, an unknown
command or option, a missing or extra argument, a bad --limit, `--`, short options glued to values, shell
completion. So every message Typer writes (usage errors, help) is still Typer's.

There is no second declaration of the options: the command's own annotations are read, evaluated against a
stand-in `typer` whose Option()/Argument() only record their arguments. Only the subset of Typer that jzcli
uses is understood (explicit option names, str / Optional[str] / bool flags / int with min and max); a
declaration using anything else makes that command take the Typer path. tests/test_startup_imports.py checks
that both paths give the same output, stderr and exit code for generated command lines.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Annotated, Optional, get_args, get_origin

_OPTION_NAME = re.compile(r"--[a-z][a-z0-9-]*|-[a-zA-Z]")
_HELP = ("-h", "--help")
_HARMLESS = {"help", "metavar", "autocompletion", "shell_complete", "show_default", "rich_help_panel"}


class _Decl:
    __slots__ = ("kind", "decls", "kw")

    def __init__(self, kind: str, decls: tuple, kw: dict) -> None:
        self.kind, self.decls, self.kw = kind, decls, kw


class StandIn:
    """Takes the place of the `typer` module while annotations are evaluated."""

    @staticmethod
    def Option(*decls, **kw) -> _Decl:  # noqa: N802 - mirrors typer.Option
        return _Decl("option", decls, kw)

    @staticmethod
    def Argument(*decls, **kw) -> _Decl:  # noqa: N802 - mirrors typer.Argument
        return _Decl("argument", decls, kw)


class _Param:
    __slots__ = ("name", "kind", "required", "low", "high")

    def __init__(self, name: str, kind: str, required: bool, low: int | None = None, high: int | None = None):
        self.name, self.kind, self.required, self.low, self.high = name, kind, required, low, high


_spec_cache: dict[Callable, tuple[dict[str, _Param], list[_Param]] | None] = {}


def spec(func: Callable, names: dict) -> tuple[dict[str, _Param], list[_Param]] | None:
    """Options by name and arguments in order, read from `func`'s annotations; None when not understood."""
    if func in _spec_cache:
        return _spec_cache[func]
    try:
        result = _read_spec(func, names)
    except Exception:  # noqa: BLE001 - anything unexpected means: let Typer do it
        result = None
    _spec_cache[func] = result
    return result


def _read_spec(func: Callable, names: dict) -> tuple[dict[str, _Param], list[_Param]] | None:
    code = func.__code__
    if code.co_flags & 0x0C:  # *args or **kwargs
        return None
    params = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    defaults = dict(zip(params[code.co_argcount - len(func.__defaults__ or ()):], func.__defaults__ or ()))
    defaults.update(func.__kwdefaults__ or {})
    options: dict[str, _Param] = {}
    arguments: list[_Param] = []
    for pname in params:
        annotation = func.__annotations__.get(pname)
        if isinstance(annotation, str):
            annotation = eval(annotation, func.__globals__, names)  # noqa: S307 - our own source, not user input
        if get_origin(annotation) is not Annotated:
            return None
        base, *meta = get_args(annotation)
        decls = [m for m in meta if isinstance(m, _Decl)]
        if len(decls) != 1:
            return None
        decl = decls[0]
        has_default = pname in defaults
        if base is bool:
            if decl.kind != "option" or defaults.get(pname) is not False:
                return None
            kind, low, high = "flag", None, None
        elif base is str or base == Optional[str]:
            kind, low, high = "text", None, None
        elif base is int:
            kind, low, high = "int", decl.kw.get("min"), decl.kw.get("max")
        else:
            return None
        allowed = _HARMLESS | ({"min", "max"} if kind == "int" else set())
        if set(decl.kw) - allowed:
            return None
        param = _Param(pname, kind, not has_default, low, high)
        if decl.kind == "argument":
            if decl.decls or kind != "text":
                return None
            arguments.append(param)
        else:
            if not decl.decls or not all(isinstance(d, str) and _OPTION_NAME.fullmatch(d) for d in decl.decls):
                return None
            for opt in decl.decls:
                if opt in options or opt in _HELP:
                    return None
                options[opt] = param
    return options, arguments


def plan(argv: list[str], commands: dict[str, Callable], names: dict) -> tuple[Callable, dict] | None:
    """(command function, keyword arguments) for a plain command line, or None: let Typer handle it."""
    if not argv or any(k.endswith("_COMPLETE") and k.startswith("_") for k in os.environ):
        return None
    func = commands.get(argv[0])
    if func is None or any(tok in _HELP for tok in argv):
        return None
    parsed = spec(func, names)
    if parsed is None:
        return None
    options, arguments = parsed
    kwargs: dict = {}
    positional: list[str] = []
    i = 1
    while i < len(argv):
        tok = argv[i]
        i += 1
        if tok == "--":
            return None
        if not tok.startswith("-") or tok == "-":
            positional.append(tok)
            continue
        name, eq, attached = tok.partition("=") if tok.startswith("--") else (tok, "", "")
        param = options.get(name)
        if param is None:
            return None
        if param.kind == "flag":
            if eq:
                return None
            kwargs[param.name] = True
            continue
        if eq:
            value = attached
        elif i < len(argv):
            value, i = argv[i], i + 1
        else:
            return None
        if param.kind == "int":
            if not (value.isascii() and value.isdigit()):
                return None
            number = int(value)
            if (param.low is not None and number < param.low) or (param.high is not None and number > param.high):
                return None
            kwargs[param.name] = number
        else:
            kwargs[param.name] = value
    if len(positional) > len(arguments):
        return None
    for param, value in zip(arguments, positional):
        kwargs[param.name] = value
    for param in [*arguments[len(positional):], *options.values()]:
        if param.required and param.name not in kwargs:
            return None
    return func, kwargs
