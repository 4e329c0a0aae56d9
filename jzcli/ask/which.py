"""Which ones, which one, what kind: lists (units by office and month, projects by band, status or sector,
honours by year or level, places of one kind, the article's counted lists, the units a record names) and
attributes of a named thing (designation, theme, office at a month, parent, role, sector, level, investment),
and the thing of an asked kind that fits a description (哪个社区被打造成文化型社区)."""

from __future__ import annotations

from jzcli import queries
from jzcli.ask import weights as W
from jzcli.ask.base import OFFICE_KINDS, Base, date_fields, ev, has_word, link_score, make, month_index, question_band
from jzcli.ask.question import MONEY, WHEN, Pattern, Question, Words, overlap, show_month

# ---------------------------------------------------------------- lists (which ones; how many)

_MOVED = Words("划归|划出|划走|调出|划入|移交|划给|分出|划分出去|转入|转归|调整出去|归入")


_FOUNDING = Words("成立时|成立之初|成立初|当时|最初|原来|原先|起初|建立时|1999")


_NOW = Words("仍属|仍归|仍然|留在|现在|目前|如今|现辖|调整后|至今|还管辖|现有|管辖|下辖|辖|所属|包括")


_ALL_UNITS = Words("社区(村)|社区（村）|社区和村|村和社区|社区、村|社区及村|单位")


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
    if has_word("哪个|哪一个|哪位|哪家|哪条|哪所", q.canon) and not has_word("哪些|哪几", q.canon):
        for c in out:
            c["score"] -= W.SINGULAR_LIST_PENALTY
    asked = _ASKED_TYPE.search(q.canon)
    if asked:  # 哪些社区 / 几条小巷: lists of that kind of thing first
        for c in out:
            if c["members"] and all(_is_type(m, asked.group(1)) for m in c["members"]):
                c["score"] += W.FILTER_BONUS
    return [c for c in out if c["members"]]


def _unit_list(q: Question, base: Base) -> list[dict]:
    m = q.masked
    if not has_word("社区|村|单位", m):
        return []
    offices = [r for r in q.records("unit:") if r.get("kind") in OFFICE_KINDS]
    others = [r for r in q.records("unit:") if r.get("kind") not in OFFICE_KINDS]
    if others and not has_word("哪些|哪几|多少|几个", q.canon):
        return []  # a question about one named unit is not a list question
    filters = 0
    label = []
    moved = bool(_MOVED.search(m))
    if moved and len(base.months) >= 2:
        month, prev = base.months[-1], base.months[-2]
        rows, left = [], set()
        for u in base.members:
            now, before = queries.office_at(u, month), queries.office_at(u, prev)
            if now and before and now.get("office_id") != before.get("office_id"):
                rows.append((u, now))
                left.add(before.get("office_id"))
        filters += 1
        label.append(f"moved {month}")
        # the office they moved to, not the one they left
        target = [o for o in offices if o["id"] not in left and any(h.get("office_id") == o["id"] for _, h in rows)]
        if target:
            rows = [(u, h) for u, h in rows if h.get("office_id") == target[0]["id"]]
            filters += 1
    else:
        if _FOUNDING.search(m) or (q.span is not None and base.months and q.span.end < month_index(base.months[-1])):
            month = base.months[0] if base.months else None
            filters += 1
        elif q.span is not None and not q.span.present:
            month = show_month(q.span.end)
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
    elif has_word("社区", m) and not has_word("村", m):
        rows = [(u, h) for u, h in rows if "社区" in u["kind"]]
        filters += 1
    elif has_word("村", m) and not has_word("社区", m):
        rows = [(u, h) for u, h in rows if u["kind"] == "村"]
        filters += 1
    plural = has_word("哪些|哪几|多少|几个", q.canon)
    if not filters or not (moved or month is not None or _NOW.search(m) or (offices and plural)):
        return []  # which office, which month: a list of units needs one of them
    rows.sort(key=_article_order)
    members = [u for u, _ in rows]
    evidence, quotes = [], set()
    for u, h in rows:  # one quote per list the article prints
        if h.get("quote") not in quotes:
            quotes.add(h.get("quote"))
            evidence.append({"id": u["id"], "quote": h.get("quote", "")})
    return [{"label": " ".join(label), "members": members, "score": W.LIST_BASE + W.FILTER_BONUS * filters,
             "evidence": evidence, "note": None, "open": False, "structured": True}]


