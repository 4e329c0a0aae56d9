"""Reading a claim: numbers (Arabic, Chinese, 万/亿, 百分之, 成), counting units, qualifiers (余/多/近/以上),
ranges and rates, and the intervals a figure allows."""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli.amounts import parse_number
from jzcli.errors import BadInput
from jzcli.lazyre import lazy

TYPE_CHECKING = False  # typing is not imported at start-up (~5 ms); type checkers read the block below
if TYPE_CHECKING:
    from jzcli.check.index import Reader

COUNT_UNITS = ("平方公里", "人次", "美元", "元", "栋", "套", "名", "人", "家", "辆", "座", "处", "台", "米", "场",
               "个", "年", "岁", "项", "次", "天", "户", "所", "条", "支", "位", "倍", "%")
UNIT_ALIASES = {"平方千米": ("平方公里", 1), "千米": ("米", 1000), "公里": ("米", 1000), "周岁": ("岁", 1)}
UNIT_CLASS = {"名": "人", "位": "人",  # people are counted by 名, 人 or 位
              "条": "个"}  # 5条小巷 and 5个小巷 count the same (the noun says what)
MONEY = ("元", "美元")

# Qualifiers, by what they allow. Fuzzy ones (余, 近, 约) say "about"; bounds (超过, 至少, 以内) say "at least /
# at most" and are checked as intervals: a bound is supported when every value the article allows meets it.
LOWER_STRICT = ("超过", "逾", "多于", "高于", "大于")  # > v
LOWER_INCL = ("以上", "至少", "不少于", "不低于", "不止")  # >= v
UPPER_STRICT = ("不到", "不足", "少于", "低于", "小于")  # < v
UPPER_INCL = ("以下", "以内", "不超过", "不多于", "不高于", "最多", "至多")  # <= v
BOUNDS = (*LOWER_STRICT, *LOWER_INCL, *UPPER_STRICT, *UPPER_INCL)
OVER = {"余": "over", "多": "over", **{q: "over" for q in (*LOWER_STRICT, *LOWER_INCL)}}
UNDER = {"近": "under", "将近": "under", "接近": "under", **{q: "under" for q in (*UPPER_STRICT, *UPPER_INCL)}}
QUALIFIER_CLASS = {**OVER, **UNDER, "约": "approx", "大约": "approx", "左右": "approx", "上下": "approx"}

# Characters that make a number in traditional or financial writing, mapped one to one (offsets are kept).
NUMERAL_FORMS = str.maketrans("萬億個兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", "万亿个两一二二三三四五六六七八九十百千")

_CN = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGITS = "零〇一二三四五六七八九"
_DIGIT_VALUE = {c: (i - 1 if i else 0) for i, c in enumerate(_CN_DIGITS)}
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:[十百千万亿]+(?:\d+(?:\.\d+)?[十百千万亿]*)*)?"
        rf"|[{_CN}]+(?:点[{_CN_DIGITS}]+[万亿]*)?")
_UNITS_RE = "|".join(re.escape(u) for u in sorted((*COUNT_UNITS, *UNIT_ALIASES), key=len, reverse=True))
_PRE = "|".join(sorted((*LOWER_STRICT, *LOWER_INCL, *UPPER_STRICT, *UPPER_INCL, "将近", "接近", "大约"),
                       key=len, reverse=True))
# 约 and 近 are qualifiers only as words of their own: not in 签约, 节约, 预约, 最近, 附近, 接近 (read whole).
# The lookahead is the characters a match can start with (a qualifier, 百分之, a digit or a numeral): the scan
# passes over every other position in C instead of trying each qualifier there; the matches are the same.
_TOKEN_START = "".join(sorted({w[0] for w in _PRE.split("|")} | {"约", "近", "百"} | set(_CN)))
_TOKEN = lazy(
    rf"(?=[\d{_TOKEN_START}])"
    rf"(?P<pre>{_PRE}|(?<![签节预合契公制])约|(?<![最附将接靠临邻])近)?(?P<pct>百分之)?(?P<num>{_NUM})"
    rf"(?:个(?P<mult>[万亿]))?"
    rf"(?P<q1>余|多(?![数项种样少]))?(?:(?P<unit>{_UNITS_RE})|(?P<tenth>(?<=[一二三四五六七八九\d])成(?!立|功|为|了|交|本|员|果|绩|效|熟|年|不|型|片|都|就))(?P<tenth2>[一二三四五六七八九](?![十百千万亿个成]))?)?"
    rf"(?P<q2>以上|以下|以内|左右|上下|多(?![数项种样少]))?"
)
# Shares written as fractions: 三分之二, 一半 / 半数 / 过半, and multiples: 翻一番 (×2), 翻两番 (×4).
_FRACTION = lazy(rf"(?P<pre>超过|多于|高于|不到|不足|少于|低于|近|将近|接近|约|至少|不少于)?"
                       rf"(?:(?<![{_CN_DIGITS}十])(?P<den>[{_CN_DIGITS}十]+)分之(?P<nom>[{_CN_DIGITS}十]+)"
                       r"|(?P<half>一半|半数|(?P<over>过半|大半(?![年天日月])))(?:数)?)(?P<post>以上|以下|左右)?")
