"""`jzcli check` and `jzcli ask` against claims written the way reporters write them.

Every expected verdict below was derived by reading the article
(/work/shared/source/000_e90f716d7d44d38f.txt), not from the checker's output. The expected fact id
is the figure (or project) the claim is about; its value and unit are read from facts.json at test time.

Rules the claims exercise: any number form (Arabic, Chinese numerals, full-width digits, 万/亿 mixes,
元 vs 万元, 百分之), the counting unit, the currency, the article's approximations (余/多/近/以上),
periods (a claim about another year than the article's is unknown, never supported), investment bands
(outside → contradicted, inside but more precise → unknown, the band itself → supported), and what
the article does not say (unknown).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

FACTS = Path(__file__).resolve().parent.parent / "facts.json"
DB = json.loads(FACTS.read_text(encoding="utf-8"))
BY_ID = {r["id"]: r for table in DB.values() if isinstance(table, dict) for r in table.values()
         if isinstance(r, dict) and "id" in r}

S, C, U = "supported", "contradicted", "unknown"

# (claim, verdict, id of the fact the claim is about — None for unknown)
CLAIMS = [
    # ---------------------------------------------------------------- economy (2016年以来, cumulative)
    ("2016年以来，九州路办事处累计完成财税收入4.3亿元", S, "fig:tax-revenue"),
    ("九州路办事处累计完成财税收入43000万元", S, "fig:tax-revenue"),
    ("该办事处累计完成财税收入430000000元", S, "fig:tax-revenue"),
    ("九州路办事处累计完成财税收入四亿三千万元", S, "fig:tax-revenue"),
    ("九州路办事处累计完成财税收入5.3亿元", C, "fig:tax-revenue"),
    ("2016年以来该办事处累计完成财税收入4.3亿美元", C, "fig:tax-revenue"),
    ("2016年以来完成固定资产投资86亿元", S, "fig:fixed-investment"),
    ("九州路办事处完成固定资产投资八十六亿元", S, "fig:fixed-investment"),
    ("九州路办事处完成固定资产投资68亿元", C, "fig:fixed-investment"),
    ("引进省外资金10.7亿元", S, "fig:out-of-province"),
    ("九州路办事处引进省外资金107000万元", S, "fig:out-of-province"),
    ("2016年以来，该办事处引进省外资金17亿元", C, "fig:out-of-province"),
    ("实际利用外资3700万美元", S, "fig:fdi"),
    ("九州路办事处实际利用外资三千七百万美元", S, "fig:fdi"),
    ("实际利用外资0.37亿美元", S, "fig:fdi"),
    ("实际利用外资3700万元", C, "fig:fdi"),
    ("九州路办事处实际利用外资4700万美元", C, "fig:fdi"),
    ("进出口贸易额７３５万美元", S, "fig:trade"),
    ("进出口贸易额735万元", C, "fig:trade"),
    ("九州路办事处进出口贸易额达到835万美元", C, "fig:trade"),
    ("九州路办事处2017年财政收入为3亿元", U, None),
    ("2017年九州路办事处完成固定资产投资86亿元", U, None),  # the article: 2016年以来, cumulative
    ("九州路办事处2016年以来社会消费品零售总额12亿元", U, None),  # not in the article
    # ---------------------------------------------------------------- signed projects and bands (2018 H1)
    ("上半年新签约项目10个", S, "fig:signed-total"),
    ("今年上半年，九州路办事处新签约项目12个", C, "fig:signed-total"),
    ("投资额10亿元以上项目2个", S, "fig:signed-ge1e9"),
    ("投资额1亿元到5亿元的项目有4个", S, "fig:signed-1e8-5e8"),
    ("投资额5亿元到10亿元的新签约项目3个", C, "fig:signed-5e8-1e9"),
    ("新签约项目中投资额亿元以下项目2个", S, "fig:signed-lt1e8"),
    ("2017年上半年新签约项目10个", U, None),  # the article: 2018 H1
    ("书香时代广场项目投资额10亿元以上", S, "project:shuxiangshidai"),
    ("华大育仁教育基地项目投资额1亿元到5亿元", S, "project:huadayuren"),
    ("东方颐养园项目投资额5亿元到10亿元", S, "project:dongfangyiyangyuan"),
    ("南水西郡项目投资额为5亿元", C, "project:nanshuixijun"),
    ("巴奴毛肚火锅城项目投资8亿元", C, "project:banu"),
    ("清水湾生活广场项目投资额12亿元", C, "project:qingshuiwan-guangchang"),
    ("启源人才交流项目投资2亿元", C, "project:qiyuan"),
    ("橄榄嘉园教育基地项目投资额为六亿元", C, "project:ganlanjiayuan"),
    ("书香时代广场项目投资10亿美元", C, "project:shuxiangshidai"),
    ("奥体国际健身中心项目投资3亿元", U, None),  # inside the band 1亿–5亿, more precise
    ("58同城项目投资额5000万元", U, None),  # inside the band 亿元以下, more precise
    ("东方颐养园项目总投资8亿元", U, None),  # inside 5亿–10亿
    ("美年大健康项目投资5亿元", U, None),  # landed; the article gives no amount
    # ---------------------------------------------------------------- construction progress
    ("大寨店社区开工36栋楼", S, "fig:dzd-started"),
    ("大寨店社区共开工三十六栋楼", S, "fig:dzd-started"),
    ("大寨店社区开工了40栋楼", C, "fig:dzd-started"),
    ("大寨店社区已完工23栋楼", C, "fig:dzd-completed"),
    ("大寨店社区29栋楼已完工", S, "fig:dzd-completed"),
    ("大寨店社区已交付23栋楼", S, "fig:dzd-delivered"),
    ("大寨店社区已交付二十九栋楼", C, "fig:dzd-delivered"),
    ("大寨店社区7栋楼主体封顶", S, "fig:dzd-topped"),
    ("大寨店社区有9栋楼主体封顶", C, "fig:dzd-topped"),
    ("大寨店社区第一批回迁共分配664套安置房", S, "fig:dzd-flats"),
    ("大寨店社区分配安置房646套", C, "fig:dzd-flats"),
    ("大寨店社区第一批回迁安置3000多名村民", S, "fig:dzd-villagers"),
    ("大寨店社区第一批回迁安置村民2000多名", C, "fig:dzd-villagers"),
    ("今年以来大寨店村拆除旧房屋85座", S, "fig:dzd-demolished"),
    ("大寨店村拆除旧房屋58座", C, "fig:dzd-demolished"),
    ("大寨店村腾出楼位新开工8栋楼", S, "fig:dzd-new-starts"),
    ("大寨店村新开工10栋楼", C, "fig:dzd-new-starts"),
    ("西郭庄社区开工的13栋楼主体已完工", S, "fig:xgz-completed"),
    ("西郭庄社区已有15栋楼主体完工", C, "fig:xgz-completed"),
    ("该办事处区划调整前，西臣投社区(二期)已有7栋楼主体封顶", S, "fig:xct-topped"),
    ("区划调整前西臣投社区二期有5栋楼建设到了地上一层", S, "fig:xct-first-floor"),
    ("区划调整前，西臣投社区有6栋楼建到地上一层", C, "fig:xct-first-floor"),
    ("西臣投社区(二期)已有7栋楼主体封顶", U, None),  # the article: before the 2017-11 redistricting
    ("九州路办事处辖区面积16平方公里", U, None),  # the article: 当时 (1999), not now
    ("今年前6个月，项目建设完成投资9.96亿元", S, "fig:h1-investment"),
    ("上半年项目建设完成投资9.69亿元", C, "fig:h1-investment"),
    ("项目建设全年目标投资19亿元", S, "fig:annual-target"),
    ("完成投资占全年目标的百分之五十二", S, "fig:target-share"),
    ("上半年项目建设完成投资占全年目标的62%", C, "fig:target-share"),
    ("2017年项目建设完成投资9.96亿元", U, None),  # the article: 今年前6个月 (2018)
    ("大寨店社区有29栋楼", U, None),  # ambiguous: 29 completed, not the number of buildings
    ("崔庄村城中村改造村民商业安置项目投资2亿元", U, None),  # no amount in the article
    # ---------------------------------------------------------------- sponge city
    ("21个海绵城市改造项目已全部完成初验", S, "fig:sponge-projects"),
    ("截至目前，25个海绵城市改造项目已完成初验", C, "fig:sponge-projects"),
    ("水系工作指挥部60余名干部百日攻坚", S, "fig:canal-cadres"),
    ("海绵水系工程已清理116处地面附着物", S, "fig:canal-clearance"),
    ("海绵水系工程清理地面附着物160处", C, "fig:canal-clearance"),
    ("建行北院小区新建了近百个透水停车位", S, "fig:jhby-parking"),
    ("建行北院小区新建透水停车位200个", C, "fig:jhby-parking"),
    ("建行北院小区建成已有26年", S, "fig:jhby-age"),
    ("建行北院小区建成已有30年", C, "fig:jhby-age"),
    ("建行北院小区海绵工程改造投资500万元", U, None),  # not in the article
    # ---------------------------------------------------------------- environment and city management (2017)
    ("2017年，16家“小散乱污”企业均取缔到位", S, "fig:polluters"),
    ("2017年取缔小散乱污企业18家", C, "fig:polluters"),
    ("淘汰报废黄标车219辆", S, "fig:yellow-cars"),
    ("2017年淘汰报废黄标车291辆", C, "fig:yellow-cars"),
    ("2018年淘汰报废黄标车219辆", U, None),  # the article: 2017年
    ("44家10吨以下燃煤锅炉已全部拆改", S, "fig:boilers"),
    ("拆改10吨以下燃煤锅炉40家", C, "fig:boilers"),
    ("23个建筑工地扬尘治理落实“一长三员”责任", S, "fig:dust-sites"),
    ("2017年投入1250万元进行市容卫生整治、园林绿化", S, "fig:city-spend"),
    ("2017年投入一千二百五十万元进行市容卫生整治和园林绿化", S, "fig:city-spend"),
    ("投入1250万美元进行市容卫生整治", C, "fig:city-spend"),
    ("2017年投入2500万元进行市容卫生整治、园林绿化", C, "fig:city-spend"),
    ("九州路办事处承担全市60%以上创卫、创园任务", S, "fig:city-task-share"),
    ("九州路办事处承担全市50%的创卫、创园任务", C, "fig:city-task-share"),
    ("九州路办事处承担了全市百分之七十以上的创卫、创园任务", U, None),  # 60%以上 may be 70%以上
    # ---------------------------------------------------------------- safety
    ("迎宾社区消防安全知识培训有50余人参加", S, "fig:fire-training"),
    ("消防安全知识培训有80余人参加", C, "fig:fire-training"),
    ("九州路办事处抽调20名工作人员组成专职巡防队", S, "fig:patrol"),
    ("专职巡防队由30名工作人员组成", C, "fig:patrol"),
    ("抽调20名城管队员组成应急小分队", S, "fig:emergency-team"),
    ("应急小分队有25名城管队员", C, "fig:emergency-team"),
    ("平安村（社区）、平安小区创建率达到95%以上", S, "fig:safe-rate"),
    ("平安小区创建率达到90%", C, "fig:safe-rate"),
    ("连续5年获得鹤壁市平安建设先进街道荣誉称号", S, "fig:safe-years"),
    ("九州路办事处连续3年获得鹤壁市平安建设先进街道称号", C, "fig:safe-years"),
    ("九州路办事处每年开展消防安全知识培训12次", U, None),  # the article: 很多次
    # ---------------------------------------------------------------- livelihood (邢玉梅)
    ("湘江社区73岁的邢玉梅和老伴儿每天都乐呵呵的", S, "fig:xym-age"),
    ("邢玉梅今年75岁", C, "fig:xym-age"),
    ("邢玉梅每月享受低保救助450元", S, "fig:xym-dibao"),
    ("邢玉梅每月享受低保救助540元", C, "fig:xym-dibao"),
    ("邢玉梅每月领取残疾人两项补贴120元", S, "fig:xym-disability"),
    ("邢玉梅每月领取残疾人补贴200元", C, "fig:xym-disability"),
    ("邢玉梅和老伴每人每月领取养老保险80元", S, "fig:xym-pension"),
    ("邢玉梅每人每月能领取养老保险八十元", S, "fig:xym-pension"),
    ("邢玉梅和老伴每人每月领取养老保险100元", C, "fig:xym-pension"),
    ("邢玉梅每年享受低保救助450元", C, "fig:xym-dibao"),  # 450元 is per month, not per year
    ("邢玉梅每月领取高龄补贴100元", U, None),  # not in the article
    # ---------------------------------------------------------------- poverty aid (张公堰村, 2017年年初以来)
    ("张公堰村举办招聘会5场", S, "fig:aid-jobfairs"),
    ("帮助张公堰村举办招聘会８场", C, "fig:aid-jobfairs"),
    ("为张公堰村开展技能培训十七人", S, "fig:aid-training"),
    ("为张公堰村开展技能培训27人", C, "fig:aid-training"),
    ("先后帮助张公堰村更换5台变压器", S, "fig:aid-transformers"),
    ("帮助张公堰村更换变压器8台", C, "fig:aid-transformers"),
    ("为张公堰村铺设7500米线路", S, "fig:aid-lines"),
    ("为张公堰村铺设线路5700米", C, "fig:aid-lines"),
    ("张公堰村安置公益性岗位10人", S, "fig:aid-posts"),
    ("张公堰村转移就业451人次", S, "fig:aid-migration"),
    ("张公堰村转移就业541人次", C, "fig:aid-migration"),
    ("九州路办事处抽调近40名工作人员结对帮扶张公堰村", S, "fig:aid-staff"),
    ("九州路办事处抽调50名工作人员结对帮扶张公堰村", C, "fig:aid-staff"),
    ("2017年张公堰村转移就业451人次", U, None),  # the article: since early 2017, not 2017 alone
    ("张公堰村有贫困户120户", U, None),  # not in the article
    # ---------------------------------------------------------------- administration and redistricting
    ("九州路办事处成立于1999年7月，当时辖区面积16平方公里", S, "fig:area-1999"),
    ("九州路办事处成立时辖区面积为18平方公里", C, "fig:area-1999"),
    ("九州路办事处成立之初总人口16.2万人", S, "fig:population-1999"),
    ("九州路办事处成立时总人口十六万二千人", S, "fig:population-1999"),
    ("九州路办事处成立时总人口26.2万人", C, "fig:population-1999"),
    ("九州路办事处成立时辖12个城市社区和6个村", S, "fig:communities-1999"),
    ("九州路办事处成立时辖14个城市社区", C, "fig:communities-1999"),
    ("成立时辖区有党政企事业单位200余家", S, "fig:employers-1999"),
    ("成立时辖区有党政企事业单位300余家", C, "fig:employers-1999"),
    ("2017年11月，8个社区（村）划归泰山路办事处筹建办", S, "fig:moved-2017"),
    ("区划调整后，9个社区（村）划归泰山路办事处筹建办", C, "fig:moved-2017"),
    ("区划调整后仍属九州路办事处管辖的有6个社区", S, "fig:stayed-communities-2017"),
    ("区划调整后4个村仍属九州路办事处管辖", S, "fig:stayed-villages-2017"),
    ("区划调整后仍属九州路办事处管辖的村有5个", C, "fig:stayed-villages-2017"),
    ("九州路办事处现有常住人口10万人", U, None),  # not in the article
    ("2017年11月九州路办事处总人口16.2万人", U, None),  # 16.2万人 is the 1999 figure
    # ---------------------------------------------------------------- party building
    ("辖区14个部门负责人签订了廉政承诺书", S, "fig:pledge-departments"),
    ("辖区16个部门负责人签订了廉政承诺书", C, "fig:pledge-departments"),
    ("10个社区（村）签订了廉政承诺书", S, "fig:pledge-units"),
    ("九州路办事处指导6个城市社区确定了8个小区党建试点", S, "fig:pilot-communities"),
    ("九州路办事处确定了10个小区党建试点", C, "fig:pilot-compounds"),
    ("选出小区带头人15名", S, "fig:compound-leaders"),
    ("九州路办事处选出小区带头人五十名", C, "fig:compound-leaders"),
    ("指导成立的市餐饮协会党委下设6个支部", S, "fig:catering-branches"),
    ("市餐饮协会党委下设8个支部", C, "fig:catering-branches"),
    ("1700余名在职党员到社区报到并认领岗位", S, "fig:volunteers"),
    ("1800名在职党员到社区报到", C, "fig:volunteers"),
    ("1750名在职党员到社区报到", U, None),  # 1700余名 may be 1750: the article does not say
    ("天河嘉城小区党支部有党员30名", U, None),  # not in the article
    ("2017年度九州路办事处先后获得3项荣誉", U, None),  # the article: 多项荣誉
    # ---------------------------------------------------------------- harder wordings
    # several figures in one sentence: each is matched to its own fact
    ("九州路办事处2016年以来累计完成财税收入4.3亿元、固定资产投资86亿元", S, "fig:tax-revenue"),
    ("九州路办事处2016年以来累计完成财税收入4.3亿元、固定资产投资68亿元", C, "fig:tax-revenue"),
    ("今年前6个月，项目建设完成投资9.96亿元，占全年目标19亿元的52%", S, "fig:h1-investment"),
    ("大寨店社区开工36栋楼，其中29栋楼已完工，7栋楼主体封顶，已交付23栋楼", S, "fig:dzd-started"),
    ("张公堰村举办招聘会6场，技能培训17人", C, "fig:aid-jobfairs"),
    ("全体班子成员和12个社区（村）、14个部门负责人分别签订了廉政承诺书", C, "fig:pledge-units"),
    ("九州路办事处指导7个城市社区确定了8个小区党建试点", C, "fig:pilot-communities"),
    # the counted things listed by name are not the subject
    ("2017年11月，福田、广场等8个社区(村)划归泰山路办事处筹建办", S, "fig:moved-2017"),
    ("鹤翔、学院等6个社区仍属九州路办事处管辖", S, "fig:stayed-communities-2017"),
    ("对大寨店、西郭庄、西臣投(二期)3个村明确分包领导和责任人", S, "fig:reform-villages"),
    # a brand name that contains a unit's name (红动九州) does not make 九州社区 the subject
    ("开展“红动九州·争做最美党员”活动，1700余名在职党员到社区报到", S, "fig:volunteers"),
    # a duration (两年多来) is not a figure
    ("九州路办事处两年多来财税收入累计达4.3亿元", S, "fig:tax-revenue"),
    # other units of the same quantity
    ("成立时九州路办事处辖区面积16平方千米", S, "fig:area-1999"),
    ("为张公堰村铺设线路7.5公里", S, "fig:aid-lines"),
    ("为张公堰村铺设线路5公里", C, "fig:aid-lines"),
    # open bounds, bands as intervals
    ("今年前6个月完成投资9.96亿元，占全年目标的五成以上", S, "fig:h1-investment"),  # 52% ≥ 50%: a bound every value meets
    ("九州路办事处平安小区创建率达到60%以上", S, "fig:safe-rate"),  # 95%以上 ⇒ 60%以上: a bound every value meets
    ("书香时代广场项目投资额不到10亿元", C, "project:shuxiangshidai"),
    ("巴奴毛肚火锅城项目投资额在1亿元至5亿元之间", S, "project:banu"),
    ("巴奴毛肚火锅城项目投资额在6亿元至9亿元之间", C, "project:banu"),
    ("巴奴毛肚火锅城项目投资额在3亿元至8亿元之间", U, None),  # overlaps the band
    ("投资额在1亿至5亿元之间的项目有4个", S, "fig:signed-1e8-5e8"),
    ("投资额10亿元以上的项目有两个", S, "fig:signed-ge1e9"),
    # the number fits one fact, the counted people another
    ("九州路办事处抽调20名城管队员组成专职巡防队", U, None),
    # periods: the clause's own, 全年, the year of the sentence
    ("九州路办事处全年完成投资19亿元", U, None),  # 19亿元 is the full-year target
    ("2018年上半年实际利用外资3700万美元", U, None),  # the article: 2016年以来
    ("今年年初以来，大寨店村拆除旧房屋85座，腾出楼位新开工9栋楼", C, "fig:dzd-demolished"),
    ("去年大寨店村拆除旧房屋85座", U, None),
    ("2017年11月区划调整后，九州路办事处辖10个社区(村)", U, None),  # 6 + 4: no single figure says 10
    ("目前九州路办事处总人口16.2万人", U, None),  # 1999
    ("目前大寨店社区已交付23栋楼", S, "fig:dzd-delivered"),
    ("2017年11月，大寨店社区开工36栋楼", U, None),
    # approximate wordings
    ("九州路办事处成立时总人口约16万人", U, None),
    ("大寨店社区共安置3000名村民", U, None),  # 3000多名
    ("大寨店社区第一批回迁安置4000多名村民", C, "fig:dzd-villagers"),
    ("建行北院小区新建100个透水停车位", U, None),  # 近百个
    ("九州路办事处抽调近50名工作人员结对帮扶张公堰村", C, "fig:aid-staff"),
    # right number, wrong fact
    ("西郭庄社区开工36栋楼", C, "fig:xgz-completed"),
    ("大寨店社区已交付29栋楼", C, "fig:dzd-delivered"),
    ("实际利用外资735万美元", C, "fig:fdi"),
    ("2017年拆改燃煤锅炉16家", C, "fig:boilers"),
    ("张公堰村安置公益性岗位17人", C, "fig:aid-posts"),
    ("邢玉梅每月享受低保救助120元", C, "fig:xym-dibao"),
    ("水系工作指挥部清理了60余处地面附着物", C, "fig:canal-clearance"),
    ("大寨店社区安置1700余名村民", C, "fig:dzd-villagers"),
    ("打柴口村有村民1700余名", U, None),
    ("中凯铂爵酒店党支部有党员6名", U, None),
]


def _fact(fact_id: str) -> dict:
    assert fact_id in BY_ID, f"{fact_id} is not in facts.json"
    return BY_ID[fact_id]


def _expected_value(rec: dict):
    """The evidence value/unit of a figure, or of a project's investment band."""
    if rec["id"].startswith("project:"):
        inv = rec.get("investment") or {}
        return {"min": inv.get("min"), "max": inv.get("max")}, "元"
    return rec["value"], rec["unit"]


