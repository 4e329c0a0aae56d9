"""Rendering: the only module that writes data to stdout.

Formats: `table` (Rich, for people), `tsv` (the default when stdout is not a terminal: header row, no
colour, no box drawing, no wrapping), `json` (one document, UTF-8 as is), `jsonl`, `csv`. Rich is imported
only when a table is drawn, so scripts asking for JSON never pay for it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from jzcli import safeio
from jzcli.errors import BadInput
from jzcli.i18n import N_, _, gettext

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


class Column:
    """One field of a view, declared once.

    `key` is the field's name for scripts (the JSON key, the CSV/TSV header, what --fields names), `label` its
    header for people (tables), an N_-marked msgid shown in the user's language. `get` reads the raw value from
    a record (default: `record[key]`); JSON, JSONL, CSV and TSV all show that raw value, so one key means one
    vocabulary in every format. `show` turns the raw value into what a table shows (a label such as
    2018上半年签约 for `signed`, 5亿元 for 500000000); `wrap=False` keeps numbers, amounts, dates and ids whole
    on a narrow terminal; `default=False` leaves the field out unless --fields asks for it.

    A plain class, not a dataclass: importing dataclasses (and inspect with it) costs ~10 ms at start-up.
    """

    __slots__ = ("key", "label", "get", "show", "wrap", "default")

    def __init__(self, key: str, label: str, get: Callable[[dict], Any] | None = None, *,
                 show: Callable[[Any], str] | None = None, wrap: bool = True, default: bool = True) -> None:
        self.key, self.label, self.get, self.show, self.wrap, self.default = key, label, get, show, wrap, default

    def __repr__(self) -> str:
        return f"Column({self.key!r}, {self.label!r})"

    def value(self, rec: dict) -> Any:
        """The raw value (for scripts)."""
        return self.get(rec) if self.get else rec.get(self.key)

    def text(self, rec: dict) -> str:
        """What a person reads in a table cell."""
        raw = self.value(rec)
        return display(shown_value(raw) if self.show is None or raw is None else self.show(raw))


class View:
    """The columns of one kind of output, in order. `plus(key)` shows an optional column by default."""

    __slots__ = ("columns",)

    def __init__(self, *columns: Column) -> None:
        self.columns = columns

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def plus(self, *keys: str) -> View:
        return View(*(Column(c.key, c.label, c.get, show=c.show, wrap=c.wrap, default=True) if c.key in keys else c
                      for c in self.columns))

    def pick(self, fields: str | None) -> list[Column]:
        """The columns --fields names, in its order (the default columns without it). Unknown: exit 2."""
        if fields is None:
            return [c for c in self.columns if c.default]
        by_key = {c.key: c for c in self.columns}
        names = list(dict.fromkeys(f.strip() for f in fields.split(",") if f.strip()))
        unknown = [f for f in names if f not in by_key]
        if unknown or not names:
            what = _("unknown field {name!r}").format(name=unknown[0]) if unknown else _("--fields needs field names")
            raise BadInput(_("{problem}: choose from {fields}").format(problem=what, fields=",".join(self.keys)))
        return [by_key[f] for f in names]


def choose_format(json_flag: bool, fmt: str | None) -> str:
    """One place decides the output format; conflicting flags are rejected up front."""
    if json_flag and fmt and fmt != "json":
        raise BadInput(_("use just one of --json and --format {format}").format(format=fmt))
    if json_flag:
        return "json"
    if fmt is not None:  # --format "" is a bad format, not the default
        if fmt not in FORMATS:
            raise BadInput(_("unknown format {format!r}: choose one of {choices}").format(
                format=fmt, choices=", ".join(FORMATS)))
        return fmt
    return "table" if stdout_is_terminal() else "tsv"


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def cell(value: Any) -> str:
    """A value as plain text for TSV, CSV and table cells."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)) and not any(isinstance(v, (dict, list, tuple)) for v in value):
        return "、".join(cell(v) for v in value)
    if isinstance(value, (dict, list, tuple)):  # nested: the JSON of it
        try:
            return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
        except (RecursionError, ValueError):  # nested deeper than the encoder goes
            return "…"
    return str(value)


# A table cell shows a value that is a msgid in the user's language: true/false, the schema's enumerated values
# and record kinds, the curator's notes (jzcli/catalog.py, data_messages). Scripts get the value itself.
BOOLEAN = (N_("true"), N_("false"))


