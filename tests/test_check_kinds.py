"""`jzcli check` on claims of every kind the issue lists, true, false and unsettled, in several wordings.

Each row: (kind, claim, verdict, id, article, why). `id` is the record the verdict rests on (the first evidence
of the claim's item of that kind; None for unknown), `article` what the article says (its value or wording),
`why` the reason a fact-checker gives. The expected verdicts were read from the article
(/work/shared/source/000_e90f716d7d44d38f.txt), not from the checker's output. A wrong "supported" or a wrong
"contradicted" is a harmful verdict: test_no_harmful_verdicts counts them over every row.
"""

from __future__ import annotations

import pytest

S, C, U = "supported", "contradicted", "unknown"

# the part_of difference, the share and the counts the fact base derives have ids computed by derive.py
D_UNDELIVERED = "derived:difference:fig:dzd-started:fig:dzd-delivered"
D_UNFINISHED = "derived:difference:fig:dzd-started:fig:dzd-completed"
D_SHARE_DONE = "derived:share:fig:dzd-completed:fig:dzd-started"
D_SHARE_DELIVERED = "derived:share:fig:dzd-delivered:fig:dzd-started"
D_STAYED = "derived:count:fig:stayed-communities-2017+fig:stayed-villages-2017"
D_FOUNDING_UNITS = "derived:count:fig:communities-1999+fig:villages-1999"
D_MOVED_COMMUNITIES = "derived:count:fig:moved-2017:社区"
D_MOVED_VILLAGES = "derived:count:fig:moved-2017:村"
D_GE1E8 = "derived:band-count:1e8-5e8..ge1e9"
D_GE1E8_SUM = "derived:band-sum:1e8-5e8..ge1e9"
D_GE5E8 = "derived:band-count:5e8-1e9..ge1e9"
D_LE5E8 = "derived:band-count:lt1e8..1e8-5e8"
D_GE5E8_SUM = "derived:band-sum:5e8-1e9..ge1e9"
D_ALL_SUM = "derived:band-sum:lt1e8..ge1e9"
D_FOUNDED_YEARS = "derived:years-since:event:founded"
D_RETURN_DAYS = "derived:days:event:dzd-first-return"
D_HONOURS_2017 = "derived:honours:2017:all"
D_HONOURS_2017_PROVINCE = "derived:honours:2017:省"
D_ALLEYS = "derived:places:back_street"
D_CANALS = "derived:places:canal"
D_BRANDS = "derived:places:service_brand"

