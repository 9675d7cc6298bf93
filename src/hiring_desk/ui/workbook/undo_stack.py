"""Edit ▸ Undo / Redo for deletes: the window's undo history and its commands.

A page deletes as it always did (asking first), then hands the snapshot the
service returned to ``record_deletion``. That pushes a ``DeleteCommand`` onto the
window's ``UndoHistory`` (a QUndoStack), found through the page's window, so no
page needs a reference to it; a page shown on its own (in a test) just has no
history. Undo puts the record back (``services.undo.restore_deleted``) and the
history announces it with ``restored``; Redo deletes it again. A step that can no
longer be done (a file whose candidate was erased since) says why and leaves the
history. Both run through ``ui.operations.run_operation`` and announce
``Change.DATA`` on the change hub, so every page showing what came back refreshes.
The window clears the history when the workbook changes or closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from hiring_desk.services.workbook import undo
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.services.workbook.undo import Restored, Snapshot
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.shortcuts import standard_keys

#: Deletes a record again by its id; returns its new snapshot (None if it is gone already).
DeleteAgain = Callable[[Workbook, int], Snapshot | None]


class UndoHistory(QUndoStack):
    """The window's undo stack. ``restored(Restored, text)`` follows an undone step
    (``services.undo.Restored`` and the step's text), for the window to show it."""

    restored = Signal(object, str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("undo_history")
        self.setUndoLimit(50)
        self._window = window

    def record_deletion(
        self, workbook: Workbook, text: str, snapshot: Snapshot, delete_again: DeleteAgain
    ) -> None:
        """Add a delete that has just been done (it is not done again now)."""
        self.push(DeleteCommand(self, workbook, text, snapshot, delete_again))

    def make_actions(self) -> tuple[QAction, QAction]:
        """Edit ▸ Undo and Redo, whose texts name the step ("Undo Delete Candidate")."""
        undo_action = self.createUndoAction(self._window, "&Undo")
        undo_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        undo_action.setObjectName("undo")
        redo_action = self.createRedoAction(self._window, "&Redo")
        redo_keys = standard_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z")
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:  # as well as Ctrl+Y on Windows
            redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        redo_action.setShortcuts(redo_keys)
        redo_action.setObjectName("redo")
        return undo_action, redo_action

    @property
    def window(self) -> QWidget:
        return self._window

    def warn(self, title: str, text: str) -> None:
        messages.show_warning(self._window, title, text)


class DeleteCommand(QUndoCommand):
    """One delete in the history: undo restores the snapshot, redo deletes again."""

    def __init__(
        self,
        history: UndoHistory,
        workbook: Workbook,
        text: str,
        snapshot: Snapshot,
        delete_again: DeleteAgain,
    ) -> None:
        super().__init__(text)
        self._history = history
        self._workbook = workbook
        self._snapshot = snapshot
        self._delete_again = delete_again
        self._row_id = snapshot.row_id
        self._done_already = True  # pushed after the page deleted it

    def undo(self) -> None:
        title = f"Cannot Undo {self.text()}"
        restored = run_operation(
            self._history.window,
            lambda: undo.restore_deleted(self._workbook, self._snapshot),
            changes=Change.DATA,
            on_refused=lambda exc: self._history.warn(title, str(exc)),
        )
        if restored is None:
            self.setObsolete(True)
            return
        self._row_id = restored.row_id
        self._history.restored.emit(restored, self.text())

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        title = f"Cannot Redo {self.text()}"
        snapshot = run_operation(
            self._history.window,
            lambda: self._delete_again(self._workbook, self._row_id),
            changes=Change.DATA,
            on_refused=lambda exc: self._history.warn(title, str(exc)),
        )
        if snapshot is None:  # gone already, refused or failed
            self.setObsolete(True)
        else:
            self._snapshot = snapshot


def history_of(widget: QWidget) -> UndoHistory | None:
    """The undo history of the window ``widget`` is in (None outside a main window)."""
    return widget.window().findChild(UndoHistory, "undo_history")


def record_deletion(
    widget: QWidget,
    workbook: Workbook,
    text: str,
    snapshot: Snapshot | None,
    delete_again: DeleteAgain,
) -> None:
    """Make a delete just done from ``widget`` undoable (nothing if there is no history)."""
    history = history_of(widget)
    if history is not None and snapshot is not None:
        history.record_deletion(workbook, text, snapshot, delete_again)


__all__ = ["DeleteCommand", "Restored", "UndoHistory", "history_of", "record_deletion"]
