"""Relations between the article's facts (jzcli/check/relations.py): multiples, shares, differences, sums,
orders, values per unit, superlatives over complete lists, the order of events; and exit 2 only for a claim
with nothing checkable.

Generated from facts.json (every expected verdict is computed here from the records, never typed):
- for every pair of figures of one subject, unit and period: the true multiple / difference / order, and a
  perturbed one;
- for every investment band: the superlative 最多 / 最少 of its count (a complete list: the bands cover every
  amount), and for every project the superlative of its investment (by band intervals);
- for every pair of dated events: the true order and the reverse, at the precision of their dates.
Then hand-written wordings of each kind, with exact verdicts, and the derivation shown with its inputs.
"""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from pathlib import Path

import pytest

from jzcli.check.verdict import fmt_value

FACTS = Path(__file__).resolve().parent.parent / "facts.json"
DB = json.loads(FACTS.read_text(encoding="utf-8"))
TABLES = {name: list(t.values()) for name, t in DB.items() if isinstance(t, dict)}
S, C, U = "supported", "contradicted", "unknown"


def _exact(f: dict) -> bool:
    return f.get("qualifier") is None and not f.get("per") and f.get("status", "actual") == "actual" \
        and f.get("value") not in (None, 0)


def _pairs():
    """Figures of one subject, unit and period, each named by its subject and metric, whose metrics share no
    keyword (so that each side names one of them)."""
    figs = [f for f in TABLES["figures"] if _exact(f) and f.get("unit") not in ("%", "年", "岁")]
    out = []
    for a, b in itertools.combinations(figs, 2):
        if (a["subject"], a["unit"], a.get("period")) != (b["subject"], b["unit"], b.get("period")):
            continue
        if set(a.get("keywords") or []) & set(b.get("keywords") or []) or a["value"] == b["value"]:
            continue
        if a["metric"] in b["metric"] or b["metric"] in a["metric"]:
            continue
        big, small = (a, b) if a["value"] > b["value"] else (b, a)
        out.append((big, small))
    return out


PAIRS = _pairs()


def _side(f: dict, first: bool) -> str:
    return f"{f['subject_name']}的{f['metric']}" if first else f["metric"]


def _verdict(cli, claim: str) -> dict:
    r = cli("check", claim, "--json")
    assert r.code in (0, 1), (claim, r.err)
    return r.json


def test_there_are_pairs_to_generate_from():
    assert len(PAIRS) >= 6


@pytest.mark.parametrize("big,small", PAIRS, ids=[f"{a['id']}/{b['id']}" for a, b in PAIRS])
def test_multiple_of_two_figures(cli, big, small):
    ratio = Decimal(str(big["value"])) / Decimal(str(small["value"]))
    said = ratio.quantize(Decimal("0.1"))
    claim = f"{_side(big, True)}是{_side(small, False)}的{said}倍"
    doc = _verdict(cli, claim)
    assert doc["verdict"] == S, (claim, doc["reason"])
    assert {i["id"] for i in doc["derivation"]["inputs"]} == {big["id"], small["id"]}
    assert all(i["quote"] for i in doc["derivation"]["inputs"])
    wrong = (said * Decimal("1.5") + 1).quantize(Decimal("0.1"))
    doc = _verdict(cli, f"{_side(big, True)}是{_side(small, False)}的{wrong}倍")
    assert doc["verdict"] == C, doc["reason"]


@pytest.mark.parametrize("big,small", PAIRS, ids=[f"{a['id']}/{b['id']}" for a, b in PAIRS])
def test_difference_of_two_figures(cli, big, small):
    diff = Decimal(str(big["value"])) - Decimal(str(small["value"]))
    unit = big["unit"]
    claim = f"{_side(big, True)}比{_side(small, False)}多{fmt_value(diff, unit)}"
    doc = _verdict(cli, claim)
    assert doc["verdict"] == S, (claim, doc["reason"])
    assert doc["derivation"]["kind"] == "difference" and " − " in doc["derivation"]["formula"]
    doc = _verdict(cli, f"{_side(small, True)}比{_side(big, False)}少{fmt_value(diff, unit)}")
    assert doc["verdict"] == S, doc["reason"]
    doc = _verdict(cli, f"{_side(big, True)}比{_side(small, False)}多{fmt_value(diff * 2, unit)}")
    assert doc["verdict"] == C, doc["reason"]


@pytest.mark.parametrize("big,small", PAIRS, ids=[f"{a['id']}/{b['id']}" for a, b in PAIRS])
def test_order_of_two_figures(cli, big, small):
    assert _verdict(cli, f"{_side(big, True)}多于{_side(small, False)}")["verdict"] == S
    assert _verdict(cli, f"{_side(small, True)}高于{_side(big, False)}")["verdict"] == C
    assert _verdict(cli, f"{_side(small, True)}比{_side(big, False)}少")["verdict"] == S
    assert _verdict(cli, f"{_side(big, True)}与{_side(small, False)}相同")["verdict"] == C


