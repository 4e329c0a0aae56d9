"""A decimal as people write it: the one formatter that amounts (5亿元) and the cross-checks' arithmetic
(9.96 / 19 = 52.42%) share. Its own module: `audit --json` needs it without the number parser (jzcli.amounts,
~5 ms to import)."""

from __future__ import annotations

from decimal import Decimal


def plain_number(v: Decimal) -> str:
    """A decimal as written, without exponent or trailing zeros: 9.96, 1900000000, 52."""
    text = format(v.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
