"""Done when: a workbook whose bytes were damaged opens to a clear restore offer, not a
traceback, and the restore works."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.services.workbook.backup_setup import damage_table_page, workbook_with_members
from tests.ui.conftest import MakeWindow, menu_action

from hiring_desk import paths
from hiring_desk.cli import main as cli_main
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import create_workbook, open_workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.main_window import MainWindow

T0 = datetime(2026, 5, 4, 9, 30, 0)
NAMES = [f"Member {i:03}" for i in range(60)]


def shown_members(window: MainWindow) -> list[str]:
    window.show_area("team")
    model = window.pages["team"].team.model  # type: ignore[attr-defined]
    return sorted(model.row(i).name for i in range(model.rowCount()))


def damaged_with_backup(tmp_path: Path) -> tuple[Path, backups.BackupInfo]:
    path = workbook_with_members(tmp_path / "Hiring.hiringdesk", NAMES)
    older = backups.backup_file(path, "auto", T0)
    good = backups.backup_file(path, "on-close", T0 + timedelta(days=1))
    assert older != good
    damage_table_page(path)
    return path, good


def test_a_damaged_workbook_opens_to_a_restore_offer_and_the_restore_works(
    make_window: MakeWindow, tmp_path: Path, said: list[tuple[str, str, str]]
) -> None:
    path, good = damaged_with_backup(tmp_path)
    damaged = path.read_bytes()

    window = make_window(path)

    kinds = [(kind, title) for kind, title, _ in said]
    assert kinds == [("confirm", "Workbook Damaged"), ("show_info", "Backup Restored")]
    offer = said[0][2]
    assert "Hiring.hiringdesk is damaged" in offer
    assert "5 May 2026, 09:30" in offer  # the newest good backup's date
    assert "Traceback" not in offer
    # The restored workbook is open and shows its data.
    assert window.workbook is not None and window.workbook.path == path
    assert shown_members(window) == NAMES
    assert window.windowTitle().startswith("Hiring")
    # The damaged file is kept aside, byte for byte, and named in the message.
    aside = list(tmp_path.glob("Hiring.damaged-*.hiringdesk"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert aside[0].name in said[1][2]
    # The backup restored from is still there; the damaged file was not backed up.
    assert good in backups.list_backups(path)
    assert all(b.reason != "before-restore" for b in backups.list_backups(path))
    # And it is healthy: the check passes once the window lets go of it.
    window.close()
    assert cli_main(["check", "--workbook", str(path)]) == 0


def test_opening_a_damaged_workbook_from_the_menu_offers_the_same(
    make_window: MakeWindow,
    tmp_path: Path,
    said: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "other.hiringdesk"
    create_workbook(other).close()
    window = make_window(other)
    path, _good = damaged_with_backup(tmp_path)
    monkeypatch.setattr(file_dialogs, "ask_open_workbook", lambda *_: path)
    menu_action(window, "File", "Open…").trigger()
    assert [title for _, title, _ in said] == ["Workbook Damaged", "Backup Restored"]
    assert window.workbook is not None and window.workbook.path == path
    assert shown_members(window) == NAMES


def test_declining_the_offer_leaves_the_damaged_file_untouched(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _good = damaged_with_backup(tmp_path)
    damaged = path.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, title, *_a: asked.append(title) or False)
    window = make_window(path)
    assert asked == ["Workbook Damaged"]
    assert window.workbook is None
    assert window.stack.currentWidget() is window.welcome
    assert path.read_bytes() == damaged
    assert not list(tmp_path.glob("*.damaged-*"))


def test_without_a_good_backup_it_says_so_and_leaves_the_file(
    make_window: MakeWindow, tmp_path: Path, said: list[tuple[str, str, str]]
) -> None:
    path = workbook_with_members(tmp_path / "Hiring.hiringdesk", NAMES)
    bad_backup = backups.backup_file(path, "auto", T0)
    damage_table_page(bad_backup.path)  # the only backup is damaged too
    damage_table_page(path)
    damaged = path.read_bytes()

    window = make_window(path)

    assert [(kind, title) for kind, title, _ in said] == [("show_error", "Workbook Damaged")]
    assert "No good backup" in said[0][2]
    assert window.workbook is None
    assert path.read_bytes() == damaged
    assert not list(tmp_path.glob("*.damaged-*"))


def test_the_default_workbook_damaged_at_start_up(
    make_window: MakeWindow, said: list[tuple[str, str, str]]
) -> None:
    default = paths.default_workbook()
    default.parent.mkdir(parents=True, exist_ok=True)
    workbook_with_members(default, NAMES)
    with open_workbook(default) as workbook:
        team_members.add_member(workbook, "Late Arrival")
        backups.backup_now(workbook, "manual")
    damage_table_page(default)
    window = make_window(None)
    assert [title for _, title, _ in said] == ["Workbook Damaged", "Backup Restored"]
    assert shown_members(window) == sorted([*NAMES, "Late Arrival"])
