"""`check --file`: a draft's checked items, where they stand, in every format.

    check_lines(reader, lines)       -> (Line, [item, ...]) per line, one sentence at a time
    write_view(path, checked, ...)   the draft itself with marks and notes (a terminal, --format table)
    write_rows(path, checked, fmt)   json / jsonl / tsv / csv rows, or `lines`: DRAFT:LINE:COL: verdict: ...

An item is a dict: line, column (1-based, in characters, where the item starts in the file), end_column,
kind (figure, date, title, state), figure (the item's own text), verdict, reason, id (the fact it was set
against), article (the article's value), quote, value, unit, qualifier, sentence, evidence (every fact used,
with its quote) and, for a derived verdict, derivation. Keys and values are the same in every locale; the
view and `lines` show the reason in the user's language.

Everything is streamed: a draft is read, checked and written one line at a time, so memory stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jzcli import output as out
from jzcli import safeio
from jzcli.drafts import Line
from jzcli.i18n import N_, _, ngettext
from jzcli.reasons import translate as translate_reason

VERDICTS = ("supported", "contradicted", "unknown")
SYMBOL = {"supported": "✔", "contradicted": "✘", "unknown": "?"}
STYLE = {"supported": "green", "contradicted": "bold red", "unknown": "yellow"}
VERDICT_WORD = {"supported": N_("supported"), "contradicted": N_("contradicted"), "unknown": N_("unknown")}



def verdict_word(verdict: str) -> str:
    return _(VERDICT_WORD.get(verdict, verdict))


# ---------------------------------------------------------------- checking, line by line


def _position(result, sentence: str, search_from: int) -> tuple[int, int]:
    """Start and end of a result's item in `sentence`: the checker's own offsets, else found by its text."""
    if getattr(result, "start", None) is not None:
        return result.start, max(result.end, result.start + 1)
    text = result.figure.text if result.figure is not None else ""
    at = sentence.find(text, search_from) if text else -1
    if at < 0:
        at = max(sentence.find(text), 0) if text else 0
    return at, at + len(text)


def check_lines(reader, lines: Iterable[Line]) -> Iterator[tuple[Line, list[dict]]]:
    """Each line of a draft with its checked items, in the order they stand."""
    from jzcli import check as ck
    from jzcli.check.drivers import sentence_spans

    for line in lines:
        items: list[dict] = []
        for offset, sentence in sentence_spans(line.text):
            results = ck.check_sentence(reader, sentence)
            if not results:
                continue
            search_from = 0
            for r in results:
                start, end = _position(r, sentence, search_from)
                search_from = end
                items.append(_item(r, line, offset + start, offset + end, sentence))
        items.sort(key=lambda i: (i["column"], i["end_column"]))
        yield line, items


def _item(r, line: Line, start: int, end: int, sentence: str) -> dict:
    """The checker's result (every key of `check --json`) with where the item stands and what a row shows."""
    doc = r.as_json()
    ev = doc.get("evidence") or []
    first = ev[0] if ev else {}
    return {
        **doc, "line": line.number, "column": line.column(start),
        "end_column": line.column(max(end - 1, start)) + 1, "start": line.offset + start, "end": line.offset + end,
        "kind": doc.get("kind") or "figure", "id": first.get("id"), "article": first.get("text"),
        "quote": first.get("quote"), "sentence": sentence,
        "derivation": doc.get("derivation") or first.get("derivation"),
    }


# ---------------------------------------------------------------- rows for scripts and editors


