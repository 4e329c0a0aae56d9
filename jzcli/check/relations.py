"""Relations between things the article gives: multiples and shares (A是B的N倍, A占B的N%), differences
(A比B多N), sums (A和B共有N), orders (A多于B, A与B相同), values per unit (平均每套安置房…N人), superlatives over
a complete list (投资额1亿元到5亿元的项目最多) and the order of events (A在B之前).

Each side of a relation is resolved to ONE fact of the fact base by the words it says (the facts' curated
`keywords`, the subjects it names, its states of works, the claim's period); a side that fits several facts
with different values, or none, leaves the relation to the other rules (which answer unknown). The verdict is
interval arithmetic over every value the article allows (3000多名 = (3000, 4000)), and the claim's own
precision decides how near a computed value must be (20倍: 19.5–20.5; 约1万: 0.5万–1.5万; 5倍多: (5, 6)).
Every result shows its formula and inputs with their quotes (`derivation`).

Nothing here knows an answer: the sides are found in facts.json, the words below are the language's.
The gate (`_GATE`) keeps the per-sentence cost to one regex search for sentences that compare nothing.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from jzcli.check import operators as op
from jzcli.check import weights as W
from jzcli.check.periods import claim_span, period_fits
from jzcli.check.reading import BOUNDS, MONEY, Figure, _step, interval_of, qualified_interval, unit_class
from jzcli.check.verdict import CONTRADICTED, SUPPORTED, UNKNOWN, Result, evidence, fmt_value, settle, show_interval
from jzcli.i18n import N_
from jzcli.lazyre import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from jzcli.check.index import Fact, Reader

# a sentence that may relate two things: anything else costs one search
_GATE = lazy(r"倍|比|[多高大少低小早晚先后]于|超过|超出|不及|不如|相同|一样|相等|持平|一致|最|之前|以前|之后|以后"
             r"|共|合计|总计|加起来|之和|每|占|翻|不到|不足|一半|半数|分之|%|的[一二三四五六七八九十\d]+成|[年天][多半]?后")
_CLAUSE = lazy(r"[^，,；;。！？!?：:]+")
# A是B的N倍 / A占B的N% / A不到B的一半: the verb before B (a comparison verb is also the claim's bound)
_MULTIPLE_VERB = lazy(r"相当于|约为|约是|约占|仅为|只有|达到|不到|不足|超过|高于|低于|少于|多于|大于|小于|接近|将近"
                      r"|是|为|占|达|近|约")
# A比B多N / A比B少N
_DIFF = lazy(r"比(?P<b>[^比]{1,30}?)(?P<dir>多出|高出|多了|少了|高了|低了|增加了?|减少了?|多|少|高|低|大|小)$")
# A与B相差N (an absolute difference)
_APART = lazy(r"(?:与|和|跟|同)(?P<b>[^与和跟同]{1,30}?)(?:相差|之差为?|差)$")
# A比B多 / A多于B / A与B相同 (no number)
_ORDER_CMP = lazy(r"比(?P<b>[^比]{1,30}?)(?:还|更|要)?(?P<dir>多|少|高|低|大|小)(?:一些|些|得多)?$")
_ORDER_SAME = lazy(r"(?:与|和|跟|同)(?P<b>[^与和跟同]{1,30}?)(?:的?(?:人数|数量|数目|金额|规模))?(?:相同|一样|相等|持平|一致)")
_MORE, _LESS = ("多", "高", "大", "多于", "高于", "大于", "超过", "超出", "多出", "高出", "多了", "高了", "增加", "增加了"), \
    ("少", "低", "小", "少于", "低于", "小于", "不及", "不如", "少了", "低了", "减少", "减少了")
# A和B共有N: the sum word right before the figure (words of the predicate may stand between)
_SUM = lazy(r"(?P<w>共有|共计|合计|总共|一共|总计|加起来|加在一起|之和为?|共)[^，,；;。\d]{0,8}$")
_JOIN = lazy(r"以及|和|与|及|、")
# 平均每套 / 每平方公里: a value per unit of another figure
_PER = lazy(r"(?:平均)?每(?P<u>平方公里|套|栋|户|座|家|个|处)")
# superlatives
_SUPER = lazy(r"最(?P<dir>多|少|大|小|高|低)")
# a rank or an order the rules above may leave unsettled (最早 of three villages, 早于 an event the article does not
# date): never supported on the strength of the sentence's other figures
_RANKS = lazy(r"最(?:多|少|大(?!限度|程度)|小|高|低|早|晚|先|快|慢|长|短)|早于|晚于|先于|后于|领先于?|落后于")
# the order of events
_EVENT_ORDER = lazy(r"(?P<w>之前|以前|之后|以后)")
_EVENT_AT = lazy(r"(?:是在|发生在|早在|在|于)")
_EVENT_VERB = lazy(r"(?P<w>早于|先于|晚于|后于)")
_EVENT_CMP = lazy(r"比(?P<b>[^比]{1,30}?)(?P<w>早|晚)")
_AS_OF = lazy(r"截至|截止|到目前|目前")  # an event dated so was done by then, when is not said
_GAP_AFTER = lazy(r"(?:之后|以后|后)")
_YEAR_DAYS = Decimal("365.2425")

# the reasons, by rule and verdict (msgids: jzcli/reasons.py matches a reason against them, the catalog translates)
WHY = {
    ("ratio", SUPPORTED): N_("the article's figures make it {value}, which is {claim}"),
    ("ratio", CONTRADICTED): N_("the article's figures make it {value}, not {claim}"),
    ("ratio", UNKNOWN): N_("the article's figures allow {value}: that does not settle {claim}"),
    ("difference", SUPPORTED): N_("the article's figures differ by {value}"),
    ("difference", CONTRADICTED): N_("the article's figures differ by {value}, not {claim}"),
    ("difference", UNKNOWN): N_("the article's figures allow a difference of {value}"),
    ("sum", SUPPORTED): N_("the article's figures add up to {value}"),
    ("sum", CONTRADICTED): N_("the article's figures add up to {value}, not {claim}"),
    ("sum", UNKNOWN): N_("the article's figures allow a total of {value}"),
    ("per", SUPPORTED): N_("the article's figures give {value} per {unit}"),
    ("per", CONTRADICTED): N_("the article's figures give {value} per {unit}, not {claim}"),
    ("per", UNKNOWN): N_("the article's figures allow {value} per {unit}"),
    ("more", SUPPORTED): N_("the article gives {a} and {b}: the first is more than the second"),
    ("more", CONTRADICTED): N_("the article gives {a} and {b}: the first is not more than the second"),
    ("less", SUPPORTED): N_("the article gives {a} and {b}: the first is less than the second"),
    ("less", CONTRADICTED): N_("the article gives {a} and {b}: the first is not less than the second"),
    ("same", SUPPORTED): N_("the article gives {a} and {b}: the same"),
    ("same", CONTRADICTED): N_("the article gives {a} and {b}: not the same"),
    ("order", UNKNOWN): N_("the article gives {a} and {b}: the figures do not settle it"),
    ("top-project", CONTRADICTED): N_("{name} is in a band wholly beyond it"),
    ("top-project", SUPPORTED): N_("every other project's band is wholly short of it"),
    ("top-project", UNKNOWN): N_("the bands do not settle which project it is"),
    ("top-band", SUPPORTED): N_("{metric} is {text}; it beats every other band"),
    ("top-band", CONTRADICTED): N_("{metric} is {text}; another band beats it"),
    ("top-band", UNKNOWN): N_("{metric} is {text}; the counts do not settle it"),
    ("rank", UNKNOWN): N_("the claim ranks or orders things ({word}); the article does not settle it"),
    ("top-member", CONTRADICTED): N_("{name} has {other}, more than {text}"),
    ("top-member", UNKNOWN): N_("{text}; the article does not give every member's figure"),
    ("events", SUPPORTED): N_("the article dates the first {a} and the second {b}: that is the claim's order"),
    ("events", CONTRADICTED): N_("the article dates the first {a} and the second {b}: that is not the claim's order"),
    ("events", UNKNOWN): N_("the article dates the first {a} and the second {b}: their dates do not settle the order"),
    ("gap", SUPPORTED): N_("the article dates the first {a} and the second {b}: {value} apart, which is {claim}"),
    ("gap", CONTRADICTED): N_("the article dates the first {a} and the second {b}: {value} apart, not {claim}"),
    ("gap", UNKNOWN): N_("the article dates the first {a} and the second {b}: {value} apart does not settle {claim}"),
    ("inferred", None): N_("{reason} (the year is inferred: 今年 = {year})"),
}


class Side:
    """One side of a relation resolved to a fact, with the span of its words in the sentence."""

    __slots__ = ("fact", "lo", "hi", "hits")

    def __init__(self, fact: Fact, lo: int, hi: int, hits: list) -> None:
        self.fact, self.lo, self.hi, self.hits = fact, lo, hi, hits


def check_relations(reader: Reader, text: str, figs: list[Figure]) -> tuple[list[Result], set[int]]:
    """The relations a (canonical) sentence states, settled; and the ids of the figures they consumed (the N of
    a relation and band words inside its sides), which the single-figure rules then leave alone."""
    if not _GATE.search(text):
        return [], set()
    out: list[Result] = []
    used: set[int] = set()
    ctx = _Context(reader, text, figs)
    for m in _CLAUSE.finditer(text):
        lo, hi = m.start(), m.end()
        for rule in (_event_gap, _multiple, _difference, _sum, _per_unit, _order, _superlative, _member_superlative,
                     _event_order, _unsettled):
            got = rule(ctx, lo, hi)
            if got is not None:
                result, consumed, sides = got
                out.append(result)
                used |= {id(f) for f in consumed}
                for s in sides:
                    used |= {id(f) for f in figs if s.lo <= f.start and f.end <= s.hi and _in_hits(f, s.hits)}
                break
    return out, used


def _in_hits(fig: Figure, hits: list) -> bool:
    return any(a <= fig.start < b or a < fig.end <= b for a, b in hits)


class _Context:
    """What the rules share for one sentence: its figures, names, period."""

    def __init__(self, reader: Reader, text: str, figs: list[Figure]) -> None:
        self.reader, self.text = reader, text
        self.figs = sorted((f for f in figs if f.value is not None), key=lambda f: f.start)
        self.starts = [f.start for f in self.figs]
        self.spans = reader.names_of(text)[0]
        self.span_starts = [a for a, _, _ in self.spans]
        self.broad = {rec["id"] for _, _, rec in self.spans if rec["id"] in reader.offices}
        self.band_edges = [f for f in self.figs if _band_edge(f)]  # the bands the sentence names, in order
        self.span = claim_span(text, reader.pub_year, reader.as_of, present=reader.vocab.present)
        self.past = bool(reader.vocab.past.search(text))

    def figure_at(self, lo: int, hi: int, units: tuple | None = None) -> list[Figure]:
        """The figures in text[lo:hi] (by binary search: a sentence of many clauses stays linear)."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [f for f in self.figs[i:j] if f.end <= hi and not f.descriptor and (units is None or f.unit in units)]

    def subjects(self, lo: int, hi: int) -> set:
        """The specific subjects (not an office) named in text[lo:hi]; a place stands for its unit."""
        r = self.reader
        out = set()
        i, j = bisect.bisect_left(self.span_starts, lo), bisect.bisect_left(self.span_starts, hi)
        for _s, e, rec in self.spans[i:j]:
            if e > hi or rec["id"] in r.silent_people:
                continue
            rid = rec["id"]
            if rid in r.place_unit:
                rid = r.place_unit[rid]
                if rid is None:
                    continue
            if rid not in r.broad:
                out.add(rid)
        return out

    def offices(self, lo: int, hi: int) -> set:
        i, j = bisect.bisect_left(self.span_starts, lo), bisect.bisect_left(self.span_starts, hi)
        return {rec["id"] for s, e, rec in self.spans[i:j] if e <= hi and rec["id"] in self.reader.offices}

    def masked(self, lo: int, hi: int) -> str:
        """text[lo:hi] with the names hidden (the words of a side, to lend to a side that names only who)."""
        chars = list(self.text[lo:hi])
        k = bisect.bisect_left(self.span_starts, lo - 60)  # no name is longer than that
        for s, e, _ in self.spans[k:bisect.bisect_left(self.span_starts, hi)]:
            for i in range(max(s, lo), min(e, hi)):
                chars[i - lo] = "□"
        return "".join(chars)


