"""The comparison dialog: three demo candidates side by side, best values bold, PDF export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.pdf_helpers import pdf_words
from tests.services.offers.comparison_setup import demo_shortlist

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.store import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.offers.compare_dialog import CompareDialog, can_compare, open_comparison


def _dialog(qtbot: QtBot, workbook: Workbook) -> CompareDialog:
    role_id, ids = demo_shortlist(workbook)
    dialog = CompareDialog(workbook, role_id, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_can_compare_two_to_five() -> None:
    assert can_compare(1) == "Pick 2 to 5 candidates"
    assert can_compare(2) is None
    assert can_compare(5) is None
    assert can_compare(6) == "Pick 2 to 5 candidates"


def test_three_demo_candidates_side_by_side(qtbot: QtBot, demo: Workbook) -> None:
    dialog = _dialog(qtbot, demo)
    names = dialog.comparison.names
    table = dialog.table
    assert table.columnCount() == 4
    headers = [table.horizontalHeaderItem(c).text() for c in range(1, 4)]  # type: ignore[union-attr]
    assert tuple(headers) == names
    assert "Backend Developer" in dialog.windowTitle()
    # Every row of the service is in the grid, each under its heading.
    for group in dialog.comparison.groups:
        for row in group.rows:
            for index, text in enumerate(row.cells):
                assert dialog.cell_text(row.label, index) == text
                assert dialog.is_bold(row.label, index) is row.is_best(index)
    overall = next(
        row
        for group in dialog.comparison.groups
        for row in group.rows
        if row.label.startswith("Overall")
    )
    assert overall.best, "the demo's three candidates have different overall means"
    best = min(overall.best)
    item = table.item(dialog._row_of(overall.label), best + 1)
    assert item is not None and item.toolTip() == "Best in this row"
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers


def test_export_pdf_through_the_chooser(
    qtbot: QtBot, demo: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, demo)
    target = tmp_path / "out" / "shortlist.pdf"
    target.parent.mkdir()
    asked: list[tuple[Path, str, str]] = []

    def choose(_parent: QWidget | None, start: Path, label: str, suffix: str) -> Path:
        asked.append((start, label, suffix))
        return target

    monkeypatch.setattr(file_dialogs, "ask_export_path", choose)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][1:] == ("PDF", ".pdf")
    assert asked[0][0].name == "Shortlist comparison - Backend Developer.pdf"
    assert target.exists()
    text = pdf_words(target)
    for name in dialog.comparison.names:
        assert name in text
    assert str(target) in dialog.status.text()


def test_cancelled_chooser_writes_nothing(
    qtbot: QtBot, demo: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, demo)
    monkeypatch.setattr(file_dialogs, "ask_export_path", lambda *_args: None)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == ""
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_failed_export_is_shown(
    qtbot: QtBot, demo: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, demo)
    errors: list[str] = []
    monkeypatch.setattr(
        file_dialogs, "ask_export_path", lambda *_args: tmp_path / "missing" / "x.pdf"
    )
    monkeypatch.setattr(messages, "show_error", lambda _p, _title, text, *_a: errors.append(text))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert errors and "Could not write x.pdf" in errors[0]


def test_a_wrong_selection_is_explained_not_opened(
    qtbot: QtBot, demo: Workbook, answered_questions: list[str]
) -> None:
    role_id, ids = demo_shortlist(demo)
    assert open_comparison(None, demo, role_id, ids[:1]) is None
    assert answered_questions == ["Compare Candidates"]
    with pytest.raises(ValidationError):
        CompareDialog(demo, role_id + 1, ids)  # they applied to the other role
    assert open_comparison(None, demo, role_id + 1, ids) is None
    assert answered_questions[-1] == "Cannot Compare"
    opened = open_comparison(None, demo, role_id, ids)
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.isVisible()
