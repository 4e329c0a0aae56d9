"""Claims without a number: dates of events, honours, designations, roles, the office of a unit, the
community that guided a compound, a state that is only expected.

Each check reads one kind of statement from a (canonical) sentence and, when the sentence makes one, returns
a verdict with the record it rests on. A statement the fact base cannot settle is "unknown", with the
nearest records as evidence. Nothing here knows an answer: every rule reads records of facts.json.
"""

from __future__ import annotations

import bisect
import re

from jzcli import queries
from jzcli.check import operators as op
from jzcli.check import weights as W
from jzcli.check.periods import _month, _show_month
from jzcli.check.reading import Figure, _bigrams
from jzcli.check.verdict import CONTRADICTED, SUPPORTED, UNKNOWN, Result, _unmasked
from jzcli.lazyre import lazy

TYPE_CHECKING = False  # typing is not imported at start-up (~5 ms); type checkers read the block below
if TYPE_CHECKING:
    from jzcli.check.index import Reader

# a date as a reporter writes it: 1999年, 1999年7月, 今年7月5日, 2017年8月17日至23日, 8月19日, 9月底前
# Every part is optional, so the pattern matches nothing at most positions: the lookahead (the characters a
# match that is not empty starts with) lets the scan pass over those in C, with the same matches.
_DATE = lazy(
    r"(?=[\d今去前至到\-~底初中上下])"
    r"(?:(?P<y>(?<!\d)(?:1[89]\d\d|20\d\d))年(?:度)?|(?P<rel>今年|去年|前年))?"
    r"(?:(?P<m>(?<!\d)\d{1,2})月(?:份)?)?(?:(?P<d>(?<!\d)\d{1,2})[日号])?"
    r"(?:[至到\-~](?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号])?(?P<edge>底前|底|初|中旬|上旬|下旬)?")
_HONOUR_WORDS = lazy(r"获得|荣获|获评|被评为|评为|授予|称号|荣誉|命名为")
# a designation given to a community: 打造成生态型社区 (not 新型社区, a "new-type community")
_DESIGNATION = lazy(r"(?:打造成|打造为|建成|建设成|成为|定位为|评为|是)(?:了)?(?:一个)?(?P<kind>[\u4e00-\u9fff]{2})型社区")
# a membership predicate; 辖区 / 辖内 are nouns ("辖区医院"), not "X辖Y"
_BELONG = lazy(r"属于|隶属|归属|所属|管辖|辖(?!区|内)|仍属|划归|划入|归入|归")
_GUIDE = lazy(r"指导")
_OF = lazy(r"的?")  # between a community and its compound (凤凰城社区的建行北院小区)
_DONE = lazy(r"已经|已|完成了|实现了")
# the end of something and its start: a date the article gives for a start (启动回迁) says nothing of the end
_ENDS = lazy(r"完成|完毕|结束|竣工|完工|办结|收尾")
_STARTS = lazy(r"启动|开始|开工|动工|着手")
# where all of the counted things are (全部位于大寨店村): the article places no figure so
_LOCATED = lazy(r"(?:全部|全都|都|均|皆)(?:位于|地处|坐落于|坐落在|分布于|分布在|集中于|集中在|在)")
_BEFORE = lazy(r"调整前|之前|以前|成立时|成立之初|当时|原来|原")


def _figure(text: str, start: int, end: int) -> Figure:
    """A Figure with no value: the words of the claim a statement is read from."""
    return Figure(start, end, text[start:end], None, None)


def _ev(rec: dict, text: str | None = None) -> dict:
    return {"id": rec["id"], "quote": rec.get("quote", ""), "value": None, "unit": None,
            "text": text if text is not None else (rec.get("date_text") or rec.get("title") or rec.get("name")),
            "qualifier": None, "period": rec.get("date") or rec.get("year")}


# ---------------------------------------------------------------- dates


class ClaimDate:
    __slots__ = ("start", "end", "year", "month", "day", "day2", "edge", "inferred")

    def __init__(self, m: re.Match, pub_year: int | None) -> None:
        self.start, self.end = m.start(), m.end()
        self.inferred = False
        y = m.group("y")
        if y:
            self.year = int(y)
        elif m.group("rel") and pub_year:
            self.year = pub_year - {"今年": 0, "去年": 1, "前年": 2}[m.group("rel")]
            self.inferred = True
        else:
            self.year = None
        self.month = int(m.group("m")) if m.group("m") else None
        self.day = int(m.group("d")) if m.group("d") else None
        self.day2 = int(m.group("d2")) if m.group("d2") else None
        self.edge = m.group("edge")

    def __repr__(self) -> str:
        return f"ClaimDate({self.year}, {self.month}, {self.day}, {self.day2})"


