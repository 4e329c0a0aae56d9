"""The verdict: supported / contradicted / unknown for a figure against its candidate facts, with evidence."""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli.check import operators as op
from jzcli.check import weights as W
from jzcli.check.derive import NOW_WORDS
from jzcli.check.index import Fact
from jzcli.check.periods import fact_span, period_fits
from jzcli.check.reading import (
    BOUNDS,
    MONEY,
    QUALIFIER_CLASS,
    _num,
    _step,
    interval_of,
    qualified_interval,
)
from jzcli.lazyre import lazy

TYPE_CHECKING = False  # typing is not imported at start-up (~5 ms); type checkers read the block below
if TYPE_CHECKING:
    from jzcli.check.index import Reader
    from jzcli.check.matching import Match
    from jzcli.check.periods import Span
    from jzcli.check.reading import Figure

SUPPORTED, CONTRADICTED, UNKNOWN = "supported", "contradicted", "unknown"
# the verdict of several figures is the worst of theirs
VERDICT_ORDER = {SUPPORTED: 0, UNKNOWN: 1, CONTRADICTED: 2}


class Result:
    """The verdict on one checked item of a claim: a figure, a date, a title, a state …

    `kind` says which ("figure", "derived", "date", "title", "designation", "relation", "office", "role",
    "statement"); `start` / `end` are character offsets of the item in the claim (in the draft, for a draft,
    with `line` / `column`, 1-based)."""

    __slots__ = ("claim", "figure", "verdict", "reason", "evidence", "kind", "start", "end", "line", "column")

    def __init__(self, claim: str, figure: Figure | None, verdict: str, reason: str,
                 evidence: list[dict] | None = None, kind: str = "figure") -> None:
        self.claim = claim
        self.figure = figure
        self.verdict = verdict
        self.reason = reason
        self.evidence = [] if evidence is None else evidence
        self.kind = kind
        self.start = figure.start if figure is not None else None
        self.end = figure.end if figure is not None else None
        self.line = self.column = None

    def __repr__(self) -> str:
        return f"Result({self.verdict!r}, {self.reason!r}, figure={self.figure!r})"

    def as_json(self) -> dict:
        f = self.figure
        return {"verdict": self.verdict, "claim": self.claim, "figure": f.text if f else None,
                "value": _num(f.value) if f else None, "unit": f.unit if f else None,
                "qualifier": f.qualifier if f else None, "reason": self.reason, "evidence": self.evidence,
                "derivation": next((e["derivation"] for e in self.evidence[:1] if "derivation" in e), None),
                "kind": self.kind, "start": self.start, "end": self.end,
                **({"line": self.line, "column": self.column} if self.line is not None else {})}


_PER_WORD = {"月": "每月", "年": "每年", "天": "每天", "周": "每周"}


