"""Checking a reporter's figure against the article: supported / contradicted / unknown, with evidence.

No word segmentation: a claim is read with regular expressions (numbers, multipliers, counting units,
approximation words, dates) and matched to facts by the names of their subjects and by the curated
`keywords` of each figure (开工 / 完工 / 交付 tell three facts about the same 36 buildings apart).
A wrong "supported" is the worst answer, so every doubt ends in "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jzcli import names
from jzcli.amounts import normalize, parse_number
from jzcli.errors import BadInput, JzError
from jzcli.factbase import FactBase

SUPPORTED, CONTRADICTED, UNKNOWN = "supported", "contradicted", "unknown"
VERDICT_ORDER = {SUPPORTED: 0, UNKNOWN: 1, CONTRADICTED: 2}

COUNT_UNITS = ("平方公里", "人次", "美元", "元", "栋", "套", "名", "人", "家", "辆", "座", "处", "台", "米", "场",
               "个", "年", "岁", "项", "次", "天", "户", "所", "条", "支", "位", "%")
UNIT_CLASS = {"名": "人", "位": "人"}  # people are counted by 名, 人 or 位
MONEY = ("元", "美元")
OVER = {"余": "over", "多": "over", "以上": "over", "超过": "over", "逾": "over", "多于": "over"}
UNDER = {"近": "under", "将近": "under", "接近": "under", "不到": "under", "以下": "under"}
QUALIFIER_CLASS = {**OVER, **UNDER, "约": "approx", "左右": "approx"}

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?[十百千万亿]*|[{_CN}]+"
_UNITS_RE = "|".join(re.escape(u) for u in COUNT_UNITS)
_TOKEN = re.compile(
    rf"(?P<pre>将近|接近|超过|不到|近|逾|约)?(?P<pct>百分之)?(?P<num>{_NUM})"
    rf"(?P<q1>余|多)?(?P<unit>{_UNITS_RE})?(?P<q2>以上|以下|左右|多)?"
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)\s*年(?:度)?")
_DATE = re.compile(r"(?<!\d)\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*日)?(?:\s*[至到-]\s*\d{1,2}\s*日)?(?:底|初|中旬|上旬|下旬)?|(?<!\d)\d{1,2}\s*日")
_HALF = re.compile(r"上半年|前\s*(?:6|六)\s*个月|1\s*[-至到]\s*6\s*月")
_SINCE = re.compile(r"以来")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")
_RANGE_JOIN = re.compile(r"\s*(?:到|至|-|~|～|—)\s*")
_QUESTION_WORDS = re.compile(r"多少|几[个名人栋套家辆座处台米场项次天]?|什么|哪些|哪个|是否|吗|呢|？|\?")
MASK = "□"


@dataclass
class Figure:
    """A number found in a claim."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    qualifier: str | None = None
    high: Decimal | None = None  # for a range "1亿元到5亿元"
    descriptor: bool = False  # a band edge describing other figures ("10亿元以上项目2个")

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY

    def as_json(self) -> dict:
        return {"text": self.text, "value": _num(self.value), "unit": self.unit, "qualifier": self.qualifier,
                **({"high": _num(self.high)} if self.high is not None else {})}


@dataclass
class Period:
    year: int | None = None
    span: str | None = None  # "year" | "H1" | "since"


@dataclass
class Result:
    claim: str
    figure: Figure | None
    verdict: str
    reason: str
    evidence: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        f = self.figure
        return {"verdict": self.verdict, "claim": self.claim, "figure": f.text if f else None,
                "value": _num(f.value) if f else None, "unit": f.unit if f else None,
                "qualifier": f.qualifier if f else None, "reason": self.reason, "evidence": self.evidence}


def _num(v: Decimal | int | float | None):
    if v is None:
        return None
    d = Decimal(str(v))
    return int(d) if d == d.to_integral_value() else float(d)


# ---------------------------------------------------------------- reading a claim


