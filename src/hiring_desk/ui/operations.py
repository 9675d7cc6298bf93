"""The one way the window runs work, and the one signal that says what changed.

In the spirit of Anki's ``CollectionOp``/``QueryOp``: a page hands a service call
to an operation instead of calling it inline, and the operation

- shows a busy cursor and restores it in every case, however the work ends;
- for long work (``run_in_background``) runs the call on a worker thread behind a
  progress dialog with Cancel, so the window keeps painting;
- shows a ``ServiceError`` (and the store's worded errors) as a clear message,
  and anything unexpected through the crash dialog (``excepthook``);
- on success announces what changed on the application's one ``ChangeHub``, which
  pages listen to instead of refreshing each other by hand.

Quick changes (a save that takes milliseconds) run on the GUI thread with
``run_operation``: same cursor, error and change handling, no thread hand-off.
"""

from __future__ import annotations

import contextlib
import enum
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from hiring_desk.services.errors import ServiceError
from hiring_desk.ui import excepthook, messages

T = TypeVar("T")


class Change(enum.Flag):
    """What an operation changed; pages refresh when a flag they show is set."""

    NONE = 0
    WORKBOOK = enum.auto()  # another workbook opened, restored or closed
    TEAM = enum.auto()
    COMPANY = enum.auto()
    REJECTION_REASONS = enum.auto()
    ROLES = enum.auto()
    JOB_DESCRIPTIONS = enum.auto()
    TEMPLATES = enum.auto()
    CANDIDATES = enum.auto()
    ATTACHMENTS = enum.auto()
    APPLICATIONS = enum.auto()
    INTERVIEWS = enum.auto()
    SCORECARDS = enum.auto()
    OFFERS = enum.auto()
    PREFERENCES = enum.auto()
    PRIVACY = enum.auto()
    EVERYTHING = (
        WORKBOOK
        | TEAM
        | COMPANY
        | REJECTION_REASONS
        | ROLES
        | JOB_DESCRIPTIONS
        | TEMPLATES
        | CANDIDATES
        | ATTACHMENTS
        | APPLICATIONS
        | INTERVIEWS
        | SCORECARDS
        | OFFERS
        | PREFERENCES
        | PRIVACY
    )


class ChangeHub(QObject):
    """``changed(Change, source)``: emitted after an operation changed data.

    ``source`` is the widget that started the operation (or None), so a page that
    already shows the new state can skip its own refresh.
    """

    changed = Signal(object, object)

    def announce(self, changes: Change, source: object | None = None) -> None:
        if changes:
            self.changed.emit(changes, source)


def change_hub() -> ChangeHub:
    """The application's one hub (made on first use, owned by the QApplication)."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("change_hub() needs a QApplication")
    hub = app.findChild(ChangeHub, "hiring_desk_change_hub")
    if hub is None:
        hub = ChangeHub(app)
        hub.setObjectName("hiring_desk_change_hub")
    return hub


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

    def update(self, done: int, total: int, text: str = "") -> None:
        with self._lock:
            self._latest = (done, total, text)
        self.raise_if_cancelled()

    def take_latest(self) -> tuple[int, int, str] | None:
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


def run_operation(
    parent: QWidget | None,
    work: Callable[[], T],
    *,
    changes: Change = Change.NONE,
    failure_title: str = "Not Done",
    on_success: Callable[[T], object] | None = None,
) -> T | None:
    """Run a quick service call now, on the GUI thread; its result, or None if it failed.

    A ``ServiceError`` is shown as a message titled ``failure_title``; anything else
    goes to the crash dialog. The cursor is restored in every case; on success the
    ``changes`` are announced, then ``on_success(result)`` runs.
    """
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = work()
    except ServiceError as exc:
        QGuiApplication.restoreOverrideCursor()
        messages.show_error(parent, failure_title, str(exc))
        return None
    except Exception:
        QGuiApplication.restoreOverrideCursor()
        excepthook.handle_exception(*sys.exc_info())
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
    """

    finished = Signal()

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
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._work = work
        self._changes = changes
        self._failure_title = failure_title
        self._on_success = on_success
        self._on_cancelled = on_cancelled
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
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._poll.start()
        self.dialog.setValue(0)
        QThreadPool.globalInstance().start(_Job(self._work, self.progress, self))

    def cancel(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText("Cancelling…")

    def _show_progress(self) -> None:
        latest = self.progress.take_latest()
        if latest is None:
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
        self.dialog.reset()
        self.dialog.hide()
        QGuiApplication.restoreOverrideCursor()
        try:
            if isinstance(error, OperationCancelledError):
                if self._on_cancelled is not None:
                    self._on_cancelled()
            elif isinstance(error, ServiceError):
                messages.show_error(self._parent, self._failure_title, str(error))
            elif error is not None:
                excepthook.handle_exception(type(error), error, error.__traceback__)
            else:
                change_hub().announce(self._changes, self._parent)
                if self._on_success is not None:
                    self._on_success(result)  # type: ignore[arg-type]
        finally:
            self.dialog.deleteLater()
            self.finished.emit()


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], T],
    *,
    title: str,
    label: str,
    changes: Change = Change.NONE,
    failure_title: str = "Not Done",
    on_success: Callable[[T], object] | None = None,
    on_cancelled: Callable[[], object] | None = None,
    cancellable: bool = True,
) -> BackgroundOperation[T]:
    """Start ``work`` on a worker thread now; see ``BackgroundOperation``."""
    operation: BackgroundOperation[T] = BackgroundOperation(
        parent,
        work,
        title=title,
        label=label,
        changes=changes,
        failure_title=failure_title,
        on_success=on_success,
        on_cancelled=on_cancelled,
        cancellable=cancellable,
    )
    operation.start()
    return operation


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[Progress], object],
        progress: Progress,
        operation: BackgroundOperation[Any],
    ) -> None:
        super().__init__()
        self._work = work
        self._progress = progress
        self._operation = operation

    def run(self) -> None:
        result: object = None
        error: BaseException | None = None
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, shown there
            error = exc
        operation = self._operation
        # Queued to the operation's (GUI) thread; RuntimeError: it is gone already.
        with contextlib.suppress(RuntimeError):
            QTimer.singleShot(0, operation, lambda: operation.deliver(result, error))