ROWS = [
    # ------------------------------------------------------------ the issue's table
    ("issue", "2017年11月区划调整后，九州路办事处仍管辖10个社区(村)", S, D_STAYED, "6个社区和4个村", "6 + 4 = 10"),
    ("issue", "大寨店社区开工36栋楼，已交付23栋，还有13栋未交付", S, "fig:dzd-started", "36栋, 23栋", "36 − 23 = 13"),
    ("issue", "九州路办事处成立至今已有19年", S, D_FOUNDED_YEARS, "1999年7月", "1999-07 → 2018: 19 years"),
    ("issue", "泰山路办事处筹建办接收了6个社区和2个村", S, D_MOVED_COMMUNITIES, "8个社区(村), 6 社区 + 2 村", "by kind"),
    ("issue", "累计完成财税收入四点三亿元", S, "fig:tax-revenue", "4.3亿元", "点 decimal"),
    ("issue", "项目建设完成投资9.96个亿", S, "fig:h1-investment", "9.96亿元", "X个亿"),
    ("issue", "新签约10个项目", S, "fig:signed-total", "10个", "签约 is not 约"),
    ("issue", "最近29栋楼已完工", S, "fig:dzd-completed", "29栋", "最近 is not 近"),
    ("issue", "上半年签约项目中，投资额1亿元以上的8个项目合计投资超过30亿元", S, D_GE1E8, "4+2+2 = 8; ≥ 34亿",
     "every value the bands allow is above 30亿"),
    ("issue", "九州路办事处成立于1999年", S, "event:founded", "1999年7月", "year of a month date"),
    ("issue", "九州路办事处成立于2000年", C, "event:founded", "1999年7月", "another year"),
    ("issue", "2017年九州路办事处获得全国文明城市称号", U, None, "2017 honours 等多项荣誉", "not named; list open"),
    ("issue", "区划调整前西臣投社区(二期)已有7栋楼竣工", U, None, "7栋楼主体封顶", "封顶 is not 竣工"),
    # ------------------------------------------------------------ numbers as reporters write them
    ("number", "九州路办事处累计完成财税收入肆亿叁仟万元", S, "fig:tax-revenue", "4.3亿元", "financial capitals"),
    ("number", "九州路办事处累计完成財稅收入4.3億元", S, "fig:tax-revenue", "4.3亿元", "累计完成 … 收入 in traditional"),
    ("number", "九州路办事处累计完成财税收入4.3億元", S, "fig:tax-revenue", "4.3亿元", "億 = 亿"),
    ("number", "该办事处完成固定资产投资八十六个亿", S, "fig:fixed-investment", "86亿元", "个亿 with numerals"),
    ("number", "该办事处完成固定资产投资86個億元", S, "fig:fixed-investment", "86亿元", "個 and 億"),
    ("number", "九州路办事处引进省外资金十点七亿元", S, "fig:out-of-province", "10.7亿元", "十点七"),
    ("number", "九州路办事处引进省外资金十点八亿元", C, "fig:out-of-province", "10.7亿元", "十点八"),
    ("number", "项目建设完成投资九点九六亿元", S, "fig:h1-investment", "9.96亿元", "九点九六"),
    ("number", "项目建设完成投资九点六九亿元", C, "fig:h1-investment", "9.96亿元", "九点六九"),
    ("number", "张公堰村更换了伍台变压器", S, "fig:aid-transformers", "5台", "伍"),
    ("number", "淘汰报废黄标车贰佰壹拾玖辆", S, "fig:yellow-cars", "219辆", "capitals"),
    ("number", "淘汰报废黄标车贰佰壹拾捌辆", C, "fig:yellow-cars", "219辆", "218"),
    ("number", "新签约項目10個", S, "fig:signed-total", "10个", "個"),
    ("number", "上半年签约了10个新项目", S, "fig:signed-total", "10个", "签约了"),
    ("number", "大寨店社区最近有7栋楼主体封顶", S, "fig:dzd-topped", "7栋", "最近"),
    ("number", "建行北院小区附近新建了近百个透水停车位", S, "fig:jhby-parking", "近百个", "附近 is not 近"),
    # ------------------------------------------------------------ bounds and comparisons on one figure
    ("bound", "九州路办事处累计完成财税收入超过4亿元", S, "fig:tax-revenue", "4.3亿元", "4.3 > 4"),
    ("bound", "九州路办事处累计完成财税收入超过5亿元", C, "fig:tax-revenue", "4.3亿元", "4.3 < 5"),
    ("bound", "九州路办事处累计完成财税收入不到5亿元", S, "fig:tax-revenue", "4.3亿元", "4.3 < 5"),
    ("bound", "九州路办事处累计完成财税收入不到4亿元", C, "fig:tax-revenue", "4.3亿元", "4.3 ≥ 4"),
    ("bound", "九州路办事处累计完成财税收入至少4亿元", S, "fig:tax-revenue", "4.3亿元", "at least 4"),
    ("bound", "九州路办事处累计完成财税收入不少于4.3亿元", S, "fig:tax-revenue", "4.3亿元", "≥ 4.3"),
    ("bound", "九州路办事处累计完成财税收入不超过4亿元", C, "fig:tax-revenue", "4.3亿元", "> 4"),
    ("bound", "九州路办事处完成固定资产投资多于80亿元", S, "fig:fixed-investment", "86亿元", "> 80"),
    ("bound", "九州路办事处完成固定资产投资少于80亿元", C, "fig:fixed-investment", "86亿元", "not < 80"),
    ("bound", "实际利用外资3000万美元以上", S, "fig:fdi", "3700万美元", "≥ 3000万"),
    ("bound", "实际利用外资5000万美元以上", C, "fig:fdi", "3700万美元", "< 5000万"),
    ("bound", "进出口贸易额1000万美元以内", S, "fig:trade", "735万美元", "≤ 1000万"),
    ("bound", "大寨店社区安置村民超过2000名", S, "fig:dzd-villagers", "3000多名", "> 3000 > 2000"),
    ("bound", "大寨店社区安置村民超过3000名", S, "fig:dzd-villagers", "3000多名", "3000多 > 3000"),
    ("bound", "大寨店社区安置村民超过3500名", U, None, "3000多名", "3000多 may or may not exceed 3500"),
    ("bound", "大寨店社区安置村民不到2000名", C, "fig:dzd-villagers", "3000多名", "more than 3000"),
    ("bound", "在职党员到社区报到的超过1500名", S, "fig:volunteers", "1700余名", "> 1700 > 1500"),
    ("bound", "1700余名在职党员到社区报到", S, "fig:volunteers", "1700余名", "restated"),
    ("bound", "水系工作指挥部不少于60名干部百日攻坚", S, "fig:canal-cadres", "60余名", "> 60"),
    ("bound", "平安村(社区)、平安小区创建率达到九成以上", S, "fig:safe-rate", "95%以上", "≥ 95 ≥ 90"),
    ("bound", "平安小区创建率不到90%", C, "fig:safe-rate", "95%以上", "≥ 95"),
    ("bound", "完成投资占全年目标的一半以上", S, "fig:target-share", "52%", "52 ≥ 50"),
    ("bound", "完成投资占全年目标的一半", S, "fig:target-share", "52%", "一半 is about 50"),
    ("bound", "完成投资占全年目标的不到一半", C, "fig:target-share", "52%", "52 ≥ 50"),
    ("bound", "完成投资占全年目标的三分之二", C, "fig:target-share", "52%", "66.7 ≠ 52"),
    ("bound", "九州路办事处承担全市60%以上创卫、创园任务", S, "fig:city-task-share", "60%以上", "restated"),
    ("bound", "九州路办事处承担全市超过一半的创卫、创园任务", S, "fig:city-task-share", "60%以上", "≥ 60 > 50"),
    ("bound", "九州路办事处承担全市七成以上创卫任务", U, None, "60%以上", "60%以上 may or may not be 70%以上"),
    ("bound", "九州路办事处承担全市不到一半的创卫、创园任务", C, "fig:city-task-share", "60%以上", "≥ 60"),
    # ------------------------------------------------------------ a right number on the wrong subject
    ("subject", "西郭庄社区开工36栋楼", C, "fig:xgz-completed", "13栋 (西郭庄)", "西郭庄's own count is 13"),
    ("subject", "大寨店社区开工13栋楼", C, "fig:dzd-started", "36栋 (大寨店)", "大寨店's own count is 36"),
    ("subject", "西臣投社区已交付23栋楼", U, None, "23栋 is 大寨店's", "no 交付 figure for 西臣投"),
    ("subject", "西郭庄社区已交付23栋楼", U, None, "23栋 is 大寨店's", "no 交付 figure for 西郭庄"),
    ("subject", "西郭庄社区分配安置房664套", U, None, "664套 is 大寨店's", "no figure for 西郭庄"),
    ("subject", "九州路办事处建成已有26年", C, D_FOUNDED_YEARS, "1999年7月: 19年", "its own age, not 建行北院小区's"),
    ("subject", "九州路办事处成立至今已有26年", C, D_FOUNDED_YEARS, "19年", "the office's own age is 19"),
    ("subject", "泰山路办事处筹建办累计完成财税收入4.3亿元", U, None, "九州路办事处's figure", "another office"),
    ("subject", "泰山路办事处筹建办淘汰报废黄标车219辆", U, None, "九州路办事处's figure", "another office"),
    ("subject", "湘江社区73岁的邢玉梅每月享受低保救助450元", S, "fig:xym-dibao", "450元 每月", "her own figure"),
    ("subject", "邢玉梅今年75岁", C, "fig:xym-age", "73岁", "her own age"),
    ("subject", "戴尽卿今年73岁", U, None, "73岁 is 邢玉梅's", "no age for 戴尽卿"),
    ("subject", "大寨店村拆除旧房屋85座", S, "fig:dzd-demolished", "85座", "its own"),
    ("subject", "西郭庄村拆除旧房屋85座", U, None, "85座 is 大寨店's", "no figure for 西郭庄"),
    ("subject", "张公堰村举办招聘会5场", S, "fig:aid-jobfairs", "5场", "its own"),
    ("subject", "打柴口村举办招聘会5场", U, None, "5场 is 张公堰村's", "another village"),
    ("subject", "当时九州路办事处辖区面积16平方公里", S, "fig:area-1999", "16平方公里 (当时)", "1999"),
    ("subject", "目前九州路办事处辖区面积16平方公里", U, None, "16平方公里 is 当时", "当时 is not now"),
    # ------------------------------------------------------------ states of works
    ("state", "大寨店社区已有29栋楼完工", S, "fig:dzd-completed", "29栋 已完工", "same state"),
    ("state", "大寨店社区已有29栋楼交付", C, "fig:dzd-delivered", "23栋 已交付", "交付: 23"),
    ("state", "大寨店社区已有29栋楼主体封顶", C, "fig:dzd-topped", "7栋 主体封顶", "封顶: 7"),
    ("state", "大寨店社区已有29栋楼竣工", U, None, "29栋 已完工", "竣工 is another state"),
    ("state", "大寨店社区已有23栋楼交房", U, None, "23栋 已交付", "交房 is another state"),
    ("state", "大寨店社区已有7栋楼完工", C, "fig:dzd-completed", "29栋 已完工", "7 are topped out"),
    ("state", "大寨店社区开工36栋楼", S, "fig:dzd-started", "36栋 开工", "same state"),
    ("state", "大寨店社区已完工36栋楼", C, "fig:dzd-completed", "29栋", "not all completed"),
    ("state", "西郭庄社区开工的13栋楼主体已完工", S, "fig:xgz-completed", "13栋", "same"),
    ("state", "西郭庄社区13栋楼已交房", U, None, "预计9月底前交房", "expected, not done"),
    ("state", "西郭庄社区13栋楼已交付", U, None, "13栋 主体已完工", "交付 is another state"),
    ("state", "区划调整前西臣投社区(二期)已有7栋楼主体封顶", S, "fig:xct-topped", "7栋", "same"),
    ("state", "区划调整前西臣投社区(二期)已有7栋楼完工", U, None, "7栋 主体封顶", "a state before completion"),
    ("state", "区划调整前西臣投社区(二期)已有7栋楼交付", U, None, "7栋 主体封顶", "another state"),
    ("state", "21个海绵城市改造项目已全部完成初验", S, "fig:sponge-projects", "21个 初验", "same"),
    ("state", "21个海绵城市改造项目已全部通过正式竣工验收", U, None, "21个 初验", "正式竣工验收 is still ahead"),
    ("state", "21个海绵城市改造项目已全部竣工验收", U, None, "21个 初验", "another state"),
    ("state", "25个海绵城市改造项目已完成初验", C, "fig:sponge-projects", "21个", "same state, another count"),
    # ------------------------------------------------------------ counts over the fact base's lists
    ("count", "九州路办事处成立时辖12个城市社区和6个村", S, "fig:communities-1999", "12个城市社区, 6个村", "stated"),
    ("count", "九州路办事处成立时共辖18个社区(村)", S, D_FOUNDING_UNITS, "12 + 6", "sum of two lists"),
    ("count", "九州路办事处成立时共辖20个社区(村)", C, D_FOUNDING_UNITS, "18", "12 + 6 = 18"),
    ("count", "区划调整后仍属九州路办事处管辖的社区(村)共10个", S, D_STAYED, "6 + 4", "sum"),
    ("count", "区划调整后仍属九州路办事处管辖的社区(村)共12个", C, D_STAYED, "10", "6 + 4 = 10"),
    ("count", "区划调整后仍属九州路办事处管辖的村有4个", S, "fig:stayed-villages-2017", "4个村", "stated"),
    ("count", "区划调整后仍属九州路办事处管辖的社区有6个", S, "fig:stayed-communities-2017", "6个社区", "stated"),
    ("count", "8个社区(村)划归泰山路办事处筹建办", S, "fig:moved-2017", "8个", "stated"),
    ("count", "划归泰山路办事处筹建办的有6个社区", S, D_MOVED_COMMUNITIES, "6 of the 8 are 社区", "by kind"),
    ("count", "划归泰山路办事处筹建办的有3个村", C, D_MOVED_VILLAGES, "2 of the 8 are 村", "西臣投, 王升屯"),
    ("count", "划归泰山路办事处筹建办的村有2个", S, D_MOVED_VILLAGES, "西臣投、王升屯", "by kind"),
    ("count", "九州路办事处打造了5条精品示范小巷", S, D_ALLEYS, "新闻巷 … 紫荆巷", "five named"),
    ("count", "九州路办事处打造了6条精品示范小巷", C, D_ALLEYS, "5", "five named"),
    ("count", "海绵水系工程大寨店段有3条渠", S, D_CANALS, "天赉渠、棉丰渠、二支渠", "three named"),
    ("count", "海绵水系工程大寨店段有4条渠", C, D_CANALS, "3", "three named"),
    ("count", "九州路办事处打造了3个党建服务品牌", U, None, "等一大批", "the list is open: at least 3"),
    ("count", "九州路办事处打造了至少3个党建服务品牌", S, D_BRANDS, "3 named 等一大批", "at least 3"),
    ("count", "九州路办事处打造了2个党建服务品牌", C, D_BRANDS, "3 named", "at least 3 > 2"),
    ("count", "2017年度九州路办事处先后获得3项荣誉", U, None, "3 named 等多项荣誉", "open list"),
    ("count", "2017年度九州路办事处获得至少3项荣誉", S, D_HONOURS_2017, "3 named 等多项荣誉", "at least 3"),
    ("count", "2017年度九州路办事处获得2项荣誉", C, D_HONOURS_2017, "at least 3", "3 named"),
    ("count", "2017年度九州路办事处获得2项省级荣誉", U, None, "2 named 省 honours, open list", "at least 2"),
    ("count", "2017年度九州路办事处获得不少于2项省级荣誉", S, D_HONOURS_2017_PROVINCE, "2 named", "≥ 2"),
    ("count", "在建的大寨店、西郭庄、西臣投(二期)3个村明确了分包领导", S, "fig:reform-villages", "3个村", "stated"),
    ("count", "廉政承诺书由10个社区(村)负责人签订", S, "fig:pledge-units", "10个社区(村)", "stated"),
    # ------------------------------------------------------------ signed projects by band and bound
    ("band", "上半年新签约项目中投资额5亿元以上的有4个", S, D_GE5E8, "2 + 2", "two upper bands"),
    ("band", "上半年新签约项目中投资额5亿元以上的有5个", C, D_GE5E8, "4", "2 + 2"),
    ("band", "上半年新签约项目中投资额1亿元以上的有8个", S, D_GE1E8, "4 + 2 + 2", "three upper bands"),
    ("band", "上半年新签约项目中投资额1亿元以上的有7个", C, D_GE1E8, "8", "4 + 2 + 2"),
    ("band", "上半年新签约项目中投资额5亿元以下的有6个", S, D_LE5E8, "2 + 4", "two lower bands"),
    ("band", "投资额10亿元以上项目2个", S, "fig:signed-ge1e9", "2个", "stated"),
    ("band", "投资额1亿元到5亿元项目5个", C, "fig:signed-1e8-5e8", "4个", "stated"),
    ("band", "投资额5亿元以上的4个项目合计投资超过30亿元", U, None, "≥ 2×5亿 + 2×10亿 = 30亿", "30亿 itself allowed"),
    ("band", "投资额5亿元以上的4个项目合计投资不少于30亿元", S, D_GE5E8_SUM, "≥ 30亿", "every value ≥ 30亿"),
    ("band", "投资额5亿元以上的4个项目合计投资不到20亿元", C, D_GE5E8_SUM, "≥ 30亿", "at least 30亿"),
    ("band", "投资额5亿元以上的4个项目合计投资40亿元", U, None, "≥ 30亿", "bands allow it, do not say it"),
    ("band", "投资额1亿元以上的8个项目合计投资不到30亿元", C, D_GE1E8_SUM, "≥ 34亿", "at least 34亿"),
    ("band", "书香时代广场项目投资额超过10亿元", U, None, "10亿元以上", "以上 includes 10亿"),
    ("band", "书香时代广场项目投资额不低于10亿元", S, "project:shuxiangshidai", "10亿元以上", "≥ 10亿"),
    ("band", "58同城项目投资额不到2亿元", S, "project:58tongcheng", "亿元以下", "≤ 1亿 < 2亿"),
    ("band", "南水西郡项目投资额不到5亿元", C, "project:nanshuixijun", "10亿元以上", "≥ 10亿"),
    # ------------------------------------------------------------ differences, sums, shares
    ("derived", "大寨店社区还有13栋楼未交付", S, D_UNDELIVERED, "36 − 23", "difference"),
    ("derived", "大寨店社区尚未交付的楼有13栋", S, D_UNDELIVERED, "36 − 23", "difference"),
    ("derived", "大寨店社区还有15栋楼未交付", C, D_UNDELIVERED, "13", "36 − 23 = 13"),
    ("derived", "大寨店社区还有7栋楼未完工", S, D_UNFINISHED, "36 − 29", "difference"),
    ("derived", "大寨店社区还有9栋楼未完工", C, D_UNFINISHED, "7", "36 − 29 = 7"),
    ("derived", "大寨店社区已完工的楼占开工总数的八成", S, D_SHARE_DONE, "29/36 = 80.6%", "rounds to 八成"),
    ("derived", "大寨店社区已完工的楼占开工总数的80.6%", S, D_SHARE_DONE, "29/36 = 80.6%", "share"),
    ("derived", "大寨店社区已完工的楼占开工总数的九成", C, D_SHARE_DONE, "80.6%", "not 90%"),
    ("derived", "大寨店社区已完工的楼超过开工总数的四分之三", S, D_SHARE_DONE, "80.6%", "> 75%"),
    ("derived", "大寨店社区已交付的楼占开工总数的不到三分之二", S, D_SHARE_DELIVERED, "23/36 = 63.9%", "< 66.7%"),
    ("derived", "大寨店社区已交付的楼占开工总数的一半以上", S, D_SHARE_DELIVERED, "63.9%", "> 50%"),
    ("derived", "大寨店社区已交付的楼占开工总数的七成", C, D_SHARE_DELIVERED, "63.9%", "about 六成"),
    ("derived", "大寨店社区已交付的楼比开工的少13栋", S, "derived:difference:fig:dzd-started:fig:dzd-delivered", "36 − 23",
     "比…少"),
    ("derived", "大寨店社区已交付的楼比开工的少10栋", C, "derived:difference:fig:dzd-started:fig:dzd-delivered",
     "36 − 23 = 13", "比…少"),
    ("derived", "大寨店社区已完工的楼比已交付的多6栋", S, "fig:dzd-completed", "29 − 23", "比…多"),
    ("derived", "大寨店社区已完工的楼比已交付的多8栋", C, "fig:dzd-completed", "29 − 23 = 6", "比…多"),
    ("derived", "西郭庄社区开工的楼比大寨店社区少23栋", S, "derived:difference:fig:dzd-started:fig:xgz-completed", "13 and 36",
     "two subjects, one metric: 36 − 13 = 23"),
    ("subject", "邢玉梅和老伴儿每月领取养老保险160元", U, None, "每人每月80元", "two people: not a contradiction"),
    ("subject", "邢玉梅每人每月领取养老保险160元", C, "fig:xym-pension", "每人每月80元", "per person"),
    ("state", "大寨店社区新开工的8栋楼已经封顶", U, None, "新开工8栋楼", "the article does not say they are topped out"),
    # ------------------------------------------------------------ dates of events
    ("date", "九州路办事处成立于1999年7月", S, "event:founded", "1999年7月", "same month"),
    ("date", "九州路办事处于1999年9月成立", C, "event:founded", "1999年7月", "another month"),
    ("date", "九州路办事处成立于1999年7月1日", U, None, "1999年7月", "the article gives no day"),
    ("date", "九州路办事处1998年成立", C, "event:founded", "1999年", "another year"),
    ("date", "2017年11月，九州路办事处的行政区划进行了调整", S, "event:redistricting", "2017年11月", "same"),
    ("date", "2017年10月，九州路办事处的行政区划进行了调整", C, "event:redistricting", "2017年11月", "month"),
    ("date", "2018年九州路办事处的行政区划进行了调整", C, "event:redistricting", "2017年", "year"),
    ("date", "2017年8月17日至23日，大寨店社区第一批村民回迁", S, "event:dzd-first-return", "8月17日至23日", "same"),
    ("date", "2017年8月大寨店社区实现第一批村民回迁", S, "event:dzd-first-return", "2017年8月", "month of a range"),
    ("date", "2017年9月大寨店社区实现第一批村民回迁", C, "event:dzd-first-return", "2017年8月", "month"),
    ("date", "2016年大寨店社区实现第一批村民回迁", C, "event:dzd-first-return", "2017年", "year"),
    ("date", "2017年8月17日至25日，大寨店社区第一批村民回迁", C, "event:dzd-first-return", "至23日", "end day"),
    ("date", "今年7月5日，天河嘉城小区成立了党支部", S, "event:tianhejiacheng-branch", "今年7月5日", "same"),
    ("date", "2018年7月5日天河嘉城小区成立了党支部", S, "event:tianhejiacheng-branch", "今年 = 2018", "inferred"),
    ("date", "今年7月6日，天河嘉城小区成立了党支部", C, "event:tianhejiacheng-branch", "7月5日", "day"),
    ("date", "今年6月天河嘉城小区成立了党支部", C, "event:tianhejiacheng-branch", "7月", "month"),
    ("date", "8月19日，刘全福正在统计海绵水系工程清理情况", S, "event:liuquanfu-tally", "8月19日", "same"),
    ("date", "8月18日，刘全福正在统计海绵水系工程清理情况", C, "event:liuquanfu-tally", "8月19日", "day"),
    ("date", "西郭庄社区预计9月底前交房", S, "event:xgz-handover", "预计9月底前", "expected"),
    ("date", "西郭庄社区预计10月底前交房", C, "event:xgz-handover", "9月底前", "month"),
    ("date", "崔庄村城中村改造村民商业安置项目预计9月底交工", S, "event:cuizhuang-handover", "9月底", "expected"),
    # ------------------------------------------------------------ durations and ages
    ("duration", "九州路办事处成立19年来", S, D_FOUNDED_YEARS, "1999 → 2018", "19"),
    ("duration", "九州路办事处成立已有20年", C, D_FOUNDED_YEARS, "19", "1999 → 2018"),
    ("duration", "大寨店社区第一批回迁历时7天", S, D_RETURN_DAYS, "8月17日至23日", "inclusive"),
    ("duration", "大寨店社区第一批村民回迁用了7天", S, D_RETURN_DAYS, "8月17日至23日", "inclusive"),
    ("duration", "大寨店社区第一批回迁历时5天", C, D_RETURN_DAYS, "7天", "17 … 23"),
    ("duration", "建行北院小区建成已有26年", S, "fig:jhby-age", "26年", "stated"),
    ("duration", "建行北院小区建成已有30年", C, "fig:jhby-age", "26年", "stated"),
    ("duration", "邢玉梅今年73岁", S, "fig:xym-age", "73岁", "stated"),
    ("duration", "连续5年获得鹤壁市平安建设先进街道荣誉称号", S, "fig:safe-years", "连续5年", "stated"),
    ("duration", "连续3年获得鹤壁市平安建设先进街道荣誉称号", C, "fig:safe-years", "连续5年", "stated"),
    # ------------------------------------------------------------ honours and titles
    ("honour", "九州路办事处获得全国创建无邪教示范街道称号", S, "honour:wuxiejiao-2017", "2017年度", "named"),
    ("honour", "2017年九州路办事处获得全国创建无邪教示范街道称号", S, "honour:wuxiejiao-2017", "2017年度", "year"),
    ("honour", "2016年九州路办事处获得全国创建无邪教示范街道称号", C, "honour:wuxiejiao-2017", "2017年度", "year"),
    ("honour", "九州路办事处获得省级荣誉全国创建无邪教示范街道", C, "honour:wuxiejiao-2017", "全国 (国家)", "level"),
    ("honour", "九州路办事处获得国家级荣誉全国创建无邪教示范街道", S, "honour:wuxiejiao-2017", "全国", "level"),
    ("honour", "2017年度九州路办事处获得省计划生育工作先进单位称号", S, "honour:jisheng-2017", "2017年度", "named"),
    ("honour", "2017年度九州路办事处获得省国企改革攻坚战先进单位称号", S, "honour:guoqi-2017", "2017年度", "named"),
    ("honour", "2015年九州路办事处获得省国企改革攻坚战先进单位称号", C, "honour:guoqi-2017", "2017年度", "year"),
    ("honour", "九州路办事处获得国家卫生城市称号", C, "place:weisheng-chengshi", "the city's title", "鹤壁市's"),
    ("honour", "九州路办事处被评为国家园林城市", C, "place:yuanlin-chengshi", "the city's title", "鹤壁市's"),
    ("honour", "九州路办事处为我市成功创建国家卫生城市作出了突出贡献", U, None, "the city's title", "contributed"),
    ("honour", "九州路办事处获得全国文明单位称号", U, None, "not in the article", "not named; list open"),
    ("honour", "九州路办事处获得省级文明单位荣誉", U, None, "not in the article", "not named"),
    # ------------------------------------------------------------ designations, guides, offices, roles
    ("designation", "东方社区被打造成生态型社区", S, "unit:dongfang", "生态型社区", "named"),
    ("designation", "九州路办事处将东方社区打造成生态型社区", S, "unit:dongfang", "生态型社区", "named"),
    ("designation", "东方社区被打造成文化型社区", C, "unit:dongfang", "生态型社区", "another"),
    ("designation", "牟山社区被打造成服务型社区", S, "unit:moushan", "服务型社区", "named"),
    ("designation", "牟山社区被打造成生态型社区", C, "unit:moushan", "服务型社区", "another"),
    ("designation", "鹤翔社区被打造成文化型社区", S, "unit:hexiang", "文化型社区", "named"),
    ("designation", "鹤翔社区被打造成服务型社区", C, "unit:hexiang", "文化型社区", "another"),
    ("designation", "迎宾社区被打造成服务型社区", U, None, "迎宾: none named; list ends in 等", "open"),
    ("relation", "天河嘉城小区在凤凰城社区的指导下成立了党支部", S, "unit:tianhejiacheng", "凤凰城社区", "named"),
    ("relation", "在迎宾社区的指导下，天河嘉城小区成立了党支部", C, "unit:tianhejiacheng", "凤凰城社区", "another"),
    ("relation", "天河嘉城小区在桂鹤社区指导下成立党支部", C, "unit:tianhejiacheng", "凤凰城社区", "another"),
    ("office", "东方社区目前属于泰山路办事处筹建办", S, "unit:dongfang", "划归泰山路 2017-11", "after"),
    ("office", "东方社区目前属于九州路办事处", C, "unit:dongfang", "划归泰山路 2017-11", "moved"),
    ("office", "1999年东方社区属于九州路办事处", S, "unit:dongfang", "辖 … 东方 (1999)", "before"),
    ("office", "凤凰城社区仍属九州路办事处管辖", S, "unit:fenghuangcheng", "仍属九州路", "stayed"),
    ("office", "凤凰城社区划归泰山路办事处筹建办", C, "unit:fenghuangcheng", "仍属九州路", "stayed"),
    ("office", "牟山社区划归泰山路办事处筹建办", S, "unit:moushan", "划归泰山路", "moved"),
    ("office", "2018年大寨店村属于九州路办事处", S, "unit:dazhaidian", "仍属九州路", "stayed"),
    ("role", "刘全福是九州路办事处党工委副书记、主任", S, "person:liuquanfu", "党工委副书记、主任", "as written"),
    ("role", "九州路办事处主任刘全福说", S, "person:liuquanfu", "主任", "as written"),
    ("role", "九州路办事处党工委书记刘全福说", C, "person:liuquanfu", "党工委副书记", "副书记 is not 书记"),
    ("role", "九州路办事处副主任刘全福表示", C, "person:liuquanfu", "主任", "not 副主任"),
    ("role", "天河嘉城小区居民张晓凯告诉记者", S, "person:zhangxiaokai", "天河嘉城小区居民", "as written"),
    ("role", "刘全福是泰山路办事处主任", C, "person:liuquanfu", "九州路办事处…主任", "another office"),
    ("role", "泰山路办事处主任刘全福说", C, "person:liuquanfu", "九州路办事处…主任", "another office"),
    ("role", "冯科峰是九州路办事处主任", U, None, "no role stated", "the article gives none"),
    ("date", "西郭庄社区已于8月交房", U, None, "预计9月底前交房", "expected, not done: neither"),
    ("date", "西郭庄社区已于10月交房", U, None, "预计9月底前交房", "expected, not done: neither"),
]


