"""Yes or no: the checker on a statement with a figure; otherwise the statement answered as an open question
and compared with what it says. "否" only where the article settles it."""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli.ask import weights as W
from jzcli.ask.base import OFFICE_KINDS, Base, date_fields, ev, make, show_date
from jzcli.ask.numbers import derived, figures
from jzcli.ask.question import (
    CONTRADICTED,
    SUPPORTED,
    UNKNOWN,
    Pattern,
    Question,
    bigrams,
    canon,
    check_sentence,
    combined_verdict,
    fact_span,
)
from jzcli.ask.when import DATES, cover, events_ranked
from jzcli.ask.which import attributes, lists

# ---------------------------------------------------------------- yes / no


YES_NO_ANSWER = {SUPPORTED: "是", CONTRADICTED: "否", UNKNOWN: "文章没有说"}


def verdicts(q: Question, base: Base) -> list[dict]:
    """吗 / 是否 / 有没有: the claim checker on the statement when it holds a figure; otherwise the statement
    is answered as an open question and the answer compared with what the statement says. "否" only when
    the article settles it (a closed list, a single-valued attribute, a date); else "文章没有说"."""
    statement = q.statement
    sq = Question(base.reader, statement)
    if q.figures:
        results = check_sentence(base.reader, statement)
        if results:
            verdict = combined_verdict(results)
            evidence = [e for r in results for e in r.evidence]
            reason = "; ".join(f"{r.figure.text}: {r.verdict} ({r.reason})" for r in results if r.figure)
            if verdict == UNKNOWN:
                got = _derived_verdict(sq, base, results)
                if got:
                    return got
            return [make("verdict", YES_NO_ANSWER[verdict], W.ATTRIBUTE_BASE, evidence, verdict=verdict, note=reason,
                         text=statement)]
    out = []
    # a date: the event's date against the statement's (the event is found by the words, dates left out)
    if sq.span is not None and not sq.span.present:
        undated = Question(base.reader, DATES.sub("", statement))
        for score, e in events_ranked(undated, base)[:1]:
            es = fact_span(_event_period(e), base.reader.as_of)
            if es is None or (score < W.EVENT_VERDICT_MIN and cover(undated, e) < W.EVENT_VERDICT_COVER):
                continue
            inside = sq.span.start <= es.start and es.end <= sq.span.end
            disjoint = es.end < sq.span.start or es.start > sq.span.end
            verdict = SUPPORTED if inside else CONTRADICTED if disjoint else UNKNOWN
            out.append(make("verdict", YES_NO_ANSWER[verdict], score, [ev(e)], verdict=verdict,
                            note=f"the article dates it {show_date(e, base)}", text=statement, **{
                                k: v for k, v in date_fields(e).items() if k != "note"}))
    said = set(sq.ids) | {h["id"] for h in base.honours if h["title"] in sq.canon}
    # a person's role as written
    for p in sq.records("person:"):
        parts = [x for x in re.split(r"[、，,]", p.get("role") or "") if x]
        rest = sq.canon.replace(canon(p["name"]), "")
        if parts and any(canon(x) in rest or re.sub(r"^.*(?:办事处|小区|社区)", "", canon(x)) in rest for x in parts):
            out.append(make("verdict", YES_NO_ANSWER[SUPPORTED], W.ATTRIBUTE_BASE, [ev(p)], verdict=SUPPORTED,
                            note=f"the article calls {p['name']} {p['role']}", text=statement))
    # an attribute of a named thing: the statement names its value, or another value of the same kind
    for a in attributes(sq, base, every=True):
        value_ids = set(a.get("_ids") or [])
        if not value_ids:
            continue
        if value_ids & said:
            out.append(_verdict(SUPPORTED, a, statement, f"the article says {a['subject']}: {a['answer']}"))
        else:
            rivals = [rid for rid in said if _same_kind(base, rid, value_ids) and rid not in q_subjects(a, base)]
            if rivals:
                out.append(_verdict(CONTRADICTED, a, statement,
                                    f"the article says {a['subject']}: {a['answer']}, not {base.name(rivals[0])}"))
    # a list: a member named (yes), a non-member of a closed list named (no), no member named (is it empty?)
    for a in lists(sq, base):
        if not a.get("_structured"):
            continue  # a list found by its words alone does not settle a statement
        ids = set(a.get("_ids") or [])
        universe = _universe(base, ids)
        named_here = {rid for rid in said if rid in universe}
        if ids & said:
            out.append(_verdict(SUPPORTED, a, statement, f"the article lists {a['answer']}", bonus=1))
        elif named_here and not a.get("_open"):
            out.append(_verdict(CONTRADICTED, a, statement, f"the article lists {a['answer']}; "
                                f"{'、'.join(base.name(r) for r in sorted(named_here))} is not on it"))
        elif not named_here and not (said - universe - base.reader.broad - ids) and _covered(sq, a, base):
            # 获得过国家级荣誉吗: no particular thing named, and the list is not empty. (国家卫生城市 is named:
            # a title of the city, not on the list: the article does not say the office won it.)
            out.append(_verdict(SUPPORTED, a, statement, f"the article lists {a['answer']}"))
    if not out:
        # 张公堰村是淇滨区最大的贫困村吗: every content word of the statement is in the named record's own quote
        grams = {g for g in bigrams(_GENERIC.sub("|", sq.masked)) if "|" not in g and "□" not in g}
        for rid in sorted(said - base.reader.broad):
            rec = base.fb.get(rid)
            if rec and len(grams) >= W.MIN_WORDS and len(grams - bigrams(canon(rec.get("quote")))) <= 1:
                out.append(make("verdict", YES_NO_ANSWER[SUPPORTED], W.ATTRIBUTE_BASE, [ev(rec)], verdict=SUPPORTED,
                                note=f"the article says it of {base.name(rid)}", text=statement))
                break
    if not out:
        # the nearest facts: what the article says of the things the statement names, else its list
        specific = said - base.reader.broad
        near = [make("event", e.get("event"), 0, [ev(e)]) for e in base.events
                if specific & set(e.get("mentions") or [])]
        near += lists(sq, base) + attributes(sq, base, every=True)
        for a in near[:1]:
            out.append(_verdict(UNKNOWN, a, statement, f"the article does not say; nearest: {a['answer']}",
                                score=W.UNKNOWN_SCORE))
    return out


