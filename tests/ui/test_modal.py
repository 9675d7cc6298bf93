"""Modal dialogs are answered, then let go (``ui.modal.run_modal``), and a closed
window lets go of its workbook and pages: nothing a day's work opened stays in memory."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.settings import Settings


def test_the_answer_is_read_after_run_modal_then_the_dialog_is_deleted(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QDialog(parent)
    field = QLineEdit(dialog)

    def answer() -> None:
        field.setText("Ada")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert run_modal(dialog) == QDialog.DialogCode.Accepted
    assert field.text() == "Ada"  # still there on the lines after the call
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    assert parent.findChildren(QDialog) == []


def _gone(ref: weakref.ref[object]) -> bool:
    gc.collect()
    return ref() is None


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    qtbot.waitUntil(lambda: page.model.total > 0, timeout=10_000)
    qtbot.keyClicks(page.filters.search, text)
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=10_000)


def test_a_closed_window_lets_go_of_its_workbook_and_pages(qtbot: QtBot, demo_copy: Path) -> None:
    window = MainWindow(Settings())
    window.show()
    qtbot.waitExposed(window)
    window.open_initial(demo_copy)
    for key, _title, _icon in AREAS:  # every page built, each reading on worker threads
        window.show_area(key)
    _search(qtbot, window, "nobody by this name")
    assert window.workbook is not None
    workbook = weakref.ref(window.workbook)
    pages = [weakref.ref(page) for page in window.pages.values()]
    assert len(pages) == len(AREAS)

    window.close()  # closes its workbook
    window.deleteLater()
    del window

    qtbot.waitUntil(lambda: _gone(workbook), timeout=10_000)
    assert all(_gone(page) for page in pages)
