"""The Candidates page's ways to email: write to the selection (one candidate or many),
to everyone in a board column, after a rejection, and applications dropped on it.

A single candidate gets the compose dialog, several the bulk one. Saved messages
(``.eml``) and mailboxes (``.mbox``) dropped on the table or the board are imported
as applications (to the role the board shows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.email.email_templates import rejection_template
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.candidates.candidate_actions import ActionsPage, review_duplicates
from hiring_desk.ui.email.bulk import open_bulk_compose
from hiring_desk.ui.email.compose import HeldWorkbook, open_compose
from hiring_desk.ui.email.email_import import import_email_applications, mail_files
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.pipeline.move_dialog import MoveDialog
from hiring_desk.ui.settings import Settings

#: The move dialog's "Write to the candidate", remembered.
WRITE_AFTER_REJECTING = "write_after_rejecting"


class EmailPage(ActionsPage, Protocol):
    """What these actions use of the Candidates page (which imports them)."""

    @property
    def table(self) -> QTableView: ...
    @property
    def toolbar(self) -> PageToolbar: ...
    @property
    def write_action(self) -> QAction: ...
    def board_role(self) -> int | None: ...


def write_to(page: EmailPage, candidate_ids: Sequence[int], template: str | None = None) -> bool:
    """One candidate: the compose dialog; several: one draft each. True once made."""
    assert isinstance(page, QWidget)  # the Candidates page: the parent of what opens
    ids = list(dict.fromkeys(candidate_ids))
    window = HeldWorkbook(page.workbook)
    if not ids or window.workbook is None:
        return False
    if len(ids) == 1:
        made = open_compose(page, window, candidate_id=ids[0], template=template)
    else:
        made = open_bulk_compose(page, window, ids, template=template)
    if made:
        page.refresh()  # the timeline shows the messages
    return made


def write_to_selected(page: EmailPage) -> bool:
    return write_to(page, [row.id for row in page.selected_rows()])


def write_label(count: int) -> str:
    return "&Write…" if count == 1 else f"&Write to {count} Candidates…"


def table_menu(page: EmailPage, position: QPoint) -> QMenu | None:
    """The table's context menu (right-click on a row): write to the selection, then
    the page's toolbar actions."""
    assert isinstance(page, QWidget)
    count = len(page.selected_rows())
    if not count:
        return None
    write = QAction(write_label(count), page)
    write.triggered.connect(lambda _checked=False: write_to_selected(page))
    toolbar = page.toolbar
    menu = toolbar.context_menu([write], leave_out=[page.write_action])
    menu.setObjectName("candidates_table_menu")
    write.setParent(menu)
    return toolbar.popup(menu, page.table, position)


def write_to_stage(page: EmailPage, key: str, candidate_ids: Sequence[int]) -> bool:
    """A board column's "Write to everyone in <stage>…" (``key``: the column's stage, as
    "rejected" or "interview#12"): rejected ones are offered a rejection."""
    rejected = key.partition("#")[0] == Stage.REJECTED.value
    template = rejection_template(Stage.SCREENING.value) if rejected else None
    return write_to(page, candidate_ids, template)


def ask_to_move(dialog: MoveDialog) -> bool:
    """Show the move dialog with "Write to the candidate" as last left; True once moved."""
    settings = Settings()
    dialog.write.setChecked(settings.remembered(WRITE_AFTER_REJECTING))
    moved = bool(run_modal(dialog) and dialog.moved)
    if moved and dialog.target.currentData() == Stage.REJECTED.value:
        settings.remember(WRITE_AFTER_REJECTING, dialog.write.isChecked())
    return moved


def write_after_rejection(
    page: QWidget, workbook: Workbook, dialog: MoveDialog, candidate_id: int, stage_before: str
) -> bool:
    """When asked in the move dialog: the rejection message for the stage the candidate
    was at, with the reason."""
    if not dialog.write_wanted():
        return False
    return open_compose(
        page,
        HeldWorkbook(workbook),
        candidate_id=candidate_id,
        template=rejection_template(stage_before),
        reason=dialog.reason.currentText().strip(),
    )


def import_email(page: EmailPage, paths: Sequence[Path] | None = None) -> None:
    """Import applications from saved email (asking for the files when none are given)."""
    assert isinstance(page, QWidget)
    report = import_email_applications(
        page,
        HeldWorkbook(page.workbook),
        paths,
        role_id=page.board_role(),
        review_duplicates=lambda ids: review_duplicates(page, ids),
    )
    if report is not None:
        page.refresh()


def _dropped_mail(event: QEvent) -> list[Path]:
    if not isinstance(event, QDropEvent):  # drag enter and move events are drop events
        return []
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return mail_files(Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile())


class MailDrops(QObject):
    """Takes ``.eml``/``.mbox`` files dropped on the widgets it watches; leaves
    other drops (a board card moving) to them."""

    def __init__(self, parent: QObject, dropped: Callable[[list[Path]], None]) -> None:
        super().__init__(parent)
        self._dropped = dropped

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        paths = _dropped_mail(event)
        if not paths:
            return False
        assert isinstance(event, QDropEvent)
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self._dropped(paths)
        return True
