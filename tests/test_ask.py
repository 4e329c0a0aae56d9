"""`jzcli ask`: questions as reporters ask them, several wordings for each kind, with the expected top answer.

Expected values come from facts.json: a figure question names the record that answers it; a derived one is
checked against arithmetic done here on the records (never a typed result); a list question against the
records filtered here by their fields (office history, band, year, level, kind).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import FACTS

DB = json.loads(FACTS.read_text(encoding="utf-8"))
REC = {rid: rec for table in DB.values() for rid, rec in ((r["id"], r) for r in table.values())}
FACTS_SOURCE_AS_OF = next(iter(DB["source"].values()))["as_of"]  # the article's date, as the fact base gives it
AS_OF_YEAR = int(next(iter(DB["source"].values()))["as_of"][:4])


def quotes_of(rec: dict) -> list[str]:
    """A record's quote and the quotes of its office history."""
    return [rec.get("quote"), *(h.get("quote") for h in rec.get("history") or [])]


def fig(rid: str) -> dict:
    return REC[rid]


def val(rid: str) -> Decimal:
    return Decimal(str(REC[rid]["value"]))


def units_where(pred) -> set[str]:
    return {u["name"] for u in DB["units"].values() if u.get("member") and pred(u)}


def office_at(u: dict, month: str | None) -> str | None:
    for h in u["history"]:
        if month is None and h["to"] is None:
            return h["office"]
        if month is not None and h["from"] <= month and (h["to"] is None or month < h["to"]):
            return h["office"]
    return None


def projects_where(pred) -> set[str]:
    return {p["name"] for p in DB["projects"].values() if pred(p)}


def inv(p, key):
    return (p.get("investment") or {}).get(key)


def honours_where(pred) -> set[str]:
    return {h["title"] for h in DB["honours"].values() if pred(h)}


def places_of_kind(kind: str) -> set[str]:
    return {p["name"] for p in DB["places"].values() if p["kind"] == kind}


def event_days(rid: str) -> int:
    e = REC[rid]
    return (date.fromisoformat(e["end"]) - date.fromisoformat(e["date"])).days + 1


def share(part: str, whole: str) -> float:
    return float((val(part) * 100 / val(whole)).quantize(Decimal("0.1")))


def num(d: Decimal):
    return int(d) if d == d.to_integral_value() else float(d)


MOVED = units_where(lambda u: office_at(u, "2017-11") != office_at(u, "1999-07"))
NOW_JZL = units_where(lambda u: office_at(u, None) == "九州路办事处")
FOUNDING = units_where(lambda u: office_at(u, "1999-07") == "九州路办事处")


# ---------------------------------------------------------------- figures: (question, record id)

FIGURES = [
    ("大寨店社区开工了多少栋楼", "fig:dzd-started"),
    ("大寨店社区一共开工几栋楼", "fig:dzd-started"),
    ("实际利用外资多少", "fig:fdi"),
    ("2016年以来实际利用外资多少美元", "fig:fdi"),
    ("大寨店社区已交付多少栋楼", "fig:dzd-delivered"),
    ("大寨店社区有几栋楼主体封顶", "fig:dzd-topped"),
    ("张公堰村转移就业多少人次", "fig:aid-migration"),
    ("邢玉梅每月低保救助多少钱", "fig:xym-dibao"),
    ("九州路办事处成立时辖区面积多大", "fig:area-1999"),
    ("九州路办事处成立时总人口多少", "fig:population-1999"),
    ("2016年以来累计完成财税收入多少", "fig:tax-revenue"),
    ("固定资产投资完成了多少", "fig:fixed-investment"),
    ("引进省外资金多少", "fig:out-of-province"),
    ("进出口贸易额是多少", "fig:trade"),
    ("上半年新签约了多少个项目", "fig:signed-total"),
    ("第一批回迁分配了多少套安置房", "fig:dzd-flats"),
    ("第一批回迁安置了多少村民", "fig:dzd-villagers"),
    ("大寨店村拆除了多少座旧房屋", "fig:dzd-demolished"),
    ("西郭庄社区有多少栋楼主体已完工", "fig:xgz-completed"),
    ("今年前6个月项目建设完成投资多少", "fig:h1-investment"),
    ("项目建设全年目标是多少", "fig:annual-target"),
    ("完成投资占全年目标的百分之几", "fig:target-share"),
    ("建行北院小区建成多少年了", "fig:jhby-age"),
    ("邢玉梅多大年纪", "fig:xym-age"),
    ("海绵水系工程清理了多少处地面附着物", "fig:canal-clearance"),
    ("2017年淘汰报废黄标车多少辆", "fig:yellow-cars"),
    ("2017年取缔了多少家小散乱污企业", "fig:polluters"),
    ("专职巡防队有多少人", "fig:patrol"),
    ("结对帮扶抽调了多少名工作人员", "fig:aid-staff"),
    ("帮张公堰村铺设了多少米线路", "fig:aid-lines"),
    ("平安村(社区)创建率达到多少", "fig:safe-rate"),
    ("2017年投入多少钱进行市容卫生整治", "fig:city-spend"),
    ("多少名在职党员到社区报到", "fig:volunteers"),
    ("选出小区带头人多少名", "fig:compound-leaders"),
    ("有多少个海绵城市改造项目完成初验", "fig:sponge-projects"),
    ("市餐饮协会党委下设几个支部", "fig:catering-branches"),
    ("邢玉梅每月能领多少养老保险", "fig:xym-pension"),
    ("九州路办事处连续几年获得鹤壁市平安建设先进街道称号", "fig:safe-years"),
    ("成立时九州路办事处辖几个村", "fig:villages-1999"),
    ("水系工作指挥部有多少名干部参加百日攻坚", "fig:canal-cadres"),
]


