"""The one text normaliser: every comparison of two texts goes through one of these forms.

    squash  white space removed (how a quote is found in the article: layout breaks split words)
    nfkc    full-width digits and punctuation to ASCII (NFKC), surrounding white space removed
    canon   nfkc with all white space removed (how the checker compares a claim with a fact)
    fold    canon, lower-cased (how a typed name is compared with a record's name)
"""

from __future__ import annotations

import unicodedata


def squash(text: str) -> str:
    """All white space removed; nothing else changed."""
    return "".join(text.split())


def nfkc(text: str) -> str:
    """Full-width to ASCII (NFKC), surrounding white space removed."""
    if text.isascii():  # NFKC leaves ASCII as it is (pinyin, ids, most options): skip it
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def canon(text: str | None) -> str:
    """NFKC and no white space: the one form every claim and fact text is compared in ("" for None)."""
    return squash(nfkc(text)) if text else ""


def fold(text: str) -> str:
    """Case, width and white space folded: what two spellings of one name have in common."""
    return canon(text).lower()
