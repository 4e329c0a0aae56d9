"""Periods as intervals of months: the period a fact holds for, the period a claim names, and whether they fit."""

from __future__ import annotations

import re

from jzcli.check.reading import _HALF, _YEAR_SPAN
from jzcli.lazyre import lazy


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


_P_YEAR = lazy(r"(\d{4})")
_P_HALF = lazy(r"(\d{4})-H([12])")
_P_MONTH = lazy(r"(\d{4})-(\d\d)")
_P_RANGE = lazy(r"(\d{4})(?:-(\d\d))?(?:-\d\d)?/(\d{4}|now)(?:-(\d\d))?(?:-\d\d)?")


def fact_span(period: str | None, as_of: int | None) -> Span | None:
    """facts.json period strings: "2017", "2018-H1", "2017-11", "2016/2018-08", "2018-01/2018-06"."""
    if not period:
        return None
    m = _P_YEAR.fullmatch(period)
    if m:
        y = int(m.group(1))
        return Span(_month(y, 1), _cap(_month(y, 12), as_of))
    m = _P_HALF.fullmatch(period)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return Span(_month(y, 1 if h == 1 else 7), _cap(_month(y, 6 if h == 1 else 12), as_of))
    m = _P_MONTH.fullmatch(period)
    if m:
        t = _month(int(m.group(1)), int(m.group(2)))
        return Span(t, t, point=True)
    m = _P_RANGE.fullmatch(period)
    if m:
        start = _month(int(m.group(1)), int(m.group(2) or 1))
        if m.group(3) == "now":
            end = as_of if as_of is not None else start
        else:
            end = _cap(_month(int(m.group(3)), int(m.group(4) or 12)), as_of)
        return Span(start, end)
    m = _P_YEAR.match(period)
    if m:
        y = int(m.group(1))
        return Span(_month(y, 1), _cap(_month(y, 12), as_of))
    return None


def _cap(end: int, as_of: int | None) -> int:
    return min(end, as_of) if as_of is not None else end


_CLAIM_YEAR = lazy(r"(?<!\d)(1[89]\d\d|20\d\d)年(?:度)?|(今年|去年|前年|明年)")
_MONTH_AFTER = lazy(r"(?:年初|年)?(\d{1,2})月(?:份)?")


_FULL_YEAR = lazy(r"全年(?!目标|任务|计划)")
_MONTH_SINCE = lazy(r"(?<![\d年])(\d{1,2})月(?:份)?以来")


def claim_span(text: str, pub_year: int | None, as_of: int | None, default_year: int | None = None,
               present: re.Pattern | None = None) -> Span | None:
    """The period a claim states, or None when it states none. `default_year`: the year of the sentence
    when this part of it only says 上半年 / 全年 / 5月份以来. `present`: the words that say "now" (目前, the
    vocabulary's `present` terms): the claim is then about the article's own time."""
    # every pattern below but `present` needs 年 or 月: a text without them is not scanned for them
    has_year, has_month = "年" in text, "月" in text
    m = _YEAR_SPAN.search(text) if has_year else None
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return Span(_month(a, 1), _cap(_month(b, 12), as_of))
    year = month = None
    m = _CLAIM_YEAR.search(text) if has_year else None
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
    half = _HALF.search(text) if has_year or has_month else None
    if half:
        if fallback is None:
            return None
        first = not half.group().startswith("下")
        return Span(_month(fallback, 1 if first else 7), _cap(_month(fallback, 6 if first else 12), as_of))
    if year is None:
        ms = _MONTH_SINCE.search(text) if has_month else None
        if ms and fallback and 1 <= int(ms.group(1)) <= 12:
            return Span(_month(fallback, int(ms.group(1))), as_of if as_of is not None else _month(fallback, 12))
        if has_year and _FULL_YEAR.search(text) and fallback:
            return Span(_month(fallback, 1), _cap(_month(fallback, 12), as_of))
        if present is not None and present.search(text) and as_of is not None:
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
