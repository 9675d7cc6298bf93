"""A workbook reached through a symbolic link is the file it leads to (#14.7): restoring
replaces that file and leaves the link, and a copy cannot be saved over it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from tests.services.workbook.backup_setup import member_names, workbook_with_members

from hiring_desk.services.team import team_members
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import WorkbookError, open_workbook, save_copy
from hiring_desk.store import WorkbookLockedError

T0 = datetime(2026, 5, 4, 9, 30, 0)


def _members_in(path: Path) -> list[str]:
    with open_workbook(path) as workbook:
        return member_names(workbook)


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A workbook and, in another folder, a symbolic link to it."""
    real = workbook_with_members(tmp_path / "real" / "Hiring.hiringdesk", ["Ada"])
    link = tmp_path / "desktop" / "Hiring link.hiringdesk"
    link.parent.mkdir()
    link.symlink_to(real)
    return real, link


def test_restore_through_a_link_replaces_the_real_file(linked: tuple[Path, Path]) -> None:
    real, link = linked
    saved = backups.backup_file(real, backups.MANUAL, T0).path
    with open_workbook(real) as workbook:
        team_members.add_member(workbook, "Grace")

    result = backups.restore_backup(link, saved, T0.replace(day=5))

    assert link.is_symlink() and link.resolve() == real
    assert _members_in(real) == ["Ada"]
    assert result.workbook == link and not result.previous_was_damaged
    assert result.kept_aside is not None and _members_in(result.kept_aside) == ["Ada", "Grace"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["Hiring link.hiringdesk"]


def test_restore_through_a_link_is_refused_while_the_file_is_open(
    linked: tuple[Path, Path],
) -> None:
    real, link = linked
    saved = backups.backup_file(real, backups.MANUAL, T0).path
    with open_workbook(real) as workbook:
        team_members.add_member(workbook, "Grace")
        with pytest.raises(WorkbookLockedError):
            backups.restore_backup(link, saved)
        assert member_names(workbook) == ["Ada", "Grace"]
    assert link.is_symlink()


def test_a_workbook_is_not_restored_from_itself_through_a_link(linked: tuple[Path, Path]) -> None:
    real, link = linked
    before = real.read_bytes()
    with pytest.raises(backups.BackupError, match="from itself"):
        backups.restore_backup(real, link)
    assert real.read_bytes() == before


def test_a_copy_is_not_saved_over_the_open_workbook_through_a_link(
    linked: tuple[Path, Path],
) -> None:
    real, link = linked
    with open_workbook(real) as workbook:
        with pytest.raises(WorkbookError, match="the workbook itself"):
            save_copy(workbook, link)
        assert link.is_symlink()
