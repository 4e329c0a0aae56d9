"""Derived values: what the fact base implies without printing it, each with its arithmetic and inputs.

The one place where the checker (and `ask`) computes new values from facts.json. Nothing here is typed by
hand: every value comes from records and their links (`part_of`, the `checks` lists, `history`, bands,
event dates), so a new fact base gives new derived values.

API (plain dicts, so that callers need no class of ours):

    derived_values(fb) -> list[dict]     every derived value of the fact base, computed once per FactBase
    ratio(a, b, unit="%") -> dict        a / b of two figure records (unit "%" or "倍")
    difference(a, b) -> dict             a − b of two figure records of one unit
    total(a, b) -> dict                  a + b of two figure records of one unit (20名 + 20名 = 40名)
    years_between(start, end) -> (lo, hi)  whole years from one date string ("1999-07") to another

A derived value is a dict shaped like a figure record (id, subject, subject_name, metric, value, unit, text,
keywords, period, quote, mentions), plus:

    kind         "difference", "sum", "share", "ratio", "count", "band_count", "band_sum", "duration", "age"
    formula      the arithmetic as a reporter reads it: "36栋 − 23栋 = 13栋"
    inputs       [{"id", "quote"}] of every record the value is computed from
    interval     (low, low is strict, high, high is strict) when the article allows a range (None: unbounded)
    members      for counts: the ids of the records counted
    open         for counts: the article's list ends in 等 (there may be more): the count is a lower bound
"""

from __future__ import annotations

from decimal import Decimal

from jzcli.lazyre import lazy

_PERCENT = Decimal(100)
# the words that count years up to the article's own time (成立至今19年, 已有26年)
NOW_WORDS = ("至今", "迄今", "已有", "已经", "年来")


def _d(v) -> Decimal:
    return Decimal(str(v))


def _show(v: Decimal | None, unit: str) -> str:
    if v is None:
        return "∞"
    from jzcli.check.verdict import fmt_value
    return fmt_value(v, unit)


def _subject(fig: dict) -> dict:
    return {"id": fig.get("subject"), "name": fig.get("subject_name")}


def _inputs(*recs: dict) -> list[dict]:
    return [{"id": r["id"], "quote": r.get("quote", "")} for r in recs]


def _quote(*recs: dict) -> str:
    quotes: list[str] = []
    for r in recs:
        q = r.get("quote") or ""
        if q and q not in quotes:
            quotes.append(q)
    return " … ".join(quotes)


def _base(id_: str, kind: str, subject: dict | None, metric: str, value, unit: str, formula: str,
          inputs: list[dict], keywords: list[str], period=None, quote: str = "", interval=None, **extra) -> dict:
    rec = {"id": id_, "kind": kind, "subject": subject.get("id") if subject else None,
           "subject_name": (subject.get("name") or subject.get("subject_name")) if subject else None,
           "metric": metric, "value": value, "unit": unit,
           "text": _show(_d(value), unit) if value is not None else formula.rsplit("= ", 1)[-1],
           "keywords": keywords, "period": period, "qualifier": None, "per": None, "status": "actual",
           "part_of": None, "band": None, "formula": formula, "inputs": inputs, "quote": quote,
           "mentions": [], "interval": interval, "derived": True}
    rec.update(extra)
    return rec


# ---------------------------------------------------------------- two figures


def ratio(a: dict, b: dict, unit: str = "%") -> dict:
    """a / b (as a percentage when unit is "%", as a multiple when "倍")."""
    va, vb = _d(a["value"]), _d(b["value"])
    value = va / vb * (_PERCENT if unit == "%" else 1) if vb else None
    shown = value.quantize(Decimal("0.1")) if value is not None else "∞"
    formula = f"{a.get('text')} / {b.get('text')} = {shown}{unit}"
    return _base(f"derived:ratio:{a['id']}:{b['id']}", "share" if unit == "%" else "ratio", _subject(a), a.get("metric", ""),
                 value, unit, formula, _inputs(a, b), [], period=a.get("period"), quote=_quote(a, b))