@pytest.mark.parametrize("question,rid", FIGURES)
def test_figure_first(cli, question, rid):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    rec = fig(rid)
    assert (top["kind"], top["id"]) == ("figure", rid), top
    assert (top["answer"], top["value"], top["unit"]) == (rec["text"], rec["value"], rec["unit"])
    assert top["evidence"][0] == {"id": rid, "quote": rec["quote"]}


# ---------------------------------------------------------------- derived: (question, value computed here, unit)

DERIVED = [
    ("大寨店第一批回迁用了几天", event_days("event:dzd-first-return"), "天"),
    ("大寨店社区第一批村民回迁持续了多少天", event_days("event:dzd-first-return"), "天"),
    ("大寨店社区第一批回迁历时多久", event_days("event:dzd-first-return"), "天"),
    ("大寨店社区已完工的楼占开工总数的多少", share("fig:dzd-completed", "fig:dzd-started"), "%"),
    ("大寨店社区已交付的楼占开工楼栋的比例是多少", share("fig:dzd-delivered", "fig:dzd-started"), "%"),
    ("大寨店社区主体封顶的楼占开工总数的百分之几", share("fig:dzd-topped", "fig:dzd-started"), "%"),
    ("大寨店社区还有几栋楼没有交付", num(val("fig:dzd-started") - val("fig:dzd-delivered")), "栋"),
    ("大寨店社区开工的楼还有多少栋未交付", num(val("fig:dzd-started") - val("fig:dzd-delivered")), "栋"),
    ("九州路办事处成立多少年了", AS_OF_YEAR - int(REC["event:founded"]["date"][:4]), "年"),
    ("九州路办事处成立至今有几年", AS_OF_YEAR - int(REC["event:founded"]["date"][:4]), "年"),
    ("固定资产投资是财税收入的多少倍",
     num((val("fig:fixed-investment") / val("fig:tax-revenue")).quantize(Decimal("0.01"))), "倍"),
    ("大寨店社区已完工的楼比已交付的多几栋", num(val("fig:dzd-completed") - val("fig:dzd-delivered")), "栋"),
    ("投资额1亿元以上的签约项目有几个", len(projects_where(lambda p: (inv(p, "min") or 0) >= 10**8)), "个"),
    ("投资额5亿元以上的项目有几个", len(projects_where(lambda p: (inv(p, "min") or 0) >= 5 * 10**8)), "个"),
    ("打造了几条精品示范小巷", len(places_of_kind("back_street")), "个"),
    ("海绵水系工程大寨店段有几条渠", len(places_of_kind("canal")), "条"),
    ("九州路办事处现在管辖多少个社区和村", len(NOW_JZL), "个"),
    ("九州路办事处成立时一共辖多少个社区和村", len(FOUNDING), "个"),
    ("上半年签约的10个项目投资总额至少多少",
     sum(inv(p, "min") or 0 for p in DB["projects"].values() if p["status"] == "signed"), "元"),
    ("投资额10亿元以上的项目合计投资至少多少",
     sum(inv(p, "min") for p in DB["projects"].values() if (inv(p, "min") or 0) >= 10**9), "元"),
]


@pytest.mark.parametrize("question,value,unit", DERIVED)
def test_derived_first(cli, question, value, unit):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    assert top["kind"] == "derived", top
    assert (top["value"], top["unit"]) == (value, unit), top
    assert top["derivation"]["formula"] and top["derivation"]["inputs"]
    assert {e["id"] for e in top["evidence"]} >= set(top["derivation"]["inputs"]) - {None} or top["evidence"]
    for e in top["evidence"]:
        assert e["quote"] in quotes_of(REC[e["id"]])


# a per-person figure (per 人·…) times the people the question names; the figure found here by its `per`
(PER_HEAD,) = [f for f in DB["figures"].values() if "人" in (f.get("per") or "").split("·")]


@pytest.mark.parametrize("question,heads", [
    ("邢玉梅老两口每月养老保险合计能领多少钱", 2), ("邢玉梅和老伴每月一共能领多少养老保险", 2),
    ("邢玉梅夫妻俩每月能领多少养老保险", 2), ("两位老人每月领取养老保险多少元", 2), ("3位老人每月领取养老保险共多少元", 3)])
def test_a_per_person_figure_times_the_people_named(cli, question, heads):
    top = cli("ask", question, "--json").json[0]
    assert (top["kind"], top["value"], top["unit"]) == ("derived", num(val(PER_HEAD["id"]) * heads), PER_HEAD["unit"])
    assert top["derivation"]["op"] == "product" and top["derivation"]["inputs"] == [PER_HEAD["id"]]
    assert f"× {heads}人" in top["derivation"]["formula"]
    assert top["evidence"] == [{"id": PER_HEAD["id"], "quote": PER_HEAD["quote"]}]


def test_a_per_person_figure_for_one_person_is_the_figure(cli):
    top = cli("ask", "邢玉梅每月领取多少养老保险", "--json").json[0]
    assert (top["kind"], top["id"], top["value"]) == ("figure", PER_HEAD["id"], PER_HEAD["value"])


def test_honour_count_is_a_lower_bound(cli):
    """The 2017 honours end in 等多项荣誉: the count is at least the listed ones, and says so."""
    n = len(honours_where(lambda h: h["year"] == 2017))
    top = cli("ask", "2017年获得了几项荣誉", "--json").json[0]
    assert (top["kind"], top["value"], top["answer"], top["qualifier"]) == ("derived", n, f"至少{n}项", "以上")
    assert "等" in top["note"]


