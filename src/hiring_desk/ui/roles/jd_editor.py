"""The job-description editor: draft from a template, edit with a live preview, keep versions."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_moment
from hiring_desk.services.roles import jd_publishing, job_descriptions, role_records
from hiring_desk.services.roles.jd_publishing import JDFormat
from hiring_desk.services.roles.job_descriptions import JDVersion
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import describe_errors
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.roles.jd_template_picker import TemplatePicker
from hiring_desk.ui.theme import Tone, note_style, set_style
from hiring_desk.ui.unsaved_changes import FormDialog

PREVIEW_DELAY_MS = 200
_FORMAT_LABELS = {
    JDFormat.PDF: "PDF",
    JDFormat.MARKDOWN: "Markdown",
    JDFormat.TEXT: "Plain Text",
    JDFormat.HTML: "HTML",
}


class JDEditor(FormDialog):
    def __init__(self, parent: QWidget | None, workbook: Workbook, role_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("jd_editor")
        self._workbook = workbook
        self._role_id = role_id
        self._detail = role_records.get_role(workbook, role_id)
        self._locale = company.get_company(workbook).locale
        self._template_key: str | None = self._detail.brief.template_key
        self._saved_text = ""
        self._viewing: JDVersion | None = None
        self.setWindowTitle(f"Job Description — {self._detail.brief.title}")

        self.status = QLabel()
        self.status.setObjectName("jd_status")

        # Template row
        self.templates = TemplatePicker(
            workbook,
            role_id,
            self._detail.brief,
            current_text=lambda: self.editor.toPlainText(),
            may_replace=self._may_replace_text,
        )
        self.templates.drafted.connect(self._drafted)
        self.templates.message.connect(self.status.setText)
        self.fill_button = self.templates.fill_button
        # Versions row
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("jd_versions")
        self.version_combo.activated.connect(self._version_chosen)
        self.banner = QLabel()
        self.banner.setObjectName("jd_banner")
        set_style(self.banner, note_style(Tone.WARNING))
        self.banner.hide()
        self.restore_button = QPushButton("&Restore This Version")
        self.restore_button.setObjectName("jd_restore")
        self.restore_button.clicked.connect(self.restore_viewed)
        self.back_button = QPushButton("Back to &Current")
        self.back_button.setObjectName("jd_back")
        self.back_button.clicked.connect(self.back_to_current)
        versions = QHBoxLayout()
        versions.addWidget(QLabel("Versions:"))
        versions.addWidget(self.version_combo, 1)
        versions.addWidget(self.restore_button)
        versions.addWidget(self.back_button)

        # Editor and preview
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("jd_text")
        self.editor.setAccessibleName("Job description text")
        self.editor.setPlaceholderText(
            "Choose a template and press Fill from Template, or write in Markdown: "
            "# Title, ## Section, - bullet, **bold**."
        )
        self.preview = QTextBrowser()
        self.preview.setObjectName("jd_preview")
        self.preview.setAccessibleName("Preview")
        self.preview.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        splitter.setSizes([500, 500])

        # Checklist
        self.checklist = QListWidget()
        self.checklist.setObjectName("jd_checklist")
        self.checklist.setAccessibleName("What the text still lacks")
        self.checklist.setMaximumHeight(110)
        self.check_title = QLabel()
        self.check_title.setObjectName("jd_check_title")

        # Buttons
        self.save_button = QPushButton("&Save Version")
        self.save_button.setObjectName("jd_save")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_version)
        self.export_button = QToolButton()
        self.export_button.setObjectName("jd_export")
        self.export_button.setText("E&xport")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_actions: dict[JDFormat, QAction] = {}
        for fmt, label in _FORMAT_LABELS.items():
            action = export_menu.addAction(f"{label}…", partial(self.export, fmt))
            self.export_actions[fmt] = action
        export_menu.addSeparator()
        self.copy_action = export_menu.addAction("&Copy as Plain Text", self.copy_text)
        self.export_button.setMenu(export_menu)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.templates)
        layout.addLayout(versions)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.check_title)
        layout.addWidget(self.checklist)
        layout.addLayout(bottom)
        area = self.screen().availableGeometry()
        self.resize(min(1100, int(area.width() * 0.92)), min(760, int(area.height() * 0.9)))
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter belongs to the text, not to a button

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._timer.start)
        self._fill_versions()
        latest = job_descriptions.latest_version(workbook, role_id)
        self._set_text(latest.body if latest else "")
        self._saved_text = self.editor.toPlainText()
        self.update_preview()

    # -- drafting ------------------------------------------------------------------

    def selected_template(self) -> str | None:
        return self.templates.selected_template()

    def fill_from_template(self) -> None:
        self.templates.fill_from_template()

    def _may_replace_text(self) -> bool:
        if not (self.editor.toPlainText().strip() and self._is_modified()):
            return True
        return messages.confirm(
            self,
            "Replace Text",
            "Replace the text in the editor with a fresh draft from the template? "
            "Unsaved edits will be lost.",
            "Replace",
        )

    def _drafted(self, text: str, key: str) -> None:
        self._template_key = key
        self.back_to_current()
        self._set_text(text)
        self.update_preview()
        self.status.setText("Drafted from the template. Review it, then Save Version.")

    # -- versions ------------------------------------------------------------------

    def _fill_versions(self) -> None:
        self.version_combo.clear()
        versions = job_descriptions.list_versions(self._workbook, self._role_id)
        for number, version in enumerate(versions):
            when = format_moment(version.created_at, self._locale)
            label = f"Version {version.version} — {when}"
            if version.note:
                label += f" — {version.note}"
            if number == 0:
                label += " (current)"
            self.version_combo.addItem(label, version.id)
        if not versions:
            self.version_combo.addItem("Not saved yet", None)
        self.version_combo.setEnabled(bool(versions))
        self._show_viewing(None)

    def _version_chosen(self, index: int) -> None:
        version_id = self.version_combo.itemData(index)
        if version_id is None or index == 0:
            self.back_to_current()
            return
        version = job_descriptions.get_version(self._workbook, int(version_id))
        self._show_viewing(version)

    def _show_viewing(self, version: JDVersion | None) -> None:
        """Show an older version read-only, or go back to editing."""
        if version is not None and self._viewing is None:
            self._draft_text = self.editor.toPlainText()
        self._viewing = version
        viewing = version is not None
        if version is not None:
            self.banner.setText(
                f"Viewing version {version.version}. Restore makes it the current version; "
                "Back to Current returns to your text."
            )
            self._set_text(version.body)
        self.banner.setVisible(viewing)
        self.restore_button.setVisible(viewing)
        self.back_button.setVisible(viewing)
        self.editor.setReadOnly(viewing)
        self.save_button.setEnabled(not viewing)
        self.fill_button.setEnabled(not viewing)
        self.update_preview()

    def back_to_current(self) -> None:
        if self._viewing is not None:
            self._viewing = None
            self._set_text(getattr(self, "_draft_text", ""))
        self.version_combo.setCurrentIndex(0)
        self._show_viewing(None)

    def restore_viewed(self) -> None:
        viewing = self._viewing
        if viewing is None:
            return
        restored = run_operation(
            self,
            lambda: job_descriptions.restore_version(self._workbook, viewing.id),
            changes=Change.JOB_DESCRIPTIONS,
            failure_title="Version Not Restored",
        )
        if restored is None:
            return
        self._viewing = None
        self._set_text(restored.body)
        self._saved_text = self.editor.toPlainText()
        self._fill_versions()
        self.status.setText(f"Restored as version {restored.version}.")

    # -- editing -------------------------------------------------------------------

    def _set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def _is_modified(self) -> bool:
        return self.editor.toPlainText() != self._saved_text

    def update_preview(self) -> None:
        text = self.editor.toPlainText()
        self.preview.setMarkdown(text)
        findings = job_descriptions.check(self._workbook, self._role_id, text)
        self.checklist.clear()
        if findings:
            self.check_title.setText(
                f"<b>Checklist:</b> {len(findings)} thing{'s' if len(findings) != 1 else ''} "
                "to consider (advice only; you can save anyway)"
            )
            for finding in findings:
                self.checklist.addItem(f"• {finding.message}")
        else:
            self.check_title.setText("<b>Checklist:</b> nothing missing.")
        self.checklist.setVisible(bool(findings))

    def save_version(self) -> None:
        if self._viewing is not None:
            return
        text = self.editor.toPlainText()
        version = run_operation(
            self,
            lambda: job_descriptions.save_version(
                self._workbook, self._role_id, text, template_key=self._template_key
            ),
            changes=Change.JOB_DESCRIPTIONS,
            failure_title="Version Not Saved",
            on_invalid=lambda exc: self.status.setText(f"Not saved: {describe_errors(exc.errors)}"),
        )
        if version is None:
            return
        self._saved_text = self.editor.toPlainText()
        self._fill_versions()
        self.status.setText(f"Saved as version {version.version}.")

    # -- export --------------------------------------------------------------------

    def export(self, fmt: JDFormat) -> None:
        label = _FORMAT_LABELS[fmt]
        start = Path.home() / f"{self._detail.brief.title}{fmt.suffix}"
        path = file_dialogs.ask_export_path(self, start, label, fmt.suffix)
        if path is None:
            return
        body = self.editor.toPlainText()
        written = run_operation(
            self,
            lambda: jd_publishing.write(self._workbook, self._role_id, fmt, path, body=body),
            failure_title="Export Failed",
        )
        if written is None:
            return
        self.status.setText(f"Exported {label} to {path}.")
        if fmt is JDFormat.PDF:
            from hiring_desk.ui.printed import offer_to_open

            offer_to_open(self, path, "Job Description")

    def copy_text(self) -> None:
        text = jd_publishing.as_text(
            self.editor.toPlainText(), JDFormat.TEXT, self._detail.brief.title
        )
        QGuiApplication.clipboard().setText(text)
        self.status.setText("Copied as plain text: paste it into the job board.")

    # -- closing -------------------------------------------------------------------

    # Escape, Close and the window's button ask through FormDialog when the text has
    # changes not saved as a version: Save there saves a version, then closes.

    def has_unsaved_changes(self) -> bool:
        if self._viewing is not None:
            self.back_to_current()
        return self._is_modified() and bool(self.editor.toPlainText().strip())

    def save_changes(self) -> None:
        self.save_version()
        if not self._is_modified():
            self.accept()
