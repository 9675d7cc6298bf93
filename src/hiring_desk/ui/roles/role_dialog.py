"""The role editor: the whole brief of a requisition, with its skills."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.vocab import EmploymentType, PayPeriod, RoleStatus, Seniority, WorkMode
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.roles.briefs import RoleBrief, parse_money
from hiring_desk.services.roles.role_records import RoleDetail
from hiring_desk.services.team import company
from hiring_desk.services.team.team_members import MemberInfo
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldTabs
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.roles.skills_editor import SkillsEditor
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import (
    OptionalDateEdit,
    choice_combo,
    combo_code,
    save_cancel,
    searchable_combo,
    select_code,
    select_data,
    text_box,
)

SaveRole = Callable[[RoleBrief], RoleDetail]


def _labels(vocabulary: Iterable[Any]) -> list[tuple[str, str]]:
    """(stored value, label) of each member of a vocabulary enum."""
    return [(v.value, v.label) for v in vocabulary]


class RoleDialog(FormDialog):
    """Edits a brief; ``save`` is called on Save and may refuse with field messages."""

    def __init__(
        self,
        parent: QWidget | None,
        save: SaveRole,
        team: list[MemberInfo],
        role: RoleDetail | None = None,
        default_currency: str = "EUR",
        start: RoleBrief | None = None,
    ) -> None:
        """``role`` to edit, or a new one filled from ``start`` (e.g. from a template)."""
        super().__init__(parent)
        self.setWindowTitle(f"Edit Role — {role.brief.title}" if role else "New Role")
        self.setObjectName("role_dialog")
        self._save = save
        self.saved: RoleDetail | None = None
        self._template_key = (role.brief if role else start or RoleBrief("")).template_key

        self.title = QLineEdit()
        self.title.setObjectName("role_title")
        self.title.setPlaceholderText("e.g. Senior Backend Developer")
        self.seniority = choice_combo(_labels(Seniority), "role_seniority")
        self.employment_type = choice_combo(_labels(EmploymentType), "role_employment_type")
        self.work_mode = choice_combo(_labels(WorkMode), "role_work_mode")
        self.location = QLineEdit()
        self.location.setObjectName("role_location")
        self.location.setPlaceholderText("City and country, or e.g. Remote within the EU")
        self.headcount = QSpinBox()
        self.headcount.setObjectName("role_headcount")
        self.headcount.setRange(1, 1000)
        self.status = choice_combo(_labels(RoleStatus), "role_status")
        self.start_by = OptionalDateEdit("role_start_by", "Must start by")
        self.target_date = OptionalDateEdit("role_target_date", "Hire by")
        self.project = QLineEdit()
        self.project.setObjectName("role_project")
        self.project.setPlaceholderText("What they will work on")
        self.project_duration = QLineEdit()
        self.project_duration.setObjectName("role_project_duration")
        self.project_duration.setPlaceholderText("e.g. ongoing, 6 months")
        self.salary_min = QLineEdit()
        self.salary_min.setObjectName("role_salary_min")
        self.salary_min.setPlaceholderText("minimum")
        self.salary_max = QLineEdit()
        self.salary_max.setObjectName("role_salary_max")
        self.salary_max.setPlaceholderText("maximum")
        self.currency = searchable_combo(company.currency_choices(), "role_currency")
        self.period = choice_combo(_labels(PayPeriod), "role_salary_period")
        self.hiring_manager = choice_combo(
            [("", "(nobody yet)")] + [(str(m.id), m.name) for m in team], "role_hiring_manager"
        )
        self.education = QLineEdit()
        self.education.setObjectName("role_education")
        self.education.setPlaceholderText(
            "e.g. A degree in computer science or equivalent experience"
        )
        self.years = QSpinBox()
        self.years.setObjectName("role_years")
        self.years.setRange(-1, 60)
        self.years.setSpecialValueText("not required")
        self.years.setSuffix(" years")
        self.skills = SkillsEditor()
        self.notes = text_box("role_notes")

        self.tabs = FieldTabs("title")
        self._fields = self.tabs.fields
        self.tabs.add_tab(
            "&Role",
            [
                ("title", "&Title:", self.title),
                ("seniority", "Seniority:", self.seniority),
                ("employment_type", "Employment type:", self.employment_type),
                ("work_mode", "Work mode:", self.work_mode),
                ("location", "&Location:", self.location),
                ("headcount", "Headcount:", self.headcount),
                ("status", "Status:", self.status),
                ("hiring_manager", "Hiring manager:", self.hiring_manager),
            ],
        )
        self.tabs.add_tab(
            "Timing && &Pay",
            [
                ("start_by", "Start:", self.start_by),
                ("target_date", "Target date:", self.target_date),
                ("project", "Project:", self.project),
                ("project_duration", "Project duration:", self.project_duration),
                ("salary_min", "Salary from:", self.salary_min),
                ("salary_max", "Salary to:", self.salary_max),
                ("salary_currency", "Currency:", self.currency),
                ("salary_period", "Paid:", self.period),
            ],
        )
        self.tabs.add_tab(
            "Requirements && &Skills",
            [
                ("education", "Education:", self.education),
                ("min_years_experience", "Experience:", self.years),
                ("skills", "Skills:", self.skills),
            ],
        )
        self.tabs.add_tab("&Notes", [("notes", "Notes:", self.notes)])

        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self._load(role.brief if role else start or RoleBrief("", salary_currency=default_currency))

    def _load(self, brief: RoleBrief) -> None:
        self.title.setText(brief.title)
        select_data(self.seniority, brief.seniority)
        select_data(self.employment_type, brief.employment_type)
        select_data(self.work_mode, brief.work_mode)
        self.location.setText(brief.location)
        self.headcount.setValue(brief.headcount)
        select_data(self.status, brief.status)
        select_data(
            self.hiring_manager, str(brief.hiring_manager_id) if brief.hiring_manager_id else ""
        )
        self.start_by.set_value(brief.start_by)
        self.target_date.set_value(brief.target_date)
        self.project.setText(brief.project)
        self.project_duration.setText(brief.project_duration)
        self.salary_min.setText(_amount(brief.salary_min))
        self.salary_max.setText(_amount(brief.salary_max))
        select_code(self.currency, brief.salary_currency)
        select_data(self.period, brief.salary_period)
        self.education.setText(brief.education)
        self.years.setValue(
            -1 if brief.min_years_experience is None else brief.min_years_experience
        )
        self.skills.set_entries(brief.skills)
        self.notes.setPlainText(brief.notes)

    def brief(self) -> RoleBrief:
        """The brief as typed; raises ValidationError for amounts that are not numbers."""
        errors: dict[str, str] = {}
        amounts: dict[str, Decimal | None] = {}
        for name, edit in (("salary_min", self.salary_min), ("salary_max", self.salary_max)):
            try:
                amounts[name] = parse_money(edit.text())
            except ValueError as exc:
                errors[name] = str(exc)
        if errors:
            raise ValidationError(errors)
        manager = self.hiring_manager.currentData()
        return RoleBrief(
            title=self.title.text(),
            seniority=str(self.seniority.currentData()),
            employment_type=str(self.employment_type.currentData()),
            work_mode=str(self.work_mode.currentData()),
            location=self.location.text(),
            headcount=self.headcount.value(),
            start_by=self.start_by.value(),
            project=self.project.text(),
            project_duration=self.project_duration.text(),
            salary_min=amounts["salary_min"],
            salary_max=amounts["salary_max"],
            salary_currency=combo_code(self.currency),
            salary_period=str(self.period.currentData()),
            hiring_manager_id=int(manager) if manager else None,
            target_date=self.target_date.value(),
            education=self.education.text(),
            min_years_experience=None if self.years.value() < 0 else self.years.value(),
            status=str(self.status.currentData()),
            notes=self.notes.toPlainText(),
            skills=self.skills.entries(),
            template_key=self._template_key,
        )

    def accept(self) -> None:
        self.tabs.clear_errors()
        saved = run_operation(
            self,
            lambda: self._save(self.brief()),
            changes=Change.ROLES | Change.APPLICATIONS,  # match scores follow the skills
            failure_title="Role Not Saved",
            on_invalid=lambda exc: self.tabs.show_errors(exc.errors),
        )
        if saved is not None:
            self.saved = saved
            super().accept()


def _amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value:,f}".rstrip("0").rstrip(".") if "." in f"{value}" else f"{value:,}"
