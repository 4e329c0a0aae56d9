"""Messages in the user's language: standard gettext catalogs, loaded only when a message is shown.

The language follows the locale as every gettext program does: the first of LANGUAGE (a colon-separated
list), LC_ALL, LC_MESSAGES, LANG that is set. Chinese (`zh`, `zh_CN.UTF-8`, `zh_TW` ...) gets the catalog in
jzcli/locale/zh_CN/LC_MESSAGES/jzcli.mo (compiled from the .po by the build; a source checkout reads the .po);
anything else is English, the language of the msgids. Data is never translated: JSON keys and values, TSV and
CSV headers and values are the same in every locale.

    _("no matching records")                 a message, translated now
    N_("Only this level.")                    marked for the catalog, translated where it is shown
    ngettext("{n} problem", "{n} problems", n)

Nothing is read at import: `--json` pays for no catalog. tests/test_i18n.py extracts every msgid from the
code and fails when one has no translation.
"""

from __future__ import annotations

import os
import re

from jzcli.lazyre import lazy

DOMAIN = "jzcli"
LOCALEDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")

_state: dict = {"lang": None, "catalog": None}


def language() -> str:
    """"zh_CN" or "en", from the environment (gettext's order: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    if _state["lang"] is None:
        _state["lang"] = _from_environment(os.environ)
    return _state["lang"]


def _from_environment(env) -> str:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if not value:
            continue
        for item in value.split(":"):  # LANGUAGE=fr:zh_CN: languages we have no catalog for are skipped
            tag = item.split(".")[0].split("@")[0].replace("-", "_").lower()
            if tag == "zh" or tag.startswith("zh_"):
                return "zh_CN"
            if tag in ("c", "posix") or tag == "en" or tag.startswith("en_"):
                return "en"
        return "en"
    return "en"


def reset() -> None:
    """Read the environment again at the next message (each command line, in tests)."""
    _state["lang"] = None
    _state["catalog"] = None
    _state.pop("like", None)


def catalog() -> dict:
    if _state["catalog"] is None:
        lang = language()
        _state["catalog"] = {} if lang == "en" else load_catalog(lang)
    return _state["catalog"]


def catalog_paths(lang: str) -> tuple[str, str]:
    base = os.path.join(LOCALEDIR, lang, "LC_MESSAGES", DOMAIN)
    return base + ".mo", base + ".po"


def load_catalog(lang: str) -> dict:
    """The compiled .mo (installed wheel), or the .po when it is newer or alone (source checkout)."""
    from jzcli import catalog as cat

    mo, po = catalog_paths(lang)
    mo_time = _mtime(mo)
    po_time = _mtime(po)
    try:
        if mo_time is not None and (po_time is None or mo_time >= po_time):
            with open(mo, "rb") as fh:
                return cat.read_mo(fh.read())
        if po_time is not None:
            with open(po, encoding="utf-8") as fh:
                return cat.parse_po(fh.read())
    except (OSError, ValueError, UnicodeDecodeError):
        pass  # a broken catalog must not break the tool: English it is
    return {}


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def gettext(message: str) -> str:
    if not message or language() == "en":
        return message
    return catalog().get(message) or message


def ngettext(singular: str, plural: str, n: int) -> str:
    if language() != "en":
        forms = catalog().get((singular, plural))
        if forms:
            return forms[0]  # Chinese: one form (nplurals=1)
    return singular if n == 1 else plural


def N_(message: str) -> str:
    """Mark a message for the catalog; it is translated (gettext) where it is shown."""
    return message


_ = gettext


def chinese() -> bool:
    return language() != "en"


# ---------------------------------------------------------------- messages written by others (Typer, Click)

_PLACEHOLDER = lazy(r"\\\{(\w+)\\\}")
_patterns: dict[str, tuple] = {}  # template -> (its longest literal piece, first piece, last piece, pattern)


def translate_like(message: str, templates: tuple[str, ...]) -> str:
    """Translate a message someone else formatted ("No such option: --x") by the msgid it was made from
    ("No such option: {name}"); its parts are translated in turn, and a part no template makes is looked up
    as a msgid of its own (a verdict word, a curator's note) or kept (data: names, figures).

    Several templates may match one message ("the article says {text}" also matches "the article says X, not
    Y"): the one whose translation leaves the fewest Latin letters wins, then the one with more literal text."""
    if language() == "en":
        return message
    memo = _state.setdefault("like", {})
    key = (message, templates)
    if key in memo:
        return memo[key]
    best: tuple | None = None
    whole = gettext(message)  # a message that is a msgid itself (a curator's note with a comma in it) wins whole
    if whole != message:
        best = ((len(_LATIN.findall(whole)), -len(message)), whole)
    for template in templates:
        compiled = _patterns.get(template)
        if compiled is None:
            pieces = _PLACEHOLDER_TEXT.split(template)
            compiled = _patterns[template] = (max(pieces, key=len), pieces[0], pieces[-1], re.compile(
                _PLACEHOLDER.sub(lambda m: f"(?P<{m.group(1)}>{_BALANCED})", re.escape(template)), re.S))
        longest, head, tail, pattern = compiled
        if longest not in message or not message.startswith(head) or not message.endswith(tail):
            continue  # cheap tests first: most templates share no text with the message
        m = pattern.fullmatch(message)
        if not m:
            continue
        parts = {k: translate_like(v, templates) for k, v in m.groupdict().items()}
        text = gettext(template).format(**parts)
        score = (len(_LATIN.findall(text)), -len(_PLACEHOLDER_TEXT.sub("", template)))
        if best is None or score < best[0]:
            best = (score, text)
    result = best[1] if best else gettext(message)
    if len(memo) > 4096:  # a long draft: bounded memory
        memo.clear()
    memo[key] = result
    return result


_LATIN = lazy(r"[A-Za-z]")
# A part of a message: any text whose brackets, ( ) or （ ）, are balanced (two levels deep): "(the year is
# inferred: 今年 = {year})" must not take "2018) (derived: …" as the year.
_BALANCED = r"(?:[^()（）]|[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）])*?"
_PLACEHOLDER_TEXT = lazy(r"\{\w+(?:![rs])?\}")


# Typer's own words (typer/core.py calls gettext's default-domain `_`: bound to our catalog by bind_typer) and
# Click's (typer 0.26-0.28 carries a Click whose words are plain strings: translated by their shapes).
TYPER_WORDS = (
    "Usage: ", "Options", "Arguments", "Commands", "Show this message and exit.", "required",
    "default: {default}", "env var: {var}", "(dynamic)", "Aborted!", "Missing command.", "No such command {name!r}.",
    "Install completion for the current shell.", "Install completion for the specified shell.",
    "{shell} completion installed in {path}", "Completion will take effect once you restart the terminal",
    "Show completion for the current shell, to copy it or customize the installation.",
)
CLICK_SHAPES = (
    "{message}. Did you mean {names}?",
    "No such command {name}.",
    "{message} (Possible options: {options})",
    "No such option: {name}",
    "Missing argument {name}.",
    "Missing option {name}.",
    "Missing parameter {name}.",
    "Invalid value for {name}: {reason}",
    "{value} is not in the range {range}.",
    "{value} is not a valid integer.",
    "{value} is not a valid int range.",
    "{value} is not a valid boolean. Recognized values: {states}",
    "Option {name} requires an argument.",
    "Option {name} requires {n} arguments.",
    "Option {name} does not take a value.",
    "Got unexpected extra argument(s) ({args})",
)
FOREIGN = TYPER_WORDS + CLICK_SHAPES


def usage_error(message: str) -> str:
    """A usage error as Click formatted it, in the user's language."""
    return translate_like(message, CLICK_SHAPES).replace("。。", "。")  # Typer adds its "." to a translated "。"


def bind_typer() -> None:
    """Typer's gettext calls (`from gettext import gettext as _` in typer.core) look up our catalog."""
    import sys

    for name in ("typer.core", "typer.rich_utils"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "_", None) is not gettext:
            module._ = gettext


def _install_callback():
    """typer.completion.install_callback, saying what it did in the user's language (Typer's words there are an
    f-string, out of gettext's reach), for the shell _completion_shell finds."""

    def install_callback(ctx, param, value):
        if not value or ctx.resilient_parsing:
            return value
        import typer
        from typer import completion

        from jzcli.errors import Exit

        shell, path = completion.install(shell=_completion_shell(value if isinstance(value, str) else None))
        typer.secho(gettext("{shell} completion installed in {path}").format(shell=shell, path=path), fg="green")
        typer.echo(gettext("Completion will take effect once you restart the terminal"))
        raise Exit()

    return install_callback


_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")  # the shells Typer writes completion for


def _completion_shell(named: str | None) -> str:
    """The shell to install completion for: the one named, else the one running jzcli (as Typer finds it), else
    the login shell ($SHELL); one that Typer cannot serve or none found is a usage error (Typer itself would print
    "Shell None is not supported." on stdout and exit 1)."""
    import os

    from jzcli.errors import BadInput

    try:  # Typer's own detection (a private name: a Typer without it leaves $SHELL)
        from typer._completion_shared import _get_shell_name
    except ImportError:
        _get_shell_name = lambda: None  # noqa: E731

    shell = named or _get_shell_name() or os.path.basename(os.environ.get("SHELL", "")).lower()
    if not shell:
        raise BadInput(gettext("cannot tell which shell this is: name it, as in --show-completion bash, "
                               "and add its output to the shell's start-up file"))
    if shell not in _SHELLS:
        raise BadInput(gettext("no completion for the shell {shell}: only for {shells}").format(
            shell=shell, shells=", ".join(_SHELLS)))
    return shell


def translate_command(cmd) -> None:
    """Help of a Click command tree (built by Typer from our N_-marked declarations), in the user's language;
    in every language, --install-completion finds the shell as _login_shell says."""
    if language() == "en":
        for param in getattr(cmd, "params", ()):
            if param.name == "install_completion":
                param.callback = _install_callback()
        return
    if getattr(cmd, "help", None):
        cmd.help = gettext(cmd.help)
        cmd.short_help = cmd.short_help and gettext(cmd.short_help) or cmd.help.split("\n")[0]
    for param in getattr(cmd, "params", ()):
        if getattr(param, "help", None):
            param.help = gettext(param.help)
        if param.name == "install_completion":
            param.callback = _install_callback()
    for sub in getattr(cmd, "commands", {}).values():
        translate_command(sub)


def command_classes():
    """Typer command classes whose usage line and --help option speak the user's language."""
    from typer.core import TyperCommand, TyperGroup

    class Localized:
        def format_usage(self, ctx, formatter) -> None:
            pieces = self.collect_usage_pieces(ctx)
            formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=gettext("Usage: "))

        def get_help_option(self, ctx):
            option = super().get_help_option(ctx)
            if option is not None and option.help:
                option.help = gettext(option.help)
            return option

    class Command(Localized, TyperCommand):
        pass

    class Group(Localized, TyperGroup):
        pass

    return Command, Group