def _derived_verdict(q: Question, base: Base, results) -> list[dict]:
    """A figure the checker cannot settle (用了7天, 占80.6%): the same statement asked as 多少, answered by
    arithmetic on the facts. Equal: supported; a different exact result: contradicted."""
    out = []
    for r in results:
        fig = r.figure
        if fig is None or r.verdict != UNKNOWN:
            continue
        asked = q.canon.replace(fig.text, "多少" + (fig.unit or ""), 1)
        qq = Question(base.reader, asked)
        for a in derived(qq, base, figures(qq, base))[:3]:
            d = a.get("derivation") or {}
            if a["unit"] != fig.unit or d.get("op") not in ("duration", "difference", "share", "ratio") \
                    or a["score"] < W.DERIVED_VERDICT_MIN:
                continue
            same = Decimal(str(a["value"])) == fig.value
            verdict = SUPPORTED if same else CONTRADICTED
            out.append(make("verdict", YES_NO_ANSWER[verdict], a["score"], a["evidence"], verdict=verdict,
                            derivation=d, value=a["value"], unit=a["unit"], text=q.canon,
                            note=f"{fig.text}: the article's figures give {d.get('formula')}"))
            break
    return out


def _verdict(verdict: str, a: dict, statement: str, note: str, bonus: float = 0, score: float | None = None) -> dict:
    return make("verdict", YES_NO_ANSWER[verdict], (a["score"] + bonus) if score is None else score, a["evidence"],
                verdict=verdict, members=a.get("members"), note=note, text=statement,
                **{k: a.get(k) for k in ("date", "end", "precision", "inferred") if a.get(k) is not None})


def q_subjects(a: dict, base: Base) -> set[str]:
    return set(a.get("_subject_ids") or [])


def _same_kind(base: Base, rid: str, value_ids: set[str]) -> bool:
    """Is rid a rival value of the same kind (an office for an office, a designation for a designation)?"""
    rec = base.fb.get(rid)
    for v in value_ids:
        other = base.fb.get(v)
        if rec is None or other is None or base.fb.table_of(rid) != base.fb.table_of(v):
            continue
        if rec.get("kind") == other.get("kind") or (rec.get("kind") in OFFICE_KINDS and other.get("kind") in OFFICE_KINDS):
            return True
    return False


def _universe(base: Base, ids: set[str]) -> set[str]:
    """The records a list's members are drawn from: the same table and kind (units: members of an office)."""
    out = set()
    for rid in ids:
        rec = base.fb.get(rid)
        table = base.fb.table_of(rid)
        if rec is None or table is None:
            continue
        for other in base.fb.records(table):
            if table == "units":
                if other.get("member") == rec.get("member") and other.get("kind") not in OFFICE_KINDS:
                    out.add(other["id"])
            elif other.get("kind") == rec.get("kind") and other.get("status", rec.get("status")) == rec.get("status"):
                out.add(other["id"])
    return out


_GENERIC = Pattern(r"获得过|获得|得到|过|了|的|有|是|被|曾经|曾|在|都|还|个|项|吗")


def _covered(q: Question, a: dict, base: Base) -> bool:
    """Does the list account for every content word of the statement? (获得过国家级荣誉: yes; 获得过全国文明城市
    称号: 文明城市 is on no member, so the article does not say.)"""
    text = _GENERIC.sub("|", q.masked)
    for word in a.get("_levels") or ():  # the level the list was filtered by
        text = text.replace(word, "|")
    text = re.sub(r"\d{4}年(?:度)?", "|", text)
    grams = {g for g in bigrams(text) if "|" not in g and "□" not in g}
    bag = set()
    for e in a["evidence"]:
        bag |= bigrams(canon(e.get("quote")))
    for m in a.get("members") or []:
        bag |= bigrams(canon(m))
    return len(grams - bag) <= 1


def _event_period(e: dict) -> str:
    d, end = e["date"], e.get("end")
    return f"{d}/{end}" if end else d
