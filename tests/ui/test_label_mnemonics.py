"""No label shows a literal '&': a label's Alt+letter needs a buddy to go to.

A QLabel without a buddy shows "Save &to:" as typed; QFormLayout.addRow(text, field)
gives its label a buddy only when the field is a widget, not a layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.services.interviews.scorecard_setup import book
from tests.ui.conftest import MakeWindow, press, workbook_of
from tests.ui.form_dialogs_setup import DIALOGS

from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store import Workbook
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog


def literal_ampersands(root: QWidget) -> list[str]:
    """The visible plain labels under ``root`` that show an '&' as typed."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text().replace("&&", "")
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        )
        if label.isVisible() and "&" in text and not rich and label.buddy() is None:
            found.append(label.text())
    return found


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_label_shows_a_literal_ampersand(name: str, qtbot: QtBot, workbook: Workbook) -> None:
    booked = book(workbook)
    dialog = DIALOGS[name](workbook, booked)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert literal_ampersands(dialog) == []


def test_the_pack_dialogs_save_to_label_takes_the_focus_to_the_file(
    qtbot: QtBot, workbook: Workbook
) -> None:
    booked = book(workbook)
    dialog = PrintPackDialog(workbook, None, booked.role_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    handle = dialog.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.file
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Save &to:" in labels and QKeySequence.mnemonic("Save &to:").toString() == "Alt+T"


def test_no_page_of_the_window_shows_a_literal_ampersand(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    create_workbook(tmp_path / "labels.hiringdesk").close()
    window = make_window(tmp_path / "labels.hiringdesk")
    book(workbook_of(window))
    for number in range(1, len(AREAS) + 1):
        press(qtbot, window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert literal_ampersands(window) == [], AREAS[number - 1][1]
