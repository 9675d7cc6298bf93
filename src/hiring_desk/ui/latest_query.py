"""Run a query on a worker thread and deliver only the newest request's result.

For searches as you type: each keystroke's query runs away from the GUI thread, so
the window keeps painting while SQLite works; a request made while an earlier one
is still running supersedes it, and the earlier result is dropped when it arrives.
One query runs at a time (SQLite reads are quick; a queue of stale ones is not).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class LatestQuery(QObject):
    """``start(query)`` runs ``query()`` on a worker thread; ``finished`` gets its result.

    An exception raised by the newest query is raised again on the GUI thread (where
    the excepthook shows it); results and errors of superseded queries are dropped.
    """

    finished = Signal(object)
    _delivered = Signal(int, object, object)  # (generation, result, error), across threads

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._waiting = False
        self._delivered.connect(self._deliver)

    @property
    def pending(self) -> bool:
        """True from ``start`` until its result is delivered (or ``cancel``)."""
        return self._waiting

    def start(self, query: Callable[[], object]) -> None:
        self._generation += 1
        self._waiting = True
        self._pool.clear()  # queued and not started: never needed now
        self._pool.start(_Task(self, self._generation, query))

    def cancel(self) -> None:
        """Drop the result of every query started so far."""
        self._generation += 1
        self._waiting = False
        self._pool.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until no query runs (for shutting down); False on timeout."""
        return bool(self._pool.waitForDone(msecs))

    def _deliver(self, generation: int, result: object, error: object) -> None:
        if generation != self._generation:
            return
        self._waiting = False
        if isinstance(error, BaseException):
            raise error
        self.finished.emit(result)


class _Task(QRunnable):
    def __init__(self, owner: LatestQuery, generation: int, query: Callable[[], Any]) -> None:
        super().__init__()
        self._owner = owner
        self._generation = generation
        self._query = query

    def run(self) -> None:
        result: object = None
        error: BaseException | None = None
        try:
            result = self._query()
        except Exception as exc:  # handed to the GUI thread, raised there
            error = exc
        # RuntimeError: the owner was deleted meanwhile, and nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self._owner._delivered.emit(self._generation, result, error)