def test_band_sum_shows_the_arithmetic(cli):
    top = cli("ask", "上半年签约的10个项目投资总额至少多少", "--json").json[0]
    signed = [p for p in DB["projects"].values() if p["status"] == "signed"]
    assert (top["derivation"]["op"], top["qualifier"]) == ("band_sum", "以上")  # one band has no upper edge
    assert set(top["derivation"]["inputs"]) >= {p["id"] for p in signed}
    assert top["derivation"]["formula"].endswith("∞]")


# ---------------------------------------------------------------- events: (question, record id)

EVENTS = [
    ("九州路办事处什么时候成立", "event:founded"),
    ("九州路办事处成立于哪年", "event:founded"),
    ("九州路办事处是哪一年成立的", "event:founded"),
    ("九州路办事处何时成立", "event:founded"),
    ("行政区划调整是什么时候", "event:redistricting"),
    ("办事处的行政区划哪年调整的", "event:redistricting"),
    ("天河嘉城小区什么时候成立了党支部", "event:tianhejiacheng-branch"),
    ("天河嘉城小区党支部是哪天成立的", "event:tianhejiacheng-branch"),
    ("大寨店社区第一批村民回迁是什么时候", "event:dzd-first-return"),
    ("刘全福哪天统计海绵水系工程清理情况", "event:liuquanfu-tally"),
    ("西郭庄社区预计什么时候交房", "event:xgz-handover"),
    ("崔庄村商业安置项目预计何时交工", "event:cuizhuang-handover"),
    ("水系工作指挥部从什么时候开始百日攻坚", "event:shuixi-campaign"),
    ("什么时候开始结对帮扶张公堰村", "event:poverty-aid-start"),
    ("消防安全知识培训是什么时候在迎宾社区开展的", "event:fire-training"),
    ("市餐饮协会党委是什么时候成立的", "event:liangxin-2018"),
    ("大寨店村拆除旧房屋是哪年", "event:dzd-demolition"),
    ("21个海绵城市改造项目什么时候完成初验", "event:sponge-acceptance"),
    ("鹤壁市哪年成功创建国家卫生城市", "event:city-titles"),
]


@pytest.mark.parametrize("question,rid", EVENTS)
def test_event_first(cli, question, rid):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    e = REC[rid]
    assert (top["kind"], top["id"]) == ("event", rid), top
    got = (top["date"], top["end"], top["precision"], top["inferred"])
    assert got == (e["date"], e.get("end"), e["precision"], e["inferred"])
    assert top["answer"].startswith(f"{int(e['date'][:4])}年")
    if e["inferred"]:
        assert "inferred" in top["note"]


def test_event_answer_texts(cli):
    assert cli("ask", "九州路办事处什么时候成立", "--json").json[0]["answer"] == "1999年7月"
    assert cli("ask", "大寨店社区第一批村民回迁是什么时候", "--json").json[0]["answer"] == "2017年8月17日至23日"
    top = cli("ask", "西郭庄社区预计什么时候交房", "--json").json[0]
    assert "预计" in top["answer"] and "planned" in top["note"]


def test_year_from_an_age(cli):
    top = cli("ask", "建行北院小区是哪年建成的", "--json").json[0]
    assert (top["kind"], top["value"], top["inferred"]) == ("derived", AS_OF_YEAR - REC["fig:jhby-age"]["value"], True)
    assert top["answer"].startswith("约")


# ---------------------------------------------------------------- people: (question, person id)

PEOPLE = [
    ("谁向记者介绍了海绵水系工程的清理情况", "person:liuquanfu"),
    ("九州路办事处党工委副书记、主任是谁", "person:liuquanfu"),
    ("九州路办事处的主任叫什么名字", "person:liuquanfu"),
    ("谁统计了海绵水系工程清理情况", "person:liuquanfu"),
    ("谁介绍了大寨店、西郭庄新型社区建设的情况", "person:liuquanfu"),
    ("天河嘉城小区的居民叫什么", "person:zhangxiaokai"),
    ("谁说有了党支部就找到了主心骨", "person:zhangxiaokai"),
    ("湘江社区73岁的老人叫什么名字", "person:xingyumei"),
    ("每月享受低保救助450元的老人是谁", "person:xingyumei"),
    ("谁拍摄了新建的大寨店社区住宅楼", "person:lixueting"),
    ("本报记者叫什么名字", "person:lixueting"),
    ("建行北院小区的居民叫什么", "person:daijinqing"),
    ("谁表示要作出应有的贡献", "person:fengkefeng"),
]


@pytest.mark.parametrize("question,rid", PEOPLE)
def test_person_first(cli, question, rid):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    p = REC[rid]
    assert (top["kind"], top["id"], top["subject"]) == ("person", rid, p["name"]), top
    assert top["answer"] == p["name"] + (f"（{p['role']}）" if p["role"] else "")
    assert top["evidence"][0] == {"id": rid, "quote": p["quote"]}


def test_who_said_what_carries_the_event(cli):
    top = cli("ask", "谁向记者介绍了海绵水系工程的清理情况", "--json").json[0]
    assert [e["id"] for e in top["evidence"]] == ["person:liuquanfu", "event:liuquanfu-tally", "person:liuquanfu"]
    # the third: the words he spoke to the reporter that day (people.yaml statements), where they stand
    spoken = next(s for s in REC["person:liuquanfu"]["statements"] if "告诉记者" in s["attribution"])
    assert top["evidence"][2]["quote"] == spoken["quote"] and spoken["section"] in top["note"]
    assert (top["date"], top["inferred"]) == ("2018-08-19", True)


