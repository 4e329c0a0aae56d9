"""The answerers: each looks at a read Question and proposes answers of one kind, with a match score.

Every rule reads the fact base: list vocabularies (place kinds, sectors, honour levels, designations),
open lists (oddities of kind list_ends_with_deng), offices at a month (unit histories), links between
records (mentions, parent, unit). Nothing here knows an answer in advance.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli import queries
from jzcli.ask.question import (
    CONTRADICTED,
    HOW_MANY,
    MONEY,
    SUPPORTED,
    UNKNOWN,
    WHEN,
    WHICH,
    WHO,
    YES_NO,
    Question,
    Words,
    bigrams,
    canon,
    check_sentence,
    combined_verdict,
    fact_span,
    overlap,
    period_fits,
    unit_class,
)
from jzcli.check import derive

# ---------------------------------------------------------------- scores (named, with the reason)

# Figures: one point per character of a curated keyword found in the question; the wanted unit adds this
# much (a unit that alone says what is measured, 岁 / 平方公里, counts double when a subject is named).
UNIT_MATCH = 1.0
UNIT_MISMATCH = 3.0  # the question asks 几天 / 多少钱: a figure in another unit is hardly the answer
DERIVED_UNITS = ("倍", "%", "time")  # units of a result of arithmetic: the inputs are in other units
SUBJECT_MATCH = 3.0  # the figure is about a thing the question names
BAND_FIGURE_PENALTY = 2.0  # a count of projects in one band: the question must name the band
PERIOD_MISMATCH = 3.0  # the figure is for another period than the question's
GRAM_WEIGHT = 0.1  # each shared bigram of the quote: a tie-breaker, not a reason
MIN_KEYWORD = 2.0  # fewer keyword characters than this: the figure is not what is asked
# Derived values.
DERIVED_BONUS = 2.0  # "还有几栋没交付", "占…的多少": the question asks for arithmetic, not a printed figure
OP_BONUS = 2.0  # 倍 / 比…多 / 占: the operation the question names
# Records matched by their words (events, people, entities, lists): each shared bigram of the question
# and the record's text counts WORD_WEIGHT, each record the question names and the record links to LINK.
WORD_WEIGHT = 1.0
LINK = 3.0
BROAD_LINK = 1.0  # a link to the office itself (九州路办事处): nearly every record has one
ROLE_WEIGHT = 2.0  # the question names a title the person holds (主任): more than a shared word, less than a link
EVENT_CONFIDENT = 5.0  # an event this good answers "when"; a figure's period is asked only below it
UNLINKED_PENALTY = 3.0  # the question names things, the event none of them: another subject's event
COVERAGE = 3.0  # times the share of an event's own words the question holds: 九州路办事处成立 is all of one event
MIN_WORDS = 2  # fewer shared bigrams than this (and no link): not an answer
# Structured answers (an attribute of a named thing, a list filtered by office / month / band / year)
# are exact once their words are in the question: they start from this score.
ATTRIBUTE_BASE = 12.0
LIST_BASE = 6.0
FILTER_BONUS = 1.5  # each filter the question sets (office, month, kind, band, year, level)
SINGULAR_LIST_PENALTY = 4.0  # 哪个 asks for one thing, not a list
PLURAL_HOLDER_PENALTY = 4.0  # 哪些 asks for a list, not one thing
# Yes / no: a derived value settles a figure the checker cannot (用了7天吗) only when it matched this well;
# an event's date settles a date when the event covers this share of its own words or scores this much.
DERIVED_VERDICT_MIN = 6.0
EVENT_VERDICT_COVER = 0.6
EVENT_VERDICT_MIN = 6.0
UNKNOWN_SCORE = 3.0  # "the article does not say" with the nearest facts: shown, but below any real answer

OFFICE_KINDS = queries.OFFICE_KINDS


# ---------------------------------------------------------------- the answer record

ANSWER_KEYS = ("kind", "answer", "id", "subject", "metric", "text", "value", "unit", "qualifier", "period",
               "date", "end", "precision", "inferred", "members", "verdict", "derivation", "note", "score", "tie",
               "quote", "evidence")


def make(kind: str, answer: str, score: float, evidence: list[dict], **fields) -> dict:
    """One answer with every key (null where it does not apply), so scripts see the same shape for each kind."""
    rec = dict.fromkeys(ANSWER_KEYS)
    rec.update(kind=kind, answer=answer, score=round(score, 2), tie=False, members=None)
    rec.update(fields)
    seen, ev = set(), []
    for e in evidence:
        if e and e.get("id") and e["id"] not in seen:
            seen.add(e["id"])
            ev.append({"id": e["id"], "quote": e.get("quote", "")})
    rec["evidence"] = ev
    if rec["id"] is None and ev:
        rec["id"] = ev[0]["id"]
    if rec["quote"] is None and ev:
        rec["quote"] = ev[0]["quote"]
    return rec


def ev(rec: dict | None) -> dict | None:
    return None if rec is None else {"id": rec["id"], "quote": rec.get("quote", "")}


# ---------------------------------------------------------------- the fact base, as the answerers see it


class Base:
    """Records and links the answerers share, computed once per fact base."""

    def __init__(self, reader) -> None:
        fb = reader.fb
        self.reader = reader
        self.fb = fb
        self.as_of_year = reader.as_of // 12 if reader.as_of is not None else reader.pub_year
        self.units = queries.units(fb)
        self.members = [u for u in self.units if u.get("member")]
        self.months = queries.change_months(fb)
        # open lists: the article ends them with 等 (oddities of kind list_ends_with_deng)
        self.open_lists = [o for o in fb.records("oddities") if o.get("kind") == "list_ends_with_deng"]
        self.events = fb.records("events")
        self.people = fb.records("people")
        self.places = fb.records("places")
        self.projects = fb.records("projects")
        self.honours = fb.records("honours")
        # what mentions what (events, figures, places): record id -> records that name it
        self.mentioned_by: dict[str, list[dict]] = {}
        for table in ("events", "figures", "places", "projects"):
            for rec in fb.records(table):
                for ref in {rec.get("subject"), rec.get("unit"), *(rec.get("mentions") or [])} - {None}:
                    self.mentioned_by.setdefault(ref, []).append(rec)
        self.sectors = sorted({p["sector"] for p in self.projects if p.get("sector")})
        # the vocabulary (facts.json `vocabulary`): roles and honour levels, each word with its term
        self.vocab = reader.vocab
        self.role_word = {w: e["term"] for e in self.vocab.entries if e.get("kind") == "role" for w in e.get("words") or []}
        self.level_words = sorted(self.vocab.level_of.items(), key=lambda t: -len(t[0]))
        self.statuses = {p.get("status") for p in self.projects}

    def role_terms(self, text: str) -> set[str]:
        """The roles (vocabulary terms) a text names, longest word first: 党工委副书记 is not 书记."""
        return {self.role_word[m.group()] for m in self.vocab.role.finditer(text)}

    def name(self, rid: str | None) -> str | None:
        return self.fb.name_of(rid) if rid else None

    def open_note(self, ids: set[str]) -> str | None:
        """When every member of a list is on a list the article ends in 等."""
        for o in self.open_lists:
            if ids and ids <= set(o.get("affects") or []):
                return f"the article's list ends in 等 ({o.get('quote')}): there may be more"
        return None

    def bag(self, rec: dict) -> str:
        """The words of a record and of the records that name it: what a question about it may say."""
        parts = [rec.get(k) or "" for k in ("name", "title", "role", "theme", "event", "quote", "metric", "text")]
        parts += rec.get("designations") or []
        for other in self.mentioned_by.get(rec["id"], []):
            parts += [other.get("event") or other.get("metric") or "", other.get("quote") or ""]
        return "|".join(parts)


def _links(q: Question, base: Base, rec: dict) -> float:
    """How strongly the things the question names are linked to this record (it refers to them or they to
    it): LINK each, BROAD_LINK for the office itself, which nearly every record refers to."""
    refs = {rec.get("subject"), rec.get("unit"), rec.get("parent"), *(rec.get("mentions") or [])} - {None}
    n = 0.0
    for rid in q.ids:
        other = base.fb.get(rid)
        if rid in refs or rid == rec["id"] or (other and (
                other.get("unit") == rec["id"] or other.get("parent") == rec["id"]
                or rec["id"] in (other.get("mentions") or []))):
            n += BROAD_LINK if rid in base.reader.broad else LINK
    return n


_WORDS: dict[str, Words] = {}


def _has(alternatives: str, text: str) -> bool:
    """Is one of the words ("社区|村") in text? (plain substrings: no pattern to compile at start-up)"""
    w = _WORDS.get(alternatives)
    if w is None:
        w = _WORDS[alternatives] = Words(alternatives)
    return w.search(text) is not None


def _word_score(q: Question, text: str) -> float:
    return WORD_WEIGHT * overlap(q, text)


# ---------------------------------------------------------------- dates


def show_date(rec: dict, base: Base) -> str:
    """1999年7月, 2018年7月5日, 2017年8月17日至23日; a planned date says 预计."""
    d = rec.get("date") or ""
    parts = d.split("-")
    text = f"{parts[0]}年" + (f"{int(parts[1])}月" if len(parts) > 1 else "") + (f"{int(parts[2])}日" if len(parts) > 2 else "")
    end = rec.get("end")
    if end:
        e = end.split("-")
        if len(e) == 3 and len(parts) == 3 and e[:2] == parts[:2]:
            text += f"至{int(e[2])}日"
        elif len(e) >= 2 and e[0] == parts[0]:
            text += f"至{int(e[1])}月" + (f"{int(e[2])}日" if len(e) > 2 else "")
        else:
            text += f"至{show_date({'date': end}, base)}"
    dt = rec.get("date_text") or ""
    if any(w in dt for w in ("底", "初", "以来", "前")) and not text.endswith(dt):
        text += f"（原文：{dt}）"
    if rec.get("status") == "planned":
        text += "（预计）"
    return text


def _date_fields(rec: dict) -> dict:
    inferred = bool(rec.get("inferred"))
    note = None
    if inferred:
        note = f"the year is inferred: the article writes {rec.get('date_text')!r} (article of {rec.get('date', '')[:4]})"
    if rec.get("status") == "planned":
        note = ((note + "; ") if note else "") + "planned, not done (预计)"
    return {"date": rec.get("date"), "end": rec.get("end"), "precision": rec.get("precision"),
            "inferred": inferred, "note": note}


# ---------------------------------------------------------------- figures


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
    band = _question_band(q)
    out = []
    for f in reader.facts:
        if specific and not (f.refs & specific):
            continue
        got = f.rec.get("band_range")
        if got is not None and tuple(got) != (band or (None, None)):
            continue  # a count or sum over other investment bands than the question names (none: all of them)
        kw = float(sum(len(k) for k in f.keywords if k in text))
        if want and (unit_class(want) == f.unit_class or (want in MONEY and f.unit in MONEY)):
            kw += (2 * UNIT_MATCH if want in ("岁", "平方公里") else UNIT_MATCH) if specific else UNIT_MATCH
        elif want and want not in DERIVED_UNITS and f.unit_class != unit_class(want):
            kw -= UNIT_MISMATCH
        if f.band is not None:
            kw -= BAND_FIGURE_PENALTY
        if kw < MIN_KEYWORD:
            continue
        score = kw + (SUBJECT_MATCH if f.refs & specific else 0) + GRAM_WEIGHT * len(q.grams & f.quote_grams)
        if q.span is not None and not period_fits(q.span, f.span):
            score -= PERIOD_MISMATCH
        rec = f.rec
        if f.derived:
            if rec.get("members"):
                rec = {**rec, "member_names": [base.name(m) for m in rec["members"]]}
            out.append(_engine_answer(rec, score + DERIVED_BONUS * bool(_NEGATION.search(q.canon) or q.want == "%")))
            continue
        note = None
        if rec.get("period_text"):
            note = f"period: {rec['period_text']} ({rec.get('period')})"
        out.append(make("figure", rec["text"], score, [ev(rec)], id=rec["id"], subject=rec.get("subject_name"),
                        metric=rec.get("metric"), text=rec.get("text"), value=rec.get("value"), unit=rec.get("unit"),
                        qualifier=rec.get("qualifier"), period=rec.get("period"), note=note))
    out.sort(key=lambda a: -a["score"])
    return out


# ---------------------------------------------------------------- derived values

_NEGATION = Words("未|没|尚未|还有|剩|其余|另外|仍未|还差|不到")
_DIFF = re.compile(r"比.{1,20}(?:多|少)|相差|差多少|差距|多出|少了|减少|增加")
_RATIO = Words("倍")


def derived(q: Question, base: Base, figure_answers: list[dict]) -> list[dict]:
    """Values the article implies: the checker's derived values (jzcli.check.derive: shares, the rest of a
    whole, counts, band sums, durations) are scored with the figures; here, what needs the question: an
    operation on two figures it names (倍, 比…多, 占), and the count of a list it asks for."""
    fb = base.fb
    out: list[dict] = []
    printed = [a for a in figure_answers if a["kind"] == "figure" and a["score"] >= MIN_KEYWORD]
    pair = _two_figures(printed)
    if pair:
        x, y = (fb.get(a["id"]) for a in pair)
        score = (pair[0]["score"] + pair[1]["score"]) / 2 + OP_BONUS
        if _RATIO.search(q.canon) or q.want == "倍":
            out.append(_engine_answer(derive.ratio(x, y, "倍"), score))
        elif q.want == "%" or "占" in q.canon:
            out.append(_engine_answer(derive.ratio(x, y, "%"), score))
        elif _DIFF.search(q.canon):
            big, small = (x, y) if x["value"] >= y["value"] else (y, x)
            out.append(_engine_answer(derive.difference(big, small), score))
    # the count of a list the question asks for (几条小巷, 现在管辖多少个社区和村)
    if q.want in MONEY:
        return out
    for cand in list_candidates(q, base):
        members = cand["members"]
        unit = q.want if q.want in ("个", "项", "条", "家", "名", "位", "所", "处", "座") else "个"
        n = len(members)
        names = [_member(m, cand) for m in members]
        formula = f"{'、'.join(names)}{'等' if cand.get('open') else ''}: {n}{unit}"
        answer = f"至少{n}{unit}" if cand.get("open") else f"{n}{unit}"
        out.append(make("derived", answer, cand["score"], cand["evidence"], value=n, unit=unit, members=names,
                        derivation={"op": "count", "formula": formula, "inputs": [m["id"] for m in members]},
                        qualifier="以上" if cand.get("open") else None, note=cand.get("note"), text=cand["label"]))
    return out


def _engine_answer(rec: dict, score: float, **fields) -> dict:
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


def _member(m: dict, cand: dict) -> str:
    return cand.get("show", {}).get(m["id"]) or m.get("name") or m.get("title") or m["id"]


def _two_figures(figs: list[dict]) -> tuple[dict, dict] | None:
    """The two best printed figures of one unit class whose keywords are in the question (different facts)."""
    if len(figs) < 2:
        return None
    first = figs[0]
    for other in figs[1:4]:
        if other["unit"] == first["unit"] or (first["unit"] in MONEY and other["unit"] in MONEY):
            if other["value"] != first["value"] and other["score"] >= first["score"] - 6:
                return first, other
    return None


# ---------------------------------------------------------------- events (when)


def events_ranked(q: Question, base: Base) -> list[tuple[float, dict]]:
    out = []
    for e in base.events:
        words = overlap(q, f"{e.get('event')}|{e.get('quote')}|{e.get('date_text') or ''}")
        links = _links(q, base, e)
        if words < MIN_WORDS and not (links and words):
            continue
        unlinked = UNLINKED_PENALTY if q.ids and not links else 0.0  # 泰山路…成立: not 九州路's founding
        out.append((WORD_WEIGHT * words + links + COVERAGE * _cover(q, e, base) - unlinked, e))
    out.sort(key=lambda t: (-t[0], t[1]["id"]))
    return out


def _cover(q: Question, e: dict, base: Base | None = None) -> float:
    """The share of an event's own words (the names of what it mentions left out) that the question holds."""
    text = canon(e.get("event"))
    if base is not None:
        for rid in e.get("mentions") or []:
            name = base.name(rid)
            if name:
                text = text.replace(canon(name), "|")
    own = {g for g in bigrams(text) if "|" not in g}
    return len(own & bigrams(q.canon)) / len(own) if own else 0.0


