"""What every answerer shares: the answer record (the same keys for every kind), the fact base as the
answerers see it (records, links, open lists, the vocabulary), dates as a reporter writes them."""

from __future__ import annotations

from jzcli import queries
from jzcli.ask import weights as W
from jzcli.ask.question import BOUNDS, MONEY, Question, Words, band_of, fact_span

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
    for e in evidence:  # a record once per quote: a person's record, then the words they speak
        if e and e.get("id") and (e["id"], e.get("quote")) not in seen:
            seen.add((e["id"], e.get("quote")))
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
        # a brand named after a person (李显文矛盾调解室): the names meta.not_people keeps out of `people`, each
        # with the places whose name holds it
        self.namesakes = [(n["name"], p) for n in fb.meta.get("not_people") or [] if n.get("name")
                          for p in self.places if n["name"] in p["name"]]

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


def link_score(q: Question, base: Base, rec: dict) -> float:
    """How strongly the things the question names are linked to this record (it refers to them or they to
    it): W.LINK each, W.BROAD_LINK for the office itself, which nearly every record refers to."""
    refs = {rec.get("subject"), rec.get("unit"), rec.get("parent"), *(rec.get("mentions") or [])} - {None}
    n = 0.0
    for rid in q.ids:
        other = base.fb.get(rid)
        if rid in refs or rid == rec["id"] or (other and (
                other.get("unit") == rec["id"] or other.get("parent") == rec["id"]
                or rec["id"] in (other.get("mentions") or []))):
            n += W.BROAD_LINK if rid in base.reader.broad else W.LINK
    return n


_WORDS: dict[str, Words] = {}


def has_word(alternatives: str, text: str) -> bool:
    """Is one of the words ("社区|村") in text? (plain substrings: no pattern to compile at start-up)"""
    w = _WORDS.get(alternatives)
    if w is None:
        w = _WORDS[alternatives] = Words(alternatives)
    return w.search(text) is not None


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


def date_fields(rec: dict) -> dict:
    inferred = bool(rec.get("inferred"))
    note = None
    if inferred:
        note = f"the year is inferred: the article writes {rec.get('date_text')!r} (article of {rec.get('date', '')[:4]})"
    if rec.get("status") == "planned":
        note = ((note + "; ") if note else "") + "planned, not done (预计)"
    return {"date": rec.get("date"), "end": rec.get("end"), "precision": rec.get("precision"),
            "inferred": inferred, "note": note}


# ---------------------------------------------------------------- words of a question: years, months, bands


def is_year(word: str) -> bool:
    """1999年: a year, which says when, not what."""
    return len(word) == 5 and word.endswith("年") and word[:4].isdigit()


def month_index(month: str) -> int:
    """"2017-11" as a count of months, as the checker's periods count them."""
    return fact_span(month, None).start


def question_band(q: Question) -> tuple[int | None, int | None] | None:
    """The investment band a question names (10亿元以上, 1亿元到5亿元, 至少5亿元, 不超过1亿元), read as the
    checker reads a claim's band (band_of), or None; an amount without a bound (投资5亿元的) names no band."""
    lo = hi = None
    found = False
    for f in q.figures:
        if f.unit not in MONEY and not (f.unit is None and ("亿" in f.text or "万" in f.text)):
            continue  # 1亿到5亿: an amount of money without 元
        found = True
        if f.high is not None or f.qualifier in BOUNDS:
            a, b = band_of(f)
            lo, hi = (int(a) if a is not None else lo), (int(b) if b is not None else hi)
    return (lo, hi) if found else None
