"""The main window driven through its menus, shortcuts and navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, menu_action, overview_read, press, when_modal

from hiring_desk import paths
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.opening import create_workbook, open_workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.settings import Settings


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda _p, title, text, details="": shown.append(f"{title}: {text}")
    )
    return shown


def test_opens_default_workbook_on_first_run(make_window) -> None:
    window: MainWindow = make_window(None)
    assert window.workbook is not None
    assert window.workbook.path == paths.default_workbook()
    assert paths.default_workbook().exists()
    assert str(paths.default_workbook()) in window.workbook_label.text()
    assert window.windowTitle() == "Workbook — Hiring Desk"


def test_area_navigation(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    create_workbook(tmp_path / "nav.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "nav.hiringdesk")
    assert window.current_area() == "roles"
    # A real click on the navigation list.
    nav = window.nav
    rect = nav.visualItemRect(nav.item(5))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_area() == "team"
    assert window.stack.currentWidget().isAncestorOf(window.pages["team"])
    # The View menu's keyboard route.
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "candidates"
    menu_action(window, "View", "4 Interviews").trigger()
    assert window.current_area() == "interviews"


def test_refuses_text_file_and_keeps_current(
    make_window, tmp_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    create_workbook(tmp_path / "good.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "good.hiringdesk")
    bad = tmp_path / "notes.hiringdesk"
    bad.write_text("just some notes\n", encoding="utf-8")
    before = bad.read_bytes()
    monkeypatch.setattr(file_dialogs, "ask_open_workbook", lambda *_: bad)
    menu_action(window, "File", "Open…").trigger()
    assert len(errors) == 1 and "notes.hiringdesk" in errors[0] and "SQLite" in errors[0]
    assert bad.read_bytes() == before
    assert window.workbook is not None and window.workbook.path.name == "good.hiringdesk"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["good.hiringdesk", "notes.hiringdesk", ".good.hiringdesk.lock"]
        + [p.name for p in tmp_path.iterdir() if p.name.startswith("good.hiringdesk-")]
    )


def test_refuses_workbook_open_elsewhere(
    make_window: MakeWindow, tmp_path: Path, errors: list[str]
) -> None:
    path = tmp_path / "shared.hiringdesk"
    create_workbook(path).close()
    other = open_workbook(path)  # "another instance"
    try:
        before = path.read_bytes()
        window: MainWindow = make_window(path)
        assert window.workbook is None
        assert window.stack.currentWidget() is window.welcome
        assert len(errors) == 1
        assert "shared.hiringdesk" in errors[0] and "already open" in errors[0]
        assert path.read_bytes() == before
    finally:
        other.close()


def test_new_workbook_from_menu_and_refuses_existing(
    make_window, qtbot: QtBot, tmp_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    create_workbook(tmp_path / "first.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "first.hiringdesk")
    monkeypatch.setattr(file_dialogs, "ask_new_workbook", lambda *_: tmp_path / "second")
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.workbook is not None
    assert window.workbook.path == tmp_path / "second.hiringdesk"
    assert window.current_area() == "team"
    assert not errors
    # The first workbook was released: it can be opened again elsewhere.
    open_workbook(tmp_path / "first.hiringdesk").close()
    # Asking for a name that exists is refused, and nothing is overwritten.
    existing = tmp_path / "first.hiringdesk"
    before = existing.read_bytes()
    monkeypatch.setattr(file_dialogs, "ask_new_workbook", lambda *_: existing)
    menu_action(window, "File", "New Workbook…").trigger()
    assert errors and "already exists" in errors[-1]
    assert existing.read_bytes() == before
    assert window.workbook.path == tmp_path / "second.hiringdesk"


def test_open_recent_and_save_copy(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "a.hiringdesk", tmp_path / "b.hiringdesk"
    for path in (a, b):
        create_workbook(path).close()
    window: MainWindow = make_window(a)
    team_members.add_member(window.workbook, "Maria Keane", "Founder")  # type: ignore[arg-type]
    monkeypatch.setattr(file_dialogs, "ask_open_workbook", lambda *_: b)
    menu_action(window, "File", "Open…").trigger()
    assert window.workbook is not None and window.workbook.path == b
    window.recent_menu.aboutToShow.emit()
    recent = [act.text() for act in window.recent_menu.actions()]
    assert recent[:2] == ["&1 b.hiringdesk", "&2 a.hiringdesk"]
    window.recent_menu.actions()[1].trigger()
    assert window.workbook.path == a
    copy = tmp_path / "copies" / "a copy"
    copy.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "ask_save_copy", lambda *_: copy)
    menu_action(window, "File", "Save a Copy…").trigger()
    written = copy.with_name("a copy.hiringdesk")
    assert written.exists()
    with open_workbook(written) as copied:
        assert [m.name for m in team_members.list_members(copied)] == ["Maria Keane"]


def test_geometry_is_remembered(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    create_workbook(tmp_path / "g.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "g.hiringdesk")
    window.resize(760, 540)
    qtbot.wait(10)
    window.close()
    assert window.workbook is None  # closing releases the workbook
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 540)


def test_quit_shortcut_closes_window(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    create_workbook(tmp_path / "q.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "q.hiringdesk")
    press(qtbot, window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    open_workbook(tmp_path / "q.hiringdesk").close()  # the lock was released


def test_about_box_shows_version(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from hiring_desk import __version__

    create_workbook(tmp_path / "h.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "h.hiringdesk")
    seen: list[str] = []

    def read_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    when_modal(qtbot, read_and_close)
    menu_action(window, "Help", "About Hiring Desk").trigger()
    assert seen and __version__ in seen[0]


def test_demo_workbook_shows_its_data(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook

    create_demo_workbook(tmp_path / "demo.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "demo.hiringdesk")
    counts = {}
    for key in ("roles", "candidates", "offers"):
        window.show_area(key)
        page = window.pages[key]
        if isinstance(page, RolesPage):
            overview_read(qtbot, page)
        counts[key] = page.model.rowCount()  # type: ignore[attr-defined]
        assert page.table.isVisible()  # type: ignore[attr-defined]
    window.show_area("interviews")
    calendar = window.pages["interviews"].calendar  # type: ignore[attr-defined]
    counts["interviews"] = len(calendar.interview_items())
    assert calendar.tree.isVisible()
    assert counts["roles"] == 2 and counts["offers"] == 1
    assert counts["candidates"] >= 28 and counts["interviews"] > 0
    titles = {window.pages["roles"].model.row(i).title for i in range(2)}  # type: ignore[attr-defined]
    assert titles == {"Backend Developer", "Senior Backend Developer"}
    window.show_area("team")
    assert window.pages["team"].team.model.rowCount() == 3  # type: ignore[attr-defined]


def test_refuses_foreign_sqlite_file(
    make_window: MakeWindow, tmp_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    create_workbook(tmp_path / "good.hiringdesk").close()
    window: MainWindow = make_window(tmp_path / "good.hiringdesk")
    foreign = tmp_path / "contacts.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contact (name TEXT)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    monkeypatch.setattr(file_dialogs, "ask_open_workbook", lambda *_: foreign)
    menu_action(window, "File", "Open…").trigger()
    assert (
        len(errors) == 1
        and "contacts.db" in errors[0]
        and "not a Hiring Desk workbook" in errors[0]
    )
    assert foreign.read_bytes() == before
    assert window.workbook is not None and window.workbook.path.name == "good.hiringdesk"
