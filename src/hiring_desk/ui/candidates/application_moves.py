"""Applying the Candidates page's candidate to a role, and moving an application.

A move can lead on: after a rejection the page offers to write to the candidate
(``candidate_emails``), after a move to Hired to cancel the interviews still to come
(``ui.interviews.cancel_after_hire``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QWidget

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.candidates import candidate_emails
from hiring_desk.ui.candidates.candidate_detail import CandidateDetailPanel
from hiring_desk.ui.changes import Change
from hiring_desk.ui.interviews.cancel_after_hire import offer_to_cancel_interviews
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.pipeline.move_dialog import MoveDialog


class MovesPage(Protocol):
    """What these actions use of the Candidates page (which imports them)."""

    @property
    def workbook(self) -> Workbook | None: ...
    @property
    def detail(self) -> CandidateDetailPanel: ...
    def selected_id(self) -> int | None: ...
    def reload_selecting(self, candidate_id: int) -> None: ...


def apply_to_role(page: MovesPage) -> None:
    """Apply the selected candidate to a role they have not applied to yet."""
    parent = _widget(page)
    workbook, candidate_id = page.workbook, page.selected_id()
    if workbook is None or candidate_id is None:
        return
    applied = {a.role_id for a in stage_moves.applications_of(workbook, candidate_id)}
    open_roles = [r for r in role_records.list_roles(workbook) if r.id not in applied]
    if not open_roles:
        messages.show_info(parent, "Apply to Role", "This candidate has applied to every role.")
        return
    titles = [r.title for r in open_roles]
    title, ok = QInputDialog.getItem(parent, "Apply to Role", "Role:", titles, 0, False)
    if not ok:
        return
    role = open_roles[titles.index(title)]
    applied_now = run_operation(
        parent,
        lambda: stage_moves.apply(workbook, candidate_id, role.id),
        changes=Change.APPLICATIONS,
        on_refused=lambda exc: messages.show_warning(parent, "Cannot Apply", str(exc)),
    )
    if applied_now is not None:
        page.reload_selecting(candidate_id)


def move_application(page: MovesPage, application_id: int) -> None:
    """Move one of the panel's candidate's applications, then what the move leads on to."""
    # The detail panel's candidate: on the board a clicked card shows there while
    # the table's selection stays where it was.
    parent = _widget(page)
    workbook, candidate_id = page.workbook, page.detail.candidate_id
    if workbook is None or candidate_id is None:
        return
    application = next(
        a for a in stage_moves.applications_of(workbook, candidate_id) if a.id == application_id
    )
    name = candidate_records.get_candidate(workbook, candidate_id).record.name
    dialog = MoveDialog(
        parent,
        application,
        name,
        stage_moves.allowed_steps(workbook, application_id),
        stage_moves.rejection_reasons(workbook),
        team_members.list_members(workbook),
        lambda stage, reason, note, by: stage_moves.move(
            workbook,
            application_id,
            stage,
            by_member_id=by,
            note=note,
            reason=reason,
            expected_version=application.version,  # as the dialog shows it
        ),
        workbook.acting_member_id,
    )
    if not candidate_emails.ask_to_move(dialog):
        return
    page.reload_selecting(candidate_id)
    if candidate_emails.write_after_rejection(
        parent, workbook, dialog, candidate_id, application.stage
    ):
        page.reload_selecting(candidate_id)
    hired = dialog.moved is not None and dialog.moved.stage == Stage.HIRED.value
    if hired and offer_to_cancel_interviews(
        parent, workbook, application_id, name, application.role_title
    ):
        page.reload_selecting(candidate_id)


def _widget(page: MovesPage) -> QWidget:
    assert isinstance(page, QWidget)
    return page