# ---------------------------------------------------------------- resolving a side


_REFERABLE_DERIVED = ("count", "band_count")
# a counted noun this long says what is counted (小区党建试点, 城管队员); a shorter one (社区, 楼) does not
_NOUN_SAYS_WHAT = 3
# how far before its figure the words of a relation are read (比 + a side of at most 30 characters + 多): a bound
# that keeps a clause of thousands of figures linear
_WINDOW = 40


def _resolve(ctx: _Context, lo: int, hi: int, subjects: set, words: str | None = None,
             states: set | None = None, unit_cls: str | None = None) -> tuple[Fact | None, list]:
    """The one fact text[lo:hi] speaks of: its keywords (or `words`, lent by the other side), about one of
    `subjects` when any, in the claim's period; (None, []) when no fact or several with different values fit."""
    r = ctx.reader
    seg = ctx.text[lo:hi] if words is None else words
    found: dict[int, list[tuple[int, int]]] = {}
    for at, word in r._keywords.find(seg):
        for i in r._facts_by_keyword[word]:
            found.setdefault(i, []).append((at, at + len(word)))
    if states is None:
        states = r.vocab.states(seg)
    broad = ctx.broad
    scored = []
    for i, spans in found.items():
        f = r.facts[i]
        if f.derived and (f.rec.get("kind") not in _REFERABLE_DERIVED
                          or (f.rec.get("noun") and f.rec["noun"] not in seg)):
            continue  # a count of one noun (划出的社区 of the 8 units) answers a side that names that noun
        if any(f.rec.get(k) and not any(w in ctx.text for w in f.rec[k]) for k in ("needs", "needs_clause")):
            continue
        if subjects and not (f.refs & subjects):
            continue
        if not subjects and broad and not (f.offices & broad):
            continue
        if unit_cls is not None and f.unit_class != unit_cls and not (unit_cls == "元" and f.unit in MONEY):
            continue
        if states and not states <= f.states:
            continue
        if ctx.span is not None and not period_fits(ctx.span, f.span):
            continue
        if f.past and not ctx.past:
            continue
        if f.rec.get("status", "actual") not in ("actual", None) and not r.vocab.plan.search(ctx.text):
            continue
        # the longest hits that do not overlap, and how much of them says what is measured (not the noun)
        spans.sort(key=lambda s: s[0] - s[1])
        taken: list[tuple[int, int]] = []
        score = what = 0
        for a, b in spans:
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            score += b - a
            if not f.noun or seg[a:b] not in f.noun or b - a >= _NOUN_SAYS_WHAT:
                what += b - a
        if what < W.MIN_SCORE:
            continue
        scored.append((score + (W.SUBJECT_BONUS if f.refs & subjects else 0), f, taken))
    if not scored:
        return None, []
    scored.sort(key=lambda t: -t[0])
    best = scored[0][0]
    top = [(f, t) for s, f, t in scored if best - s < W.TIE_MARGIN]
    if len({f.value for f, _ in top}) > 1 or len({f.unit_class for f, _ in top}) > 1:
        return None, []
    f, taken = top[0]
    for _, other, spans in scored[len(top):]:
        if other.value != f.value and any(b - a >= _NOUN_SAYS_WHAT and not any(a < y and x < b for x, y in taken)
                                          for a, b in spans):
            return None, []  # another fact answers to words the chosen one leaves unexplained (试点 of 小区党建试点)
    offset = lo if words is None else None
    return f, ([(a + offset, b + offset) for a, b in taken] if offset is not None else [])


