"""The Roles page: where every role stands (its pipeline at a glance); create, edit, delete.

Each row shows a role's candidates per stage as chips, how many applied since the
role was last selected here (remembered per role in the settings), how long it has
been open against its target date, and its next interview (``overview_table``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.services.common import time_zones
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.roles import role_overview, role_records
from hiring_desk.services.roles.role_overview import RoleOverview
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.roles.overview_table import (
    STAGE_COLUMN_RANGE,
    OverviewModel,
    TwoLineDelegate,
    overview_columns,
    row_height,
    second_lines,
)
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.stage_colours import ChipRowDelegate
from hiring_desk.ui.table_model import make_table_view, selected_row, show_rows
from hiring_desk.ui.theme import PRIMARY_BUTTON_STYLE, SPACE_S, TextRole, styled
from hiring_desk.ui.widgets import button_row, plain_label
from hiring_desk.ui.workbook import undo_stack

if TYPE_CHECKING:
    from hiring_desk.ui.roles.role_templates import RoleTemplateDialog

#: What the list shows: the roles, their candidates and interviews, hiring managers,
#: dates in the locale.
SHOWS = (
    Change.ROLES
    | Change.APPLICATIONS
    | Change.CANDIDATES
    | Change.INTERVIEWS
    | Change.TEAM
    | Change.COMPANY
    | Change.PREFERENCES
)


class RolesPage(QWidget):
    """Lists roles with their pipelines; creates, edits and deletes them (announced as
    ``Change.ROLES``). ``import_requested`` asks the window to import candidates."""

    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roles_page")
        self._workbook: Workbook | None = None
        self._settings = Settings()
        today = clock.today()
        self.model = OverviewModel(
            overview_columns(today, "en_GB", None), second_lines(today, "en_GB", None), today
        )
        self.table = make_table_view("roles_table")
        self.table.setAccessibleName("Roles")
        self.table.setModel(self.model)
        self._chips = ChipRowDelegate(self.table, centred=True)
        for column in STAGE_COLUMN_RANGE:
            self.table.setItemDelegateForColumn(column, self._chips)
        self._two_lines = TwoLineDelegate(self.table)
        for column in (0, STAGE_COLUMN_RANGE.stop + 1, STAGE_COLUMN_RANGE.stop + 2):
            self.table.setItemDelegateForColumn(column, self._two_lines)
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table.font()))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

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

        self.empty = EmptyState(
            "roles_empty",
            "No roles yet",
            "A role is a job you are hiring for. Start from a template: it fills in the "
            "title and level, and offers its job description when you write one.",
            "New Role from a &Template…",
            self.new_role_from_template,
        )
        # Under the table, for a selected role nobody has applied to yet.
        self.no_candidates = styled(plain_label(name="role_no_candidates"), TextRole.SECONDARY)
        self.import_button = QPushButton("&Import Candidates…")
        self.import_button.setObjectName("role_import_candidates")
        self.import_button.setToolTip("Add candidates from a spreadsheet saved as CSV")
        self.import_button.clicked.connect(self.import_requested)
        self.no_candidates_row = QWidget()
        row = QHBoxLayout(self.no_candidates_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.no_candidates, 1)
        row.addWidget(self.import_button)
        self.no_candidates_row.setVisible(False)

        buttons = button_row(
            self.new_button,
            self.edit_button,
            self.jd_button,
            self.plan_button,
            self.stages_button,
            self.pack_button,
            self.delete_button,
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_S)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_candidates_row)
        layout.addWidget(self.empty, 1)
        ChangeListener(self, SHOWS, lambda _changes: self.refresh())
        self._update_buttons()

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None and (current := self.selected_role()) is not None:
            select_id = current.id
        workbook = self._workbook
        rows: list[RoleOverview] = []
        if workbook is not None:
            visits = self._settings.role_visits(workbook.location)
            rows = role_overview.role_overview(workbook, visits)
            now = clock.now()
            for role in rows:  # first seen: nothing is new yet
                if role.id not in visits:
                    self._settings.set_role_visit(workbook.location, role.id, now)
            locale = company.get_company(workbook).locale
            zone = time_zones.zone_or_utc(time_zones.default_timezone(workbook))
            today = clock.today()
            self.model.set_view(
                overview_columns(today, locale, zone), second_lines(today, locale, zone), today
            )
        show_rows(self.table, self.model, rows, self.empty, lambda role: role.id == select_id)
        self.empty.setVisible(workbook is not None and not rows)
        # With no roles the empty state's button is the primary one, and there is
        # nothing to edit, print or delete.
        self.new_button.setStyleSheet(PRIMARY_BUTTON_STYLE if rows else "")
        for button in self._selection_buttons():
            button.setVisible(bool(rows))
        if select_id is None and rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_role(self) -> RoleOverview | None:
        return selected_row(self.table, self.model)

    def new_role(self) -> None:
        """A new role from a blank brief."""
        self._create_role(None)

    def new_role_from_template(self) -> None:
        """Choose a built-in template (or a blank brief), then fill in the role."""
        if self._workbook is None:
            return
        from hiring_desk.ui.roles.role_templates import RoleTemplateDialog

        chooser = RoleTemplateDialog(self)
        if chooser.exec():
            self._create_role(chooser)

    def _create_role(self, chooser: RoleTemplateDialog | None) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        currency = company.get_company(workbook).default_currency
        dialog = RoleDialog(
            self,
            lambda brief: role_records.create_role(workbook, brief),
            team_members.list_members(workbook),
            default_currency=currency,
            start=chooser.start(currency) if chooser is not None else None,
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
        summary = next((r for r in others if r.id == role.id), None)
        if summary is not None:
            StagesDialog(self, self._workbook, summary, others).exec()

    def print_pack(self) -> None:
        role = self.selected_role()
        if self._workbook is None or role is None:
            return
        from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog

        PrintPackDialog(self._workbook, self, role_id=role.id).exec()

    def _edit_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.edit_selected()

    def _selection_changed(self) -> None:
        """The selected role counts as visited: who applied before now is no longer new
        (the row keeps its count until the list is next read)."""
        role, workbook = self.selected_role(), self._workbook
        if role is not None and workbook is not None:
            self._settings.set_role_visit(workbook.location, role.id, clock.now())
        self._update_buttons()

    def _update_buttons(self) -> None:
        role = self.selected_role()
        selected = role is not None
        empty_role = role is not None and role.candidate_count == 0
        if empty_role and role is not None:
            self.no_candidates.setText(
                f"Nobody has applied to {role.title} yet. Import them from a spreadsheet, "
                "or add them one by one on the Candidates page."
            )
        self.no_candidates_row.setVisible(empty_role)
        self.new_button.setEnabled(self._workbook is not None)
        for button in self._selection_buttons():
            button.setEnabled(selected)

    def _selection_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that act on the selected role."""
        return (
            self.edit_button,
            self.jd_button,
            self.plan_button,
            self.stages_button,
            self.pack_button,
            self.delete_button,
        )
