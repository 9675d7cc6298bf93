"""Choosing a job-description template: fill a draft from it, and manage the user's own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.services.roles import jd_user_templates, job_descriptions
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import describe_errors
from hiring_desk.ui.operations import run_operation


class TemplatePicker(QWidget):
    """The template row of the job-description editor.

    ``drafted(text, key)`` is emitted with a fresh draft; ``message(text)`` with a
    status line for the editor.
    """

    drafted = Signal(str, str)
    message = Signal(str)

    def __init__(
        self,
        workbook: Workbook,
        role_id: int,
        brief: RoleBrief,
        *,
        current_text: Callable[[], str],
        may_replace: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workbook = workbook
        self._role_id = role_id
        self._brief = brief
        self._current_text = current_text
        self._may_replace = may_replace
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("jd_template")
        self.fill_button = QPushButton("&Fill from Template")
        self.fill_button.setObjectName("jd_fill")
        self.fill_button.setAutoDefault(False)
        self.fill_button.clicked.connect(self.fill_from_template)
        self.templates_button = QToolButton()
        self.templates_button.setText("Templates")
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.templates_button)
        self.save_template_action = menu.addAction("Save Text as &Template…", self.save_as_template)
        menu.addAction("&Import Template…", self.import_template)
        menu.addAction("&Export Selected Template…", self.export_template)
        self.delete_template_action = menu.addAction(
            "&Delete Selected Template", self.delete_template
        )
        self.templates_button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Template:"))
        layout.addWidget(self.template_combo, 1)
        layout.addWidget(self.fill_button)
        layout.addWidget(self.templates_button)
        self.template_combo.currentIndexChanged.connect(self._update_template_actions)
        self._fill_templates(brief.template_key)

    def _fill_templates(self, select: str | None) -> None:
        self.template_combo.clear()
        for choice in jd_user_templates.list_templates(self._workbook):
            label = choice.name if choice.built_in else f"{choice.name} (yours)"
            self.template_combo.addItem(label, choice.key)
            self.template_combo.setItemData(
                self.template_combo.count() - 1, choice.description, Qt.ItemDataRole.ToolTipRole
            )
        index = self.template_combo.findData(select) if select else -1
        default = workbook_preferences.default_jd_template(self._workbook)  # Edit ▸ Preferences
        if index < 0 and default is not None:
            index = self.template_combo.findData(default)
        if index < 0:
            index = self._best_template_index()
        self.template_combo.setCurrentIndex(max(index, 0))
        self._update_template_actions()

    def _best_template_index(self) -> int:
        """The built-in template whose name is the role's title, else one for its seniority."""
        title = self._brief.title.casefold()
        for i in range(self.template_combo.count()):
            if self.template_combo.itemText(i).casefold() == title:
                return i
        wanted = {"junior": "Junior", "senior": "Senior", "lead": "Lead"}.get(
            self._brief.seniority, ""
        )
        for i in range(self.template_combo.count()):
            if self.template_combo.itemText(i) == f"{wanted} Backend Developer".strip():
                return i
        return 0

    def selected_template(self) -> str | None:
        data = self.template_combo.currentData()
        return str(data) if data else None

    def fill_from_template(self) -> None:
        key = self.selected_template()
        if key is None or not self._may_replace():
            return
        text = run_operation(
            self,
            lambda: job_descriptions.draft_from_template(self._workbook, self._role_id, key),
            failure_title="Cannot Use Template",
        )
        if text is not None:
            self.drafted.emit(text, key)

    def save_as_template(self) -> None:
        name, ok = QInputDialog.getText(self, "Save as Template", "Template name:")
        if not ok:
            return
        text = self._current_text()
        choice = run_operation(
            self,
            lambda: jd_user_templates.save_user_template(self._workbook, name, text),
            changes=Change.TEMPLATES,
            failure_title="Template Not Saved",
            on_invalid=lambda exc: messages.show_warning(
                self, "Template Not Saved", describe_errors(exc.errors)
            ),
        )
        if choice is None:
            return
        self._fill_templates(choice.key)
        self.message.emit(f"Saved the template '{choice.name}'.")

    def import_template(self) -> None:
        path = file_dialogs.ask_import_template(self)
        if path is None:
            return
        choice = run_operation(
            self,
            lambda: jd_user_templates.import_template_file(self._workbook, path),
            changes=Change.TEMPLATES,
            failure_title="Template Not Imported",
            on_invalid=lambda exc: messages.show_warning(
                self, "Template Not Imported", describe_errors(exc.errors)
            ),
        )
        if choice is None:
            return
        self._fill_templates(choice.key)
        self.message.emit(f"Imported the template '{choice.name}'.")

    def export_template(self) -> None:
        key = self.selected_template()
        if key is None:
            return
        name = self.template_combo.currentText().replace(" (yours)", "")
        path = file_dialogs.ask_export_path(
            self, Path.home() / f"{name}.toml", "Hiring Desk templates", ".toml"
        )
        if path is None:
            return
        written = run_operation(
            self,
            lambda: jd_user_templates.export_template_file(self._workbook, key, path),
            failure_title="Template Not Exported",
        )
        if written is None:
            return
        self.message.emit(f"Exported the template to {path.name}.")

    def delete_template(self) -> None:
        key = self.selected_template()
        if key is None or not key.startswith(jd_user_templates.USER_PREFIX):
            return
        name = self.template_combo.currentText()
        if messages.confirm(self, "Delete Template", f"Delete the template '{name}'?", "Delete"):
            run_operation(
                self,
                lambda: jd_user_templates.delete_user_template(self._workbook, key),
                changes=Change.TEMPLATES,
                failure_title="Template Not Deleted",
            )
            self._fill_templates(None)

    def _update_template_actions(self) -> None:
        key = self.selected_template() or ""
        self.delete_template_action.setEnabled(key.startswith(jd_user_templates.USER_PREFIX))
