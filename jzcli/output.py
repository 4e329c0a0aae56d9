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

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


class Column:
    """One column: `key` (the TSV/CSV header, for scripts), `header` (Chinese, for people), how to get the value.

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
        raise BadInput(f"use just one of --json and --format {fmt}")
    if json_flag:
        return "json"
    if fmt is not None:
        if fmt not in FORMATS:
            raise BadInput(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        return fmt
    return "table" if stdout_is_terminal() else "tsv"


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


# Lists nested deeper than this are shown as JSON text (a fact base may nest 900 deep: no recursion here).
MAX_NESTING = 8


def cell(value: Any, _depth: int = 0) -> str:
    """A value as plain text for TSV, CSV and table cells."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if _depth >= MAX_NESTING:
            return _compact_json(value)
        return "、".join(cell(v, _depth + 1) for v in value)
    if isinstance(value, dict):
        return _compact_json(value, sort_keys=True)
    return str(value)


def _compact_json(value: Any, sort_keys: bool = False) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, default=str)
    except (RecursionError, ValueError):
        return "…"


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


def dump_json(data: Any) -> str:
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)
    except RecursionError:  # indent uses the pure-Python encoder (3 frames a level); the C one nests deeper
        text = json.dumps(data, ensure_ascii=False, default=_json_default)
    return safeio.json_safe(text) + "\n"


def dump_jsonl(record: Any) -> str:
    return safeio.json_safe(json.dumps(record, ensure_ascii=False, default=_json_default)) + "\n"


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
    empty_note: str = "no matching records",
) -> None:
    """Write a list of records in the chosen format. JSON carries the records whole; the others, the columns."""
    if fmt == "json":
        write(dump_json(list(records)))
    elif fmt == "jsonl":
        write("".join(dump_jsonl(r) for r in records))
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
        writer.writerows([safeio.escape(cell(c.value(r)), keep="\n") for c in columns] for r in records)
        write(buf.getvalue())
    else:
        if not records:
            note(empty_note)
            return
        render_table(records, columns, title=title, highlight=highlight)


def emit_object(obj: dict, fields: Sequence[Column], fmt: str, *, title: str | None = None,
                sections: Sequence[tuple[str, Sequence[dict], Sequence[Column]]] = ()) -> None:
    """A single record (a lookup): an object in JSON; field/value rows, then its sections, elsewhere."""
    if fmt == "json":
        write(dump_json(obj))
        return
    if fmt == "jsonl":
        write(dump_jsonl(obj))
        return
    pairs = [{"field": c.key, "header": c.header, "value": cell(c.value(obj))} for c in fields]
    for _name, rows, cols in sections:
        for row in rows:
            pairs.append({"field": row.get("id", ""), "header": cell(cols[0].value(row)),
                          "value": " | ".join(cell(c.value(row)) for c in cols[1:])})
    if fmt in ("tsv", "csv"):
        emit(pairs, [Column("field", "字段"), Column("value", "值")], fmt)
        return
    console = make_console()
    from rich.table import Table
    from rich.text import Text

    head = Table(title=display(title) if title else title, show_header=False,
                 box=None if os.environ.get("TERM") == "dumb" else _box())
    head.add_column(style="bold", overflow="fold")
    head.add_column(overflow="fold")
    for c in fields:
        value = cell(c.value(obj))
        if value:  # a person reads only what is there; scripts get every field from tsv/json
            head.add_row(Text(display(c.header)), Text(display(value)))
    console.print(head)
    for name, rows, cols in sections:
        if rows:
            render_table(rows, cols, title=name, console=console)


def make_console():
    """A Console built per call, so COLUMNS, NO_COLOR and TERM are read at the time of output."""
    from rich.console import Console

    # NO_COLOR (no-color.org): Rich drops colours but still sends bold/dim/reverse; no colour system, no ESC.
    no_color = bool(os.environ.get("NO_COLOR"))
    extra: dict[str, Any] = {"color_system": None} if no_color else {}
    width = _columns()
    if width is not None:
        extra["width"] = width
    console = Console(file=safeio.CheckedStdout(), highlight=False, emoji=False, markup=False, soft_wrap=False,
                      **extra)
    console.on_broken_pipe = _broken_pipe  # Rich would exit 1 itself; the shell (app.py) says 141, in one place
    return console


def _broken_pipe() -> None:
    raise safeio.BrokenPipe()


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


# Narrower than this many cells per column (plus padding), Rich squeezes columns to nothing and data
# disappears: such a table is printed one record after another, "header：value" lines folded to the width.
MIN_CELL = 4


def _render_records(console, records: Sequence[dict], columns: Sequence[Column], *, title: str | None = None,
                    highlight: str | None = None) -> None:
    from rich.text import Text

    if title:
        console.print(Text(display(title), style="bold"), overflow="fold")
    for i, rec in enumerate(records):
        if i:
            console.print()
        for c in columns:
            value = Text(display(cell(c.value(rec))))
            if highlight:
                value.highlight_words([highlight], style="reverse", case_sensitive=False)
            console.print(Text.assemble((f"{display(c.header)}：", "bold"), value), overflow="fold")


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
    table = Table(title=display(title) if title else title, box=_box() if not dumb else None, header_style="bold",
                  title_justify="left")
    for c in columns:
        table.add_column(c.header, overflow="fold", style=c.style or ("dim" if c.key == "id" else None))
    for rec in records:
        cells = []
        for c in columns:
            text = Text(display(cell(c.value(rec))))  # data is text, never markup: "[x]" prints as is
            if highlight:
                text.highlight_words([highlight], style="reverse", case_sensitive=False)
            cells.append(text)
        table.add_row(*cells)
    console.print(table)