def compare(fig: Figure, fact: Fact | dict) -> tuple[str, str]:
    """Verdict for a claim figure against one fact of the same thing."""
    rec = fact.rec if isinstance(fact, Fact) else fact
    fv = fact.value if isinstance(fact, Fact) else Decimal(str(rec["value"]))
    fu = rec["unit"]
    text = rec.get("text")
    per = fact.per if isinstance(fact, Fact) else (rec.get("per") or "").split("·")[-1] or None
    if fig.unit in MONEY and fu in MONEY and fig.unit != fu:
        return CONTRADICTED, f"the article gives {text} ({fu}), not {fig.unit}"
    if fig.unit is None and fu in ("美元", "%") and fig.value == fv:
        # "3700万" is read as 元 unless said otherwise; "52" is not 52%
        return UNKNOWN, f"the article gives {text}; the claim gives no unit"
    if fig.rate is not None and per is not None and fig.rate != per:
        if fig.value == fv:
            return CONTRADICTED, f"the article gives {text} {_PER_WORD.get(per, '每' + per)}, not {_PER_WORD.get(fig.rate)}"
        return UNKNOWN, f"the article gives {text} {_PER_WORD.get(per, '每' + per)} only"
    if fig.rate is not None and per is None:
        return UNKNOWN, f"the article gives {text}, not a rate {_PER_WORD.get(fig.rate)}"
    cq = QUALIFIER_CLASS.get(fig.qualifier or "")
    aq = QUALIFIER_CLASS.get(rec.get("qualifier") or "")
    derived_iv = getattr(fact, "interval", None)
    if fig.high is not None and derived_iv is None:
        return UNKNOWN, "the claim gives a range; the article gives one figure"
    if getattr(fact, "derived", False) and derived_iv is None and fv != fv.to_integral_value() \
            and fig.qualifier is None and fig.step is None:
        # a computed ratio (29 / 36 = 80.56%): the claim rounds it at its own last digit
        gap, step = abs(fv - fig.value), _step(fig.value)
        shown = fmt_value(fv, fu)
        if gap * 2 <= step:
            return SUPPORTED, f"the article says {shown}, which is {fig.text}"
        if gap > step:
            return CONTRADICTED, f"the article says {shown}, not {fig.text}"
        return UNKNOWN, f"the article says {shown}; the claim only gives it roughly"
    if fig.step is not None and fig.qualifier not in BOUNDS and aq is None and derived_iv is None:
        # a rounded share (八成, 三分之二): the article's value must round to it
        if abs(fv - fig.value) * 2 < fig.step:
            return SUPPORTED, f"the article says {text}, which is {fig.text}"
        return CONTRADICTED, f"the article says {text}, not {fig.text}"
    if fig.value == fv and cq == aq and fig.qualifier in (None, rec.get("qualifier")) and derived_iv is None:
        return SUPPORTED, f"the article says {text}"
    if fig.qualifier in BOUNDS or fig.high is not None or derived_iv is not None:
        # a bound, or an article value that is an interval: settled only when every allowed value settles it
        fact_iv = derived_iv or qualified_interval(fv, rec.get("qualifier"))
        verdict = settle(interval_of(fig), fact_iv)
        said = f"the article allows {show_interval(fact_iv, fu)}" if derived_iv or aq else f"the article says {text}"
        if verdict == SUPPORTED:
            return SUPPORTED, said + f": every such value is {fig.text}"
        if verdict == CONTRADICTED:
            return CONTRADICTED, said + f": none is {fig.text}"
        return UNKNOWN, said + f": some values are {fig.text}, some are not"
    if fig.value == fv:
        if aq is None:
            return UNKNOWN, f"the article says exactly {text}; the claim makes it approximate"
        return UNKNOWN, f"the article says {text} (approximate); the claim is worded differently"
    # different numbers: can the claim still be right within the article's approximation?
    if aq == "over" and fv < fig.value < fv + _step(fv):
        return UNKNOWN, f"the article only says {text}"
    if aq == "under" and fv - _step(fv) < fig.value < fv:
        return UNKNOWN, f"the article only says {text}"
    if rec.get("qualifier") in BOUNDS:
        fact_iv = qualified_interval(fv, rec.get("qualifier"))
        if settle(interval_of(fig), fact_iv) != CONTRADICTED:
            return UNKNOWN, f"the article only says {text}"
    if cq == "approx" and abs(fig.value - fv) < _step(fig.value):
        return UNKNOWN, f"the article says {text}; the claim only gives it roughly"
    if cq == "under" and aq is None and fig.value > fv and fig.value - _step(fig.value) < fv:
        return UNKNOWN, f"the article says {text}"  # 近40名 when the article says 39
    if cq == "over" and aq is None and fig.value < fv and fv < fig.value + _step(fig.value):
        return UNKNOWN, f"the article says {text}"  # 1700余名 when the article says 1750
    return CONTRADICTED, f"the article says {text}"


def settle(claim: tuple, fact: tuple) -> str:
    """SUPPORTED when every value the article allows (`fact`) is one the claim allows, CONTRADICTED when none
    is, else UNKNOWN. Intervals are (low, low is strict, high, high is strict), None unbounded."""
    if _inside(fact, claim):
        return SUPPORTED
    if _disjoint(fact, claim):
        return CONTRADICTED
    return UNKNOWN


