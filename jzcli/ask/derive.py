"""Arithmetic on the article's facts for `ask`: counts, differences, shares, multiples, sums of band
bounds, durations. TEMPORARY: the checker's derivation module (jzcli/check/, issue 8) is the one engine;
when it is on main these functions are replaced by calls to it. Keep this file small and free of matching:
it takes records in and gives a value, its text and the formula out.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from jzcli.amounts import format_amount


class Derived:
    """A derived value: `value` in `unit`, the `formula` a reporter can read, the input record ids."""

    __slots__ = ("op", "value", "unit", "text", "formula", "inputs", "high")

    def __init__(self, op: str, value, unit: str, text: str, formula: str, inputs: list[str], high=None) -> None:
        self.op, self.value, self.unit, self.text, self.formula, self.inputs, self.high = (
            op, value, unit, text, formula, inputs, high)

    def as_json(self) -> dict:
        return {"op": self.op, "formula": self.formula, "inputs": self.inputs}


def number(v) -> int | float:
    d = Decimal(str(v))
    return int(d) if d == d.to_integral_value() else float(d)


def show(value, unit: str | None) -> str:
    """A value with its unit, as a reporter writes it (money in 亿 / 万)."""
    if unit in ("元", "美元"):
        return format_amount(Decimal(str(value)), unit)
    return f"{number(value)}{unit or ''}"


def _fig(rec: dict) -> str:
    return rec.get("text") or show(rec["value"], rec.get("unit"))


def count(members: list[dict], unit: str, what: str) -> Derived:
    names = "、".join(m.get("name") or m.get("title") or m["id"] for m in members)
    n = len(members)
    return Derived("count", n, unit, f"{n}{unit}", f"{names}: {n}{unit} {what}".strip(), [m["id"] for m in members])


def difference(whole: dict, part: dict) -> Derived:
    v = Decimal(str(whole["value"])) - Decimal(str(part["value"]))
    unit = whole.get("unit")
    return Derived("difference", number(v), unit, show(v, unit), f"{_fig(whole)} − {_fig(part)} = {show(v, unit)}",
                   [whole["id"], part["id"]])


def share(part: dict, whole: dict) -> Derived:
    v = (Decimal(str(part["value"])) * 100 / Decimal(str(whole["value"]))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return Derived("share", number(v), "%", f"{number(v)}%", f"{_fig(part)} / {_fig(whole)} = {number(v)}%",
                   [part["id"], whole["id"]])


def ratio(a: dict, b: dict) -> Derived:
    v = (Decimal(str(a["value"])) / Decimal(str(b["value"]))).quantize(Decimal("0.01"), ROUND_HALF_UP).normalize()
    return Derived("ratio", number(v), "倍", f"{number(v)}倍", f"{_fig(a)} / {_fig(b)} = {number(v)}倍",
                   [a["id"], b["id"]])


def band_sum(projects: list[dict]) -> Derived:
    """Bounds of the total investment of projects known only by bands: Σ lows, Σ highs (None if one is open)."""
    lo, hi, parts = Decimal(0), Decimal(0), []
    for p in projects:
        inv = p.get("investment") or {}
        lo += Decimal(inv.get("min") or 0)
        hi = None if hi is None or inv.get("max") is None else hi + Decimal(inv["max"])
    by_band: dict[str, int] = {}
    for p in projects:
        text = (p.get("investment") or {}).get("text") or "?"
        by_band[text] = by_band.get(text, 0) + 1
    for text, n in by_band.items():
        parts.append(f"{n}×{text}")
    high = None if hi is None else number(hi)
    text = f"至少{show(lo, '元')}" + (f"，至多{show(hi, '元')}" if hi is not None else "（上限未知）")
    formula = " + ".join(parts) + f": ≥ {show(lo, '元')}" + (f", ≤ {show(hi, '元')}" if hi is not None else
                                                             ", no upper bound (a band is open)")
    return Derived("band_sum", number(lo), "元", text, formula, [p["id"] for p in projects], high)


def _day(text: str) -> date:
    y, m, d = (int(x) for x in text.split("-"))
    return date(y, m, d)


def days_inclusive(start: str, end: str, rec_id: str, start_text: str) -> Derived:
    n = (_day(end) - _day(start)).days + 1
    return Derived("duration", n, "天", f"{n}天", f"{start_text}: {start} … {end}, counted inclusively = {n}天",
                   [rec_id])


def years_since(year: int, as_of_year: int, rec_id: str, date_text: str) -> Derived:
    n = as_of_year - year
    return Derived("duration", n, "年", f"{n}年", f"{as_of_year} − {year} ({date_text}) = {n}年", [rec_id])


def year_back(rec: dict, as_of_year: int) -> Derived:
    """The year a thing began, from an age in years or 岁 as of the article's year (about: ±1)."""
    y = as_of_year - int(rec["value"])
    return Derived("year_back", y, "年", f"约{y}年", f"{as_of_year} − {_fig(rec)} = {y}", [rec["id"]])
