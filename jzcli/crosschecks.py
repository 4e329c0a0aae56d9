"""Evaluating the cross-checks stored in the fact base (data referencing figure ids, not code)."""

from __future__ import annotations

from decimal import Decimal

from jzcli.factbase import FactBase
from jzcli.i18n import N_
from jzcli.numtext import plain_number


class _Unusable(Exception):
    """A check that cannot be computed: the message says why."""


def _value(fb: FactBase, fid: object) -> Decimal:
    """A figure's value, exactly (through its decimal text: 9.96 is 9.96, not 9.9600000000000008527)."""
    rec = fb.get(fid) if isinstance(fid, str) else None
    if rec is None or "value" not in rec:
        raise _Unusable(f"reference {fid!r} does not resolve to a figure")
    if rec["value"].__class__ not in (int, float):
        raise _Unusable(f"figure {fid!r} has no numeric value")
    return Decimal(str(rec["value"]))


def _field(check: dict, name: str, many: bool = False):
    if name not in check:
        raise _Unusable(f"a {check.get('kind')} check needs the field {name!r}")
    if many and not isinstance(check[name], list):
        raise _Unusable(f"field {name!r} is not a list of ids")
    return check[name]


# What evaluate() says, as the msgids it is formatted from: the arithmetic and the errors are JSON values
# (`audit --json`), the same in every locale; a person reads them through shown().
SAID = (
    N_("{n} listed = {expected} stated"),
    N_("{n} listed ≠ {expected} stated"),
    N_("reference {ref} does not resolve to a figure"),
    N_("figure {id} has no numeric value"),
    N_("a {kind} check needs the field {field}"),
    N_("field {field} is not a list of ids"),
    N_("tolerance {value} is not a number"),
    N_("item {id} does not resolve"),
    N_("unknown check kind {kind}"),
)


def shown(text: str | None) -> str | None:
    """The arithmetic or error of a check in the user's language."""
    from jzcli.i18n import translate_like

    return translate_like(text, SAID) if text else text


def evaluate(fb: FactBase, check: dict) -> dict:
    """{holds, arithmetic, refs} for one check, in exact decimals; `error` instead when it cannot be computed
    (a reference that does not resolve, a missing field, a value that is not a number)."""
    kind = check.get("kind")
    try:
        if kind == "sum":
            terms = [_value(fb, i) for i in _field(check, "terms", True)]
            equals = [_value(fb, i) for i in _field(check, "equals", True)]
            left, right = sum(terms, Decimal(0)), sum(equals, Decimal(0))
            arithmetic = (" + ".join(plain_number(t) for t in terms) + f" = {plain_number(left)}"
                          + (" ≠ " if left != right else " = ") + " + ".join(plain_number(e) for e in equals))
            holds = left == right
            refs = [*check["terms"], *check["equals"]]
        elif kind == "ratio":
            num, den = _value(fb, _field(check, "numerator")), _value(fb, _field(check, "denominator"))
            expected = _value(fb, _field(check, "expected"))
            tolerance = check.get("tolerance", 0.5)
            if tolerance.__class__ not in (int, float):
                raise _Unusable(f"tolerance {tolerance!r} is not a number")
            tolerance = Decimal(str(tolerance))
            share = num / den * 100 if den else Decimal("Infinity")
            holds = abs(share - expected) <= tolerance
            arithmetic = (f"{plain_number(num)} / {plain_number(den)} = {share:.2f}% {'≈' if holds else '≠'} "
                          f"{plain_number(expected)}% (±{plain_number(tolerance)})")
            refs = [check["numerator"], check["denominator"], check["expected"]]
        elif kind == "count":
            items = _field(check, "items", True)
            missing = [i for i in items if not isinstance(i, str) or fb.get(i) is None]
            if missing:
                raise _Unusable(f"item {missing[0]!r} does not resolve")
            expected = _value(fb, _field(check, "expected"))
            holds = Decimal(len(items)) == expected
            arithmetic = f"{len(items)} listed {'=' if holds else '≠'} {plain_number(expected)} stated"
            refs = [*items, check["expected"]]
        else:
            return {"holds": False, "error": f"unknown check kind {kind!r}", "arithmetic": "", "refs": []}
    except _Unusable as exc:
        return {"holds": False, "error": str(exc), "arithmetic": "", "refs": []}
    return {"holds": bool(holds), "arithmetic": arithmetic, "refs": refs}


def audit(fb: FactBase) -> list[dict]:
    """Every stored cross-check recomputed, then every oddity: one row each, with the quotes behind it."""
    rows = []
    for check in fb.records("checks"):
        result = evaluate(fb, check)
        quotes = []
        for ref in result["refs"]:
            q = (fb.get(ref) or {}).get("quote")
            if q and q not in quotes:
                quotes.append(q)
        rows.append({"id": check["id"], "kind": "check", "description": check.get("description"),
                     "arithmetic": result.get("arithmetic") or result.get("error"), "holds": result["holds"],
                     "recorded_holds": check.get("holds"), "refs": result["refs"], "quote": check.get("quote", ""),
                     "quotes": quotes})
    for odd in fb.records("oddities"):
        rows.append({"id": odd["id"], "kind": "oddity", "description": odd.get("description"), "arithmetic": None,
                     "holds": None, "recorded_holds": None, "refs": odd.get("affects") or [],
                     "quote": odd.get("quote", ""), "quotes": [odd.get("quote", "")]})
    return rows