def _inside(a: tuple, b: tuple) -> bool:
    alo, alos, ahi, ahis = a
    blo, blos, bhi, bhis = b
    low_ok = blo is None or (alo is not None and (alo > blo or (alo == blo and (alos or not blos))))
    high_ok = bhi is None or (ahi is not None and (ahi < bhi or (ahi == bhi and (ahis or not bhis))))
    return low_ok and high_ok


def _disjoint(a: tuple, b: tuple) -> bool:
    alo, alos, ahi, ahis = a
    blo, blos, bhi, bhis = b
    if ahi is not None and blo is not None and (ahi < blo or (ahi == blo and (ahis or blos))):
        return True
    return alo is not None and bhi is not None and (alo > bhi or (alo == bhi and (alos or bhis)))


def show_interval(iv: tuple, unit: str | None) -> str:
    lo, los, hi, his = iv
    u = unit or ""
    if lo is not None and hi is not None and lo == hi:
        return f"{fmt_value(lo, u)}"
    parts = []
    if lo is not None:
        parts.append(("> " if los else "≥ ") + fmt_value(lo, u))
    if hi is not None:
        parts.append(("< " if his else "≤ ") + fmt_value(hi, u))
    return " and ".join(parts) or "any value"


def fmt_value(v, unit: str = "") -> str:
    """4.3亿元, 3700万美元, 36栋, 80.6%: a value as a reporter writes it."""
    d = Decimal(str(v))
    if unit in MONEY and d >= 10**8:
        n, word = d / 10**8, "亿"
    elif unit in MONEY and d >= 10**4:
        n, word = d / 10**4, "万"
    else:
        n, word = d, ""
    n = n.quantize(Decimal("0.1")) if n != n.to_integral_value() and unit == "%" else n
    s = format(n.normalize(), "f")
    return f"{s}{word}{unit}"


def evidence(fact: Fact | dict) -> dict:
    rec = fact.rec if isinstance(fact, Fact) else fact
    out = {"id": rec["id"], "quote": rec.get("quote", ""), "value": _num(rec.get("value")), "unit": rec.get("unit"),
           "text": rec.get("text"), "qualifier": rec.get("qualifier"), "period": rec.get("period")}
    if rec.get("derived"):
        out["derivation"] = derivation(rec)
    return out


def derivation(rec: dict) -> dict:
    """The arithmetic of a derived value: its formula and every input with its quote."""
    iv = rec.get("interval")
    return {"kind": rec.get("kind"), "formula": rec.get("formula"),
            "inputs": [{"id": i["id"], "quote": i.get("quote", "")} for i in rec.get("inputs") or []],
            **({"low": _num(iv[0]), "high": _num(iv[2])} if iv else {})}


def _project_evidence(p: dict) -> dict:
    inv = p.get("investment") or {}
    return {"id": p["id"], "quote": p.get("quote", ""), "value": {"min": inv.get("min"), "max": inv.get("max")},
            "unit": inv.get("currency") and "元", "text": inv.get("text")}


def check_project(reader: Reader, fig: Figure, project: dict, claim: str, span: Span | None) -> Result:
    inv = project.get("investment")
    if inv is None:
        return Result(claim, fig, UNKNOWN, f"the article gives no investment for {project['name']}",
                      [{"id": project["id"], "quote": project.get("quote", ""), "value": None, "unit": None, "text": None}])
    ev = [_project_evidence(project)]
    if fig.unit == "美元":
        return Result(claim, fig, CONTRADICTED, f"the article gives {inv.get('text')} in 元, not 美元", ev)
    if span is not None and not period_fits(span, fact_span(project.get("period"), reader.as_of)):
        return Result(claim, fig, UNKNOWN, f"the article gives the band for {project.get('period')}, "
                      f"not for {span}", ev)
    lo, hi = (None if x is None else Decimal(x) for x in (inv.get("min"), inv.get("max")))
    band = (lo if lo is not None else Decimal(0), False, hi, False)  # an investment is never negative
    verdict = settle(interval_of(fig), band)
    if verdict == SUPPORTED:
        return Result(claim, fig, SUPPORTED, f"the article gives the band {inv.get('text')}", ev)
    if verdict == CONTRADICTED:
        return Result(claim, fig, CONTRADICTED, f"outside the article's band {inv.get('text')}", ev)
    return Result(claim, fig, UNKNOWN, f"the article only gives the band {inv.get('text')}", ev)