def _evidence_ids(doc: dict) -> list[str]:
    """The first two evidence ids of every item of the claim whose verdict is the claim's."""
    items = doc.get("figures") or [doc]
    return [e["id"] for r in items if r["verdict"] == doc["verdict"] for e in r["evidence"][:2]]


def test_rows_are_well_formed():
    assert len(ROWS) >= 200
    assert len({r[1] for r in ROWS}) == len(ROWS), "duplicate claim"
    kinds = {r[0] for r in ROWS}
    for kind in kinds:
        verdicts = {r[2] for r in ROWS if r[0] == kind}
        if kind != "issue":
            assert len(verdicts) >= 2, f"{kind}: needs true and false claims"
    for _kind, claim, verdict, id_, article, why in ROWS:
        assert (id_ is None) == (verdict == U), claim
        assert article and why, claim


@pytest.mark.parametrize("kind,claim,verdict,id_,article,why", ROWS, ids=[f"{i:03d}-{r[0]}-{r[2]}" for i, r in enumerate(ROWS)])
def test_claim_of_each_kind(cli, kind, claim, verdict, id_, article, why):
    r = cli("check", claim, "--json")
    assert r.code in (0, 1), r.err
    doc = r.json
    assert doc["verdict"] == verdict, (claim, why, doc.get("reason"), [e["id"] for e in doc["evidence"]])
    assert r.code == (0 if verdict == S else 1)
    if id_ is not None:
        ids = _evidence_ids(doc)
        assert id_ in ids, (claim, ids)


