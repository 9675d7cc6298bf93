"""The Candidates page's file and merge actions: CSV import and export, CV suggestions,
and the merge offered when a new record may duplicate someone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QWidget

from hiring_desk.services.candidates import (
    candidate_merge,
    candidate_records,
    csv_export,
    csv_import,
    cv_suggestions,
    duplicates,
)
from hiring_desk.services.candidates.candidate_table import CandidateRow
from hiring_desk.services.candidates.delimited_text import DelimitedText
from hiring_desk.services.common.errors import NotFoundError, ServiceError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.candidates.candidate_detail import CandidateDetailPanel
from hiring_desk.ui.candidates.candidate_model import CandidateTableModel
from hiring_desk.ui.candidates.import_dialog import ImportDialog
from hiring_desk.ui.candidates.import_report_dialog import ImportReportDialog
from hiring_desk.ui.candidates.merge_dialog import MergeDialog
from hiring_desk.ui.changes import Change
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import Progress, run_in_background, run_operation
from hiring_desk.ui.pipeline.move_dialog import BulkMoveDialog


class ActionsPage(Protocol):
    """What these actions use of the Candidates page (which imports them)."""

    @property
    def workbook(self) -> Workbook | None: ...
    @property
    def model(self) -> CandidateTableModel: ...
    @property
    def detail(self) -> CandidateDetailPanel: ...
    def refresh(self) -> None: ...
    def selected_rows(self) -> list[CandidateRow]: ...


#: What these actions may change: a candidate and everything their record reaches.
CANDIDATE_CHANGES = Change.CANDIDATE_RECORD


def import_csv(page: ActionsPage) -> None:
    """Choose a file, read it on a worker thread, then map, import and report."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    if page.workbook is None:
        return
    path = file_dialogs.ask_import_csv(page)
    if path is None:
        return

    def read(_progress: Progress) -> DelimitedText:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ServiceError(f"{path.name}: {error.strerror or error}") from None
        return csv_import.read_delimited(data, path.name)

    operation = run_in_background(
        page,
        read,
        title="Importing",
        label=f"Reading {path.name}…",
        failure_title="Cannot Import",
        on_success=lambda table: _map_and_import(page, table),
        on_refused=lambda error: messages.show_error(
            page, "Cannot Import", str(error).removeprefix("File: ")
        ),
        cancellable=False,
    )
    operation.dialog.setObjectName("import_reading")


def _map_and_import(page: ActionsPage, table: DelimitedText) -> None:
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    workbook = page.workbook
    if workbook is None:
        return
    dialog = ImportDialog(page, workbook, table)
    if not run_modal(dialog) or dialog.outcome is None:
        return
    page.refresh()  # the import announced its changes to the other pages through the runner
    run_modal(ImportReportDialog(page, dialog.outcome, lambda ids: review_duplicates(page, ids)))


def review_duplicates(page: ActionsPage, candidate_ids: Sequence[int]) -> None:
    """Offer a merge for each imported candidate who may be someone already there."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    for candidate_id in candidate_ids:
        try:
            offer_merge(page, candidate_id)
        except NotFoundError:  # merged into another one already
            continue
    page.refresh()


def export_view(page: ActionsPage) -> None:
    """Write the candidates shown (this filter and sort order) to a CSV file."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    workbook = page.workbook
    if workbook is None:
        return
    path = file_dialogs.ask_export_path(page, Path.home() / "candidate_records.csv", "CSV", ".csv")
    if path is None:
        return
    model = page.model
    run_in_background(
        page,
        lambda _progress: csv_export.export_csv(
            workbook, path, model.filter, model.sort_key, model.descending
        ),
        title="Exporting",
        label=f"Writing {path.name}…",
        failure_title="Export Failed",
        on_success=lambda count: messages.show_info(
            page, "Export Done", f"Exported {count:,} candidates to {path}."
        ),
        cancellable=False,
    )


def offer_cv_suggestions(page: ActionsPage, candidate_id: int, attachment_id: int) -> None:
    """Offer what a new CV's text adds to the record; nothing changes unless confirmed."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    workbook = page.workbook
    if workbook is None:
        return
    found = cv_suggestions.suggestion_from_attachment(workbook, candidate_id, attachment_id)
    if found is None:
        return
    listed = "\n".join(f"• {change}" for change in found.changes)
    if not messages.confirm(
        page,
        "Found in the CV",
        f"The CV mentions:\n{listed}\n\nAdd these to the record?",
        "Add",
    ):
        return
    run_operation(
        page,
        lambda: candidate_records.update_candidate(workbook, candidate_id, found.record),
        changes=CANDIDATE_CHANGES,
        on_refused=lambda exc: messages.show_warning(page, "Not Added", str(exc)),
        on_success=lambda _saved: page.detail.show_candidate(candidate_id),
    )


def offer_merge(page: ActionsPage, new_id: int) -> int:
    """If the new record may duplicate someone, offer a merge; the id to select."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    workbook = page.workbook
    assert workbook is not None
    record = candidate_records.get_candidate(workbook, new_id).record
    matches = duplicates.find_duplicates(
        workbook, name=record.name, email=record.email, phone=record.phone, exclude_id=new_id
    )
    if not matches:
        return new_id
    dialog = MergeDialog(page, workbook, new_id, record.name, matches)
    if not run_modal(dialog):
        return new_id
    kept = dialog.target_id()
    merged = run_operation(
        page,
        lambda: candidate_merge.merge(workbook, kept, new_id),
        changes=CANDIDATE_CHANGES,
        failure_title="Not Merged",
    )
    return new_id if merged is None else kept


def move_selected(page: ActionsPage) -> None:
    """Move the shown application of every selected candidate (rules checked for each)."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    workbook = page.workbook
    rows = [r for r in page.selected_rows() if r.application_id is not None]
    if workbook is None or not rows:
        return
    dialog = BulkMoveDialog(page, len(rows), stage_moves.rejection_reasons(workbook))
    if not run_modal(dialog):
        return
    result = run_operation(
        page,
        lambda: stage_moves.move_many(
            workbook,
            [r.application_id for r in rows if r.application_id is not None],
            str(dialog.target.currentData()),
            note=dialog.note.text(),
            reason=dialog.reason.currentText(),
        ),
        changes=CANDIDATE_CHANGES,
        failure_title="Not Moved",
        on_success=lambda _result: page.refresh(),
    )
    if result is not None and result.refused:
        listed = "\n".join(f"• {name}: {why}" for name, why in result.refused)
        messages.show_warning(
            page, "Some Applications Were Not Moved", f"Moved {result.moved}.\n{listed}"
        )


def tag_selected(page: ActionsPage) -> None:
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    workbook = page.workbook
    rows = page.selected_rows()
    if workbook is None or not rows:
        return
    tag, ok = QInputDialog.getText(page, "Tag Selected", f"Tag for {len(rows)} candidate(s):")
    if not ok:
        return
    run_operation(
        page,
        lambda: candidate_records.tag_many(workbook, [r.id for r in rows], tag),
        changes=CANDIDATE_CHANGES,
        on_refused=lambda exc: messages.show_warning(page, "Not Tagged", str(exc)),
        on_success=lambda _result: page.refresh(),
    )