# who said given words, who speaks where: the people's statements (people.yaml), each with where it stands
SPOKEN = [
    ("文章结尾说要开创幸福九州建设新局面的是谁", "person:fengkefeng", "closing"),
    ("文章最后是谁在讲话", "person:fengkefeng", "closing"),
    ("谁在结尾表示要以党的十九大精神为指引", "person:fengkefeng", "closing"),
    ("谁说小区原来的物业公司撤离了，业主委员会也解散了", "person:zhangxiaokai", "body"),
    ("谁说住在这里的小区感觉就两个字幸福", "person:daijinqing", "body"),
    ("谁说天赉渠、棉丰渠、二支渠是工程的重点和难点", "person:liuquanfu", "body"),
    ("哪位老人说我俩的晚年生活很幸福", "person:xingyumei", "body"),
    ("是谁说要对在建的3个村明确分包领导和责任人", "person:liuquanfu", "body"),
]


@pytest.mark.parametrize("question,rid,position", SPOKEN)
def test_who_said_the_words(cli, question, rid, position):
    top = cli("ask", question, "--json").json[0]
    p = REC[rid]
    assert (top["kind"], top["id"]) == ("person", rid), top
    spoken = [st for st in p["statements"] if st["quote"] == top["evidence"][-1]["quote"]]
    assert len(spoken) == 1 and spoken[0]["position"] == position, top["evidence"]
    assert spoken[0]["attribution"] in top["note"] and (spoken[0]["section"] or "") in top["note"]
    assert ("closing words" in top["note"]) == (position == "closing")


@pytest.mark.parametrize("question,rid", [("冯科峰说了什么", "person:fengkefeng"), ("张晓凯告诉记者什么", "person:zhangxiaokai"),
                                          ("邢玉梅说了什么", "person:xingyumei"), ("刘全福讲了什么", "person:liuquanfu")])
def test_what_a_person_said(cli, question, rid):
    rows = cli("ask", question, "--json").json
    said = [r for r in rows if r.get("metric") == "said"]
    assert rows[0] is said[0] or rows[0] == said[0]
    assert [r["answer"] for r in said] and {r["answer"] for r in said} == {st["quote"] for st in REC[rid]["statements"]}
    assert all((r["kind"], r["id"], r["evidence"][0]["quote"]) == ("attribute", rid, r["answer"]) for r in said)


@pytest.mark.parametrize("question,rid,words", [
    ("冯科峰在文章结尾表示了什么", "person:fengkefeng", ""), ("文章结尾冯科峰说要开创什么新局面", "person:fengkefeng", "开创"),
    ("刘全福8月19日告诉记者什么", "person:liuquanfu", "告诉记者"), ("戴尽卿怎么说", "person:daijinqing", "")])
def test_what_a_person_said_best_fit_first(cli, question, rid, words):
    """The statement that fits the question best (its words, its attribution) comes first."""
    top = cli("ask", question, "--json").json[0]
    (spoken,) = [st for st in REC[rid]["statements"] if st["quote"] == top["answer"]]
    assert (top["kind"], top["metric"], top["id"]) == ("attribute", "said", rid)
    assert words in spoken["quote"] + spoken["attribution"]


# who took part in an event (指导): the unit the event names that the question does not
@pytest.mark.parametrize("question", ["天河嘉城小区党支部是谁指导成立的", "天河嘉城小区的党支部是在谁的指导下成立的",
                                      "谁指导天河嘉城小区成立了党支部"])
def test_who_took_part_in_an_event(cli, question):
    top = cli("ask", question, "--json").json[0]
    e = REC["event:tianhejiacheng-branch"]
    guide = [REC[m]["name"] for m in e["mentions"] if m.startswith("unit:") and REC[m]["name"] not in question]
    assert (top["kind"], top["metric"], [top["answer"]]) == ("attribute", "holder", guide), top
    assert top["evidence"] == [{"id": e["id"], "quote": e["quote"]}] and top["date"] == e["date"]


# a brand named after a person: the name meta.not_people keeps out of `people`, found inside the brand's name
NAMESAKES = [
    ("李显文矛盾调解室是以谁的名字命名的", "place:lixianwen-tiaojieshi"),
    ("九州路办事处的调解室以谁的名字命名", "place:lixianwen-tiaojieshi"),
    ("矛盾调解室品牌以谁命名", "place:lixianwen-tiaojieshi"),
    ("蔡阁健康工作室的名字来自谁", "place:caige-gongzuoshi"),
    ("健康工作室是以哪位的名字命名的", "place:caige-gongzuoshi"),
    ("九州路办事处的健康工作室叫谁的名字", "place:caige-gongzuoshi"),
]


@pytest.mark.parametrize("question,pid", NAMESAKES)
def test_a_brand_names_its_namesake(cli, question, pid):
    top = cli("ask", question, "--json").json[0]
    brand = REC[pid]["name"]
    (name,) = [n["name"] for n in next(iter(DB["meta"].values()))["not_people"] if n["name"] in brand]
    assert (top["kind"], top["answer"], top["subject"]) == ("person", f"{name}（“{brand}”）", name), top
    assert top["evidence"] == [{"id": pid, "quote": REC[pid]["quote"]}]


# ---------------------------------------------------------------- lists: (question, members computed here)

