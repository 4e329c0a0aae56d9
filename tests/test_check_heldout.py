"""Held-out claims, written by independent fact-checkers from the article alone (tests/data/heldout_*_claims.jsonl:
id, kind, claim, verdict, article_value, reason, quote), each set added to the suite after the score on it was
measured: set A (188 claims; blind 118 right, 23 harmful; after the rules it led to 136, 0 harmful) and set B
(130 claims, written later and measured blind after the tuning on set A: 90 right, 4 harmful; after the 4 were
fixed by general rules, 92 right, 0 harmful). The relations between facts (multiples, differences, sums, orders,
superlatives, the order of and time between events), the remainders of nesting states and of a target, and
exit 2 only for claims with nothing checkable, and honours named without their level raised them to A 167
and B 105, 0 harmful. From then on sets A and B are regression sets: rules were written against their failures.
Set C (170 claims, with superlatives and the order of events as kinds of their own) was written while those rules
were being built, by a fact-checker who saw only the article, and scored blind: 93 right, 8 harmful, 5 exit 2 on
the code of the session's start (852568e); 115 right, 7 harmful, 7 exit 2 (all right) on the finished checker.
The 7 were then fixed by general rules (a member's superlative against its kind's figures, an order or rank no
rule settles is unknown, an event dated 截至目前 has no start, a claim of finishing against a dated start, a
compound's community, a rival figure's measure named, a claim that places all of them): 120 right, 0 harmful.

Every claim must be NOT harmful: a claim the article supports is never "contradicted", a false or unsettled one
never "supported", an unsettled one never "contradicted". A claim with nothing checkable exits 2. The share of
right verdicts may not fall below the level reached (a floor, per kind and in all), so a change that loses right
answers shows here even when it does no harm.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from jzcli import check as ck
from jzcli import factbase
from jzcli.errors import BadInput

DATA = Path(__file__).resolve().parent / "data"
SETS = {name: [json.loads(line) for line in (DATA / f"heldout_{name}_claims.jsonl").read_text(encoding="utf-8")
               .splitlines() if line.strip()] for name in ("a", "b", "c")}
ROWS = [row for rows in SETS.values() for row in rows]

# the share right measured when each set was added (the floor): all claims, and right answers per kind
FLOOR_ALL = {"a": 0.88, "b": 0.80, "c": 0.70}
FLOOR_BY_KIND = {
    "a": {"arithmetic": 15, "attribute": 12, "band": 14, "comparison": 16, "count": 12, "date": 15, "honour": 15,
          "no_checkable": 7, "restated": 16, "state": 12, "wrong_subject": 15, "wrong_value": 18},
    "b": {"arithmetic": 9, "attribute": 8, "band": 8, "comparison": 10, "count": 8, "date": 10, "honour": 10,
          "no_checkable": 5, "restated": 10, "state": 8, "wrong_subject": 8, "wrong_value": 11},
    "c": {"arithmetic": 11, "attribute": 7, "band": 7, "comparison": 11, "count": 7, "date": 10, "honour": 11,
          "no_checkable": 7, "order": 5, "restated": 11, "state": 9, "superlative": 3, "wrong_subject": 9,
          "wrong_value": 12},
}


@pytest.fixture(scope="module")
def reader():
    return ck.Reader(factbase.load(None))


def verdict_of(reader, claim: str) -> str:
    try:
        return ck.combined(ck.check_claim(reader, claim))
    except BadInput:
        return "refuse"


def harmful(expected: str, got: str) -> bool:
    return (got == ck.SUPPORTED and expected != ck.SUPPORTED) or (got == ck.CONTRADICTED and expected != ck.CONTRADICTED)


def test_the_sets_are_the_fact_checkers():
    assert {name: len(rows) for name, rows in SETS.items()} == {"a": 188, "b": 130, "c": 170}
    for rows in SETS.values():
        assert {r["verdict"] for r in rows} == {"supported", "contradicted", "unknown", "refuse"}
    assert len({r["id"] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_no_claim_gets_a_harmful_verdict(reader, row):
    got = verdict_of(reader, row["claim"])
    assert not harmful(row["verdict"], got), (row["claim"], row["verdict"], got, row.get("article_value"))
    if row["verdict"] == "refuse":
        assert got in ("refuse", ck.UNKNOWN)
    if got == "refuse":
        assert row["verdict"] == "refuse", (row["claim"], "refused a claim the fact-checker could check")


@pytest.mark.parametrize("row", [r for r in ROWS if r["verdict"] == "refuse"], ids=lambda r: r["id"])
def test_a_claim_with_nothing_to_check_exits_2_or_is_unknown(cli, row):
    r = cli("check", row["claim"], "--json")
    assert r.code in (1, 2) and "Traceback" not in r.err
    if r.code == 2:
        assert r.out == "" and r.err.strip()
    else:
        assert r.json["verdict"] == ck.UNKNOWN


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_share_right_does_not_fall(reader, name):
    right = collections.Counter()
    for row in SETS[name]:
        right[row["kind"]] += verdict_of(reader, row["claim"]) == row["verdict"]
    total = sum(right.values())
    assert total / len(SETS[name]) >= FLOOR_ALL[name], (total, dict(right))
    low = {k: (right[k], n) for k, n in FLOOR_BY_KIND[name].items() if right[k] < n}
    assert not low, low
