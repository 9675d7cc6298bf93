"""At 1280x800 every page fits: nothing reaches outside the window, no label, button
or column heading is cut short, the Roles overview needs no sideways scrolling, and
a page shows at most one primary button. Checked full (the demo workbook) and empty,
light and dark."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, overview_read

from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.candidates.candidate_header import CandidateHeader
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import FIRST_SIZE, MainWindow
from hiring_desk.ui.reports.reports_page import ReportsPage
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.theme import apply_theme, is_primary

PAGES = tuple(key for key, _label, _icon in AREAS)
WIDTH, HEIGHT = 1280, 800


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    apply_theme(request.param)
    yield request.param
    apply_theme("system")


def _inside_a_scrolled_view(widget: QWidget) -> bool:
    """Within a list, table or scroll area's viewport: it scrolls, it may be larger."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def _shown_at_size(
    window: MainWindow, qtbot: QtBot, area: str, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> QWidget:
    width, height = size
    window.resize(width, height)
    window.show_area(area)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    page = window.pages[area]
    qtbot.waitUntil(page.isVisible)
    # The pages that read on a worker thread: wait for what they show (on a busy
    # machine late in a full run the report's figures can take more than 5 s).
    if isinstance(page, RolesPage):
        overview_read(qtbot, page)
    elif isinstance(page, CandidatesPage):
        qtbot.waitUntil(lambda: not page.model.pending, timeout=30_000)
    elif isinstance(page, ReportsPage):
        qtbot.waitUntil(lambda: not page.query.pending, timeout=30_000)
    QApplication.processEvents()
    return page


def _check_fits(window: MainWindow, page: QWidget) -> None:
    bounds = window.rect()
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisible() or _inside_a_scrolled_view(widget):
            continue
        name = widget.objectName() or type(widget).__name__
        where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert bounds.contains(where), f"{name} reaches outside the window: {where}"
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            shown = widget.text()
            if widget.buddy() is not None:  # "Sho&w:" shows "Show:"
                shown = shown.replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = widget.fontMetrics().horizontalAdvance(shown)
            assert needed <= widget.contentsRect().width(), f"{name} is cut short"
        if isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            lines = widget.heightForWidth(widget.contentsRect().width())
            assert lines <= widget.contentsRect().height(), f"{name}: lines are cut off"
        if isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = widget.fontMetrics().horizontalAdvance(text)
            assert needed < widget.width(), f"button {text!r} is cut short"
    # One primary action for the page, and one for the record a detail panel shows
    # (the candidate header's next step).
    for region in (page, *page.findChildren(CandidateHeader)):
        primaries = [
            w.objectName()
            for w in region.findChildren(QAbstractButton)
            if w.isVisible() and is_primary(w) and _region_of(w, page) is region
        ]
        assert len(primaries) <= 1, f"more than one primary button: {primaries}"


def _region_of(button: QWidget, page: QWidget) -> QWidget:
    """The candidate header ``button`` is in, else the page."""
    widget: QWidget | None = button
    while widget is not None and widget is not page:
        if isinstance(widget, CandidateHeader):
            return widget
        widget = widget.parentWidget()
    return page


def _check_roles_table(page: RolesPage) -> None:
    table = page.table
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    model = page.model
    for column in range(model.columnCount()):
        text = str(model.headerData(column, header.orientation()))
        assert header.fontMetrics().horizontalAdvance(text) < header.sectionSize(column), text
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= table.viewport().width() + 1, text


@pytest.mark.parametrize("area", PAGES)
def test_full_pages_fit(
    make_window: MakeWindow, demo_copy: Path, qtbot: QtBot, theme: str, area: str
) -> None:
    window = make_window(demo_copy)
    page = _shown_at_size(window, qtbot, area)
    _check_fits(window, page)
    if isinstance(page, RolesPage):
        assert page.model.rowCount() >= 2
        _check_roles_table(page)


@pytest.mark.parametrize("area", PAGES)
def test_full_pages_fit_the_first_window_size(
    make_window: MakeWindow, demo_copy: Path, qtbot: QtBot, area: str
) -> None:
    """At the window's first size too, nothing is cut short (a table may scroll)."""
    window = make_window(demo_copy)
    _check_fits(window, _shown_at_size(window, qtbot, area, FIRST_SIZE))


@pytest.mark.parametrize("area", PAGES)
def test_empty_pages_fit(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, theme: str, area: str
) -> None:
    path = tmp_path / "nothing_yet.hiringdesk"
    create_workbook(path).close()
    window = make_window(path)
    page = _shown_at_size(window, qtbot, area)
    _check_fits(window, page)
    buttons = [
        w for w in page.findChildren(QAbstractButton) if w.objectName().endswith("_empty_button")
    ]
    assert [b for b in buttons if b.isVisible()], "an empty page offers its button"


def test_the_candidates_toolbar_and_filters_fit_beside_each_other(
    make_window: MakeWindow, demo_copy: Path, qtbot: QtBot
) -> None:
    """The Candidates page at 1280x800: its toolbar (all its buttons, the view switch)
    and its filters each take one row, above the table."""
    window = make_window(demo_copy)
    page = _shown_at_size(window, qtbot, "candidates")
    assert isinstance(page, CandidatesPage)
    bar, filters = page.toolbar, page.filters
    row_height = bar.sizeHint().height()
    assert bar.height() <= row_height + 2 and bar.width() >= bar.sizeHint().width()
    assert filters.height() <= filters.sizeHint().height() + 2
    assert bar.geometry().bottom() < filters.geometry().top() < page.table.mapTo(page, QPoint()).y()
    assert page.table.height() > HEIGHT // 2
