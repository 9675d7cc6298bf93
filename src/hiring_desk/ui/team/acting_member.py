"""Acting as: which team member is at the keyboard, for the workbook's activity log.

The choice is remembered per workbook in the settings file, and handed to
``services.audit.set_acting_member``, which puts it on the open workbook handle;
every change made through that handle is then recorded under this member. It is
asked once, when a workbook with team members is opened and nobody has been
chosen for it yet; the combo in the status bar changes it at any time.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.team import team_members
from hiring_desk.services.team.team_members import MemberInfo
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.permissions import signed_in_text
from hiring_desk.ui.settings import NOBODY, Settings
from hiring_desk.ui.widgets import plain_label

_NOBODY_LABEL = "nobody chosen"


def _label(member: MemberInfo) -> str:
    return f"{member.name} ({member.title})" if member.title else member.name


class ActingMemberDialog(QDialog):
    """Who is using Hiring Desk? Asked when a workbook with a team is opened."""

    def __init__(self, parent: QWidget | None, members: list[MemberInfo]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who Is Using Hiring Desk?")
        text = plain_label(
            "Choose yourself from the team. The workbook's activity log records which team "
            "member made each change; it never records candidates' details. You can change "
            "this later in the status bar."
        )
        self.choices = QComboBox()
        self.choices.setObjectName("acting_member_choice")
        for member in members:
            self.choices.addItem(_label(member), member.id)
        buttons = QDialogButtonBox()
        buttons.addButton("Continue", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def choose(cls, parent: QWidget | None, members: list[MemberInfo]) -> tuple[int | None, bool]:
        """(the chosen member's id, whether the person chose rather than skipped)."""
        dialog = cls(parent, members)
        accepted = run_modal(dialog) == QDialog.DialogCode.Accepted
        member_id = dialog.choices.currentData()
        return (int(member_id) if accepted and member_id is not None else None), accepted


def ask_who_is_acting(parent: QWidget | None, members: list[MemberInfo]) -> int | None:
    """The member chosen at start-up, or None if the person skipped. Tests patch this."""
    member_id, accepted = ActingMemberDialog.choose(parent, members)
    return member_id if accepted else None


class SignedInLabel(QLabel):
    """ "Signed in as Priya Raman (priya) · Interviewer": on a team workbook, instead of
    Acting as (the server knows who is signed in; nobody chooses)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signed_in")
        self.setToolTip("Who this window is signed in as, and their role on the team")
        self.setVisible(False)

    def set_workbook(self, workbook: Workbook | None) -> None:
        team = workbook is not None and workbook.access is not None
        self.setText(signed_in_text(workbook) if workbook is not None and team else "")
        self.setVisible(team)


class ActingMemberBox(QWidget):
    """ "Acting as: [member]" for the status bar, bound to the open workbook."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._workbook: Workbook | None = None
        label = QLabel("Acting as:")
        self.combo = QComboBox()
        self.combo.setObjectName("acting_member")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setToolTip(
            "The team member the activity log records for changes made in this window"
        )
        label.setBuddy(self.combo)
        self.combo.activated.connect(self._chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.setVisible(False)

    def set_workbook(self, workbook: Workbook | None, *, ask: bool = False) -> None:
        """Show ``workbook``'s team and use the remembered member (asked first if ``ask``).

        Not on a team workbook: there the sign-in says who acts (``SignedInLabel``).
        """
        if workbook is not None and workbook.access is not None:
            workbook = None
        self._workbook = workbook
        self.setVisible(workbook is not None)
        if workbook is None:
            return
        members = team_members.list_members(workbook)
        ids = {m.id for m in members}
        remembered = self._settings.acting_member(workbook.location)
        if remembered not in ids and remembered != NOBODY:
            remembered = None  # never chosen, or that member has been removed
        if remembered is None and members and ask:
            chosen = ask_who_is_acting(self.window(), members)
            remembered = chosen if chosen in ids else NOBODY
            self._settings.set_acting_member(workbook.location, remembered)
        self._fill(members, remembered if remembered in ids else None)

    def reload(self) -> None:
        """The team changed: list it again, keeping the member if they are still there."""
        if self._workbook is None:
            return
        members = team_members.list_members(self._workbook)
        current = self.current_member_id()
        self._fill(members, current if current in {m.id for m in members} else None)

    def current_member_id(self) -> int | None:
        data = self.combo.currentData()
        return int(data) if data is not None else None

    def _fill(self, members: list[MemberInfo], member_id: int | None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(_NOBODY_LABEL, None)
        for member in members:
            self.combo.addItem(_label(member), member.id)
        self.combo.setCurrentIndex(max(self.combo.findData(member_id), 0))
        self.combo.setEnabled(bool(members))
        self.combo.blockSignals(False)
        self.combo.updateGeometry()  # the status bar makes room for the longest name
        self._use(member_id)

    def _chosen(self, index: int) -> None:
        if self._workbook is None:
            return
        data = self.combo.itemData(index)
        member_id = int(data) if data is not None else None
        self._settings.set_acting_member(self._workbook.location, member_id or NOBODY)
        self._use(member_id)

    def _use(self, member_id: int | None) -> None:
        if self._workbook is None:
            return
        try:
            audit.set_acting_member(self._workbook, member_id)
        except NotFoundError:  # removed in the meantime
            audit.set_acting_member(self._workbook, None)
            self.reload()
