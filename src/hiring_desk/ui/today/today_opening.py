"""Opening a Today item that is dealt with in a dialog: a scorecard, an interview's pack,
the retention review. (Candidates, roles and offers are shown by the window.)"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.today.today_views import Opens, TodayItem
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.modal import run_modal


def open_item(parent: QWidget, workbook: Workbook, item: TodayItem, locale: str) -> None:
    """Show the dialog where ``item`` is done (its changes are announced by the dialog)."""
    if item.opens is Opens.SCORECARD:
        from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog

        try:
            ScorecardDialog.ask(workbook, item.target_id, parent, locale=locale)
        except ServiceError as exc:
            messages.show_error(parent, "Cannot Enter Scorecard", str(exc))
    elif item.opens is Opens.PACK:
        from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog

        dialog = PrintPackDialog(workbook, parent, interview_id=item.target_id)
        run_modal(dialog)
    elif item.opens is Opens.PRIVACY:
        from hiring_desk.ui.privacy.retention_review import RetentionReviewDialog

        RetentionReviewDialog.review(workbook, parent)
