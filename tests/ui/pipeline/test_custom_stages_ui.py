"""A role's own stages by real clicks: the Stages dialog, the board's columns, the move dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import (
    MakeWindow,
    click,
    overview_read,
    press,
    type_into,
    when_modal,
    workbook_of,
)

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import role_stage_edits, role_stages, stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import messages
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.pipeline.move_dialog import MoveDialog
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.roles.stages_dialog import StagesDialog


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    create_workbook(tmp_path / "stages.hiringdesk").close()
    win = make_window(tmp_path / "stages.hiringdesk")
    wb = workbook_of(win)
    role = role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    role_records.create_role(wb, RoleBrief(title="Designer"))
    for name in ("Ada Lovelace", "Grace Hopper"):
        candidate = candidate_records.create_candidate(wb, CandidateInput(name=name))
        application = stage_moves.apply(wb, candidate.id, role.id)
        stage_moves.move(wb, application.id, "interview")
    return win


def _roles_page(qtbot: QtBot, window: MainWindow) -> RolesPage:
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["roles"]
    assert isinstance(page, RolesPage)
    page.refresh()
    overview_read(qtbot, page)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row(r).title == "Backend Developer"
    )
    page.table.selectRow(row)
    return page


def _board(qtbot: QtBot, window: MainWindow) -> CandidatesPage:
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    role_id = role_records.list_roles(workbook_of(window))[0].id
    page.filters.role_filter.setCurrentIndex(page.filters.role_filter.findData(role_id))
    click(qtbot, page.board_toggle)
    return page


def _drop(qtbot: QtBot, source: QListWidget, target: QListWidget) -> None:
    """Press on the first card, then deliver the drop the drag ends with (see the
    Candidates page's drag test: a drag's own loop needs a real pointer)."""
    rect = source.visualItemRect(source.item(0))
    qtbot.mousePress(source.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(source.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    event = QDropEvent(
        QPointF(target.viewport().rect().center()),
        Qt.DropAction.MoveAction,
        source.mimeData([source.item(0)]),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def test_add_a_stage_see_its_column_and_drag_a_card_into_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    wb = workbook_of(window)
    page = _roles_page(qtbot, window)
    role_id = page.selected_role().id  # type: ignore[union-attr]
    seen: list[list[str]] = []

    def add_take_home(dialog: QWidget) -> None:
        assert isinstance(dialog, StagesDialog)
        type_into(qtbot, dialog.name, "Take-home test")
        dialog.phase.setCurrentIndex(dialog.phase.findData("interview"))
        click(qtbot, dialog.add_button)
        seen.append([dialog.stages_list.item(i).text() for i in range(dialog.stages_list.count())])
        dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
            QDialogButtonBox.StandardButton.Close
        ).click()

    when_modal(qtbot, add_take_home, StagesDialog, close_after=True)
    click(qtbot, page.stages_button)
    assert any("Interview  ›  Take-home test" in text for text in seen[0])
    assert any(text == "Interview  (2)" for text in seen[0])

    board_page = _board(qtbot, window)
    take_home = next(s for s in role_stages.stages(wb, role_id) if s.name == "Take-home test")
    interview = next(s for s in role_stages.stages(wb, role_id) if s.name == "Interview")
    columns = board_page.board.columns
    assert take_home.key in columns and columns[take_home.key].count() == 0
    assert columns[interview.key].count() == 2
    assert list(columns).index(take_home.key) == list(columns).index(interview.key) + 1

    _drop(qtbot, columns[interview.key], board_page.board.columns[take_home.key])
    columns = board_page.board.columns
    assert columns[take_home.key].count() == 1 and columns[interview.key].count() == 1
    moved = columns[take_home.key].item(0).text()
    candidate_id = next(r.id for r in candidate_records_rows(board_page) if r.name == moved)
    application = stage_moves.applications_of(wb, candidate_id)[0]
    assert application.stage_label == "Interview: Take-home test"
    # The candidate table's stage column names the step.
    row = next(r for r in candidate_records_rows(board_page) if r.name == moved)
    assert row.stage_label == "Take-home test"


def candidate_records_rows(page: CandidatesPage) -> list:  # type: ignore[type-arg]
    return [page.model.row(r) for r in range(page.model.rowCount())]


def test_a_refused_drop_between_phases_says_why(
    window: MainWindow, qtbot: QtBot, answered_questions: list[str]
) -> None:
    wb = workbook_of(window)
    role_id = role_records.list_roles(wb)[0].id
    role_stage_edits.add_stage(wb, role_id, "Take-home test", Stage.INTERVIEW)
    page = _board(qtbot, window)
    interview = next(s for s in role_stages.stages(wb, role_id) if s.name == "Interview")
    page.board.reload()
    _drop(qtbot, page.board.columns[interview.key], page.board.columns[Stage.HIRED])
    assert answered_questions == ["Cannot Move"]
    assert page.board.columns[Stage.HIRED].count() == 0


def test_the_move_dialog_lists_the_roles_stages_and_goes_forward(
    window: MainWindow, qtbot: QtBot
) -> None:
    wb = workbook_of(window)
    role_id = role_records.list_roles(wb)[0].id
    role_stage_edits.add_stage(wb, role_id, "Take-home test", Stage.INTERVIEW)
    role_stage_edits.add_stage(wb, role_id, "References", Stage.SHORTLISTED)
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.selected_id() is not None and page.detail.move_button.isEnabled())
    page.detail.tabs.setCurrentIndex(1)
    shown: list[tuple[list[str], str]] = []

    def look_and_move(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        names = [dialog.target.itemText(i) for i in range(dialog.target.count())]
        shown.append((names, dialog.target.currentText()))
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(qtbot, look_and_move, MoveDialog, close_after=True)
    click(qtbot, page.detail.move_button)
    names, default = shown[0]
    assert "Interview: Take-home test" in names and "Shortlisted: References" in names
    assert "Interview" not in names  # where the application is now
    assert default == "Interview: Take-home test"  # the next stage forward
    candidate_id = page.selected_id()
    assert candidate_id is not None
    assert stage_moves.applications_of(wb, candidate_id)[0].step == "Take-home test"


def test_removing_a_stage_asks_where_its_applications_go(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    wb = workbook_of(window)
    page = _roles_page(qtbot, window)
    role_id = page.selected_role().id  # type: ignore[union-attr]
    role_stage_edits.add_stage(wb, role_id, "Take-home test", Stage.INTERVIEW)
    asked: list[list[str]] = []

    def choose(
        _parent: object, _title: str, _label: str, items: list[str], *_a: object
    ) -> tuple[str, bool]:
        asked.append(list(items))
        return "Take-home test", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)

    def remove_interview(dialog: QWidget) -> None:
        assert isinstance(dialog, StagesDialog)
        texts = [dialog.stages_list.item(i).text() for i in range(dialog.stages_list.count())]
        dialog.stages_list.setCurrentRow(texts.index("Interview  (2)"))
        click(qtbot, dialog.remove_button)
        # Hiding a stage with applications is refused in the dialog, in words.
        texts = [dialog.stages_list.item(i).text() for i in range(dialog.stages_list.count())]
        dialog.stages_list.setCurrentRow(texts.index("Interview  ›  Take-home test  (2)"))
        click(qtbot, dialog.hide_button)
        assert dialog.error.isVisible() and "move them" in dialog.error.text()
        dialog.reject()

    when_modal(qtbot, remove_interview, StagesDialog, close_after=True)
    click(qtbot, page.stages_button)
    assert asked == [["Take-home test"]]
    listed = {s.name: s.applications for s in role_stages.stages(wb, role_id)}
    assert "Interview" not in listed and listed["Take-home test"] == 2


def test_move_stage_after_clicking_a_card_moves_that_candidate(
    window: MainWindow, qtbot: QtBot
) -> None:
    """On the board a clicked card shows in the detail panel while the table's selection
    stays on another candidate: Move Stage moves the one shown."""
    wb = workbook_of(window)
    page = _board(qtbot, window)
    interview = page.board.columns[Stage.INTERVIEW]
    qtbot.waitUntil(lambda: page.selected_id() is not None)
    index = next(
        i for i in range(interview.count()) if interview.item(i).text() != _table_name(page)
    )
    rect = interview.visualItemRect(interview.item(index))
    qtbot.mouseClick(interview.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = page.detail.candidate_id
    assert shown is not None and shown != page.selected_id()
    page.detail.tabs.setCurrentIndex(1)
    headings: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog)
        headings.append(dialog.heading.text())
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(qtbot, look, MoveDialog, close_after=True)
    click(qtbot, page.detail.move_button)
    assert headings and interview.item(0) is not None
    assert stage_moves.applications_of(wb, shown)[0].stage == "shortlisted"


def _table_name(page: CandidatesPage) -> str:
    selected = page.selected_id()
    return next(r.name for r in candidate_records_rows(page) if r.id == selected)
