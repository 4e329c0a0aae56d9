"""The one amount parser: every spelling the issue names, exact arithmetic, rejections with exit 2."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jzcli.amounts import Amount, format_amount, parse_amount, parse_money_bound, parse_number
from jzcli.errors import BadInput, ExitStatus

ACCEPTED = [
    ("5亿", 500_000_000, None),
    ("5亿元", 500_000_000, "元"),
    ("5.5亿", 550_000_000, None),
    ("50000万", 500_000_000, None),
    ("5千万", 50_000_000, None),
    ("500000000", 500_000_000, None),
    ("5e8", 500_000_000, None),
    ("1,000,000", 1_000_000, None),
    ("５亿", 500_000_000, None),
    ("五亿", 500_000_000, None),
    ("十亿", 1_000_000_000, None),
    ("三千七百万", 37_000_000, None),
    ("九亿九千六百万", 996_000_000, None),
    ("两千", 2000, None),
    ("三千七百万美元", 37_000_000, "美元"),
    ("3700万美元", 37_000_000, "美元"),
    ("16.4亿", 1_640_000_000, None),
    ("4.3亿元", 430_000_000, "元"),
    ("43000万元", 430_000_000, "元"),
    ("430000000元", 430_000_000, "元"),
    ("９.９６亿", 996_000_000, None),
    ("一千零五", 1005, None),
    ("十七", 17, None),
    ("1亿5千万", 150_000_000, None),
    (" 5亿 ", 500_000_000, None),
]


@pytest.mark.parametrize("text,value,currency", ACCEPTED)
def test_accepted_spellings(text, value, currency):
    amount = parse_amount(text)
    assert amount == Amount(Decimal(value), currency)
    assert amount.as_int == value and type(amount.as_int) is int


@pytest.mark.parametrize("text", ["abc", "5亿亿", "-3", "", "   ", "1e999", "亿", "五五", "百千", "5亿万", "1.2.3",
                                  "5e", "NaN", "inf", "１e９９９", "5亿元元", "元", "3%", "百分之五"])
def test_rejected_with_the_value_quoted(text):
    with pytest.raises(BadInput) as exc:
        parse_amount(text)
    assert exc.value.status == ExitStatus.USAGE == 2
    assert repr(text[:40]) in str(exc.value)


def test_money_bound_refuses_other_currency():
    assert parse_money_bound("5亿") == 500_000_000
    assert parse_money_bound("5亿元") == 500_000_000
    with pytest.raises(BadInput, match="美元"):
        parse_money_bound("5亿美元")


def test_exact_arithmetic_no_float_rounding():
    assert parse_number("16.4亿") == Decimal(1_640_000_000)
    assert parse_number("0.1亿") + parse_number("0.2亿") == parse_number("0.3亿")


@pytest.mark.parametrize("value,currency,text", [(430_000_000, "元", "4.3亿元"), (37_000_000, "美元", "3700万美元"),
                                                 (1250, "元", "1250元"), (0, "元", "0元"), (996_000_000, None, "9.96亿")])
def test_format_amount(value, currency, text):
    assert format_amount(value, currency) == text


@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(["元", "美元", None]))
def test_format_then_parse_is_identity_for_integers(value, currency):
    assert parse_amount(format_amount(value, currency)) == Amount(Decimal(value), currency)


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_is_identity_for_decimals(value):
    assert parse_amount(format_amount(value, "元")).value == value


@given(st.text(max_size=30))
def test_any_text_parses_or_is_rejected_cleanly(text):
    try:
        amount = parse_amount(text)
    except BadInput as exc:
        assert "\n" not in str(exc)
    else:
        assert amount.value >= 0
