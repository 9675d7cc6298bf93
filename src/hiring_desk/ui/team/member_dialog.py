"""The dialog that adds or edits a team member."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.team.team_members import MemberInfo
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError, name_from_labels, show_field_errors
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import save_cancel

SaveMember = Callable[[str, str, str], MemberInfo]


class MemberDialog(FormDialog):
    """Collects name, title and email; ``save`` is called on OK and may refuse."""

    def __init__(
        self, parent: QWidget | None, save: SaveMember, member: MemberInfo | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Team Member" if member else "Add Team Member")
        self._save = save
        self.saved: MemberInfo | None = None
        self.name_edit = QLineEdit(member.name if member else "")
        self.name_edit.setObjectName("member_name")
        self.name_edit.setPlaceholderText("e.g. Maria Keane")
        self.title_edit = QLineEdit(member.title if member else "")
        self.title_edit.setObjectName("member_title")
        self.title_edit.setPlaceholderText("e.g. Engineering Lead")
        self.email_edit = QLineEdit(member.email if member else "")
        self.email_edit.setObjectName("member_email")
        self.email_edit.setPlaceholderText("name@company.com")
        self._fields = {
            "name": FieldWithError(self.name_edit),
            "title": FieldWithError(self.title_edit),
            "email": FieldWithError(self.email_edit),
        }
        form = QFormLayout()
        form.addRow("&Name:", self._fields["name"])
        form.addRow("&Title:", self._fields["title"])
        form.addRow("&Email:", self._fields["email"])
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        name_from_labels(self)

    def accept(self) -> None:
        for field in self._fields.values():
            field.set_error(None)
        saved = run_operation(
            self,
            lambda: self._save(
                self.name_edit.text(), self.title_edit.text(), self.email_edit.text()
            ),
            changes=Change.TEAM,
            failure_title="Member Not Saved",
            on_invalid=self._show_errors,
        )
        if saved is not None:
            self.saved = saved
            super().accept()

    def _show_errors(self, exc: ValidationError) -> None:
        show_field_errors(self._fields, exc.errors)
