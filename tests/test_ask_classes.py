"""Rules of `ask` read from the fact base, each with several wordings and the exact top answer:
the unit class asked (money is not a count), a planned state asked as done (the article cannot say), the start
of a figure's period (从哪一年开始累计)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FACTS

_FIGURES = json.loads(FACTS.read_text(encoding="utf-8"))["figures"].values()
_COUNTS = ("个", "栋", "家", "项", "条", "名", "人", "户", "处", "所", "座")


def _top(cli, question: str) -> dict:
    r = cli("ask", question, "--json")
    assert r.code == 0, r.err
    return r.json[0]


# ---------------------------------------------------------------- the unit class asked must be the answer's


@pytest.mark.parametrize("question", ["21个海绵城市改造项目总共投了多少钱", "21个海绵城市改造项目一共花了多少钱",
                                      "海绵城市改造项目投资多少钱"])
def test_money_asked_of_a_count_answers_nothing(cli, question):
    r = cli("ask", question)
    assert r.code == 1 and r.out == "" and "jzcli search" in r.err


def test_every_count_asked_as_money_is_never_the_answer(cli):
    """Each counted figure of the fact base, asked 投了多少钱 by its keyword: a money figure or nothing."""
    asked = [f for f in _FIGURES if f.get("unit") in _COUNTS and f.get("keywords")]
    assert len(asked) >= 20
    for f in asked:
        r = cli("ask", f"{f['keywords'][0]}投了多少钱", "--json")
        assert r.code == 1 or r.json[0]["unit"] in ("元", "美元"), (f["id"], r.json[0])


@pytest.mark.parametrize("question,answer", [
    ("海绵城市改造项目有多少个", "21个"),
    ("2016年以来财税收入多少钱", "4.3亿元"),
    ("九州路办事处辖区面积多大", "16平方公里"),
])
def test_the_class_asked_still_answers(cli, question, answer):
    assert _top(cli, question)["answer"] == answer


def test_area_asked_as_a_count_answers_nothing(cli):
    assert cli("ask", "九州路办事处面积有多少个").code == 1


# ---------------------------------------------------------------- a planned state asked as done: unknown


@pytest.mark.parametrize("question,date_text", [
    ("西郭庄社区已经交房并开始回迁了吗？", "9月底前"),
    ("西郭庄已经交房了吗", "9月底前"),
    ("崔庄村商业安置项目已经投入使用了没有？", "9月底"),
    ("崔庄村商业安置项目投入使用了吗", "9月底"),
])
def test_a_planned_state_asked_as_done_is_unknown_with_the_plan(cli, question, date_text):
    top = _top(cli, question)
    assert top["kind"] == "verdict" and top["verdict"] == "unknown" and top["answer"] == "文章没有说"
    assert f"expected by {date_text}, not as done" in top["note"] and "预计" in top["quote"]
    assert top["date"] == "2018-09"


@pytest.mark.parametrize("question", ["海绵城市改造项目通过正式竣工验收了吗", "项目已经通过正式竣工验收了吗"])
def test_an_awaited_state_is_still_no(cli, question):
    top = _top(cli, question)
    assert top["verdict"] == "contradicted" and "awaits 正式竣工验收" in top["note"]


# ---------------------------------------------------------------- the start of a figure's period


@pytest.mark.parametrize("question,text", [
    ("财税收入4.3亿元是从哪一年开始累计的？", "4.3亿元"),
    ("86亿元固定资产投资从哪年算起", "86亿元"),
    ("累计完成财税收入4.3亿元是从什么时候开始的", "4.3亿元"),
    ("利用外资3700万美元是从哪一年起算的", "3700万美元"),
])
def test_the_start_of_a_figures_period(cli, question, text):
    top = _top(cli, question)
    assert (top["answer"], top["date"], top["precision"]) == ("2016年", "2016", "year")
    assert top["note"] == f"the period of {text}: 2016年以来"


def test_the_end_of_a_figures_period(cli):
    top = _top(cli, "财税收入4.3亿元统计截至什么时候")
    assert (top["answer"], top["date"]) == ("2018年8月", "2018-08")


# ---------------------------------------------------------------- the name of a kind of thing (模式, 活动)


@pytest.mark.parametrize("question,answer,rid", [
    ("市餐饮协会党建用的是什么模式？", "“党委+支部”的“两新”组织党建新模式", "place:liangxin-moshi"),
    ("市餐饮协会党委采用什么模式", "“党委+支部”的“两新”组织党建新模式", "place:liangxin-moshi"),
    ("安全生产网格化管理用的是什么模式", "“四位一体”的安全生产网格化管理新模式", "place:siweiyiti"),
    ("九州路在职党员志愿服务活动叫什么名字？", "红动九州·争做最美党员", "place:hongdongjiuzhou"),
    ("在职党员志愿服务活动的名称", "红动九州·争做最美党员", "place:hongdongjiuzhou"),
])
def test_the_name_of_the_kind_asked(cli, question, answer, rid):
    top = _top(cli, question)
    assert (top["kind"], top["metric"], top["answer"], top["id"]) == ("attribute", "name", answer, rid)


def test_a_persons_name_is_still_a_person(cli):
    top = _top(cli, "九州路办事处主任叫什么名字")
    assert (top["kind"], top["id"]) == ("person", "person:liuquanfu")


# ---------------------------------------------------------------- a share of a target asked as reached


@pytest.mark.parametrize("question", ["今年上半年项目建设投资完成全年目标了吗？", "项目建设完成全年目标了没有",
                                      "今年前6个月项目投资达到全年19亿元目标了吗"])
def test_a_share_under_the_whole_target_is_no(cli, question):
    top = _top(cli, question)
    assert (top["verdict"], top["value"], top["unit"]) == ("contradicted", 52, "%")
    assert top["note"].startswith("the article gives 52% of the target 19亿元")


@pytest.mark.parametrize("question", ["今年前6个月项目投资完成全年目标过半了吗",
                                      "今年前6个月项目投资是否已经超过全年目标的一半？"])
def test_a_share_of_the_target_asked_is_still_the_checkers(cli, question):
    assert _top(cli, question)["verdict"] == "supported"


def test_another_periods_target_answers_nothing(cli):
    assert cli("ask", "2017年项目建设完成全年目标了吗").code == 1


# ---------------------------------------------------------------- the question's counting word


@pytest.mark.parametrize("question,answer,value", [
    ("九州路打造的精品示范小巷文中点名了几条？", "5条（原文：5个小巷）", 5),
    ("精品示范小巷有几条", "5条（原文：5个小巷）", 5),
    ("精品示范小巷有几个", "5个小巷", 5),
    ("海绵城市改造项目有多少个", "21个", 21),
])
def test_a_count_in_the_questions_counting_word(cli, question, answer, value):
    top = _top(cli, question)
    assert (top["answer"], top["value"]) == (answer, value)