def claim_dates(text: str, pub_year: int | None) -> list[ClaimDate]:
    out = []
    if "年" not in text and "月" not in text:
        return out  # every date this reads names a year or a month
    for m in _DATE.finditer(text):
        if not (m.group("y") or m.group("rel") or m.group("m") or m.group("d")):
            continue
        if m.group("d") and not m.group("m"):
            continue  # "5日" alone is too little to go on
        if not m.group("y") and not m.group("rel") and not m.group("m"):
            continue
        nxt = text[m.end():m.end() + 1]
        if m.group("y") and not m.group("m") and nxt and nxt in "以来至到":
            continue  # 2016年以来: a period, read by the figure checker
        out.append(ClaimDate(m, pub_year))
    return out


def _event_date(ev: dict) -> tuple:
    parts = [int(x) for x in (ev.get("date") or "").split("-") if x]
    end = [int(x) for x in (ev.get("end") or "").split("-") if x]
    y, mth, d = (parts + [None, None, None])[:3]
    day2 = end[2] if len(end) == 3 else None
    return y, mth, d, day2


def _compare_date(cd: ClaimDate, ev: dict) -> tuple[str, str]:
    y, mth, d, day2 = _event_date(ev)
    shown = ev.get("date_text") or ev.get("date")
    inferred = " (the year is inferred: 今年 = the article's year)" if ev.get("inferred") else ""
    pairs = [("year", cd.year, y), ("month", cd.month, mth), ("day", cd.day, d)]
    if cd.day2 is not None:
        pairs.append(("end day", cd.day2, day2))
    for name, said, known in pairs:
        if said is not None and known is not None and said != known:
            return CONTRADICTED, f"the article dates it {shown}{inferred}: not the claim's {name}"
    for name, said, known in pairs:
        if said is not None and known is None:
            return UNKNOWN, f"the article dates it {shown}{inferred}: it gives no {name}"
    if ev.get("status") == "planned" and not cd.edge:
        return UNKNOWN, f"the article gives {shown} as expected, not done"
    return SUPPORTED, f"the article dates it {shown}{inferred}"


def _event_words(reader: Reader, ev: dict) -> str:
    """What happened, without who: the event's words with every name in them masked."""
    text = ev.get("event") or ""
    for s, e, _ in reversed(reader.named_spans(text)):
        text = text[:s] + "□" * (e - s) + text[e:]
    return text


