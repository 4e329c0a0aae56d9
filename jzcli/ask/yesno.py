"""Yes or no: the checker on a statement with a figure; otherwise the statement answered as an open question
and compared with what it says. "否" only where the article settles it."""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli.ask import weights as W
from jzcli.ask.base import OFFICE_KINDS, Base, date_fields, ev, link_score, make, show_date
from jzcli.ask.numbers import derived, figures
from jzcli.ask.question import (
    BOUNDS,
    CONTRADICTED,
    SUPPORTED,
    UNKNOWN,
    Pattern,
    Question,
    Words,
    bigrams,
    canon,
    check_sentence,
    combined_verdict,
    fact_span,
    period_fits,
)
from jzcli.ask.when import DATES, cover, events_ranked
from jzcli.ask.which import attributes, lists
from jzcli.check import derive
from jzcli.check.reading import interval_of

# ---------------------------------------------------------------- yes / no


YES_NO_ANSWER = {SUPPORTED: "是", CONTRADICTED: "否", UNKNOWN: "文章没有说"}


def verdicts(q: Question, base: Base) -> list[dict]:
    """吗 / 是否 / 有没有: the claim checker on the statement when it holds a figure; otherwise the statement
    is answered as an open question and the answer compared with what the statement says. "否" only when
    the article settles it (a closed list, a single-valued attribute, a date); else "文章没有说"."""
    statement = shares_as_percent(q.statement)
    sq = Question(base.reader, statement)
    if sq.figures:
        results = [_of_another_subject(sq, base, r) for r in check_sentence(base.reader, statement)]
        if results:
            verdict = combined_verdict(results)
            evidence = [e for r in results for e in r.evidence]
            reason = "; ".join(f"{r.figure.text}: {r.verdict} ({r.reason})" for r in results if r.figure)
            if verdict == UNKNOWN:
                got = _derived_verdict(sq, base, results) or _all_of(sq, base, results) or \
                    _not_yet(sq, base, results) or _target_share(sq, base)
                if got:
                    return got
            else:  # the checker settles 都…了吗 too (36栋 开工, 29栋 完工): the answer with the part's value
                got = _all_of(sq, base, results)
                if got and got[0].get("verdict") in (verdict, SUPPORTED):
                    return got  # the stages' arithmetic (29栋 完工 + 7栋 主体封顶 = 36栋: all topped) over "not all"
                if got:
                    verdict = UNKNOWN  # they disagree: not settled
                    reason += f"; {got[0]['note']}"
            return [make("verdict", YES_NO_ANSWER[verdict], W.ATTRIBUTE_BASE, evidence, verdict=verdict, note=reason,
                         text=statement)]
    got = [] if sq.figures else _target_share(sq, base)
    if got:
        return got
    # 刘全福是党工委书记吗 / 冯科峰是主任吗: a title said of a person named, as the checker reads it (the role as
    # written; no title given: the article does not say)
    roles = [r for r in check_sentence(base.reader, statement) if r.kind == "role" and r.verdict in YES_NO_ANSWER]
    if roles:
        verdict = combined_verdict(roles)
        return [make("verdict", YES_NO_ANSWER[verdict], W.ATTRIBUTE_BASE, [e for r in roles for e in r.evidence],
                     verdict=verdict, note="; ".join(r.reason for r in roles), text=statement)]
    out = []
    if sq.span is None or sq.span.present:
        out += _not_yet(sq, base, [])
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
    if not out:
        out += _took_part(sq, base, said)
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
    out = [o for o in out if o.get("verdict") != SUPPORTED or _relation_holds(sq, base, o)]
    if not out:
        # 张公堰村是淇滨区最大的贫困村吗: every content word of the statement is in the named record's own quote
        grams = {g for g in bigrams(_GENERIC.sub("|", sq.masked)) if "|" not in g and "□" not in g}
        for rid in sorted(said - base.reader.broad):
            rec = base.fb.get(rid)
            if rec and len(grams) >= W.MIN_WORDS and len(grams - bigrams(canon(rec.get("quote")))) <= 1:
                said_of = make("verdict", YES_NO_ANSWER[SUPPORTED], W.ATTRIBUTE_BASE, [ev(rec)], verdict=SUPPORTED,
                               note=f"the article says it of {base.name(rid)}", text=statement)
                if _relation_holds(sq, base, said_of):
                    out.append(said_of)
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


