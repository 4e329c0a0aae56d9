"""Reading a draft as reporters write it: plain text in any common encoding, Markdown, Word (.docx).

    for line in read_draft(path):          # Line(number, text, columns): one line (a .docx paragraph)
        ...

A draft is a regular file, a pipe or stdin ("-"), at most `max_size` bytes (default 10 MB); a device, a
folder or a socket is refused before anything is read, and a pipe that goes on past the limit is stopped
there: `check --file /dev/zero` exits 2 at once. It is read in chunks and handed out line by line, so
memory stays bounded whatever comes in.

Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (which covers GBK and GB2312) when the
start is not UTF-8; `encoding=` forces one. A file with NUL bytes that is not UTF-16 is binary: refused
with one line. Markdown (.md, .markdown) has its markup hidden, not removed: `columns` maps each character
of `text` to its column in the file, so a figure's column is where the reporter sees it. A .docx is read with
the standard library (zipfile + xml): one line per paragraph, so line numbers are paragraph numbers.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Iterator

from jzcli import files
from jzcli.errors import BadInput
from jzcli.i18n import _

DEFAULT_MAX_SIZE = 10 * 1024 * 1024
CHUNK = 64 * 1024
SNIFF = 64 * 1024  # bytes looked at to choose an encoding
MAX_LINE = 100_000  # characters: a longer line is handed out in pieces (a draft line, not a document)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk", "gb2312", "big5")
_SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib|g|gb|gib|b)?\s*")
_SCALE = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class Line:
    """One line of a draft: its number (1-based), its text, and each character's column in the file."""

    __slots__ = ("number", "text", "columns", "offset")

    def __init__(self, number: int, text: str, columns: list[int] | None = None, offset: int = 0) -> None:
        self.number, self.text, self.columns, self.offset = number, text, columns, offset

    def column(self, index: int) -> int:
        """The 1-based column in the file of character `index` of `text`."""
        if self.columns is None:
            return self.offset + index + 1
        if not self.columns:
            return 1
        return self.columns[min(index, len(self.columns) - 1)] + 1

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.text!r})"


def parse_size(text: str) -> int:
    """ "10MB", "20M", "512k", "1000000" -> bytes (binary multiples)."""
    m = _SIZE.fullmatch(text or "")
    if not m:
        raise BadInput(_("--max-size takes a size such as 10MB, 512KB or 1000000, not {value!r}").format(value=text))
    size = float(m.group(1)) * _SCALE[(m.group(2) or "")[:1].lower()]
    if size < 1:
        raise BadInput(_("--max-size must be at least 1 byte"))
    return int(size)


def show_size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} B"


def read_draft(path: str, *, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Line]:
    """The lines of a draft. Everything that can fail (size, kind, encoding) fails here, before the first line
    is handed out, with BadInput (exit 2) and one line: a draft is checked whole or not at all."""
    if encoding is not None:
        encoding = _check_encoding(encoding)
    name = _("stdin") if path == "-" else path
    stream = _open(path, max_size)
    try:
        data = _read_all(stream, max_size, name)
    finally:
        if stream is not _stdin():
            stream.close()
    if data.startswith(b"PK\x03\x04") or path.lower().endswith(".docx"):
        return iter(_docx(data, name, max_size))
    text = decode(data, name, encoding)
    lines = _split(text)
    if path.lower().endswith((".md", ".markdown")):
        lines = markdown_lines(lines)
    return lines