def check_dates(reader: Reader, text: str, named: set, taken: list, figures: bool = False) -> list[Result]:
    """Dated events of a sentence. `taken`: spans read otherwise (figures, an honour's year); `figures`: the
    sentence has figures, whose period a year alone then is."""
    out = []
    taken = sorted(taken)
    taken_starts = [a for a, _ in taken]
    dates = [d for d in claim_dates(text, reader.pub_year) if not _overlaps(taken, taken_starts, d.start, d.end)]
    if figures:
        # a year alone (2017年, 今年) in a sentence with figures is the figures' period, not a dated event
        dates = [d for d in dates if d.month is not None]
    if not dates:
        return out
    spans = reader.names_of(text)[0]
    chars = list(text)
    for a, b in [(d.start, d.end) for d in dates] + [(s, e) for s, e, _ in spans]:
        chars[a:b] = "□" * (b - a)
    masked = "".join(chars)
    events, states_of = _events_of(reader)

    def rank(lo: int, hi: int) -> list[tuple[float, bool, dict]]:
        """(score, strong, event) of the events the words of text[lo:hi] describe, best first."""
        grams = {g for g in _bigrams(masked[lo:hi]) if "□" not in g}
        said_states = reader.vocab.states(text[lo:hi])
        here = {r["id"] for s, e, r in spans if lo <= s and e <= hi} or named
        specific = here - reader.broad
        found = []
        for ev, mentions, verb in events:
            if specific and not (mentions & specific or reader.covers(mentions, specific)):
                continue
            hits = len(verb & grams)
            # strong: the claim says most of what happened, or names its own subject (not an office) and the
            # same state of works (西郭庄社区 … 交房)
            strong = hits >= min(W.EVENT_MIN_SHARED_BIGRAMS, len(verb)) or bool(
                not figures and mentions & specific and said_states & states_of[ev["id"]])
            named_here = bool(mentions & here)
            # a sentence of figures dates them (its date is their period): an event needs a strong match there;
            # a sentence that only dates something may name the subject and one word of what happened
            if not hits or not (strong or (named_here and not figures)):
                continue
            # how much of what happened the claim says, then whether it names who: 成立 is all of "…成立"
            found.append((hits + 2 * hits / len(verb) + (2 if named_here else 0), strong, ev))
        found.sort(key=lambda t: -t[0])
        return found

    whole = None
    for d in dates:
        fig = _figure(text, d.start, d.end)
        left, right = _clause_around(text, d.start, d.end)
        best = rank(left, right)
        # the date's clause says something of its own that is no event of the article: another clause's event
        # may not refute it ("成立时的…中,有一半在2017年11月划归…")
        elsewhere = not best and len(re.sub(r"[□\s]", "", masked[left:right])) >= 2
        if not best:  # its clause says only when: the sentence says what
            if whole is None:
                whole = rank(0, len(text))
            best = whole
        if not best:
            continue
        top = [(strong, ev) for s, strong, ev in best if s == best[0][0]]
        verdicts = [(_compare_date(d, ev), strong, ev) for strong, ev in top]
        kinds = {v for (v, _), _, _ in verdicts}
        evidence = [_ev(ev) for _, ev in top]
        if len(kinds) > 1:
            out.append(Result(text, fig, UNKNOWN, "the claim fits several events of the article", evidence, kind="date"))
            continue
        (verdict, reason), strong, ev = verdicts[0]
        if verdict == CONTRADICTED and elsewhere:
            verdict, reason = UNKNOWN, f"{reason}; the date's clause speaks of something else"
        if verdict == CONTRADICTED and not strong:
            verdict, reason = UNKNOWN, f"{reason}; the claim may speak of another event"  # a weak match never refutes
        if ev.get("status") == "planned" and _DONE.search(text):  # said done: the article only expects it
            verdict, reason = UNKNOWN, f"the article gives {ev.get('date_text')} as expected, not done"
        what = ev.get("event") or ""
        if verdict != UNKNOWN and _ENDS.search(text) and _STARTS.search(what) and not _ENDS.search(what):
            verdict, reason = UNKNOWN, f"the article dates the start ({ev.get('date_text')}), not the end the claim speaks of"
        out.append(Result(text, fig, verdict, reason, evidence, kind="date"))
    return out


def _events_of(reader: Reader) -> tuple[list, dict]:
    """(event, mentions, bigrams of what happened) of every event, and the states each names: once per Reader."""
    got = getattr(reader, "_statement_events", None)
    if got is None:
        events = [(ev, set(ev.get("mentions") or []), {g for g in _bigrams(_event_words(reader, ev)) if "□" not in g})
                  for ev in reader.fb.records("events")]
        got = (events, {ev["id"]: reader.vocab.states(ev.get("event") or "") for ev, _, _ in events})
        reader._statement_events = got
    return got


def _overlaps(spans: list, starts: list, a: int, b: int) -> bool:
    """Does [a, b) overlap one of `spans` (sorted (start, end) pairs that do not overlap each other)?"""
    i = bisect.bisect_left(starts, b)
    return i > 0 and spans[i - 1][1] > a


_YEAR = lazy(r"(?<!\d)(1[89]\d\d|20\d\d)年")
_starts_cache: dict = {}
_breaks_cache: list = [None, []]