LISTS = [
    ("哪些社区(村)划归了泰山路办事处筹建办", MOVED),
    ("划归泰山路办事处筹建办的有哪几个社区和村", MOVED),
    ("区划调整时哪些社区和村被划出九州路办事处", MOVED),
    ("区划调整后仍属九州路办事处管辖的村有哪些", {n for n in NOW_JZL if n.endswith("村")}),
    ("现在九州路办事处管辖哪些社区", {n for n in NOW_JZL if n.endswith("社区")}),
    ("九州路办事处现在管辖哪些社区和村", NOW_JZL),
    ("九州路办事处成立时辖哪些村", {n for n in FOUNDING if n.endswith("村")}),
    ("九州路办事处成立时有哪些城市社区", {n for n in FOUNDING if n.endswith("社区")}),
    ("泰山路办事处筹建办现在有哪些社区", {n for n in MOVED if n.endswith("社区")}),
    ("投资额10亿元以上的项目有哪些", projects_where(lambda p: (inv(p, "min") or 0) >= 10**9)),
    ("投资额亿元以下的项目有哪些", projects_where(lambda p: inv(p, "max") == 10**8)),
    ("投资额1亿元到5亿元的项目有哪些", projects_where(lambda p: (inv(p, "min"), inv(p, "max")) == (10**8, 5 * 10**8))),
    ("投资额5亿元到10亿元的项目是哪几个", projects_where(lambda p: (inv(p, "min"), inv(p, "max")) == (5 * 10**8, 10**9))),
    ("上半年签约了哪些项目", projects_where(lambda p: p["status"] == "signed")),
    ("哪些项目先后落地", projects_where(lambda p: p["status"] == "landed")),
    ("哪些项目属于教育行业", projects_where(lambda p: p.get("sector") == "教育")),
    ("2017年获得哪些荣誉", honours_where(lambda h: h["year"] == 2017)),
    ("九州路办事处2017年度获得了哪些荣誉称号", honours_where(lambda h: h["year"] == 2017)),
    ("九州路办事处获得过哪些省级荣誉", honours_where(lambda h: h["level"] == "省")),
    ("打造了哪些精品示范小巷", places_of_kind("back_street")),
    ("背街小巷中有哪些被打造成了精品示范小巷", places_of_kind("back_street")),
    ("海绵水系工程大寨店段包括哪些渠", places_of_kind("canal")),
    ("打造了哪些党建服务品牌", places_of_kind("service_brand")),
    ("在建的新型社区有哪几个村", {REC[i]["name"] for i in REC["check:count-reform-villages"]["items"]}),
    ("哪些社区在全市率先开展居家养老服务", {REC[i]["name"] for i in REC["place:jujia-yanglao"]["mentions"]}),
]


@pytest.mark.parametrize("question,members", LISTS)
def test_list_first(cli, question, members):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    assert top["kind"] == "list", top
    assert set(top["members"]) == members, top
    assert top["value"] == len(members)
    assert top["answer"].rstrip("等").split("、") == top["members"]


def test_open_lists_say_so(cli):
    top = cli("ask", "2017年获得哪些荣誉", "--json").json[0]
    assert top["answer"].endswith("等") and "等多项荣誉" in top["note"]
    top = cli("ask", "哪些社区(村)划归了泰山路办事处筹建办", "--json").json[0]
    assert not top["answer"].endswith("等") and top["note"] is None


def test_list_in_article_order(cli):
    top = cli("ask", "哪些社区(村)划归了泰山路办事处筹建办", "--json").json[0]
    quote = REC["unit:taishanlu"]["quote"]
    shorts = [next(u["short"] for u in DB["units"].values() if u["name"] == m) for m in top["members"]]
    assert shorts == sorted(shorts, key=quote.find)


# ---------------------------------------------------------------- attributes: (question, answer as in the record)

ATTRIBUTES = [
    ("东方社区被打造成什么类型的社区", "、".join(REC["unit:dongfang"]["designations"])),
    ("牟山社区被打造成了什么样的社区", "、".join(REC["unit:moushan"]["designations"])),
    ("鹤翔社区是什么类型的社区", "、".join(REC["unit:hexiang"]["designations"])),
    ("哪个社区被打造成文化型社区", REC[REC["place:wenhuaxing"]["unit"]]["name"]),
    ("哪个社区被打造成生态型社区", REC[REC["place:shengtaixing"]["unit"]]["name"]),
    ("天河嘉城小区在哪个社区指导下成立了党支部", REC[REC["unit:tianhejiacheng"]["parent"]]["name"]),
    ("建行北院小区属于哪个社区", REC[REC["unit:jianhangbeiyuan"]["parent"]]["name"]),
    ("牟山社区现在属于哪个办事处", office_at(REC["unit:moushan"], None)),
    ("牟山社区原来属于哪个办事处", office_at(REC["unit:moushan"], "1999-07")),
    ("学院社区归哪个办事处管辖", office_at(REC["unit:xueyuan"], None)),
    ("张公堰村属于哪个乡", REC[REC["unit:zhanggongyan"]["parent"]]["name"]),
    ("新闻巷被打造成什么小巷", "门前三包责任制小巷"),
    ("合欢巷被打造成什么主题的小巷", "民生主题小巷"),
    ("哪条小巷被打造成民生主题小巷", "合欢巷"),
    ("美年大健康属于什么行业", REC["project:meinian"]["sector"]),
    ("全国创建无邪教示范街道是什么级别的荣誉", REC["honour:wuxiejiao-2017"]["level"]),
    ("刘全福担任什么职务", REC["person:liuquanfu"]["role"]),
    ("邢玉梅住在哪个社区", REC[REC["person:xingyumei"]["unit"]]["name"]),
    ("九州路办事处结对帮扶哪个村", "张公堰村"),
    ("淇滨区最大的贫困村是哪个村", "张公堰村"),
    ("天赉渠在哪个村", REC[REC["place:tianlaiqu"]["unit"]]["name"]),
    ("哪个小区成立了党支部", "天河嘉城小区"),
]


@pytest.mark.parametrize("question,answer", ATTRIBUTES)
def test_attribute_first(cli, question, answer):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    assert (top["kind"], top["answer"]) == ("attribute", answer), top
    assert top["evidence"] and all(e["quote"] for e in top["evidence"])


def test_investment_band_of_a_project(cli):
    top = cli("ask", "书香时代广场项目投资额多少", "--json").json[0]
    p = REC["project:shuxiangshidai"]
    assert (top["kind"], top["answer"], top["value"]) == ("attribute", p["investment"]["text"], p["investment"]["min"])


