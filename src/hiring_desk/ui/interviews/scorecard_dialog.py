"""The scorecard dialog: type in a paper scorecard fast, with the keyboard only.

Interviewer first (type a name's first letters), then Tab to the ratings: on each
competency, 1-4 rates it and moves to the next, 0 marks it not rated and moves on,
Backspace marks it not rated and stays, Up/Down move between rows, and Tab/Shift+Tab
reach the optional note beside it. The recommendation takes 1-4 the same way; then
the notes; Ctrl+Enter saves. Every problem is shown where it is.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.competencies import RATING_ANCHORS, competency_label
from hiring_desk.domain.formatting import DEFAULT_LOCALE, format_moment
from hiring_desk.domain.vocab import InterviewStatus
from hiring_desk.services.common.errors import ChangedMeanwhileError, ServiceError
from hiring_desk.services.interviews import interview_records, scorecards
from hiring_desk.services.interviews.scorecards import (
    RATING_NOTE_LIMIT,
    RatingDraft,
    ScorecardDraft,
    ScorecardForm,
    note_field,
    rating_field,
)
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError, name_from_labels, show_errors_in
from hiring_desk.ui.interviews.rating_inputs import RatingRow, RecommendationPicker
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.permissions import Permission, refusal
from hiring_desk.ui.theme import TextRole, styled
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import plain_label, text_box

KEYS_HELP = (
    "Keys: 1-4 rate and move on · 0 not rated · Backspace clears · "
    "Up/Down move · Tab reaches the note · Ctrl+Enter saves"
)


def interview_time(starts_at: datetime, timezone: str, locale: str) -> str:
    """An interview's start as people there read it: in its own time zone."""
    try:
        zone: ZoneInfo | None = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    return format_moment(starts_at, locale, zone)


