"""The one worker job of the window: work on a pool thread, its outcome handed back.

``ui.operations`` (``run_in_background``, ``LatestQuery``) starts every worker job
here. The outcome comes back to the GUI thread by a queued call (``QTimer.singleShot``
with a context object), never a signal: PySide6 6.12.0 loses a reference to ``True``
on every ``Signal.emit()``, which a search per keystroke would add up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer

Deliver = Callable[[object, BaseException | None], None]


def start_job(
    pool: QThreadPool, context: QObject, work: Callable[[], object], deliver: Deliver
) -> None:
    """Run ``work`` on ``pool``; then ``deliver(result, error)`` on ``context``'s thread."""
    pool.start(Job(work, context, deliver))


class Job(QRunnable):
    """The one worker job: runs the work, hands its outcome to the GUI thread.

    The pool does not delete the job (``autoDelete`` off): a Python-made runnable
    deleted by Qt on the worker thread, after ``run`` returned, crashed the process
    now and then. The job keeps itself in ``_alive`` until its outcome has been
    handed over, and is let go on the GUI thread. A job whose context (a page) was
    deleted before the hand-over is kept: Qt drops the call, and the job with it
    is not worth a crash to reclaim.
    """

    _alive: ClassVar[set[Job]] = set()

    def __init__(self, work: Callable[[], object], context: QObject, deliver: Deliver) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work: Callable[[], object] | None = work
        self._context: QObject | None = context
        self._deliver: Deliver | None = deliver
        Job._alive.add(self)

    def run(self) -> None:
        work, context, deliver = self._work, self._context, self._deliver
        assert work is not None and context is not None and deliver is not None, "runs once"
        # Let go of the work, the page and its callback: PySide6's pool keeps a
        # reference to every job it started, so a job that held them would keep a
        # closed page and its workbook in memory for as long as the pool lives.
        self._work = self._context = self._deliver = None
        result: object = None
        error: BaseException | None = None
        try:
            result = work()
        except BaseException as exc:  # handed to the GUI thread, shown there
            error = exc
        del work

        def hand_over() -> None:
            Job._alive.discard(self)
            deliver(result, error)

        # Queued to the context's (GUI) thread; dropped by Qt if the context is gone
        # by then. RuntimeError: it is gone already, and nobody is waiting.
        try:
            QTimer.singleShot(0, context, hand_over)
        except RuntimeError:
            Job._alive.discard(self)
