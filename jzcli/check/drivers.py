"""Drivers: a claim, a sentence, a draft. (Questions: jzcli/ask/.)"""

from __future__ import annotations

import re

from jzcli.check.index import Reader
from jzcli.check.matching import assign, match_figure
from jzcli.check.reading import (
    NUMERAL_FORMS,
    read_figures,
)
from jzcli.check.verdict import Result, decide
from jzcli.errors import BadInput
from jzcli.text import canon as _canon


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