def test_claim_mix():
    counts = {v: sum(1 for _, verdict, _ in CLAIMS if verdict == v) for v in (S, C, U)}
    assert len(CLAIMS) >= 90
    assert counts[C] * 3 >= len(CLAIMS)
    assert counts[U] >= 12
    assert len({c for c, _, _ in CLAIMS}) == len(CLAIMS), "duplicate claim"


@pytest.mark.parametrize("claim,verdict,fact_id", CLAIMS,
                         ids=[f"{i:03d}-{v}" for i, (_, v, _) in enumerate(CLAIMS)])
def test_claim(cli, claim, verdict, fact_id):
    r = cli("check", claim, "--json")
    doc = r.json
    assert doc["verdict"] == verdict, (claim, doc.get("reason"), [e["id"] for e in doc["evidence"]])
    assert r.code == (0 if verdict == S else 1)
    if verdict == U:
        return
    assert doc["evidence"], doc
    ev = doc["evidence"][0]  # the evidence of the claim's figure comes first
    assert ev["id"] == fact_id, (claim, doc.get("reason"), [e["id"] for e in doc["evidence"]])
    value, unit = _expected_value(_fact(fact_id))
    assert ev["value"] == value
    assert ev["unit"] == unit
    assert ev["quote"] == _fact(fact_id)["quote"]