_DATES = re.compile(r"(?:1[89]|20)\d\d年(?:度)?(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?|\d{1,2}月(?:份)?(?:\d{1,2}日)?")


def events(q: Question, base: Base) -> list[dict]:
    out = []
    for score, e in events_ranked(q, base)[:5]:
        out.append(make("event", show_date(e, base), score, [ev(e)], text=e.get("event"), **_date_fields(e)))
    # the period of a figure the question describes (哪一年淘汰报废黄标车219辆 → 2017), where no event answers
    if q.asks_for(WHEN) and max((a["score"] for a in out), default=0) < EVENT_CONFIDENT:
        for a in figures(q, base)[:2]:
            rec = base.fb.get(a["id"] or "")
            period = (rec or {}).get("period") or ""
            said = any(f.value == Decimal(str(rec["value"])) for f in q.figures) if rec else False
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
            if rec and a["kind"] == "figure" and a["unit"] in ("年", "岁") and a["score"] >= MIN_KEYWORD + 1:
                d = derive.difference(year, {**rec, "unit": "年"})
                y = int(d["value"])
                got = _engine_answer(d, a["score"], date=str(y), precision="year", inferred=True,
                                     note=f"{rec.get('text')} as of {base.as_of_year} (the article's year, inferred): "
                                          f"about {y}")
                got.update(answer=f"约{y}年", value=y, unit=None, evidence=[ev(rec)])
                got["derivation"]["inputs"] = [rec["id"]]
                out.append(got)
    return out