def test_guided_compound_carries_the_date(cli):
    top = cli("ask", "天河嘉城小区在哪个社区指导下成立了党支部", "--json").json[0]
    e = REC["event:tianhejiacheng-branch"]
    assert (top["date"], top["inferred"]) == (e["date"], True)
    assert "event:tianhejiacheng-branch" in [x["id"] for x in top["evidence"]]


# ---------------------------------------------------------------- yes / no: (question, verdict)

S, C, U = "supported", "contradicted", "unknown"
VERDICTS = [
    ("九州路办事处获得过国家级荣誉吗", S),
    ("九州路办事处有没有获得过省级荣誉", S),
    ("九州路办事处获得过全国文明城市称号吗", U),
    ("九州路办事处2017年获得了全国创建无邪教示范街道称号吗", S),
    ("九州路办事处成立于1999年吗", S),
    ("九州路办事处是2000年成立的吗", C),
    ("九州路办事处是否成立于1999年7月", S),
    ("大寨店社区开工了36栋楼吗", S),
    ("大寨店社区已完工23栋楼吗", C),
    ("实际利用外资是3700万美元吗", S),
    ("2017年淘汰报废黄标车219辆吗", S),
    ("项目建设完成投资占全年目标的52%吗", S),
    ("大寨店第一批回迁用了7天吗", S),
    ("大寨店第一批回迁用了5天吗", C),
    ("东方社区被打造成生态型社区了吗", S),
    ("东方社区是文化型社区吗", C),
    ("牟山社区是否划归了泰山路办事处筹建办", S),
    ("学院社区划归泰山路办事处筹建办了吗", C),
    ("鹤翔社区仍属九州路办事处管辖吗", S),
    ("西臣投村现在还归九州路办事处管辖吗", C),
    ("刘全福是九州路办事处主任吗", S),
    ("天河嘉城小区是在凤凰城社区指导下成立党支部的吗", S),
    ("天河嘉城小区是在桂鹤社区指导下成立党支部的吗", C),
    ("天河嘉城小区党支部是在凤凰城社区指导下成立的吗", S),
    ("天河嘉城小区党支部是在东方社区指导下成立的吗", C),
    # a title said of a person: as written, another one, or none given
    ("冯科峰是九州路办事处党工委书记吗", U),
    ("冯科峰是九州路办事处主任吗", U),
    ("刘全福是九州路办事处党工委书记吗", C),
    ("张晓凯是天河嘉城小区居民吗", S),
]

@pytest.mark.parametrize("question", ["李显文担任什么职务", "蔡阁是做什么的", "蔡阁的身份是什么"])
def test_a_namesake_has_no_title(cli, question):
    """A name the article gives only inside a brand (meta.not_people): no title either."""
    (name,) = [n["name"] for n in next(iter(DB["meta"].values()))["not_people"] if n["name"] in question]
    (brand,) = [p for p in DB["places"].values() if name in p["name"]]
    top = cli("ask", question, "--json").json[0]
    assert (top["kind"], top["metric"], top["subject"], top["answer"]) == ("attribute", "role", name, "文章没有说"), top
    assert top["evidence"] == [{"id": brand["id"], "quote": brand["quote"]}]


@pytest.mark.parametrize("question", ["44家燃煤锅炉是多少吨以下的", "拆改的燃煤锅炉是多少吨以下的",
                                      "多少吨以下的燃煤锅炉已全部拆改"])
def test_a_bound_of_a_class_is_not_a_figure_but_answers(cli, question):
    """10吨 in 10吨以下燃煤锅炉 bounds a class (meta.non_figures): asked by its unit, it answers as written."""
    (nf,) = [n for n in next(iter(DB["meta"].values()))["non_figures"] if n["text"].endswith("吨")]
    top = cli("ask", question, "--json").json[0]
    assert (top["kind"], top["metric"], top["unit"]) == ("attribute", "threshold", "吨"), top
    assert top["answer"] in nf["quote"] and top["answer"].startswith(nf["text"]) and top["value"] == int(nf["text"][:-1])
    assert top["evidence"] == [{"id": "meta:schema", "quote": nf["quote"]}]


# a model the article names, asked what it is: its theme (its members) as the article writes it, from places
@pytest.mark.parametrize("question,name", [
    ("“两新”组织党建新模式是什么样的", "“两新”组织党建新模式"), ("两新组织党建新模式是什么", "“两新”组织党建新模式"),
    ("九州路办事处确定了什么样的两新组织党建模式", "“两新”组织党建新模式"),
    ("两新组织党建采用什么模式", "“两新”组织党建新模式"),
    ("六位一体的社区管理新模式是什么", "六位一体的社区管理新模式")])
def test_a_model_is_its_theme(cli, question, name):
    (place,) = [p for p in DB["places"].values() if p["name"] == name]
    top = cli("ask", question, "--json").json[0]
    assert (top["kind"], top["metric"], top["subject"], top["id"]) == ("attribute", "theme", name, place["id"]), top
    assert top["answer"].startswith(place["theme"]) and top["answer"].endswith(name.replace("“", "").replace("”", ""))


# nothing answers: another of a series than the article reports (第二批 of 第一批), a measure it gives only for
# an earlier time (总人口 当时) asked for a later one; the same questions for what it does report answer
@pytest.mark.parametrize("question", ["大寨店社区第二批村民什么时候回迁", "大寨店社区第二批回迁分配了多少套安置房",
                                      "大寨店第二批回迁用了几天", "西郭庄社区第二批村民什么时候回迁",
                                      "区划调整后九州路办事处总人口是多少", "九州路办事处现在的总人口是多少",
                                      "区划调整后九州路办事处辖区面积多大", "九州路办事处目前辖区面积有多大"])
