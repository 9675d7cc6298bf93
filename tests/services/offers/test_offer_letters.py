"""An offer's letter: its merge fields, problems before printing, and the letter kept as printed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select
from tests.pdf_helpers import page_texts, pdf_text, pdf_words
from tests.services.offers.letter_setup import add_offer, change_offer, stored_offer

from hiring_desk.services.common.errors import NotFoundError, ServiceError
from hiring_desk.services.offers.letter_templates import save_own_template
from hiring_desk.services.offers.offer_letters import (
    LetterProblemsError,
    freeze_letter,
    letter_context,
    letter_state,
    preview_letter,
    render_letter,
    write_letter_pdf,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent

TODAY = date(2027, 2, 5)


# -- the merge fields ------------------------------------------------------------------------


def test_the_context_is_formatted_for_the_workbook(workbook: Workbook) -> None:
    offer_id = add_offer(workbook)
    context = letter_context(workbook, offer_id, today=TODAY)
    assert context.candidate.name == "Margaux Lefèvre"
    assert (context.candidate.first_name, context.candidate.last_name) == ("Margaux", "Lefèvre")
    assert context.candidate.address == "Flat 3, 18 Seabright Terrace\nDún Laoghaire\nCo. Dublin"
    assert context.role.title == "Backend Developer"
    assert context.role.hiring_manager == "Tomás Ó Briain"
    assert context.company.name == "Harbourlight Software Ltd"
    assert (context.signatory.name, context.signatory.title) == (
        "Niamh Gallagher",
        "Founder and CEO",
    )
    assert (context.offer.salary, context.offer.pay_period) == ("€65,000", "per year")
    assert context.offer.start_date == "1 March 2027"
    assert context.offer.expiry_date == "12 February 2027"
    assert context.offer.employment_type == "Full-time"
    assert context.offer.benefits == "25 days' annual leave\nHealth insurance"
    assert context.letter.date == "5 February 2027"


@pytest.mark.parametrize(
    ("salary_minor", "currency", "locale", "expected"),
    [
        (6_500_000, "EUR", "en_IE", "€65,000"),
        (4_550, "EUR", "en_IE", "€45.50"),
        (9_000_000, "JPY", "ja_JP", "￥9,000,000"),
        (6_500_000, "EUR", "de_DE", "65.000\xa0€"),
        (5_000_000, "GBP", "en_GB", "£50,000"),
    ],
)
def test_money_is_in_the_offers_currency_and_the_workbooks_locale(
    workbook: Workbook, salary_minor: int, currency: str, locale: str, expected: str
) -> None:
    offer_id = add_offer(
        workbook,
        offer={"salary_minor": salary_minor, "currency": currency},
        company={"locale": locale},
    )
    assert letter_context(workbook, offer_id).offer.salary == expected


def test_dates_follow_the_locale(workbook: Workbook) -> None:
    offer_id = add_offer(workbook, company={"locale": "de_DE"})
    assert letter_context(workbook, offer_id, today=TODAY).offer.start_date == "1. März 2027"


def test_an_unknown_offer_is_not_found(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        letter_context(workbook, 42)


# -- rendering and its problems --------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["full-time-employee", "part-time-employee", "fixed-term-contractor"]
)
def test_every_built_in_template_renders_for_a_complete_offer(workbook: Workbook, key: str) -> None:
    text = render_letter(workbook, add_offer(workbook), key)
    assert "Dear Margaux Lefèvre," in text and "€65,000 per year" in text
    assert "1 March 2027" in text and "12 February 2027" in text


def test_an_unknown_field_is_reported_before_printing(workbook: Workbook) -> None:
    offer_id = add_offer(workbook)
    mine = save_own_template(workbook, "Mine", "Dear {{ candidate.name }},")
    with workbook.transaction() as session:  # a body saved before the check existed
        from hiring_desk.store.models import UserTemplate

        row = session.get(UserTemplate, int(mine.key.removeprefix("user:")))
        assert row is not None
        row.content = "Dear {{ candidate.nickname }},"
    with pytest.raises(LetterProblemsError) as caught:
        render_letter(workbook, offer_id, mine.key)
    assert [p.field for p in caught.value.problems] == ["candidate.nickname"]
    assert stored_offer(workbook, offer_id).printed_at is None


@pytest.mark.parametrize(
    ("offer", "candidate", "signatory", "field"),
    [
        ({"start_date": None}, {}, True, "offer.start_date"),
        ({"expiry_date": None}, {}, True, "offer.expiry_date"),
        ({}, {"postal_address": "  \n "}, True, "candidate.address"),
        ({}, {}, False, "signatory.name"),
    ],
)
def test_an_empty_field_is_reported_before_printing(
    workbook: Workbook,
    offer: dict[str, object],
    candidate: dict[str, object],
    signatory: bool,
    field: str,
    tmp_path: Path,
) -> None:
    offer_id = add_offer(workbook, offer=offer, candidate=candidate, signatory=signatory)
    preview = preview_letter(workbook, offer_id, "full-time-employee")
    assert preview.letter is None
    assert field in [p.field for p in preview.problems]
    with pytest.raises(LetterProblemsError):
        freeze_letter(workbook, offer_id, "full-time-employee")
    with pytest.raises(LetterProblemsError):
        write_letter_pdf(workbook, offer_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert stored_offer(workbook, offer_id).printed_at is None


def test_optional_terms_may_be_empty(workbook: Workbook) -> None:
    offer_id = add_offer(
        workbook, offer={"bonus": "", "conditions": "", "probation": "", "benefits": ""}
    )
    preview = preview_letter(workbook, offer_id, "full-time-employee")
    assert preview.problems == ()
    assert preview.letter is not None
    labels = [label for label, _ in preview.letter.terms]
    assert "Bonus" not in labels and "Conditions" not in labels and "Salary" in labels


def test_a_preview_stores_nothing(workbook: Workbook) -> None:
    offer_id = add_offer(workbook)
    preview = preview_letter(workbook, offer_id, "part-time-employee", today=TODAY)
    assert preview.letter is not None and preview.letter.date == "5 February 2027"
    assert "part-time" in preview.letter.body
    assert stored_offer(workbook, offer_id).letter_text == ""


# -- the letter as printed -------------------------------------------------------------------


def test_the_first_print_stores_the_letter(workbook: Workbook) -> None:
    offer_id = add_offer(workbook)
    letter = freeze_letter(workbook, offer_id, "full-time-employee", today=TODAY)
    row = stored_offer(workbook, offer_id)
    assert row.letter_template == "full-time-employee" and row.printed_at is not None
    assert json.loads(row.letter_text)["body"] == letter.body
    assert letter.recipient.startswith("Margaux Lefèvre\nFlat 3")
    assert ("Salary", "€65,000 per year") in letter.terms
    state = letter_state(workbook, offer_id)
    assert state.frozen and state.printed == letter and state.printed_at == row.printed_at


def test_a_reprint_is_the_same_letter_after_the_offer_and_template_change(
    workbook: Workbook,
) -> None:
    offer_id = add_offer(workbook)
    mine = save_own_template(workbook, "Mine", "Dear {{ candidate.name }}, {{ offer.salary }}.")
    first = freeze_letter(workbook, offer_id, mine.key, today=TODAY)
    change_offer(workbook, offer_id, salary_minor=9_900_000, status="sent")
    save_own_template(workbook, "Mine", "Hello {{ candidate.first_name }}!", key=mine.key)
    again = freeze_letter(workbook, offer_id, today=date(2031, 1, 1))
    assert again == first
    assert "€65,000" in again.body and again.date == "5 February 2027"
    assert letter_state(workbook, offer_id).terms_changed


def test_reprinted_pdfs_have_the_same_text(workbook: Workbook, tmp_path: Path) -> None:
    offer_id = add_offer(workbook)
    write_letter_pdf(workbook, offer_id, tmp_path / "first.pdf")
    change_offer(workbook, offer_id, salary_minor=1_234_500, bonus="None")
    write_letter_pdf(workbook, offer_id, tmp_path / "again.pdf")

    assert pdf_text(tmp_path / "first.pdf") == pdf_text(tmp_path / "again.pdf")
    assert "€65,000 per year" in pdf_words(tmp_path / "again.pdf")


def test_another_template_for_a_printed_letter_needs_regenerate(workbook: Workbook) -> None:
    offer_id = add_offer(workbook)
    freeze_letter(workbook, offer_id, "full-time-employee")
    with pytest.raises(ServiceError, match="Regenerate"):
        freeze_letter(workbook, offer_id, "part-time-employee")
    assert freeze_letter(workbook, offer_id, "full-time-employee").template == "full-time-employee"


@pytest.mark.parametrize("status", ["draft", "approved"])
def test_regenerate_while_draft_or_approved(workbook: Workbook, status: str) -> None:
    offer_id = add_offer(workbook, offer={"status": status})
    freeze_letter(workbook, offer_id, "full-time-employee")
    change_offer(workbook, offer_id, salary_minor=7_000_000)
    assert letter_state(workbook, offer_id).can_regenerate
    again = freeze_letter(workbook, offer_id, "part-time-employee", regenerate=True)
    assert again.template == "part-time-employee"
    assert ("Salary", "€70,000 per year") in again.terms
    assert stored_offer(workbook, offer_id).letter_template == "part-time-employee"
    assert not letter_state(workbook, offer_id).terms_changed


@pytest.mark.parametrize("status", ["sent", "accepted", "declined", "withdrawn"])
def test_regenerate_is_refused_once_sent(workbook: Workbook, status: str) -> None:
    offer_id = add_offer(workbook)
    first = freeze_letter(workbook, offer_id, "full-time-employee")
    change_offer(workbook, offer_id, status=status, salary_minor=7_000_000)
    assert not letter_state(workbook, offer_id).can_regenerate
    with pytest.raises(ServiceError, match="only while the offer is a draft or approved"):
        freeze_letter(workbook, offer_id, regenerate=True)
    assert freeze_letter(workbook, offer_id) == first


def test_the_first_print_of_a_sent_offer_is_allowed(workbook: Workbook) -> None:
    offer_id = add_offer(workbook, offer={"status": "sent"})
    assert freeze_letter(workbook, offer_id).template == "full-time-employee"


def test_the_default_template_follows_the_employment_type(workbook: Workbook) -> None:
    offer_id = add_offer(workbook, offer={"employment_type": "contract", "pay_period": "hour"})
    assert letter_state(workbook, offer_id).template_key == "fixed-term-contractor"
    letter = freeze_letter(workbook, offer_id)
    assert letter.template == "fixed-term-contractor"
    assert ("Fee", "€65,000 per hour") in letter.terms
    assert ("Engagement", "Contract") in letter.terms


def test_printing_is_audited_without_personal_data(workbook: Workbook) -> None:
    offer_id = add_offer(workbook)
    freeze_letter(workbook, offer_id)
    with workbook.transaction() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "print_letter")).all()
        assert [(e.entity, e.entity_id) for e in events] == [("offer", offer_id)]
        assert "Margaux" not in events[0].detail


def test_a_pdf_that_cannot_be_made_leaves_the_letter_unprinted(
    workbook: Workbook, tmp_path: Path
) -> None:
    offer_id = add_offer(workbook)
    with workbook.transaction() as session:
        from hiring_desk.store.models import CompanyProfile

        profile = session.get(CompanyProfile, 1)
        assert profile is not None
        profile.logo = b"not an image"
    out = tmp_path / "letter.pdf"
    with pytest.raises(ServiceError, match="logo"):
        write_letter_pdf(workbook, offer_id, out)
    assert not out.exists() and not (tmp_path / "letter.pdf.partial").exists()
    assert stored_offer(workbook, offer_id).printed_at is None


def test_a_pdf_that_cannot_be_written_leaves_the_letter_unprinted(
    workbook: Workbook, tmp_path: Path
) -> None:
    offer_id = add_offer(workbook)
    with pytest.raises(ServiceError, match="Could not write"):
        write_letter_pdf(workbook, offer_id, tmp_path / "missing" / "letter.pdf")
    assert stored_offer(workbook, offer_id).printed_at is None


# -- the DRAFT mark --------------------------------------------------------------------------

LONG_BENEFITS = "\n".join(f"Benefit number {n}, described at some length" for n in range(40))


def test_a_draft_offers_letter_says_draft_on_every_page(workbook: Workbook, tmp_path: Path) -> None:
    offer_id = add_offer(workbook, offer={"benefits": LONG_BENEFITS})
    state = letter_state(workbook, offer_id)
    assert state.draft_reason == "This offer is not approved yet, so the letter is marked DRAFT."
    write_letter_pdf(workbook, offer_id, tmp_path / "draft.pdf")
    pages = page_texts(tmp_path / "draft.pdf")
    assert len(pages) >= 2
    assert all("DRAFT" in page for page in pages)

    change_offer(workbook, offer_id, status="approved")  # the reprint, once approved, is clean
    assert letter_state(workbook, offer_id).draft_reason is None
    write_letter_pdf(workbook, offer_id, tmp_path / "approved.pdf")
    assert not any("DRAFT" in page for page in page_texts(tmp_path / "approved.pdf"))


def test_an_unapproved_offer_over_budget_says_so(workbook: Workbook) -> None:
    over = {"salary_min_minor": 5_000_000, "salary_max_minor": 6_000_000}
    offer_id = add_offer(workbook, role=over)
    reason = letter_state(workbook, offer_id).draft_reason
    assert reason is not None and "over the role's budget" in reason
    change_offer(workbook, offer_id, status="sent")
    assert letter_state(workbook, offer_id).draft_reason is None


@pytest.mark.parametrize(("approved", "marked"), [(False, True), (True, False)])
def test_a_withdrawn_offer_is_marked_unless_it_was_approved(
    workbook: Workbook, approved: bool, marked: bool
) -> None:
    offer_id = add_offer(workbook, offer={"status": "withdrawn"})
    if approved:
        change_offer(workbook, offer_id, approved_at=datetime(2027, 2, 1, 9, 0, tzinfo=UTC))
    assert (letter_state(workbook, offer_id).draft_reason is not None) is marked
