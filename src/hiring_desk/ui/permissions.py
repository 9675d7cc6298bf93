"""The window follows the role: what the signed-in person may not do is not offered.

One helper for every page: ``apply_permission(target, workbook, permission)``
enables an action or widget (when the page would, ``enabled``) or disables it
with the reason as its tooltip ("You don't have permission to ... (your role:
Interviewer)."), giving back its own tooltip once it is allowed again. A
workbook file has no roles: everything is allowed there, as before. The server
enforces the same rules whatever the window offers (``store.access``); this only
spares people a refusal.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from hiring_desk.services.common.permissions import Permission, role_of, why_not
from hiring_desk.services.workbook.opening import Workbook

__all__ = ["Permission", "apply_permission", "area_shown", "refusal", "signed_in_text"]

#: The dynamic property keeping a target's own tooltip while a refusal replaces it.
_OWN_TOOLTIP = "hd_own_tooltip"


def refusal(
    workbook: Workbook | None, permission: Permission, *, role_id: int | None = None
) -> str | None:
    """Why the signed-in person may not do ``permission`` (None: they may, or no workbook)."""
    if workbook is None or workbook.access is None:
        return None
    if not workbook.access.role:  # a login the team list does not name
        return f"You don't have permission to {permission.value}: you are not on this team."
    return why_not(workbook, permission, role_id=role_id)


def apply_permission(
    target: QAction | QWidget,
    workbook: Workbook | None,
    permission: Permission,
    *,
    role_id: int | None = None,
    enabled: bool = True,
) -> bool:
    """Enable ``target`` if ``enabled`` and allowed; when refused, disable it with the
    reason as its tooltip. True when the person may do it."""
    reason = refusal(workbook, permission, role_id=role_id)
    own = target.property(_OWN_TOOLTIP)
    if reason is None:
        if own is not None:  # refused before: its own tooltip back
            target.setToolTip(str(own))
            target.setProperty(_OWN_TOOLTIP, None)
        target.setEnabled(enabled)
        return True
    if own is None:
        target.setProperty(_OWN_TOOLTIP, _own_tooltip(target))
    target.setToolTip(reason)
    if isinstance(target, QAction):
        target.setStatusTip(reason)
    target.setEnabled(False)
    return False


def _own_tooltip(target: QAction | QWidget) -> str:
    if isinstance(target, QAction) and target.toolTip() == target.text().replace("&", ""):
        return ""  # Qt's default tooltip for an action is its text: leave that default
    return target.toolTip()


def area_shown(workbook: Workbook | None, key: str) -> bool:
    """Whether the navigation offers area ``key`` to the signed-in person: Offers not
    to an interviewer (a hiring manager sees their own roles' offers), Reports only
    to whom may see them."""
    if workbook is None or workbook.access is None:
        return True
    if key == "offers":
        from hiring_desk.domain.team_roles import allows

        role = role_of(workbook) if workbook.access.role else None
        return role is not None and allows(role, Permission.OFFERS, manages_role=True)
    if key == "reports":
        return refusal(workbook, Permission.REPORTS) is None
    return True


def signed_in_text(workbook: Workbook) -> str:
    """ "Signed in as Priya Raman (priya) · Interviewer" for a team workbook's status bar."""
    access = workbook.access
    assert access is not None
    label = role_of(workbook).label if access.role else "not on the team"  # type: ignore[union-attr]
    if access.member_id is None:
        return f"Signed in as {access.login} · {label} (owner)"
    return f"Signed in as {access.who} · {label}"