# ---------------------------------------------------------------- superlatives over complete lists

BANDS = DB["meta"]["meta:schema"]["bands"] if "meta:schema" in DB["meta"] else next(iter(DB["meta"].values()))["bands"]
BAND_COUNTS = {f["band"]: f for f in TABLES["figures"] if f.get("band")}


def _band_words(band: dict) -> str:
    return band["text"].replace("投资额", "")


def _top(values: dict, key, most: bool) -> str:
    mine = values[key]
    others = [v for k, v in values.items() if k != key]
    if most:
        return S if all(mine > v for v in others) else C if any(v > mine for v in others) else U
    return S if all(mine < v for v in others) else C if any(v < mine for v in others) else U


def test_the_bands_cover_every_amount_and_each_has_a_count():
    edges = sorted(BANDS, key=lambda b: b["min"] or 0)
    assert edges[0]["min"] is None and edges[-1]["max"] is None
    assert all(x["max"] == y["min"] for x, y in zip(edges, edges[1:]))
    assert set(BAND_COUNTS) == {b["band"] for b in BANDS}


@pytest.mark.parametrize("band", BANDS, ids=[b["band"] for b in BANDS])
@pytest.mark.parametrize("word,most", [("最多", True), ("最少", False)])
def test_band_with_the_most_projects(cli, band, word, most):
    counts = {b: f["value"] for b, f in BAND_COUNTS.items()}
    expected = _top(counts, band["band"], most)
    doc = _verdict(cli, f"上半年新签约项目中，投资额{_band_words(band)}的项目数量{word}")
    assert doc["verdict"] == expected, doc["reason"]
    if expected != U:
        assert {i["id"] for i in doc["derivation"]["inputs"]} == {f["id"] for f in BAND_COUNTS.values()}


PROJECTS = [p for p in TABLES["projects"] if p.get("investment")]


def _project_top(p: dict, most: bool) -> str:
    lo = lambda q: Decimal(q["investment"]["min"] or 0)  # noqa: E731
    hi = lambda q: None if q["investment"]["max"] is None else Decimal(q["investment"]["max"])  # noqa: E731
    others = [q for q in PROJECTS if q is not p and q.get("period") == p.get("period")]
    if most:
        beaten = any(hi(p) is not None and lo(q) > hi(p) for q in others)
        wins = all(hi(q) is not None and lo(p) > hi(q) for q in others)
    else:
        beaten = any(hi(q) is not None and hi(q) < lo(p) for q in others)
        wins = all(hi(p) is not None and hi(p) < lo(q) for q in others)
    return C if beaten else S if wins else U


@pytest.mark.parametrize("project", PROJECTS, ids=[p["id"] for p in PROJECTS])
def test_project_with_the_largest_investment(cli, project):
    for word, most in (("最大", True), ("最小", False)):
        doc = _verdict(cli, f"{project['name']}是上半年新签约项目中投资额{word}的")
        assert doc["verdict"] == _project_top(project, most), (project["name"], word, doc["reason"])


# ---------------------------------------------------------------- the order of events


def _day(iso: str, last: bool) -> tuple:
    parts = [int(x) for x in iso.split("-")]
    y, m, d = (parts + [None, None])[:3]
    return (y, m or (12 if last else 1), d or (31 if last else 1))


def _span(ev: dict) -> tuple:
    return _day(ev["date"], False), _day(ev.get("end") or ev["date"], True)


def _name(ref: str) -> str:
    for rows in TABLES.values():
        for r in rows:
            if isinstance(r, dict) and r.get("id") == ref:
                return r.get("name") or ""
    return ""


EVENTS = [e for e in TABLES["events"] if e.get("keywords") and e.get("mentions") and e["mentions"][0].startswith("unit:")]


def _wording(ev: dict) -> str:
    return f"{_name(ev['mentions'][0])}{ev['keywords'][0]}"


def _ambiguous(ev: dict) -> bool:
    """Another event of the same subject answers to the same word."""
    return any(o is not ev and o["mentions"][0] == ev["mentions"][0] and ev["keywords"][0] in (o.get("keywords") or [])
               for o in EVENTS)


EVENT_PAIRS = [(a, b) for a, b in itertools.permutations(EVENTS, 2)
               if _wording(a) != _wording(b) and not _ambiguous(a) and not _ambiguous(b)]


def test_there_are_events_to_order():
    assert len(EVENT_PAIRS) >= 10


