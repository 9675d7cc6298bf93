"""The scorecards of one application: the aggregate, then every interview and scorecard.

Read-only, plain text throughout (an interviewer's notes with HTML in them show the
tags). Adding and editing go through the scorecard dialog; ``changed`` announces a
save or a removal so the candidate table can refresh its aggregate column.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import DEFAULT_LOCALE
from hiring_desk.domain.scoring import Aggregate, aggregate
from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import InterviewScorecards, ScorecardView
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog, interview_time
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.theme import TextRole, scaled_font, styled
from hiring_desk.ui.widgets import plain_label

_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Entry:
    """What a tree row stands for."""

    interview_id: int
    cancelled: bool
    interviewer_id: int | None = None  # None on an interview's own row
    card: ScorecardView | None = None


def summary_text(agg: Aggregate) -> str:
    """ "3.4 overall from 5 scorecards · 1 no, 3 yes, 1 strong yes"."""
    if agg.is_empty:
        return "No scorecards yet."
    cards = f"{agg.count} scorecard{'s' if agg.count != 1 else ''}"
    head = f"{agg.overall_shown} overall from {cards}" if agg.overall_shown else cards
    return f"{head} · {agg.recommendation_summary}"


def ratings_text(card: ScorecardView) -> str:
    """ "Databases and data modelling 3 · APIs and integration 4"."""
    return " · ".join(f"{r.label} {r.rating}" for r in card.ratings) or "nothing rated"


def scorecard_text(card: ScorecardView) -> str:
    """One scorecard in full, for reading."""
    lines = [f"{card.interviewer_name}: {card.recommendation_label}", ""]
    for r in card.ratings:
        line = f"{r.label}: {r.rating} {r.anchor_name}"
        lines.append(f"{line}. {r.note}" if r.note else line)
    if not card.ratings:
        lines.append("No competency was rated.")
    if card.notes:
        lines += ["", card.notes]
    return "\n".join(lines)


class ScorecardsPanel(QWidget):
    """Shows one application's scorecards; ``changed`` after a save or removal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorecards_panel")
        self._workbook: Workbook | None = None
        self._locale = DEFAULT_LOCALE
        self.application_id: int | None = None
        self.interviews: list[InterviewScorecards] = []

        self.summary = styled(plain_label(name="scorecards_summary"), TextRole.STRONG)

        self.means = QTableWidget(0, 3)
        self.means.setObjectName("scorecards_means")
        self.means.setAccessibleName("Mean rating per competency")
        self.means.setHorizontalHeaderLabels(["Competency", "Mean", "Ratings"])
        rows = self.means.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.means.fontMetrics().height() + 6)
        self.means.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.means.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.means.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.means.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.tree = QTreeWidget()
        self.tree.setObjectName("scorecards_tree")
        self.tree.setAccessibleName("Interviews and their scorecards")
        self.tree.setHeaderLabels(["Interview / interviewer", "Recommendation", "Mean", "Ratings"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.tree.itemActivated.connect(lambda *_: self._activated())

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("scorecards_detail")
        self.detail.setAccessibleName("The chosen scorecard")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("Choose a scorecard to read it in full.")

        self.add_button = QPushButton("&Add Scorecard…")
        self.add_button.setObjectName("add_scorecard")
        self.add_button.clicked.connect(self.add_scorecard)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setObjectName("edit_scorecard")
        self.edit_button.clicked.connect(self.edit_scorecard)
        self.remove_button = QPushButton("Remo&ve…")
        self.remove_button.setObjectName("remove_scorecard")
        self.remove_button.clicked.connect(self.remove_scorecard)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.means)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        for index, stretch in enumerate((2, 3, 2)):
            split.setStretchFactor(index, stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.show_application(None, None)

    # -- showing --------------------------------------------------------------------------

    def show_application(
        self,
        workbook: Workbook | None,
        application_id: int | None,
        *,
        locale: str = DEFAULT_LOCALE,
    ) -> None:
        self._workbook = workbook
        self._locale = locale
        self.application_id = application_id
        self._reload()

    def _reload(self, select_card: int | None = None) -> None:
        self.tree.clear()
        self.detail.clear()
        if self._workbook is None or self.application_id is None:
            self.interviews = []
            self.summary.setText("No application selected.")
        else:
            self.interviews = scorecards.scorecards_for_application(
                self._workbook, self.application_id
            )
            agg = aggregate(card.scores for iv in self.interviews for card in iv.scorecards)
            self.summary.setText(
                summary_text(agg) if self.interviews else "No interviews yet: schedule one first."
            )
            self._fill_means(agg)
            self._fill_tree(select_card)
        if not self.interviews:
            self.means.setRowCount(0)
        self._selection_changed()

    def _fill_means(self, agg: Aggregate) -> None:
        self.means.setRowCount(len(agg.competencies))
        for row, entry in enumerate(agg.competencies):
            for column, text in enumerate((entry.label, entry.shown, str(entry.count))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.means.setItem(row, column, item)

    def _fill_tree(self, select_card: int | None) -> None:
        chosen: QTreeWidgetItem | None = None
        for interview in self.interviews:
            cancelled = interview.status == InterviewStatus.CANCELLED.value
            when = interview_time(interview.starts_at, interview.timezone, self._locale)
            heading = f"{interview.round_name or 'Interview'} — {when}"
            if interview.status != InterviewStatus.DONE.value:
                heading += f" ({interview.status_label.lower()})"
            top = QTreeWidgetItem([heading, "", interview.aggregate.overall_shown, ""])
            top.setData(0, _ROLE, _Entry(interview.interview_id, cancelled))
            top.setFont(0, scaled_font(TextRole.STRONG, top.font(0)))
            self.tree.addTopLevelItem(top)
            for card in interview.scorecards:
                mean = aggregate([card.scores]).overall_shown
                row = [card.interviewer_name, card.recommendation_label, mean, ratings_text(card)]
                item = QTreeWidgetItem(top, row)
                item.setData(
                    0, _ROLE, _Entry(interview.interview_id, cancelled, card.interviewer_id, card)
                )
                if card.id == select_card:
                    chosen = item
            for member in interview.pending:
                waiting = "cancelled" if cancelled else "no scorecard yet"
                item = QTreeWidgetItem(top, [member.name, waiting, "", ""])
                item.setData(0, _ROLE, _Entry(interview.interview_id, cancelled, member.id))
                chosen = chosen or (None if cancelled or select_card else item)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)

    def current_entry(self) -> _Entry | None:
        item = self.tree.currentItem()
        entry = item.data(0, _ROLE) if item is not None else None
        return entry if isinstance(entry, _Entry) else None

    def _selection_changed(self) -> None:
        entry = self.current_entry()
        card = entry.card if entry else None
        self.detail.setPlainText(scorecard_text(card) if card else "")
        self.add_button.setEnabled(self._add_target() is not None)
        self.edit_button.setEnabled(self._editable(entry))
        self.remove_button.setEnabled(card is not None)

    def _editable(self, entry: _Entry | None) -> bool:
        """A scorecard can be edited while its author is still one of the interviewers."""
        if entry is None or entry.card is None or entry.cancelled:
            return False
        interview = next(i for i in self.interviews if i.interview_id == entry.interview_id)
        return any(m.id == entry.interviewer_id for m in interview.interviewers)

    def _add_target(self) -> tuple[int, int | None] | None:
        """(interview, interviewer or None) a new scorecard would be for, if any."""
        entry = self.current_entry()
        if entry is not None:
            if entry.cancelled:
                return None
            if entry.card is None and entry.interviewer_id is not None:
                return entry.interview_id, entry.interviewer_id  # someone still owing theirs
            interview = next(i for i in self.interviews if i.interview_id == entry.interview_id)
            return (entry.interview_id, None) if interview.pending else None
        for interview in self.interviews:
            if interview.pending and interview.status != InterviewStatus.CANCELLED.value:
                return interview.interview_id, None
        return None

    # -- actions ----------------------------------------------------------------------------

    def add_scorecard(self) -> None:
        target = self._add_target()
        if target is not None:
            self._open(*target)

    def edit_scorecard(self) -> None:
        entry = self.current_entry()
        if entry is not None and self._editable(entry):
            self._open(entry.interview_id, entry.interviewer_id)

    def remove_scorecard(self) -> None:
        entry = self.current_entry()
        if self._workbook is None or entry is None or entry.card is None:
            return
        card = entry.card
        question = (
            f"Remove {card.interviewer_name}'s scorecard ({card.recommendation_label.lower()})? "
            "Its ratings and notes are deleted from the workbook."
        )
        if not messages.confirm(self, "Remove Scorecard", question, "Remove"):
            return
        workbook = self._workbook
        run_operation(
            self,
            lambda: scorecards.remove_scorecard(workbook, card.id),
            changes=Change.SCORECARDS,
            failure_title="Scorecard Not Removed",
            on_success=lambda _none: self.changed.emit(),
        )
        self._reload()

    def _activated(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.interviewer_id is None:
            return
        if entry.card is not None:
            self.edit_scorecard()  # does nothing when it cannot be edited
        else:
            self.add_scorecard()

    def _open(self, interview_id: int, interviewer_id: int | None) -> None:
        if self._workbook is None:
            return
        saved = ScorecardDialog.ask(
            self._workbook, interview_id, self, interviewer_id, locale=self._locale
        )
        if saved is not None:
            self._reload(select_card=saved)
            self.changed.emit()
