"""When: the article's events with their dates and precision; a figure's period; a year from an age."""

from __future__ import annotations

from decimal import Decimal

from jzcli.ask import weights as W
from jzcli.ask.base import Base, date_fields, ev, link_score, make, show_date
from jzcli.ask.numbers import engine_answer, figures
from jzcli.ask.question import WHEN, Pattern, Question, Words, bigrams, canon, ordinal_clash, overlap
from jzcli.check import derive

# ---------------------------------------------------------------- events (when)


def events_ranked(q: Question, base: Base) -> list[tuple[float, dict]]:
    out = []
    for e in base.events:
        if ordinal_clash(q, f"{e.get('event')}|{e.get('quote')}"):
            continue  # 第二批 asked, the article reports the 第一批
        words = overlap(q, f"{e.get('event')}|{e.get('quote')}|{e.get('date_text') or ''}")
        links = link_score(q, base, e)
        if words < W.MIN_WORDS and not (links and words):
            continue
        unlinked = W.UNLINKED_PENALTY if q.ids and not links else 0.0  # 泰山路…成立: not 九州路's founding
        out.append((W.WORD_WEIGHT * words + links + W.COVERAGE * cover(q, e, base) - unlinked, e))
    out.sort(key=lambda t: (-t[0], t[1]["id"]))
    return out


def cover(q: Question, e: dict, base: Base | None = None) -> float:
    """The share of an event's own words (the names of what it mentions left out) that the question holds."""
    text = canon(e.get("event"))
    if base is not None:
        for rid in e.get("mentions") or []:
            name = base.name(rid)
            if name:
                text = text.replace(canon(name), "|")
    own = {g for g in bigrams(text) if "|" not in g}
    return len(own & bigrams(q.canon)) / len(own) if own else 0.0


DATES = Pattern(r"(?:1[89]|20)\d\d年(?:度)?(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?|\d{1,2}月(?:份)?(?:\d{1,2}日)?")


_END = Words("结束|截止|截至|最后一天|到哪天|完成于")


_START = Words("开始|从哪|第一天|起始|起算")


def events(q: Question, base: Base) -> list[dict]:
    out = []
    for score, e in events_ranked(q, base)[:5]:
        answer = show_date(e, base)
        if e.get("end") and _END.search(q.canon):  # 哪天结束: the last day of the range
            answer = show_date({"date": e["end"]}, base)
        elif e.get("end") and _START.search(q.canon):
            answer = show_date({"date": e["date"]}, base)
        out.append(make("event", answer, score, [ev(e)], text=e.get("event"), **date_fields(e)))
    # the period of a figure the question describes (哪一年淘汰报废黄标车219辆 → 2017), where no event answers
    if q.asks_for(WHEN) and max((a["score"] for a in out), default=0) < W.EVENT_CONFIDENT:
        for a in figures(q, base)[:2]:
            rec = base.fb.get(a["id"] or "")
            period = (rec or {}).get("period") or ""
            said = any(f.value == Decimal(str(rec["value"])) for f in q.figures) if rec else False
            if "/" in period and (_START.search(q.canon) or "从" in q.canon):
                period = period.split("/")[0]  # 从哪一年开始累计: the start of the figure's period (2016年以来)
            elif "/" in period and _END.search(q.canon):
                period = period.split("/")[1]  # 截止到什么时候: its end
            if rec and a["kind"] == "figure" and period[:4].isdigit() and "/" not in period and said:
                date, precision = (period, "year") if len(period) == 4 else (period, "month")
                if "-H" in period:
                    date, precision = period[:4], "year"
                out.append(make("event", f"{date[:4]}年" + (f"{int(date[5:7])}月" if precision == "month" else ""),
                                a["score"], [ev(rec)], text=rec.get("metric"), date=date,
                                precision=precision,
                                inferred=bool(rec.get("period_inferred")), subject=rec.get("subject_name"),
                                note=f"the period of {rec.get('text')}: {rec.get('period_text') or period}"))
    # a year from an age: 建成已有26年 → about 1992 (the article's year minus the age, by the checker's arithmetic)
    if q.asks_for(WHEN) and base.as_of_year:
        year = {"id": "source:as-of-year", "value": base.as_of_year, "unit": "年", "text": f"{base.as_of_year}年",
                "quote": base.fb.source.get("as_of_reasoning") or ""}
        for a in figures(q, base)[:3]:
            rec = base.fb.get(a["id"] or "")
            if rec and a["kind"] == "figure" and a["unit"] in ("年", "岁") and a["score"] >= W.MIN_KEYWORD + 1:
                d = derive.difference(year, {**rec, "unit": "年"})
                y = int(d["value"])
                got = engine_answer(d, a["score"], date=str(y), precision="year", inferred=True,
                                     note=f"{rec.get('text')} as of {base.as_of_year} (the article's year, inferred): "
                                          f"about {y}")
                got.update(answer=f"约{y}年", value=y, unit=None, evidence=[ev(rec)])
                got["derivation"]["inputs"] = [rec["id"]]
                out.append(got)
    return out