@pytest.mark.parametrize("a,b", EVENT_PAIRS, ids=[f"{a['id']}<{b['id']}" for a, b in EVENT_PAIRS])
def test_order_of_two_events(cli, a, b):
    (a0, a1), (b0, b1) = _span(a), _span(b)
    planned = "planned" in (a.get("status"), b.get("status"))
    before = U if planned else S if a1 < b0 else C if a0 > b1 else U
    doc = _verdict(cli, f"{_wording(a)}发生在{_wording(b)}之前")
    assert doc["verdict"] == before, doc["reason"]
    after = U if planned else S if a0 > b1 else C if a1 < b0 else U
    doc = _verdict(cli, f"{_wording(a)}晚于{_wording(b)}")
    assert doc["verdict"] == after, doc["reason"]
    if before != U:
        assert [i["id"] for i in doc["derivation"]["inputs"]] == [a["id"], b["id"]]


# ---------------------------------------------------------------- wordings of each kind, exact verdicts

WORDINGS = [
    # multiples and shares: 86亿元 / 4.3亿元 = 20; 3700万美元 / 735万美元 ≈ 5.03; 13 / 36 ≈ 36.1%
    ("2016年以来，九州路办事处完成的固定资产投资是财税收入的20倍。", S),
    ("2016年以来，九州路办事处完成的固定资产投资是财税收入的25倍。", C),
    ("九州路办事处完成的固定资产投资约为财税收入的20倍。", S),
    ("2016年以来，九州路办事处实际利用外资是进出口贸易额的5倍多。", S),
    ("九州路办事处实际利用外资是进出口贸易额的6倍多。", C),
    ("九州路办事处实际利用外资超过进出口贸易额的5倍。", S),
    ("西郭庄社区开工楼栋数不到大寨店社区的一半。", S),
    ("西郭庄社区开工楼栋数超过大寨店社区的一半。", C),
    ("大寨店社区已交付的楼占开工楼栋的六成多。", S),
    ("实际利用外资是财税收入的一半。", U),  # 美元 and 元: no multiple across currencies
    # differences and remainders
    ("2016年以来，九州路办事处引进省外资金比完成的财税收入多6.4亿元。", S),
    ("九州路办事处引进省外资金比财税收入多6亿元。", U),  # 6.4 written as 6: not exact, not far
    ("九州路办事处引进省外资金比财税收入多8亿元。", C),
    ("邢玉梅每月的低保救助比残疾人“两项”补贴多330元。", S),
    ("邢玉梅每月的低保救助比残疾人“两项”补贴多350元。", C),
    ("大寨店社区开工的楼栋比西郭庄社区多23栋。", S),
    ("大寨店社区开工的楼栋比西郭庄社区多20栋。", C),
    ("大寨店社区已完工但尚未交付的楼有6栋。", S),
    ("大寨店社区已完工但尚未交付的楼有7栋。", C),
    ("要完成全年19亿元的项目建设投资目标，九州路办事处下半年还需完成9.04亿元。", S),
    ("九州路办事处下半年还需完成9.96亿元才能完成全年项目建设目标。", C),  # 19 − 9.96 = 9.04
    # sums
    ("九州路办事处专职巡防队和应急小分队共有40人。", S),
    ("专职巡防队与应急小分队合计抽调45人。", C),
    ("邢玉梅和老伴儿两人每月领取的养老保险合计160元。", U),  # a rate per person is no total
    # orders
    ("2016年以来，九州路办事处实际利用外资金额低于进出口贸易额。", C),
    ("九州路办事处专职巡防队的人数与应急小分队相同。", S),
    ("九州路办事处专职巡防队的人数比应急小分队多。", C),
    ("帮扶张公堰村抽调的工作人员比水系工作指挥部参加攻坚的干部少。", S),
    ("帮扶张公堰村抽调的工作人员比水系工作指挥部参加攻坚的干部多。", C),
    ("大寨店社区已交付的楼栋多于已完工的楼栋。", C),
    ("2017年取缔的“小散乱污”企业比拆改的燃煤锅炉还多。", C),
    ("上半年新签约项目中，投资额10亿元以上的项目比亿元以下的项目多。", C),
    ("南水西郡项目的投资额高于华大育仁教育基地项目。", S),
    # values per unit
    ("大寨店第一批回迁中，平均每套安置房安置的村民超过4人。", S),
    ("大寨店第一批回迁中，平均每套安置房安置的村民不到4人。", C),
    ("大寨店第一批回迁中，平均每套安置房安置约5人。", U),  # 3000多名 / 664套: 4.5 to 6
    ("九州路办事处成立时，辖区每平方公里约有1万人。", S),
    ("九州路办事处成立时，辖区每平方公里约有2万人。", C),
    # superlatives
    ("上半年新签约项目中，投资额1亿元到5亿元的项目数量最多。", S),
    ("上半年新签约项目中，投资额10亿元以上的项目数量最多。", C),
    ("上半年新签约项目中投资额最大的是书香时代广场项目。", U),  # 南水西郡 is in the same open band
    ("清水湾生活广场项目是上半年新签约项目中投资额最大的。", U),  # bands meet at 10亿: not wholly beyond
    ("58同城项目是上半年新签约项目中投资额最大的。", C),
    ("东方颐养园项目是5亿元到10亿元项目中投资额最小的。", U),  # a part of the list: not the whole list's answer
    ("投资额5亿元以上的项目中，5亿元到10亿元的项目数量最多。", U),
    # the order of events
    ("大寨店社区第一批村民回迁发生在九州路办事处区划调整之前。", S),
    ("天河嘉城小区成立党支部的时间早于大寨店社区第一批村民回迁。", C),
    ("天河嘉城小区党支部是在2017年11月区划调整之前成立的。", C),
    ("九州路办事处成立在区划调整之后。", C),
    # the time between two events (1999-07 → 2017-11: 18.26–18.42 years; 2017-08-17..23 → 2018-07-05: 0.87 years)
    ("九州路办事处成立18年多后，进行了行政区划调整。", S),
    ("九州路办事处成立20年后，进行了行政区划调整。", C),
    ("大寨店第一批村民回迁比天河嘉城小区党支部成立早了近一年。", S),
    ("大寨店第一批村民回迁比天河嘉城小区党支部成立早了两年。", C),
    ("天河嘉城小区党支部成立比大寨店第一批村民回迁晚了近一年。", S),
    # all of a count in a state: the article's count of the same subject in that state settles it
    ("大寨店社区开工的36栋楼已全部完工。", C),
    ("大寨店社区已完工的29栋楼已全部交付。", C),
    # 保留 / 划出: the units that stayed (6个社区 + 4个村, derived) and the 8 that moved
    ("区划调整后，九州路办事处保留的社区（村）比划出的多2个。", S),
    ("区划调整后，九州路办事处保留的社区（村）比划出的多4个。", C),
    # an honour named without its level, or with another level right before it; the year of a sentence's head
    ("九州路办事处获评计划生育工作先进单位。", S),
    ("九州路办事处2017年度获得的创建无邪教示范街道称号是省级荣誉。", C),
    ("九州路办事处连续5年获得河南省平安建设先进街道荣誉。", C),
    ("2017年度，九州路办事处被评为国家计划生育工作先进单位。", C),
    ("2017年度，九州路办事处获评省计划生育工作先进单位。", S),
    ("2016年度，九州路办事处获评省计划生育工作先进单位。", C),
]


