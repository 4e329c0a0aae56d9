"""Pure query functions over a FactBase: arguments in, records out. No printing here."""

from __future__ import annotations

import re

from jzcli import names
from jzcli.errors import BadInput, FactBaseError
from jzcli.factbase import FactBase
from jzcli.i18n import _
from jzcli.lazyre import lazy
from jzcli.schema import TABLES, kind_of, references
from jzcli.text import squash

# Reference fields that make a record one of the facts *about* another (`community`'s facts).
ABOUT = ("subject", "unit", "parent", "mentions", "affects")
# Reference fields that make a check use a record.
CHECK_INPUTS = ("terms", "equals", "numerator", "denominator", "expected", "items")

OFFICE_KINDS = ("办事处", "筹建办")
LEVELS = {"国家": "国家", "全国": "国家", "国家级": "国家", "国": "国家", "省": "省", "省级": "省", "市": "市", "市级": "市"}


# ---------------------------------------------------------------- projects

MATCH_ORDER = {"certain": 0, "borderline": 1, "undecidable": 2}


def _match_min(lo: int | None, hi: int | None, bound: int) -> str | None:
    """How a band [lo, hi] (None = open) relates to `value >= bound`."""
    if lo is not None and lo >= bound:
        return "certain"
    if hi is not None and hi < bound:
        return None
    if hi is not None and hi == bound:
        return "borderline"
    return "undecidable"


def _match_max(lo: int | None, hi: int | None, bound: int) -> str | None:
    """How a band [lo, hi] relates to `value <= bound`."""
    if hi is not None and hi <= bound:
        return "certain"
    if lo is not None and lo > bound:
        return None
    if lo is not None and lo == bound:
        return "borderline"
    return "undecidable"


def classify(investment: dict | None, min_: int | None, max_: int | None) -> str | None:
    """certain / borderline / undecidable, or None when the project cannot satisfy the filter."""
    if investment is None:
        return None
    lo, hi = investment.get("min"), investment.get("max")
    results = []
    if min_ is not None:
        results.append(_match_min(lo, hi, min_))
    if max_ is not None:
        results.append(_match_max(lo, hi, max_))
    if any(r is None for r in results):
        return None
    return max(results, key=MATCH_ORDER.__getitem__)


class ProjectResult:
    """The listed projects, and how many were left out by status (not shown without --maybe)."""

    __slots__ = ("rows", "left_out")

    def __init__(self, rows: list[dict], left_out: dict[str, int] | None = None) -> None:
        self.rows = rows
        self.left_out = {} if left_out is None else left_out


def projects(fb: FactBase, min_: int | None = None, max_: int | None = None, maybe: bool = False,
             sort: str | None = None, status: str | None = None) -> ProjectResult:
    if min_ is not None and max_ is not None and min_ > max_:
        raise BadInput(_("--min ({min}) is larger than --max ({max})").format(min=min_, max=max_))
    rows = fb.records("projects")
    if status:
        known = sorted({p.get("status") for p in rows})
        if status not in known:
            raise BadInput(_("unknown status {value!r}: choose one of {choices}").format(value=status,
                                                                                       choices=", ".join(known)))
        rows = [p for p in rows if p.get("status") == status]
    result = ProjectResult([])
    if min_ is None and max_ is None:
        result.rows = [dict(p) for p in rows]
    else:
        for p in rows:
            match = classify(p.get("investment"), min_, max_)
            if match is None:
                continue
            if match != "certain" and not maybe:
                result.left_out[match] = result.left_out.get(match, 0) + 1
                continue
            result.rows.append({**p, "match": match})
    if sort == "name":
        result.rows.sort(key=lambda p: (_pinyin_key(p), p["name"]))
    elif sort == "invest":
        result.rows.sort(key=_invest_key)
    return result


def _pinyin_key(rec: dict) -> str:
    full = (rec.get("pinyin") or {}).get("full") or [""]
    return full[0]


def _invest_key(p: dict) -> tuple:
    """Largest band first; projects with no amount last."""
    inv = p.get("investment")
    if inv is None:
        return (1, 0, 0, p["name"])
    lo = inv.get("min") if inv.get("min") is not None else 0
    hi = inv.get("max") if inv.get("max") is not None else float("inf")
    return (0, -lo, -hi, p["name"])


# ---------------------------------------------------------------- units

def offices(fb: FactBase) -> list[dict]:
    return [u for u in fb.records("units") if u.get("kind") in OFFICE_KINDS]


