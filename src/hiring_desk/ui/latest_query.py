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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer


class LatestQuery(QObject):
    """``start(query)`` runs ``query()`` on a worker thread, then ``on_result(result)``
    on the GUI thread.

    An exception raised by the newest query is raised again on the GUI thread (where
    the excepthook shows it); results and errors of superseded queries are dropped.
    The result comes back by a queued call (``QTimer.singleShot`` with this object as
    context), not a signal: PySide6 6.12.0 loses a reference to ``True`` on every
    ``Signal.emit()``, which a search per keystroke would add up.
    """

    def __init__(self, on_result: Callable[[Any], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_result = on_result
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._waiting = False

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

    def deliver(self, generation: int, result: object, error: BaseException | None) -> None:
        """On the GUI thread: hand over the result of the query ``generation``."""
        if generation != self._generation:
            return
        self._waiting = False
        if error is not None:
            raise error
        self._on_result(result)


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
        owner, generation = self._owner, self._generation
        # Queued to the owner's (GUI) thread; dropped by Qt if the owner is gone by
        # then. RuntimeError: it is gone already, and nobody is waiting.
        with contextlib.suppress(RuntimeError):
            QTimer.singleShot(0, owner, lambda: owner.deliver(generation, result, error))