def _starts(spans: list) -> list[int]:
    """The start positions of a list of spans (kept for the lists of the sentence being read)."""
    got = _starts_cache.get(id(spans))
    if got is None or got[0] is not spans:
        if len(_starts_cache) > 16:
            _starts_cache.clear()
        got = _starts_cache[id(spans)] = (spans, [s for s, _, _ in spans])
    return got[1]


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(left, right) of the clause of text[start:end], by binary search over the clause breaks of `text`."""
    if _breaks_cache[0] is not text:
        _breaks_cache[0], _breaks_cache[1] = text, [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
    breaks = _breaks_cache[1]
    i = bisect.bisect_left(breaks, start)
    j = bisect.bisect_left(breaks, end)
    return (breaks[i - 1] + 1 if i > 0 else 0), (breaks[j] if j < len(breaks) else len(text))
_CLAUSE_BREAK_RE = lazy(r"[，,；;。！？!?：:\n]")


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return _CLAUSE_BREAK_RE.search(text, lo, hi) is None


# ---------------------------------------------------------------- honours and titles


def check_honours(reader: Reader, text: str, named: set, taken: list = ()) -> list[Result]:
    if not _HONOUR_WORDS.search(text):
        return []
    out = []
    honours = reader.fb.records("honours")
    city_titles = [p for p in reader.fb.records("places") if p.get("kind") == "city_title"]
    years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]

    year_starts = [p for p, _ in years]

    def year_of(at: int) -> int | None:
        """The year said for an honour at `at`: the last one before it in its clause, else the first after in
        its clause, else the last one before it in the sentence ("2017年度，九州路办事处获评…")."""
        left, right = _clause_around(text, at, at)
        i = bisect.bisect_left(year_starts, at)
        if i > 0 and years[i - 1][0] >= left:
            return years[i - 1][1]
        if i < len(years) and years[i][0] < right:
            return years[i][1]
        return years[i - 1][1] if i > 0 else (years[i][1] if i < len(years) else None)

    found = False
    levels = sorted(reader.vocab.level_of.items(), key=lambda t: -len(t[0]))
    for h in honours:
        title = h.get("title") or ""
        at, said, before = text.find(title), title, None
        if at < 0:
            # the title without its level (平安建设先进街道 of 鹤壁市平安建设先进街道), and the level the claim puts
            # right before it instead (河南省平安建设先进街道, 国家计划生育工作先进单位)
            core = next((title[len(w):] for w, _ in levels if title.startswith(w)), "")
            at = text.find(core) if len(core) >= 4 else -1
            if at < 0:
                continue
            said = core
            before = next((lvl for w, lvl in levels if text.endswith(w, 0, at)), None)
        found = True
        year = year_of(at)
        fig = _figure(text, at, at + len(said))
        ev = [_ev(h, h.get("text") or title)]
        if year is not None and h.get("year") is not None and h["year"] != year:
            out.append(Result(text, fig, CONTRADICTED, f"the article gives {title} for {h['year']}年度", ev, kind="title"))
            continue
        if year is not None and h.get("year") is None:
            out.append(Result(text, fig, UNKNOWN, f"the article gives no year for {title} ({h.get('text')})", ev,
                              kind="title"))
            continue
        level = before or _said_level(reader, text, said)
        if level is not None and h.get("level") and level != h["level"]:
            out.append(Result(text, fig, CONTRADICTED, f"the article gives {title} as a {h['level']}-level honour", ev,
                              kind="title"))
            continue
        holder = reader.fb.get((h.get("mentions") or [None])[0] or "") or {}
        others = {n for n in named if n.startswith(("unit:", "person:"))} - reader.broad
        if holder and others and holder.get("id") not in named:
            out.append(Result(text, fig, UNKNOWN, f"the article gives {title} to {holder.get('name')}", ev, kind="title"))
            continue
        out.append(Result(text, fig, SUPPORTED, f"the article says {h.get('text') or title}"
                          + (f" ({h['year']}年度)" if h.get("year") else ""), ev, kind="title"))
    for p in city_titles:
        title = p.get("name") or ""
        at = text.find(title)
        if at < 0:
            continue
        found = True
        fig = _figure(text, at, at + len(title))
        ev = [_ev(p, title)]
        city_event = next((e for e in reader.fb.records("events") if p["id"] in (e.get("mentions") or [])), None)
        if city_event:
            ev.append(_ev(city_event))
        if named & reader.offices and not re.search(r"创建|贡献|助力|参与", text):
            out.append(Result(text, fig, CONTRADICTED, f"{title} is a title of the city (鹤壁市); the office "
                              "contributed to it", ev, kind="title"))
        else:
            out.append(Result(text, fig, UNKNOWN, f"{title} is named in the article as a title of the city", ev,
                              kind="title"))
    if not found:
        m = re.search(r"(?:获得|荣获|获评|被评为|评为|授予)(?:了)?(?P<t>[^，,。；;]{2,24}?)(?:称号|荣誉|奖)", text) \
            or re.search(r"(?P<t>[^，,。；;获得]{2,24}?)(?:称号|荣誉称号)", text)
        if m and any(a < m.end("t") and m.start("t") < b for a, b in taken):
            m = None  # "获得不少于2项省级荣誉": a count of honours, not the name of one
        if m:
            year = year_of(m.start("t"))
            listed = [h for h in honours if year is None or h.get("year") == year]
            open_ = any(o.get("kind") == "list_ends_with_deng" and set(o.get("affects") or []) & {h["id"] for h in listed}
                        for o in reader.fb.records("oddities"))
            names = "、".join(h["title"] for h in listed)
            why = (f"the article does not name this honour; it lists {names}"
                   + (" and ends in 等多项荣誉 (there are more)" if open_ else ""))
            out.append(Result(text, _figure(text, m.start("t"), m.end("t")), UNKNOWN, why,
                              [_ev(h, h.get("title")) for h in listed], kind="title"))
    return out


def _said_level(reader: Reader, text: str, title: str) -> str | None:
    """The honour level a claim gives besides the title itself (国家级, 省级): the vocabulary's `level` words."""
    rest = text.replace(title, "")
    for word, level in sorted(reader.vocab.level_of.items(), key=lambda t: -len(t[0])):
        if word in rest and (word.endswith("级") or rest.find(word + "级") >= 0 or rest.find(word + "荣誉") >= 0):
            return level
    return None


