"""Checking a reporter's claim against the article: supported / contradicted / unknown, with evidence.

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


The package's modules are the checker's stages, each with one job:
  reading    a claim's numbers, units, qualifiers, ranges, rates, and the interval a figure allows
  periods    the period a claim names and the period a fact holds for (months)
  vocab      the words that say when (past / present / plan); curated vocabulary lives in facts.json
  index      the fact base read once per process (Reader): names, keywords, unit classes, bands
  scope      which words and subjects of a sentence belong to one figure
  matching   candidate facts for a figure, scored (weights: weights.py), shared out in a sentence
  relations  two facts related by a claim (倍, 比…多, 共有, 多于, 每套, 最多, 之前, 早了近一年), with the arithmetic
  verdict    supported / contradicted / unknown, with the evidence
  drivers    check_claim, check_sentence, check_draft, sentences
"""

from __future__ import annotations

from jzcli.check.drivers import check_claim, check_draft, check_sentence, sentences
from jzcli.check.index import Fact, Reader
from jzcli.check.matching import Match, assign, candidates, match_figure
from jzcli.check.periods import Span, claim_span, fact_span, period_fits
from jzcli.check.reading import (
    MONEY,
    Figure,
    band_of,
    interval_of,
    read_figures,
    unit_class,
    units_compatible,
)
from jzcli.check.scope import Scope, make_scope
from jzcli.check.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNKNOWN,
    VERDICT_ORDER,
    Result,
    check_project,
    combined,
    compare,
    decide,
    evidence,
)

__all__ = [
    "CONTRADICTED", "MONEY", "SUPPORTED", "UNKNOWN", "VERDICT_ORDER", "Fact", "Figure", "Match", "Reader",
    "Result", "Scope", "Span", "assign", "band_of", "candidates", "check_claim", "check_draft",
    "check_project", "check_sentence", "claim_span", "combined", "compare", "decide", "evidence", "fact_span",
    "interval_of", "make_scope", "match_figure", "period_fits", "read_figures", "sentences", "unit_class",
    "units_compatible",
]
