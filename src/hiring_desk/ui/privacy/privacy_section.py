"""The privacy section of a candidate's Profile tab.

It shows the consent on file and when the retention policy makes the candidate due
for deletion; its Privacy button opens a menu with Consent…, Keep Until…, Export
Data… and Erase… (the dialogs of ``privacy_dialogs``). Only an admin of a team
workbook may use it; a workbook file has no roles.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QVBoxLayout, QWidget

from hiring_desk import clock
from hiring_desk.domain.formatting import format_day
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.consent_retention import ErasureReport, PrivacyInfo
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.privacy.privacy_dialogs import (
    ConsentDialog,
    erase_confirmed,
    export_data,
    keep_candidate_until,
)
from hiring_desk.ui.widgets import plain_label


class PrivacySection(QWidget):
    """Consent and retention of one candidate, and the Privacy menu.

    ``changed`` is emitted after the consent, the hold or an erasure changed something.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_section")
        self._workbook: Workbook | None = None
        self._locale = "en_GB"
        self._name = ""
        self.info: PrivacyInfo | None = None
        self.consent = plain_label(name="privacy_consent")
        self.retention = plain_label(name="privacy_retention")
        self.button = QPushButton("Pr&ivacy")
        self.button.setObjectName("privacy_button")
        self.button.setToolTip("Consent, a hold, the data export and erasure for this candidate")
        self.menu = QMenu(self.button)
        self.consent_action = self.menu.addAction("&Consent…", self.edit_consent)
        self.keep_action = self.menu.addAction("&Keep Until…", self.keep_until)
        self.export_action = self.menu.addAction("E&xport Data…", self.export)
        self.menu.addSeparator()
        self.erase_action = self.menu.addAction("&Erase…", self.erase)
        self.button.setMenu(self.menu)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.consent)
        layout.addWidget(self.retention)
        layout.addLayout(row)

    def show_candidate(
        self, workbook: Workbook | None, candidate_id: int | None, name: str, locale: str
    ) -> None:
        self._workbook, self._name, self._locale = workbook, name, locale
        self.info = (
            consent_retention.privacy_info(workbook, candidate_id)
            if workbook is not None and candidate_id is not None
            else None
        )
        info = self.info
        apply_permission(self.button, workbook, Permission.PRIVACY, enabled=info is not None)
        if info is None:
            self.consent.clear()
            self.retention.clear()
            return
        erased = info.is_erased
        for action in (self.consent_action, self.keep_action, self.erase_action):
            action.setEnabled(not erased)
        self.consent.setText(self._consent_text(info))
        self.retention.setText(self._retention_text(info))

    def _consent_text(self, info: PrivacyInfo) -> str:
        if info.is_erased:
            assert info.erased_at is not None
            return f"Personal data erased on {format_day(info.erased_at.date(), self._locale)}."
        if not info.has_consent:
            return "No consent on file to keep them for future roles."
        until = format_day(info.consent_until, self._locale)
        given = format_day(info.consent_given_on, self._locale)
        how = ", ".join(part for part in (given and f"given {given}", info.consent_method) if part)
        how = f" ({how})" if how else ""
        if info.consent_until is None:  # no end date was recorded
            return f"Consent to keep on file{how}."
        if info.consent_until < clock.today():
            return f"Consent to keep on file ended on {until}{how}."
        return f"Consent to keep on file until {until}{how}."

    def _retention_text(self, info: PrivacyInfo) -> str:
        hold = ""
        if info.retain_until is not None:
            hold = f"Kept on hold until {format_day(info.retain_until, self._locale)}. "
        if info.is_erased:
            return ""
        if info.due is None:
            return hold + "Not due for deletion while they are in a hire or hired."
        when = format_day(info.due.since, self._locale)
        if info.due.since <= clock.today():
            return hold + f"Due for deletion since {when}: {info.due.why}"
        return hold + f"Due for deletion on {when} under the retention policy."

    # -- the menu -----------------------------------------------------------------------------

    def _target(self) -> tuple[Workbook, int] | None:
        if self._workbook is None or self.info is None:
            return None
        return self._workbook, self.info.candidate_id

    def edit_consent(self) -> None:
        target = self._target()
        if target is not None and ConsentDialog.ask(*target, self) is not None:
            self.changed.emit()

    def keep_until(self) -> None:
        target = self._target()
        if target is None or self.info is None:
            return
        if keep_candidate_until(self, *target, self._name, self.info.retain_until):
            self.changed.emit()

    def export(self) -> None:
        target = self._target()
        if target is None:
            return
        export_data(
            self,
            *target,
            self._name,
            lambda report: messages.show_info(
                self, "Data Exported", f"Everything held about the candidate is in {report.path}"
            ),
        )

    def erase(self) -> None:
        target = self._target()
        if target is not None:
            erase_confirmed(self, target[0], [(target[1], self._name)], self._erased)

    def _erased(self, _report: ErasureReport) -> None:
        self.changed.emit()