def _sides(ctx: _Context, a: tuple[int, int], b: tuple[int, int], lo: int) -> tuple[Side, Side] | None:
    """Both sides of a two-sided relation: each by its own words and subjects; a side that names only who
    (西郭庄社区) takes the other side's words; a side that names no one takes the subjects named before the
    relation, else the other side's."""
    before = ctx.subjects(_sentence_start(ctx, lo), a[0]) if a[0] > 0 else set()
    subj_a, subj_b = ctx.subjects(*a), ctx.subjects(*b)
    sa = subj_a or before or subj_b
    sb = subj_b or before or subj_a
    fa, ha = _resolve(ctx, a[0], a[1], sa)
    fb, hb = _resolve(ctx, b[0], b[1], sb)
    if fa is not None and fb is None and subj_b:
        fb, hb = _resolve(ctx, b[0], b[1], sb, words=ctx.masked(*a), states=ctx.reader.vocab.states(ctx.text[a[0]:a[1]]))
    if fb is not None and fa is None and subj_a:
        fa, ha = _resolve(ctx, a[0], a[1], sa, words=ctx.masked(*b), states=ctx.reader.vocab.states(ctx.text[b[0]:b[1]]))
    # a side that names no one and fits nothing of the other side's subject: a thing of its own (水系工作指挥部 的干部)
    if fa is not None and fb is None and not subj_b and not before:
        fb, hb = _resolve(ctx, b[0], b[1], set())
    if fb is not None and fa is None and not subj_a and not before:
        fa, ha = _resolve(ctx, a[0], a[1], set())
    if fa is None or fb is None or fa is fb or fa.id == fb.id:
        return None
    return Side(fa, a[0], a[1], ha), Side(fb, b[0], b[1], hb)


def _sentence_start(ctx: _Context, lo: int) -> int:
    return max(0, lo - 60)


# ---------------------------------------------------------------- arithmetic


def _iv(f: Fact) -> tuple:
    """Every value the article allows for a fact: (low, low strict, high, high strict)."""
    if f.interval is not None:
        lo, los, hi, his = f.interval
        return (None if lo is None else Decimal(lo), los, None if hi is None else Decimal(hi), his)
    return qualified_interval(f.value, f.rec.get("qualifier"))


def _point(iv: tuple) -> Decimal | None:
    return iv[0] if iv[0] is not None and iv[0] == iv[2] and not iv[1] and not iv[3] else None


def _sub(a: tuple, b: tuple) -> tuple:
    lo = None if a[0] is None or b[2] is None else a[0] - b[2]
    hi = None if a[2] is None or b[0] is None else a[2] - b[0]
    return lo, a[1] or b[3], hi, a[3] or b[1]


def _add(a: tuple, b: tuple) -> tuple:
    lo = None if a[0] is None or b[0] is None else a[0] + b[0]
    hi = None if a[2] is None or b[2] is None else a[2] + b[2]
    return lo, a[1] or b[1], hi, a[3] or b[3]