# ---------------------------------------------------------------- people (who)



_WHO_AROUND = re.compile(r"(?:谁是|哪位|哪个)(.{1,12})|(.{1,12})(?:是谁|叫什么|的名字|姓什么)")


def _asked_about(text: str) -> str:
    """The words a who-question asks about (谁是X / X是谁 / X叫什么), not those it says in passing (向记者介绍)."""
    return "|".join(g.rsplit("的", 1)[-1] for m in _WHO_AROUND.finditer(text) for g in m.groups() if g)


_SAID = Words("说了什么|说什么|讲了什么|表示什么|告诉记者什么|介绍了什么|说了啥")


def said_by(q: Question, base: Base) -> list[dict]:
    """张晓凯说了什么: the person named, with what the fact base holds of their words (their quote, the events
    that name them)."""
    if not _SAID.search(q.canon):
        return []
    out = []
    for p in q.records("person:"):
        said = [e for e in base.mentioned_by.get(p["id"], []) if "event" in e]
        answer = p["name"] + (f"（{p['role']}）" if p.get("role") else "")
        out.append(make("person", answer, ATTRIBUTE_BASE, [ev(p), *(ev(e) for e in said)], id=p["id"],
                        subject=p["name"], text=p.get("role"),
                        note="the fact base keeps who spoke and where, not the words spoken: see the quotes"))
    return out