def _check_encoding(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise BadInput(_("unknown encoding {name!r}: use one of {choices}").format(
            name=encoding, choices=", ".join(ENCODINGS))) from None
    return name


def _stdin():
    return getattr(sys.stdin, "buffer", None)


def _open(path: str, max_size: int):
    if path == "-":
        from jzcli import safeio

        stream = None if safeio.stdin_closed() else _stdin()
        if stream is None:
            raise BadInput(_("stdin is closed: nothing to check (give --file DRAFT or pipe the draft in)"))
        try:
            st = os.fstat(stream.fileno())
        except (OSError, ValueError, AttributeError):
            return stream  # an in-memory stdin (tests): a stream like any other
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
            raise BadInput(_("draft {name} is not a regular file or a pipe").format(name=_("stdin")))
        if stat.S_ISREG(st.st_mode):
            _check_size(st.st_size, max_size, _("stdin"))
        return stream  # a terminal (typed in) is read like a pipe
    from jzcli.safeio import fs_path

    path = fs_path(path)  # the bytes typed, whatever the locale's file system encoding
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is None or not stat.S_ISFIFO(st.st_mode):  # a pipe (mkfifo, <(...)) is read; files.py refuses those
        files.check_file(path, "draft")
        _check_size(os.stat(path).st_size, max_size, path)
    try:
        return open(path, "rb")
    except OSError as exc:
        raise files._os_error(exc, path, "draft", BadInput) from None


def _check_size(size: int, max_size: int, name: str) -> None:
    if size > max_size:
        raise BadInput(_("draft {name} is {size}, more than the limit of {limit}: raise it with --max-size")
                       .format(name=name, size=show_size(size), limit=show_size(max_size)))


def _read_all(stream, max_size: int, name: str) -> bytes:
    """Every byte, in chunks; stops with BadInput as soon as there are more than `max_size` (/dev/zero)."""
    chunks, total = [], 0
    while True:
        try:
            data = stream.read(min(CHUNK, max_size + 1 - total))
        except OSError as exc:
            raise BadInput(_("cannot read draft {path}: {reason}").format(path=name, reason=files.os_reason(exc))) \
                from None
        if not data:
            return b"".join(chunks)
        total += len(data)
        if total > max_size:
            raise BadInput(_("draft {name} is more than the limit of {limit}: raise it with --max-size")
                           .format(name=name, limit=show_size(max_size)))
        chunks.append(data)


# ---------------------------------------------------------------- plain text

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def sniff_encoding(head: bytes, name: str) -> str:
    """The encoding of a draft that starts with `head` (BOM, else UTF-8, else GB18030), or BadInput."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise BadInput(_("draft {name} is UTF-32: save it as UTF-8").format(name=name))
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    if b"\x00" in head:
        if _looks_utf16(head):
            raise BadInput(_("draft {name} looks like UTF-16 without a BOM: give --encoding utf-16-le (or -be)")
                           .format(name=name))
        raise BadInput(_("draft {name} is a binary file, not text (a draft is .txt, .md or .docx)").format(name=name))
    for enc in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(enc)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not _mostly_text(head.decode("gb18030", "replace")):
            break
        return enc
    raise BadInput(_("draft {name} is a binary file, not text (a draft is .txt, .md or .docx)").format(name=name))


def _looks_utf16(head: bytes) -> bool:
    """NULs on one side only (the high byte of ASCII characters) and text when read as UTF-16."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if min(even, odd) * 4 > max(even, odd):  # CJK code units may have a NUL byte too, but rarely
        return False
    try:
        text = head[: len(head) // 2 * 2].decode("utf-16-le" if odd else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return _mostly_text(text)


def _mostly_text(text: str) -> bool:
    """GB18030 decodes much binary junk: demand that it reads as text (few controls, some CJK or ASCII)."""
    if not text:
        return True
    controls = sum(1 for c in text if (c < " " and c not in "\t\n\r\f") or "\x7f" <= c < "\xa0")
    return controls * 50 < len(text) and "\ufffd" not in text


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    enc = encoding or sniff_encoding(data[:SNIFF], name)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise BadInput(_("draft {name} is not valid {encoding} near byte {at}: give --encoding")
                       .format(name=name, encoding=enc, at=exc.start)) from None
    return text.lstrip("\ufeff")


def _split(text: str) -> Iterator[Line]:
    """Line by line, without copying the text (\n, \r\n or \r end a line; NUL reads as a space)."""
    number = 0
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text):
        number += 1
        line = m.group().rstrip("\r\n")
        if "\x00" in line:
            line = line.replace("\x00", " ")
        at = 0
        while len(line) - at > MAX_LINE:  # an endless line: pieces cut at a clause mark, with one line number
            cut = max(line.rfind(mark, at, at + MAX_LINE) for mark in "。！？!?；;，,") + 1
            cut = cut if cut > at else at + MAX_LINE
            yield Line(number, line[at:cut], offset=at)
            at = cut
        yield Line(number, line[at:], offset=at)


# ---------------------------------------------------------------- Markdown

_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)?")
_MD_INLINE = re.compile(
    r"!?\[(?P<label>[^\]]*)\]\([^)]*\)"   # [text](url), ![alt](src): the text stays
    r"|<[^>\n]+>"                          # <b>, <https://...>
    r"|(?P<mark>\*\*|__|\*|_(?=\S)|(?<=\S)_|`+|~~)"  # emphasis, code, strike-through markers
    r"|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$"  # a table's rule line
    r"|(?P<pipe>\|)"                       # table cell borders
    r"|\s#+\s*$"                           # closing hashes of a heading
)


