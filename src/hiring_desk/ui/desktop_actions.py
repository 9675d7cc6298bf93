"""The window's Edit menu and the desktop conventions around it.

Edit ▸ Undo / Redo (the window's undo history), Find (the candidate search),
Preferences; View ▸ Refresh; Help ▸ User Guide (F1: the guide at the section for
the area in view, ``ui.help_topics``) and Keyboard Shortcuts… (Ctrl+/). Each uses the
platform's standard keys where there are some (``ui.shortcuts.standard_keys``).
The main window owns the workbook; this object acts on its pages and clears the
undo history whenever the workbook changes.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStatusBar, QWidget

from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.services.workbook.undo import Restored
from hiring_desk.ui import help_topics
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.candidates import candidate_actions, candidate_emails
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.changes import Change, change_hub
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.roles.roles_page import RolesPage
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.shortcuts import ShortcutsDialog, collect, make_action, standard_keys
from hiring_desk.ui.team.team_company_page import TeamCompanyPage
from hiring_desk.ui.workbook.undo_stack import UndoHistory


class ActionsWindow(Protocol):
    """What these actions use of the main window (which they do not import)."""

    workbook: Workbook | None
    settings: Settings
    pages: dict[str, QWidget]

    def statusBar(self) -> QStatusBar: ...
    def show_area(self, key: str) -> None: ...
    def current_area(self) -> str | None: ...
    def _may_leave_workbook(self, doing: str) -> bool: ...


Keys = QKeySequence.StandardKey
PageType = TypeVar("PageType", bound=QWidget)


class DesktopActions(QObject):
    def __init__(self, window: ActionsWindow) -> None:
        assert isinstance(window, QMainWindow)
        super().__init__(window)
        self._window = window
        self._main: QMainWindow = window  # the parent of the actions and dialogs
        self.history = UndoHistory(window)
        self.history.restored.connect(self.show_restored)
        self.undo_action, self.redo_action = self.history.make_actions()
        self.find_action = make_action(
            self._window,
            "&Find Candidates",
            self.find_candidates,
            standard_keys(Keys.Find, "Ctrl+F"),
        )
        self.find_action.setStatusTip("Search names, emails, skills, notes and CVs")
        self.preferences_action = make_action(
            self._window,
            "Pr&eferences…",
            self.show_preferences,
            standard_keys(Keys.Preferences, "Ctrl+,"),
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.refresh_action = make_action(
            self._window, "&Refresh", self.refresh, standard_keys(Keys.Refresh, "F5")
        )
        self.guide_action = make_action(
            self._window,
            "&User Guide",
            self.show_guide,
            standard_keys(Keys.HelpContents, "F1"),
        )
        self.guide_action.setStatusTip("Open the guide at the section for this page")
        self.shortcuts_action = make_action(
            self._window, "&Keyboard Shortcuts…", self.show_shortcuts, "Ctrl+/"
        )
        #: What works only with a workbook open.
        self._with_workbook: list[QAction] = [self.find_action, self.refresh_action]

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        menu.addAction(self.find_action)
        menu.addSeparator()
        menu.addAction(self.preferences_action)

    def make_import_menu(self) -> QMenu:
        """File ▸ Import: candidates from a CSV file, applications received by email."""
        menu = QMenu("&Import", self._main)
        menu.setObjectName("import_menu")
        self.import_csv_action = menu.addAction("&Candidates from CSV…", self.import_csv)
        self.import_email_action = menu.addAction("&Applications from Email…", self.import_email)
        self.import_email_action.setStatusTip("Saved email (.eml) or mailboxes (.mbox)")
        self._with_workbook += [self.import_csv_action, self.import_email_action]
        return menu

    def workbook_changed(self, workbook: Workbook | None) -> None:
        """A workbook was opened, switched or closed: forget what could be undone."""
        self.history.clear()
        for action in self._with_workbook:
            action.setEnabled(workbook is not None)

    def _page(self, key: str, kind: type[PageType]) -> PageType:
        page = self._window.pages[key]
        assert isinstance(page, kind)
        return page

    def places(self) -> list[tuple[str, QWidget]]:
        """(label, page) of each area, for the shortcut list."""
        return [(label, self._window.pages[key]) for key, label, _icon in AREAS]

    # -- the actions -------------------------------------------------------------------

    def find_candidates(self) -> None:
        """Go to the Candidates area with the search box focused and its text selected."""
        window = self._window
        if window.workbook is None:
            return
        window.show_area("candidates")
        search = self._page("candidates", CandidatesPage).filters.search
        search.setFocus()
        search.selectAll()

    def import_csv(self) -> None:
        if self._window.workbook is not None:
            self._window.show_area("candidates")
            candidate_actions.import_csv(self._page("candidates", CandidatesPage))

    def import_email(self) -> None:
        if self._window.workbook is not None:
            self._window.show_area("candidates")
            candidate_emails.import_email(self._page("candidates", CandidatesPage))

    def refresh(self) -> None:
        """Read everything again from the workbook: every page refreshes what it shows
        (the one in view now, the others when next shown)."""
        window = self._window
        if window.workbook is not None:
            change_hub().announce(Change.EVERYTHING, window)

    def show_restored(self, restored: Restored, step: str) -> None:
        """After an undo (the pages have refreshed): show the record that came back."""
        window = self._window
        if restored.candidate_id is not None:
            window.show_area("candidates")
            self._page("candidates", CandidatesPage).show_candidate(restored.candidate_id)
        elif restored.table == "role":
            window.show_area("roles")
            self._page("roles", RolesPage).refresh(select_id=restored.row_id)
        elif restored.table in ("team_member", "rejection_reason"):
            window.show_area("team")
            team_page = self._page("team", TeamCompanyPage)
            tab = team_page.team if restored.table == "team_member" else team_page.reasons
            team_page.tabs.setCurrentWidget(tab)
        window.statusBar().showMessage(f"Undone: {step}", 6000)

    def show_preferences(self) -> None:
        from hiring_desk.ui.preferences.preferences_dialog import PreferencesDialog

        window = self._window
        if window.workbook is not None and not window._may_leave_workbook("Open Preferences"):
            return
        dialog = PreferencesDialog(window.workbook, window.settings, window)
        if run_modal(dialog) and dialog.saved:  # the pages follow Change.PREFERENCES on the hub
            window.statusBar().showMessage("Preferences saved", 5000)

    def show_guide(self) -> None:
        """Help ▸ User Guide: the section for the area in view (the first page with no
        workbook open)."""
        help_topics.open_guide(help_topics.topic_of_area(self._window.current_area()))

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(collect(self._main, self.places()), self._main)
        run_modal(dialog)
