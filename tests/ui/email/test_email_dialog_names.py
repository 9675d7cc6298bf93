"""Every control of the email dialogs has a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from tests.services.email.email_setup import Setup, candidate_with_everything
from tests.ui.test_accessible_names import unnamed

from hiring_desk.services.email.messages import MessageSubject
from hiring_desk.store import Workbook
from hiring_desk.ui.email.bulk import BulkComposeDialog
from hiring_desk.ui.email.compose import ComposeDialog
from hiring_desk.ui.email.templates_dialog import EmailTemplatesDialog

Maker = Callable[[Workbook, Setup], QDialog]
DIALOGS: dict[str, Maker] = {
    "compose": lambda wb, s: ComposeDialog(
        wb, MessageSubject(s.candidate_id, sender_id=s.sender_id)
    ),
    "templates": lambda wb, _s: EmailTemplatesDialog(wb),
    "bulk": lambda wb, s: BulkComposeDialog(wb, [s.candidate_id], s.sender_id),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_control_is_named(qtbot: QtBot, workbook: Workbook, name: str) -> None:
    dialog = DIALOGS[name](workbook, candidate_with_everything(workbook))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
