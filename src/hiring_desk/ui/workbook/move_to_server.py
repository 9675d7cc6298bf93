"""File ▸ Move to Team Server…: copy the open workbook into a PostgreSQL database.

A small dialog asks for the server's URL (and whether a team workbook already in
that database may be replaced); the copy (``services.workbook.workbook_copy``: every
table, checked before it is kept) runs through the operation runner behind a
progress dialog with Cancel, and when it is done the person is offered to open the
team workbook in its place. The open workbook itself is only read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.workbook.locations import ServerAddress, is_server_url, parse_location
from hiring_desk.services.workbook.opening import Workbook, WorkbookError
from hiring_desk.services.workbook.workbook_copy import CopyResult, copy_workbook
from hiring_desk.ui import messages
from hiring_desk.ui.forms import FieldWithError
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import BackgroundOperation, Progress, run_in_background
from hiring_desk.ui.theme import SPACE_M, make_primary

TITLE = "Move to Team Server"
#: What the address field shows before anything is typed.
EXAMPLE = "postgresql://user@server:5432/database"


class MoveToServerDialog(QDialog):
    """Asks where the team workbook goes: a PostgreSQL URL, and whether to replace."""

    def __init__(self, workbook_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(520)
        intro = QLabel(
            f"Copy everything in {workbook_name} into a database on a PostgreSQL server, "
            "where the whole team can work in it at once. The database must exist and "
            "be empty. This workbook is left as it is."
        )
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(EXAMPLE)
        self.address_field = FieldWithError(self.address)
        self.replace = QCheckBox("Replace a team workbook already in that database")
        form = QFormLayout()
        form.addRow("Server &address:", self.address_field)
        form.addRow("", self.replace)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        move = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        move.setText("&Move")
        make_primary(move)
        self.buttons.accepted.connect(self._check_then_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_M)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.chosen: ServerAddress | None = None

    def _check_then_accept(self) -> None:
        text = self.address.text().strip()
        if not is_server_url(text):
            self.address_field.set_error(
                f"a server address starts with postgresql://, e.g. {EXAMPLE}"
            )
            self.address.setFocus()
            return
        location = parse_location(text)
        assert isinstance(location, ServerAddress)
        self.chosen = location
        self.accept()


def move_to_server(
    parent: QWidget, workbook: Workbook, open_team: Callable[[ServerAddress], object]
) -> BackgroundOperation[CopyResult] | None:
    """Ask where, copy there behind a progress dialog, then offer to open the copy
    (``open_team``). The running operation, or None when the person cancelled."""
    dialog = MoveToServerDialog(workbook.name, parent)
    if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return None
    address, replace = dialog.chosen, dialog.replace.isChecked()
    source = workbook.location

    def move(progress: Progress) -> CopyResult:
        def told(table: str, done: int, total: int) -> None:
            progress.update(done, total, f"Copying {table.replace('_', ' ')} rows…")

        try:
            return copy_workbook(source, address, replace=replace, progress=told)
        except WorkbookError as exc:  # worded: a refusal, not a crash
            raise ServiceError(str(exc)) from exc

    def moved(result: CopyResult) -> None:
        text = (
            f"Copied {result.total} rows and {result.files_checked} stored files to "
            f"{address}, and checked them. Open the team workbook now?"
        )
        if messages.confirm(parent, TITLE, text, "Open Team Workbook"):
            open_team(address)

    return run_in_background(
        parent,
        move,
        title=TITLE,
        label=f"Copying {workbook.name} to {address.name}…",
        failure_title="Cannot Move to the Team Server",
        on_success=moved,
    )
