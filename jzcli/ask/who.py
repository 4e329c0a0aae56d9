"""Who: people with their roles as written, and the events that name them."""

from __future__ import annotations

from jzcli.ask import weights as W
from jzcli.ask.base import Base, date_fields, ev, link_score, make
from jzcli.ask.question import Pattern, Question, Words, overlap
from jzcli.ask.when import cover, events_ranked
from jzcli.ask.which import NOT_SAID

# ---------------------------------------------------------------- people (who)



_WHO_AROUND = Pattern(r"(?:谁是|哪位|哪个)(.{1,12})|(.{1,12})(?:是谁|叫什么|的名字|姓什么|是什么人|是做什么的|是干什么的)")


def _asked_about(text: str) -> str:
    """The words a who-question asks about (谁是X / X是谁 / X叫什么), not those it says in passing (向记者介绍)."""
    return "|".join(g.rsplit("的", 1)[-1] for m in _WHO_AROUND.finditer(text) for g in m.groups() if g)


# 说了什么 / 表示了什么 / 说要开创什么新局面 / 怎么说: what a person named says
_SAID = Pattern(r"(?:说|讲|表示|谈|告诉记者|介绍)[^，,。？?]{0,10}?(?:什么|啥|哪些)|怎么说")

# Where in the article a question places the words (文章结尾 → the closing paragraph): people.yaml's positions.
_AT = {"closing": Words("结尾|末尾|最后|结束语|文末|收尾|结语|最末|尾声"), "opening": Words("开头|开篇|首段|一开始")}
_POSITION_LABEL = {"closing": "the article's closing words", "opening": "the article's opening words",
                   "body": "in the article"}


def _spoken(q: Question, p: dict) -> tuple[float, int, dict | None]:
    """(position bonus, shared words, statement) of the person's statement that best fits the question: its
    words, how the article says they speak (告诉记者, 算了一笔账) and where it stands (文章结尾)."""
    best: tuple[float, int, dict | None] = (0.0, 0, None)
    for s in p.get("statements") or []:
        at = _AT.get(s["position"])
        place = W.POSITION if at is not None and at.search(q.canon) else 0.0
        words = overlap(q, f"{s['quote']}|{s['attribution']}")
        if (place + words, words) > (best[0] + best[1], best[1]):
            best = (place, words, s)
    return best


def _spoken_fields(p: dict, s: dict) -> tuple[dict, dict]:
    """The statement as evidence (the person's id, the words spoken) and where it stands."""
    where = _POSITION_LABEL[s["position"]] + (f" ({s['section']})" if s.get("section") else "")
    return {"id": p["id"], "quote": s["quote"]}, {"note": f"{p['name']} {s['attribution']}: {where}"}


def said_by(q: Question, base: Base) -> list[dict]:
    """张晓凯说了什么: the words the person named speaks in the article (each statement, best fit first), with
    where they stand; the events that name them as further evidence."""
    if not _SAID.search(q.canon):
        return []
    out = []
    for p in q.records("person:"):
        said = [e for e in base.mentioned_by.get(p["id"], []) if "event" in e]
        statements = sorted(p.get("statements") or [], key=lambda s: -overlap(q, f"{s['quote']}|{s['attribution']}"))
        for i, s in enumerate(statements):
            quote, fields = _spoken_fields(p, s)
            out.append(make("attribute", s["quote"], W.ATTRIBUTE_BASE - i * W.TIE_GAP, [quote, ev(p), *map(ev, said)],
                            id=p["id"], subject=p["name"], metric="said", text=p["name"], **fields))
    return out


_NAMED_AFTER = Words("命名|名字|冠名|叫谁|以谁|谁的名|名为|得名")


def namesakes(q: Question, base: Base) -> list[dict]:
    """以谁的名字命名 / 叫谁的名字: the person a brand is named after (李显文矛盾调解室 → 李显文), found by the
    brand's other words (矛盾调解室); the article says nothing else of them."""
    out = []
    for name, place in base.namesakes:
        rest = place["name"].replace(name, "|")
        words = overlap(q, rest)
        links = link_score(q, base, place) + (W.LINK if name in q.canon else 0)  # the brand, or the name, named
        if words < W.MIN_WORDS and not links:
            continue
        score = W.WORD_WEIGHT * words + links + (W.LINK if _NAMED_AFTER.search(q.canon) else 0)
        out.append(make("person", f"{name}（“{place['name']}”）", score, [ev(place)], subject=name, text=place["name"],
                        note=f"named after {name}; the article names them only in {place['name']}"))
    return out


# how a unit takes part in an event, said in the question and in the event (在凤凰城社区的指导下)
_TAKES_PART = Words("指导|组织|主办|承办|牵头|帮扶|协调|负责")


