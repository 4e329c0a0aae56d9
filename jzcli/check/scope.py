"""Clause scoping: which words and which named subjects belong to a figure of a claim."""

from __future__ import annotations

import bisect

from jzcli.check import weights as W
from jzcli.check.reading import _CLAUSE_BREAK, MASK, unit_class, units_compatible
from jzcli.lazyre import lazy

TYPE_CHECKING = False  # typing is not imported at start-up (~5 ms); type checkers read the block below
if TYPE_CHECKING:
    from jzcli.check.index import Reader
    from jzcli.check.reading import Figure

class Scope:
    """The words a claim figure is read with."""

    __slots__ = ("text", "lo", "hi", "left", "fig", "mine", "clause", "specific", "near", "broad", "_rival_cache",
                 "_weight_cache")

    def __init__(self, text: str, left: int, fig: Figure, mine: list, clause: str, specific: set,
                 near: set | None = None) -> None:
        self.text = text  # the canonical sentence; the figure reads text[lo:hi] only
        self.lo = 0  # where its context starts: CONTEXT_CLAUSES clauses before its own
        self.hi = len(text)  # the end of its clause
        self.left = left  # the figure's clause is text[left:]
        self.fig = fig
        self.mine = mine  # the figures of the clause, in order (band descriptors left out)
        self.clause = clause  # the clause, other figures' words masked (for bigrams)
        self.specific = specific  # ids of the subjects the figure is about (never the office itself)
        self.near = set() if near is None else near  # the subjects named on this figure's side of the clause
        self.broad: set = set()  # the offices the sentence names (九州路办事处, 泰山路办事处筹建办)
        self._rival_cache: dict = {}
        self._weight_cache: dict = {}  # (word, unit class) → weight: many facts share their keywords

    def weight(self, word: str, unit: str | None = None) -> float:
        """1 when the word is about this figure (its clause, its side), 0.5 earlier in the sentence, else 0.

        Only figures that could be a fact in `unit` compete for words: in "两年多来财税收入累计4.3亿元"
        the years do not take 财税收入 from the amount."""
        key = (word, unit_class(unit) if unit is not None else None)  # as _rivals: the unit class decides
        got = self._weight_cache.get(key)
        if got is None:
            got = self._weight_cache[key] = self._weight(word, unit)
        return got

    def _weight(self, word: str, unit: str | None) -> float:
        text, left, lo_ctx, hi_ctx = self.text, self.left, self.lo, self.hi
        if text.find(word, left, hi_ctx) == -1:
            return W.EARLIER_IN_SENTENCE if text.find(word, lo_ctx, left) != -1 else 0.0
        rivals, idx = self._rivals(unit)
        if len(rivals) < 2:
            return W.IN_CLAUSE
        if text.find(word, left, rivals[0].start) != -1 or text.find(word, rivals[-1].end, hi_ctx) != -1:
            return W.IN_CLAUSE  # before the first or after the last figure: shared
        # between the figure before and the one after this one: the nearer figure's
        lo = rivals[idx - 1].start if idx > 0 else left
        hi = rivals[idx + 1].end if idx + 1 < len(rivals) else hi_ctx
        start = text.find(word, lo, hi)
        while start != -1:
            if self._owner(start, start + len(word), rivals) in (None, self.fig):
                return W.IN_CLAUSE
            start = text.find(word, start + 1, hi)
        return W.EARLIER_IN_SENTENCE if text.find(word, lo_ctx, left) != -1 else 0.0

    @property
    def context(self) -> str:
        """The words the figure is read with: its clause and the clauses before it, up to CONTEXT_CLAUSES."""
        return self.text[self.lo:self.hi]

    def _rivals(self, unit: str | None) -> tuple[list, int]:
        key = unit_class(unit) if unit is not None else None
        got = self._rival_cache.get(key)
        if got is None:
            rivals = self.mine if key is None else [g for g in self.mine if g is self.fig or units_compatible(g.unit, unit)]
            got = (rivals, next((i for i, g in enumerate(rivals) if g is self.fig), 0))
            self._rival_cache[key] = got
        return got

    def _owner(self, s: int, e: int, mine: list | None = None) -> Figure | None:
        """The figure a word of the clause belongs to (None: shared, before the first or after the last)."""
        mine = self.mine if mine is None else mine
        if len(mine) < 2 or e <= mine[0].start:
            return None
        lo, hi = 0, len(mine)  # the first figure that starts after s
        while lo < hi:
            mid = (lo + hi) // 2
            if mine[mid].start <= s:
                lo = mid + 1
            else:
                hi = mid
        if lo == 0:
            return mine[0]
        if lo == len(mine):
            return None  # after the last figure: the predicate of all ("…分别签订了廉政承诺书")
        a, b = mine[lo - 1], mine[lo]
        return a if (s - a.end) <= (b.start - e) else b

    def own_clause(self, right: int) -> str:
        """The clause with the other figures' parts masked."""
        mine, text, left = self.mine, self.text, self.left
        if len(mine) < 2:
            return text[left:right]
        idx = mine.index(self.fig)
        lo = left if idx == 0 else (mine[idx - 1].end + self.fig.start - 1) // 2 + 1
        hi = right if idx == len(mine) - 1 else (mine[idx + 1].start + self.fig.end - 1) // 2 + 1
        out, pos = [], left
        for a, b in sorted(((left, mine[0].start), (lo, hi), (mine[-1].end, right))):
            a, b = max(a, pos), min(b, right)
            if b > a:
                out += [MASK * (a - pos), text[a:b]]
                pos = b
        out.append(MASK * (right - pos))
        return "".join(out)


