"""The candidate detail panel: a header (``candidate_header``: who, where each
application stands, the next step), then profile, applications (with moves),
interviews, files, timeline and notes as sections.

Everything a candidate wrote is shown as plain text: a note with HTML in it shows
its tags, it is never rendered.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day, format_moment
from hiring_desk.domain.vocab import OfferStatus
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.common.time_zones import as_utc
from hiring_desk.services.email.messages import MessageRecord, messages_of
from hiring_desk.services.interviews import interview_records, scorecards
from hiring_desk.services.offers import offer_records
from hiring_desk.services.pipeline import next_steps, stage_moves
from hiring_desk.services.pipeline.next_steps import NextStep, StepKind
from hiring_desk.services.pipeline.stage_moves import ApplicationInfo
from hiring_desk.services.today import tasks
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.candidates.attachments_panel import AttachmentsPanel
from hiring_desk.ui.candidates.candidate_header import CandidateHeader
from hiring_desk.ui.candidates.detail_sections import ProfileSection, SectionTabs
from hiring_desk.ui.email.compose import HeldWorkbook, open_compose
from hiring_desk.ui.email.message_history import MessageTextDialog, timeline_text
from hiring_desk.ui.interviews.scorecards_panel import ScorecardsPanel
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.stage_colours import stage_dot
from hiring_desk.ui.theme import is_dark
from hiring_desk.ui.widgets import plain_label

_ROLE_TITLE = Qt.ItemDataRole.UserRole + 1
#: A timeline line that is a message: its record (the text opens on double-click).
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 2
_ROLE_ID = Qt.ItemDataRole.UserRole + 3
#: Write to the shown candidate (Ctrl+W closes the workbook; M for mail).
WRITE_KEYS = "Ctrl+Shift+M"


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
        self.header = CandidateHeader()
        self.header.step_requested.connect(self.take_step)
        self.title, self.subtitle = self.header.name, self.header.title
        self.write_button = QPushButton("&Write…")
        self.write_button.setObjectName("write_to_candidate")
        self.write_button.setToolTip(
            f"Write to this candidate from a template ({QKeySequence(WRITE_KEYS).toString()})"
        )
        self.write_button.clicked.connect(self.write_to_candidate)
        write_keys = QShortcut(QKeySequence(WRITE_KEYS), self, self.write_to_candidate)
        write_keys.setContext(Qt.ShortcutContext.WindowShortcut)
        write_keys.setWhatsThis("Write to the candidate shown")

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
        self.timeline.itemActivated.connect(self._read_message)
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

        self.profile = ProfileSection()
        self.fields, self.privacy = self.profile.fields, self.profile.privacy
        self.privacy.changed.connect(self._privacy_changed)
        self.tabs = SectionTabs()
        self.tabs.addTab(self.profile, "Profile")
        self.tabs.addTab(apps, "Applications")
        self.tabs.addTab(interviews, "Interviews")
        self.tabs.addTab(self.attachments, "Files")
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.notes, "Notes")
        self.header.corner.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
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
            self.header.show_nobody("No candidate selected")
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
            self.write_button.setEnabled(False)
            return
        self.tabs.setEnabled(True)
        apply_permission(self.write_button, self._workbook, Permission.EMAIL)
        detail = candidate_records.get_candidate(self._workbook, candidate_id)
        applications = stage_moves.applications_of(self._workbook, candidate_id)
        self.profile.show_candidate(detail, self._locale)
        self._show_applications(applications)
        r = detail.record
        zone = interview_records.candidate_zone(self._workbook, candidate_id)
        self.header.show_candidate(
            r.name, r.current_title, r.location, zone, applications, self._locale
        )
        step = next_steps.next_step_of(self._workbook, applications, self._locale)
        self.header.show_step(step)
        if step is not None:  # offered as the role allows: a scorecard is anyone's own
            role_id = next((a.role_id for a in applications if a.id == step.application_id), None)
            permission = {StepKind.APPLY: Permission.CANDIDATES}.get(step.kind, Permission.PIPELINE)
            scoring = step.kind is StepKind.SCORE  # no refusal: the workbook is not asked
            apply_permission(
                self.header.next_button,
                None if scoring else self._workbook,
                permission,
                role_id=role_id,
            )
        self._show_timeline(candidate_id)
        self.notes.setPlainText(detail.record.notes)
        self.attachments.show_candidate(self._workbook, candidate_id, self._locale)
        self.privacy.show_candidate(self._workbook, candidate_id, detail.record.name, self._locale)
        if self.privacy.info is not None and self.privacy.info.is_erased:
            self.subtitle.setText(self.privacy.consent.text())  # "Personal data erased on ..."
            self.subtitle.show()
            self.header.show_step(None)
            self.apply_button.setEnabled(False)
            self.move_button.setEnabled(False)
            self.write_button.setEnabled(False)

    def _show_timeline(self, candidate_id: int) -> None:
        """Stage moves and messages made, newest first; a message's text opens on
        double-click (or Enter)."""
        assert self._workbook is not None
        lines: list[tuple[datetime, str, MessageRecord | str | None]] = []
        for entry in stage_moves.timeline(self._workbook, candidate_id):
            text = f"{format_moment(entry.at, self._locale)} — {entry.role_title}: "
            text += entry.description
            if entry.by:
                text += f" (by {entry.by})"
            if entry.note:
                text += f"\n{entry.note}"
            lines.append((as_utc(entry.at), text, entry.to_stage))
        for message in messages_of(self._workbook, candidate_id):
            lines.append((as_utc(message.made_at), timeline_text(message, self._locale), message))
        lines.sort(key=lambda line: line[0], reverse=True)  # stable: each list's order holds
        self.timeline.clear()
        for task in tasks.tasks_for_candidate(self._workbook, candidate_id):
            due = format_day(task.due_on, self._locale)
            state = "done" if task.done_at is not None else f"due {due}"
            self.timeline.addItem(f"Task ({state}): {task.title}")
        dark = is_dark(self.palette())
        for _at, text, record in lines:
            item = QListWidgetItem(text)
            if isinstance(record, str):  # a move: a dot in the colour of its stage
                item.setIcon(stage_dot(record, dark))
            elif record is not None:
                item.setData(MESSAGE_ROLE, record)
                item.setToolTip("Double-click to read the message")
            self.timeline.addItem(item)

    def _read_message(self, item: QListWidgetItem) -> None:
        record = item.data(MESSAGE_ROLE)
        if isinstance(record, MessageRecord):
            dialog = MessageTextDialog(record, self._locale, self)
            run_modal(dialog)

    def write_to_candidate(self) -> None:
        """Open the compose dialog for the candidate shown (Write…)."""
        candidate_id = self.candidate_id
        if self._workbook is None or candidate_id is None or not self.write_button.isEnabled():
            return
        if open_compose(self, HeldWorkbook(self._workbook), candidate_id=candidate_id):
            self.show_candidate(candidate_id)
            self.changed.emit()

    def _privacy_changed(self) -> None:
        self.show_candidate(self.candidate_id)
        self.changed.emit()

    def _show_applications(self, applications: list[ApplicationInfo]) -> None:
        """One line each; the application chosen before stays chosen (the first, if gone)."""
        chosen = self.selected_application()
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
            item.setData(_ROLE_ID, app.role_id)
            self.applications.addItem(item)
        if applications:
            again = [row for row, app in enumerate(applications) if app.id == chosen]
            self.applications.setCurrentRow(again[0] if again else 0)
        self._follow_role()

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
        self._follow_role()

    def _follow_role(self) -> None:
        """Moves, offers and interviews are the pipeline's work on the chosen
        application's role (a hiring manager's own roles); writing is email's."""
        item, workbook = self.applications.currentItem(), self._workbook
        role_id = item.data(_ROLE_ID) if item is not None else None
        for button, enabled in (
            (self.move_button, self.applications.count() > 0),
            (self.offer_button, self.applications.count() > 0),
            (self.schedule_button, item is not None),
        ):
            apply_permission(
                button, workbook, Permission.PIPELINE, role_id=role_id, enabled=enabled
            )

    def _schedule_clicked(self) -> None:
        self._schedule(self.selected_application())

    def _schedule(self, application_id: int | None, interview_id: int | None = None) -> None:
        """Book an interview for the application (or open ``interview_id``'s booking)."""
        if application_id is None or self._workbook is None:
            return
        from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog

        if ScheduleDialog.ask(self._workbook, application_id, self, interview_id) is not None:
            self.show_candidate(self.candidate_id)
            self.changed.emit()

    def _offer_clicked(self) -> None:
        self._offer(self.selected_application())

    def _offer(self, application_id: int | None) -> None:
        """Draft an offer for the application, or open its offer still in play."""
        if application_id is None or self._workbook is None:
            return
        from hiring_desk.ui.offers.offer_dialog import OfferDialog

        existing = offer_records.offers_for_application(self._workbook, application_id)
        live = [o for o in existing if o.status not in _ENDED_OFFERS]
        offer_id = live[-1].id if live else None
        dialog = OfferDialog(self._workbook, application_id, self, offer_id=offer_id)
        if run_modal(dialog) and dialog.saved is not None:
            self.show_candidate(self.candidate_id)
            self.changed.emit()

    def _score(self, interview_id: int | None) -> None:
        if interview_id is None or self._workbook is None:
            return
        from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog

        if ScorecardDialog.ask(self._workbook, interview_id, self, locale=self._locale):
            self.show_candidate(self.candidate_id)
            self.changed.emit()

    def take_step(self, step: NextStep) -> None:
        """Open what the header's next step names (the same dialogs as the sections')."""
        kind, application_id = step.kind, step.application_id
        if kind is StepKind.SCORE:
            self._score(step.interview_id)
        elif kind in (StepKind.MAKE_OFFER, StepKind.OPEN_OFFER):
            self._offer(application_id)
        elif kind in (StepKind.SCHEDULE, StepKind.OPEN_INTERVIEW):
            self._schedule(application_id, step.interview_id)
        elif kind is StepKind.MOVE and application_id is not None:
            self.move_requested.emit(application_id)
        elif kind is StepKind.APPLY:
            self.apply_requested.emit()

    def _move_clicked(self) -> None:
        application_id = self.selected_application()
        if application_id is not None:
            self.move_requested.emit(application_id)