def people(q: Question, base: Base) -> list[dict]:
    out = []
    for p in base.people:
        links = _links(q, base, p)
        if p["id"] in q.ids:
            links -= 1  # the question names the person: asking who they are is an attribute
        unit = base.fb.get(p.get("unit") or "")
        # a person speaks of their own unit (张晓凯 of 天河嘉城小区's party branch); the curator's note says
        # what the article shows of them (a photo credit)
        bag = "|".join((base.bag(p), base.bag(unit) if unit else "", p.get("note") or ""))
        words = overlap(q, bag)
        # a number of the question that the article gives about this person (73岁的老人)
        links += LINK * sum(1 for f in q.figures for rec in base.mentioned_by.get(p["id"], [])
                            if rec.get("subject") == p["id"] and rec.get("value") == f.value and rec.get("unit") == f.unit)
        role = p.get("role") or ""
        # titles read with the vocabulary's roles, longest first: 党工委书记 is 书记, which 党工委副书记 is not
        asked, held = base.role_terms(_asked_about(q.masked)), base.role_terms(role)
        if any(a != h and (a.endswith(h) or h.endswith(a)) for a in asked - held for h in held):
            continue  # 党工委书记是谁 / 副主任是谁: a near title the person does not hold
        role_hits = len(asked & held)
        if words < MIN_WORDS and not links and not role_hits:
            continue
        score = WORD_WEIGHT * words + ROLE_WEIGHT * role_hits + links
        evidence = [ev(p)]
        fields: dict = {}
        said = [e for e in base.mentioned_by.get(p["id"], []) if "event" in e]
        best = max(said, key=lambda e: overlap(q, f"{e.get('event')}|{e.get('quote')}"), default=None)
        if best is not None and overlap(q, f"{best.get('event')}|{best.get('quote')}") >= MIN_WORDS:
            evidence.append(ev(best))
            fields = _date_fields(best)
        answer = p["name"] + (f"（{role}）" if role else "")
        out.append(make("person", answer, score, evidence, id=p["id"], subject=p["name"], text=role or None,
                        **fields))
    return out


# ---------------------------------------------------------------- lists (which ones; how many)

_MOVED = Words("划归|划出|划走|调出|划入|移交|划给|分出|划分出去|转入|转归|调整出去|归入")
_FOUNDING = Words("成立时|成立之初|成立初|当时|最初|原来|原先|起初|建立时|1999")
_NOW = Words("仍属|仍归|仍然|留在|现在|目前|如今|现辖|调整后|至今|还管辖|现有|管辖|下辖|辖|所属|包括")
_ALL_UNITS = Words("社区(村)|社区（村）|社区和村|村和社区|社区、村|社区及村|单位")
_BAND_WORDS = {"以上": "min", "超过": "min", "逾": "min", "多于": "min", "以下": "max", "不到": "max", "低于": "max"}
_HONOUR = Words("荣誉|称号|表彰|奖|先进")


