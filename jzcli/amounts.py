"""Numbers and amounts as people write them: "5亿", "三千七百万美元", "1e9", "５亿", "百分之五十二".

One parser for every option and claim that takes a number. Arithmetic is exact (Decimal): 16.4亿 is
1640000000, never 1639999999.9999998.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jzcli.errors import BadInput
from jzcli.i18n import N_, _
from jzcli.lazyre import lazy
from jzcli.numtext import plain_number
from jzcli.text import nfkc

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}

CURRENCIES = ("美元", "元")  # longest first
MAX_VALUE = Decimal(10) ** 18  # beyond any amount in this domain; keeps 1e999 out
MAX_LENGTH = 64  # characters of one number as written ("1,000,000,000,000元" is 17); longer is not a number

_ARABIC = r"\d+(?:\.\d+)?"
_SCI = lazy(r"(?:\d+(?:\.\d*)?|\.\d+)[eE][+]?\d{1,3}")
_GROUPED = lazy(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_TOKEN = lazy(rf"({_ARABIC})|([{''.join(_DIGITS)}])|([十百千])|([万亿])")


class Amount:
    """An exact value and its currency ("元", "美元" or None when none was written). Immutable.

    A plain class, not a dataclass: importing dataclasses (and inspect with it) costs ~10 ms at start-up.
    """

    __slots__ = ("value", "currency")

    def __init__(self, value: Decimal, currency: str | None) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "currency", currency)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Amount is immutable: cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return (self.value, self.currency) == (other.value, other.currency)

    def __hash__(self) -> int:
        return hash((self.value, self.currency))

    def __repr__(self) -> str:
        return f"Amount(value={self.value!r}, currency={self.currency!r})"

    @property
    def as_int(self) -> int | Decimal:
        return int(self.value) if self.value == self.value.to_integral_value() else self.value


def _fail(text: str, why: str) -> BadInput:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return BadInput(_("not a number: {text!r} ({why})").format(text=shown, why=_(why)))


def parse_number(text: str) -> Decimal:
    """A non-negative number in Arabic digits, Chinese numerals or a mix, with 十/百/千/万/亿 multipliers."""
    s = nfkc(text)
    original = text
    if not s:
        raise _fail(original, N_("empty"))
    if len(s) > MAX_LENGTH:
        raise _fail(original, N_("too long"))
    if s.startswith("-") or s.startswith("−"):
        raise _fail(original, N_("negative amounts are not allowed"))
    if s.startswith("+"):
        s = s[1:]
    if s.isascii() and s.isdigit():  # plain digits (36, 2018): what the steps below give, without them
        return _checked(Decimal(s), original)
    if _GROUPED.fullmatch(s):
        s = s.replace(",", "")
    if _SCI.fullmatch(s):
        try:
            value = Decimal(s)
        except InvalidOperation:
            raise _fail(original, N_("not a number")) from None
        return _checked(value, original)
    if s.startswith("百分之") or s.endswith("%"):
        raise _fail(original, N_("a percentage is not an amount"))
    pos = 0
    tokens: list[tuple[str, object]] = []
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m:
            raise _fail(original, _("unexpected {char!r}").format(char=s[pos]))
        arabic, digit, small, big = m.groups()
        if arabic is not None:
            tokens.append(("num", Decimal(arabic)))
        elif digit is not None:
            tokens.append(("zero", None) if _DIGITS[digit] == 0 else ("num", Decimal(_DIGITS[digit])))
        elif small is not None:
            tokens.append(("small", _SMALL[small]))
        else:
            tokens.append(("big", _BIG[big]))
        pos = m.end()
    return _checked(_evaluate(tokens, original), original)


def _evaluate(tokens: list[tuple[str, object]], original: str) -> Decimal:
    total = Decimal(0)  # completed 亿 part
    wan = Decimal(0)  # completed 万 part
    section = Decimal(0)  # below 万
    current: Decimal | None = None
    last_small = 10**9
    seen_yi = seen_wan = False
    seen_any = False
    for kind, value in tokens:
        if kind == "zero":
            if current is not None:
                raise _fail(original, N_("misplaced 零"))
            continue
        if kind == "num":
            if current is not None:
                raise _fail(original, N_("two numbers in a row"))
            current = value  # type: ignore[assignment]
            seen_any = True
            continue
        if kind == "small":
            unit = value  # type: ignore[assignment]
            if unit >= last_small:
                raise _fail(original, N_("multipliers out of order"))
            section += (current if current is not None else Decimal(1)) * unit
            last_small = unit
            current = None
            seen_any = True
            continue
        # big unit: 万 or 亿
        part = section + (current if current is not None else Decimal(0))
        if part == 0 and current is None and section == 0:
            if value == 10**8 and wan:
                raise _fail(original, N_("multipliers out of order"))
            raise _fail(original, N_("a multiplier with no number before it"))
        if value == 10**8:
            if seen_yi or seen_wan:
                raise _fail(original, N_("multipliers out of order"))
            total = (total + part) * 10**8
            seen_yi = True
        else:
            if seen_wan:
                raise _fail(original, N_("multipliers out of order"))
            wan = part * 10**4
            seen_wan = True
        section = Decimal(0)
        current = None
        last_small = 10**9
    if not seen_any:
        raise _fail(original, N_("no digits"))
    return total + wan + section + (current if current is not None else Decimal(0))


def _checked(value: Decimal, original: str) -> Decimal:
    if not value.is_finite():
        raise _fail(original, N_("not a finite number"))
    if value < 0:
        raise _fail(original, N_("negative amounts are not allowed"))
    if value > MAX_VALUE:
        raise _fail(original, N_("too large"))
    return value


def parse_amount(text: str, default_currency: str | None = None) -> Amount:
    """A money amount: a number with an optional 元 / 美元 suffix ("5亿元", "3700万美元")."""
    s = nfkc(text)
    currency = default_currency
    for cur in CURRENCIES:
        if s.endswith(cur):
            s = s[: -len(cur)].rstrip()
            currency = cur
            break
    if not s:
        raise _fail(text, N_("no number before the currency"))
    try:
        value = parse_number(s)
    except BadInput:
        raise _fail(text, N_("expected an amount such as 5亿, 5亿元, 50000万, 5e8, 三千七百万美元")) from None
    return Amount(value, currency)


def parse_money_bound(text: str, currency: str = "元") -> int | Decimal:
    """An amount used as a filter on data in `currency`; a different currency is an error, not a conversion."""
    amount = parse_amount(text)
    if amount.currency is not None and amount.currency != currency:
        raise BadInput(_("amount {text!r} is in {currency}, but the data is in {data}: no conversion is done").format(
            text=text, currency=amount.currency, data=currency))
    return amount.as_int


def format_amount(value: int | Decimal, currency: str | None = "元") -> str:
    """430000000 → "4.3亿元", 37000000 → "3700万美元": the inverse of parse_amount, exactly."""
    v = Decimal(value)
    suffix = currency or ""
    if v == 0:
        return f"0{suffix}"
    for size, word in ((Decimal(10**8), "亿"), (Decimal(10**4), "万")):
        if v >= size:
            return f"{plain_number(v / size)}{word}{suffix}"
    return f"{plain_number(v)}{suffix}"
