"""Reading a reporter's question: what it asks for, the things it names, its period, the unit it wants.

The words are read by the checker's reading layer (jzcli.check: canonical text, names of units, projects,
people and places, numbers with their units and qualifiers, periods), so `ask` and `check` understand a
sentence the same way. Everything this package takes from the checker is imported here, in one place.
"""

from __future__ import annotations

from jzcli.check.drivers import check_sentence
from jzcli.check.index import Reader
from jzcli.check.periods import _show_month as show_month
from jzcli.check.periods import claim_span, fact_span, period_fits
from jzcli.check.reading import BOUNDS, COUNT_UNITS, MONEY, band_of, read_figures, unit_class
from jzcli.check.reading import _bigrams as bigrams
from jzcli.check.verdict import CONTRADICTED, SUPPORTED, UNKNOWN
from jzcli.check.verdict import combined as combined_verdict
from jzcli.lazyre import Pattern  # a regular expression compiled when first used
from jzcli.text import canon

__all__ = ["Reader", "check_sentence", "claim_span", "fact_span", "period_fits", "show_month", "BOUNDS",
           "COUNT_UNITS", "MONEY", "band_of", "read_figures", "unit_class", "bigrams", "CONTRADICTED", "SUPPORTED",
           "UNKNOWN", "combined_verdict", "canon", "Question", "Words", "Pattern", "ordinal_clash"]

class Words:
    """A set of plain words found by substring: what a regular expression of literal alternatives does,
    without compiling one at start-up (each compiled pattern costs ~0.2 ms of every `jzcli ask`)."""

    __slots__ = ("words",)

    def __init__(self, alternatives: str) -> None:
        self.words = tuple(alternatives.split("|"))

    def search(self, text: str) -> str | None:
        """The first word (in the order given) found in text, or None."""
        return next((w for w in self.words if w in text), None)

    def all(self, text: str) -> list[str]:
        return [w for w in self.words if w in text]


# ---------------------------------------------------------------- what a question asks for

HOW_MANY, WHEN, WHO, WHICH, YES_NO = "how_many", "when", "who", "which", "yes_no"

# Interrogative words by what they ask for, as plain words (no pattern compiled at start-up). A question may
# ask several (多久: a duration or a date). Words of an earlier kind are taken out before a later kind is read:
# 什么时候 asks when, not which; 几月 / 几号 ask for a date, other 几 for a number; 哪几 lists.
_WHEN = Words("什么时候|什么时间|啥时候|何时|何年|哪年|哪一年|哪天|哪一天|哪个月|哪月|几月|几号|哪段时间|多久|"
              "多长时间|时间是|日期|成立时间|哪个时候")
_WHO = Words("谁|哪位|哪一位|叫什么|什么人|何人|名字|姓名|哪个人|哪些人")
_HOW_MANY = Words("多少|几|多大|多长|多高|多远|多重|多久|比例|占比|百分之几|几成|多少倍|几倍|人数|数量|总额|金额|面积|规模")
_HOW_MANY_ENDS = ("数", "率")  # 楼栋数, 创建率: a noun that asks for a number
_WHICH = Words("哪些|哪几|哪个|哪家|哪所|哪条|哪类|哪种|哪项|哪一|哪里|哪儿|什么|何种|啥|名单|分别是|有哪|是哪")
# Nouns that make a statement a question without a question word (面积多大 → 面积); in a yes/no question
# (面积是16平方公里吗) they ask nothing.
_NOMINAL = Words("人数|数量|总额|金额|面积|规模|时间是|成立时间|日期|名字|姓名|名单|比例|占比")
_YES_NO_WORDS = Words("是否|有没有|是不是|有无|对不对|能不能|可不可以|对吗|没有吗")
_END_PUNCT = "？?！!。 \t"
# Question words and particles that carry no content: left out when the question is matched to records
# (longest first, so 哪几个 goes before 哪).
_FILLER = sorted(("多少|多大|多长|多高|多久|多长时间|几个|几|什么时候|什么时间|什么|哪些|哪几个|哪几|哪个|哪位|哪一|哪|谁|"
                  "是否|有没有|是不是|有无|吗|呢|请问|一下|知道|告诉我|？|?|！|!|。|，|,|、").split("|"), key=len, reverse=True)

# The unit a "多少 X" asks for: a counting unit of the checker, or one of these words.
_WANT_WORDS = {"钱": "元", "亿": "元", "万": "元", "亿元": "元", "万元": "元", "倍": "倍", "成": "%",
               "年纪": "岁", "岁数": "岁", "吨": "吨"}
_UNITS = sorted((*COUNT_UNITS, *_WANT_WORDS), key=len, reverse=True)
_WANT_SHARE = Words("百分之几|比例|占比|百分比|几成")
_WANT_AGE = Words("多大年纪|多大岁数|几岁|多少岁|年龄|年纪")
_WANT_MONEY = Words("多少钱|多少资金|金额|总额|投入多少|收入多少|多少亿|多少万")


def _without(text: str, words: Words) -> str:
    for w in words.words:
        text = text.replace(w, "|")
    return text


def _reads(c: str) -> list[str]:
    """What a (canonical) question asks for, in the order when, who, how many, which."""
    asks = [kind for kind, words in ((WHEN, _WHEN), (WHO, _WHO)) if words.search(c)]
    numeric = c.replace("哪几", "|").replace("几月", "|").replace("几号", "|")
    if _HOW_MANY.search(numeric) or c.rstrip(_END_PUNCT).endswith(_HOW_MANY_ENDS):
        asks.append(HOW_MANY)
    if _WHICH.search(_without(_without(c, _WHEN), _WHO)):
        asks.append(WHICH)
    return asks