# ---------------------------------------------------------------- output shape and exit codes


def test_json_keys(cli):
    r = cli("check", "实际利用外资3700万元", "--json")
    doc = r.json
    assert {"verdict", "claim", "value", "unit", "evidence"} <= set(doc)
    assert doc["claim"] == "实际利用外资3700万元"
    assert doc["value"] == 37000000 and doc["unit"] == "元"
    assert doc["verdict"] == C
    for ev in doc["evidence"]:
        assert {"id", "quote", "value", "unit", "text"} <= set(ev)
    assert doc["evidence"][0]["text"] == _fact("fig:fdi")["text"]  # the article's value


def test_number_forms_agree(cli):
    forms = ["4.3亿元", "43000万元", "430000000元", "四亿三千万元", "４．３亿元"]
    for form in forms:
        doc = cli("check", f"九州路办事处累计完成财税收入{form}", "--json").json
        assert (doc["verdict"], doc["value"], doc["unit"]) == (S, 430000000, "元"), form


def test_percent_forms(cli):
    for form in ("52%", "百分之五十二", "５２％"):
        doc = cli("check", f"项目建设完成投资占全年目标的{form}", "--json").json
        assert (doc["verdict"], doc["value"], doc["unit"]) == (S, 52, "%"), form


def test_exit_codes(cli):
    assert cli("check", "大寨店社区开工36栋楼").code == 0
    assert cli("check", "大寨店社区开工37栋楼").code == 1
    assert cli("check", "九州路办事处2017年财政收入为3亿元").code == 1