def difference(a: dict, b: dict) -> dict:
    """a − b of two figures of one unit."""
    value = _d(a["value"]) - _d(b["value"])
    unit = a.get("unit") or ""
    formula = f"{a.get('text')} − {b.get('text')} = {_show(value, unit)}"
    return _base(f"derived:difference:{a['id']}:{b['id']}", "difference", _subject(a), a.get("metric", ""), value, unit,
                 formula, _inputs(a, b), [], period=a.get("period"), quote=_quote(a, b))


def total(a: dict, b: dict) -> dict:
    """a + b of two figures of one unit (of one period when both have one: a sum across periods is no total)."""
    value = _d(a["value"]) + _d(b["value"])
    unit = a.get("unit") or ""
    formula = f"{a.get('text')} + {b.get('text')} = {_show(value, unit)}"
    return _base(f"derived:sum:{a['id']}:{b['id']}", "sum", _subject(a), a.get("metric", ""), value, unit,
                 formula, _inputs(a, b), [], period=a.get("period"), quote=_quote(a, b))


def per_head(a: dict, heads: int, who: str) -> dict:
    """A per-person figure (每人每月80元) for `heads` people (老两口: 2)."""
    value = _d(a["value"]) * heads
    unit = a.get("unit") or ""
    formula = f"{a.get('text')}/人 × {heads}人（{who}） = {_show(value, unit)}"
    return _base(f"derived:product:{a['id']}:{heads}", "product", _subject(a), a.get("metric", ""), value, unit,
                 formula, _inputs(a), [], period=a.get("period"), quote=_quote(a), per=a.get("per"))