def _is_yes_no(c: str) -> bool:
    end = c.rstrip(_END_PUNCT)
    if end.endswith(("吗", "嘛", "了没有", "了没")) or (end.endswith("么") and not end.endswith(("什么", "怎么"))):
        return True
    return _YES_NO_WORDS.search(c) is not None


def _statement(c: str) -> str:
    """The statement a yes/no question asks about: 是否 / 是不是 out, 有没有 → 有, the final 吗 out."""
    for w in ("是不是", "是否"):
        c = c.replace(w, "")
    for w in ("有没有", "有无"):
        c = c.replace(w, "有")
    c = c.rstrip(_END_PUNCT)
    for tail in ("对不对", "对吗", "是吗", "没有", "没", "吗", "么", "嘛"):  # 投入使用了没有 → 投入使用了
        if c.endswith(tail) and not c.endswith(("什么", "怎么")):
            c = c[: -len(tail)]
            break
    return c.replace("？", "").replace("?", "")


def _filler_out(text: str) -> str:
    for w in _FILLER:
        text = text.replace(w, "|")
    return text


class Question:
    """A question, read once: everything the answerers look at."""

    __slots__ = ("text", "canon", "asks", "want", "named", "masked", "body", "grams", "span", "figures",
                 "statement", "reader", "ordinals")

    def __init__(self, reader: Reader, text: str) -> None:
        self.reader = reader
        self.text = text.strip()
        self.canon = canon(self.text)
        c = self.canon
        asks = _reads(c)
        if _is_yes_no(c):
            # 面积是16平方公里吗: a noun (面积, 时间, 名字) is not a question word; only 多少 / 谁 / 哪 … are
            if not ({WHO, WHEN, HOW_MANY} & set(_reads(_without(c, _NOMINAL)))) and "哪" not in c:
                asks = [YES_NO]
        self.asks = tuple(asks)
        self.want = _wanted_unit(c)
        # names: (start, end, record); a place stands for itself here (the answerers decide what it means)
        self.named = [(s, e, r) for s, e, r in reader.named_spans(c)]
        masked = list(c)
        for s, e, _ in self.named:
            masked[s:e] = "□" * (e - s)
        self.masked = "".join(masked)  # the question with names hidden: what kind of thing it asks about
        self.body = _filler_out(c)
        # the content words, names left out (a name is matched as a link to the record, not as words)
        # and numbers left out (they are compared as numbers: 1亿元以上 is not 10亿元以上)
        self.grams = {g for g in bigrams(_filler_out(self.masked))
                      if "|" not in g and "□" not in g and not any(ch.isdigit() for ch in g)}
        self.span = claim_span(c, reader.pub_year, reader.as_of, present=reader.vocab.present)
        self.figures = read_figures(c, reader)
        self.statement = _statement(c)
        self.ordinals = ordinals(c)

    def __repr__(self) -> str:
        return f"Question({self.text!r}, asks={self.asks}, want={self.want!r})"

    def asks_for(self, kind: str) -> bool:
        return kind in self.asks

    @property
    def ids(self) -> set[str]:
        return {r["id"] for _, _, r in self.named}

    def records(self, prefix: str) -> list[dict]:
        """Named records whose id starts with prefix ("unit:", "project:", "person:", "place:"), in order."""
        out: list[dict] = []
        for _, _, r in self.named:
            if r["id"].startswith(prefix) and r not in out:
                out.append(r)
        return out


_ORDINAL = Pattern(r"第([一二三四五六七八九十两\d]+)(批|期|次|届|轮|阶段)")


def ordinals(text: str) -> dict[str, str]:
    """第一批 / 第二期: counter → number, as written (第二批 → {"批": "二"})."""
    return {m.group(2): m.group(1) for m in _ORDINAL.finditer(text or "")}


def ordinal_clash(q: Question, text: str) -> bool:
    """The question names one of a series (第二批) and the text another of the same series (第一批)."""
    if not q.ordinals:
        return False
    theirs = ordinals(text)
    return any(k in theirs and theirs[k] != v for k, v in q.ordinals.items())


def _wanted_unit(c: str) -> str | None:
    if _WANT_AGE.search(c):
        return "岁"
    at = c.find("占")
    if _WANT_SHARE.search(c) or (at >= 0 and ("多少" in c[at:at + 16] or "几成" in c[at:at + 16])):
        return "%"
    for word in ("多少", "几"):
        start = c.find(word)
        while start >= 0:
            after = start + len(word)
            if not (word == "几" and c[start - 1:start] == "哪"):
                if c.startswith("个", after) and not c.startswith("个人", after):
                    return "个"
                unit = next((u for u in _UNITS if c.startswith(u, after)), None)
                if unit:
                    return _WANT_WORDS.get(unit, unit)
            start = c.find(word, after)
    if _WANT_MONEY.search(c) or any("多少" in c[i:i + 8] for i in range(len(c)) if c.startswith("投资", i)):
        return "元"
    if "多久" in c or "多长时间" in c:
        return "time"
    if "面积" in c and "多" in c:
        return "平方公里"
    return None


def overlap(q: Question, text: str) -> int:
    """How many of the question's content bigrams a text holds."""
    return len(q.grams & bigrams(canon(text)))
