"""The main window's menu bar: its actions (the workbook's under File, the areas'
under View, About under Help) and the menus that hold them. The pages add their own
(Edit's undo, the Help guide, View ▸ Appearance) when they are built."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from hiring_desk import APP_NAME, __version__
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.shortcuts import make_action, standard_keys
from hiring_desk.ui.workbook.recent_menu import RecentMenu

if TYPE_CHECKING:
    from hiring_desk.services.workbook.opening import Workbook
    from hiring_desk.ui.desktop_actions import DesktopActions
    from hiring_desk.ui.settings import Settings


class MenuBarWindow(QMainWindow):
    """The main window's menu-bar layer (``MainWindow`` builds on it): the actions and
    menus it sets up, and the window's own steps they call, which ``MainWindow`` has."""

    settings: Settings
    workbook: Workbook | None

    new_action: QAction
    open_action: QAction
    close_action: QAction
    connect_action: QAction
    save_copy_action: QAction
    backups_action: QAction
    move_action: QAction
    password_action: QAction
    quit_action: QAction
    about_action: QAction
    area_actions: list[QAction]
    recent_menu: RecentMenu
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu

    # -- what MainWindow has ------------------------------------------------------------

    def _switcher(self) -> Any:
        raise NotImplementedError

    def close_workbook(self) -> None:
        raise NotImplementedError

    def show_area(self, key: str) -> None:
        raise NotImplementedError

    def change_password(self) -> None:
        """File ▸ Change My Password… (a team workbook's)."""
        from hiring_desk.ui.window_roles import change_password

        change_password(self, self.workbook)

    # -- building -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        """The self's own actions: the workbook's (File), the areas' (View), About."""
        keys = QKeySequence.StandardKey
        self.new_action = make_action(
            self, "&New Workbook…", lambda: self._switcher().new_workbook(), keys.New
        )
        self.close_action = make_action(
            self, "C&lose Workbook", self.close_workbook, standard_keys(keys.Close, "Ctrl+W")
        )
        self.open_action = make_action(
            self, "&Open…", lambda: self._switcher().open_workbook_dialog(), keys.Open
        )
        self.connect_action = make_action(
            self, "Connect to &Team Workbook…", lambda: self._switcher().connect_to_team_workbook()
        )
        self.save_copy_action = make_action(
            self,
            "Save a &Copy…",
            lambda: self._switcher().save_copy(),
            standard_keys(keys.SaveAs, "Ctrl+Shift+S"),
        )
        self.backups_action = make_action(
            self, "&Backups…", lambda: self._switcher().show_backups()
        )
        self.move_action = make_action(
            self, "Move to Team &Server…", lambda: self._switcher().move_to_server()
        )
        self.password_action = make_action(
            self, "Change My &Password…", lambda: self.change_password()
        )
        self.password_action.setObjectName("change_password")
        self.password_action.setVisible(False)  # on a team workbook only (window_roles)
        self.quit_action = make_action(
            self, "&Quit", self.close, standard_keys(keys.Quit, "Ctrl+Q")
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = make_action(self, f"&About {APP_NAME}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.area_actions = []
        for number, (key, label, _icon) in enumerate(AREAS, start=1):
            text = f"&{number} {label.replace('&', '&&')}"  # "Team && Company": no mnemonic
            action = make_action(self, text, functools.partial(self.show_area, key))
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.setObjectName(f"go_{key}")
            self.area_actions.append(action)

    def _build_menus(self) -> None:
        """File, Edit (filled when the pages are built), View and Help."""
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentMenu(self.settings, self)
        self.recent_menu.open_requested.connect(lambda at: self._switcher().open_location(at))
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.connect_action)
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_copy_action)
        file_menu.addAction(self.move_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.password_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("&Edit")  # filled by _fill_menus
        self.view_menu = bar.addMenu("&View")
        for action in self.area_actions:
            self.view_menu.addAction(action)
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addAction(self.about_action)

    def _fill_menus(self, desktop: DesktopActions) -> None:
        """The entries that need the pages' machinery, added once it is built: Edit's
        undo and templates, File ▸ Import, View ▸ Appearance and Refresh, Help's guide."""
        from hiring_desk.ui.appearance_menu import add_appearance_menu
        from hiring_desk.ui.email.templates_dialog import open_email_templates

        desktop.fill_edit_menu(self.edit_menu)
        self.file_menu.insertMenu(self.save_copy_action, desktop.make_import_menu())
        self.edit_menu.addAction(
            "E&mail Templates...", lambda: open_email_templates(self, self.workbook)
        )
        self.view_menu.addSeparator()
        add_appearance_menu(self.view_menu, self.settings)
        self.view_menu.addAction(desktop.refresh_action)
        self.help_menu.insertActions(
            self.about_action, [desktop.guide_action, desktop.shortcuts_action]
        )

    def show_about(self) -> None:
        """Help ▸ About."""
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>An offline hiring workbook: a role's requirements, its job description, "
            "every candidate, interviews and offers, in one file on your computer.</p>"
            "<p>No server and no account: nothing leaves this computer.</p>",
        )
