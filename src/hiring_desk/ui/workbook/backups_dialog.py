"""Backups in the window: File ▸ Backups…, the automatic backups, and the damaged-file offer.

- ``BackupsDialog`` lists the open workbook's backups (date, reason, size) and
  backs up now, restores one (through the main window, which closes the
  workbook first and opens it again after), or shows the folder.
- ``BackupKeeper`` takes the automatic backups: every few minutes when the
  workbook changed, and as a workbook is closed or switched. A backup that
  cannot be written (a full or read-only disk) is reported as such, never as
  damage, and is tried again.
- ``offer_damaged_restore`` explains a workbook that failed its integrity
  check and offers its newest good backup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.domain.formatting import format_moment
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.backups import BackupError, BackupInfo, BackupWriteError
from hiring_desk.services.workbook.opening import Workbook, WorkbookError
from hiring_desk.ui import messages
from hiring_desk.ui.help_topics import add_help_key
from hiring_desk.ui.operations import BackgroundOperation, run_in_background
from hiring_desk.ui.table_model import (
    Column,
    RowsTableModel,
    fit_columns,
    make_table_view,
    selected_row,
)
from hiring_desk.ui.widgets import plain_label, push_button

_log = logging.getLogger(__name__)

#: How often the window looks whether an automatic backup is due.
CHECK_EVERY_MS = 5 * 60 * 1000
DAMAGED_TITLE = "Workbook Damaged"
BACKUP_FAILED_TITLE = "Backup Failed"
ABOUT_BACKUPS = (
    "A backup is taken when the workbook has changed (at most every half hour), when "
    "you close it or open another, and before a restore or an erasure. Older backups "
    "are thinned: the newest ten stay, then one a day for two weeks, one a week for "
    "two months and one a month for a year."
)


def size_text(size: int) -> str:
    """ "900 bytes", "120 KB", "3.4 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def open_folder(folder: Path) -> bool:
    """Show a folder in the desktop's file manager (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


COLUMNS: tuple[Column[BackupInfo], ...] = (
    Column("Taken", lambda b: format_moment(b.taken_at), sort_key=lambda b: b.taken_at),
    Column("Reason", lambda b: b.reason_label),
    Column("Size", lambda b: size_text(b.size), sort_key=lambda b: b.size, align_right=True),
)


class BackupsDialog(QDialog):
    """The open workbook's backups. ``restore(path)`` is the main window's restore."""

    def __init__(
        self, workbook: Workbook, restore: Callable[[Path], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        add_help_key(self)  # F1: this dialog's section of the user guide
        self.setObjectName("backups_dialog")
        self.setWindowTitle("Backups")
        self._workbook = workbook
        self._restore = restore
        #: "Back Up Now" while it runs.
        self.operation: BackgroundOperation[BackupInfo] | None = None
        self.folder = backups.backup_folder(workbook.path)
        intro = plain_label(
            f"Backups of {workbook.path.name}, kept in:\n{self.folder}",
            "backups_intro",
            selectable=True,
        )
        about = plain_label(ABOUT_BACKUPS)
        self.model: RowsTableModel[BackupInfo] = RowsTableModel(COLUMNS, self)
        self.table = make_table_view("backups_table")
        self.table.setAccessibleName("Backups of this workbook")
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.empty = QLabel("No backups yet.")
        self.empty.setObjectName("backups_empty")
        self.backup_button = push_button("&Back Up Now", "backup_now", self.back_up_now)
        self.restore_button = push_button("&Restore…", "restore_backup", self.restore_selected)
        self.folder_button = push_button("Show &Folder", "show_folder", self.show_folder)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(about)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(close)
        self.resize(640, 460)
        self.refresh()

    def refresh(self) -> None:
        rows = backups.list_backups(self._workbook.path)
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.empty.setVisible(not rows)
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        return selected_row(self.table, self.model)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        """Take a backup in the background (a copy, then its integrity check)."""
        workbook = self._workbook
        self.backup_button.setEnabled(False)
        self.operation = run_in_background(
            self,
            lambda _progress: backups.backup_now(workbook, backups.MANUAL),
            title="Backing Up",
            label="Copying the workbook and checking the copy…",
            failure_title="Cannot Back Up",
            on_success=self._taken,
            cancellable=False,
        )
        self.operation.finished.connect(self._backup_finished)

    def _backup_finished(self) -> None:
        self.operation = None
        self.backup_button.setEnabled(True)

    def _taken(self, info: BackupInfo) -> None:
        self.table.clearSelection()
        self.refresh()
        self.table.selectRow(self.model.rows().index(info) if info in self.model.rows() else 0)

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        question = (
            f"Replace {self._workbook.path.name} with the backup taken "
            f"{format_moment(backup.taken_at)}?\n\nThe workbook as it is now is backed up "
            "first, so you can go back to it from this list."
        )
        if not messages.confirm(self, "Restore Backup", question, "Restore"):
            return
        if self._restore(backup.path):
            self.accept()  # the workbook was closed and opened again: this list is stale

    def show_folder(self) -> None:
        target = self.folder if self.folder.is_dir() else self.folder.parent
        if not target.is_dir() or not open_folder(target):
            messages.show_info(self, "Backups Folder", f"The backups folder is:\n{self.folder}")


class BackupKeeper(QObject):
    """Takes the automatic backups of the window's workbook."""

    def __init__(self, window: QMainWindow, current: Callable[[], Workbook | None]) -> None:
        super().__init__(window)
        self._window = window
        self._current = current
        self._warned: set[Path] = set()  # told it is damaged
        self._failed: set[Path] = set()  # told a backup could not be written, until one is
        self.timer = QTimer(self)
        self.timer.setObjectName("backup_timer")
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        """Back up the open workbook if it changed and the last backup is old enough.

        A backup that could not be written leaves the newest backup as it was, so
        the workbook still counts as changed and the next tick tries again.
        """
        workbook = self._current()
        if workbook is not None:
            self._take(workbook, lambda: backups.maybe_backup(workbook), closing=False)

    def on_close(self, workbook: Workbook) -> None:
        """Back up a workbook about to be closed, if it changed since its last backup."""
        self._take(workbook, lambda: backups.backup_on_close(workbook), closing=True)

    def _take(
        self, workbook: Workbook, take: Callable[[], BackupInfo | None], *, closing: bool
    ) -> None:
        if not workbook.is_file:  # a team workbook: its server's administrator backs it up
            return
        status = self._window.statusBar()
        try:
            info = take()
        except BackupWriteError as exc:
            _log.warning("Automatic backup of %s could not be written: %s", workbook.path, exc)
            status.showMessage(f"No backup was taken ({exc.reason}); trying again later", 15000)
            if closing or workbook.path not in self._failed:
                self._failed.add(workbook.path)
                text = backup_failed_text(workbook.path, exc.reason, closing=closing)
                messages.show_warning(self._window, BACKUP_FAILED_TITLE, text)
            return
        except BackupError as exc:
            _log.warning("Automatic backup of %s failed: %s", workbook.path, exc)
            status.showMessage(f"No backup was taken: {exc}", 15000)
            if exc.damaged and workbook.path not in self._warned:
                self._warned.add(workbook.path)
                messages.show_warning(
                    self._window,
                    DAMAGED_TITLE,
                    f"{workbook.path.name} failed its integrity check, so no backup was "
                    "taken and the existing backups were kept as they are. Close the "
                    "workbook and open it again to restore its newest good backup.",
                )
            return
        self._failed.discard(workbook.path)
        if info is not None:
            status.showMessage(f"Backed up at {clock.local_now():%H:%M}", 5000)


