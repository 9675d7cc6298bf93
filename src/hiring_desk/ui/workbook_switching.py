"""Which workbook the window has open: opening (the one named at start-up, another
file, the sample), creating, restoring a backup, closing, and File ▸ New, Open, Save a
Copy and Backups. Each step that fails says why in one message and keeps the workbook
that was open; the one left behind is backed up (if it changed) and closed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import QListWidget, QStackedWidget, QStatusBar, QWidget

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.today import today_items
from hiring_desk.services.workbook import backups, opening
from hiring_desk.services.workbook.backups import BackupError, WorkbookDamagedError
from hiring_desk.services.workbook.locations import SERVER_BACKUPS, Location, ServerAddress
from hiring_desk.services.workbook.opening import Workbook, WorkbookError
from hiring_desk.services.workbook.passwords import PasswordRefusedError, with_remembered_password
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.areas import first_area
from hiring_desk.ui.changes_elsewhere import ChangesElsewhere
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import (
    BackgroundOperation,
    Progress,
    run_in_background,
    run_operation,
)
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.team.acting_member import ActingMemberBox
from hiring_desk.ui.workbook.backups_dialog import (
    BackupKeeper,
    BackupsDialog,
    offer_damaged_restore,
)
from hiring_desk.ui.workbook.connect_dialog import ConnectDialog
from hiring_desk.ui.workbook.location_notice import LocationNotice
from hiring_desk.ui.workbook.move_to_server import move_to_server
from hiring_desk.ui.workbook.pending_open import PendingOpen
from hiring_desk.ui.workbook.recent_menu import RecentMenu
from hiring_desk.ui.workbook.server_opener import ServerOpener
from hiring_desk.ui.workbook.welcome_page import (
    WelcomePage,
    ensure_sample_workbook,
    is_first_start,
)

_log = logging.getLogger(__name__)


class SwitchingWindow(Protocol):
    """What the switcher uses of the main window (which it does not import)."""

    workbook: Workbook | None
    settings: Settings
    welcome: WelcomePage
    nav: QListWidget
    stack: QStackedWidget
    backup_keeper: BackupKeeper
    recent_menu: RecentMenu
    location_notice: LocationNotice
    acting_member: ActingMemberBox

    def statusBar(self) -> QStatusBar: ...
    def show_area(self, key: str) -> None: ...
    def check_retention(self, *, background: bool = False) -> None: ...
    def _nav_changed(self, row: int) -> None: ...
    def _show_workbook_state(self) -> None: ...
    def _may_leave_workbook(self, doing: str) -> bool: ...


class WorkbookSwitcher:
    """The window's workbook lifecycle; the window keeps the open one in ``workbook``."""

    def __init__(self, window: SwitchingWindow) -> None:
        assert isinstance(window, QWidget)
        self._window = window
        self._widget: QWidget = window  # the parent of the messages and dialogs
        #: The last copy started (Save a Copy of a team workbook, Move to Team Server).
        self.copy_operation: BackgroundOperation[Any] | None = None
        #: Team workbooks are opened on a worker thread, asking for a password if need be.
        self.server_opener = ServerOpener(window, self._switch_to, self._refuse)
        self.connect_dialog: ConnectDialog | None = None
        #: What others change on a team workbook, announced as the window's changes are.
        self.changes_elsewhere = ChangesElsewhere(window)

    def open_initial(self, path: Location | None, pending: PendingOpen | None = None) -> None:
        """Open the workbook named on the command line, or the default one (or take it
        from ``pending``, which started opening it on a worker thread).

        On the very first start the default workbook is created and the welcome
        page offers the sample workbook or starting on the new one.
        """
        first_start = path is None and is_first_start(self._window.settings.recent_workbooks())
        workbook: Workbook | None
        try:
            if pending is not None:
                workbook = pending.result()
            else:
                workbook = (
                    opening.open_workbook(with_remembered_password(path))
                    if path
                    else opening.open_default_workbook()
                )
        except WorkbookDamagedError as exc:
            workbook = self._open_after_damage(exc)
        except PasswordRefusedError as exc:  # a team workbook whose password is not kept
            assert isinstance(exc.path, ServerAddress)
            self.server_opener.open(exc.path, ask_first=True)
            return
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Open Workbook")
            return
        if workbook is not None:
            self._switch_to(workbook)
            if first_start:
                self._window.welcome.set_first_start(True, workbook.path)
                self._window.nav.setCurrentRow(-1)
                self._window.stack.setCurrentWidget(self._window.welcome)
                # Focus on the welcome page: the navigation, given focus when the window
                # is activated, would select its first area and hide the welcome page.
                self._window.welcome.setFocus()

    def open_sample_workbook(self) -> None:
        """Open the sample workbook, creating it first if it is missing."""
        try:
            path = ensure_sample_workbook()
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Create the Sample Workbook")
            return
        except OSError as exc:
            messages.show_error(self._widget, "Cannot Create the Sample Workbook", str(exc))
            return
        self.open_path(path)

    def close_workbook(self) -> None:
        """Close the workbook (backed up first if it changed) and show the welcome page."""
        if self._window.workbook is None or not self._window._may_leave_workbook("Close"):
            return
        current, self._window.workbook = self._window.workbook, None
        self._window.backup_keeper.on_close(current)
        current.close()
        self._window._show_workbook_state()
        self._window.location_notice.set_workbook(None)
        self._window.acting_member.set_workbook(None)
        self._window.check_retention()

    def open_location(self, location: Location) -> bool:
        """Open a file (as ``open_path``) or a team workbook (on a worker thread: the
        window shows it once connected; False here only when the person stayed)."""
        if isinstance(location, ServerAddress):
            if not self._window._may_leave_workbook("Open"):
                return False
            self.server_opener.open(location)
            return True
        return self.open_path(location)

    def connect_to_team_workbook(self) -> None:
        """File ▸ Connect to Team Workbook…: the dialog, which opens the workbook itself."""
        if not self._window._may_leave_workbook("Connect"):
            return
        if self.connect_dialog is None:
            self.connect_dialog = ConnectDialog(self._switch_to, self._widget)
        self.connect_dialog.open()

    def open_path(self, path: Path) -> bool:
        """Open ``path`` instead of the current workbook; keep the current one on failure."""
        path = path.expanduser().absolute()
        current = self._window.workbook
        if current is not None and current.is_file and opening.same_file(path, current.path):
            return True
        if not self._window._may_leave_workbook("Open"):
            return False
        workbook: Workbook | None
        try:
            workbook = opening.open_workbook(path)
        except WorkbookDamagedError as exc:
            workbook = self._open_after_damage(exc)
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Open Workbook")
            return False
        if workbook is None:
            return False
        self._switch_to(workbook)
        return True

    def _open_after_damage(self, exc: WorkbookDamagedError) -> Workbook | None:
        """Offer to restore a damaged workbook's newest good backup, then open it.
        (Only a file is found damaged: a server keeps its data whole itself.)"""
        if not isinstance(exc.path, Path) or not offer_damaged_restore(self._widget, exc.path):
            return None
        try:
            return opening.open_workbook(exc.path)
        except WorkbookError as again:
            self._refuse(again, "Cannot Open Workbook")
            return None

    def restore_backup(self, backup: Path) -> bool:
        """Close the workbook, put ``backup`` in its place and open it again."""
        if self._window.workbook is None or not self._window._may_leave_workbook("Restore"):
            return False
        current, self._window.workbook = self._window.workbook, None
        current.close()
        self._window._show_workbook_state()
        try:
            backups.restore_backup(current.path, backup)
        except (BackupError, WorkbookError) as exc:
            messages.show_error(self._widget, "Cannot Restore Backup", str(exc))
            self.open_path(current.path)
            return False
        reopened = self.open_path(current.path)
        self._window.statusBar().showMessage(f"Restored the backup {backup.name}", 8000)
        return reopened

    def create_path(self, path: Path) -> bool:
        if not self._window._may_leave_workbook("Continue"):
            return False
        try:
            workbook = opening.create_workbook(opening.with_suffix(path))
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Create Workbook")
            return False
        except OSError as exc:
            messages.show_error(
                self._window, "Cannot Create Workbook", f"{path}: {exc.strerror or exc}"
            )
            return False
        self._switch_to(workbook)
        self._window.show_area("team")
        return True

    def _refuse(self, exc: WorkbookError, title: str) -> None:
        _log.info("%s: %s", title, exc)  # a URL's str() has no password
        messages.show_error(
            self._window, title, f"{exc.path.name} was not opened: {exc.reason}.\n\n{exc.path}"
        )

    def _switch_to(self, workbook: Workbook) -> None:
        previous = self._window.workbook
        self._window.workbook = workbook
        if previous is not None:
            self._window.backup_keeper.on_close(previous)
            previous.close()
        self._window.settings.add_recent_workbook(workbook.location)  # a URL: no password
        self._window.recent_menu.refill()
        self._window._show_workbook_state()
        if self._window.nav.currentRow() < 0:  # the first workbook this window shows
            self._window.show_area(first_area(today_items.has_data(workbook)))
        else:
            self._window._nav_changed(self._window.nav.currentRow())
        self._window.location_notice.set_workbook(workbook)
        self._window.acting_member.set_workbook(workbook, ask=True)
        self.changes_elsewhere.follow(workbook)
        self._window.check_retention(background=True)  # the page shows meanwhile

    def _start_folder(self) -> Path:
        workbook = self._window.workbook
        return workbook.path.parent if workbook is not None and workbook.is_file else Path.home()

    def new_workbook(self) -> None:
        path = file_dialogs.ask_new_workbook(
            self._window, self._start_folder() / "New Hire.hiringdesk"
        )
        if path is not None:
            self.create_path(path)

    def open_workbook_dialog(self) -> None:
        path = file_dialogs.ask_open_workbook(self._widget, self._start_folder())
        if path is not None:
            self.open_path(path)

    def save_copy(self) -> None:
        if self._window.workbook is None:
            return
        start = self._start_folder() / f"{Path(self._window.workbook.name).stem} copy.hiringdesk"
        path = file_dialogs.ask_save_copy(self._widget, start)
        if path is None:
            return
        workbook = self._window.workbook
        if not workbook.is_file:
            self._save_server_copy(workbook, opening.with_suffix(path))
            return

        def save() -> Path:
            try:
                return opening.save_copy(workbook, opening.with_suffix(path))
            except WorkbookError as exc:  # worded: a refusal, not a crash
                raise ServiceError(str(exc)) from exc

        written = run_operation(self._widget, save, failure_title="Cannot Save a Copy")
        if written is None:
            return
        self._window.statusBar().showMessage(f"Saved a copy as {written}", 8000)

    def _save_server_copy(self, workbook: Workbook, path: Path) -> None:
        """A team workbook copied row by row into a new file, behind a progress dialog."""

        def save(progress: Progress) -> Path:
            def told(table: str, done: int, total: int) -> None:
                progress.update(done, total, f"Copying {table.replace('_', ' ')} rows…")

            try:
                return opening.save_copy(workbook, path, progress=told)
            except WorkbookError as exc:  # worded: a refusal, not a crash
                raise ServiceError(str(exc)) from exc

        def saved(written: Path) -> None:
            self._window.statusBar().showMessage(f"Saved a copy as {written}", 8000)

        self.copy_operation = run_in_background(
            self._widget,
            save,
            title="Save a Copy",
            label=f"Copying {workbook.name} to {path.name}…",
            failure_title="Cannot Save a Copy",
            on_success=saved,
            cancellable=True,
        )

    def move_to_server(self) -> None:
        """File ▸ Move to Team Server…: copy the open workbook to a server, offer to open it."""
        if self._window.workbook is not None:
            self.copy_operation = move_to_server(
                self._widget, self._window.workbook, self.open_location
            )

    def show_backups(self) -> None:
        if self._window.workbook is not None and not self._window.workbook.is_file:
            messages.show_info(
                self._widget, "Backups", f"{SERVER_BACKUPS[:1].upper()}{SERVER_BACKUPS[1:]}."
            )
            return
        if self._window.workbook is not None:
            dialog = BackupsDialog(self._window.workbook, self.restore_backup, self._widget)
            run_modal(dialog)