def _div(a: tuple, b: tuple, scale: Decimal = Decimal(1)) -> tuple | None:
    """a / b for positive intervals (None: b may be 0 or unbounded below)."""
    if b[0] is None or b[0] <= 0 or a[0] is None or a[0] < 0:
        return None
    lo = a[0] / b[2] * scale if b[2] is not None else Decimal(0)
    hi = a[2] / b[0] * scale if a[2] is not None else None
    return lo, a[1] or b[3], hi, a[3] or b[1]


def _written_step(fig: Figure) -> Decimal:
    """How finely the claim writes its number: the place of its last written digit (20倍 → 1, 6.4亿 → 0.1亿,
    1万 → 1万, 八成 → 10%)."""
    if fig.step is not None:
        return fig.step
    t = fig.text
    mult = Decimal(10**8) if "亿" in t else Decimal(10**4) if "万" in t else Decimal(1)
    m = re.search(r"\d+(?:\.(\d+))?", t)
    if m is None:
        return _step(fig.value)
    return Decimal(10) ** -len(m.group(1) or "") * mult


def judge(fig: Figure, actual: tuple, additive: bool, multiple: bool = False) -> str:
    """The claim's figure against a computed interval: a bound or a 多/近 figure by intervals; a plain or 约
    figure by its written precision (a sum or difference of printed figures must be exact unless 约)."""
    if fig.qualifier in BOUNDS or fig.qualifier in ("余", "多", "近", "将近", "接近") or fig.high is not None:
        return settle(interval_of(fig), actual)
    step = _written_step(fig)
    v = fig.value
    lo, _, hi, _ = actual
    if lo is None or hi is None:
        return UNKNOWN
    near_lo, near_hi = abs(lo - v), abs(hi - v)
    far = min(near_lo, near_hi) if not (lo <= v <= hi) else Decimal(0)
    worst = max(near_lo, near_hi)
    if additive and fig.qualifier is None:
        if lo == hi == v:
            return SUPPORTED
        return CONTRADICTED if far * 2 > step else UNKNOWN
    if fig.step is not None:  # a rounded share (八成 = 75%–85%, 三分之二): the value must round to it
        return SUPPORTED if worst * 2 < step else CONTRADICTED if far * 2 > step else UNKNOWN
    if worst * 2 <= step:
        return SUPPORTED
    # beyond the claim's rounding; a multiple also by more than a tenth of it (20倍 for 20.7 is loose, not wrong)
    return CONTRADICTED if far * 2 > step and (not multiple or far * 10 > abs(v)) else UNKNOWN


def _compare(a: tuple, b: tuple, direction: str) -> str:
    """A more than B ("more"), less ("less") or the same ("same"), for every value the article allows."""
    if direction == "less":
        a, b, direction = b, a, "more"
    if direction == "more":
        if a[0] is not None and b[2] is not None and (a[0] > b[2] or (a[0] == b[2] and (a[1] or b[3]))):
            return SUPPORTED
        if a[2] is not None and b[0] is not None and a[2] <= b[0]:
            return CONTRADICTED
        return UNKNOWN
    pa, pb = _point(a), _point(b)
    if pa is not None and pb is not None:
        return SUPPORTED if pa == pb else CONTRADICTED
    from jzcli.check.verdict import _disjoint
    return CONTRADICTED if _disjoint(a, b) else UNKNOWN


def _show(iv: tuple, unit: str) -> str:
    p = _point(iv)
    if p is not None:
        return fmt_value(p.quantize(Decimal("0.01")).normalize() if p != p.to_integral_value() else p, unit)
    lo, _, hi, _ = iv
    r = lambda x: x.quantize(Decimal("0.01")).normalize() if x is not None and x != x.to_integral_value() else x  # noqa: E731
    return show_interval((r(lo), iv[1], r(hi), iv[3]), unit)


def _result(ctx: _Context, fig: Figure, verdict: str, kind: str, formula: str, facts: list, why: str) -> Result:
    rec = {"id": f"derived:{kind}:" + ":".join(f.id for f in facts), "kind": kind, "derived": True,
           "formula": formula, "inputs": [{"id": f.id, "quote": f.rec.get("quote", "")} for f in facts],
           "value": None, "unit": None, "text": formula.rsplit("= ", 1)[-1], "quote": " … ".join(
               dict.fromkeys(f.rec.get("quote", "") for f in facts))}
    ev = [evidence(rec)] + [evidence(f) for f in facts]
    return Result(ctx.text, fig, verdict, f"{why} (derived: {formula})", ev, kind="derived")


def _same_units(fa: Fact, fb: Fact) -> bool:
    return fa.unit == fb.unit or (fa.unit_class == fb.unit_class and fa.unit not in MONEY and fb.unit not in MONEY)


def _text(f: Fact) -> str:
    return f"{f.rec.get('text')}"


# ---------------------------------------------------------------- the rules


def _multiple(ctx: _Context, lo: int, hi: int):
    """A是B的N倍 / A约为B的N% / A占B的N% / A不到B的一半."""
    text = ctx.text
    for fig in ctx.figure_at(lo, hi, ("倍", "%")):
        if fig.start - 1 < lo or text[fig.start - 1] != "的":
            continue
        verbs = [m for m in _MULTIPLE_VERB.finditer(text, max(lo, fig.start - _WINDOW), fig.start - 1)]
        for verb in reversed(verbs):
            a, b = (lo, verb.start()), (verb.end(), fig.start - 1)
            if b[1] - b[0] < 2 or a[1] - a[0] < 2:
                continue
            sides = _sides(ctx, a, b, lo)
            if sides is None:
                return None
            sa, sb = sides
            fa, fb = sa.fact, sb.fact
            if not _same_units(fa, fb):
                return None
            scale = Decimal(100) if fig.unit == "%" else Decimal(1)
            actual = _div(_iv(fa), _iv(fb), scale)
            if actual is None:
                return None
            word = verb.group()
            said_fig = fig
            if fig.qualifier is None and word in BOUNDS:  # 超过B的5倍: the verb bounds the multiple
                said_fig = Figure(fig.start, fig.end, fig.text, fig.value, fig.unit, word, step=fig.step)
            verdict = judge(said_fig, actual, additive=False, multiple=True)
            unit = "%" if fig.unit == "%" else "倍"
            formula = f"{_text(fa)} / {_text(fb)} = {_show(actual, unit)}"
            q = said_fig.qualifier
            said = fig.text if q is None or q in fig.text else q + fig.text
            why = WHY["ratio", verdict].format(value=_show(actual, unit), claim=said)
            kind = "share" if unit == "%" else "ratio"
            return _result(ctx, fig, verdict, kind, formula, [fa, fb], why), [fig], sides
    return None


