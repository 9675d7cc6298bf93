"""File ▸ Connect to Team Workbook…: a team workbook on a PostgreSQL server, by its parts.

The person fills in the server (a host name, or the folder of a local server's
socket), the port, the database, the user and the password; Connect builds the URL
(``services.workbook.locations.server_url``) and opens it on a worker thread
(``ui.operations``), and a failure (unreachable, wrong password, no such database,
permission denied) is shown in words inside the dialog, which stays open. The
password goes to the system keyring only when "Remember the password" is ticked
(``services.workbook.passwords``), never to the settings; where no keyring works,
the tick is off and its tooltip says why. ``ask_password`` is the small prompt for
reconnecting when the server wants a password the keyring does not have.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.workbook import opening, passwords
from hiring_desk.services.workbook.locations import (
    DEFAULT_PORT,
    ServerAddress,
    is_local_host,
    server_url,
)
from hiring_desk.services.workbook.opening import Workbook, WorkbookError
from hiring_desk.ui.forms import FieldWithError, name_from_labels, show_errors_in
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import BackgroundOperation, Progress, run_in_background
from hiring_desk.ui.unsaved_changes import FormDialog

_ENCRYPTED = "The connection to a server on another computer is encrypted (TLS)."


def open_server_workbook(address: ServerAddress) -> Workbook:
    """Open the team workbook at ``address``; a refusal as a ``ServiceError`` in words
    (its cause the ``WorkbookError``, a ``PasswordRefusedError`` when a password is
    wanted), for ``ui.operations`` to hand to the dialog."""
    try:
        return opening.open_workbook(address)
    except WorkbookError as exc:
        raise ServiceError(exc.reason[:1].upper() + exc.reason[1:] + ".") from exc


def password_wanted(error: BaseException) -> bool:
    """Whether ``error`` (or the error behind it) is the server asking for a password."""
    return isinstance(error, passwords.PasswordRefusedError) or isinstance(
        error.__cause__, passwords.PasswordRefusedError
    )


def _remember_tick(parent: QWidget | None = None) -> QCheckBox:
    """ "Remember the password", off where no keyring works (its tooltip says why)."""
    tick = QCheckBox("&Remember the password", parent)
    problem = passwords.keyring_problem()
    if problem is not None:
        tick.setEnabled(False)
        tick.setToolTip(f"Not available: {problem}.")
    else:
        tick.setToolTip("Kept in the system keyring, never in Hiring Desk's settings.")
    return tick


def keep_or_forget(address: ServerAddress, password: str, remember: bool) -> None:
    """After a connection: keep the password in the keyring, or forget any kept one."""
    if remember and password:
        passwords.remember_password(address, password)
    elif passwords.keyring_problem() is None:
        passwords.forget_password(address)


class ConnectDialog(FormDialog):
    """Connects; ``on_opened(workbook)`` runs with the open workbook, then it closes."""

    def __init__(
        self, on_opened: Callable[[Workbook], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to Team Workbook")
        self.setObjectName("connect_dialog")
        self._on_opened = on_opened
        self.operation: BackgroundOperation[Workbook] | None = None
        self.host = QLineEdit("localhost")
        self.host.setPlaceholderText("server name, or the folder of its socket")
        self.host.setToolTip(
            "The server's name or address, or a folder holding a local server's "
            "socket (such as /var/run/postgresql)."
        )
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText("the team workbook's database")
        self.user = QLineEdit(getpass.getuser())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("none, if the server does not ask for one")
        self.remember = _remember_tick()
        self.fields = {
            name: FieldWithError(widget)
            for name, widget in (
                ("host", self.host),
                ("database", self.database),
                ("user", self.user),
            )
        }
        form = QFormLayout()
        form.addRow("&Server:", self.fields["host"])
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.fields["database"])
        form.addRow("&User:", self.fields["user"])
        form.addRow("&Password:", self.password)
        form.addRow("", self.remember)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = show_errors_in(QLabel())
        self.error.setObjectName("connect_error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            "&Connect", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.start_connecting)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.host.textChanged.connect(self._show_note)
        self._show_note()
        name_from_labels(self)
        self.setMinimumWidth(440)

    def _show_note(self) -> None:
        self.note.setText("" if is_local_host(self.host.text()) else _ENCRYPTED)
        self.note.setVisible(not is_local_host(self.host.text()))

    def address(self) -> ServerAddress:
        """The URL the fields name (with the password, if one was typed)."""
        return server_url(
            self.host.text(),
            self.database.text().strip(),
            self.user.text().strip(),
            port=self.port.value(),
            password=self.password.text(),
        )

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def start_connecting(self) -> None:
        """Check the fields, then open the workbook on a worker thread."""
        self.show_error(None)
        missing = False
        for name, field in self.fields.items():
            empty = not field.field.text().strip()  # type: ignore[attr-defined]
            field.set_error(f"give the {name if name != 'host' else 'server'}" if empty else None)
            missing = missing or empty
        if missing or (self.operation is not None and self.operation.running):
            return
        address = self.address()
        self.connect_button.setEnabled(False)

        def work(_progress: Progress) -> Workbook:
            return open_server_workbook(address)

        self.operation = run_in_background(
            self,
            work,
            title="Connecting",
            label=f"Connecting to {address.label}…",
            failure_title="Cannot Connect",
            on_success=self._opened,
            on_refused=self._refused,
            cancellable=False,
        )
        self.operation.finished.connect(lambda: self.connect_button.setEnabled(True))

    def _opened(self, workbook: Workbook) -> None:
        address = self.address()
        keep_or_forget(address, self.password.text(), self.remember.isChecked())
        self.password.clear()
        self.discard_changes()  # closes: the workbook is open
        self._on_opened(workbook)

    def _refused(self, error: ServiceError) -> None:
        self.show_error(str(error))
        target = self.password if password_wanted(error) else self.database
        target.setFocus()


class PasswordPrompt(QDialog):
    """The password for a team workbook the server wants one for."""

    def __init__(self, address: ServerAddress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Password for Team Workbook")
        self.setObjectName("password_prompt")
        text = QLabel(
            f"The server asks for a password to open {address.label} "
            f"as {address.user or 'the default user'}."
        )
        text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.remember = _remember_tick()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)


def ask_password(parent: QWidget | None, address: ServerAddress) -> tuple[str, bool] | None:
    """(The password typed, whether to remember it), or None when the person cancelled."""
    prompt = PasswordPrompt(address, parent)
    if run_modal(prompt) != QDialog.DialogCode.Accepted:
        return None
    return prompt.password.text(), prompt.remember.isChecked()
