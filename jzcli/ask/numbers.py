"""How many: printed figures and the checker's derived values (jzcli.check.derive), scored by their curated
keywords; an operation on two figures the question names; the count of a list it asks for."""

from __future__ import annotations

from decimal import Decimal

from jzcli.amounts import parse_number
from jzcli.ask import weights as W
from jzcli.ask.base import Base, ev, is_year, make, question_band
from jzcli.ask.question import (
    COUNT_UNITS,
    MONEY,
    Pattern,
    Question,
    Words,
    bigrams,
    ordinal_clash,
    overlap,
    period_fits,
    unit_class,
)
from jzcli.ask.which import list_candidates, member_name
from jzcli.check import derive
from jzcli.errors import BadInput


def figures(q: Question, base: Base) -> list[dict]:
    reader = base.reader
    text = q.body
    named = [r for _, _, r in q.named if r["id"] not in reader.silent_people]
    specific = set()
    for r in named:
        rid = reader.place_unit.get(r["id"], r["id"]) if r["id"] in reader.place_unit else r["id"]
        if rid and rid not in reader.broad:
            specific.add(rid)
    want = q.want
    band = question_band(q)
    out = []
    if _stale_measure(q, base):
        return out
    for f in reader.facts:
        if specific and not (f.refs & specific):
            continue
        if ordinal_clash(q, f"{f.rec.get('quote')}|{' '.join(f.keywords)}"):
            continue  # 第二批 asked, the figure is of the 第一批
        got = f.rec.get("band_range")
        if got is not None and tuple(got) != (band or (None, None)):
            continue  # a count or sum over other investment bands than the question names (none: all of them)
        # a keyword in the question counts its length; a year (1999年) says when, not what; a keyword met only
        # in part (外资利用 for 利用外资) counts W.PARTIAL_KEYWORD per shared bigram, for the best such keyword
        kw = float(sum(len(k) for k in f.keywords if k in text and not is_year(k)))
        kw += W.PARTIAL_KEYWORD * max((len(bigrams(k) & q.grams) for k in f.keywords if k not in text and len(k) > 2),
                                    default=0)
        if want and (unit_class(want) == f.unit_class or (want in MONEY and f.unit in MONEY)):
            kw += (2 * W.UNIT_MATCH if want in ("岁", "平方公里") else W.UNIT_MATCH) if specific else W.UNIT_MATCH
        elif want and want not in W.DERIVED_UNITS and f.unit_class != unit_class(want):
            if _measure(want) or _measure(f.rec.get("unit")):
                continue  # 投了多少钱 / 面积多大: a count (21个) or another measure is not the answer
            kw -= W.UNIT_MISMATCH
        if f.band is not None:
            kw -= W.BAND_FIGURE_PENALTY
        if kw < W.MIN_KEYWORD:
            continue
        if f.rec.get("needs_clause") and not any(w in text for w in f.rec["needs_clause"]):
            continue  # a rest (尚差 9.04亿元, 未交付 6栋) answers only a question that asks what is left
        score = kw + (W.SUBJECT_MATCH if f.refs & specific else 0) + W.GRAM_WEIGHT * len(q.grams & f.quote_grams)
        if q.span is not None and not period_fits(q.span, f.span) and not _until_now(q, base, f.rec):
            score -= W.PERIOD_MISMATCH
        rec = f.rec
        if f.derived:
            if rec.get("members"):
                rec = {**rec, "member_names": [base.name(m) for m in rec["members"]]}
            out.append(_asked_word(q, engine_answer(rec, score + W.DERIVED_BONUS * bool(
                _NEGATION.search(q.canon) or q.want == "%"))))
            continue
        note = None
        if rec.get("period_text"):
            note = f"period: {rec['period_text']} ({rec.get('period')})"
        out.append(make("figure", rec["text"], score, [ev(rec)], id=rec["id"], subject=rec.get("subject_name"),
                        metric=rec.get("metric"), text=rec.get("text"), value=rec.get("value"), unit=rec.get("unit"),
                        qualifier=rec.get("qualifier"), period=rec.get("period"), note=note))
        _asked_word(q, out[-1])
    out.sort(key=lambda a: -a["score"])
    return out


def _asked_word(q: Question, a: dict) -> dict:
    """几条小巷 answered by 5个小巷: the count in the question's own counting word, the article's words after it
    (5条（原文：5个小巷）); only between the general counting words (条 and 个: the noun says what), never for
    people (名 / 人: 20名工作人员 is as the article writes it) or a measure."""
    want, unit, value = q.want, a.get("unit"), a.get("value")
    if want and unit and want != unit and want in COUNT_UNITS and unit in COUNT_UNITS and not _measure(unit) \
            and unit_class(want) == unit_class(unit) == "个" and isinstance(value, int) and not a.get("qualifier"):
        a["answer"] = f"{value}{want}（原文：{a['answer']}）"
    return a


# Units that measure a quantity (money, area, weight, age): a question asking for one (多少钱, 多大面积) is
# answered by a figure of that class only, and a figure of one answers no question asking for another unit.
_MEASURES = ("元", "美元", "平方公里", "平方米", "亩", "公顷", "岁", "吨")