def list_candidates(q: Question, base: Base) -> list[dict]:
    """Lists the question may ask for, each {label, members, score, evidence, note, open}."""
    out = []
    out += _unit_list(q, base)
    out += _project_list(q, base)
    out += _honour_list(q, base)
    out += _place_lists(q, base)
    out += _check_lists(q, base)
    out += _mention_lists(q, base)
    if _has("哪个|哪一个|哪位|哪家|哪条|哪所", q.canon) and not _has("哪些|哪几", q.canon):
        for c in out:
            c["score"] -= SINGULAR_LIST_PENALTY
    asked = _ASKED_TYPE.search(q.canon)
    if asked:  # 哪些社区 / 几条小巷: lists of that kind of thing first
        for c in out:
            if c["members"] and all(_is_type(m, asked.group(1)) for m in c["members"]):
                c["score"] += FILTER_BONUS
    return [c for c in out if c["members"]]


def _unit_list(q: Question, base: Base) -> list[dict]:
    m = q.masked
    if not _has("社区|村|单位", m):
        return []
    offices = [r for r in q.records("unit:") if r.get("kind") in OFFICE_KINDS]
    others = [r for r in q.records("unit:") if r.get("kind") not in OFFICE_KINDS]
    if others and not _has("哪些|哪几|多少|几个", q.canon):
        return []  # a question about one named unit is not a list question
    filters = 0
    label = []
    moved = bool(_MOVED.search(m))
    if moved and len(base.months) >= 2:
        month, prev = base.months[-1], base.months[-2]
        rows = []
        for u in base.members:
            now, before = queries.office_at(u, month), queries.office_at(u, prev)
            if now and before and now.get("office_id") != before.get("office_id"):
                rows.append((u, now))
        filters += 1
        label.append(f"moved {month}")
        target = [o for o in offices if o["id"] != "unit:jiuzhoulu" and any(h.get("office_id") == o["id"] for _, h in rows)]
        if target:
            rows = [(u, h) for u, h in rows if h.get("office_id") == target[0]["id"]]
            filters += 1
    else:
        if _FOUNDING.search(m) or (q.span is not None and base.months and q.span.end < _month_index(base.months[-1])):
            month = base.months[0] if base.months else None
            filters += 1
        elif q.span is not None and not q.span.present:
            month = _show(q.span.end)
            filters += 1
        else:
            month = None
            if _NOW.search(m):
                filters += 1
        rows = [(u, queries.office_at(u, month)) for u in base.members]
        rows = [(u, h) for u, h in rows if h]
        if offices:
            office = offices[-1]
            rows = [(u, h) for u, h in rows if h.get("office_id") == office["id"]]
            filters += 1
        label.append(f"as of {month or 'now'}")
    if _ALL_UNITS.search(m):
        pass
    elif _has("社区", m) and not _has("村", m):
        rows = [(u, h) for u, h in rows if "社区" in u["kind"]]
        filters += 1
    elif _has("村", m) and not _has("社区", m):
        rows = [(u, h) for u, h in rows if u["kind"] == "村"]
        filters += 1
    plural = _has("哪些|哪几|多少|几个", q.canon)
    if not filters or not (moved or month is not None or _NOW.search(m) or (offices and plural)):
        return []  # which office, which month: a list of units needs one of them
    rows.sort(key=_article_order)
    members = [u for u, _ in rows]
    evidence, quotes = [], set()
    for u, h in rows:  # one quote per list the article prints
        if h.get("quote") not in quotes:
            quotes.add(h.get("quote"))
            evidence.append({"id": u["id"], "quote": h.get("quote", "")})
    return [{"label": " ".join(label), "members": members, "score": LIST_BASE + FILTER_BONUS * filters,
             "evidence": evidence, "note": None, "open": False, "structured": True}]


def _article_order(row: tuple[dict, dict]) -> tuple:
    """Units in the order the article lists them: by their history quote, then by place in it."""
    u, h = row
    quote = h.get("quote") or ""
    at = quote.find(u.get("short") or u["name"])
    return (quote, at if at >= 0 else len(quote))


def _month_index(month: str) -> int:
    y, m = month.split("-")
    return int(y) * 12 + int(m) - 1


def _show(m: int) -> str:
    return f"{m // 12}-{m % 12 + 1:02d}"


def _question_band(q: Question) -> tuple[int | None, int | None] | None:
    """The investment band a question names (10亿元以上, 1亿元到5亿元, 亿元以下), or None."""
    lo = hi = None
    found = False
    for f in q.figures:
        if f.unit not in MONEY and not (f.unit is None and ("亿" in f.text or "万" in f.text)):
            continue  # 1亿到5亿: an amount of money without 元
        found = True
        if f.high is not None:
            lo, hi = int(f.value), int(f.high)
        elif _BAND_WORDS.get(f.qualifier or "") == "min":
            lo = int(f.value)
        elif _BAND_WORDS.get(f.qualifier or "") == "max":
            hi = int(f.value)
    return (lo, hi) if found else None


def _project_list(q: Question, base: Base) -> list[dict]:
    m = q.masked
    band = _question_band(q)
    if not _has("项目|工程", m) and band is None:
        return []
    lo, hi = band or (None, None)
    filters = 1 if band else 0
    status = None
    if _has("签约|招商", m):
        status = "signed"
    elif _has("落地", m):
        status = "landed"
    elif _has("重点|在建|推进", m):
        status = "key_work"
    if status and status in base.statuses:
        filters += 1
    else:
        status = None
    sectors = [s for s in base.sectors if s in m]
    result = queries.projects(base.fb, lo, hi, status=status)
    rows = [p for p in result.rows if not sectors or p.get("sector") in sectors]
    filters += bool(sectors)
    if not filters:
        return []
    note = base.open_note({p["id"] for p in rows})
    if result.left_out:
        left = ", ".join(f"{n} {k}" for k, n in result.left_out.items())
        note = ((note + "; ") if note else "") + f"left out {left} (the band only touches or straddles the bound)"
    return [{"label": "projects", "members": rows, "score": LIST_BASE + FILTER_BONUS * filters,
             "evidence": [ev(p) for p in rows], "note": note, "open": bool(base.open_note({p["id"] for p in rows})),
             "structured": True}]


