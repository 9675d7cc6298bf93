"""The warning about a workbook kept in a synced folder or on a network drive."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest
from tests.ui.conftest import MakeWindow

from hiring_desk.services.workbook.opening import create_workbook


def test_a_workbook_in_a_synced_folder_is_warned_about_once(
    make_window: MakeWindow, tmp_path: Path, answered_questions: list[str]
) -> None:
    path = tmp_path / "Dropbox" / "Hiring" / "team.hiringdesk"
    create_workbook(path).close()

    window = make_window(path)

    assert answered_questions == ["Workbook in a Synced Folder"]
    notice = window.location_notice
    assert notice.isVisible() and notice.text() == "⚠ Workbook in Dropbox"
    assert "Save a Copy" in notice.toolTip()
    window.close()

    again = make_window(path)
    assert answered_questions == ["Workbook in a Synced Folder"]  # not a second time
    assert again.location_notice.isVisible()


def test_a_workbook_on_a_network_mount_is_warned_about(
    make_window: MakeWindow,
    tmp_path: Path,
    answered_questions: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    share = tmp_path / "share"
    create_workbook(share / "team.hiringdesk").close()
    create_workbook(tmp_path / "local.hiringdesk").close()
    table = [
        SimpleNamespace(device="/dev/vda1", mountpoint="/", fstype="ext4", opts="rw"),
        SimpleNamespace(device="//server/hr", mountpoint=str(share), fstype="cifs", opts="rw"),
    ]
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: table)

    window = make_window(share / "team.hiringdesk")
    assert answered_questions == ["Workbook on a Network Drive"]
    assert window.location_notice.text() == "⚠ Workbook on a network or remote drive (cifs)"

    assert window.open_path(tmp_path / "local.hiringdesk")
    assert not window.location_notice.isVisible()
    assert answered_questions == ["Workbook on a Network Drive"]


def test_an_ordinary_folder_shows_nothing(
    make_window: MakeWindow, tmp_path: Path, answered_questions: list[str]
) -> None:
    create_workbook(tmp_path / "team.hiringdesk").close()
    window = make_window(tmp_path / "team.hiringdesk")
    assert answered_questions == []
    assert not window.location_notice.isVisible()
