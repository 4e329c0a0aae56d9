"""`jzcli check` on "all of a whole in a state" and on a figure of no named subject (issue 8), by general rules
computed from facts.json, several wordings each with exact verdicts:
- the claim's figure is a whole (开工的36栋楼) and it gives all of it another state: the parts' stages settle it
  (the vocabulary's `within`: 29栋 完工 of 36栋: not all; 29栋 完工 + 7栋 主体封顶 = 36栋: all topped), with the
  derivation, whether or not the claim names the subject;
- a figure that is one subject's value in the claim's words and states is never contradicted by another
  subject's figure when the claim names neither subject.

Every expected value is computed from facts.json (tests/test_ask_stages.py: the whole, its parts, `within`)."""

from __future__ import annotations

import pytest

from jzcli import check as ck
from jzcli import factbase
from tests.test_ask_stages import FIGS, REC, STARTED, WHO, at_or_past

S, C, U = "supported", "contradicted", "unknown"
N = STARTED["text"]
# another subject's count in the whole's unit and its state, of another value (西郭庄 开工的13栋)
OTHER = next(f for f in FIGS if f["unit"] == STARTED["unit"] and f["subject"] != STARTED["subject"]
             and "开工" in (f.get("keywords") or []) and f["value"] != STARTED["value"])
OTHER_WHO = (REC[OTHER["subject"]].get("aliases") or [REC[OTHER["subject"]]["name"]])[0]


@pytest.fixture(scope="module")
def reader():
    return ck.Reader(factbase.load(None))


def expected(state: str) -> str:
    n = at_or_past(state)
    assert n is not None
    return S if n == STARTED["value"] else C


NAMES = (WHO, *REC[STARTED["subject"]].get("aliases", []), "")  # the subject as named, and no subject
WORDINGS = [(f"{who}开工的{N}{says}", state) for who in NAMES for says, state in [
    ("都完工了", "完工"), ("都已完工", "完工"), ("已全部完工", "完工"), ("全部建成", "完工"),
    ("已全部封顶", "主体封顶"), ("都已主体封顶", "主体封顶"), ("全部封顶了", "主体封顶"),
    ("都已交付", "交付"), ("已全部交付使用", "交付")]]


@pytest.mark.parametrize("claim,state", WORDINGS)
def test_all_of_a_whole_by_stages(reader, claim, state):
    (r,) = [r for r in ck.check_claim(reader, claim) if r.figure is not None]
    assert r.verdict == expected(state), (claim, r.verdict, r.reason)
    d = r.as_json()["derivation"]
    assert d["kind"] == "stages" and STARTED["id"] in {i["id"] for i in d["inputs"]}, d
    n = at_or_past(state)
    assert d["formula"].endswith(f"= {n if n == STARTED['value'] else STARTED['value'] - n}{STARTED['unit']}"), d


def test_there_is_a_yes_and_a_no():
    assert {expected(s) for s in ("完工", "主体封顶", "交付")} == {S, C}


@pytest.mark.parametrize("claim,verdict", [
    # the other subject named: its own value settles it
    (f"{OTHER_WHO}开工的{N}都完工了", C),
    (f"{OTHER_WHO}开工的{OTHER['text']}主体已完工", S),
    # no subject named: the whole's own subject's figure, not the other's (unknown, never contradicted)
    (f"开工的{N}主体已完工", U),
    (f"开工的{N}已完工", U),
    # no "all": a count of the whole in its own state is the whole's
    (f"{WHO}开工{N}", S),
])
def test_another_subjects_figure(reader, claim, verdict):
    results = ck.check_claim(reader, claim)
    assert ck.combined(results) == verdict, (claim, [(r.verdict, r.reason) for r in results])