def test_what_the_article_does_not_report_answers_nothing(cli, question):
    r = cli("ask", question)
    assert (r.code, r.out) == (1, "") and "jzcli search" in r.err


@pytest.mark.parametrize("question,rid", [
    ("大寨店社区第一批村民什么时候回迁", "event:dzd-first-return"), ("大寨店社区第一批回迁分配了多少套安置房", "fig:dzd-flats"),
    ("九州路办事处成立时总人口有多少", "fig:population-1999"), ("区划调整前九州路办事处辖区面积多大", "fig:area-1999")])
def test_what_the_article_reports_answers(cli, question, rid):
    top = cli("ask", question, "--json").json[0]
    assert top["evidence"][0]["id"] == rid, top


# not yet: a state the article awaits (迎接…): no, with the wording; an event it plans (status planned, 预计9月底前):
# the article, of its own date, cannot say whether it has happened since: unknown, with the plan's date and quote
NOT_YET = [
    ("西郭庄社区村民已经回迁了吗", "event:xgz-handover"),
    ("西郭庄社区已经交房了吗", "event:xgz-handover"),
    ("崔庄村城中村改造村民商业安置项目已经交工了吗", "event:cuizhuang-handover"),
    ("21个海绵城市改造项目是否已经通过正式竣工验收", "event:sponge-acceptance"),
    ("海绵城市改造项目通过正式竣工验收了吗", "event:sponge-acceptance"),
    ("21个海绵城市改造项目已经完成竣工验收了吗", "event:sponge-acceptance"),
]


@pytest.mark.parametrize("question,rid", NOT_YET)
def test_not_yet_is_no_or_planned_unknown(cli, question, rid):
    top = cli("ask", question, "--json").json[0]
    e = REC[rid]
    planned = e["status"] == "planned"
    assert (top["kind"], top["verdict"], top["evidence"][0]["id"]) == ("verdict", U if planned else C, rid), top
    if planned:
        assert top["note"] == (f"the article ({FACTS_SOURCE_AS_OF}) gives it as expected by {e['date_text']}, "
                               f"not as done: {e['quote']}")
    else:
        assert top["note"].startswith("not yet") and "迎接" in e["quote"] and e["quote"] in top["note"]


def test_a_plan_done_is_not_asked_of_a_done_state(cli):
    """初验 is done (都完成初验了吗: yes); only the state the article awaits is 'not yet'."""
    top = cli("ask", "21个海绵城市改造项目都完成初验了吗", "--json").json[0]
    assert (top["verdict"], top["evidence"][0]["id"]) == (S, "fig:sponge-projects")


# 都…了吗: the whole (开工 36栋) against its part in the state asked (part_of), found here by that link
@pytest.mark.parametrize("question,part", [
    ("大寨店社区开工的36栋楼都完工了吗", "fig:dzd-completed"), ("大寨店社区开工的36栋楼全部完工了吗", "fig:dzd-completed"),
    ("大寨店社区开工的36栋楼都交付了吗", "fig:dzd-delivered"), ("大寨店社区开工的36栋楼是不是都交付了", "fig:dzd-delivered")])
def test_all_of_a_whole(cli, question, part):
    top = cli("ask", question, "--json").json[0]
    whole = REC[REC[part]["part_of"]]
    assert [e["id"] for e in top["evidence"]] == [part, whole["id"]], top
    assert top["verdict"] == (S if val(part) == val(whole["id"]) else C)
    assert (top["value"], top["unit"]) == (REC[part]["value"], REC[part]["unit"])


# shares in words (过半, 一半, 三分之二) against the printed or derived share, compared here
HALF_TARGET = val("fig:target-share")
@pytest.mark.parametrize("question,holds", [
    ("今年前6个月项目投资完成全年目标过半了吗", HALF_TARGET > 50),
    ("上半年项目投资完成了全年目标的一半以上吗", HALF_TARGET >= 50),
    ("项目投资完成全年目标不到一半吗", HALF_TARGET < 50),
    ("今年前6个月完成投资达到全年目标的三分之二了吗", HALF_TARGET * 3 >= 200),
    ("大寨店社区已完工的楼超过开工总数的一半吗", val("fig:dzd-completed") * 2 > val("fig:dzd-started")),
    ("大寨店社区已交付的楼不到开工总数的一半吗", val("fig:dzd-delivered") * 2 < val("fig:dzd-started")),
    # reached (完成了 / 达到): at least that share; 九成 = 90%
    ("项目投资完成了全年目标的三分之一吗", HALF_TARGET * 3 >= 100),
    ("项目投资完成全年目标的60%了吗", HALF_TARGET >= 60),
    ("平安村创建率超过九成了吗", REC["fig:safe-rate"]["qualifier"] == "以上" and val("fig:safe-rate") > 90),
    # a share said with 占 / 是 is exact
    ("项目建设完成投资占全年目标的40%吗", HALF_TARGET == 40),
])
def test_shares_in_words(cli, question, holds):
    top = cli("ask", question, "--json").json[0]
    assert (top["kind"], top["verdict"]) == ("verdict", S if holds else C), top


@pytest.mark.parametrize("question", ["冯科峰担任什么职务", "冯科峰的职务是什么", "冯科峰是什么职务"])
def test_a_person_without_a_title(cli, question):
    """The article names 冯科峰 but gives no title: 'the article does not say', with the person's record."""
    (rid,) = [p["id"] for p in DB["people"].values() if p["name"] in question]
    assert REC[rid]["role"] is None
    top = cli("ask", question, "--json").json[0]
    assert (top["kind"], top["metric"], top["answer"]) == ("attribute", "role", "文章没有说"), top
    assert top["evidence"] == [{"id": rid, "quote": REC[rid]["quote"]}] and "no title" in top["note"]


