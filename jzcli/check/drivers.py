"""Drivers: a claim, a sentence, a draft, a question."""

from __future__ import annotations

import re

from jzcli.check import weights as W
from jzcli.check.index import Reader
from jzcli.check.matching import assign, match_figure
from jzcli.check.periods import claim_span, period_fits
from jzcli.check.reading import (
    _UNITS_RE,
    MONEY,
    NUMERAL_FORMS,
    _bigrams,
    read_figures,
    unit_class,
)
from jzcli.check.verdict import Result, decide, evidence
from jzcli.errors import BadInput, NotFound
from jzcli.text import canon as _canon

_QUESTION_WORDS = re.compile(r"多少|几[个名人栋套家辆座处台米场项次天]?|什么|哪些|哪个|是否|吗|呢|？|\?")
_ASK_UNIT = re.compile(rf"(?:多少|几)({_UNITS_RE}|钱)")
_ASK_AGE = re.compile(r"多大年纪|多大岁数|年纪|岁数|几岁|多少岁|年龄")

def check_sentence(reader: Reader, sentence: str, claim: str | None = None) -> list[Result]:
    """Every figure of one sentence (empty when it has none)."""
    canon = _canon(sentence).translate(NUMERAL_FORMS)
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


_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def sentences(draft: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(draft) if s.strip()]


def check_draft(reader: Reader, draft: str) -> list[Result]:
    results: list[Result] = []
    for sentence in sentences(draft):
        results.extend(check_sentence(reader, sentence))
    return results


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
            kw += W.SELF_DESCRIBING_UNITS.get(want, 1) if specific else 1
        if f.band is not None:
            kw -= W.UNNAMED_BAND_PENALTY
        if kw < W.MIN_SCORE:
            continue
        score = kw + (W.ASK_SUBJECT_BONUS if f.refs & specific else 0) + W.BIGRAM_WEIGHT * len(grams & f.quote_grams)
        if span is not None and not period_fits(span, f.span):
            score -= W.ASK_WRONG_PERIOD_PENALTY
        out.append({**evidence(f), "metric": f.rec.get("metric"), "subject": f.rec.get("subject_name"),
                    "score": round(score, 2)})
    out.sort(key=lambda r: (-r["score"], r["id"]))
    if not out:
        raise NotFound(f"the article has no figure that answers {q[:40]!r}")
    return out[:limit]
