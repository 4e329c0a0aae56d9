"""Reading the operators of a claim around a figure or a statement: sums, differences and remainders, negation,
quantifiers (全部 / 部分), restriction (仅), and a group a figure is a part of ("3个社区中,有2个").

These are words of the language, not facts of the article, so they live here beside the qualifiers of
reading.py. The verdict stage (verdict.guard, statements) uses them: a number the claim presents as a sum or a
difference is never set against a single printed figure; a negated or partly quantified claim never takes the
verdict of the plain one. When the checker cannot read the polarity, it answers unknown.
"""

from __future__ import annotations

import re

from jzcli.lazyre import lazy

# a number the claim presents as a sum of several things ("巡防队和应急小分队共有40人", "两人合计160元")
# a bare 共 before a verb ("共规划建设15栋", "共开工36栋") is a total of what that verb names: group `verb`; the
# guard lets it stand only when the fact's own wording has that verb (the article's 开工36栋 is that total)
SUM = lazy(r"共有|共计|合计|总共|一共|总计|加起来|加在一起|两者|二者|之和|总和|累加"
                 r"|(?<![公总一])共(?![同享产识性通])(?P<verb>[\u4e00-\u9fff]{1,2})")
# a difference, a remainder or a comparison ("比…多330元", "相差", "还有13栋未交付", "还需完成9.04亿元",
# "距目标尚差9.04亿元", "尚有6栋未交付")
DIFFERENCE = lazy(r"比(?!例|重|率)[^，,。；;]{1,24}?(?:多|少|高|低|大|小|增加|减少)|相差|差额|之差|差距"
                        r"|还有|还剩|剩余|剩下|尚未|仍未|还需|还差|还要|增加了?|减少了?|增长了?|下降了?"
                        r"|尚有|尚余|尚需|尚差|尚缺|还缺|仍差|仍需|距[^，,。；;]{1,24}?差")
# an average ("平均每个", "人均"): a quotient, never one printed total
AVERAGE = lazy(r"平均|人均|户均|每个|每项|每人")
# an order between two things said without a number: "A的投资额大于B", "A低于B"
ORDER = lazy(r"(?P<more>大于|高于|超过|多于|超出)|(?P<less>小于|低于|少于|不及|不如)")
# words that negate what follows; bound words (不到, 不足, 不少于 …) are qualifiers, not negation
NEGATION = lazy(r"不包括|不包含|不含|没有|没|并非|并不|不是|不属于|不在|未能|未曾|从未|尚未|仍未|未(?!来)|无(?!论)"
                      r"|不(?!到|足|少于|低于|超过|多于|高于|止|断|忘|仅|但|论|管|久|出|再|同|一|少|错)")
# a negation that excludes the item it governs: a supported statement so negated is contradicted
EXCLUDE = lazy(r"不包括|不包含|不含|没有获得|没有获|未获得|未获|并未获得|不属于|并非|不是")
# a quantifier over part of a group ("仍有部分", "有的", "少数"): a claim about some, not all
PARTIAL = lazy(r"部分|有的|一些|少数|多数|大部分|大多数|个别|有些")
# a quantifier over all of a group ("全部完工", "均已", "都")
UNIVERSAL = lazy(r"全部|全都|均已|均|都已|都|所有|统统|悉数")
# some of a list: "3个社区中,有2个", "其中一半", "部分"
PARTITIVE = lazy(r"中[，,]?(?:有|的)?(?:[\d一二两三四五六七八九十]+个|一半|部分|多数|少数)"
                       r"|其中(?:有)?[\d一二两三四五六七八九十]+个")
# a group the figure is part of: "3个社区中,有2个" / "8个社区(村)中有6个"
GROUP = lazy(r"(?<![\d一二两三四五六七八九十])(?P<n>[\d一二两三四五六七八九十]+)(?:个|名|栋|项|家|座)"
                   r"[^，,。；;\d]{0,10}?中[，,]?(?:有|的|共有)?$")


def found(pattern: re.Pattern, text: str, lo: int = 0, hi: int | None = None) -> re.Match | None:
    return pattern.search(text, lo, len(text) if hi is None else hi)


def outside(pattern: re.Pattern, text: str, lo: int, hi: int, words) -> re.Match | None:
    """The first match of `pattern` in text[lo:hi] that is not inside one of `words` (where they occur)."""
    spans = None  # where the words stand, found once the pattern matches (most often it does not)
    for m in pattern.finditer(text, lo, hi):
        if spans is None:
            spans = []
            for w in words:
                if not w:
                    continue
                at = text.find(w, lo, hi)
                while at != -1:
                    spans.append((at, at + len(w)))
                    at = text.find(w, at + 1, hi)
        if not any(a <= m.start() and m.end() <= b for a, b in spans):
            return m
    return None
