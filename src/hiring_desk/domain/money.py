"""Amounts of money as people write them, read in a locale with Babel. No I/O.

``read_money("€65.000", "de_DE")`` gives ``MoneyAmount(Decimal("65000"), None,
"EUR")``. Understood: plain and grouped numbers in the locale's own form (and the
other common form where only one reading is possible), a currency symbol or ISO
code before or after, ``k``/``K`` for thousands, and ranges (``65000-75000``,
``65–75k``, ``$65k to $80k``). Blank, ``n/a`` and the like read as no amount.

Anything else is an :class:`UnreadableAmount` with the reason, never a guess:
``65.000`` in a locale that groups with commas could be 65 or 65,000, so it is
refused there (in de_DE it is 65,000).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import NumberFormatError, list_currencies, parse_decimal

#: What reads as "no amount given".
NO_AMOUNT = frozenset({"", "n/a", "na", "n.a.", "none", "-", "–", "—", "?", "nil"})

#: Locales tried after the workbook's own, for the forms only one convention allows
#: ("1,5" in an English workbook, "72000.50" in a German one).
_OTHER_CONVENTIONS = ("en_US", "de_DE")

#: The most digits an amount may have before its decimals (SQLite integers fit).
_MAX_WHOLE_DIGITS = 12

_RANGE = re.compile(r"\s*(?:–|—|-|\.\.|\bto\b|\bbis\b)\s*", re.IGNORECASE)
_PARTS = re.compile(
    r"(?P<before>[^\d]*?)\s*(?P<number>\d[\d.,'’ \u00a0\u202f]*?)\s*(?P<thousands>[kK])?"
    r"\s*(?P<after>[^\d]*)"
)
_SPACED_GROUPS = re.compile(r"(\d{1,3}(?:[ '’\u00a0\u202f]\d{3})+)([.,]\d+)?")
_SPACE_OR_APOSTROPHE = re.compile(r"[ '’\u00a0\u202f]")
_ONE_SEPARATOR_THREE_DIGITS = re.compile(r"[1-9]\d{0,2}([.,])\d{3}")


@dataclass(frozen=True)
class MoneyAmount:
    """An amount in major units, or a range (``high`` set); ``currency`` if the text named one."""

    low: Decimal
    high: Decimal | None = None
    currency: str | None = None


@dataclass(frozen=True)
class UnreadableAmount:
    """Text that is not an amount, or could be more than one; ``reason`` says why."""

    text: str
    reason: str


MoneyReading = MoneyAmount | UnreadableAmount | None


@functools.lru_cache(maxsize=4096)
def read_money(text: str, locale: str) -> MoneyReading:
    """The amount or range ``text`` writes, read in ``locale``; None when none is given."""
    stripped = " ".join(text.split())
    if stripped.casefold() in NO_AMOUNT:
        return None
    ends = _RANGE.split(stripped)
    if len(ends) > 2 or any(not part for part in ends):
        return UnreadableAmount(stripped, "is not an amount")
    read = [_read_end(part, locale) for part in ends]
    for end in read:
        if isinstance(end, str):
            return UnreadableAmount(stripped, end)
    pieces = [end for end in read if not isinstance(end, str)]
    currencies = {end.currency for end in pieces if end.currency}
    if len(currencies) > 1:
        return UnreadableAmount(stripped, "names two currencies")
    currency = currencies.pop() if currencies else None
    if len(pieces) == 1:
        return MoneyAmount(pieces[0].amount, None, currency)
    low, high = pieces
    low_amount = low.amount
    if high.thousands and not low.thousands and low.amount * 1000 <= high.amount:
        low_amount = low.amount * 1000  # "65–75k": the k is meant for both ends
    if low_amount > high.amount:
        return UnreadableAmount(stripped, "runs from the higher amount to the lower")
    if low_amount == high.amount:
        return MoneyAmount(low_amount, None, currency)
    return MoneyAmount(low_amount, high.amount, currency)


@functools.lru_cache(maxsize=1024)  # an import reads the same few codes row after row
def read_currency(text: str, locale: str) -> str | None:
    """The ISO code a currency symbol or code stands for ("€", "eur", "US$"); None if unknown."""
    token = text.strip()
    if not token:
        return None
    if token.upper() in _currency_codes():
        return token.upper()
    return _currency_symbols(locale).get(token)


@dataclass(frozen=True)
class _End:
    amount: Decimal
    currency: str | None
    thousands: bool


def _read_end(text: str, locale: str) -> _End | str:
    """One amount with its currency and multiplier, or the reason it cannot be read."""
    parts = _PARTS.fullmatch(text)
    if parts is None:
        return "is not an amount"
    currency: str | None = None
    for token in (parts["before"], parts["after"]):
        if token.strip():
            code = read_currency(token, locale)
            if code is None:
                return "is not an amount"
            if currency is not None and code != currency:
                return "names two currencies"
            currency = code
    number = _read_number(parts["number"], locale)
    if isinstance(number, str):
        return number
    if parts["thousands"]:
        number *= 1000
    return _End(number, currency, bool(parts["thousands"]))


def _read_number(text: str, locale: str) -> Decimal | str:
    """A number in the locale's form (strictly), or the reason it is not one."""
    if _SPACE_OR_APOSTROPHE.search(text):
        grouped = _SPACED_GROUPS.fullmatch(text)
        if grouped is None:
            return "is not an amount"
        text = _SPACE_OR_APOSTROPHE.sub("", grouped[1]) + (grouped[2] or "")
    group = _symbols(locale)[1]
    ambiguous = _ONE_SEPARATOR_THREE_DIGITS.fullmatch(text)
    if ambiguous and ambiguous[1] != group:
        whole, part = text.replace(",", ".").split(".")
        return f"could be {whole} or {int(whole + part):,}"
    for candidate in (locale, *_OTHER_CONVENTIONS):
        try:
            value = parse_decimal(text, locale=candidate, strict=True)
        except NumberFormatError:
            continue
        if not value.is_finite() or value.adjusted() >= _MAX_WHOLE_DIGITS:
            return "is too large an amount"
        return value
    return "is not an amount"