def _of_another_subject(q: Question, base: Base, r):
    """开工的36栋楼都完工了吗, no subject named: 36栋 is 大寨店's count, not contradicted by 西郭庄's 13栋 (the
    fact the checker found): a figure of the statement's value and unit, of another subject, whose words the
    statement uses, is the one it means — the checker's contradiction is not settled."""
    from jzcli.check.verdict import Result

    fig = r.figure
    if r.verdict != CONTRADICTED or fig is None or r.kind != "figure":
        return r
    found = {(base.fb.get(e.get("id")) or {}).get("subject") for e in r.evidence} - {None}
    if not found or found & set(q.ids):
        return r  # the statement names the subject of the fact it is checked against
    for f in base.fb.records("figures"):
        if f.get("value") is not None and Decimal(str(f["value"])) == fig.value and f.get("unit") == fig.unit \
                and f.get("subject") not in found and any(k in q.canon for k in f.get("keywords") or ()):
            out = Result(r.claim, fig, UNKNOWN, "the claim fits several figures of the article (one of them matches)",
                         [*r.evidence, ev(f)], r.kind)
            return out
    return r


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
            got = Decimal(str(a["value"]))
            if fig.qualifier in BOUNDS:  # 50%以上 / 超过一半: the arithmetic against the bound, not the edge
                lo, lo_strict, hi, hi_strict = interval_of(fig)
                same = (lo is None or got > lo or (got == lo and not lo_strict)) and \
                    (hi is None or got < hi or (got == hi and not hi_strict))
            else:
                same = got == fig.value
            verdict = SUPPORTED if same else CONTRADICTED
            out.append(make("verdict", YES_NO_ANSWER[verdict], a["score"], a["evidence"], verdict=verdict,
                            derivation=d, value=a["value"], unit=a["unit"], text=q.canon,
                            note=f"{fig.text}: the article's figures give {d.get('formula')}"))
            break
    return out


# ---------------------------------------------------------------- shares in words, "all of them", "not yet"

_BOUND = r"(超过|多于|高于|不到|不足|少于|低于)"
# a bound word the statement puts away from its share (超过开工总数的50%): moved next to it, where the checker
# reads it. 一半 is exactly half (占…的一半, 是一半: the checker reads it), at least half only where it is
# reached (完成了一半, 达到一半)
_DETACHED = Pattern(_BOUND + r"([^，,。；;\d%]{1,12}?)(\d+(?:\.\d+)?%|一半|[一二三四五六七八九十两]分之[一二三四五六七八九十两])")


_TENTHS = Pattern(r"(?<![\d一二三四五六七八九十])([一二三四五六七八九])成(?![员立功为绩果])")  # 九成 = 90%
# 完成了全年目标的三分之一: reached it, at least (not exactly) that share; 完成率是40% / 占…的52% is exact
_REACHED = Pattern(r"((?:完成|达到|实现)[^，,。；;是为占率]{0,10}?)"
                   r"(\d+(?:\.\d+)?%|一半|[一二三四五六七八九十两]分之[一二三四五六七八九十两])(?!以上|以下|左右)")
_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")}


def shares_as_percent(statement: str) -> str:
    """九成 → 90%; 超过开工总数的一半 → 开工总数的超过50%; 完成了一半 / 三分之一 → 完成了
    50%以上 / 三分之一以上. The checker reads the rest itself: 过半, 不到一半, 三分之二, and any other 一半
    (exactly half)."""
    statement = _TENTHS.sub(lambda m: _DIGIT[m.group(1)] + "0%", statement)
    statement = _DETACHED.sub(lambda m: m.group(2) + m.group(1) + m.group(3).replace("一半", "50%"), statement)
    return _REACHED.sub(lambda m: m.group(1) + m.group(2).replace("一半", "50%")
                        + ("以上" if not _BOUNDED.search(m.group(1)) else ""),
                        statement)


_BOUNDED = Pattern(_BOUND + "$")


_ALL = Words("都|全部|全都|均|统统|悉数")


