"""The Candidates page's toolbar and what the table's selection enables.

New Candidate is the page's primary action; Edit, Move, Write to, Compare and
Import have icons of their own; Tag, Export and Delete sit under More. Every one of
them is also in the table's context menu (``candidate_emails.table_menu``), led
by "Write…" for the rows clicked. The Table and Board switch sits at the row's right end.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QToolButton, QWidget

from hiring_desk.ui.candidates import candidate_actions, candidate_emails
from hiring_desk.ui.candidates.candidate_emails import EmailPage
from hiring_desk.ui.candidates.candidate_filters import CandidateFilters
from hiring_desk.ui.offers.compare_dialog import can_compare
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission, refusal
from hiring_desk.ui.theme import SPACE_XS


class ToolbarPage(EmailPage, Protocol):
    """What the toolbar uses of the Candidates page (which imports it), and the
    buttons and actions it sets on the page."""

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

    @property
    def filters(self) -> CandidateFilters: ...
    def selected_id(self) -> int | None: ...
    def new_candidate(self) -> None: ...
    def edit_selected(self) -> None: ...
    def compare_selected(self) -> None: ...
    def delete_selected(self) -> None: ...


def build_toolbar(page: ToolbarPage) -> PageToolbar:
    """The page's toolbar; its buttons and actions are set on ``page`` by name."""
    bar = PageToolbar("candidates_toolbar", "M&ore")
    page.new_button = bar.primary("&New Candidate…", "new_candidate", page.new_candidate)
    page.new_button.setToolTip("Add a candidate, applying to an open role if you choose one")
    page.edit_action = bar.action("&Edit…", "edit_candidate", page.edit_selected, "edit")
    page.bulk_move_action = bar.action(
        "&Move…",
        "bulk_move",
        lambda: candidate_actions.move_selected(page),
        "move",
        "Move the selected candidates' applications to a stage",
    )
    page.write_action = bar.action(
        "W&rite to…",
        "write_to_selected",
        lambda: candidate_emails.write_to_selected(page),
        "write",
        "Write to the selected candidates from a template: one message, or a draft each",
    )
    page.compare_action = bar.action(
        "&Compare…",
        "compare_candidates",
        page.compare_selected,
        "compare",
        "Select 2 to 5 candidates of one role to see them side by side",
    )
    page.import_action = bar.action(
        "&Import…",
        "import_candidates",
        lambda: candidate_actions.import_csv(page),
        "import",
        "Import candidates from a CSV file",
    )
    page.bulk_tag_action = bar.action(
        "T&ag…",
        "bulk_tag",
        lambda: candidate_actions.tag_selected(page),
        "tag",
        "Add a tag to the selected candidates",
        overflow=True,
    )
    page.export_action = bar.action(
        "E&xport…",
        "export_candidates",
        lambda: candidate_actions.export_view(page),
        "export",
        "Export the candidates in view to a CSV file",
        overflow=True,
    )
    page.delete_action = bar.action(
        "&Delete", "delete_candidate", page.delete_selected, "delete", overflow=True
    )
    page.edit_button = bar.button(page.edit_action)
    page.bulk_move_button = bar.button(page.bulk_move_action)
    page.write_button = bar.button(page.write_action)
    page.compare_button = bar.button(page.compare_action)
    page.import_button = bar.button(page.import_action)
    bar.add_trailing(_view_switch(page))
    return bar


def _view_switch(page: ToolbarPage) -> QWidget:
    """Table and Board, side by side: one of them is always chosen."""
    page.table_toggle = QPushButton("&Table")
    page.table_toggle.setObjectName("show_table")
    page.table_toggle.setToolTip("Show the candidates as a table")
    page.board_toggle = QPushButton("&Board")
    page.board_toggle.setObjectName("show_board")
    page.board_toggle.setToolTip("Show the chosen role's candidates as a board of stages")
    switch = QWidget()
    switch.setObjectName("candidates_view_switch")
    row = QHBoxLayout(switch)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(SPACE_XS)
    group = QButtonGroup(switch)
    for toggle in (page.table_toggle, page.board_toggle):
        toggle.setCheckable(True)
        toggle.setAutoDefault(False)
        group.addButton(toggle)
        row.addWidget(toggle)
    page.table_toggle.setChecked(True)
    return switch


def update_actions(page: ToolbarPage) -> None:
    """Enable what the selection and the signed-in person's role allow."""
    selected = page.selected_id() is not None
    rows = page.selected_rows()
    workbook = page.workbook
    apply_permission(page.new_button, workbook, Permission.CANDIDATES, enabled=bool(workbook))
    apply_permission(page.import_action, workbook, Permission.CANDIDATES, enabled=bool(workbook))
    page.export_action.setEnabled(workbook is not None)
    for action in (page.edit_action, page.delete_action, page.bulk_tag_action):
        apply_permission(action, workbook, Permission.CANDIDATES, enabled=selected)
    apply_permission(page.write_action, workbook, Permission.EMAIL, enabled=selected)
    apply_permission(page.detail.apply_button, workbook, Permission.CANDIDATES, enabled=selected)
    roles = {r.role_id for r in rows if r.application_id}
    apply_permission(  # checked for each role the selection moves (a hiring manager's own)
        page.bulk_move_action,
        workbook,
        Permission.PIPELINE,
        role_id=_one_refused(page, roles),
        enabled=bool(roles),
    )
    page.compare_action.setEnabled(comparison_role(page) is not None)


def _one_refused(page: ToolbarPage, role_ids: set[int | None]) -> int | None:
    """A role of ``role_ids`` the person may not change the pipeline of, else any one."""
    for role_id in role_ids:
        if refusal(page.workbook, Permission.PIPELINE, role_id=role_id) is not None:
            return role_id
    return next(iter(role_ids), None)


def comparison_role(page: ToolbarPage) -> int | None:
    """The role the selection can be compared for: the role filter's, or the one role
    every selected row shows; None when 2-5 candidates of one role are not chosen."""
    rows = page.selected_rows()
    if can_compare(len(rows)) is not None:
        return None
    chosen = page.filters.role_id()
    if chosen is not None:
        return chosen
    shown = {r.role_id for r in rows}
    return shown.pop() if len(shown) == 1 and None not in shown else None