@pytest.mark.parametrize("claim,verdict", WORDINGS, ids=[f"{i:02d}-{v}" for i, (_, v) in enumerate(WORDINGS)])
def test_wording(cli, claim, verdict):
    doc = _verdict(cli, claim)
    assert doc["verdict"] == verdict, (claim, doc.get("reason"), [e["id"] for e in doc.get("evidence") or []])


def test_a_derived_verdict_shows_its_arithmetic_and_inputs(cli):
    doc = _verdict(cli, "2016年以来，九州路办事处完成的固定资产投资是财税收入的20倍。")
    quote = {f["id"]: f["quote"] for f in TABLES["figures"]}
    assert doc["derivation"] == {
        "kind": "ratio", "formula": "86亿元 / 4.3亿元 = 20倍",
        "inputs": [{"id": "fig:fixed-investment", "quote": quote["fig:fixed-investment"]},
                   {"id": "fig:tax-revenue", "quote": quote["fig:tax-revenue"]}]}
    r = cli("check", "大寨店社区开工的楼栋比西郭庄社区多23栋。")
    assert r.code == 0 and "36栋楼 − 13栋楼 = 23栋" in r.out


def test_an_inferred_year_is_labelled(cli):
    doc = _verdict(cli, "大寨店社区第一批村民回迁比天河嘉城小区成立党支部早。")
    assert doc["verdict"] == S
    assert "inferred" in doc["reason"] and "2018" in doc["reason"]


# ---------------------------------------------------------------- nothing checkable: exit 2


@pytest.mark.parametrize("claim", ["九州路办事处的各项工作令人印象深刻。", "基层社区治理需要久久为功、持之以恒。",
                                   "城市建设管理永远在路上，没有终点。", "扶贫工作最能考验干部的担当与作为。"])
def test_an_opinion_exits_2(cli, claim):
    r = cli("check", claim, "--json")
    assert r.code == 2 and r.out == "" and "nothing to check" in r.err


@pytest.mark.parametrize("claim", ["九州路办事处获评全国和谐社区建设示范街道。", "九州路办事处的财税收入很可观。",
                                   "湘江社区的工作令人印象深刻。", "九州路办事处庆“七一”党建文艺晚会"])
def test_a_claim_that_names_something_checkable_is_unknown(cli, claim):
    r = cli("check", claim, "--json")
    assert r.code == 1 and r.json["verdict"] == U, r.err
