"""The main window: navigation between the areas, the File menu, the status bar."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import APP_NAME, __version__
from hiring_desk.services import backups, workbooks
from hiring_desk.services.backups import BackupError, WorkbookDamagedError
from hiring_desk.services.errors import ServiceError
from hiring_desk.services.workbooks import Workbook, WorkbookError
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.acting_member import ActingMemberBox
from hiring_desk.ui.desktop_actions import DesktopActions
from hiring_desk.ui.icons import icon
from hiring_desk.ui.location_notice import LocationNotice
from hiring_desk.ui.operations import Change, ChangeListener, forget_stale, run_operation
from hiring_desk.ui.pages.backups_dialog import BackupKeeper, BackupsDialog, offer_damaged_restore
from hiring_desk.ui.pages.candidates_page import CandidatesPage
from hiring_desk.ui.pages.interviews_page import InterviewsPage
from hiring_desk.ui.pages.offer_letter_dialog import OfferLetterDialog
from hiring_desk.ui.pages.offers_page import OffersPage
from hiring_desk.ui.pages.retention_review import RetentionNotice
from hiring_desk.ui.pages.roles_page import RolesPage
from hiring_desk.ui.pages.team_company_page import TeamCompanyPage
from hiring_desk.ui.pages.welcome_page import WelcomePage, ensure_sample_workbook, is_first_start
from hiring_desk.ui.recent_menu import RecentMenu
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.shortcuts import standard_keys

_log = logging.getLogger(__name__)

#: (key, label, icon) of each area, in navigation order.
AREAS: tuple[tuple[str, str, str], ...] = (
    ("roles", "Roles", "roles"),
    ("candidates", "Candidates", "candidates"),
    ("interviews", "Interviews", "interviews"),
    ("offers", "Offers", "offers"),
    ("team", "Team & Company", "team"),
)


class Page(Protocol):
    def set_workbook(self, workbook: Workbook | None) -> None: ...


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.workbook: Workbook | None = None
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(720, 480))
        self._build_actions()
        self._build_menus()
        self._build_body()
        self._build_status_bar()
        self.backup_keeper = BackupKeeper(self, lambda: self.workbook)
        self._show_workbook_state()
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 700)

    # -- construction --------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.desktop = DesktopActions(self)  # Edit menu, Refresh, Keyboard Shortcuts, undo
        self.new_action = self._action("&New Workbook…", self.new_workbook, keys.New)
        self.close_action = self._action(
            "C&lose Workbook", self.close_workbook, standard_keys(keys.Close, "Ctrl+W")
        )
        self.open_action = self._action("&Open…", self.open_workbook_dialog, keys.Open)
        self.save_copy_action = self._action(
            "Save a &Copy…", self.save_copy, standard_keys(keys.SaveAs, "Ctrl+Shift+S")
        )
        self.backups_action = self._action("&Backups…", self.show_backups)
        self.quit_action = self._action("&Quit", self.close, standard_keys(keys.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.area_actions: list[QAction] = []
        for number, (key, label, _icon) in enumerate(AREAS, start=1):
            text = f"&{number} {label.replace('&', '&&')}"  # "Team && Company": no mnemonic
            action = self._action(text, lambda _=False, k=key: self.show_area(k))
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setObjectName(f"go_{key}")
            self.area_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentMenu(self.settings, self)
        self.recent_menu.open_requested.connect(self.open_path)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_copy_action)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.desktop.fill_edit_menu(bar.addMenu("&Edit"))
        view_menu = bar.addMenu("&View")
        for action in self.area_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.desktop.refresh_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.desktop.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget { border: none; background: palette(window); font-size: 11pt; }"
            "QListWidget::item { padding: 8px 6px; border-radius: 6px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {
            "roles": RolesPage(),
            "candidates": CandidatesPage(),
            "interviews": InterviewsPage(),
            "offers": OffersPage(),
            "team": TeamCompanyPage(),
        }
        self._connect_pages()
        for key, label, icon_name in AREAS:
            item = QListWidgetItem(icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.stack.addWidget(self._titled(label, self.pages[key]))
        self.welcome = WelcomePage(self.new_action, self.open_action)
        self.welcome.sample_requested.connect(self.open_sample_workbook)
        self.welcome.start_requested.connect(lambda: self.show_area("team"))
        self.stack.addWidget(self.welcome)
        self.nav.currentRowChanged.connect(self._nav_changed)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        self.retention_notice = RetentionNotice()
        column = QVBoxLayout()
        column.addWidget(self.retention_notice)
        column.addWidget(self.stack, 1)
        layout.addLayout(column, 1)
        self.setCentralWidget(body)

    def _connect_pages(self) -> None:
        """The pages' requests to the window (show a candidate, print a letter).

        Pages do not refresh each other: each listens to the change hub
        (``ui.operations``) for what it shows. The window listens for what its status
        bar shows: the team (Acting as) and the candidates due for deletion.
        """
        offers = self.pages["offers"]
        assert isinstance(offers, OffersPage)
        offers.candidate_activated.connect(self.show_candidate)
        offers.print_letter_requested.connect(self.print_offer_letter)
        interviews = self.pages["interviews"]
        assert isinstance(interviews, InterviewsPage)
        interviews.candidate_activated.connect(self.show_candidate)
        ChangeListener(
            self,
            Change.TEAM
            | Change.PRIVACY
            | Change.PREFERENCES
            | Change.CANDIDATES
            | Change.APPLICATIONS,
            self._data_changed,
            own_changes=True,
        )

    def _data_changed(self, changes: Change) -> None:
        if self.workbook is None:
            return
        if changes & Change.TEAM:
            self.acting_member.reload()
        if changes & (Change.PRIVACY | Change.PREFERENCES):
            self.check_retention()  # the policy or a hold changed: the bar may appear
        elif changes & (Change.CANDIDATES | Change.APPLICATIONS):
            self.retention_notice.recheck()

    def print_offer_letter(self, offer_id: int) -> None:
        if self.workbook is not None:
            dialog = OfferLetterDialog(self.workbook, offer_id, self)
            dialog.exec()
            dialog.deleteLater()

    def show_candidate(self, candidate_id: int) -> None:
        """Go to the Candidates area with this candidate selected."""
        self.show_area("candidates")
        page = self.pages["candidates"]
        assert isinstance(page, CandidatesPage)
        page.show_candidate(candidate_id)

    @staticmethod
    def _titled(label: str, page: QWidget) -> QWidget:
        wrapper = QWidget()
        title = QLabel(f"<h2>{label}</h2>")
        layout = QVBoxLayout(wrapper)
        layout.addWidget(title)
        layout.addWidget(page, 1)
        return wrapper

    def _build_status_bar(self) -> None:
        self.workbook_label = QLabel()
        self.workbook_label.setObjectName("workbook_label")
        self.statusBar().addWidget(self.workbook_label, 1)
        self.location_notice = LocationNotice(self.settings)
        self.statusBar().addPermanentWidget(self.location_notice)
        self.acting_member = ActingMemberBox(self.settings)
        self.statusBar().addPermanentWidget(self.acting_member)

    # -- areas ---------------------------------------------------------------------

    def show_area(self, key: str) -> None:
        if self.workbook is None:
            return
        keys = [k for k, _label, _icon in AREAS]
        self.nav.setCurrentRow(keys.index(key))

    def current_area(self) -> str | None:
        if self.workbook is None:
            return None
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _nav_changed(self, row: int) -> None:
        """Show an area, read again from the workbook (its changes announced while it was
        hidden included: it does not refresh twice)."""
        if row >= 0 and self.workbook is not None:
            page = self.pages[AREAS[row][0]]
            forget_stale(page)
            self.stack.setCurrentIndex(row)
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()

    # -- workbook lifecycle --------------------------------------------------------

    def open_initial(self, path: Path | None) -> None:
        """Open the workbook named on the command line, or the default one.

        On the very first start the default workbook is created and the welcome
        page offers the sample workbook or starting on the new one.
        """
        first_start = path is None and is_first_start(self.settings.recent_files())
        workbook: Workbook | None
        try:
            workbook = workbooks.open_workbook(path) if path else workbooks.open_default_workbook()
        except WorkbookDamagedError as exc:
            workbook = self._open_after_damage(exc)
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Open Workbook")
            return
        if workbook is not None:
            self._switch_to(workbook)
            if first_start:
                self.welcome.set_first_start(True, workbook.path)
                self.nav.setCurrentRow(-1)
                self.stack.setCurrentWidget(self.welcome)

    def open_sample_workbook(self) -> None:
        """Open the sample workbook, creating it first if it is missing."""
        try:
            path = ensure_sample_workbook()
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Create the Sample Workbook")
            return
        except OSError as exc:
            messages.show_error(self, "Cannot Create the Sample Workbook", str(exc))
            return
        self.open_path(path)

    def close_workbook(self) -> None:
        """Close the workbook (backed up first if it changed) and show the welcome page."""
        if self.workbook is None or not self._may_leave_workbook("Close"):
            return
        current, self.workbook = self.workbook, None
        self.backup_keeper.on_close(current)
        current.close()
        self._show_workbook_state()
        self.location_notice.set_workbook(None)
        self.acting_member.set_workbook(None)
        self.check_retention()

    def open_path(self, path: Path) -> bool:
        """Open ``path`` instead of the current workbook; keep the current one on failure."""
        path = path.expanduser().absolute()
        if self.workbook is not None and workbooks.same_file(path, self.workbook.path):
            return True
        if not self._may_leave_workbook("Open"):
            return False
        workbook: Workbook | None
        try:
            workbook = workbooks.open_workbook(path)
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
        """Offer to restore a damaged workbook's newest good backup, then open it."""
        if not offer_damaged_restore(self, exc.path):
            return None
        try:
            return workbooks.open_workbook(exc.path)
        except WorkbookError as again:
            self._refuse(again, "Cannot Open Workbook")
            return None

    def restore_backup(self, backup: Path) -> bool:
        """Close the workbook, put ``backup`` in its place and open it again."""
        if self.workbook is None or not self._may_leave_workbook("Restore"):
            return False
        current, self.workbook = self.workbook, None
        current.close()
        self._show_workbook_state()
        try:
            backups.restore_backup(current.path, backup)
        except (BackupError, WorkbookError) as exc:
            messages.show_error(self, "Cannot Restore Backup", str(exc))
            self.open_path(current.path)
            return False
        reopened = self.open_path(current.path)
        self.statusBar().showMessage(f"Restored the backup {backup.name}", 8000)
        return reopened

    def create_path(self, path: Path) -> bool:
        if not self._may_leave_workbook("Continue"):
            return False
        try:
            workbook = workbooks.create_workbook(workbooks.with_suffix(path))
        except WorkbookError as exc:
            self._refuse(exc, "Cannot Create Workbook")
            return False
        except OSError as exc:
            messages.show_error(self, "Cannot Create Workbook", f"{path}: {exc.strerror or exc}")
            return False
        self._switch_to(workbook)
        self.show_area("team")
        return True

    def _refuse(self, exc: WorkbookError, title: str) -> None:
        _log.info("%s: %s", title, exc)
        messages.show_error(
            self, title, f"{exc.path.name} was not opened: {exc.reason}.\n\n{exc.path}"
        )

    def _switch_to(self, workbook: Workbook) -> None:
        previous = self.workbook
        self.workbook = workbook
        if previous is not None:
            self.backup_keeper.on_close(previous)
            previous.close()
        self.settings.add_recent_file(workbook.path)
        self.recent_menu.refill()
        self._show_workbook_state()
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        else:
            self._nav_changed(self.nav.currentRow())
        self.location_notice.set_workbook(workbook)
        self.acting_member.set_workbook(workbook, ask=True)
        self.check_retention()

    def check_retention(self) -> None:
        """Show the notice if anyone is due for deletion (computed from dates, so it is
        right even after months without use)."""
        self.retention_notice.check(self.workbook)

    def _show_workbook_state(self) -> None:
        workbook = self.workbook
        self.desktop.workbook_changed(workbook)
        for page in self.pages.values():
            page.set_workbook(workbook)  # type: ignore[attr-defined]
        self.nav.setEnabled(workbook is not None)
        self.save_copy_action.setEnabled(workbook is not None)
        self.close_action.setEnabled(workbook is not None)
        self.backups_action.setEnabled(workbook is not None)
        for action in self.area_actions:
            action.setEnabled(workbook is not None)
        if workbook is None:
            self.welcome.set_first_start(False)
            self.stack.setCurrentWidget(self.welcome)
            self.nav.clearSelection()
            self.setWindowTitle(APP_NAME)
            self.workbook_label.setText("No workbook open")
        else:
            self.stack.setCurrentIndex(max(self.nav.currentRow(), 0))
            self.setWindowTitle(f"{workbook.path.stem} — {APP_NAME}")
            self.workbook_label.setText(f"Workbook: {workbook.path}")

    # -- File menu -----------------------------------------------------------------

    def _start_folder(self) -> Path:
        return self.workbook.path.parent if self.workbook else Path.home()

    def new_workbook(self) -> None:
        path = file_dialogs.ask_new_workbook(self, self._start_folder() / "New Hire.hiringdesk")
        if path is not None:
            self.create_path(path)

    def open_workbook_dialog(self) -> None:
        path = file_dialogs.ask_open_workbook(self, self._start_folder())
        if path is not None:
            self.open_path(path)

    def save_copy(self) -> None:
        if self.workbook is None:
            return
        start = self.workbook.path.with_name(f"{self.workbook.path.stem} copy.hiringdesk")
        path = file_dialogs.ask_save_copy(self, start)
        if path is None:
            return
        workbook = self.workbook

        def save() -> Path:
            try:
                return workbooks.save_copy(workbook, workbooks.with_suffix(path))
            except WorkbookError as exc:  # worded: a refusal, not a crash
                raise ServiceError(str(exc)) from exc

        written = run_operation(self, save, failure_title="Cannot Save a Copy")
        if written is None:
            return
        self.statusBar().showMessage(f"Saved a copy as {written}", 8000)

    def show_backups(self) -> None:
        if self.workbook is not None:
            dialog = BackupsDialog(self.workbook, self.restore_backup, self)
            dialog.exec()
            dialog.deleteLater()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>An offline hiring workbook: a role's requirements, its job description, "
            "every candidate, interviews and offers, in one file on your computer.</p>"
            "<p>No server and no account: nothing leaves this computer.</p>",
        )

    # -- closing -------------------------------------------------------------------

    def _may_leave_workbook(self, doing: str) -> bool:
        """False if the person wants to keep unsaved company-profile edits."""
        team_page = self.pages["team"]
        assert isinstance(team_page, TeamCompanyPage)
        if not team_page.company.is_dirty:
            return True
        return messages.confirm(
            self,
            "Unsaved Company Profile",
            f"The company profile has changes that are not saved. {doing} without saving them?",
            f"{doing} Without Saving",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_workbook("Quit"):
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        if self.workbook is not None:
            self.backup_keeper.on_close(self.workbook)
            self.workbook.close()
            self.workbook = None
        event.accept()
