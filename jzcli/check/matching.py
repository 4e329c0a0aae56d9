"""Finding candidate facts for a figure of a claim, and sharing the facts out among the figures of one sentence."""

from __future__ import annotations

from jzcli.check import weights as W
from jzcli.check.periods import Span, _cap, _month, claim_span
from jzcli.check.reading import (
    _bigrams,
    _rate_of,
    _same_band,
    band_of,
    units_compatible,
)
from jzcli.check.scope import Scope, make_scope
from jzcli.lazyre import lazy

TYPE_CHECKING = False  # typing is not imported at start-up (~5 ms); type checkers read the block below
if TYPE_CHECKING:
    from jzcli.check.index import Fact, Reader
    from jzcli.check.reading import Figure

def candidates(reader: Reader, fig: Figure, scope: Scope, descriptors: list[Figure]) -> list[tuple[float, Fact]]:
    specific = scope.specific
    clause_grams = _bigrams(scope.clause)
    desc_bands = _joined_bands(scope.text, descriptors)
    present = reader.keywords_in(scope.context)
    scored = []
    for f in reader.facts_for(fig, scope, bool(desc_bands)):
        if not units_compatible(fig.unit, f.unit):
            continue
        if specific and not (f.refs & specific):
            continue
        if not specific and scope.broad and not (f.offices & scope.broad):
            continue  # the claim is about an office; this fact is about something the office does not name
        needs = f.rec.get("needs")
        if needs and not any(w in scope.context for w in needs):
            continue  # a derived value that answers only a claim with one of these words (省级 …)
        needs = f.rec.get("needs_clause")
        if needs and not any(w in scope.clause for w in needs):
            continue  # … said on the figure's own side of its clause (尚差9.04亿元, not 全年19亿元 … 尚差)
        kw = what = own = 0.0
        hits: list[tuple[str, float]] = []
        # longest first; a word inside a word already counted is not counted again; a word not in the
        # figure's context weighs 0
        for k in [k for k in f.keywords if k in present]:
            w = scope.weight(k, f.unit)
            if w and not any(k in h and hw >= w for h, hw in hits):
                hits.append((k, w))
                size = len(k) if w == W.IN_CLAUSE else min(len(k), W.EARLIER_WORD_MAX)
                kw += w * size
                if k in f.what_words:
                    what += w * size
                    own += len(k) if w == W.IN_CLAUSE else 0
        if f.noun and scope.text.startswith(f.noun, fig.end):
            kw += W.COUNTED_NOUN_BONUS  # "6个社区": the claim counts what the article counts
        if f.band is not None and desc_bands:
            if any(_same_band(b, f.band) for b in desc_bands):
                kw += W.SAME_BAND_BONUS  # "投资额1亿至5亿元的项目": the band says what is counted
                what += W.SAME_BAND_BONUS
                own += W.SAME_BAND_BONUS
            else:
                continue
        elif f.band is not None and not desc_bands and f.band != (None, None):  # (None, None): every band
            kw -= W.UNNAMED_BAND_PENALTY  # a count of projects in one band: the claim must name the band
        if (what < W.MIN_SCORE or (not own and what < W.MIN_SCORE_FROM_ELSEWHERE)) \
                and not (specific and fig.unit in W.SELF_DESCRIBING_UNITS):
            # only the counted noun (社区, 楼) or words of another clause match: the claim's clause does not
            # say what is measured
            continue
        if specific and fig.unit in W.SELF_DESCRIBING_UNITS and fig.unit == f.unit:
            kw += W.SELF_DESCRIBING_UNITS[fig.unit]
        if kw < W.MIN_SCORE:
            continue
        score = kw + (W.NEAR_SUBJECT_BONUS if f.refs & scope.near else W.SUBJECT_BONUS if f.refs & specific else 0) \
            + len(clause_grams & f.quote_grams) * W.BIGRAM_WEIGHT
        scored.append((score, f))
    scored.sort(key=lambda t: -t[0])
    return scored


_BAND_JOIN = lazy(r"[和及与、]|以及")


def _joined_bands(text: str, descriptors: list[Figure]) -> list[tuple]:
    """The bands the claim describes; adjacent bands joined by 和 / 及 / 、 ("5亿元到10亿元和10亿元以上两档")
    are one run of bands (5亿元以上)."""
    out: list[tuple] = []
    prev = None
    for d in sorted(descriptors, key=lambda d: d.start):
        lo, hi = band_of(d)
        if prev is not None and out and _BAND_JOIN.fullmatch(text[prev.end:d.start]) and out[-1][1] == lo:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
        prev = d
    return out


