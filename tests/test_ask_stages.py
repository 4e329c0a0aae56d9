"""`jzcli ask` yes/no and figures that need more than one fact: a share said in words (一半 is exactly half
unless reached), a per-person figure times the people a total is asked for, 都…了吗 over stages of works, a
relation (指导) with its direction and object, and a share of one subject's figures.

Every expected value is computed here from facts.json (figures, their part_of, the vocabulary's `within`)."""

from __future__ import annotations

import json
from decimal import Decimal
from itertools import combinations

import pytest

from jzcli.ask.numbers import people_named
from jzcli.ask.yesno import shares_as_percent
from tests.conftest import FACTS

DB = json.loads(FACTS.read_text(encoding="utf-8"))
REC = {r["id"]: r for table in DB.values() for r in table.values()}
FIGS = list(DB["figures"].values())
S, C, U = "supported", "contradicted", "unknown"
VOCAB = [e for e in DB["vocabulary"].values() if e.get("kind") == "state"]
WITHIN = {e["term"]: e["within"] for e in VOCAB if e.get("within")}


def state_of(f: dict) -> str | None:
    text = " ".join([f.get("metric") or "", *(f.get("keywords") or [])])
    found = {e["term"] for e in VOCAB for w in e["words"] if w in text}
    return found.pop() if len(found) == 1 else None


def reaches(state: str, asked: str) -> bool:
    """Has every unit in `state` passed `asked` (the same state, or a chain of `within`)?"""
    seen = set()
    while state != asked and state in WITHIN and state not in seen:
        seen.add(state)
        state = WITHIN[state]
    return state == asked


def pct(part: dict, whole: dict) -> Decimal:
    return (Decimal(part["value"]) / Decimal(whole["value"]) * 100).quantize(Decimal("0.1"))


def top(cli, question: str) -> dict:
    return cli("ask", question, "--json").json[0]


# ---------------------------------------------------------------- 一半: exactly half unless it is reached

# a part (in a state) of a whole: 已交付 of 开工 in one community
DELIVERED = next(f for f in FIGS if f.get("part_of") and state_of(f) == "交付")
STARTED = REC[DELIVERED["part_of"]]
WHO = REC[STARTED["subject"]]["name"]


@pytest.mark.parametrize("question", [
    f"{WHO}已交付的楼占开工楼数的一半吗", f"{WHO}开工的楼中已交付的占一半吗", f"{WHO}已交付的楼是开工楼数的一半吗",
    f"{WHO}交付的楼是不是开工楼数的一半"])
def test_a_bare_half_is_exactly_half(cli, question):
    share = pct(DELIVERED, STARTED)
    assert abs(share - 50) > 10  # the article's share is not loosely half (一半 is read as 五成, ±10)
    assert top(cli, question)["verdict"] == C


@pytest.mark.parametrize("question", [f"{WHO}已交付的楼超过开工楼数的一半吗", f"{WHO}已交付的楼过半了吗"])
def test_more_than_half_is_a_bound(cli, question):
    assert top(cli, question)["verdict"] == (S if pct(DELIVERED, STARTED) > 50 else C)


@pytest.mark.parametrize("statement,expected", [
    ("完成了一半", "完成了50%以上"), ("达到了一半", "达到了50%以上"), ("占开工楼数的一半", "占开工楼数的一半"),
    ("是开工楼数的一半", "是开工楼数的一半"), ("过半", "过半"), ("不到一半", "不到一半")])
def test_half_as_percent_only_where_reached(statement, expected):
    """过半 / 不到一半 stay as written: the checker reads them (one reading of shares for check and ask)."""
    assert shares_as_percent(statement) == expected


@pytest.mark.parametrize("claim,more", [
    (f"{WHO}已交付的楼过半", True), (f"{WHO}开工的楼过半数已交付", True), (f"{WHO}大半开工楼栋已交付", True),
    (f"{WHO}已交付的楼多于开工楼数的一半", True), (f"{WHO}已交付的楼少于开工楼数的一半", False),
    (f"{WHO}已交付的楼不到开工楼数的一半", False)])