class Tally:
    """Counts of verdicts as items go by."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(VERDICTS, 0)

    def add(self, items: list[dict]) -> list[dict]:
        for item in items:
            self.counts[item["verdict"]] = self.counts.get(item["verdict"], 0) + 1
        return items

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        c = self.counts
        return ngettext("checked {n} item: {s} supported, {x} contradicted, {u} unknown",
                        "checked {n} items: {s} supported, {x} contradicted, {u} unknown", self.total).format(
            n=self.total, s=c["supported"], x=c["contradicted"], u=c["unknown"])


def write_rows(path: str, checked: Iterable[tuple[Line, list[dict]]], fmt: str, tally: Tally,
               columns: list | None = None) -> None:
    """Stream the items as rows: json (one array), jsonl, tsv, csv, or `lines` (DRAFT:LINE:COL: ...).
    JSON and JSONL carry each item whole unless `columns` (output.Column, from --fields) are given; TSV and
    CSV show `columns`."""
    rows = out.RowWriter(fmt) if fmt in ("tsv", "csv") else None
    first = True
    for _line, items in checked:
        for item in tally.add(items):
            if fmt in ("json", "jsonl") and columns is not None:
                item = {c.key: c.value(item) for c in columns}
            if fmt == "json":  # one array, written item by item: the same text as dump_json of the whole list
                out.write(("[\n  " if first else ",\n  ") + out.dump_json(item, level=1).rstrip("\n"))
            elif fmt == "jsonl":
                out.write(out.dump_jsonl(item))
            elif fmt == "lines":
                out.write(diagnostic(path, item) + "\n")
            else:
                if first:
                    out.write(rows.row([c.key for c in columns]))
                out.write(rows.row([out.cell(c.value(item)) for c in columns]))
            first = False
    if fmt == "json":
        out.write("[]\n" if first else "\n]\n")
    elif fmt in ("tsv", "csv") and first:
        out.write(rows.row([c.key for c in columns]))


def diagnostic(path: str, item: dict) -> str:
    """`DRAFT:LINE:COL: verdict: figure — reason [id]`, as compilers and linters write (vim, VS Code, CI)."""
    name = "-" if path == "-" else path
    fact = f" [{item['id']}]" if item.get("id") else ""
    reason = " ".join(translate_reason(item.get("reason") or "").split())
    return safeio.escape(f"{name}:{item['line']}:{item['column']}: {item['verdict']}: {item['figure']} — {reason}{fact}",
                         keep="")


# ---------------------------------------------------------------- the draft itself, marked


def write_view(checked: Iterable[tuple[Line, list[dict]]], tally: Tally) -> None:
    """The draft with line numbers, each item marked where it stands, numbered notes under each paragraph,
    and a summary. Colours follow the terminal (NO_COLOR keeps the symbols). Lines are wrapped here, never
    inside an item, a number, an id or a run of Latin letters (the terminal would cut `36栋` into `3` / `6栋`)."""
    from rich.text import Text

    console = out.make_console()
    gutter = 4
    paragraph: list[tuple[Line, list[dict]]] = []
    counter = [0]

    def flush() -> None:
        notes: list = []
        width = max(console.width - gutter - 3, 8)
        for line, items in paragraph:
            marked, keep = _marked_line(line, items, counter, notes)
            for i, part in enumerate(wrap(marked, width, keep)):
                head = f"{line.number:>{gutter}} │ " if i == 0 else " " * gutter + " │ "
                console.print(Text(head, style="dim") + part, crop=False, soft_wrap=True)
        pad = Text(" " * (gutter + 3))
        for note in notes:
            for i, line_of_note in enumerate(note):
                indent = pad if i == 0 else pad + Text("   ")
                for part in wrap(line_of_note, width - (0 if i == 0 else 3), []):
                    console.print(indent + part, crop=False, soft_wrap=True)
        if notes:
            console.print()
        paragraph.clear()

    for line, items in checked:
        tally.add(items)
        gutter = max(gutter, len(str(line.number)))
        if not line.text.strip():
            flush()
            console.print(Text(f"{line.number:>{gutter}} │", style="dim"))
            continue
        paragraph.append((line, items))
        if len(paragraph) >= 50:  # a very long paragraph: notes every 50 lines, memory stays bounded
            flush()
    flush()
    for part in wrap(summary_text(tally), max(console.width, 8), []):
        console.print(part, crop=False, soft_wrap=True)


def _marked_line(line: Line, items: list[dict], counter: list[int], notes: list):
    """The line's text with each item styled and followed by its mark (✔1); the spans that must stay whole."""
    from rich.text import Text

    text = Text()
    keep: list[tuple[int, int]] = []
    body = line.text
    pos = 0
    for item in items:
        start = max(_text_index(line, item["column"]), pos)
        end = max(_text_index(line, item["end_column"] - 1) + 1, start)
        text.append(out.display(body[pos:start], None))  # control characters in a draft are shown escaped
        style = STYLE.get(item["verdict"], "")
        at = len(text)
        text.append(out.display(body[start:end], None), style=style + " underline")
        counter[0] += 1
        text.append(f"{SYMBOL.get(item['verdict'], '?')}{counter[0]}", style=style)
        keep.append((at, len(text)))
        notes.append(_note(item, counter[0]))
        pos = end
    text.append(out.display(body[pos:], None))
    return text, keep


