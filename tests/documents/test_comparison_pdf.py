"""The shortlist comparison PDF: three demo candidates, readable text, bold best values."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import pytest
from tests.pdf_helpers import pdf_reader, pdf_title, pdf_words
from tests.services.offers.comparison_setup import demo_shortlist

from hiring_desk.documents.comparison_pdf import CONFIDENTIAL, comparison_to_pdf
from hiring_desk.documents.letterhead import Letterhead
from hiring_desk.domain.formatting import format_day
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.offers.comparison import Comparison, ComparisonRow, RowGroup, compare

NASTY = "AT&T <b>Smith</b>"
LETTERHEAD = Letterhead(
    company_name="Harbour & Co <Ltd>", address="1 Quay Street\nGalway", logo=None, title="x"
)


@pytest.fixture(scope="module")
def demo_comparison(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Comparison]:
    workbook = create_demo_workbook(tmp_path_factory.mktemp("demo") / "demo.hiringdesk")
    try:
        role_id, ids = demo_shortlist(workbook)
        yield compare(workbook, role_id, ids)
    finally:
        workbook.close()


def _pdf(comparison: Comparison) -> bytes:
    buffer = BytesIO()
    comparison_to_pdf(comparison, buffer, LETTERHEAD)
    return buffer.getvalue()


def test_three_demo_candidates_print_readably(demo_comparison: Comparison) -> None:
    data = _pdf(demo_comparison)
    reader = pdf_reader(data)
    first = reader.pages[0].mediabox
    assert float(first.width) > float(first.height)  # landscape
    assert pdf_title(data) == "Shortlist comparison: Backend Developer"
    text = pdf_words(data)
    assert len(demo_comparison.names) == 3
    for name in demo_comparison.names:
        assert name in text
    assert "Shortlist comparison: Backend Developer" in text
    for salary in _row(demo_comparison, "Salary expectation").cells:
        assert salary.startswith("€") and salary in text
    assert demo_comparison.budget_shown in text
    assert f"Printed {format_day(demo_comparison.today)}" in text
    assert CONFIDENTIAL in text
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    for group in demo_comparison.groups:
        assert group.heading in text
        for row in group.rows:
            assert " ".join(row.label.split()) in text


def test_user_text_prints_literally(demo_comparison: Comparison) -> None:
    first = dataclasses.replace(demo_comparison.candidates[0], name=NASTY)
    comparison = dataclasses.replace(
        demo_comparison,
        role_title="R&D <i>Lead</i>",
        candidates=(first, *demo_comparison.candidates[1:]),
    )
    text = pdf_words(_pdf(comparison))
    assert NASTY in text
    assert "Shortlist comparison: R&D <i>Lead</i>" in text
    assert "Harbour & Co <Ltd>" in text


def test_the_best_value_is_bold_and_the_rest_regular(demo_comparison: Comparison) -> None:
    row = ComparisonRow("Marker row", ("winner-cell", "second-cell", "third-cell"), frozenset({0}))
    comparison = dataclasses.replace(demo_comparison, groups=(RowGroup("Markers", (row,)),))
    fonts = _fonts_by_text(_pdf(comparison))
    assert fonts["winner-cell"].endswith("DejaVuSans-Bold")
    assert fonts["second-cell"].endswith("DejaVuSans")
    assert fonts["third-cell"].endswith("DejaVuSans")


def test_five_candidates_with_long_text_fit_the_page_width(demo_comparison: Comparison) -> None:
    long_name = "Maximilian Alexander Fitzgerald-Ó Súilleabháin von Hohenberg"
    people = [
        dataclasses.replace(demo_comparison.candidates[i % 3], name=f"{long_name} {i}")
        for i in range(5)
    ]
    long_cell = ", ".join(["PostgreSQL performance tuning"] * 6)
    row = ComparisonRow("A label long enough to wrap onto a second line", (long_cell,) * 5)
    comparison = dataclasses.replace(
        demo_comparison,
        candidates=tuple(people),
        groups=(*demo_comparison.groups, RowGroup("Long", (row,))),
    )
    data = _pdf(comparison)
    text = pdf_words(data)
    for index in range(5):
        assert f"{long_name} {index}" in text  # wrapped, not cut
    assert text.count("PostgreSQL performance tuning") == 30


def _row(comparison: Comparison, label: str) -> ComparisonRow:
    return next(row for group in comparison.groups for row in group.rows if row.label == label)


def _fonts_by_text(data: bytes) -> dict[str, str]:
    """Each drawn string -> the base font it was drawn in."""
    found: dict[str, str] = {}

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            found[text.strip()] = str(font.get("/BaseFont", ""))

    for page in pdf_reader(data).pages:
        page.extract_text(visitor_text=visit)
    return found
