"""`jzcli validate`: the deep check of a fact base against jzcli/schema.py (the cheap structural one runs on
every load). The one validator: `curation/build_facts.py` runs it on what it is about to write.
"""

from __future__ import annotations

import re

from jzcli import crosschecks, files, schema
from jzcli.errors import FactBaseError
from jzcli.factbase import FactBase, shape_problems, shape_spec
from jzcli.i18n import _
from jzcli.schema import references
from jzcli.text import squash

__all__ = ["MAX_QUOTE", "read_article", "references", "validate"]

MAX_QUOTE = 120  # characters, white space removed: a quote is a clause, not a paragraph
ID_FORM = re.compile(r"([a-z]+):[a-z0-9][a-z0-9-]*")


def read_article(path: str) -> str:
    """The article's text; a missing or unreadable article is a fact base problem (exit 3)."""
    return files.read_text(path, "article", FactBaseError)


def _allowed(fb: FactBase, enum: tuple | str) -> set | None:
    """The values a field with this enum may take (a tuple, or a list kept in the meta record); None when that
    list is itself broken (reported as the meta record's problem)."""
    if enum == "tables":
        return set(fb.tables)
    if enum == "meta.topics":
        topics = fb.meta.get("topics")
        return set(topics) if isinstance(topics, dict) else None
    if enum == "meta.bands":
        bands = fb.meta.get("bands")
        if not isinstance(bands, list) or not all(isinstance(b, dict) and isinstance(b.get("band"), str) for b in bands):
            return None
        return {b["band"] for b in bands}
    return set(enum)


def _quotes(table: str, rec: dict):
    """(label, quote) for the record and every object inside it that carries a quote."""
    yield rec["id"], rec.get("quote")
    for f in schema.fields_of(table):
        if f.type == "list[object]" and "quote" in {s.name for s in f.fields}:
            items = rec.get(f.name)
            for i, item in enumerate(items if isinstance(items, list) else []):  # a non-list: a shape problem
                if isinstance(item, dict):
                    yield f"{rec['id']}.{f.name}[{i}]", item.get("quote")


# Numbers past this magnitude are no figure of an article (the largest, in 元, is about 10^10) and break the
# arithmetic of shares and bars (a float holds at most about 10^308); 2^63 is also SQLite's integer range.
MAX_MAGNITUDE = 2 ** 63


def _magnitude_problems(fb: FactBase) -> list[str]:
    out = []
    for rows in fb.tables.values():
        for rec in rows:
            for key, value in rec.items():
                values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else (value,)
                for v in values:
                    if isinstance(v, (int, float)) and not isinstance(v, bool) and not -MAX_MAGNITUDE < v < MAX_MAGNITUDE:
                        out.append(_("{id}: field '{field}' holds a number too large for a figure ({value}…, at most 2^63)")
                                   .format(id=rec.get("id"), field=key, value=str(v)[:20]))
                        break
    return out


# The dates the queries and the checker compute with: an event's, and the article's own (`as_of`: how long ago)
DATE_FIELDS = {"events": ("date", "end"), "source": ("as_of",)}


def _date_problems(fb: FactBase, misshapen: set[str]) -> list[str]:
    """Dates that are no date (2018-02-30, "soon"): timeline would have to reject them, the checker could not
    count the years to them."""
    from jzcli.errors import BadInput
    from jzcli.queries import date_bounds

    out = []
    for table, fields in DATE_FIELDS.items():
        for rec in fb.records(table):
            if rec.get("id") in misshapen:
                continue
            for fld in fields:
                value = rec.get(fld)
                if isinstance(value, str):
                    try:
                        date_bounds(value)
                    except BadInput:
                        out.append(_("{id}: {field} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)").format(
                            id=rec["id"], field=fld, value=value))
    return out


def validate(fb: FactBase, source: str | None = None, article_text: str | None = None) -> list[str]:
    """Every problem of the fact base, one line each, starting with the record id (or the table)."""
    problems: list[str] = []
    if article_text is None and source:
        article_text = read_article(source)
    article = squash(article_text) if article_text is not None else None
    seen: dict[str, str] = {}
    misshapen: set[str] = set()  # records with a missing field or a field of the wrong type: reported once
    for table, rows in fb.tables.items():
        t = schema.TABLES.get(table)
        if t is None:
            problems.append(_("{table}: not a table of this schema").format(table=table))
            continue
        if t.single and len(rows) != 1:
            problems.append(_("{table}: holds {n} records, expected exactly one").format(table=table, n=len(rows)))
        elif not rows and not t.may_be_empty:
            problems.append(_("{table}: table is empty").format(table=table))
        spec = shape_spec(table)
        for rec in rows:
            rid = rec.get("id")
            if not isinstance(rid, str) or not rid:
                problems.append(_("{table}: a record has no string 'id'").format(table=table))
                continue
            if rid in seen:
                problems.append(_("{id}: duplicate id (in {first} and {table})").format(id=rid, first=seen[rid], table=table))
            seen[rid] = table
            m = ID_FORM.fullmatch(rid)
            if not m or m.group(1) != t.prefix:
                problems.append(_("{id}: id is not of the form {prefix}:<ascii slug>").format(id=rid, prefix=t.prefix))
            shape = shape_problems(spec, rec)
            if shape:
                misshapen.add(rid)
            problems += [_("{id}: {problem}").format(id=rid, problem=p) for p in shape]
            problems += [_("{id}: unknown field '{field}' (not in the schema of {table})").format(id=rid, field=k, table=table)
                         for k in rec if k != "id" and k not in t.by_name]
            problems += _enum_problems(fb, t, rec)
            problems += _quote_problems(table, rec, article)
    for table, rows in fb.tables.items():
        for rec in rows:
            problems += _reference_problems(fb, table, rec, seen)
    problems += _figure_problems(fb)
    problems += _date_problems(fb, misshapen)
    problems += _magnitude_problems(fb)
    for check in fb.records("checks"):
        if check.get("id") in misshapen:
            continue
        result = crosschecks.evaluate(fb, check)
        if "error" in result:
            problems.append(_("{id}: {problem}").format(id=check["id"], problem=crosschecks.shown(result["error"])))
        elif result["holds"] != check.get("holds"):
            problems.append(_("{id}: recorded holds={holds} but {arithmetic}").format(
                id=check["id"], holds=check.get("holds"), arithmetic=crosschecks.shown(result["arithmetic"])))
        if check.get("kind") == "count":
            problems += [_("{id}: item {item!r} is not in table {table!r}").format(
                id=check["id"], item=i, table=check.get("table"))
                         for i in check.get("items") or [] if seen.get(i, check.get("table")) != check.get("table")]
    for table in schema.TABLES:
        if table not in fb.tables:
            problems.append(_("{table}: table is missing").format(table=table))
    return problems


