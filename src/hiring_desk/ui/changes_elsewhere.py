"""Pages refresh when other people change a team workbook.

``ChangesElsewhere`` follows the open workbook (``Workbook.follow_changes``: only a
team workbook on a server has anything to follow) and re-announces each change
made elsewhere on the application's one ``ChangeHub``, with no source, as any
change the page did not make itself; the pages' ``ChangeListener``s do the rest.

The notice arrives on the follower's thread and crosses to the GUI thread by a
queued signal. (PySide6 6.12.0 loses a reference to ``True`` per ``emit``, which
``ui.operations`` avoids for per-keystroke work; a notice comes once per change
someone else commits, few enough not to matter.) A notice that arrives after the
window moved to another workbook is dropped.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, Signal, Slot

from hiring_desk.services.workbook.changes_elsewhere import Notice
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.changes import Change, change_hub


def changes_of(notice: Notice) -> Change:
    """The ``Change`` flags a notice's kinds name (kinds this version does not know
    are skipped: a newer version's notice still refreshes what it can)."""
    changes = Change.NONE
    for kind in notice.kinds:
        member = Change.__members__.get(kind.upper())
        if member is not None:
            changes |= member
    return changes


class ChangesElsewhere(QObject):
    """Re-announces on the change hub what others changed on the followed workbook."""

    arrived = Signal(object, object)  # (the workbook followed, Notice)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._following: Workbook | None = None
        self.arrived.connect(self._announce, Qt.ConnectionType.QueuedConnection)

    def follow(self, workbook: Workbook | None) -> bool:
        """Follow ``workbook`` from now on (its closing ends it); True if it is a team
        workbook, whose changes made elsewhere will be announced."""
        self._following = workbook
        if workbook is None:
            return False

        def hand_over(notice: Notice) -> None:  # on the follower's thread
            with contextlib.suppress(RuntimeError):  # the window is gone: nobody to tell
                self.arrived.emit(workbook, notice)

        return workbook.follow_changes(hand_over)

    @Slot(object, object)
    def _announce(self, workbook: Workbook, notice: Notice) -> None:
        if workbook is self._following:
            change_hub().announce(changes_of(notice), None)