def _difference(ctx: _Context, lo: int, hi: int):
    """A比B多N / A比B少N / A与B相差N."""
    text = ctx.text
    for fig in ctx.figure_at(lo, hi):
        if fig.unit in ("倍", "%") and text.startswith("倍", fig.end):
            continue
        w = max(lo, fig.start - _WINDOW)  # the words of a difference stand right before its figure
        head = text[w:fig.start]
        m = _DIFF.search(head)
        apart = None if m else _APART.search(head)
        if not m and not apart:
            continue
        got = m or apart
        b = (w + got.start("b"), w + got.end("b"))
        a = (lo, w + got.start())
        if a[1] - a[0] < 2:
            return None
        sides = _sides(ctx, a, b, lo)
        if sides is None:
            return None
        sa, sb = sides
        fa, fb = sa.fact, sb.fact
        if not _same_units(fa, fb) or (fig.unit is not None and unit_class(fig.unit) != fa.unit_class
                                       and not (fig.unit in MONEY and fa.unit in MONEY)):
            return None
        if fig.unit in MONEY and fig.unit != fa.unit:
            return None
        direction = "more" if m and m.group("dir") in _MORE else "less" if m else "apart"
        if direction == "apart" and fa.value < fb.value:
            direction = "less"
        if direction == "less":
            fa, fb = fb, fa  # the formula is always the larger minus the smaller the claim says
        actual = _sub(_iv(fa), _iv(fb))
        formula = f"{_text(fa)} − {_text(fb)} = {_show(actual, fa.unit)}"
        verdict = judge(fig, actual, additive=True)
        why = WHY["difference", verdict].format(value=_show(actual, fa.unit), claim=fig.text)
        return _result(ctx, fig, verdict, "difference", formula, [fa, fb], why), [fig], sides
    return None


def _sum(ctx: _Context, lo: int, hi: int):
    """A和B共有N / A与B合计N: every part a fact of its own, of one unit."""
    text = ctx.text
    for fig in ctx.figure_at(lo, hi):
        s = _SUM.search(text, max(lo, fig.start - _WINDOW), fig.start)
        if s is None:
            continue
        head_end = s.start()
        joins = [j for j in _JOIN.finditer(text, lo, head_end)]
        if not joins:
            return None
        bounds, start = [], lo
        for j in joins:
            bounds.append((start, j.start()))
            start = j.end()
        bounds.append((start, head_end))
        if any(b - a < 2 for a, b in bounds):
            return None
        facts, sides = [], []
        before = set()
        for a, b in bounds:
            subj = ctx.subjects(a, b) or before
            f, hits = _resolve(ctx, a, b, subj)
            if f is None:
                return None
            facts.append(f)
            sides.append(Side(f, a, b, hits))
        if len({f.id for f in facts}) != len(facts) or len({f.unit for f in facts}) != 1:
            return None
        if fig.unit is not None and unit_class(fig.unit) != facts[0].unit_class:
            return None
        if fig.unit in MONEY and fig.unit != facts[0].unit:
            return None
        if any(f.rec.get("per") for f in facts):
            return None  # 每人每月80元: a rate is not a total
        total = _iv(facts[0])
        for f in facts[1:]:
            total = _add(total, _iv(f))
        formula = " + ".join(_text(f) for f in facts) + f" = {_show(total, facts[0].unit)}"
        verdict = judge(fig, total, additive=True)
        why = WHY["sum", verdict].format(value=_show(total, facts[0].unit), claim=fig.text)
        return _result(ctx, fig, verdict, "sum", formula, facts, why), [fig], sides
    return None


def _printed_by_unit(r: Reader) -> tuple[dict, dict]:
    """The printed facts by unit and by unit class: computed once per Reader, not per sentence."""
    got = getattr(r, "_relation_units", None)
    if got is None:
        by_unit: dict[str, list] = {}
        by_class: dict[str | None, list] = {}
        for f in r.facts:
            if not f.derived:
                by_unit.setdefault(f.unit, []).append(f)
                by_class.setdefault(f.unit_class, []).append(f)
        got = r._relation_units = (by_unit, by_class)
    return got


def _per_unit(ctx: _Context, lo: int, hi: int):
    """平均每套安置房安置的村民超过4人 / 每平方公里约有1万人: two figures of one subject and one period, the
    claim's figure counting what one counts, 每 naming the other's unit."""
    r, text = ctx.reader, ctx.text
    m = _PER.search(text, lo, hi)
    if m is None:
        return None
    per_unit = m.group("u")
    figs = [f for f in ctx.figure_at(m.end(), hi) if f.unit is not None and unit_class(f.unit) != unit_class(per_unit)]
    if len(figs) != 1 or figs[0].unit in ("%", "倍") or figs[0].rate is not None:
        return None
    fig = figs[0]
    subjects = ctx.subjects(_sentence_start(ctx, lo), hi)
    broad = ctx.offices(_sentence_start(ctx, lo), hi)
    who = subjects or broad
    if not who:
        return None
    by_unit, by_class = _printed_by_unit(r)
    divisors = [f for f in by_unit.get(per_unit, ()) if f.refs & who]
    if len(divisors) != 1:
        return None
    d = divisors[0]
    nums = [f for f in by_class.get(unit_class(fig.unit), ()) if f.refs & who
            and f.rec.get("period") == d.rec.get("period") and f.rec.get("subject") == d.rec.get("subject")
            and not f.rec.get("per")]
    if len(nums) != 1:
        return None
    n = nums[0]
    actual = _div(_iv(n), _iv(d))
    if actual is None:
        return None
    verdict = judge(fig, actual, additive=False)
    formula = f"{_text(n)} / {_text(d)} = {_show(actual, fig.unit)}"
    why = WHY["per", verdict].format(value=_show(actual, fig.unit), unit=per_unit, claim=fig.text)
    return _result(ctx, fig, verdict, "ratio", formula, [n, d], why), [fig], ()