def _all_of(q: Question, base: Base, results) -> list[dict]:
    """开工的36栋楼都完工了吗: the whole (36栋 开工) against its parts (part_of the 36). States are stages (the
    vocabulary's `within`: 交付 within 完工 within 主体封顶 within 开工): the count of the asked state when the
    article gives it (29栋 完工: no, 7 are not); else parts that sum to the whole, each at or past the asked
    state or before it (29栋 完工 + 7栋 主体封顶: all topped). Anything else: not settled here."""
    if not _ALL.search(q.canon):
        return []
    vocab = base.reader.vocab
    within = derive.within_of(vocab)
    asked = vocab.states(q.canon)
    figures = base.fb.records("figures")
    wholes = {f["part_of"] for f in figures if f.get("part_of")}
    for r in results:
        # the whole the statement's figure is: a figure of that value with parts, the checker's own first
        near = [e["id"] for e in r.evidence if e.get("id")]
        whole = next((f for f in sorted(figures, key=lambda f: f["id"] not in near) if r.figure is not None
                      and f["id"] in wholes and f.get("value") == r.figure.value and f.get("unit") == r.figure.unit
                      and (set(near) & {f["id"], *(p["id"] for p in figures if p.get("part_of") == f["id"])})), None)
        if whole is None:
            continue
        parts = [(p, st[0]) for p in figures if p.get("part_of") == whole["id"] and p.get("value") is not None
                 and len(st := sorted(vocab.states(" ".join([p.get("metric") or "", *(p.get("keywords") or [])]))))
                 == 1]
        for state in sorted(asked - vocab.states(" ".join([whole.get("metric") or "", *(whole.get("keywords") or [])]))):
            got = derive.count_at(state, whole, parts, within)
            if got is not None:
                value, used = got
                verdict = SUPPORTED if value == whole["value"] else CONTRADICTED
                said = "; ".join(p.get("quote") or "" for p in used)
                return [make("verdict", YES_NO_ANSWER[verdict], W.ATTRIBUTE_BASE, [*map(ev, used), ev(whole)],
                             verdict=verdict, value=value, unit=whole.get("unit"), text=q.canon,
                             note=f"{value}{whole.get('unit') or ''} of the {whole.get('text')} are {state} or past it: "
                                  f"{said}")]
    return []


_DONE = Words("已经|已|了|完成|通过|实现")
_AWAITED = Words("迎接|等待|有待|待|准备|即将")


def _not_yet(q: Question, base: Base, results) -> list[dict]:
    """已经回迁了吗 / 已经通过正式竣工验收了吗: the article plans it (an event of status planned, 预计9月底前) or
    awaits it (迎接正式竣工验收) — not yet: no. A statement about the plan itself (预计…) is not asked here."""
    if not _DONE.search(q.canon) or base.reader.vocab.plan.search(q.canon):
        return []
    vocab = base.reader.vocab
    asked = {w for term in vocab.states(q.canon) for w in vocab.words("state", term)}
    ranked = events_ranked(q, base)[:1]
    checked = [base.fb.get(e["id"]) for r in results for e in r.evidence[:1] if e.get("id")]
    for score, e in ranked:
        # the event the statement describes, or one of the things it names in the state it asks (西郭庄 交房)
        state_of_named = link_score(q, base, e) and any(w in (e.get("event") or "") for w in asked)
        if score < W.EVENT_VERDICT_MIN and cover(q, e, base) < W.EVENT_VERDICT_COVER and not state_of_named:
            continue
        if e.get("status") == "planned":
            # the article (of its date) expects it by a later date: whether it has happened since, it cannot say
            return [make("verdict", YES_NO_ANSWER[UNKNOWN], score, [ev(e)], verdict=UNKNOWN, text=q.canon,
                         note=f"the article ({base.fb.source.get('as_of') or base.as_of_year}) gives it as "
                              f"expected by {e.get('date_text')}, not as done: {e.get('quote')}",
                         **{k: v for k, v in date_fields(e).items() if k != "note"})]
    for rec in [e for _, e in ranked] + [c for c in checked if c]:
        text = canon(f"{rec.get('quote')}|{rec.get('event') or ''}")
        awaited = next((w for w in asked for a in _AWAITED.words if a + w in text), None)
        if awaited:
            return [make("verdict", YES_NO_ANSWER[CONTRADICTED], W.ATTRIBUTE_BASE, [ev(rec)], verdict=CONTRADICTED,
                         text=q.canon, note=f"not yet: the article says it awaits {awaited} ({rec.get('quote')})")]
    return []


_REACH = Words("完成|达到|实现|达成")
_TARGET = Words("目标|任务")  # what a figure of status target is called


