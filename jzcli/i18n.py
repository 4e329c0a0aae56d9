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

DOMAIN = "jzcli"
LOCALEDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
LANGUAGES = ("zh_CN",)  # the catalogs we ship; English needs none

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


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message for the catalog; it is translated (gettext) where it is shown."""
    return message


_ = gettext


def chinese() -> bool:
    return language() != "en"


# ---------------------------------------------------------------- messages written by others (Typer, Click)

_PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")
_patterns: dict[str, re.Pattern] = {}


def translate_like(message: str, templates: tuple[str, ...]) -> str:
    """Translate a message someone else formatted ("No such option: --x") by the msgid it was made from
    ("No such option: {name}"): the first template that matches whole; its parts are translated in turn."""
    if language() == "en":
        return message
    for template in templates:
        pattern = _patterns.get(template)
        if pattern is None:
            pattern = re.compile(_PLACEHOLDER.sub(lambda m: f"(?P<{m.group(1)}>.*?)", re.escape(template)), re.S)
            _patterns[template] = pattern
        m = pattern.fullmatch(message)
        if m:
            parts = {k: translate_like(v, templates) for k, v in m.groupdict().items()}
            return gettext(template).format(**parts)
    return gettext(message)