def shown_value(value: Any, depth: int = 0) -> str:
    """A value as a person reads it in a table: cell(), with every scalar the catalog knows translated, and
    nested objects as "key：value" (keys are field names: msgids too)."""
    if isinstance(value, dict) and depth < 4:
        return "；".join(f"{key_label(str(k))}：{shown_value(v, depth + 1)}" for k, v in value.items())
    if isinstance(value, (list, tuple)) and depth < 4:
        nested = any(isinstance(v, (dict, list, tuple)) for v in value)
        ids = all(isinstance(v, str) and v.isascii() for v in value)  # ids: a line may break between, not inside
        return (" | " if nested else ", " if ids else "、").join(shown_value(v, depth + 1) for v in value)
    text = cell(value)
    return gettext(text) if text and not isinstance(value, (dict, list, tuple)) else text


class RowWriter:
    """TSV or CSV, one row at a time: the one place for the rules of both (TSV: tab, newline and backslash
    escaped; CSV: quoted as the csv module does; control characters escaped in both)."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        if fmt == "csv":
            import csv
            import io

            self._buf = io.StringIO()
            self._writer = csv.writer(self._buf, lineterminator="\n")

    def row(self, values: Sequence[str]) -> str:
        if self.fmt != "csv":
            return "\t".join(_tsv_field(v) for v in values) + "\n"
        self._buf.seek(0)
        self._buf.truncate()
        self._writer.writerow([safeio.escape(v, keep="\n") for v in values])
        return self._buf.getvalue()


def key_label(key: str) -> str:
    """A field's name as a person reads it: its schema label in Chinese (a msgid of the catalog else)."""
    from jzcli import i18n

    if i18n.chinese():
        from jzcli.schema import field_label

        return field_label(key) or gettext(key)
    return key


def _tsv_field(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return safeio.escape(text)


# A table cell longer than this is shortened for display (…); TSV, CSV and JSON carry the whole value.
MAX_CELL = 400


def display(text: str, limit: int | None = MAX_CELL) -> str:
    """Text for a person's terminal: control characters escaped, shortened past `limit` characters."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return safeio.escape(text)


def write(text: str) -> None:
    """Data to stdout, all of it or an error (safeio: short writes, full disks, closed or broken pipes)."""
    safeio.write(text)


def note(message: str) -> None:
    """A message for the person, never for the data stream (control characters escaped)."""
    try:
        sys.stderr.write(safeio.escape(message.rstrip("\n"), keep="\n") + "\n")
    except (OSError, ValueError, AttributeError):
        pass


def dump_json(data: Any, level: int = 0) -> str:
    """`data` as json.dumps(ensure_ascii=False, indent=2) writes it, `level` levels deep (an item of a list
    written item by item: its lines after the first indented by 2 × level spaces)."""
    try:
        text = _indented(data, "\n" + "  " * level)
    except Exception:  # noqa: BLE001 — a key that is not a string, a cycle, nesting too deep: json's own path
        try:
            text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)
        except RecursionError:  # indent uses the pure-Python encoder (3 frames a level); the C one nests deeper
            text = json.dumps(data, ensure_ascii=False, default=_json_default)
        if level:
            text = text.replace("\n", "\n" + "  " * level)
    return safeio.json_safe(text) + "\n"


def _indented(data: Any, nl: str) -> str:
    """json.dumps(data, ensure_ascii=False, indent=2, default=_json_default), the same text about twice as
    fast (json's C encoder does not indent; a draft's 10,000 rows spent a tenth of `check --file` here).
    `nl` is a newline and the indentation of data's own level. Raises on a key that is not a string (json
    writes 1 as "1") and on a cycle (RecursionError); dump_json then takes json's own path."""
    from json.encoder import encode_basestring as esc

    out: list[str] = []
    append = out.append

    def enc(o: Any, nl: str) -> None:  # the order of json.encoder's _iterencode
        if isinstance(o, str):
            append(esc(o))
        elif o is None:
            append("null")
        elif o is True:
            append("true")
        elif o is False:
            append("false")
        elif isinstance(o, int):
            append(int.__repr__(o))
        elif isinstance(o, float):
            append(float.__repr__(o) if o - o == 0 else "NaN" if o != o else "Infinity" if o > 0 else "-Infinity")
        elif isinstance(o, (list, tuple)):
            if not o:
                append("[]")
                return
            inner = nl + "  "
            sep = "[" + inner
            for v in o:
                append(sep)
                enc(v, inner)
                sep = "," + inner
            append(nl + "]")
        elif isinstance(o, dict):
            if not o:
                append("{}")
                return
            inner = nl + "  "
            sep = "{" + inner
            for k, v in o.items():
                if not isinstance(k, str):
                    raise TypeError("a key that is not a string: json's own path")
                append(sep + esc(k) + ": ")
                enc(v, inner)
                sep = "," + inner
            append(nl + "}")
        else:
            enc(_json_default(o), nl)

    enc(data, nl)
    return "".join(out)


