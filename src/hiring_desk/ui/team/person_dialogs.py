"""The dialogs of the People Who Sign In tab: adding a person (name, login, role),
the one-time password made for them (shown once, with Copy), and another role."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import TeamRole
from hiring_desk.services.team import team_access
from hiring_desk.services.team.team_access import Added
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError, name_from_labels, show_field_errors
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import choice_combo, plain_label, save_cancel, select_data

#: What each role may do, in a line, for the role choices.
ROLE_NOTES = {
    TeamRole.ADMIN: "everything, the team and the company profile too",
    TeamRole.RECRUITER: "candidates, the pipeline, interviews, offers and email",
    TeamRole.HIRING_MANAGER: "the pipeline and offers of the roles they manage",
    TeamRole.INTERVIEWER: "their own candidates' interviews and scorecards; no salaries",
}


def role_combo(name: str, chosen: TeamRole = TeamRole.INTERVIEWER) -> QComboBox:
    combo = choice_combo(
        [(role.value, f"{role.label}: {ROLE_NOTES[role]}") for role in TeamRole], name
    )
    select_data(combo, chosen.value)
    return combo


class AddPersonDialog(FormDialog):
    """Name, login and role of someone who is to sign in; ``added`` once saved."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add Person")
        self._workbook = workbook
        self.added: Added | None = None
        intro = plain_label(
            "They sign in to this team workbook with their own login. A login the server "
            "does not have yet is made with a one-time password, shown once after this."
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("person_name")
        self.name_edit.setPlaceholderText("e.g. Maria Keane")
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("person_login")
        self.login_edit.setPlaceholderText("e.g. mkeane")
        self.role_combo = role_combo("person_role")
        self._fields = {
            "name": FieldWithError(self.name_edit),
            "login": FieldWithError(self.login_edit),
            "role": FieldWithError(self.role_combo),
        }
        form = QFormLayout()
        form.addRow("&Name:", self._fields["name"])
        form.addRow("&Login:", self._fields["login"])
        form.addRow("&Role:", self._fields["role"])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(save_cancel(self))
        self.setMinimumWidth(520)
        name_from_labels(self)

    def accept(self) -> None:
        for field in self._fields.values():
            field.set_error(None)
        workbook = self._workbook
        name, login = self.name_edit.text(), self.login_edit.text()
        role = str(self.role_combo.currentData())
        added = run_operation(
            self,
            lambda: team_access.add_person(workbook, name, login, role),
            changes=Change.TEAM,
            failure_title="Person Not Added",
            on_invalid=self._show_errors,
        )
        if added is not None:
            self.added = added
            super().accept()

    def _show_errors(self, exc: ValidationError) -> None:
        show_field_errors(self._fields, exc.errors)


class OneTimePasswordDialog(QDialog):
    """The password made for a new login: shown this once, to hand over."""

    def __init__(self, name: str, login: str, password: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("One-Time Password")
        self.password = password
        text = plain_label(
            f"{name} signs in as {login} with this password. It is shown only now: "
            "give it to them in person or by a private message. They should change it "
            "when they first sign in (File ▸ Change My Password…)."
        )
        self.password_label = plain_label(password, "one_time_password", selectable=True)
        self.password_label.setAccessibleName("One-time password")
        font = self.password_label.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.password_label.setFont(font)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setObjectName("copy_password")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password)
        self.copy_button.setText("Copied")


class ChangeRoleDialog(QDialog):
    """Another role for someone: ``chosen`` once accepted."""

    def __init__(self, name: str, role: TeamRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change Role")
        self.combo = role_combo("new_role", role)
        form = QFormLayout()
        label = plain_label(f"Role of {name}:", wrap=False)
        label.setBuddy(self.combo)
        self.combo.setAccessibleName("Role")
        form.addRow(label, self.combo)
        note = plain_label(
            "The server holds them to it from now on; their window follows it the next "
            "time they open the workbook."
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        name_from_labels(self)

    @property
    def chosen(self) -> TeamRole:
        return TeamRole(str(self.combo.currentData()))
