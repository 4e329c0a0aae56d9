"""Claims generated from facts.json: every value is computed here from the records (never typed), and the
checker must support it and contradict it perturbed.

- figures that count the same thing (part_of): whole − part, and part / whole;
- the lists the fact base holds: units by office, month and kind (from their `history`), signed projects by
  every run of adjacent investment bands, honours by year and level (an open list: at least n), named places;
- every event: its date at each precision the article gives, and a wrong one;
- the bands: the total investment of every run of bands, as bounds that hold and bounds that fail.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jzcli.check.verdict import fmt_value

FACTS = Path(__file__).resolve().parent.parent / "facts.json"
DB = json.loads(FACTS.read_text(encoding="utf-8"))
TABLES = {name: list(t.values()) for name, t in DB.items() if isinstance(t, dict)}
BY_ID = {r["id"]: r for rows in TABLES.values() for r in rows if isinstance(r, dict) and "id" in r}
VOCAB = TABLES.get("vocabulary", [])
S, C, U = "supported", "contradicted", "unknown"


def _states(*texts: str) -> list[str]:
    words = sorted(((w, e["term"]) for e in VOCAB if e["kind"] == "state" for w in e["words"]), key=lambda t: -len(t[0]))
    found = []
    for text in texts:
        for w, term in words:
            if w in text and term not in found:
                found.append(term)
    return found


def _noun(text: str) -> str:
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] in "."):
        i += 1
    return text[i + 1:] if i < len(text) else ""  # "36栋楼" → 楼 (after the digits and the counting unit)


WITHIN = {e["term"]: e["within"] for e in VOCAB if e["kind"] == "state" and e.get("within")}


def _nests(inner: str, outer: str) -> bool:
    """Every unit in state `inner` has passed state `outer` (the vocabulary's `within` chain)."""
    seen = set()
    while inner in WITHIN and inner not in seen:
        seen.add(inner)
        inner = WITHIN[inner]
        if inner == outer:
            return True
    return False


def _stage_only(f: dict, state: str) -> bool:
    """7栋 主体封顶 beside 29栋 完工 of the same whole (完工 within 主体封顶): the units at that stage only."""
    return any(g is not f and g.get("part_of") == f["part_of"] and (sg := _states(*(g.get("keywords") or []),
               g.get("metric") or "")) and _nests(sg[0], state) and g["value"] > f["value"] for g in TABLES["figures"])


def _parts(nested_only: bool = True):
    """(part, whole, its state, the whole's state) of the parts whose state nests in the whole's (交付 in 开工);
    with nested_only=False, every part with a state (主体封顶 of 开工: a share, but no "not yet" rest)."""
    out = []
    for f in TABLES["figures"]:
        whole = BY_ID.get(f.get("part_of") or "")
        if not whole or whole["unit"] != f["unit"]:
            continue
        states = _states(*(f.get("keywords") or []), f.get("metric") or "")
        whole_states = _states(*(whole.get("keywords") or []))
        if not states or not whole_states:
            continue
        if nested_only and (not _nests(states[0], whole_states[0]) or _stage_only(f, states[0])):
            continue
        out.append((f, whole, states[0], whole_states[0]))
    return out


PARTS = _parts()
SHARES = _parts(nested_only=False)


def test_there_are_parts_to_generate_from():
    assert len(PARTS) >= 2 and len(SHARES) >= 3


@pytest.mark.parametrize("part,whole,state,whole_state", [p for p in SHARES if p not in PARTS],
                         ids=[p[0]["id"] for p in SHARES if p not in PARTS])
def test_no_rest_of_a_state_that_does_not_nest(cli, part, whole, state, whole_state):
    """7栋 主体封顶 of 36栋 开工: the 29栋 完工 were topped too, so 36 − 7 is no count of "not topped"."""
    rest = Decimal(str(whole["value"])) - Decimal(str(part["value"]))
    unit, noun, who = whole["unit"], _noun(whole["text"]), whole["subject_name"]
    doc = cli("check", f"{who}还有{rest}{unit}{noun}未{state}", "--json").json
    assert doc["verdict"] == U, doc["reason"]


@pytest.mark.parametrize("part,whole,state,whole_state", PARTS, ids=[p[0]["id"] for p in PARTS])
def test_whole_minus_part(cli, part, whole, state, whole_state):
    rest = Decimal(str(whole["value"])) - Decimal(str(part["value"]))
    unit, noun, who = whole["unit"], _noun(whole["text"]), whole["subject_name"]
    doc = cli("check", f"{who}还有{rest}{unit}{noun}未{state}", "--json").json
    assert doc["verdict"] == S, doc["reason"]
    assert doc["derivation"]["inputs"][0]["id"] == whole["id"]
    doc = cli("check", f"{who}还有{rest + 2}{unit}{noun}未{state}", "--json").json
    assert doc["verdict"] == C, doc["reason"]


@pytest.mark.parametrize("part,whole,state,whole_state", SHARES, ids=[p[0]["id"] for p in SHARES])
def test_part_over_whole(cli, part, whole, state, whole_state):
    share = Decimal(str(part["value"])) / Decimal(str(whole["value"])) * 100
    noun, who = _noun(whole["text"]), whole["subject_name"]
    said = f"{share.quantize(Decimal('0.1'))}%"
    doc = cli("check", f"{who}已{state}的{noun}占{whole_state}总数的{said}", "--json").json
    assert doc["verdict"] == S, doc["reason"]
    wrong = f"{(share + 15).quantize(Decimal('0.1'))}%"
    doc = cli("check", f"{who}已{state}的{noun}占{whole_state}总数的{wrong}", "--json").json
    assert doc["verdict"] == C, doc["reason"]


# ---------------------------------------------------------------- units by office, month and kind

NOUN = {"城市社区": "社区", "村": "村"}


def _members(office_id: str, month: str, kind: str) -> list[dict]:
    out = []
    for u in TABLES["units"]:
        if NOUN.get(u.get("kind")) != kind:
            continue
        for h in u.get("history") or []:
            if h.get("office_id") == office_id and h["from"] <= month < (h.get("to") or "9999"):
                out.append(u)
    return out


def _moved(office_id: str, month: str, kind: str) -> list[dict]:
    return [u for u in TABLES["units"] if NOUN.get(u.get("kind")) == kind
            and any(h.get("office_id") == office_id and h["from"] == month for h in u.get("history") or [])]


FOUNDED = next(e for e in TABLES["events"] if e["id"] == "event:founded")["date"]
REDISTRICTED = next(e for e in TABLES["events"] if e["id"] == "event:redistricting")["date"]
OFFICE, OTHER = "unit:jiuzhoulu", "unit:taishanlu"
UNIT_COUNTS = [
    # (wording with {n} and {noun}, the members the claim counts)
    *((f"九州路办事处成立时辖{{n}}个{'城市社区' if k == '社区' else k}", _members(OFFICE, FOUNDED, k)) for k in ("社区", "村")),
    *((f"区划调整后仍属九州路办事处管辖的{k}有{{n}}个", _members(OFFICE, REDISTRICTED, k)) for k in ("社区", "村")),
    *((f"划归泰山路办事处筹建办的{k}有{{n}}个", _moved(OTHER, REDISTRICTED, k)) for k in ("社区", "村")),
    ("区划调整后仍属九州路办事处管辖的社区(村)共{n}个",
     _members(OFFICE, REDISTRICTED, "社区") + _members(OFFICE, REDISTRICTED, "村")),
    ("九州路办事处成立时共辖{n}个社区(村)", _members(OFFICE, FOUNDED, "社区") + _members(OFFICE, FOUNDED, "村")),
]


@pytest.mark.parametrize("wording,members", UNIT_COUNTS, ids=[w for w, _ in UNIT_COUNTS])
def test_units_by_office_month_and_kind(cli, wording, members):
    n = len(members)
    assert n > 0
    doc = cli("check", wording.format(n=n), "--json").json
    assert doc["verdict"] == S, (wording, n, doc["reason"])
    doc = cli("check", wording.format(n=n + 1), "--json").json
    assert doc["verdict"] == C, (wording, n + 1, doc["reason"])


# ---------------------------------------------------------------- signed projects by runs of bands

BANDS = sorted(TABLES["meta"][0]["bands"], key=lambda b: b.get("min") or 0)
SIGNED = [p for p in TABLES["projects"] if p.get("band")]


def _label(lo, hi) -> str:
    if lo is None:
        return f"{fmt_value(hi, '元')}以下"
    if hi is None:
        return f"{fmt_value(lo, '元')}以上"
    return f"{fmt_value(lo, '元')}到{fmt_value(hi, '元')}"


RUNS = [(BANDS[i:j + 1]) for i in range(len(BANDS)) for j in range(i, len(BANDS)) if (i, j) != (0, len(BANDS) - 1)]


@pytest.mark.parametrize("run", RUNS, ids=[f"{r[0]['band']}..{r[-1]['band']}" for r in RUNS])
def test_signed_projects_by_band(cli, run):
    ids = {b["band"] for b in run}
    n = sum(1 for p in SIGNED if p["band"] in ids)
    label = _label(run[0].get("min"), run[-1].get("max"))
    doc = cli("check", f"上半年新签约项目中投资额{label}的项目有{n}个", "--json").json
    assert doc["verdict"] == S, (label, n, doc["reason"])
    doc = cli("check", f"上半年新签约项目中投资额{label}的项目有{n + 1}个", "--json").json
    assert doc["verdict"] == C, (label, n + 1, doc["reason"])


@pytest.mark.parametrize("run", RUNS, ids=[f"{r[0]['band']}..{r[-1]['band']}" for r in RUNS])
def test_band_sums(cli, run):
    ids = {b["band"] for b in run}
    members = [p for p in SIGNED if p["band"] in ids]
    lo = sum(Decimal(p["investment"]["min"] or 0) for p in members)
    maxes = [p["investment"]["max"] for p in members]
    hi = None if None in maxes else sum(Decimal(m) for m in maxes)
    label = _label(run[0].get("min"), run[-1].get("max"))
    head = f"投资额{label}的{len(members)}个项目合计投资"
    if lo > 0:
        assert cli("check", f"{head}不少于{fmt_value(lo, '元')}", "--json").json["verdict"] == S
        assert cli("check", f"{head}不到{fmt_value(lo, '元')}", "--json").json["verdict"] == C
    if hi is not None:
        assert cli("check", f"{head}不超过{fmt_value(hi, '元')}", "--json").json["verdict"] == S
        assert cli("check", f"{head}超过{fmt_value(hi, '元')}", "--json").json["verdict"] == C
    if hi is not None and lo < hi:
        inside = (lo + hi) / 2
        assert cli("check", f"{head}{fmt_value(inside, '元')}", "--json").json["verdict"] == U


# ---------------------------------------------------------------- honours by year and level (an open list)

OPEN = {i for o in TABLES["oddities"] if o["kind"] == "list_ends_with_deng" for i in o["affects"]}
LEVEL_WORD = {"国家": "国家级", "省": "省级", "市": "市级"}
HONOUR_GROUPS = {}
for h in TABLES["honours"]:
    if h.get("year"):
        HONOUR_GROUPS.setdefault((h["year"], ""), []).append(h)
        HONOUR_GROUPS.setdefault((h["year"], LEVEL_WORD[h["level"]]), []).append(h)


@pytest.mark.parametrize("year,level", list(HONOUR_GROUPS), ids=[f"{y}{lv}" for y, lv in HONOUR_GROUPS])
def test_honours_by_year_and_level(cli, year, level):
    members = HONOUR_GROUPS[(year, level)]
    n = len(members)
    is_open = any(h["id"] in OPEN for h in members)
    said = f"{year}年度九州路办事处获得{{}}项{level}荣誉"
    assert cli("check", said.format(f"至少{n}"), "--json").json["verdict"] == S
    assert cli("check", said.format(n), "--json").json["verdict"] == (U if is_open else S)
    if n > 1:
        assert cli("check", said.format(n - 1), "--json").json["verdict"] == C


# ---------------------------------------------------------------- every event, at each precision

EVENTS = [e for e in TABLES["events"] if e.get("status", "done") == "done" and e["precision"] != "year"
          or e["precision"] == "year" and e.get("status", "done") == "done"]


def _date_item(doc: dict) -> dict | None:
    return next((r for r in (doc.get("figures") or [doc]) if r.get("kind") == "date"), None)


def _wordings(ev: dict) -> list[tuple[str, str]]:
    y, m, d = (ev["date"].split("-") + [None, None])[:3]
    end = (ev.get("end") or "").split("-")
    out = [(f"{y}年", S), (f"{int(y) + 1}年", C)]
    if m:
        out += [(f"{y}年{int(m)}月", S), (f"{y}年{int(m) % 12 + 1}月", C)]
    if d:
        tail = f"至{int(end[2])}日" if len(end) == 3 and end[2] != d else ""
        out += [(f"{y}年{int(m)}月{int(d)}日{tail}", S), (f"{y}年{int(m)}月{int(d) % 28 + 1}日", C)]
    return out


DATED = [(ev, when, verdict) for ev in TABLES["events"] if ev.get("status", "done") == "done"
         for when, verdict in _wordings(ev)]


@pytest.mark.parametrize("ev,when,verdict", DATED, ids=[f"{e['id']}-{w}" for e, w, _ in DATED])
def test_every_event_at_each_precision(cli, ev, when, verdict):
    r = cli("check", f"{when}，{ev['event']}", "--json")
    assert r.code in (0, 1), r.err
    item = _date_item(r.json)
    if item is None:
        # a year alone in a sentence of figures (or of an honour) is their period, checked with them: the
        # claim may be unknown (the article gives the figures for 上半年, not for the whole year), never the
        # opposite verdict
        assert "年" in when and "月" not in when, (when, ev["event"], r.json.get("reason"))
        assert r.json["verdict"] in (verdict, U), (when, ev["event"], r.json.get("reason"))
        return
    assert item["verdict"] == verdict, (when, ev["event"], item["reason"])
    assert item["evidence"][0]["id"] == ev["id"]


PLANNED = [ev for ev in TABLES["events"] if ev.get("status") == "planned"]


@pytest.mark.parametrize("ev", PLANNED, ids=[e["id"] for e in PLANNED])
def test_a_planned_event_is_not_done(cli, ev):
    y, m = ev["date"].split("-")[:2]
    item = _date_item(cli("check", f"{y}年{int(m)}月已{ev['event']}", "--json").json)
    assert item is not None and item["verdict"] == U, item