class Match:
    """A claim figure with its scope, period and candidate facts (best first), before the verdict."""

    __slots__ = ("fig", "scope", "span", "project", "scored", "projects")

    def __init__(self, fig: Figure, scope: Scope, span: Span | None, project: dict | None = None,
                 scored: list | None = None, projects: list | None = None) -> None:
        self.fig = fig
        self.scope = scope
        self.span = span
        self.project = project
        self.scored = [] if scored is None else scored
        self.projects = [] if projects is None else projects  # every project named with it (for a sum)


_TARGET = lazy(r"全年(?:目标|任务|计划)(?:为|是|达到|达|约|共|的|:)*$")  # not 全年目标还差9.04亿元: what is left


def match_figure(reader: Reader, text: str, fig: Figure, all_figs: list[Figure]) -> Match:
    scope = make_scope(reader, text, fig, all_figs)
    fig.rate = _rate_of(text, scope.left, fig)
    # the period nearest the figure: its clause's, else the sentence's (whose year the clause inherits)
    span = claim_span(scope.context, reader.pub_year, reader.as_of, present=reader.vocab.present)
    own = claim_span(scope.text[scope.left:scope.hi], reader.pub_year, reader.as_of,
                     default_year=span.start // 12 if span is not None else None, present=reader.vocab.present)
    span = own or span
    target = fig.unit not in ("%", None) and bool(_TARGET.search(text[scope.left:fig.start]) or (
        text.endswith("全年", scope.left, fig.start) and text.startswith(("目标", "任务", "计划"), fig.end)))
    if target:
        # 全年目标19亿元: a yearly target, whatever period the sentence is about
        y = span.start // 12 if span is not None else reader.pub_year
        if y is not None:
            span = Span(_month(y, 1), _cap(_month(y, 12), reader.as_of))
    if fig.is_money or fig.unit is None:
        in_clause = [r for r in reader.named(scope.clause) if r["id"] in reader.project_ids]
        if in_clause and (fig.is_money or fig.value >= 10**4):
            return Match(fig, scope, span, project=in_clause[-1], projects=in_clause)
    descriptors = [f for f in all_figs if f.descriptor and f is not fig]
    scored = candidates(reader, fig, scope, descriptors)
    targets = {f.id for _, f in scored if f.rec.get("status") == "target" and _names_what(f, scope.context)}
    if target and targets:
        # 项目建设…全年19亿元目标: a target, and the claim names what it is a target of (or what is left of it)
        scored = [(s, f) for s, f in scored if f.id in targets
                  or (f.derived and any(i.get("id") in targets for i in f.rec.get("inputs") or []))]
    if not scored and fig.is_money:
        earlier = [r for r in reader.named(scope.context) if r["id"] in reader.project_ids]
        if earlier:
            return Match(fig, scope, span, project=earlier[-1], projects=earlier)
    return Match(fig, scope, span, scored=scored)


def _names_what(f: Fact, context: str) -> bool:
    """Does the claim name what a target is for (项目建设), beyond the word target itself (全年目标)?"""
    return any(k in context for k in f.keywords if "目标" not in k and len(k) >= 2)


def assign(matches: list[Match], depth: int = W.ASSIGN_DEPTH) -> None:
    """One fact is the meaning of one figure of a sentence: the figures share the facts out so that the
    total score is highest ("财税收入4.3亿元、固定资产投资86亿元": 86亿元 is not the 财税收入). A fact
    given to another figure is dropped from a figure's candidates."""
    ms = [m for m in matches if m.scored]
    if len(ms) < 2:
        return
    options = [[f for _, f in m.scored[:depth]] for m in ms]
    scores = [{f.id: s for s, f in m.scored[:depth]} for m in ms]
    best_total, best_pick = -1.0, None
    if len(ms) <= W.ASSIGN_EXHAUSTIVE_MAX:
        def walk(i: int, used: set, total: float, pick: list):
            nonlocal best_total, best_pick
            if i == len(ms):
                if total > best_total:
                    best_total, best_pick = total, list(pick)
                return
            for f in options[i]:
                if f.id not in used:
                    walk(i + 1, used | {f.id}, total + scores[i][f.id], pick + [f.id])
            walk(i + 1, used, total, pick + [None])
        walk(0, set(), 0.0, [])
    else:  # greedy, in order
        used: set = set()
        best_pick = []
        for opts in options:
            f = next((f for f in opts if f.id not in used), None)
            best_pick.append(f.id if f else None)
            if f:
                used.add(f.id)
    taken = {fid: i for i, fid in enumerate(best_pick) if fid is not None}
    for i, m in enumerate(ms):
        m.scored = [(s, f) for s, f in m.scored if taken.get(f.id, i) == i]
