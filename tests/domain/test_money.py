"""Reading amounts as people write them: locales, symbols, thousands, ranges, refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hiring_desk.domain.money import (
    MoneyAmount,
    UnreadableAmount,
    parse_typed_money,
    read_currency,
    read_money,
)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("65000", "en_GB", MoneyAmount(Decimal(65000))),
        ("65,000", "en_GB", MoneyAmount(Decimal(65000))),
        ("65.000", "de_DE", MoneyAmount(Decimal(65000))),
        ("€65.000", "de_DE", MoneyAmount(Decimal(65000), None, "EUR")),
        ("65.000 €", "de_DE", MoneyAmount(Decimal(65000), None, "EUR")),
        ("$65k", "en_US", MoneyAmount(Decimal(65000), None, "USD")),
        ("$65k", "en_CA", MoneyAmount(Decimal(65000), None, "CAD")),
        ("US$65k", "de_DE", MoneyAmount(Decimal(65000), None, "USD")),
        ("65K EUR", "en_GB", MoneyAmount(Decimal(65000), None, "EUR")),
        ("eur 65000", "en_GB", MoneyAmount(Decimal(65000), None, "EUR")),
        ("£65,000.50", "en_GB", MoneyAmount(Decimal("65000.50"), None, "GBP")),
        ("65 000 €", "fr_FR", MoneyAmount(Decimal(65000), None, "EUR")),
        ("65\u202f000,50", "fr_FR", MoneyAmount(Decimal("65000.50"))),
        ("CHF 95'000", "de_CH", MoneyAmount(Decimal(95000), None, "CHF")),
        ("65000-75000", "en_GB", MoneyAmount(Decimal(65000), Decimal(75000))),
        ("65–75k", "en_GB", MoneyAmount(Decimal(65000), Decimal(75000))),
        ("$65k to $80k", "en_US", MoneyAmount(Decimal(65000), Decimal(80000), "USD")),
        ("65.000 - 75.000 €", "de_DE", MoneyAmount(Decimal(65000), Decimal(75000), "EUR")),
        ("70k-70k", "en_GB", MoneyAmount(Decimal(70000))),
        # Only one reading possible, whichever convention the locale has:
        ("72000.50", "de_DE", MoneyAmount(Decimal("72000.50"))),
        ("1.234.567", "en_GB", MoneyAmount(Decimal(1234567))),
        ("0.500", "en_GB", MoneyAmount(Decimal("0.500"))),
    ],
)
def test_amounts_as_people_write_them(text: str, locale: str, expected: MoneyAmount) -> None:
    assert read_money(text, locale) == expected


@pytest.mark.parametrize("text", ["", "  ", "n/a", "N/A", "none", "-", "—"])
def test_no_amount(text: str) -> None:
    assert read_money(text, "en_GB") is None


@pytest.mark.parametrize(
    ("text", "locale", "reason"),
    [
        ("65.000", "en_GB", "could be 65 or 65,000"),
        ("€65.000", "en_IE", "could be 65 or 65,000"),
        ("65,000", "de_DE", "could be 65 or 65,000"),
        ("65,000", "fr_FR", "could be 65 or 65,000"),
        ("about 70", "en_GB", "is not an amount"),
        ("£65,000 p.a.", "en_GB", "is not an amount"),
        ("-5000", "en_GB", "is not an amount"),
        ("1e5", "en_GB", "is not an amount"),
        ("NaN", "en_GB", "is not an amount"),
        ("65 00", "en_GB", "is not an amount"),
        ("65000 EUR - 70000 USD", "en_GB", "names two currencies"),
        ("80k-70k", "en_GB", "runs from the higher amount to the lower"),
        ("1000000000000", "en_GB", "is too large an amount"),
    ],
)
def test_what_cannot_be_read_says_why(text: str, locale: str, reason: str) -> None:
    assert read_money(text, locale) == UnreadableAmount(text, reason)


def test_currencies_by_symbol_or_code() -> None:
    assert read_currency("eur", "en_GB") == "EUR"
    assert read_currency("€", "en_GB") == "EUR"
    assert read_currency("$", "en_GB") == "USD"
    assert read_currency("$", "en_AU") == "AUD"
    assert read_currency("Euro", "en_GB") is None
    assert read_currency("", "en_GB") is None


def test_typed_amounts_refuse_what_a_form_cannot_hold() -> None:
    assert parse_typed_money("65k", "en_GB") == MoneyAmount(Decimal(65000))
    assert parse_typed_money("65,000–75,000", "en_GB", allow_range=True) == MoneyAmount(
        Decimal(65000), Decimal(75000)
    )
    with pytest.raises(ValueError, match="is a range"):
        parse_typed_money("65–75k", "en_GB")
    with pytest.raises(ValueError, match="names a currency"):
        parse_typed_money("$65k", "en_GB", currency="EUR")
    assert parse_typed_money("€65k", "en_GB", currency="EUR") == MoneyAmount(
        Decimal(65000), None, "EUR"
    )
    with pytest.raises(ValueError, match="could be 65 or 65,000"):
        parse_typed_money("65.000", "en_GB")
