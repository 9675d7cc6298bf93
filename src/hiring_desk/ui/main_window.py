"""The main window: navigation between the areas, the menus, the status bar. Which
workbook is open, and opening, creating, restoring and closing one: ``workbook_switching``.

The window is built in two steps so that it paints at once: the shell (menus, the
navigation, an empty page area, the status line) needs only Qt and a few light
helpers; the welcome page, the areas' frames, the status-bar widgets, the Edit menu
and everything that imports the services (and with them SQLAlchemy) are imported and
built by ``finish_building``, which the start-up calls on the turn after the first
paint (``app.py``) and ``open_initial`` calls if nobody did. Each area's page is
built when first shown or looked up in ``pages``. ``tests/ui/test_startup_imports``
checks what is loaded when the window first paints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import APP_NAME
from hiring_desk.ui import messages
from hiring_desk.ui.areas import AREAS, NAV_STYLE, LazyPages, build_area_page
from hiring_desk.ui.early_area import EarlyArea
from hiring_desk.ui.icons import icon
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.window_menus import MenuBarWindow

if TYPE_CHECKING:
    from hiring_desk.services.workbook.locations import Location
    from hiring_desk.services.workbook.opening import Workbook
    from hiring_desk.ui.changes import Change
    from hiring_desk.ui.workbook.pending_open import PendingOpen
    from hiring_desk.ui.workbook_switching import WorkbookSwitcher


@runtime_checkable
class Page(Protocol):
    def set_workbook(self, workbook: Workbook | None) -> None: ...


#: The window's size on a first start (fits a 1366x768 laptop screen with its panel).
FIRST_SIZE = (1100, 700)


class MainWindow(MenuBarWindow):
    def __init__(self, settings: Settings, *, deferred: bool = False) -> None:
        """Build the window; with ``deferred``, only its shell (see the module's note)."""
        super().__init__()
        self.settings = settings
        self.workbook: Workbook | None = None
        self.pages: dict[str, QWidget] = LazyPages(self._build_page)  # built when first used
        self._built = False
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(720, 480))
        self._build_actions()
        self._build_menus()
        self._build_body()
        self._early = EarlyArea(self, self.nav, self.stack, self._skeleton, settings)
        self._build_status_bar()
        self._show_shell_state()
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*FIRST_SIZE)
        if not deferred:
            self.finish_building()

    def finish_building(self) -> None:
        """Import and build the pages, the Edit menu and the status-bar widgets (once)."""
        if self._built:
            return
        self._built = True
        from hiring_desk.ui.desktop_actions import DesktopActions
        from hiring_desk.ui.privacy.retention_review import RetentionNotice
        from hiring_desk.ui.team.acting_member import ActingMemberBox, SignedInLabel
        from hiring_desk.ui.workbook.backups_dialog import BackupKeeper
        from hiring_desk.ui.workbook.location_notice import LocationNotice
        from hiring_desk.ui.workbook.welcome_page import WelcomePage
        from hiring_desk.ui.workbook_switching import WorkbookSwitcher

        self.switcher = WorkbookSwitcher(self)
        self.desktop = DesktopActions(self)  # Edit menu, Refresh, Keyboard Shortcuts, undo
        self._fill_menus(self.desktop)
        self._build_pages()
        self.welcome = WelcomePage(self.new_action, self.open_action)
        self.welcome.sample_requested.connect(self.switcher.open_sample_workbook)
        self.welcome.start_requested.connect(lambda: self.show_area("team"))
        self.stack.addWidget(self.welcome)
        self.stack.removeWidget(self._skeleton)
        self._skeleton.deleteLater()
        self.retention_notice = RetentionNotice()
        self._column.insertWidget(0, self.retention_notice)
        self.location_notice = LocationNotice(self.settings)
        self.statusBar().addPermanentWidget(self.location_notice)
        self.acting_member = ActingMemberBox(self.settings)
        self.statusBar().addPermanentWidget(self.acting_member)
        self.signed_in = SignedInLabel()  # instead of Acting as, on a team workbook
        self.statusBar().addPermanentWidget(self.signed_in)
        self.backup_keeper = BackupKeeper(self, lambda: self.workbook)
        self._show_workbook_state()

    def expect_workbook(self, path: Path | None) -> None:
        """The start-up is opening ``path`` (``ui.early_area``)."""
        if path is not None and not self._built:
            self._early.opening = path

    def show_last_area(self) -> None:
        """After the first paint, while the workbook named at start-up opens: go to the
        area shown last time and take clicks on the navigation (``ui.early_area``)."""
        self._early.show_last_area()

    def _switcher(self) -> WorkbookSwitcher:
        self.finish_building()
        return self.switcher

    # -- construction --------------------------------------------------------------

    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        # Set again, to follow the theme, once ``ui.theme`` is loaded (``_build_pages``).
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget()
        for _key, label, icon_name in AREAS:
            self.nav.addItem(QListWidgetItem(icon(icon_name), label))
        # Until the pages are built: the page area's frame, empty. (No ``Qt`` enums
        # here: PySide6 spends some 15 ms making them on first use.)
        self._skeleton = QLabel("Opening the workbook…")
        self._skeleton.setStyleSheet("qproperty-alignment: AlignCenter;")
        self._skeleton.setEnabled(False)
        self.stack.addWidget(self._skeleton)
        self.nav.currentRowChanged.connect(self._nav_changed)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        self._column = QVBoxLayout()
        self._column.addWidget(self.stack, 1)
        layout.addLayout(self._column, 1)
        self.setCentralWidget(body)

    def _build_pages(self) -> None:
        """Each area's frame (its title) in the stack; its page is built on first use."""
        from html import escape

        from PySide6.QtCore import Qt

        from hiring_desk.ui.theme import SPACE_S, TextRole, set_style, styled

        set_style(self.nav, NAV_STYLE)

        self._frames: dict[str, QVBoxLayout] = {}
        for index, (key, label, _icon) in enumerate(AREAS):
            frame = QWidget()
            column = QVBoxLayout(frame)
            column.setSpacing(SPACE_S)
            title = QLabel(escape(label))  # rich text: "Team & Company" shows its "&"
            title.setTextFormat(Qt.TextFormat.RichText)
            title.setObjectName(f"{key}_title")
            column.addWidget(styled(title, TextRole.PAGE_TITLE))
            self._frames[key] = column
            self.stack.insertWidget(index, frame)
        self._connect_window()

    def _build_page(self, key: str) -> QWidget:
        """Import and build the page of area ``key``, with the open workbook, in its frame.

        Only the areas someone looks at (or a request names) are built: a page not
        shown costs neither its imports nor its memory.
        """
        page = build_area_page(key)
        requests = {  # what a page may ask of the window
            "candidate_activated": self.show_candidate,
            "import_requested": self.import_candidates,
            "area_requested": self.show_area,
            "print_letter_requested": self.print_offer_letter,
            "record_requested": self.show_record,
        }
        for name, slot in requests.items():
            signal = getattr(page, name, None)
            if signal is not None:
                signal.connect(slot)
        self._frames[key].addWidget(page, 1)
        page.show()  # at once: a layout shows a widget added to a shown frame a turn later
        assert isinstance(page, Page)  # every area's page takes the open workbook
        page.set_workbook(self.workbook)
        return page

    def _connect_window(self) -> None:
        """What the window's status bar shows: the team (Acting as) and the candidates
        due for deletion.

        Pages do not refresh each other: each listens to the change hub
        (``ui.changes``) for what it shows; their requests to the window (show a
        candidate, print a letter) are connected as they are built.
        """
        from hiring_desk.ui.changes import Change, ChangeListener

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
        from hiring_desk.ui.changes import Change

        if self.workbook is None:
            return
        if changes & Change.TEAM:
            self.acting_member.reload()
        if changes & (Change.PRIVACY | Change.PREFERENCES):
            self.check_retention()  # the policy or a hold changed: the bar may appear
        elif changes & (Change.CANDIDATES | Change.APPLICATIONS):
            self.retention_notice.recheck()

    def print_offer_letter(self, offer_id: int) -> None:
        from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog

        if self.workbook is not None:
            dialog = OfferLetterDialog(self.workbook, offer_id, self)
            run_modal(dialog)

    def import_candidates(self) -> None:
        """Go to the Candidates area and import candidates from a CSV file there."""
        from hiring_desk.ui.candidates import candidate_actions
        from hiring_desk.ui.candidates.candidates_page import CandidatesPage

        self.show_area("candidates")
        page = self.pages["candidates"]
        assert isinstance(page, CandidatesPage)
        candidate_actions.import_csv(page)

    def show_candidate(self, candidate_id: int) -> None:
        """Go to the Candidates area with this candidate selected."""
        from hiring_desk.ui.candidates.candidates_page import CandidatesPage

        self.show_area("candidates")
        page = self.pages["candidates"]
        assert isinstance(page, CandidatesPage)
        page.show_candidate(candidate_id)

    def show_record(self, area: str, record_id: int) -> None:
        """Go to ``area`` (roles or offers) with the record ``record_id`` selected."""
        self.show_area(area)
        self.pages[area].refresh(select_id=record_id)  # type: ignore[attr-defined]

    def _build_status_bar(self) -> None:
        self.workbook_label = QLabel()
        self.workbook_label.setObjectName("workbook_label")
        self.statusBar().addWidget(self.workbook_label, 1)

    # -- areas ---------------------------------------------------------------------

    def show_area(self, key: str) -> None:
        """Go to area ``key`` (not one the signed-in person's role leaves out)."""
        from hiring_desk.ui.permissions import area_shown

        if self.workbook is None or not area_shown(self.workbook, key):
            return
        keys = [k for k, _label, _icon in AREAS]
        self.nav.setCurrentRow(keys.index(key))

    def current_area(self) -> str | None:
        if self.workbook is None:
            return None
        row = self.nav.currentRow()  # the navigation lists the areas in AREAS order
        return AREAS[row][0] if row >= 0 else None

    def _nav_changed(self, row: int) -> None:
        """Show an area, read again from the workbook (its changes announced while it was
        hidden included: it does not refresh twice)."""
        if row >= 0 and self.workbook is None and not self._built:
            self._early.show(AREAS[row][0])
        if row >= 0 and self.workbook is not None:
            from hiring_desk.ui.changes import forget_stale

            key = AREAS[row][0]
            self.settings.set_last_area(key)
            if key not in self.pages:  # built now, with the open workbook: read already
                self.pages[key]  # the lookup builds it
                self.stack.setCurrentIndex(row)
                return
            page = self.pages[key]
            forget_stale(page)
            self.stack.setCurrentIndex(row)
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()

    # -- workbook lifecycle (see WorkbookSwitcher) ---------------------------------

    def open_initial(self, path: Location | None, pending: PendingOpen | None = None) -> None:
        self._switcher().open_initial(path, pending)

    def open_path(self, path: Path) -> bool:
        return self._switcher().open_path(path)

    def close_workbook(self) -> None:
        self._switcher().close_workbook()

    def check_retention(self, *, background: bool = False) -> None:
        """Show the notice if anyone is due for deletion (computed from dates, so it is
        right even after months without use); with ``background`` (on open), counted
        on a worker thread while the page shows."""
        if background and self.workbook is not None:
            self.retention_notice.check_in_background(self.workbook)
        else:
            self.retention_notice.check(self.workbook)

    def _show_shell_state(self) -> None:
        """Before the pages are built: nothing open yet, nothing to act on."""
        for action in (
            self.save_copy_action,
            self.move_action,
            self.close_action,
            self.backups_action,
            *self.area_actions,
        ):
            action.setEnabled(False)
        self.nav.setEnabled(False)
        self.setWindowTitle(APP_NAME)
        self.workbook_label.setText("Opening…")

    def _show_workbook_state(self) -> None:
        workbook = self.workbook
        self._early.drop()  # the real page (or the welcome page) takes over
        self.desktop.workbook_changed(workbook)
        for page in self.pages.values():
            page.set_workbook(workbook)  # type: ignore[attr-defined]
        self.nav.setEnabled(workbook is not None)
        self.close_action.setEnabled(workbook is not None)
        from hiring_desk.ui.window_roles import follow_role

        follow_role(self, workbook)  # areas, actions, Signed in as: as the role allows
        if workbook is None:
            self.welcome.set_first_start(False)
            self.stack.setCurrentWidget(self.welcome)
            self.nav.clearSelection()
            self.setWindowTitle(APP_NAME)
            self.workbook_label.setText("No workbook open")
        else:
            self.stack.setCurrentIndex(max(self.nav.currentRow(), 0))
            from hiring_desk.ui.workbook.workbook_names import show_workbook_names

            show_workbook_names(self, self.workbook_label, workbook)

    # -- Help menu -----------------------------------------------------------------

    # -- closing -------------------------------------------------------------------

    def _may_leave_workbook(self, doing: str) -> bool:
        """False if the person wants to keep unsaved company-profile edits."""
        from hiring_desk.ui.team.team_company_page import TeamCompanyPage

        team_page = self.pages.get("team")  # not built: nothing edited
        if team_page is None:
            return True
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
