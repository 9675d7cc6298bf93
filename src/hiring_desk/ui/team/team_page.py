"""The team list: add, edit and remove the people who hire."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.team import team_members
from hiring_desk.services.team.team_members import MemberInfo
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.table_model import Column, RowsTableModel, make_table_view, selected_row
from hiring_desk.ui.team.member_dialog import MemberDialog
from hiring_desk.ui.workbook import undo_stack

COLUMNS: list[Column[MemberInfo]] = [
    Column("Name", lambda m: m.name),
    Column("Title", lambda m: m.title),
    Column("Email", lambda m: m.email),
]


class TeamPage(QWidget):
    """Lists team members; adds, edits and removes them (announced as ``Change.TEAM``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workbook: Workbook | None = None
        self.model: RowsTableModel[MemberInfo] = RowsTableModel(COLUMNS, self)
        self.table = make_table_view("team_table")
        self.table.setAccessibleName("Team members")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.intro = intro = QLabel(
            "The people who hire: hiring managers, interviewers, and whoever signs offers."
        )
        intro.setWordWrap(True)
        self.toolbar = bar = PageToolbar("team_toolbar")
        self.add_button = bar.primary("&Add Member…", "add_member", self.add_member)
        self.edit_action = bar.action("&Edit…", "edit_member", self.edit_selected, "edit")
        self.remove_action = bar.action(
            "&Remove",
            "remove_member",
            self.remove_selected,
            "delete",
            "Remove the selected member (what they did stays, under their name)",
        )
        self.edit_button = bar.button(self.edit_action)
        self.remove_button = bar.button(self.remove_action)
        bar.attach_context_menu(self.table)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected).setWhatsThis(
            "Remove the selected team member"
        )

        self.empty = EmptyState(
            "team_empty",
            "Nobody on the team yet",
            "Add the people who hire: hiring managers, interviewers, and whoever signs "
            "offers. Roles, interviews and letters name them.",
            "Add the First &Member…",
            self.add_member,
        )
        self.empty.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self._update_buttons()
        ChangeListener(self, Change.TEAM, lambda _changes: self.refresh())

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self) -> None:
        members = team_members.list_members(self._workbook) if self._workbook else []
        self.model.set_rows(members)
        self.table.setVisible(bool(members))
        empty = self._workbook is not None and not members
        self.empty.setVisible(empty)
        # The empty state says it all: no intro or toolbar above it (its button adds).
        for widget in (self.intro, self.toolbar):
            widget.setVisible(not empty)
        self._update_buttons()

    def selected_member(self) -> MemberInfo | None:
        return selected_row(self.table, self.model)

    def add_member(self) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        dialog = MemberDialog(self, lambda n, t, e: team_members.add_member(workbook, n, t, e))
        if run_modal(dialog) and dialog.saved:
            self._after_change(dialog.saved.id)

    def edit_selected(self) -> None:
        if not self.edit_action.isEnabled():  # a key or double-click: as the action allows
            return
        member = self.selected_member()
        workbook = self._workbook
        if member is None or workbook is None:
            return
        dialog = MemberDialog(
            self, lambda n, t, e: team_members.update_member(workbook, member.id, n, t, e), member
        )
        if run_modal(dialog) and dialog.saved:
            self._after_change(member.id)

    def remove_selected(self) -> None:
        if not self.remove_action.isEnabled():  # a key or double-click: as the action allows
            return
        member = self.selected_member()
        if member is None or self._workbook is None:
            return
        if not messages.confirm(
            self, "Remove Team Member", f"Remove {member.name} from the team?", "Remove"
        ):
            return
        workbook = self._workbook
        run_operation(
            self,
            lambda: team_members.remove_member(workbook, member.id),
            changes=Change.TEAM,
            on_success=lambda snapshot: undo_stack.record_deletion(
                self, workbook, "Remove Team Member", snapshot, team_members.remove_member
            ),
            on_refused=lambda exc: messages.show_warning(
                self, "Cannot Remove Team Member", str(exc)
            ),
        )
        self._after_change(None)

    def _edit_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.edit_selected()

    def _after_change(self, select_id: int | None) -> None:
        self.refresh()
        if select_id is not None:
            for row, member in enumerate(self.model.rows()):
                if member.id == select_id:
                    self.table.selectRow(row)
                    break

    def _update_buttons(self) -> None:
        workbook = self._workbook
        has_selection = self.selected_member() is not None
        apply_permission(self.add_button, workbook, Permission.TEAM, enabled=bool(workbook))
        apply_permission(self.empty.button, workbook, Permission.TEAM, enabled=bool(workbook))
        apply_permission(self.edit_action, workbook, Permission.TEAM, enabled=has_selection)
        apply_permission(self.remove_action, workbook, Permission.TEAM, enabled=has_selection)
