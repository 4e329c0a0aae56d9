"""The checker's vocabulary, read from the fact base's `vocabulary` table (curation/vocabulary.yaml).

Terms of kind `state` (开工, 主体封顶, 完工, 交付 …) are never one another; `past`, `present` and `plan` say when a
claim or a figure is; `level` is the body behind an honour. No word list lives in code: a fact base without the
table gives an empty vocabulary (no state is told apart, no "when" word is read).
"""

from __future__ import annotations

import re

from jzcli.lazyre import lazy

_NOTHING = lazy(r"(?!)")  # matches nothing


def _alternation(entries: list[dict], kind: str) -> lazy:
    words = sorted({w for e in entries if e.get("kind") == kind for w in e.get("words") or [] if w},
                   key=lambda w: (-len(w), w))  # longest first; one order in every run (the pattern's text is
    # the key of its compiled form, jzcli/lazyre.py)
    return lazy("|".join(re.escape(w) for w in words)) if words else _NOTHING


class Vocabulary:
    """The terms of a fact base: `states(text)` gives the state terms a text names; `past`, `present` and
    `plan` are regexes of the words that say when."""

    __slots__ = ("entries", "state_re", "term_of", "level_of", "past", "present", "plan", "role")

    def __init__(self, entries: list[dict]) -> None:
        self.entries = entries
        self.state_re = _alternation(entries, "state")
        self.term_of = {w: e["term"] for e in entries if e.get("kind") == "state" for w in e.get("words") or []}
        self.level_of = {w: e["term"] for e in entries if e.get("kind") == "level" for w in e.get("words") or []}
        self.past = _alternation(entries, "past")
        self.present = _alternation(entries, "present")
        self.plan = _alternation(entries, "plan")
        self.role = _alternation(entries, "role")

    def states(self, text: str) -> set[str]:
        return {self.term_of[m.group()] for m in self.state_re.finditer(text)}

    def words(self, kind: str, term: str | None = None) -> list[str]:
        return [w for e in self.entries if e.get("kind") == kind and (term is None or e.get("term") == term)
                for w in e.get("words") or []]


def load(fb) -> Vocabulary:
    """The vocabulary of a fact base (cached on it)."""
    got = getattr(fb, "_vocabulary", None)
    if got is None:
        got = Vocabulary(list(fb.records("vocabulary")) if fb is not None else [])
        try:
            fb._vocabulary = got
        except AttributeError:
            pass
    return got
