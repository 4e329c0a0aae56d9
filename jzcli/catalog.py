"""gettext catalogs with the standard library: read a `.po`, write and read a `.mo` (GNU format).

Used by the build (hatch_build.py compiles jzcli/locale/*/LC_MESSAGES/jzcli.po into the wheel's .mo), by a
source checkout or editable install that has no .mo (the .po is read directly) and by the tests. The .mo is
the one GNU msgfmt writes: `gettext.GNUTranslations` reads it as well.
"""

from __future__ import annotations

import struct

# a catalog: {msgid: msgstr} and, for plural entries, {(msgid, msgid_plural): [msgstr[0], msgstr[1], ...]};
# the header is the entry with msgid "".


def parse_po(text: str) -> dict:
    """The translated entries of a .po file (fuzzy and empty ones left out, as msgfmt does)."""
    catalog: dict = {}
    entry: dict = {}
    key = None
    fuzzy = False

    def finish() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            if "msgid_plural" in entry:
                forms = [entry[k] for k in sorted(k for k in entry if k.startswith("msgstr["))]
                if forms and all(forms):
                    catalog[(entry["msgid"], entry["msgid_plural"])] = forms
            elif entry.get("msgstr") or entry["msgid"] == "":
                catalog[entry["msgid"]] = entry.get("msgstr", "")
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                if "msgid" in entry and any(k.startswith("msgstr") for k in entry):
                    finish()
                fuzzy = True
            continue
        if line.startswith('"'):
            if key is None:
                raise ValueError(f"a string with no keyword: {raw!r}")
            entry[key] += _unquote(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and any(k.startswith("msgstr") for k in entry):
            finish()
        if keyword not in ("msgid", "msgid_plural", "msgstr", "msgctxt") and not keyword.startswith("msgstr["):
            raise ValueError(f"unknown .po line: {raw!r}")
        key = keyword
        entry[key] = _unquote(rest.strip())
    finish()
    return catalog


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


def _unquote(token: str) -> str:
    """A .po string literal's text. Plain string work, no ast: a catalog is read when a message is shown, and
    parsing ~900 entries with ast.literal_eval took ~50 ms of a command's start-up."""
    if not (len(token) >= 2 and token[0] == token[-1] == '"'):
        raise ValueError(f"not a quoted .po string: {token!r}")
    body = token[1:-1]
    if "\\" not in body:
        if '"' in body:
            raise ValueError(f"not a quoted .po string: {token!r}")
        return body
    out, i = [], 0
    while True:
        j = body.find("\\", i)
        if j < 0:
            out.append(body[i:])
            return "".join(out)
        escaped = _ESCAPES.get(body[j + 1: j + 2])
        if escaped is None:
            raise ValueError(f"unknown escape in .po string: {token!r}")
        out.append(body[i:j])
        out.append(escaped)
        i = j + 2


def write_mo(catalog: dict) -> bytes:
    """A GNU .mo file (little-endian, revision 0, no hash table) for `catalog`."""
    pairs = []
    for msgid, msgstr in catalog.items():
        if isinstance(msgid, tuple):
            pairs.append(("\0".join(msgid).encode(), "\0".join(msgstr).encode()))
        else:
            pairs.append((msgid.encode(), msgstr.encode()))
    pairs.sort()
    n = len(pairs)
    ids_at = 7 * 4
    strs_at = ids_at + n * 8
    data_at = strs_at + n * 8
    ids_table, strs_table, data = [], [], bytearray()
    for table, index in ((ids_table, 0), (strs_table, 1)):
        for pair in pairs:
            table.append((len(pair[index]), data_at + len(data)))
            data += pair[index] + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, n, ids_at, strs_at, 0, data_at)
    tables = b"".join(struct.pack("<2I", *e) for e in ids_table + strs_table)
    return head + tables + bytes(data)


