"""Four harmful verdicts on fresh claims (a wrong supported / contradicted where unknown is honest), and
variants of each: a bare 共 before a verb the fact does not carry (共规划), a plan word (规划), difference words
(距…差, 尚差, 仍差) and remainder words (尚有), now settled by the derived remainders (19 − 9.96 = 9.04;
29栋 完工 − 23栋 交付 = 6栋, 交付 nesting in 完工), and 辖区 (a noun) read as a membership predicate (辖)."""

from __future__ import annotations

import pytest

S, C, U = "supported", "contradicted", "unknown"

CASES = [
    # 1. 共规划建设: a total of a planned state; the article gives 5栋楼 built up to the first floor
    ("区划调整前，西臣投社区（二期）共规划建设15栋楼。", U),
    ("区划调整前，西臣投社区（二期）规划建设15栋楼。", U),
    ("区划调整前，西臣投社区（二期）共规划12栋楼。", U),
    ("大寨店社区共开工三十六栋楼。", S),  # 共 + the fact's own verb: the article's total
    ("大寨店社区第一批回迁共分配安置房六百六十四套。", S),
    # 2. 尚差 / 还差 / 仍差: a difference from the target, not the 9.96亿元 invested: 19 − 9.96 = 9.04 (derived)
    ("今年上半年项目建设完成投资距全年19亿元目标尚差9.04亿元。", S),
    ("今年上半年项目建设完成投资距全年目标还差9.04亿元。", S),
    ("今年上半年项目建设完成投资仍差9.04亿元完成全年目标。", S),
    ("今年上半年项目建设完成投资距全年目标还差9.96亿元。", C),
    ("今年上半年项目建设完成投资9.96亿元。", S),
    # 3. 尚有…未交付 of the completed buildings: not the remainder 13栋 of the started ones, but 交付 nests in
    # 完工 (vocabulary `within`): 29 − 23 = 6 (derived)
    ("大寨店社区已完工楼栋中，尚有6栋未交付。", S),
    ("大寨店社区已完工楼栋中，还有6栋未交付。", S),
    ("大寨店社区已完工楼栋中，尚有5栋未交付。", C),
    ("大寨店社区已完工楼栋中，尚有13栋未交付。", C),
    ("大寨店社区还有13栋未交付。", S),
    # 4. an event at a village, not a statement of which office it belongs to (辖区 is a noun)
    ("九州路办事处组织辖区医院医护人员到大寨店村义诊。", U),
    ("九州路办事处在大寨店村组织义诊。", U),
    ("九州路办事处辖区内的大寨店村开展了义诊活动。", U),
    ("大寨店村仍属九州路办事处管辖。", S),
    ("大寨店村属于九州路办事处。", S),
]


@pytest.mark.parametrize(("claim", "verdict"), CASES, ids=[f"{i:02d}-{v}" for i, (_, v) in enumerate(CASES)])
def test_harm2(cli, claim, verdict):
    doc = cli("check", claim, "--json").json
    assert doc["verdict"] == verdict, (claim, doc.get("reason"), [e["id"] for e in doc.get("evidence") or []])
