"""The form dialogs, each built on a workbook with one booked interview, for the tests
that walk every dialog (labels, closing with changes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget
from tests.services.interviews.scorecard_setup import Booked

from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.changes import Change
from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog
from hiring_desk.ui.interviews.question_dialog import QuestionDialog
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.pipeline.move_dialog import BulkMoveDialog, MoveDialog
from hiring_desk.ui.preferences.preferences_dialog import PreferencesDialog
from hiring_desk.ui.privacy.privacy_dialogs import ConsentDialog, KeepUntilDialog
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.team.member_dialog import MemberDialog

Build = Callable[[Workbook, Booked], QWidget]


def _nothing(*_args: object) -> None:
    return None


def _move(wb: Workbook, booked: Booked) -> QWidget:
    application = stage_moves.applications_of(wb, booked.candidate_id)[0]
    members = team_members.list_members(wb)
    return MoveDialog(None, application, "Ada", [], [], members, _nothing)  # type: ignore[arg-type]


#: The dialogs with inputs, by a short name.
DIALOGS: dict[str, Build] = {
    "role": lambda wb, b: RoleDialog(None, _nothing, team_members.list_members(wb)),  # type: ignore[arg-type]
    "candidate": lambda wb, b: CandidateDialog(None, _nothing),  # type: ignore[arg-type]
    "member": lambda wb, b: MemberDialog(None, _nothing),  # type: ignore[arg-type]
    "pack": lambda wb, b: PrintPackDialog(wb, None, b.role_id),
    "preferences": lambda wb, b: PreferencesDialog(wb, Settings()),
    "question": lambda wb, b: QuestionDialog(None, "Question", _nothing, changes=Change(0)),
    "schedule": lambda wb, b: ScheduleDialog(wb, b.application_id),
    "scorecard": lambda wb, b: ScorecardDialog(wb, b.interview_id, None),
    "offer": lambda wb, b: OfferDialog(wb, b.application_id),
    "move": _move,
    "bulk move": lambda wb, b: BulkMoveDialog(None, 2, ["Not a fit"]),
    "consent": lambda wb, b: ConsentDialog(wb, b.candidate_id),
    "keep until": lambda wb, b: KeepUntilDialog("Ada", date(2027, 1, 1)),
}