def read_mo(blob: bytes) -> dict:
    """The entries of a .mo file, in the shape parse_po returns."""
    magic = struct.unpack("<I", blob[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, n, ids_at, strs_at = struct.unpack(order + "4I", blob[4:20])
    ids = struct.unpack_from(f"{order}{2 * n}I", blob, ids_at)  # (length, offset) pairs, one read per table
    strs = struct.unpack_from(f"{order}{2 * n}I", blob, strs_at)
    catalog: dict = {}
    for i in range(0, 2 * n, 2):
        msgid = blob[ids[i + 1]: ids[i + 1] + ids[i]].decode()
        msgstr = blob[strs[i + 1]: strs[i + 1] + strs[i]].decode()
        if "\0" in msgid:
            catalog[tuple(msgid.split("\0"))] = msgstr.split("\0")
        else:
            catalog[msgid] = msgstr
    return catalog


def quote_po(text: str) -> str:
    """A .po string literal; long or multi-line texts are split after each newline, as msgcat does."""
    def q(s: str) -> str:
        for char, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\t", "\\t"), ("\b", "\\b"), ("\n", "\\n")):
            s = s.replace(char, escaped)
        return '"' + s + '"'

    if "\n" not in text.rstrip("\n"):
        return q(text)
    parts = text.splitlines(keepends=True)
    return '""\n' + "\n".join(q(p) for p in parts)


# ---------------------------------------------------------------- extraction (developers: python -m jzcli.catalog)

MARKERS = {"_": 1, "N_": 1, "gettext": 1, "ngettext": 2}


def extract(sources: dict[str, str]) -> tuple[dict, list[str]]:
    """The msgids of the code ({path: source}) -> ({msgid or (singular, plural): [where, ...]}, problems).

    Found: the literal arguments of _(), N_(), gettext(), ngettext(), and the docstrings of functions
    registered as commands (their --help). A variable is translated where it is shown (an N_-marked msgid);
    an f-string, a concatenation or a .format() inside the call cannot be (format after translating:
    _("{n} left").format(n=n)): those are problems."""
    import ast

    found: dict = {}
    problems: list[str] = []
    for path, source in sources.items():
        tree = ast.parse(source, path)
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and _marker(node.func) in MARKERS:
                n = MARKERS[_marker(node.func)]
                args = node.args[:n]
                if len(args) == n and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                    key = args[0].value if n == 1 else (args[0].value, args[1].value)
                    found.setdefault(key, []).append(where)
                elif any(isinstance(a, (ast.JoinedStr, ast.BinOp)) or (isinstance(a, ast.Call) and isinstance(
                        a.func, ast.Attribute) and a.func.attr == "format") for a in args):
                    problems.append(f"{where}: {_marker(node.func)}() of a text built before translation")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                    "command" in ast.unparse(d) for d in node.decorator_list):
                doc = ast.get_docstring(node, clean=True)
                if doc:
                    found.setdefault(doc, []).append(where)
    return found, problems


def _marker(func) -> str | None:
    import ast

    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and func.attr in ("gettext", "ngettext", "N_"):
        return func.attr
    return None


def package_sources(root) -> dict[str, str]:
    from pathlib import Path

    root = Path(root)
    return {str(p.relative_to(root.parent)): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*.py"))}


# Words that are data, not code, yet a person reads them in a Chinese table: the curator's English prose in
# facts.json (oddities, cross-check descriptions, notes), the names of fields without a schema label (`show`), its
# enumerated values (status `actual`, kind `oddity`) and record kinds. Output.Column shows a cell that is a
# msgid in its translation; JSON, JSONL, CSV and TSV keep the data as it is.
_WORD = r"(?<![\w:./-])[A-Za-z][A-Za-z_]+(?!:\w|[\w./-])"  # an English word or slug (not in an id, a file name)
_NOT_PROSE = ("quote", "id", "pinyin", "file")  # the article's own words, ids, spellings and file names
SHOW_KEYS = ("id", "table", "checks", "context")  # what `show` shows besides the schema's fields


def data_messages(root, facts=None) -> dict:
    """{msgid: [where, ...]} of the words of the schema (jzcli/schema.py) and of the fact base (facts.json
    beside the package `root`) that tables show."""
    import json
    import re
    from pathlib import Path

    from jzcli import schema

    found: dict = {}
    for t in schema.TABLES.values():
        found.setdefault(t.kind, []).append(f"schema:{t.name}")
        for f in _all_fields(t.fields):
            if not f.label:  # `show` labels a field by its schema label, else by its name in the catalog
                found.setdefault(f.name, []).append(f"schema:{t.name}.{f.name}")
            if isinstance(f.enum, tuple):
                for v in f.enum:
                    if isinstance(v, str) and v.isascii():
                        found.setdefault(v, []).append(f"schema:{t.name}.{f.name}")
    for key in SHOW_KEYS:
        found.setdefault(key, []).append("jzcli/queries.py:show")
    word = re.compile(_WORD)
    path = Path(facts) if facts is not None else Path(root).parent / "facts.json"
    doc = json.loads(path.read_text(encoding="utf-8"))

    def walk(value, where: str) -> None:
        if isinstance(value, str):
            if word.search(value):
                found.setdefault(value, []).append(where)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in _NOT_PROSE:
                    walk(v, where + "." + k)
        elif isinstance(value, list):
            for v in value:
                walk(v, where)

    for rows in doc.values():
        for rec in rows.values():
            for k, v in rec.items():
                if k not in _NOT_PROSE:
                    walk(v, f"facts.json:{rec.get('id')}.{k}")
    return found


def _all_fields(fields):
    for f in fields:
        yield f
        yield from _all_fields(f.fields)


def render_po(header: str, entries: dict, translations: dict) -> str:
    """A .po file: `header` (comment lines + the "" entry), then every extracted entry with where it is used,
    its translation if known (untranslated ones have an empty msgstr)."""
    out = [header.rstrip("\n"), ""]
    for key, where in entries.items():
        out.append("#: " + " ".join(sorted({_file_only(w) for w in where})[:4]))
        if isinstance(key, tuple):
            forms = translations.get(key) or [""]
            out.append("msgid " + quote_po(key[0]))
            out.append("msgid_plural " + quote_po(key[1]))
            out.extend(f"msgstr[{i}] " + quote_po(f) for i, f in enumerate(forms))
        else:
            out.append("msgid " + quote_po(key))
            out.append("msgstr " + quote_po(translations.get(key, "")))
        out.append("")
    return "\n".join(out)


def _file_only(where: str) -> str:
    """"jzcli/cli.py:150" -> "jzcli/cli.py" (as msgcat --add-location=file: a moved line changes no .po line,
    and branches that each add messages merge without conflicts in the references)."""
    path, _, line = where.rpartition(":")
    return path if path and line.isdigit() else where


def main(argv: list[str] | None = None) -> int:
    """Update jzcli/locale/*/LC_MESSAGES/jzcli.po from the code and the data: new msgids added (empty), gone ones
    dropped, translations kept; extra msgids (words of Typer and Click we translate) are kept as they are. The
    .mo beside it is written anew."""
    import sys
    from pathlib import Path

    argv = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent
    entries, problems = extract(package_sources(root))
    for p in problems:
        print(p, file=sys.stderr)
    for po in sorted((root / "locale").glob("*/LC_MESSAGES/jzcli.po")):
        text = po.read_text(encoding="utf-8")
        translations = parse_po(text)
        header = text[: text.index("\n\n") + 1] if "\n\n" in text else text
        from jzcli.i18n import FOREIGN

        merged = dict(entries)
        for key in FOREIGN:
            merged.setdefault(key, ["typer"])
        for key, where in data_messages(root).items():
            merged.setdefault(key, []).extend(where)
        # the file's own order first, new messages at the end (as msgmerge keeps a catalog stable): branches that
        # each add messages append them, and merge without moving the others
        merged = {**{k: merged[k] for k in translations if k in merged}, **merged}
        po.write_text(render_po(header, merged, translations), encoding="utf-8")
        # the checkout's own .mo (git ignores it; jzcli.i18n reads it while it is newer than the .po): a
        # source checkout or editable install reads the catalog as fast as an installed wheel
        po.with_suffix(".mo").write_bytes(write_mo(parse_po(po.read_text(encoding="utf-8"))))
        missing = [k for k in merged if not translations.get(k)]
        print(f"{po}: {len(merged)} messages, {len(missing)} untranslated", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