class Reader:
    """Everything the checker needs from the fact base, computed once per process."""

    def __init__(self, fb: FactBase) -> None:
        self.fb = fb
        self.figures = fb.records("figures")
        self.projects = [p for p in fb.records("projects")]
        self.pub_year = fb.source.get("publication_year")
        self.non_figures = sorted({n.get("text") for n in (fb.meta.get("non_figures") or []) if n.get("text")},
                                  key=len, reverse=True)
        named = [u for u in fb.records("units")] + self.projects + fb.records("people")
        spell: list[tuple[str, dict]] = []
        for rec in named:
            for form in names.spellings(rec):
                if len(form) >= 2:
                    spell.append((form, rec))
        spell.sort(key=lambda t: -len(t[0]))
        self.spellings = spell
        self.offices = {u["id"] for u in fb.records("units") if u.get("kind") in ("办事处", "筹建办")}

    def mask(self, text: str) -> str:
        """Numbers that are part of a name or a threshold (58同城, PM2.5, 10吨以下) are hidden."""
        out = text
        for nf in self.non_figures:
            out = out.replace(nf, MASK * len(nf))
        out = re.sub(r"PM\s*2\.5|PM\s*10", lambda m: MASK * len(m.group()), out, flags=re.I)
        return out

    def named(self, text: str) -> list[dict]:
        """Records whose name appears in text; a name inside a longer name (九州 in 九州路办事处) does not count."""
        folded = names.fold(text)
        taken = [False] * len(folded)
        found: list[dict] = []
        for form, rec in self.spellings:
            start = folded.find(form)
            while start != -1:
                if not any(taken[start:start + len(form)]):
                    for i in range(start, start + len(form)):
                        taken[i] = True
                    if rec not in found:
                        found.append(rec)
                start = folded.find(form, start + 1)
        return found


def period_of(text: str, pub_year: int | None) -> Period | None:
    years = [int(y) for y in _YEAR.findall(text)]
    if "今年" in text and pub_year:
        years.append(pub_year)
    if "去年" in text and pub_year:
        years.append(pub_year - 1)
    if not years and not _HALF.search(text):
        return None
    year = years[0] if years else (pub_year if _HALF.search(text) else None)
    if _HALF.search(text):
        return Period(year, "H1")
    if _SINCE.search(text):
        return Period(year, "since")
    return Period(year, "year")


def period_of_figure(period: str | None) -> Period | None:
    if not period:
        return None
    if re.fullmatch(r"\d{4}", period):
        return Period(int(period), "year")
    m = re.fullmatch(r"(\d{4})-H1|(\d{4})-01/(\d{4})-06", period)
    if m:
        return Period(int(m.group(1) or m.group(2)), "H1")
    m = re.fullmatch(r"(\d{4})(?:-\d\d)?/(?:\d{4}|now)(?:-\d\d)?(?:-\d\d)?", period)
    if m:
        return Period(int(m.group(1)), "since")
    m = re.match(r"(\d{4})", period)
    return Period(int(m.group(1)), "point") if m else None


def read_figures(text: str, reader: Reader) -> list[Figure]:
    masked = reader.mask(normalize_claim(text))
    masked = _YEAR.sub(lambda m: MASK * len(m.group()), masked)
    masked = _HALF.sub(lambda m: MASK * len(m.group()), masked)
    masked = _DATE.sub(lambda m: MASK * len(m.group()), masked)
    found: list[Figure] = []
    for m in _TOKEN.finditer(masked):
        num, unit = m.group("num"), m.group("unit")
        if m.group("pct"):
            unit = "%"
        if m.start("num") > 0 and masked[m.start("num") - 1] == "第":
            continue  # an ordinal: 第一批
        chinese = not num[0].isdigit()
        if num in ("万", "亿") and unit in MONEY and m.group("q2") in ("以下", "以上"):
            value = Decimal(10**4 if num == "万" else 10**8)  # 亿元以下: the band edge 1亿
        else:
            if chinese and unit is None:
                continue  # 十九大, 两新, 一长三员: not a quantity
            try:
                value = parse_number(num)
            except BadInput:
                continue
        qual = m.group("q2") or m.group("q1") or m.group("pre")
        if m.group("q2") == "多" and m.group("q1"):
            qual = m.group("q1")
        found.append(Figure(m.start(), m.end(), text_slice(text, m.start(), m.end()), value, unit, qual))
    return _join_ranges(found, masked)


