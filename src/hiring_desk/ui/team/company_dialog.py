"""The company profile in a dialog of its own, for where a document needs something from it.

A letter that cannot print without the company's address (or name, or
signatory) opens this at the field that is missing; Save keeps the profile
and closes, so the caller can check the letter again.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.team.company_page import CompanyPage
from hiring_desk.ui.widgets import save_cancel


class CompanyDialog(QDialog):
    """The profile form (the one the Team & Company page shows), with Save and Cancel."""

    def __init__(
        self, workbook: Workbook, parent: QWidget | None = None, focus: str = "address"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("company_dialog")
        self.setWindowTitle("Company Profile")
        self.page = CompanyPage(self)
        self.page.set_workbook(workbook)
        self.page.save_button.hide()  # the dialog's own Save does it
        self.page.revert_button.hide()
        self.buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(self.buttons)
        self.first_field: QWidget = {
            "name": self.page.name_edit,
            "signatory": self.page.signatory_combo,
        }.get(focus, self.page.address_edit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_field.setFocus()  # where the missing value goes

    def save(self) -> None:
        """Save the profile and close; a refused value stays shown under its field."""
        if self.page.save():
            self.accept()
