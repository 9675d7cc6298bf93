"""A candidate's files: add (or drop) CVs, open them in the system viewer, remove them.

Adding reads each file's text (a PDF's in a child process, up to pdf_reading's
time limit), so it runs in the background behind a progress dialog
(``ui.operations.run_in_background``); removing and opening are quick operations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day
from hiring_desk.services.candidates import attachments
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.operations import (
    BackgroundOperation,
    Progress,
    run_in_background,
    run_operation,
)
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.printed import open_with_system_viewer
from hiring_desk.ui.workbook import undo_stack


@dataclass
class Attached:
    """What adding files did: the new attachments' ids, and each refusal in a line."""

    ids: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def attach_files(
    workbook: Workbook, candidate_id: int, paths: list[Path], progress: Progress
) -> Attached:
    """Attach each file in turn (on a worker thread); refusals are collected, not raised."""
    outcome = Attached()
    for done, path in enumerate(paths):
        progress.report(done, len(paths), f"Reading {path.name}…")
        try:
            info = attachments.add_attachment(workbook, candidate_id, path.name, path.read_bytes())
        except OSError as exc:
            outcome.problems.append(f"{path.name}: {exc.strerror or exc}")
        except ServiceError as exc:
            outcome.problems.append(str(exc).removeprefix("File: "))
        else:
            outcome.ids.append(info.id)
    return outcome


class AttachmentsPanel(QWidget):
    """``attached(candidate_id, attachment_id)`` after each file is added."""

    attached = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_panel")
        self.setAcceptDrops(True)
        self._workbook: Workbook | None = None
        self._locale = "en_GB"
        self.candidate_id: int | None = None
        #: Files being added, while they are.
        self.operation: BackgroundOperation[Attached] | None = None
        self.files = QListWidget()
        self.files.setObjectName("attachment_list")
        self.files.setAccessibleName("Files")
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton("&Add File…")
        self.add_button.setObjectName("add_attachment")
        self.open_button = QPushButton("&Open")
        self.open_button.setObjectName("open_attachment")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("remove_attachment")
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.currentRowChanged.connect(lambda _row: self._update_buttons())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        self.files.setToolTip(
            "Drop CV files here (PDF, Word, OpenDocument or text) to attach them."
        )
        self._update_buttons()

    def show_candidate(
        self, workbook: Workbook | None, candidate_id: int | None, locale: str
    ) -> None:
        self._workbook, self.candidate_id, self._locale = workbook, candidate_id, locale
        self.reload()

    def reload(self) -> None:
        self.files.clear()
        if self._workbook is not None and self.candidate_id is not None:
            for info in attachments.list_attachments(self._workbook, self.candidate_id):
                searchable = "" if info.has_text else f" — {info.text_state}"
                added = format_day(info.added_at.date(), self._locale)
                size = f"{max(info.size // 1024, 1):,} KB"
                text = (
                    f"{info.filename} ({attachments.type_label(info.mime)}, {size}, {added})"
                    f"{searchable}"
                )
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                self.files.addItem(item)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.files.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def choose_files(self) -> None:
        self.attach_paths(file_dialogs.ask_attachment_files(self))

    def attach_paths(self, paths: list[Path]) -> BackgroundOperation[Attached] | None:
        """Attach each file in the background; refusals are listed together at the end."""
        workbook, candidate_id = self._workbook, self.candidate_id
        if workbook is None or candidate_id is None or not paths:
            return None
        self.operation = run_in_background(
            self,
            lambda progress: attach_files(workbook, candidate_id, paths, progress),
            title="Adding Files",
            label="Reading the files…",
            changes=Change.ATTACHMENTS | Change.CANDIDATES,  # a CV's text is searched
            failure_title="Files Not Attached",
            on_success=lambda outcome: self._attached(candidate_id, outcome),
            cancellable=False,  # each file is stored in one go; they are few
        )
        self.operation.finished.connect(self._finished)
        self._update_buttons()
        return self.operation

    def _finished(self) -> None:
        self.operation = None
        self.reload()

    def _attached(self, candidate_id: int, outcome: Attached) -> None:
        if candidate_id == self.candidate_id:
            self.reload()
        if outcome.problems:
            messages.show_warning(self, "Some Files Were Not Attached", "\n".join(outcome.problems))
        for attachment_id in outcome.ids:
            self.attached.emit(candidate_id, attachment_id)

    def open_selected(self) -> None:
        workbook, attachment_id = self._workbook, self.selected_id()
        if workbook is None or attachment_id is None:
            return
        path = run_operation(
            self,
            lambda: _readable_copy(workbook, attachment_id),
            failure_title="Cannot Open File",
        )
        if path is not None and not open_with_system_viewer(path):
            messages.show_warning(
                self, "Cannot Open File", f"No program is set up to open {path.name}."
            )

    def remove_selected(self) -> None:
        workbook, attachment_id = self._workbook, self.selected_id()
        if workbook is None or attachment_id is None:
            return
        name = self.files.currentItem().text().split(" (", 1)[0]
        if not messages.confirm(
            self, "Remove File", f"Remove {name} from this candidate?", "Remove"
        ):
            return
        run_operation(
            self,
            lambda: attachments.remove_attachment(workbook, attachment_id),
            changes=Change.ATTACHMENTS | Change.CANDIDATES,
            failure_title="File Not Removed",
            on_success=lambda snapshot: undo_stack.record_deletion(
                self, workbook, "Remove File", snapshot, attachments.remove_attachment
            ),
        )
        self.reload()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        may_attach = self.add_button.isEnabled()  # as the role allows
        if event.mimeData().hasUrls() and self.candidate_id is not None and may_attach:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_paths(paths)

    def _update_buttons(self) -> None:
        ready = (
            self._workbook is not None and self.candidate_id is not None and self.operation is None
        )
        workbook = self._workbook
        apply_permission(self.add_button, workbook, Permission.CANDIDATES, enabled=ready)
        selected = self.selected_id() is not None
        self.open_button.setEnabled(selected)
        apply_permission(self.remove_button, workbook, Permission.CANDIDATES, enabled=selected)


def _readable_copy(workbook: Workbook, attachment_id: int) -> Path:
    """The attachment written to a private temporary file for a viewer to open."""
    try:
        return attachments.export_to_private_temp(workbook, attachment_id)
    except OSError as exc:
        raise ServiceError(f"Could not write a copy to open: {exc.strerror or exc}") from exc