def _target_share(q: Question, base: Base) -> list[dict]:
    """完成全年目标了吗: a target the article gives (a figure of status target, named by its keywords) and the
    share of it reached (a % figure printed with it): the whole of it (100% or more) yes, less no."""
    if not (_REACH.search(q.canon) and _TARGET.search(q.canon)):
        return []
    out = []
    for t in base.fb.records("figures"):
        if t.get("status") != "target" or not any(k in q.canon for k in t.get("keywords") or ()):
            continue
        for f in base.fb.records("figures"):
            if f.get("unit") != "%" or t.get("text") not in (f.get("quote") or "") or f.get("status") == "target":
                continue
            if q.span is not None and not period_fits(q.span, fact_span(f.get("period"), base.reader.as_of)):
                continue
            value, bound = Decimal(str(f["value"])), f.get("qualifier")
            verdict = SUPPORTED if value >= 100 and bound not in ("以下", "不到") else \
                CONTRADICTED if value < 100 and bound in (None, "以下", "不到", "近") else UNKNOWN
            words = sum(len(k) for k in f.get("keywords") or () if k in q.canon)
            out.append(make("verdict", YES_NO_ANSWER[verdict], W.ATTRIBUTE_BASE + words, [ev(f), ev(t)],
                            verdict=verdict, value=f["value"], unit="%", text=q.canon, period=f.get("period"),
                            note=f"the article gives {f['text']} of the target {t['text']}: {f.get('quote')}"))
    return sorted(out, key=lambda a: -a["score"])[:1]


_NEGATED = Words("不是|没有|并非|未|不")


def _took_part(q: Question, base: Base, said: set[str]) -> list[dict]:
    """天河嘉城小区党支部是在凤凰城社区指导下成立的吗: the event the statement describes (its own words, dates
    left out) names every specific thing the statement names: yes; it names another of the same kind in its
    place (在东方社区指导下): no."""
    if _NEGATED.search(q.canon):
        return []
    specific = said - base.reader.broad
    for score, e in events_ranked(q, base)[:1]:
        if score < W.EVENT_VERDICT_MIN or cover(q, e, base) < W.EVENT_VERDICT_COVER or not specific:
            continue
        mentioned = set(e.get("mentions") or [])
        missing = specific - mentioned
        if not missing and _relation_holds(q, base, {"evidence": [ev(e)]}):
            return [make("verdict", YES_NO_ANSWER[SUPPORTED], score, [ev(e)], verdict=SUPPORTED, text=q.canon,
                         note=f"the article says: {e.get('quote')}",
                         **{k: v for k, v in date_fields(e).items() if k != "note"})]
        rivals = {m for m in mentioned - said if any(_same_kind(base, m, {x}) for x in missing)}
        if rivals and len(missing) == 1:
            return [make("verdict", YES_NO_ANSWER[CONTRADICTED], score, [ev(e)], verdict=CONTRADICTED, text=q.canon,
                         note=f"the article names {'、'.join(base.name(r) for r in sorted(rivals))}, "
                              f"not {base.name(next(iter(missing)))}: {e.get('quote')}")]
    return []


# who did what to whom: 凤凰城社区指导天河嘉城小区成立党支部 / 在凤凰城社区的指导下. A statement with one of these
# verbs is supported only by a quote with the same verb, the same agent (before the verb, or between 在 and
# the verb in 在…指导下) and what it founded (成立了X: X in the quote)
_RELATION = Words("指导|领导|主导|带领|引领|帮助|协助|支持|推动|牵头|组织|督导|监督|帮扶")
_FOUNDED = Pattern(r"(?:成立|组建|设立)了?([^，,。；;？?吗呢的了]{2,12})")


def _agent(text: str, verb: str) -> str:
    """The words naming who does `verb` in text: between 在 and the verb (在…的指导下), else before it."""
    at = text.find(verb)
    if at < 0:
        return ""
    before = re.split(r"[，,。；;：:]", text[:at])[-1]
    if text[at + len(verb):at + len(verb) + 1] == "下" and "在" in before:
        return before[before.rindex("在") + 1:]
    return before


def _relation_holds(q: Question, base: Base, answer: dict) -> bool:
    """Does the evidence say the statement's relation (its verb, its direction, what was founded)?"""
    verb = _RELATION.search(q.canon)
    founded = _FOUNDED.search(q.canon)
    if verb is None and founded is None:
        return True
    recs = [base.fb.get(e.get("id")) or {} for e in answer.get("evidence") or []]
    quotes = [canon(e.get("quote")) for e in answer.get("evidence") or []] + [canon(r.get("event")) for r in recs]
    quotes = [t for t in quotes if t]
    if founded and not any(founded.group(1) in t for t in quotes):
        return False
    if verb is None:
        return True
    said_agent = _agent(q.canon, verb)
    for text in quotes:
        if verb not in text:
            continue
        agent = _agent(text, verb)
        named = [n for rid in set(q.ids) - base.reader.broad if (n := canon(base.name(rid) or "")) and n in q.canon]
        if all((n in said_agent) == (n in agent) for n in named if n in text):
            return True
    return False


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
