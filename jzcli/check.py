"""Checking a reporter's figure against the article: supported / contradicted / unknown, with evidence.

No word segmentation: a claim is read with regular expressions (numbers, multipliers, counting units,
approximation words, dates, rates) and matched to facts by the names of their subjects and by the
curated `keywords` of each figure (开工 / 完工 / 交付 tell three facts about the same 36 buildings apart).
A wrong "supported" is the worst answer, so every doubt ends in "unknown".

How a figure of a claim is matched:
- the claim is folded (full-width → ASCII, no white space); years, dates, periods, names with digits
  (58同城) and thresholds (10吨以下) are hidden before numbers are read;
- the figure's words are its clause (between punctuation). When a clause holds several figures, the
  words between two figures belong to the nearer one ("6个城市社区确定了8个小区党建试点": 城市社区 is
  about 6, 确定 about 8); words before the first and after the last figure are shared, and one fact
  goes to one figure of a sentence (the share-out with the highest total score);
- a fact only matches when some of its words other than the counted noun (社区, 楼) are in the claim;
- the subject is the unit / project / person named in the clause, else the nearest one named before it;
- the claim's period (2017年, 今年前6个月, 2016年以来, 目前) must be the fact's period, else "unknown";
- a rate (每月, 每年) must be the fact's rate;
- investment bands of projects are compared as intervals.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli import names
from jzcli.amounts import parse_number
from jzcli.text import canon as _canon
from jzcli.errors import BadInput, JzError
from jzcli.factbase import FactBase

SUPPORTED, CONTRADICTED, UNKNOWN = "supported", "contradicted", "unknown"
VERDICT_ORDER = {SUPPORTED: 0, UNKNOWN: 1, CONTRADICTED: 2}

COUNT_UNITS = ("平方公里", "人次", "美元", "元", "栋", "套", "名", "人", "家", "辆", "座", "处", "台", "米", "场",
               "个", "年", "岁", "项", "次", "天", "户", "所", "条", "支", "位", "%")
UNIT_ALIASES = {"平方千米": ("平方公里", 1), "千米": ("米", 1000), "公里": ("米", 1000), "周岁": ("岁", 1)}
UNIT_CLASS = {"名": "人", "位": "人"}  # people are counted by 名, 人 or 位
MONEY = ("元", "美元")
# A unit that by itself says what is measured: "73岁" is an age whatever the words around it.
SELF_DESCRIBING_UNITS = {"岁": 2.0, "平方公里": 2.0}
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
_HALF = re.compile(r"上半年|下半年|前(?:6|六)个月|1[-至到]6月")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")
_RANGE_JOIN = re.compile(r"(?:到|至|-|~|～|—)")
_QUESTION_WORDS = re.compile(r"多少|几[个名人栋套家辆座处台米场项次天]?|什么|哪些|哪个|是否|吗|呢|？|\?")
_ASK_UNIT = re.compile(rf"(?:多少|几)({_UNITS_RE}|钱)")
_ASK_AGE = re.compile(r"多大年纪|多大岁数|年纪|岁数|几岁|多少岁|年龄")
_RATE = re.compile(r"每(?:人|户)?(年|月|天|日|周)|(年|月|日)均|/(年|月|天)")
_PAST_MARK = re.compile(r"当时|调整前|之前|以前|原来|曾经|那时")
_PAST_WORDS = re.compile(r"当时|成立|之初|调整前|之前|以前|原来|原有|曾|那时|彼时")
_FUTURE = re.compile(r"计划|预计|拟|将要|即将|明年|今后|未来|力争|目标是")
_PRESENT = re.compile(r"目前|现在|现有|如今|截至目前|截止目前|当前|至今")
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


class Result:
    __slots__ = ("claim", "figure", "verdict", "reason", "evidence")

    def __init__(self, claim: str, figure: Figure | None, verdict: str, reason: str,
                 evidence: list[dict] | None = None) -> None:
        self.claim = claim
        self.figure = figure
        self.verdict = verdict
        self.reason = reason
        self.evidence = [] if evidence is None else evidence

    def __repr__(self) -> str:
        return f"Result({self.verdict!r}, {self.reason!r}, figure={self.figure!r})"

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


# ---------------------------------------------------------------- periods as month intervals


def _month(year: int, month: int) -> int:
    return year * 12 + month - 1


def _show_month(m: int) -> str:
    return f"{m // 12}-{m % 12 + 1:02d}"


class Span:
    """A period as an interval of months; `point` for a state at one moment (目前, 1999年7月 当时)."""

    __slots__ = ("start", "end", "point", "present")

    def __init__(self, start: int, end: int, point: bool = False, present: bool = False) -> None:
        self.start = start
        self.end = end
        self.point = point
        self.present = present  # the claim says 目前 / 现有: the article's own time

    def _key(self) -> tuple:
        return (self.start, self.end, self.point, self.present)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Span) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, point={self.point}, present={self.present})"

    def __str__(self) -> str:
        a, b = _show_month(self.start), _show_month(self.end)
        return a if a == b else f"{a}/{b}"


def fact_span(period: str | None, as_of: int | None) -> Span | None:
    """facts.json period strings: "2017", "2018-H1", "2017-11", "2016/2018-08", "2018-01/2018-06"."""
    if not period:
        return None
    m = re.fullmatch(r"(\d{4})", period)
    if m:
        y = int(m.group(1))
        return Span(_month(y, 1), _cap(_month(y, 12), as_of))
    m = re.fullmatch(r"(\d{4})-H([12])", period)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return Span(_month(y, 1 if h == 1 else 7), _cap(_month(y, 6 if h == 1 else 12), as_of))
    m = re.fullmatch(r"(\d{4})-(\d\d)", period)
    if m:
        t = _month(int(m.group(1)), int(m.group(2)))
        return Span(t, t, point=True)
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-\d\d)?/(\d{4}|now)(?:-(\d\d))?(?:-\d\d)?", period)
    if m:
        start = _month(int(m.group(1)), int(m.group(2) or 1))
        if m.group(3) == "now":
            end = as_of if as_of is not None else start
        else:
            end = _cap(_month(int(m.group(3)), int(m.group(4) or 12)), as_of)
        return Span(start, end)
    m = re.match(r"(\d{4})", period)
    if m:
        y = int(m.group(1))
        return Span(_month(y, 1), _cap(_month(y, 12), as_of))
    return None


def _cap(end: int, as_of: int | None) -> int:
    return min(end, as_of) if as_of is not None else end


_CLAIM_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)年(?:度)?|(今年|去年|前年|明年)")
_YEAR_SPAN = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)年?(?:至|到|-|—|~)(1[89]\d\d|20\d\d)年")
_MONTH_AFTER = re.compile(r"(?:年初|年)?(\d{1,2})月(?:份)?")


_FULL_YEAR = re.compile(r"全年(?!目标|任务|计划)")
_MONTH_SINCE = re.compile(r"(?<![\d年])(\d{1,2})月(?:份)?以来")


def claim_span(text: str, pub_year: int | None, as_of: int | None, default_year: int | None = None) -> Span | None:
    """The period a claim states, or None when it states none. `default_year`: the year of the sentence
    when this part of it only says 上半年 / 全年 / 5月份以来."""
    m = _YEAR_SPAN.search(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return Span(_month(a, 1), _cap(_month(b, 12), as_of))
    year = month = None
    m = _CLAIM_YEAR.search(text)
    if m:
        if m.group(1):
            year = int(m.group(1))
        elif pub_year:
            year = pub_year - {"今年": 0, "去年": 1, "前年": 2, "明年": -1}[m.group(2)]
        if year is not None:
            mm = _MONTH_AFTER.match(text, m.end())
            if mm and 1 <= int(mm.group(1)) <= 12:
                month = int(mm.group(1))
    fallback = year or default_year or pub_year
    half = _HALF.search(text)
    if half:
        if fallback is None:
            return None
        first = not half.group().startswith("下")
        return Span(_month(fallback, 1 if first else 7), _cap(_month(fallback, 6 if first else 12), as_of))
    if year is None:
        ms = _MONTH_SINCE.search(text)
        if ms and fallback and 1 <= int(ms.group(1)) <= 12:
            return Span(_month(fallback, int(ms.group(1))), as_of if as_of is not None else _month(fallback, 12))
        if _FULL_YEAR.search(text) and fallback:
            return Span(_month(fallback, 1), _cap(_month(fallback, 12), as_of))
        if _PRESENT.search(text) and as_of is not None:
            return Span(as_of, as_of, point=True, present=True)
        return None
    since = "以来" in text[m.end():] if m else False
    if since:
        start = _month(year, month or 1)
        return Span(start, as_of if as_of is not None else _month(year, 12))
    if month:
        t = _month(year, month)
        return Span(t, t, point=True)
    return Span(_month(year, 1), _cap(_month(year, 12), as_of))


def period_fits(claim: Span | None, fact: Span | None) -> bool:
    """Is the fact about the period the claim names? A claim without a period fits any fact."""
    if claim is None:
        return True
    if fact is None:
        return claim.present  # an undated fact is the article's present
    if fact.point:
        return claim.start <= fact.start <= claim.end
    if claim.present:
        return False  # a running total is not "目前 …"
    return (claim.start, claim.end) == (fact.start, fact.end)


# ---------------------------------------------------------------- the fact base, indexed once


class _Lexicon:
    """A set of words found in a text at every position where one starts, overlaps included.

    The words are keyed by their first `head` characters (head: the length of the shortest word), each key
    with the lengths of the words that start with it: a text of n characters costs about n dict look-ups
    plus one per word length under a key that occurs, however many words there are."""

    __slots__ = ("words", "head", "lengths")

    def __init__(self, words) -> None:
        self.words = {w for w in words if w}
        self.head = min((len(w) for w in self.words), default=1)
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[:self.head], set()).add(len(w))
        self.lengths = {key: sorted(ls) for key, ls in lengths.items()}

    def find(self, text: str) -> list[tuple[int, str]]:
        """(start, word) of every occurrence of a word in text."""
        out = []
        head, lengths, words = self.head, self.lengths, self.words
        for i in range(len(text) - head + 1):
            ls = lengths.get(text[i:i + head])
            if ls is not None:
                for n in ls:
                    word = text[i:i + n]
                    if len(word) < n:
                        break
                    if word in words:
                        out.append((i, word))
        return out


class Fact:
    """A figure record with what matching needs, precomputed."""

    __slots__ = ("rec", "id", "unit", "unit_class", "value", "keywords", "refs", "_quote_grams", "span", "band",
                 "per", "past", "noun")

    def __init__(self, rec: dict, id: str, unit: str, unit_class: str | None, value: Decimal, keywords: list[str],
                 refs: set, span: Span | None, band: tuple | None, per: str | None,
                 past: bool = False, noun: str = "") -> None:
        self.rec = rec
        self.id = id
        self.unit = unit
        self.unit_class = unit_class
        self.value = value
        self.keywords = keywords
        self.refs = refs
        self._quote_grams: set | None = None
        self.span = span
        self.band = band
        self.per = per
        self.past = past  # the article marks the figure as a past state (当时, 区划调整前)
        self.noun = noun  # what the article's wording counts: "36栋楼" → 楼, "20名城管队员" → 城管队员

    @property
    def quote_grams(self) -> set:
        """The bigrams of the article's quote, computed when the fact is first scored."""
        if self._quote_grams is None:
            self._quote_grams = _bigrams(_canon(self.rec.get("quote", "")))
        return self._quote_grams

    def __repr__(self) -> str:
        return f"Fact({self.id!r})"