def _sentence(message: str) -> str:
    text = message[:1].upper() + message[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def own_scorecard_only(workbook: Workbook, interview_id: int) -> str | None:
    """Why the signed-in person may enter only their own scorecard (None: anyone's)."""
    if workbook.access is None:
        return None
    role_id = interview_records.get_interview(workbook, interview_id).role_id
    return refusal(workbook, Permission.OTHERS_SCORECARDS, role_id=role_id)


class ScorecardDialog(FormDialog):
    """Add or edit one interviewer's scorecard; ``scorecard_id`` is set when saved."""

    def __init__(
        self,
        workbook: Workbook,
        interview_id: int,
        parent: QWidget | None,
        interviewer_id: int | None = None,
        *,
        locale: str = DEFAULT_LOCALE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scorecard_dialog")
        self.setWindowTitle("Scorecard")
        self._workbook = workbook
        self._interview_id = interview_id
        self._locale = locale
        self.scorecard_id: int | None = None
        self.rows: dict[str, RatingRow] = {}
        self.notes_for: dict[str, QLineEdit] = {}
        self.row_fields: dict[str, FieldWithError] = {}
        self.form: ScorecardForm = scorecards.scorecard_form(workbook, interview_id, interviewer_id)

        self.heading = styled(plain_label(name="scorecard_heading"), TextRole.STRONG)
        self.notice = plain_label(name="scorecard_notice")
        self.error = plain_label(name="scorecard_error")
        show_errors_in(self.error)
        self.error.hide()

        self.interviewer = QComboBox()
        self.interviewer.setObjectName("scorecard_interviewer")
        self.interviewer_field = FieldWithError(self.interviewer)
        legend = plain_label(
            "   ".join(f"{a.rating} {a.name}: {a.meaning}" for a in RATING_ANCHORS),
            "scorecard_legend",
        )
        self.ratings_grid = QGridLayout()
        self.ratings_grid.setColumnStretch(1, 3)
        self.ratings_grid.setColumnStretch(2, 2)
        self.recommendation = RecommendationPicker()
        self.recommendation_field = FieldWithError(self.recommendation)
        self.notes = text_box("scorecard_notes", "What you saw and heard, in a few lines", lines=5)
        self.notes_field = FieldWithError(self.notes)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Save the scorecard (Ctrl+Enter)")
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in a note must not save half a card
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        top = QFormLayout()
        top.addRow("&Interviewer:", self.interviewer_field)
        bottom = QFormLayout()
        recommendation_label = QLabel("&Recommendation:")
        recommendation_label.setBuddy(self.recommendation)
        bottom.addRow(recommendation_label, self.recommendation_field)
        notes_label = QLabel("N&otes:")
        notes_label.setBuddy(self.notes)
        bottom.addRow(notes_label, self.notes_field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(top)
        layout.addWidget(legend)
        layout.addLayout(self.ratings_grid)
        layout.addLayout(bottom)
        layout.addWidget(plain_label(KEYS_HELP, "scorecard_keys"))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)

        self.recommendation.back.connect(self._focus_last_row)
        self.recommendation.advanced.connect(lambda: self.notes.setFocus())
        own_only = own_scorecard_only(workbook, interview_id)
        for choice in self.form.interviewers:
            if own_only is not None and choice.id != workbook.acting_member_id:
                continue  # another interviewer's card: not theirs to enter
            text = f"{choice.name} (scorecard saved)" if choice.has_scorecard else choice.name
            self.interviewer.addItem(text, choice.id)
        if own_only is not None:
            self.interviewer.setToolTip(own_only)
        chosen = self.interviewer.findData(self.form.interviewer_id)
        self.interviewer.setCurrentIndex(max(chosen, 0))
        if chosen < 0 and self.form.interviewers:  # asked for someone not (or no longer) listed
            self.form = scorecards.scorecard_form(
                workbook, interview_id, self.interviewer.currentData()
            )
        self.interviewer.currentIndexChanged.connect(self._interviewer_changed)
        self._show_form()
        # The interviewer is chosen already (the one still owing a scorecard): start at
        # the first rating; Shift+Tab or Up goes back to the interviewer.
        self._focus_row(0 if self.rows and self.save_button.isEnabled() else -1)
        name_from_labels(self)

    @classmethod
    def ask(
        cls,
        workbook: Workbook,
        interview_id: int,
        parent: QWidget | None,
        interviewer_id: int | None = None,
        *,
        locale: str = DEFAULT_LOCALE,
    ) -> int | None:
        """Show the dialog; the saved scorecard's id, or None if it was cancelled."""
        dialog = cls(workbook, interview_id, parent, interviewer_id, locale=locale)
        accepted = run_modal(dialog) == QDialog.DialogCode.Accepted
        return dialog.scorecard_id if accepted else None

    # -- showing --------------------------------------------------------------------------

    def _show_form(self) -> None:
        form = self.form
        when = interview_time(form.starts_at, form.timezone, self._locale)
        round_name = form.round_name or "Interview"
        self.heading.setText(f"{form.candidate_name} — {form.role_title}: {round_name}, {when}")
        blocked = ""
        if form.status == InterviewStatus.CANCELLED.value:
            blocked = "This interview was cancelled, so it takes no scorecards."
        elif not form.interviewers:
            blocked = "Nobody is listed as interviewer yet: add the interviewers first."
        if blocked:
            self.notice.setText(blocked)
        elif form.upcoming:
            self.notice.setText("This interview is booked for later; it stays scheduled.")
        elif form.existing is not None:
            self.notice.setText("Editing the saved scorecard: saving replaces it.")
        else:
            self.notice.clear()
        self.notice.setVisible(bool(self.notice.text()))
        self.save_button.setEnabled(not blocked)
        self._build_rows()
        existing = form.existing
        self.recommendation.set_value(existing.recommendation if existing else "")
        self.notes.setPlainText(existing.notes if existing else "")
        self._clear_errors()

    def _build_rows(self) -> None:
        while self.ratings_grid.count():
            item = self.ratings_grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        self.rows.clear()
        self.notes_for.clear()
        self.row_fields.clear()
        existing = self.form.existing
        chain: list[QWidget] = [self.interviewer]
        for index, key in enumerate(self.form.competencies):
            label = plain_label(competency_label(key))
            row = RatingRow(key)
            label.setBuddy(row)
            note = QLineEdit()
            note.setObjectName(f"note_{key}")
            note.setAccessibleName(f"Note on {competency_label(key)}")
            note.setPlaceholderText("Note (optional)")
            note.setMaxLength(RATING_NOTE_LIMIT)
            saved = existing.rating_of(key) if existing else None
            if saved is not None:
                row.set_value(saved.rating)
                note.setText(saved.note)
            elif existing is not None:
                row.set_value(None)  # saved before as deliberately not rated
            field = FieldWithError(row)
            row.advanced.connect(lambda i=index: self._focus_row(i + 1))
            row.back.connect(lambda i=index: self._focus_row(i - 1))
            self.ratings_grid.addWidget(label, index, 0)
            self.ratings_grid.addWidget(field, index, 1)
            self.ratings_grid.addWidget(note, index, 2, Qt.AlignmentFlag.AlignTop)
            for widget in (label, field, note):
                widget.show()  # now, not on the next event-loop turn: Tab must find them
            self.rows[key] = row
            self.notes_for[key] = note
            self.row_fields[key] = field
            chain += [row, note]
        chain += [self.recommendation, self.notes, *self.buttons.buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _focus_row(self, index: int) -> None:
        rows = list(self.rows.values())
        if index < 0:
            self.interviewer.setFocus()
        elif index < len(rows):
            rows[index].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.recommendation.setFocus(Qt.FocusReason.TabFocusReason)

    def _focus_last_row(self) -> None:
        self._focus_row(len(self.rows) - 1)

    def _interviewer_changed(self) -> None:
        member_id = self.interviewer.currentData()
        self.form = scorecards.scorecard_form(self._workbook, self._interview_id, member_id)
        self._show_form()
        if self.isVisible():
            self.mark_unchanged()  # another interviewer's card, as saved: nothing to lose

    # -- saving ---------------------------------------------------------------------------

    def draft(self) -> ScorecardDraft:
        """What the form holds; rows nobody answered are left out."""
        return ScorecardDraft(
            interviewer_id=self.interviewer.currentData(),
            recommendation=self.recommendation.value(),
            notes=self.notes.toPlainText(),
            ratings=tuple(
                RatingDraft(key, row.value, self.notes_for[key].text())
                for key, row in self.rows.items()
                if row.answered
            ),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        errors = {
            rating_field(key): "type 1-4 to rate it, or 0 for not rated"
            for key, row in self.rows.items()
            if not row.answered
        }
        if not self.recommendation.value():
            errors["recommendation"] = "choose a recommendation"
        if errors:
            self._show_errors(errors)
            return
        draft = self.draft()
        shown = self.form.version  # of the scorecard as the form was read
        saved = run_operation(
            self,
            lambda: scorecards.save_scorecard(
                self._workbook, self._interview_id, draft, expected_version=shown
            ),
            changes=Change.SCORECARDS,
            on_invalid=lambda exc: self._show_errors(exc.errors),
            on_refused=self._refused,
        )
        if saved is not None:
            self.scorecard_id = saved
            self.accept()

    def _refused(self, error: ServiceError) -> None:
        """Someone saved this scorecard meanwhile: say so and show it as it is now."""
        if isinstance(error, ChangedMeanwhileError):
            messages.show_changed_meanwhile(self, error)
            self._interviewer_changed()
        else:
            messages.show_error(self, "Scorecard Not Saved", str(error))

    def _clear_errors(self) -> None:
        self.error.hide()
        for field in (
            self.interviewer_field,
            self.recommendation_field,
            self.notes_field,
            *self.row_fields.values(),
        ):
            field.set_error(None)

    def _show_errors(self, errors: dict[str, str]) -> None:
        """Each message at its place; the first place gets the focus."""
        self._clear_errors()
        places: dict[str, tuple[FieldWithError, QWidget]] = {
            "interviewer": (self.interviewer_field, self.interviewer)
        }
        for key, row in self.rows.items():
            places[rating_field(key)] = (self.row_fields[key], row)
            places[note_field(key)] = (self.row_fields[key], self.notes_for[key])
        places["recommendation"] = (self.recommendation_field, self.recommendation)
        places["notes"] = (self.notes_field, self.notes)
        general: list[str] = []
        focus: list[QWidget] = []
        order = [*places]
        for name in sorted(errors, key=lambda n: order.index(n) if n in places else len(order)):
            message = _sentence(errors[name])
            if name in places:
                field, widget = places[name]
                field.set_error(message)
                focus.append(widget)
            else:
                general.append(f"{name.replace('_', ' ').capitalize()} {errors[name]}.")
        if general:
            self.error.setText(" ".join(general))
            self.error.show()
        if focus:
            focus[0].setFocus(Qt.FocusReason.OtherFocusReason)
