"""The company profile: what letterheads and offer letters print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.common import time_zones
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.team import company, team_members
from hiring_desk.services.team.company import CompanyInfo
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.forms import FieldWithError, name_from_labels
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.theme import set_style
from hiring_desk.ui.widgets import combo_code, searchable_combo, select_code, text_box

LOGO_PREVIEW = 96
FORM_MAX_WIDTH = 720


def _city(zone: str) -> str:
    """ "America/New_York" -> "New York": what people search a zone by."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


class CompanyPage(QWidget):
    """The profile form. A change to the team elsewhere refreshes the signatory choices
    (keeping the edits); a change to the profile elsewhere reloads it unless edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workbook: Workbook | None = None
        self._loading = False

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("company_name")
        self.address_edit = text_box("company_address")
        self.address_edit.setFixedHeight(84)
        self.signatory_combo = QComboBox()
        self.signatory_combo.setObjectName("company_signatory")
        self.currency_combo = searchable_combo(company.currency_choices(), "company_currency")
        self.locale_combo = searchable_combo(company.locale_choices(), "company_locale")
        self.timezone_combo = searchable_combo(
            [(zone, _city(zone)) for zone in time_zones.known_timezones()],
            "company_timezone",
        )
        self.timezone_combo.setToolTip("New interviews are booked in this time zone")

        self.logo_label = QLabel()
        self.logo_label.setObjectName("company_logo")
        self.logo_label.setFixedSize(LOGO_PREVIEW, LOGO_PREVIEW)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_style(self.logo_label, "border: 1px solid palette(mid); border-radius: 4px;")
        self.logo_button = QPushButton("Choose &Logo…")
        self.logo_button.setObjectName("choose_logo")
        self.clear_logo_button = QPushButton("Remove Logo")
        self.clear_logo_button.setObjectName("remove_logo")
        self.logo_button.clicked.connect(self.choose_logo)
        self.clear_logo_button.clicked.connect(self.clear_logo)

        self._fields = {
            "name": FieldWithError(self.name_edit),
            "address": FieldWithError(self.address_edit),
            "signatory": FieldWithError(self.signatory_combo),
            "default_currency": FieldWithError(self.currency_combo),
            "locale": FieldWithError(self.locale_combo),
            "timezone": FieldWithError(self.timezone_combo),
        }
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.clear_logo_button)
        logo_buttons.addStretch()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch()
        self.logo_field = FieldWithError(QWidget())
        self.logo_field.field.setLayout(logo_row)
        self._fields["logo"] = self.logo_field

        form = QFormLayout()
        form.addRow("Company &name:", self._fields["name"])
        form.addRow("&Address:", self._fields["address"])
        form.addRow("Logo:", self.logo_field)
        form.addRow("&Signs offers:", self._fields["signatory"])
        form.addRow("Default &currency:", self._fields["default_currency"])
        form.addRow("L&ocale:", self._fields["locale"])
        form.addRow("&Time zone:", self._fields["timezone"])

        self.save_button = QPushButton("&Save Profile")
        self.save_button.setObjectName("save_company")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.setObjectName("revert_company")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setObjectName("company_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status)
        buttons.addStretch()

        intro = QLabel(
            "Printed on job descriptions, interview packs and offer letters. The locale sets "
            "how dates and money are written."
        )
        intro.setWordWrap(True)
        content = QWidget()
        content.setMaximumWidth(FORM_MAX_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addLayout(form)
        column.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(content)
        layout.addStretch()

        for edit in (self.name_edit,):
            edit.textEdited.connect(self._mark_dirty)
        self.address_edit.textChanged.connect(self._mark_dirty)
        for combo in (
            self.signatory_combo,
            self.currency_combo,
            self.locale_combo,
            self.timezone_combo,
        ):
            combo.currentTextChanged.connect(self._mark_dirty)
        self._set_dirty(False)
        name_from_labels(self)
        ChangeListener(self, Change.TEAM | Change.COMPANY | Change.PREFERENCES, self._changed)

    def _changed(self, changes: Change) -> None:
        if changes & (Change.COMPANY | Change.PREFERENCES) and not self.is_dirty:
            self.refresh()
        elif changes & Change.TEAM:
            self.team_changed()

    # -- loading ------------------------------------------------------------------

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self) -> None:
        """Load the saved profile into the form, dropping unsaved edits."""
        self._loading = True
        try:
            for field in self._fields.values():
                field.set_error(None)
            if self._workbook is None:
                self.setEnabled(False)
                return
            # Read by everyone; changed by whom the role allows (greyed, saying why).
            apply_permission(self, self._workbook, Permission.COMPANY)
            info = company.get_company(self._workbook)
            self.name_edit.setText(info.name)
            self.address_edit.setPlainText(info.address)
            self._fill_signatories(info.signatory_id)
            select_code(self.currency_combo, info.default_currency)
            select_code(self.locale_combo, info.locale)
            select_code(self.timezone_combo, time_zones.default_timezone(self._workbook))
            self._show_logo(info)
            self.status.clear()
        finally:
            self._loading = False
        self._set_dirty(False)

    def team_changed(self) -> None:
        """Reload the signatory choices, keeping the current pick and other edits."""
        if self._workbook is None:
            return
        was_loading, self._loading = self._loading, True
        try:
            self._fill_signatories(self.signatory_combo.currentData())
        finally:
            self._loading = was_loading

    def _fill_signatories(self, selected: int | None) -> None:
        assert self._workbook is not None
        self.signatory_combo.clear()
        self.signatory_combo.addItem("(nobody yet)", None)
        for member in team_members.list_members(self._workbook):
            label = f"{member.name}, {member.title}" if member.title else member.name
            self.signatory_combo.addItem(label, member.id)
        index = self.signatory_combo.findData(selected) if selected is not None else 0
        self.signatory_combo.setCurrentIndex(max(index, 0))

    def _show_logo(self, info: CompanyInfo) -> None:
        if info.logo:
            pixmap = QPixmap()
            pixmap.loadFromData(QByteArray(info.logo))
            self.logo_label.setPixmap(
                pixmap.scaled(
                    LOGO_PREVIEW - 8,
                    LOGO_PREVIEW - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText("No logo")
        self.clear_logo_button.setEnabled(bool(info.logo))

    # -- saving -------------------------------------------------------------------

    def save(self) -> bool:
        workbook = self._workbook
        if workbook is None:
            return False
        for field in self._fields.values():
            field.set_error(None)
        saved = run_operation(
            self,
            lambda: company.update_company(
                workbook,
                name=self.name_edit.text(),
                address=self.address_edit.toPlainText(),
                signatory_id=self.signatory_combo.currentData(),
                default_currency=combo_code(self.currency_combo),
                locale=combo_code(self.locale_combo),
                timezone=combo_code(self.timezone_combo),
            ),
            changes=Change.COMPANY,
            failure_title="Profile Not Saved",
            on_invalid=self._show_errors,
        )
        if saved is None:
            return False
        self.refresh()
        self.status.setText("Saved.")
        return True

    def _show_errors(self, exc: ValidationError) -> None:
        for name, message in exc.errors.items():
            self._fields.get(name, self._fields["name"]).set_error(message)
        self.status.setText("Not saved: correct the fields marked in red.")

    def choose_logo(self) -> None:
        if self._workbook is None:
            return
        path = file_dialogs.ask_logo_file(self)
        if path is not None:
            self.set_logo_file(path)

    def set_logo_file(self, path: Path) -> bool:
        """Store the image at ``path`` as the logo, or show why not under the logo."""
        workbook = self._workbook
        if workbook is None:
            return False
        self.logo_field.set_error(None)
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.logo_field.set_error(f"could not read {path.name}: {exc.strerror or exc}")
            return False

        def refused(exc: ValidationError) -> None:
            reason = exc.errors.get("logo", str(exc))
            self.logo_field.set_error(f"Could not use {path.name}: it {reason}.")

        info = run_operation(
            self,
            lambda: company.set_logo(workbook, data),
            changes=Change.COMPANY,
            failure_title="Logo Not Saved",
            on_invalid=refused,
        )
        if info is None:
            return False
        self._show_logo(info)
        return True

    def clear_logo(self) -> None:
        workbook = self._workbook
        if workbook is not None:
            run_operation(
                self,
                lambda: company.clear_logo(workbook),
                changes=Change.COMPANY,
                failure_title="Logo Not Removed",
                on_success=self._show_logo,
            )

    # -- dirty state --------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.clear()