def normalize_claim(text: str) -> str:
    # NFKC keeps the length of CJK text and turns ７３５ into 735, ％ into %.
    out = normalize(text) if text.strip() else text
    return out if len(out) == len(text) else text


def text_slice(text: str, start: int, end: int) -> str:
    return normalize_claim(text)[start:end]


def _join_ranges(found: list[Figure], masked: str) -> list[Figure]:
    """"1亿元到5亿元" is one figure (a range); band edges before another figure are descriptors."""
    out: list[Figure] = []
    i = 0
    while i < len(found):
        f = found[i]
        if i + 1 < len(found):
            g = found[i + 1]
            between = masked[f.end:g.start]
            if _RANGE_JOIN.fullmatch(between) and (g.unit in MONEY or f.unit in MONEY or f.unit == g.unit):
                unit = g.unit or f.unit
                lo = f.value * (Decimal(10**8) if f.unit is None and "亿" in g.text and "亿" not in f.text else 1)
                out.append(Figure(f.start, g.end, f.text + between + g.text, lo, unit, None, high=g.value))
                i += 2
                continue
        out.append(f)
        i += 1
    money_edges = [f for f in out if f.unit in MONEY and (f.high is not None or f.qualifier in ("以上", "以下"))]
    others = [f for f in out if f.unit not in MONEY]
    if money_edges and others:
        for f in money_edges:
            f.descriptor = True
    return out


# ---------------------------------------------------------------- matching


def unit_class(unit: str | None) -> str | None:
    return UNIT_CLASS.get(unit, unit) if unit else None


def units_compatible(claim_unit: str | None, fact_unit: str) -> bool:
    if claim_unit is None:
        return True
    if claim_unit in MONEY and fact_unit in MONEY:
        return True  # a wrong currency is a contradiction, decided later
    return unit_class(claim_unit) == unit_class(fact_unit)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause around a figure, and the sentence up to the end of that clause (for subjects)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_m = _CLAUSE_BREAK.search(text, end)
    right = right_m.start() if right_m else len(text)
    return text[left:right], text[:right]


def band_of(fig: Figure) -> tuple[Decimal | None, Decimal | None]:
    if fig.high is not None:
        return fig.value, fig.high
    if fig.qualifier == "以上":
        return fig.value, None
    if fig.qualifier == "以下":
        return None, fig.value
    return fig.value, fig.value


def candidates(reader: Reader, fig: Figure, clause: str, context: str, descriptors: list[Figure]) -> list[tuple[float, dict]]:
    named = reader.named(context)
    specific = {r["id"] for r in named if r["id"] not in reader.offices and r.get("kind") != "乡"}
    clause_grams = _bigrams(clause)
    desc_bands = [band_of(d) for d in descriptors]
    scored = []
    for f in reader.figures:
        if not units_compatible(fig.unit, f["unit"]):
            continue
        refs = {f.get("subject"), *(f.get("mentions") or [])}
        if specific and not (refs & specific):
            continue
        kw = sum(len(k) for k in f.get("keywords") or [] if k and k in clause)
        kw += 0.5 * sum(len(k) for k in f.get("keywords") or [] if k and k not in clause and k in context)
        band = f.get("band")
        if desc_bands and band:
            rec_band = _band_interval(band)
            if rec_band is not None:
                if any(_same_band(b, rec_band) for b in desc_bands):
                    kw += 4
                else:
                    continue
        if kw < 2:
            continue
        score = kw + (3 if refs & specific else 0) + len(clause_grams & _bigrams(f.get("quote", ""))) * 0.1
        scored.append((score, f))
    scored.sort(key=lambda t: -t[0])
    return scored


BANDS = {"lt1e8": (None, 10**8), "1e8-5e8": (10**8, 5 * 10**8), "5e8-1e9": (5 * 10**8, 10**9), "ge1e9": (10**9, None)}


def _band_interval(band: str):
    return BANDS.get(band)


def _same_band(a, b) -> bool:
    return tuple(None if x is None else Decimal(x) for x in a) == tuple(None if x is None else Decimal(x) for x in b)


