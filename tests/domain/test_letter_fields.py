"""Offer-letter merge fields, the terms table's rows, and the letter as stored."""

from __future__ import annotations

import json
from dataclasses import fields, replace

from hiring_desk.domain.letter_fields import (
    GROUPS,
    MERGE_FIELDS,
    LetterContext,
    PrintedLetter,
    sample_context,
    split_name,
)

LETTER = PrintedLetter(
    template="full-time-employee",
    date="5 February 2027",
    company_name="Harbourlight Software Ltd",
    company_address="Unit 3\nDublin 8",
    recipient="Zoë Ødegård\n1 Main Street",
    body='# Offer\n\nDear Zoë,\n\n"Quoted" & <b>literal</b> 王小明',
    terms=(("Salary", "€65,000 per year"), ("Benefits", "Leave\nPension")),
    signatory_name="Niamh Gallagher",
    signatory_title="Founder and CEO",
    candidate_name="Zoë Ødegård",
    title="Offer letter: Backend Developer",
)


def test_every_field_is_documented_and_nothing_else() -> None:
    context = sample_context()
    names = {
        f"{group.name}.{item.name}"
        for group in fields(LetterContext)
        for item in fields(getattr(context, group.name))
    }
    assert set(MERGE_FIELDS) == names
    assert GROUPS == ("candidate", "role", "company", "signatory", "offer", "letter")
    assert all(text.strip() for text in MERGE_FIELDS.values())


def test_the_sample_fills_every_field() -> None:
    values = sample_context().values()
    assert set(values) == set(MERGE_FIELDS)
    assert all(value.strip() for value in values.values())


def test_terms_list_only_what_has_a_value() -> None:
    context = sample_context()
    labels = [label for label, _ in context.terms()]
    assert labels == [
        "Role",
        "Salary",
        "Bonus",
        "Start date",
        "Employment type",
        "Probation",
        "Working hours",
        "Place of work",
        "Benefits",
        "Please answer by",
        "Conditions",
    ]
    bare = replace(context, offer=replace(context.offer, bonus="", conditions="  ", probation=""))
    assert [label for label, _ in bare.terms()] == [
        label for label in labels if label not in ("Bonus", "Conditions", "Probation")
    ]
    assert ("Salary", "€62,000 per year") in context.terms()


def test_a_contractor_has_a_fee_and_an_engagement() -> None:
    context = sample_context()
    contract = replace(context, offer=replace(context.offer, employment_type="Contract"))
    labels = [label for label, _ in contract.terms()]
    assert "Fee" in labels and "Engagement" in labels
    assert "Salary" not in labels and "Employment type" not in labels


def test_split_name() -> None:
    assert split_name("Aoife  Ní Bhriain ") == ("Aoife", "Ní Bhriain")
    assert split_name("王小明") == ("王小明", "")
    assert split_name("") == ("", "")


def test_the_stored_letter_reads_back_exactly() -> None:
    stored = LETTER.to_text()
    data = json.loads(stored)
    assert data["format"] == "hiring-desk/offer-letter" and data["version"] == 1
    assert "王小明" in stored  # kept readable, not escaped
    assert PrintedLetter.from_text(stored) == LETTER


def test_text_that_is_not_a_stored_letter_becomes_its_body() -> None:
    for text in ("Dear Zoë,\n\nWelcome.", '{"format": "other"}', "[1, 2]", ""):
        letter = PrintedLetter.from_text(text)
        assert letter.body == text and letter.terms == () and letter.template == ""


def test_odd_values_in_a_stored_letter_are_ignored() -> None:
    data = json.loads(LETTER.to_text())
    data.update(date=5, terms=[["Salary", "€1"], ["broken"], "x", ["a", "b", "c"]])
    letter = PrintedLetter.from_text(json.dumps(data))
    assert letter.date == "" and letter.terms == (("Salary", "€1"),)


def test_plain_text_has_every_part_in_order() -> None:
    text = LETTER.plain_text()
    parts = [
        "Harbourlight Software Ltd\nUnit 3\nDublin 8",
        "5 February 2027",
        "Zoë Ødegård\n1 Main Street",
        "# Offer",
        "Salary    €65,000 per year\nBenefits  Leave\n          Pension",
        "Signed for Harbourlight Software Ltd: Niamh Gallagher, Founder and CEO",
        "Accepted by: Zoë Ødegård",
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    assert '"Quoted" & <b>literal</b> 王小明' in text
