"""The Candidates page: search and filters, the table (paged from SQL), and the detail panel.

Changes run through ``ui.operations`` and are announced on the change hub; the page
refreshes itself after what it (or its detail panel) did, and listens to the hub
for what other pages and dialogs change.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import RoleStatus, Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.candidate_table import CandidateFilter, CandidateRow
from hiring_desk.services.candidates.erased_guard import erased_message
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.pipeline import new_applicants, stage_moves
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.candidates import (
    application_moves,
    candidate_actions,
    candidate_emails,
    candidate_toolbar,
)
from hiring_desk.ui.candidates.candidate_detail import CandidateDetailPanel
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.candidates.candidate_filters import CandidateFilters
from hiring_desk.ui.candidates.candidate_model import STAGE_COLUMN, CandidateTableModel
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.offers.compare_dialog import open_comparison
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.pipeline.board_view import BoardView
from hiring_desk.ui.stage_colours import ChipRowDelegate
from hiring_desk.ui.table_model import fit_columns, make_table_view
from hiring_desk.ui.theme import SPACE_S
from hiring_desk.ui.workbook import undo_stack

SEARCH_DELAY_MS = 150
#: The table's and the detail panel's first widths, in pixels (then 3:2 of any change).
TABLE_WIDTH, DETAIL_WIDTH = 640, 420
#: The filter that shows everyone.
NO_FILTER = CandidateFilter()
#: The "at least" choices of the match filter, in percent.
MATCH_THRESHOLDS = (25, 50, 75, 100)
#: What the page shows: candidates and all their record reaches, roles to filter by,
#: team members in the timeline, dates and money in the locale.
SHOWS = Change.CANDIDATE_RECORD | Change.ROLES | Change.TEAM | Change.COMPANY | Change.PREFERENCES


class CandidatesPage(QWidget):
    """Candidates in a table (or a role's board) beside the one selected; the
    toolbar (``candidate_toolbar``) acts on the selection."""

    # Set by ``candidate_toolbar.build_toolbar``.
    new_button: QPushButton
    edit_button: QToolButton
    bulk_move_button: QToolButton
    write_button: QToolButton
    compare_button: QToolButton
    import_button: QToolButton
    table_toggle: QPushButton
    board_toggle: QPushButton
    edit_action: QAction
    bulk_move_action: QAction
    write_action: QAction
    compare_action: QAction
    import_action: QAction
    bulk_tag_action: QAction
    export_action: QAction
    delete_action: QAction

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidates_page")
        self._workbook: Workbook | None = None
        self.filters = CandidateFilters()
        self.filters.typed.connect(self._typed)
        self.filters.chosen.connect(self.apply_filter)

        self.model = CandidateTableModel(self)
        self.table = make_table_view("candidates_table")
        self.table.setAccessibleName("Candidates")
        self.table.setModel(self.model)
        # The stage as a chip in its colour (its name on it).
        self.table.setItemDelegateForColumn(STAGE_COLUMN, ChipRowDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda at: candidate_emails.table_menu(self, at)
        )
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected).setWhatsThis(
            "Delete the selected candidate"
        )
        self.detail = CandidateDetailPanel()
        self.toolbar = candidate_toolbar.build_toolbar(self)
        self.table_toggle.toggled.connect(self._view_changed)
        self.detail.move_requested.connect(self.move_application)
        self.detail.apply_requested.connect(self.apply_to_role)
        self.detail.changed.connect(self._detail_changed)
        self.detail.attachments.attached.connect(
            lambda cid, aid: candidate_actions.offer_cv_suggestions(self, cid, aid)
        )
        self.board = BoardView(self._move_card)
        self.board.candidate_chosen.connect(self.detail.show_candidate)
        self.board.write_requested.connect(
            lambda key, ids: candidate_emails.write_to_stage(self, key, ids)
        )
        # Mail dropped on the table, or on the board (its columns take only cards and
        # leave other drops to the page).
        self.mail_drops = candidate_emails.MailDrops(
            self, lambda paths: candidate_emails.import_email(self, paths)
        )
        for target in (self, self.table.viewport()):
            self.mail_drops.watch(target)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.board)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.views)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # At 1280 px: the table as wide as its first five columns, the panel the rest.
        splitter.setSizes([TABLE_WIDTH, DETAIL_WIDTH])

        self.empty = EmptyState(
            "candidates_empty",
            "No candidates yet",
            "Candidates are the people applying to your roles. Import them from a "
            "spreadsheet saved as CSV, or add them one by one with New Candidate.",
            "&Import Candidates…",
            lambda: candidate_actions.import_csv(self),
        )
        self.empty.setVisible(False)
        self.body = splitter

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_S)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty, 1)

        self._select_after_typing: int | None = None
        self.model.page_shown.connect(lambda: self._after_reload(self._select_after_typing))
        self._update_buttons()
        ChangeListener(self, SHOWS, lambda _changes: self.refresh())

    # -- loading -------------------------------------------------------------------

    @property
    def workbook(self) -> Workbook | None:
        return self._workbook

    def board_role(self) -> int | None:
        """The role the board shows (new applications from email go to it), or None."""
        return self.board.role_id if self.board_toggle.isChecked() else None

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        locale = company.get_company(workbook).locale if workbook else "en_GB"
        self.detail.set_workbook(workbook, locale)
        self.filters.fill_roles(self._workbook)
        self.model.set_workbook(workbook, locale)
        self._after_reload()

    def refresh(self) -> None:
        selected = self.selected_id()
        self.filters.fill_roles(self._workbook)
        self.model.reload()
        self._after_reload(selected)
        if self.board_toggle.isChecked():
            self.board.show_role(self._workbook, self.filters.role_id())

    def current_filter(self) -> CandidateFilter:
        return self.filters.current()

    def _typed(self) -> None:
        """The search, tag or skill text changed: query on a worker thread, show when ready."""
        self._select_after_typing = self.selected_id()
        self.model.request_filter(self.current_filter())
        if self.board_toggle.isChecked():
            self.board.show_role(self._workbook, self.filters.role_id())

    def apply_filter(self) -> None:
        selected = self.selected_id()
        self.model.set_filter(self.current_filter())
        self._after_reload(selected)
        if self.board_toggle.isChecked():
            self.board.show_role(self._workbook, self.filters.role_id())

    def show_board(self, on: bool = True) -> None:
        (self.board_toggle if on else self.table_toggle).setChecked(True)

    def _view_changed(self) -> None:
        on_board = self.board_toggle.isChecked()
        self.views.setCurrentWidget(self.board if on_board else self.table)
        if on_board:
            self.board.show_role(self._workbook, self.filters.role_id())

    def _move_card(self, application_id: int, stage: str) -> bool:
        """A card dropped on another column: move it there (asking why, for a rejection)."""
        workbook, shown = self._workbook, self.board.shown_version(application_id)
        if workbook is None:
            return False
        reason = ""
        if stage == Stage.REJECTED.value:
            reasons = stage_moves.rejection_reasons(workbook)
            reason, ok = QInputDialog.getItem(
                self, "Reject Application", "Reason:", reasons, 0, True
            )
            if not ok:
                return False
        moved = run_operation(
            self,
            lambda: stage_moves.move(
                workbook, application_id, stage, reason=reason, expected_version=shown
            ),
            changes=Change.APPLICATIONS,
            on_refused=lambda exc: messages.show_warning(self, "Cannot Move", str(exc)),
        )
        if moved is None:
            return False
        self.board.reload()
        self.model.reload()
        self._after_reload(moved.candidate_id)
        self.detail.show_candidate(moved.candidate_id)
        return True

    def _after_reload(self, select_id: int | None = None) -> None:
        total = self.model.total
        self.filters.show_total(total)
        # Nobody at all (not just nobody matching the filters): say what belongs here.
        nobody = self._workbook is not None and total == 0 and self.current_filter() == NO_FILTER
        self.empty.setVisible(nobody)
        self.toolbar.lead(not nobody)
        self.filters.setVisible(not nobody)
        self.body.setVisible(not nobody)
        fit_columns(self.table)
        row = self.model.row_of(select_id) if select_id is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        else:
            self.detail.show_candidate(None)
        self._update_buttons()

    # -- selection -----------------------------------------------------------------

    def show_candidate(self, candidate_id: int) -> None:
        """Select a candidate (from another page): filters that hide them are cleared."""
        row = self.model.row_of(candidate_id)
        if row is None:
            self.filters.clear()
            self.apply_filter()
            row = self.model.row_of(candidate_id)
            while row is None and self.model.canFetchMore():
                self.model.fetchMore()
                row = self.model.row_of(candidate_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.detail.show_candidate(candidate_id)

    def selected_id(self) -> int | None:
        """The candidate shown in the detail panel: the current one of the selection."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        current = self.table.currentIndex()
        if current.isValid() and any(r.row() == current.row() for r in rows):
            return self.model.row(current.row()).id
        return self.model.row(rows[0].row()).id

    def selected_rows(self) -> list[CandidateRow]:
        rows = sorted(r.row() for r in self.table.selectionModel().selectedRows())
        return [self.model.row(r) for r in rows]

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.detail.show_candidate(self.selected_id())
        self._update_buttons()

    def _update_buttons(self) -> None:
        candidate_toolbar.update_actions(self)

    # -- actions -------------------------------------------------------------------

    def compare_selected(self) -> None:
        role_id = candidate_toolbar.comparison_role(self)
        if self._workbook is not None and role_id is not None:
            ids = [r.id for r in self.selected_rows()]
            open_comparison(self, self._workbook, role_id, ids)

    def new_candidate(self) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        open_roles = [
            (r.id, r.title)
            for r in role_records.list_roles(workbook)
            if r.status == RoleStatus.OPEN.value
        ]
        dialog = CandidateDialog(
            self,
            lambda record: new_applicants.add_candidate_applying(
                workbook, record, dialog.chosen_role(), by_member_id=workbook.acting_member_id
            ),
            default_currency=company.get_company(workbook).default_currency,
            open_roles=open_roles,
        )
        if run_modal(dialog) and dialog.saved:
            new_id = dialog.saved.id
            self.reload_selecting(candidate_actions.offer_merge(self, new_id))

    def edit_selected(self) -> None:
        if not self.edit_action.isEnabled():  # a key or double-click: as the action allows
            return
        workbook, candidate_id = self._workbook, self.selected_id()
        if workbook is None or candidate_id is None:
            return
        try:
            detail = candidate_records.get_candidate(workbook, candidate_id)
        except NotFoundError as exc:
            messages.show_warning(self, "Candidate Not Found", str(exc))
            self.refresh()
            return
        if consent_retention.privacy_info(workbook, candidate_id).is_erased:
            messages.show_info(self, "Candidate Erased", erased_message(candidate_id))
            return
        dialog = CandidateDialog(
            self,
            lambda record: candidate_records.update_candidate(workbook, candidate_id, record),
            detail,
        )
        if run_modal(dialog) and dialog.saved:
            self.reload_selecting(candidate_id)

    def delete_selected(self) -> None:
        if not self.delete_action.isEnabled():  # a key or double-click: as the action allows
            return
        workbook, candidate_id = self._workbook, self.selected_id()
        if workbook is None or candidate_id is None:
            return
        name = self.model.row(self.table.selectionModel().selectedRows()[0].row()).name
        if not messages.confirm(
            self,
            "Delete Candidate",
            f"Delete {name} with their applications and history? Edit ▸ Undo brings them back.",
            "Delete",
        ):
            return
        run_operation(
            self,
            lambda: candidate_records.delete_candidate(workbook, candidate_id),
            changes=Change.CANDIDATE_RECORD,
            failure_title="Candidate Not Deleted",
            on_success=lambda snapshot: undo_stack.record_deletion(
                self, workbook, "Delete Candidate", snapshot, candidate_records.delete_candidate
            ),
        )
        self.refresh()

    def apply_to_role(self) -> None:
        application_moves.apply_to_role(self)

    def move_application(self, application_id: int) -> None:
        application_moves.move_application(self, application_id)

    def _detail_changed(self) -> None:
        if self.detail.candidate_id is not None:
            self.reload_selecting(self.detail.candidate_id)

    def reload_selecting(self, candidate_id: int) -> None:
        """Read the table again, select ``candidate_id`` and show them in the panel."""
        self.model.reload()
        self._after_reload(candidate_id)
        if self.selected_id() == candidate_id:
            self.detail.show_candidate(candidate_id)
