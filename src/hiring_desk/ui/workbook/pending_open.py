"""The workbook named at start-up, opened on a worker thread while the window is built.

Opening a workbook checks the whole file (SQLite's ``quick_check``: about 0.3 s for a
50,000-candidate workbook), and SQLite lets other Python code run meanwhile. So the
start-up begins the opening on a worker thread and imports and builds the pages on
the GUI thread at the same time; ``result`` then hands over the open workbook, or
raises what the opening raised (a damaged or refused file is answered on the GUI
thread, as before). No Qt here: the thread only opens the file.
"""

from __future__ import annotations

import threading

from hiring_desk.services.workbook import opening
from hiring_desk.services.workbook.locations import Location, ServerAddress
from hiring_desk.services.workbook.opening import Workbook


class PendingOpen:
    """``opening.open_workbook(path)`` (or the default workbook) running on a thread."""

    def __init__(self, path: Location | None) -> None:
        self.path = path
        self._done = threading.Event()
        self._workbook: Workbook | None = None
        self._error: BaseException | None = None
        threading.Thread(target=self._open, name="open-workbook", daemon=True).start()

    def _open(self) -> None:
        try:
            path = self.path
            if isinstance(path, ServerAddress):  # its kept password, if any (not logged)
                from hiring_desk.services.workbook.passwords import with_remembered_password

                path = with_remembered_password(path)
            self._workbook = (
                opening.open_workbook(path) if path else opening.open_default_workbook()
            )
        except BaseException as exc:  # handed to the GUI thread by ``result``
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> Workbook:
        """The open workbook, once the thread is done; raises what the opening raised."""
        self._done.wait()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._workbook is not None
        return self._workbook
