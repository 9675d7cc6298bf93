"""Opening a team workbook named by its URL (Open Recent, a URL named at start-up).

The password comes from the system keyring when one is kept for the URL
(``services.workbook.passwords``); the workbook is opened on a worker thread
(``ui.operations``), as a server may take seconds to answer; when the server
refuses for want of a (right) password, a small prompt asks for it and the
opening is tried again. Any other refusal is shown in words, and the workbook
that was open stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.workbook.locations import ServerAddress, with_password
from hiring_desk.services.workbook.opening import Workbook, WorkbookError
from hiring_desk.services.workbook.passwords import with_remembered_password
from hiring_desk.ui.operations import BackgroundOperation, Progress, run_in_background
from hiring_desk.ui.workbook.connect_dialog import (
    ask_password,
    keep_or_forget,
    open_server_workbook,
    password_wanted,
)


class ServerOpener:
    """Opens team workbooks for the window: ``on_opened(workbook)`` once open,
    ``on_refused(error, title)`` when it could not be."""

    def __init__(
        self,
        parent: QWidget,
        on_opened: Callable[[Workbook], object],
        on_refused: Callable[[WorkbookError, str], object],
    ) -> None:
        self._parent = parent
        self._on_opened = on_opened
        self._on_refused = on_refused
        self.operation: BackgroundOperation[Workbook] | None = None

    def open(self, address: ServerAddress, *, ask_first: bool = False) -> None:
        """Open ``address`` with its kept password (``ask_first``: the server already
        refused without one, so ask before trying)."""
        if ask_first:
            self._ask_and_retry(address)
            return
        filled = with_remembered_password(address)
        assert isinstance(filled, ServerAddress)
        self._start(filled, remember=None)

    def _start(self, address: ServerAddress, remember: bool | None) -> None:
        def work(_progress: Progress) -> Workbook:
            return open_server_workbook(address)

        def opened(workbook: Workbook) -> None:
            if remember is not None:  # a password typed in the prompt
                keep_or_forget(address, address.password or "", remember)
            self._on_opened(workbook)

        def refused(error: ServiceError) -> None:
            cause = error.__cause__
            if password_wanted(error):
                self._ask_and_retry(address)
            elif isinstance(cause, WorkbookError):
                self._on_refused(cause, "Cannot Open Workbook")
            else:
                raise error

        self.operation = run_in_background(
            self._parent,
            work,
            title="Connecting",
            label=f"Connecting to {address.label}…",
            failure_title="Cannot Open Workbook",
            on_success=opened,
            on_refused=refused,
            cancellable=False,
        )

    def _ask_and_retry(self, address: ServerAddress) -> None:
        answer = ask_password(self._parent, address)
        if answer is not None:
            password, remember = answer
            self._start(with_password(address, password), remember)
