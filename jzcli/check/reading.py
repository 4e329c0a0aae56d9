"""Reading a claim: numbers (Arabic, Chinese, 万/亿, 百分之, 成), counting units, qualifiers (余/多/近/以上),
ranges and rates, and the intervals a figure allows."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from jzcli.amounts import parse_number
from jzcli.errors import BadInput

if TYPE_CHECKING:
    from jzcli.check.index import Reader

COUNT_UNITS = ("平方公里", "人次", "美元", "元", "栋", "套", "名", "人", "家", "辆", "座", "处", "台", "米", "场",
               "个", "年", "岁", "项", "次", "天", "户", "所", "条", "支", "位", "%")
UNIT_ALIASES = {"平方千米": ("平方公里", 1), "千米": ("米", 1000), "公里": ("米", 1000), "周岁": ("岁", 1)}
UNIT_CLASS = {"名": "人", "位": "人"}  # people are counted by 名, 人 or 位
MONEY = ("元", "美元")
OVER = {"余": "over", "多": "over", "以上": "over", "超过": "over", "逾": "over", "多于": "over"}
UNDER = {"近": "under", "将近": "under", "接近": "under", "不到": "under", "以下": "under"}
QUALIFIER_CLASS = {**OVER, **UNDER, "约": "approx", "左右": "approx"}

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:[十百千万亿]+(?:\d+(?:\.\d+)?[十百千万亿]*)*)?|[{_CN}]+"
_UNITS_RE = "|".join(re.escape(u) for u in sorted((*COUNT_UNITS, *UNIT_ALIASES), key=len, reverse=True))
_TOKEN = re.compile(
    rf"(?P<pre>将近|接近|超过|不到|近|逾|约)?(?P<pct>百分之)?(?P<num>{_NUM})"
    rf"(?P<q1>余|多)?(?:(?P<unit>{_UNITS_RE})|(?P<tenth>(?<=[一二三四五六七八九\d])成(?!立|功|为|了|交|本|员|果|绩|效|熟|年|不|型|片|都|就)))?"
    rf"(?P<q2>以上|以下|左右|多)?"
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)年(?:度)?")
_DATE = re.compile(r"(?<!\d)\d{1,2}月(?:份)?(?:\d{1,2}日)?(?:[至到-]\d{1,2}日)?(?:底|初|中旬|上旬|下旬)?|(?<!\d)\d{1,2}日")
# The lookbehind starts a count only where a run of digits / numerals starts: without it a long run that is
# not followed by 年 is tried from every position (quadratic: 30,000 digits took 7 s).
_DURATION = re.compile(r"(?:(?<![\d两一二三四五六七八九十几数])[\d两一二三四五六七八九十几数]+|半)年(?:多|半)?(?:来|以来|间|里)")
_YEAR_SPAN = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)年?(?:至|到|-|—|~)(1[89]\d\d|20\d\d)年")
_HALF = re.compile(r"上半年|下半年|前(?:6|六)个月|1[-至到]6月")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")
_RANGE_JOIN = re.compile(r"(?:到|至|-|~|～|—)")
_RATE = re.compile(r"每(?:人|户)?(年|月|天|日|周)|(年|月|日)均|/(年|月|天)")
MASK = "□"
_QUOTE_MARKS = "“”‘’\"'「」『』"


# The classes below are plain classes with __slots__, not dataclasses: importing dataclasses (and inspect
# with it) costs ~10 ms at the start-up of `jzcli check`.


class Figure:
    """A number found in a claim."""

    __slots__ = ("start", "end", "text", "value", "unit", "qualifier", "high", "descriptor", "rate")

    def __init__(self, start: int, end: int, text: str, value: Decimal, unit: str | None,
                 qualifier: str | None = None, high: Decimal | None = None, descriptor: bool = False,
                 rate: str | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.high = high  # for a range "1亿元到5亿元"
        self.descriptor = descriptor  # a band edge describing other figures ("10亿元以上项目2个")
        self.rate = rate  # 月 / 年 / 天 / 周 when the claim says 每月, 每年 ...

    def __repr__(self) -> str:
        return f"Figure({self.text!r}, value={self.value}, unit={self.unit!r}, qualifier={self.qualifier!r})"

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY

    def as_json(self) -> dict:
        return {"text": self.text, "value": _num(self.value), "unit": self.unit, "qualifier": self.qualifier,
                **({"high": _num(self.high)} if self.high is not None else {})}


def _num(v: Decimal | int | float | None):
    if v is None:
        return None
    d = Decimal(str(v))
    return int(d) if d == d.to_integral_value() else float(d)


def read_figures(text: str, reader: Reader) -> list[Figure]:
    """The figures of a (canonical) text; years, dates and numbers inside names are not figures."""
    masked = reader.mask(text)
    masked = _YEAR_SPAN.sub(lambda m: MASK * len(m.group()), masked)
    masked = _YEAR.sub(lambda m: MASK * len(m.group()), masked)
    masked = _HALF.sub(lambda m: MASK * len(m.group()), masked)
    masked = _DURATION.sub(lambda m: MASK * len(m.group()), masked)
    masked = _DATE.sub(lambda m: MASK * len(m.group()), masked)
    return _read_numbers(text, masked)


def _read_numbers(text: str, masked: str) -> list[Figure]:
    found: list[Figure] = []
    for m in _TOKEN.finditer(masked):
        num, unit = m.group("num"), m.group("unit")
        if MASK in num:
            continue
        if m.group("pct"):
            unit = "%"
        tenth = bool(m.group("tenth"))
        if tenth:
            unit = "%"  # 五成 = 50%
        if m.start("num") > 0 and masked[m.start("num") - 1] == "第":
            continue  # an ordinal: 第一批
        chinese = not num[0].isdigit()
        if num in ("万", "亿") and unit in MONEY and m.group("q2") in ("以下", "以上"):
            value = Decimal(10**4 if num == "万" else 10**8)  # 亿元以下: the band edge 1亿
        else:
            if chinese and unit is None:
                continue  # 十九大, 两新, 一长三员: not a quantity
            if chinese and unit and masked.startswith(unit, m.end("unit")):
                continue  # 一条条街道, 一处处花园: "every", not a count
            if chinese and len(num) == 1 and num in "万亿":
                continue
            try:
                value = parse_number(re.sub(r"(?<=\d),(?=\d{3})", "", num))
            except BadInput:
                continue
        if unit in UNIT_ALIASES:
            unit, factor = UNIT_ALIASES[unit]
            value *= factor
        if tenth:
            value *= 10
        qual = m.group("q2") or m.group("q1") or m.group("pre")
        if m.group("q2") == "多" and m.group("q1"):
            qual = m.group("q1")
        found.append(Figure(m.start(), m.end(), text[m.start():m.end()], value, unit, qual))
    return _join_ranges(found, masked, text)


def _join_ranges(found: list[Figure], masked: str, text: str) -> list[Figure]:
    """"1亿元到5亿元" is one figure (a range); band edges before another figure are descriptors."""
    out: list[Figure] = []
    i = 0
    while i < len(found):
        f = found[i]
        if i + 1 < len(found):
            g = found[i + 1]
            between = masked[f.end:g.start]
            if _RANGE_JOIN.fullmatch(between) and (g.unit in MONEY or f.unit in MONEY or f.unit == g.unit) \
                    and f.qualifier is None:
                unit = g.unit or f.unit
                lo = f.value
                if f.unit is None:
                    for word, size in (("亿", 10**8), ("万", 10**4)):
                        if g.text.rstrip("元美以上下").endswith(word) and word not in f.text:
                            lo = f.value * size
                            break
                out.append(Figure(f.start, g.end, text[f.start:g.end], lo, unit, g.qualifier, high=g.value))
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


def _rate_of(text: str, clause_start: int, fig: Figure) -> str | None:
    """每月 / 每年 / 月均 before the figure in its clause, or 每月 / /月 right after it."""
    best = None
    for m in _RATE.finditer(text, clause_start, min(len(text), fig.end + 4)):
        if fig.start <= m.start() < fig.end or m.start() > fig.end:
            continue
        word = m.group(1) or m.group(2) or m.group(3)
        best = {"日": "天"}.get(word, word)
    return best


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


def band_of(fig: Figure) -> tuple[Decimal | None, Decimal | None]:
    lo, _, hi, _ = interval_of(fig)
    return lo, hi


def interval_of(fig: Figure) -> tuple[Decimal | None, bool, Decimal | None, bool]:
    """(low, low is strict, high, high is strict) of what a claim figure allows; None = unbounded.
    以上 / 以下 include the edge (the article's own bands meet at 1亿, 5亿, 10亿); 超过 / 不到 do not."""
    v, q = fig.value, fig.qualifier
    if fig.high is not None:
        return v, False, fig.high, False
    if q == "以上":
        return v, False, None, False
    if q in ("超过", "逾", "多于"):
        return v, True, None, False
    if q == "以下":
        return None, False, v, False
    if q in ("不到", "低于"):
        return None, False, v, True
    if q in ("余", "多"):
        return v, True, v + _step(v), True
    if q in ("近", "将近", "接近"):
        return v - _step(v), True, v, True
    if q in ("约", "左右"):
        return v - _step(v), True, v + _step(v), True
    return v, False, v, False


def _same_band(a, b) -> bool:
    return tuple(None if x is None else Decimal(x) for x in a) == tuple(None if x is None else Decimal(x) for x in b)


def _step(value: Decimal) -> Decimal:
    """The place of the last non-zero digit: 1700 → 100, 3000 → 1000, 60 → 10, 9.96 → 0.01."""
    v = abs(value).normalize()
    exp = v.as_tuple().exponent
    return Decimal(10) ** exp if isinstance(exp, int) else Decimal(1)
