"""Evaluating the cross-checks stored in the fact base (data referencing figure ids, not code)."""

from __future__ import annotations

from decimal import Decimal

from jzcli.factbase import FactBase


def _value(fb: FactBase, fid: str) -> Decimal:
    rec = fb.get(fid)
    if rec is None or "value" not in rec:
        raise KeyError(fid)
    return Decimal(str(rec["value"]))


def _fmt(v: Decimal) -> str:
    text = format(v.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def evaluate(fb: FactBase, check: dict) -> dict:
    """{holds, arithmetic, refs} for one check; `error` instead when a reference does not resolve."""
    kind = check.get("kind")
    try:
        if kind == "sum":
            terms = [_value(fb, i) for i in check.get("terms") or []]
            equals = [_value(fb, i) for i in check.get("equals") or []]
            left, right = sum(terms, Decimal(0)), sum(equals, Decimal(0))
            arithmetic = (" + ".join(_fmt(t) for t in terms) + f" = {_fmt(left)}"
                          + (" ≠ " if left != right else " = ") + " + ".join(_fmt(e) for e in equals))
            holds = left == right
            refs = [*(check.get("terms") or []), *(check.get("equals") or [])]
        elif kind == "ratio":
            num, den = _value(fb, check["numerator"]), _value(fb, check["denominator"])
            expected = _value(fb, check["expected"])
            tolerance = Decimal(str(check.get("tolerance", 0.5)))
            share = num / den * 100 if den else Decimal("Infinity")
            holds = abs(share - expected) <= tolerance
            arithmetic = (f"{_fmt(num)} / {_fmt(den)} = {share:.2f}% {'≈' if holds else '≠'} {_fmt(expected)}% "
                          f"(±{_fmt(tolerance)})")
            refs = [check["numerator"], check["denominator"], check["expected"]]
        elif kind == "count":
            items = check.get("items") or []
            missing = [i for i in items if fb.get(i) is None]
            if missing:
                raise KeyError(missing[0])
            expected = _value(fb, check["expected"])
            holds = Decimal(len(items)) == expected
            arithmetic = f"{len(items)} listed {'=' if holds else '≠'} {_fmt(expected)} stated"
            refs = [*items, check["expected"]]
        else:
            return {"holds": False, "error": f"unknown check kind {kind!r}", "arithmetic": "", "refs": []}
    except KeyError as exc:
        return {"holds": False, "error": f"reference {exc.args[0]!r} does not resolve to a figure",
                "arithmetic": "", "refs": []}
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
