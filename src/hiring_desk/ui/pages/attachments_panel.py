"""A candidate's files: add (or drop) CVs, open them in the system viewer, remove them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day
from hiring_desk.services import attachments
from hiring_desk.services.errors import ServiceError
from hiring_desk.services.workbooks import Workbook
from hiring_desk.ui import file_dialogs, messages, undo


def open_with_system_viewer(path: Path) -> bool:
    """Ask the desktop to open a file with its usual viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


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

    def attach_paths(self, paths: list[Path]) -> list[int]:
        """Attach each file; refusals are listed together. Returns the new attachment ids."""
        if self._workbook is None or self.candidate_id is None:
            return []
        added: list[int] = []
        problems: list[str] = []
        # Reading a file's text takes a moment (a PDF's up to pdf_reading's time limit).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                try:
                    data = path.read_bytes()
                    info = attachments.add_attachment(
                        self._workbook, self.candidate_id, path.name, data
                    )
                except OSError as exc:
                    problems.append(f"{path.name}: {exc.strerror or exc}")
                    continue
                except ServiceError as exc:
                    problems.append(str(exc).removeprefix("File: "))
                    continue
                added.append(info.id)
        finally:
            QApplication.restoreOverrideCursor()
        self.reload()
        if problems:
            messages.show_warning(self, "Some Files Were Not Attached", "\n".join(problems))
        for attachment_id in added:
            self.attached.emit(self.candidate_id, attachment_id)
        return added

    def open_selected(self) -> None:
        attachment_id = self.selected_id()
        if self._workbook is None or attachment_id is None:
            return
        try:
            path = attachments.export_to_private_temp(self._workbook, attachment_id)
        except (OSError, ServiceError) as exc:
            messages.show_error(self, "Cannot Open File", str(exc))
            return
        if not open_with_system_viewer(path):
            messages.show_warning(
                self, "Cannot Open File", f"No program is set up to open {path.name}."
            )

    def remove_selected(self) -> None:
        attachment_id = self.selected_id()
        if self._workbook is None or attachment_id is None:
            return
        name = self.files.currentItem().text().split(" (", 1)[0]
        if messages.confirm(self, "Remove File", f"Remove {name} from this candidate?", "Remove"):
            snapshot = attachments.remove_attachment(self._workbook, attachment_id)
            undo.record_deletion(
                self, self._workbook, "Remove File", snapshot, attachments.remove_attachment
            )
            self.reload()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.candidate_id is not None:
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
        ready = self._workbook is not None and self.candidate_id is not None
        self.add_button.setEnabled(ready)
        selected = self.selected_id() is not None
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