def _honour_list(q: Question, base: Base) -> list[dict]:
    m = q.masked
    if not _HONOUR.search(m):
        return []
    rows = list(base.honours)
    filters = 1
    note = None
    if q.span is not None and not q.span.present:
        year = q.span.start // 12
        undated = [h for h in rows if h.get("year") is None]
        rows = [h for h in rows if h.get("year") == year]
        filters += 1
        if undated:
            note = "; ".join(f"{h['title']}: {h.get('text')} (years not given)" for h in undated)
    levels = []
    for word, level in base.level_words:
        if word in m:
            rows = [h for h in rows if h.get("level") == level]
            filters += 1
            levels.append(word)
            break
    opened = base.open_note({h["id"] for h in rows})
    note = "; ".join(n for n in (opened, note) if n) or None
    for h in rows:
        h.setdefault("name", h["title"])
    return [{"label": "honours", "members": rows, "score": LIST_BASE + FILTER_BONUS * filters,
             "evidence": [ev(h) for h in rows], "note": note, "open": bool(opened), "structured": True,
             "levels": levels}]


def _place_lists(q: Question, base: Base) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for p in base.places:
        groups.setdefault(p["kind"], []).append(p)
    out = []
    for kind, rows in groups.items():
        names = [p["name"] for p in rows]
        suffix = _common_suffix(names) if len(names) > 1 else ""
        # the best single member's words: a group is asked for by the words its members share
        words = max(overlap(q, f"{p['name']}|{p.get('theme') or ''}|{p.get('quote')}") for p in rows)
        links = sum(1 for p in rows if _links(q, base, p))
        suffix_hit = bool(suffix and suffix in q.masked)
        if words < MIN_WORDS + 1 and not suffix_hit:
            continue
        score = WORD_WEIGHT * words + (LINK if suffix_hit else 0) + min(links, LINK)
        show = {}
        if len({p.get("unit") for p in rows}) == len(rows) and all(p.get("unit") for p in rows):
            show = {p["id"]: f"{p['name']}（{base.name(p['unit'])}）" for p in rows}
        ids = {p["id"] for p in rows}
        note = base.open_note(ids)
        out.append({"label": kind, "members": rows, "score": score, "evidence": [ev(p) for p in rows],
                    "note": note, "open": bool(note), "show": show})
    return out


def _common_suffix(names: list[str]) -> str:
    out = ""
    for chars in zip(*(reversed(n) for n in names)):
        if len(set(chars)) != 1:
            break
        out = chars[0] + out
    return out


def _check_lists(q: Question, base: Base) -> list[dict]:
    out = []
    for c in base.fb.records("checks"):
        items = c.get("items")
        if not items:
            continue
        counted = base.fb.get(c.get("expected") or "") or {}
        band = base.reader.bands.get(counted.get("band") or "")
        if band is not None and _question_band(q) not in (None, band):
            continue  # a count of one investment band; the question names another
        words = overlap(q, "|".join([c.get("quote") or "", counted.get("metric") or "", *(counted.get("keywords") or [])]))
        if words < MIN_WORDS + 1:
            continue
        members = [r for r in (base.fb.get(i) for i in items) if r]
        note = c.get("note")
        opened = base.open_note(set(items))
        out.append({"label": c.get("description") or c["id"], "members": members, "score": WORD_WEIGHT * words,
                    "evidence": [ev(c)], "note": "; ".join(n for n in (note, opened) if n) or None,
                    "open": bool(opened)})
    return out


def _mention_lists(q: Question, base: Base) -> list[dict]:
    """The units a record names (迎宾、清华园、牟山等社区 开展居家养老服务): a list found by the record's words."""
    out = []
    for rec in [*base.places, *base.events, *base.projects]:
        members = [r for r in (base.fb.get(i) for i in rec.get("mentions") or []) if r and r["id"].startswith("unit:")
                   and r.get("kind") not in OFFICE_KINDS]
        if len(members) < 2:
            continue
        words = overlap(q, f"{rec.get('name') or rec.get('event') or ''}|{rec.get('quote')}")
        if words < MIN_WORDS + 1:
            continue
        note = base.open_note({rec["id"]})
        out.append({"label": rec.get("name") or rec.get("event") or rec["id"], "members": members,
                    "score": WORD_WEIGHT * words, "evidence": [ev(rec)], "note": note, "open": bool(note)})
    return out


def lists(q: Question, base: Base) -> list[dict]:
    out = []
    for c in list_candidates(q, base):
        names = [_member(m, c) for m in c["members"]]
        answer = "、".join(names) + ("等" if c.get("open") else "")
        out.append(make("list", answer, c["score"], c["evidence"], members=names, value=len(names),
                        unit="个", note=c.get("note"), text=c["label"], _ids=[m["id"] for m in c["members"]],
                        _open=bool(c.get("open")), _structured=bool(c.get("structured")),
                        _levels=c.get("levels") or ()))
    return out


# ---------------------------------------------------------------- attributes of a named thing

_ASK_DESIGNATION = Words("什么类型|什么样|哪种类型|哪类|哪一类|什么型|打造成什么|打造为什么|打造成了什么|定位|什么特色|"
                         "什么主题|什么小巷|哪种")
