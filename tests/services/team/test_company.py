"""The company profile: name, address, logo, signatory, currency and locale."""

from __future__ import annotations

import io
import os
from typing import Any

import pytest
from PIL import Image
from sqlmodel import select

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.team import company, team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent, CompanyProfile

# -- helpers --------------------------------------------------------------------


def _image(fmt: str, size: tuple[int, int] = (32, 16), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def _noise_png(side: int) -> bytes:
    """A real PNG that does not compress: about 3 * side * side bytes."""
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _update(workbook: Workbook, **changes: Any) -> company.CompanyInfo:
    fields: dict[str, Any] = {
        "name": "Analytical Engines Ltd",
        "address": "1 Babbage Road\nLondon",
        "signatory_id": None,
        "default_currency": "GBP",
        "locale": "en_GB",
    }
    fields.update(changes)
    return company.update_company(workbook, **fields)


def _audit_count(workbook: Workbook) -> int:
    with workbook.transaction() as session:
        return len(session.exec(select(AuditEvent)).all())


# -- reading --------------------------------------------------------------------------


def test_an_empty_workbook_has_the_default_profile(workbook: Workbook) -> None:
    info = company.get_company(workbook)
    assert info == company.CompanyInfo(
        name="",
        address="",
        logo=None,
        logo_mime=None,
        signatory_id=None,
        signatory_name="",
        signatory_title="",
        default_currency="EUR",
        locale="en_GB",
    )
    assert company.get_company(workbook) == info  # reading twice gives the same


def test_there_is_only_ever_one_profile_row(workbook: Workbook) -> None:
    company.get_company(workbook)
    _update(workbook)
    _update(workbook, name="Renamed")
    company.set_logo(workbook, _image("PNG"))
    with workbook.transaction() as session:
        rows = session.exec(select(CompanyProfile)).all()
    assert [r.id for r in rows] == [company.PROFILE_ID]


# -- updating -------------------------------------------------------------------------


def test_update_saves_every_field(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace", "Director")

    info = _update(
        workbook,
        name="  Analytical Engines Ltd ",
        address="  1 Babbage Road\nLondon  ",
        signatory_id=ada.id,
        default_currency="GBP",
        locale="en_GB",
    )

    assert info.name == "Analytical Engines Ltd"
    assert info.address == "1 Babbage Road\nLondon"  # inner line breaks kept
    assert info.signatory_id == ada.id
    assert info.signatory_name == "Ada Lovelace"
    assert info.signatory_title == "Director"
    assert info.default_currency == "GBP"
    assert info.locale == "en_GB"
    assert company.get_company(workbook) == info


def test_update_keeps_the_logo(workbook: Workbook) -> None:
    logo = _image("PNG")
    company.set_logo(workbook, logo)
    info = _update(workbook, name="New name")
    assert info.logo == logo
    assert info.logo_mime == "image/png"


def test_the_signatory_can_be_cleared(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    _update(workbook, signatory_id=ada.id)
    info = _update(workbook, signatory_id=None)
    assert info.signatory_id is None
    assert info.signatory_name == ""
    team_members.remove_member(workbook, ada.id)  # no longer the signatory


@pytest.mark.parametrize(("given", "stored"), [("usd", "USD"), (" chf ", "CHF"), ("JPY", "JPY")])
def test_currency_codes_are_upper_cased(workbook: Workbook, given: str, stored: str) -> None:
    assert _update(workbook, default_currency=given).default_currency == stored
    assert company.get_company(workbook).default_currency == stored


@pytest.mark.parametrize("code", ["XYZ", "", "US", "DOLLAR", "€"])
def test_unknown_currency_codes_are_refused(workbook: Workbook, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        _update(workbook, default_currency=code)
    assert set(info.value.errors) == {"default_currency"}


@pytest.mark.parametrize(
    ("given", "stored"),
    [("en-gb", "en_GB"), ("de_DE", "de_DE"), ("fr-FR", "fr_FR"), (" en_US ", "en_US")],
)
def test_locales_are_normalised(workbook: Workbook, given: str, stored: str) -> None:
    assert _update(workbook, locale=given).locale == stored
    assert company.get_company(workbook).locale == stored


@pytest.mark.parametrize("code", ["zz_ZZ", "", "not a locale", "xx"])
def test_unknown_locales_are_refused(workbook: Workbook, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        _update(workbook, locale=code)
    assert set(info.value.errors) == {"locale"}


@pytest.mark.parametrize("name", ["", "   "])
def test_the_company_name_is_required(workbook: Workbook, name: str) -> None:
    with pytest.raises(ValidationError) as info:
        _update(workbook, name=name)
    assert set(info.value.errors) == {"name"}


def test_long_names_and_addresses_are_refused(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        _update(workbook, name="n" * 201, address="a" * 1001)
    assert set(info.value.errors) == {"name", "address"}
    _update(workbook, name="n" * 200, address="a" * 1000)


def test_the_signatory_must_be_a_team_member(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        _update(workbook, signatory_id=12345)
    assert set(info.value.errors) == {"signatory"}


def test_a_removed_member_cannot_become_signatory(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada")
    team_members.remove_member(workbook, ada.id)
    with pytest.raises(ValidationError) as info:
        _update(workbook, signatory_id=ada.id)
    assert set(info.value.errors) == {"signatory"}


def test_every_problem_is_reported_at_once(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        _update(workbook, name="", default_currency="XYZ", locale="zz_ZZ", signatory_id=99)
    assert set(info.value.errors) == {"name", "default_currency", "locale", "signatory"}
    assert "XYZ" in info.value.errors["default_currency"]
    assert "zz_ZZ" in info.value.errors["locale"]


@pytest.mark.parametrize(
    "bad",
    [
        {"name": ""},
        {"default_currency": "XYZ"},
        {"locale": "zz_ZZ"},
        {"signatory_id": 404},
    ],
)
def test_a_refused_update_changes_nothing(workbook: Workbook, bad: dict[str, Any]) -> None:
    ada = team_members.add_member(workbook, "Ada")
    saved = _update(workbook, signatory_id=ada.id, default_currency="USD", locale="de_DE")
    audits = _audit_count(workbook)

    attempt: dict[str, Any] = {
        "name": "Changed",
        "address": "Changed",
        "signatory_id": None,
        "default_currency": "CHF",
        "locale": "fr_FR",
    }
    attempt.update(bad)
    with pytest.raises(ValidationError):
        company.update_company(workbook, **attempt)

    assert company.get_company(workbook) == saved
    assert _audit_count(workbook) == audits


def test_updates_are_audited(workbook: Workbook) -> None:
    _update(workbook)
    with workbook.transaction() as session:
        events = session.exec(select(AuditEvent)).all()
    assert [(e.action, e.entity, e.entity_id) for e in events] == [
        ("edit", "company_profile", company.PROFILE_ID)
    ]


# -- the logo ------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_a_png_or_jpeg_logo_is_stored(workbook: Workbook, fmt: str, mime: str) -> None:
    data = _image(fmt)
    info = company.set_logo(workbook, data)
    assert info.logo == data
    assert info.logo_mime == mime
    stored = company.get_company(workbook)
    assert stored.logo == data
    assert stored.logo_mime == mime


def test_a_logo_with_transparency_is_accepted(workbook: Workbook) -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(buffer, "PNG")
    assert company.set_logo(workbook, buffer.getvalue()).logo_mime == "image/png"


def test_a_new_logo_replaces_the_old_one(workbook: Workbook) -> None:
    company.set_logo(workbook, _image("PNG"))
    jpeg = _image("JPEG")
    info = company.set_logo(workbook, jpeg)
    assert (info.logo, info.logo_mime) == (jpeg, "image/jpeg")


def _refused_logos() -> dict[str, bytes]:
    png = _image("PNG")
    return {
        "text": b"This is not an image at all.\n",
        "gif": _image("GIF"),
        "bmp": _image("BMP"),
        "empty": b"",
        "truncated-png": png[: len(png) // 2],
        "png-signature-only": b"\x89PNG\r\n\x1a\n",
        "oversized-blob": b"\x89PNG\r\n\x1a\n" + b"\x00" * (2 * 1024 * 1024),
        "too-wide": _image("PNG", size=(company.LOGO_MAX_SIDE + 1, 1)),
    }


@pytest.mark.parametrize("kind", sorted(_refused_logos()))
def test_bad_logos_are_refused_and_change_nothing(workbook: Workbook, kind: str) -> None:
    good = _image("PNG")
    company.set_logo(workbook, good)
    audits = _audit_count(workbook)

    with pytest.raises(ValidationError) as info:
        company.set_logo(workbook, _refused_logos()[kind])

    assert set(info.value.errors) == {"logo"}
    stored = company.get_company(workbook)
    assert (stored.logo, stored.logo_mime) == (good, "image/png")
    assert _audit_count(workbook) == audits


def test_a_gif_is_named_in_the_refusal(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as info:
        company.set_logo(workbook, _image("GIF"))
    assert "GIF" in info.value.errors["logo"]


def test_a_real_png_over_2_mb_is_refused(workbook: Workbook) -> None:
    data = _noise_png(900)
    assert len(data) > company.LOGO_MAX_BYTES
    with pytest.raises(ValidationError) as info:
        company.set_logo(workbook, data)
    assert "2 MB" in info.value.errors["logo"]
    assert company.get_company(workbook).logo is None


def test_a_logo_just_under_the_limits_is_accepted(workbook: Workbook) -> None:
    data = _image("PNG", size=(company.LOGO_MAX_SIDE, 1))
    assert company.set_logo(workbook, data).logo == data


def test_clear_logo_removes_it(workbook: Workbook) -> None:
    _update(workbook, name="Keep me")
    company.set_logo(workbook, _image("JPEG"))

    info = company.clear_logo(workbook)

    assert (info.logo, info.logo_mime) == (None, None)
    stored = company.get_company(workbook)
    assert (stored.logo, stored.logo_mime) == (None, None)
    assert stored.name == "Keep me"


def test_clear_logo_on_an_empty_workbook_is_harmless(workbook: Workbook) -> None:
    info = company.clear_logo(workbook)
    assert info.logo is None
    assert info.default_currency == "EUR"


def test_logo_changes_are_audited(workbook: Workbook) -> None:
    company.set_logo(workbook, _image("PNG"))
    company.clear_logo(workbook)
    with workbook.transaction() as session:
        events = session.exec(select(AuditEvent)).all()
    assert [e.action for e in events] == ["set_logo", "clear_logo"]
    assert all(e.entity == "company_profile" for e in events)


# -- choices --------------------------------------------------------------------------------


def test_currency_choices_are_sorted_codes_with_names() -> None:
    choices = company.currency_choices()
    codes = [code for code, _ in choices]
    assert codes == sorted(codes)
    assert dict(choices)["EUR"] == "Euro"
    assert "XYZ" not in codes


def test_locale_choices_have_a_territory_and_can_be_saved(workbook: Workbook) -> None:
    choices = company.locale_choices()
    codes = [code for code, _ in choices]
    assert "en_GB" in codes
    assert "de_DE" in codes
    assert all("_" in code for code in codes)
    for code in ["en_GB", "de_DE", codes[0], codes[-1]]:
        assert company.normalise_locale(code) == code


def test_the_time_zone_is_saved_with_the_profile_or_not_at_all(workbook: Workbook) -> None:
    from hiring_desk.services.common import time_zones

    _update(workbook, timezone="america/new_york")
    assert time_zones.default_timezone(workbook) == "America/New_York"
    with pytest.raises(ValidationError) as refused:
        _update(workbook, timezone="Europe/Atlantis", name="Renamed Ltd")
    assert set(refused.value.errors) == {"timezone"}
    assert time_zones.default_timezone(workbook) == "America/New_York"
    assert company.get_company(workbook).name != "Renamed Ltd"