def _step(value: Decimal) -> Decimal:
    """The place of the last non-zero digit: 1700 → 100, 3000 → 1000, 60 → 10, 9.96 → 0.01."""
    v = abs(value).normalize()
    exp = v.as_tuple().exponent
    return Decimal(10) ** exp if isinstance(exp, int) else Decimal(1)


def compare(fig: Figure, fact: dict) -> tuple[str, str]:
    """Verdict for a claim figure against one fact of the same thing."""
    fv = Decimal(str(fact["value"]))
    fu = fact["unit"]
    if fig.unit in MONEY and fu in MONEY and fig.unit != fu:
        return CONTRADICTED, f"the article gives {fact['text']} ({fu}), not {fig.unit}"
    cq = QUALIFIER_CLASS.get(fig.qualifier or "")
    aq = QUALIFIER_CLASS.get(fact.get("qualifier") or "")
    if fig.high is not None:
        return UNKNOWN, "the claim gives a range; the article gives one figure"
    if fig.value == fv and cq == aq:
        return SUPPORTED, f"the article says {fact['text']}"
    if fig.value == fv:
        if aq is None:
            return UNKNOWN, f"the article says exactly {fact['text']}; the claim makes it approximate"
        return UNKNOWN, f"the article says {fact['text']} (approximate); the claim is worded differently"
    # different numbers: can the claim still be right within the article's approximation?
    if aq == "over" and fv < fig.value < fv + _step(fv):
        return UNKNOWN, f"the article only says {fact['text']}"
    if aq == "under" and fv - _step(fv) < fig.value < fv:
        return UNKNOWN, f"the article only says {fact['text']}"
    if aq == "over" and fact.get("qualifier") == "以上" and fig.value > fv:
        return UNKNOWN, f"the article only says {fact['text']}"
    return CONTRADICTED, f"the article says {fact['text']}"


def evidence(fact: dict) -> dict:
    return {"id": fact["id"], "quote": fact.get("quote", ""), "value": fact.get("value"), "unit": fact.get("unit"),
            "text": fact.get("text"), "qualifier": fact.get("qualifier"), "period": fact.get("period")}


def _project_evidence(p: dict) -> dict:
    inv = p.get("investment") or {}
    return {"id": p["id"], "quote": p.get("quote", ""), "value": {"min": inv.get("min"), "max": inv.get("max")},
            "unit": inv.get("currency") and "元", "text": inv.get("text")}


def check_project(fig: Figure, project: dict, claim: str) -> Result:
    inv = project.get("investment")
    if inv is None:
        return Result(claim, fig, UNKNOWN, f"the article gives no investment for {project['name']}",
                      [{"id": project["id"], "quote": project.get("quote", ""), "value": None, "unit": None, "text": None}])
    if fig.unit == "美元":
        return Result(claim, fig, CONTRADICTED, f"the article gives {inv.get('text')} in 元, not 美元", [_project_evidence(project)])
    lo, hi = inv.get("min"), inv.get("max")
    c_lo, c_hi = band_of(fig)
    ev = [_project_evidence(project)]
    same = (c_lo == (None if lo is None else Decimal(lo))) and (c_hi == (None if hi is None else Decimal(hi)))
    if same:
        return Result(claim, fig, SUPPORTED, f"the article gives the band {inv.get('text')}", ev)
    inside = (lo is None or (c_lo is not None and c_lo >= lo)) and (hi is None or (c_hi is not None and c_hi <= hi))
    if inside:
        return Result(claim, fig, UNKNOWN, f"the article only gives the band {inv.get('text')}", ev)
    return Result(claim, fig, CONTRADICTED, f"outside the article's band {inv.get('text')}", ev)


