"""Harmful verdicts on a blind set of claims, each fixed by a general rule computed from facts.json, with
several wordings of each (true, false, unsettled) and their exact verdicts:
- a compound placed in a community (X社区的Y小区): the fact base's parent of the compound settles it;
- a figure whose unit fits but whose words name only a verb of the fact (举办) and what another figure of the
  same subject measures (技能培训, 17人 in the article): unknown, never supported;
- a superlative of a member (西郭庄社区开工楼栋最多): another member of its kind beyond it for every value
  (大寨店 36栋 against 13栋) says it is not; nothing says it is (a member may have no figure): unknown;
- a rank or an order no rule settles (最早 among villages some of which have no date, 早于 with one side
  undated): unknown, never supported on the strength of the sentence's other figures, unless the article says
  the rank in its own words (淇滨区最大的贫困村);
- an event dated 截至目前 (done by the article's date, when is not said) orders before nothing;
- a date the article gives for a start (启动回迁) says nothing of the end the claim speaks of (全部完成);
- a claim that places all of its counted things in one unit (全部位于大寨店村): the article places no figure so.
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
    # 3. a superlative of a member against the other members' figures
    ("区划调整后仍属九州路办事处的4个村中，西郭庄社区开工楼栋最多。", C),
    ("西郭庄社区开工的楼最多。", C),
    ("西郭庄社区开工楼栋最少。", U),
    ("大寨店社区开工楼栋最多。", U),
    # 4. a rank or an order no rule settles
    ("在建的大寨店、西郭庄、西臣投（二期）3个村中，大寨店最早实现首批村民回迁。", U),
    ("在建的3个村中，大寨店最先实现第一批村民回迁。", U),
    ("21个海绵城市改造项目完成初验，早于海绵水系工程百日攻坚的开始。", U),
    ("21个海绵城市改造项目完成初验，晚于海绵水系工程百日攻坚的开始。", U),
    ("张公堰村隶属大河涧乡，是淇滨区最大的贫困村。", U),
    ("上半年新签约项目中，投资额1亿元到5亿元的项目数量最多。", S),
    # 5. 截至目前 dates no start: the order against an event of 2018-05 is not settled
    ("21个海绵城市改造项目完成初验早于海绵水系工程百日攻坚。", U),
    ("海绵城市改造项目完成初验在百日攻坚之前。", U),
    # 6. a start dated, an end claimed
    ("西郭庄社区第一批村民回迁将在10月中旬全部完成。", U),
    ("西郭庄社区第一批村民回迁将在9月底前全部完成。", U),
    ("西郭庄社区第一批村民回迁将在9月底前启动。", S),
    ("西郭庄社区预计9月底前交房。", S),
    ("大寨店社区于2017年8月17日至23日实现第一批村民回迁。", S),
    # 7. all of them placed in one unit
    ("水系工作指挥部清理的116处地面附着物全部位于大寨店村。", U),
    ("已清理116处地面附着物，都在大寨店村。", U),
    ("116处地面附着物均位于大寨店村。", U),
    ("已清理116处地面附着物。", S),
    ("已清理118处地面附着物，全部位于大寨店村。", C),
]


@pytest.fixture(scope="module")
def reader():
    return ck.Reader(factbase.load(None))


@pytest.mark.parametrize(("claim", "verdict"), CASES, ids=[f"{i:02d}-{v}" for i, (_, v) in enumerate(CASES)])
def test_harm3(reader, claim, verdict):
    results = ck.check_claim(reader, claim)
    assert ck.combined(results) == verdict, (claim, [(r.verdict, r.reason) for r in results])
