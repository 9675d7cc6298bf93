"""The candidate editor: contact details, background, expectations, skills, tags, notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import DEFAULT_LOCALE
from hiring_desk.domain.money import parse_typed_money
from hiring_desk.domain.vocab import Source, WorkMode
from hiring_desk.services.candidates.candidate_records import CandidateDetail
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.team import company
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldTabs
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import (
    choice_combo,
    combo_code,
    line_edit,
    save_cancel,
    searchable_combo,
    select_code,
    select_data,
    text_box,
)

SaveCandidate = Callable[[CandidateInput], CandidateDetail]


def _split(text: str) -> tuple[str, ...]:
    """ "Python; PostgreSQL, REST" -> ("Python", "PostgreSQL", "REST")."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def _optional_spin(name: str, maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("not known")
    spin.setSuffix(suffix)
    return spin


class CandidateDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        save: SaveCandidate,
        candidate: CandidateDetail | None = None,
        default_currency: str = "EUR",
        open_roles: Sequence[tuple[int, str]] | None = None,
    ) -> None:
        """``open_roles`` (id, title), for a new candidate: offers "Apply to role" among
        them; ``chosen_role()`` is the one picked, for ``save`` to apply to as it adds."""
        super().__init__(parent)
        self.setObjectName("candidate_dialog")
        self.setWindowTitle(
            f"Edit Candidate — {candidate.record.name}" if candidate else "New Candidate"
        )
        self._save = save
        self.saved: CandidateDetail | None = None
        self.name = line_edit("candidate_name", "Full name as they write it")
        self.email = line_edit("candidate_email", "name@example.com")
        self.phone = line_edit("candidate_phone", "+353 …")
        self.location = line_edit("candidate_location", "City, country")
        self.source = choice_combo([(s.value, s.label) for s in Source], "candidate_source")
        self.current_title = line_edit("candidate_title", "e.g. Backend Developer at …")
        self.years = _optional_spin("candidate_years", 60, " years")
        self.salary = line_edit("candidate_salary", "e.g. 60,000 or 60,000–70,000")
        self.currency = searchable_combo(company.currency_choices(), "candidate_currency")
        self.notice = _optional_spin("candidate_notice", 52, " weeks")
        self.work_mode = choice_combo(
            [("", "No preference")] + [(w.value, w.label) for w in WorkMode], "candidate_work_mode"
        )
        self.linkedin = line_edit("candidate_linkedin", "https://www.linkedin.com/in/…")
        self.github = line_edit("candidate_github", "https://github.com/…")
        self.portfolio = line_edit("candidate_portfolio", "https://…")
        self.address = text_box("candidate_address")
        self.address.setFixedHeight(70)
        self.skills = line_edit("candidate_skills", "Separated by commas: Python, PostgreSQL, REST")
        self.tags = line_edit("candidate_tags", "Separated by commas: strong CV, referral")
        self.notes = text_box("candidate_notes")
        self.role = QComboBox()
        self.role.setObjectName("candidate_apply_role")
        self.role.addItem("Not now", None)
        for role_id, title in open_roles or ():
            self.role.addItem(title, role_id)
        self.role.setToolTip("The new candidate applies to this open role as they are saved")

        self.tabs = FieldTabs("name")
        self._fields = self.tabs.fields
        self.tabs.add_tab(
            "&Contact",
            [
                ("name", "&Name:", self.name),
                ("email", "&Email:", self.email),
                ("phone", "&Phone:", self.phone),
                ("location", "&Location:", self.location),
                ("postal_address", "Postal address:", self.address),
                ("linkedin_url", "LinkedIn:", self.linkedin),
                ("github_url", "GitHub:", self.github),
                ("portfolio_url", "Portfolio:", self.portfolio),
                *([("role", "&Apply to role:", self.role)] if open_roles is not None else []),
            ],
        )
        self.tabs.add_tab(
            "&Background",
            [
                ("source", "Source:", self.source),
                ("current_title", "Current title:", self.current_title),
                ("years_experience", "Experience:", self.years),
                ("skills", "Skills:", self.skills),
                ("tags", "Tags:", self.tags),
                ("salary_expectation", "Salary expectation:", self.salary),
                ("salary_currency", "Currency:", self.currency),
                ("notice_weeks", "Notice period:", self.notice),
                ("work_mode_preference", "Prefers:", self.work_mode),
            ],
        )
        self.tabs.add_tab("N&otes", [("notes", "Notes:", self.notes)])
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(600, 480)
        self._load(candidate, default_currency)

    def _load(self, candidate: CandidateDetail | None, default_currency: str) -> None:
        r = candidate.record if candidate else CandidateInput(name="")
        self.name.setText(r.name)
        self.email.setText(r.email)
        self.phone.setText(r.phone)
        self.location.setText(r.location)
        self.address.setPlainText(r.postal_address)
        self.linkedin.setText(r.linkedin_url)
        self.github.setText(r.github_url)
        self.portfolio.setText(r.portfolio_url)
        select_data(self.source, r.source)
        self.current_title.setText(r.current_title)
        self.years.setValue(-1 if r.years_experience is None else r.years_experience)
        self.skills.setText(", ".join(r.skills))
        self.tags.setText(", ".join(r.tags))
        self.salary.setText(_amount_text(r.salary_expectation, r.salary_expectation_max))
        select_code(self.currency, r.salary_currency or default_currency)
        self.notice.setValue(-1 if r.notice_weeks is None else r.notice_weeks)
        select_data(self.work_mode, r.work_mode_preference or "")
        self.notes.setPlainText(r.notes)

    def chosen_role(self) -> int | None:
        """The open role the new candidate applies to; None for none (or when editing)."""
        role = self.role.currentData()
        return int(role) if role is not None else None

    def record(self) -> CandidateInput:
        try:
            salary = parse_typed_money(
                self.salary.text(),
                DEFAULT_LOCALE,
                allow_range=True,
                currency=combo_code(self.currency).upper(),
            )
        except ValueError as exc:
            raise ValidationError({"salary_expectation": str(exc)}) from None
        mode = self.work_mode.currentData()
        return CandidateInput(
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            location=self.location.text(),
            postal_address=self.address.toPlainText(),
            linkedin_url=self.linkedin.text(),
            github_url=self.github.text(),
            portfolio_url=self.portfolio.text(),
            source=str(self.source.currentData()),
            current_title=self.current_title.text(),
            years_experience=None if self.years.value() < 0 else self.years.value(),
            salary_expectation=salary.low if salary else None,
            salary_expectation_max=salary.high if salary else None,
            salary_currency=combo_code(self.currency) if salary is not None else None,
            notice_weeks=None if self.notice.value() < 0 else self.notice.value(),
            work_mode_preference=str(mode) if mode else None,
            notes=self.notes.toPlainText(),
            skills=_split(self.skills.text()),
            tags=_split(self.tags.text()),
        )

    def accept(self) -> None:
        self.tabs.clear_errors()
        saved = run_operation(
            self,
            lambda: self._save(self.record()),
            changes=Change.CANDIDATES | Change.APPLICATIONS,  # match scores follow the skills
            failure_title="Candidate Not Saved",
            on_invalid=lambda exc: self.tabs.show_errors(exc.errors),
        )
        if saved is not None:
            self.saved = saved
            super().accept()


def _amount_text(low: Decimal | None, high: Decimal | None) -> str:
    """An amount or a range as the salary field shows it ("65,000" or "65,000–75,000")."""
    if low is None:
        return ""
    return f"{low:,f}" if high is None else f"{low:,f}–{high:,f}"