class Reader:
    """Everything the checker needs from the fact base, computed once per process."""

    def __init__(self, fb: FactBase) -> None:
        self.fb = fb
        # investment bands as the fact base defines them (meta.bands): band id -> (min, max) in 元
        self.bands = {b["band"]: (b.get("min"), b.get("max"))
                      for b in fb.meta.get("bands") or [] if isinstance(b, dict) and b.get("band")}
        self.figures = fb.records("figures")
        self.projects = list(fb.records("projects"))
        self.project_ids = {p["id"] for p in self.projects}
        self.pub_year = fb.source.get("publication_year")
        as_of = str(fb.source.get("as_of") or "")
        m = re.match(r"(\d{4})-(\d\d)", as_of)
        self.as_of = _month(int(m.group(1)), int(m.group(2))) if m else (
            _month(self.pub_year, 12) if self.pub_year else None)
        # numbers that are not figures (58同城, 十九大, 10吨 threshold). One that reads like a count (两项) is
        # only hidden where the article's next word follows it (两项补贴, not 两项荣誉).
        plain, guarded = set(), {}
        for n in fb.meta.get("non_figures") or []:
            t = _canon(n.get("text"))
            if not t:
                continue
            m = _TOKEN.fullmatch(t)
            q = _canon(n.get("quote"))
            after = q[q.find(t) + len(t):].lstrip(_QUOTE_MARKS)[:2] if t in q else ""
            if m and m.group("unit") and not t[0].isdigit() and after:
                guarded.setdefault(t, set()).add(after)
            else:
                plain.add(t)
        self.non_figures = sorted(plain | set(guarded), key=len, reverse=True)
        self._guarded = guarded
        people = fb.records("people")
        named = list(fb.records("units")) + self.projects + people
        spell: list[tuple[str, dict]] = []
        for rec in named:
            for form in names.spellings(rec):
                if len(form) >= 2:
                    spell.append((form, rec))
        # places, brands and programmes are names too: 红动九州 is not 九州社区, 58同城 not a number
        self.place_unit: dict[str, str | None] = {}
        for rec in fb.records("places"):
            self.place_unit[rec["id"]] = rec.get("unit")
            for part in re.split(r"[\s“”‘’\"'·・,，、:：()（）]+", rec.get("name") or ""):
                form = names.fold(part)
                if len(form) >= 2:
                    spell.append((form, rec))
        spell.sort(key=lambda t: -len(t[0]))
        self.spellings = spell
        # named_spans: each spelling → (its rank in self.spellings, the record of its first listing), and the
        # spellings as a lexicon, so a sentence is read once instead of searched once per name
        self._name_rank: dict[str, tuple[int, dict]] = {}
        for rank, (form, rec) in enumerate(spell):
            self._name_rank.setdefault(form, (rank, rec))
        self._names = _Lexicon(self._name_rank)
        self.offices = {u["id"] for u in fb.records("units") if u.get("kind") in ("办事处", "筹建办")}
        self.broad = self.offices | {u["id"] for u in fb.records("units") if u.get("kind") == "乡"}
        self.facts = [self._fact(f) for f in self.figures]
        # candidates: positions in self.facts by unit class (money: 元 and 美元 together), by id of subject or
        # mention, and by keyword (with the keywords as a lexicon), and the facts with an investment band. A
        # fact can only score when it shares the figure's unit class and refers to a subject of the claim,
        # or (no subject named) has a keyword in the claim or a band the claim describes.
        self._facts_by_class: dict[str | None, set[int]] = {}
        self._facts_by_ref: dict[str, list[int]] = {}
        self._facts_by_keyword: dict[str, list[int]] = {}
        self._banded_facts: list[int] = []
        for i, f in enumerate(self.facts):
            self._facts_by_class.setdefault(f.unit_class, set()).add(i)
            for ref in f.refs:
                self._facts_by_ref.setdefault(ref, []).append(i)
            for word in f.keywords:
                self._facts_by_keyword.setdefault(word, []).append(i)
            if f.band is not None:
                self._banded_facts.append(i)
        self._money_facts = set().union(*(self._facts_by_class.get(unit_class(u), ()) for u in MONEY))
        self._keywords = _Lexicon(self._facts_by_keyword)
        # decide: the first fact (in fact-base order) of each unit class counting each noun of two or more
        # characters, and the lengths of those nouns: what else a number followed by such a noun could count
        self._first_by_noun: dict[tuple[str | None, str], tuple[int, Fact]] = {}
        for i, f in enumerate(self.facts):
            if len(f.noun) >= 2:
                self._first_by_noun.setdefault((f.unit_class, f.noun), (i, f))
        self._noun_lengths = sorted({len(noun) for _, noun in self._first_by_noun})
        self._names_cache: tuple = (None, ([], set()))
        referenced = {r for f in self.facts for r in f.refs}
        # a person the article only quotes (刘全福 说) does not narrow a claim down
        self.silent_people = {p["id"] for p in people if p["id"] not in referenced}
        self._mask_re = re.compile("|".join(re.escape(n) for n in self.non_figures) + r"|PM2\.5|PM10", re.I) \
            if self.non_figures else re.compile(r"PM2\.5|PM10", re.I)

    def _fact(self, f: dict) -> Fact:
        unit = f.get("unit") or ""
        band = self.bands.get(f.get("band") or "")
        if band is None:
            band = self._band_from_text(f.get("metric") or "")
        per = f.get("per")
        noun = _counted_noun(f.get("text"))
        return Fact(rec=f, id=f["id"], unit=unit, unit_class=unit_class(unit), value=Decimal(str(f["value"])),
                    keywords=_keyword_forms(f, noun), noun=noun,
                    past=bool(_PAST_MARK.search(f.get("period_text") or "")),
                    refs={f.get("subject"), *(f.get("mentions") or [])} - {None},
                    span=fact_span(f.get("period"), self.as_of), band=band, per=per.split("·")[-1] if per else None)

    def _band_from_text(self, text: str):
        """A band written in a metric ("投资额1亿元到5亿元的…"), when the record has no `band`."""
        if "元" not in text:
            return None  # no amount of money (元, 美元) to read
        figs = [g for g in _read_numbers(text, text) if g.unit in MONEY]
        for g in figs:
            lo, hi = band_of(g)
            if g.high is not None or g.qualifier in ("以上", "以下"):
                return (None if lo is None else int(lo), None if hi is None else int(hi))
        return None

    def mask(self, text: str) -> str:
        """Numbers that are part of a name or a threshold (58同城, PM2.5, 10吨以下) are hidden."""
        def hide(m: re.Match) -> str:
            nexts = self._guarded.get(m.group())
            if nexts is not None and not text[m.end():].lstrip(_QUOTE_MARKS).startswith(tuple(nexts)):
                return m.group()
            return MASK * len(m.group())
        return self._mask_re.sub(hide, text)

    def named_at(self, text: str) -> list[tuple[int, dict]]:
        """(position, record) for every name in text; a name inside a longer name (九州 in 九州路办事处) does not count."""
        return [(p, r) for p, _, r in self.named_spans(text)]

    def named_spans(self, text: str) -> list[tuple[int, int, dict]]:
        """(start, end, record) for every name in text, in order."""
        folded = names.fold(text)
        if len(folded) != len(text):
            folded = text
        taken = [False] * len(folded)
        found: list[tuple[int, int, dict]] = []
        # every occurrence of every spelling, taken in the order of self.spellings (longest first), each
        # occurrence of one spelling from left to right, unless it overlaps one taken before
        hits = sorted((self._name_rank[form][0], start, form) for start, form in self._names.find(folded))
        for _, start, form in hits:
            end = start + len(form)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(form)
                found.append((start, end, self._name_rank[form][1]))
        found.sort(key=lambda t: t[0])
        return found

    def facts_for(self, fig: Figure, scope: Scope, banded: bool) -> list[Fact]:
        """The facts `candidates` has to look at, in fact-base order: those of the figure's unit class that
        refer to a subject of the claim or, when the claim names none, that have a keyword in the claim (or
        a band, when `banded`: the claim describes one). Any other fact would not score."""
        picked: set[int] = set()
        if scope.specific:
            for ref in scope.specific:
                picked.update(self._facts_by_ref.get(ref, ()))
        else:
            for _, word in self._keywords.find(scope.text):
                picked.update(self._facts_by_keyword[word])
            if banded:
                picked.update(self._banded_facts)
        if fig.unit is not None:
            picked &= self._money_facts if fig.unit in MONEY else self._facts_by_class.get(unit_class(fig.unit), set())
        return [self.facts[i] for i in sorted(picked)]

    def other_noun(self, fact: Fact, said: str, at: int) -> Fact | None:
        """The first fact (in fact-base order) of `fact`'s unit class whose counted noun, of two characters
        or more and not `fact`'s, is written at said[at:]."""
        best = None
        for n in self._noun_lengths:
            word = said[at:at + n]
            if len(word) < n:
                break
            got = self._first_by_noun.get((fact.unit_class, word)) if word != fact.noun else None
            if got is not None and (best is None or got[0] < best[0]):
                best = got
        return best[1] if best is not None else None

    def names_of(self, text: str) -> tuple[list, set]:
        """named_spans of a whole sentence and its list members, kept for the sentence's other figures."""
        if self._names_cache[0] != text:
            spans = self.named_spans(text)
            self._names_cache = (text, (spans, _list_members(text, spans)))
        return self._names_cache[1]

    def named(self, text: str) -> list[dict]:
        out: list[dict] = []
        for _, rec in self.named_at(text):
            if rec not in out:
                out.append(rec)
        return out