@pytest.mark.parametrize("claim", ["今天天气很好", "这是一句没有数字的话", "记者明天再来", "Hello world"])
def test_claim_with_nothing_checkable(cli, claim):
    """Exit 2 only when the claim holds no number, date, title, name or state the article speaks of."""
    r = cli("check", claim)
    assert r.code == 2
    assert r.out == ""
    assert r.err.strip() and len(r.err.strip().splitlines()) == 1


@pytest.mark.parametrize("claim", ["大寨店社区开工了很多栋楼", "58同城项目已经落地", "九州路办事处庆“七一”党建文艺晚会"])
def test_a_claim_that_names_something_is_unknown_with_the_nearest_facts(cli, claim):
    r = cli("check", claim, "--json")
    assert r.code == 1, r.err
    assert r.json["verdict"] == U and r.json["kind"] == "statement"
    assert r.json["evidence"], "unknown lists the nearest facts"
    assert all(e["id"] in BY_ID for e in r.json["evidence"])


def test_time_and_name_numbers_are_not_the_figure(cli):
    doc = cli("check", "2017年8月17日至23日，大寨店社区共分配664套安置房", "--json").json
    assert (doc["verdict"], doc["value"], doc["unit"]) == (S, 664, "套")
    doc = cli("check", "44家10吨以下燃煤锅炉已全部拆改", "--json").json
    assert (doc["value"], doc["unit"]) == (44, "家")


