"""Booking one interview for one application, or changing a booked one.

The round comes from the role's interview plan (or is typed freely), the time is
local to a time zone picked from the IANA names, and the interviewers are ticked
in a list of the team. Errors appear under their field; an interviewer (or the
candidate) already booked at an overlapping time is a warning the person may
overrule.
"""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.services.common import time_zones
from hiring_desk.services.email.email_templates import INTERVIEW_INVITATION, RESCHEDULING
from hiring_desk.services.interviews import interview_records, interview_schedule
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.email.compose import HeldWorkbook, open_compose
from hiring_desk.ui.forms import FieldWithError, name_from_labels, show_errors_in
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import contains_completer, day_of, plain_label, qdate, save_cancel

DEFAULT_START = time(10, 0)
#: "Write an invitation after booking", remembered.
WRITE_AFTER_BOOKING = "write_after_booking"


class ScheduleDialog(FormDialog):
    """Schedule an interview (``interview_id`` None) or edit one; ``saved_id`` after Save."""

    def __init__(
        self,
        workbook: Workbook,
        application_id: int,
        parent: QWidget | None = None,
        interview_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("schedule_dialog")
        self.setWindowTitle("Edit Interview" if interview_id else "Schedule Interview")
        self._workbook = workbook
        self._application_id = application_id
        self._interview_id = interview_id
        self.saved_id: int | None = None
        context = interview_schedule.booking_context(workbook, application_id)
        self._rounds = interview_records.plan_rounds(workbook, context.role_id)
        self._home_zone = time_zones.default_timezone(workbook)

        self.heading = plain_label(
            name="schedule_heading",
            text=f"{context.candidate_name} — {context.role_title} ({context.stage_label})",
        )
        self._candidate_id = context.candidate_id
        self._build_fields()
        self.write_after = QCheckBox(
            "&Write to the candidate about the change after saving"
            if interview_id
            else "&Write an invitation after booking"
        )
        self.write_after.setObjectName("schedule_write_after")
        self.write_after.setToolTip("Opens the message with the interview's calendar file")
        self.write_after.setChecked(Settings().remembered(WRITE_AFTER_BOOKING))
        self.error = plain_label(name="schedule_error")
        show_errors_in(self.error)
        self.error.hide()
        self.buttons = save_cancel(self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        form = QFormLayout()
        for key, text in (
            ("round", "&Round:"),
            ("date", "&Date:"),
            ("time", "&Time:"),
            ("duration", "D&uration:"),
            ("timezone", "Time &zone:"),
            ("location", "&Place:"),
            ("video_link", "&Video link:"),
            ("interviewers", "&Interviewers:"),
            ("notes", "&Notes:"),
        ):
            form.addRow(text, self.fields[key])
        form.addRow("", self.zone_hint)
        form.addRow("", self.write_after)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        if interview_id is not None:
            self._fill(interview_records.get_interview(workbook, interview_id))
        if context.refusal:
            self._show_error(context.refusal)
            self.save_button.setEnabled(False)
        self._update_zone_hint()
        name_from_labels(self)

    @classmethod
    def ask(
        cls,
        workbook: Workbook,
        application_id: int,
        parent: QWidget | None = None,
        interview_id: int | None = None,
    ) -> int | None:
        """Show the dialog; the saved interview's id, or None if cancelled. When asked
        (ticked), the invitation (or the change) is written next, .ics attached."""
        dialog = cls(workbook, application_id, parent, interview_id)
        if not run_modal(dialog) or dialog.saved_id is None:
            return None
        if dialog.write_after.isChecked():
            dialog.write_to_candidate(parent)
        return dialog.saved_id

    def write_to_candidate(self, parent: QWidget | None) -> bool:
        """The invitation (or the change) for the interview saved, .ics attached."""
        if self.saved_id is None:
            return False
        return open_compose(
            parent,
            HeldWorkbook(self._workbook),
            candidate_id=self._candidate_id,
            template=RESCHEDULING if self._interview_id else INTERVIEW_INVITATION,
            interview_id=self.saved_id,
        )

    # -- building ----------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.round = QComboBox()
        self.round.setObjectName("schedule_round")
        self.round.setEditable(True)
        self.round.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for option in self._rounds:
            self.round.addItem(option.name, option.id)
        line = self.round.lineEdit()
        assert line is not None
        line.setPlaceholderText("A round of the plan, or type one")
        self.round.activated.connect(self._round_chosen)

        self.date = QDateEdit()
        self.date.setObjectName("schedule_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        tomorrow = clock.today() + timedelta(days=1)
        self.date.setDate(qdate(tomorrow))
        self.time = QTimeEdit(QTime(DEFAULT_START.hour, DEFAULT_START.minute))
        self.time.setObjectName("schedule_time")
        self.time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setObjectName("schedule_duration")
        self.duration.setRange(interview_schedule.MIN_DURATION, interview_schedule.MAX_DURATION)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setValue(self._rounds[0].duration_minutes if self._rounds else 60)

        self.timezone = QComboBox()
        self.timezone.setObjectName("schedule_timezone")
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(time_zones.known_timezones())
        self.timezone.setCompleter(contains_completer(self.timezone.model(), self.timezone))
        self._set_zone(self._home_zone)

        self.location = QLineEdit()
        self.location.setObjectName("schedule_location")
        self.location.setPlaceholderText("e.g. Meeting room 2, or By phone")
        self.video_link = QLineEdit()
        self.video_link.setObjectName("schedule_video_link")
        self.video_link.setPlaceholderText("https://…")
        self.interviewers = QListWidget()
        self.interviewers.setObjectName("schedule_interviewers")
        for member in team_members.list_members(self._workbook):
            text = f"{member.name} — {member.title}" if member.title else member.name
            item = QListWidgetItem(text, self.interviewers)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.interviewers.setMaximumHeight(120)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("schedule_notes")
        self.notes.setPlaceholderText("For the team only; never exported")
        self.notes.setMaximumHeight(70)
        self.zone_hint = plain_label(name="schedule_zone_hint")

        self.fields = {
            key: FieldWithError(widget)
            for key, widget in (
                ("round", self.round),
                ("date", self.date),
                ("time", self.time),
                ("duration", self.duration),
                ("timezone", self.timezone),
                ("location", self.location),
                ("video_link", self.video_link),
                ("interviewers", self.interviewers),
                ("notes", self.notes),
            )
        }
        for signal in (
            self.date.dateChanged,
            self.time.timeChanged,
            self.timezone.currentTextChanged,
        ):
            signal.connect(self._update_zone_hint)

    def _fill(self, detail: interview_records.InterviewDetail) -> None:
        index = self.round.findData(detail.round_id) if detail.round_id is not None else -1
        if index >= 0:
            self.round.setCurrentIndex(index)
        self.round.setEditText(detail.round_name)
        start = detail.local_start
        self.date.setDate(qdate(start))
        self.time.setTime(QTime(start.hour, start.minute))
        self.duration.setValue(detail.duration_minutes)
        self._set_zone(detail.timezone)
        self.location.setText(detail.location)
        self.video_link.setText(detail.video_link)
        chosen = set(detail.interviewer_ids)
        for row in range(self.interviewers.count()):
            item = self.interviewers.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.notes.setPlainText(detail.notes)

    def _set_zone(self, name: str) -> None:
        index = self.timezone.findText(name)
        if index >= 0:
            self.timezone.setCurrentIndex(index)
        else:
            self.timezone.setEditText(name)

    def _round_chosen(self, index: int) -> None:
        """Picking a planned round takes its usual length."""
        if 0 <= index < len(self._rounds):
            self.duration.setValue(self._rounds[index].duration_minutes)

    # -- reading -----------------------------------------------------------------------

    def draft(self) -> InterviewDraft:
        """The form as the scheduling service takes it."""
        qtime = self.time.time()
        name = self.round.currentText().strip()
        round_id = None
        index = self.round.findText(name, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            round_id = self.round.itemData(index)
        ticked = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.interviewers.item(i) for i in range(self.interviewers.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        return InterviewDraft(
            day=day_of(self.date.date()),
            start=time(qtime.hour(), qtime.minute()),
            timezone=self.timezone.currentText(),
            duration_minutes=self.duration.value(),
            round_name=name,
            round_id=round_id,
            location=self.location.text(),
            video_link=self.video_link.text(),
            interviewer_ids=ticked,
            notes=self.notes.toPlainText(),
        )

    def _update_zone_hint(self) -> None:
        """The time in the workbook's own zone, when the interview is in another one."""
        draft = self.draft()
        zone = time_zones.canonical_timezone(draft.timezone)
        text = ""
        if zone and zone != self._home_zone and draft.day and draft.start:
            try:
                moment = time_zones.local_to_utc(draft.day, draft.start, zone)
            except ValueError:
                moment = None
            if moment is not None:
                home = moment.astimezone(time_zones.zone_or_utc(self._home_zone))
                text = f"That is {home:%H:%M} on {home:%a %d %b} in {self._home_zone}."
        self.zone_hint.setText(text)
        self.zone_hint.setVisible(bool(text))

    # -- saving ------------------------------------------------------------------------

    def accept(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        self.error.hide()
        draft = self.draft()
        workbook, application_id, interview_id = (
            self._workbook,
            self._application_id,
            self._interview_id,
        )
        warnings = run_operation(
            self,
            lambda: interview_schedule.clashes(workbook, application_id, draft, interview_id),
            on_invalid=lambda exc: self._show_field_errors(exc.errors),
            on_refused=lambda exc: self._show_error(str(exc)),
        )
        if warnings is None:
            return
        if warnings and not messages.confirm(
            self,
            "Already Booked",
            "\n".join(warnings) + "\n\nBook this interview anyway?",
            "Book Anyway",
        ):
            return

        def save() -> int:
            if interview_id is None:
                return interview_schedule.schedule(workbook, application_id, draft)
            interview_schedule.update(workbook, interview_id, draft)
            return interview_id

        saved_id = run_operation(
            self,
            save,
            changes=Change.INTERVIEWS,
            on_invalid=lambda exc: self._show_field_errors(exc.errors),
            on_refused=lambda exc: self._show_error(str(exc)),
        )
        if saved_id is not None:
            self.saved_id = saved_id
            Settings().remember(WRITE_AFTER_BOOKING, self.write_after.isChecked())
            super().accept()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            if name in self.fields:
                self.fields[name].set_error(message)
            else:
                self._show_error(f"{name.replace('_', ' ').capitalize()} {message}.")
        first = next((n for n in self.fields if n in errors), None)
        if first is not None:
            self.fields[first].field.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