@pytest.mark.parametrize("question,verdict", VERDICTS)
def test_verdict_first(cli, question, verdict):
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    assert (top["kind"], top["verdict"]) == ("verdict", verdict), top
    assert top["answer"] == {S: "是", C: "否", U: "文章没有说"}[verdict]
    assert top["evidence"]


# ---------------------------------------------------------------- shape, exit codes, output formats

KEYS = ["kind", "answer", "id", "subject", "metric", "text", "value", "unit", "qualifier", "period", "date", "end",
        "precision", "inferred", "members", "verdict", "derivation", "note", "score", "tie", "quote", "evidence"]
TSV_COLUMNS = ["kind", "answer", "value", "unit", "date", "precision", "inferred", "members", "verdict", "formula",
               "score", "tie", "id", "quote"]  # formula: derivation.formula (the JSON `derivation` is an object)


@pytest.mark.parametrize("question", [FIGURES[0][0], DERIVED[0][0], EVENTS[0][0], PEOPLE[0][0], LISTS[0][0],
                                      ATTRIBUTES[0][0], VERDICTS[0][0]])
def test_same_keys_and_columns_for_every_kind(cli, question):
    r = cli("ask", question, "--json")
    for ans in r.json:
        assert list(ans) == KEYS
        assert all(list(e) == ["id", "quote"] for e in ans["evidence"])
    t = cli("ask", question)
    assert t.code == 0 and t.out.split("\n")[0].split("\t") == TSV_COLUMNS
    rows = t.tsv()
    assert [row["answer"] for row in rows] == [a["answer"] for a in r.json]


def test_scores_descend_and_limit(cli):
    r = cli("ask", "大寨店社区开工了多少栋楼", "--json", "--limit", "2")
    assert len(r.json) <= 2
    scores = [a["score"] for a in cli("ask", "大寨店社区开工了多少栋楼", "--json").json]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("question", ["月球上有几只兔子", "今天天气怎么样", "谁是美国总统", "火星上有哪些社区"])
def test_nothing_answers_exits_1_with_a_hint(cli, question):
    r = cli("ask", question)
    assert r.code == 1 and r.out == ""
    assert r.err.count("\n") == 1 and "jzcli search" in r.err and "timeline" in r.err


def test_empty_question_is_bad_input(cli):
    r = cli("ask", "  ")
    assert r.code == 2 and r.out == "" and "empty question" in r.err


def test_ties_are_all_shown_and_marked():
    from jzcli.ask import rank

    a = {"kind": "figure", "answer": "1", "score": 5.0, "tie": False}
    b = {"kind": "figure", "answer": "2", "score": 5.0, "tie": False}
    c = {"kind": "figure", "answer": "3", "score": 1.0, "tie": False}
    ranked = rank([c, b, a])
    assert [x["answer"] for x in ranked] == ["1", "2", "3"]
    assert [x["tie"] for x in ranked] == [True, True, False]


def test_terminal_shows_the_answer_first(cli):
    r = cli("ask", "九州路办事处什么时候成立", "--format", "table",
            env={"COLUMNS": "100", "NO_COLOR": "1", "LANG": "zh_CN.UTF-8"})
    assert r.code == 0
    lines = [x for x in r.out.splitlines() if x.strip()]
    assert lines[0] == "问：九州路办事处什么时候成立"
    english = cli("ask", "九州路办事处什么时候成立", "--format", "table", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert english.out.splitlines()[0] == "Q: 九州路办事处什么时候成立"
    assert "1999年7月" in "\n".join(lines[1:5])
    assert "成立于1999年7月的九州路办事处" in r.out and "event:founded" in r.out


# ---------------------------------------------------------------- the issue's table, from the installed command

TABLE = [
    ("九州路办事处什么时候成立", "event", lambda t: t["answer"] == "1999年7月"),
    ("谁向记者介绍了海绵水系工程的清理情况", "person",
     lambda t: t["subject"] == "刘全福" and REC["person:liuquanfu"]["role"] in t["answer"] and t["date"] == "2018-08-19"),
    ("哪些社区(村)划归了泰山路办事处筹建办", "list", lambda t: set(t["members"]) == MOVED),
    ("投资额10亿元以上的项目有哪些", "list",
     lambda t: set(t["members"]) == projects_where(lambda p: (inv(p, "min") or 0) >= 10**9)),
    ("东方社区被打造成什么类型的社区", "attribute", lambda t: t["answer"] == "生态型社区"),
    ("天河嘉城小区在哪个社区指导下成立了党支部", "attribute",
     lambda t: t["answer"] == "凤凰城社区" and t["date"] == REC["event:tianhejiacheng-branch"]["date"]),
    ("大寨店第一批回迁用了几天", "derived",
     lambda t: (t["value"], t["unit"]) == (event_days("event:dzd-first-return"), "天") and t["derivation"]["formula"]),
    ("大寨店社区已完工的楼占开工总数的多少", "derived",
     lambda t: (t["value"], t["unit"]) == (share("fig:dzd-completed", "fig:dzd-started"), "%")
     and set(t["derivation"]["inputs"]) == {"fig:dzd-completed", "fig:dzd-started"}),
    ("九州路办事处获得过国家级荣誉吗", "verdict",
     lambda t: t["verdict"] == "supported" and "全国创建无邪教示范街道" in t["note"]),
    ("2017年获得哪些荣誉", "list",
     lambda t: set(t["members"]) == honours_where(lambda h: h["year"] == 2017) and "等多项荣誉" in t["note"]),
]


@pytest.mark.parametrize("question,kind,check", TABLE, ids=[q for q, _, _ in TABLE])
def test_issue_table_from_the_installed_command(jz, question, kind, check):
    r = jz("ask", question, "--json")
    assert r.code == 0, r.err
    top = r.json[0]
    assert top["kind"] == kind and check(top), top
