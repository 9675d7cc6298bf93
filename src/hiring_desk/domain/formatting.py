"""Money and dates for people to read, in the workbook's locale (via Babel).

Money is stored in minor units (cents); the currency's own precision says how
many digits that is (JPY has none, EUR two).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, tzinfo
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_time as _format_time
from babel.numbers import format_currency, get_currency_precision, parse_pattern

DEFAULT_LOCALE = "en_GB"


@functools.cache
def _precision(currency: str) -> int:
    """Digits after the decimal point in ``currency`` (Babel's data does not change)."""
    return int(get_currency_precision(currency))


def minor_to_major(amount_minor: int, currency: str) -> Decimal:
    """``6500000`` EUR cents -> ``Decimal("65000.00")``."""
    digits = _precision(currency)
    return Decimal(amount_minor).scaleb(-digits)


@functools.lru_cache(maxsize=1024)  # an import converts the same few amounts many times
def major_to_minor(amount: Decimal | int | str, currency: str) -> int:
    """``"65000"`` EUR -> ``6500000``; refuses more decimals than the currency has."""
    digits = _precision(currency)
    value = Decimal(str(amount)).scaleb(digits)
    if value != value.to_integral_value():
        raise ValueError(f"{currency} amounts have at most {digits} decimal places")
    return int(value)


def format_money(
    amount_minor: int, currency: str, locale: str = DEFAULT_LOCALE, *, whole: bool = False
) -> str:
    """``6500000, "EUR", "en_IE"`` -> ``"€65,000.00"`` (``whole`` drops the cents)."""
    major = minor_to_major(amount_minor, currency)
    if whole:  # the locale's own pattern without decimals: "€65,000", "65.000 €" in de_DE
        pattern = parse_pattern(Locale.parse(locale).currency_formats["standard"])
        pattern.frac_prec = (0, 0)
        return pattern.apply(major, locale, currency=currency, currency_digits=False)
    return format_currency(major, currency, locale=locale)


def format_money_range(
    low_minor: int,
    high_minor: int | None,
    currency: str,
    locale: str = DEFAULT_LOCALE,
    *,
    whole: bool = False,
) -> str:
    """One amount, or a range: ``"€65,000–€75,000"`` (``format_money`` for each end)."""
    low = format_money(low_minor, currency, locale, whole=whole)
    if high_minor is None or high_minor == low_minor:
        return low
    return f"{low}–{format_money(high_minor, currency, locale, whole=whole)}"


def format_day(value: date | None, locale: str = DEFAULT_LOCALE) -> str:
    """A date in the locale's medium form (``3 Dec 2026``); empty for None."""
    return _format_date(value, "medium", locale=locale) if value else ""


def format_moment(
    value: datetime | None, locale: str = DEFAULT_LOCALE, tz: tzinfo | None = None
) -> str:
    """An aware datetime as the locale's medium date and short time, shown in ``tz``."""
    if value is None:
        return ""
    local = value.astimezone(tz) if tz else value
    day = _format_date(local.date(), "medium", locale=locale)
    return f"{day}, {_format_time(local, 'short', tzinfo=tz, locale=locale)}"


def format_clock(value: datetime, locale: str = DEFAULT_LOCALE, tz: tzinfo | None = None) -> str:
    """An aware datetime's time of day in the locale's short form (``14:05``), in ``tz``."""
    local = value.astimezone(tz) if tz else value
    return str(_format_time(local, "short", tzinfo=tz, locale=locale))
