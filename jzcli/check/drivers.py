"""Drivers: a claim, a sentence, a draft. (Questions: jzcli/ask/.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jzcli.check import operators as op
from jzcli.check.index import Reader
from jzcli.check.matching import assign, match_figure
from jzcli.check.reading import (
    NUMERAL_FORMS,
    _bigrams,
    read_figures,
)
from jzcli.check.relations import check_relations
from jzcli.check.statements import check_statements, speaks_of_something
from jzcli.check.verdict import SUPPORTED, UNKNOWN, Result, decide, evidence
from jzcli.errors import BadInput
from jzcli.i18n import _
from jzcli.lazyre import lazy
from jzcli.text import canon as _canon


def canon_map(text: str) -> tuple[str, list[int]]:
    """The canonical form of a text (what the checker reads) and, for each of its characters, the offset of
    the character of `text` it comes from, plus len(text) at the end."""
    whole = _canon(text)
    if len(whole) == len(text):  # nothing removed or expanded (the usual case): offsets are the same
        return _numerals(whole), [*range(len(text)), len(text)]
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        c = _canon(ch)
        out.append(c)
        where.extend([i] * len(c))
    canon = "".join(out)
    if canon != _canon(text):  # a sequence NFKC reads as a whole: offsets are approximate
        canon = _canon(text)
        where = (where + [len(text)] * len(canon))[:len(canon)]
    where.append(len(text))
    return _numerals(canon), where


_OLD_NUMERALS = lazy("[" + "".join(chr(c) for c in NUMERAL_FORMS) + "]")


def _numerals(text: str) -> str:
    """Traditional and financial numerals as plain ones (str.translate looks up every character: only a
    text that has one is translated)."""
    return text.translate(NUMERAL_FORMS) if _OLD_NUMERALS.search(text) else text


def check_sentence(reader: Reader, sentence: str, claim: str | None = None, offset: int = 0) -> list[Result]:
    """Every checkable item of one sentence: figures (with what the fact base derives), dates, titles,
    designations, offices, roles. Empty when it has none. Offsets are in `sentence` (+ `offset`)."""
    canon, where = canon_map(sentence)
    figs = read_figures(canon, reader)
    related, used = check_relations(reader, canon, figs)  # A是B的N倍, A比B多N …: their figures are settled there
    matches = [match_figure(reader, canon, f, figs) for f in figs if not f.descriptor and id(f) not in used]
    assign(matches)
    claim = sentence.strip() if claim is None else claim
    results = [decide(reader, m, claim) for m in matches]
    for r in related:
        r.claim = claim
    results += related
    _parts_of_groups(canon, results)
    taken = [(f.start, f.end) for f in figs]
    for r in check_statements(reader, canon, taken):
        r.claim = claim
        results.append(r)
    for r in results:
        if r.start is not None:
            r.start, r.end = where[r.start] + offset, where[max(r.end - 1, r.start)] + 1 + offset
    results.sort(key=lambda r: (r.start if r.start is not None else -1))
    return results


def _parts_of_groups(canon: str, results: list[Result]) -> None:
    """"3个社区中,有2个…": a figure that counts part of a group the claim names is settled only when the group
    is the article's (its figure supported) and the part's fact is computed from that group's fact."""
    by_start = {r.figure.start: r for r in results if r.figure is not None}
    for r in results:
        if r.verdict == UNKNOWN or r.figure is None:
            continue
        g = op.GROUP.search(canon[max(0, r.figure.start - 24):r.figure.start])
        if g is None:
            continue
        group = by_start.get(max(0, r.figure.start - 24) + g.start("n"))
        whole = group.evidence[0]["id"] if group is not None and group.verdict == SUPPORTED and group.evidence else None
        fact = r.evidence[0] if r.evidence else {}
        inputs = {i["id"] for i in (fact.get("derivation") or {}).get("inputs") or []}
        if whole is None or (whole not in inputs and fact.get("id") != whole):
            r.verdict, r.reason = UNKNOWN, f"the claim counts part of a group ({g.group()}) the article does not " \
                                           f"give as such; {r.reason}"


def check_claim(reader: Reader, text: str) -> list[Result]:
    """Every checkable item of one claim. BadInput only when the claim holds nothing the article speaks of
    (no number, date, title, name or state); a claim that names something but makes no checkable statement
    is "unknown", with the nearest facts."""
    if not text.strip():
        raise BadInput(_("empty claim"))
    results = check_sentence(reader, text)
    if not results:
        near = nearest(reader, text)
        if not near or not speaks_of_something(reader, canon_map(text)[0]):
            shown = text.strip()[:40]
            raise BadInput(_("nothing to check in {text!r}: a claim needs a figure, a date, a title or a name "
                             "the article speaks of (36栋, 1999年7月, 生态型社区)").format(text=shown))
        results = [Result(text.strip(), None, UNKNOWN, "the claim makes no statement the checker can settle; "
                          "the nearest facts are listed", near, kind="statement")]
    return results


def nearest(reader: Reader, text: str, limit: int = 3) -> list[dict]:
    """The facts nearest a text: those about the subjects it names, ranked by the words they share with it."""
    canon, _ = canon_map(text)
    named = {r["id"] for r in reader.named(canon)}
    grams = _bigrams(canon)
    specific = named - reader.broad
    states = reader.vocab.states(canon)
    scored = []
    for f in reader.facts:
        if f.derived:
            continue
        if specific and not (f.refs & specific):
            continue
        kw = sum(len(k) for k in f.keywords if len(k) >= 2 and k in canon)
        score = kw + 2 * len(f.states & states) + (2 if f.refs & named else 0) + 0.1 * len(grams & f.quote_grams)
        if kw or (f.refs & specific):
            scored.append((score, f))
    scored.sort(key=lambda t: -t[0])
    out = [evidence(f) for _, f in scored[:limit]]
    for rec in reader.named(canon):  # the records the claim names, when no figure is near
        if len(out) >= limit:
            break
        out.append({"id": rec["id"], "quote": rec.get("quote", ""), "value": None, "unit": None,
                    "text": rec.get("name") or rec.get("title"), "qualifier": None, "period": None})
    return out


_SENTENCE = lazy(r"[^。！？!?\n]+[。！？!?]?")
MAX_SENTENCE = 2000  # characters checked as one sentence; a longer run is cut at its clause marks
_CLAUSE_CUT = lazy(rf"[^，,；;：:]{{1,{MAX_SENTENCE}}}[，,；;：:]?")


def sentence_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset in text, sentence) for every sentence of a text, white space around it left out: the one
    splitter of drafts (check_draft here, `check --file` in draftview.py). A run of more than MAX_SENTENCE
    characters without an end mark is cut at its clause marks, so that its work stays bounded."""
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        if len(stripped) <= MAX_SENTENCE:
            yield start, stripped
            continue
        for piece in _CLAUSE_CUT.finditer(stripped):
            if piece.group().strip():
                yield start + piece.start(), piece.group()


def sentences(draft: str) -> list[str]:
    return [s for _, s in sentence_spans(draft)]


def check_draft(reader: Reader, draft: str) -> list[Result]:
    """Every checkable item of a draft, with its offsets in the draft and its line and column (1-based)."""
    results: list[Result] = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", draft)]
    for offset, sentence in sentence_spans(draft):
        results.extend(check_sentence(reader, sentence, offset=offset))
    import bisect
    for r in results:
        if r.start is not None:
            i = bisect.bisect_right(line_starts, r.start) - 1
            r.line, r.column = i + 1, r.start - line_starts[i] + 1
    return results
