"""Harmful verdicts on a blind set of claims, each fixed by a general rule computed from facts.json, with
several wordings of each (true, false, unsettled) and their exact verdicts:
- a compound placed in a community (X社区的Y小区): the fact base's parent of the compound settles it;
- a figure whose unit fits but whose words name only a verb of the fact (举办) and what another figure of the
  same subject measures (技能培训, 17人 in the article): unknown, never supported.
"""

from __future__ import annotations

import pytest

from jzcli import check as ck
from jzcli import factbase

S, C, U = "supported", "contradicted", "unknown"

CASES = [
    # 1. the community of a compound (建行北院小区 is in 桂鹤社区)
    ("凤凰城社区的建行北院小区已建成26年。", C),
    ("凤凰城社区建行北院小区建成26年。", C),
    ("金鹤社区的建行北院小区新建了近百个透水停车位。", C),
    ("桂鹤社区的建行北院小区已建成26年。", S),
    ("桂鹤社区的建行北院小区已建成30年。", C),
    ("建行北院小区已建成26年。", S),
    # 2. another figure's measured thing in the figure's words (5场 is the 招聘会's, 技能培训 is 17人)
    ("九州路办事处在张公堰村举办技能培训5场。", U),
    ("张公堰村举办技能培训5场。", U),
    ("张公堰村举办招聘会5场。", S),
    ("张公堰村举办招聘会6场。", C),
    ("张公堰村技能培训17人。", S),
    ("水系工作指挥部清理了116处地面附着物。", S),
]


@pytest.fixture(scope="module")
def reader():
    return ck.Reader(factbase.load(None))


@pytest.mark.parametrize(("claim", "verdict"), CASES, ids=[f"{i:02d}-{v}" for i, (_, v) in enumerate(CASES)])
def test_harm3(reader, claim, verdict):
    results = ck.check_claim(reader, claim)
    assert ck.combined(results) == verdict, (claim, [(r.verdict, r.reason) for r in results])