# ---------------------------------------------------------------- designations, parents, offices, roles


def check_units(reader: Reader, text: str, spans: list) -> list[Result]:
    """Designations (东方社区 → 生态型社区), the community that guided a compound, the office of a unit."""
    out = []
    units = [(p, e, r) for p, e, r in spans if r.get("id", "").startswith("unit:")]
    members = [(p, e, r) for p, e, r in units if r["id"] not in reader.offices]
    offices = [(p, e, r) for p, e, r in units if r["id"] in reader.offices]
    # designations
    for m in _DESIGNATION.finditer(text):
        kind = m.group("kind") + "型社区"
        at = m.start("kind")
        near = _nearest(members, at, W.PAIR_DISTANCE, before_only=True)
        if near is None:
            continue
        p, e, unit = near
        have = unit.get("designations") or []
        place = next((x for x in reader.fb.records("places") if x.get("kind") == "designation" and x.get("name") == kind),
                     None)
        ev = [_ev(unit, "、".join(have) or None)] + ([_ev(place, kind)] if place else [])
        fig = _figure(text, at, m.end())
        if kind in have:
            out.append(Result(text, fig, SUPPORTED, f"the article says {unit['name']} was made a {kind}", ev,
                              kind="designation"))
        elif have:
            out.append(Result(text, fig, CONTRADICTED, f"the article makes {unit['name']} a {'、'.join(have)}", ev,
                              kind="designation"))
        else:
            holder = reader.fb.get(place.get("unit")) if place and place.get("unit") else None
            why = f"the article gives {unit['name']} no designation" + (
                f"; it makes {holder['name']} the {kind}" if holder else "") + " (its list ends in 等)"
            out.append(Result(text, fig, UNKNOWN, why, ev, kind="designation"))
    # the community that guided a compound (天河嘉城小区 在凤凰城社区的指导下)
    if _GUIDE.search(text):
        compounds = [t for t in units if t[2].get("parent") and t[2].get("kind") == "小区"]
        guides = [t for t in members if t[2].get("kind") in ("城市社区", "社区", "村")]
        for cp, _, c in compounds:
            near = _nearest(guides, cp, W.PAIR_DISTANCE)
            if near is not None:
                gp, ge, g = near
                fig = _figure(text, gp, ge)
                parent = reader.fb.get(c["parent"]) or {}
                ev = [_ev(c, parent.get("name"))]
                if g["id"] == c["parent"]:
                    out.append(Result(text, fig, SUPPORTED, f"the article says {c['name']} is in {parent.get('name')}, "
                                      "which guided it", ev, kind="relation"))
                else:
                    out.append(Result(text, fig, CONTRADICTED, f"the article says {parent.get('name')} guided "
                                      f"{c['name']}", ev, kind="relation"))
    # a compound named with a community before it (凤凰城社区的建行北院小区): the article's community of the compound
    for cp, _, c in units:
        if c.get("kind") != "小区" or not c.get("parent") or _GUIDE.search(text):
            continue
        near = _nearest([t for t in members if t[2].get("kind") in ("城市社区", "社区", "村")], cp, 2, before_only=True)
        if near is None or not _OF.fullmatch(text[near[1]:cp]):
            continue
        gp, ge, g = near
        parent = reader.fb.name_of(c["parent"])
        out.append(Result(text, _figure(text, gp, ge), SUPPORTED if g["id"] == c["parent"] else CONTRADICTED,
                          f"the article puts {c['name']} in {parent}", [_ev(c, parent)], kind="relation"))
    # the office of a unit at a month
    if offices and members and _BELONG.search(text):
        when = _when(reader, text)
        moved_said = "划归" in text or "划入" in text
        founding = (queries.change_months(reader.fb) or [""])[0]
        verbs = [m.start() for m in _BELONG.finditer(text)]
        compounds = [t for t in units if t[2].get("kind") == "小区" and t[2].get("parent")]
        compound_ends = [e for _, e, _ in compounds]
        for p, e, u in members:
            if u.get("kind") not in ("城市社区", "村") or not u.get("history"):
                continue
            parent = _compound_subject(verbs, compounds, compound_ends, p)
            if parent is not None:  # "建行北院小区属于九州路办事处金鹤社区": the compound's community
                cp, ce, c = parent
                ev = [_ev(c, reader.fb.name_of(c["parent"]))]
                ok = c["parent"] == u["id"]
                out.append(Result(text, _figure(text, p, e), SUPPORTED if ok else CONTRADICTED,
                                  f"the article puts {c['name']} in {reader.fb.name_of(c['parent'])}", ev,
                                  kind="relation"))
                continue
            near = _nearest(offices, p, W.PAIR_DISTANCE)
            if near is not None:
                op, oe, office = near
                fig = _figure(text, min(p, op), max(e, oe))
                have = (queries.office_at(u, when) or {}).get("office_id")
                ev = [_ev(u, "; ".join(f"{h.get('office')} {h.get('from')}–{h.get('to') or ''}"
                                       for h in u.get("history") or []))]
                ev[0]["quote"] = (u.get("history") or [{}])[-1].get("quote") or u.get("quote", "")
                if moved_said:
                    moved = [h for h in u["history"] if h.get("from") and h.get("from") > founding]
                    ok = any(h.get("office_id") == office["id"] for h in moved)
                    out.append(Result(text, fig, SUPPORTED if ok else CONTRADICTED,
                                      f"the article {'lists' if ok else 'does not list'} {u['name']} among the units "
                                      f"moved to {office['name']}", ev, kind="office"))
                    continue
                if have is None:
                    out.append(Result(text, fig, UNKNOWN, f"the article does not say which office {u['name']} "
                                      "belonged to then", ev, kind="office"))
                elif have == office["id"]:
                    out.append(Result(text, fig, SUPPORTED, f"the article puts {u['name']} under {office['name']} "
                                      f"({when})", ev, kind="office"))
                else:
                    out.append(Result(text, fig, CONTRADICTED, f"the article puts {u['name']} under "
                                      f"{reader.fb.name_of(have)} ({when})", ev, kind="office"))
    return out


