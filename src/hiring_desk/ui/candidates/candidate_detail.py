"""The candidate detail panel: profile, applications (with moves), timeline and notes.

Everything a candidate wrote is shown as plain text: a note with HTML in it shows
its tags, it is never rendered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day, format_moment, format_money_range
from hiring_desk.domain.vocab import OfferStatus, Source, WorkMode
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.candidate_records import CandidateDetail
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.offers import offer_records
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.stage_moves import ApplicationInfo
from hiring_desk.services.today import tasks
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.candidates.attachments_panel import AttachmentsPanel
from hiring_desk.ui.candidates.detail_sections import SectionTabs
from hiring_desk.ui.interviews.scorecards_panel import ScorecardsPanel
from hiring_desk.ui.privacy.privacy_dialogs import PrivacySection
from hiring_desk.ui.widgets import plain_label

_ROLE_TITLE = Qt.ItemDataRole.UserRole + 1

#: Offers that no longer count: "Make Offer" starts a new one after these.
_ENDED_OFFERS = frozenset({OfferStatus.DECLINED.value, OfferStatus.WITHDRAWN.value})


class CandidateDetailPanel(QWidget):
    """Shows one candidate; ``move_requested(application_id)`` asks the page to move it."""

    move_requested = Signal(int)
    apply_requested = Signal()
    #: Something about the candidate changed here (an offer, an interview...).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidate_detail")
        self._workbook: Workbook | None = None
        self._locale = "en_GB"
        self.candidate_id: int | None = None
        self.title = plain_label(name="detail_name", selectable=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = plain_label(name="detail_subtitle", selectable=True)

        self.fields: dict[str, QLabel] = {}
        profile = QWidget()
        form = QFormLayout(profile)
        for key, label in (
            ("email", "Email:"),
            ("phone", "Phone:"),
            ("location", "Location:"),
            ("links", "Links:"),
            ("source", "Source:"),
            ("experience", "Experience:"),
            ("salary", "Expects:"),
            ("notice", "Notice:"),
            ("work_mode", "Prefers:"),
            ("skills", "Skills:"),
            ("tags", "Tags:"),
        ):
            self.fields[key] = plain_label(name=f"detail_{key}", selectable=True)
            form.addRow(label, self.fields[key])
        self.privacy = PrivacySection()
        self.privacy.changed.connect(self._privacy_changed)
        form.addRow("Privacy:", self.privacy)

        self.applications = QListWidget()
        self.applications.setObjectName("detail_applications")
        self.applications.setAccessibleName("Applications")
        self.move_button = QPushButton("&Move Stage…")
        self.move_button.setObjectName("move_stage")
        self.move_button.clicked.connect(self._move_clicked)
        self.applications.itemDoubleClicked.connect(lambda _item: self._move_clicked())
        self.apply_button = QPushButton("A&pply to Role…")
        self.apply_button.setObjectName("apply_to_role")
        self.apply_button.clicked.connect(self.apply_requested)
        self.offer_button = QPushButton("Make &Offer…")
        self.offer_button.setObjectName("make_offer")
        self.offer_button.setToolTip("Draft an offer for this application, or open its offer")
        self.offer_button.clicked.connect(self._offer_clicked)
        apps = QWidget()
        apps_layout = QVBoxLayout(apps)
        apps_layout.addWidget(self.applications)
        row = QHBoxLayout()
        row.addWidget(self.move_button)
        row.addWidget(self.offer_button)
        row.addWidget(self.apply_button)
        row.addStretch()
        apps_layout.addLayout(row)

        self.timeline = QListWidget()
        self.timeline.setObjectName("detail_timeline")
        self.timeline.setAccessibleName("Timeline")
        self.timeline.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("detail_notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setReadOnly(True)

        self.attachments = AttachmentsPanel()
        self.interviews_for = plain_label(name="interviews_for", selectable=True)
        self.scorecards = ScorecardsPanel()
        self.scorecards.changed.connect(self.changed)
        self.schedule_button = QPushButton("&Schedule Interview…")
        self.schedule_button.setObjectName("schedule_interview")
        self.schedule_button.clicked.connect(self._schedule_clicked)
        interviews = QWidget()
        interviews_layout = QVBoxLayout(interviews)
        heading = QHBoxLayout()
        heading.addWidget(self.interviews_for, 1)
        heading.addWidget(self.schedule_button)
        interviews_layout.addLayout(heading)
        interviews_layout.addWidget(self.scorecards, 1)
        self.applications.currentRowChanged.connect(lambda _row: self._show_interviews())

        self.tabs = SectionTabs()
        self.tabs.addTab(profile, "Profile")
        self.tabs.addTab(apps, "Applications")
        self.tabs.addTab(interviews, "Interviews")
        self.tabs.addTab(self.attachments, "Files")
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.notes, "Notes")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        self.show_candidate(None)

    def set_workbook(self, workbook: Workbook | None, locale: str) -> None:
        self._workbook = workbook
        self._locale = locale
        self.show_candidate(None)

    def selected_application(self) -> int | None:
        item = self.applications.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def show_candidate(self, candidate_id: int | None) -> None:
        self.candidate_id = candidate_id
        if self._workbook is None or candidate_id is None:
            self.title.setText("No candidate selected")
            self.subtitle.clear()
            for label in self.fields.values():
                label.clear()
            # Quietly: the ids in the list may belong to the workbook just closed.
            self.applications.blockSignals(True)
            self.applications.clear()
            self.applications.blockSignals(False)
            self.timeline.clear()
            self.notes.clear()
            self.attachments.show_candidate(self._workbook, None, self._locale)
            self.privacy.show_candidate(None, None, "", self._locale)
            self._show_interviews()
            self.tabs.setEnabled(False)
            return
        self.tabs.setEnabled(True)
        detail = candidate_records.get_candidate(self._workbook, candidate_id)
        self._show_profile(detail)
        self._show_applications(stage_moves.applications_of(self._workbook, candidate_id))
        self.timeline.clear()
        for task in tasks.tasks_for_candidate(self._workbook, candidate_id):
            due = format_day(task.due_on, self._locale)
            state = "done" if task.done_at is not None else f"due {due}"
            self.timeline.addItem(f"Task ({state}): {task.title}")
        for entry in stage_moves.timeline(self._workbook, candidate_id):
            when = format_moment(entry.at, self._locale)
            text = f"{when} — {entry.role_title}: {entry.description}"
            if entry.by:
                text += f" (by {entry.by})"
            if entry.note:
                text += f"\n{entry.note}"
            self.timeline.addItem(text)
        self.notes.setPlainText(detail.record.notes)
        self.attachments.show_candidate(self._workbook, candidate_id, self._locale)
        self.privacy.show_candidate(self._workbook, candidate_id, detail.record.name, self._locale)
        if self.privacy.info is not None and self.privacy.info.is_erased:
            self.subtitle.setText(self.privacy.consent.text())  # "Personal data erased on ..."
            self.apply_button.setEnabled(False)
            self.move_button.setEnabled(False)

    def _privacy_changed(self) -> None:
        self.show_candidate(self.candidate_id)
        self.changed.emit()

    def _show_profile(self, detail: CandidateDetail) -> None:
        r = detail.record
        self.title.setText(r.name)
        self.subtitle.setText(r.current_title)
        self.fields["email"].setText(r.email)
        self.fields["phone"].setText(r.phone)
        self.fields["location"].setText(r.location)
        self.fields["links"].setText(
            "\n".join(u for u in (r.linkedin_url, r.github_url, r.portfolio_url) if u)
        )
        self.fields["source"].setText(Source(r.source).label)
        self.fields["experience"].setText(
            "" if r.years_experience is None else f"{r.years_experience} years"
        )
        salary = ""
        if r.salary_expectation is not None and r.salary_currency:
            from hiring_desk.domain.formatting import major_to_minor

            low = major_to_minor(r.salary_expectation, r.salary_currency)
            high = (
                None
                if r.salary_expectation_max is None
                else major_to_minor(r.salary_expectation_max, r.salary_currency)
            )
            salary = format_money_range(low, high, r.salary_currency, self._locale, whole=True)
        self.fields["salary"].setText(salary)
        self.fields["notice"].setText("" if r.notice_weeks is None else f"{r.notice_weeks} weeks")
        self.fields["work_mode"].setText(
            WorkMode(r.work_mode_preference).label if r.work_mode_preference else ""
        )
        self.fields["skills"].setText(", ".join(r.skills))
        self.fields["tags"].setText(", ".join(r.tags))

    def _show_applications(self, applications: list[ApplicationInfo]) -> None:
        self.applications.clear()
        scores = (
            scorecards.aggregates_for_applications(self._workbook, [a.id for a in applications])
            if self._workbook is not None
            else {}
        )
        for app in applications:
            text = f"{app.role_title} — {app.stage_label}"
            if app.closed_reason:
                text += f" ({app.closed_reason})"
            if app.match.score is not None:
                text += f" — match {app.match.score}%: {app.match.summary}"
            found = scores.get(app.id)
            if found is not None and not found.is_empty:
                text += f" — interviews {found.verdict}"
            text += f" — applied {format_day(app.applied_at.date(), self._locale)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, app.id)
            item.setData(_ROLE_TITLE, f"{app.role_title} — {app.stage_label}")
            self.applications.addItem(item)
        if applications:
            self.applications.setCurrentRow(0)
        self.move_button.setEnabled(bool(applications))
        self.offer_button.setEnabled(bool(applications))

    def _show_interviews(self) -> None:
        """The Interviews tab follows the application chosen on the Applications tab."""
        item = self.applications.currentItem()
        application_id = self.selected_application()
        if item is None or application_id is None:
            self.interviews_for.setText("No application: apply the candidate to a role first.")
        else:
            self.interviews_for.setText(f"Application: {item.data(_ROLE_TITLE)}")
        self.scorecards.show_application(self._workbook, application_id, locale=self._locale)
        self.schedule_button.setEnabled(application_id is not None)

    def _schedule_clicked(self) -> None:
        application_id = self.selected_application()
        if application_id is None or self._workbook is None:
            return
        from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog

        if ScheduleDialog.ask(self._workbook, application_id, self) is not None:
            self._show_interviews()
            self.changed.emit()

    def _offer_clicked(self) -> None:
        application_id = self.selected_application()
        if application_id is None or self._workbook is None:
            return
        from hiring_desk.ui.offers.offer_dialog import OfferDialog

        existing = offer_records.offers_for_application(self._workbook, application_id)
        live = [o for o in existing if o.status not in _ENDED_OFFERS]
        offer_id = live[-1].id if live else None
        dialog = OfferDialog(self._workbook, application_id, self, offer_id=offer_id)
        if dialog.exec() and dialog.saved is not None:
            self.show_candidate(self.candidate_id)
            self.changed.emit()

    def _move_clicked(self) -> None:
        application_id = self.selected_application()
        if application_id is not None:
            self.move_requested.emit(application_id)
