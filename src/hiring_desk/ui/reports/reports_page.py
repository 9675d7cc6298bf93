"""The Reports page: how hiring is going, for one role or all and a range of days.

Choosing a role, a day or a preset range asks for the report again on a worker
thread (``LatestQuery``): the window keeps painting, and only the newest answer is
shown. Each section draws its bars with the numbers beside them, the table, and a
note of what counts; too little data says so instead of a chart. Print… writes the
same sections as a PDF (``services.reports.reports.export_pdf``).
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.documents.report_views import ReportDocument
from hiring_desk.file_names import safe_file_name
from hiring_desk.services.reports.report_figures import ReportScope
from hiring_desk.services.reports.report_sections import document_of
from hiring_desk.services.reports.reports import ALL_ROLES, build_report, export_pdf
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.operations import BackgroundOperation, LatestQuery, run_in_background
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.printed import offer_to_open
from hiring_desk.ui.reports.section_view import SectionView
from hiring_desk.ui.theme import SPACE_S, TextRole, styled
from hiring_desk.ui.widgets import OptionalDateEdit, plain_label, push_button

#: What the report counts from: a change to any of these redraws it.
SHOWS = (
    Change.ROLES
    | Change.CANDIDATES
    | Change.APPLICATIONS
    | Change.INTERVIEWS
    | Change.SCORECARDS
    | Change.OFFERS
    | Change.TEAM
    | Change.COMPANY
)
SECTION_KEYS = (
    "funnel",
    "stage_times",
    "hire_fill",
    "sources",
    "reasons",
    "offers",
    "interviewers",
)
#: The preset ranges: (button text, object name, days back from today; None: none).
PRESETS: tuple[tuple[str, str, int | None], ...] = (
    ("Last 30 days", "report_last_30", 30),
    ("Last 90 days", "report_last_90", 90),
    ("This year", "report_this_year", None),
    ("All time", "report_all_time", None),
)


def preset_range(name: str, today: date) -> tuple[date | None, date | None]:
    """The (from, to) days a preset button stands for."""
    if name == "report_this_year":
        return date(today.year, 1, 1), today
    if name == "report_all_time":
        return None, None
    back = next(days for _text, key, days in PRESETS if key == name)
    assert back is not None
    return today - timedelta(days=back - 1), today


class ReportsPage(QWidget):
    """The hiring report of a role and range, drawn as it is counted on a worker thread;
    ``import_requested`` (from the empty page) asks the window to import candidates."""

    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_page")
        self._workbook: Workbook | None = None
        self._locale = "en_GB"
        self.document: ReportDocument | None = None
        self.operation: BackgroundOperation[object] | None = None
        self.query = LatestQuery(self._show, self, failure_title="Report Not Made")

        self.role = QComboBox()
        self.role.setObjectName("report_role")
        self.role.setAccessibleName("Role")
        self.role.currentIndexChanged.connect(lambda _index: self.refresh())
        self.from_day = OptionalDateEdit("report_from", "From")
        self.to_day = OptionalDateEdit("report_to", "To")
        self.from_day.edit.setAccessibleName("Applied from")
        self.to_day.edit.setAccessibleName("Applied up to")
        for edit in (self.from_day, self.to_day):
            edit.enabled.toggled.connect(lambda _on: self.refresh())
            edit.edit.dateChanged.connect(lambda _day: self.refresh())
        self.toolbar = bar = PageToolbar("reports_toolbar")
        self.print_button = bar.primary(
            "&Print Report…", "report_print", self.print_report, "Save this report as a PDF"
        )
        choices = QWidget()
        choices.setObjectName("report_choices")
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        role_label = QLabel("R&ole:")
        role_label.setBuddy(self.role)
        self.role.setMinimumContentsLength(24)
        row.addWidget(role_label)
        row.addWidget(self.role)
        row.addWidget(self.from_day)
        row.addWidget(self.to_day)
        bar.add_trailing(choices)
        presets = QHBoxLayout()
        presets.addWidget(QLabel("Range:"))
        self.preset_buttons: dict[str, QPushButton] = {}
        for text, key, _days in PRESETS:
            button = push_button(text, key, functools.partial(self.choose_preset, key))
            self.preset_buttons[key] = button
            presets.addWidget(button)
        presets.addStretch()

        self.heading = styled(plain_label(name="report_heading"), TextRole.STRONG)
        self.sections = {key: SectionView(key) for key in SECTION_KEYS}
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        for view in self.sections.values():
            column.addWidget(view)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setObjectName("report_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.empty = EmptyState(
            "reports_empty",
            "Nothing to report on yet",
            "Reports count the applications in this workbook: where they came from, how "
            "far they got and how long each step took. Once candidates apply to a role, "
            "their numbers show here.",
            "&Import Candidates…",
            self.import_requested.emit,
        )
        self.empty.setVisible(False)
        self.report_scroll = scroll
        self.presets = QWidget()
        self.presets.setObjectName("report_presets")
        self.presets.setLayout(presets)
        presets.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_S)
        layout.addWidget(bar)
        layout.addWidget(self.presets)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty, 1)
        ChangeListener(self, SHOWS, lambda _changes: self._reload())

    # -- what to report on -----------------------------------------------------------------

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self._reload()

    def _reload(self) -> None:
        """The roles and locale again (they may have changed), then the report."""
        chosen = self.role.currentData()
        self.role.blockSignals(True)
        self.role.clear()
        self.role.addItem(ALL_ROLES, None)
        if self._workbook is not None:
            self._locale = company.get_company(self._workbook).locale
            for role in role_records.list_roles(self._workbook):
                self.role.addItem(role.title, role.id)
        self.role.setCurrentIndex(max(self.role.findData(chosen), 0))
        self.role.blockSignals(False)
        self.refresh()

    def scope(self) -> ReportScope:
        return ReportScope(self.role.currentData(), self.from_day.value(), self.to_day.value())

    def choose_preset(self, key: str) -> None:
        start, end = preset_range(key, clock.today())
        for edit, value in ((self.from_day, start), (self.to_day, end)):
            for signal_source in (edit.enabled, edit.edit):
                signal_source.blockSignals(True)
            edit.set_value(value)
            for signal_source in (edit.enabled, edit.edit):
                signal_source.blockSignals(False)
            edit.edit.setEnabled(value is not None)
        self.refresh()

    def refresh(self) -> None:
        """Ask for the report of the chosen scope (answered on a worker thread)."""
        workbook, scope, locale = self._workbook, self.scope(), self._locale
        if workbook is None:
            self.query.cancel()
            return
        start, end = scope.from_day, scope.to_day
        if start and end and end < start:
            self.heading.setText("The range ends before it starts: choose a later To day.")
            return
        self.heading.setText("Counting…")
        self.query.start(lambda: document_of(build_report(workbook, scope), locale))

    def _show(self, document: ReportDocument) -> None:
        self.document = document
        # Nothing at all to count (not just nothing in the chosen role or range).
        scope = self.scope()
        chosen = scope.role_id is not None or scope.from_day or scope.to_day
        nothing = not chosen and all(s.table is None for s in document.sections)
        self.empty.setVisible(nothing)
        for part in (self.toolbar, self.presets, self.report_scroll):
            part.setVisible(not nothing)
        self.heading.setText(f"{document.title} · {document.scope}")
        for section in document.sections:
            self.sections[section.key].show_section(section)

    # -- printing ----------------------------------------------------------------------------

    def print_report(self) -> None:
        if self._workbook is None:
            return
        role = self.role.currentText()
        start = Path.home() / safe_file_name(
            f"Hiring report - {role}", "Hiring report", extension=".pdf"
        )
        path = file_dialogs.ask_save_pdf(self, start, "Save Hiring Report")
        if path is None:
            return
        workbook, scope = self._workbook, self.scope()
        self.print_button.setEnabled(False)
        self.operation = run_in_background(
            self,
            lambda _progress: export_pdf(workbook, scope, path),
            title="Printing the Report",
            label="Laying out the report…",
            failure_title="Report Not Saved",
            on_success=lambda _written: offer_to_open(self, path, "Hiring Report"),
            cancellable=False,
        )
        self.operation.finished.connect(self._printed)

    def _printed(self) -> None:
        self.operation = None
        self.print_button.setEnabled(True)
