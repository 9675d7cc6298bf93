"""The hiring report's PDF: sections with vector charts, tables, notes and messages."""

from __future__ import annotations

from io import BytesIO

from tests.pdf_helpers import pdf_reader, pdf_title, pdf_words

from hiring_desk.documents.letterhead import Letterhead
from hiring_desk.documents.report_pdf import report_to_pdf
from hiring_desk.documents.report_views import Bar, ReportDocument, ReportSection, ReportTable

LETTERHEAD = Letterhead("Harbourlight Software Ltd", "1 Quay Street\nGalway", None, "")


def section(key: str, bars: tuple[Bar, ...], message: str = "") -> ReportSection:
    rows = tuple((bar.label, f"{bar.value:g}") for bar in bars)
    return ReportSection(
        key, f"Section {key}", f"What {key} counts.", bars, message,
        ReportTable(("Thing", "Number"), rows) if rows else None,
    )  # fmt: skip


def made(document: ReportDocument) -> BytesIO:
    out = BytesIO()
    report_to_pdf(document, out, LETTERHEAD)
    return out


def test_each_section_has_its_chart_numbers_table_and_note() -> None:
    bars = (Bar("Applied", 12, "12"), Bar("Screening", 7, "7 (58%)"), Bar("Hired", 0, "0"))
    long = (
        Bar("Rejected at Interview: Salary expectation far above the budget", 3, "3"),
        Bar("Withdrew at Screening", 1, "1"),
        Bar("Rejected at Applied: Skills", 2, "2"),
    )
    document = ReportDocument(
        "Hiring report: Backend Developer",
        "All time · 12 applications",
        "30 Nov 2026",
        (
            section("funnel", bars),
            section("reasons", long),
            section("empty", (), "Not enough data yet: nothing to show for this role and range."),
        ),
    )

    pdf = made(document)

    words = pdf_words(pdf)
    assert pdf_title(pdf) == "Hiring report: Backend Developer"
    assert "Harbourlight Software Ltd" in words
    assert "All time · 12 applications · Made 30 Nov 2026" in words
    assert "7 (58%)" in words  # the number beside its bar
    assert "Screening 7" in words  # and in the table
    assert "What funnel counts." in words and "What empty counts." in words
    # A label too long for the chart is shortened there, whole in the table.
    assert "Rejected at Interview: Salary expectation far above the budget 3" in words
    assert "Not enough data yet: nothing to show for this role and range." in words
    # Vector drawing: no picture in the file (the letterhead has no logo here).
    for page in pdf_reader(pdf).pages:
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources


def test_a_section_with_too_little_data_has_its_message_and_table_but_no_chart() -> None:
    table_only = ReportSection(
        "offers", "Offers", "Offers count once sent.", (),
        "Not enough data yet for a chart (1 offer); the numbers are below.",
        ReportTable(("Offers", "Number"), (("Made (sent)", "1"),)),
    )  # fmt: skip
    document = ReportDocument(
        "Hiring report: All roles", "All time · 2 applications", "", (table_only,)
    )

    words = pdf_words(made(document))

    assert "Not enough data yet for a chart (1 offer); the numbers are below." in words
    assert "Made (sent) 1" in words