# counting units that start a curated keyword ("个村", "名村民"); not 项 (项目), 人 (人口), 年 (年龄) ...
_CLASSIFIERS = ("个", "名", "栋", "套", "座", "辆")


def _keyword_forms(f: dict, noun: str) -> list[str]:
    """A fact's keywords, plus each without a leading counting unit or trailing 的 ("个村" → 村), plus the
    noun the article's wording counts (`noun`: _counted_noun of its text). Longest first."""
    forms: set[str] = set()
    for raw in [*(f.get("keywords") or []), noun]:
        k = _canon(raw)
        if k:
            bare = _bare(k)
            forms.update((k, bare[:-1] if bare.endswith("的") and len(bare) > 1 else bare))
    return sorted(forms, key=len, reverse=True)


def _bare(word: str) -> str:
    """A keyword without a leading counting unit: 个社区 → 社区."""
    for c in _CLASSIFIERS:
        if word.startswith(c) and len(word) > len(c):
            return word[len(c):]
    return word


def _counted_noun(text: str | None) -> str:
    """The words after the number and unit of the article's wording: "3000多名村民" → 村民."""
    t = _canon(text)
    m = _TOKEN.search(t)
    if not m or not m.group("unit") and not m.group("pct"):
        return ""
    return t[m.end():].rstrip("等")