def _compound_subject(verbs: list[int], compounds: list, ends: list[int], at: int):
    """The compound (小区 of a community) that is the subject of "X属于…" when the unit at `at` is its
    object, else None. `verbs`: where the belong words start; `compounds`: (start, end, record), in order."""
    i = bisect.bisect_left(verbs, at)
    if i == 0:
        return None
    verb = verbs[i - 1]
    k = bisect.bisect_right(ends, verb)
    return compounds[k - 1] if k else None


def _when(reader: Reader, text: str) -> str:
    m = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)年(?:(\d{1,2})月)?", text)
    if _BEFORE.search(text) and not m:
        # "before": at founding (成立/当时/原来) or the month before the last change of offices, from the data
        months = queries.change_months(reader.fb)
        if re.search(r"成立|当时|原来", text) or len(months) < 2:
            return months[0] if months else ""
        year, month = (int(x) for x in months[-1].split("-"))
        return _show_month(_month(year, month) - 1)
    if m:
        y, mo = int(m.group(1)), int(m.group(2) or 12)
        when = f"{y}-{mo:02d}"
        return when
    return str(reader.fb.source.get("as_of") or "")[:7]


def check_roles(reader: Reader, text: str, spans: list) -> list[Result]:
    """A person's role as the article writes it (刘全福: 九州路办事处党工委副书记、主任): each role word of the claim
    is read with the person named nearest to it."""
    out = []
    people = [s for s in spans if s[2].get("id", "").startswith("person:")]
    starts = [s for s, _, _ in people]
    if not people:
        return out
    for m in reader.vocab.role.finditer(text):
        near = _role_holder(text, people, starts, m)
        if near is None:
            continue
        person = near[2]
        word = m.group()
        role = person.get("role") or ""
        terms = [t for t in re.split(r"[、,，]", role) if t]
        fig = _figure(text, m.start(), m.end())
        ev = [_ev(person, role or None)]
        # the unit the claim gives the role in (泰山路办事处主任), when it names one just before the role word
        lo = min(near[1], m.start()) if near[1] <= m.start() else max(0, m.start() - W.PAIR_DISTANCE)
        i = bisect.bisect_left(_starts(spans), lo)
        said_units = []
        while i < len(spans) and spans[i][0] < m.start():
            if spans[i][1] <= m.start() and spans[i][2].get("id", "").startswith("unit:"):
                said_units.append(spans[i][2])
            i += 1
        role_units = [r for _, _, r in reader.named_spans(role) if r.get("id", "").startswith("unit:")]
        if said_units and role and not any(u["id"] in {x["id"] for x in role_units} for u in said_units[-1:]):
            verdict = CONTRADICTED if role_units else UNKNOWN
            out.append(Result(text, fig, verdict, f"the article calls {person['name']} {role}", ev, kind="role"))
            continue
        if not role:
            out.append(Result(text, fig, UNKNOWN, f"the article gives {person['name']} no role", ev, kind="role"))
        elif any(t.endswith(word) and not t[:-len(word)].endswith("副") for t in terms) or word in terms:
            out.append(Result(text, fig, SUPPORTED, f"the article calls {person['name']} {role}", ev, kind="role"))
        elif any(word in t.replace("副", "") or word.replace("副", "") in t for t in terms):
            # the article gives the person a role of the same office and rank family (副书记 / 书记)
            out.append(Result(text, fig, CONTRADICTED, f"the article calls {person['name']} {role}", ev, kind="role"))
        else:
            # a person may hold roles the article does not give: not stated is not contradicted
            out.append(Result(text, fig, UNKNOWN, f"the article calls {person['name']} {role} and gives no "
                              f"{word}", ev, kind="role"))
    return out


