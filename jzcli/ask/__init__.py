"""`ask`: a reporter's question in, the article's answers out, best first, each with its quotes.

Stages, one module each:
  question   reading the question, on the checker's reading layer: what it asks, names, period, unit
  base       the answer record (the same keys for every kind) and the fact base as the answerers see it
  numbers    how many: figures and the checker's derived values (jzcli.check.derive), operations, counts
  when       when: events with their dates and precision, a figure's period, a year from an age
  who        who: people with their roles as written, and the events that name them
  which      which / what kind: lists and attributes of named things
  yesno      yes or no: the claim checker on the statement, or the statement compared with the answer
  weights    every score and threshold, named
This module ranks the answers; view.py draws them on a terminal.
"""

from __future__ import annotations

from jzcli.errors import BadInput, NotFound
from jzcli.i18n import N_, _

KINDS = ("figure", "derived", "event", "person", "list", "attribute", "verdict")
# An answer of a kind the question asks for (谁 → person, 哪些 → list ...) ranks above every other answer.
KIND_BONUS = 10.0
# Below this score an answer is noise: "nothing answers" is better than a random record.
MIN_SCORE = 3.0
# Words with no question word in them (1999年, 刘全福) ask nothing in particular: only a strong match answers.
NOT_A_QUESTION = 2.0
# Answers whose scores differ by less than this are a tie: both are shown and marked.
TIE_EPSILON = 0.05
HINT = N_("try `jzcli search WORD`, `jzcli people` or `jzcli timeline`")

_SERVES = {
    "how_many": ("figure", "derived", "attribute"),
    "when": ("event", "derived"),
    "who": ("person",),
    "which": ("list", "attribute"),
    "yes_no": ("verdict",),
}

_bases: dict[int, object] = {}

# 具体 / 确切 投资多少: the exact amount is asked for, which a band (5亿元到10亿元) is not
_EXACT = ("具体", "确切", "准确", "精确")


def _base(reader):
    from jzcli.ask.base import Base

    got = _bases.get(id(reader))
    if got is None or got.reader is not reader:
        got = _bases[id(reader)] = Base(reader)
    return got


def answers(reader, question: str) -> list[dict]:
    """Every answer found, ranked (no limit, no threshold): for tests and tuning."""
    from jzcli.ask import numbers, when, which, who, yesno
    from jzcli.ask.question import Question

    q = Question(reader, question)
    base = _base(reader)
    asks = set(q.asks) or {"how_many", "when", "who", "which"}
    found: list[dict] = []

    figs = numbers.figures(q, base) if asks & {"how_many", "yes_no"} or not q.asks else []
    attrs = which.attributes(q, base) if asks - {"yes_no"} else []  # once: each kind takes its own
    if "how_many" in asks:
        found += figs + numbers.derived(q, base, figs) + numbers.thresholds(q, base)
        found += [x for x in attrs if x.get("metric") == "investment"]
    if "when" in asks:
        found += when.events(q, base)
        found += [x for x in attrs if x["kind"] == "event"]
    if "who" in asks:
        found += who.people(q, base) + who.namesakes(q, base)
        took_part = who.participants(q, base)  # 谁指导成立的: a unit took part, not a person
        found += took_part
        found += [x for x in attrs if x.get("metric") == "role"]
    if "which" in asks:
        found += which.lists(q, base) + who.namesake_roles(q, base, which.ASK_ROLE)
        band = which.ASK_BAND.search(q.canon)  # 属于哪个投资档次: the band is the attribute asked for
        found += [x for x in attrs if x["kind"] != "event" and (x.get("metric") != "investment" or band)]
    took_part = took_part if "who" in asks else []
    said = who.said_by(q, base) if "which" in asks else []
    found += said
    named_kind = which.kind_names(q, base) if asks - {"yes_no"} else []  # 什么模式, 活动叫什么名字
    found += named_kind
    if "yes_no" in asks:
        found += yesno.verdicts(q, base)
    if any(w in q.canon for w in _EXACT):
        found = [x for x in found if x.get("qualifier") not in ("band", "区间")]
    found = list({id(x): x for x in found}.values())  # an attribute two kinds take is one answer
    _printed_counts_first(found, base)
    served = {k for ask in asks for k in _SERVES.get(ask, ())} | ({"attribute"} if said or took_part or named_kind else set())
    for ans in found:
        if ans["kind"] in served:
            ans["score"] = round(ans["score"] + KIND_BONUS - (0 if q.asks else NOT_A_QUESTION), 2)
    return rank(found)


def _printed_counts_first(found: list[dict], base) -> None:
    """A count the article prints (8个社区(村)) ranks above the same count made from its list: the fact base's
    count checks (whose items the article lists, not the curator's reading) link the figure to its list."""
    figures = {a["id"]: a for a in found if a["kind"] == "figure"}
    for a in found:
        d = a.get("derivation") or {}
        if a["kind"] != "derived" or d.get("op") != "count":
            continue
        for c in base.fb.records("checks"):
            f = figures.get(c.get("expected") or "")
            if f and not c.get("note") and set(c.get("items") or ()) == set(d.get("inputs") or ()) \
                    and f["value"] == a["value"]:
                f["score"] = max(f["score"], round(a["score"] + TIE_EPSILON * 2, 2))


def rank(found: list[dict]) -> list[dict]:
    """Best first; the same answer text once (its best score); ties marked."""
    found.sort(key=lambda x: (-x["score"], KINDS.index(x["kind"]), x["answer"] or ""))
    out, seen = [], set()
    for ans in found:
        key = (ans["kind"] == "verdict", ans["answer"])
        if key in seen:
            continue
        seen.add(key)
        out.append({k: v for k, v in ans.items() if not k.startswith("_")})
    if len(out) > 1 and out[0]["score"] - out[1]["score"] < TIE_EPSILON:
        for ans in out:
            if out[0]["score"] - ans["score"] < TIE_EPSILON:
                ans["tie"] = True
    return out


def ask(reader, question: str, limit: int = 5) -> list[dict]:
    """The answers worth showing, best first; JzError (exit 1) with a hint when nothing answers."""
    q = question.strip()
    if not q:
        raise BadInput(_("empty question"))
    ranked = [x for x in answers(reader, q) if x["score"] >= MIN_SCORE + KIND_BONUS]
    if not ranked:
        raise NotFound(_("the article has nothing that answers {question!r}; {hint}").format(question=q[:40],
                                                                                           hint=_(HINT)))
    ties = sum(1 for x in ranked if x["tie"])
    return ranked[:max(limit, ties)]