@functools.cache
def _symbols(locale: str) -> tuple[str, str]:
    """The locale's (decimal, group) symbols in Latin digits."""
    symbols = Locale.parse(locale).number_symbols.get("latn", {})
    return symbols.get("decimal", "."), symbols.get("group", ",")


@functools.cache
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


@functools.cache
def _currency_symbols(locale: str) -> dict[str, str]:
    """Symbol -> code: the locale's own symbols first ("$" is CAD in en_CA), then English
    ("$" USD, "€", "£") and international English ("US$", "CA$", "A$")."""
    found: dict[str, str] = {}
    for name in (locale, "en", "en_001"):
        for code, symbol in Locale.parse(name).currency_symbols.items():
            if symbol and not symbol.isdigit():
                found.setdefault(symbol, code)
    return found


def parse_typed_money(
    text: str, locale: str, *, allow_range: bool = False, currency: str | None = None
) -> MoneyAmount | None:
    """An amount typed into a form field; None when blank.

    Raises ValueError with a message when it cannot be read, when it is a range and
    ``allow_range`` is false, or when it names a currency other than ``currency``
    (the form has its own currency field).
    """
    reading = read_money(text, locale)
    if reading is None:
        return None
    if isinstance(reading, UnreadableAmount):
        raise ValueError(f"'{reading.text}' {reading.reason}")
    if reading.high is not None and not allow_range:
        raise ValueError(f"'{text.strip()}' is a range; give one amount")
    if reading.currency is not None and reading.currency != currency:
        raise ValueError(f"'{text.strip()}' names a currency; choose it in its own field")
    return reading