_HOLDS = lazy(r"[^，,；;。]{0,8}?(?:是|为|任|担任|作为|身为)")


def _role_holder(text: str, people: list, starts: list, m: re.Match):
    """The person a role word is said of: the name right after it (主任刘全福), or a name before it followed by
    是 / 担任 (刘全福是…主任). "张晓凯告诉记者" says nothing of 张晓凯's role."""
    i = bisect.bisect_left(starts, m.end())
    if i < len(people) and people[i][0] - m.end() <= 2:
        return people[i]
    j = bisect.bisect_right(starts, m.start()) - 1
    if j >= 0 and people[j][1] <= m.start() and m.start() - people[j][1] <= W.PAIR_DISTANCE \
            and _HOLDS.match(text, people[j][1], m.start()):
        return people[j]
    return None


def _nearest(spans: list, at: int, distance: int, before_only: bool = False):
    """The span (start, end, record) of `spans` (in order) nearest position `at`, within `distance` characters."""
    starts = _starts(spans)
    i = bisect.bisect_right(starts, at)
    best, gap = None, distance + 1
    for k in (i - 1, i) if not before_only else (i - 1,):
        if 0 <= k < len(spans):
            s, e, _ = spans[k]
            d = at - e if e <= at else s - at if s >= at else 0
            if d < gap:
                best, gap = spans[k], d
    return best



# ---------------------------------------------------------------- all of them


def check_project_order(reader: Reader, text: str, spans: list) -> list[Result]:
    """"清水湾生活广场项目的投资额大于58同城项目": two projects compared by investment, each known by its band
    only; settled when every pair of values the two bands allow settles it (bands that meet at an edge do not)."""
    projects = [(s, e, r) for s, e, r in spans if r["id"] in reader.project_ids]
    if len(projects) != 2 or "投资" not in text:
        return []
    (_, ae, a), (bs, _, b) = projects
    said = op.ORDER.search(text, ae, bs)
    ia, ib = a.get("investment"), b.get("investment")
    if said is None or ia is None or ib is None:
        return []
    if re.search(r"(?:不|没有|没|未|并非)$", text[ae:said.start()]):
        return []  # "不超过", "没有高于": the negated order is read by no rule here
    if said.group("less"):
        a, b, ia, ib = b, a, ib, ia  # "A低于B" is "B高于A"
    fig = _figure(text, said.start(), said.end())
    ev = [_ev(a, ia.get("text")), _ev(b, ib.get("text"))]
    a_lo, a_hi = ia.get("min") or 0, ia.get("max")
    b_lo, b_hi = ib.get("min") or 0, ib.get("max")
    if b_hi is not None and a_lo > b_hi:
        return [Result(text, fig, SUPPORTED, f"the article puts {a['name']} at {ia.get('text')} and {b['name']} at "
                       f"{ib.get('text')}: every value of the first is more", ev, kind="derived")]
    if a_hi is not None and a_hi <= b_lo:
        return [Result(text, fig, CONTRADICTED, f"the article puts {a['name']} at {ia.get('text')} and {b['name']} "
                       f"at {ib.get('text')}: no value of the first is more", ev, kind="derived")]
    return [Result(text, fig, UNKNOWN, f"the article puts {a['name']} at {ia.get('text')} and {b['name']} at "
                   f"{ib.get('text')}: the bands do not settle which is more", ev, kind="derived")]