def backup_failed_text(path: Path, reason: str, *, closing: bool) -> str:
    """Why an automatic backup was not taken, and that the workbook itself is fine."""
    fine = "The workbook itself is fine: nothing in it was changed or lost, and it is not damaged."
    later = (
        "It was closed as it is, with all your changes; a backup is taken again the next "
        "time it is open."
        if closing
        else "Hiring Desk tries again every few minutes while it is open."
    )
    return (
        f"{path.name} could not be backed up: {reason}.\n\n{fine} {later}\n\n"
        f"Backups are kept in:\n{backups.backup_folder(path)}"
    )


def offer_damaged_restore(parent: QWidget, path: Path) -> bool:
    """Explain that ``path`` is damaged and offer its newest good backup.

    True when the backup was restored (the damaged file is kept aside, renamed);
    False when there is none or the person declined, and the file is untouched.
    """
    _log.warning("Workbook %s failed its integrity check", path)
    good = backups.newest_good_backup(path)
    if good is None:
        messages.show_error(
            parent,
            DAMAGED_TITLE,
            f"{path.name} is damaged: its integrity check failed, so it was not opened.\n\n"
            "No good backup of it was found. The file was left exactly as it is; keep it, "
            "and look in the backups folder or restore a copy you saved elsewhere.\n\n"
            f"{path}",
        )
        return False
    when = format_moment(good.taken_at)
    question = (
        f"{path.name} is damaged: its integrity check failed, so it was not opened.\n\n"
        f"Restore the newest good backup, from {when}? Changes made after it will be "
        "missing. The damaged file is not deleted: it is kept beside the workbook under "
        f"a new name.\n\n{path}"
    )
    if not messages.confirm(parent, DAMAGED_TITLE, question, "Restore Backup"):
        return False
    try:
        result = backups.restore_backup(path, good.path)
    except (BackupError, WorkbookError) as exc:
        messages.show_error(parent, "Cannot Restore Backup", str(exc))
        return False
    kept = result.kept_aside.name if result.kept_aside else "(no file)"
    messages.show_info(
        parent,
        "Backup Restored",
        f"{path.name} was restored from the backup of {when}.\n\n"
        f"The damaged file was kept as {kept}.",
    )
    return True