def _order(ctx: _Context, lo: int, hi: int):
    """A比B多 / A多于B / A与B相同, no number: every value the article allows settles which is more."""
    text = ctx.text
    clause = text[lo:hi]
    if any(not _band_edge(f) for f in ctx.figure_at(lo, hi)):
        return None  # a figure in the clause: a bound (超过30亿元) or a difference, read elsewhere
    a = b = None
    m = _ORDER_CMP.search(clause)
    if m and clause.find("比") >= 0:
        at = clause.rfind("比", 0, m.start("b") + 1)
        a, b, direction = (lo, lo + at), (lo + m.start("b"), lo + m.end("b")), \
            "more" if m.group("dir") in _MORE else "less"
    else:
        v = op.ORDER.search(clause)  # A多于B / A不及B: the operators' words of order
        same = _ORDER_SAME.search(clause)
        if v and not same:
            a, b = (lo, lo + v.start()), (lo + v.end(), hi)
            direction = "more" if v.group("more") else "less"
        elif same:
            a, b, direction = (lo, lo + same.start()), (lo + same.start("b"), lo + same.end("b")), "same"
    if a is None or a[1] - a[0] < 2 or b[1] - b[0] < 2:
        return None
    sides = _sides(ctx, a, b, lo)
    if sides is None:
        return None
    fa, fb = sides[0].fact, sides[1].fact
    if not _same_units(fa, fb):
        return None
    verdict = _compare(_iv(fa), _iv(fb), direction)
    formula = f"{_text(fa)} 对 {_text(fb)}"
    why = WHY[(direction if verdict != UNKNOWN else "order"), verdict].format(a=_text(fa), b=_text(fb))
    fig = Figure(a[0], b[1], text[a[0]:b[1]], None, None)
    return _result(ctx, fig, verdict, "order", formula, [fa, fb], why), [], sides


def _band_edge(f: Figure) -> bool:
    """An amount that names an investment band (10亿元以上, 1亿元到5亿元), not a figure of its own."""
    return f.unit in MONEY and (f.high is not None or f.qualifier in ("以上", "以下"))


def _bands_complete(r: Reader) -> bool:
    """The investment bands cover every amount (from nothing to no upper edge, each meeting the next)."""
    bands = sorted(r.bands.values(), key=lambda b: b[0] or 0)
    if not bands or bands[0][0] not in (None, 0) or bands[-1][1] is not None:
        return False
    return all(x[1] == y[0] for x, y in zip(bands, bands[1:]))


def _superlative(ctx: _Context, lo: int, hi: int):
    """投资额1亿元到5亿元的项目数量最多: one band's count against every band's, the bands a complete partition;
    X项目投资额最大: one project's band against every other project's."""
    r, text = ctx.reader, ctx.text
    m = _SUPER.search(text, lo, hi)
    if m is None:
        return None
    direction = "more" if m.group("dir") in ("多", "大", "高") else "less"
    fig_words = Figure(m.start(), m.end(), m.group(), None, None)
    i, j = bisect.bisect_left(ctx.span_starts, lo), bisect.bisect_left(ctx.span_starts, hi)
    projects = [rec for s, e, rec in ctx.spans[i:j] if e <= hi and rec["id"] in r.project_ids]
    # the bands named near it (its clause and the words before): a part of the list when another one is said
    bands_said = [g for g in ctx.band_edges if _sentence_start(ctx, lo) <= g.start < hi]
    if projects:
        if len(projects) != 1 or "投资" not in text[lo:hi]:
            return None
        p = projects[0]
        inv = p.get("investment") or {}
        others = [q for q in r.projects if q["id"] != p["id"] and q.get("investment") and q.get("period") == p.get("period")]
        if not inv or not others:
            return None
        iv = lambda i: (Decimal(i.get("min") or 0), False, None if i.get("max") is None else Decimal(i["max"]), False)  # noqa: E731
        mine = iv(inv)
        verdicts = [_compare(mine, iv(q["investment"]), direction) for q in others]
        beats = [q for q in others if _compare(iv(q["investment"]), mine, direction) == SUPPORTED]
        verdict = CONTRADICTED if beats else SUPPORTED if all(v == SUPPORTED for v in verdicts) else UNKNOWN
        if bands_said:  # 10亿元以上项目中投资额最大的: the most of a part of the list, not settled here
            verdict, beats = UNKNOWN, []
        formula = f"{p['name']}: {inv.get('text')}" + (f"；{beats[0]['name']}: {beats[0]['investment'].get('text')}"
                                                      if beats else f"；其余{len(others)}个项目按投资档次")
        why = WHY["top-project", verdict].format(name=beats[0]["name"] if beats else "")
        ev = [{"id": q["id"], "quote": q.get("quote", ""), "value": None, "unit": None,
               "text": (q.get("investment") or {}).get("text")} for q in [p, *beats]]
        res = Result(text, fig_words, verdict, f"{why} (derived: {formula})", ev, kind="derived")
        res.evidence.insert(0, {**ev[0], "derivation": {"kind": "superlative", "formula": formula,
                                                        "inputs": [{"id": q["id"], "quote": q.get("quote", "")}
                                                                   for q in [p, *beats]]}})
        return res, [], ()
    # a band named in the clause before the superlative
    subjects = ctx.subjects(_sentence_start(ctx, lo), hi)
    f, hits = _resolve(ctx, lo, m.start(), subjects)
    if f is None or f.band is None or f.derived or not _bands_complete(r):
        return None
    part_of_list = any(not _in_hits(g, hits) for g in bands_said)  # 5亿元以上的项目中,5亿元到10亿元的最多
    group = [g for g in _printed_by_unit(r)[0].get(f.unit, ()) if g.band is not None and g.rec.get("band")
             and g.rec.get("subject") == f.rec.get("subject") and g.rec.get("period") == f.rec.get("period")]
    if {g.rec.get("band") for g in group} != set(r.bands) or len(group) != len(r.bands):
        return None  # not one count for every band: the list is not complete
    others = [g for g in group if g is not f]
    verdicts = [_compare(_iv(f), _iv(g), direction) for g in others]
    # another band beyond it for every value: not the most; a tie at the top: unknown (最多 of two is unsaid)
    beaten = any(_compare(_iv(g), _iv(f), direction) == SUPPORTED for g in others)
    verdict = CONTRADICTED if beaten else SUPPORTED if all(v == SUPPORTED for v in verdicts) else UNKNOWN
    if part_of_list:  # the most of a part of the bands: not settled here
        verdict = UNKNOWN
    formula = "；".join(f"{g.rec.get('metric')}: {_text(g)}" for g in group)
    why = WHY["top-band", verdict].format(metric=f.rec.get("metric"), text=_text(f))
    # the superlative word is the item; the band figure in the side is consumed
    res = _result(ctx, fig_words, verdict, "superlative", formula, group, why)
    return res, [], (Side(f, lo, m.start(), hits),)


