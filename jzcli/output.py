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

from jzcli.errors import BadInput
from jzcli.i18n import N_, _, gettext

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


class Column:
    """One column: `key` (the TSV/CSV header, for scripts), `header` (for people: an N_-marked msgid, shown in
    the user's language), how to get the value.

    A plain class, not a dataclass: importing dataclasses (and inspect with it) costs ~10 ms at start-up.
    """

    __slots__ = ("key", "header", "get", "style")

    def __init__(self, key: str, header: str, get: Callable[[dict], Any] | None = None, style: str | None = None):
        self.key, self.header, self.get, self.style = key, header, get, style

    def __repr__(self) -> str:
        return f"Column({self.key!r}, {self.header!r})"

    def value(self, rec: dict) -> Any:
        return self.get(rec) if self.get else rec.get(self.key)


def choose_format(json_flag: bool, fmt: str | None) -> str:
    """One place decides the output format; conflicting flags are rejected up front."""
    if json_flag and fmt and fmt != "json":
        raise BadInput(_("use just one of --json and --format {format}").format(format=fmt))
    if json_flag:
        return "json"
    if fmt:
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
    if isinstance(value, (list, tuple)):
        return "、".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _tsv_field(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def write(text: str) -> None:
    sys.stdout.write(text)


def note(message: str) -> None:
    """A message for the person, never for the data stream."""
    sys.stderr.write(message.rstrip("\n") + "\n")


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def emit(
    records: Sequence[dict],
    columns: Sequence[Column],
    fmt: str,
    *,
    title: str | None = None,
    highlight: str | None = None,
    empty_note: str | None = None,
) -> None:
    """Write a list of records in the chosen format. JSON carries the records whole; the others, the columns.
    `title` (an N_-marked msgid, or a function that makes it) is translated only when a table shows it."""
    if fmt == "json":
        write(dump_json(list(records)))
    elif fmt == "jsonl":
        write("".join(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n" for r in records))
    elif fmt == "tsv":
        lines = ["\t".join(c.key for c in columns)]
        lines += ["\t".join(_tsv_field(cell(c.value(r))) for c in columns) for r in records]
        write("\n".join(lines) + "\n")
    elif fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([c.key for c in columns])
        writer.writerows([cell(c.value(r)) for c in columns] for r in records)
        write(buf.getvalue())
    else:
        if not records:
            note(_("no matching records") if empty_note is None else shown(empty_note))
            return
        render_table(records, columns, title=shown(title), highlight=highlight)


def emit_object(obj: dict, fields: Sequence[Column], fmt: str, *, title: str | None = None,
                sections: Sequence[tuple[str, Sequence[dict], Sequence[Column]]] = ()) -> None:
    """A single record (a lookup): an object in JSON; field/value rows, then its sections, elsewhere."""
    if fmt == "json":
        write(dump_json(obj))
        return
    if fmt == "jsonl":
        write(json.dumps(obj, ensure_ascii=False, default=_json_default) + "\n")
        return
    pairs = [{"field": c.key, "header": c.header, "value": cell(c.value(obj))} for c in fields]
    for _name, rows, cols in sections:
        for row in rows:
            pairs.append({"field": row.get("id", ""), "header": cell(cols[0].value(row)),
                          "value": " | ".join(cell(c.value(row)) for c in cols[1:])})
    if fmt in ("tsv", "csv"):
        emit(pairs, [Column("field", N_("Field")), Column("value", N_("Value"))], fmt)
        return
    console = make_console()
    from rich.table import Table
    from rich.text import Text

    head = Table(title=shown(title), show_header=False, box=None if os.environ.get("TERM") == "dumb" else _box())
    head.add_column(style="bold", overflow="fold")
    head.add_column(overflow="fold")
    for c in fields:
        value = cell(c.value(obj))
        if value:  # a person reads only what is there; scripts get every field from tsv/json
            head.add_row(Text(gettext(c.header)), Text(value))
    console.print(head)
    for name, rows, cols in sections:
        if rows:
            render_table(rows, cols, title=shown(name), console=console)


def shown(title) -> str | None:
    """A title for people: called if it is a function, else looked up in the catalog (data stays as it is)."""
    if title is None:
        return None
    return title() if callable(title) else gettext(title)


def make_console():
    """A Console built per call, so COLUMNS, NO_COLOR and TERM are read at the time of output."""
    from rich.console import Console

    # NO_COLOR (no-color.org): Rich drops colours but still sends bold/dim/reverse; no colour system, no ESC.
    no_color = bool(os.environ.get("NO_COLOR"))
    console = Console(file=sys.stdout, highlight=False, emoji=False, markup=False, soft_wrap=False,
                      **({"color_system": None} if no_color else {}))
    console.on_broken_pipe = _broken_pipe  # Rich would exit 1 itself; the shell (app.py) says 141, in one place
    return console


def _broken_pipe() -> None:
    import errno

    raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _box():
    from rich import box

    return box.SIMPLE_HEAD


# Narrower than this many cells per column (plus padding), Rich squeezes columns to nothing and data
# disappears: such a table is printed one record after another, "header：value" lines folded to the width.
MIN_CELL = 4


def _render_records(console, records: Sequence[dict], columns: Sequence[Column], *, title: str | None = None,
                    highlight: str | None = None) -> None:
    from rich.text import Text

    if title:
        console.print(Text(title, style="bold"), overflow="fold")
    for i, rec in enumerate(records):
        if i:
            console.print()
        for c in columns:
            value = Text(cell(c.value(rec)))
            if highlight:
                value.highlight_words([highlight], style="reverse", case_sensitive=False)
            console.print(Text.assemble((gettext(c.header) + "：", "bold"), value), overflow="fold")


def render_table(records: Sequence[dict], columns: Sequence[Column], *, title: str | None = None,
                 highlight: str | None = None, console=None) -> None:
    from rich.table import Table
    from rich.text import Text

    console = console or make_console()
    if console.width < len(columns) * (MIN_CELL + 2) + 2:
        _render_records(console, records, columns, title=title, highlight=highlight)
        return
    dumb = os.environ.get("TERM") == "dumb"
    # people read names first; the id (for `jzcli show`) goes last
    columns = [c for c in columns if c.key != "id"] + [c for c in columns if c.key == "id"]
    table = Table(title=title, box=_box() if not dumb else None, header_style="bold", title_justify="left")
    for c in columns:
        table.add_column(gettext(c.header), overflow="fold", style=c.style or ("dim" if c.key == "id" else None))
    for rec in records:
        cells = []
        for c in columns:
            text = Text(cell(c.value(rec)))  # data is text, never markup: "[x]" prints as is
            if highlight:
                text.highlight_words([highlight], style="reverse", case_sensitive=False)
            cells.append(text)
        table.add_row(*cells)
    console.print(table)
