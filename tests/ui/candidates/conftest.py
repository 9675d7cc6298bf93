"""Fixtures of the Candidates page's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, press

from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui.main_window import MainWindow


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    create_workbook(tmp_path / "c.hiringdesk").close()
    win = make_window(tmp_path / "c.hiringdesk")
    press(qtbot, win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    return win