def dump_jsonl(record: Any) -> str:
    return safeio.json_safe(json.dumps(record, ensure_ascii=False, default=_json_default)) + "\n"


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def emit(
    records: Sequence[dict],
    view: View | Sequence[Column],
    fmt: str,
    *,
    fields: str | None = None,
    title: str | None = None,
    highlight: str | None = None,
    empty_note: str | Callable[[], str] | None = None,
    document: Any = None,
    draw: Callable[[], None] | None = None,
) -> None:
    """Write records in the chosen format: the one function that decides what each format shows.

    JSON and JSONL carry `document` (default: the records whole); TSV and CSV the view's columns, raw values
    under their keys; a table the labels and what each column shows to people (or `draw()`, a command's own
    drawing). With --fields every format shows exactly those fields, in that order.
    """
    columns = as_view(view).pick(fields)
    if fmt in ("json", "jsonl"):
        if fields is None:
            data = list(records) if document is None else document
        else:
            data = [{c.key: c.value(r) for c in columns} for r in records]
        if fmt == "json":
            write(dump_json(data))
        else:
            items = data if isinstance(data, list) else [data]
            write("".join(dump_jsonl(d) for d in items))
    elif fmt in ("tsv", "csv"):
        rows = RowWriter(fmt)
        write(rows.row([c.key for c in columns]) + "".join(rows.row([cell(c.value(r)) for c in columns])
                                                           for r in records))
    elif draw is not None and fields is None:
        draw()
    elif not records:
        note(_("no matching records") if empty_note is None else shown(empty_note))
    else:
        render_table(records, columns, title=shown(title), highlight=highlight, id_last=fields is None)


def as_view(view: View | Sequence[Column]) -> View:
    return view if isinstance(view, View) else View(*view)


FIELD_VALUE = View(Column("field", N_("Field")), Column("value", N_("Value")))


def emit_object(obj: dict, view: View | Sequence[Column], fmt: str, *, fields: str | None = None, title: str | None = None,
                sections: Sequence[tuple[str, Sequence[dict], View | Sequence[Column]]] = ()) -> None:
    """A single record (a lookup): an object in JSON; field/value rows, then its sections, elsewhere."""
    columns = as_view(view).pick(fields)
    if fields is not None:
        sections = ()
    if fmt in ("json", "jsonl"):
        data = obj if fields is None else {c.key: c.value(obj) for c in columns}
        write(dump_json(data) if fmt == "json" else dump_jsonl(data))
        return
    if fmt in ("tsv", "csv"):
        pairs = [{"field": c.key, "value": c.value(obj)} for c in columns]
        for _name, rows, sview in sections:
            cols = as_view(sview).pick(None)
            for row in rows:
                pairs.append({"field": row.get("id", ""),
                              "value": " | ".join(cell(c.value(row)) for c in cols[1:])})
        emit(pairs, FIELD_VALUE, fmt)
        return
    console = make_console()
    from rich.table import Table
    from rich.text import Text

    head = Table(title=display(shown(title)) if title else title, show_header=False,
                 box=None if os.environ.get("TERM") == "dumb" else _box())
    head.add_column(style="bold", overflow="fold", no_wrap=True)
    head.add_column(overflow="fold")
    for c in columns:
        value = c.text(obj)
        if value:  # a person reads only what is there; scripts get every field from tsv/json
            head.add_row(Text(gettext(c.label)), Text(value))
    console.print(head)
    for name, rows, sview in sections:
        if rows:
            render_table(rows, as_view(sview).pick(None), title=shown(name), console=console)


def shown(title) -> str | None:
    """A title or note for people: a function is called, a msgid looked up in the catalog (data stays as it is).
    Only tables call this, so --json never loads a catalog."""
    if title is None:
        return None
    return title() if callable(title) else gettext(title)


def make_console():
    """A Console built per call, so COLUMNS, NO_COLOR and TERM are read at the time of output."""
    from rich.console import Console

    # NO_COLOR (no-color.org): Rich drops colours but still sends bold/dim/reverse; no colour system, no ESC.
    no_color = bool(os.environ.get("NO_COLOR"))
    extra: dict[str, Any] = {"color_system": None} if no_color else {}
    width = _columns()
    if width is not None:
        extra["width"] = width
    # every write Rich makes goes through safeio: checked, whole, 141 on a broken pipe
    console = _safe_console_class(Console)(file=safeio.CheckedStdout(), highlight=False, emoji=False, markup=False,
                                           soft_wrap=False, **extra)
    console.on_broken_pipe = _broken_pipe  # Rich would exit 1 itself; the shell (app.py) says 141, in one place
    return console


