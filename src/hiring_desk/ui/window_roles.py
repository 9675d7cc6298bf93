"""The main window follows the signed-in person's role (issue #23): the areas they may
not use are not in the navigation, the View menu or its Ctrl+number shortcuts; the
workbook's own actions (backups, Save a Copy, Move to Team Server) are an admin's;
File ▸ Change My Password… is there on a team workbook only. On a workbook file
everything is offered, as before.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QWidget

from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.permissions import Permission, apply_permission, area_shown
from hiring_desk.ui.team.acting_member import SignedInLabel


class RoleWindow(Protocol):
    """What this uses of the main window."""

    nav: QListWidget
    area_actions: list[QAction]
    save_copy_action: QAction
    move_action: QAction
    backups_action: QAction
    password_action: QAction
    signed_in: SignedInLabel


def shown_areas(workbook: Workbook | None) -> list[str]:
    """The keys of the areas the navigation offers on ``workbook``."""
    return [key for key, _label, _icon in AREAS if area_shown(workbook, key)]


def follow_role(window: RoleWindow, workbook: Workbook | None) -> None:
    """Show and enable what the person signed in to ``workbook`` may use."""
    shown = shown_areas(workbook)
    for row, (key, _label, _icon) in enumerate(AREAS):
        item = window.nav.item(row)
        if item is not None:
            item.setHidden(key not in shown)
        action = window.area_actions[row]
        action.setVisible(key in shown)  # a hidden action's shortcut does nothing
        action.setEnabled(workbook is not None and key in shown)
    current = window.nav.currentRow()
    if workbook is not None and current >= 0 and AREAS[current][0] not in shown:
        window.nav.setCurrentRow(0)  # Today: every role has it
    for action in (window.save_copy_action, window.move_action, window.backups_action):
        apply_permission(action, workbook, Permission.WORKBOOK, enabled=workbook is not None)
    window.password_action.setVisible(workbook is not None and workbook.access is not None)
    window.signed_in.set_workbook(workbook)


def change_password(parent: QWidget, workbook: Workbook | None) -> None:
    """File ▸ Change My Password…"""
    from hiring_desk.ui.team.password_dialog import PasswordDialog

    if workbook is None or workbook.access is None:
        return
    dialog = PasswordDialog(workbook, parent)
    run_modal(dialog)