def check_figure(reader: Reader, text: str, fig: Figure, all_figs: list[Figure]) -> Result:
    claim = text.strip()
    clause, context = _clause(normalize_claim(text), fig.start, fig.end)
    if fig.is_money:
        projects = [r for r in reader.named(context) if r.get("id") in {p["id"] for p in reader.projects}]
        if projects:
            return check_project(fig, projects[-1], claim)
    descriptors = [f for f in all_figs if f.descriptor and f is not fig]
    scored = candidates(reader, fig, clause, context, descriptors)
    if not scored:
        return Result(claim, fig, UNKNOWN, "the article says nothing that matches this figure")
    best = scored[0][0]
    top = [f for s, f in scored if best - s < 0.5]
    claim_period = period_of(context, reader.pub_year)
    if claim_period is not None:
        fitting = [f for f in top if _period_fits(claim_period, period_of_figure(f.get("period")))]
        if not fitting:
            f = top[0]
            return Result(claim, fig, UNKNOWN,
                          f"the article gives this for {f.get('period_text') or f.get('period') or 'no stated period'}, "
                          "not for the claim's period", [evidence(f) for f in top])
        top = fitting
    verdicts = [(compare(fig, f), f) for f in top]
    if len({_num(f["value"]) for f in top}) > 1 and not any(v == SUPPORTED for (v, _), _f in verdicts if len(top) == 1):
        # several facts fit equally well and they disagree: the claim does not say which one it means
        exact = [f for (v, _), f in verdicts if v == SUPPORTED]
        return Result(claim, fig, UNKNOWN,
                      "the claim fits several figures of the article" + (" (one of them matches)" if exact else ""),
                      [evidence(f) for f in top])
    (verdict, reason), fact = verdicts[0]
    for (v, r), f in verdicts:
        if VERDICT_ORDER[v] < VERDICT_ORDER[verdict]:
            (verdict, reason), fact = (v, r), f
    return Result(claim, fig, verdict, reason, [evidence(fact)] + [evidence(f) for f in top if f is not fact])


def _period_fits(claim: Period, fact: Period | None) -> bool:
    if fact is None:
        return False
    if claim.year is not None and fact.year != claim.year:
        return False
    if claim.span == fact.span:
        return True
    return claim.span == "year" and fact.span in ("point",)


def check_claim(reader: Reader, text: str) -> list[Result]:
    """Every figure of one sentence, checked. BadInput when the sentence has no figure."""
    if not text.strip():
        raise BadInput("empty claim")
    figs = read_figures(text, reader)
    checkable = [f for f in figs if not f.descriptor]
    if not checkable:
        shown = text.strip()[:40]
        raise BadInput(f"no figure to check in {shown!r}: a claim needs a number (36栋, 4.3亿元, 52%)")
    return [check_figure(reader, text, f, figs) for f in checkable]


def combined(results: list[Result]) -> str:
    return max((r.verdict for r in results), key=VERDICT_ORDER.__getitem__)


# ---------------------------------------------------------------- drafts

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def sentences(draft: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(draft) if s.strip()]


def check_draft(reader: Reader, draft: str) -> list[Result]:
    results: list[Result] = []
    for sentence in sentences(draft):
        figs = read_figures(sentence, reader)
        for f in figs:
            if not f.descriptor:
                results.append(check_figure(reader, sentence, f, figs))
    return results


# ---------------------------------------------------------------- ask


def ask(reader: Reader, question: str, limit: int = 5) -> list[dict]:
    q = question.strip()
    if not q:
        raise BadInput("empty question")
    text = _QUESTION_WORDS.sub("", normalize_claim(q))
    named = reader.named(text)
    specific = {r["id"] for r in named if r["id"] not in reader.offices and r.get("kind") != "乡"}
    grams = _bigrams(text)
    out = []
    for f in reader.figures:
        refs = {f.get("subject"), *(f.get("mentions") or [])}
        if specific and not (refs & specific):
            continue
        kw = sum(len(k) for k in f.get("keywords") or [] if k and k in text)
        if kw < 2:
            continue
        score = kw + (3 if refs & specific else 0) + 0.1 * len(grams & _bigrams(f.get("quote", "")))
        out.append({**evidence(f), "metric": f.get("metric"), "subject": f.get("subject_name"),
                    "score": round(score, 2)})
    out.sort(key=lambda r: (-r["score"], r["id"]))
    if not out:
        raise JzError(f"the article has no figure that answers {q[:40]!r}", 1)
    return out[:limit]
