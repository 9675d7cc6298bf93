"""Every action in the main window's menus can be reached from the keyboard.

An action has a keyboard route when it has a shortcut, or when its text has a
mnemonic (the letter after '&') that no other entry of its menu uses and every
menu on the way to it is reached by a mnemonic too (Alt+F, then the letter).
The walk goes through every menu of the menu bar, submenus included, with a
workbook open and each menu filled as it is just before it shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, press

from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The mnemonic letter of a menu text, lower-cased ('&&' is a literal '&')."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].lower()
            index += 1
        index += 1
    return None


@dataclass(frozen=True)
class Entry:
    """One action met on the walk, with the menu path that leads to it."""

    path: tuple[str, ...]
    action: QAction

    @property
    def name(self) -> str:
        return " > ".join(part.replace("&", "") for part in self.path)


def _problems_in(entries: list[QAction], where: str) -> list[str]:
    """Mnemonics used twice among the visible entries of one menu (or the menu bar)."""
    letters = Counter(m for a in entries if (m := mnemonic(a.text())) is not None)
    return [f"{where}: mnemonic '{m}' used {n} times" for m, n in letters.items() if n > 1]


def _visible_entries(actions: list[QAction]) -> list[QAction]:
    return [a for a in actions if a.isVisible() and not a.isSeparator()]


def walk(window: MainWindow) -> tuple[list[Entry], list[str]]:
    """Every leaf action under the menu bar, and every way the keyboard cannot reach one."""
    problems: list[str] = []
    leaves: list[Entry] = []

    def visit(actions: list[QAction], path: tuple[str, ...], by_mnemonic: bool) -> None:
        entries = _visible_entries(actions)
        where = " > ".join(part.replace("&", "") for part in path)
        problems.extend(_problems_in(entries, where or "menu bar"))
        for action in entries:
            here = (*path, action.text())
            menu = action.menu()
            if isinstance(menu, QMenu):
                menu.aboutToShow.emit()  # fill menus that are built as they open
                reachable = by_mnemonic and mnemonic(action.text()) is not None
                if not reachable and not path:
                    problems.append(f"{action.text()!r} in the menu bar has no mnemonic")
                visit(menu.actions(), here, reachable)
            else:
                leaves.append(Entry(here, action))
                has_shortcut = not action.shortcut().isEmpty()
                by_letter = by_mnemonic and mnemonic(action.text()) is not None
                if not (has_shortcut or by_letter):
                    problems.append(
                        f"{Entry(here, action).name}: no shortcut and no mnemonic route"
                    )

    visit(window.menuBar().actions(), (), True)
    return leaves, problems


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "menus.hiringdesk"
    create_workbook(path).close()
    window = make_window(path)
    assert window.workbook is not None
    yield window


def test_every_menu_action_has_a_keyboard_route(window: MainWindow) -> None:
    leaves, problems = walk(window)
    assert problems == []
    # The walk really went through the menus, submenus included.
    names = {entry.name for entry in leaves}
    assert {"File > New Workbook…", "File > Quit", "View > 3 Candidates"} <= names
    assert any(name.startswith("File > Open Recent > 1 ") for name in names)
    assert len(leaves) >= 12


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    """Qt fires neither of two actions bound to the same keys in one window."""
    leaves, _ = walk(window)
    keys = Counter(
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for entry in leaves
        for sequence in entry.action.shortcuts()
        if not sequence.isEmpty()
    )
    assert {key: count for key, count in keys.items() if count > 1} == {}


def test_the_walk_reports_an_action_without_a_route(window: MainWindow) -> None:
    """The check above can fail: an entry with neither a shortcut nor a mnemonic."""
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    stray = file_menu.addAction("Export Everything")
    twin = file_menu.addAction("&Quiet Mode")  # its letter clashes with &Quit
    try:
        _, problems = walk(window)
    finally:
        file_menu.removeAction(stray)
        file_menu.removeAction(twin)
    assert "File > Export Everything: no shortcut and no mnemonic route" in problems
    assert "File: mnemonic 'q' used 2 times" in problems


@pytest.mark.parametrize(
    ("text", "letter"),
    [("&File", "f"), ("Save a &Copy…", "c"), ("Fish && &Chips", "c"), ("A && B", None), ("", None)],
)
def test_mnemonic(text: str, letter: str | None) -> None:
    assert mnemonic(text) == letter


def _open_menu_by_keys(qtbot: QtBot, window: MainWindow, *letters: Qt.Key) -> None:
    """Alt+<first letter> opens the menu; each next letter picks an entry in the open menu."""
    press(qtbot, window, letters[0], Qt.KeyboardModifier.AltModifier)
    for letter in letters[1:]:
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
        popup = QApplication.activePopupWidget()
        assert popup is not None
        qtbot.keyClick(popup, letter)


def test_a_menu_entry_by_its_mnemonics(qtbot: QtBot, window: MainWindow) -> None:
    """Alt+V, 3: the View menu's third area, by real keystrokes."""
    assert window.current_area() == "roles"
    _open_menu_by_keys(qtbot, window, Qt.Key.Key_V, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.current_area() == "candidates", timeout=2000)


def test_a_file_menu_entry_by_its_mnemonics(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alt+F, C: Save a Copy, answered with a file name, writes the copy."""
    target = tmp_path / "copy.hiringdesk"
    monkeypatch.setattr(file_dialogs, "ask_save_copy", lambda *_args: target)
    _open_menu_by_keys(qtbot, window, Qt.Key.Key_F, Qt.Key.Key_C)
    qtbot.waitUntil(target.exists, timeout=5000)
