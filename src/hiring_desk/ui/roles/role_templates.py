"""Choosing where a new role starts: a built-in job-description template, or blank."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.roles import jd_templates
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.ui.theme import SPACE_S
from hiring_desk.ui.widgets import plain_label

#: The list entry that starts from nothing.
BLANK = ""


class RoleTemplateDialog(QDialog):
    """Lists the templates; ``start(currency)`` is the brief the chosen one begins."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("role_template_dialog")
        self.setWindowTitle("New Role from a Template")
        self._templates = {t.key: t for t in jd_templates.builtin_templates()}
        intro = plain_label(
            "A template fills in the title and level now, and is the one offered first "
            "when you write the job description. You can change everything afterwards.",
            "role_template_intro",
        )
        self.choices = QListWidget()
        self.choices.setObjectName("role_templates")
        self.choices.setAccessibleName("Templates")
        self.choices.setSpacing(2)
        for template in self._templates.values():
            item = QListWidgetItem(f"{template.name}\n{template.description}")
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            self.choices.addItem(item)
        blank = QListWidgetItem("A blank role\nStart from an empty brief.")
        blank.setData(Qt.ItemDataRole.UserRole, BLANK)
        self.choices.addItem(blank)
        self.choices.setCurrentRow(0)
        self.choices.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Continue…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_S)
        layout.addWidget(intro)
        layout.addWidget(self.choices, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def chosen_key(self) -> str:
        item = self.choices.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else BLANK

    def start(self, currency: str) -> RoleBrief:
        """The brief a new role begins with, in the workbook's ``currency``."""
        template = self._templates.get(self.chosen_key())
        if template is None:
            return RoleBrief(title="", salary_currency=currency)
        return RoleBrief(
            title=template.name,
            seniority=template.seniority,
            salary_currency=currency,
            template_key=template.key,
        )