# "成立19年来", "建成26年来": a duration since an event, a figure (not the period "两年多来")
_SINCE_EVENT = lazy(r"成立|建成|至今|迄今")
# a comparison word before a share in its clause: 超过开工总数的四分之三
_COMPARE_BEFORE = lazy(r"(超过|不到|不足|高于|低于|多于|少于|大于|小于)[^，,；;。\d]{0,10}$")
_DOUBLING = lazy(r"翻(?P<n>[一两二三四])番")
_YEAR = lazy(r"(?<!\d)(1[89]\d\d|20\d\d)年(?:度)?")
_DATE = lazy(r"(?<!\d)\d{1,2}月(?:份)?(?:\d{1,2}日)?(?:[至到-]\d{1,2}日)?(?:底|初|中旬|上旬|下旬)?|(?<!\d)\d{1,2}日")
# The lookbehind starts a count only where a run of digits / numerals starts: without it a long run that is
# not followed by 年 is tried from every position (quadratic: 30,000 digits took 7 s).
_DURATION = lazy(r"(?:(?<![\d两一二三四五六七八九十几数])[\d两一二三四五六七八九十几数]+|半)年(?:多|半)?(?:来|以来|间|里)")
_YEAR_SPAN = lazy(r"(?<!\d)(1[89]\d\d|20\d\d)年?(?:至|到|-|—|~)(1[89]\d\d|20\d\d)年")
_HALF = lazy(r"上半年|下半年|前(?:6|六)个月|1[-至到]6月")
_CLAUSE_BREAK = lazy(r"[，,；;。！？!?：:\n]")
_RANGE_JOIN = lazy(r"(?:到|至|-|~|～|—)")
_RATE = lazy(r"每(?:人|户)?(年|月|天|日|周)|(年|月|日)均|/(年|月|天)")
MASK = "□"
_QUOTE_MARKS = "“”‘’\"'「」『』"


# The classes below are plain classes with __slots__, not dataclasses: importing dataclasses (and inspect
# with it) costs ~10 ms at the start-up of `jzcli check`.