# Latin words, ids, paths, and numbers with their multiplier and counting unit (3700万美元, 36栋楼): never cut
_WHOLE = re.compile(r"[\x21-\x7e]*\d[\d.,]*[万亿千百十]*(?:美元|[元栋楼个名人户家套亩米吨辆项处条倍岁年月日%]{1,2})?"
                    r"|[\x21-\x7e]+")
_NO_LINE_START = set("，。、；：？！）》」』”’.,;:?!)%")


def wrap(text, width: int, keep: list[tuple[int, int]]) -> list:
    """`text` (a rich Text) cut into lines of at most `width` cells, between words and CJK characters but
    never inside `keep` spans, Latin runs or numbers, and never before closing punctuation."""
    from rich.cells import cell_len

    plain = text.plain
    if cell_len(plain) <= width:
        return [text]
    whole = [(m.start(), m.end()) for m in _WHOLE.finditer(plain)] + list(keep)
    blocked = bytearray(len(plain) + 1)  # 1: no line may start here
    for s, e in whole:
        for i in range(s + 1, e):
            blocked[i] = 1
    for i, c in enumerate(plain):
        if c in _NO_LINE_START:
            blocked[i] = 1
    cuts, line_start, used, last_ok = [], 0, 0, None
    i = 0
    while i < len(plain):
        if i > line_start and not blocked[i]:
            last_ok = i
        w = cell_len(plain[i])
        if used + w > width and i > line_start:
            cut = last_ok if last_ok is not None and last_ok > line_start else i  # an atom wider than a line
            cuts.append(cut)
            line_start, last_ok = cut, None
            used = cell_len(plain[cut:i + 1])
        else:
            used += w
        i += 1
    lines = []
    for part in text.divide(cuts):
        part.rstrip()
        n = len(part.plain) - len(part.plain.lstrip(" "))
        lines.append(part[n:] if n and lines else part)  # a wrapped line does not start with the space
    return lines


def _text_index(line: Line, column: int) -> int:
    if line.columns is None:
        return column - 1 - line.offset
    for i, c in enumerate(line.columns):
        if c + 1 >= column:
            return i
    return len(line.columns)


def _note(item: dict, n: int):
    from rich.text import Text

    verdict = item["verdict"]
    style = STYLE.get(verdict, "")
    note = Text()
    note.append(f"{SYMBOL.get(verdict, '?')}{n} ", style=style)
    note.append(out.display(f"{item['figure']}", None), style="bold")
    note.append(f"  {verdict_word(verdict)}", style=style)
    note.append(_("  (line {line}, column {column})").format(line=item["line"], column=item["column"]), style="dim")
    if item.get("id"):
        note.append("  [" + out.display(item["id"], None) + "]", style="dim")
    lines = [note]
    lines.append(Text(_("reason: {reason}").format(reason=out.display(translate_reason(item.get("reason") or ""),
                                                                     None))))
    if item.get("article") or item.get("quote"):
        quote = Text(_("article: {value}").format(value=out.display(item.get("article") or "—", None)))
        if item.get("quote"):
            quote.append("  “" + out.display(item["quote"], None) + "”", style="italic")
        lines.append(quote)
    derivation = item.get("derivation")
    if derivation:
        formula = derivation.get("formula") if isinstance(derivation, dict) else str(derivation)
        lines.append(Text(_("arithmetic: {formula}").format(formula=formula)))
    return lines


def summary_text(tally: Tally):
    from rich.text import Text

    c = tally.counts
    text = Text(ngettext("checked {n} item: ", "checked {n} items: ", tally.total).format(n=tally.total))
    parts = [(f"{SYMBOL[v]} {c[v]} {verdict_word(v)}", STYLE[v]) for v in VERDICTS]
    for i, (part, style) in enumerate(parts):
        if i:
            text.append(" · ")
        text.append(part, style=style)
    return text
