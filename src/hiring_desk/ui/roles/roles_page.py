"""The Roles page: every role with its status and candidates; create, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QWidget,
)

from hiring_desk.domain.formatting import format_day
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.role_records import RoleSummary
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.table_model import (
    Column,
    RowsTableModel,
    make_table_view,
    selected_row,
    show_rows,
)
from hiring_desk.ui.table_pages import lay_out_table_page
from hiring_desk.ui.widgets import button_row, empty_note
from hiring_desk.ui.workbook import undo_stack


def role_columns(locale: str) -> list[Column[RoleSummary]]:
    return [
        Column("Title", lambda r: r.title),
        Column("Status", lambda r: r.status_label),
        Column("Headcount", lambda r: str(r.headcount), lambda r: r.headcount, True),
        Column("Candidates", lambda r: str(r.candidate_count), lambda r: r.candidate_count, True),
        Column("Target date", lambda r: format_day(r.target_date, locale), lambda r: r.target_date),
        Column("Location", lambda r: r.location),
        Column("Hiring manager", lambda r: r.hiring_manager),
    ]


#: What the list shows: the roles, their candidates, hiring managers, dates in the locale.
SHOWS = (
    Change.ROLES
    | Change.APPLICATIONS
    | Change.CANDIDATES
    | Change.TEAM
    | Change.COMPANY
    | Change.PREFERENCES
)


class RolesPage(QWidget):
    """Lists roles; creates, edits and deletes them (announced as ``Change.ROLES``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roles_page")
        self._workbook: Workbook | None = None
        self.model: RowsTableModel[RoleSummary] = RowsTableModel(role_columns("en_GB"))
        self.table = make_table_view("roles_table")
        self.table.setAccessibleName("Roles")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.new_button = QPushButton("&New Role…")
        self.new_button.setObjectName("new_role")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setObjectName("edit_role")
        self.jd_button = QPushButton("&Job Description…")
        self.jd_button.setObjectName("edit_jd")
        self.plan_button = QPushButton("Interview &Plan…")
        self.plan_button.setObjectName("edit_plan")
        self.plan_button.setToolTip("The role's interview rounds, their competencies and questions")
        self.stages_button = QPushButton("&Stages…")
        self.stages_button.setObjectName("role_stages")
        self.stages_button.setToolTip("The role's own steps inside the phases of the pipeline")
        self.stages_button.clicked.connect(self.open_stages)
        self.pack_button = QPushButton("&Print Interview Pack…")
        self.pack_button.setObjectName("role_pack")
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setObjectName("delete_role")
        self.plan_button.clicked.connect(self.open_plan)
        self.pack_button.clicked.connect(self.print_pack)
        self.new_button.clicked.connect(self.new_role)
        self.edit_button.clicked.connect(self.edit_selected)
        self.jd_button.clicked.connect(self.open_job_description)
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected).setWhatsThis(
            "Delete the selected role"
        )
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected).setWhatsThis(
            "Edit the selected role"
        )

        self.empty = empty_note(
            "No roles yet. Start with <b>New Role…</b>: capture what the job needs, "
            "then draft its job description from a template.",
            "roles_empty",
        )
        buttons = button_row(
            self.new_button,
            self.edit_button,
            self.jd_button,
            self.plan_button,
            self.stages_button,
            self.pack_button,
            self.delete_button,
        )
        lay_out_table_page(self, [buttons], self.table, self.empty, SHOWS, self.refresh)
        self._update_buttons()

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None and (current := self.selected_role()) is not None:
            select_id = current.id
        rows = role_records.list_roles(self._workbook) if self._workbook else []
        if self._workbook is not None:
            locale = company.get_company(self._workbook).locale
            self.model.set_columns(role_columns(locale))
        show_rows(self.table, self.model, rows, self.empty, lambda role: role.id == select_id)
        if select_id is None and rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_role(self) -> RoleSummary | None:
        return selected_row(self.table, self.model)

    def new_role(self) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        dialog = RoleDialog(
            self,
            lambda brief: role_records.create_role(workbook, brief),
            team_members.list_members(workbook),
            default_currency=company.get_company(workbook).default_currency,
        )
        if dialog.exec() and dialog.saved:
            self.refresh(dialog.saved.id)

    def edit_selected(self) -> None:
        workbook, summary = self._workbook, self.selected_role()
        if workbook is None or summary is None:
            return
        try:
            detail = role_records.get_role(workbook, summary.id)
        except NotFoundError as exc:
            messages.show_warning(self, "Role Not Found", str(exc))
            self.refresh()
            return
        dialog = RoleDialog(
            self,
            lambda brief: role_records.update_role(workbook, summary.id, brief),
            team_members.list_members(workbook),
            detail,
        )
        if dialog.exec() and dialog.saved:
            self.refresh(summary.id)

    def open_job_description(self) -> None:
        workbook, summary = self._workbook, self.selected_role()
        if workbook is None or summary is None:
            return
        from hiring_desk.ui.roles.jd_editor import JDEditor

        JDEditor(self, workbook, summary.id).exec()
        self.refresh(summary.id)

    def delete_selected(self) -> None:
        workbook, summary = self._workbook, self.selected_role()
        if workbook is None or summary is None:
            return
        if not messages.confirm(
            self,
            "Delete Role",
            f"Delete the role '{summary.title}' with its job descriptions?",
            "Delete",
        ):
            return
        run_operation(
            self,
            lambda: role_records.delete_role(workbook, summary.id),
            changes=Change.ROLES | Change.JOB_DESCRIPTIONS | Change.INTERVIEW_PLANS,
            on_success=lambda snapshot: undo_stack.record_deletion(
                self, workbook, "Delete Role", snapshot, role_records.delete_role
            ),
            on_refused=lambda exc: messages.show_warning(self, "Cannot Delete Role", str(exc)),
        )
        self.refresh()

    def open_plan(self) -> None:
        role = self.selected_role()
        if self._workbook is None or role is None:
            return
        from hiring_desk.ui.interviews.plan_editor import PlanEditorDialog

        PlanEditorDialog(self._workbook, role.id, self).exec()

    def open_stages(self) -> None:
        role = self.selected_role()
        if self._workbook is None or role is None:
            return
        from hiring_desk.ui.roles.stages_dialog import StagesDialog

        others = role_records.list_roles(self._workbook)
        StagesDialog(self, self._workbook, role, others).exec()

    def print_pack(self) -> None:
        role = self.selected_role()
        if self._workbook is None or role is None:
            return
        from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog

        PrintPackDialog(self._workbook, self, role_id=role.id).exec()

    def _edit_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.edit_selected()

    def _update_buttons(self) -> None:
        selected = self.selected_role() is not None
        self.new_button.setEnabled(self._workbook is not None)
        for button in (
            self.edit_button,
            self.jd_button,
            self.plan_button,
            self.stages_button,
            self.pack_button,
            self.delete_button,
        ):
            button.setEnabled(selected)
