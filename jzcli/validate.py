"""`jzcli validate`: the deep check of a fact base (the cheap structural one runs on every load)."""

from __future__ import annotations

from collections.abc import Iterator

from jzcli import crosschecks, files
from jzcli.errors import FactBaseError
from jzcli.factbase import FIELD_TYPES, FactBase
from jzcli.text import squash

# Fields that hold ids of other records, per table ("*": every table). A figure's `unit` is its unit of
# measure (元, 栋), not a reference; a unit's `history` entries hold theirs in `office_id`.
REF_FIELDS = {
    "*": ("mentions", "oddities"),
    "units": ("parent", "office", "history.office_id"),
    "figures": ("subject", "part_of"),
    "people": ("unit",),
    "places": ("unit",),
    "checks": ("terms", "equals", "numerator", "denominator", "expected", "items"),
    "oddities": ("affects",),
}
COMMON = ("id", "quote", "mentions", "oddities", "note")


def read_article(path: str) -> str:
    """The article's text; a missing or unreadable article is a fact base problem (exit 3)."""
    return files.read_text(path, "article", FactBaseError)


def references(table: str, rec: dict, fields: tuple[str, ...] | None = None) -> Iterator[tuple[str, str]]:
    """The one walk over a record's references: (field, id) for every id it holds (nulls skipped).

    `fields` limits the walk to some fields; nested fields are written `history.office_id`."""
    for fld in (*REF_FIELDS["*"], *REF_FIELDS.get(table, ())):
        if fields is not None and fld not in fields:
            continue
        top, _, inner = fld.partition(".")
        value = rec.get(top)
        if inner:
            value = [v.get(inner) for v in value or () if isinstance(v, dict)]
        for v in value if isinstance(value, list) else (value,):
            if isinstance(v, str):
                yield fld, v


def validate(fb: FactBase, source: str | None = None) -> list[str]:
    problems: list[str] = []
    article = squash(read_article(source)) if source else None
    seen: dict[str, str] = {}
    for table, rows in fb.tables.items():
        for rec in rows:
            rid = rec["id"]
            if rid in seen:
                problems.append(f"{rid}: duplicate id (in {seen[rid]} and {table})")
            seen[rid] = table
            for fld in COMMON:
                if fld not in rec:
                    problems.append(f"{rid}: missing field '{fld}'")
            if not rec.get("quote", "").strip():
                problems.append(f"{rid}: empty quote")
            elif article is not None and squash(rec["quote"]) not in article:
                problems.append(f"{rid}: quote not found in the article: {rec['quote'][:40]!r}")
            for h in rec.get("history") or []:
                if article is not None and isinstance(h, dict) and h.get("quote") and squash(h["quote"]) not in article:
                    problems.append(f"{rid}: history quote not found in the article: {h['quote'][:40]!r}")
            if table in ("units", "projects"):
                py = rec.get("pinyin")
                if not isinstance(py, dict) or not py.get("full") or not py.get("initials"):
                    problems.append(f"{rid}: missing precomputed pinyin")
    for table, rows in fb.tables.items():
        for rec in rows:
            for _fld, ref in references(table, rec):
                if ref not in seen:
                    problems.append(f"{rec['id']}: reference {ref!r} does not resolve")
    topics = fb.meta.get("topics") or {}
    for f in fb.records("figures"):
        if topics and f.get("topic") not in topics:
            problems.append(f"{f['id']}: topic {f.get('topic')!r} is not one of meta.topics")
    for check in fb.records("checks"):
        result = crosschecks.evaluate(fb, check)
        if "error" in result:
            problems.append(f"{check['id']}: {result['error']}")
        elif result["holds"] != check.get("holds"):
            problems.append(f"{check['id']}: recorded holds={check.get('holds')} but {result['arithmetic']}")
    for table in FIELD_TYPES:
        if not fb.records(table) and table not in ("checks", "oddities"):
            problems.append(f"{table}: table is empty")
    return problems
