"""A backup the disk refuses, in the window: "Backup Failed" and why, never the damaged
workbook's restore offer; the workbook is left intact and the timer tries again (#14.3).
A workbook opened again through a link is the one already open (#14.7)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.services.workbook.backup_setup import failing_disk, member_names, workbook_with_members
from tests.ui.conftest import MakeWindow, Said

from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import open_workbook
from hiring_desk.store.integrity import check_workbook
from hiring_desk.ui.workbook.backups_dialog import BACKUP_FAILED_TITLE, DAMAGED_TITLE


def test_a_failed_backup_on_quit_says_so_and_loses_nothing(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: Said
) -> None:
    path = workbook_with_members(tmp_path / "Hiring.hiringdesk", ["Ada"])
    window = make_window(path)
    assert window.workbook is not None
    team_members.add_member(window.workbook, "Grace")
    said.clear()
    failing_disk(monkeypatch, sqlite3.OperationalError("disk I/O error"))

    window.close()

    assert window.workbook is None  # closed all the same
    assert [(kind, title) for kind, title, _ in said] == [("show_warning", BACKUP_FAILED_TITLE)]
    text = said[0][2]
    assert "could not be backed up: an input/output error on the disk" in text
    assert "not damaged" in text and "nothing in it was changed or lost" in text
    assert "integrity" not in text and DAMAGED_TITLE not in text
    monkeypatch.undo()
    assert check_workbook(path).ok
    with open_workbook(path) as workbook:
        assert member_names(workbook) == ["Ada", "Grace"]
    assert not list(tmp_path.glob("*.damaged-*"))


def test_the_timer_reports_a_failed_backup_once_and_tries_again(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: Said
) -> None:
    path = workbook_with_members(tmp_path / "Hiring.hiringdesk", ["Ada"])
    window = make_window(path)
    said.clear()
    keeper = window.backup_keeper
    with monkeypatch.context() as mp:
        failing_disk(mp, OSError(28, "No space left on device"))
        keeper.tick()
        keeper.tick()  # still failing: not told twice
        status = window.statusBar().currentMessage()

    assert [(kind, title) for kind, title, _ in said] == [("show_warning", BACKUP_FAILED_TITLE)]
    assert "the disk is full" in said[0][2] and "tries again" in said[0][2]
    assert "the disk is full" in status and "trying again" in status
    assert backups.list_backups(path) == []

    keeper.tick()  # the disk has room again

    assert len(backups.list_backups(path)) == 1
    assert window.statusBar().currentMessage().startswith("Backed up at")
    assert len(said) == 1
    assert window.workbook is not None and member_names(window.workbook) == ["Ada"]


def test_opening_the_open_workbook_through_a_link_keeps_it(
    make_window: MakeWindow, tmp_path: Path, said: Said
) -> None:
    path = workbook_with_members(tmp_path / "Hiring.hiringdesk", ["Ada"])
    window = make_window(path)
    first = window.workbook
    link = tmp_path / "link.hiringdesk"
    link.symlink_to(path)
    said.clear()

    assert window.open_path(link)

    assert window.workbook is first
    assert said == []  # not "already open in another window"
