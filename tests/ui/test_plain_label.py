"""widgets.plain_label: the one label for text that comes from a workbook or a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiring_desk.ui.widgets import plain_label


def test_markup_in_the_text_is_shown_as_typed(qtbot: QtBot) -> None:
    label = plain_label("<b>Ann</b> & R&D <i>Lead</i>", "who")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Ann</b> & R&D <i>Lead</i>"
    assert label.objectName() == "who"
    assert label.wordWrap()
    assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_options(qtbot: QtBot) -> None:
    label = plain_label(name="status", wrap=False, selectable=True, style="color: red;")
    qtbot.addWidget(label)
    assert label.text() == "" and not label.wordWrap()
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.styleSheet() == "color: red;"
