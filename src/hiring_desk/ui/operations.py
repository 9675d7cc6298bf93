"""The one way the window runs work (what changed is announced on ``ui.changes``).

In the spirit of Anki's ``CollectionOp``/``QueryOp``: a page hands a service call
to an operation instead of calling it inline, and the operation

- shows a busy cursor and restores it in every case, however the work ends;
- for long work (``run_in_background``) runs the call on a worker thread behind a
  progress dialog (with Cancel where the work can stop), so the window keeps painting;
- shows a ``ServiceError`` (and the store's worded errors) as a clear message,
  and anything unexpected through the crash dialog (``excepthook``);
- on success announces what changed on the application's one ``ChangeHub``, which
  pages listen to (``ChangeListener``) instead of refreshing each other by hand.

Quick changes (a save that takes milliseconds) run on the GUI thread with
``run_operation``: same cursor, error and change handling, no thread hand-off.
Forms that show a ``ValidationError`` under their fields pass ``on_invalid``; a
dialog that words any refusal itself passes ``on_refused``.

Reads that follow typing (the candidate search) use ``LatestQuery``: the same
worker job and error routing, no cursor and no progress dialog, and only the newest
request's result is delivered.

Every worker thread's outcome comes back to the GUI thread through the one worker
job of ``ui.worker_jobs`` (a queued call, never a signal).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, ClassVar, Generic, Required, TypedDict, TypeVar, Unpack

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from hiring_desk.services.common.errors import ChangedMeanwhileError, ServiceError, ValidationError
from hiring_desk.ui import excepthook, messages
from hiring_desk.ui.changes import Change, change_hub
from hiring_desk.ui.worker_jobs import start_job

T = TypeVar("T")

#: What a form does with a refusal naming its fields (shows each under its field).
OnInvalid = Callable[[ValidationError], object]
#: What a dialog does with any other refusal (shows it in its own words or place).
OnRefused = Callable[[ServiceError], object]


class OperationCancelledError(Exception):
    """Raised inside background work when the person pressed Cancel."""


class Progress:
    """Handed to background work: report steps, and learn whether to stop.

    ``update`` may be called from the worker thread as often as wanted; the
    progress dialog shows the newest figures on the GUI thread.
    """

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise OperationCancelledError

    def report(self, done: int, total: int, text: str = "") -> None:
        """Say how far the work got, without stopping (for a step past the point of no
        return, such as the one after the file was written)."""
        with self._lock:
            self._latest = (done, total, text)

    def update(self, done: int, total: int, text: str = "") -> None:
        """Say how far the work got; raises ``OperationCancelledError`` once cancelled."""
        self.report(done, total, text)
        self.raise_if_cancelled()

    def take_latest(self) -> tuple[int, int, str] | None:
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


def _alive(widget: QObject | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


def _show_failure(
    parent: QWidget | None,
    error: BaseException,
    failure_title: str,
    on_invalid: OnInvalid | None = None,
    on_refused: OnRefused | None = None,
) -> None:
    """A refusal in words (to the form or dialog if it takes them), anything else as a crash."""
    if isinstance(error, ValidationError) and on_invalid is not None:
        on_invalid(error)
    elif isinstance(error, ServiceError) and on_refused is not None:
        on_refused(error)
    elif isinstance(error, ChangedMeanwhileError):
        messages.show_changed_meanwhile(parent, error)
    elif isinstance(error, ServiceError):
        messages.show_error(parent, failure_title, str(error))
    else:
        excepthook.handle_exception(type(error), error, error.__traceback__)


def run_operation(
    parent: QWidget | None,
    work: Callable[[], T],
    *,
    changes: Change = Change.NONE,
    failure_title: str = "Not Done",
    on_success: Callable[[T], object] | None = None,
    on_invalid: OnInvalid | None = None,
    on_refused: OnRefused | None = None,
) -> T | None:
    """Run a quick service call now, on the GUI thread; its result, or None if it failed.

    A ``ValidationError`` goes to ``on_invalid`` when given (a form shows it under
    its fields), any other ``ServiceError`` to ``on_refused`` when given, else it is
    shown as a message titled ``failure_title``; anything else goes to the crash
    dialog. The cursor is restored in every case, before anything is shown; on
    success the ``changes`` are announced, then ``on_success(result)`` runs.
    """
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = work()
    except Exception as exc:
        QGuiApplication.restoreOverrideCursor()
        if isinstance(exc, ChangedMeanwhileError):  # someone else's change: every page shows it
            change_hub().announce(changes, None)
        _show_failure(parent, exc, failure_title, on_invalid, on_refused)
        return None
    QGuiApplication.restoreOverrideCursor()
    change_hub().announce(changes, parent)
    if on_success is not None:
        on_success(result)
    return result


class BackgroundOperation(QObject, Generic[T]):
    """Long work on a worker thread, behind a progress dialog with Cancel.

    ``work(progress)`` runs off the GUI thread and may call ``progress.update``
    (which raises ``OperationCancelledError`` once Cancel was pressed). Exactly one of
    ``on_success(result)`` or ``on_cancelled()`` runs afterwards on the GUI thread,
    or neither when the work failed (the failure is shown). ``finished`` is
    emitted last, in every case.

    The operation keeps itself alive until it has ended, so the cursor is restored
    and the changes are announced even if ``parent`` is closed and deleted meanwhile
    (its callbacks are then skipped: there is nothing left to show them in).
    ``cancellable=False`` is for work that must not stop halfway once started
    (an erasure's one transaction): the dialog then has no Cancel button.
    """

    finished = Signal()
    _running: ClassVar[set[BackgroundOperation[Any]]] = set()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], T],
        *,
        title: str,
        label: str,
        changes: Change = Change.NONE,
        failure_title: str = "Not Done",
        on_success: Callable[[T], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
        on_invalid: OnInvalid | None = None,
        on_refused: OnRefused | None = None,
        cancellable: bool = True,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._work = work
        self._changes = changes
        self._failure_title = failure_title
        self._on_success = on_success
        self._on_cancelled = on_cancelled
        self._on_invalid = on_invalid
        self._on_refused = on_refused
        self.progress = Progress()
        self.running = False
        self.dialog = QProgressDialog(label, "Cancel" if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._show_progress)

    def start(self) -> None:
        self.running = True
        BackgroundOperation._running.add(self)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._poll.start()
        self.dialog.setValue(0)
        start_job(
            QThreadPool.globalInstance(), self, lambda: self._work(self.progress), self.deliver
        )

    def cancel(self) -> None:
        self.progress.cancel()
        if _alive(self.dialog):
            self.dialog.setLabelText("Cancelling…")

    def _show_progress(self) -> None:
        latest = self.progress.take_latest()
        if latest is None or not _alive(self.dialog):
            return
        done, total, text = latest
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text and not self.progress.cancelled:
            self.dialog.setLabelText(text)

    def deliver(self, result: object, error: BaseException | None) -> None:
        """On the GUI thread: end the operation with its result or error."""
        self._poll.stop()
        self.running = False
        if _alive(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        QGuiApplication.restoreOverrideCursor()
        parent = self._parent if _alive(self._parent) else None
        gone = self._parent is not None and parent is None
        try:
            if isinstance(error, OperationCancelledError):
                if self._on_cancelled is not None and not gone:
                    self._on_cancelled()
            elif error is not None:
                if gone:
                    _show_failure(None, error, self._failure_title)
                else:
                    _show_failure(
                        parent, error, self._failure_title, self._on_invalid, self._on_refused
                    )
            else:
                change_hub().announce(self._changes, parent)
                if self._on_success is not None and not gone:
                    self._on_success(result)  # type: ignore[arg-type]
        finally:
            BackgroundOperation._running.discard(self)
            self.finished.emit()
            # Ended: its Qt side goes, and with it the connections to ``finished``. A
            # lambda connected there that names the operation is a cycle Python's
            # collector cannot see through Qt, and would keep the operation, the
            # dialog that started it and what it read in memory for good.
            self.deleteLater()


class BackgroundOptions(TypedDict, Generic[T], total=False):
    """``BackgroundOperation``'s keyword arguments, for ``run_in_background`` to pass on."""

    title: Required[str]
    label: Required[str]
    changes: Change
    failure_title: str
    on_success: Callable[[T], object] | None
    on_cancelled: Callable[[], object] | None
    on_invalid: OnInvalid | None
    on_refused: OnRefused | None
    cancellable: bool


def run_in_background(
    parent: QWidget | None, work: Callable[[Progress], T], **options: Unpack[BackgroundOptions[T]]
) -> BackgroundOperation[T]:
    """Start ``work`` on a worker thread now; see ``BackgroundOperation``."""
    operation = BackgroundOperation(parent, work, **options)
    operation.start()
    return operation


class LatestQuery(QObject):
    """A read that follows typing: ``start(query)`` runs ``query()`` on a worker thread,
    then ``on_result(result)`` on the GUI thread, for the newest request only.

    Each keystroke's query runs away from the GUI thread, so the window keeps
    painting while SQLite works; a request made while an earlier one is still
    running supersedes it, and the earlier result is dropped when it arrives. One
    query runs at a time (SQLite reads are quick; a queue of stale ones is not).
    A failure of the newest query is shown as any operation's is (a ``ServiceError``
    as a message titled ``failure_title``, anything else in the crash dialog);
    those of superseded queries are dropped. No cursor and no progress: typing
    goes on while it runs.
    """

    def __init__(
        self,
        on_result: Callable[[Any], object],
        parent: QObject | None = None,
        *,
        failure_title: str = "Search Failed",
    ) -> None:
        super().__init__(parent)
        self._on_result = on_result
        self._failure_title = failure_title
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
        start_job(self._pool, self, query, functools.partial(self.deliver, self._generation))

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
            parent = self.parent()
            window = parent if isinstance(parent, QWidget) else None
            _show_failure(window, error, self._failure_title)
            return
        self._on_result(result)


__all__ = [
    "BackgroundOperation",
    "LatestQuery",
    "OperationCancelledError",
    "Progress",
    "run_in_background",
    "run_operation",
]