def units(fb: FactBase) -> list[dict]:
    """Everything a person may look up with `community`: communities, villages, compounds; not offices."""
    return [u for u in fb.records("units") if u.get("kind") not in OFFICE_KINDS]


def check_month(text: str, option: str = "--as-of") -> str:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise BadInput(_("{option} takes a month as YYYY-MM, got {text!r}").format(option=option, text=text))
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def office_at(unit: dict, month: str | None) -> dict | None:
    """The history entry in force at `month` (YYYY-MM); the current one when month is None."""
    for entry in unit.get("history") or []:
        start, end = entry.get("from"), entry.get("to")
        if month is None:
            if end is None:
                return entry
            continue
        if (start is None or start <= month) and (end is None or month < end):
            return entry
    return None


def mentions_of(fb: FactBase, record_id: str) -> list[dict]:
    """Every record that is about or names `record_id`, with its kind, a display text and its quote."""
    out = []
    for table, rows in fb.tables.items():
        if table in ("meta", "source"):
            continue
        for rec in rows:
            if rec["id"] == record_id:
                continue
            if any(ref == record_id for _, ref in references(table, rec, ABOUT)):
                out.append({"id": rec["id"], "kind": kind_of(table), "text": display_text(table, rec),
                            "quote": rec.get("quote", "")})
    return out


_SLOT = lazy(r"\{([a-z_|]+)\}")


def display_text(table: str, rec: dict) -> str:
    """One line that says what a record is, for lists of mixed records: the table's `display` (schema.py)."""
    t = TABLES.get(table)
    parts = t.display if t is not None else ("{name}",)
    out = []
    for part in parts:
        text, shown = part, False
        for slot in _SLOT.findall(part):
            value = next((rec[f] for f in slot.split("|") if rec.get(f) not in (None, "")), None)
            text = text.replace("{" + slot + "}", "" if value is None else str(value))
            shown = shown or value is not None
        if shown:  # a part whose fields are all null is left out
            out.append(text)
    return "".join(out).strip() or rec["id"]


def community(fb: FactBase, query: str) -> dict:
    unit = names.resolve(query, units(fb), what="unit")
    now = office_at(unit, None)
    return {
        "id": unit["id"],
        "name": unit["name"],
        "short": unit.get("short"),
        "kind": unit["kind"],
        "member": unit["member"],
        "office": now.get("office") if now else None,
        "history": [{"office": h.get("office"), "from": h.get("from"), "to": h.get("to"), "quote": h.get("quote")}
                    for h in unit.get("history") or []],
        "designations": unit.get("designations") or [],
        "aliases": unit.get("aliases") or [],
        "parent": fb.name_of(unit.get("parent")),
        "flags": unit.get("flags") or [],
        "note": unit.get("note"),
        "quote": unit["quote"],
        "oddities": [fb.get(o) for o in unit.get("oddities") or [] if fb.get(o)],
        "facts": mentions_of(fb, unit["id"]),
    }


def resolve_office(fb: FactBase, query: str) -> dict:
    return names.resolve(query, offices(fb), what="office")


def communities(fb: FactBase, office: str | None = None, as_of: str | None = None,
                include_all: bool = False) -> list[dict]:
    month = check_month(as_of) if as_of else None
    office_rec = resolve_office(fb, office) if office else None
    rows = []
    for u in units(fb):
        if not include_all and not u.get("member"):
            continue
        entry = office_at(u, month)
        if month is not None and entry is None:
            continue
        office_name = entry.get("office") if entry else None
        if office_rec is not None and (entry is None or entry.get("office_id") != office_rec["id"]):
            continue
        rows.append({"id": u["id"], "name": u["name"], "short": u.get("short"), "kind": u["kind"],
                     "office": office_name, "member": u["member"], "designations": u.get("designations") or [],
                     "quote": u["quote"]})
    return rows


def change_months(fb: FactBase) -> list[str]:
    """The months at which some unit's office changed (founding first)."""
    months = {h.get("from") for u in units(fb) if u.get("member") for h in u.get("history") or []}
    return sorted(m for m in months if m)


def tree(fb: FactBase, as_of: str | None = None) -> list[dict]:
    """Office → units snapshots: at `as_of`, or at every month the assignment changed (before/after)."""
    months = [check_month(as_of)] if as_of else change_months(fb)
    snapshots = []
    for month in months:
        groups: dict[str, list[dict]] = {}
        for row in communities(fb, as_of=month):
            groups.setdefault(row["office"] or "?", []).append({"name": row["name"], "kind": row["kind"]})
        snapshots.append({"as_of": month, "offices": [{"office": k, "units": v} for k, v in groups.items()]})
    return snapshots


