"""The index of facts: the fact base read once per process into what matching needs (names, keywords,
unit classes, bands, numbers that are not figures)."""

from __future__ import annotations

import re
from decimal import Decimal

from jzcli import names
from jzcli.check import vocab
from jzcli.check.derive import derived_values
from jzcli.check.periods import _month, fact_span
from jzcli.check.reading import (
    _QUOTE_MARKS,
    _TOKEN,
    MASK,
    MONEY,
    _bigrams,
    _read_numbers,
    band_of,
    unit_class,
)
from jzcli.check.scope import _list_members
from jzcli.factbase import FactBase
from jzcli.lazyre import lazy
from jzcli.text import canon as _canon

TYPE_CHECKING = False  # typing is not imported at start-up (~5 ms); type checkers read the block below
if TYPE_CHECKING:
    from jzcli.check.periods import Span
    from jzcli.check.reading import Figure
    from jzcli.check.scope import Scope

_YEAR_MONTH = lazy(r"(\d{4})-(\d\d)")
_NAME_PARTS = lazy(r"[\s“”‘’\"'·・,，、:：()（）]+")  # the words of a place's name


class _Lexicon:
    """A set of words found in a text at every position where one starts, overlaps included.

    The words are keyed by their first `head` characters (head: the length of the shortest word), each key
    with the lengths of the words that start with it: a text of n characters costs about n dict look-ups
    plus one per word length under a key that occurs, however many words there are."""

    __slots__ = ("words", "head", "lengths", "starts")

    def __init__(self, words) -> None:
        self.words = {w for w in words if w}
        self.head = min((len(w) for w in self.words), default=1)
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[:self.head], set()).add(len(w))
        self.lengths = {key: sorted(ls) for key, ls in lengths.items()}
        # the characters a word starts with: the scan visits only the positions that hold one (in C)
        self.starts = lazy("[" + "".join(sorted({re.escape(w[0]) for w in self.words})) + "]" if self.words else "(?!)")

    def find(self, text: str) -> list[tuple[int, str]]:
        """(start, word) of every occurrence of a word in text."""
        out = []
        head, lengths, words = self.head, self.lengths, self.words
        for m in self.starts.finditer(text, 0, len(text) - head + 1):
            i = m.start()
            ls = lengths.get(text[i:i + head])
            if ls is not None:
                for n in ls:
                    word = text[i:i + n]
                    if len(word) < n:
                        break
                    if word in words:
                        out.append((i, word))
        return out


class Fact:
    """A figure record with what matching needs, precomputed."""

    __slots__ = ("rec", "id", "unit", "unit_class", "value", "keywords", "refs", "_quote_grams", "span", "band",
                 "per", "past", "noun", "interval", "derived", "offices", "states", "_what_words")

    def __init__(self, rec: dict, id: str, unit: str, unit_class: str | None, value: Decimal, keywords: list[str],
                 refs: set, span: Span | None, band: tuple | None, per: str | None,
                 past: bool = False, noun: str = "") -> None:
        self.rec = rec
        self.id = id
        self.unit = unit
        self.unit_class = unit_class
        self.value = value
        self.keywords = keywords
        self.refs = refs
        self._quote_grams: set | None = None
        self.span = span
        self.band = band
        self.per = per
        self.past = past  # the article marks the figure as a past state (当时, 区划调整前)
        self.noun = noun  # what the article's wording counts: "36栋楼" → 楼, "20名城管队员" → 城管队员
        self._what_words: frozenset | None = None
        self.derived = bool(rec.get("derived"))  # computed by derive.py, with a formula and inputs
        self.interval = rec.get("interval")  # what the article allows, when a derived value is a range
        self.offices: set = set()  # the offices the fact is about (by reference or by a keyword naming one)
        self.states: set = set()  # the states of works its words name (开工, 完工, 交付 …: vocab.py)

    @property
    def what_words(self) -> frozenset:
        """The keywords that say what is measured, not only the counted noun (个社区 of 社区 does not)."""
        if self._what_words is None:
            self._what_words = frozenset(k for k in self.keywords if _bare(k) not in self.noun)
        return self._what_words

    @property
    def quote_grams(self) -> set:
        """The bigrams of the article's quote, computed when the fact is first scored."""
        if self._quote_grams is None:
            self._quote_grams = _bigrams(_canon(self.rec.get("quote", "")))
        return self._quote_grams

    def __repr__(self) -> str:
        return f"Fact({self.id!r})"


