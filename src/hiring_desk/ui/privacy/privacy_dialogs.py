"""A candidate's privacy: the consent dialog, a hold ("keep until"), erasure and the export.

The candidate's Profile tab opens them from ``privacy_section.PrivacySection``, and
the retention review from its own buttons. Names and other text a person wrote are
shown as plain text only. Saving runs through ``ui.operations``; the erasure (a
backup, one transaction, then the file rewritten: seconds on a large workbook) and
the export run in the background behind a progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.domain.retention import add_months
from hiring_desk.file_names import safe_file_name
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.access_export import ExportReport
from hiring_desk.services.privacy.consent_retention import ErasureReport, PrivacyInfo
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import file_dialogs, messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError, name_from_labels
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import BackgroundOperation, run_in_background, run_operation
from hiring_desk.ui.unsaved_changes import FormDialog
from hiring_desk.ui.widgets import day_of, plain_label, qdate, save_cancel

#: How long consent lasts unless the person changes it in the dialog.
DEFAULT_CONSENT_MONTHS = 12
#: An erasure blanks the candidates' names wherever they were written.
ERASURE_CHANGES = Change.CANDIDATE_RECORD


def _day(edit: QDateEdit) -> date:
    return day_of(edit.date())


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


# -- consent --------------------------------------------------------------------------------


class ConsentDialog(FormDialog):
    """Record whether, when, how and until when the candidate agreed to be kept on file."""

    def __init__(
        self, workbook: Workbook, candidate_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Consent to Keep on File")
        self._workbook, self._candidate_id = workbook, candidate_id
        self.saved: PrivacyInfo | None = None
        info = consent_retention.privacy_info(workbook, candidate_id)
        today = clock.today()
        given = info.consent_given_on or today
        intro = plain_label(
            "Record the candidate's agreement to be kept on file for future roles. "
            "Until it ends, the retention policy does not put them up for deletion."
        )
        self.given = QCheckBox("The candidate agreed to be kept on file")
        self.given.setObjectName("consent_given")
        self.given.setChecked(info.has_consent)
        self.given_on = _date_edit("consent_given_on", given)
        self.method = QComboBox()
        self.method.setObjectName("consent_method")
        self.method.setEditable(True)
        self.method.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.method.addItems(list(consent_retention.CONSENT_METHODS))
        self.method.setEditText(info.consent_method or consent_retention.CONSENT_METHODS[0])
        self.until = _date_edit(
            "consent_until", info.consent_until or add_months(given, DEFAULT_CONSENT_MONTHS)
        )
        self._fields = {
            "given_at": FieldWithError(self.given_on),
            "method": FieldWithError(self.method),
            "until": FieldWithError(self.until),
        }
        form = QFormLayout()
        form.addRow(self.given)
        form.addRow("&Given on:", self._fields["given_at"])
        form.addRow("&How:", self._fields["method"])
        form.addRow("&Until:", self._fields["until"])
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.given.toggled.connect(self._update_enabled)
        self._update_enabled()
        self.setMinimumWidth(440)
        name_from_labels(self)

    @classmethod
    def ask(
        cls, workbook: Workbook, candidate_id: int, parent: QWidget | None = None
    ) -> PrivacyInfo | None:
        """Show the dialog; the candidate's privacy record once saved, None if cancelled."""
        dialog = cls(workbook, candidate_id, parent)
        return dialog.saved if run_modal(dialog) else None

    def _update_enabled(self) -> None:
        for field in self._fields.values():
            field.setEnabled(self.given.isChecked())

    def accept(self) -> None:
        for field in self._fields.values():
            field.set_error(None)
        given = self.given.isChecked()
        saved = run_operation(
            self,
            lambda: consent_retention.set_consent(
                self._workbook,
                self._candidate_id,
                _day(self.given_on) if given else None,
                self.method.currentText(),
                _day(self.until) if given else None,
            ),
            changes=Change.PRIVACY,
            on_invalid=self._show_errors,
            on_refused=lambda exc: messages.show_warning(self, "Consent Not Saved", str(exc)),
        )
        if saved is not None:
            self.saved = saved
            super().accept()

    def _show_errors(self, exc: ValidationError) -> None:
        for name, message in exc.errors.items():
            self._fields.get(name, self._fields["method"]).set_error(message)


# -- keep until -----------------------------------------------------------------------------