# ---------------------------------------------------------------- reading a claim


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


class Scope:
    """The words a claim figure is read with."""

    __slots__ = ("text", "left", "fig", "mine", "clause", "specific", "near", "_rival_cache", "_weight_cache")

    def __init__(self, text: str, left: int, fig: Figure, mine: list, clause: str, specific: set,
                 near: set | None = None) -> None:
        self.text = text  # the canonical sentence up to the end of the figure's clause
        self.left = left  # the figure's clause is text[left:]
        self.fig = fig
        self.mine = mine  # the figures of the clause, in order (band descriptors left out)
        self.clause = clause  # the clause, other figures' words masked (for bigrams)
        self.specific = specific  # ids of the subjects the figure is about (never the office itself)
        self.near = set() if near is None else near  # the subjects named on this figure's side of the clause
        self._rival_cache: dict = {}
        self._weight_cache: dict = {}  # (word, unit class) → weight: many facts share their keywords

    def weight(self, word: str, unit: str | None = None) -> float:
        """1 when the word is about this figure (its clause, its side), 0.5 earlier in the sentence, else 0.

        Only figures that could be a fact in `unit` compete for words: in "两年多来财税收入累计4.3亿元"
        the years do not take 财税收入 from the amount."""
        key = (word, unit_class(unit) if unit is not None else None)  # as _rivals: the unit class decides
        got = self._weight_cache.get(key)
        if got is None:
            got = self._weight_cache[key] = self._weight(word, unit)
        return got

    def _weight(self, word: str, unit: str | None) -> float:
        text, left = self.text, self.left
        if text.find(word, left) == -1:
            return 0.5 if text.find(word, 0, left) != -1 else 0.0
        rivals, idx = self._rivals(unit)
        if len(rivals) < 2:
            return 1.0
        if text.find(word, left, rivals[0].start) != -1 or text.find(word, rivals[-1].end) != -1:
            return 1.0  # before the first or after the last figure: shared
        # between the figure before and the one after this one: the nearer figure's
        lo = rivals[idx - 1].start if idx > 0 else left
        hi = rivals[idx + 1].end if idx + 1 < len(rivals) else len(text)
        start = text.find(word, lo, hi)
        while start != -1:
            if self._owner(start, start + len(word), rivals) in (None, self.fig):
                return 1.0
            start = text.find(word, start + 1, hi)
        return 0.5 if text.find(word, 0, left) != -1 else 0.0

    def _rivals(self, unit: str | None) -> tuple[list, int]:
        key = unit_class(unit) if unit is not None else None
        got = self._rival_cache.get(key)
        if got is None:
            rivals = self.mine if key is None else [g for g in self.mine if g is self.fig or units_compatible(g.unit, unit)]
            got = (rivals, next((i for i, g in enumerate(rivals) if g is self.fig), 0))
            self._rival_cache[key] = got
        return got

    def _owner(self, s: int, e: int, mine: list | None = None) -> Figure | None:
        """The figure a word of the clause belongs to (None: shared, before the first or after the last)."""
        mine = self.mine if mine is None else mine
        if len(mine) < 2 or e <= mine[0].start:
            return None
        lo, hi = 0, len(mine)  # the first figure that starts after s
        while lo < hi:
            mid = (lo + hi) // 2
            if mine[mid].start <= s:
                lo = mid + 1
            else:
                hi = mid
        if lo == 0:
            return mine[0]
        if lo == len(mine):
            return None  # after the last figure: the predicate of all ("…分别签订了廉政承诺书")
        a, b = mine[lo - 1], mine[lo]
        return a if (s - a.end) <= (b.start - e) else b

    def own_clause(self, right: int) -> str:
        """The clause with the other figures' parts masked."""
        mine, text, left = self.mine, self.text, self.left
        if len(mine) < 2:
            return text[left:right]
        idx = mine.index(self.fig)
        lo = left if idx == 0 else (mine[idx - 1].end + self.fig.start - 1) // 2 + 1
        hi = right if idx == len(mine) - 1 else (mine[idx + 1].start + self.fig.end - 1) // 2 + 1
        out, pos = [], left
        for a, b in sorted(((left, mine[0].start), (lo, hi), (mine[-1].end, right))):
            a, b = max(a, pos), min(b, right)
            if b > a:
                out += [MASK * (a - pos), text[a:b]]
                pos = b
        out.append(MASK * (right - pos))
        return "".join(out)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_m = _CLAUSE_BREAK.search(text, end)
    right = right_m.start() if right_m else len(text)
    return left, right