class Reader:
    """Everything the checker needs from the fact base, computed once per process."""

    def __init__(self, fb: FactBase) -> None:
        self.fb = fb
        # investment bands as the fact base defines them (meta.bands): band id -> (min, max) in 元
        self.bands = {b["band"]: (b.get("min"), b.get("max"))
                      for b in fb.meta.get("bands") or [] if isinstance(b, dict) and b.get("band")}
        self.figures = fb.records("figures")
        self.projects = list(fb.records("projects"))
        self.project_ids = {p["id"] for p in self.projects}
        self.pub_year = fb.source.get("publication_year")
        as_of = str(fb.source.get("as_of") or "")
        m = _YEAR_MONTH.match(as_of)
        self.as_of = _month(int(m.group(1)), int(m.group(2))) if m else (
            _month(self.pub_year, 12) if self.pub_year else None)
        # numbers that are not figures (58同城, 十九大, 10吨 threshold). One that reads like a count (两项) is
        # only hidden where the article's next word follows it (两项补贴, not 两项荣誉).
        plain, guarded = set(), {}
        for n in fb.meta.get("non_figures") or []:
            t = _canon(n.get("text"))
            if not t:
                continue
            m = _TOKEN.fullmatch(t)
            q = _canon(n.get("quote"))
            after = q[q.find(t) + len(t):].lstrip(_QUOTE_MARKS)[:2] if t in q else ""
            if m and m.group("unit") and not t[0].isdigit() and after:
                guarded.setdefault(t, set()).add(after)
            else:
                plain.add(t)
        self.non_figures = sorted(plain | set(guarded), key=lambda t: (-len(t), t))  # one order in every run
        self._guarded = guarded
        people = fb.records("people")
        named = list(fb.records("units")) + self.projects + people
        spell: list[tuple[str, dict]] = []
        for rec in named:
            for form in names.spellings(rec):
                if len(form) >= 2:
                    spell.append((form, rec))
        # places, brands and programmes are names too: 红动九州 is not 九州社区, 58同城 not a number
        self.place_unit: dict[str, str | None] = {}
        for rec in fb.records("places"):
            self.place_unit[rec["id"]] = rec.get("unit")
            for part in _NAME_PARTS.split(rec.get("name") or ""):
                form = names.fold(part)
                if len(form) >= 2:
                    spell.append((form, rec))
        spell.sort(key=lambda t: -len(t[0]))
        self.spellings = spell
        # named_spans: each spelling → (its rank in self.spellings, the record of its first listing), and the
        # spellings as a lexicon, so a sentence is read once instead of searched once per name
        self._name_rank: dict[str, tuple[int, dict]] = {}
        for rank, (form, rec) in enumerate(spell):
            self._name_rank.setdefault(form, (rank, rec))
        self._names = _Lexicon(self._name_rank)
        self.offices = {u["id"] for u in fb.records("units") if u.get("kind") in ("办事处", "筹建办")}
        self.broad = self.offices | {u["id"] for u in fb.records("units") if u.get("kind") == "乡"}
        self.vocab = vocab.load(fb)
        self.facts = [self._fact(f) for f in self.figures]
        # values the fact base implies (36 − 23 = 13栋 未交付, 6个社区 + 4个村 = 10个社区(村)), after the printed
        # ones so that a printed figure wins a tie
        self.derived = derived_values(fb)
        self.facts += [self._fact(d) for d in self.derived if d.get("value") is not None or d.get("interval")]
        office_names = {o: [form for form, rec in spell if rec["id"] == o] for o in self.offices}
        for f in self.facts:
            f.offices = (f.refs & self.offices) | {o for o, forms in office_names.items()
                                                    if any(form in k for form in forms for k in f.keywords)}
            f.states = self.vocab.states(" ".join([*f.keywords, f.rec.get("metric") or ""]))
        # candidates: positions in self.facts by unit class (money: 元 and 美元 together), by id of subject or
        # mention, and by keyword (with the keywords as a lexicon), and the facts with an investment band. A
        # fact can only score when it shares the figure's unit class and refers to a subject of the claim,
        # or (no subject named) has a keyword in the claim or a band the claim describes.
        self._facts_by_class: dict[str | None, set[int]] = {}
        self._facts_by_ref: dict[str, list[int]] = {}
        self._facts_by_keyword: dict[str, list[int]] = {}
        self._banded_facts: list[int] = []
        for i, f in enumerate(self.facts):
            self._facts_by_class.setdefault(f.unit_class, set()).add(i)
            for ref in f.refs:
                self._facts_by_ref.setdefault(ref, []).append(i)
            for word in f.keywords:
                self._facts_by_keyword.setdefault(word, []).append(i)
            if f.band is not None:
                self._banded_facts.append(i)
        self._money_facts = set().union(*(self._facts_by_class.get(unit_class(u), ()) for u in MONEY))
        self._keywords = _Lexicon(self._facts_by_keyword)
        # decide: the first fact (in fact-base order) of each unit class counting each noun of two or more
        # characters, and the lengths of those nouns: what else a number followed by such a noun could count
        self._first_by_noun: dict[tuple[str | None, str], tuple[int, Fact]] = {}
        for i, f in enumerate(self.facts):
            if len(f.noun) >= 2:
                self._first_by_noun.setdefault((f.unit_class, f.noun), (i, f))
        self._noun_lengths = sorted({len(noun) for _, noun in self._first_by_noun})
        self._names_cache: tuple = (None, ([], set()))
        self._keywords_cache: tuple = (None, frozenset())
        self._sentence_cache = None
        referenced = {r for f in self.facts for r in f.refs}
        # a person the article only quotes (刘全福 说) does not narrow a claim down
        self.silent_people = {p["id"] for p in people if p["id"] not in referenced}
        self._mask_re = lazy("|".join(re.escape(n) for n in self.non_figures) + r"|PM2\.5|PM10", re.I) \
            if self.non_figures else lazy(r"PM2\.5|PM10", re.I)

    def _fact(self, f: dict) -> Fact:
        unit = f.get("unit") or ""
        band = self.bands.get(f.get("band") or "")
        if band is None and f.get("band_range"):
            band = tuple(f["band_range"])
        if band is None and not f.get("derived"):
            band = self._band_from_text(f.get("metric") or "")
        per = f.get("per")
        noun = f.get("noun") or _counted_noun(f.get("noun_text") or f.get("text"))
        value = f["value"] if f.get("value") is not None else f["interval"][0]
        return Fact(rec=f, id=f["id"], unit=unit, unit_class=unit_class(unit), value=Decimal(str(value)),
                    keywords=_keyword_forms(f, noun), noun=noun,
                    past=bool(self.vocab.past.search(f.get("period_text") or "")),
                    refs={f.get("subject"), *(f.get("mentions") or [])} - {None},
                    span=fact_span(f.get("period"), self.as_of), band=band, per=per.split("·")[-1] if per else None)

    def _band_from_text(self, text: str):
        """A band written in a metric ("投资额1亿元到5亿元的…"), when the record has no `band`."""
        if "元" not in text:
            return None  # no amount of money (元, 美元) to read
        figs = [g for g in _read_numbers(text, text) if g.unit in MONEY]
        for g in figs:
            lo, hi = band_of(g)
            if g.high is not None or g.qualifier in ("以上", "以下"):
                return (None if lo is None else int(lo), None if hi is None else int(hi))
        return None

    def mask(self, text: str) -> str:
        """Numbers that are part of a name or a threshold (58同城, PM2.5, 10吨以下) are hidden."""
        def hide(m: re.Match) -> str:
            nexts = self._guarded.get(m.group())
            if nexts is not None and not text[m.end():].lstrip(_QUOTE_MARKS).startswith(tuple(nexts)):
                return m.group()
            return MASK * len(m.group())
        return self._mask_re.sub(hide, text)

    def named_at(self, text: str) -> list[tuple[int, dict]]:
        """(position, record) for every name in text; a name inside a longer name (九州 in 九州路办事处) does not count."""
        return [(p, r) for p, _, r in self.named_spans(text)]

    def named_spans(self, text: str) -> list[tuple[int, int, dict]]:
        """(start, end, record) for every name in text, in order."""
        folded = names.fold(text)
        if len(folded) != len(text):
            folded = text
        taken = [False] * len(folded)
        found: list[tuple[int, int, dict]] = []
        # every occurrence of every spelling, taken in the order of self.spellings (longest first), each
        # occurrence of one spelling from left to right, unless it overlaps one taken before
        hits = sorted((self._name_rank[form][0], start, form) for start, form in self._names.find(folded))
        for _, start, form in hits:
            end = start + len(form)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(form)
                found.append((start, end, self._name_rank[form][1]))
        found.sort(key=lambda t: t[0])
        return found

    def facts_for(self, fig: Figure, scope: Scope, banded: bool) -> list[Fact]:
        """The facts `candidates` has to look at, in fact-base order: those of the figure's unit class that
        refer to a subject of the claim or, when the claim names none, that have a keyword in the claim (or
        a band, when `banded`: the claim describes one). Any other fact would not score."""
        picked: set[int] = set()
        if scope.specific:
            for ref in scope.specific:
                picked.update(self._facts_by_ref.get(ref, ()))
        else:
            for word in self.keywords_in(scope.context):
                picked.update(self._facts_by_keyword[word])
            if banded:
                picked.update(self._banded_facts)
        if fig.unit is not None:
            picked &= self._money_facts if fig.unit in MONEY else self._facts_by_class.get(unit_class(fig.unit), set())
        return [self.facts[i] for i in sorted(picked)]

    def covers(self, refs: set, units: set) -> bool:
        """A place or project among `refs` that lies in one of `units` (天赉渠 → 大寨店)."""
        for ref in refs:
            rec = self.fb.get(ref) or {}
            if rec.get("unit") in units or rec.get("parent") in units:
                return True
        return False

    def keywords_in(self, text: str) -> frozenset:
        """The facts' keywords that occur in text (the last text's kept: the figures of one clause share a
        context). A keyword not in a figure's context weighs 0 (Scope.weight), so candidates skips it."""
        cached = self._keywords_cache
        if cached[0] != text:
            cached = self._keywords_cache = (text, frozenset(w for _, w in self._keywords.find(text)))
        return cached[1]

    def other_noun(self, fact: Fact, said: str, at: int) -> Fact | None:
        """The first fact (in fact-base order) of `fact`'s unit class whose counted noun, of two characters
        or more and not `fact`'s, is written at said[at:]."""
        best = None
        for n in self._noun_lengths:
            word = said[at:at + n]
            if len(word) < n:
                break
            got = self._first_by_noun.get((fact.unit_class, word)) if word != fact.noun else None
            if got is not None and (best is None or got[0] < best[0]):
                best = got
        return best[1] if best is not None else None

    def sentence(self, text: str, figs: list):
        """The Sentence of `text` (cached for the sentence's other figures)."""
        cached = self._sentence_cache
        if cached is not None and cached.text == text and cached.figs_id == id(figs):
            return cached
        from jzcli.check.scope import Sentence

        spans, members = self.names_of(text)
        sent = Sentence(text, figs, spans, members)
        sent.figs_id = id(figs)
        self._sentence_cache = sent
        return sent

    def names_of(self, text: str) -> tuple[list, set]:
        """named_spans of a whole sentence and its list members, kept for the sentence's other figures."""
        if self._names_cache[0] != text:
            spans = self.named_spans(text)
            self._names_cache = (text, (spans, _list_members(text, spans)))
        return self._names_cache[1]

    def named(self, text: str) -> list[dict]:
        out: list[dict] = []
        for _, rec in self.named_at(text):
            if rec not in out:
                out.append(rec)
        return out