def _member_superlative(ctx: _Context, lo: int, hi: int):
    """西郭庄社区开工楼栋最多: the fact of the subject named before the superlative against the same measure of the
    other members of its kind (named in the sentence, else under the office it names, else all): another member
    beyond it for every value says it is not the most; nothing says it is (a member may have no figure)."""
    r, text = ctx.reader, ctx.text
    m = _SUPER.search(text, lo, hi)
    if m is None:
        return None
    named = ctx.subjects(lo, m.start())
    if len(named) != 1:
        return None
    subject = next(iter(named))
    rec = r.fb.get(subject) or {}
    f, hits = _resolve(ctx, lo, m.start(), named)
    if f is None or f.derived or not rec.get("kind"):
        return None
    direction = "more" if m.group("dir") in ("多", "大", "高") else "less"
    said = ctx.subjects(_sentence_start(ctx, lo), hi) - named
    offices = ctx.offices(_sentence_start(ctx, lo), hi)
    rivals = [u["id"] for u in r.fb.records("units") if u["id"] != subject and u.get("kind") == rec.get("kind")
              and (u["id"] in said if said else (not offices or u.get("office") in offices))]
    words = ctx.masked(lo, m.start())
    beats = []
    for u in rivals:
        g, _ = _resolve(ctx, lo, m.start(), {u}, words=words)
        if g is not None and not g.derived and g.unit == f.unit and _compare(_iv(g), _iv(f), direction) == SUPPORTED:
            beats.append(g)
    verdict = CONTRADICTED if beats else UNKNOWN
    top = beats[0] if beats else None
    why = WHY["top-member", verdict].format(name=(top.rec.get("subject_name") if top else ""), other=_text(top) if top
                                            else "", text=f"{f.rec.get('subject_name')} {_text(f)}")
    formula = "；".join(f"{g.rec.get('subject_name')}: {_text(g)}" for g in [f, *beats])
    fig = Figure(m.start(), m.end(), m.group(), None, None)
    return _result(ctx, fig, verdict, "superlative", formula, [f, *beats], why), [], (Side(f, lo, m.start(), hits),)


def _said_ranks(r: Reader) -> list[str]:
    """The quotes of the fact base that rank something themselves (淇滨区最大的贫困村)."""
    got = getattr(r, "_said_ranks", None)
    if got is None:
        got = r._said_ranks = [q for t in ("units", "figures", "events", "places", "projects", "people")
                               for rec in r.fb.records(t) for q in [rec.get("quote") or ""] if _RANKS.search(q)]
    return got


def _unsettled(ctx: _Context, lo: int, hi: int):
    """A rank or an order (最早, 早于) no rule above settled: unknown, unless the article says it in its own words."""
    m = _RANKS.search(ctx.text, lo, hi)
    if m is None:
        return None
    said = ctx.text[m.start():min(hi, m.end() + 4)]
    if len(said) >= 3 and any(said in q for q in _said_ranks(ctx.reader)):
        return None
    fig = Figure(m.start(), m.end(), m.group(), None, None)
    return Result(ctx.text, fig, UNKNOWN, WHY["rank", UNKNOWN].format(word=m.group()), [], kind="derived"), [], ()


# ---------------------------------------------------------------- events


def _event_index(r: Reader):
    got = getattr(r, "_relation_events", None)
    if got is None:
        from jzcli.check.index import _Lexicon

        events = list(r.fb.records("events"))
        by_word: dict[str, list[dict]] = {}
        for ev in events:
            for w in ev.get("keywords") or []:
                by_word.setdefault(w, []).append(ev)
        got = r._relation_events = (_Lexicon(by_word), by_word)
    return got


def _event(ctx: _Context, lo: int, hi: int, subjects: set) -> dict | None:
    """The one event text[lo:hi] speaks of: its keywords, about a subject named there (or no one)."""
    lex, by_word = _event_index(ctx.reader)
    seg = ctx.text[lo:hi]
    score: dict[str, int] = {}
    recs: dict[str, dict] = {}
    for _, w in lex.find(seg):
        for ev in by_word[w]:
            score[ev["id"]] = max(score.get(ev["id"], 0), len(w))
            recs[ev["id"]] = ev
    fits = []
    for eid, s in score.items():
        ev = recs[eid]
        mentions = set(ev.get("mentions") or [])
        if subjects and not (mentions & subjects or ctx.reader.covers(mentions, subjects)):
            continue
        fits.append((s + (2 if mentions & subjects else 0), ev))
    if not fits:
        return None
    fits.sort(key=lambda t: -t[0])
    if len(fits) > 1 and fits[1][0] == fits[0][0]:
        return None
    return fits[0][1]


def _days(ev: dict) -> tuple[int, int]:
    """(first day, last day) an event may have taken place on, at its precision."""
    from jzcli.check.derive import _day_number

    def bounds(iso: str) -> tuple[int, int]:
        parts = [int(x) for x in iso.split("-")]
        y = parts[0]
        if len(parts) == 1:
            return _day_number(f"{y}-01-01"), _day_number(f"{y}-12-31")
        m = parts[1]
        if len(parts) == 2:
            nxt = f"{y + (m == 12)}-{m % 12 + 1:02d}-01"
            return _day_number(f"{y}-{m:02d}-01"), _day_number(nxt) - 1
        return (_day_number(iso),) * 2

    first = bounds(ev["date"])
    last = bounds(ev.get("end") or ev["date"])
    if _AS_OF.match(ev.get("date_text") or ""):  # 截至目前: done by the article's date, at a time it does not give
        return _day_number("0001-01-01"), last[1]
    return first[0], last[1]