_LIST_JOIN = "、和及与"
_LIST_SUFFIX = re.compile(r"(?:社区|村|小区|项目)?(?:\(二期\))?")


def _list_members(text: str, spans: list[tuple[int, int, dict]]) -> set[int]:
    """Start positions of names that are items of a list ("福田、广场等8个社区", "大寨店、西郭庄3个村"):
    the things counted, not the subject of the figure."""
    members: set[int] = set()
    for i, (p, e, r) in enumerate(spans):
        after = _LIST_SUFFIX.match(text, e).end()
        nxt = text[after:after + 1]
        prev = text[p - 1:p] if p > 0 else ""
        joined_next = nxt in _LIST_JOIN and i + 1 < len(spans) and spans[i + 1][0] == after + 1
        joined_prev = prev in _LIST_JOIN and i > 0 and _LIST_SUFFIX.match(text, spans[i - 1][1]).end() == p - 1
        if joined_next or joined_prev or text.startswith("等", after):
            members.add(p)
    return members


def make_scope(reader: Reader, text: str, fig: Figure, figs: list[Figure]) -> Scope:
    """The figure's clause and subject. Between two figures of one clause a word belongs to the nearer one
    (a tie to the earlier: the noun after a counting unit is what it counts); words before the first and
    after the last figure are shared (subject, predicate), and `assign` shares the facts out."""
    left, right = _clause_bounds(text, fig.start, fig.end)
    mine = sorted((g for g in figs if not g.descriptor and left <= g.start and g.end <= right), key=lambda g: g.start)
    scope = Scope(text[:right], left, fig, mine, "", set())
    scope.clause = scope.own_clause(right)
    spans, members = reader.names_of(text)
    spans = [t for t in spans if t[1] <= right]
    named = []
    for p, e, r in spans:
        if r["id"] in reader.silent_people or p in members:
            continue
        if r["id"] in reader.place_unit:  # a place stands for the unit it is in, if any
            unit = reader.place_unit[r["id"]]
            r = reader.fb.get(unit) if unit else None
            if r is None:
                continue
        named.append((p, r))
    in_clause = {r["id"] for p, r in named if p >= left and r["id"] not in reader.broad}
    if in_clause:
        # every subject of the clause may be this figure's; those on its side of the clause count more
        scope.specific = in_clause
        scope.near = {r["id"] for p, r in named if p >= left and r["id"] not in reader.broad
                      and scope._owner(p, p + 1) in (None, fig)}
    else:
        before = [(p, r) for p, r in named if p < left and r["id"] not in reader.broad]
        if before:
            # the nearest clause before this one that names a subject
            last_clause = _clause_bounds(text, before[-1][0], before[-1][0])[0]
            scope.specific = {r["id"] for p, r in before if p >= last_clause}
            scope.near = scope.specific
    return scope


