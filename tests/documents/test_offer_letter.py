"""The offer-letter PDF: every part of the letter, in any script, with markup printed literally."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from reportlab.platypus import Paragraph
from tests.conftest import TODAY, on_day
from tests.pdf_helpers import page_texts, pdf_words

from hiring_desk.documents.fonts import register_fonts
from hiring_desk.documents.offer_letter import body_flowables, letter_styles, letter_to_pdf
from hiring_desk.domain.letter_fields import PrintedLetter
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.offers.offer_letters import freeze_letter

NASTY = "AT&T <b>Smith</b>"

#: The demo's offer starts on the first Monday at least five weeks after the day it is made.
DEMO_STARTS = {
    TODAY: "4 January 2027",
    date(2026, 2, 28): "6 April 2026",  # a Saturday
    date(2026, 12, 7): "11 January 2027",
    date(2026, 12, 31): "8 February 2027",  # the year turns
}


@pytest.fixture(scope="module")
def demo_letter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrintedLetter]:
    """The letter for the demo workbook's offer, made and printed on ``TODAY``."""
    with on_day(TODAY):
        workbook = create_demo_workbook(tmp_path_factory.mktemp("demo") / "d.hiringdesk")
        try:
            yield freeze_letter(workbook, 1)
        finally:
            workbook.close()


def png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (240, 80), (31, 78, 121)).save(out, "PNG")
    return out.getvalue()


def test_the_demo_letter_has_every_part(demo_letter: PrintedLetter, tmp_path: Path) -> None:
    out = tmp_path / "offer.pdf"
    letter_to_pdf(demo_letter, out, png())
    text = pdf_words(out)
    assert demo_letter.date == "30 November 2026"
    for part in (
        "Harbourlight Software Ltd",  # letterhead
        "Margaux Lefèvre Flat 3, 18 Seabright Terrace Dún Laoghaire",  # address block
        "Dear Margaux Lefèvre,",
        "Summary of terms",
        "Salary €88,000 per year",
        f"Start date {DEMO_STARTS[TODAY]}",
        "Signed for and on behalf of Harbourlight Software Ltd",
        "Niamh Gallagher Founder and CEO",
        "I accept this offer on the terms set out in this letter.",
        "Margaux Lefèvre Candidate",
        "Offer letter for Margaux Lefèvre",  # the footer
    ):
        assert part in text, part
    assert text.count("Signature") == 2 and text.count("Date") >= 2
    assert demo_letter.date in text
    pages = len(page_texts(out))
    assert pages >= 1 and f"Page {pages} of {pages}" in text


@pytest.mark.parametrize("day", DEMO_STARTS)
def test_the_demo_offer_starts_five_weeks_on_whatever_the_day(day: date, tmp_path: Path) -> None:
    with on_day(day):
        workbook = create_demo_workbook(tmp_path / "d.hiringdesk")
        try:
            letter = freeze_letter(workbook, 1)
        finally:
            workbook.close()
    assert ("Start date", DEMO_STARTS[day]) in letter.terms
    assert letter.date == f"{day.day} {day:%B %Y}"


def test_markup_and_every_script_print_literally(
    demo_letter: PrintedLetter, tmp_path: Path
) -> None:
    letter = replace(
        demo_letter,
        candidate_name=NASTY,
        recipient=f"{NASTY}\n王小明 김민준\nΑθήνα",
        body=f"# {NASTY}\n\nDear {NASTY}, Ирина & さくら\n\n- <i>one</i>\n- two & three",
        terms=(("Salary", "<b>€1</b>"), ("Benefits", "Line 1\nLine <2>")),
        company_name="Example & <Co>",
        signatory_name="Αλέξανδρος Παπαδόπουλος",
    )
    out = tmp_path / "nasty.pdf"
    letter_to_pdf(letter, out, None)
    text = pdf_words(out)
    assert text.count(NASTY) >= 4  # address, heading, greeting, signature, footer
    for part in ("王小明 김민준", "Αθήνα", "Ирина & さくら", "<i>one</i>", "two & three"):
        assert part in text, part
    for part in ("<b>€1</b>", "Line <2>", "Example & <Co>", "Αλέξανδρος Παπαδόπουλος"):
        assert part in text, part


def test_a_long_letter_numbers_every_page(demo_letter: PrintedLetter, tmp_path: Path) -> None:
    body = "\n\n".join(
        f"Paragraph {n}. " + "We look forward to working with you. " * 12 for n in range(30)
    )
    out = tmp_path / "long.pdf"
    letter_to_pdf(replace(demo_letter, body=body), out, None)
    texts = page_texts(out)
    assert len(texts) >= 3
    for page, text in enumerate(texts, 1):
        assert f"Page {page} of {len(texts)}" in text
    assert "Paragraph 29." in pdf_words(out)


def test_the_body_becomes_headings_paragraphs_and_lists() -> None:
    styles = letter_styles(register_fonts())
    body = "# Welcome\n\nDear Zoë,\nsecond line\n\n\n- one\n- two\n\n# not a heading\nmore\n"
    flowables = body_flowables(body, styles)
    kinds = [(f.style.name, f.text) for f in flowables if isinstance(f, Paragraph)]
    assert kinds == [
        ("LetterHeading", "Welcome"),
        ("LetterBody", "Dear Zoë,<br/>second line"),
        ("LetterItem", "<bullet>•</bullet>one"),
        ("LetterItemLast", "<bullet>•</bullet>two"),
        ("LetterBody", "# not a heading<br/>more"),
    ]


def test_an_empty_letter_still_makes_a_pdf() -> None:
    out = BytesIO()
    letter_to_pdf(PrintedLetter.from_text(""), out, None)
    text = pdf_words(out)
    assert text.count("Signature") == 2 and text.endswith("Page 1 of 1")


def test_a_logo_that_is_not_an_image_is_refused(demo_letter: PrintedLetter, tmp_path: Path) -> None:
    out = tmp_path / "bad.pdf"
    with pytest.raises(ValueError, match="logo"):
        letter_to_pdf(demo_letter, out, b"not an image")
    assert not out.exists()
