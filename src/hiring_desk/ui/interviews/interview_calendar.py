"""The interviews ahead as a calendar-style list: a heading per day, a row per interview.

Days are each interview's own local day; times are shown in the interview's time
zone (named when it is not the workbook's). Everything is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from babel.dates import format_date, format_time
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services.common import time_zones
from hiring_desk.services.interviews import calendar_export, interview_records, interview_schedule
from hiring_desk.services.interviews.interview_records import CalendarDay, InterviewDetail
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.table_model import MAX_COLUMN_WIDTH
from hiring_desk.ui.theme import TextRole, scaled_font
from hiring_desk.ui.widgets import plain_label

#: What the list shows: the interviews, and the names and places they are listed with.
SHOWS = (
    Change.INTERVIEWS
    | Change.APPLICATIONS
    | Change.CANDIDATES
    | Change.ROLES
    | Change.TEAM
    | Change.COMPANY
    | Change.PREFERENCES
)
COLUMNS = ("Time", "Candidate", "Round", "Role", "Place / link", "Interviewers", "Status")
_ID_ROLE = Qt.ItemDataRole.UserRole
_DAY_ROLE = Qt.ItemDataRole.UserRole + 1


def day_heading(day: date, today: date, locale: str) -> str:
    """ "Today", "Tomorrow", "Yesterday", or the date in the locale's long form."""
    names = {today: "Today", today + timedelta(days=1): "Tomorrow"}
    names[today - timedelta(days=1)] = "Yesterday"
    return names.get(day) or format_date(day, "full", locale=locale)


def time_span(detail: InterviewDetail, home_zone: str, locale: str) -> str:
    """ "09:30–10:30", with the zone's name when it is not the workbook's."""
    start = format_time(detail.local_start, "short", locale=locale)
    end = format_time(detail.local_end, "short", locale=locale)
    text = f"{start}–{end}"
    return text if detail.timezone == home_zone else f"{text} ({detail.timezone})"


class _Tree(QTreeWidget):
    """A tree that reports Enter on the current row (double-click is built in)."""

    entered = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.entered.emit(item)
            return
        super().keyPressEvent(event)


