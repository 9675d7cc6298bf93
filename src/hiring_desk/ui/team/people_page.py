"""People Who Sign In: on a team workbook, an admin adds the people who sign in (each
with their own login and a role), gives them another role, and removes them; what
they did stays recorded under their name. Not shown on a workbook file."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QVBoxLayout, QWidget

from hiring_desk.services.team import team_access
from hiring_desk.services.team.team_access import Person
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission, refusal
from hiring_desk.ui.table_model import Column, RowsTableModel, make_table_view, selected_row
from hiring_desk.ui.team.person_dialogs import (
    AddPersonDialog,
    ChangeRoleDialog,
    OneTimePasswordDialog,
)
from hiring_desk.ui.widgets import plain_label

COLUMNS: list[Column[Person]] = [
    Column("Name", lambda p: p.name),
    Column("Login", lambda p: p.login),
    Column("Role", lambda p: p.role.label),
    Column(
        "Removed",
        lambda p: p.removed_at.date().isoformat() if p.removed_at else "",
        lambda p: p.removed_at.isoformat() if p.removed_at else "",
    ),
]


def offered(workbook: Workbook | None) -> bool:
    """Whether the tab is shown: a team workbook, to whom may administer its team."""
    return (
        workbook is not None
        and workbook.access is not None
        and refusal(workbook, Permission.TEAM) is None
    )


class PeoplePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self._workbook: Workbook | None = None
        self.model: RowsTableModel[Person] = RowsTableModel(COLUMNS, self)
        self.table = make_table_view("people_table")
        self.table.setAccessibleName("People who sign in")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        intro = plain_label(
            "Everyone who signs in to this team workbook, with their own login. Their "
            "role decides what they may see and change; the server holds them to it."
        )
        self.toolbar = bar = PageToolbar("people_toolbar")
        self.add_button = bar.primary("&Add Person…", "add_person", self.add_person)
        self.role_action = bar.action(
            "Change R&ole…", "change_role", self.change_role, "edit", "Give them another role"
        )
        self.remove_action = bar.action(
            "Re&move…",
            "remove_person",
            self.remove_person,
            "delete",
            "Stop them signing in (what they did stays, under their name)",
        )
        bar.attach_context_menu(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        self._update_buttons()
        ChangeListener(self, Change.TEAM, lambda _changes: self.refresh())

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self) -> None:
        workbook = self._workbook
        chosen = self.selected_person()
        people = team_access.people(workbook) if workbook and offered(workbook) else []
        self.model.set_rows(people)
        if chosen is not None:
            self._select(chosen.login)
        self._update_buttons()

    def selected_person(self) -> Person | None:
        return selected_row(self.table, self.model)

    def _select(self, login: str) -> None:
        for row, person in enumerate(self.model.rows()):
            if person.login == login:
                self.table.selectRow(row)
                return

    def add_person(self) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        dialog = AddPersonDialog(workbook, self)
        if run_modal(dialog) and dialog.added is not None:
            added = dialog.added
            self.refresh()
            self._select(added.person.login)
            if added.password is not None:
                shown = OneTimePasswordDialog(
                    added.person.name, added.person.login, added.password, self
                )
                run_modal(shown)

    def change_role(self) -> None:
        person, workbook = self.selected_person(), self._workbook
        if person is None or workbook is None or person.removed:
            return
        dialog = ChangeRoleDialog(person.name, person.role, self)
        if run_modal(dialog):
            role = dialog.chosen.value
            run_operation(
                self,
                lambda: team_access.set_role(workbook, person.login, role),
                changes=Change.TEAM,
                failure_title="Role Not Changed",
                on_success=lambda _person: self.refresh(),
            )

    def remove_person(self) -> None:
        person, workbook = self.selected_person(), self._workbook
        if person is None or workbook is None or person.removed:
            return
        if not messages.confirm(
            self,
            "Remove Person",
            f"Stop {person.name} signing in as {person.login}? Their interviews, "
            "scorecards and everything else they did stay in the workbook, under their "
            "name. You can add them again later.",
            "Remove",
        ):
            return
        run_operation(
            self,
            lambda: team_access.remove_person(workbook, person.login),
            changes=Change.TEAM,
            failure_title="Person Not Removed",
            on_success=lambda _person: self.refresh(),
        )

    def _update_buttons(self) -> None:
        person = self.selected_person()
        workbook = self._workbook
        can = person is not None and not person.removed
        apply_permission(self.add_button, workbook, Permission.TEAM, enabled=bool(workbook))
        apply_permission(self.role_action, workbook, Permission.TEAM, enabled=can)
        apply_permission(self.remove_action, workbook, Permission.TEAM, enabled=can)