_ASK_OFFICE = Words("办事处|管辖|归属|属于哪|归哪|隶属")
_ASK_PARENT = Words("哪个社区|哪个村|哪个乡|哪个小区|在哪|位于|所在|指导|哪里|属于哪个社区|哪个镇")
_ASK_ROLE = Words("职务|身份|担任|职位|什么人|干什么|做什么|是谁|什么官|头衔")
_ASK_SECTOR = Words("行业|领域|涉及")
_ASK_LEVEL = Words("级别|哪一级|什么级|哪级|层级")
_BEFORE = Words("调整前|之前|以前|原来|原先|成立时|当时|1999")


def attributes(q: Question, base: Base, every: bool = False) -> list[dict]:
    """Attributes of the things the question names; `every`: all of them, whatever the question asks (for
    checking a yes/no statement against them)."""
    out = []
    named = [r for _, _, r in q.named]
    named += [h for h in base.honours if h["title"] in q.canon]
    seen = set()
    for rec in named:
        if rec["id"] in seen:
            continue
        seen.add(rec["id"])
        out += _attributes_of(q, base, rec, every)
    if not every:
        out += _holders(q, base)
    return out


def _attribute(rec: dict, metric: str, answer: str, evidence: list[dict], value_ids=(), score=ATTRIBUTE_BASE,
               **fields) -> dict:
    return make("attribute", answer, score, evidence, subject=rec.get("name") or rec.get("title"), metric=metric,
                _ids=list(value_ids), _subject_ids=[rec["id"]], **fields)


def _theme_text(p: dict) -> str:
    """A theme as the article writes it, to the end of the quote (门前三包责任制 → 门前三包责任制小巷)."""
    quote = p.get("quote") or ""
    at = quote.find(p["theme"])
    return (quote[at:] if at >= 0 else p["theme"]).translate({ord(c): None for c in "“”‘’\"'"})


def _attributes_of(q: Question, base: Base, rec: dict, every: bool = False) -> list[dict]:
    rid = rec["id"]
    m = q.canon
    out = []
    table = base.fb.table_of(rid)
    if every or _ASK_DESIGNATION.search(m):
        if rec.get("designations"):
            places = [p for p in base.places if p.get("unit") == rid and p["name"] in rec["designations"]]
            out.append(_attribute(rec, "designation", "、".join(rec["designations"]),
                                  [ev(p) for p in places] or [ev(rec)], [p["id"] for p in places],
                                  members=list(rec["designations"]), note=base.open_note({rid})))
        if rec.get("theme") and table == "places":
            out.append(_attribute(rec, "theme", _theme_text(rec), [ev(rec)]))
        if table == "units":  # the unit's own features: places of the unit with a theme (打柴口村 → 都市乡村)
            for p in base.places:
                if p.get("unit") == rid and p.get("theme") and p.get("kind") != "designation":
                    out.append(_attribute(rec, "theme", _theme_text(p), [ev(p)], score=ATTRIBUTE_BASE + 1))
    if table == "units" and rec.get("kind") not in OFFICE_KINDS and rec.get("member") and (
            every or _ASK_OFFICE.search(q.masked)):
        before = bool(_BEFORE.search(m))
        month = None
        if before and base.months:
            month = base.months[0] if len(base.months) < 2 else base.months[-2]
        if q.span is not None and not q.span.present:
            month = _show(q.span.end)
        h = queries.office_at(rec, month)
        if h:
            out.append(_attribute(rec, "office", h["office"], [{"id": rid, "quote": h.get("quote", "")}],
                                  [h.get("office_id")], ATTRIBUTE_BASE + (1 if before or q.span else 0),
                                  note=f"as of {month or 'now'}"))
    parent_id = rec.get("parent") or (rec.get("unit") if table in ("places", "people") else None)
    if parent_id and (every or _ASK_PARENT.search(q.masked) or _ASK_OFFICE.search(q.masked)):
        parent = base.fb.get(parent_id)
        evidence = [ev(rec)]
        fields: dict = {}
        for e in base.events:
            if {rid, parent_id} <= set(e.get("mentions") or []):
                evidence.append(ev(e))
                fields = _date_fields(e)
                break
        out.append(_attribute(rec, "parent", parent["name"], evidence, [parent_id], text=parent["name"], **fields))
    if table == "people" and rec.get("role") and (every or _ASK_ROLE.search(m)):
        out.append(_attribute(rec, "role", rec["role"], [ev(rec)]))
    if table == "projects" and rec.get("sector") and (every or _ASK_SECTOR.search(m)):
        out.append(_attribute(rec, "sector", rec["sector"], [ev(rec)], note=rec.get("note")))
    if table == "projects" and rec.get("investment") and (q.want in MONEY or "投资" in m):
        inv = rec["investment"]
        out.append(_attribute(rec, "investment", inv.get("text"), [ev(rec)], value=inv.get("min"), unit="元",
                              qualifier="band", note=f"band: min {inv.get('min')}, max {inv.get('max')} (元)"))
    if table == "honours" and (every or _ASK_LEVEL.search(m)):
        out.append(_attribute(rec, "level", rec["level"], [ev(rec)]))
    if table == "honours" and q.asks_for(WHEN) and rec.get("year"):
        out.append(make("event", f"{rec['year']}年", ATTRIBUTE_BASE, [ev(rec)], subject=rec["title"],
                        date=str(rec["year"]), precision="year", inferred=False))
    return out


_ASKED_TYPE = re.compile(r"(?:哪个|哪一个|哪些|哪几个|哪几|哪家|哪条|哪所|什么|哪|几个|几条|几项|多少个)"
                         r"(社区|村|小区|乡|巷|小巷|渠|项目|品牌|支部|党支部|企业|单位|荣誉)")


