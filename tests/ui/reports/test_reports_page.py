"""The Reports page on a workbook with a known history (``report_setup``), by real clicks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.pdf_helpers import pdf_title, pdf_words
from tests.services.reports.report_setup import build_history

from hiring_desk.store import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.reports.reports_page import ReportsPage
from hiring_desk.ui.stage_colours import stage_colours
from hiring_desk.ui.theme import dark_palette

LEFT = Qt.MouseButton.LeftButton


def settled(qtbot: QtBot, page: ReportsPage) -> None:
    """Wait for the report asked for last to be shown."""
    qtbot.waitUntil(lambda: not page.query.pending, timeout=10000)


def open_page(qtbot: QtBot, workbook: Workbook) -> ReportsPage:
    page = ReportsPage()
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.set_workbook(workbook)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page)
    return page


@pytest.fixture
def page(qtbot: QtBot, workbook: Workbook, today: date) -> ReportsPage:
    build_history(workbook)
    return open_page(qtbot, workbook)


def bars(page: ReportsPage, key: str) -> list[tuple[str, str]]:
    return [(bar.label, bar.text) for bar in page.sections[key].chart.bars]


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, LEFT)


def choose_role(qtbot: QtBot, page: ReportsPage, title: str) -> None:
    """Pick a role with the keyboard from the start of the list, as a person would."""
    combo = page.role
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == title:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == title
    settled(qtbot, page)


def test_the_page_shows_every_section_of_all_roles(page: ReportsPage) -> None:
    assert page.heading.text() == "Hiring report: All roles · All time · 6 applications"
    assert bars(page, "funnel") == [
        ("Applied", "6"), ("Screening", "4 (67%)"), ("Interview", "3 (75%)"),
        ("Shortlisted", "2 (67%)"), ("Offer", "2 (100%)"), ("Hired", "1 (50%)"),
    ]  # fmt: skip
    assert bars(page, "stage_times")[2] == ("Interview", "3.0 days")
    assert bars(page, "sources")[1] == ("Referral", "2 (1 hired)")
    offers = page.sections["offers"]
    assert [text for _label, text in bars(page, "offers")] == ["1", "1", "1", "0", "0"]
    assert 'Above the budget</td><td align="right">1' in offers.table.text()
    assert offers.note.text().startswith("What counts: Offers count once sent.")
    chart = page.sections["funnel"].chart
    assert chart.isVisible() and chart.height() >= 6 * 20
    assert chart.tooltip_at(1) == "Screening: 4 (67%)"
    # Too few to chart: one hire, two interviewers' worth of scorecards.
    hire = page.sections["hire_fill"]
    assert not hire.chart.isVisible()
    assert hire.message.text() == (
        "Not enough data yet for a chart (1 hire); the numbers are below."
    )
    assert "17.0" in hire.table.text() and "35.0" in hire.table.text()
    assert bars(page, "interviewers") == [
        ("Aoife Byrne", "1 due · 1 late"),
        ("Ian Walsh", "2 due · 1 late"),
    ]


def test_choosing_a_role_and_a_range_redraws(qtbot: QtBot, page: ReportsPage) -> None:
    choose_role(qtbot, page, "Backend Developer")
    assert page.heading.text() == "Hiring report: Backend Developer · All time · 4 applications"
    assert [text for _label, text in bars(page, "funnel")][:3] == ["4", "2 (50%)", "2 (100%)"]

    click(qtbot, page.preset_buttons["report_last_30"])  # 1 to 30 Nov: Eve applied in October
    settled(qtbot, page)
    assert page.from_day.value() == date(2026, 11, 1) and page.to_day.value() == date(2026, 11, 30)
    assert page.heading.text().endswith("Applied 1 Nov 2026 to 30 Nov 2026 · 3 applications")

    click(qtbot, page.to_day.enabled)  # no end to the range
    settled(qtbot, page)
    assert page.heading.text().endswith("Applied from 1 Nov 2026 · 3 applications")

    choose_role(qtbot, page, "Designer")  # two applications: too few for charts
    funnel = page.sections["funnel"]
    assert not funnel.chart.isVisible()
    assert funnel.message.text().startswith("Not enough data yet for a chart (2 applications)")
    assert '<td align="right">2</td>' in funnel.table.text()

    click(qtbot, page.preset_buttons["report_all_time"])
    settled(qtbot, page)
    assert page.from_day.value() is None and page.to_day.value() is None
    assert page.heading.text() == "Hiring report: Designer · All time · 2 applications"


def test_an_empty_workbook_says_so_in_every_section(
    qtbot: QtBot, workbook: Workbook, today: date
) -> None:
    page = open_page(qtbot, workbook)

    assert page.heading.text() == "Hiring report: All roles · All time · 0 applications"
    # Nothing at all to count: the page says what belongs there and how to fill it.
    assert page.empty.isVisible() and not page.report_scroll.isVisible()
    with qtbot.waitSignal(page.import_requested):
        qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    for view in page.sections.values():
        assert (
            view.message.text() == "Not enough data yet: nothing to show for this role and range."
        )
        assert not view.chart.isVisibleTo(view) and not view.table.isVisibleTo(view)


def test_the_bars_take_their_colours_from_the_palette(qtbot: QtBot, page: ReportsPage) -> None:
    """The funnel's bars are stages: each in its stage's colour for the light or the
    dark theme; a bar that is no stage (a source) in the palette's highlight."""
    chart = page.sections["funnel"].chart
    assert chart.bars[0].stage == "applied"
    light = chart.grab().toImage()
    chart.setPalette(dark_palette())
    dark = chart.grab().toImage()
    rect = chart.bar_rect(0)
    x, y = int(rect.left() + chart.width() * 0.45), int(rect.center().y())
    assert light.pixelColor(x, y) == QColor(stage_colours("applied", dark=False).fill)
    assert dark.pixelColor(x, y) == QColor(stage_colours("applied", dark=True).fill)
    sources = page.sections["sources"].chart
    assert sources.bars and all(bar.stage is None for bar in sources.bars)
    picture = sources.grab().toImage()
    rect = sources.bar_rect(0)
    x, y = int(rect.left() + sources.width() * 0.45), int(rect.center().y())
    assert picture.pixelColor(x, y) == page.palette().color(QPalette.ColorRole.Highlight)


def test_print_saves_the_chosen_report_as_a_pdf(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.pdf"
    asked: list[str] = []

    def ask(_parent: QWidget | None, start: Path, _title: str = "") -> Path:
        asked.append(start.name)
        return out

    monkeypatch.setattr(file_dialogs, "ask_save_pdf", ask)
    choose_role(qtbot, page, "Backend Developer")

    click(qtbot, page.print_button)
    qtbot.waitUntil(lambda: page.operation is None, timeout=20000)

    assert asked == ["Hiring report - Backend Developer.pdf"]
    assert pdf_title(out) == "Hiring report: Backend Developer"
    assert "All time · 4 applications" in pdf_words(out)


def test_reports_is_an_area_of_the_window(
    make_window: Callable[[Path | None], MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "nav.hiringdesk"
    Workbook.create(path).close()
    window = make_window(path)

    nav = window.nav
    rect = nav.visualItemRect(nav.item(6))
    qtbot.mouseClick(nav.viewport(), LEFT, pos=rect.center())

    assert window.current_area() == "reports"
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    settled(qtbot, page)
    assert page.heading.text().endswith("0 applications")
    assert QApplication.instance() is not None
