"""Fixtures for driving the real main window with pytest-qt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.team import acting_member

MakeWindow = Callable[[Path | None], MainWindow]


@pytest.fixture(autouse=True)
def answered_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No test may hang on a message box: unpatched questions are answered "yes".

    Tests that care about a question or message patch ``messages`` themselves.
    This also covers windows that pytest-qt closes after a failed test.
    """
    asked: list[str] = []

    def record(_parent: object, title: str, *_args: object, **_kwargs: object) -> bool:
        asked.append(title)
        return True

    for name in ("confirm", "show_error", "show_warning", "show_info"):
        monkeypatch.setattr(messages, name, record)
    # Closing a form with changes (a test's own reject()) discards them without asking.
    monkeypatch.setattr(messages, "ask_unsaved_changes", lambda *_args: messages.DISCARD)
    # Nothing a test does may open a real program (a PDF viewer, a browser).
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    # "Who is using Hiring Desk?" on opening a workbook with a team: skipped.
    monkeypatch.setattr(acting_member, "ask_who_is_acting", lambda *_args: None)
    return asked


#: (kind, title, text) of each message shown; kind is the ``messages`` function.
Said = list[tuple[str, str, str]]


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    """Every message shown, as (kind, title, text); questions are answered yes."""
    shown: Said = []

    def recorder(kind: str) -> Callable[..., bool]:
        def record(_parent: object, title: str, text: str, *_args: object) -> bool:
            shown.append((kind, title, text))
            return True

        return record

    for kind in ("confirm", "show_error", "show_warning", "show_info"):
        monkeypatch.setattr(messages, kind, recorder(kind))
    return shown


@pytest.fixture
def make_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Path | None], MainWindow]]:
    """Build, show and open a main window on a workbook (None: the default one)."""
    windows: list[MainWindow] = []

    def make(path: Path | None) -> MainWindow:
        window = MainWindow(Settings())  # closed below, not by qtbot: see teardown
        window.show()
        qtbot.waitExposed(window)
        window.open_initial(path)
        # the retention notice counts on a worker thread after an open: wait for it
        qtbot.waitUntil(lambda: not window.retention_notice.pending, timeout=20000)
        windows.append(window)
        return window

    yield make
    # Closing must not wait on a question nobody will answer (pytest-qt would
    # close widgets it knows before this teardown runs, hence no addWidget).
    monkeypatch.setattr(messages, "confirm", lambda *_args, **_kwargs: True)
    for window in windows:
        window.close()
        if window.workbook is not None:
            window.workbook.close()
            window.workbook = None
        window.deleteLater()


def when_modal(
    qtbot: QtBot,
    act: Callable[[QWidget], None],
    kind: type[QWidget] = QWidget,
    *,
    close_after: bool = False,
) -> None:
    """Run ``act`` on the next modal dialog of type ``kind`` as soon as it opens.

    With ``close_after`` the dialog is closed afterwards if ``act`` left it open or
    failed, so a failing test fails instead of hanging on the dialog.
    """

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not isinstance(dialog, kind):
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        finally:
            if close_after and dialog.isVisible():
                dialog.close()

    QTimer.singleShot(0, poll)


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one, as a click on it would."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as a window of its own (closed after the test) and activate it,
    so keystrokes reach it."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A left click on ``widget``."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def workbook_of(window: MainWindow) -> Workbook:
    """The workbook the window has open (a test that asks has one open)."""
    assert window.workbook is not None
    return window.workbook


def menu_action(window: MainWindow, *path: str) -> QAction:
    """The action at a menu path such as ("File", "Save a Copy…"), matched without '&'."""
    actions = window.menuBar().actions()
    for name in path:
        found = next(a for a in actions if a.text().replace("&", "") == name)
        menu = found.menu()
        actions = menu.actions() if menu is not None else []
    return found


def press(
    qtbot: QtBot,
    window: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A keystroke delivered to the window as the platform would (so shortcuts fire)."""
    handle = window.windowHandle()
    assert handle is not None, "the window must be shown"
    window.activateWindow()
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(handle, key, modifiers)
    if modifiers != Qt.KeyboardModifier.NoModifier:
        # The click's release still carries the modifiers, and Qt keeps them as held
        # (a later selectRow would toggle as with Ctrl down): let them go.
        qtbot.keyRelease(handle, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace a line edit's text with keystrokes, as a person would."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def click_button(qtbot: QtBot, dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    """Click one of a dialog's standard buttons (Save, Ok, ...)."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def choose_more(qtbot: QtBot, toolbar: PageToolbar, name: str) -> None:
    """Open a page toolbar's More menu with a click, and choose its entry ``name``
    (an action's object name) with the keyboard, as a person would."""
    action = next(a for a in toolbar.menu.actions() if a.objectName() == name)
    assert action.isEnabled() and action.isVisible(), f"{name} cannot be chosen"

    def choose() -> None:
        menu = toolbar.menu
        if not menu.isVisible():
            QTimer.singleShot(10, choose)
            return
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(toolbar.more_button, Qt.MouseButton.LeftButton)


def overview_read(qtbot: QtBot, page: RolesPage) -> RolesPage:
    """Wait until the Roles page shows the overview it reads on a worker thread."""
    qtbot.waitUntil(lambda: not page.pending)
    return page
