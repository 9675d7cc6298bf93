"""File ▸ Backups…, and the automatic backups the window takes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.services.workbook.backup_setup import damage_table_page, workbook_with_members
from tests.ui.conftest import MakeWindow, click, menu_action, when_modal

from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.workbook import backups_dialog
from hiring_desk.ui.workbook.backups_dialog import BackupsDialog

T0 = datetime(2026, 5, 4, 9, 30, 0)


def shown_members(window: MainWindow) -> list[str]:
    window.show_area("team")
    model = window.pages["team"].team.model  # type: ignore[attr-defined]
    return sorted(model.row(i).name for i in range(model.rowCount()))


def open_dialog(qtbot: QtBot, window: MainWindow, act: object) -> None:
    """Open File ▸ Backups… and run ``act`` on the dialog (it must close it)."""

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupsDialog)
        act(dialog)  # type: ignore[operator]
        if dialog.isVisible():
            dialog.reject()

    when_modal(qtbot, run, BackupsDialog)
    menu_action(window, "File", "Backups…").trigger()


def table_texts(dialog: BackupsDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_dialog_lists_backups_and_backs_up_now(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    backups.backup_file(path, "auto", T0)
    backups.backup_file(path, "before-erasure", T0 + timedelta(hours=1))
    window = make_window(path)
    seen: dict[str, object] = {}

    def act(dialog: BackupsDialog) -> None:
        seen["before"] = table_texts(dialog)
        seen["intro"] = dialog.findChild(QWidget, "backups_intro").text()  # type: ignore[union-attr]
        assert not dialog.empty.isVisible()
        click(qtbot, dialog.backup_button)
        qtbot.waitUntil(lambda: dialog.operation is None, timeout=20000)  # in the background
        seen["after"] = table_texts(dialog)
        seen["selected"] = dialog.selected()

    open_dialog(qtbot, window, act)

    before = seen["before"]
    assert before == [
        ["4 May 2026, 10:30", "before an erasure", before[0][2]],  # type: ignore[index]
        ["4 May 2026, 09:30", "automatic", before[1][2]],  # type: ignore[index]
    ]
    assert before[0][2].endswith("KB")  # type: ignore[index]
    assert str(backups.backup_folder(path)) in str(seen["intro"])
    after = seen["after"]
    assert len(after) == 3 and after[0][1] == "by hand"  # type: ignore[arg-type, index]
    newest = backups.list_backups(path)[0]
    assert newest.reason == "manual" and seen["selected"] == newest


def test_restore_closes_reopens_and_keeps_the_current_state(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    old = backups.backup_file(path, "auto", T0)
    window = make_window(path)
    team_members.add_member(window.workbook, "Grace")  # type: ignore[arg-type]
    assert shown_members(window) == ["Ada", "Grace"]
    first_handle = window.workbook
    closed: list[bool] = []

    def act(dialog: BackupsDialog) -> None:
        dialog.table.selectRow(dialog.model.rows().index(old))
        click(qtbot, dialog.restore_button)
        closed.append(not dialog.isVisible())

    open_dialog(qtbot, window, act)

    assert closed == [True]  # the list was stale after a restore, so it closed
    assert window.workbook is not None and window.workbook is not first_handle
    assert window.workbook.path == path
    assert shown_members(window) == ["Ada"]
    kept = [b for b in backups.list_backups(path) if b.reason == "before-restore"]
    assert len(kept) == 1
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(kept[0].path) as copy:
        assert sorted(m.name for m in team_members.list_members(copy)) == ["Ada", "Grace"]


def test_restore_asks_first_and_a_no_changes_nothing(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    backups.backup_file(path, "auto", T0)
    window = make_window(path)
    team_members.add_member(window.workbook, "Grace")  # type: ignore[arg-type]
    questions: list[str] = []

    def decline(_parent: object, title: str, text: str, *_args: object) -> bool:
        questions.append(f"{title}: {text}")
        return False

    monkeypatch.setattr(backups_dialog.messages, "confirm", decline)
    handle = window.workbook
    open_dialog(qtbot, window, lambda dialog: click(qtbot, dialog.restore_button))
    assert len(questions) == 1 and "4 May 2026, 09:30" in questions[0]
    assert window.workbook is handle
    assert shown_members(window) == ["Ada", "Grace"]
    assert [b.reason for b in backups.list_backups(path)] == ["auto"]


def test_show_folder_opens_the_workbooks_backup_folder(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    backups.backup_file(path, "auto", T0)
    window = make_window(path)
    opened: list[Path] = []
    monkeypatch.setattr(backups_dialog, "open_folder", lambda folder: opened.append(folder) or True)
    open_dialog(qtbot, window, lambda dialog: click(qtbot, dialog.folder_button))
    assert opened == [backups.backup_folder(path)]


def test_no_backups_yet_and_no_workbook(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, answered_questions: list[str]
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    window = make_window(path)
    states: list[tuple[bool, bool]] = []
    open_dialog(
        qtbot,
        window,
        lambda d: states.append((d.empty.isVisible(), d.restore_button.isEnabled())),
    )
    assert states == [(True, False)]
    window.workbook.close()  # type: ignore[union-attr]
    window.workbook = None
    window._show_workbook_state()
    assert not menu_action(window, "File", "Backups…").isEnabled()


def test_closing_the_window_backs_up_a_changed_workbook(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    window = make_window(path)
    team_members.add_member(window.workbook, "Grace")  # type: ignore[arg-type]
    window.close()
    listed = backups.list_backups(path)
    assert [b.reason for b in listed] == ["on-close"]
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(listed[0].path) as copy:
        assert sorted(m.name for m in team_members.list_members(copy)) == ["Ada", "Grace"]


def test_switching_workbooks_backs_up_the_one_left(make_window: MakeWindow, tmp_path: Path) -> None:
    first = workbook_with_members(tmp_path / "a.hiringdesk", ["Ada"])
    second = workbook_with_members(tmp_path / "b.hiringdesk", ["Grace"])
    window = make_window(first)
    assert window.open_path(second)
    assert [b.reason for b in backups.list_backups(first)] == ["on-close"]
    assert backups.list_backups(second) == []


def test_the_timer_takes_automatic_backups(make_window: MakeWindow, tmp_path: Path) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    window = make_window(path)
    keeper = window.backup_keeper
    assert keeper.timer.isActive() and keeper.timer.interval() <= 10 * 60 * 1000
    keeper.timer.timeout.emit()
    assert [b.reason for b in backups.list_backups(path)] == ["auto"]
    keeper.timer.timeout.emit()  # too soon for another
    assert len(backups.list_backups(path)) == 1
    assert "Backed up" in window.statusBar().currentMessage()


def test_a_workbook_damaged_while_open_is_not_backed_up_and_is_reported(
    make_window: MakeWindow, tmp_path: Path, answered_questions: list[str]
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", [f"M {i:03}" for i in range(60)])
    good = backups.backup_file(path, "auto", T0)
    window = make_window(path)
    damage_table_page(path)
    window.backup_keeper.tick()
    window.backup_keeper.tick()
    assert answered_questions.count("Workbook Damaged") == 1  # warned once, not every tick
    assert "No backup was taken" in window.statusBar().currentMessage()
    assert backups.list_backups(path) == [good]