class InterviewCalendar(QWidget):
    """Interviews under day headings; acts on the selected one.

    ``interview_activated(id)`` on a double-click or Enter on an interview. Edits,
    cancellations and "done" are announced as ``Change.INTERVIEWS``; a change made
    elsewhere to what the list shows refreshes it.
    """

    interview_activated = Signal(int)
    #: Asks the window to show an area (the empty calendar leads to Candidates).
    area_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interview_calendar")
        self._workbook: Workbook | None = None
        self._details: dict[int, InterviewDetail] = {}
        self.today: Callable[[], date] = clock.today
        self.show_past = QCheckBox("Show &past")
        self.show_past.setObjectName("calendar_show_past")
        self.show_past.toggled.connect(self.refresh)
        self.tree = _Tree()
        self.tree.setObjectName("calendar_tree")
        self.tree.setAccessibleName("Interviews by day")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.entered.connect(self._activated)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.empty = EmptyState("calendar_empty", "", "", "", lambda: None)
        self._say_why_empty()
        self.status = plain_label(name="calendar_status", wrap=False)

        #: The row of actions; a page adds its own (its primary action first).
        self.toolbar = bar = PageToolbar("calendar_toolbar", "Mo&re")
        self.edit_action = bar.action("&Edit…", "calendar_edit", self.edit_selected, "edit")
        self.done_action = bar.action(
            "Mark &Done", "calendar_done", self.mark_selected_done, "done"
        )
        self.cancel_action = bar.action(
            "&Cancel…",
            "calendar_cancel",
            self.cancel_selected,
            "cancel",
            "Cancel this interview (it stays listed, marked cancelled)",
        )
        self.export_action = bar.action(
            "E&xport .ics…",
            "calendar_export",
            self.export_selected,
            "export",
            "Save this interview as an iCalendar file",
        )
        self.export_day_action = bar.action(
            "D&ay .ics…",
            "calendar_export_day",
            self.export_selected_day,
            "calendar",
            "Save every interview of this day as an iCalendar file",
        )
        self.edit_button = bar.button(self.edit_action)
        self.done_button = bar.button(self.done_action)
        self.cancel_button = bar.button(self.cancel_action)
        self.export_button = bar.button(self.export_action)
        self.export_day_button = bar.button(self.export_day_action)
        bar.add_trailing(self.show_past)
        bar.attach_context_menu(self.tree)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.status)
        self._update_buttons()
        ChangeListener(self, SHOWS, lambda _changes: self.refresh())

    # -- showing -----------------------------------------------------------------------

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.status.clear()
        self.refresh()

    def refresh(self) -> None:
        """Reload the days, keeping the selected interview selected."""
        keep = self.selected_interview_id()
        self.tree.clear()
        self._details.clear()
        days: list[CalendarDay] = []
        if self._workbook is not None:
            start = None if self.show_past.isChecked() else self.today()
            days = interview_records.upcoming(self._workbook, start)
            locale = company.get_company(self._workbook).locale
            home = time_zones.default_timezone(self._workbook)
            for day in days:
                self._add_day(day, locale, home)
        self.tree.expandAll()
        for column in range(len(COLUMNS) - 1):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), MAX_COLUMN_WIDTH))
        if not days:
            self._say_why_empty()
        self.tree.setVisible(bool(days))
        self.empty.setVisible(self._workbook is not None and not days)
        self.toolbar.lead(not self.empty.isVisibleTo(self))
        if keep is not None:
            self.select_interview(keep)
        elif days and self.show_past.isChecked():
            self._scroll_to_today()
        self._update_buttons()

    def _say_why_empty(self) -> None:
        """Nothing to list: say what belongs here, and offer the way to it."""
        earlier = self._workbook is not None and bool(interview_records.upcoming(self._workbook))
        if earlier and not self.show_past.isChecked():
            self.empty.set_content(
                "Nothing booked from today on",
                "Interviews still to come show here, day by day. The earlier ones are kept.",
                "Show &Past Interviews",
                lambda: self.show_past.setChecked(True),
            )
        else:
            self.empty.set_content(
                "No interviews yet",
                "Interviews are booked from a candidate's record: choose someone on the "
                "Candidates page and schedule their round. Each one then shows here.",
                "Go to &Candidates",
                lambda: self.area_requested.emit("candidates"),
            )

    def _add_day(self, day: CalendarDay, locale: str, home: str) -> None:
        heading = QTreeWidgetItem(self.tree, [day_heading(day.day, self.today(), locale)])
        heading.setData(0, _DAY_ROLE, day.day.isoformat())
        heading.setFirstColumnSpanned(True)
        heading.setFont(0, scaled_font(TextRole.STRONG, heading.font(0)))
        dim = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for detail in day.interviews:
            row = QTreeWidgetItem(
                heading,
                [
                    time_span(detail, home, locale),
                    detail.candidate_name,
                    detail.round_name,
                    detail.role_title,
                    detail.place,
                    ", ".join(detail.interviewer_names),
                    detail.status_label,
                ],
            )
            row.setData(0, _ID_ROLE, detail.id)
            self._details[detail.id] = detail
            row.setData(0, _DAY_ROLE, day.day.isoformat())
            row.setToolTip(4, detail.place)
            if detail.status == InterviewStatus.CANCELLED.value:
                for column in range(len(COLUMNS)):
                    row.setForeground(column, dim)

    def _scroll_to_today(self) -> None:
        today = self.today().isoformat()
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and str(item.data(0, _DAY_ROLE)) >= today:
                self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
                return

    # -- selection ---------------------------------------------------------------------

    def interview_items(self) -> list[QTreeWidgetItem]:
        """Every interview row, top to bottom."""
        rows: list[QTreeWidgetItem] = []
        for index in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(index)
            if heading is not None:
                children = (heading.child(i) for i in range(heading.childCount()))
                rows.extend(child for child in children if child is not None)
        return rows

    def select_interview(self, interview_id: int) -> bool:
        for item in self.interview_items():
            if item.data(0, _ID_ROLE) == interview_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def selected_interview_id(self) -> int | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(0, _ID_ROLE)
        return int(value) if value is not None else None

    def selected_day(self) -> date | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        return date.fromisoformat(str(item.data(0, _DAY_ROLE)))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, _ID_ROLE)
        if value is not None:
            self.interview_activated.emit(int(value))

    def _update_buttons(self) -> None:
        interview = self._selected_detail()
        scheduled = interview is not None and interview.status == InterviewStatus.SCHEDULED.value
        role_id = interview.role_id if interview is not None else None
        for action, enabled in (
            (self.edit_action, interview is not None),
            (self.cancel_action, scheduled),
            (self.done_action, scheduled),
        ):  # the pipeline's work, on the interview's role (a hiring manager's own)
            apply_permission(
                action, self._workbook, Permission.PIPELINE, role_id=role_id, enabled=enabled
            )
        self.export_action.setEnabled(interview is not None)
        self.export_day_action.setEnabled(self.selected_day() is not None)

    def _selected_detail(self) -> InterviewDetail | None:
        interview_id = self.selected_interview_id()
        return self._details.get(interview_id) if interview_id is not None else None

    # -- actions -----------------------------------------------------------------------

    def edit_selected(self) -> None:
        detail = self._selected_detail()
        if detail is None or self._workbook is None:
            return
        saved = ScheduleDialog.ask(self._workbook, detail.application_id, self, detail.id)
        if saved is not None:
            self._after_change(f"Saved the {detail.round_name} with {detail.candidate_name}.")

    def cancel_selected(self) -> None:
        detail = self._selected_detail()
        if detail is None or self._workbook is None:
            return
        if not messages.confirm(
            self,
            "Cancel Interview",
            f"Cancel the {detail.round_name} with {detail.candidate_name}? "
            "It stays in the list, marked cancelled.",
            "Cancel Interview",
        ):
            return
        self._change(interview_schedule.cancel, detail, "Cancelled")

    def mark_selected_done(self) -> None:
        detail = self._selected_detail()
        if detail is not None:
            self._change(interview_schedule.mark_done, detail, "Marked done:")

    def _change(
        self, action: Callable[[Workbook, int], None], detail: InterviewDetail, verb: str
    ) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        run_operation(
            self,
            lambda: action(workbook, detail.id),
            changes=Change.INTERVIEWS,
            on_success=lambda _none: self._after_change(
                f"{verb} the {detail.round_name} with {detail.candidate_name}."
            ),
            on_refused=lambda exc: messages.show_warning(self, "Interview Not Changed", str(exc)),
        )

    def _after_change(self, note: str) -> None:
        self.refresh()
        self.status.setText(note)

    def export_selected(self) -> None:
        detail = self._selected_detail()
        if detail is None or self._workbook is None:
            return
        name = f"interview-{detail.local_day.isoformat()}-{detail.id}.ics"
        workbook = self._workbook
        self._export(name, lambda: calendar_export.ics_for_interviews(workbook, [detail.id]))

    def export_selected_day(self) -> None:
        day = self.selected_day()
        if day is None or self._workbook is None:
            return
        workbook = self._workbook
        self._export(
            f"interviews-{day.isoformat()}.ics", lambda: calendar_export.ics_for_day(workbook, day)
        )

    def _export(self, suggested: str, build: Callable[[], bytes]) -> None:
        path = file_dialogs.ask_export_path(self, Path.home() / suggested, "Calendar files", ".ics")
        if path is None:
            return

        def export() -> bytes:
            data = build()
            calendar_export.write_ics(data, path)
            return data

        data = run_operation(
            self,
            export,
            on_refused=lambda exc: messages.show_warning(self, "Export Failed", str(exc)),
        )
        if data is None:
            return
        count = data.count(b"\r\nBEGIN:VEVENT\r\n")
        self.status.setText(f"Exported {count} interview{'s' if count != 1 else ''} to {path}.")