ISSUE_ROWS = [r for r in ROWS if r[0] == "issue"]


@pytest.mark.parametrize("kind,claim,verdict,id_,article,why", ISSUE_ROWS,
                         ids=[f"issue-{i:02d}-{r[2]}" for i, r in enumerate(ISSUE_ROWS)])
def test_the_issue_table_from_the_installed_command(jz, kind, claim, verdict, id_, article, why):
    """Every example of the issue's table gives its right-hand verdict from the installed `jzcli check`."""
    r = jz("check", claim, "--json")
    assert r.code == (0 if verdict == S else 1), r.err
    doc = r.json
    assert doc["verdict"] == verdict, (claim, doc.get("reason"))
    if id_ is not None:
        assert id_ in _evidence_ids(doc)


def test_a_derived_verdict_shows_its_arithmetic_and_inputs(cli):
    doc = cli("check", "大寨店社区还有13栋楼未交付", "--json").json
    assert doc["verdict"] == S
    d = doc["derivation"]
    assert d["kind"] == "difference" and d["formula"] == "36栋楼 − 23栋楼 = 13栋"
    assert [i["id"] for i in d["inputs"]] == ["fig:dzd-started", "fig:dzd-delivered"]
    assert all(i["quote"] for i in d["inputs"])
    assert doc["evidence"][0]["derivation"] == d
    table = cli("check", "大寨店社区还有13栋楼未交付", "--format", "tsv")
    assert "36栋楼 − 23栋楼 = 13栋" in table.out