def _projects_named_before(reader: Reader, m: Match) -> list[dict]:
    """The projects named in the figure's clause before it, when the figure counts 项目 ("…两个项目")."""
    fig, scope = m.fig, m.scope
    if fig.unit != "个" or not scope.text.startswith("项目", fig.end):
        return []
    out = []
    for s, e, r in reader.names_of(scope.text)[0]:
        if scope.left <= s and e <= fig.start and r["id"] in reader.project_ids and r not in out:
            out.append(r)
    return out


def check_projects_sum(fig: Figure, projects: list[dict], claim: str, said_sum: bool) -> Result:
    """"书香时代广场项目和南水西郡项目合计投资不少于20亿元": the interval of the named projects' total, every
    project within its band; settled only when every total the bands allow settles it."""
    ev = [_project_evidence(p) for p in projects]
    invs = [p.get("investment") for p in projects]
    if not said_sum or len(projects) < 2 or any(i is None for i in invs) or fig.unit == "美元":
        return Result(claim, fig, UNKNOWN, "the claim names several projects and one amount; the article gives "
                      "each project's band only", ev)
    lo = sum((Decimal(str(i.get("min") or 0)) for i in invs), Decimal(0))
    hi = None if any(i.get("max") is None for i in invs) else sum((Decimal(str(i["max"])) for i in invs), Decimal(0))
    total = (lo, False, hi, False)
    formula = " + ".join(i.get("text") or "" for i in invs) + f" = {show_interval(total, '元')}"
    ev[0]["derivation"] = {"kind": "band_sum", "formula": formula, "inputs": [{"id": p["id"], "quote": p.get("quote", "")}
                                                                             for p in projects],
                           "low": _num(lo), "high": _num(hi)}
    verdict = settle(interval_of(fig), total)
    if verdict == SUPPORTED:
        why = f"{formula}: every total the bands allow is {fig.text}"
    elif verdict == CONTRADICTED:
        why = f"{formula}: no total the bands allow is {fig.text}"
    else:
        why = f"{formula}: some totals the bands allow are {fig.text}"
    return Result(claim, fig, verdict, why, ev, kind="derived")


# "已交付的楼比开工的少13栋": a difference between two figures of the claim, not a figure of its own
_COMPARATIVE = lazy(r"比(?P<other>[^，,；;。比]{1,20}?)(?P<dir>多|少|高|低|增加|减少)了?$")
_PER_PERSON = lazy(r"每人|人均|每位|每名")


def compare_two(reader: Reader, m: Match, claim: str, cmp: re.Match) -> Result:
    """A claimed difference (A 比 B 多/少 N): A and B are the candidate facts whose states the two sides name;
    the verdict is on A − B. Unknown unless each side names exactly one fact."""
    fig, text = m.fig, m.scope.text
    left_states = reader.vocab.states(text[m.scope.left:cmp.start()])
    right_states = reader.vocab.states(cmp.group("other"))
    pool = [f for _, f in m.scored if not f.derived]
    a = [f for f in pool if f.states and left_states and left_states <= f.states]
    b = [f for f in pool if f.states and right_states and right_states <= f.states]
    if len(a) != 1 or len(b) != 1 or a[0] is b[0]:
        return Result(claim, fig, UNKNOWN, "the claim fits several figures of the article",
                      [evidence(f) for f in (a + b)[:3]])
    fa, fb = a[0], b[0]
    diff = fa.value - fb.value if cmp.group("dir") in ("多", "高", "增加") else fb.value - fa.value
    big, small = (fa, fb) if fa.value >= fb.value else (fb, fa)
    rec = {"id": f"derived:difference:{fa.id}:{fb.id}", "kind": "difference", "derived": True,
           "formula": (f"{big.rec.get('text')} − {small.rec.get('text')} = "
                       f"{fmt_value(big.value - small.value, fa.unit)}"),
           "inputs": [{"id": f.id, "quote": f.rec.get("quote", "")} for f in (fa, fb)],
           "value": _num(diff), "unit": fa.unit, "text": fmt_value(diff, fa.unit), "quote": fa.rec.get("quote", "")}
    ev = [evidence(rec), evidence(fa), evidence(fb)]
    reason = f"the article says {rec['text']}"
    reason = f"{reason} (derived: {rec['formula']})"
    return Result(claim, fig, SUPPORTED if diff == fig.value else CONTRADICTED, reason, ev)