def _measure(unit: str | None) -> bool:
    return bool(unit) and (unit in _MEASURES or any(unit.endswith(m) for m in _MEASURES))


# words that put a question after a change the article reports (区划调整后) or at its own time (现在)
_LATER = Words("调整后|之后|以后|后来|如今|现在|目前|至今|现有|当前")


def _stale_measure(q: Question, base: Base) -> bool:
    """The question names a measure (总人口, a figure's metric) that the article gives only as a past state
    (当时), and asks for a later time (区划调整后): no figure answers; another figure of that later time (4个村)
    is not what is asked."""
    reader = base.reader
    named = [f for f in reader.facts if not f.derived and len(f.rec.get("metric") or "") >= 2
             and f.rec["metric"] in q.canon]
    later = _LATER.search(q.canon) or (q.span is not None and q.span.present)
    return bool(named) and bool(later) and not reader.vocab.past.search(q.canon) and all(f.past for f in named)


def _until_now(q: Question, base: Base, rec: dict) -> bool:
    """A duration up to the article's date (成立19年) asked up to the article's year (到2018年成立多少年)."""
    return bool(rec.get("derived") and rec.get("event") and base.as_of_year
                and f"{base.as_of_year}年" in q.canon)


_BOUND_AFTER = ("以下", "以上", "以内")


def thresholds(q: Question, base: Base) -> list[dict]:
    """44家燃煤锅炉是多少吨以下的: a number the article prints as a bound of a class (meta.non_figures: 10吨以下
    燃煤锅炉), not a figure; asked by its unit (多少吨) and its clause's words."""
    out = []
    for nf in base.fb.meta.get("non_figures") or []:
        text, quote = nf.get("text") or "", nf.get("quote") or ""
        unit = text.lstrip("0123456789.")
        if not unit or unit == text or not any(f"{w}{unit}" in q.canon for w in ("多少", "几")):
            continue
        words = overlap(q, quote.replace(text, "|"))
        if words < W.MIN_WORDS:
            continue
        at = quote.find(text) + len(text)
        bound = next((b for b in _BOUND_AFTER if quote.startswith(b, at)), None)
        # the unit asked (多少吨) is the bound's own: as strong as a figure's unit and subject together
        out.append(make("attribute", text + (bound or ""), W.WORD_WEIGHT * words + W.THRESHOLD_UNIT + W.SUBJECT_MATCH,
                        [{"id": base.fb.meta["id"], "quote": quote}], metric="threshold", value=float(text[:-len(unit)]),
                        unit=unit, qualifier=bound, note=nf.get("reason")))
    for a in out:
        if a["value"] == int(a["value"]):
            a["value"] = int(a["value"])
    return out


# ---------------------------------------------------------------- derived values

_NEGATION = Words("未|没|尚未|还有|剩|其余|另外|仍未|还差|不到")


_DIFF = Pattern(r"比.{1,20}(?:多|少)|相差|差多少|差几|还差|差距|多出|少了|减少|增加|但(?:还)?(?:没|未)")

# the question adds two figures it names (巡防队和应急小分队一共, 12个城市社区和6个村合计)
_SUM = Words("一共|加起来|合计|总共|共计|总计|之和|加在一起")
_AND = Words("和|与|及|加上|同")  # ... and names two things: 一共开工几栋楼 is one figure, not a sum


_RATIO = Words("倍")


def derived(q: Question, base: Base, figure_answers: list[dict]) -> list[dict]:
    """Values the article implies: the checker's derived values (jzcli.check.derive: shares, the rest of a
    whole, counts, band sums, durations) are scored with the figures; here, what needs the question: an
    operation on two figures it names (倍, 比…多, 占), and the count of a list it asks for."""
    fb = base.fb
    out: list[dict] = []
    if _stale_measure(q, base):
        return out  # nor a count of another list of that later time
    printed = [a for a in figure_answers if a["kind"] == "figure" and a["score"] >= W.PAIR_MIN]
    adds = bool(_SUM.search(q.canon) and _AND.search(q.canon)) and not _DIFF.search(q.canon) and q.want not in ("%", "倍")
    # a share (占, %) is of one subject's figures (13栋 of 西郭庄 is no part of 大寨店's 36栋) unless the question
    # names both subjects
    share = q.want == "%" or "占" in q.canon
    subject = (lambda a: (fb.get(a["id"]) or {}).get("subject")) if share else None
    pair = _two_figures(printed, same_value=adds, subject=subject, named=set(q.ids))
    if pair:
        x, y = (fb.get(a["id"]) for a in pair)
        score = max(pair[0]["score"], pair[1]["score"]) + W.OP_BONUS  # the question names an operation
        if _RATIO.search(q.canon) or q.want == "倍":
            out.append(engine_answer(derive.ratio(x, y, "倍"), score))
        elif q.want == "%" or "占" in q.canon:
            out.append(engine_answer(derive.ratio(x, y, "%"), score))
        elif _DIFF.search(q.canon):
            big, small = (x, y) if x["value"] >= y["value"] else (y, x)
            out.append(engine_answer(derive.difference(big, small), score))
        elif adds:
            out.append(engine_answer(derive.total(x, y), score))
    # a per-person figure for the people the question names (老两口每月合计能领多少 → 80元/人 × 2)
    heads = people_named(q.canon)
    for a in printed[:1]:
        rec = fb.get(a["id"])
        if heads and rec and "人" in (rec.get("per") or "").split("·"):
            out.append(engine_answer(derive.per_head(rec, heads[0], heads[1]), a["score"] + W.OP_BONUS))
    # the count of a list the question asks for (几条小巷, 现在管辖多少个社区和村)
    if q.want in MONEY:
        return out
    for cand in list_candidates(q, base):
        members = cand["members"]
        unit = q.want if q.want in ("个", "项", "条", "家", "名", "位", "所", "处", "座") else "个"
        n = len(members)
        names = [member_name(m, cand) for m in members]
        formula = f"{'、'.join(names)}{'等' if cand.get('open') else ''}: {n}{unit}"
        answer = f"至少{n}{unit}" if cand.get("open") else f"{n}{unit}"
        out.append(make("derived", answer, cand["score"], cand["evidence"], value=n, unit=unit, members=names,
                        derivation={"op": "count", "formula": formula, "inputs": [m["id"] for m in members]},
                        qualifier="以上" if cand.get("open") else None, note=cand.get("note"), text=cand["label"]))
    return out


