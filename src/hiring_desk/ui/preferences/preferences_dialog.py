"""Edit ▸ Preferences…: the open workbook's defaults and policies, and the window's theme.

The workbook's preferences (currency and locale, backups, retention, default
templates, the Today view's limits) are saved in the workbook through ``services.preferences``; the
theme belongs to this computer and is kept in the app's settings.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.offer_rules import MAX_ANSWER_DAYS, MIN_ANSWER_DAYS
from hiring_desk.domain.retention import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.offers import letter_templates
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.services.preferences.workbook_preferences import WorkbookPreferences
from hiring_desk.services.roles import jd_user_templates
from hiring_desk.services.team import company
from hiring_desk.services.today.today_limits import LIMIT_RANGES, TodayLimits
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.theme import apply_theme
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import (
    combo_code,
    save_cancel,
    searchable_combo,
    select_code,
    select_data,
)

THEME_CHOICES = (
    ("system", "Same as the system"),
    ("light", "Light"),
    ("dark", "Dark"),
)


def interval_text(minutes: int) -> str:
    """15 -> "Every 15 minutes", 120 -> "Every 2 hours"."""
    if minutes % 60:
        return f"Every {minutes} minutes"
    hours = minutes // 60
    return "Every hour" if hours == 1 else f"Every {hours} hours"


class PreferencesDialog(FormDialog):
    """Shows the saved preferences; Save keeps them (errors are shown under their field)."""

    def __init__(
        self, workbook: Workbook | None, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle("Preferences")
        self._workbook = workbook
        self._settings = settings
        self.saved = False

        self.currency_combo = searchable_combo(company.currency_choices(), "pref_currency")
        self.locale_combo = searchable_combo(company.locale_choices(), "pref_locale")
        self.backup_interval = QComboBox()
        self.backup_interval.setObjectName("pref_backup_interval")
        for minutes in backups.INTERVAL_CHOICES:
            self.backup_interval.addItem(interval_text(minutes), minutes)
        self.retention = QSpinBox()
        self.retention.setObjectName("pref_retention")
        self.retention.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.retention.setSuffix(" months")
        self.jd_template = QComboBox()
        self.jd_template.setObjectName("pref_jd_template")
        self.letter_template = QComboBox()
        self.letter_template.setObjectName("pref_letter_template")
        self.answer_days = QSpinBox()
        self.answer_days.setObjectName("pref_answer_days")
        self.answer_days.setRange(MIN_ANSWER_DAYS, MAX_ANSWER_DAYS)
        self.answer_days.setSuffix(" days")
        self.limits: dict[str, QSpinBox] = {}
        for name, (_key, low, high, unit) in LIMIT_RANGES.items():
            spin = QSpinBox()
            spin.setObjectName(f"pref_{name}")
            spin.setRange(low, high)
            spin.setSuffix(f" {unit}")
            self.limits[name] = spin
        self.theme = QComboBox()
        self.theme.setObjectName("pref_theme")
        for value, label in THEME_CHOICES:
            self.theme.addItem(label, value)

        self.fields = {
            "default_currency": FieldWithError(self.currency_combo),
            "locale": FieldWithError(self.locale_combo),
            "backup_interval": FieldWithError(self.backup_interval),
            "retention_months": FieldWithError(self.retention),
            "jd_template": FieldWithError(self.jd_template),
            "letter_template": FieldWithError(self.letter_template),
            "offer_answer_days": FieldWithError(self.answer_days),
            **{name: FieldWithError(spin) for name, spin in self.limits.items()},
        }
        self.workbook_box = QGroupBox(
            f"This workbook ({workbook.name})" if workbook else "This workbook (none is open)"
        )
        form = QFormLayout(self.workbook_box)
        for key, label, help_text in (
            ("default_currency", "Default &currency:", "Salaries and offers start in it"),
            ("locale", "L&ocale:", "How dates and money are written"),
            ("backup_interval", "Automatic &backups:", "At most this often, while it changes"),
            ("retention_months", "&Keep unsuccessful candidates:", "Then they are due for review"),
            ("jd_template", "&Job description template:", "Chosen first in the editor"),
            ("letter_template", "O&ffer letter template:", "Chosen first when printing"),
            (
                "offer_answer_days",
                "Days to &answer an offer:",
                'Where an offer\'s "Answer by" date starts when you tick it',
            ),
            (
                "scorecard_hours",
                "Scorecar&d overdue after:",
                "Today lists it once the interview has been over this long",
            ),
            ("offer_days", "Offer e&xpiring within:", "Today lists an offer this close to expiry"),
            (
                "idle_days",
                "Candidate &idle after:",
                "Today lists a candidate left this long in an open stage",
            ),
        ):
            self._add_row(form, label, key, help_text)
        self.workbook_box.setEnabled(workbook is not None)

        appearance = QGroupBox("This computer")
        appearance_form = QFormLayout(appearance)
        theme_label = QLabel("&Theme:")
        theme_label.setBuddy(self.theme)
        self.theme.setAccessibleName("Theme")
        appearance_form.addRow(theme_label, self.theme)

        buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.workbook_box)
        layout.addWidget(appearance)
        layout.addWidget(buttons)
        self._load()

    def _add_row(self, form: QFormLayout, label: str, key: str, help_text: str) -> None:
        field = self.fields[key]
        text = QLabel(label)
        text.setBuddy(field)
        field.field.setAccessibleName(label.replace("&", "").rstrip(":"))
        field.field.setToolTip(help_text)
        form.addRow(text, field)

    def _load(self) -> None:
        select_data(self.theme, self._settings.theme())
        workbook = self._workbook
        if workbook is None:
            return
        current = workbook_preferences.get_preferences(workbook)
        select_code(self.currency_combo, current.default_currency)
        select_code(self.locale_combo, current.locale)
        select_data(self.backup_interval, current.backup_interval_minutes)
        self.retention.setValue(current.retention_months)
        self.jd_template.addItem("Chosen from the role's title and seniority", None)
        for choice in jd_user_templates.list_templates(workbook):
            label = choice.name if choice.built_in else f"{choice.name} (yours)"
            self.jd_template.addItem(label, choice.key)
        select_data(self.jd_template, current.jd_template)
        self.letter_template.addItem("The one for the offer's employment type", None)
        for template in letter_templates.list_letter_templates(workbook):
            label = template.name if template.built_in else f"{template.name} (yours)"
            self.letter_template.addItem(label, template.key)
        select_data(self.letter_template, current.letter_template)
        self.answer_days.setValue(current.offer_answer_days)
        for name, spin in self.limits.items():
            spin.setValue(getattr(current.today_limits, name))

    def wanted(self) -> WorkbookPreferences:
        """The workbook preferences as the form shows them."""
        return WorkbookPreferences(
            default_currency=combo_code(self.currency_combo),
            locale=combo_code(self.locale_combo),
            backup_interval_minutes=int(self.backup_interval.currentData()),
            retention_months=self.retention.value(),
            jd_template=self.jd_template.currentData(),
            letter_template=self.letter_template.currentData(),
            offer_answer_days=self.answer_days.value(),
            today_limits=TodayLimits(**{name: spin.value() for name, spin in self.limits.items()}),
        )

    def _show_errors(self, exc: ValidationError) -> None:
        for name, message in exc.errors.items():
            self.fields.get(name, self.fields["default_currency"]).set_error(message)

    def save(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        workbook = self._workbook
        if workbook is not None:
            wanted = self.wanted()
            saved = run_operation(
                self,
                lambda: workbook_preferences.save_preferences(workbook, wanted),
                changes=Change.PREFERENCES | Change.COMPANY | Change.PRIVACY | Change.TASKS,
                failure_title="Preferences Not Saved",
                on_invalid=self._show_errors,
            )
            if saved is None:
                return
        theme = str(self.theme.currentData())
        if theme != self._settings.theme():
            self._settings.set_theme(theme)
            apply_theme(theme)
        self.saved = True
        self.accept()
