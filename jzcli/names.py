"""Finding a record by the name a person types: full or short name, alias, prefix, substring, pinyin.

Pinyin (full and initials) is precomputed into the fact base, so no pinyin library is imported here.
The resolver only looks at the records it is given: `community` hands it units, `--office` offices, so a
word that only appears inside another kind of name (东方 in 东方颐养园项目) never matches a unit.
"""

from __future__ import annotations

from collections.abc import Iterable

from jzcli.errors import BadInput, NotFound
from jzcli.i18n import N_, _
from jzcli.text import fold

# Generic suffixes a person may leave off or add: 凤凰城 = 凤凰城社区, 崔庄 = 崔庄村.
SUFFIXES = ("办事处筹建办", "办事处", "筹建办", "社区", "小区", "项目", "村", "乡")




def _strip_suffix(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def spellings(rec: dict) -> list[str]:
    """Every written form of a record's name, folded: name, short form, aliases, and each without suffix."""
    forms: list[str] = []
    for raw in [rec.get("name"), rec.get("short"), *(rec.get("aliases") or [])]:
        if not raw:
            continue
        for form in (fold(raw), fold(_strip_suffix(raw))):
            if form and form not in forms:
                forms.append(form)
    return forms


def pinyin_forms(rec: dict) -> list[str]:
    py = rec.get("pinyin") or {}
    return [fold(p) for p in [*(py.get("full") or []), *(py.get("initials") or [])] if p]


def _unique(records: Iterable[dict]) -> list[dict]:
    seen: set[str] = set()
    out = []
    for rec in records:
        if rec["id"] not in seen:
            seen.add(rec["id"])
            out.append(rec)
    return out


def candidates(query: str, records: list[dict]) -> list[dict]:
    """The best-matching records for `query`, in the first tier that has any match.

    Tiers: exact spelling → exact pinyin → part of a spelling (prefix or substring) → pinyin prefix. An
    empty list when nothing matches; more than one record when the query is ambiguous within its tier
    (鹤 is part of 桂鹤, 鹤翔 and 金鹤).
    """
    q = fold(query)
    if not q:
        return []
    qs = fold(_strip_suffix(q))
    spelled = [(rec, spellings(rec)) for rec in records]
    hits = _unique(rec for rec, sp in spelled if q in sp or qs in sp)
    if hits:  # the usual case: a name as written; pinyin is not even looked at
        return hits
    forms = [(rec, sp, pinyin_forms(rec)) for rec, sp in spelled]
    tiers = (
        lambda sp, py: q in py,
        lambda sp, py: any(q in s or qs in s for s in sp),
        lambda sp, py: q.isascii() and any(p.startswith(q) for p in py),
    )
    for test in tiers:
        hits = _unique(rec for rec, sp, py in forms if test(sp, py))
        if hits:
            return hits
    return []


WHAT = (N_("unit"), N_("office"), N_("subject"))  # the kinds of names resolve() is asked for


def resolve(query: str, records: list[dict], what: str = "unit") -> dict:
    """Exactly one record for `query`, or NotFound (exit 1, with "did you mean") / BadInput (exit 2, ambiguous)."""
    if not fold(query):
        raise BadInput(_("empty {what} name").format(what=_(what)))
    hits = candidates(query, records)
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        names = "、".join(h["name"] for h in hits[:12])
        more = _(" and {n} more").format(n=len(hits) - 12) if len(hits) > 12 else ""
        raise BadInput(_("{what} name {query!r} is ambiguous: {names}{more}; type more of the name").format(
            what=_(what), query=query, names=names, more=more))
    raise NotFound(_("no {what} named {query!r}{hint}").format(what=_(what), query=query,
                                                              hint=did_you_mean(query, records)))


def did_you_mean(query: str, records: list[dict]) -> str:
    import difflib

    q = fold(query)
    if not q or len(q) > 200:
        return ""
    scored: list[tuple[float, str]] = []
    for rec in records:
        best = 0.0
        for form in spellings(rec) + pinyin_forms(rec):
            if q.isascii() != form.isascii():
                continue
            best = max(best, difflib.SequenceMatcher(None, q, form).ratio())
        if best >= 0.5:
            scored.append((best, rec["name"]))
    if not scored:
        return ""
    scored.sort(key=lambda t: -t[0])
    return _("; did you mean {names}?").format(names="、".join(name for _score, name in scored[:3]))


def complete(incomplete: str, records: list[dict]) -> list[str]:
    """Shell completion. Typer keeps only candidates that start with what was typed, so Chinese input
    completes to names (凤 → 凤凰城社区) and pinyin input to the pinyin spelling (fengh → fenghuangchengshequ),
    which `community` resolves like the name."""
    q = fold(incomplete)
    out = []
    for rec in records:
        if not q or any(s.startswith(q) for s in spellings(rec)):
            out.append(rec["name"])
        elif q.isascii():
            full = [p for p in (rec.get("pinyin") or {}).get("full") or [] if p.startswith(q)]
            if full:
                out.append(full[0])
    return out
