#!/usr/bin/env python3
"""Build facts.json (a TinyDB database) from the curated data below.

The data is the curator's reading of one article (the only source of truth):
    ../shared/source/000_e90f716d7d44d38f.txt   (relative to the repository root)

Usage:
    /work/venv/bin/python curation/build_facts.py [--source PATH] [--output PATH]

The script fills defaults, computes pinyin for units and projects, derives the
`oddities` field of every record from the `affects` lists of the oddities table,
verifies every quote against the article (whitespace removed from both), checks
that ids are unique and every referenced id exists, recomputes every cross-check
and compares it with its stored `holds`, then writes facts.json atomically.
Schema: docs/facts-schema.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the jzcli package of this checkout: one squash, one reference walk, one cross-check
from jzcli import crosschecks, files  # noqa: E402
from jzcli.errors import JzError  # noqa: E402
from jzcli.factbase import FactBase  # noqa: E402
from jzcli.text import squash  # noqa: E402
from jzcli.validate import references  # noqa: E402

DEFAULT_SOURCE = Path(os.path.normpath(ROOT / ".." / "shared" / "source" / "000_e90f716d7d44d38f.txt"))
DEFAULT_OUTPUT = ROOT / "facts.json"
SOURCE_FILE = "000_e90f716d7d44d38f.txt"


def _ascii(parts: list[str]) -> str:
    return re.sub(r"[^a-z0-9]", "", "".join(parts).lower())


def pinyin_of(text: str) -> tuple[str, str]:
    """(full, initials) pinyin of `text`: lower-case ascii letters and digits, no spaces."""
    from pypinyin import Style, lazy_pinyin  # imported here: pypinyin is slow to import

    return (_ascii(lazy_pinyin(text, style=Style.NORMAL)),
            _ascii(lazy_pinyin(text, style=Style.FIRST_LETTER)))


# =============================================================================
# Curated data
# =============================================================================

TOPICS = {
    "economy": "经济",
    "projects": "招商项目",
    "construction": "建设进度",
    "sponge_city": "海绵城市",
    "environment": "环境",
    "safety": "平安",
    "livelihood": "民生",
    "poverty_aid": "扶贫",
    "administration": "行政区划",
    "party_building": "党建",
    "urban_management": "城市管理",
}

# band id -> (min 元, max 元, wording as written). Edges overlap in the article's wording (see oddities).
BANDS = {
    "lt1e8": (None, 100000000, "投资额亿元以下"),
    "1e8-5e8": (100000000, 500000000, "投资额1亿元到5亿元"),
    "5e8-1e9": (500000000, 1000000000, "投资额5亿元到10亿元"),
    "ge1e9": (1000000000, None, "投资额10亿元以上"),
}

# --- source ------------------------------------------------------------------
SOURCE = [
    {
        "id": "source:article",
        "title": "科学发展展新篇章 务实重干展新姿",
        "subtitle": None,
        "place": "九州路办事处, 淇滨区, 鹤壁市",
        "file": SOURCE_FILE,
        "publication_year": 2018,
        "publication_year_inferred": True,
        "year_reasoning": (
            "The article gives no date line. 2017 is reported as a closed year (\"2017年,...圆满完成\", "
            "\"2017年度先后获得\"), the 2017-11 redistricting is reported as done, while items dated 今年 are "
            "unfinished (今年前6个月 investment 52% of the annual target, 9月底前交房 still expected): so 今年 = 2018."
        ),
        "as_of": "2018-08-19",
        "as_of_precision": "day",
        "as_of_reasoning": (
            "The latest dated item is \"8月19日,正在统计海绵水系工程清理情况的刘全福告诉记者\" (this year, 2018), "
            "and the September 2018 handovers are still planned: the article was written on or shortly after 2018-08-19."
        ),
        "quote": "科学发展展新篇章务实重干展新姿",
        "note": "The two headline lines form the title; \"(上接第一版)\" shows the text continues from page 1. No subtitle is printed.",
    },
]

# --- units ---------------------------------------------------------------------
FOUND_C_Q = "辖桂鹤、九州、鹤翔、东方、金鹤、福田、学院、广场、清华园、迎宾、牟山、凤凰城12个城市社区"
FOUND_V_Q = "崔庄、王升屯、大寨店、打柴口、西臣投、西郭庄6个村"
MOVED_Q = "福田、广场、东方、九州、清华园、牟山、西臣投、王升屯8个社区(村)划归泰山路办事处筹建办"
STAYED_Q = "鹤翔、学院、桂鹤、金鹤、迎宾、凤凰城6个社区和大寨店、西郭庄、打柴口、崔庄4个村仍属九州路办事处管辖"


def _moved(found_q: str) -> list[dict]:
    """Office history of a founding unit moved to 泰山路办事处筹建办 in 2017-11."""
    return [
        {"office": "九州路办事处", "office_id": "unit:jiuzhoulu", "from": "1999-07", "to": "2017-11", "quote": found_q},
        {"office": "泰山路办事处筹建办", "office_id": "unit:taishanlu", "from": "2017-11", "to": None, "quote": MOVED_Q},
    ]


def _stayed() -> list[dict]:
    """Office history of a founding unit that stayed with 九州路办事处 after 2017-11."""
    return [{"office": "九州路办事处", "office_id": "unit:jiuzhoulu", "from": "1999-07", "to": None, "quote": STAYED_Q}]


UNITS = [
    # offices
    {"id": "unit:jiuzhoulu", "name": "九州路办事处", "short": "九州路", "kind": "办事处", "member": False,
     "flags": ["office"], "quote": "成立于1999年7月的九州路办事处",
     "note": "The office itself (淇滨区, 鹤壁市). Founded 1999-07; area 16 km², population 16.2万 at founding."},
    {"id": "unit:taishanlu", "name": "泰山路办事处筹建办", "short": "泰山路", "kind": "筹建办", "member": False,
     "flags": ["office"], "quote": MOVED_Q,
     "note": "Preparatory office that received 8 communities/villages in 2017-11."},
    # the 12 urban communities listed at founding (1999-07)
    {"id": "unit:guihe", "name": "桂鹤社区", "short": "桂鹤", "kind": "城市社区", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_C_Q},
    {"id": "unit:jiuzhou", "name": "九州社区", "short": "九州", "kind": "城市社区", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_C_Q), "quote": FOUND_C_Q,
     "note": "Not to be confused with the office 九州路办事处 or the slogans 红动九州 / 幸福九州 / 九州家园."},
    {"id": "unit:hexiang", "name": "鹤翔社区", "short": "鹤翔", "kind": "城市社区", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "designations": ["文化型社区"], "quote": FOUND_C_Q},
    {"id": "unit:dongfang", "name": "东方社区", "short": "东方", "kind": "城市社区", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_C_Q), "designations": ["生态型社区"], "quote": FOUND_C_Q,
     "note": "Not related (as far as the article says) to the signed project 东方颐养园项目."},
    {"id": "unit:jinhe", "name": "金鹤社区", "short": "金鹤", "kind": "城市社区", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_C_Q},
    {"id": "unit:futian", "name": "福田社区", "short": "福田", "kind": "城市社区", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_C_Q), "quote": FOUND_C_Q},
    {"id": "unit:xueyuan", "name": "学院社区", "short": "学院", "kind": "城市社区", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_C_Q},
    {"id": "unit:guangchang", "name": "广场社区", "short": "广场", "kind": "城市社区", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_C_Q), "quote": FOUND_C_Q},
    {"id": "unit:qinghuayuan", "name": "清华园社区", "short": "清华园", "kind": "城市社区", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_C_Q), "quote": FOUND_C_Q},
    {"id": "unit:yingbin", "name": "迎宾社区", "short": "迎宾", "kind": "城市社区", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_C_Q},
    {"id": "unit:moushan", "name": "牟山社区", "short": "牟山", "kind": "城市社区", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_C_Q), "designations": ["服务型社区"], "quote": FOUND_C_Q},
    {"id": "unit:fenghuangcheng", "name": "凤凰城社区", "short": "凤凰城", "kind": "城市社区", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_C_Q},
    # the 6 villages listed at founding
    {"id": "unit:cuizhuang", "name": "崔庄村", "short": "崔庄", "kind": "村", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_V_Q},
    {"id": "unit:wangshengtun", "name": "王升屯村", "short": "王升屯", "kind": "村", "member": True,
     "office": "unit:taishanlu", "history": _moved(FOUND_V_Q), "quote": FOUND_V_Q,
     "note": "The article writes only 王升屯; 王升屯村 is the full form by the list's 村 suffix."},
    {"id": "unit:dazhaidian", "name": "大寨店村", "short": "大寨店", "kind": "村", "member": True,
     "aliases": ["大寨店社区"], "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_V_Q,
     "note": "Village under 城中村 renewal; its new-type community is written 大寨店社区 (same unit)."},
    {"id": "unit:dachaikou", "name": "打柴口村", "short": "打柴口", "kind": "村", "member": True,
     "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_V_Q},
    {"id": "unit:xichentou", "name": "西臣投村", "short": "西臣投", "kind": "村", "member": True,
     "aliases": ["西臣投社区", "西臣投(二期)", "西臣投社区(二期)"], "office": "unit:taishanlu",
     "history": _moved(FOUND_V_Q), "quote": FOUND_V_Q,
     "note": "Written 西臣投(二期) / 西臣投社区(二期) for its new-type community (phase 2); the full form 西臣投村 is not printed."},
    {"id": "unit:xiguozhuang", "name": "西郭庄村", "short": "西郭庄", "kind": "村", "member": True,
     "aliases": ["西郭庄社区"], "office": "unit:jiuzhoulu", "history": _stayed(), "quote": FOUND_V_Q,
     "note": "Its new-type community is written 西郭庄社区 (same unit); the full form 西郭庄村 is not printed."},
    # places that look like units but are not units of the office
    {"id": "unit:xiangjiang", "name": "湘江社区", "short": "湘江", "kind": "社区", "member": False,
     "flags": ["not_a_unit_of_the_office", "not_in_lists"], "quote": "九州路办事处湘江社区73岁的邢玉梅",
     "note": "Written \"九州路办事处湘江社区\" and treated as a 村改居社区 of the office, but it is in neither the "
             "1999 list nor the post-2017-11 list; its office is therefore left null."},
    {"id": "unit:tianhejiacheng", "name": "天河嘉城小区", "short": "天河嘉城", "kind": "小区", "member": False,
     "parent": "unit:fenghuangcheng", "office": "unit:jiuzhoulu",
     "flags": ["residential_compound", "not_a_unit_of_the_office"],
     "quote": "在九州路办事处凤凰城社区的指导下,天河嘉城小区成立了党支部",
     "note": "Residential compound guided by 凤凰城社区; office inherited from its parent community."},
    {"id": "unit:jianhangbeiyuan", "name": "建行北院小区", "short": "建行北院", "kind": "小区", "member": False,
     "parent": "unit:guihe", "office": "unit:jiuzhoulu",
     "flags": ["residential_compound", "not_a_unit_of_the_office"], "quote": "九州路办事处桂鹤社区的建行北院小区",
     "note": "Residential compound in 桂鹤社区; office inherited from its parent community."},
    {"id": "unit:zhanggongyan", "name": "张公堰村", "short": "张公堰", "kind": "村", "member": False,
     "parent": "unit:dahejian", "flags": ["partner_village", "not_a_unit_of_the_office"],
     "quote": "淇滨区最大的贫困村——大河涧乡张公堰村",
     "note": "Poverty-aid partner village of the office (淇滨区最大的贫困村), in 大河涧乡."},
    {"id": "unit:dahejian", "name": "大河涧乡", "short": "大河涧", "kind": "乡", "member": False,
     "flags": ["not_a_unit_of_the_office"], "quote": "淇滨区最大的贫困村——大河涧乡张公堰村",
     "note": "Township of the partner village 张公堰村."},
]

# --- projects ------------------------------------------------------------------
SIGNED_NOTE = "Signed in 2018 H1 (上半年 of 今年); the article gives only the investment band, no sector."
KEY_WORKS_Q = "大力推进清水湾、西郭庄城中村改造配地、中小学建设、鹤煤大道拓宽、高压走廊绿化等项目进度工作"
LANDED_Q = "清水湾、北京爱好城湘江教育综合体、美年大健康、中凯5号巷餐饮示范街等一批涉及房地产、教育、医疗、餐饮等行业的项目先后落地"
LANDED_SECTOR_NOTE = ("Sector read from the parallel list 涉及房地产、教育、医疗、餐饮等行业 (same order as the "
                      "projects); the article does not pair them explicitly.")

PROJECTS = [
    # the 10 projects signed in 2018 H1
    {"id": "project:58tongcheng", "name": "58同城项目", "status": "signed", "band": "lt1e8",
     "quote": "投资额亿元以下项目2个,分别是58同城项目", "note": SIGNED_NOTE},
    {"id": "project:qiyuan", "name": "启源人才交流项目", "status": "signed", "band": "lt1e8",
     "quote": "58同城项目、启源人才交流项目", "note": SIGNED_NOTE},
    {"id": "project:huadayuren", "name": "华大育仁教育基地项目", "status": "signed", "band": "1e8-5e8",
     "quote": "投资额1亿元到5亿元项目4个,分别是华大育仁教育基地项目", "note": SIGNED_NOTE},
    {"id": "project:ganlanjiayuan", "name": "橄榄嘉园教育基地项目", "status": "signed", "band": "1e8-5e8",
     "quote": "华大育仁教育基地项目、橄榄嘉园教育基地项目", "note": SIGNED_NOTE},
    {"id": "project:banu", "name": "巴奴毛肚火锅城项目", "status": "signed", "band": "1e8-5e8",
     "quote": "橄榄嘉园教育基地项目、巴奴毛肚火锅城项目", "note": SIGNED_NOTE},
    {"id": "project:aoti", "name": "奥体国际健身中心项目", "status": "signed", "band": "1e8-5e8",
     "quote": "巴奴毛肚火锅城项目、奥体国际健身中心项目", "note": SIGNED_NOTE},
    {"id": "project:qingshuiwan-guangchang", "name": "清水湾生活广场项目", "status": "signed", "band": "5e8-1e9",
     "quote": "投资额5亿元到10亿元项目2个,分别是清水湾生活广场项目",
     "note": SIGNED_NOTE + " A different record from 清水湾 (landed earlier, key work): the article does not say whether they are related."},
    {"id": "project:dongfangyiyangyuan", "name": "东方颐养园项目", "status": "signed", "band": "5e8-1e9",
     "quote": "清水湾生活广场项目、东方颐养园项目", "note": SIGNED_NOTE},
    {"id": "project:shuxiangshidai", "name": "书香时代广场项目", "status": "signed", "band": "ge1e9",
     "quote": "投资额10亿元以上项目2个,分别是书香时代广场项目", "note": SIGNED_NOTE},
    {"id": "project:nanshuixijun", "name": "南水西郡项目", "status": "signed", "band": "ge1e9",
     "quote": "书香时代广场项目、南水西郡项目", "note": SIGNED_NOTE},
    # landed earlier (no amount); the list ends with 等
    {"id": "project:qingshuiwan", "name": "清水湾", "status": "landed", "statuses": ["landed", "key_work"],
     "sector": "房地产", "quote": LANDED_Q,
     "note": "Landed earlier and also named among the key construction works (大力推进清水湾...). " + LANDED_SECTOR_NOTE +
             " A different record from 清水湾生活广场项目 (signed 2018 H1): the article does not say whether they are related."},
    {"id": "project:aihaocheng", "name": "北京爱好城湘江教育综合体", "status": "landed", "sector": "教育",
     "quote": LANDED_Q, "note": LANDED_SECTOR_NOTE},
    {"id": "project:meinian", "name": "美年大健康", "status": "landed", "sector": "医疗",
     "quote": LANDED_Q, "note": LANDED_SECTOR_NOTE},
    {"id": "project:zhongkai5haoxiang", "name": "中凯5号巷餐饮示范街", "status": "landed", "sector": "餐饮",
     "quote": LANDED_Q, "note": LANDED_SECTOR_NOTE},
    # key construction works named (no amount)
    {"id": "project:xiguozhuang-peidi", "name": "西郭庄城中村改造配地", "status": "key_work",
     "mentions": ["unit:xiguozhuang"], "quote": KEY_WORKS_Q},
    {"id": "project:zhongxiaoxue", "name": "中小学建设", "status": "key_work", "quote": KEY_WORKS_Q},
    {"id": "project:hemeidadao", "name": "鹤煤大道拓宽", "status": "key_work", "quote": KEY_WORKS_Q},
    {"id": "project:gaoyazoulang", "name": "高压走廊绿化", "status": "key_work", "quote": KEY_WORKS_Q},
    {"id": "project:cuizhuang-anzhi", "name": "崔庄村城中村改造村民商业安置项目", "status": "key_work",
     "mentions": ["unit:cuizhuang"], "quote": "崔庄村城中村改造村民商业安置项目预计9月底交工并投入使用"},
    {"id": "project:haimian-gaizao", "name": "海绵城市改造项目", "status": "key_work", "programme": True,
     "quote": "21个海绵城市改造项目已全部完成初验",
     "note": "A programme of 21 sponge-city renovation projects (units and residential compounds of the office); "
             "the individual projects are not named."},
    {"id": "project:haimian-shuixi", "name": "海绵水系工程", "status": "key_work", "programme": True,
     "mentions": ["unit:dazhaidian", "place:tianlaiqu", "place:mianfengqu", "place:erzhiqu"],
     "quote": "九州路办事处大力推进海绵水系工程建设",
     "note": "Sponge-city water-system works; its 大寨店段 covers the canals 天赉渠, 棉丰渠, 二支渠."},
]

# --- figures -------------------------------------------------------------------
# period: ISO-like; "2016/2018-08" = from 2016 to the article's as-of month. period_inferred: the year (or the
# end of the period) comes from 今年 / 目前 / 日前 / 截至目前 / present tense.
ECON = {"period": "2016/2018-08", "period_text": "2016年以来", "period_inferred": True, "topic": "economy"}
SIGN = {"period": "2018-H1", "period_text": "上半年", "period_inferred": True, "topic": "projects"}
NOW = {"period": "2018-08", "period_inferred": True}
ENV = {"period": "2017", "period_text": "2017年", "topic": "environment"}
AID = {"period": "2017/2018-08", "period_text": "2017年年初以来", "period_inferred": True, "topic": "poverty_aid"}
XYM = {"subject": "person:xingyumei", "period": "2018-08", "period_inferred": True, "topic": "livelihood"}

PLEDGE_Q = "全体班子成员和10个社区(村)、14个部门负责人分别签订了廉政承诺书"
SHARE_Q = "项目建设完成投资9.96亿元,占全年目标19亿元的52%"
RETURN_Q = "共分配664套安置房安置3000多名村民"

FIGURES = [
    # administration (founding 1999-07; redistricting 2017-11)
    {"id": "fig:area-1999", "subject": "unit:jiuzhoulu", "metric": "辖区面积", "value": 16, "unit": "平方公里",
     "period": "1999-07", "period_text": "当时", "topic": "administration", "text": "16平方公里",
     "keywords": ["辖区面积", "面积", "成立", "当时"], "quote": "当时辖区面积16平方公里"},
    {"id": "fig:population-1999", "subject": "unit:jiuzhoulu", "metric": "总人口", "value": 162000, "unit": "人",
     "period": "1999-07", "period_text": "当时", "topic": "administration", "text": "16.2万人",
     "keywords": ["总人口", "人口", "成立", "当时"], "quote": "总人口16.2万人"},
    {"id": "fig:communities-1999", "subject": "unit:jiuzhoulu", "metric": "辖城市社区数", "value": 12, "unit": "个",
     "period": "1999-07", "period_text": "当时", "topic": "administration", "text": "12个城市社区",
     "keywords": ["辖", "城市社区", "成立", "当时", "1999年"], "quote": "牟山、凤凰城12个城市社区"},
    {"id": "fig:villages-1999", "subject": "unit:jiuzhoulu", "metric": "辖村数", "value": 6, "unit": "个",
     "period": "1999-07", "period_text": "当时", "topic": "administration", "text": "6个村",
     "keywords": ["辖", "个村", "成立", "当时", "1999年"], "quote": "打柴口、西臣投、西郭庄6个村"},
    {"id": "fig:employers-1999", "subject": "unit:jiuzhoulu", "metric": "辖区党政企事业单位数", "value": 200,
     "unit": "家", "qualifier": "余", "period": "1999-07", "period_text": "当时", "topic": "administration",
     "text": "200余家", "keywords": ["党政企事业单位", "单位", "辖区"], "quote": "辖区有党政企事业单位200余家"},
    {"id": "fig:moved-2017", "subject": "unit:jiuzhoulu", "metric": "划归泰山路办事处筹建办的社区(村)数", "value": 8,
     "unit": "个", "period": "2017-11", "period_text": "2017年11月", "topic": "administration",
     "text": "8个社区(村)", "keywords": ["划归", "泰山路办事处筹建办", "区划调整", "社区(村)"],
     "quote": "西臣投、王升屯8个社区(村)划归泰山路办事处筹建办"},
    {"id": "fig:stayed-communities-2017", "subject": "unit:jiuzhoulu", "metric": "区划调整后仍属管辖的社区数",
     "value": 6, "unit": "个", "period": "2017-11", "period_text": "2017年11月", "topic": "administration",
     "text": "6个社区", "keywords": ["仍属", "管辖", "区划调整", "个社区", "现辖", "调整后"], "quote": STAYED_Q},
    {"id": "fig:stayed-villages-2017", "subject": "unit:jiuzhoulu", "metric": "区划调整后仍属管辖的村数",
     "value": 4, "unit": "个", "period": "2017-11", "period_text": "2017年11月", "topic": "administration",
     "text": "4个村", "keywords": ["仍属", "管辖", "区划调整", "个村", "现辖", "调整后"], "quote": "打柴口、崔庄4个村仍属九州路办事处管辖"},

    # party building
    {"id": "fig:pilot-communities", "subject": "unit:jiuzhoulu", "metric": "指导确定小区党建试点的城市社区数",
     "value": 6, "unit": "个", "topic": "party_building", "text": "6个城市社区",
     "keywords": ["小区党建", "指导", "城市社区"], "quote": "九州路办事处指导6个城市社区确定了8个小区党建试点"},
    {"id": "fig:pilot-compounds", "subject": "unit:jiuzhoulu", "metric": "小区党建试点数", "value": 8, "unit": "个",
     "topic": "party_building", "text": "8个小区党建试点", "keywords": ["小区党建", "试点", "确定"],
     "quote": "确定了8个小区党建试点"},
    {"id": "fig:compound-leaders", "subject": "unit:jiuzhoulu", "metric": "选出小区带头人数", "value": 15,
     "unit": "名", "topic": "party_building", "text": "15名", "keywords": ["小区带头人", "带头人", "选出"],
     "quote": "选出小区带头人15名"},
    {"id": "fig:catering-branches", "subject": "place:canyin-dangwei", "metric": "下设支部数", "value": 6,
     "unit": "个", "period": "2018", "period_text": "今年年初", "period_inferred": True, "topic": "party_building",
     "text": "6个支部", "keywords": ["市餐饮协会党委", "下设", "支部", "两新"],
     "mentions": ["unit:jiuzhoulu"], "quote": "指导成立了市餐饮协会党委,下设6个支部"},
    {"id": "fig:pledge-units", "subject": "unit:jiuzhoulu", "metric": "签订廉政承诺书的社区(村)数", "value": 10,
     "unit": "个", "topic": "party_building", "text": "10个社区(村)",
     "keywords": ["廉政承诺书", "签订", "社区(村)", "个社区", "双廉"], "quote": PLEDGE_Q},
    {"id": "fig:pledge-departments", "subject": "unit:jiuzhoulu", "metric": "签订廉政承诺书的部门数（部门负责人）",
     "value": 14, "unit": "个", "topic": "party_building", "text": "14个部门负责人",
     "keywords": ["廉政承诺书", "签订", "部门", "负责人"], "quote": PLEDGE_Q,
     "note": "Counted as 14 departments (14个部门负责人 = the heads of 14 departments)."},
    {"id": "fig:volunteers", "subject": "unit:jiuzhoulu", "metric": "到社区报到并认领岗位的在职党员数", "value": 1700,
     "unit": "名", "qualifier": "余", "period_text": "近年来", "topic": "party_building", "text": "1700余名",
     "keywords": ["在职党员", "报到", "认领岗位", "红动九州", "志愿服务"], "mentions": ["place:hongdongjiuzhou"],
     "quote": "1700余名在职党员到社区报到并认领岗位"},

    # economy (2016 to date)
    {"id": "fig:tax-revenue", "subject": "unit:jiuzhoulu", "metric": "累计完成财税收入", "value": 430000000,
     "unit": "元", **ECON, "text": "4.3亿元", "keywords": ["财税收入", "累计完成"],
     "quote": "2016年以来,该办事处累计完成财税收入4.3亿元"},
    {"id": "fig:fixed-investment", "subject": "unit:jiuzhoulu", "metric": "完成固定资产投资", "value": 8600000000,
     "unit": "元", **ECON, "text": "86亿元", "keywords": ["固定资产投资", "完成"], "quote": "完成固定资产投资86亿元"},
    {"id": "fig:out-of-province", "subject": "unit:jiuzhoulu", "metric": "引进省外资金", "value": 1070000000,
     "unit": "元", **ECON, "text": "10.7亿元", "keywords": ["省外资金", "引进省外资金", "省外"], "quote": "引进省外资金10.7亿元"},
    {"id": "fig:fdi", "subject": "unit:jiuzhoulu", "metric": "实际利用外资", "value": 37000000, "unit": "美元",
     **ECON, "text": "3700万美元", "keywords": ["实际利用外资", "利用外资", "外资"], "quote": "实际利用外资3700万美元"},
    {"id": "fig:trade", "subject": "unit:jiuzhoulu", "metric": "进出口贸易额", "value": 7350000, "unit": "美元",
     **ECON, "text": "735万美元", "keywords": ["进出口", "贸易额"], "quote": "进出口贸易额735万美元"},

    # signed projects (2018 H1)
    {"id": "fig:signed-total", "subject": "unit:jiuzhoulu", "metric": "新签约项目数", "value": 10, "unit": "个",
     **SIGN, "text": "10个", "keywords": ["新签约", "签约", "项目", "招商"], "quote": "上半年新签约项目10个"},
    {"id": "fig:signed-lt1e8", "subject": "unit:jiuzhoulu", "metric": "投资额亿元以下的新签约项目数", "value": 2,
     "unit": "个", **SIGN, "text": "2个", "keywords": ["签约", "亿元以下"], "quote": "投资额亿元以下项目2个"},
    {"id": "fig:signed-1e8-5e8", "subject": "unit:jiuzhoulu", "metric": "投资额1亿元到5亿元的新签约项目数",
     "value": 4, "unit": "个", **SIGN, "text": "4个", "keywords": ["签约", "1亿元到5亿元"],
     "quote": "投资额1亿元到5亿元项目4个"},
    {"id": "fig:signed-5e8-1e9", "subject": "unit:jiuzhoulu", "metric": "投资额5亿元到10亿元的新签约项目数",
     "value": 2, "unit": "个", **SIGN, "text": "2个", "keywords": ["签约", "5亿元到10亿元"],
     "quote": "投资额5亿元到10亿元项目2个"},
    {"id": "fig:signed-ge1e9", "subject": "unit:jiuzhoulu", "metric": "投资额10亿元以上的新签约项目数", "value": 2,
     "unit": "个", **SIGN, "text": "2个", "keywords": ["签约", "10亿元以上"], "quote": "投资额10亿元以上项目2个"},

    # construction progress
    {"id": "fig:reform-villages", "subject": "unit:jiuzhoulu", "metric": "明确分包领导的在建新型社区村数", "value": 3,
     "unit": "个", "period": "2017/2018-08", "period_text": "2017年年初以来", "period_inferred": True,
     "topic": "construction", "text": "3个村", "keywords": ["在建", "新型社区", "分包领导", "责任人", "改造方案"],
     "mentions": ["unit:dazhaidian", "unit:xiguozhuang", "unit:xichentou"],
     "quote": "在建的大寨店、西郭庄、西臣投(二期)3个村"},
    {"id": "fig:dzd-started", "subject": "unit:dazhaidian", "metric": "开工楼栋数", "value": 36, "unit": "栋",
     **NOW, "topic": "construction", "text": "36栋楼", "keywords": ["开工", "楼", "新型社区"],
     "quote": "大寨店社区开工36栋楼"},
    {"id": "fig:dzd-completed", "subject": "unit:dazhaidian", "metric": "已完工楼栋数", "value": 29, "unit": "栋",
     **NOW, "topic": "construction", "text": "29栋楼", "keywords": ["完工", "已完工", "楼"],
     "quote": "其中29栋楼已完工"},
    {"id": "fig:dzd-topped", "subject": "unit:dazhaidian", "metric": "主体封顶楼栋数", "value": 7, "unit": "栋",
     **NOW, "topic": "construction", "text": "7栋楼", "keywords": ["主体封顶", "封顶", "楼"],
     "quote": "29栋楼已完工,7栋楼主体封顶"},
    {"id": "fig:dzd-delivered", "subject": "unit:dazhaidian", "metric": "已交付楼栋数", "value": 23, "unit": "栋",
     **NOW, "topic": "construction", "text": "23栋楼", "keywords": ["交付", "已交付", "楼"], "quote": "已交付23栋楼"},
    {"id": "fig:dzd-flats", "subject": "unit:dazhaidian", "metric": "分配安置房套数", "value": 664, "unit": "套",
     "period": "2017-08", "period_text": "2017年8月17日至23日", "topic": "construction", "text": "664套",
     "keywords": ["安置房", "分配", "回迁", "第一批"], "quote": RETURN_Q},
    {"id": "fig:dzd-villagers", "subject": "unit:dazhaidian", "metric": "安置村民数", "value": 3000, "unit": "名",
     "qualifier": "多", "period": "2017-08", "period_text": "2017年8月17日至23日", "topic": "construction",
     "text": "3000多名村民", "keywords": ["安置", "村民", "回迁", "第一批"], "quote": RETURN_Q},
    {"id": "fig:dzd-demolished", "subject": "unit:dazhaidian", "metric": "拆除旧房屋数", "value": 85, "unit": "座",
     "period": "2018", "period_text": "今年年初以来", "period_inferred": True, "topic": "construction",
     "text": "85座", "keywords": ["拆除", "旧房屋", "房屋"], "quote": "大寨店村拆除旧房屋85座"},
    {"id": "fig:dzd-new-starts", "subject": "unit:dazhaidian", "metric": "新开工楼栋数", "value": 8, "unit": "栋",
     "period": "2018", "period_text": "今年年初以来", "period_inferred": True, "topic": "construction",
     "text": "8栋楼", "keywords": ["新开工", "腾出楼位", "楼"], "quote": "腾出楼位新开工8栋楼"},
    {"id": "fig:xgz-completed", "subject": "unit:xiguozhuang", "metric": "开工且主体已完工楼栋数", "value": 13,
     "unit": "栋", **NOW, "period_text": "目前", "topic": "construction", "text": "13栋楼",
     "keywords": ["开工", "主体已完工", "完工", "楼"], "quote": "目前,西郭庄社区开工的13栋楼主体已完工",
     "note": "All 13 buildings started are structurally complete: 13 is both the started and the completed count."},
    {"id": "fig:xct-topped", "subject": "unit:xichentou", "metric": "主体封顶楼栋数", "value": 7, "unit": "栋",
     "period": "2017-11", "period_text": "该办事处区划调整前", "topic": "construction", "text": "7栋楼",
     "keywords": ["主体封顶", "封顶", "区划调整前", "楼"], "quote": "该办事处区划调整前,西臣投社区(二期)已有7栋楼主体封顶",
     "note": "State before the 2017-11 redistricting (after which 西臣投 belongs to 泰山路办事处筹建办)."},
    {"id": "fig:xct-first-floor", "subject": "unit:xichentou", "metric": "建设到地上一层的楼栋数", "value": 5,
     "unit": "栋", "period": "2017-11", "period_text": "该办事处区划调整前", "topic": "construction", "text": "5栋楼",
     "keywords": ["地上一层", "建设", "区划调整前", "楼"],
     "quote": "该办事处区划调整前,西臣投社区(二期)已有7栋楼主体封顶,5栋楼建设到了地上一层",
     "note": "State before the 2017-11 redistricting."},
    {"id": "fig:h1-investment", "subject": "unit:jiuzhoulu", "metric": "项目建设完成投资", "value": 996000000,
     "unit": "元", "period": "2018-01/2018-06", "period_text": "今年前6个月", "period_inferred": True,
     "topic": "construction", "text": "9.96亿元", "keywords": ["项目建设", "完成投资", "前6个月"],
     "quote": "今年前6个月,项目建设完成投资9.96亿元"},
    {"id": "fig:annual-target", "subject": "unit:jiuzhoulu", "metric": "项目建设全年目标投资", "value": 1900000000,
     "unit": "元", "period": "2018", "period_text": "全年", "period_inferred": True, "topic": "construction",
     "text": "19亿元", "keywords": ["全年目标", "目标", "项目建设"], "status": "target", "quote": SHARE_Q},
    {"id": "fig:target-share", "subject": "unit:jiuzhoulu", "metric": "项目建设完成投资占全年目标比例", "value": 52,
     "unit": "%", "period": "2018-01/2018-06", "period_text": "今年前6个月", "period_inferred": True,
     "topic": "construction", "text": "52%", "keywords": ["占全年目标", "全年目标的", "完成投资"], "quote": SHARE_Q,
     "note": "9.96/19 = 52.4%: the article rounds down to 52%."},

    # sponge city
    {"id": "fig:jhby-age", "subject": "unit:jianhangbeiyuan", "metric": "建成年数", "value": 26, "unit": "年",
     **NOW, "period_text": "已有", "topic": "sponge_city", "text": "26年", "keywords": ["建成已有", "建成", "已有"],
     "quote": "这个建成已有26年",
     "note": "Judgement: an age stated about a concrete subject is a figure (like 73岁)."},
    {"id": "fig:jhby-parking", "subject": "unit:jianhangbeiyuan", "metric": "新建透水停车位数", "value": 100,
     "unit": "个", "qualifier": "近", "topic": "sponge_city", "text": "近百个",
     "keywords": ["透水停车位", "停车位", "新建", "海绵工程"], "quote": "新建的近百个透水停车位"},
    {"id": "fig:sponge-projects", "subject": "project:haimian-gaizao", "metric": "完成初验的海绵城市改造项目数",
     "value": 21, "unit": "个", **NOW, "period_text": "截至目前", "topic": "sponge_city", "text": "21个",
     "keywords": ["海绵城市改造项目", "初验", "完成初验"], "mentions": ["unit:jiuzhoulu"],
     "quote": "截至目前,21个海绵城市改造项目已全部完成初验"},
    {"id": "fig:canal-cadres", "subject": "project:haimian-shuixi", "metric": "水系工作指挥部攻坚干部数", "value": 60,
     "unit": "名", "qualifier": "余", "period": "2018-05/2018-08", "period_text": "今年5月份以来",
     "period_inferred": True, "topic": "sponge_city", "text": "60余名", "keywords": ["水系工作指挥部", "干部", "百日攻坚"],
     "quote": "经过水系工作指挥部60余名干部"},
    {"id": "fig:canal-clearance", "subject": "project:haimian-shuixi", "metric": "清理地面附着物处数", "value": 116,
     "unit": "处", "period": "2018-05/2018-08", "period_text": "今年5月份以来", "period_inferred": True,
     "topic": "sponge_city", "text": "116处", "keywords": ["清理", "地面附着物", "房屋", "果木林", "养殖场"],
     "mentions": ["unit:dazhaidian"], "quote": "已清理了包括房屋、果木林、养殖场等在内的116处地面附着物"},

    # environment (2017)
    {"id": "fig:polluters", "subject": "unit:jiuzhoulu", "metric": "取缔“小散乱污”企业数", "value": 16, "unit": "家",
     **ENV, "text": "16家", "keywords": ["小散乱污", "小散乱污企业", "取缔到位", "企业"],
     "quote": "2017年,16家“小散乱污”企业均取缔到位"},
    {"id": "fig:yellow-cars", "subject": "unit:jiuzhoulu", "metric": "淘汰报废黄标车数", "value": 219, "unit": "辆",
     **ENV, "text": "219辆", "keywords": ["黄标车", "淘汰报废", "淘汰"], "quote": "淘汰报废黄标车219辆"},
    {"id": "fig:boilers", "subject": "unit:jiuzhoulu", "metric": "拆改10吨以下燃煤锅炉数", "value": 44, "unit": "家",
     **ENV, "text": "44家", "keywords": ["燃煤锅炉", "10吨以下燃煤锅炉", "锅炉", "拆改"], "quote": "44家10吨以下燃煤锅炉已全部拆改",
     "note": "Counted in 家 as written (44家...锅炉). 10吨 is a threshold, not a figure (meta.non_figures)."},
    {"id": "fig:dust-sites", "subject": "unit:jiuzhoulu", "metric": "落实扬尘治理“一长三员”责任的建筑工地数", "value": 23,
     "unit": "个", **ENV, "text": "23个建筑工地", "keywords": ["建筑工地", "扬尘治理", "一长三员"],
     "quote": "23个建筑工地扬尘治理落实“一长三员”责任"},

    # urban management (2017)
    {"id": "fig:city-task-share", "subject": "unit:jiuzhoulu", "metric": "承担全市创卫、创园任务比例", "value": 60,
     "unit": "%", "qualifier": "以上", "period": "2017", "period_text": "2017年", "topic": "urban_management",
     "text": "60%以上", "keywords": ["创卫", "创园", "任务", "全市"],
     "quote": "2017年,九州路办事处在承担全市60%以上创卫、创园任务"},
    {"id": "fig:city-spend", "subject": "unit:jiuzhoulu", "metric": "市容卫生整治、园林绿化投入", "value": 12500000,
     "unit": "元", "period": "2017", "period_text": "2017年", "topic": "urban_management", "text": "1250万元",
     "keywords": ["投入", "市容卫生整治", "园林绿化"], "quote": "投入1250万元进行市容卫生整治、园林绿化"},

    # safety
    {"id": "fig:fire-training", "subject": "unit:jiuzhoulu", "metric": "消防安全知识培训参加人数", "value": 50,
     "unit": "人", "qualifier": "余", "period": "2018", "period_text": "日前", "period_inferred": True,
     "topic": "safety", "text": "50余人", "keywords": ["消防安全知识培训", "消防", "场所负责人", "消防培训"],
     "mentions": ["unit:yingbin"], "quote": "商场等场所负责人50余人参加了培训"},
    {"id": "fig:patrol", "subject": "unit:jiuzhoulu", "metric": "专职巡防队人数", "value": 20, "unit": "名",
     "topic": "safety", "text": "20名工作人员", "keywords": ["专职巡防队", "巡防", "工作人员", "巡逻"],
     "mentions": ["place:xunfangdui"], "quote": "抽调20名工作人员组成专职巡防队"},
    {"id": "fig:emergency-team", "subject": "unit:jiuzhoulu", "metric": "应急小分队人数", "value": 20, "unit": "名",
     "topic": "safety", "text": "20名城管队员", "keywords": ["应急小分队", "城管队员", "城管"],
     "mentions": ["place:yingji-xiaofendui"], "quote": "抽调20名城管队员组成应急小分队"},
    {"id": "fig:safe-rate", "subject": "unit:jiuzhoulu", "metric": "平安村(社区)、平安小区创建率", "value": 95,
     "unit": "%", "qualifier": "以上", "topic": "safety", "text": "95%以上",
     "keywords": ["平安村(社区)", "平安小区", "创建率"], "quote": "平安小区创建率达到95%以上"},
    {"id": "fig:safe-years", "subject": "unit:jiuzhoulu", "metric": "连续获得鹤壁市平安建设先进街道荣誉称号年数",
     "value": 5, "unit": "年", "period_text": "连续5年", "topic": "safety", "text": "连续5年",
     "keywords": ["平安建设先进街道", "平安建设", "鹤壁市平安建设"], "mentions": ["honour:pingan-5years"],
     "quote": "连续5年获得鹤壁市平安建设先进街道荣誉称号",
     "note": "Judgement: a duration stated about the office is a figure; which 5 years is not said (period null)."},

    # livelihood (邢玉梅, 湘江社区)
    {"id": "fig:xym-age", **XYM, "metric": "年龄", "value": 73, "unit": "岁", "text": "73岁",
     "keywords": ["年龄", "岁", "老人"], "quote": "湘江社区73岁的邢玉梅"},
    {"id": "fig:xym-dibao", **XYM, "metric": "低保救助", "value": 450, "unit": "元", "per": "月", "period_text": "每月",
     "text": "450元", "keywords": ["低保", "低保救助", "每月"], "quote": "每月享受低保救助450元",
     "note": "Received by her household (邢玉梅 and her husband)."},
    {"id": "fig:xym-disability", **XYM, "metric": "残疾人“两项”补贴", "value": 120, "unit": "元", "per": "月",
     "period_text": "每月", "text": "120元", "keywords": ["残疾人", "两项补贴", "补贴"],
     "quote": "残疾人‘两项’补贴120元",
     "note": "Monthly by reading: the amount continues the clause 每月享受低保救助450元 and is summed under 每月领的各项补助."},
    {"id": "fig:xym-pension", **XYM, "metric": "养老保险", "value": 80, "unit": "元", "per": "人·月",
     "period_text": "每人每月", "text": "80元", "keywords": ["养老保险", "每人每月", "领取"],
     "quote": "每人每月还能领取养老保险80元", "note": "Per person (she and her husband each)."},

    # poverty aid (张公堰村, since early 2017)
    {"id": "fig:aid-staff", "subject": "unit:jiuzhoulu", "metric": "结对帮扶抽调工作人员数", "value": 40, "unit": "名",
     "qualifier": "近", **AID, "text": "近40名", "keywords": ["结对帮扶", "抽调", "工作人员", "扶贫"],
     "mentions": ["unit:zhanggongyan"], "quote": "抽调近40名工作人员结对帮扶淇滨区最大的贫困村"},
    {"id": "fig:aid-transformers", "subject": "unit:zhanggongyan", "metric": "帮助更换变压器数", "value": 5, "unit": "台",
     **AID, "text": "5台", "keywords": ["变压器", "更换"], "mentions": ["unit:jiuzhoulu"], "quote": "更换5台变压器"},
    {"id": "fig:aid-lines", "subject": "unit:zhanggongyan", "metric": "铺设线路长度", "value": 7500, "unit": "米",
     **AID, "text": "7500米", "keywords": ["线路", "铺设"], "mentions": ["unit:jiuzhoulu"], "quote": "铺设7500米线路"},
    {"id": "fig:aid-jobfairs", "subject": "unit:zhanggongyan", "metric": "举办招聘会场数", "value": 5, "unit": "场",
     **AID, "text": "5场", "keywords": ["招聘会", "举办"], "mentions": ["unit:jiuzhoulu"], "quote": "举办招聘会5场"},
    {"id": "fig:aid-training", "subject": "unit:zhanggongyan", "metric": "技能培训人数", "value": 17, "unit": "人",
     **AID, "text": "17人", "keywords": ["技能培训", "培训"], "mentions": ["unit:jiuzhoulu"], "quote": "技能培训17人"},
    {"id": "fig:aid-posts", "subject": "unit:zhanggongyan", "metric": "安置公益性岗位人数", "value": 10, "unit": "人",
     **AID, "text": "10人", "keywords": ["公益性岗位", "安置"], "mentions": ["unit:jiuzhoulu"],
     "quote": "安置公益性岗位10人"},
    {"id": "fig:aid-migration", "subject": "unit:zhanggongyan", "metric": "转移就业人次", "value": 451, "unit": "人次",
     **AID, "text": "451人次", "keywords": ["转移就业", "就业"], "mentions": ["unit:jiuzhoulu"],
     "quote": "转移就业451人次"},
]

# --- honours (won by the office itself) -----------------------------------------
HONOURS_2017_Q = "2017年度先后获得全国创建无邪教示范街道、省计划生育工作先进单位、省国企改革攻坚战先进单位等多项荣誉"
HONOURS = [
    {"id": "honour:pingan-5years", "title": "鹤壁市平安建设先进街道", "year": None, "level": "市",
     "holder": "九州路办事处", "consecutive_years": 5, "text": "连续5年获得鹤壁市平安建设先进街道荣誉称号",
     "quote": "连续5年获得鹤壁市平安建设先进街道荣誉称号",
     "note": "Won five years in a row; the years are not given (year null)."},
    {"id": "honour:wuxiejiao-2017", "title": "全国创建无邪教示范街道", "year": 2017, "level": "国家",
     "holder": "九州路办事处", "text": "全国创建无邪教示范街道", "quote": HONOURS_2017_Q},
    {"id": "honour:jisheng-2017", "title": "省计划生育工作先进单位", "year": 2017, "level": "省",
     "holder": "九州路办事处", "text": "省计划生育工作先进单位", "quote": HONOURS_2017_Q},
    {"id": "honour:guoqi-2017", "title": "省国企改革攻坚战先进单位", "year": 2017, "level": "省",
     "holder": "九州路办事处", "text": "省国企改革攻坚战先进单位", "quote": HONOURS_2017_Q},
]
for _h in HONOURS:
    _h.setdefault("mentions", ["unit:jiuzhoulu"])

# --- people --------------------------------------------------------------------
PEOPLE = [
    {"id": "person:zhangxiaokai", "name": "张晓凯", "role": "天河嘉城小区居民", "unit": "unit:tianhejiacheng",
     "quote": "天河嘉城小区居民张晓凯告诉记者"},
    {"id": "person:liuquanfu", "name": "刘全福", "role": "九州路办事处党工委副书记、主任", "unit": "unit:jiuzhoulu",
     "quote": "九州路办事处党工委副书记、主任刘全福说"},
    {"id": "person:daijinqing", "name": "戴尽卿", "role": "小区居民", "unit": "unit:jianhangbeiyuan",
     "quote": "小区居民戴尽卿自豪地说", "note": "The 小区 is 建行北院小区 (桂鹤社区), from the preceding paragraph."},
    {"id": "person:xingyumei", "name": "邢玉梅", "role": None, "unit": "unit:xiangjiang", "age": 73,
     "quote": "九州路办事处湘江社区73岁的邢玉梅",
     "note": "No role stated: a 73-year-old resident of 湘江社区 who lives with her husband (老伴儿, not named)."},
    {"id": "person:fengkefeng", "name": "冯科峰", "role": None, "unit": None, "quote": "作出应有的贡献。”冯科峰表示",
     "note": "Speaks for the office in the closing quotation (我们将...), but the article states no title or unit."},
    {"id": "person:lixueting", "name": "李雪婷", "role": "本报记者", "unit": None, "quote": "资本报记者 李雪婷 摄",
     "note": "Photo credit of the caption 新建的大寨店社区住宅楼; printed \"资本报记者\" (资料照片 + 本报记者 garbled)."},
]

# --- dated events --------------------------------------------------------------
EVENTS = [
    {"id": "event:founded", "date": "1999-07", "precision": "month", "date_text": "1999年7月",
     "event": "九州路办事处成立", "mentions": ["unit:jiuzhoulu"], "quote": "成立于1999年7月的九州路办事处"},
    {"id": "event:redistricting", "date": "2017-11", "precision": "month", "date_text": "2017年11月",
     "event": "行政区划调整:8个社区(村)划归泰山路办事处筹建办,6个社区和4个村仍属九州路办事处",
     "mentions": ["unit:jiuzhoulu", "unit:taishanlu"], "quote": "2017年11月,按照上级要求,办事处的行政区划进行了调整"},
    {"id": "event:new-community-push", "date": "2017", "precision": "year", "date_text": "2017年年初以来",
     "event": "对在建的大寨店、西郭庄、西臣投(二期)3个村明确分包领导和责任人,推进新型社区建设",
     "mentions": ["unit:dazhaidian", "unit:xiguozhuang", "unit:xichentou", "person:liuquanfu"],
     "quote": "2017年年初以来,我们对在建的大寨店", "note": "Start of an ongoing effort (年初以来)."},
    {"id": "event:poverty-aid-start", "date": "2017", "precision": "year", "date_text": "2017年年初以来",
     "event": "开始结对帮扶大河涧乡张公堰村", "mentions": ["unit:jiuzhoulu", "unit:zhanggongyan"],
     "quote": "2017年年初以来,抽调近40名工作人员结对帮扶", "note": "Start of an ongoing effort (年初以来)."},
    {"id": "event:dzd-first-return", "date": "2017-08-17", "end": "2017-08-23", "precision": "range",
     "date_text": "2017年8月17日至23日", "event": "大寨店社区第一批村民回迁", "mentions": ["unit:dazhaidian"],
     "quote": "该社区于2017年8月17日至23日成功实现第一批村民回迁"},
    {"id": "event:city-titles", "date": "2017", "precision": "year", "date_text": "2017年",
     "event": "鹤壁市成功创建国家卫生城市和国家园林城市,九州路办事处作出突出贡献",
     "mentions": ["place:weisheng-chengshi", "place:yuanlin-chengshi", "unit:jiuzhoulu"],
     "quote": "为我市成功创建国家卫生城市和国家园林城市作出了突出贡献",
     "note": "The titles are the city's (鹤壁市), not honours of the office."},
    {"id": "event:honours-2017", "date": "2017", "precision": "year", "date_text": "2017年度",
     "event": "九州路办事处获得全国创建无邪教示范街道等多项荣誉",
     "mentions": ["unit:jiuzhoulu", "honour:wuxiejiao-2017", "honour:jisheng-2017", "honour:guoqi-2017"],
     "quote": "2017年度先后获得全国创建无邪教示范街道"},
    {"id": "event:liangxin-2018", "date": "2018", "precision": "year", "inferred": True, "date_text": "今年年初",
     "event": "深化提升“两新”组织党建工作,指导成立市餐饮协会党委",
     "mentions": ["unit:jiuzhoulu", "place:canyin-dangwei"], "quote": "今年年初深化提升“两新”组织党建工作",
     "note": "年初 = early 2018; month not given."},
    {"id": "event:signing-2018h1", "date": "2018-01", "end": "2018-06", "precision": "range", "inferred": True,
     "date_text": "上半年", "event": "新签约项目10个", "mentions": ["unit:jiuzhoulu"], "quote": "上半年新签约项目10个"},
    {"id": "event:dzd-demolition", "date": "2018", "precision": "year", "inferred": True, "date_text": "今年年初以来",
     "event": "大寨店村拆除旧房屋85座,腾出楼位新开工8栋楼", "mentions": ["unit:dazhaidian"],
     "quote": "今年年初以来,大寨店村拆除旧房屋85座"},
    {"id": "event:shuixi-2018", "date": "2018", "precision": "year", "inferred": True, "date_text": "今年年初以来",
     "event": "大力推进海绵水系工程建设", "mentions": ["project:haimian-shuixi", "unit:jiuzhoulu"],
     "quote": "今年年初以来,九州路办事处大力推进海绵水系工程建设"},
    {"id": "event:shuixi-campaign", "date": "2018-05", "precision": "month", "inferred": True,
     "date_text": "今年5月份以来", "event": "水系工作指挥部60余名干部百日攻坚,清理地面附着物(大寨店段)",
     "mentions": ["project:haimian-shuixi", "place:shuixi-zhihuibu", "unit:dazhaidian"],
     "quote": "今年5月份以来,经过水系工作指挥部60余名干部‘五加二’‘白加黑’百日攻坚",
     "note": "From 2018-05 onward, still running on 2018-08-19."},
    {"id": "event:tianhejiacheng-branch", "date": "2018-07-05", "precision": "day", "inferred": True,
     "date_text": "今年7月5日", "event": "天河嘉城小区在凤凰城社区指导下成立党支部",
     "mentions": ["unit:tianhejiacheng", "unit:fenghuangcheng", "place:tianhejiacheng-dangzhibu"],
     "quote": "今年7月5日,在九州路办事处凤凰城社区的指导下,天河嘉城小区成立了党支部"},
    {"id": "event:fire-training", "date": "2018", "precision": "year", "inferred": True, "date_text": "日前",
     "event": "在迎宾社区开展消防安全知识培训", "mentions": ["unit:yingbin", "unit:jiuzhoulu"],
     "quote": "日前,九州路办事处在迎宾社区开展了消防安全知识培训",
     "note": "日前 = a few days before the article (about August 2018); only the year is certain."},
    {"id": "event:sponge-acceptance", "date": "2018-08", "precision": "month", "inferred": True,
     "date_text": "截至目前", "event": "21个海绵城市改造项目已全部完成初验,正在整改,迎接正式竣工验收",
     "mentions": ["project:haimian-gaizao"], "quote": "截至目前,21个海绵城市改造项目已全部完成初验",
     "note": "截至目前 = as of the article (about 2018-08-19)."},
    {"id": "event:liuquanfu-tally", "date": "2018-08-19", "precision": "day", "inferred": True,
     "date_text": "8月19日", "event": "刘全福统计海绵水系工程清理情况并接受采访",
     "mentions": ["person:liuquanfu", "project:haimian-shuixi"],
     "quote": "8月19日,正在统计海绵水系工程清理情况的刘全福告诉记者"},
    {"id": "event:xgz-handover", "date": "2018-09", "precision": "month", "inferred": True, "status": "planned",
     "date_text": "9月底前", "event": "西郭庄社区交房并启动第一批村民回迁安置", "mentions": ["unit:xiguozhuang"],
     "quote": "预计9月底前交房并启动第一批村民回迁安置"},
    {"id": "event:cuizhuang-handover", "date": "2018-09", "precision": "month", "inferred": True, "status": "planned",
     "date_text": "9月底", "event": "崔庄村城中村改造村民商业安置项目交工并投入使用",
     "mentions": ["project:cuizhuang-anzhi", "unit:cuizhuang"],
     "quote": "崔庄村城中村改造村民商业安置项目预计9月底交工并投入使用"},
]

# --- places, programmes, organisations, brands, designations, city titles -------
PLACES = [
    # canals (大寨店段 of the 海绵水系工程)
    {"id": "place:tianlaiqu", "name": "天赉渠", "kind": "canal", "unit": "unit:dazhaidian",
     "mentions": ["project:haimian-shuixi"], "quote": "海绵水系工程大寨店段的天赉渠、棉丰渠、二支渠",
     "note": "Also in a photo caption: 天赉渠(鹤煤大道与九江路段) turned into a leisure spot by the 海绵水系工程."},
    {"id": "place:mianfengqu", "name": "棉丰渠", "kind": "canal", "unit": "unit:dazhaidian",
     "mentions": ["project:haimian-shuixi"], "quote": "海绵水系工程大寨店段的天赉渠、棉丰渠、二支渠"},
    {"id": "place:erzhiqu", "name": "二支渠", "kind": "canal", "unit": "unit:dazhaidian",
     "mentions": ["project:haimian-shuixi"], "quote": "海绵水系工程大寨店段的天赉渠、棉丰渠、二支渠"},
    # themed back streets
    {"id": "place:xinwenxiang", "name": "新闻巷", "kind": "back_street", "theme": "门前三包责任制",
     "quote": "将新闻巷打造成门前三包责任制小巷"},
    {"id": "place:hehuanxiang", "name": "合欢巷", "kind": "back_street", "theme": "民生主题",
     "quote": "将合欢巷打造成民生主题小巷"},
    {"id": "place:yulanxiang", "name": "玉兰巷", "kind": "back_street", "theme": "勤学识法主题",
     "quote": "将玉兰巷打造成勤学识法主题小巷"},
    {"id": "place:yunmengxiang", "name": "云梦巷", "kind": "back_street", "theme": "诚信经营",
     "quote": "将云梦巷打造成诚信经营小巷"},
    {"id": "place:zijingxiang", "name": "紫荆巷", "kind": "back_street", "theme": "园林",
     "quote": "将紫荆巷打造成园林小巷"},
    # party-building service brands (list ends with 等一大批)
    {"id": "place:lixianwen-tiaojieshi", "name": "李显文矛盾调解室", "kind": "service_brand",
     "quote": "“李显文矛盾调解室”“金蓝领就业培训”",
     "note": "李显文 appears only inside this brand name: not a people record."},
    {"id": "place:jinlanling", "name": "金蓝领就业培训", "kind": "service_brand",
     "quote": "“李显文矛盾调解室”“金蓝领就业培训”"},
    {"id": "place:caige-gongzuoshi", "name": "蔡阁健康工作室", "kind": "service_brand",
     "quote": "“蔡阁健康工作室”等一大批党建服务品牌",
     "note": "蔡阁 appears only inside this brand name: not a people record."},
    # programmes
    {"id": "place:hongdongjiuzhou", "name": "红动九州·争做最美党员", "kind": "programme",
     "theme": "在职党员志愿服务", "quote": "开展了“红动九州·争做最美党员”在职党员志愿服务活动"},
    {"id": "place:buwangchuxin", "name": "不忘初心,党员在行动", "kind": "programme", "theme": "系列活动",
     "quote": "“不忘初心,党员在行动”系列活动",
     "note": "Themes: 服务樱花文化节、关爱留守儿童、关爱空巢老人等."},
    {"id": "place:shuanglian", "name": "“双廉”建设", "kind": "programme", "quote": "深入开展“双廉”建设和以案促改“回头看”工作"},
    {"id": "place:yianchugai", "name": "以案促改“回头看”", "kind": "programme",
     "quote": "深入开展“双廉”建设和以案促改“回头看”工作"},
    {"id": "place:dangjian-xinxihua", "name": "党建信息化系统", "kind": "programme",
     "quote": "办事处还率先建成并投入使用党建信息化系统"},
    {"id": "place:jujia-yanglao", "name": "居家养老服务", "kind": "programme",
     "mentions": ["unit:yingbin", "unit:qinghuayuan", "unit:moushan"],
     "quote": "迎宾、清华园、牟山等社区在全市率先开展居家养老服务"},
    {"id": "place:daiban", "name": "网上代办、上门代办", "kind": "programme", "quote": "全面推广网上代办、上门代办等服务"},
    {"id": "place:zhizhishuangfu", "name": "智志双扶", "kind": "programme", "unit": "unit:zhanggongyan",
     "quote": "实行因户帮扶、因人施策、“智志双扶”"},
    {"id": "place:xingfujiuzhou", "name": "新时代幸福九州", "kind": "programme",
     "quote": "按照打造新时代幸福九州的总体工作思路", "note": "The office's overall work idea (冯科峰's closing words)."},
    # management models
    {"id": "place:liuweiyiti", "name": "六位一体的社区管理新模式", "kind": "other", "unit": "unit:tianhejiacheng",
     "theme": "社区、党支部委员会、警务室、业主委员会、物业公司、监事会",
     "quote": "业主委员会、物业公司、监事会六位一体的社区管理新模式"},
    {"id": "place:siweiyiti", "name": "“四位一体”的安全生产网格化管理新模式", "kind": "other",
     "theme": "办事处、社区、业委会、物业公司", "quote": "“四位一体”的安全生产网格化管理新模式"},
    # party organisations
    {"id": "place:canyin-dangwei", "name": "市餐饮协会党委", "kind": "party_org",
     "quote": "指导成立了市餐饮协会党委", "note": "“党委+支部” model of “两新” party building; 6 branches."},
    {"id": "place:zhongkai-dangzhibu", "name": "中凯铂爵酒店党支部", "kind": "party_org",
     "quote": "还指导建立了中凯铂爵酒店党支部"},
    {"id": "place:qihua-dangzhibu", "name": "淇花食用油公司党支部", "kind": "party_org",
     "quote": "淇花食用油公司党支部"},
    {"id": "place:tianhejiacheng-dangzhibu", "name": "天河嘉城小区党支部", "kind": "party_org",
     "unit": "unit:tianhejiacheng", "quote": "天河嘉城小区成立了党支部"},
    {"id": "place:gongjian-xianfengdui", "name": "党员攻坚先锋队", "kind": "party_org",
     "mentions": ["unit:xiguozhuang", "unit:dazhaidian"], "quote": "组成党员攻坚先锋队"},
    # other organisations of the office
    {"id": "place:xunfangdui", "name": "专职巡防队", "kind": "other", "unit": "unit:jiuzhoulu",
     "quote": "抽调20名工作人员组成专职巡防队"},
    {"id": "place:yingji-xiaofendui", "name": "应急小分队", "kind": "other", "unit": "unit:jiuzhoulu",
     "quote": "抽调20名城管队员组成应急小分队"},
    {"id": "place:shuixi-zhihuibu", "name": "水系工作指挥部", "kind": "other", "quote": "经过水系工作指挥部60余名干部"},
    # community designations (list ends with 等)
    {"id": "place:shengtaixing", "name": "生态型社区", "kind": "designation", "unit": "unit:dongfang",
     "quote": "环境优美的东方社区打造成生态型社区"},
    {"id": "place:fuwuxing", "name": "服务型社区", "kind": "designation", "unit": "unit:moushan",
     "quote": "再就业培训工作突出的牟山社区打造成服务型社区"},
    {"id": "place:wenhuaxing", "name": "文化型社区", "kind": "designation", "unit": "unit:hexiang",
     "quote": "底蕴丰富的鹤翔社区打造成文化型社区等"},
    # features of 村改居 communities
    {"id": "place:xiangjiang-anju", "name": "“安居”特色", "kind": "other", "theme": "安居", "unit": "unit:xiangjiang",
     "quote": "湘江社区突出“安居”特色"},
    {"id": "place:dachaikou-dushi", "name": "“都市乡村”特色", "kind": "other", "theme": "都市乡村",
     "unit": "unit:dachaikou", "quote": "打柴口村突出“都市乡村”特色"},
    # city titles: the city's, not the office's honours
    {"id": "place:weisheng-chengshi", "name": "国家卫生城市", "kind": "city_title",
     "quote": "为我市成功创建国家卫生城市和国家园林城市", "note": "Won by 鹤壁市 (我市) in 2017 with the office's help."},
    {"id": "place:yuanlin-chengshi", "name": "国家园林城市", "kind": "city_title",
     "quote": "为我市成功创建国家卫生城市和国家园林城市", "note": "Won by 鹤壁市 (我市) in 2017 with the office's help."},
    {"id": "place:wenming-chengshi", "name": "省级文明城市", "kind": "city_title",
     "quote": "以国家卫生城市、国家园林城市、省级文明城市创建为载体",
     "note": "Named only as a creation campaign (创建为载体); the article does not say it was won."},
    # other places
    {"id": "place:meiyuan", "name": "梅园", "kind": "other", "quote": "组织党员干部参观梅园",
     "note": "Visited for 廉政教育."},
    {"id": "place:yulong-aizhicheng", "name": "裕隆爱之城商圈", "kind": "other",
     "quote": "辖区裕隆爱之城商圈生机勃勃", "note": "Photo caption."},
]

# --- cross-checks --------------------------------------------------------------
C12 = ["unit:guihe", "unit:jiuzhou", "unit:hexiang", "unit:dongfang", "unit:jinhe", "unit:futian", "unit:xueyuan",
       "unit:guangchang", "unit:qinghuayuan", "unit:yingbin", "unit:moushan", "unit:fenghuangcheng"]
V6 = ["unit:cuizhuang", "unit:wangshengtun", "unit:dazhaidian", "unit:dachaikou", "unit:xichentou", "unit:xiguozhuang"]
MOVED8 = ["unit:futian", "unit:guangchang", "unit:dongfang", "unit:jiuzhou", "unit:qinghuayuan", "unit:moushan",
          "unit:xichentou", "unit:wangshengtun"]
STAYED_C6 = ["unit:hexiang", "unit:xueyuan", "unit:guihe", "unit:jinhe", "unit:yingbin", "unit:fenghuangcheng"]
STAYED_V4 = ["unit:dazhaidian", "unit:xiguozhuang", "unit:dachaikou", "unit:cuizhuang"]
BAND_PROJECTS = {
    "lt1e8": ["project:58tongcheng", "project:qiyuan"],
    "1e8-5e8": ["project:huadayuren", "project:ganlanjiayuan", "project:banu", "project:aoti"],
    "5e8-1e9": ["project:qingshuiwan-guangchang", "project:dongfangyiyangyuan"],
    "ge1e9": ["project:shuxiangshidai", "project:nanshuixijun"],
}
SIGNED10 = [p for band in BAND_PROJECTS.values() for p in band]

CHECKS = [
    {"id": "check:units-before-after", "kind": "sum", "description": "12个城市社区 + 6个村 = 8个划出 + 6个社区 + 4个村仍属",
     "terms": ["fig:communities-1999", "fig:villages-1999"],
     "equals": ["fig:moved-2017", "fig:stayed-communities-2017", "fig:stayed-villages-2017"], "holds": True,
     "quote": "8个社区(村)划归泰山路办事处筹建办"},
    {"id": "check:signed-bands-sum", "kind": "sum", "description": "2 + 4 + 2 + 2 = 10 个新签约项目",
     "terms": ["fig:signed-lt1e8", "fig:signed-1e8-5e8", "fig:signed-5e8-1e9", "fig:signed-ge1e9"],
     "equals": ["fig:signed-total"], "holds": True, "quote": "上半年新签约项目10个,其中投资额亿元以下项目2个"},
    {"id": "check:dzd-buildings", "kind": "sum", "description": "大寨店社区: 29栋已完工 + 7栋主体封顶 = 36栋开工",
     "terms": ["fig:dzd-completed", "fig:dzd-topped"], "equals": ["fig:dzd-started"], "holds": True,
     "quote": "大寨店社区开工36栋楼,其中29栋楼已完工,7栋楼主体封顶"},
    {"id": "check:h1-share", "kind": "ratio", "description": "9.96亿元 / 19亿元 ≈ 52% (52.4%)",
     "numerator": "fig:h1-investment", "denominator": "fig:annual-target", "expected": "fig:target-share",
     "tolerance": 0.5, "holds": True, "quote": SHARE_Q},
    {"id": "check:count-communities-1999", "kind": "count", "description": "12 community names listed = 12个城市社区",
     "table": "units", "items": C12, "expected": "fig:communities-1999", "holds": True, "quote": FOUND_C_Q},
    {"id": "check:count-villages-1999", "kind": "count", "description": "6 village names listed = 6个村",
     "table": "units", "items": V6, "expected": "fig:villages-1999", "holds": True, "quote": FOUND_V_Q},
    {"id": "check:count-moved-2017", "kind": "count", "description": "8 names listed = 8个社区(村) 划归泰山路",
     "table": "units", "items": MOVED8, "expected": "fig:moved-2017", "holds": True, "quote": MOVED_Q},
    {"id": "check:count-stayed-communities", "kind": "count", "description": "6 community names listed = 6个社区 仍属",
     "table": "units", "items": STAYED_C6, "expected": "fig:stayed-communities-2017", "holds": True,
     "quote": "鹤翔、学院、桂鹤、金鹤、迎宾、凤凰城6个社区"},
    {"id": "check:count-stayed-villages", "kind": "count", "description": "4 village names listed = 4个村 仍属",
     "table": "units", "items": STAYED_V4, "expected": "fig:stayed-villages-2017", "holds": True,
     "quote": "大寨店、西郭庄、打柴口、崔庄4个村仍属九州路办事处管辖"},
    {"id": "check:count-signed", "kind": "count", "description": "10 signed project names listed = 新签约项目10个",
     "table": "projects", "items": SIGNED10, "expected": "fig:signed-total", "holds": True,
     "quote": "上半年新签约项目10个"},
    {"id": "check:count-band-lt1e8", "kind": "count", "description": "亿元以下: 2 names = 2个", "table": "projects",
     "items": BAND_PROJECTS["lt1e8"], "expected": "fig:signed-lt1e8", "holds": True,
     "quote": "投资额亿元以下项目2个,分别是58同城项目、启源人才交流项目"},
    {"id": "check:count-band-1e8-5e8", "kind": "count", "description": "1亿元到5亿元: 4 names = 4个", "table": "projects",
     "items": BAND_PROJECTS["1e8-5e8"], "expected": "fig:signed-1e8-5e8", "holds": True,
     "quote": "投资额1亿元到5亿元项目4个,分别是华大育仁教育基地项目"},
    {"id": "check:count-band-5e8-1e9", "kind": "count", "description": "5亿元到10亿元: 2 names = 2个",
     "table": "projects", "items": BAND_PROJECTS["5e8-1e9"], "expected": "fig:signed-5e8-1e9", "holds": True,
     "quote": "投资额5亿元到10亿元项目2个,分别是清水湾生活广场项目、东方颐养园项目"},
    {"id": "check:count-band-ge1e9", "kind": "count", "description": "10亿元以上: 2 names = 2个", "table": "projects",
     "items": BAND_PROJECTS["ge1e9"], "expected": "fig:signed-ge1e9", "holds": True,
     "quote": "投资额10亿元以上项目2个,分别是书香时代广场项目、南水西郡项目"},
    {"id": "check:count-pledge-units", "kind": "count",
     "description": "10个社区(村) signing 廉政承诺书 = the 6 communities + 4 villages left after 2017-11",
     "table": "units", "items": STAYED_C6 + STAYED_V4, "expected": "fig:pledge-units", "holds": True,
     "quote": PLEDGE_Q, "note": "The article does not list the 10; identifying them with the post-2017-11 units is the curator's reading."},
    {"id": "check:count-pilot-communities", "kind": "count",
     "description": "6个城市社区 guided in 小区党建 = the 6 communities left after 2017-11",
     "table": "units", "items": STAYED_C6, "expected": "fig:pilot-communities", "holds": True,
     "quote": "九州路办事处指导6个城市社区确定了8个小区党建试点",
     "note": "The article does not list the 6; identifying them with the post-2017-11 communities is the curator's reading."},
    {"id": "check:count-reform-villages", "kind": "count", "description": "大寨店、西郭庄、西臣投(二期) = 3个村",
     "table": "units", "items": ["unit:dazhaidian", "unit:xiguozhuang", "unit:xichentou"],
     "expected": "fig:reform-villages", "holds": True, "quote": "在建的大寨店、西郭庄、西臣投(二期)3个村"},
]

# --- oddities (the build copies each id into the `oddities` field of the records it affects) ---
LANDED = ["project:qingshuiwan", "project:aihaocheng", "project:meinian", "project:zhongkai5haoxiang"]
BAND_FIGS = ["fig:signed-lt1e8", "fig:signed-1e8-5e8", "fig:signed-5e8-1e9", "fig:signed-ge1e9"]

ODDITIES = [
    {"id": "odd:xiangjiang-not-in-list", "kind": "not_in_list",
     "description": "湘江社区 is called a community of 九州路办事处 (村改居社区 with the 安居 feature) but is in neither the 1999 list nor the post-2017-11 list.",
     "affects": ["unit:xiangjiang", "person:xingyumei", "place:xiangjiang-anju"], "quote": "九州路办事处湘江社区73岁的邢玉梅"},
    {"id": "odd:landed-deng", "kind": "list_ends_with_deng",
     "description": "The landed projects list ends with 等一批: there may be more than these four.",
     "affects": LANDED, "quote": "中凯5号巷餐饮示范街等一批涉及房地产"},
    {"id": "odd:keyworks-deng", "kind": "list_ends_with_deng",
     "description": "The key construction works list ends with 等项目: there may be more.",
     "affects": ["project:qingshuiwan", "project:xiguozhuang-peidi", "project:zhongxiaoxue", "project:hemeidadao",
                 "project:gaoyazoulang"], "quote": "高压走廊绿化等项目进度工作"},
    {"id": "odd:honours-deng", "kind": "list_ends_with_deng",
     "description": "The 2017 honours list ends with 等多项荣誉: the office won more honours than the three named.",
     "affects": ["honour:wuxiejiao-2017", "honour:jisheng-2017", "honour:guoqi-2017"],
     "quote": "省国企改革攻坚战先进单位等多项荣誉"},
    {"id": "odd:brands-deng", "kind": "list_ends_with_deng",
     "description": "The service brands list ends with 等一大批: only three of many are named.",
     "affects": ["place:lixianwen-tiaojieshi", "place:jinlanling", "place:caige-gongzuoshi"],
     "quote": "“蔡阁健康工作室”等一大批党建服务品牌"},
    {"id": "odd:designations-deng", "kind": "list_ends_with_deng",
     "description": "The community designations end with 等: other communities may have designations too.",
     "affects": ["place:shengtaixing", "place:fuwuxing", "place:wenhuaxing", "unit:dongfang", "unit:moushan",
                 "unit:hexiang"], "quote": "鹤翔社区打造成文化型社区等"},
    {"id": "odd:yanglao-deng", "kind": "list_ends_with_deng",
     "description": "迎宾、清华园、牟山等社区: the list of communities offering 居家养老服务 ends with 等.",
     "affects": ["place:jujia-yanglao"], "quote": "迎宾、清华园、牟山等社区在全市率先开展居家养老服务"},
    {"id": "odd:yanglao-moved", "kind": "moved_unit_mentioned",
     "description": "清华园 and 牟山 moved to 泰山路办事处筹建办 in 2017-11, yet appear in a present-tense list of the office's services (居家养老服务).",
     "affects": ["place:jujia-yanglao", "unit:qinghuayuan", "unit:moushan"],
     "quote": "迎宾、清华园、牟山等社区在全市率先开展居家养老服务"},
    {"id": "odd:designations-moved", "kind": "moved_unit_mentioned",
     "description": "东方社区 (生态型社区) and 牟山社区 (服务型社区) moved to 泰山路办事处筹建办 in 2017-11, yet are described as the office's designated communities.",
     "affects": ["unit:dongfang", "unit:moushan", "place:shengtaixing", "place:fuwuxing"],
     "quote": "东方社区打造成生态型社区,将单职工家庭较多"},
    {"id": "odd:xichentou-moved", "kind": "moved_unit_mentioned",
     "description": "西臣投 moved to 泰山路办事处筹建办 in 2017-11; its figures are stated as of before the redistricting and it is counted among the 3个村 under construction since early 2017.",
     "affects": ["unit:xichentou", "fig:xct-topped", "fig:xct-first-floor", "fig:reform-villages"],
     "quote": "该办事处区划调整前,西臣投社区(二期)已有7栋楼主体封顶"},
    {"id": "odd:cut-off-paragraph", "kind": "cut_off_paragraph",
     "description": "A paragraph breaks off at \"加大对背街小巷的治\" and the next line starts mid-sentence with \"处积极协调有关部门\": text is missing. The same opening is repeated later in full (\"加大对背街小巷的治理力度\").",
     "affects": ["project:haimian-gaizao", "fig:sponge-projects", "event:sponge-acceptance"],
     "quote": "九州路办事处加大对背街小巷的治处积极协调有关部门"},
    {"id": "odd:band-edges", "kind": "band_edge_overlap",
     "description": "The band wordings overlap at their edges: 5亿元 belongs to both 1亿元到5亿元 and 5亿元到10亿元; 1亿元 and 10亿元 likewise (亿元以下 / 1亿元到; 5亿元到10亿元 / 10亿元以上).",
     "affects": SIGNED10 + BAND_FIGS, "quote": "投资额5亿元到10亿元项目2个"},
    {"id": "odd:break-1700", "kind": "layout_break",
     "description": "A layout break splits the figure \"1700余\" from its measure word \"名\".",
     "affects": ["fig:volunteers"], "quote": "1700余名在职党员"},
    {"id": "odd:break-posts", "kind": "layout_break",
     "description": "A layout break splits \"公益性岗位10\" from \"人\".",
     "affects": ["fig:aid-posts"], "quote": "安置公益性岗位10人"},
    {"id": "odd:break-yezhu", "kind": "layout_break",
     "description": "A layout break splits the word 业主委员会 into \"业主委\" / \"员会\".",
     "affects": ["place:liuweiyiti"], "quote": "业主委员会、物业公司"},
    {"id": "odd:break-dangzhibu", "kind": "layout_break",
     "description": "At a layout break the character 部 is doubled: \"中凯铂爵酒店党支部\" / \"部、淇花食用油公司党支部\".",
     "affects": ["place:zhongkai-dangzhibu", "place:qihua-dangzhibu"], "quote": "中凯铂爵酒店党支部部、淇花食用油公司党支部"},
    {"id": "odd:break-xilie", "kind": "layout_break",
     "description": "A layout break splits the word 系列 into \"系\" / \"列活动\".",
     "affects": ["place:buwangchuxin"], "quote": "党员在行动”系列活动"},
    {"id": "odd:break-xianhou", "kind": "layout_break",
     "description": "A layout break splits the word 先后 into \"先\" / \"后落地\".",
     "affects": LANDED, "quote": "餐饮等行业的项目先后落地"},
    {"id": "odd:break-zhili", "kind": "layout_break",
     "description": "A layout break splits the word 治理 into \"治\" / \"理力度\" (the complete version of the cut-off opening).",
     "affects": ["place:xinwenxiang", "place:hehuanxiang", "place:yulanxiang", "place:yunmengxiang",
                 "place:zijingxiang"], "quote": "加大对背街小巷的治理力度"},
    {"id": "odd:break-closing", "kind": "layout_break",
     "description": "The closing quotation is broken into many short lines (新时/代幸福九州, 全力打/造, 美好生/活环/境, 开/创).",
     "affects": ["person:fengkefeng", "place:xingfujiuzhou"], "quote": "按照打造新时代幸福九州的总体工作思路"},
    {"id": "odd:stray-and", "kind": "stray_word",
     "description": "A stray English word \"and\" stands in the Chinese text (probably for 和).",
     "affects": ["person:fengkefeng"], "quote": "品质‘三城’建设 and 全区"},
    {"id": "odd:caption-fragment", "kind": "other",
     "description": "Caption fragment \"资本报记者\": probably 资料照片 or 本报记者 garbled; read as 本报记者 李雪婷.",
     "affects": ["person:lixueting"], "quote": "资本报记者 李雪婷 摄"},
    {"id": "odd:stray-nei", "kind": "other",
     "description": "A stray 内 in \"建成已有26年、内昔日杂草丛生的小区\" (garbled sentence; the age 26年 is read as written).",
     "affects": ["fig:jhby-age", "unit:jianhangbeiyuan"], "quote": "这个建成已有26年、内昔日杂草丛生的小区"},
    {"id": "odd:doubled-words", "kind": "other",
     "description": "Doubled wording \"丰富多彩多样\" (丰富多彩 / 多样); and a broken sentence \"还能住在这里的小区感觉就两个字\".",
     "affects": ["place:buwangchuxin"], "quote": "丰富多彩多样"},
    {"id": "odd:five-years", "kind": "unspecified_years",
     "description": "连续5年: the five years are not given (presumably up to 2017 or 2018).",
     "affects": ["honour:pingan-5years", "fig:safe-years"], "quote": "连续5年获得鹤壁市平安建设先进街道荣誉称号"},
    {"id": "odd:village-community-names", "kind": "other",
     "description": "Villages under 城中村 renewal are written both as 村 and as 社区 (大寨店村/大寨店社区, 西郭庄/西郭庄社区, 西臣投(二期)/西臣投社区(二期)); they are one unit each.",
     "affects": ["unit:dazhaidian", "unit:xiguozhuang", "unit:xichentou"], "quote": "西郭庄、大寨店村新型社区"},
    {"id": "odd:jiuzhou-name", "kind": "other",
     "description": "The community 九州 (moved 2017-11) shares its name with the office 九州路办事处 and the slogans 红动九州, 幸福九州, 九州家园.",
     "affects": ["unit:jiuzhou"], "quote": "东方、九州、清华园"},
    {"id": "odd:qingshuiwan-two", "kind": "other",
     "description": "清水湾 (landed earlier, key work) and 清水湾生活广场项目 (signed 2018 H1, 5亿–10亿) share a name; the article does not say whether they are related.",
     "affects": ["project:qingshuiwan", "project:qingshuiwan-guangchang"], "quote": "分别是清水湾生活广场项目"},
    {"id": "odd:disability-monthly", "kind": "other",
     "description": "The 120元 残疾人‘两项’补贴 has no period of its own; monthly is read from the surrounding 每月.",
     "affects": ["fig:xym-disability"], "quote": "残疾人‘两项’补贴120元"},
]

# --- meta ----------------------------------------------------------------------
NON_FIGURES = [
    {"text": "七一", "reason": "holiday name (1 July, Party founding day) in a photo caption",
     "quote": "九州路办事处庆“七一”党建文艺晚会"},
    {"text": "第一版", "reason": "page reference (continued from page 1)", "quote": "(上接第一版)"},
    {"text": "六位一体", "reason": "name of a management model; its six members are listed (see place:liuweiyiti), no quantity is claimed",
     "quote": "监事会六位一体的社区管理新模式"},
    {"text": "两新", "reason": "name of a category of organisations (新经济组织、新社会组织)", "quote": "“两新”组织党建"},
    {"text": "十九大", "reason": "name of the 19th Party Congress", "quote": "党的十九大精神"},
    {"text": "58同城", "reason": "brand name inside a project name", "quote": "分别是58同城项目"},
    {"text": "中凯5号巷", "reason": "street name inside a project name", "quote": "中凯5号巷餐饮示范街"},
    {"text": "二期", "reason": "phase label inside a name (西臣投(二期))", "quote": "西臣投(二期)"},
    {"text": "二期", "reason": "phase label inside a name (西臣投社区(二期))", "quote": "西臣投社区(二期)"},
    {"text": "两个字", "reason": "figure of speech (the two characters 幸福)", "quote": "感觉就两个字“幸福”"},
    {"text": "二支渠", "reason": "canal name", "quote": "天赉渠、棉丰渠、二支渠"},
    {"text": "五加二", "reason": "slogan (five workdays plus the weekend), like 白加黑", "quote": "‘五加二’‘白加黑’"},
    {"text": "百日攻坚", "reason": "campaign name; the article does not claim a 100-day duration as a fact", "quote": "百日攻坚"},
    {"text": "门前三包", "reason": "name of a responsibility system", "quote": "门前三包责任制小巷"},
    {"text": "一长三员", "reason": "name of a responsibility system", "quote": "落实“一长三员”责任"},
    {"text": "10吨", "reason": "threshold of the boiler class (10吨以下燃煤锅炉), not a measured quantity",
     "quote": "44家10吨以下燃煤锅炉"},
    {"text": "PM2.5", "reason": "pollutant name", "quote": "PM2.5和PM10指数"},
    {"text": "PM10", "reason": "pollutant name", "quote": "PM2.5和PM10指数"},
    {"text": "四位一体", "reason": "name of a management model; its four members are listed (see place:siweiyiti), no quantity is claimed",
     "quote": "“四位一体”的安全生产网格化管理新模式"},
    {"text": "两项", "reason": "name of the subsidy (残疾人两项补贴)", "quote": "残疾人‘两项’补贴"},
    {"text": "九届六次", "reason": "session number of the city Party committee plenum", "quote": "市委九届六次全会"},
    {"text": "四届五次", "reason": "session number of the district Party committee plenum", "quote": "区委四届五次全会"},
    {"text": "三城", "reason": "slogan name (品质‘三城’)", "quote": "品质‘三城’建设"},
    {"text": "五个淇滨", "reason": "slogan name", "quote": "全区‘五个淇滨’建设"},
]

NOT_PEOPLE = [
    {"name": "李显文", "reason": "appears only inside the service brand 李显文矛盾调解室", "quote": "李显文矛盾调解室"},
    {"name": "蔡阁", "reason": "appears only inside the service brand 蔡阁健康工作室", "quote": "蔡阁健康工作室"},
]

META = [
    {"id": "meta:schema", "schema_version": 1, "topics": TOPICS,
     "bands": [{"band": k, "min": v[0], "max": v[1], "currency": "CNY", "text": v[2]} for k, v in BANDS.items()],
     "non_figures": NON_FIGURES, "not_people": NOT_PEOPLE, "quote": "科学发展展新篇章",
     "note": "Judgement calls: ages and durations stated about a subject (73岁, 26年, 连续5年) are figures; numerals inside "
             "names, slogans, model names, session numbers and thresholds (六位一体, 四位一体, 五加二, 百日攻坚, 10吨) are "
             "non_figures. Ordinals (第一批) and dates are covered by events."},
]

TABLES = {
    "source": SOURCE, "units": UNITS, "projects": PROJECTS, "figures": FIGURES, "honours": HONOURS,
    "people": PEOPLE, "events": EVENTS, "places": PLACES, "checks": CHECKS, "oddities": ODDITIES, "meta": META,
}

# =============================================================================
# Build
# =============================================================================

TABLE_DEFAULTS = {
    "units": {"short": None, "member": False, "aliases": [], "parent": None, "office": None, "history": [],
              "designations": [], "flags": []},
    "projects": {"period": None, "investment": None, "band": None, "sector": None, "programme": False},
    "figures": {"qualifier": None, "per": None, "period": None, "period_text": None, "period_inferred": False,
                "status": "actual"},
    "people": {"role": None, "unit": None, "age": None},
    "events": {"end": None, "inferred": False, "status": "done"},
    "places": {"theme": None, "unit": None},
    "checks": {"note": None},
}
COMMON_DEFAULTS = {"mentions": [], "oddities": [], "note": None}
ENUMS = {
    ("units", "kind"): {"城市社区", "村", "社区", "小区", "办事处", "筹建办", "乡"},
    ("projects", "status"): {"signed", "landed", "key_work"},
    ("figures", "qualifier"): {None, "余", "多", "近", "以上"},
    ("figures", "status"): {"actual", "target", "planned"},
    ("honours", "level"): {"国家", "省", "市"},
    ("events", "precision"): {"year", "month", "day", "range"},
    ("events", "status"): {"done", "planned"},
    ("places", "kind"): {"canal", "back_street", "service_brand", "programme", "designation", "party_org",
                         "city_title", "other"},
    ("checks", "kind"): {"sum", "ratio", "count"},
    ("oddities", "kind"): {"not_in_list", "list_ends_with_deng", "cut_off_paragraph", "band_edge_overlap",
                           "layout_break", "stray_word", "moved_unit_mentioned", "unspecified_years", "other"},
}
MAX_QUOTE = 120


class BuildError(JzError):
    """A curation mistake: the build stops with one line and writes nothing."""


def _dedupe(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _pinyin_block(names: list[str]) -> dict:
    pairs = [pinyin_of(n) for n in names]
    return {"full": _dedupe([p[0] for p in pairs]), "initials": _dedupe([p[1] for p in pairs])}


# Progress figures: a part and the total it is part of (drawn as bars by `jzcli overview`).
PART_OF = {
    "fig:dzd-completed": "fig:dzd-started",
    "fig:dzd-topped": "fig:dzd-started",
    "fig:dzd-delivered": "fig:dzd-started",
    "fig:h1-investment": "fig:annual-target",
}
# The figures `jzcli overview` leads with.
KEY_FIGURES = (
    "fig:area-1999", "fig:population-1999", "fig:tax-revenue", "fig:fixed-investment", "fig:out-of-province",
    "fig:fdi", "fig:trade", "fig:signed-total", "fig:h1-investment", "fig:target-share", "fig:volunteers",
)
# The four counts of signed projects per investment band: which band each counts.
FIGURE_BANDS = {"fig:signed-lt1e8": "lt1e8", "fig:signed-1e8-5e8": "1e8-5e8", "fig:signed-5e8-1e9": "5e8-1e9",
                "fig:signed-ge1e9": "ge1e9"}


def complete(tables: dict) -> dict:
    """Fill defaults, derived fields and pinyin; return new tables (the literals are not mutated)."""
    names = {}
    for rows in tables.values():
        for r in rows:
            if "name" in r:
                names[r["id"]] = r["name"]
    affected: dict[str, list[str]] = {}
    for odd in tables["oddities"]:
        for rid in odd["affects"]:
            affected.setdefault(rid, []).append(odd["id"])

    out = {}
    for table, rows in tables.items():
        done = []
        for src in rows:
            r = {"id": src["id"]}
            r.update({k: v for k, v in src.items() if k not in COMMON_DEFAULTS and k != "quote"})
            for k, v in TABLE_DEFAULTS.get(table, {}).items():
                r.setdefault(k, json.loads(json.dumps(v)))
            if table == "projects":
                r.setdefault("statuses", [r["status"]])
                if r["band"] is not None:
                    lo, hi, text = BANDS[r["band"]]
                    r["investment"] = {"min": lo, "max": hi, "currency": "CNY", "text": text}
                    r["period"] = r["period"] or "2018-H1"
            if table == "figures":
                r = {"id": r["id"], "subject": r["subject"], "subject_name": names.get(r["subject"]),
                     **{k: v for k, v in r.items() if k not in ("id", "subject")}}
                r["part_of"] = PART_OF.get(r["id"])
                r["key"] = r["id"] in KEY_FIGURES
                r["band"] = FIGURE_BANDS.get(r["id"])
            if table in ("units", "projects"):
                r["pinyin"] = _pinyin_block([n for n in [r["name"], r.get("short")] + r.get("aliases", []) if n])
            r["quote"] = src["quote"]
            mentions = list(src.get("mentions", []))
            if table == "figures":
                mentions = [r["subject"]] + mentions
            r["mentions"] = _dedupe(mentions)
            r["oddities"] = _dedupe(affected.get(r["id"], []) + list(src.get("oddities", [])))
            r["note"] = src.get("note")
            done.append(r)
        out[table] = done
    return out


def _quotes_of(table: str, r: dict):
    """(label, quote) pairs of a record, including nested quotes."""
    yield r["id"], r["quote"]
    for i, h in enumerate(r.get("history", []) if table == "units" else []):
        yield f"{r['id']}.history[{i}]", h["quote"]
    if table == "meta":
        for i, nf in enumerate(r["non_figures"]):
            yield f"{r['id']}.non_figures[{i}]", nf["quote"]
        for i, np_ in enumerate(r["not_people"]):
            yield f"{r['id']}.not_people[{i}]", np_["quote"]


def check_quotes(tables: dict, article: str) -> None:
    text = squash(article)
    bad, long_ = [], []
    for table, rows in tables.items():
        for r in rows:
            for label, q in _quotes_of(table, r):
                if not q or squash(q) not in text:
                    bad.append(label)
                if len(squash(q)) > MAX_QUOTE:
                    long_.append(label)
    if bad:
        raise BuildError("quote not found in the article: " + ", ".join(bad))
    if long_:
        raise BuildError(f"quote longer than {MAX_QUOTE} characters: " + ", ".join(long_))
    # the figure's wording, the non-figure's token and the honour's wording must be in their own quote
    problems = [r["id"] for r in tables["figures"] if squash(r["text"]) not in squash(r["quote"])]
    problems += [r["id"] for r in tables["honours"] if squash(r["text"]) not in text]
    problems += [f"non_figure {nf['text']}" for nf in tables["meta"][0]["non_figures"]
                 if squash(nf["text"]) not in squash(nf["quote"])]
    if problems:
        raise BuildError("wording not found in its quote: " + ", ".join(problems))


def check_ids(tables: dict) -> None:
    ids = [r["id"] for rows in tables.values() for r in rows]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise BuildError("duplicate ids: " + ", ".join(dupes))
    bad_format = [i for i in ids if not re.fullmatch(r"[a-z]+:[a-z0-9][a-z0-9-]*", i)]
    if bad_format:
        raise BuildError("ids not of the form <prefix>:<ascii slug>: " + ", ".join(bad_format))
    known = set(ids)
    missing = [f"{r['id']}.{field} -> {ref}" for table, rows in tables.items() for r in rows
               for field, ref in references(table, r) if ref not in known]
    if missing:
        raise BuildError("unknown ids referenced: " + "; ".join(missing))
    by_id = {r["id"]: (t, r) for t, rows in tables.items() for r in rows}
    wrong = [f"{r['id']}.items -> {i}" for r in tables["checks"] if r["kind"] == "count"
             for i in r["items"] if by_id[i][0] != r["table"]]
    if wrong:
        raise BuildError("count items outside their table: " + "; ".join(wrong))


def check_enums(tables: dict) -> None:
    bad = [f"{r['id']}.{field}={r.get(field)!r}" for (table, field), allowed in ENUMS.items()
           for r in tables[table] if r.get(field) not in allowed]
    topics = tables["meta"][0]["topics"]
    bad += [f"{r['id']}.topic={r['topic']!r}" for r in tables["figures"] if r["topic"] not in topics]
    if bad:
        raise BuildError("values outside the schema: " + ", ".join(bad))
    seen: dict = {}
    for r in tables["figures"]:
        seen.setdefault((r["subject"], frozenset(r["keywords"])), []).append(r["id"])
    clashes = [" = ".join(v) for v in seen.values() if len(v) > 1]
    if clashes:
        raise BuildError("figures with the same subject and keywords: " + "; ".join(clashes))


def check_cross_checks(tables: dict) -> None:
    """Recompute every cross-check (jzcli's exact Decimal arithmetic) and compare it with `holds`."""
    fb = FactBase(DEFAULT_OUTPUT, tables)
    results = {c["id"]: crosschecks.evaluate(fb, c) for c in tables["checks"]}
    errors = [f"{cid}: {r['error']}" for cid, r in results.items() if "error" in r]
    if errors:
        raise BuildError("cross-checks that cannot be computed: " + "; ".join(errors))
    wrong = [c["id"] for c in tables["checks"] if results[c["id"]]["holds"] != c["holds"]]
    if wrong:
        raise BuildError("cross-checks whose recomputed result differs from `holds`: " + ", ".join(wrong))


def to_tinydb(tables: dict) -> dict:
    return {table: {str(i): r for i, r in enumerate(rows, 1)} for table, rows in tables.items()}


def write_atomic(path: Path, db: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".facts-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            json.dump(db, f, ensure_ascii=False, indent=1, sort_keys=False)
            f.write("\n")
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; the file ships in the wheel and must be readable
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build(source: Path) -> dict:
    article = files.read_text(source, "article", BuildError)
    tables = complete(TABLES)
    check_quotes(tables, article)
    check_ids(tables)
    check_enums(tables)
    check_cross_checks(tables)
    return to_tinydb(tables)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the article (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        db = build(args.source)
    except (BuildError, OSError) as e:
        print(f"build_facts: error: {e}", file=sys.stderr)
        return 1
    write_atomic(args.output, db)
    counts = ", ".join(f"{t} {len(rows)}" for t, rows in db.items())
    print(f"wrote {args.output}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
