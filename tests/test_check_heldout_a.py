"""Held-out set A: 188 claims an independent fact-checker wrote from the article alone (tests/data/
heldout_a_claims.jsonl: id, kind, claim, verdict, article_value, reason, quote), added to the suite after the
score on them was measured.

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

DATA = Path(__file__).resolve().parent / "data" / "heldout_a_claims.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]

# the share right measured when the claims were added (the floor): all claims, and right answers per kind
FLOOR_ALL = 0.72
FLOOR_BY_KIND = {"arithmetic": 6, "attribute": 12, "band": 14, "comparison": 7, "count": 12, "date": 11,
                 "honour": 11, "no_checkable": 3, "restated": 16, "state": 11, "wrong_subject": 15,
                 "wrong_value": 18}


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


def test_the_set_is_the_fact_checkers():
    assert len(ROWS) == 188
    assert {r["verdict"] for r in ROWS} == {"supported", "contradicted", "unknown", "refuse"}
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


def test_the_share_right_does_not_fall(reader):
    right = collections.Counter()
    for row in ROWS:
        right[row["kind"]] += verdict_of(reader, row["claim"]) == row["verdict"]
    total = sum(right.values())
    assert total / len(ROWS) >= FLOOR_ALL, (total, dict(right))
    low = {k: (right[k], n) for k, n in FLOOR_BY_KIND.items() if right[k] < n}
    assert not low, low
