"""The application shell: the console script's entry point, the Typer app built from the command declarations,
and the one place where exceptions become exit statuses (one line on stderr, quiet on a closed pipe, 130 on
Ctrl-C). The commands themselves live in jzcli/cli.py.

A plain command line (most calls) never imports Typer: jzcli/fastargs.py reads it from the same declarations.
"""

from __future__ import annotations

import errno
import os
import sys

from jzcli import __version__
from jzcli.errors import Exit, ExitStatus, JzError
from jzcli.i18n import N_, _
from jzcli.params import FLAG, INT, Command

EXIT_CODES = N_("""\b
Exit codes:
  0  success (an empty list is success: [] with --json)
  1  a named thing was not found / a claim is not supported
  2  bad input or usage
  3  the fact base is missing, unreadable or invalid
  130  interrupted (Ctrl-C); 141  the reader of the output went away (| head)
Set JZCLI_DEBUG=1 to see the traceback of an unexpected error.""")

APP_HELP = N_("""Query the fact base built from one article about 九州路办事处 (淇滨区, 鹤壁).

Tables on a terminal, TSV when piped, JSON with --json. Every command takes --db PATH (or env JZCLI_DB).

\b
Examples:
  jzcli projects --min 5亿
  jzcli community 凤凰城
  jzcli honors 2017
  jzcli figures --topic economy --json
  jzcli check "大寨店社区开工36栋楼"

Long output on a terminal goes through a pager ($PAGER, else less); --no-pager (anywhere) or PAGER=cat
turns it off.""")

MAX_MESSAGE = 400  # characters: a 1 MB argument is not echoed back whole

# ---------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> None:
    """The console script: one-line errors, documented exit statuses, quiet on a closed pipe."""
    from jzcli import safeio

    safeio.install_signal_handlers()  # first: Ctrl-C while anything below loads is one line, exit 130
    safeio.guard_std_streams()  # before anything opens a file: a closed fd 1 must never become an export
    from jzcli import factbase

    factbase.FREEZE_AFTER_LOAD = True  # one short-lived process: never walk the loaded records again
    _utf8_stdio()
    status = int(run(utf8_argv(sys.argv[1:]) if argv is None else argv))
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        safeio.drop_stdout_buffer()
    sys.exit(status)


def utf8_argv(args: list[str]) -> list[str]:
    """Arguments are UTF-8 whatever the locale: under PYTHONUTF8=0 LC_ALL=C Python decodes them as ASCII
    (the bytes kept as lone surrogates); the same bytes, decoded as UTF-8. Paths go back to the file
    system's encoding through safeio.fs_path."""
    if sys.getfilesystemencoding().lower().replace("-", "") == "utf8":
        return args
    return [os.fsencode(a).decode("utf-8", "surrogateescape") for a in args]


COMPLETION_INSTRUCTIONS = tuple(f"{what}_{shell}" for what in ("complete", "source")
                                for shell in ("bash", "zsh", "fish", "powershell", "pwsh"))


def run(argv: list[str] | None = None, *, fast: bool = True) -> int:
    """Run one command line; returns the exit status. `fast=False` always goes through Typer (tests)."""
    from jzcli import i18n, pager, safeio

    i18n.reset()  # the language is read from the environment at the first message shown
    args, no_pager = pager.take_flag(list(sys.argv[1:] if argv is None else argv))
    instruction = os.environ.get("_JZCLI_COMPLETE")
    if instruction and instruction not in COMPLETION_INSTRUCTIONS:
        return _fail(_("_JZCLI_COMPLETE={value!r} is not a completion instruction ({choices} ...)").format(
            value=instruction, choices=", ".join(COMPLETION_INSTRUCTIONS[:2])), ExitStatus.USAGE)
    try:
        with pager.paging(enabled=not no_pager):  # a terminal's long output is shown through $PAGER at the end
            try:
                status = _dispatch(args, fast)
                safeio.flush()  # what Typer or Click left in Python's buffer, with the same checks as every write
                return status
            except BaseException as exc:  # noqa: BLE001 - the one place that turns exceptions into exit statuses
                return exit_status(exc)
    except BaseException as exc:  # noqa: BLE001 - showing the paged output failed (a full disk, a closed pipe)
        return exit_status(exc)


