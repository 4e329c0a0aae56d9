"""`jzcli validate`: the deep check of a fact base (the cheap structural one runs on every load)."""

from __future__ import annotations

import re
from pathlib import Path

from jzcli import crosschecks
from jzcli.errors import FactBaseError
from jzcli.factbase import FIELD_TYPES, FactBase

# Fields that hold ids of other records.
REF_FIELDS = ("mentions", "oddities", "affects", "subject", "parent", "office", "unit", "part_of",
              "terms", "equals", "numerator", "denominator", "expected", "items")
COMMON = ("id", "quote", "mentions", "oddities", "note")


def squash(text: str) -> str:
    """The article with layout breaks undone: quotes are compared with all white space removed."""
    return re.sub(r"\s+", "", text)


def read_article(path: str) -> str:
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FactBaseError(f"article not found: {path}") from None
    except IsADirectoryError:
        raise FactBaseError(f"article is a directory: {path}") from None
    except UnicodeDecodeError:
        raise FactBaseError(f"article is not UTF-8 text: {path}") from None
    except OSError as exc:
        raise FactBaseError(f"cannot read article {path}: {exc.strerror or exc}") from None


def _refs(rec: dict, table: str) -> list[str]:
    out: list[str] = []
    for fld in REF_FIELDS:
        if fld == "unit" and table == "figures":
            continue  # a figure's `unit` is its unit of measure (元, 栋), not a reference
        v = rec.get(fld)
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            out.extend(x for x in v if isinstance(x, str))
    for h in rec.get("history") or []:
        if isinstance(h, dict) and isinstance(h.get("office_id"), str):
            out.append(h["office_id"])
    return out


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
            for ref in _refs(rec, table):
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
