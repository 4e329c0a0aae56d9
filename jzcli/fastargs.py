"""A fast path past Typer for plain, well-formed command lines.

Importing Typer (and its Click) and building the command tree costs more than everything else a query does
(about 60 ms of a 100 ms run). Most calls are plain (`jzcli projects --min 5亿 --json`), so `plan()` reads
such a command line itself and the command function is called directly; anything else, or anything it is
not sure about, returns None and goes through Typer as before: --help, -h, --version, no command, an unknown
command or option, a missing or extra argument, a bad --limit, `--`, short options glued to values, shell
completion. So every message Typer writes (usage errors, help) is still Typer's.

Both paths read the same declarations (jzcli/params.py). tests/test_startup_imports.py checks that they give
the same output, stderr and exit code for generated command lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from jzcli.params import FLAG, INT, Command

_HELP = ("-h", "--help")


def plan(argv: list[str], commands: Mapping[str, Command]) -> tuple[Callable, dict] | None:
    """(command function, keyword arguments) for a plain command line, or None: let Typer handle it."""
    if not argv or any(k.endswith("_COMPLETE") and k.startswith("_") for k in os.environ):
        return None
    cmd = commands.get(argv[0])
    if cmd is None or any(tok in _HELP for tok in argv):
        return None
    options = {decl: p for p in cmd.params for decl in p.decls}
    arguments = [p for p in cmd.params if p.is_argument]
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
        if param.kind == FLAG:
            if eq:
                return None
            kwargs[param.dest] = True
            continue
        if eq:
            value = attached
        elif i < len(argv):
            value, i = argv[i], i + 1
        else:
            return None
        if param.kind == INT:
            if not (value.isascii() and value.isdigit()):
                return None
            number = int(value)
            if (param.low is not None and number < param.low) or (param.high is not None and number > param.high):
                return None
            kwargs[param.dest] = number
        else:
            kwargs[param.dest] = value
    if len(positional) > len(arguments):
        return None
    for param, value in zip(arguments, positional):
        kwargs[param.dest] = value
    for param in cmd.params:
        if param.dest not in kwargs:
            if param.required:
                return None
            kwargs[param.dest] = param.default
    return cmd.func, kwargs