# ---------------------------------------------------------------- honours, figures, people

def check_year(text: str) -> int:
    t = text.strip()
    if not re.fullmatch(r"\d{4}", t):
        raise BadInput(_("a year has four digits, got {text!r}").format(text=text))
    return int(t)


def honours(fb: FactBase, year: str | None = None, level: str | None = None) -> list[dict]:
    rows = fb.records("honours")
    if year is not None:
        y = check_year(year)
        rows = [h for h in rows if h.get("year") == y]
    if level is not None:
        lv = LEVELS.get(level.strip())
        if lv is None:
            raise BadInput(_("unknown level {value!r}: choose one of 国家, 省, 市").format(value=level))
        rows = [h for h in rows if h.get("level") == lv]
    return [dict(h) for h in rows]


def topics(fb: FactBase) -> dict[str, str]:
    return dict(fb.meta.get("topics") or {})


def resolve_topic(fb: FactBase, query: str) -> str:
    table = topics(fb)
    q = names.fold(query)
    for slug, label in table.items():
        if q in (names.fold(slug), names.fold(label)):
            return slug
    used = sorted({f.get("topic") for f in fb.records("figures")} | set(table))
    if q in used:
        return q
    choices = ", ".join(f"{s} ({table[s]})" if s in table else s for s in used)
    raise BadInput(_("unknown topic {value!r}: choose one of {choices}").format(value=query, choices=choices))


def subjects(fb: FactBase) -> list[dict]:
    """Records that figures are about (units, projects, people ...), for --subject."""
    ids = {f.get("subject") for f in fb.records("figures")}
    return [rec for rid in sorted(i for i in ids if i) if (rec := fb.get(rid)) is not None and rec.get("name")]


def figures(fb: FactBase, topic: str | None = None, subject: str | None = None,
            unit: str | None = None) -> list[dict]:
    rows = fb.records("figures")
    if topic is not None:
        slug = resolve_topic(fb, topic)
        rows = [f for f in rows if f.get("topic") == slug]
    if subject is not None:
        rec = names.resolve(subject, subjects(fb), what="subject")
        rows = [f for f in rows if f.get("subject") == rec["id"]]
    if unit is not None:
        u = names.fold(unit)
        known = sorted({f.get("unit") for f in fb.records("figures")})
        if u not in {names.fold(k) for k in known}:
            raise BadInput(_("unknown unit {value!r}: the figures use {choices}").format(value=unit,
                                                                                       choices=", ".join(known)))
        rows = [f for f in rows if names.fold(f.get("unit") or "") == u]
    return [dict(f) for f in rows]


def people(fb: FactBase) -> list[dict]:
    return [dict(p) for p in fb.records("people")]


# ---------------------------------------------------------------- timeline