# ---------------------------------------------------------------- drafts

DRAFT = (
    "九州路办事处2016年以来累计完成财税收入4.3亿元，实际利用外资3700万元。\n"
    "大寨店社区开工36栋楼，其中29栋楼已完工，已交付25栋楼。\n"
    "这是一句没有数字的话。\n"
    "2018年淘汰报废黄标车219辆！张公堰村举办招聘会5场。\n"
)
DRAFT_VERDICTS = [("4.3亿元", S), ("3700万元", C), ("36栋", S), ("29栋", S), ("25栋", C), ("219辆", U),
                  ("5场", S)]


def _figure_verdicts(rows):
    return [(r["figure"], r["verdict"]) for r in rows]


def test_draft_file(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    r = cli("check", "--file", str(path), "--json")
    assert r.code == 1
    assert _figure_verdicts(r.json) == DRAFT_VERDICTS
    for row in r.json:
        assert {"verdict", "claim", "value", "unit", "evidence"} <= set(row)


def test_draft_all_supported_exits_0(cli, tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("大寨店社区开工36栋楼。张公堰村转移就业451人次。2019年张公堰村开展技能培训17人。", encoding="utf-8")
    r = cli("check", "--file", str(path), "--json")
    assert _figure_verdicts(r.json) == [("36栋", S), ("451人次", S), ("17人", U)]
    assert r.code == 0  # unknown is not a contradiction


def test_draft_stdin(jz):
    if not (Path(sys.executable).parent / "jzcli").exists() and not shutil.which("jzcli"):
        pytest.skip("jzcli is not installed (pip install .)")
    r = jz("check", "--file", "-", "--json", input=DRAFT)
    assert r.code == 1, r.err
    assert _figure_verdicts(json.loads(r.out)) == DRAFT_VERDICTS


# ---------------------------------------------------------------- ask


@pytest.mark.parametrize("question,first", [
    ("大寨店社区开工了多少栋楼", "fig:dzd-started"),
    ("实际利用外资多少", "fig:fdi"),
    ("大寨店社区已交付多少栋楼", "fig:dzd-delivered"),
    ("张公堰村转移就业多少人次", "fig:aid-migration"),
    ("邢玉梅每月低保救助多少钱", "fig:xym-dibao"),
    ("九州路办事处成立时辖区面积多大", "fig:area-1999"),
])
def test_ask_first_answer(cli, question, first):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    assert r.json[0]["id"] == first
    rec = _fact(first)
    assert (r.json[0]["value"], r.json[0]["unit"]) == (rec["value"], rec["unit"])


def test_ask_nothing(cli):
    r = cli("ask", "月球上有几只兔子")
    assert r.code == 1
    assert r.out == ""
    assert r.err.strip()