def namesake_roles(q: Question, base: Base, asks_role) -> list[dict]:
    """李显文担任什么职务 / 蔡阁是做什么的: the article names them only in a brand, with no title."""
    out = []
    if asks_role.search(q.canon):
        for name, place in base.namesakes:
            if name in q.canon:
                out.append(make("attribute", NOT_SAID, W.ATTRIBUTE_BASE, [ev(place)], subject=name, metric="role",
                                note=f"the article gives {name} no title: "
                                     f"named after {name}; the article names them only in {place['name']}"))
    return out


def participants(q: Question, base: Base) -> list[dict]:
    """天河嘉城小区党支部是谁指导成立的: the event the question describes, and the unit it names that the question
    does not (凤凰城社区), when the question asks how it took part (指导) in words the event has too."""
    verbs = _TAKES_PART.all(q.canon)
    out = []
    for score, e in events_ranked(q, base)[:1] if verbs else ():
        text = f"{e.get('event')}|{e.get('quote')}"
        if not any(v in text for v in verbs) or (
                score < W.EVENT_VERDICT_MIN and cover(q, e, base) < W.EVENT_VERDICT_COVER):
            continue
        named = q.ids | {r.get("unit") for rid in q.ids if (r := base.fb.get(rid))}
        for rid in e.get("mentions") or []:
            rec = base.fb.get(rid)
            if rec is None or rid in named or rid in base.reader.broad or base.fb.table_of(rid) != "units":
                continue
            out.append(make("attribute", rec["name"], score, [ev(e)], subject=rec["name"], metric="holder",
                            _ids=[rid], **date_fields(e)))
    return out


def _other_office(q: Question, base: Base, p: dict) -> bool:
    """The question names an office, and the person holds their title in another one."""
    offices = base.reader.offices
    named = set(q.ids) & offices
    return bool(named) and p.get("unit") in offices and p["unit"] not in named


def people(q: Question, base: Base) -> list[dict]:
    out = []
    for p in base.people:
        links = link_score(q, base, p)
        if p["id"] in q.ids:
            if p["name"] in _asked_about(q.canon):  # 刘全福是谁: who the person is, as the article says
                out.append(make("person", p["name"] + (f"（{p['role']}）" if p.get("role") else ""), W.ATTRIBUTE_BASE,
                                [ev(p)], id=p["id"], subject=p["name"], text=p.get("role"),
                                note=None if p.get("role") else f"the article states no title: {p.get('note') or ''}"))
                continue
            links -= 1  # the question names the person: asking who they are is an attribute
        unit = base.fb.get(p.get("unit") or "")
        # a person speaks of their own unit (张晓凯 of 天河嘉城小区's party branch); the curator's note says
        # what the article shows of them (a photo credit)
        bag = "|".join((base.bag(p), base.bag(unit) if unit else "", p.get("note") or ""))
        place, spoken, statement = _spoken(q, p)
        words = max(overlap(q, bag), spoken)
        # a number of the question that the article gives about this person (73岁的老人)
        links += place + W.LINK * sum(1 for f in q.figures for rec in base.mentioned_by.get(p["id"], [])
                            if rec.get("subject") == p["id"] and rec.get("value") == f.value and rec.get("unit") == f.unit)
        role = p.get("role") or ""
        # titles read with the vocabulary's roles, longest first: 党工委书记 is 书记, which 党工委副书记 is not
        asked, held = base.role_terms(_asked_about(q.masked)), base.role_terms(role)
        if any(a != h and (a.endswith(h) or h.endswith(a)) for a in asked - held for h in held):
            continue  # 党工委书记是谁 / 副主任是谁: a near title the person does not hold
        role_hits = len(asked & held)
        if role_hits and _other_office(q, base, p):
            continue  # 泰山路办事处筹建办主任是谁: 刘全福 is 主任 of another office
        if words < W.MIN_WORDS and not links and not role_hits:
            continue
        score = W.WORD_WEIGHT * words + W.ROLE_WEIGHT * role_hits + links
        evidence = [ev(p)]
        fields: dict = {}
        said = [e for e in base.mentioned_by.get(p["id"], []) if "event" in e]
        best = max(said, key=lambda e: overlap(q, f"{e.get('event')}|{e.get('quote')}"), default=None)
        if best is not None and overlap(q, f"{best.get('event')}|{best.get('quote')}") >= W.MIN_WORDS:
            evidence.append(ev(best))
            fields = date_fields(best)
        if statement is not None and (place or spoken >= W.MIN_WORDS):  # the words they speak, where they stand
            quote, where = _spoken_fields(p, statement)
            evidence.append(quote)
            fields.setdefault("note", None)
            fields["note"] = "; ".join(n for n in (fields["note"], where["note"]) if n)
        answer = p["name"] + (f"（{role}）" if role else "")
        out.append(make("person", answer, score, evidence, id=p["id"], subject=p["name"], text=role or None,
                        **fields))
    return out