# how many people a question asks a total for: a pair said as one (老两口, 夫妻俩), a number of people (两人, 3位
# 老人), or a couple word (老伴, 夫妇) with a total word (合计, 一共); never under 每人 / 各 (the figure is each one's)
_TOTAL = Pattern(r"合计|一共|总共|总计|加起来|共(?![产享建同识])")
_EACH = Pattern(r"每人|每位|每个人|人均|各")
_PAIR = Words("老两口|两口子|老俩口|小两口|俩")
_COUPLE = Words("老伴|夫妇|夫妻|伴侣")
_HEADS = Pattern(r"(?<![每第])([\d零〇一二两三四五六七八九十百]+)(?:个|位|名)?(?:人|老人|村民|居民)")


def people_named(c: str) -> tuple[int, str] | None:
    """(how many, the words) of the people a question asks a total for, or None (one person's figure)."""
    if _EACH.search(c):
        return None
    word = _PAIR.search(c) or (_COUPLE.search(c) if _TOTAL.search(c) else None)
    if word:
        return 2, word
    m = _HEADS.search(c)
    if m:
        try:
            n = parse_number(m.group(1))
        except BadInput:
            return None
        return (int(n), m.group()) if n >= 2 and n == n.to_integral_value() else None
    return None


def engine_answer(rec: dict, score: float, **fields) -> dict:
    """An answer from a derived value of jzcli.check.derive (a dict shaped like a figure record)."""
    value, unit = rec.get("value"), rec.get("unit")
    interval = rec.get("interval")
    qualifier = None
    if value is None and interval:
        value = interval[0]
        qualifier = "以上" if interval[2] is None else "区间"
    elif rec.get("open"):
        qualifier = "以上"
    if value is not None:
        d = Decimal(str(value))
        value = d.quantize(Decimal("0.1")) if unit in ("%", "倍") else d
        value = int(value) if value == value.to_integral_value() else float(value)
    answer = rec.get("text") or ""
    if unit in ("%", "倍") and value is not None:
        answer = f"{value}{unit}"
    members = [base_name for base_name in (rec.get("member_names") or [])] or None
    return make("derived", answer, score, rec.get("inputs") or [], id=rec["id"], subject=rec.get("subject_name"),
                metric=rec.get("metric"), text=rec.get("text"), value=value, unit=unit, qualifier=qualifier,
                period=rec.get("period"), members=members,
                derivation={"op": rec.get("kind"), "formula": rec.get("formula"),
                            "inputs": [i["id"] for i in rec.get("inputs") or []]}, **fields)



def _two_figures(figs: list[dict], same_value: bool = False, subject=None,
                 named: set[str] = frozenset()) -> tuple[dict, dict] | None:
    """The two best printed figures of one unit class whose keywords are in the question (different facts;
    of different values unless they are added: 20名 + 20名); of one `subject` when given, unless the question
    names both."""
    top = [f for f in figs[:4] if f["score"] >= W.MIN_KEYWORD or f is not figs[0]]
    for i, first in enumerate(top):
        if first["score"] < W.MIN_KEYWORD:
            break
        for other in top[i + 1:]:
            if other["unit"] == first["unit"] or (first["unit"] in MONEY and other["unit"] in MONEY):
                if same_value and (other["period"] != first["period"] or other["subject"] != first["subject"]):
                    continue  # a total adds figures of one subject and one period
                if subject is not None and subject(first) != subject(other) \
                        and not {subject(first), subject(other)} <= named:
                    continue
                if (same_value or other["value"] != first["value"]) and other["score"] >= first["score"] - 6:
                    return first, other
    return None