_DATE = lazy(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def years_between(start: str, end: str) -> tuple[int, int]:
    """The whole years from `start` to `end` (dates as "1999", "1999-07", "1999-07-01"): (fewest, most)
    the precision of the two dates allows."""
    a, b = _DATE.match(start), _DATE.match(end)
    ya, yb = int(a.group(1)), int(b.group(1))
    ma, mb = a.group(2), b.group(2)
    if ma and mb:
        years = yb - ya - (1 if (int(mb), int(b.group(3) or 0)) < (int(ma), int(a.group(3) or 0)) else 0)
        if int(mb) == int(ma) and not (a.group(3) and b.group(3)):
            return years - 1 if years > 0 else years, years  # the same month: the day decides
        return years, years
    return max(yb - ya - 1, 0), yb - ya


# ---------------------------------------------------------------- the whole fact base


def derived_values(fb) -> list[dict]:
    """Every derived value of the fact base (cached on the FactBase object)."""
    cached = getattr(fb, "_derived_values", None)
    if cached is not None:
        return cached
    out: list[dict] = []
    out += _parts(fb)
    out += _list_counts(fb)
    out += _bands(fb)
    out += _open_counts(fb)
    out += _durations(fb)
    try:
        fb._derived_values = out
    except AttributeError:
        pass
    return out


# the words that say "what is left" of a whole once a part is done (还需完成9.04亿元, 距目标尚差9.04亿元)
REMAINDER_WORDS = ("还需", "尚需", "仍需", "还差", "尚差", "仍差", "还要", "尚缺", "还缺", "剩余", "还剩")
# the words that say "not yet" before a state (13栋 未交付)
NOT_YET = ("未", "尚未", "没有", "还未", "还没有", "没", "仍未")


def within_of(vocab) -> dict[str, str]:
    """state → the state every unit in it has passed (`within` of the vocabulary: 交付 → 完工 → 开工)."""
    return {e["term"]: e["within"] for e in vocab.entries if e.get("kind") == "state" and e.get("within")}


def nests(inner: str, outer: str, within: dict[str, str]) -> bool:
    """Has every unit in state `inner` passed state `outer` (a chain of `within`)?"""
    seen = set()
    while inner in within and inner not in seen:
        seen.add(inner)
        inner = within[inner]
        if inner == outer:
            return True
    return False


def _states_of(vocab, fig: dict) -> list[str]:
    return sorted({*vocab.states(" ".join(fig.get("keywords") or [])), *vocab.states(fig.get("metric") or "")})


def _not_yet(a: dict, b: dict, vocab, inner: str, outer: str | None) -> dict:
    """a − b where b's state nests in a's: the units of a not yet in b's state (36栋 开工 − 23栋 交付 = 13栋 未交付;
    29栋 完工 − 23栋 交付 = 6栋 完工未交付)."""
    rest = difference(a, b)
    words = vocab.words("state", inner)
    keywords = {p + w for w in words for p in NOT_YET}
    if outer is not None:  # what the units are (完工) as well as what they are not yet (未交付); only a claim
        # that says both asks for this rest (还有13栋未交付 is the rest of the 36栋 开工; 已完工23栋 is no rest)
        keywords |= set(vocab.words("state", outer))
        rest["needs"] = vocab.words("state", outer)
        rest["needs_clause"] = sorted({p + w for w in words for p in NOT_YET})
    rest["keywords"] = sorted(keywords, key=len, reverse=True)
    rest["metric"] = f"{a.get('metric')}中未{inner}的"
    rest["state_not"] = [inner]
    rest["noun_text"] = a.get("text")  # 13栋 of 36栋楼: it counts 楼
    return rest


def _complement(whole: str | None, part: str | None) -> str | None:
    """The rest of a whole period after a part that starts with it: ("2018", "2018-01/2018-06") → "2018-07/2018-12"."""
    from jzcli.check.periods import _show_month, fact_span

    w, p = fact_span(whole, None), fact_span(part, None)
    if w is None or p is None or p.point or w.point or p.start != w.start or p.end >= w.end:
        return None
    return f"{_show_month(p.end + 1)}/{_show_month(w.end)}"


def _parts(fb) -> list[dict]:
    """A figure that is part of another (`part_of`): the rest (whole − part) and the share (part / whole);
    two counts of one subject, unit and period whose states nest (交付 within 完工): the rest of the outer."""
    from jzcli.check import vocab as _vocab

    vocab = _vocab.load(fb)
    within = within_of(vocab)
    figs = fb.records("figures")
    printed = {(c.get("numerator"), c.get("denominator")) for c in fb.records("checks") if c.get("kind") == "ratio"}
    by_id = {f["id"]: f for f in figs}
    out = []
    seen: set[tuple[str, str]] = set()
    # a count of a stage smaller than a sibling's count of a later stage (7栋 主体封顶 beside 29栋 完工, 完工 within
    # 主体封顶) counts the units at that stage only: its rest is not "not yet" (the 29 were topped too)
    stage_only = {f["id"] for f in figs for g in figs if f is not g and f.get("part_of") and
                  f.get("part_of") == g.get("part_of") and (sf := _states_of(vocab, f)) and
                  (sg := _states_of(vocab, g)) and nests(sg[0], sf[0], within)
                  and (f.get("value") or 0) < (g.get("value") or 0)}
    for f in figs:
        whole = by_id.get(f.get("part_of") or "")
        if whole is None or (f.get("unit") != whole.get("unit")):
            continue
        states, whole_states = _states_of(vocab, f), _states_of(vocab, whole)
        if states and whole_states:
            # the rest is "not yet" in the part's state only when that state nests in the whole's: 13栋 未交付
            # of 36栋 开工; 7栋 主体封顶 does not nest (the 29栋 完工 were topped too): no "29栋 未封顶"
            if nests(states[0], whole_states[0], within) and f["id"] not in stage_only:
                out.append(_not_yet(whole, f, vocab, states[0], None))
                seen.add((whole["id"], f["id"]))
        elif not states and not whole_states:
            # a part of a target (9.96亿元 of 19亿元): what is left, as of the part's period and for the rest of the
            # whole's (上半年 … 尚差 / 下半年 还需)
            for period in dict.fromkeys((f.get("period"), _complement(whole.get("period"), f.get("period")))):
                if period is None:
                    continue
                rest = difference(whole, f)
                rest["id"] += f":{period}"
                # what the whole and the part are (项目建设, 完成投资, 全年目标), answering only a claim that says
                # what is left (a remainder word): a claim of the target or of the part itself is not about it
                rest["keywords"] = sorted({*REMAINDER_WORDS, *(whole.get("keywords") or []), *(f.get("keywords") or [])},
                                          key=len, reverse=True)
                rest["needs_clause"] = list(REMAINDER_WORDS)
                rest["metric"] = f"{whole.get('metric')}尚差"
                rest["period"] = period
                rest["noun_text"] = ""
                out.append(rest)
        if (f["id"], whole["id"]) in printed:
            continue  # the article prints this share itself (52%)
        share = ratio(f, whole, "%")
        share["keywords"] = sorted({*(f.get("keywords") or []), "占", "比例", "比重"}, key=len, reverse=True)
        share["metric"] = f"{f.get('metric')}占{whole.get('metric')}的比例"
        share["id"] = f"derived:share:{f['id']}:{whole['id']}"
        out.append(share)
    # counts of one subject, unit and period whose states nest (29栋 完工 ⊃ 23栋 交付)
    stated = [(f, _states_of(vocab, f)) for f in figs if f.get("value") is not None]
    for a, sa in stated:
        for b, sb in stated:
            if a is b or len(sa) != 1 or len(sb) != 1 or (a["id"], b["id"]) in seen or stage_only & {a["id"], b["id"]}:
                continue
            if (a.get("subject"), a.get("unit"), a.get("period")) != (b.get("subject"), b.get("unit"), b.get("period")):
                continue
            if not nests(sb[0], sa[0], within) or a.get("qualifier") or b.get("qualifier"):
                continue
            seen.add((a["id"], b["id"]))
            out.append(_not_yet(a, b, vocab, sb[0], sa[0]))
    return out


_KIND_NOUN = {"城市社区": "社区", "社区": "社区", "村": "村"}


def _list_counts(fb) -> list[dict]:
    """The lists the fact base records (`checks` of kind count: the items behind a stated count), split by
    the kind of their items (6 of the 8 units moved in 2017-11 are 社区, 2 are 村), and two lists of one
    period added up (6个社区 + 4个村 = 10个社区(村))."""
    out = []
    counts = [c for c in fb.records("checks") if c.get("kind") == "count" and c.get("table") == "units"]
    seen_sets: set[frozenset] = set()
    stated: dict[frozenset, list[set]] = {}  # a list the article counts itself, with what it says of it
    for c in counts:
        fig = fb.get(c.get("expected") or "")
        if fig is not None:
            stated.setdefault(frozenset(c.get("items") or []), []).append(_relation(fig))
    for c in counts:
        fig = fb.get(c.get("expected") or "")
        items = [fb.get(i) for i in c.get("items") or []]
        if fig is None or any(i is None for i in items):
            continue
        by_kind: dict[str, list[dict]] = {}
        for u in items:
            by_kind.setdefault(_KIND_NOUN.get(u.get("kind"), u.get("kind")), []).append(u)
        if len(by_kind) < 2:
            continue
        for noun, members in by_kind.items():
            ids = frozenset(u["id"] for u in members)
            if ids in stated or ids in seen_sets:
                continue
            seen_sets.add(ids)
            out.append(_count(fig, members, noun, f"{fig.get('metric')}中的{noun}"))
    # two stated counts of one period and one subject, of different nouns: their sum
    figs = [(frozenset(c.get("items") or []), fb.get(c.get("expected") or "")) for c in counts]
    for i, (ia, a) in enumerate(figs):
        for ib, b in figs[i + 1:]:
            if a is None or b is None or ia & ib or a.get("period") != b.get("period") \
                    or a.get("subject") != b.get("subject") or a.get("unit") != b.get("unit"):
                continue
            if _relation(a) != _relation(b):
                continue  # 仍属 + 仍属 adds up; 划归 + 仍属 does not
            ids = ia | ib
            if _relation(a) in stated.get(ids, []) or ids in seen_sets:
                continue
            seen_sets.add(ids)
            members = [fb.get(x) for x in sorted(ids)]
            value = len(ids)
            rec = _base(f"derived:count:{a['id']}+{b['id']}", "count", {"id": a.get("subject"), "name": a.get("subject_name")},
                        f"{a.get('metric')}与{b.get('metric')}之和", value, a.get("unit") or "个",
                        f"{a.get('text')} + {b.get('text')} = {value}{a.get('unit') or '个'}社区(村)", _inputs(a, b),
                        sorted({*_relation(a), "社区(村)", "社区和村", "社区、村"}, key=len, reverse=True),
                        period=a.get("period"), quote=_quote(a, b), members=[m["id"] for m in members], open=False,
                        noun="社区(村)")
            out.append(rec)
    return out


_NOUN_WORDS = {"个社区", "城市社区", "个村", "社区(村)", "社区", "村"}


def _relation(fig: dict) -> set:
    """What a count of units says of them, without the noun it counts (仍属, 管辖 / 划归 / 辖, 成立)."""
    return set(fig.get("keywords") or []) - _NOUN_WORDS


def _count(fig: dict, members: list[dict], noun: str, metric: str, open_: bool = False) -> dict:
    value = len(members)
    unit = fig.get("unit") or "个"
    names = "、".join(m.get("name") or m.get("title") or m["id"] for m in members)
    keywords = [k for k in fig.get("keywords") or [] if k not in ("个社区", "城市社区", "个村", "社区(村)")]
    return _base(f"derived:count:{fig['id']}:{noun}", "count", {"id": fig.get("subject"), "name": fig.get("subject_name")},
                 metric, value, unit, f"{names}: {value}{unit}{noun}", _inputs(fig, *members),
                 sorted({*keywords, noun}, key=len, reverse=True), period=fig.get("period"), quote=fig.get("quote", ""),
                 members=[m["id"] for m in members], open=open_, noun=noun)


def _bands(fb) -> list[dict]:
    """Signed projects by investment band: for every run of adjacent bands (亿元以下 + 1亿元到5亿元 = 5亿元以下;
    1亿元以上 = the three upper bands), the count of projects and the interval of their total investment."""
    bands = [b for b in fb.meta.get("bands") or [] if isinstance(b, dict) and b.get("band")]
    bands.sort(key=lambda b: (b.get("min") or 0))
    projects = [p for p in fb.records("projects") if p.get("band")]
    count_fig = {f.get("band"): f for f in fb.records("figures") if f.get("band")}
    out = []
    for i in range(len(bands)):
        for j in range(i, len(bands)):
            run = bands[i:j + 1]
            ids = {b["band"] for b in run}
            members = [p for p in projects if p.get("band") in ids]
            if not members:
                continue
            lo, hi = run[0].get("min"), run[-1].get("max")
            figs = [count_fig[b["band"]] for b in run if b["band"] in count_fig]
            period = members[0].get("period")
            if lo is None and hi is None:
                label = "全部"
            elif lo is None:
                label = f"{_show(_d(hi), '元')}以下"
            elif hi is None:
                label = f"{_show(_d(lo), '元')}以上"
            else:
                label = f"{_show(_d(lo), '元')}到{_show(_d(hi), '元')}"
            band = (lo, hi)
            if len(run) > 1:
                value = len(members)
                formula = " + ".join(f.get("text") or "" for f in figs) + f" = {value}个"
                rec = _base(f"derived:band-count:{run[0]['band']}..{run[-1]['band']}", "band_count",
                            _subject_of(fb, figs),
                            f"投资额{label}的新签约项目数", value, "个", formula, _inputs(*figs),
                            ["签约", "项目", f"投资额{label}"], period=period, quote=_quote(*figs),
                            members=[p["id"] for p in members], open=False, band_range=band)
                if figs:
                    rec["subject"], rec["subject_name"] = figs[0].get("subject"), figs[0].get("subject_name")
                out.append(rec)
            # the total investment of the projects in the run: every project lies in its band
            total_lo = sum((_d(p["investment"]["min"] or 0) for p in members), Decimal(0))
            maxes = [p["investment"].get("max") for p in members]
            total_hi = None if any(m is None for m in maxes) else sum((_d(m) for m in maxes), Decimal(0))
            parts = []
            for b in run:
                n = sum(1 for p in members if p.get("band") == b["band"])
                parts.append(f"{n}×[{_show(_d(b['min']), '元') if b.get('min') is not None else '0'}, "
                             f"{_show(_d(b['max']), '元') if b.get('max') is not None else '∞'}]")
            formula = " + ".join(parts) + f" = [{_show(total_lo, '元')}, {_show(total_hi, '元')}]"
            rec = _base(f"derived:band-sum:{run[0]['band']}..{run[-1]['band']}", "band_sum",
                        {"id": figs[0].get("subject") if figs else None, "name": figs[0].get("subject_name") if figs else None},
                        f"投资额{label}的新签约项目合计投资", None, "元", formula, _inputs(*figs, *members),
                        ["合计投资", "总投资", "合计", "共计", "累计投资", "投资总额", "总额"], period=period,
                        quote=_quote(*figs), members=[p["id"] for p in members],
                        interval=(total_lo, False, total_hi, False), band_range=band)
            rec["text"] = f"{_show(total_lo, '元')}到{_show(total_hi, '元')}" if total_hi is not None \
                else f"{_show(total_lo, '元')}以上"
            out.append(rec)
    return out


def _open_counts(fb) -> list[dict]:
    """Lists the article does not count itself: honours by year and by level, and the named places of one
    kind (小巷, 渠, 品牌). A list that ends in 等 (an oddity of kind list_ends_with_deng) is open: its count
    is a lower bound."""
    open_ids = set()
    for odd in fb.records("oddities"):
        if odd.get("kind") == "list_ends_with_deng":
            open_ids.update(odd.get("affects") or [])
    out = []
    honours = [h for h in fb.records("honours") if h.get("year")]
    # the holder is written as a name (九州路办事处): the unit of that name, found in the data
    holder_names = {h.get("holder") for h in honours}
    office = next((u for u in fb.records("units") if u.get("name") in holder_names), {})
    groups: dict[tuple, list[dict]] = {}
    for h in honours:
        groups.setdefault((h["year"], None), []).append(h)
        groups.setdefault((h["year"], h.get("level")), []).append(h)
    for (year, level), members in groups.items():
        open_ = any(h["id"] in open_ids for h in members)
        value = len(members)
        lvl = {"国家": "国家级", "省": "省级", "市": "市级"}.get(level or "", "")
        names = "、".join(h["title"] for h in members)
        rec = _base(f"derived:honours:{year}:{level or 'all'}", "count", office, f"{year}年{lvl}荣誉数", value, "项",
                    f"{names}{'等' if open_ else ''}: {value}{'项以上' if open_ else '项'}", _inputs(*members),
                    [f"{lvl}荣誉", lvl, "获得"] if lvl else ["荣誉", "获得"], period=str(year),
                    quote=members[0].get("quote", ""),
                    members=[h["id"] for h in members], open=open_,
                    interval=(Decimal(value), False, None, False) if open_ else None, noun="荣誉")
        rec["text"] = f"{value}项{'以上' if open_ else ''}"
        if level:
            # a count of one level's honours answers only a claim that names the level (省级, 全国 …)
            from jzcli.check import vocab as _vocab

            rec["needs"] = _vocab.load(fb).words("level", level) or [lvl]
        out.append(rec)
    # the kinds of place the article lists by name, the noun a claim counts them by and its counting unit
    kinds = {"back_street": ("小巷", "个", ["小巷", "条小巷", "背街小巷", "精品示范小巷", "示范小巷"]),
             "canal": ("渠", "个", ["条渠", "水渠", "渠"]),
             "service_brand": ("品牌", "个", ["党建服务品牌", "服务品牌", "品牌"])}
    for kind, (noun, unit, words) in kinds.items():
        members = [p for p in fb.records("places") if p.get("kind") == kind]
        if not members:
            continue
        open_ = any(p["id"] in open_ids for p in members)
        value = len(members)
        names = "、".join(p["name"] for p in members)
        rec = _base(f"derived:places:{kind}", "count", office, f"文中列出的{noun}数", value, unit,
                    f"{names}{'等' if open_ else ''}: {value}{unit}{'以上' if open_ else ''}", _inputs(*members), words,
                    quote=members[0].get("quote", ""), members=[p["id"] for p in members], open=open_,
                    interval=(Decimal(value), False, None, False) if open_ else None, noun=noun)
        rec["text"] = f"{value}{unit}{noun}{'以上' if open_ else ''}"
        # about the office and about what the places belong to (the 渠 are 大寨店's, on the 海绵水系工程)
        rec["mentions"] = sorted({office.get("id"), *(p.get("unit") for p in members),
                                  *(m for p in members for m in p.get("mentions") or [])} - {None})
        out.append(rec)
    return out


def _day_number(iso: str) -> int:
    """Days since 0000-03-01 of a date "YYYY-MM-DD" (proleptic Gregorian; datetime costs ~10 ms to import)."""
    y, m, d = (int(x) for x in iso.split("-"))
    if m < 3:
        y, m = y - 1, m + 12
    return 365 * y + y // 4 - y // 100 + y // 400 + (153 * (m - 3) + 2) // 5 + d


def _subject_of(fb, figs: list[dict]) -> dict:
    """The record the figures are about (the first one's subject), or a stub with its id."""
    sid = figs[0].get("subject") if figs else None
    return fb.get(sid) or {"id": sid}


def _event_words(fb, ev: dict) -> list[str]:
    """What happened, without who: "九州路办事处成立" → 成立 (when that is a short word)."""
    text = ev.get("event") or ""
    for ref in ev.get("mentions") or []:
        name = fb.name_of(ref) or ""
        text = text.replace(name, "")
    return [text] if 2 <= len(text) <= 4 else []


def _durations(fb) -> list[dict]:
    """Durations: how long ago an event was, as of the article (成立19年), and how long a dated range lasted
    (8月17日至23日: 7天, counted inclusively)."""
    src = fb.source
    as_of = str(src.get("as_of") or src.get("publication_year") or "")
    out = []
    for ev in fb.records("events"):
        date, end = ev.get("date") or "", ev.get("end") or ""
        subject = fb.get((ev.get("mentions") or [None])[0] or "") or {}
        if end and ev.get("precision") == "range" and len(date) == len(end) == 10:
            days = _day_number(end) - _day_number(date) + 1
            out.append(_base(f"derived:days:{ev['id']}", "duration", subject, f"{ev.get('event')}历时", days, "天",
                             f"{ev.get('date_text')}: {days}天 (首尾两天都算)", _inputs(ev),
                             ["历时", "用时", "用了", "共用", "持续", "天", *(ev.get("keywords") or [])], period=date[:7],
                             quote=ev.get("quote", "")))
        if as_of and ev.get("status", "done") == "done" and date and not ev.get("inferred"):
            lo, hi = years_between(date, as_of)
            if hi < 2:
                continue
            rec = _base(f"derived:years-since:{ev['id']}", "duration", subject, f"{ev.get('event')}至今年数",
                        lo if lo == hi else None, "年",
                        f"{ev.get('date_text')} → {as_of[:7]} (文章时间, 推断): {lo if lo == hi else f'{lo}–{hi}'}年",
                        _inputs(ev), [*_event_words(fb, ev), *NOW_WORDS], period=None,
                        quote=ev.get("quote", ""), interval=None if lo == hi else (Decimal(lo), False, Decimal(hi), False),
                        event=ev["id"])
            out.append(rec)
    # an age stated as of the article: the year it started (建成已有26年 → 建成于约1992年)
    return out
