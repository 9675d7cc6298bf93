"""The Interviews area: the calendar of interviews, scorecards, packs and the question bank.

The calendar (``InterviewCalendar``) books, edits, cancels and exports interviews;
this page adds what comes after an interview (typing in a scorecard) and what
goes before it (printing the interview pack), and the question bank on a tab.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.interviews import interview_records
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.interviews.interview_calendar import InterviewCalendar
from hiring_desk.ui.interviews.question_bank_page import QuestionBankPage
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.modal import run_modal


class InterviewsPage(QWidget):
    """``candidate_activated(id)`` asks the window to show a candidate; ``area_requested``
    an area.

    The calendar and the question bank each listen to the change hub for what they show.
    """

    candidate_activated = Signal(int)
    #: Asks the window to show an area (from the empty calendar).
    area_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviews_page")
        self._workbook: Workbook | None = None
        self._locale = "en_GB"

        self.calendar = InterviewCalendar()
        self.calendar.interview_activated.connect(self._open_candidate)
        self.calendar.area_requested.connect(self.area_requested)
        self.calendar.tree.itemSelectionChanged.connect(self._update_buttons)

        bar = self.calendar.toolbar
        self.scorecard_button = bar.primary(
            "&Scorecard…",
            "enter_scorecard",
            self.enter_scorecard,
            "Type in an interviewer's scorecard for this interview",
        )
        self.candidate_action = bar.action(
            "Ca&ndidate",
            "open_candidate",
            lambda: self._open_candidate(self.calendar.selected_interview_id()),
            "person",
            "Show this interview's candidate",
        )
        self.pack_action = bar.action(
            "&Pack…",
            "print_pack",
            self.print_pack,
            "print",
            "Print an interview pack: the role, each candidate, the questions and scorecards",
            overflow=True,
        )
        self.candidate_button = bar.button(self.candidate_action)
        schedule = self.calendar

        self.tabs = QTabWidget()
        self.tabs.setObjectName("interviews_tabs")
        self.tabs.addTab(schedule, "Schedule")
        self.question_bank = QuestionBankPage()
        self.tabs.addTab(self.question_bank, "Question Bank")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._update_buttons()

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self._locale = company.get_company(workbook).locale if workbook else "en_GB"
        self.calendar.set_workbook(workbook)
        self.question_bank.set_workbook(workbook)
        self._update_buttons()

    def refresh(self) -> None:
        """Read the calendar and the question bank again."""
        self.calendar.refresh()
        self.question_bank.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        interview_id = self.calendar.selected_interview_id()
        status = None
        if interview_id is not None and self._workbook is not None:
            try:
                status = interview_records.get_interview(self._workbook, interview_id).status
            except ServiceError:
                status = None
        self.scorecard_button.setEnabled(
            status is not None and status != InterviewStatus.CANCELLED.value
        )
        self.candidate_action.setEnabled(status is not None)
        self.pack_action.setEnabled(self._workbook is not None)

    # -- actions ---------------------------------------------------------------------

    def enter_scorecard(self) -> None:
        interview_id = self.calendar.selected_interview_id()
        if self._workbook is None or interview_id is None:
            return
        try:
            saved = ScorecardDialog.ask(self._workbook, interview_id, self, locale=self._locale)
        except ServiceError as exc:
            messages.show_error(self, "Cannot Enter Scorecard", str(exc))
            return
        if saved is not None:
            self.calendar.refresh()
            self.calendar.select_interview(interview_id)

    def print_pack(self) -> None:
        if self._workbook is None:
            return
        from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog

        interview_id = self.calendar.selected_interview_id()
        role_id = None
        if interview_id is not None:
            role_id = interview_records.get_interview(self._workbook, interview_id).role_id
        run_modal(PrintPackDialog(self._workbook, self, role_id=role_id))

    def _open_candidate(self, interview_id: int | None) -> None:
        if self._workbook is None or interview_id is None:
            return
        try:
            detail = interview_records.get_interview(self._workbook, interview_id)
        except ServiceError:
            return
        self.candidate_activated.emit(detail.candidate_id)
