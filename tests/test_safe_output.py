"""safe_output: what it refuses to write over, and how it writes (never half a file)."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiring_desk import paths, safe_output
from hiring_desk.safe_output import UnsafeOutputError, refuse_unsafe_target
from hiring_desk.store import Workbook
from hiring_desk.workbook_files import WAL_MAGICS, lock_file_of

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and modes")


@pytest.fixture
def open_book(tmp_path: Path) -> Iterator[Workbook]:
    """An open workbook whose working files exist (a transaction has run)."""
    book = Workbook.create(tmp_path / "hire.hiringdesk")
    with book.transaction() as session:
        session.connection()
    try:
        yield book
    finally:
        book.close()


@pytest.fixture
def closed_book(tmp_path: Path) -> Path:
    path = tmp_path / "closed.hiringdesk"
    Workbook.create(path).close()
    return path


def refused(target: Path, **kwargs: list[Path]) -> str:
    """The reason ``target`` is refused; fails if it is not."""
    with pytest.raises(UnsafeOutputError) as caught:
        refuse_unsafe_target(target, **kwargs)
    assert caught.value.path == target and "\n" not in str(caught.value)
    return caught.value.reason


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- what is refused -----------------------------------------------------------------------


def test_a_workbook_is_refused_by_its_content_under_any_name(
    closed_book: Path, tmp_path: Path
) -> None:
    disguised = tmp_path / "report.pdf"
    shutil.copyfile(closed_book, disguised)
    before, listing = disguised.read_bytes(), folder_listing(tmp_path)
    assert "is a Hiring Desk workbook" in refused(closed_book)
    assert "is a Hiring Desk workbook" in refused(disguised)
    with pytest.raises(UnsafeOutputError):
        safe_output.write_bytes(disguised, b"%PDF-1.7")
    assert disguised.read_bytes() == before and folder_listing(tmp_path) == listing


def test_any_sqlite_database_and_a_write_ahead_log_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert "is a database" in refused(other)
    log = tmp_path / "old-log.bin"
    log.write_bytes(WAL_MAGICS[0] + bytes(60))
    assert "working file" in refused(log)


def test_the_open_workbook_through_a_symlink_is_refused(
    open_book: Workbook, tmp_path: Path
) -> None:
    link = tmp_path / "candidates.csv"
    link.symlink_to(open_book.path)
    before = open_book.path.read_bytes()
    reason = refused(link)
    assert f"a link to {open_book.path}" in reason and "the workbook itself" in reason
    with pytest.raises(UnsafeOutputError):
        safe_output.write_text(link, "name,email\n")
    assert link.is_symlink() and open_book.path.read_bytes() == before


def test_the_open_workbook_through_a_hard_link_is_refused(
    open_book: Workbook, tmp_path: Path
) -> None:
    hard = tmp_path / "pack.pdf"
    os.link(open_book.path, hard)
    assert "the workbook itself" in refused(hard)


def test_hard_links_to_the_open_workbooks_lock_and_index_are_refused(
    open_book: Workbook, tmp_path: Path
) -> None:
    """Their bytes say nothing; only device and inode tell them apart."""
    shared_memory = open_book.path.with_name(open_book.path.name + "-shm")
    assert shared_memory.exists()
    os.link(shared_memory, tmp_path / "index.txt")
    os.link(lock_file_of(open_book.path), tmp_path / "empty.txt")
    assert "working file" in refused(tmp_path / "index.txt")
    assert "lock file" in refused(tmp_path / "empty.txt")


def test_a_named_workbook_is_protected_before_it_is_opened(closed_book: Path) -> None:
    lock = lock_file_of(closed_book)
    lock.touch()
    hard = closed_book.with_name("plain.txt")
    os.link(lock, hard)
    refuse_unsafe_target(hard)  # an empty file, not known to be the lock
    assert "lock file" in refused(hard, workbooks=[closed_book])


@pytest.mark.parametrize(
    "name", ["hire.hiringdesk-wal", "hire.hiringdesk-shm", "Hire.HIRINGDESK-journal"]
)
def test_names_of_a_workbooks_working_files_are_refused(tmp_path: Path, name: str) -> None:
    assert "working file" in refused(tmp_path / name)
    assert not (tmp_path / name).exists()


def test_the_name_of_a_workbooks_lock_is_refused(tmp_path: Path) -> None:
    assert "lock file" in refused(tmp_path / ".hire.hiringdesk.lock")


def test_anything_in_the_backups_folder_is_refused(tmp_path: Path) -> None:
    folder = paths.backup_dir() / "hire-1f3a9c2e"
    folder.mkdir(parents=True)
    assert "backups folder" in refused(folder / "export.csv")
    assert "backups folder" in refused(paths.backup_dir())
    shortcut = tmp_path / "shortcut"
    shortcut.symlink_to(folder, target_is_directory=True)
    assert "backups folder" in refused(shortcut / "export.csv")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert "a folder, not a file" in refused(tmp_path)


@posix_only
def test_a_named_pipe_is_refused_without_being_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "out.csv"
    os.mkfifo(pipe)
    assert "named pipe" in refused(pipe)  # reading it would block: never opened


@posix_only
def test_a_device_is_refused() -> None:
    assert "a device" in refused(Path("/dev/null"))


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere" / "x.pdf") == (
        f"the folder {tmp_path / 'nowhere'} does not exist; choose an existing folder"
    )
    (tmp_path / "file").write_text("x")
    assert "is not a folder" in refused(tmp_path / "file" / "x.pdf")


def test_an_ordinary_file_and_a_new_name_are_allowed(tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("old")
    refuse_unsafe_target(tmp_path / "old.csv")
    refuse_unsafe_target(tmp_path / "new.csv")


def test_the_error_is_an_os_error_that_survives_pickling(tmp_path: Path) -> None:
    error = UnsafeOutputError(tmp_path / "x.pdf", "it is a folder")
    assert isinstance(error, OSError) and error.strerror == "it is a folder"
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.reason, str(again)) == (error.path, error.reason, str(error))


# -- how it writes -------------------------------------------------------------------------


def test_writes_replace_the_target_whole_and_leave_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    safe_output.write_text(target, "first\n")
    safe_output.write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    with safe_output.open_text(target, encoding="utf-8-sig", newline="") as fh:
        fh.write("a,b\r\n")
    assert target.read_bytes() == "\ufeffa,b\r\n".encode()
    with safe_output.staged_path(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".out.txt.")
        temporary.write_bytes(b"by name")
    assert target.read_bytes() == b"by name"
    assert folder_listing(tmp_path) == ["out.txt"]


def test_a_symlink_to_an_ordinary_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    safe_output.write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("failure", [RuntimeError("producer failed"), KeyboardInterrupt()])
def test_a_producer_that_raises_leaves_the_old_target_and_no_temporary_file(
    tmp_path: Path, failure: BaseException
) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old letter")
    with pytest.raises(type(failure)), safe_output.open_binary(target) as fh:
        fh.write(b"%PDF half")
        raise failure
    with pytest.raises(type(failure)), safe_output.staged_path(target) as temporary:
        temporary.write_bytes(b"half")
        raise failure
    assert target.read_bytes() == b"old letter"
    assert folder_listing(tmp_path) == ["letter.pdf"]


def test_the_target_is_checked_again_before_it_is_replaced(
    closed_book: Path, tmp_path: Path
) -> None:
    """A workbook put there while the producer worked is not replaced."""
    target = tmp_path / "pack.pdf"
    listing = sorted([*folder_listing(tmp_path), target.name])
    with pytest.raises(UnsafeOutputError), safe_output.open_binary(target) as fh:
        fh.write(b"%PDF")
        shutil.copyfile(closed_book, target)
    assert target.read_bytes() == closed_book.read_bytes()
    assert folder_listing(tmp_path) == listing


@posix_only
def test_a_new_file_is_private_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.csv"
    safe_output.write_text(new, "x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    shared = tmp_path / "shared.csv"
    shared.write_text("old")
    shared.chmod(0o644)
    safe_output.write_text(shared, "new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


def test_a_closed_workbooks_files_are_no_longer_protected_by_inode(tmp_path: Path) -> None:
    book = Workbook.create(tmp_path / "w.hiringdesk")
    lock_copy = tmp_path / "plain.txt"
    os.link(lock_file_of(book.path), lock_copy)
    assert "lock file" in refused(lock_copy)
    book.close()
    refuse_unsafe_target(lock_copy)