def _dispatch(args: list[str], fast: bool) -> int:
    from jzcli import cli, fastargs

    planned = fastargs.plan(args, cli.COMMANDS) if fast else None
    if planned is not None:
        func, kwargs = planned
        rv = func(**kwargs)
    else:
        import typer

        from jzcli import i18n

        command = typer.main.get_command(build_app())
        i18n.translate_command(command)  # help in the user's language (the app itself is built in English)
        command.help = _(APP_HELP) + "\n\n" + _(EXIT_CODES)
        rv = command.main(args=args, prog_name="jzcli", standalone_mode=False)
    return int(rv) if isinstance(rv, int) else ExitStatus.SUCCESS


def exit_status(exc: BaseException) -> int:
    """The exit status for an exception that ended a command, after saying why on stderr (one line)."""
    if isinstance(exc, Exit):
        _flush_quietly()
        return exc.status
    if isinstance(exc, JzError):
        return _fail(str(exc), exc.status)
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:  # BrokenPipeError, or a wrapped EPIPE
        return _broken_pipe()
    if isinstance(exc, KeyboardInterrupt):
        return _fail(_("interrupted"), ExitStatus.CTRL_C)
    if not isinstance(exc, Exception):  # SystemExit and the like: not ours to translate
        raise exc
    typer = sys.modules.get("typer")
    if typer is not None:
        if isinstance(exc, typer.Exit):
            _flush_quietly()
            return exc.exit_code
        if isinstance(exc, typer.Abort):
            return _fail(_("aborted"), ExitStatus.NOT_FOUND)
    if type(exc).__name__ == "NoArgsIsHelpError":  # `jzcli` alone: the help, where Click puts it (stderr, 2)
        _flush_quietly()
        sys.stderr.write(exc.format_message().rstrip("\n") + "\n")
        return exc.exit_code
    if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # Typer's (Click's) usage errors
        return _fail(_usage_message(exc), exc.exit_code)
    if os.environ.get("_JZCLI_COMPLETE") and isinstance(exc, (KeyError, ValueError, IndexError)):
        return _fail(_("shell completion: missing or bad completion variables ({kind}: {error})").format(
            kind=type(exc).__name__, error=exc), ExitStatus.USAGE)
    problem = fact_base_problem()
    if problem is not None and not debug():
        return _fail(problem, ExitStatus.FACTBASE)
    if isinstance(exc, OSError) and not debug():  # a path the user gave (--install-completion's home ...)
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        from jzcli.files import os_reason

        return _fail(_("cannot use{where}: {reason}").format(where=where, reason=os_reason(exc)), ExitStatus.USAGE)
    if debug():
        raise exc
    return _fail(_("internal error: {kind}: {error} (run with JZCLI_DEBUG=1 for the traceback)").format(
        kind=type(exc).__name__, error=exc), ExitStatus.NOT_FOUND)


def fact_base_problem() -> str | None:
    """What is wrong with the fact base a command was reading when it failed unexpectedly, if anything.

    The loader checks, on every start, the type of the fields the queries rely on (fast); `validate` checks every
    field, reference and cross-check. An unexpected error on a base that `validate` rejects is that base's
    problem, exit 3 with validate's first line, not an internal error; on a base it accepts it is a bug."""
    factbase = sys.modules.get("jzcli.factbase")
    if factbase is None:
        return None
    for fb in list(factbase._cache.values()):
        try:
            from jzcli import validate

            problems = validate.validate(fb)
        except Exception:  # noqa: BLE001 - validate itself cannot read it: the base is broken
            return _("{path}: not a valid fact base (jzcli validate --db PATH lists its problems)").format(path=fb.path)
        if problems:
            return _("{path}: not a valid fact base: {problem} ({n} problem(s); jzcli validate --db PATH lists them)"
                     ).format(path=fb.path, problem=problems[0], n=len(problems))
    return None


def debug() -> bool:
    """JZCLI_DEBUG=1 (yes, true, on) shows tracebacks; unset, empty, 0, no, false, off: not."""
    return os.environ.get("JZCLI_DEBUG", "").strip().lower() not in ("", "0", "no", "false", "off")


def _usage_message(exc) -> str:
    from jzcli import i18n

    msg = i18n.usage_error(" ".join(str(exc.format_message()).split()))  # Click's words, translated
    ctx = getattr(exc, "ctx", None)
    where = _(" (see: {command} --help)").format(command=ctx.command_path) if ctx is not None else ""
    return msg + where