def test_the_checker_reads_shares_in_words(cli, claim, more):
    r = cli("check", claim, "--json")
    share = pct(DELIVERED, STARTED)
    assert abs(share - 50) > 10  # not loosely half: the bound settles it
    assert r.json["verdict"] == (S if (share > 50) == more else C), r.json["reason"]


# ---------------------------------------------------------------- per person × the people of a total

(PER_HEAD,) = [f for f in FIGS if "人" in (f.get("per") or "").split("·")]
PERSON = next(p["name"] for p in DB["people"].values() if PER_HEAD["subject"] in (p["id"], p.get("unit")))\
    if any(PER_HEAD["subject"] in (p["id"], p.get("unit")) for p in DB["people"].values()) else "邢玉梅"


@pytest.mark.parametrize("question", [
    f"{PERSON}的老伴每月能领多少养老保险", f"{PERSON}和老伴每人每月各领多少养老保险",
    f"{PERSON}夫妇每人每月能领多少养老保险", f"{PERSON}和老伴每月各能领多少养老保险"])
def test_one_persons_figure_is_not_multiplied(cli, question):
    got = top(cli, question)
    assert (got["kind"], got["id"], Decimal(str(got["value"]))) == ("figure", PER_HEAD["id"], Decimal(PER_HEAD["value"]))


@pytest.mark.parametrize("question,heads", [
    (f"{PERSON}和老伴每月一共能领多少养老保险", 2), (f"{PERSON}夫妇每月共领多少养老保险", 2),
    ("二十位老人每月领取养老保险共多少元", 20), ("十二位老人每月领取养老保险合计多少元", 12)])
def test_a_total_is_multiplied(cli, question, heads):
    got = top(cli, question)
    assert (got["kind"], Decimal(str(got["value"]))) == ("derived", Decimal(PER_HEAD["value"]) * heads), got
    assert got["derivation"]["inputs"] == [PER_HEAD["id"]]


@pytest.mark.parametrize("text,heads", [
    ("二十人一共", 20), ("老两口", 2), ("夫妻俩", 2), ("她和老伴合计", 2), ("3位老人", 3),
    ("老伴", None), ("她和老伴每人", None), ("夫妻俩各", None), ("一人", None), ("每人", None)])
def test_people_named(text, heads):
    got = people_named(text)
    assert (got[0] if got else None) == heads


# ---------------------------------------------------------------- 都…了吗 over stages

PARTS = [f for f in FIGS if f.get("part_of") == STARTED["id"] and state_of(f)]


def at_or_past(asked: str) -> int | None:
    """The units of the whole at or past `asked`: a partition of the whole whose every part either reaches the
    state or comes before it; the count of the state itself when no part of a later state outnumbers it."""
    for p in PARTS:
        s = state_of(p)
        if s == asked and not any(reaches(state_of(o), s) and o is not p and o["value"] > p["value"] for o in PARTS):
            return p["value"]
    for n in range(2, len(PARTS) + 1):
        for sub in combinations(PARTS, n):
            if sum(p["value"] for p in sub) == STARTED["value"]:
                if all(reaches(state_of(p), asked) or reaches(asked, state_of(p)) for p in sub):
                    return sum(p["value"] for p in sub if reaches(state_of(p), asked))
    return None


@pytest.mark.parametrize("question,state", [
    (f"{WHO}开工的{STARTED['text']}都已主体封顶了吗", "主体封顶"), (f"{WHO}开工的{STARTED['text']}全部封顶了吗", "主体封顶"),
    (f"{WHO}开工的{STARTED['text']}是不是都封顶了", "主体封顶"), (f"{WHO}开工的{STARTED['text']}都完工了吗", "完工"),
    (f"{WHO}开工的{STARTED['text']}都已交付了吗", "交付")])
def test_all_of_a_whole_by_stages(cli, question, state):
    n = at_or_past(state)
    assert n is not None
    got = top(cli, question)
    assert got["verdict"] == (S if n == STARTED["value"] else C), got
    assert got["value"] == n


def test_there_is_a_yes_and_a_no():
    assert at_or_past("主体封顶") == STARTED["value"] and at_or_past("完工") < STARTED["value"]


# ---------------------------------------------------------------- a relation: its verb, direction and object