def markdown_lines(lines) -> Iterator[Line]:
    """Markdown lines with their markup hidden: `text` is what a reader sees, `columns` where it stands."""
    fenced = False
    for line in lines:
        raw = line.text
        if _MD_FENCE.match(raw):
            fenced = not fenced
            yield Line(line.number, "", [])
            continue
        if fenced:  # code is not prose: nothing in it is checked
            yield Line(line.number, "", [])
            continue
        keep = [True] * len(raw)
        prefix = _MD_PREFIX.match(raw)
        for i in range(prefix.end() if prefix else 0):
            keep[i] = False
        for m in _MD_INLINE.finditer(raw, prefix.end() if prefix else 0):
            if m.group("label") is not None:
                start = m.start("label")
                for i in range(m.start(), m.end()):
                    keep[i] = start <= i < m.end("label")
            elif m.group("pipe") is not None:
                keep[m.start()] = False
                if m.start() > 0:  # a cell border is a pause between cells
                    keep[m.start()] = False
            else:
                for i in range(m.start(), m.end()):
                    keep[i] = False
        columns = [i for i, k in enumerate(keep) if k]
        text = "".join(raw[i] for i in columns)
        if "|" in raw and raw.strip().startswith("|"):
            text, columns = _cells(raw, columns)
        yield Line(line.number, text, columns)


def _cells(raw: str, columns: list[int]) -> tuple[str, list[int]]:
    """A table row: cells joined with a space (a row reads as one phrase: 实际利用外资 3700万美元)."""
    out, cols = [], []
    prev = None
    for i in columns:
        if prev is not None and "|" in raw[prev + 1: i] and out and out[-1] != " ":
            out.append(" ")
            cols.append(i)
        out.append(raw[i])
        cols.append(i)
        prev = i
    return "".join(out), cols


# ---------------------------------------------------------------- Word (.docx)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(data: bytes, name: str, max_size: int) -> list[Line]:
    """The paragraphs of a .docx (word/document.xml), one line each."""
    import io
    import zipfile
    from xml.etree.ElementTree import ParseError, iterparse

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        raise BadInput(_("draft {name} is not a Word .docx file (no word/document.xml)").format(name=name)) from None
    if info.file_size > 20 * max_size:  # a zip bomb is not a draft
        raise BadInput(_("draft {name} is more than the limit of {limit}: raise it with --max-size")
                       .format(name=name, limit=show_size(20 * max_size)))
    lines: list[Line] = []
    parts: list[str] = []
    try:
        with archive.open(info) as xml:
            for event, elem in iterparse(xml, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    if tag == _W + "p":
                        parts = []
                elif tag == _W + "t":
                    parts.append(elem.text or "")
                elif tag == _W + "tab":
                    parts.append("\t")
                elif tag in (_W + "br", _W + "cr"):
                    parts.append(" ")
                elif tag == _W + "p":
                    lines.append(Line(len(lines) + 1, "".join(parts)))
                    elem.clear()
    except (ParseError, zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        raise BadInput(_("draft {name} is a damaged .docx file: {reason}").format(name=name, reason=exc)) from None
    return lines
