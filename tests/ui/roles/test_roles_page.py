"""The Roles page, the role editor and the job-description editor, end to end."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import (
    MakeWindow,
    choose_more,
    click_button,
    overview_read,
    press,
    type_into,
    when_modal,
    workbook_of,
)

from hiring_desk.services.roles import job_descriptions, role_records
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.jd_editor import JDEditor
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.roles.roles_page import RolesPage


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    create_workbook(tmp_path / "role_records.hiringdesk").close()
    win = make_window(tmp_path / "role_records.hiringdesk")
    assert win.workbook is not None
    lead = team_members.add_member(win.workbook, "Tomás Ó Briain", "Head of Engineering")
    company.update_company(
        win.workbook,
        name="Harbourlight Software",
        address="Dublin 8",
        signatory_id=lead.id,
        default_currency="EUR",
        locale="en_IE",
    )
    press(qtbot, win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = roles_page(win)
    page.refresh()
    overview_read(qtbot, page)
    return win


def roles_page(window: MainWindow) -> RolesPage:
    page = window.pages["roles"]
    assert isinstance(page, RolesPage)
    return page


def fill_senior_remote(qtbot: QtBot, dialog: RoleDialog, salary_min: str) -> None:
    type_into(qtbot, dialog.title, "Senior Backend Developer")
    dialog.seniority.setCurrentIndex(dialog.seniority.findData("senior"))
    dialog.work_mode.setFocus()
    dialog.work_mode.setCurrentIndex(dialog.work_mode.findData("remote"))
    type_into(qtbot, dialog.location, "Remote within Ireland")
    dialog.hiring_manager.setCurrentIndex(1)
    dialog.status.setCurrentIndex(dialog.status.findData("open"))
    qtbot.mouseClick(dialog.start_by.enabled, Qt.MouseButton.LeftButton)
    dialog.start_by.edit.setDate(QDate.currentDate().addDays(60))
    type_into(qtbot, dialog.salary_min, salary_min)
    type_into(qtbot, dialog.salary_max, "95,000")
    type_into(qtbot, dialog.education, "A degree in computer science or equivalent experience")
    dialog.years.setValue(6)
    for skill in ("pyth", "PostgreSQL"):
        type_into(qtbot, dialog.skills.entry, skill if skill != "pyth" else "python")
        qtbot.keyClick(dialog.skills.entry, Qt.Key.Key_Return)
    dialog.skills.importance.setCurrentIndex(1)  # nice-to-have
    type_into(qtbot, dialog.skills.entry, "Docker")
    qtbot.mouseClick(dialog.skills.add_button, Qt.MouseButton.LeftButton)


def test_new_role_refuses_bad_salary_then_saves(window: MainWindow, qtbot: QtBot) -> None:
    page = roles_page(window)
    assert page.empty.isVisible()
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RoleDialog)
        fill_senior_remote(qtbot, dialog, salary_min="120000")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.isVisible()  # refused: minimum above maximum
        seen["salary"] = dialog._fields["salary_min"].error.text()
        assert dialog.tabs.currentIndex() == 1  # switched to the tab with the problem
        type_into(qtbot, dialog.salary_min, "78000")
        type_into(qtbot, dialog.title, "")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.isVisible()  # refused: empty title
        seen["title"] = dialog._fields["title"].error.text()
        type_into(qtbot, dialog.title, "Senior Backend Developer")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert "above the maximum" in seen["salary"]
    assert "required" in seen["title"]
    listed = role_records.list_roles(window.workbook)  # type: ignore[arg-type]
    assert [r.title for r in listed] == ["Senior Backend Developer"]
    detail = role_records.get_role(window.workbook, listed[0].id)  # type: ignore[arg-type]
    assert detail.brief.work_mode == "remote" and detail.brief.location == "Remote within Ireland"
    assert [(s.skill, s.importance) for s in detail.brief.skills] == [
        ("Python", "must"),
        ("PostgreSQL", "must"),
        ("Docker", "nice"),
    ]
    assert detail.hiring_manager == "Tomás Ó Briain"
    overview_read(qtbot, page)
    assert page.model.rowCount() == 1 and page.selected_role() is not None
    assert page.table.isVisible()


def test_edit_by_double_click_and_delete(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiring_desk.services.roles.briefs import RoleBrief

    wb = workbook_of(window)
    role_records.create_role(wb, RoleBrief(title="Backend Developer"))
    page = roles_page(window)
    page.refresh()
    overview_read(qtbot, page)

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, RoleDialog)
        type_into(qtbot, dialog.title, "Backend Developer (Python)")
        dialog.headcount.setValue(2)
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, rename)
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert role_records.list_roles(wb)[0].title == "Backend Developer (Python)"
    assert role_records.list_roles(wb)[0].headcount == 2
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    page.table.selectRow(0)
    choose_more(qtbot, page.toolbar, "delete_role")
    assert role_records.list_roles(wb) == []


def test_draft_edit_check_save_restore_and_export(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    today: date,
) -> None:
    from decimal import Decimal

    from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry

    wb = workbook_of(window)
    lead = team_members.list_members(wb)[0]
    role = role_records.create_role(
        wb,
        RoleBrief(
            title="Senior Backend Developer",
            seniority="senior",
            work_mode="remote",
            location="Remote within Ireland",
            salary_min=Decimal(78000),
            salary_max=Decimal(95000),
            start_by=today + timedelta(days=365),
            target_date=today + timedelta(days=365),
            education="A degree in computer science",
            min_years_experience=6,
            hiring_manager_id=lead.id,
            skills=(SkillEntry("Python"), SkillEntry("PostgreSQL"), SkillEntry("Docker", "nice")),
        ),
    )
    editor = JDEditor(window, wb, role.id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.selected_template() == "senior-backend-developer"
    qtbot.mouseClick(editor.fill_button, Qt.MouseButton.LeftButton)
    text = editor.editor.toPlainText()
    assert "Remote within Ireland" in text and "PostgreSQL" in text
    editor.update_preview()
    assert "nothing missing" in editor.check_title.text()
    assert "Senior Backend Developer" in editor.preview.toPlainText()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [v.version for v in job_descriptions.list_versions(wb, role.id)] == [1]

    # An edit that drops the salary: the checklist says so, saving still works.
    editor.editor.setFocus()
    editor.editor.selectAll()
    qtbot.keyClicks(editor.editor, "# Senior Backend Developer")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.editor, "Short text.")
    assert editor.editor.toPlainText() == "# Senior Backend Developer\n\nShort text."
    editor.update_preview()
    assert editor.checklist.count() > 0
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # A button's shortcut "animates" the click: it lands a moment later.
    qtbot.waitUntil(lambda: len(job_descriptions.list_versions(wb, role.id)) == 2)

    # View version 1 and restore it.
    editor.version_combo.setCurrentIndex(1)
    editor.version_combo.activated.emit(1)
    assert editor.editor.isReadOnly() and editor.banner.isVisible()
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    latest = job_descriptions.latest_version(wb, role.id)
    assert latest is not None and latest.version == 3 and latest.body == text.strip() + "\n"
    assert not editor.editor.isReadOnly()

    # Export as HTML and copy as text.
    out = tmp_path / "posting.html"
    monkeypatch.setattr(file_dialogs, "ask_export_path", lambda *_a: out)
    from hiring_desk.services.roles.jd_publishing import JDFormat

    editor.export_actions[JDFormat.HTML].trigger()
    assert "<h1>Senior Backend Developer</h1>" in out.read_text(encoding="utf-8")
    editor.copy_action.trigger()
    assert "Remote within Ireland" in QApplication.clipboard().text()
    editor.close()


def test_jd_button_opens_editor(window: MainWindow, qtbot: QtBot) -> None:
    from hiring_desk.services.roles.briefs import RoleBrief

    wb = workbook_of(window)
    role_records.create_role(wb, RoleBrief(title="Database Specialist"))
    page = roles_page(window)
    page.refresh()
    overview_read(qtbot, page)
    page.table.selectRow(0)
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, JDEditor)
        seen.append(str(dialog.selected_template()))
        dialog.close()

    when_modal(qtbot, look)
    qtbot.mouseClick(page.jd_button, Qt.MouseButton.LeftButton)
    assert seen == ["database-specialist"]


def test_templates_menu_imports_and_refuses(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answered_questions: list[str],
) -> None:
    from hiring_desk.services.roles import jd_user_templates
    from hiring_desk.services.roles.briefs import RoleBrief

    wb = workbook_of(window)
    role = role_records.create_role(wb, RoleBrief(title="API / Integration Developer"))
    editor = JDEditor(window, wb, role.id)
    qtbot.addWidget(editor)
    editor.show()
    picker = editor.templates
    # A file that is not a template is refused with a message naming it.
    junk = tmp_path / "holiday.toml"
    junk.write_text("destination = 'Kerry'\n", encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "ask_import_template", lambda *_a: junk)
    menu = picker.templates_button.menu()
    next(a for a in menu.actions() if a.text().startswith("&Import")).trigger()
    assert answered_questions == ["Template Not Imported"]
    # A good file (exported from a built-in) is imported and selected.
    good = jd_user_templates.export_template_file(wb, "backend-developer", tmp_path / "mine.toml")
    monkeypatch.setattr(file_dialogs, "ask_import_template", lambda *_a: good)
    next(a for a in menu.actions() if a.text().startswith("&Import")).trigger()
    assert picker.template_combo.currentText() == "Backend Developer (yours)"
    assert picker.delete_template_action.isEnabled()
    qtbot.mouseClick(picker.fill_button, Qt.MouseButton.LeftButton)
    assert editor.editor.toPlainText().startswith("# API / Integration Developer")


def test_interview_plan_button_opens_the_roles_default_plan(
    window: MainWindow, qtbot: QtBot
) -> None:
    from hiring_desk.services.roles.briefs import RoleBrief
    from hiring_desk.ui.interviews.plan_editor import PlanEditorDialog

    assert window.workbook is not None
    role = role_records.create_role(
        window.workbook,
        RoleBrief(title="Senior Backend Developer", seniority="senior"),
    )
    page = roles_page(window)
    page.refresh(role.id)
    overview_read(qtbot, page)
    assert page.plan_button.isEnabled()
    rounds: list[str] = []

    def read_rounds(dialog: QWidget) -> None:
        assert isinstance(dialog, PlanEditorDialog)
        lst = dialog.rounds_list
        rounds.extend(lst.item(i).text() for i in range(lst.count()))
        dialog.reject()

    when_modal(qtbot, read_rounds, PlanEditorDialog)
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    assert len(rounds) >= 3
    assert any("System design" in text or "system design" in text for text in rounds)
