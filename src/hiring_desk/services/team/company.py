"""The company profile: name, address, logo, signatory, currency and locale."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from sqlmodel import Session

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.time_zones import (
    TIMEZONE_SETTING,
    canonical_timezone,
    unknown_zone_message,
)
from hiring_desk.services.common.validation import clean, length_problem
from hiring_desk.store import Workbook
from hiring_desk.store.models import CompanyProfile, TeamMember, WorkbookSetting
from hiring_desk.store.models._base import utcnow

PROFILE_ID = 1
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4000
_LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True)
class CompanyInfo:
    name: str
    address: str
    logo: bytes | None
    logo_mime: str | None
    signatory_id: int | None
    signatory_name: str
    signatory_title: str
    default_currency: str
    locale: str


def get_company(workbook: Workbook) -> CompanyInfo:
    with workbook.transaction() as session:
        return _info(session, _profile(session))


def update_company(
    workbook: Workbook,
    *,
    name: str,
    address: str,
    signatory_id: int | None,
    default_currency: str,
    locale: str,
    timezone: str | None = None,
) -> CompanyInfo:
    """Save the profile's text fields (the logo has its own calls).

    ``timezone`` (an IANA name), when given, becomes the workbook's zone for new
    interviews, saved in the same transaction.
    """
    require(workbook, Permission.COMPANY)

    name, address = clean(name), clean(address)
    currency, locale_code = clean(default_currency).upper(), clean(locale)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "is required"
    elif problem := length_problem(name, 200):
        errors["name"] = problem
    if problem := length_problem(address, 1000):
        errors["address"] = problem
    if currency not in currency_codes():
        errors["default_currency"] = f"'{default_currency}' is not an ISO 4217 currency code"
    normalised = normalise_locale(locale_code)
    if normalised is None:
        errors["locale"] = f"'{locale}' is not a locale Hiring Desk knows (e.g. en_GB, de_DE)"
    zone = canonical_timezone(timezone) if timezone is not None else None
    if timezone is not None and zone is None:
        errors["timezone"] = unknown_zone_message(timezone)
    with workbook.transaction() as session:
        if signatory_id is not None and session.get(TeamMember, signatory_id) is None:
            errors["signatory"] = "must be a member of the team"
        if errors:
            raise ValidationError(errors)
        profile = _profile(session)
        profile.name, profile.address = name, address
        profile.signatory_id = signatory_id
        profile.default_currency = currency
        profile.locale = normalised or profile.locale
        profile.updated_at = utcnow()
        session.add(profile)
        if zone is not None:
            setting = session.get(WorkbookSetting, TIMEZONE_SETTING)
            setting = setting or WorkbookSetting(key=TIMEZONE_SETTING)
            setting.value = zone
            session.add(setting)
        audit.record(session, "edit", "company_profile", PROFILE_ID)
        return _info(session, profile)


def set_logo(workbook: Workbook, data: bytes) -> CompanyInfo:
    """Store a PNG or JPEG logo after checking it really is one."""
    require(workbook, Permission.COMPANY)
    mime = logo_problem_or_mime(data)
    with workbook.transaction() as session:
        profile = _profile(session)
        profile.logo, profile.logo_mime = data, mime
        profile.updated_at = utcnow()
        session.add(profile)
        audit.record(session, "set_logo", "company_profile", PROFILE_ID)
        return _info(session, profile)


def clear_logo(workbook: Workbook) -> CompanyInfo:
    require(workbook, Permission.COMPANY)
    with workbook.transaction() as session:
        profile = _profile(session)
        profile.logo, profile.logo_mime = None, None
        session.add(profile)
        audit.record(session, "clear_logo", "company_profile", PROFILE_ID)
        return _info(session, profile)


def logo_problem_or_mime(data: bytes) -> str:
    """The MIME type of a valid logo image; raises ValidationError(logo) otherwise."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ValidationError({"logo": "the file is empty"})
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError({"logo": "must be at most 2 MB"})
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError({"logo": "is not a readable PNG or JPEG image"}) from None
    if fmt not in _LOGO_FORMATS:
        raise ValidationError({"logo": f"must be a PNG or JPEG image, not {fmt or 'unknown'}"})
    if max(width, height) > LOGO_MAX_SIDE:
        raise ValidationError({"logo": f"must be at most {LOGO_MAX_SIDE} pixels on each side"})
    return _LOGO_FORMATS[fmt]


@cache
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def currency_choices(display_locale: str = "en") -> list[tuple[str, str]]:
    """(code, name) of every ISO currency, sorted by code."""
    from babel.numbers import get_currency_name

    return [
        (code, get_currency_name(code, locale=display_locale)) for code in sorted(currency_codes())
    ]


def normalise_locale(code: str) -> str | None:
    """The canonical form of a locale identifier (``en-gb`` -> ``en_GB``), or None."""
    from babel import Locale, UnknownLocaleError

    if not code:
        return None
    try:
        return str(Locale.parse(code.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def locale_choices() -> list[tuple[str, str]]:
    """(code, English name) of the locales with a territory, sorted by name."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    choices = []
    for code in locale_identifiers():
        if "_" not in code or code.count("_") > 1:
            continue
        try:
            choices.append((code, Locale.parse(code).get_display_name("en") or code))
        except ValueError:
            continue
    return sorted(choices, key=lambda c: c[1])


def _profile(session: Session) -> CompanyProfile:
    """The stored profile, or a new unsaved one with the defaults (reading never writes)."""
    return session.get(CompanyProfile, PROFILE_ID) or CompanyProfile(id=PROFILE_ID)


def _info(session: Session, profile: CompanyProfile) -> CompanyInfo:
    signatory = session.get(TeamMember, profile.signatory_id) if profile.signatory_id else None
    return CompanyInfo(
        name=profile.name,
        address=profile.address,
        logo=profile.logo,
        logo_mime=profile.logo_mime,
        signatory_id=profile.signatory_id,
        signatory_name=signatory.name if signatory else "",
        signatory_title=signatory.title if signatory else "",
        default_currency=profile.default_currency,
        locale=profile.locale,
    )
