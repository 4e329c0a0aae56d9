"""The checker's vocabulary: states of works, the words that say when (past, present, plan), honour levels.

Each entry is data: a kind, a term, the words that say it, and the article's verbatim quote where the article
uses the term. When the fact base has a `vocabulary` table (curated, one record per term), it is read from
there; until then the prototype below is used, in the same shape, so that moving it is copying it.
"""

from __future__ import annotations

import re

# kind, term, words (longest first is not required), quote (verbatim from the article, or "" for a word the
# article does not use but a reporter may: 竣工, 交工)
PROTOTYPE = [
    # states of a building or a works project: different states, never one for another
    {"kind": "state", "term": "开工", "words": ["开工", "动工", "开建", "新开工"], "quote": "大寨店社区开工36栋楼"},
    {"kind": "state", "term": "主体封顶", "words": ["主体封顶", "封顶"], "quote": "7栋楼主体封顶"},
    {"kind": "state", "term": "完工", "words": ["完工", "主体已完工", "主体完工", "建成"], "quote": "其中29栋楼已完工"},
    {"kind": "state", "term": "交付", "words": ["交付", "交付使用"], "quote": "已交付23栋楼"},
    {"kind": "state", "term": "交房", "words": ["交房"], "quote": "预计9月底前交房"},
    {"kind": "state", "term": "交工", "words": ["交工"], "quote": "预计9月底交工并投入使用"},
    {"kind": "state", "term": "初验", "words": ["初验"], "quote": "已全部完成初验"},
    {"kind": "state", "term": "正式竣工验收", "words": ["正式竣工验收", "竣工验收"], "quote": "迎接正式竣工验收"},
    {"kind": "state", "term": "竣工", "words": ["竣工"], "quote": ""},
    {"kind": "state", "term": "地上一层", "words": ["地上一层"], "quote": "5栋楼建设到了地上一层"},
    # when: a past state, the article's present, a plan
    {"kind": "past", "term": "当时", "words": ["当时", "调整前", "之前", "以前", "原来", "曾经", "那时"],
     "quote": "当时辖区面积16平方公里"},
    {"kind": "present", "term": "目前", "words": ["目前", "现在", "现有", "如今", "截至目前", "截止目前", "当前", "至今"],
     "quote": "截至目前,21个海绵城市改造项目已全部完成初验"},
    {"kind": "plan", "term": "预计", "words": ["计划", "预计", "拟", "将要", "即将", "明年", "今后", "未来", "力争", "目标是"],
     "quote": "预计9月底前交房"},
    # honour levels: the body that gives the honour
    {"kind": "level", "term": "国家", "words": ["全国", "国家级", "国家"], "quote": "全国创建无邪教示范街道"},
    {"kind": "level", "term": "省", "words": ["省级", "省", "河南省"], "quote": "省计划生育工作先进单位"},
    {"kind": "level", "term": "市", "words": ["市级", "鹤壁市", "全市", "市"], "quote": "鹤壁市平安建设先进街道"},
]

# words that make a claim speak of a past state (当时 …) also when the fact base does not mark it
PAST_WORDS = re.compile(r"当时|成立|之初|调整前|之前|以前|原来|原有|曾|那时|彼时")


def _alternation(entries: list[dict], kind: str) -> re.Pattern:
    words = sorted({w for e in entries if e["kind"] == kind for w in e["words"]}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


class Vocabulary:
    """The terms of one kind, found in a text: `states(text)` → the state terms it names."""

    def __init__(self, entries: list[dict]) -> None:
        self.entries = entries
        self.state_re = _alternation(entries, "state")
        self.term_of = {w: e["term"] for e in entries if e["kind"] == "state" for w in e["words"]}
        self.level_of = {w: e["term"] for e in entries if e["kind"] == "level" for w in e["words"]}

    def states(self, text: str) -> set[str]:
        return {self.term_of[m.group()] for m in self.state_re.finditer(text)}


def load(fb=None) -> Vocabulary:
    rows = fb.records("vocabulary") if fb is not None else []
    return Vocabulary([dict(r) for r in rows] if rows else PROTOTYPE)


_DEFAULT = Vocabulary(PROTOTYPE)
PAST_MARK = _alternation(PROTOTYPE, "past")
PRESENT = _alternation(PROTOTYPE, "present")
FUTURE = _alternation(PROTOTYPE, "plan")