class Figure:
    """A number found in a claim."""

    __slots__ = ("start", "end", "text", "value", "unit", "qualifier", "high", "descriptor", "rate", "step")

    def __init__(self, start: int, end: int, text: str, value: Decimal, unit: str | None,
                 qualifier: str | None = None, high: Decimal | None = None, descriptor: bool = False,
                 rate: str | None = None, step: Decimal | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.high = high  # for a range "1亿元到5亿元"
        self.descriptor = descriptor  # a band edge describing other figures ("10亿元以上项目2个")
        self.rate = rate  # 月 / 年 / 天 / 周 when the claim says 每月, 每年 ...
        # how finely the claim gives the value when it is a rounded share (八成: 10, 三分之二: 1): a ratio
        # computed from the article supports it when it rounds to the claim's value at this step
        self.step = step

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
    # each pattern needs 年, 月 or 日: a sentence without them is not scanned for it
    year, month = "年" in masked, "月" in masked
    if year:
        masked = _YEAR_SPAN.sub(_masked, masked)
        masked = _YEAR.sub(_masked, masked)
    if year or month:
        masked = _HALF.sub(_masked, masked)
    if year:
        masked = _DURATION.sub(lambda m: m.group() if _SINCE_EVENT.search(masked, max(0, m.start() - 3), m.start())
                               else MASK * len(m.group()), masked)
    if month or "日" in masked:
        masked = _DATE.sub(_masked, masked)
    return _read_numbers(text, masked)


def _masked(m: re.Match) -> str:
    return MASK * (m.end() - m.start())


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
            if chinese and unit is None and not m.group("mult"):
                continue  # 十九大, 两新, 一长三员: not a quantity (八十六个亿 is one)
            if chinese and unit and masked.startswith(unit, m.end("unit")):
                continue  # 一条条街道, 一处处花园: "every", not a count
            if chinese and len(num) == 1 and num in "万亿":
                continue
            try:
                value = _parse(num)
            except BadInput:
                continue
        if unit in UNIT_ALIASES:
            unit, factor = UNIT_ALIASES[unit]
            value *= factor
        if tenth:
            value *= 10
            if m.group("tenth2"):  # 九成五 = 95%
                value += _DIGIT_VALUE[m.group("tenth2")]
        if m.group("mult"):
            value *= 10**8 if m.group("mult") == "亿" else 10**4  # 9.96个亿
        qual = m.group("q2") or m.group("q1") or m.group("pre")
        if m.group("q2") == "多" and m.group("q1"):
            qual = m.group("q1")
        found.append(Figure(m.start(), m.end(), text[m.start():m.end()], value, unit, qual,
                            step=(Decimal(1) if m.group("tenth2") else Decimal(10)) if tenth else None))
    found += _shares(text, masked, found)
    found.sort(key=lambda f: f.start)
    return _join_ranges(found, masked, text)


def _parse(num: str) -> Decimal:
    """parse_number, plus 点 decimals in Chinese numerals (四点三亿 = 4.3亿)."""
    if "点" in num:
        whole, _, rest = num.partition("点")
        big = rest.lstrip(_CN_DIGITS)
        digits = rest[:len(rest) - len(big)]
        value = parse_number(whole) + Decimal("0." + "".join(str(_DIGIT_VALUE[c]) for c in digits))
        for c in big:
            value *= 10**8 if c == "亿" else 10**4
        return value
    return parse_number(re.sub(r"(?<=\d),(?=\d{3})", "", num) if "," in num else num)


def _shares(text: str, masked: str, found: list[Figure]) -> list[Figure]:
    """三分之二, 一半 (as %), 翻一番 (as 倍), where no other figure was read."""
    out: list[Figure] = []
    if "分之" not in masked and "半" not in masked and "翻" not in masked:
        return out  # every share or multiple read here has one of these
    taken = [(f.start, f.end) for f in found]
    for m in _FRACTION.finditer(masked):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.group("half"):
            value, step = Decimal(50), Decimal(10)  # 一半 is said as loosely as 五成
        else:
            try:
                den, nom = parse_number(m.group("den")), parse_number(m.group("nom"))
            except BadInput:
                continue
            if not den or nom > den:
                continue
            value, step = nom / den * 100, Decimal(1)
        qual = m.group("post") or m.group("pre") or ("超过" if m.group("over") else None)  # 过半 = more than half
        if qual is None:
            before = _COMPARE_BEFORE.search(masked, max(0, m.start() - 12), m.start())
            qual = before.group(1) if before else None
        out.append(Figure(m.start(), m.end(), text[m.start():m.end()], value, "%", qual, step=step))
    for m in _DOUBLING.finditer(masked):
        n = "一两二三四".index(m.group("n"))
        times = {0: 2, 1: 4, 2: 4, 3: 8, 4: 16}[n]
        out.append(Figure(m.start(), m.end(), text[m.start():m.end()], Decimal(times), "倍"))
    return out


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
    return qualified_interval(fig.value, fig.qualifier, fig.high)


def qualified_interval(v: Decimal, q: str | None, high: Decimal | None = None):
    """(low, low is strict, high, high is strict) of a value with a qualifier (see interval_of)."""
    if high is not None:
        return v, False, high, False
    if q in LOWER_INCL:
        return v, False, None, False
    if q in LOWER_STRICT:
        return v, True, None, False
    if q in UPPER_INCL:
        return None, False, v, False
    if q in UPPER_STRICT:
        return None, False, v, True
    if q in ("余", "多"):
        return v, True, v + _step(v), True
    if q in ("近", "将近", "接近"):
        return v - _step(v), True, v, True
    if q in ("约", "大约", "左右", "上下"):
        return v - _step(v), True, v + _step(v), True
    return v, False, v, False


def _same_band(a, b) -> bool:
    return tuple(None if x is None else Decimal(x) for x in a) == tuple(None if x is None else Decimal(x) for x in b)


def _step(value: Decimal) -> Decimal:
    """The place of the last non-zero digit: 1700 → 100, 3000 → 1000, 60 → 10, 9.96 → 0.01."""
    v = abs(value).normalize()
    exp = v.as_tuple().exponent
    return Decimal(10) ** exp if isinstance(exp, int) else Decimal(1)
