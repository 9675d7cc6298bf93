"""Damaged workbooks are refused in one line, never opened silently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.store.migration_setup import assert_unlocked, new_workbook

import hiring_desk.store.models  # noqa: F401  (registers every table)
from hiring_desk.store import (
    NotAWorkbookError,
    Workbook,
    WorkbookDamagedError,
    WorkbookError,
    fileformat,
)
from hiring_desk.store.integrity import check_workbook


def _corrupt_table_page(path: Path) -> None:
    """Garbage over the last three quarters of the team_member table's root page."""
    conn = sqlite3.connect(str(path))
    try:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'team_member'"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert root >= 2
    _garble(path, [root], page_size)


def _corrupt_every_page_after_the_first(path: Path) -> None:
    """Garbage in the middle of every page from page 2 on (the header stays valid)."""
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    pages = path.stat().st_size // page_size
    _garble(path, list(range(2, pages + 1)), page_size)


def _garble(path: Path, pages: list[int], page_size: int) -> None:
    data = bytearray(path.read_bytes())
    # From a quarter in to the page's end: a leaf's rows and an interior page's
    # pointers (kept at the end of the page) are both hit.
    garbage = bytes((i * 37 + 11) % 256 for i in range(page_size - page_size // 4))
    for page in pages:
        start = (page - 1) * page_size + page_size // 4
        data[start : start + len(garbage)] = garbage
    path.write_bytes(bytes(data))


DAMAGE = {
    "table-page": _corrupt_table_page,
    "every-page-after-the-first": _corrupt_every_page_after_the_first,
}


def _damaged_workbook(tmp_path: Path, kind: str) -> Path:
    path = new_workbook(tmp_path / "damaged.hiringdesk", [f"Member {i:03}" for i in range(60)])
    DAMAGE[kind](path)
    assert path.read_bytes().startswith(fileformat.SQLITE_MAGIC)
    return path


def _open_damaged(path: Path) -> WorkbookError:
    try:
        workbook = Workbook.open(path)
    except (WorkbookDamagedError, NotAWorkbookError) as exc:
        return exc
    except Exception as exc:  # anything else is a bug: the UI expects a WorkbookError
        pytest.fail(f"a damaged workbook raised {type(exc).__name__}, not a WorkbookError: {exc}")
    workbook.close()
    pytest.fail("a damaged workbook was opened without complaint")


# -- damaged workbooks -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_workbook_is_never_opened_silently(tmp_path: Path, kind: str) -> None:
    path = _damaged_workbook(tmp_path, kind)
    before = path.read_bytes()

    error = _open_damaged(path)

    assert error.path == path
    assert path.name in str(error)
    assert path.read_bytes() == before
    assert_unlocked(path)


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_workbook_error_is_one_line(tmp_path: Path, kind: str) -> None:
    path = _damaged_workbook(tmp_path, kind)
    error = _open_damaged(path)
    assert "\n" not in str(error), "WorkbookError messages are promised to be one line"


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_check_workbook_reports_a_damaged_workbook(tmp_path: Path, kind: str) -> None:
    path = _damaged_workbook(tmp_path, kind)
    before = path.read_bytes()

    report = check_workbook(path)

    assert not report.ok
    assert report.problems
    assert path.read_bytes() == before