def check_statements(reader: Reader, text: str, taken: list) -> list[Result]:
    """Every statement of one canonical sentence that is not a figure (`taken`: the figures' spans)."""
    spans = reader.names_of(text)[0]  # computed once per sentence, shared with the figures
    named = {r["id"] for _, _, r in spans}
    out: list[Result] = []
    figures = bool(taken)
    honours = check_honours(reader, text, named, taken)
    if honours:  # the year of an honour, in the honour's clause, is the honour's (2017年度 … 获得…称号)
        starts = [r.figure.start for r in honours]
        # … and a year alone before the honour's clause ("2017年度，九州路办事处获评…")
        taken = [*taken, *((d.start, d.end) for d in claim_dates(text, reader.pub_year)
                          if d.month is None and (any(_same_clause(text, d.start, s) for s in starts)
                                                  or d.end <= min(starts)))]
    out += check_dates(reader, text, named, taken, figures)
    out += honours
    out += check_units(reader, text, spans)
    if figures:
        out += _placed(text, spans)
    out += check_roles(reader, text, spans)
    if not figures:
        out += check_project_order(reader, text, spans)
    if any(r.verdict != UNKNOWN for r in out):
        plain = _unmasked(reader, text)
        said = (op.found(op.NEGATION, plain), op.found(op.EXCLUDE, plain), op.found(op.PARTITIVE, plain))
        out = [_polarity(r, *said) for r in out]
    out.sort(key=lambda r: r.figure.start if r.figure else 0)
    return out


def _placed(text: str, spans: list) -> list[Result]:
    """"116处地面附着物全部位于大寨店村": the claim places every counted thing in one unit or place; the article
    places no figure so (its figures are about their subjects, not located in them): unknown."""
    out = []
    starts = _starts(spans)
    for m in _LOCATED.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if i < len(spans) and spans[i][0] - m.end() <= 1:
            out.append(Result(text, _figure(text, m.start(), spans[i][1]), UNKNOWN,
                              f"the claim places all of them ({text[m.start():spans[i][1]]}); the article does not",
                              [_ev(spans[i][2])], kind="relation"))
    return out


def _polarity(r: Result, neg, exclude, partitive) -> Result:
    """A negated statement never takes the plain one's verdict: 不包括 / 未获得 / 不属于 a supported item is
    contradicted; any other negation, and an item of a list the claim only partly speaks of ("3个社区中,有2个"),
    is unknown."""
    if r.verdict == UNKNOWN:
        return r
    if neg:
        if r.verdict == SUPPORTED and exclude and r.kind in ("title", "office", "relation", "designation"):
            r.verdict, r.reason = CONTRADICTED, f"the claim denies it ({neg.group()}); {r.reason}"
        else:
            r.verdict, r.reason = UNKNOWN, f"the claim negates it ({neg.group()}); {r.reason}"
    elif r.kind in ("office", "relation", "designation") and partitive:
        r.verdict, r.reason = UNKNOWN, f"the claim speaks of some of a list, not each; {r.reason}"
    return r


# a keyword this long names what a figure measures (财税收入, 固定资产投资); shorter ones (社区, 干部, 扶贫) are
# words any opinion uses
TOPIC_KEYWORD_MIN = 3


def speaks_of_something(reader: Reader, text: str) -> bool:
    """Does a (canonical) claim hold anything checkable: a date, a state of works, an honour or a title, a name
    of a unit, person or project (not an office alone: 九州路办事处的各项工作令人印象深刻 is an opinion), a place
    named whole, or a word that says what one of the article's figures measures? (Figures are read before.)"""
    if claim_dates(text, reader.pub_year) or reader.vocab.states(text):
        return True
    if _HONOUR_WORDS.search(text):  # an honour, named or not (获评…示范街道): the article lists the office's
        return True
    if any(n in text for n in reader.non_figures):  # a number-like token of the article (七一, 58同城, 十九大)
        return True
    for s, e, rec in reader.names_of(text)[0]:
        if rec["id"] in reader.broad:
            continue
        if rec["id"] not in reader.place_unit or e - s >= TOPIC_KEYWORD_MIN or text[s:e] == rec.get("name"):
            return True
    return any(len(word) >= TOPIC_KEYWORD_MIN for _, word in reader._keywords.find(text))