def _is_type(rec: dict, t: str) -> bool:
    name = rec.get("name") or rec.get("title") or ""
    return t in (rec.get("kind") or "") or name.endswith(t) or (t == "荣誉" and "title" in rec)


def _holders(q: Question, base: Base) -> list[dict]:
    """哪个社区被打造成文化型社区: the record of the asked type whose words and links fit the question best."""
    m = _ASKED_TYPE.search(q.canon)
    if not m:
        return []
    t = m.group(1)
    pool: list[dict] = []
    if t in ("社区", "村", "小区", "乡"):
        pool = [u for u in base.units if t in u["kind"] or (t == "社区" and u["kind"] == "社区")]
    elif t in ("巷", "小巷", "渠", "品牌", "支部", "党支部"):
        pool = [p for p in base.places if p["name"].endswith(t[-1]) or t in (p.get("quote") or "")]
    elif t == "项目":
        pool = list(base.projects)
    scored = []
    named_links = {x for rid in q.ids if (r := base.fb.get(rid)) for x in (r.get("parent"), r.get("unit")) if x}
    for rec in pool:
        if rec["id"] in q.ids:
            continue  # the question names it: it is not what is asked
        if rec["id"] in named_links:
            continue  # the parent or unit of a named thing: answered as its attribute, with its own quote
        links = _links(q, base, rec)
        for p in base.places:  # the question names a designation or theme of the record
            if p.get("unit") == rec["id"] and p["id"] in q.ids:
                links += LINK
        if rec.get("theme") and rec["theme"] in q.canon:
            links += LINK
        words = overlap(q, base.bag(rec))
        if words < MIN_WORDS and not links:
            continue
        scored.append((WORD_WEIGHT * words + links, rec))
    scored.sort(key=lambda t: -t[0])
    out = []
    plural = bool(_has("哪些|哪几", q.canon))
    for score, rec in scored[:3]:
        score -= PLURAL_HOLDER_PENALTY if plural else 0
        evidence = [ev(rec)]
        fields: dict = {}
        for e in base.mentioned_by.get(rec["id"], []):
            if "event" in e and (set(e.get("mentions") or []) & q.ids):
                evidence.append(ev(e))
                fields = _date_fields(e)
                break
        out.append(make("attribute", rec["name"], score, evidence, subject=rec["name"], metric="holder",
                        _ids=[rec["id"]], **fields))
    return out


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
            return [make("verdict", YES_NO_ANSWER[verdict], ATTRIBUTE_BASE, evidence, verdict=verdict, note=reason,
                         text=statement)]
    out = []
    # a date: the event's date against the statement's (the event is found by the words, dates left out)
    if sq.span is not None and not sq.span.present:
        undated = Question(base.reader, _DATES.sub("", statement))
        for score, e in events_ranked(undated, base)[:1]:
            es = fact_span(_event_period(e), base.reader.as_of)
            if es is None or (score < EVENT_VERDICT_MIN and _cover(undated, e) < EVENT_VERDICT_COVER):
                continue
            inside = sq.span.start <= es.start and es.end <= sq.span.end
            disjoint = es.end < sq.span.start or es.start > sq.span.end
            verdict = SUPPORTED if inside else CONTRADICTED if disjoint else UNKNOWN
            out.append(make("verdict", YES_NO_ANSWER[verdict], score, [ev(e)], verdict=verdict,
                            note=f"the article dates it {show_date(e, base)}", text=statement, **{
                                k: v for k, v in _date_fields(e).items() if k != "note"}))
    said = set(sq.ids) | {h["id"] for h in base.honours if h["title"] in sq.canon}
    # a person's role as written
    for p in sq.records("person:"):
        parts = [x for x in re.split(r"[、，,]", p.get("role") or "") if x]
        rest = sq.canon.replace(canon(p["name"]), "")
        if parts and any(canon(x) in rest or re.sub(r"^.*(?:办事处|小区|社区)", "", canon(x)) in rest for x in parts):
            out.append(make("verdict", YES_NO_ANSWER[SUPPORTED], ATTRIBUTE_BASE, [ev(p)], verdict=SUPPORTED,
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
        # the nearest facts: what the article says of the things the statement names, else its list
        specific = said - base.reader.broad
        near = [make("event", e.get("event"), 0, [ev(e)]) for e in base.events
                if specific & set(e.get("mentions") or [])]
        near += lists(sq, base) + attributes(sq, base, every=True)
        for a in near[:1]:
            out.append(_verdict(UNKNOWN, a, statement, f"the article does not say; nearest: {a['answer']}",
                                score=UNKNOWN_SCORE))
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
                    or a["score"] < DERIVED_VERDICT_MIN:
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


_GENERIC = re.compile(r"获得过|获得|得到|过|了|的|有|是|被|曾经|曾|在|都|还|个|项|吗")


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


def _attribute_vocabulary(base: Base, metric: str) -> list[str]:
    if metric == "designation":
        return sorted({d for u in base.units for d in u.get("designations") or []})
    if metric in ("office", "parent"):
        return [u["name"] for u in base.fb.records("units")]
    if metric == "role":
        return sorted({p["role"] for p in base.people if p.get("role")})
    if metric == "level":
        return sorted({h["level"] for h in base.honours})
    if metric == "sector":
        return base.sectors
    return []


def _event_period(e: dict) -> str:
    d, end = e["date"], e.get("end")
    return f"{d}/{end}" if end else d


__all__ = ["Base", "make", "figures", "derived", "events", "people", "lists", "attributes", "verdicts",
           "ANSWER_KEYS", "HOW_MANY", "WHEN", "WHO", "WHICH", "YES_NO", "bigrams", "Decimal"]