def decide(reader: Reader, m: Match, claim: str) -> Result:
    fig, span = m.fig, m.span
    if m.project is not None:
        total = op.outside(op.SUM, _unmasked(reader, m.scope.text), m.scope.left, m.scope.hi, ())
        if total or len(m.projects) > 1:
            return check_projects_sum(fig, m.projects, claim, bool(total))
        return check_project(reader, fig, m.project, claim, span)
    named = _projects_named_before(reader, m)
    if named:  # "华大育仁教育基地和橄榄嘉园教育基地两个项目": the count of the projects the claim itself names
        same = fig.value == len(named) and fig.qualifier is None
        return Result(claim, fig, SUPPORTED if same else UNKNOWN,
                      f"the claim names {len(named)} projects ({'、'.join(p['name'] for p in named)})",
                      [_project_evidence(p) for p in named], kind="derived")
    scored = m.scored
    if not scored:
        return Result(claim, fig, UNKNOWN, "the article says nothing that matches this figure")
    best = scored[0][0]
    top = [f for s, f in scored if best - s < W.TIE_MARGIN]
    if span is not None:
        fitting = [f for f in top if period_fits(span, f.span)]
        if fitting and len(fitting) < len(top) and len({f.rec.get("metric") for f in top}) > 1 \
                and len({f.value for f in top}) > 1:
            # the words fit figures of different things equally well: the period alone does not say which
            return Result(claim, fig, UNKNOWN, "the claim's words fit several figures of the article "
                          f"({'; '.join(str(f.rec.get('text')) for f in top)})", [evidence(f) for f in top])
        if not fitting:
            f = top[0]
            return Result(claim, fig, UNKNOWN,
                          f"the article gives this for {f.rec.get('period_text') or f.rec.get('period') or 'no stated period'}, "
                          f"not for the claim's period ({span})", [evidence(f) for f in top])
        top = fitting
    elif any(f.past for f in top) and not reader.vocab.past.search(m.scope.context):
        f = next(f for f in top if f.past)
        return Result(claim, fig, UNKNOWN, f"the article gives {f.rec.get('text')} as a past state "
                      f"({f.rec.get('period_text')}, {f.rec.get('period')}); the claim says nothing of when",
                      [evidence(f) for f in top])
    comparative = _COMPARATIVE.search(m.scope.text, m.scope.left, fig.start)
    if comparative:
        return compare_two(reader, m, claim, comparative)
    said_states = reader.vocab.states(m.scope.clause)
    if said_states:
        # every state the claim gives the figure must be one the article gives it (新开工的8栋楼已经封顶: no)
        same_state = [f for f in top if not f.states or said_states <= f.states]
        if not same_state:
            f = top[0]
            from jzcli.check import operators as ops

            other = said_states - f.states
            if len(top) == 1 and len(other) == 1 and ops.found(ops.UNIVERSAL, m.scope.text, fig.end, m.scope.hi):
                # "开工的36栋楼已全部完工": the article's count of the same subject in that state settles it
                part = _in_state(reader, f, next(iter(other)))
                settled = _all_in_state(reader, fig, f, next(iter(other)))
                if settled is not None and part is not None:
                    return Result(claim, fig, settled[0], settled[1], [evidence(part), evidence(f)])
            return Result(claim, fig, UNKNOWN, f"the article gives {f.rec.get('text')} as {'/'.join(sorted(f.states))}, "
                          f"not {'/'.join(sorted(said_states))}: a different state", [evidence(f) for f in top])
        top = same_state
    planned = reader.vocab.plan.search(m.scope.text, m.scope.left, m.scope.hi)
    if planned and all(f.rec.get("status", "actual") == "actual" for f in top):
        f = top[0]
        return Result(claim, fig, UNKNOWN, f"the claim speaks of a plan; the article gives {f.rec.get('text')} as done",
                      [evidence(f) for f in top])
    verdicts = [(compare(fig, f), f) for f in top]
    if not _PER_PERSON.search(m.scope.context):
        # 每人每月80元: a claim that does not say 每人 may count several people (我俩 160元)
        verdicts = [((UNKNOWN, f"the article gives {f.rec.get('text')} {_PER_WORD.get(f.per, '每' + f.per)} only")
                     if v == CONTRADICTED and (f.rec.get("per") or "").startswith("人") else (v, r), f)
                    for (v, r), f in verdicts]
    if len({f.value for f in top}) > 1:
        # several facts fit equally well and they disagree: the claim does not say which one it means
        exact = [f for (v, _), f in verdicts if v == SUPPORTED]
        return Result(claim, fig, UNKNOWN,
                      "the claim fits several figures of the article" + (" (one of them matches)" if exact else ""),
                      [evidence(f) for f in top])
    (verdict, reason), fact = verdicts[0]
    for (v, r), f in verdicts:
        if VERDICT_ORDER[v] < VERDICT_ORDER[verdict]:
            (verdict, reason), fact = (v, r), f
    if verdict != UNKNOWN:  # the claim counts another noun: neither supported nor contradicted by this fact
        said = m.scope.text
        other = reader.other_noun(fact, said, fig.end)
        if other is not None and fact.noun and not any(said.startswith(k, fig.end) for k in (fact.noun, *fact.keywords)):
            # "20名城管队员组成专职巡防队": the number is the patrol's, the people are the emergency team's
            return Result(claim, fig, UNKNOWN, f"the claim counts {other.noun} ({other.rec.get('text')} in the "
                          f"article), the matching figure counts {fact.rec.get('text')}",
                          [evidence(fact), evidence(other)])
    if verdict != UNKNOWN:
        verdict, reason = guard(reader, m, fact, verdict, reason)
    if fact.derived:
        reason = f"{reason.replace('the article says', 'the article implies')} (derived: {fact.rec.get('formula')})"
    return Result(claim, fig, verdict, reason, [evidence(fact)] + [evidence(f) for f in top if f is not fact])


