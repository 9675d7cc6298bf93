"""The Candidates page: search as you type, add, merge duplicates, filter, match, compare."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import type_into, when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.main_window import MainWindow


def test_add_candidate_with_field_error_then_save(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window)
    errors: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CandidateDialog)
        type_into(qtbot, dialog.name, "Ingrid Ødegård")
        type_into(qtbot, dialog.email, "ingrid@")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        save = box.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        errors.append(dialog._fields["email"].error.text())
        type_into(qtbot, dialog.email, "ingrid@example.no")
        type_into(qtbot, dialog.skills, "Python, Rust")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert errors and errors[0]
    assert page.model.total == 1
    assert page.detail.title.text() == "Ingrid Ødegård"
    assert page.detail.fields["skills"].text() == "Python, Rust"


def test_search_as_you_type_finds_accented_names(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    for name in ("Ingrid Ødegård", "Zoë Lambert", "Ahmed Hassan"):
        candidate_records.create_candidate(wb, CandidateInput(name=name))
    page = page_of(window)
    page.refresh()
    assert page.model.total == 3
    page.filters.search.setFocus()
    qtbot.keyClicks(page.filters.search, "odeg")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).name == "Ingrid Ødegård"
    assert page.filters.count.text() == "1 candidate"
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 3)


def test_notes_with_html_show_their_tags(window: MainWindow) -> None:
    wb = workbook_of(window)
    candidate_records.create_candidate(
        wb, CandidateInput(name="<b>Bold</b> & Co", notes="<script>alert(1)</script>")
    )
    page = page_of(window)
    page.refresh()
    assert page.detail.title.text() == "<b>Bold</b> & Co"
    assert page.detail.title.textFormat() == Qt.TextFormat.PlainText
    assert page.detail.notes.toPlainText() == "<script>alert(1)</script>"
    assert page.model.row(0).name == "<b>Bold</b> & Co"


def test_adding_a_duplicate_offers_a_merge(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.ui.candidates.merge_dialog import MergeDialog

    wb = workbook_of(window)
    existing = candidate_records.create_candidate(
        wb, CandidateInput(name="José García", email="jose@example.com", skills=("Python",))
    ).id
    page = page_of(window)
    page.refresh()
    previews: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CandidateDialog)
        type_into(qtbot, dialog.name, "Jose Garcia")
        type_into(qtbot, dialog.email, "JOSE@example.com")
        type_into(qtbot, dialog.skills, "Go")

        def merge(merge_dialog: QWidget) -> None:
            assert isinstance(merge_dialog, MergeDialog)
            previews.append(merge_dialog.preview.toPlainText())
            qtbot.mouseClick(merge_dialog.merge_button, Qt.MouseButton.LeftButton)

        when_modal(qtbot, merge, MergeDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(
            box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    when_modal(qtbot, fill, CandidateDialog)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews))
    assert "Skills: Python, Go" in previews[0]
    listed = candidate_records.list_candidates(wb)
    assert [c.id for c in listed] == [existing]
    assert candidate_records.get_candidate(wb, existing).record.skills == ("Python", "Go")
    assert page.selected_id() == existing


def test_tag_and_skill_filters(window: MainWindow, qtbot: QtBot) -> None:
    wb = workbook_of(window)
    candidate_records.create_candidate(
        wb, CandidateInput(name="A", skills=("Python",), tags=("remote",))
    )
    candidate_records.create_candidate(
        wb, CandidateInput(name="B", skills=("Java",), tags=("remote",))
    )
    candidate_records.create_candidate(wb, CandidateInput(name="C", skills=("Python",)))
    page = page_of(window)
    page.refresh()
    page.filters.tag_filter.setFocus()
    qtbot.keyClicks(page.filters.tag_filter, "Remote")
    qtbot.waitUntil(lambda: page.model.total == 2)
    page.filters.skill_filter.setFocus()
    qtbot.keyClicks(page.filters.skill_filter, "python")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).name == "A"


def test_match_column_sorts_and_filters(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.services.roles.briefs import SkillEntry

    wb = workbook_of(window)
    role = role_records.create_role(
        wb, RoleBrief(title="Backend", skills=(SkillEntry("Python"), SkillEntry("Go")))
    )
    for name, skills in (("Half", ("Go",)), ("Full", ("Python", "Go")), ("None", ())):
        cid = candidate_records.create_candidate(wb, CandidateInput(name=name, skills=skills)).id
        stage_moves.apply(wb, cid, role.id)
    page = page_of(window)
    page.refresh()
    view = page.table
    header = view.horizontalHeader()
    titles = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())]
    match_column = titles.index("Match")
    # A click on the header sorts by match (ascending), a second click reverses it.
    section_x = header.sectionViewportPosition(match_column) + header.sectionSize(match_column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section_x, 5))
    qtbot.waitUntil(lambda: page.model.row(0).name == "None")
    assert [page.model.row(i).name for i in range(3)] == ["None", "Half", "Full"]
    assert page.model.index(2, match_column).data() == "100%"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section_x, 5))
    qtbot.waitUntil(lambda: page.model.row(0).name == "Full")

    page.filters.match_filter.setFocus()
    qtbot.keyClick(page.filters.match_filter, Qt.Key.Key_Down)  # Match 25%+
    qtbot.waitUntil(lambda: page.model.total == 2)
    for _ in range(3):
        qtbot.keyClick(page.filters.match_filter, Qt.Key.Key_Down)  # ... Match 100%+
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.row(0).name == "Full"


def test_compare_three_candidates_of_a_role(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.ui.offers.compare_dialog import CompareDialog

    wb = workbook_of(window)
    role = role_records.create_role(wb, RoleBrief(title="Backend"))
    for name in ("Ann", "Ben", "Cai"):
        cid = candidate_records.create_candidate(wb, CandidateInput(name=name)).id
        stage_moves.apply(wb, cid, role.id)
    candidate_records.create_candidate(wb, CandidateInput(name="Dee"))  # no application
    page = page_of(window)
    page.refresh()
    view = page.table
    first = view.visualRect(page.model.index(0, 0)).center()
    third = view.visualRect(page.model.index(2, 0)).center()
    fourth = view.visualRect(page.model.index(3, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert not page.compare_button.isEnabled()  # one is not enough
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, shift, third)
    assert page.compare_button.isEnabled()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, shift, fourth)
    assert not page.compare_button.isEnabled()  # Dee applied to no role
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, shift, third)
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(CompareDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_the_candidate_editor_keeps_a_salary_range(qtbot: QtBot, tmp_path: Path) -> None:
    from decimal import Decimal

    with create_workbook(tmp_path / "r.hiringdesk") as wb:
        cid = candidate_records.create_candidate(
            wb,
            CandidateInput(
                name="Ranged",
                salary_expectation=Decimal("65000"),
                salary_expectation_max=Decimal("75000"),
                salary_currency="EUR",
            ),
        ).id
        detail = candidate_records.get_candidate(wb, cid)
        dialog = CandidateDialog(None, lambda record: detail, detail)
        qtbot.addWidget(dialog)
        assert dialog.salary.text() == "65,000.00–75,000.00"
        record = dialog.record()
        assert (record.salary_expectation, record.salary_expectation_max) == (
            Decimal("65000"),
            Decimal("75000"),
        )
        dialog.salary.setFocus()
        dialog.salary.selectAll()
        qtbot.keyClicks(dialog.salary, "70k")
        assert dialog.record().salary_expectation_max is None
