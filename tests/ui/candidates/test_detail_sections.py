"""The detail panel's sections: every name shows whole at 1280 px, and the keyboard reaches each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.ui.main_window import MainWindow

SECTIONS = ["Profile", "Applications", "Interviews", "Files", "Timeline", "Notes"]


def _shown(window: MainWindow, qtbot: QtBot, width: int) -> None:
    cid = candidate_records.create_candidate(workbook_of(window), CandidateInput(name="王小明")).id
    window.resize(width, 800)
    page = page_of(window)
    page.refresh()
    page.detail.show_candidate(cid)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(20)


def test_every_section_name_is_whole_at_1280_px(window: MainWindow, qtbot: QtBot) -> None:
    _shown(window, qtbot, 1280)
    tabs = page_of(window).detail.tabs
    names = tabs.sections
    assert [tabs.tabText(i) for i in range(tabs.count())] == SECTIONS
    assert names.isVisible()
    assert not names.horizontalScrollBar().isVisible()
    assert not names.verticalScrollBar().isVisible()
    inside = names.viewport().rect()
    metrics = names.fontMetrics()
    for row in range(names.count()):
        item = names.item(row)
        rect = names.visualItemRect(item)
        assert inside.contains(rect), item.text()
        assert metrics.horizontalAdvance(item.text()) <= rect.width(), item.text()
    # and the pages beside them keep a usable width
    assert tabs.pages.width() >= 200


def test_sections_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    _shown(window, qtbot, 1280)
    detail = page_of(window).detail
    tabs = detail.tabs
    tabs.sections.setFocus()
    qtbot.waitUntil(tabs.sections.hasFocus)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(tabs.sections, Qt.Key.Key_Down)
    assert tabs.currentIndex() == 1 and tabs.pages.currentWidget().isVisible()
    qtbot.keyClick(tabs.sections, Qt.Key.Key_End)
    assert tabs.currentWidget() is detail.notes
    # From inside a page, as with tabs: Ctrl+PgDown / Ctrl+PgUp go round the sections.
    detail.notes.setFocus()
    qtbot.waitUntil(detail.notes.hasFocus)
    qtbot.keyClick(detail.notes, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(
        tabs.pages.currentWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert tabs.currentWidget() is detail.notes
