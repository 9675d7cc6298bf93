"""The Today page in the window: opened first on a workbook with data, items opened,
snoozed and done with real clicks, tasks added through the dialog."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.services.today.today_setup import Ids, build
from tests.ui.conftest import (
    MakeWindow,
    Said,
    choose_more,
    click,
    click_button,
    overview_read,
    type_into,
    when_modal,
)

from hiring_desk import clock
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.today import tasks
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store import Workbook
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.today.today_dialogs import SnoozeDateDialog, TaskDialog
from hiring_desk.ui.today.today_page import TodayPage
from hiring_desk.ui.widgets import qdate


@pytest.fixture
def due(tmp_path: Path, today: date) -> tuple[Path, Ids]:
    path = tmp_path / "due.hiringdesk"
    with Workbook.create(path) as workbook:
        ids = build(workbook)
    return path, ids


def today_page(window: MainWindow) -> TodayPage:
    page = window.pages["today"]
    assert isinstance(page, TodayPage)
    return page


def keys(page: TodayPage) -> list[str]:
    return [item.key for item in page.items_shown()]


def click_item(qtbot: QtBot, page: TodayPage, key: str, double: bool = False) -> None:
    row = page.row_of(key)
    assert row is not None, key
    page.tree.scrollToItem(row)
    centre = page.tree.visualItemRect(row).center()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_workbook_with_data_opens_on_today(
    make_window: MakeWindow, due: tuple[Path, Ids]
) -> None:
    path, ids = due
    window = make_window(path)
    assert window.current_area() == "today"
    page = today_page(window)
    assert page.section_titles() == [
        "Interviews today and tomorrow (2)",
        "Scorecards overdue (1)",
        "Offers expiring soon (1)",
        "Offers awaiting an answer (1)",
        "Candidates waiting too long (1)",
        "Roles past their target date (1)",
        "Due for deletion (1)",
        "Tasks due (1)",
        "Tasks coming up (1)",
    ]
    assert keys(page)[0] == f"interview:{ids.interview_today}"
    assert "9 things due" in page.heading.text()


def test_snooze_hides_an_item_until_its_day(
    qtbot: QtBot, make_window: MakeWindow, due: tuple[Path, Ids]
) -> None:
    path, ids = due
    page = today_page(make_window(path))
    key = f"role_past_target:{ids.late_role}"
    click_item(qtbot, page, key)
    assert page.snooze_for.currentText() == "a day"
    click(qtbot, page.snooze_button)
    assert key not in keys(page)
    assert "1 snoozed" in page.heading.text()
    with clock.fixed(datetime(2026, 12, 1, 9, tzinfo=UTC)):  # the next morning
        page.refresh()
        assert key in keys(page)


def test_snooze_until_a_picked_date(
    qtbot: QtBot, make_window: MakeWindow, due: tuple[Path, Ids]
) -> None:
    path, ids = due
    page = today_page(make_window(path))
    key = f"scorecard_overdue:{ids.interview_unscored}"
    click_item(qtbot, page, key)
    page.snooze_for.setFocus()
    qtbot.keyClick(page.snooze_for, Qt.Key.Key_End)
    assert page.snooze_for.currentText() == "until a date…"

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, SnoozeDateDialog)
        dialog.day.setDate(qdate(date(2026, 12, 3)))
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    when_modal(qtbot, pick, SnoozeDateDialog, close_after=True)
    click(qtbot, page.snooze_button)
    assert key not in keys(page)
    for day, shown in ((date(2026, 12, 2), False), (date(2026, 12, 3), True)):
        with clock.fixed(datetime.combine(day, datetime.min.time(), UTC).replace(hour=12)):
            page.refresh()
            assert (key in keys(page)) is shown


def test_done_puts_items_aside(
    qtbot: QtBot, make_window: MakeWindow, due: tuple[Path, Ids]
) -> None:
    path, ids = due
    window = make_window(path)
    page = today_page(window)
    for key in (f"offer_awaiting:{ids.offer_awaiting}", f"task:{ids.task_due}"):
        click_item(qtbot, page, key)
        click(qtbot, page.done_button)
        assert key not in keys(page)
    assert window.workbook is not None
    assert tasks.get_task(window.workbook, ids.task_due).done_at is not None


def test_open_goes_where_the_item_is_done(
    qtbot: QtBot, make_window: MakeWindow, due: tuple[Path, Ids]
) -> None:
    path, ids = due
    window = make_window(path)
    page = today_page(window)
    click_item(qtbot, page, f"idle_candidate:{ids.eve_application}", double=True)
    qtbot.waitUntil(lambda: window.current_area() == "candidates")
    candidates = window.pages["candidates"]
    assert isinstance(candidates, CandidatesPage)
    assert candidates.selected_id() == ids.eve
    timeline = candidates.detail.timeline
    assert timeline.item(0).text().startswith("Task (due ")  # her task is on her timeline
    assert timeline.item(0).text().endswith(": Call Eve back")

    window.show_area("today")
    click_item(qtbot, page, f"role_past_target:{ids.late_role}")
    click(qtbot, page.open_button)
    assert window.current_area() == "roles"
    roles = window.pages["roles"]
    assert isinstance(roles, RolesPage)
    chosen = overview_read(qtbot, roles).selected_role()
    assert chosen is not None and chosen.id == ids.late_role

    window.show_area("today")
    opened: list[int | None] = []

    def pack(dialog: QWidget) -> None:
        assert isinstance(dialog, PrintPackDialog)
        opened.append(dialog._interview_id)
        dialog.reject()

    when_modal(qtbot, pack, PrintPackDialog, close_after=True)
    click_item(qtbot, page, f"interview:{ids.interview_today}", double=True)
    assert opened == [ids.interview_today]


def test_add_task_from_today(qtbot: QtBot, make_window: MakeWindow, due: tuple[Path, Ids]) -> None:
    path, ids = due
    window = make_window(path)
    page = today_page(window)
    click_item(qtbot, page, f"offer_expiring:{ids.offer_expiring}")  # about Cara, then
    errors: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, TaskDialog)
        assert dialog.about.currentText() == "Cara Lund"
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)  # no title yet
        errors.append(dialog.fields["title"].error.text())
        type_into(qtbot, dialog.title, "Send the contract")
        type_into(qtbot, dialog.about.lineEdit(), "Role: Designer")
        dialog.due.setFocus()
        dialog.due.setDate(dialog.due.date().addDays(-1))  # today
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, fill, TaskDialog, close_after=True)
    click(qtbot, page.add_button)
    assert errors == ["Say what is to be done"]
    added = page.selected_item()
    assert added is not None and added.subject == "Send the contract"
    assert (added.role_id, added.due_on, added.detail) == (
        ids.other_role,
        date(2026, 11, 30),
        "Designer",
    )


def test_nothing_due_says_so(make_window: MakeWindow, tmp_path: Path, today: date) -> None:
    path = tmp_path / "quiet.hiringdesk"
    with create_workbook(path) as workbook:
        role_records.create_role(workbook, RoleBrief(title="Designer"))
    page = today_page(make_window(path))
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert page.empty.title.text() == "Nothing needs you today"
    assert page.empty.text.text().startswith("Today lists interviews")


def test_an_empty_workbook_opens_on_roles(make_window: MakeWindow, tmp_path: Path) -> None:
    path = tmp_path / "new.hiringdesk"
    create_workbook(path).close()
    window = make_window(path)
    assert window.current_area() == "roles"
    assert "today" not in window.pages


def test_a_task_is_edited_then_deleted(
    qtbot: QtBot, make_window: MakeWindow, due: tuple[Path, Ids], said: Said
) -> None:
    path, ids = due
    page = today_page(make_window(path))
    click_item(qtbot, page, f"idle_candidate:{ids.eve_application}")
    assert not page.edit_action.isEnabled()  # only tasks are edited here
    click_item(qtbot, page, f"task:{ids.task_later}")

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, TaskDialog)
        assert dialog.title.text() == "Post the ad again"
        type_into(qtbot, dialog.title, "Post the ad on two more sites")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, rename, TaskDialog, close_after=True)
    choose_more(qtbot, page.toolbar, "today_edit_task")
    edited = page.selected_item()
    assert edited is not None and edited.subject == "Post the ad on two more sites"
    choose_more(qtbot, page.toolbar, "today_delete_task")
    assert said == [("confirm", "Delete Task", "Delete the task “Post the ad on two more sites”?")]
    assert f"task:{ids.task_later}" not in keys(page)
