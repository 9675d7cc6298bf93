"""The Stages dialog by real clicks: add, rename, up and down, drag, hide and show, copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot
from tests.ui.conftest import click, show_active, type_into

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.pipeline import role_stage_edits, role_stages
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.roles.stages_dialog import StagesDialog


@pytest.fixture
def dialog(workbook: Workbook, qtbot: QtBot) -> StagesDialog:
    role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    designer = role_records.create_role(workbook, RoleBrief(title="Designer")).id
    role_stage_edits.add_stage(workbook, designer, "Portfolio review", Stage.INTERVIEW)
    roles = role_records.list_roles(workbook)
    backend = next(r for r in roles if r.title == "Backend Developer")
    made = StagesDialog(None, workbook, backend, roles)
    show_active(qtbot, made)
    return made


def _texts(dialog: StagesDialog) -> list[str]:
    return [dialog.stages_list.item(i).text() for i in range(dialog.stages_list.count())]


def _interview(workbook: Workbook, dialog: StagesDialog) -> list[str]:
    role_id = dialog._role_id
    return [s.name for s in role_stages.stages(workbook, role_id) if s.phase is Stage.INTERVIEW]


def _add(qtbot: QtBot, dialog: StagesDialog, name: str, phase: str) -> None:
    type_into(qtbot, dialog.name, name)
    dialog.phase.setCurrentIndex(dialog.phase.findData(phase))
    click(qtbot, dialog.add_button)


def test_add_rename_and_reorder_with_the_buttons(
    workbook: Workbook, dialog: StagesDialog, qtbot: QtBot
) -> None:
    assert _texts(dialog) == ["Applied", "Screening", "Interview", "Shortlisted", "Offer"]
    dialog.stages_list.setCurrentRow(2)
    _add(qtbot, dialog, "Take-home test", "interview")
    _add(qtbot, dialog, "Technical interview", "interview")
    assert _interview(workbook, dialog) == ["Interview", "Take-home test", "Technical interview"]
    assert dialog.selected() is not None and dialog.selected().name == "Technical interview"

    click(qtbot, dialog.up_button)
    assert _interview(workbook, dialog) == ["Interview", "Technical interview", "Take-home test"]
    assert dialog.selected() is not None and dialog.selected().name == "Technical interview"
    click(qtbot, dialog.down_button)
    assert _interview(workbook, dialog) == ["Interview", "Take-home test", "Technical interview"]

    type_into(qtbot, dialog.name, "Pairing session")
    click(qtbot, dialog.rename_button)
    assert _interview(workbook, dialog) == ["Interview", "Take-home test", "Pairing session"]
    # A name the role has already is refused in words, nothing saved.
    type_into(qtbot, dialog.name, "take-home TEST")
    click(qtbot, dialog.add_button)
    assert dialog.error.isVisible() and "already has a stage called" in dialog.error.text()
    assert len(_interview(workbook, dialog)) == 3


def test_drag_reorders_inside_a_phase_and_not_across(
    workbook: Workbook, dialog: StagesDialog, qtbot: QtBot
) -> None:
    dialog.stages_list.setCurrentRow(2)
    _add(qtbot, dialog, "Take-home test", "interview")
    texts = _texts(dialog)
    here = texts.index("Interview  ›  Take-home test")
    # What a drop does inside the list: the row moves, then the dialog saves the order.
    model = dialog.stages_list.model()
    model.moveRow(QModelIndex(), here, QModelIndex(), here - 1)
    assert _interview(workbook, dialog) == ["Take-home test", "Interview"]
    # Dragged into another phase: refused, the list shown as saved.
    texts = _texts(dialog)
    here = texts.index("Interview  ›  Take-home test")
    model.moveRow(QModelIndex(), here, QModelIndex(), 0)
    assert dialog.error.isVisible() and "stays inside its phase" in dialog.error.text()
    assert _texts(dialog) == texts


def test_hide_and_show(workbook: Workbook, dialog: StagesDialog, qtbot: QtBot) -> None:
    dialog.stages_list.setCurrentRow(1)
    click(qtbot, dialog.hide_button)
    assert "Screening  — hidden" in _texts(dialog)
    assert dialog.hide_button.text() == "S&how"
    click(qtbot, dialog.hide_button)
    assert "Screening" in _texts(dialog)


def test_copy_from_another_role(
    workbook: Workbook, dialog: StagesDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    assert dialog.copy_from.currentText() == "Designer"
    click(qtbot, dialog.copy_button)
    assert "Interview  ›  Portfolio review" in _texts(dialog)
    assert _interview(workbook, dialog) == ["Interview", "Portfolio review"]