def _event_order(ctx: _Context, lo: int, hi: int):
    """A在B之前 / A早于B / A比B早: two events of the article, by their dates at their precision."""
    text = ctx.text
    clause = text[lo:hi]
    w = _EVENT_ORDER.search(clause)
    if w:
        at = None
        for m in _EVENT_AT.finditer(clause, 0, w.start()):
            at = m
        if at is None:
            return None
        b = (lo + at.end(), lo + w.start())
        a_parts = [(lo, lo + at.start()), (lo + w.end(), hi)]
        before = w.group() in ("之前", "以前")
    else:
        v = _EVENT_VERB.search(clause)
        c = None if v else _EVENT_CMP.search(clause)
        if v:
            a_parts, b = [(lo, lo + v.start())], (lo + v.end(), hi)
            before = v.group("w") in ("早于", "先于")
        elif c:
            a_parts, b = [(lo, lo + c.start())], (lo + c.start("b"), lo + c.end("b"))
            before = c.group("w") == "早"
            if ctx.figure_at(lo + c.end(), hi):
                return None  # 早了近一年: a duration between the events, not read here
        else:
            return None
    subj_b = ctx.subjects(*b)
    ev_b = _event(ctx, b[0], b[1], subj_b)
    ev_a = None
    for part in a_parts:
        if part[1] - part[0] < 2:
            continue
        subj = ctx.subjects(*part) or ctx.subjects(*a_parts[0])
        got = _event(ctx, part[0], part[1], subj)
        if got is not None:
            if ev_a is not None and got["id"] != ev_a["id"]:
                return None
            ev_a = got
    if ev_a is None or ev_b is None or ev_a["id"] == ev_b["id"]:
        return None
    if "planned" in (ev_a.get("status"), ev_b.get("status")):
        verdict = UNKNOWN
    else:
        (a0, a1), (b0, b1) = _days(ev_a), _days(ev_b)
        if before:
            verdict = SUPPORTED if a1 < b0 else CONTRADICTED if a0 > b1 else UNKNOWN
        else:
            verdict = SUPPORTED if a0 > b1 else CONTRADICTED if a1 < b0 else UNKNOWN
    formula = f"{ev_a.get('event')}: {_date_shown(ev_a)}；{ev_b.get('event')}: {_date_shown(ev_b)}"
    why = WHY["events", verdict].format(a=_date_shown(ev_a), b=_date_shown(ev_b))
    if any(e.get("inferred") for e in (ev_a, ev_b)):
        why = WHY["inferred", None].format(reason=why, year=ctx.reader.pub_year)
    fig = Figure(a_parts[0][0], max(b[1], a_parts[-1][1]), text[a_parts[0][0]:max(b[1], a_parts[-1][1])], None, None)
    evs = [{"id": e["id"], "quote": e.get("quote", ""), "value": None, "unit": None, "text": e.get("date_text"),
            "qualifier": None, "period": e.get("date")} for e in (ev_a, ev_b)]
    evs[0] = {**evs[0], "derivation": {"kind": "order", "formula": formula,
                                       "inputs": [{"id": e["id"], "quote": e.get("quote", "")} for e in (ev_a, ev_b)]}}
    return Result(text, fig, verdict, f"{why} (derived: {formula})", evs, kind="derived"), [], ()


def _date_shown(ev: dict) -> str:
    d = ev.get("date") or ""
    return d + (f"/{ev['end']}" if ev.get("end") else "") + (f" ({ev.get('date_text')})" if ev.get("date_text") else "")


def _event_gap(ctx: _Context, lo: int, hi: int):
    """A比B早了近一年 / A成立18年多后,B: the time between two events of the article, from their dates at their
    precision (a month is any of its days), against the claim's figure of years or days."""
    text = ctx.text
    figs = [f for f in ctx.figure_at(lo, hi, ("年", "天")) if f.high is None]
    for fig in figs:
        c = _EVENT_CMP.search(text, max(lo, fig.start - _WINDOW), fig.start)
        if c is not None and re.fullmatch(r"了?", text[c.end():fig.start]):
            a, b = (lo, c.start()), (c.start("b"), c.end("b"))
            later_first = c.group("w") == "晚"
        elif _GAP_AFTER.match(text, fig.end):
            a = (lo, fig.start)
            end = _GAP_AFTER.match(text, fig.end).end()
            nxt = _CLAUSE.search(text, end)
            b = (end, hi) if hi - end >= 2 else ((nxt.start(), nxt.end()) if nxt else (end, end))
            later_first = False
        else:
            continue
        if a[1] - a[0] < 2 or b[1] - b[0] < 2:
            return None
        subj_a = ctx.subjects(*a)
        ev_a = _event(ctx, a[0], a[1], subj_a)
        ev_b = _event(ctx, b[0], b[1], ctx.subjects(*b) or subj_a)
        if ev_a is None or ev_b is None or ev_a["id"] == ev_b["id"] or "planned" in (ev_a.get("status"), ev_b.get("status")):
            return None
        first, second = (ev_b, ev_a) if later_first else (ev_a, ev_b)
        (f0, f1), (s0, s1) = _days(first), _days(second)
        days = (Decimal(s0 - f1), False, Decimal(s1 - f0), False)
        if days[0] < 0:
            return None  # not in the claim's order: the order rule answers that, not a gap
        if fig.unit == "年":
            actual = tuple(x / _YEAR_DAYS if isinstance(x, Decimal) else x for x in days)
            shown = f"{actual[0].quantize(Decimal('0.01'))}–{actual[2].quantize(Decimal('0.01'))}年"
        else:
            actual, shown = days, f"{days[0]}–{days[2]}天"
        verdict = judge(fig, actual, additive=False)
        why = WHY["gap", verdict].format(a=_date_shown(first), b=_date_shown(second), value=shown, claim=fig.text)
        if any(e.get("inferred") for e in (first, second)):
            why = WHY["inferred", None].format(reason=why, year=ctx.reader.pub_year)
        formula = f"{second.get('event')}: {_date_shown(second)} − {first.get('event')}: {_date_shown(first)} = {shown}"
        evs = [{"id": e["id"], "quote": e.get("quote", ""), "value": None, "unit": None, "text": e.get("date_text"),
                "qualifier": None, "period": e.get("date")} for e in (first, second)]
        evs[0] = {**evs[0], "derivation": {"kind": "gap", "formula": formula,
                                           "inputs": [{"id": e["id"], "quote": e.get("quote", "")} for e in (first, second)]}}
        return Result(text, fig, verdict, f"{why} (derived: {formula})", evs, kind="derived"), [fig], ()
    return None