_DATE = lazy(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def date_bounds(text: str, option: str = "date") -> tuple[str, str]:
    """'2017' → (2017-01-01, 2017-12-31); '2018-07' → the month; '2018-07-05' → the day."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        raise BadInput(_("{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}").format(
            option=option, text=text))
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo is None:
        return f"{y}-01-01", f"{y}-12-31"
    month = int(mo)
    if not 1 <= month <= 12:
        raise BadInput(_("{option}: no month {month} in {text!r}").format(option=option, month=month, text=text))
    year = int(y)
    last = 28 if month == 2 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else _DAYS[month - 1]
    if d is None:
        return f"{y}-{month:02d}-01", f"{y}-{month:02d}-{last:02d}"
    day = int(d)
    if not 1 <= day <= last:
        raise BadInput(_("{option}: no day {day} in month {month} ({text!r})").format(option=option, day=day,
                                                                                        month=month, text=text))
    return f"{y}-{month:02d}-{day:02d}", f"{y}-{month:02d}-{day:02d}"


def _event_bounds(ev: dict) -> tuple[str, str]:
    try:
        start = date_bounds(ev["date"])[0]
        end = date_bounds(ev.get("end") or ev["date"])[1]
    except BadInput as exc:  # the fact base's date, not the user's: exit 3 (validate reports it too)
        raise FactBaseError(f"event {ev.get('id')!r}: {exc}") from None
    return start, end


def timeline(fb: FactBase, year: str | None = None, from_: str | None = None, to: str | None = None) -> list[dict]:
    if year is not None and (from_ is not None or to is not None):
        raise BadInput(_("use either YEAR or --from/--to, not both"))
    lo, hi = "0000-01-01", "9999-12-31"
    if year is not None:
        lo, hi = date_bounds(str(check_year(year)), "YEAR")
    if from_ is not None:
        lo = date_bounds(from_, "--from")[0]
    if to is not None:
        hi = date_bounds(to, "--to")[1]
    if lo > hi:
        raise BadInput(_("--from ({start}) is after --to ({end})").format(start=from_, end=to))
    rows = []
    for ev in fb.records("events"):
        start, end = _event_bounds(ev)
        if end >= lo and start <= hi:
            rows.append(dict(ev))
    rows.sort(key=lambda e: (_event_bounds(e), e["id"]))
    return rows


# ---------------------------------------------------------------- search

def search(fb: FactBase, text: str) -> list[dict]:
    q = text.strip()
    if not q:
        raise BadInput(_("empty search text"))
    needle = names.fold(q)
    hits = []
    for table, rows in fb.tables.items():
        if table == "meta":
            continue
        t = TABLES.get(table)
        kind = kind_of(table)
        fields = t.searchable() if t is not None else ("name", "quote")
        for rec in rows:
            for fld in fields:
                value = rec.get(fld)
                if isinstance(value, str) and needle in names.fold(value):
                    hits.append({"id": rec["id"], "kind": kind, "field": fld, "text": display_text(table, rec),
                                 "quote": rec.get("quote", "")})
                    break
    return hits


# ---------------------------------------------------------------- overview

def overview(fb: FactBase) -> dict:
    """Key figures and progress bars, computed from the figures' `part_of` links and the ratio checks."""
    figs = {f["id"]: f for f in fb.records("figures")}
    progress = []
    for f in fb.records("figures"):
        total = figs.get(f.get("part_of") or "")
        if total and total.get("value"):
            progress.append({"id": f["id"], "label": f"{f.get('subject_name', '')} {f['metric']}".strip(),
                             "value": f["value"], "total": total["value"], "unit": f["unit"],
                             "total_id": total["id"], "share": round(100 * f["value"] / total["value"], 1),
                             "text": f"{f['text']} / {total['text']}", "quote": f["quote"]})
    key = [dict(f) for f in fb.records("figures") if f.get("key")]
    src = fb.source
    counts = {t: len(rows) for t, rows in fb.tables.items() if t not in ("meta", "source")}
    return {"id": src.get("id", "source"), "title": src.get("title"), "place": src.get("place"),
            "as_of": src.get("as_of"), "quote": src.get("quote", ""), "counts": counts,
            "key_figures": key, "progress": progress}


# ---------------------------------------------------------------- show

_SENTENCE_END = "。！？!?"


def sentence_around(article: str, quote: str) -> str | None:
    """The sentence of the article that holds `quote` (white space removed, as quotes are matched)."""
    text, q = squash(article), squash(quote)
    at = text.find(q) if q else -1
    if at == -1:
        return None
    start = max(text.rfind(c, 0, at) for c in _SENTENCE_END) + 1
    ends = [i for i in (text.find(c, at + len(q)) for c in _SENTENCE_END) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end]


def show(fb: FactBase, record_id: str, article: str | None = None) -> dict:
    from jzcli.errors import NotFound

    rec = fb.get(record_id.strip())
    if rec is None:
        hits = [rid for rid in fb.by_id if rid.startswith(record_id.strip())] if record_id.strip() else []
        if len(hits) == 1:
            rec = fb.get(hits[0])
        elif len(hits) > 1:
            raise BadInput(_("id {id!r} is ambiguous: {ids}").format(id=record_id, ids=", ".join(hits[:10]))
                           + (" ..." if len(hits) > 10 else ""))
        else:
            import difflib

            close = difflib.get_close_matches(record_id, list(fb.by_id), n=3, cutoff=0.6)
            hint = _("; did you mean {names}?").format(names=", ".join(close)) if close else ""
            raise NotFound(_("no record with id {id!r}{hint}").format(id=record_id, hint=hint))
    rid = rec["id"]
    checks = [c["id"] for c in fb.records("checks")
              if any(ref == rid for _, ref in references("checks", c, CHECK_INPUTS))]
    odd = sorted({*(rec.get("oddities") or []), *(o["id"] for o in fb.records("oddities") if rid in (o.get("affects") or []))})
    out = {**rec, "table": fb.table_of(rid), "checks": checks,
           "oddity_records": [fb.get(o) for o in odd if fb.get(o)]}
    if article is not None:
        out["context"] = sentence_around(article, rec.get("quote", ""))
    return out
