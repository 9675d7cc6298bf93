"""File ▸ Change My Password… on a team workbook: the signed-in person's new password,
typed twice (it replaces the one-time password an admin handed them)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.team import team_access
from hiring_desk.services.workbook import passwords
from hiring_desk.services.workbook.locations import ServerAddress
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.forms import FieldWithError, name_from_labels, show_field_errors
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import save_cancel

#: The shortest password the dialog takes (the service checks it too).
SHORTEST = 8


class PasswordDialog(FormDialog):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change My Password")
        self._workbook = workbook
        access = workbook.access
        who = access.who if access is not None else ""
        intro = QLabel(
            f"A new password for {who} on this server. You sign in with it from now "
            f"on, here and wherever else you open team workbooks. At least {SHORTEST} "
            "characters."
        )
        intro.setWordWrap(True)
        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("new_password")
        self.again_edit = QLineEdit()
        self.again_edit.setObjectName("new_password_again")
        for edit in (self.new_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._fields = {
            "password": FieldWithError(self.new_edit),
            "again": FieldWithError(self.again_edit),
        }
        form = QFormLayout()
        form.addRow("&New password:", self._fields["password"])
        form.addRow("&Type it again:", self._fields["again"])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(save_cancel(self))
        self.setMinimumWidth(440)
        name_from_labels(self)

    def accept(self) -> None:
        for field in self._fields.values():
            field.set_error(None)
        password = self.new_edit.text()
        if len(password) < SHORTEST:
            self._show_errors(
                ValidationError({"password": f"needs at least {SHORTEST} characters"})
            )
            return
        if self.again_edit.text() != password:
            self._show_errors(ValidationError({"again": "is not the same as the new password"}))
            return
        workbook = self._workbook

        def change() -> bool:
            team_access.change_password(workbook, password)
            address = workbook.location
            if isinstance(address, ServerAddress) and passwords.remembered_password(address):
                passwords.remember_password(address, password)  # the keyring keeps the new one
            return True

        done = run_operation(
            self,
            change,
            failure_title="Password Not Changed",
            on_invalid=self._show_errors,
        )
        if done:
            super().accept()
            messages.show_info(
                self.parentWidget(),
                "Password Changed",
                "Your password is changed. Sign in with the new one from now on.",
            )

    def _show_errors(self, exc: ValidationError) -> None:
        show_field_errors(self._fields, exc.errors)