# counting units that start a curated keyword ("个村", "名村民"); not 项 (项目), 人 (人口), 年 (年龄) ...
_CLASSIFIERS = ("个", "名", "栋", "套", "座", "辆")


def _keyword_forms(f: dict, noun: str) -> list[str]:
    """A fact's keywords, plus each without a leading counting unit or trailing 的 ("个村" → 村), plus the
    noun the article's wording counts (`noun`: _counted_noun of its text). Longest first."""
    forms: set[str] = set()
    for raw in [*(f.get("keywords") or []), noun]:
        k = _canon(raw)
        if k:
            bare = _bare(k)
            forms.update((k, bare[:-1] if bare.endswith("的") and len(bare) > 1 else bare))
    return sorted(forms, key=len, reverse=True)


_CLASSIFIER_STARTS = frozenset(c[0] for c in _CLASSIFIERS)


def _bare(word: str) -> str:
    """A keyword without a leading counting unit: 个社区 → 社区."""
    if word[:1] not in _CLASSIFIER_STARTS:
        return word
    for c in _CLASSIFIERS:
        if word.startswith(c) and len(word) > len(c):
            return word[len(c):]
    return word


def _counted_noun(text: str | None) -> str:
    """The words after the number and unit of the article's wording: "3000多名村民" → 村民."""
    t = _canon(text)
    m = _TOKEN.search(t)
    if not m or not m.group("unit") and not m.group("pct"):
        return ""
    return t[m.end():].rstrip("等")