# derived kinds that are themselves sums or differences of several facts
SUM_KINDS = ("sum", "count", "band_count", "band_sum")
DIFFERENCE_KINDS = ("difference",)


def _unmasked(reader: Reader, text: str) -> str:
    """The text with names and honour titles hidden (无邪教, 不忘初心 are no negation of the claim); the last
    one is kept (the figures of one sentence ask for the same text)."""
    cached = getattr(reader, "_unmasked_cache", None)
    if cached is not None and cached[0] == text:
        return cached[1]
    chars = list(text)
    for s, e, _ in reader.names_of(text)[0]:
        chars[s:e] = "□" * (e - s)
    out = "".join(chars)
    for t in _honour_titles(reader):
        if t in out:
            out = out.replace(t, "□" * len(t))
    reader._unmasked_cache = (text, out)
    return out


def _honour_titles(reader: Reader) -> list[str]:
    """The honours' titles, and each without its level word (创建无邪教示范街道 of 全国创建无邪教示范街道), longest
    first: once per Reader."""
    got = getattr(reader, "_honour_titles", None)
    if got is None:
        levels = sorted(reader.vocab.level_of, key=len, reverse=True)
        titles = set()
        for h in reader.fb.records("honours"):
            t = h.get("title") or ""
            if t:
                titles.add(t)
                core = next((t[len(w):] for w in levels if t.startswith(w)), "")
                if len(core) >= 4:
                    titles.add(core)
        got = reader._honour_titles = sorted(titles, key=len, reverse=True)
    return got