def _fail(message: str, status: int) -> int:
    one_line = " ".join(message.split())
    if len(one_line) > MAX_MESSAGE:
        one_line = one_line[: MAX_MESSAGE - 1] + "…"
    from jzcli import safeio

    one_line = safeio.escape(one_line, keep="")  # control characters (ESC ...) shown escaped, never sent raw
    _flush_quietly()
    try:
        sys.stderr.write(_("jzcli: error: {message}").format(message=one_line) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return status


def _flush_quietly() -> None:
    from jzcli import safeio

    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # a broken pipe, a full disk, a closed stdout: the status says it already
        safeio.drop_stdout_buffer()


def _broken_pipe() -> int:
    # The reader went away (`| head`): stop quietly with 141 (128 + SIGPIPE, what a shell reports for a writer
    # killed by the signal), the same for every command; keep Python from complaining at exit.
    from jzcli import safeio

    safeio.drop_stdout_buffer()
    return ExitStatus.BROKEN_PIPE


def _utf8_stdio() -> None:
    """Data is UTF-8 whatever the locale says (LANG=C is UTF-8 already since PEP 538/540; latin-1 is not).

    stdout uses surrogateescape, as Python's UTF-8 mode does: an argument that is not valid UTF-8 (its bytes
    are kept as lone surrogates in sys.argv) is echoed back as the same bytes instead of failing the write."""
    for stream, errors in ((sys.stdout, "surrogateescape"), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if (encoding not in ("utf-8", "utf8") or getattr(stream, "errors", errors) == "strict") \
                and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors=errors)
            except (ValueError, OSError):
                pass


# ---------------------------------------------------------------- the Typer app, built from the declarations

_app = None


def build_app():
    """The Typer app (built once per process, only when the fast path does not apply)."""
    global _app
    if _app is None:
        import typer

        from jzcli import cli

        def show_version(value: bool) -> None:
            if value:
                sys.stdout.write(f"jzcli {__version__}\n")
                raise Exit(ExitStatus.SUCCESS)

        def root(version: bool = typer.Option(False, "--version", callback=show_version, is_eager=True,
                                              help=N_("Print the version and exit.")),
                 no_pager: bool = typer.Option(False, "--no-pager", help=N_(  # taken off by run(): shown here
                     "Never send output through a pager (also after the command)."))) -> None:
            pass

        from jzcli import i18n

        i18n.bind_typer()
        command_class, group_class = i18n.command_classes()
        app = typer.Typer(
            name="jzcli",
            cls=group_class,
            help=APP_HELP + "\n\n" + EXIT_CODES,
            rich_markup_mode=None,  # plain help: keeps Rich out of --help and usage errors (start-up cost)
            no_args_is_help=True,
            pretty_exceptions_enable=False,
            context_settings={"help_option_names": ["-h", "--help"]},
        )
        app.callback()(root)
        for name, cmd in cli.COMMANDS.items():
            app.command(name=name, cls=command_class)(typer_callback(cmd, typer))
        _app = app
    return _app


def typer_callback(cmd: Command, typer):
    """A function Typer can read: `cmd`'s parameters as typer.Option/Argument defaults in its signature."""
    import inspect

    params = []
    for p in cmd.params:
        if p.kind == FLAG:
            kind = bool
        elif p.kind == INT:
            kind = int
        else:
            kind = str if p.required else str | None
        kw: dict = {"help": p.help}
        if p.metavar:
            kw["metavar"] = p.metavar
        if p.complete is not None:
            kw["autocompletion"] = p.complete
        if p.kind == INT:
            kw.update(min=p.low, max=p.high)
        default = ... if p.required else p.default
        info = typer.Argument(default, **kw) if p.is_argument else typer.Option(default, *p.decls, **kw)
        params.append(inspect.Parameter(p.dest, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=info,
                                        annotation=kind))

    def callback(**kwargs):
        return cmd.func(**kwargs)

    callback.__signature__ = inspect.Signature(params)
    callback.__annotations__ = {p.name: p.annotation for p in params}
    callback.__name__ = cmd.func.__name__
    callback.__doc__ = cmd.func.__doc__
    return callback
