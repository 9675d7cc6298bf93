"""The one signal that says what changed, and the pages' way of listening to it.

An operation (``ui.operations``) announces the ``Change`` flags of what it changed
on the application's one ``ChangeHub``; each page keeps a ``ChangeListener`` that
refreshes it when something it shows changed (at once if visible, else when it is
next shown). No page refreshes another.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget


class Change(enum.Flag):
    """What an operation changed; pages refresh when a flag they show is set."""

    NONE = 0
    WORKBOOK = enum.auto()  # another workbook opened, restored or closed
    TEAM = enum.auto()
    COMPANY = enum.auto()
    REJECTION_REASONS = enum.auto()
    ROLES = enum.auto()
    JOB_DESCRIPTIONS = enum.auto()
    TEMPLATES = enum.auto()  # job-description and offer-letter templates
    CANDIDATES = enum.auto()
    ATTACHMENTS = enum.auto()
    APPLICATIONS = enum.auto()
    INTERVIEW_PLANS = enum.auto()
    QUESTION_BANK = enum.auto()
    INTERVIEWS = enum.auto()
    SCORECARDS = enum.auto()
    OFFERS = enum.auto()
    PREFERENCES = enum.auto()
    PRIVACY = enum.auto()
    TASKS = enum.auto()  # tasks, and the Today view's snoozes and dones
    #: Everything a candidate's record reaches: what deleting or erasing one changes.
    CANDIDATE_RECORD = (
        CANDIDATES | ATTACHMENTS | APPLICATIONS | INTERVIEWS | SCORECARDS | OFFERS | PRIVACY | TASKS
    )
    #: Every kind of data in the open workbook (an undo, a refresh).
    DATA = (
        TEAM
        | COMPANY
        | REJECTION_REASONS
        | ROLES
        | JOB_DESCRIPTIONS
        | TEMPLATES
        | CANDIDATE_RECORD
        | INTERVIEW_PLANS
        | QUESTION_BANK
        | PREFERENCES
    )
    EVERYTHING = WORKBOOK | DATA


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


def started_within(widget: QWidget, source: object | None) -> bool:
    """True if ``source`` is ``widget``, or inside it, or a dialog opened from it."""
    current = source if isinstance(source, QObject) else None
    while current is not None:
        if current is widget:
            return True
        current = current.parent()
    return False


class ChangeListener(QObject):
    """Refreshes a page when an operation started elsewhere changed what it shows.

    ``refresh(changes)`` is called with the flags of ``shows`` that changed: at once
    while the page is visible, else when it is next shown (changes add up while it
    is hidden). A change the page made itself (the source is the page, inside it,
    or a dialog it opened) is skipped unless ``own_changes``: the page brought
    itself up to date already. Made with the page as its parent, it goes with it.
    """

    def __init__(
        self,
        widget: QWidget,
        shows: Change,
        refresh: Callable[[Change], object],
        *,
        own_changes: bool = False,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._shows = shows
        self._refresh = refresh
        self._own_changes = own_changes
        #: Changes not shown yet because the page was hidden.
        self.stale = Change.NONE
        change_hub().changed.connect(self._changed)
        widget.installEventFilter(self)

    @Slot(object, object)
    def _changed(self, changes: Change, source: object) -> None:
        relevant = changes & self._shows
        if not relevant or (not self._own_changes and started_within(self._widget, source)):
            return
        if self._widget.isVisible():
            self._refresh(relevant)
        else:
            self.stale |= relevant

    def mark_stale(self, changes: Change = Change.EVERYTHING) -> None:
        """Refresh when next shown (a page that loads only when seen)."""
        self.stale |= changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            stale, self.stale = self.stale, Change.NONE
            self._refresh(stale)
        return False


def forget_stale(widget: QWidget) -> None:
    """``widget`` is about to be refreshed in full: its listeners (and those of the
    widgets inside it) need not refresh again when it is shown."""
    listeners = widget.findChildren(ChangeListener)
    for listener in listeners:
        listener.stale = Change.NONE