class KeepUntilDialog(FormDialog):
    """Choose the day to keep a candidate until (a hold that delays deletion)."""

    def __init__(
        self, name: str, current: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keep Until")
        tomorrow = clock.today() + timedelta(days=1)
        text = plain_label(
            f"Keep {name}'s data until this day. After it, the retention policy applies again."
        )
        self.day = _date_edit("keep_until_day", current or add_months(clock.today(), 3))
        self.day.setMinimumDate(qdate(tomorrow))
        self.lift = QCheckBox("No hold: let the retention policy decide")
        self.lift.setObjectName("keep_until_lift")
        self.lift.toggled.connect(lambda on: self.day.setEnabled(not on))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.day)
        layout.addWidget(self.lift)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls, name: str, current: date | None = None, parent: QWidget | None = None
    ) -> tuple[date | None, bool]:
        """(the day, or None to lift the hold; whether the person chose OK)."""
        dialog = cls(name, current, parent)
        accepted = bool(run_modal(dialog))
        day = None if dialog.lift.isChecked() else _day(dialog.day)
        return day, accepted


def keep_candidate_until(
    parent: QWidget, workbook: Workbook, candidate_id: int, name: str, current: date | None
) -> bool:
    """Ask for a day and hold the candidate until then; True if something changed."""
    day, accepted = KeepUntilDialog.ask(name, current, parent)
    if not accepted:
        return False
    kept = run_operation(
        parent,
        lambda: consent_retention.keep_until(workbook, candidate_id, day),
        changes=Change.PRIVACY,
        on_refused=lambda exc: messages.show_warning(parent, "Not Kept", str(exc)),
    )
    return kept is not None


# -- erasure --------------------------------------------------------------------------------

ERASE_EXPLANATION = (
    "Their name, contact details, links, salary, notes, skills, tags and files are removed, "
    "and their name and email are blanked out in interview notes, scorecards, offers and "
    "stage notes. Their applications, interviews and offers stay, without a name, so "
    "counts per stage, source and role still add up. A backup is taken first. "
    "This cannot be undone in the workbook."
)


class EraseConfirmDialog(QDialog):
    """Asks before erasing; the names are listed as plain text."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Erase Personal Data")
        who = "this candidate" if len(names) == 1 else f"these {len(names)} candidates"
        shown = names[:12] + ([f"… and {len(names) - 12} more"] if len(names) > 12 else [])
        listing = plain_label("\n".join(f"• {name}" for name in shown), "erase_names")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton("&Erase", QDialogButtonBox.ButtonRole.AcceptRole)
        self.erase_button.setObjectName("confirm_erase")
        self.erase_button.setAutoDefault(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"Erase the personal data of {who}?"))
        layout.addWidget(listing)
        layout.addWidget(plain_label(ERASE_EXPLANATION))
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @classmethod
    def ask(cls, names: list[str], parent: QWidget | None = None) -> bool:
        return bool(run_modal(cls(names, parent)))


def erase_confirmed(
    parent: QWidget,
    workbook: Workbook,
    candidates: list[tuple[int, str]],
    on_erased: Callable[[ErasureReport], object],
) -> BackgroundOperation[ErasureReport] | None:
    """Ask, then erase these (id, name) candidates in the background; None if not asked to.

    ``on_erased(report)`` follows a successful erasure. The erasure cannot be
    cancelled once it has started: it is one transaction, and the backup taken
    first would be left for nothing.
    """
    if not candidates or not EraseConfirmDialog.ask([name for _id, name in candidates], parent):
        return None
    ids = [candidate_id for candidate_id, _name in candidates]
    who = "1 candidate" if len(ids) == 1 else f"{len(ids)} candidates"
    return run_in_background(
        parent,
        lambda _progress: consent_retention.erase_candidates(workbook, ids),
        title="Erasing Personal Data",
        label=f"Erasing the personal data of {who}: a backup first, then the workbook file "
        "is rewritten…",
        changes=ERASURE_CHANGES,
        failure_title="Nothing Erased",
        on_success=on_erased,
        cancellable=False,
    )


def export_data(
    parent: QWidget,
    workbook: Workbook,
    candidate_id: int,
    name: str,
    on_exported: Callable[[ExportReport], object],
) -> BackgroundOperation[ExportReport] | None:
    """Ask where, then write everything held about the candidate as a zip in the
    background; ``on_exported(report)`` once written. None if no file was chosen."""
    start = Path.home() / safe_file_name(f"{name} - data", "Candidate data", extension=".zip")
    path = file_dialogs.ask_export_path(parent, start, "Candidate Data", ".zip")
    if path is None:
        return None
    return run_in_background(
        parent,
        lambda _progress: consent_retention.export_candidate(workbook, candidate_id, path),
        title="Exporting Data",
        label="Gathering the candidate's data and files…",
        failure_title="Data Not Exported",
        on_success=on_exported,
    )