def candidates(reader: Reader, fig: Figure, scope: Scope, descriptors: list[Figure]) -> list[tuple[float, Fact]]:
    specific = scope.specific
    clause_grams = _bigrams(scope.clause)
    desc_bands = [band_of(d) for d in descriptors]
    scored = []
    for f in reader.facts_for(fig, scope, bool(desc_bands)):
        if not units_compatible(fig.unit, f.unit):
            continue
        if specific and not (f.refs & specific):
            continue
        kw = what = own = 0.0
        hits: list[tuple[str, float]] = []
        for k in f.keywords:  # longest first; a word inside a word already counted is not counted again
            w = scope.weight(k, f.unit)
            if w and not any(k in h and hw >= w for h, hw in hits):
                hits.append((k, w))
                kw += w * len(k)
                if _bare(k) not in f.noun:
                    what += w * len(k)
                    own += len(k) if w == 1 else 0
        if f.noun and scope.text.startswith(f.noun, fig.end):
            kw += 2  # "6个社区": the claim counts what the article counts
        if f.band is not None and desc_bands:
            if any(_same_band(b, f.band) for b in desc_bands):
                kw += 4  # "投资额1亿至5亿元的项目": the band says what is counted
                what += 4
                own += 4
            else:
                continue
        elif f.band is not None and not desc_bands:
            kw -= 2  # a count of projects in one band: the claim must name the band
        if (what < 2 or (not own and what < 4)) and not (specific and fig.unit in SELF_DESCRIBING_UNITS):
            # only the counted noun (社区, 楼) or words of another clause match: the claim's clause does not
            # say what is measured
            continue
        if specific and fig.unit in SELF_DESCRIBING_UNITS and fig.unit == f.unit:
            kw += SELF_DESCRIBING_UNITS[fig.unit]
        if kw < 2:
            continue
        score = kw + (3 if f.refs & scope.near else 1.5 if f.refs & specific else 0) \
            + len(clause_grams & f.quote_grams) * 0.1
        scored.append((score, f))
    scored.sort(key=lambda t: -t[0])
    return scored


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


_PER_WORD = {"月": "每月", "年": "每年", "天": "每天", "周": "每周"}


def compare(fig: Figure, fact: Fact | dict) -> tuple[str, str]:
    """Verdict for a claim figure against one fact of the same thing."""
    rec = fact.rec if isinstance(fact, Fact) else fact
    fv = Decimal(str(rec["value"]))
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
    if fig.high is not None:
        return UNKNOWN, "the claim gives a range; the article gives one figure"
    if fig.value == fv and cq == aq:
        return SUPPORTED, f"the article says {text}"
    if fig.value == fv:
        if aq is None:
            return UNKNOWN, f"the article says exactly {text}; the claim makes it approximate"
        return UNKNOWN, f"the article says {text} (approximate); the claim is worded differently"
    # different numbers: can the claim still be right within the article's approximation?
    if cq == "over" and aq == "over" and rec.get("qualifier") == "以上" and fig.qualifier in ("以上", "超过", "逾", "多于"):
        return UNKNOWN, f"the article only says {text}"  # two lower bounds never contradict
    if aq == "over" and fv < fig.value < fv + _step(fv):
        return UNKNOWN, f"the article only says {text}"
    if aq == "under" and fv - _step(fv) < fig.value < fv:
        return UNKNOWN, f"the article only says {text}"
    if aq == "over" and rec.get("qualifier") == "以上" and fig.value > fv:
        return UNKNOWN, f"the article only says {text}"
    if fig.qualifier in ("以上", "超过", "逾", "多于") and aq is None and fv > fig.value:
        return UNKNOWN, f"the article says {text}: above the claim's lower bound, but not what the claim says"
    if fig.qualifier in ("以下", "不到") and aq is None and fv < fig.value:
        return UNKNOWN, f"the article says {text}: below the claim's upper bound, but not what the claim says"
    if cq == "approx" and abs(fig.value - fv) < _step(fig.value):
        return UNKNOWN, f"the article says {text}; the claim only gives it roughly"
    if cq == "under" and aq is None and fig.value > fv and fig.value - _step(fig.value) < fv:
        return UNKNOWN, f"the article says {text}"  # 近40名 when the article says 39
    if cq == "over" and aq is None and fig.value < fv and fv < fig.value + _step(fig.value):
        return UNKNOWN, f"the article says {text}"  # 1700余名 when the article says 1750
    return CONTRADICTED, f"the article says {text}"