def guard(reader: Reader, m: Match, fact: Fact, verdict: str, reason: str) -> tuple[str, str]:
    """A supported / contradicted verdict on a figure stands only when the claim's operators, polarity, states
    and subject are the fact's: otherwise unknown (or, where the article's own 全部 settles a negated claim,
    contradicted)."""
    fig, scope = m.fig, m.scope
    text = _unmasked(reader, scope.text)
    left, hi = scope.left, scope.hi
    kind = fact.rec.get("kind") if fact.derived else None
    quote = fact.rec.get("quote") or ""
    words = [*fact.keywords, fact.noun]
    said = fact.rec.get("text")
    s = op.outside(op.SUM, text, left, fig.start, words)
    if s and kind not in SUM_KINDS and (s.group("verb") or s.group()) not in quote:
        return UNKNOWN, f"the claim gives a sum ({s.group()}); the article gives {said} for one thing, no such sum"
    d = op.outside(op.DIFFERENCE, text, left, fig.start, words)
    if d and kind not in DIFFERENCE_KINDS and d.group() not in quote:
        return UNKNOWN, f"the claim gives a difference or a remainder ({d.group()}); the article gives {said}, " \
                        "not that difference"
    noun = fact.rec.get("noun") if fact.derived else None
    if noun:  # a derived count of one noun (社区, 村, 荣誉): the claim must count that noun
        after = re.split(r"[，,。；;、和及与]", text[fig.end:fig.end + 8])[0]
        others = {d.get("noun") for d in reader.derived if d.get("noun")} - {noun}
        if noun not in after and any(o in after for o in others):
            return UNKNOWN, f"the claim counts {after}; the article's derived {said} counts {noun}"
    a = op.outside(op.AVERAGE, text, left, fig.start, words)
    if a and kind not in ("ratio",) and a.group() not in quote:
        return UNKNOWN, f"the claim gives an average ({a.group()}); the article gives {said}, not that average"
    said_states = reader.vocab.states(scope.clause)
    neg = op.outside(op.NEGATION, text, left, hi, words)
    part = op.outside(op.PARTIAL, text, fig.end, hi, words)
    if neg or part:
        whole = op.found(op.UNIVERSAL, quote)
        if verdict == SUPPORTED and whole and said_states and said_states <= reader.vocab.states(quote) and neg:
            return CONTRADICTED, f"the article says {quote}: all of them, not {fig.text} with some not"
        if neg:
            return UNKNOWN, f"the claim negates it ({neg.group()}); the article gives {said}"
        return UNKNOWN, f"the claim speaks of part of it ({part.group()}); the article gives {said}"
    if fact.states and said_states - fact.states:
        other = said_states - fact.states
        if op.found(op.UNIVERSAL, text, fig.end, hi) and len(other) == 1:
            settled = _all_in_state(reader, fig, fact, next(iter(other)))
            if settled is not None:
                return settled
        return UNKNOWN, f"the claim gives {fig.text} as {'/'.join(sorted(said_states))}; the article gives " \
                        f"{said} as {'/'.join(sorted(fact.states))}"
    if fact.rec.get("state_not"):  # a remainder of a whole (36栋 开工 − 23栋 交付 = 13栋 未交付): the claim's
        # sentence must name no state of works beyond its inputs' ("已完工楼栋中,尚有6栋未交付" is of 完工, not 开工)
        inputs = {i.get("id") for i in fact.rec.get("inputs") or []}
        allowed = set(fact.states).union(*(f.states for f in reader.facts if f.id in inputs))
        named = reader.vocab.states(text[scope.lo:hi])
        if named - allowed:
            return UNKNOWN, f"the claim gives {fig.text} as {'/'.join(sorted(named))}; the article gives " \
                            f"{said} as {'/'.join(sorted(allowed))}"
    if fact.id.startswith("derived:years-since:") and not any(w in scope.context for w in NOW_WORDS):
        return UNKNOWN, f"the article gives {said} as of its own time; the claim counts from one event to another"
    if not _subject_named(reader, scope, fact):
        return UNKNOWN, f"the article gives {said} for a whole ({fact.rec.get('subject_name')}); the claim names a part"
    rival = _rival_named(reader, scope.text[left:hi], scope.clause, fact)
    if rival is not None:  # "举办技能培训5场": 5场 is the 招聘会's; 技能培训 is another figure (17人)
        other, word = rival
        return UNKNOWN, f"the claim says {word}, which the article measures as {other.rec.get('text')}; " \
                        f"{said} is {fact.rec.get('metric')}"
    return verdict, reason


