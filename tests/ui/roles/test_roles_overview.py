"""The Roles page as an overview: counts per stage, sorting by header, the keyboard,
new applicants since the last visit, and the empty states that lead somewhere."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import (
    MakeWindow,
    click_button,
    overview_read,
    press,
    when_modal,
    workbook_of,
)

from hiring_desk import clock
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Role
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.overview_table import (
    CHIPS_ROLE,
    SECOND_LINE_ALERT_ROLE,
    SECOND_LINE_ROLE,
)
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.roles.role_templates import RoleTemplateDialog
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.settings import Settings

#: Per role: (stage, how many), applied a day before the test.
PIPELINES = {
    "Baker": [("applied", 3), ("interview", 1), ("rejected", 2)],
    "Clerk": [("applied", 1), ("screening", 2), ("offer", 1)],
    "Analyst": [],
}


#: Hire-by dates, days from today.
TARGETS = {"Baker": -3, "Clerk": 10}


def _fill(workbook: Workbook) -> dict[str, int]:
    ids: dict[str, int] = {}
    for title, stages in PIPELINES.items():
        role_id = role_records.create_role(workbook, RoleBrief(title=title, status="open")).id
        ids[title] = role_id
        with workbook.transaction() as session:
            if title in TARGETS:  # set in the store: the form refuses a date already past
                role = session.get(Role, role_id)
                assert role is not None
                role.target_date = clock.today() + timedelta(days=TARGETS[title])
            for stage, count in stages:
                for n in range(count):
                    person = Candidate(name=f"{title} {stage} {n}")
                    session.add(person)
                    session.flush()
                    session.add(
                        Application(
                            candidate_id=person.id or 0,
                            role_id=role_id,
                            stage=stage,
                            applied_at=clock.now() - timedelta(days=1),
                        )
                    )
    return ids


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "overview.hiringdesk"
    create_workbook(path).close()
    return make_window(path)


def _page(window: MainWindow, qtbot: QtBot) -> RolesPage:
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["roles"]
    assert isinstance(page, RolesPage)
    return overview_read(qtbot, page)


def _titles(page: RolesPage) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def _column(page: RolesPage, header: str) -> int:
    model = page.model
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )


def _click_header(qtbot: QtBot, page: RolesPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_counts_per_stage_as_chips_and_sorting_by_header(window: MainWindow, qtbot: QtBot) -> None:
    _fill(workbook_of(window))
    page = _page(window, qtbot)
    page.refresh()
    overview_read(qtbot, page)
    assert _titles(page) == ["Analyst", "Baker", "Clerk"]
    applied, closed = _column(page, "Applied"), _column(page, "Closed")
    baker = page.model.index(1, applied)
    assert baker.data() == "3" and baker.data(CHIPS_ROLE) == [("applied", "3")]
    assert page.model.index(1, closed).data(CHIPS_ROLE) == [("rejected", "2")]
    assert page.model.index(0, applied).data(CHIPS_ROLE) == []  # Analyst: nobody
    assert "3 Applied, 1 Interview, 2 Rejected" in page.model.index(1, applied).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert page.model.index(1, 0).data(SECOND_LINE_ROLE) == "Open"
    open_for = _column(page, "Open for")
    lines = [page.model.index(r, open_for).data(SECOND_LINE_ROLE) for r in range(3)]
    assert lines == ["no target date", "3 days late", "10 days left"]
    alerts = [page.model.index(r, open_for).data(SECOND_LINE_ALERT_ROLE) for r in range(3)]
    assert alerts == [False, True, False]

    _click_header(qtbot, page, applied)
    assert _titles(page) == ["Clerk", "Baker", "Analyst"]  # 1, 3, then nobody last
    _click_header(qtbot, page, applied)
    assert _titles(page) == ["Baker", "Clerk", "Analyst"]
    _click_header(qtbot, page, _column(page, "Screening"))
    assert _titles(page)[0] == "Clerk"
    _click_header(qtbot, page, 0)
    assert _titles(page) == ["Analyst", "Baker", "Clerk"]


def test_keyboard_moves_through_roles_and_enter_edits(window: MainWindow, qtbot: QtBot) -> None:
    _fill(workbook_of(window))
    page = _page(window, qtbot)
    page.refresh()
    overview_read(qtbot, page)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    assert page.selected_role() is not None and page.selected_role().title == "Analyst"  # type: ignore[union-attr]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_role().title == "Baker"  # type: ignore[union-attr]
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(page.table, Qt.Key.Key_End, ctrl)
    assert page.selected_role().title == "Clerk"  # type: ignore[union-attr]
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert page.selected_role().title == "Baker"  # type: ignore[union-attr]
    qtbot.keyClick(page.table, Qt.Key.Key_Home, ctrl)
    assert page.selected_role().title == "Analyst"  # type: ignore[union-attr]
    seen: list[str] = []

    def check(dialog: QWidget) -> None:
        seen.append(dialog.windowTitle())
        dialog.close()

    when_modal(qtbot, check, RoleDialog)
    press(qtbot, window, Qt.Key.Key_Return)
    assert seen == ["Edit Role — Analyst"]


def test_new_applicants_since_the_last_visit(window: MainWindow, qtbot: QtBot) -> None:
    workbook = workbook_of(window)
    ids = _fill(workbook)
    settings = Settings()
    two_days_ago = clock.now() - timedelta(days=2)
    for role_id in ids.values():
        settings.set_role_visit(workbook.path, role_id, two_days_ago)
    page = _page(window, qtbot)
    page.refresh()
    overview_read(qtbot, page)
    new = _column(page, "New")
    assert [page.model.index(r, new).data() for r in range(3)] == ["", "6 new", "4 new"]
    # Selecting Clerk counts as a visit: next time its applicants are no longer new.
    page.table.selectRow(2)
    assert settings.role_visits(workbook.path)[ids["Clerk"]] > two_days_ago
    assert settings.role_visits(workbook.path)[ids["Baker"]] == two_days_ago
    page.refresh()
    overview_read(qtbot, page)
    assert [page.model.index(r, new).data() for r in range(3)] == ["", "6 new", ""]


def test_a_role_never_seen_has_nothing_new(window: MainWindow, qtbot: QtBot) -> None:
    _fill(workbook_of(window))
    page = _page(window, qtbot)
    page.refresh()
    overview_read(qtbot, page)
    new = _column(page, "New")
    assert [page.model.index(r, new).data() for r in range(3)] == ["", "", ""]


def test_no_roles_leads_to_a_role_from_a_template(window: MainWindow, qtbot: QtBot) -> None:
    page = _page(window, qtbot)
    assert page.empty.isVisible() and not page.table.isVisible()
    assert page.empty.button.text().replace("&", "") == "New Role from a Template…"

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, RoleTemplateDialog)
        titles = [dialog.choices.item(i).text().split("\n")[0] for i in range(3)]
        assert titles[0] == "Junior Backend Developer"
        dialog.choices.setCurrentRow(2)
        when_modal(qtbot, save_role, RoleDialog)
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    def save_role(dialog: QWidget) -> None:
        assert isinstance(dialog, RoleDialog)
        assert dialog.title.text() == "Senior Backend Developer"
        assert dialog.seniority.currentData() == "senior"
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, pick, RoleTemplateDialog)
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    (role,) = role_records.list_roles(workbook_of(window))
    detail = role_records.get_role(workbook_of(window), role.id)
    assert detail.brief.template_key == "senior-backend-developer"
    overview_read(qtbot, page)
    assert page.table.isVisible() and not page.empty.isVisible()


def test_a_role_without_candidates_offers_an_import(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(workbook_of(window))
    page = _page(window, qtbot)
    page.refresh()
    overview_read(qtbot, page)
    page.table.selectRow(0)  # Analyst: nobody yet
    assert page.no_candidates_row.isVisible()
    assert "Nobody has applied to Analyst yet" in page.no_candidates.text()
    asked: list[object] = []
    monkeypatch.setattr(file_dialogs, "ask_import_csv", lambda parent: asked.append(parent))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "candidates"
    assert asked == [window.pages["candidates"]]  # the import began, at choosing a file
    page.table.selectRow(1)  # Baker has candidates
    assert not page.no_candidates_row.isVisibleTo(page)