def evidence(fact: Fact | dict) -> dict:
    rec = fact.rec if isinstance(fact, Fact) else fact
    return {"id": rec["id"], "quote": rec.get("quote", ""), "value": rec.get("value"), "unit": rec.get("unit"),
            "text": rec.get("text"), "qualifier": rec.get("qualifier"), "period": rec.get("period")}


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
    c_lo, lo_strict, c_hi, hi_strict = interval_of(fig)
    if (c_lo, c_hi) == (lo, hi) and not lo_strict and not hi_strict:
        return Result(claim, fig, SUPPORTED, f"the article gives the band {inv.get('text')}", ev)
    inside = (lo is None or (c_lo is not None and c_lo >= lo)) and (hi is None or (c_hi is not None and c_hi <= hi))
    if inside:
        return Result(claim, fig, UNKNOWN, f"the article only gives the band {inv.get('text')}", ev)
    below = c_hi is not None and lo is not None and (c_hi < lo or (c_hi == lo and hi_strict))
    above = c_lo is not None and hi is not None and (c_lo > hi or (c_lo == hi and lo_strict))
    if not below and not above:
        return Result(claim, fig, UNKNOWN, f"the claim's band overlaps the article's band {inv.get('text')}", ev)
    return Result(claim, fig, CONTRADICTED, f"outside the article's band {inv.get('text')}", ev)


class Match:
    """A claim figure with its scope, period and candidate facts (best first), before the verdict."""

    __slots__ = ("fig", "scope", "span", "project", "scored")

    def __init__(self, fig: Figure, scope: Scope, span: Span | None, project: dict | None = None,
                 scored: list | None = None) -> None:
        self.fig = fig
        self.scope = scope
        self.span = span
        self.project = project
        self.scored = [] if scored is None else scored


_TARGET = re.compile(r"全年(?:目标|任务|计划)[^□\d]{0,4}$")