def _enum_problems(fb: FactBase, t: schema.Table, rec: dict) -> list[str]:
    out = []
    for f in t.fields:
        value = rec.get(f.name)
        if f.type == "list[object]" and isinstance(value, list):  # the enums of its objects' fields
            inner = schema.Table(t.name, t.kind, t.prefix, t.doc, f.fields)
            out += [p.replace(f"{rec['id']}: ", f"{rec['id']}.{f.name}[{i}]: ", 1) for i, item in enumerate(value)
                    if isinstance(item, dict) for p in _enum_problems(fb, inner, {"id": rec["id"], **item})]
        if f.enum is None or value is None:
            continue
        allowed = _allowed(fb, f.enum)
        if allowed is None:
            continue
        for v in (value if isinstance(value, list) else ()) if f.type == "list[str]" else (value,):
            if isinstance(v, str) and v not in allowed:  # a value of the wrong type is reported as such
                out.append(_("{id}: field '{field}' is {value!r}, not one of {allowed}").format(
                    id=rec["id"], field=f.name, value=v, allowed=", ".join(sorted(map(str, allowed)))))
    return out


def _quote_problems(table: str, rec: dict, article: str | None) -> list[str]:
    out = []
    for label, quote in _quotes(table, rec):
        if not isinstance(quote, str):
            continue  # reported by the type check
        if not quote.strip():
            out.append(_("{id}: empty quote").format(id=label))
        elif len(squash(quote)) > MAX_QUOTE:
            out.append(_("{id}: quote longer than {n} characters: {quote!r}").format(id=label, n=MAX_QUOTE, quote=quote[:40]))
        elif article is not None and squash(quote) not in article:
            out.append(_("{id}: quote not found in the article: {quote!r}").format(id=label, quote=quote[:40]))
    # the wording of a figure / non-figure must stand in its own quote; an honour's in the article
    own = [(rec["id"], rec.get("text"), rec.get("quote"))] if table == "figures" else []
    own += [(f"{rec['id']}.non_figures[{i}]", nf.get("text"), nf.get("quote"))
            for i, nf in enumerate(rec.get("non_figures") or []) if isinstance(nf, dict)] if table == "meta" else []
    for label, text, quote in own:
        if isinstance(text, str) and isinstance(quote, str) and squash(text) not in squash(quote):
            out.append(_("{id}: wording {text!r} not found in its quote").format(id=label, text=text))
    if table == "honours" and article is not None and isinstance(rec.get("text"), str) \
            and squash(rec["text"]) not in article:
        out.append(_("{id}: wording {text!r} not found in the article").format(id=rec["id"], text=rec["text"]))
    return out


def _reference_problems(fb: FactBase, table: str, rec: dict, seen: dict[str, str]) -> list[str]:
    out = []
    by_name = schema.TABLES[table].by_name if table in schema.TABLES else {}
    for fld, ref in references(table, rec):
        target = seen.get(ref)
        if target is None:
            out.append(_("{id}: reference {ref!r} does not resolve").format(id=rec["id"], ref=ref))
            continue
        top, _dot, inner = fld.partition(".")
        f = by_name.get(top)
        if f is not None and inner:
            f = next((s for s in f.fields if s.name == inner), None)
        if f is not None and f.ref not in (None, schema.ANY) and f.ref != target:
            out.append(_("{id}: field '{field}' points to {ref!r} in {target}, expected a record of {expected}").format(
                id=rec["id"], field=fld, ref=ref, target=target, expected=f.ref))
    return out


def _figure_problems(fb: FactBase) -> list[str]:
    """Two figures of one subject must differ in their keywords (the checker tells them apart by them)."""
    seen: dict[tuple, list[str]] = {}
    for f in fb.records("figures"):
        keywords = f.get("keywords")
        if isinstance(keywords, list) and all(isinstance(k, str) for k in keywords):
            seen.setdefault((f.get("subject"), frozenset(keywords)), []).append(f["id"])
    return [_("{id}: same subject and keywords as {other}").format(id=ids[1], other=ids[0])
            for ids in seen.values() if len(ids) > 1]