def _broken_pipe() -> None:
    raise safeio.BrokenPipe()


_SafeConsole = None


def _safe_console_class(console_class):
    """A Console whose rendered text segments never carry a control character from the data: a drawing that
    did not go through display() (a command's own view) is escaped here, a last line of defence. Rich's own
    control segments (styles, cursor moves) pass as they are."""
    global _SafeConsole
    if _SafeConsole is None:
        from rich.segment import Segment

        class SafeConsole(console_class):
            def render(self, renderable, options=None):
                for seg in super().render(renderable, options):
                    if seg.control is None and seg.text and safeio.has_controls(seg.text):
                        yield Segment(safeio.escape(seg.text), seg.style)
                    else:
                        yield seg

        _SafeConsole = SafeConsole
    return _SafeConsole


# Below this many cells a table cannot show a wide (Chinese) character or its fold marks: COLUMNS=0 or 1 is
# taken as this, so nothing is dropped (the lines are then wider than COLUMNS asked, never emptier).
MIN_WIDTH = 10


def _columns() -> int | None:
    """COLUMNS clamped to MIN_WIDTH; None when unset or not a number (Rich then asks the terminal)."""
    raw = os.environ.get("COLUMNS", "").strip()
    if not raw:
        return None
    try:
        return max(MIN_WIDTH, int(raw))
    except ValueError:
        return None


def _box():
    from rich import box

    return box.SIMPLE_HEAD


# Narrower than this many cells per wrapping column (plus padding, plus the whole width of every column that must
# not wrap), Rich squeezes columns to nothing and data disappears: such a table is printed one record after
# another, "label：value" lines folded to the width.
MIN_CELL = 8  # four Chinese characters
PADDING = 2  # cells per column (SIMPLE_HEAD: one space each side)
# What a table too narrow for all its columns gives up first, before it turns into record blocks: the verbatim
# quote (long, and always one `jzcli show ID` away).
NARROW_DROPS = ("quote",)


def _render_records(console, records: Sequence[dict], columns: Sequence[Column], *, title: str | None = None,
                    highlight: str | None = None) -> None:
    from rich.text import Text

    if title:
        console.print(Text(display(title), style="bold"), overflow="fold")
    for i, rec in enumerate(records):
        if i:
            console.print()
        for c in columns:
            value = Text(c.text(rec))
            if highlight:
                value.highlight_words([highlight], style="reverse", case_sensitive=False)
            console.print(Text.assemble((gettext(c.label) + "：", "bold"), value), overflow="fold")


def _needed_width(records: Sequence[dict], columns: Sequence[Column]) -> int:
    from rich.cells import cell_len

    need = 2
    for c in columns:
        if c.wrap:
            need += MIN_CELL + PADDING
        else:
            need += max([cell_len(gettext(c.label)), *(cell_len(c.text(r)) for r in records)]) + PADDING
    return need


def render_table(records: Sequence[dict], columns: Sequence[Column], *, title: str | None = None,
                 highlight: str | None = None, console=None, id_last: bool = True) -> None:
    from rich.table import Table
    from rich.text import Text

    console = console or make_console()
    if console.width < _needed_width(records, columns) and id_last:  # id_last: the columns were not picked
        narrower = [c for c in columns if c.key not in NARROW_DROPS]
        if narrower != list(columns) and console.width >= _needed_width(records, narrower):
            note(_("({columns} left out at this width: jzcli show ID, or --format tsv)").format(
                columns=", ".join(gettext(c.label) for c in columns if c.key in NARROW_DROPS)))
            columns = narrower
    if console.width < _needed_width(records, columns):
        _render_records(console, records, columns, title=title, highlight=highlight)
        return
    dumb = os.environ.get("TERM") == "dumb"
    if id_last:  # people read names first; the id (for `jzcli show`) goes last
        columns = [c for c in columns if c.key != "id"] + [c for c in columns if c.key == "id"]
    table = Table(title=display(title) if title else title, box=_box() if not dumb else None, header_style="bold",
                  title_justify="left")
    for c in columns:
        table.add_column(gettext(c.label), overflow="fold" if c.wrap else "ellipsis", no_wrap=not c.wrap,
                         style="dim" if c.key == "id" else None)
    for rec in records:
        cells = []
        for c in columns:
            text = Text(c.text(rec))  # data is text, never markup: "[x]" prints as is
            if highlight:
                text.highlight_words([highlight], style="reverse", case_sensitive=False)
            cells.append(text)
        table.add_row(*cells)
    console.print(table)