def match_figure(reader: Reader, text: str, fig: Figure, all_figs: list[Figure]) -> Match:
    scope = make_scope(reader, text, fig, all_figs)
    fig.rate = _rate_of(text, scope.left, fig)
    # the period nearest the figure: its clause's, else the sentence's (whose year the clause inherits)
    span = claim_span(scope.text, reader.pub_year, reader.as_of)
    own = claim_span(scope.text[scope.left:], reader.pub_year, reader.as_of,
                     default_year=span.start // 12 if span is not None else None)
    span = own or span
    if fig.unit not in ("%", None) and _TARGET.search(text[scope.left:fig.start]):
        # 全年目标19亿元: a yearly target, whatever period the sentence is about
        y = span.start // 12 if span is not None else reader.pub_year
        if y is not None:
            span = Span(_month(y, 1), _cap(_month(y, 12), reader.as_of))
    if fig.is_money or fig.unit is None:
        in_clause = [r for r in reader.named(scope.clause) if r["id"] in reader.project_ids]
        if in_clause and (fig.is_money or fig.value >= 10**4):
            return Match(fig, scope, span, project=in_clause[-1])
    descriptors = [f for f in all_figs if f.descriptor and f is not fig]
    scored = candidates(reader, fig, scope, descriptors)
    if not scored and fig.is_money:
        earlier = [r for r in reader.named(scope.text) if r["id"] in reader.project_ids]
        if earlier:
            return Match(fig, scope, span, project=earlier[-1])
    return Match(fig, scope, span, scored=scored)


def assign(matches: list[Match], depth: int = 3) -> None:
    """One fact is the meaning of one figure of a sentence: the figures share the facts out so that the
    total score is highest ("财税收入4.3亿元、固定资产投资86亿元": 86亿元 is not the 财税收入). A fact
    given to another figure is dropped from a figure's candidates."""
    ms = [m for m in matches if m.scored]
    if len(ms) < 2:
        return
    options = [[f for _, f in m.scored[:depth]] for m in ms]
    scores = [{f.id: s for s, f in m.scored[:depth]} for m in ms]
    best_total, best_pick = -1.0, None
    if len(ms) <= 6:
        def walk(i: int, used: set, total: float, pick: list):
            nonlocal best_total, best_pick
            if i == len(ms):
                if total > best_total:
                    best_total, best_pick = total, list(pick)
                return
            for f in options[i]:
                if f.id not in used:
                    walk(i + 1, used | {f.id}, total + scores[i][f.id], pick + [f.id])
            walk(i + 1, used, total, pick + [None])
        walk(0, set(), 0.0, [])
    else:  # greedy, in order
        used: set = set()
        best_pick = []
        for opts in options:
            f = next((f for f in opts if f.id not in used), None)
            best_pick.append(f.id if f else None)
            if f:
                used.add(f.id)
    taken = {fid: i for i, fid in enumerate(best_pick) if fid is not None}
    for i, m in enumerate(ms):
        m.scored = [(s, f) for s, f in m.scored if taken.get(f.id, i) == i]


def decide(reader: Reader, m: Match, claim: str) -> Result:
    fig, span = m.fig, m.span
    if m.project is not None:
        return check_project(reader, fig, m.project, claim, span)
    scored = m.scored
    if not scored:
        return Result(claim, fig, UNKNOWN, "the article says nothing that matches this figure")
    best = scored[0][0]
    top = [f for s, f in scored if best - s < 0.5]
    if span is not None:
        fitting = [f for f in top if period_fits(span, f.span)]
        if not fitting:
            f = top[0]
            return Result(claim, fig, UNKNOWN,
                          f"the article gives this for {f.rec.get('period_text') or f.rec.get('period') or 'no stated period'}, "
                          f"not for the claim's period ({span})", [evidence(f) for f in top])
        top = fitting
    elif any(f.past for f in top) and not _PAST_WORDS.search(m.scope.text):
        f = next(f for f in top if f.past)
        return Result(claim, fig, UNKNOWN, f"the article gives {f.rec.get('text')} as a past state "
                      f"({f.rec.get('period_text')}, {f.rec.get('period')}); the claim says nothing of when",
                      [evidence(f) for f in top])
    if _FUTURE.search(m.scope.text[m.scope.left:]) and all(f.rec.get("status", "actual") == "actual" for f in top):
        f = top[0]
        return Result(claim, fig, UNKNOWN, f"the claim speaks of a plan; the article gives {f.rec.get('text')} as done",
                      [evidence(f) for f in top])
    verdicts = [(compare(fig, f), f) for f in top]
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
    if verdict == SUPPORTED:
        said = m.scope.text
        other = reader.other_noun(fact, said, fig.end)
        if other is not None and fact.noun and not any(said.startswith(k, fig.end) for k in (fact.noun, *fact.keywords)):
            # "20名城管队员组成专职巡防队": the number is the patrol's, the people are the emergency team's
            return Result(claim, fig, UNKNOWN, f"the claim counts {other.noun} ({other.rec.get('text')} in the "
                          f"article), the matching figure counts {fact.rec.get('text')}",
                          [evidence(fact), evidence(other)])
    return Result(claim, fig, verdict, reason, [evidence(fact)] + [evidence(f) for f in top if f is not fact])


def check_sentence(reader: Reader, sentence: str, claim: str | None = None) -> list[Result]:
    """Every figure of one sentence (empty when it has none)."""
    canon = _canon(sentence)
    figs = read_figures(canon, reader)
    matches = [match_figure(reader, canon, f, figs) for f in figs if not f.descriptor]
    assign(matches)
    claim = sentence.strip() if claim is None else claim
    return [decide(reader, m, claim) for m in matches]


def check_claim(reader: Reader, text: str) -> list[Result]:
    """Every figure of one sentence, checked. BadInput when the sentence has no figure."""
    if not text.strip():
        raise BadInput("empty claim")
    results = check_sentence(reader, text)
    if not results:
        shown = text.strip()[:40]
        raise BadInput(f"no figure to check in {shown!r}: a claim needs a number (36栋, 4.3亿元, 52%)")
    return results


def combined(results: list[Result]) -> str:
    return max((r.verdict for r in results), key=VERDICT_ORDER.__getitem__)


# ---------------------------------------------------------------- drafts

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def sentences(draft: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(draft) if s.strip()]


def check_draft(reader: Reader, draft: str) -> list[Result]:
    results: list[Result] = []
    for sentence in sentences(draft):
        results.extend(check_sentence(reader, sentence))
    return results


# ---------------------------------------------------------------- ask


def ask(reader: Reader, question: str, limit: int = 5) -> list[dict]:
    q = question.strip()
    if not q:
        raise BadInput("empty question")
    canon = _canon(q)
    m = _ASK_UNIT.search(canon)
    want = None if not m else ("元" if m.group(1) == "钱" else m.group(1))
    if want is None and _ASK_AGE.search(canon):
        want = "岁"
    text = _QUESTION_WORDS.sub("", canon)
    named = [r for r in reader.named(text) if r["id"] not in reader.silent_people]
    specific = {r["id"] for r in named if r["id"] not in reader.broad}
    span = claim_span(text, reader.pub_year, reader.as_of)
    grams = _bigrams(text)
    out = []
    for f in reader.facts:
        if specific and not (f.refs & specific):
            continue
        kw = float(sum(len(k) for k in f.keywords if k in text))
        if want and unit_class(want) == f.unit_class or (want in MONEY and f.unit in MONEY):
            kw += SELF_DESCRIBING_UNITS.get(want, 1) if specific else 1
        if f.band is not None:
            kw -= 2
        if kw < 2:
            continue
        score = kw + (3 if f.refs & specific else 0) + 0.1 * len(grams & f.quote_grams)
        if span is not None and not period_fits(span, f.span):
            score -= 3
        out.append({**evidence(f), "metric": f.rec.get("metric"), "subject": f.rec.get("subject_name"),
                    "score": round(score, 2)})
    out.sort(key=lambda r: (-r["score"], r["id"]))
    if not out:
        raise JzError(f"the article has no figure that answers {q[:40]!r}", 1)
    return out[:limit]