(GUIDED,) = [e for e in DB["events"].values() if "的指导下" in e["quote"]]
NAMES = {m: REC[m]["name"] for m in GUIDED["mentions"]}
GUIDE = next(n for n in NAMES.values() if n in GUIDED["quote"].split("的指导下")[0])
FOUNDER = next(n for n in NAMES.values() if n in GUIDED["quote"].split("的指导下")[1])
FOUNDED = GUIDED["quote"].split("成立了")[1]


@pytest.mark.parametrize("question", [
    f"{FOUNDER}{FOUNDED}是在{GUIDE}领导下成立的吗", f"{GUIDE}主导{FOUNDER}成立了{FOUNDED}吗",
    f"{GUIDE}指导{FOUNDER}成立了业主委员会吗", f"{FOUNDER}{FOUNDED}指导{GUIDE}成立吗",
    f"{FOUNDER}指导{GUIDE}成立了{FOUNDED}吗"])
def test_a_relation_said_otherwise_is_not_yes(cli, question):
    assert top(cli, question)["verdict"] != S


@pytest.mark.parametrize("question", [
    f"{FOUNDER}{FOUNDED}是在{GUIDE}指导下成立的吗", f"{GUIDE}指导{FOUNDER}成立了{FOUNDED}吗"])
def test_the_relation_as_said_is_yes(cli, question):
    got = top(cli, question)
    assert got["verdict"] == S and GUIDED["quote"] in {e["quote"] for e in got["evidence"]} | {got.get("note")} \
        or any(GUIDED["quote"] in (e["quote"] or "") for e in got["evidence"]), got


# ---------------------------------------------------------------- a share is of one subject's figures

COMPLETED = next(f for f in PARTS if state_of(f) == "完工")


@pytest.mark.parametrize("question", [f"开工的{STARTED['text']}完成了一半吗", f"开工的{STARTED['text']}完工了一半吗",
                                      f"开工的{STARTED['text']}完工了多少%", f"开工的{STARTED['text']}完工的比例是多少"])
def test_a_share_takes_its_part_from_the_wholes_subject(cli, question):
    found = cli("ask", question, "--json").json
    for a in found:
        ids = (a.get("derivation") or {}).get("inputs") or []
        subjects = {REC[i]["subject"] for i in ids if i in REC and REC[i].get("subject")}
        assert len(subjects) <= 1, a
    if found[0]["kind"] == "derived" and found[0].get("unit") == "%":
        assert Decimal(str(found[0]["value"])) == pct(COMPLETED, STARTED), found[0]


def test_a_share_of_two_subjects_named(cli):
    other = next(f for f in FIGS if f["unit"] == STARTED["unit"] and f["subject"] != STARTED["subject"]
                 and "开工" in (f.get("keywords") or []))
    ow = REC[other["subject"]]["name"]
    got = top(cli, f"{ow}开工的{other['text']}占{WHO}开工的{STARTED['text']}的比例是多少")
    assert Decimal(str(got["value"])) == pct(other, STARTED)


@pytest.mark.parametrize("question,state", [
    (f"开工的{STARTED['text']}都完工了吗", "完工"), (f"开工的{STARTED['text']}都已主体封顶了吗", "主体封顶"),
    (f"开工的{STARTED['text']}都交付了吗", "交付")])
def test_a_whole_no_subject_named_is_the_subject_whose_figure_it_is(cli, question, state):
    """No subject named: the 36栋 is the one community's count (another's 开工的13栋 does not contradict it)."""
    got = top(cli, question)
    assert got["verdict"] == (S if at_or_past(state) == STARTED["value"] else C), got
    assert got["value"] == at_or_past(state)


@pytest.mark.parametrize("bound,op", [("一半以上", "ge"), ("超过一半", "gt"), ("不到一半", "lt"), ("90%以上", "ge90")])
def test_a_derived_share_against_a_bound(cli, bound, op):
    share = pct(COMPLETED, STARTED)
    holds = {"ge": share >= 50, "gt": share > 50, "lt": share < 50, "ge90": share >= 90}[op]
    got = top(cli, f"开工的{STARTED['text']}中有{bound}完工了吗")
    assert got["verdict"] == (S if holds else C), got
