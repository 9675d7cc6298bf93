"""Candidates chosen while the window loads: the first page at once, then the real page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiring_desk.ui import messages
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.candidates.candidate_model import COLUMNS
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.candidates.first_page_table import HEADERS, FirstPageTable
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.settings import Settings

CANDIDATES = [key for key, _label, _icon in AREAS].index("candidates")


@pytest.fixture
def shell(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The window as the start-up shows it first: the shell, not built yet."""
    window = MainWindow(Settings(), deferred=True)
    yield window
    monkeypatch.setattr(messages, "confirm", lambda *_args, **_kwargs: True)
    window.close()
    if window.workbook is not None:
        window.workbook.close()
        window.workbook = None
    window.deleteLater()


def _cells(model: object, rows: int) -> list[list[str]]:
    return [
        [model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) for c in range(len(HEADERS))]  # type: ignore[attr-defined]
        for r in range(rows)
    ]


def test_the_first_page_shows_at_once_and_the_page_takes_over(
    shell: MainWindow, demo_copy: Path, qtbot: QtBot
) -> None:
    shell.expect_workbook(demo_copy)
    shell.show()
    qtbot.waitExposed(shell)
    shell.show_last_area()  # none yet
    assert shell.nav.isEnabled() and shell.nav.currentRow() == -1
    shell.nav.setCurrentRow(CANDIDATES)  # a click, taken while the window loads
    lean = shell.stack.currentWidget()
    assert isinstance(lean, FirstPageTable)
    assert lean.table.isVisible() and lean.model.rowCount() > 28
    early = _cells(lean.model, lean.model.rowCount())

    shell.finish_building()
    shell.open_initial(demo_copy)
    qtbot.waitUntil(lambda: not shell.retention_notice.pending, timeout=20000)
    page = shell.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    assert page.table.isVisible()
    assert not [w for w in shell.findChildren(FirstPageTable) if w.isVisible()]
    assert shell.nav.currentRow() == CANDIDATES
    assert [header for header, _key in COLUMNS] == list(HEADERS)
    assert page.model.rowCount() == len(early)
    assert _cells(page.model, page.model.rowCount()) == early  # the same text, same order
    assert sorted(shell.pages) == ["candidates"]  # only the area chosen was built


def test_other_areas_wait_for_the_workbook(
    shell: MainWindow, demo_copy: Path, qtbot: QtBot
) -> None:
    shell.expect_workbook(demo_copy)
    shell.show()
    qtbot.waitExposed(shell)
    shell.show_last_area()
    shell.nav.setCurrentRow(CANDIDATES + 1)  # Interviews: nothing to show before it opens
    assert not isinstance(shell.stack.currentWidget(), FirstPageTable)
    shell.finish_building()
    shell.open_initial(demo_copy)
    qtbot.waitUntil(lambda: not shell.retention_notice.pending, timeout=20000)
    assert sorted(shell.pages) == ["interviews"]


def test_a_file_that_cannot_be_read_shows_no_rows_and_is_refused(
    shell: MainWindow, tmp_path: Path, qtbot: QtBot, answered_questions: list[str]
) -> None:
    text = tmp_path / "notes.hiringdesk"
    text.write_text("not a database", encoding="utf-8")
    shell.settings.set_last_area("candidates")
    shell.expect_workbook(text)
    shell.show()
    qtbot.waitExposed(shell)
    shell.show_last_area()
    assert shell.nav.currentRow() == CANDIDATES
    assert not isinstance(shell.stack.currentWidget(), FirstPageTable)
    shell.finish_building()
    shell.open_initial(text)
    assert shell.workbook is None
    assert answered_questions == ["Cannot Open Workbook"]


def test_the_window_opens_on_the_area_shown_last(
    shell: MainWindow, demo_copy: Path, qtbot: QtBot
) -> None:
    shell.expect_workbook(demo_copy)
    shell.show()
    qtbot.waitExposed(shell)
    shell.show_last_area()
    shell.finish_building()
    shell.open_initial(demo_copy)
    qtbot.waitUntil(lambda: not shell.retention_notice.pending, timeout=20000)
    assert sorted(shell.pages) == ["today"]  # nothing remembered: Today, as it has data
    shell.show_area("candidates")
    assert shell.settings.last_area() == "candidates"

    again = MainWindow(shell.settings, deferred=True)
    try:
        again.expect_workbook(demo_copy)
        again.show()
        qtbot.waitExposed(again)
        again.show_last_area()
        lean = again.stack.currentWidget()
        assert isinstance(lean, FirstPageTable) and lean.model.rowCount() > 28
    finally:
        again.close()
        again.deleteLater()
