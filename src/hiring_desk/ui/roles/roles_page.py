"""The Roles page: where every role stands (its pipeline at a glance); create, edit, delete.

Each row shows a role's candidates per stage as chips, how many applied since the
role was last selected here (remembered per role in the settings), how long it has
been open against its target date, and its next interview (``overview_table``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.role_overview import RoleOverview
from hiring_desk.services.team import company, team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import LatestQuery, run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.roles.overview_table import (
    STAGE_COLUMN_RANGE,
    OverviewModel,
    OverviewRead,
    TwoLineDelegate,
    overview_columns,
    read_overview,
    row_height,
    second_lines,
)
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.stage_colours import ChipRowDelegate
from hiring_desk.ui.table_model import make_table_view, selected_row, show_rows
from hiring_desk.ui.theme import SPACE_S, TextRole, make_primary, styled
from hiring_desk.ui.widgets import plain_label
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
        self._query = LatestQuery(self._delivered, self, failure_title="Roles Not Read")
        today = clock.today()
        self.model = OverviewModel(
            overview_columns(today, "en_GB", None), second_lines(today, "en_GB", None), today, self
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

        self.toolbar = bar = PageToolbar("roles_toolbar")
        self.new_button = bar.primary("&New Role…", "new_role", self.new_role)
        self.edit_action = bar.action("&Edit…", "edit_role", self.edit_selected, "edit")
        self.jd_action = bar.action(
            "&Job Description…",
            "edit_jd",
            self.open_job_description,
            "document",
            "Write or edit the role's job description, and print it",
        )
        self.plan_action = bar.action(
            "Interview &Plan…",
            "edit_plan",
            self.open_plan,
            "plan",
            "The role's interview rounds, their competencies and questions",
        )
        self.stages_action = bar.action(
            "&Stages…",
            "role_stages",
            self.open_stages,
            "stages",
            "The role's own steps inside the phases of the pipeline",
        )
        self.pack_action = bar.action(
            "&Print Interview Pack…",
            "role_pack",
            self.print_pack,
            "print",
            "Print the role's interview pack: the role, each candidate, questions and scorecards",
            overflow=True,
        )
        self.delete_action = bar.action(
            "&Delete", "delete_role", self.delete_selected, "delete", overflow=True
        )
        self.edit_button = bar.button(self.edit_action)
        self.jd_button = bar.button(self.jd_action)
        self.plan_button = bar.button(self.plan_action)
        self.stages_button = bar.button(self.stages_action)
        bar.attach_context_menu(self.table)
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

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_S)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_candidates_row)
        layout.addWidget(self.empty, 1)
        ChangeListener(self, SHOWS, lambda _changes: self.refresh())
        self._update_buttons()

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    @property
    def pending(self) -> bool:
        """True while the overview is being read (the list shows the last one read)."""
        return self._query.pending

    def refresh(self, select_id: int | None = None) -> None:
        """Read the overview again on a worker thread (some 30 ms on 20,000
        candidates); the list is shown when it is read, ``select_id`` selected."""
        if select_id is None and (current := self.selected_role()) is not None:
            select_id = current.id
        workbook = self._workbook
        if workbook is None:
            self._query.cancel()
            self._show(OverviewRead([], "en_GB", None, select_id), None)
            return
        visits = self._settings.role_visits(workbook.location)
        self._query.start(lambda: (read_overview(workbook, visits, select_id), workbook))

    def _delivered(self, result: object) -> None:
        read, workbook = cast(tuple[OverviewRead, Workbook], result)
        if workbook is self._workbook:
            self._show(read, workbook)

    def _show(self, read: OverviewRead, workbook: Workbook | None) -> None:
        rows, select_id = read.rows, read.select_id
        if workbook is not None:
            visits = self._settings.role_visits(workbook.location)
            now = clock.now()
            for role in rows:  # first seen: nothing is new yet
                if role.id not in visits:
                    self._settings.set_role_visit(workbook.location, role.id, now)
            today = clock.today()
            self.model.set_view(
                overview_columns(today, read.locale, read.zone),
                second_lines(today, read.locale, read.zone),
                today,
            )
        show_rows(self.table, self.model, rows, self.empty, lambda role: role.id == select_id)
        self.empty.setVisible(workbook is not None and not rows)
        # With no roles the empty state's button is the primary one, and there is
        # nothing to edit, print or delete.
        make_primary(self.new_button, bool(rows))
        for action in self._selection_actions():
            action.setVisible(bool(rows))
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
        if run_modal(chooser):
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
        if run_modal(dialog) and dialog.saved:
            self.refresh(dialog.saved.id)

    def edit_selected(self) -> None:
        if not self.edit_action.isEnabled():  # a key or double-click: as the action allows
            return
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
        if run_modal(dialog) and dialog.saved:
            self.refresh(summary.id)

    def open_job_description(self) -> None:
        workbook, summary = self._workbook, self.selected_role()
        if workbook is None or summary is None:
            return
        from hiring_desk.ui.roles.jd_editor import JDEditor

        run_modal(JDEditor(self, workbook, summary.id))
        self.refresh(summary.id)

    def delete_selected(self) -> None:
        if not self.delete_action.isEnabled():  # a key or double-click: as the action allows
            return
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

        run_modal(PlanEditorDialog(self._workbook, role.id, self))

    def open_stages(self) -> None:
        role = self.selected_role()
        if self._workbook is None or role is None:
            return
        from hiring_desk.ui.roles.stages_dialog import StagesDialog

        others = role_records.list_roles(self._workbook)
        summary = next((r for r in others if r.id == role.id), None)
        if summary is not None:
            run_modal(StagesDialog(self, self._workbook, summary, others))

    def print_pack(self) -> None:
        role = self.selected_role()
        if self._workbook is None or role is None:
            return
        from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog

        run_modal(PrintPackDialog(self._workbook, self, role_id=role.id))

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
        self._follow_role(role.id if role is not None else None, selected)

    def _follow_role(self, role_id: int | None, selected: bool) -> None:
        """What the signed-in person may do to roles, and to the selected one."""
        workbook = self._workbook
        apply_permission(self.new_button, workbook, Permission.ROLES, enabled=bool(workbook))
        apply_permission(self.delete_action, workbook, Permission.ROLES, enabled=selected)
        for action, permission in (
            (self.edit_action, Permission.ROLE_BRIEF),
            (self.jd_action, Permission.ROLE_BRIEF),
            (self.plan_action, Permission.PIPELINE),
            (self.stages_action, Permission.PIPELINE),
        ):
            apply_permission(action, workbook, permission, role_id=role_id, enabled=selected)
        self.pack_action.setEnabled(selected)
        apply_permission(self.import_button, workbook, Permission.CANDIDATES)
        apply_permission(self.empty.button, workbook, Permission.ROLES)

    def _selection_actions(self) -> tuple[QAction, ...]:
        """The actions on the selected role."""
        return (
            self.edit_action,
            self.jd_action,
            self.plan_action,
            self.stages_action,
            self.pack_action,
            self.delete_action,
        )