_LIST_JOIN = "、和及与"
_LIST_SUFFIX = lazy(r"(?:社区|村|小区|项目)?(?:\(二期\))?")


class Sentence:
    """What every figure of one sentence looks up, computed once: its clause breaks, its figures in order,
    the names in it. Each look-up is a binary search, so a sentence with n figures is read in about n log n."""

    __slots__ = ("text", "breaks", "figs", "starts", "spans", "span_starts", "members", "figs_id")

    def __init__(self, text: str, figs: list, spans: list, members: set) -> None:
        self.text = text
        self.breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        self.figs = sorted((g for g in figs if not g.descriptor), key=lambda g: g.start)
        self.starts = [g.start for g in self.figs]
        self.spans = spans
        self.span_starts = [s for s, _, _ in spans]
        self.members = members
        self.figs_id = 0

    def clause_of(self, start: int, end: int) -> tuple[int, int]:
        """(left, right) of the clause around text[start:end]: as _clause_bounds."""
        i = bisect.bisect_left(self.breaks, start)
        left = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.breaks, end)
        right = self.breaks[j] if j < len(self.breaks) else len(self.text)
        return left, right

    def context_start(self, start: int) -> int:
        """The start of the clause CONTEXT_CLAUSES clauses before the one at `start`."""
        i = bisect.bisect_left(self.breaks, start) - W.CONTEXT_CLAUSES
        return self.breaks[i - 1] + 1 if i > 0 else 0

    def figures_around(self, fig, left: int, right: int) -> tuple[list, int, int]:
        """The figures of the clause [left, right) that `fig` is read with, and the part of the clause they
        stand in: the whole clause, or, in a clause of more than 2 × CLAUSE_NEIGHBOURS + 1 figures, the
        CLAUSE_NEIGHBOURS figures on either side of `fig` and the words between them."""
        i = bisect.bisect_left(self.starts, left)
        j = bisect.bisect_left(self.starts, right)
        k = bisect.bisect_left(self.starts, fig.start)
        a, b = max(i, k - W.CLAUSE_NEIGHBOURS), min(j, k + W.CLAUSE_NEIGHBOURS + 1)
        wl = left if a == i else self.figs[a - 1].end
        wr = right if b == j else self.figs[b].start
        return [g for g in self.figs[a:b] if g.end <= wr], wl, wr

    def names_in(self, lo: int, hi: int) -> list:
        """The names that start at lo or later and end by hi."""
        i = bisect.bisect_left(self.span_starts, lo)
        out = []
        while i < len(self.spans) and self.spans[i][0] < hi:
            if self.spans[i][1] <= hi:
                out.append(self.spans[i])
            i += 1
        return out


def _list_members(text: str, spans: list[tuple[int, int, dict]]) -> set[int]:
    """Start positions of names that are items of a list ("福田、广场等8个社区", "大寨店、西郭庄3个村"):
    the things counted, not the subject of the figure."""
    members: set[int] = set()
    for i, (p, e, _r) in enumerate(spans):
        after = _LIST_SUFFIX.match(text, e).end()
        nxt = text[after:after + 1]
        prev = text[p - 1:p] if p > 0 else ""
        joined_next = nxt in _LIST_JOIN and i + 1 < len(spans) and spans[i + 1][0] == after + 1
        joined_prev = prev in _LIST_JOIN and i > 0 and _LIST_SUFFIX.match(text, spans[i - 1][1]).end() == p - 1
        if joined_next or joined_prev or text.startswith("等", after):
            members.add(p)
    return members


def make_scope(reader: Reader, text: str, fig: Figure, figs: list[Figure]) -> Scope:
    """The figure's clause and subject. Between two figures of one clause a word belongs to the nearer one
    (a tie to the earlier: the noun after a counting unit is what it counts); words before the first and
    after the last figure are shared (subject, predicate), and `assign` shares the facts out."""
    sent = reader.sentence(text, figs)
    left, right = sent.clause_of(fig.start, fig.end)
    lo = sent.context_start(fig.start)
    mine, wl, wr = sent.figures_around(fig, left, right)
    if (wl, wr) != (left, right):  # a clause of very many figures: read this one with its neighbours only
        left, right = wl, wr
        lo = max(lo, left - W.CONTEXT_CHARS)
    scope = Scope(text, left, fig, mine, "", set())
    scope.lo, scope.hi = lo, right
    scope.clause = scope.own_clause(right)
    members = sent.members
    spans = sent.names_in(lo, right)
    named = []
    for p, _e, r in spans:
        if r["id"] in reader.silent_people or p in members:
            continue
        if r["id"] in reader.place_unit:  # a place stands for the unit it is in, if any
            unit = reader.place_unit[r["id"]]
            r = reader.fb.get(unit) if unit else None
            if r is None:
                continue
        named.append((p, r))
    in_clause = {r["id"] for p, r in named if p >= left and r["id"] not in reader.broad}
    scope.broad = {r["id"] for p, r in named if r["id"] in reader.offices}
    if in_clause:
        # every subject of the clause may be this figure's; those on its side of the clause count more
        scope.specific = in_clause
        scope.near = {r["id"] for p, r in named if p >= left and r["id"] not in reader.broad
                      and scope._owner(p, p + 1) in (None, fig)}
    else:
        before = [(p, r) for p, r in named if p < left and r["id"] not in reader.broad]
        if before:
            # the nearest clause before this one that names a subject
            last_clause = sent.clause_of(before[-1][0], before[-1][0])[0]
            scope.specific = {r["id"] for p, r in before if p >= last_clause}
            scope.near = scope.specific
    return scope