def test_every_item_has_its_kind_and_offsets(cli):
    claim = "九州路办事处成立于1999年7月，当时辖区面积16平方公里"
    doc = cli("check", claim, "--json").json
    items = {r["kind"]: r for r in doc["figures"]}
    assert set(items) == {"date", "figure"}
    assert claim[items["date"]["start"]:items["date"]["end"]] == "1999年7月"
    assert claim[items["figure"]["start"]:items["figure"]["end"]] == "16平方公里"


def test_offsets_are_in_the_claim_as_typed(cli):
    claim = "大寨店社区　开工 ３６栋楼"  # a full-width space, a space and full-width digits
    doc = cli("check", claim, "--json").json
    assert doc["verdict"] == S
    assert claim[doc["start"]:doc["end"]] == "３６栋"


def test_draft_items_carry_line_and_column(cli, tmp_path):
    draft = "第一行没有数字。\n  大寨店社区开工36栋楼，已交付23栋。\n九州路办事处成立于1999年7月。\n"
    path = tmp_path / "d.txt"
    path.write_text(draft, encoding="utf-8")
    rows = cli("check", "--file", str(path), "--json").json
    lines = draft.splitlines()
    got = [(r["figure"], r["kind"], r["line"], r["column"],
            lines[r["line"] - 1][r["column"] - 1:r["column"] - 1 + len(r["figure"])]) for r in rows]
    assert got == [("36栋", "figure", 2, 10, "36栋"), ("23栋", "figure", 2, 18, "23栋"),
                   ("1999年7月", "date", 3, 10, "1999年7月")]
