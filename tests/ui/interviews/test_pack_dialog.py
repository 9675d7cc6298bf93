"""The Print Interview Pack dialog: choose, print off the GUI thread, cancel, open."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.pdf_helpers import pdf_words
from tests.ui.conftest import click

from hiring_desk.documents.interview_pack import PackProgress
from hiring_desk.services.interviews import packs
from hiring_desk.services.interviews.packs import PackData
from hiring_desk.services.roles import role_records
from hiring_desk.store import Workbook
from hiring_desk.store.models import Interview, InterviewPlan
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.interviews import pack_dialog
from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog

SENIOR = "Senior Backend Developer"
SENIOR_DEFAULT = {"김민준", "Αλέξανδρος Παπαδόπουλος", "Oluwaseun Adeyemi"}

OpenDialog = Callable[..., PrintPackDialog]


@pytest.fixture
def demo(demo_copy: Path) -> Iterator[Workbook]:
    workbook = Workbook.open(demo_copy)
    try:
        yield workbook
    finally:
        workbook.close()


@dataclass
class Printing:
    """Where the pack goes: the save chooser answers ``folder``/pack.pdf and records each
    start it was asked with (``asked``); ``opened``: each file "opened" in a viewer."""

    folder: Path
    asked: list[Path] = field(default_factory=list)
    opened: list[Path] = field(default_factory=list)


@pytest.fixture
def printing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Printing:
    folder = tmp_path / "out"
    folder.mkdir()
    done = Printing(folder)

    def ask(_parent: object, start: Path, _title: str = "") -> Path:
        done.asked.append(start)
        return folder / "pack.pdf"

    def fake_open(path: Path) -> bool:
        done.opened.append(path)
        return True

    monkeypatch.setattr(file_dialogs, "ask_save_pdf", ask)
    monkeypatch.setattr(pack_dialog, "open_with_system_viewer", fake_open)
    return done


@pytest.fixture
def open_dialog(qtbot: QtBot, demo: Workbook) -> Iterator[OpenDialog]:
    def make(**kwargs: object) -> PrintPackDialog:
        dialog = PrintPackDialog(demo, None, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield make


def item_names(dialog: PrintPackDialog, *, ticked: bool) -> set[str]:
    listing: QListWidget = dialog.candidates
    wanted = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
    return {
        listing.item(row).text().split(" · ")[0]
        for row in range(listing.count())
        if listing.item(row).checkState() == wanted
    }


def test_prints_the_preselected_candidates_and_offers_to_open(
    qtbot: QtBot,
    demo: Workbook,
    open_dialog: OpenDialog,
    printing: Printing,
    answered_questions: list[str],
) -> None:
    senior = role_records.find_role(demo, SENIOR).id
    dialog = open_dialog(role_id=senior)
    assert dialog.role.currentText() == SENIOR
    assert item_names(dialog, ticked=True) == SENIOR_DEFAULT
    assert item_names(dialog, ticked=False), "other open applications are offered, unticked"
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: bool(printing.opened), timeout=20000)
    out = printing.folder / "pack.pdf"
    assert printing.opened == [out]
    assert "Interview Pack Saved" in answered_questions
    assert printing.asked and printing.asked[0].name == f"Interview pack - {SENIOR}.pdf"
    assert dialog.result() == PrintPackDialog.DialogCode.Accepted
    text = pdf_words(out)
    for name in SENIOR_DEFAULT:
        assert name in text
    assert [p.name for p in printing.folder.iterdir()] == ["pack.pdf"]


def test_choose_the_candidates_by_keyboard(
    qtbot: QtBot,
    demo: Workbook,
    open_dialog: OpenDialog,
    printing: Printing,
) -> None:
    dialog = open_dialog(role_id=role_records.find_role(demo, "Backend Developer").id)
    click(qtbot, dialog.tick_none)
    assert item_names(dialog, ticked=True) == set()
    assert not dialog.print_button.isEnabled()
    listing = dialog.candidates
    row = next(r for r in range(listing.count()) if listing.item(r).text().startswith("王磊"))
    listing.setFocus()
    listing.setCurrentRow(row)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert item_names(dialog, ticked=True) == {"王磊"}
    click(qtbot, dialog.choose_button)
    assert dialog.file.text() == str(printing.folder / "pack.pdf")
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: bool(printing.opened), timeout=20000)
    assert len(printing.asked) == 1, "the file chosen before printing is used, not asked again"
    text = pdf_words(printing.folder / "pack.pdf")
    assert "王磊" in text and "Zoë Lambert" not in text


def test_candidate_ids_given_are_ticked(demo: Workbook, open_dialog: OpenDialog) -> None:
    backend = role_records.find_role(demo, "Backend Developer").id
    wang = next(c.candidate_id for c in packs.pack_choices(demo, backend) if c.name == "王磊")
    dialog = open_dialog(role_id=backend, candidate_ids=[wang])
    assert item_names(dialog, ticked=True) == {"王磊"}


def test_cancelling_midway_leaves_no_file(
    qtbot: QtBot,
    demo: Workbook,
    open_dialog: OpenDialog,
    printing: Printing,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The builder is held after its first candidate until Cancel has been pressed."""
    real = packs.write_pack
    cancel_pressed = threading.Event()

    def held(data: PackData, out: Path) -> Generator[PackProgress, None, None]:
        steps = real(data, out)
        yield next(steps)
        cancel_pressed.wait(10)
        yield from steps

    monkeypatch.setattr(packs, "write_pack", held)
    dialog = open_dialog(role_id=role_records.find_role(demo, SENIOR).id)
    click(qtbot, dialog.print_button)
    operation = dialog.operation
    assert operation is not None
    progress = operation.dialog
    assert isinstance(progress, QProgressDialog)
    assert progress.objectName() == "pack_progress"
    qtbot.waitUntil(lambda: progress.value() == 1 and progress.isVisible())
    assert "of 3" in progress.labelText()
    assert QGuiApplication.overrideCursor() is not None  # busy while it works
    assert not dialog.print_button.isEnabled()
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(operation.finished, timeout=20000):
        click(qtbot, cancel)
        cancel_pressed.set()
    assert dialog.operation is None
    assert QGuiApplication.overrideCursor() is None
    assert dialog.status.text() == "Printing was cancelled; no file was written."
    assert list(printing.folder.iterdir()) == []
    assert printing.opened == []
    assert dialog.isVisible(), "the dialog stays open to try again"
    assert dialog.print_button.isEnabled()


