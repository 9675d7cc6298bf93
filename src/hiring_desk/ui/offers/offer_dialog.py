"""The offer editor: an offer's terms, with warnings that never block as you type."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day, major_to_minor
from hiring_desk.domain.offer_rules import budget_text
from hiring_desk.domain.vocab import EmploymentType, OfferStatus, PayPeriod
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.offers import offer_records
from hiring_desk.services.offers.offer_records import OfferContext, OfferDetail
from hiring_desk.services.offers.terms import OfferDraft
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.services.roles.briefs import parse_money
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldTabs, show_errors_in
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.theme import TextRole, Tone, note_style, set_style, styled
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import (
    OptionalDateEdit,
    choice_combo,
    combo_code,
    line_edit,
    plain_label,
    qdate,
    save_cancel,
    searchable_combo,
    select_code,
    select_data,
    text_box,
)


def _labels(vocabulary: Iterable[Any]) -> list[tuple[str, str]]:
    return [(v.value, v.label) for v in vocabulary]


class OfferDialog(FormDialog):
    """Drafts a new offer for an application, or edits one (Save keeps it a draft).

    An offer that can no longer be edited is shown read-only. After Save,
    ``saved`` holds the offer as stored.
    """

    def __init__(
        self,
        workbook: Workbook,
        application_id: int,
        parent: QWidget | None = None,
        offer_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("offer_dialog")
        self._workbook = workbook
        self._application_id = application_id
        self._offer_id = offer_id
        self.saved: OfferDetail | None = None
        detail = offer_records.offer_detail(workbook, offer_id) if offer_id is not None else None
        self.context: OfferContext = (
            detail.context if detail else offer_records.offer_context(workbook, application_id)
        )
        self._editable = detail is None or detail.is_editable
        who = f"{self.context.candidate_name} — {self.context.role_title}"
        self.setWindowTitle(f"Offer — {who}" if detail else f"New Offer — {who}")

        self.heading = plain_label(name="offer_heading")
        self.heading.setText(who)
        styled(self.heading, TextRole.STRONG)
        self.facts = plain_label(name="offer_facts")
        self.facts.setText(self._facts())
        self.status_note = plain_label(name="offer_status_note")

        self.salary = line_edit("offer_salary", "e.g. 72,000")
        self.currency = searchable_combo(company.currency_choices(), "offer_currency")
        self.pay_period = choice_combo(_labels(PayPeriod), "offer_pay_period")
        self.bonus = line_edit("offer_bonus", "e.g. Up to 5% of salary a year, on shared goals")
        self.start_date = OptionalDateEdit("offer_start_date", "Starts on")
        self.expiry_date = OptionalDateEdit("offer_expiry_date", "Answer by")
        self.employment_type = choice_combo(_labels(EmploymentType), "offer_employment_type")
        self.probation = line_edit("offer_probation", "e.g. Six months, reviewed after three")
        self.working_hours = line_edit(
            "offer_working_hours", "e.g. 39 hours a week, Monday to Friday"
        )
        self.place_of_work = line_edit("offer_place_of_work", "Where the work is done")
        self.benefits = text_box("offer_benefits", "One benefit a line: holidays, pension, …")
        self.conditions = text_box(
            "offer_conditions", "What the offer depends on, e.g. references, right to work"
        )

        self.tabs = FieldTabs("salary")
        self.tabs.add_tab(
            "&Pay && Dates",
            [
                ("salary", "&Salary:", self.salary),
                ("currency", "Currency:", self.currency),
                ("pay_period", "Paid:", self.pay_period),
                ("bonus", "Bonus:", self.bonus),
                ("start_date", "Start date:", self.start_date),
                ("expiry_date", "Offer expires:", self.expiry_date),
            ],
        )
        self.tabs.add_tab(
            "&Terms",
            [
                ("employment_type", "Employment type:", self.employment_type),
                ("probation", "Probation:", self.probation),
                ("working_hours", "Working hours:", self.working_hours),
                ("place_of_work", "Place of work:", self.place_of_work),
            ],
        )
        self.tabs.add_tab(
            "&Benefits && Conditions",
            [
                ("benefits", "Benefits:", self.benefits),
                ("conditions", "Conditions:", self.conditions),
            ],
        )
        self.warnings = plain_label(name="offer_warnings")
        set_style(self.warnings, note_style(Tone.WARNING))
        self.error = show_errors_in(plain_label(name="offer_error"))
        self.error.hide()
        self.buttons = save_cancel(self)

        layout = QVBoxLayout(self)
        parts: tuple[QWidget, ...] = (
            self.heading,
            self.facts,
            self.status_note,
            self.tabs,
            self.warnings,
            self.error,
            self.buttons,
        )
        for widget in parts:
            layout.addWidget(widget)
        self.resize(600, 520)
        self._load(detail)
        for signal in (
            self.salary.textChanged,
            self.currency.currentTextChanged,
            self.pay_period.currentIndexChanged,
            self.start_date.enabled.toggled,
            self.start_date.edit.dateChanged,
        ):
            signal.connect(self.update_warnings)
        self.update_warnings()

    # -- loading ---------------------------------------------------------------------

    def _facts(self) -> str:
        ctx = self.context
        budget = budget_text(ctx.budget, ctx.locale)
        if ctx.notice_weeks:
            earliest = format_day(ctx.earliest_start(), ctx.locale)
            notice = f"{ctx.notice_weeks} weeks' notice: could start from {earliest}"
        else:
            notice = "notice period not recorded"
        return f"Budget: {budget}. Candidate: {notice}."

    def _load(self, detail: OfferDetail | None) -> None:
        ctx = self.context
        draft = (
            detail.draft
            if detail
            else OfferDraft(
                salary=None,
                currency=ctx.budget.currency,
                pay_period=ctx.budget.period,
                employment_type=ctx.role_employment_type,
            )
        )
        self.salary.setText(_amount(draft.salary))
        select_code(self.currency, draft.currency)
        select_data(self.pay_period, draft.pay_period)
        self.bonus.setText(draft.bonus)
        answer_by = draft.expiry_date or workbook_preferences.answer_by_default(self._workbook)
        self.start_date.set_value(draft.start_date)
        if draft.start_date is None:  # ticking "Starts on" suggests a date that passes
            self.start_date.edit.setDate(qdate(ctx.suggested_start(answer_by)))
        self.expiry_date.set_value(draft.expiry_date)
        if draft.expiry_date is None:  # ticking "Answer by" starts at the workbook's usual days
            self.expiry_date.edit.setDate(qdate(answer_by))
        select_data(self.employment_type, draft.employment_type)
        self.probation.setText(draft.probation)
        self.working_hours.setText(draft.working_hours)
        self.place_of_work.setText(draft.place_of_work)
        self.benefits.setPlainText(draft.benefits)
        self.conditions.setPlainText(draft.conditions)
        self._show_status(detail)

    def _show_status(self, detail: OfferDetail | None) -> None:
        status = OfferStatus(detail.status) if detail else OfferStatus.DRAFT
        note = ""
        if status is OfferStatus.APPROVED and detail is not None:
            note = (
                f"Approved by {detail.approved_by or 'a former team member'}. Changing the "
                "terms returns the offer to draft; it then needs approving again."
            )
        elif not self._editable:
            note = f"This offer is {status.label.lower()}; its terms can no longer be changed."
            self._make_read_only()
        self.status_note.setText(note)
        self.status_note.setVisible(bool(note))

    def _make_read_only(self) -> None:
        for field in self.tabs.fields.values():
            widget = field.field
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")

    # -- reading -----------------------------------------------------------------------

    def draft(self) -> OfferDraft:
        """The terms as typed; raises ValidationError when the salary is not a number."""
        try:
            salary = parse_money(self.salary.text())
        except ValueError as exc:
            raise ValidationError({"salary": str(exc)}) from None
        return OfferDraft(
            salary=salary,
            currency=combo_code(self.currency),
            pay_period=str(self.pay_period.currentData()),
            bonus=self.bonus.text(),
            start_date=self.start_date.value(),
            employment_type=str(self.employment_type.currentData()),
            probation=self.probation.text(),
            working_hours=self.working_hours.text(),
            place_of_work=self.place_of_work.text(),
            benefits=self.benefits.toPlainText(),
            expiry_date=self.expiry_date.value(),
            conditions=self.conditions.toPlainText(),
        )

    def current_warnings(self) -> list[str]:
        """The warnings for the terms as typed now (an unreadable salary is left out)."""
        currency = combo_code(self.currency).upper()
        salary_minor: int | None
        try:
            amount = parse_money(self.salary.text())
            salary_minor = major_to_minor(amount, currency) if amount else None
        except (ValueError, ArithmeticError):
            salary_minor = None
        return self.context.warnings(
            salary_minor,
            currency,
            str(self.pay_period.currentData()),
            self.start_date.value(),
        )

    def update_warnings(self) -> None:
        found = self.current_warnings() if self._editable else []
        self.warnings.setText("\n".join(f"⚠ {warning}" for warning in found))
        self.warnings.setVisible(bool(found))

    # -- saving --------------------------------------------------------------------------

    def accept(self) -> None:
        self.tabs.clear_errors()
        self.error.hide()

        def save() -> OfferDetail:
            draft = self.draft()
            if self._offer_id is None:
                return offer_records.create_offer(self._workbook, self._application_id, draft)
            return offer_records.update_offer(self._workbook, self._offer_id, draft)

        def refused(exc: Exception) -> None:
            self.error.setText(str(exc))
            self.error.show()

        saved = run_operation(
            self,
            save,
            changes=Change.OFFERS,
            on_invalid=lambda exc: self.tabs.show_errors(exc.errors),
            on_refused=refused,
        )
        if saved is not None:
            self.saved = saved
            super().accept()


def _amount(value: Decimal | None) -> str:
    """An amount as the salary field shows it: "72,000" or "4,250.50"."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{value.to_integral_value():,f}"
    return f"{value:,f}"