# a keyword this long names what a figure measures (招聘会, 技能培训); a shorter one is a verb (举办, 清理)
_SAYS_WHAT = 3


def _rival_named(reader: Reader, clause: str, own: str, fact: Fact) -> tuple[Fact, str] | None:
    """When the claim's clause names nothing the fact measures (only a verb of it, 举办) but the figure's own
    words (`own`: the clause, other figures' words masked) name what another figure of the same subject measures
    (技能培训): (that figure, its word), else None."""
    subject = fact.rec.get("subject")
    if fact.derived or not subject:
        return None
    if any(len(k) >= _SAYS_WHAT for k in fact.keywords if k in clause):
        return None  # the clause names what the fact measures (地面附着物)
    best = None
    for f in reader.facts:
        if f.derived or f is fact or f.rec.get("subject") != subject or f.rec.get("metric") == fact.rec.get("metric"):
            continue
        for k in f.keywords:
            if len(k) >= _SAYS_WHAT and k in own and not any(k in w or w in k for w in fact.keywords) \
                    and (best is None or len(k) > len(best[1])):
                best = (f, k)
    return best


def _in_state(reader: Reader, fact: Fact, state: str) -> Fact | None:
    """The article's one count of the fact's subject (and unit class) in `state`, if there is one."""
    subject = fact.rec.get("subject")
    same = [f for f in reader.facts if not f.derived and f.rec.get("subject") == subject and f.states == {state}
            and f.unit_class == fact.unit_class]
    return same[0] if len(same) == 1 else None


def _all_in_state(reader: Reader, fig: Figure, fact: Fact, state: str) -> tuple[str, str] | None:
    """"36栋楼已全部完工": the article's figure of the same subject in that state settles it, when there is one."""
    subject = fact.rec.get("subject")
    same = [f for f in reader.facts if not f.derived and f.rec.get("subject") == subject and f.states == {state}
            and f.unit_class == fact.unit_class]
    if len(same) != 1 or fig.qualifier is not None or same[0].rec.get("qualifier"):
        return None
    other = same[0]
    if other.value == fig.value:
        return SUPPORTED, f"the article says {other.rec.get('text')} {state}"
    return CONTRADICTED, f"the article says {other.rec.get('text')} of {fact.rec.get('text')} {state}, not all"


def _subject_named(reader: Reader, scope, fact: Fact) -> bool:
    """A place the claim names stands for its unit only when the claim names no unit of the fact itself:
    "天赉渠清理了116处" is about one canal, the article's 116处 about the whole 大寨店段."""
    spans = [r for s, e, r in reader.names_of(scope.text)[0] if scope.lo <= s and e <= scope.hi]
    places = [r for r in spans if r["id"] in reader.place_unit and reader.place_unit[r["id"]] in fact.refs
              and r["id"] not in fact.refs]
    if not places:
        return True
    return any(r["id"] in fact.refs for r in spans if r["id"] not in reader.place_unit)


def combined(results: list[Result]) -> str:
    return max((r.verdict for r in results), key=VERDICT_ORDER.__getitem__)