def test_a_write_error_is_shown_in_the_dialog(
    qtbot: QtBot,
    demo: Workbook,
    open_dialog: OpenDialog,
    monkeypatch: pytest.MonkeyPatch,
    printing: Printing,
    tmp_path: Path,
) -> None:
    missing = tmp_path / "gone" / "pack.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_pdf", lambda *_args: missing)
    dialog = open_dialog(role_id=role_records.find_role(demo, SENIOR).id)
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: dialog.operation is None and dialog.error.isVisible(), timeout=20000)
    assert "Could not write pack.pdf" in dialog.error.text()
    assert printing.opened == [] and not missing.parent.exists()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText


def test_one_interview(
    qtbot: QtBot,
    demo: Workbook,
    open_dialog: OpenDialog,
    printing: Printing,
) -> None:
    with demo.transaction() as session:
        booked = session.exec(select(Interview).where(Interview.status == "scheduled")).first()
    assert booked is not None and booked.id is not None
    dialog = open_dialog(interview_id=booked.id)
    assert not dialog.role.isEnabled()
    assert dialog.candidates.count() == 1
    assert booked.round_name in dialog.scope.text()
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: bool(printing.opened), timeout=20000)
    (person,) = packs.pack_for_interview(demo, booked.id).candidates
    assert person.name in pdf_words(printing.folder / "pack.pdf")


def test_names_show_as_plain_text(qtbot: QtBot, workbook: Workbook) -> None:
    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.record_checks import CandidateInput
    from hiring_desk.services.pipeline import stage_moves
    from hiring_desk.services.roles.briefs import RoleBrief

    role = role_records.create_role(workbook, RoleBrief(title="<b>Ops</b>")).id
    person = candidate_records.create_candidate(workbook, CandidateInput(name="<i>Kim</i> & co")).id
    application = stage_moves.apply(workbook, person, role).id
    stage_moves.move(workbook, application, "screening")
    stage_moves.move(workbook, application, "interview")
    dialog = PrintPackDialog(workbook, None, role_id=role)
    qtbot.addWidget(dialog)
    assert dialog.role.currentText() == "<b>Ops</b>"
    assert item_names(dialog, ticked=True) == {"<i>Kim</i> & co"}
    labels: Sequence[QLabel] = [dialog.scope, dialog.error, dialog.status]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_an_unexpected_error_while_printing_restores_the_cursor_and_shows_the_crash_dialog(
    qtbot: QtBot,
    demo: Workbook,
    open_dialog: OpenDialog,
    printing: Printing,
    answered_questions: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = packs.write_pack

    def breaks(data: PackData, out: Path) -> Generator[PackProgress, None, None]:
        steps = real(data, out)
        yield next(steps)
        steps.close()
        raise RuntimeError("the layout engine fell over")

    monkeypatch.setattr(packs, "write_pack", breaks)
    dialog = open_dialog(role_id=role_records.find_role(demo, SENIOR).id)
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20000)
    assert QGuiApplication.overrideCursor() is None
    assert answered_questions == ["Something went wrong"]
    assert list(printing.folder.iterdir()) == [] and printing.opened == []
    assert dialog.isVisible() and dialog.print_button.isEnabled()
    assert dialog.status.text() == ""


def test_a_role_without_a_plan_is_offered_the_suggested_questions(
    qtbot: QtBot, workbook: Workbook, printing: Printing
) -> None:
    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.record_checks import CandidateInput
    from hiring_desk.services.interviews import plans
    from hiring_desk.services.pipeline import stage_moves
    from hiring_desk.services.roles.briefs import RoleBrief

    role = role_records.create_role(
        workbook, RoleBrief(title="Platform Engineer", seniority="senior")
    ).id
    person = candidate_records.create_candidate(workbook, CandidateInput(name="Kim Ode")).id
    application = stage_moves.apply(workbook, person, role).id
    stage_moves.move(workbook, application, "interview")
    dialog = PrintPackDialog(workbook, None, role_id=role)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.plan_note.isVisible() and dialog.suggest_button.isVisible()
    assert dialog.plan_note.text().startswith(
        "'Platform Engineer' has no interview plan yet, so the pack has no questions to print."
    )
    with workbook.transaction() as session:
        assert session.exec(select(InterviewPlan)).all() == []

    click(qtbot, dialog.suggest_button)

    assert not dialog.plan_note.isVisible() and not dialog.suggest_button.isVisible()
    assert "now has the suggested plan" in dialog.status.text()
    plan = plans.plan_for_role(workbook, role)
    first = plan.rounds[0].questions[0].text
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: bool(printing.opened), timeout=20000)
    printed = pdf_words(printing.folder / "pack.pdf")
    assert " ".join(first.split()[:6]) in printed
    assert "No questions planned" not in printed


def test_a_role_with_a_plan_is_not_offered_one(demo: Workbook, open_dialog: OpenDialog) -> None:
    dialog = open_dialog(role_id=role_records.find_role(demo, SENIOR).id)
    assert not dialog.plan_note.isVisible() and not dialog.suggest_button.isVisible()