def _article_order(row: tuple[dict, dict]) -> tuple:
    """Units in the order the article lists them: by their history quote, then by place in it."""
    u, h = row
    quote = h.get("quote") or ""
    at = quote.find(u.get("short") or u["name"])
    return (quote, at if at >= 0 else len(quote))


def _project_list(q: Question, base: Base) -> list[dict]:
    m = q.masked
    band = question_band(q)
    if not has_word("项目|工程", m) and band is None:
        return []
    lo, hi = band or (None, None)
    filters = 1 if band else 0
    status = None
    if has_word("签约|招商", m):
        status = "signed"
    elif has_word("落地", m):
        status = "landed"
    elif has_word("重点|在建|推进", m):
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
    return [{"label": "projects", "members": rows, "score": W.LIST_BASE + W.FILTER_BONUS * filters,
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
    return [{"label": "honours", "members": rows, "score": W.LIST_BASE + W.FILTER_BONUS * filters,
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
        links = sum(1 for p in rows if link_score(q, base, p))
        suffix_hit = bool(suffix and suffix in q.masked)
        if words < W.MIN_WORDS + 1 and not suffix_hit:
            continue
        score = W.WORD_WEIGHT * words + (W.LINK if suffix_hit else 0) + min(links, W.LINK)
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
        if band is not None and question_band(q) not in (None, band):
            continue  # a count of one investment band; the question names another
        words = overlap(q, "|".join([c.get("quote") or "", counted.get("metric") or "", *(counted.get("keywords") or [])]))
        if words < W.MIN_WORDS + 1:
            continue
        members = [r for r in (base.fb.get(i) for i in items) if r]
        note = c.get("note")
        opened = base.open_note(set(items))
        out.append({"label": c.get("description") or c["id"], "members": members, "score": W.WORD_WEIGHT * words,
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
        if words < W.MIN_WORDS + 1:
            continue
        note = base.open_note({rec["id"]})
        out.append({"label": rec.get("name") or rec.get("event") or rec["id"], "members": members,
                    "score": W.WORD_WEIGHT * words, "evidence": [ev(rec)], "note": note, "open": bool(note)})
    return out


def lists(q: Question, base: Base) -> list[dict]:
    out = []
    for c in list_candidates(q, base):
        names = [member_name(m, c) for m in c["members"]]
        answer = "、".join(names) + ("等" if c.get("open") else "")
        out.append(make("list", answer, c["score"], c["evidence"], members=names, value=len(names),
                        unit="个", note=c.get("note"), text=c["label"], _ids=[m["id"] for m in c["members"]],
                        _open=bool(c.get("open")), _structured=bool(c.get("structured")),
                        _levels=c.get("levels") or ()))
    return out


# ---------------------------------------------------------------- attributes of a named thing

_ASK_DESIGNATION = Words("什么类型|什么样|哪种类型|哪类|哪一类|什么型|打造成什么|打造为什么|打造成了什么|定位|什么特色|"
                         "什么主题|什么小巷|哪种|什么模式|哪种模式|是什么|怎样的|什么内容")


_ASK_OFFICE = Words("办事处|管辖|归属|属于哪|归哪|隶属")


_ASK_PARENT = Words("哪个社区|哪个村|哪个乡|哪个小区|在哪|位于|所在|指导|哪里|属于哪个社区|哪个镇")


ASK_ROLE = Words("职务|身份|担任|职位|什么人|干什么|做什么|是谁|什么官|头衔")


_ASK_SECTOR = Words("行业|领域|涉及")


_ASK_LEVEL = Words("级别|哪一级|什么级|哪级|层级")


NOT_SAID = "文章没有说"  # the answer when the article names the thing but not what is asked of it
ASK_BAND = Words("投资档次|档次|哪一档|哪档|哪个区间|投资区间|投资范围")
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


def _attribute(rec: dict, metric: str, answer: str, evidence: list[dict], value_ids=(), score=W.ATTRIBUTE_BASE,
               **fields) -> dict:
    return make("attribute", answer, score, evidence, subject=rec.get("name") or rec.get("title"), metric=metric,
                _ids=list(value_ids), _subject_ids=[rec["id"]], **fields)


def _theme_text(p: dict) -> str:
    """A theme as the article writes it, to the end of the quote (门前三包责任制 → 门前三包责任制小巷)."""
    quote = p.get("quote") or ""
    at = quote.find(p["theme"])
    # a theme the quote cuts (a list broken over a page): the theme, then the name it makes up (…六位一体的…模式)
    text = quote[at:] if at >= 0 else p["theme"] + (p.get("name") or "") * (p.get("name", "") not in p["theme"])
    return text.translate({ord(c): None for c in "“”‘’\"'"})


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
                    out.append(_attribute(rec, "theme", _theme_text(p), [ev(p)], score=W.ATTRIBUTE_BASE + 1))
    if table == "units" and rec.get("kind") not in OFFICE_KINDS and rec.get("member") and (
            every or _ASK_OFFICE.search(q.masked)):
        before = bool(_BEFORE.search(m))
        month = None
        if before and base.months:
            month = base.months[0] if len(base.months) < 2 else base.months[-2]
        if q.span is not None and not q.span.present:
            month = show_month(q.span.end)
        h = queries.office_at(rec, month)
        if h:
            out.append(_attribute(rec, "office", h["office"], [{"id": rid, "quote": h.get("quote", "")}],
                                  [h.get("office_id")], W.ATTRIBUTE_BASE + (1 if before or q.span else 0),
                                  note=f"as of {month or 'now'}"))
    parent_id = rec.get("parent") or (rec.get("unit") if table in ("places", "people") else None)
    if parent_id and (every or _ASK_PARENT.search(q.masked) or _ASK_OFFICE.search(q.masked)):
        parent = base.fb.get(parent_id)
        evidence = [ev(rec)]
        fields: dict = {}
        for e in base.events:
            if {rid, parent_id} <= set(e.get("mentions") or []):
                evidence.append(ev(e))
                fields = date_fields(e)
                break
        out.append(_attribute(rec, "parent", parent["name"], evidence, [parent_id], text=parent["name"], **fields))
    if table == "people" and rec.get("role") and (every or ASK_ROLE.search(m)):
        out.append(_attribute(rec, "role", rec["role"], [ev(rec)]))
    elif table == "people" and not every and ASK_ROLE.search(m):  # 冯科峰担任什么职务: no title is given
        out.append(_attribute(rec, "role", NOT_SAID, [ev(rec)],
                              note=f"the article gives {rec['name']} no title" + (f": {rec['note']}" if rec.get("note") else "")))
    if table == "projects" and rec.get("sector") and (every or _ASK_SECTOR.search(m)):
        out.append(_attribute(rec, "sector", rec["sector"], [ev(rec)], note=rec.get("note")))
    if table == "projects" and rec.get("investment") and (q.want in MONEY or "投资" in m):
        inv = rec["investment"]
        out.append(_attribute(rec, "investment", inv.get("text"), [ev(rec)], value=inv.get("min"), unit="元",
                              qualifier="band", note=f"band: min {inv.get('min')}, max {inv.get('max')} (元)"))
    if table == "honours" and (every or _ASK_LEVEL.search(m)):
        out.append(_attribute(rec, "level", rec["level"], [ev(rec)]))
    if table == "honours" and q.asks_for(WHEN) and rec.get("year"):
        out.append(make("event", f"{rec['year']}年", W.ATTRIBUTE_BASE, [ev(rec)], subject=rec["title"],
                        date=str(rec["year"]), precision="year", inferred=False))
    return out


_ASK_NAME = ("什么{}", "哪种{}", "何种{}", "{}叫什么", "{}的名字", "{}的名称", "{}名称")


def _head(p: dict) -> str:
    """The kind of thing a place is, as the article writes it: the last two characters of its name, or of the
    words the quote goes on with after a quoted name (“红动九州·争做最美党员”在职党员志愿服务活动 → 活动)."""
    name, quote = p.get("name") or "", p.get("quote") or ""
    at = quote.find(name + "”")
    tail = quote[at + len(name) + 1:] if at >= 0 else ""
    return (tail if len(tail) >= 2 else name.rstrip("”’\"'"))[-2:]


def kind_names(q: Question, base: Base) -> list[dict]:
    """用的是什么模式 / 活动叫什么名字: the place whose kind (its name's head, 模式 / 活动) the question asks the
    name of, linked to a thing the question names or sharing its words; answered with its name as written
    (and its theme where the quote puts the theme before the name: “党委+支部”的“两新”组织党建新模式)."""
    out = []
    for p in base.places:
        head = _head(p)
        if len(head) < 2 or p["id"] in q.ids or not any(w.format(head) in q.canon for w in _ASK_NAME):
            continue  # a place the question names is asked about, not for (两新组织党建新模式是什么)
        links = link_score(q, base, p)
        mentioned = "|".join(base.name(m) or "" for m in p.get("mentions") or ())  # 两新 model: 市餐饮协会党委
        words = overlap(q, f"{p['name']}|{p.get('theme') or ''}|{p.get('quote')}|{mentioned}".replace(head, "|"))
        if (links < W.LINK if q.ids - base.reader.broad else words < W.MIN_WORDS):
            continue  # linked to the specific thing the question names; else sharing its words
        quote = p.get("quote") or ""
        starts = [i for i in (quote.find(p["name"]), quote.find(p.get("theme") or "\0")) if i >= 0]
        text = p["name"]
        if starts and not any(w in q.canon for w in ("名字", "名称", "叫什么")):
            first = min(starts)
            text = quote[first - (quote[first - 1:first] == "“"):]  # from the theme or name, its quote marks kept
        out.append(_attribute(p, "name", text, [ev(p)], [p["id"]], W.ATTRIBUTE_BASE + links + W.WORD_WEIGHT * words,
                              text=p["name"]))
    return out


_ASKED_TYPE = Pattern(r"(?:哪个|哪一个|哪些|哪几个|哪几|哪家|哪条|哪所|什么|哪|几个|几条|几项|多少个)"
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
        links = link_score(q, base, rec)
        for p in base.places:  # the question names a designation or theme of the record
            if p.get("unit") == rec["id"] and p["id"] in q.ids:
                links += W.LINK
        if rec.get("theme") and rec["theme"] in q.canon:
            links += W.LINK
        words = overlap(q, base.bag(rec))
        if words < W.MIN_WORDS and not links:
            continue
        scored.append((W.WORD_WEIGHT * words + links, rec))
    scored.sort(key=lambda t: -t[0])
    out = []
    plural = bool(has_word("哪些|哪几", q.canon))
    for score, rec in scored[:3]:
        score -= W.PLURAL_HOLDER_PENALTY if plural else 0
        evidence = [ev(rec)]
        fields: dict = {}
        for e in base.mentioned_by.get(rec["id"], []):
            if "event" in e and (set(e.get("mentions") or []) & q.ids):
                evidence.append(ev(e))
                fields = date_fields(e)
                break
        out.append(make("attribute", rec["name"], score, evidence, subject=rec["name"], metric="holder",
                        _ids=[rec["id"]], **fields))
    return out


def member_name(m: dict, cand: dict) -> str:
    return cand.get("show", {}).get(m["id"]) or m.get("name") or m.get("title") or m["id"]
