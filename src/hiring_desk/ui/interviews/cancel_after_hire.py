"""After a hire: offer to cancel the interviews it leaves without a purpose.

A hire (an accepted offer, or a move to Hired) leaves the hired candidate's future
interviews for the role pointless, and once the role is filled the other candidates'
too. ``offer_to_cancel_interviews`` counts them, asks (Keep is the default), and
cancels them in one transaction through ``services.interviews.interview_cancelling``.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hiring_desk.services.interviews import interview_cancelling
from hiring_desk.services.interviews.interview_cancelling import FutureInterviews
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import plain_label


def offer_to_cancel_interviews(
    parent: QWidget, workbook: Workbook, application_id: int, candidate: str, role_title: str
) -> bool:
    """Ask to cancel the interviews the hire of ``application_id`` leaves; True if any
    were cancelled."""
    found = run_operation(
        parent, lambda: interview_cancelling.future_interviews(workbook, application_id)
    )
    if found is None or not found.interview_ids:
        return False
    dialog = CancelInterviewsDialog(parent, candidate, role_title, found)
    go = run_modal(dialog)
    if not go:
        return False
    done = run_operation(
        parent,
        lambda: interview_cancelling.cancel_future_interviews(workbook, found.interview_ids),
        changes=Change.INTERVIEWS,
        on_refused=lambda exc: messages.show_warning(
            parent, "Cannot Cancel the Interviews", str(exc)
        ),
    )
    return done is not None


def _interviews(count: int) -> str:
    return "1 interview" if count == 1 else f"{count} interviews"


class CancelInterviewsDialog(QDialog):
    """How many interviews are still scheduled after a hire; Cancel Them or Keep Them."""

    def __init__(
        self, parent: QWidget | None, candidate: str, role_title: str, found: FutureInterviews
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cancel_interviews_dialog")
        self.setWindowTitle("Cancel Interviews?")
        lines = []
        if found.hired:
            lines.append(
                f"{candidate} still has {_interviews(len(found.hired))} scheduled for "
                f"'{role_title}'."
            )
        if found.others:
            lines.append(
                f"Other candidates have {_interviews(len(found.others))} scheduled for it, "
                "and the role is filled."
            )
        lines.append(
            "Cancel them now? They stay on the calendar as cancelled; remember to let the "
            "people invited know."
        )
        self.question = plain_label("\n".join(lines))
        self.question.setObjectName("cancel_interviews_question")
        self.buttons = QDialogButtonBox()
        self.go = self.buttons.addButton("&Cancel Them", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep = self.buttons.addButton("&Keep Them", QDialogButtonBox.ButtonRole.RejectRole)
        self.go.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keep.setDefault(True)  # Enter never cancels interviews by surprise
        self.keep.setFocus()
