"""Exact contents of facts.json (read with plain json; of jzcli only the schema's table list is used).

The article is the only source of truth; tests that need it are skipped when it is absent.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.json"
sys.path.insert(0, str(ROOT / "curation"))
from build_facts import DEFAULT_SOURCE, pinyin_of, squash  # noqa: E402

from jzcli.schema import TABLES as SCHEMA_TABLES  # noqa: E402

DB = json.loads(FACTS.read_text(encoding="utf-8"))
TABLES = list(SCHEMA_TABLES)


def rows(table):
    return list(DB[table].values())


BY_ID = {r["id"]: r for t in TABLES for r in rows(t)}
UNITS = rows("units")
FIGS = {r["id"]: r for r in rows("figures")}


@pytest.fixture(scope="module")
def article():
    if not DEFAULT_SOURCE.exists():
        pytest.skip(f"article not found: {DEFAULT_SOURCE}")
    return squash(DEFAULT_SOURCE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- shape

def test_tinydb_shape_and_common_fields():
    assert list(DB) == TABLES
    for table in TABLES:
        assert list(DB[table]) == [str(i) for i in range(1, len(DB[table]) + 1)]
        for r in rows(table):
            for field in ("id", "quote", "mentions", "oddities", "note"):
                assert field in r, (table, r.get("id"), field)
            assert re.fullmatch(r"[a-z]+:[a-z0-9][a-z0-9-]*", r["id"])
    ids = [r["id"] for t in TABLES for r in rows(t)]
    assert len(ids) == len(set(ids))


def test_file_is_deterministic_json_dump():
    text = FACTS.read_text(encoding="utf-8")
    assert text == json.dumps(DB, ensure_ascii=False, indent=1) + "\n"


def test_every_referenced_id_exists():
    missing = []
    for table in TABLES:
        for r in rows(table):
            for field in ("mentions", "oddities", "affects", "subject", "parent", "office", "terms", "equals",
                          "numerator", "denominator", "expected", "items"):
                vals = r.get(field)
                for v in vals if isinstance(vals, list) else [vals]:
                    if v is not None and v not in BY_ID:
                        missing.append((r["id"], field, v))
            if table in ("people", "places") and r["unit"] is not None and r["unit"] not in BY_ID:
                missing.append((r["id"], "unit", r["unit"]))
            for h in r.get("history", []) if table == "units" else []:
                if h["office_id"] not in BY_ID:
                    missing.append((r["id"], "history", h["office_id"]))
    assert missing == []


def test_source_record():
    (src,) = rows("source")
    assert src["id"] == "source:article"
    assert src["title"] == "科学发展展新篇章 务实重干展新姿"
    assert src["place"] == "九州路办事处, 淇滨区, 鹤壁市"
    assert src["publication_year"] == 2018 and src["publication_year_inferred"] is True
    assert src["as_of"] == "2018-08-19" and src["as_of_precision"] == "day"
    assert "今年" in src["year_reasoning"] and "2017" in src["year_reasoning"]


# ---------------------------------------------------------------- units

COMMUNITIES_12 = {"桂鹤", "九州", "鹤翔", "东方", "金鹤", "福田", "学院", "广场", "清华园", "迎宾", "牟山", "凤凰城"}
VILLAGES_6 = {"崔庄", "王升屯", "大寨店", "打柴口", "西臣投", "西郭庄"}
MOVED_8 = {"福田", "广场", "东方", "九州", "清华园", "牟山", "西臣投", "王升屯"}
STAYED_C6 = {"鹤翔", "学院", "桂鹤", "金鹤", "迎宾", "凤凰城"}
STAYED_V4 = {"大寨店", "西郭庄", "打柴口", "崔庄"}


def test_founding_members():
    members = [u for u in UNITS if u["member"]]
    assert len(members) == 18
    assert {u["short"] for u in members if u["kind"] == "城市社区"} == COMMUNITIES_12
    assert {u["short"] for u in members if u["kind"] == "村"} == VILLAGES_6
    assert {u["name"] for u in members if u["kind"] == "城市社区"} == {s + "社区" for s in COMMUNITIES_12}
    assert {u["name"] for u in members if u["kind"] == "村"} == {s + "村" for s in VILLAGES_6}
    for u in members:
        assert u["history"][0]["office_id"] == "unit:jiuzhoulu" and u["history"][0]["from"] == "1999-07"


def _current(u):
    return u["history"][-1]


def test_redistricting_2017_11():
    members = [u for u in UNITS if u["member"]]
    moved = {u["short"] for u in members if _current(u)["office_id"] == "unit:taishanlu"}
    assert moved == MOVED_8
    for u in members:
        if u["short"] in MOVED_8:
            assert [(h["office_id"], h["from"], h["to"]) for h in u["history"]] == [
                ("unit:jiuzhoulu", "1999-07", "2017-11"), ("unit:taishanlu", "2017-11", None)]
            assert u["office"] == "unit:taishanlu"
        else:
            assert (_current(u)["office_id"], _current(u)["to"]) == ("unit:jiuzhoulu", None)
            assert u["office"] == "unit:jiuzhoulu"
    stayed = [u for u in members if _current(u)["office_id"] == "unit:jiuzhoulu" and _current(u)["to"] is None]
    assert {u["short"] for u in stayed if u["kind"] == "城市社区"} == STAYED_C6
    assert {u["short"] for u in stayed if u["kind"] == "村"} == STAYED_V4


def test_offices():
    jz, ts = BY_ID["unit:jiuzhoulu"], BY_ID["unit:taishanlu"]
    assert (jz["name"], jz["kind"], jz["member"]) == ("九州路办事处", "办事处", False)
    assert (ts["name"], ts["kind"], ts["member"]) == ("泰山路办事处筹建办", "筹建办", False)


def test_places_that_are_not_units_of_the_office():
    xj = BY_ID["unit:xiangjiang"]
    assert xj["name"] == "湘江社区" and xj["member"] is False
    assert "not_a_unit_of_the_office" in xj["flags"]
    assert "odd:xiangjiang-not-in-list" in xj["oddities"]
    assert BY_ID["unit:tianhejiacheng"]["parent"] == "unit:fenghuangcheng"
    assert BY_ID["unit:jianhangbeiyuan"]["parent"] == "unit:guihe"
    compounds = {u["name"] for u in UNITS if u["kind"] == "小区"}
    assert compounds == {"天河嘉城小区", "建行北院小区"}
    for u in UNITS:
        if u["kind"] == "小区":
            assert "residential_compound" in u["flags"] and not u["member"]
    zgy = BY_ID["unit:zhanggongyan"]
    assert zgy["name"] == "张公堰村" and "partner_village" in zgy["flags"] and not zgy["member"]
    assert BY_ID[zgy["parent"]]["name"] == "大河涧乡" and BY_ID[zgy["parent"]]["kind"] == "乡"


def _name_index():
    index = {}
    for u in UNITS:
        for n in [u["name"], u["short"]] + u["aliases"]:
            index.setdefault(n, set()).add(u["id"])
    return index


def test_aliases_resolve_to_one_unit():
    index = _name_index()
    assert {n for n, ids in index.items() if len(ids) > 1} == set()
    for n in ("大寨店", "大寨店村", "大寨店社区"):
        assert index[n] == {"unit:dazhaidian"}
    for n in ("西郭庄", "西郭庄村", "西郭庄社区"):
        assert index[n] == {"unit:xiguozhuang"}
    for n in ("西臣投", "西臣投(二期)", "西臣投社区(二期)"):
        assert index[n] == {"unit:xichentou"}
    assert index["凤凰城"] == index["凤凰城社区"] == {"unit:fenghuangcheng"}
    assert index["崔庄"] == index["崔庄村"] == {"unit:cuizhuang"}


def test_designations():
    got = {u["name"]: u["designations"] for u in UNITS if u["designations"]}
    # the office's designations, and how the article describes the partner village (淇滨区最大的贫困村——…张公堰村)
    assert got == {"东方社区": ["生态型社区"], "牟山社区": ["服务型社区"], "鹤翔社区": ["文化型社区"],
                   "张公堰村": ["淇滨区最大的贫困村"]}


# ---------------------------------------------------------------- projects

BANDS = {
    "lt1e8": (None, 100000000, {"58同城项目", "启源人才交流项目"}),
    "1e8-5e8": (100000000, 500000000, {"华大育仁教育基地项目", "橄榄嘉园教育基地项目", "巴奴毛肚火锅城项目",
                                       "奥体国际健身中心项目"}),
    "5e8-1e9": (500000000, 1000000000, {"清水湾生活广场项目", "东方颐养园项目"}),
    "ge1e9": (1000000000, None, {"书香时代广场项目", "南水西郡项目"}),
}


def test_signed_projects_and_bands():
    signed = [p for p in rows("projects") if p["status"] == "signed"]
    assert len(signed) == 10
    assert Counter(p["band"] for p in signed) == {"lt1e8": 2, "1e8-5e8": 4, "5e8-1e9": 2, "ge1e9": 2}
    for band, (lo, hi, names) in BANDS.items():
        in_band = [p for p in signed if p["band"] == band]
        assert {p["name"] for p in in_band} == names
        for p in in_band:
            assert p["period"] == "2018-H1"
            assert (p["investment"]["min"], p["investment"]["max"], p["investment"]["currency"]) == (lo, hi, "CNY")
    assert {p["investment"]["text"] for p in signed} == {"投资额亿元以下", "投资额1亿元到5亿元", "投资额5亿元到10亿元",
                                                         "投资额10亿元以上"}


def test_landed_and_key_work_projects():
    landed = [p for p in rows("projects") if "landed" in p["statuses"]]
    assert {p["name"] for p in landed} == {"清水湾", "北京爱好城湘江教育综合体", "美年大健康", "中凯5号巷餐饮示范街"}
    assert all(p["investment"] is None and p["band"] is None for p in landed)
    key = {p["name"] for p in rows("projects") if "key_work" in p["statuses"]}
    assert key == {"清水湾", "西郭庄城中村改造配地", "中小学建设", "鹤煤大道拓宽", "高压走廊绿化",
                   "崔庄村城中村改造村民商业安置项目", "海绵城市改造项目", "海绵水系工程"}
    qsw, qswgc = BY_ID["project:qingshuiwan"], BY_ID["project:qingshuiwan-guangchang"]
    assert qsw["status"] == "landed" and qswgc["status"] == "signed"
    assert "does not say whether they are related" in qsw["note"]
    assert "does not say whether they are related" in qswgc["note"]


# ---------------------------------------------------------------- honours, places

def test_honours_exact():
    got = {(h["title"], h["year"], h["level"], h["holder"]) for h in rows("honours")}
    assert got == {
        ("鹤壁市平安建设先进街道", None, "市", "九州路办事处"),
        ("全国创建无邪教示范街道", 2017, "国家", "九州路办事处"),
        ("省计划生育工作先进单位", 2017, "省", "九州路办事处"),
        ("省国企改革攻坚战先进单位", 2017, "省", "九州路办事处"),
    }
    assert BY_ID["honour:pingan-5years"]["text"] == "连续5年获得鹤壁市平安建设先进街道荣誉称号"


def test_city_titles_are_not_honours():
    titles = " ".join(h["title"] for h in rows("honours"))
    assert "国家卫生城市" not in titles and "国家园林城市" not in titles
    city = {p["name"] for p in rows("places") if p["kind"] == "city_title"}
    assert {"国家卫生城市", "国家园林城市"} <= city


def test_places_selection():
    by_kind = {}
    for p in rows("places"):
        by_kind.setdefault(p["kind"], {})[p["name"]] = p
    assert set(by_kind["canal"]) == {"天赉渠", "棉丰渠", "二支渠"}
    assert {n: p["theme"] for n, p in by_kind["back_street"].items()} == {
        "新闻巷": "门前三包责任制", "合欢巷": "民生主题", "玉兰巷": "勤学识法主题", "云梦巷": "诚信经营", "紫荆巷": "园林"}
    assert set(by_kind["service_brand"]) == {"李显文矛盾调解室", "金蓝领就业培训", "蔡阁健康工作室"}
    assert "红动九州·争做最美党员" in by_kind["programme"]
    assert {"市餐饮协会党委", "中凯铂爵酒店党支部", "淇花食用油公司党支部", "天河嘉城小区党支部"} <= set(by_kind["party_org"])
    assert {n: p["unit"] for n, p in by_kind["designation"].items()} == {
        "生态型社区": "unit:dongfang", "服务型社区": "unit:moushan", "文化型社区": "unit:hexiang"}


# ---------------------------------------------------------------- people

def test_people_exact():
    got = {p["name"]: (p["role"], p["unit"], p["age"]) for p in rows("people")}
    assert got == {
        "张晓凯": ("天河嘉城小区居民", "unit:tianhejiacheng", None),
        "刘全福": ("九州路办事处党工委副书记、主任", "unit:jiuzhoulu", None),
        "戴尽卿": ("小区居民", "unit:jianhangbeiyuan", None),
        "邢玉梅": (None, "unit:xiangjiang", 73),
        "冯科峰": (None, None, None),
        "李雪婷": ("本报记者", None, None),
    }
    not_people = {n["name"] for n in rows("meta")[0]["not_people"]}
    assert not_people == {"李显文", "蔡阁"}


# ---------------------------------------------------------------- figures

def _fig(**match):
    found = [f for f in FIGS.values() if all(f[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, [f["id"] for f in found])
    return found[0]


@pytest.mark.parametrize("text,value,unit,qualifier,period", [
    ("4.3亿元", 430000000, "元", None, "2016/2018-08"),
    ("86亿元", 8600000000, "元", None, "2016/2018-08"),
    ("10.7亿元", 1070000000, "元", None, "2016/2018-08"),
    ("3700万美元", 37000000, "美元", None, "2016/2018-08"),
    ("735万美元", 7350000, "美元", None, "2016/2018-08"),
    ("16.2万人", 162000, "人", None, "1999-07"),
    ("16平方公里", 16, "平方公里", None, "1999-07"),
    ("200余家", 200, "家", "余", "1999-07"),
    ("52%", 52, "%", None, "2018-01/2018-06"),
    ("9.96亿元", 996000000, "元", None, "2018-01/2018-06"),
    ("19亿元", 1900000000, "元", None, "2018"),
    ("1700余名", 1700, "名", "余", None),
    ("3000多名村民", 3000, "名", "多", "2017-08"),
    ("664套", 664, "套", None, "2017-08"),
    ("近40名", 40, "名", "近", "2017/2018-08"),
    ("近百个", 100, "个", "近", None),
    ("95%以上", 95, "%", "以上", None),
    ("60%以上", 60, "%", "以上", "2017"),
    ("1250万元", 12500000, "元", None, "2017"),
    ("60余名", 60, "名", "余", "2018-05/2018-08"),
    ("116处", 116, "处", None, "2018-05/2018-08"),
    ("7500米", 7500, "米", None, "2017/2018-08"),
    ("451人次", 451, "人次", None, "2017/2018-08"),
    ("连续5年", 5, "年", None, None),
    ("26年", 26, "年", None, "2018-08"),
    ("73岁", 73, "岁", None, "2018-08"),
])
def test_figure_values(text, value, unit, qualifier, period):
    f = _fig(text=text)
    assert (f["value"], f["unit"], f["qualifier"], f["period"]) == (value, unit, qualifier, period)
    assert type(f["value"]) is int


def test_dazhaidian_buildings():
    dzd = {f["metric"]: f["value"] for f in FIGS.values() if f["subject"] == "unit:dazhaidian" and f["unit"] == "栋"}
    assert dzd == {"开工楼栋数": 36, "已完工楼栋数": 29, "主体封顶楼栋数": 7, "已交付楼栋数": 23, "新开工楼栋数": 8}
    assert "交付" in FIGS["fig:dzd-delivered"]["keywords"] and "完工" in FIGS["fig:dzd-completed"]["keywords"]
    assert FIGS["fig:dzd-demolished"]["value"] == 85 and FIGS["fig:dzd-demolished"]["unit"] == "座"


def test_monthly_payments_of_xing_yumei():
    got = {f["metric"]: (f["value"], f["unit"], f["per"], f["period_text"]) for f in FIGS.values()
           if f["subject"] == "person:xingyumei" and f["unit"] == "元"}
    assert got == {"低保救助": (450, "元", "月", "每月"), "残疾人“两项”补贴": (120, "元", "月", "每月"),
                   "养老保险": (80, "元", "人·月", "每人每月")}


def test_figures_schema_and_distinguishable():
    topics = rows("meta")[0]["topics"]
    assert 65 <= len(FIGS) <= 72
    keys = Counter((f["subject"], frozenset(f["keywords"])) for f in FIGS.values())
    assert [k for k, n in keys.items() if n > 1] == []
    for f in FIGS.values():
        assert f["topic"] in topics and f["keywords"] and f["status"] in {"actual", "target", "planned"}
        assert f["qualifier"] in {None, "余", "多", "近", "以上"}
        assert f["subject_name"] == BY_ID[f["subject"]]["name"]
        assert f["subject"] in f["mentions"]
        assert squash(f["text"]) in squash(f["quote"])
    assert FIGS["fig:annual-target"]["status"] == "target"
    assert {f["topic"] for f in FIGS.values()} == set(topics)


# ---------------------------------------------------------------- events

@pytest.mark.parametrize("eid,date,end,precision,inferred,status", [
    ("event:founded", "1999-07", None, "month", False, "done"),
    ("event:redistricting", "2017-11", None, "month", False, "done"),
    ("event:dzd-first-return", "2017-08-17", "2017-08-23", "range", False, "done"),
    ("event:tianhejiacheng-branch", "2018-07-05", None, "day", True, "done"),
    ("event:shuixi-campaign", "2018-05", None, "month", True, "done"),
    ("event:liuquanfu-tally", "2018-08-19", None, "day", True, "done"),
    ("event:xgz-handover", "2018-09", None, "month", True, "planned"),
    ("event:cuizhuang-handover", "2018-09", None, "month", True, "planned"),
    ("event:liangxin-2018", "2018", None, "year", True, "done"),
    ("event:poverty-aid-start", "2017", None, "year", False, "done"),
    ("event:signing-2018h1", "2018-01", "2018-06", "range", True, "done"),
])
def test_events(eid, date, end, precision, inferred, status):
    e = BY_ID[eid]
    assert (e["date"], e["end"], e["precision"], e["inferred"], e["status"]) == (date, end, precision, inferred, status)


def test_relative_dates_are_marked_inferred():
    for e in rows("events"):
        if any(w in e["date_text"] for w in ("今年", "目前", "日前")) or e["date_text"] in ("上半年", "8月19日"):
            assert e["inferred"] is True, e["id"]


# ---------------------------------------------------------------- oddities

def test_oddities_are_attached_both_ways():
    for o in rows("oddities"):
        assert o["affects"], o["id"]
        for rid in o["affects"]:
            assert o["id"] in BY_ID[rid]["oddities"], (o["id"], rid)
    for t in TABLES:
        for r in rows(t):
            for oid in r["oddities"]:
                assert r["id"] in BY_ID[oid]["affects"]


def test_expected_oddities():
    kinds = Counter(o["kind"] for o in rows("oddities"))
    for kind in ("not_in_list", "list_ends_with_deng", "cut_off_paragraph", "band_edge_overlap", "layout_break",
                 "stray_word", "moved_unit_mentioned", "unspecified_years"):
        assert kinds[kind] >= 1, kind
    assert kinds["list_ends_with_deng"] >= 5
    quotes = {o["quote"] for o in rows("oddities")}
    assert "九州路办事处加大对背街小巷的治处积极协调有关部门" in quotes
    assert "品质‘三城’建设 and 全区" in quotes
    assert {"1700余名在职党员", "安置公益性岗位10人", "业主委员会、物业公司"} <= quotes
    assert set(BY_ID["odd:yanglao-moved"]["affects"]) >= {"unit:qinghuayuan", "unit:moushan"}
    assert "honour:pingan-5years" in BY_ID["odd:five-years"]["affects"]


# ---------------------------------------------------------------- quotes

def _all_quotes():
    for t in TABLES:
        for r in rows(t):
            yield r["id"], r["quote"]
            for i, h in enumerate(r.get("history", []) if t == "units" else []):
                yield f"{r['id']}.history[{i}]", h["quote"]
    for i, nf in enumerate(rows("meta")[0]["non_figures"]):
        yield f"non_figures[{i}]", nf["quote"]


def test_every_quote_is_in_the_article(article):
    missing = [label for label, q in _all_quotes() if squash(q) not in article]
    assert missing == []
    assert all(len(squash(q)) <= 120 for _, q in _all_quotes())


def test_squash():
    assert squash(" 业主委\n\n员会 ") == "业主委员会"


# ---------------------------------------------------------------- pinyin

def test_pinyin_recomputed():
    pypinyin = pytest.importorskip("pypinyin")

    def ascii_(parts):
        return re.sub(r"[^a-z0-9]", "", "".join(parts).lower())

    def dedupe(xs):
        return list(dict.fromkeys(xs))

    for r in UNITS + rows("projects"):
        names = [n for n in [r["name"], r.get("short")] + r.get("aliases", []) if n]
        full = dedupe(ascii_(pypinyin.lazy_pinyin(n, style=pypinyin.Style.NORMAL)) for n in names)
        initials = dedupe(ascii_(pypinyin.lazy_pinyin(n, style=pypinyin.Style.FIRST_LETTER)) for n in names)
        assert r["pinyin"] == {"full": full, "initials": initials}, r["id"]
    assert pinyin_of("大寨店") == ("dazhaidian", "dzd")
    assert "fenghuangchengshequ" in BY_ID["unit:fenghuangcheng"]["pinyin"]["full"]
    assert "58tcxm" in BY_ID["project:58tongcheng"]["pinyin"]["initials"]


# ---------------------------------------------------------------- cross-checks

def _recompute(c):
    v = {k: f["value"] for k, f in FIGS.items()}
    if c["kind"] == "sum":
        return sum(v[i] for i in c["terms"]) == sum(v[i] for i in c["equals"])
    if c["kind"] == "ratio":
        return abs(v[c["numerator"]] / v[c["denominator"]] * 100 - v[c["expected"]]) <= c["tolerance"]
    assert c["kind"] == "count"
    assert set(c["items"]) <= {r["id"] for r in rows(c["table"])}
    return len(c["items"]) == v[c["expected"]]


def test_cross_checks_recomputed():
    for c in rows("checks"):
        assert _recompute(c) == c["holds"], c["id"]


def test_expected_cross_checks_present():
    checks = {c["id"]: c for c in rows("checks")}
    assert checks["check:units-before-after"]["terms"] == ["fig:communities-1999", "fig:villages-1999"]
    assert sorted(FIGS[i]["value"] for i in checks["check:units-before-after"]["equals"]) == [4, 6, 8]
    assert sorted(FIGS[i]["value"] for i in checks["check:signed-bands-sum"]["terms"]) == [2, 2, 2, 4]
    assert sorted(FIGS[i]["value"] for i in checks["check:dzd-buildings"]["terms"]) == [7, 29]
    ratio = checks["check:h1-share"]
    assert (FIGS[ratio["numerator"]]["value"], FIGS[ratio["denominator"]]["value"]) == (996000000, 1900000000)
    counts = {c["expected"]: len(c["items"]) for c in checks.values() if c["kind"] == "count"}
    assert counts == {"fig:communities-1999": 12, "fig:villages-1999": 6, "fig:moved-2017": 8,
                      "fig:stayed-communities-2017": 6, "fig:stayed-villages-2017": 4, "fig:signed-total": 10,
                      "fig:signed-lt1e8": 2, "fig:signed-1e8-5e8": 4, "fig:signed-5e8-1e9": 2, "fig:signed-ge1e9": 2,
                      "fig:pledge-units": 10, "fig:pilot-communities": 6, "fig:reform-villages": 3}
    assert {BY_ID[i]["short"] for i in checks["check:count-pledge-units"]["items"]} == STAYED_C6 | STAYED_V4
    assert {BY_ID[i]["short"] for i in checks["check:count-pilot-communities"]["items"]} == STAYED_C6
    assert all(c["holds"] for c in checks.values())


# ---------------------------------------------------------------- completeness

ARABIC = re.compile(r"\d+(?:\.\d+)?")
CJK_NUMERAL = re.compile(r"(?<![\d.])[一二三四五六七八九十百千万两]+")
# words whose numeral character expresses no quantity (curated by reading the article)
LEXICAL = ["九州", "九江路", "十分", "一个党员", "一面旗帜", "进一步", "等一批", "一条条", "一处处", "一家企业",
           "一系列", "百姓", "一笔账", "值得一提", "一线", "一大批"]


def _spans(text, needle):
    start = text.find(needle)
    while start != -1:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


def _covering_spans(article):
    quotes = [r["quote"] for t in ("figures", "events", "projects", "honours") for r in rows(t)]
    quotes += [nf["quote"] for nf in rows("meta")[0]["non_figures"]]
    return [s for q in quotes for s in _spans(article, squash(q))]


def test_every_number_in_the_article_is_accounted_for(article):
    covered = _covering_spans(article)
    lexical = [s for w in LEXICAL for s in _spans(article, w)]

    def inside(m, spans):
        return any(a <= m.start() and m.end() <= b for a, b in spans)

    arabic = [m for m in ARABIC.finditer(article)]
    cjk = [m for m in CJK_NUMERAL.finditer(article)]
    assert len(arabic) > 90 and len(cjk) > 60  # the regexes really scan the article
    orphans = [article[max(0, m.start() - 6):m.end() + 6] for m in arabic if not inside(m, covered)]
    orphans += [article[max(0, m.start() - 6):m.end() + 6] for m in cjk
                if not inside(m, covered) and not inside(m, lexical)]
    assert orphans == []


def test_non_figures_are_not_figures():
    texts = {nf["text"] for nf in rows("meta")[0]["non_figures"]}
    assert {"58同城", "中凯5号巷", "PM2.5", "PM10", "10吨", "十九大", "七一", "九届六次", "四届五次", "一长三员",
            "六位一体", "四位一体", "五加二", "百日攻坚"} <= texts
    figure_texts = {f["text"] for f in FIGS.values()}
    assert texts.isdisjoint(figure_texts)
