"""The Today page: what needs doing now, by kind, each item one click from where it is done.

Sections with counts (interviews today and tomorrow, overdue scorecards, offers,
candidates left waiting, late roles, retention, tasks; then tasks still to come).
Open (or a double-click) goes where the item is dealt with; Snooze hides it until
a day; Done puts it aside. Add Task… adds a dated task on a candidate or role;
a task selected can be edited or deleted.
The page listens to the change hub and reads everything again when data changes.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.domain.formatting import format_day
from hiring_desk.services.today import tasks, today_items
from hiring_desk.services.today.today_items import task_item
from hiring_desk.services.today.today_views import ItemKind, Opens, TodayItem, TodayView
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.empty_state import EmptyState
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.permissions import Permission, apply_permission
from hiring_desk.ui.today.today_dialogs import SnoozeDateDialog, TaskDialog
from hiring_desk.ui.today.today_opening import open_item

#: Today reads nearly everything: it refreshes on any change of data.
SHOWS = Change.DATA

#: The snooze choices: label and days (None: pick a date).
SNOOZES: tuple[tuple[str, int | None], ...] = (
    ("a day", 1),
    ("3 days", 3),
    ("a week", 7),
    ("until a date…", None),
)

UPCOMING = "Tasks coming up"

WATCHES = (
    "Today lists interviews today and tomorrow, scorecards not "
    "written after an interview, offers waiting for an answer or about to expire, candidates "
    "left too long at one stage, roles past their target date, candidates due for deletion, "
    "and the tasks you add. The limits are in Edit ▸ Preferences."
)

_ITEM = Qt.ItemDataRole.UserRole

#: How often the page reads the workbook again while it is shown (five minutes).
REREAD_MS = 5 * 60 * 1000


class TodayPage(QWidget):
    """``candidate_activated(id)`` and ``record_requested(area, id)`` ask the window to go there."""

    candidate_activated = Signal(int)
    record_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self._workbook: Workbook | None = None
        self._locale = "en_GB"
        self.view: TodayView | None = None
        self.heading = QLabel()
        self.heading.setObjectName("today_heading")
        self.tree = QTreeWidget()
        self.tree.setObjectName("today_items")
        self.tree.setAccessibleName("Due today")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["What", "Due", "Details"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.open_selected())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.toolbar = bar = PageToolbar("today_toolbar")
        self.open_button = bar.primary(
            "&Open", "today_open", self.open_selected, "Go where the selected item is done"
        )
        self.done_action = bar.action("&Done", "today_done", self.done_selected, "done")
        self.snooze_action = bar.action(
            "&Snooze for",
            "today_snooze",
            self.snooze_selected,
            "snooze",
            "Hide the selected item from Today for a while",
        )
        self.snooze_for = QComboBox()
        self.snooze_for.setObjectName("today_snooze_for")
        self.snooze_for.setAccessibleName("Snooze for")
        for label, days in SNOOZES:
            self.snooze_for.addItem(label, days)
        bar.add_beside(self.snooze_for)
        self.add_action = bar.action("&Add Task…", "today_add_task", self.add_task, "add")
        self.edit_action = bar.action(
            "&Edit Task…", "today_edit_task", self.edit_task, "edit", overflow=True
        )
        self.delete_action = bar.action(
            "De&lete Task", "today_delete_task", self.delete_task, "delete", overflow=True
        )
        self.done_button = bar.button(self.done_action)
        self.snooze_button = bar.button(self.snooze_action)
        self.add_button = bar.button(self.add_action)
        bar.attach_context_menu(self.tree)
        self.empty = EmptyState(
            "today_empty", "Nothing needs you today", WATCHES, "Add a &Task…", self.add_task
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        layout.addWidget(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        ChangeListener(self, SHOWS, lambda _changes: self.refresh())
        # Time alone makes things due (and snoozes end): read again now and then.
        self._clock = QTimer(self)
        self._clock.setInterval(REREAD_MS)
        self._clock.timeout.connect(lambda: self.refresh() if self.isVisible() else None)
        self._clock.start()
        self._update_buttons()

    # -- showing ----------------------------------------------------------------------

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_item()
        self.tree.clear()
        self.view = today_items.list_today(self._workbook) if self._workbook else None
        day = format_day(clock.today(), self._locale)
        view = self.view
        if view is None:
            self.heading.setText("")
        else:
            count = len(view.items)
            what = "Nothing due" if not count else f"{count} thing{'s' if count != 1 else ''} due"
            hidden = f"; {view.snoozed} snoozed" if view.snoozed else ""
            self.heading.setText(f"<b>{day}</b> — {what}{hidden}")
            for kind in ItemKind:
                self._add_section(kind.heading, view.of_kind(kind))
            upcoming = [task_item(task) for task in view.upcoming_tasks]
            self._add_section(UPCOMING, upcoming)
        self.tree.expandAll()
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        empty = view is not None and not view.items and not view.upcoming_tasks
        self.tree.setVisible(not empty)
        self.empty.setVisible(empty)
        self.toolbar.setVisible(not empty)  # the empty state adds the first task
        if selected is not None:
            self._select(selected.key)
        self._update_buttons()

    def _add_section(self, heading: str, items: list[TodayItem]) -> None:
        if not items:
            return
        section = QTreeWidgetItem([f"{heading} ({len(items)})"])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(section)
        for item in items:
            detail = item.detail
            if item.kind is ItemKind.INTERVIEW and item.pack_ready:
                detail += "; pack ready to print"
            row = QTreeWidgetItem([item.subject, self._due_text(item), detail])
            row.setToolTip(2, detail)
            row.setData(0, _ITEM, item)
            row.setToolTip(0, item.subject)
            section.addChild(row)

    def _due_text(self, item: TodayItem) -> str:
        if item.due_at is not None:
            local = item.due_at.astimezone()
            return f"{format_day(local.date(), self._locale)} {local:%H:%M}"
        return format_day(item.due_on, self._locale)

    def _sections(self) -> list[QTreeWidgetItem]:
        found = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [section for section in found if section is not None]

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = [s.child(i) for s in self._sections() for i in range(s.childCount())]
        return [row for row in rows if row is not None]

    def items_shown(self) -> list[TodayItem]:
        """Every item in the list, sections in order (upcoming tasks last)."""
        return [row.data(0, _ITEM) for row in self._rows()]

    def section_titles(self) -> list[str]:
        return [section.text(0) for section in self._sections()]

    def row_of(self, key: str) -> QTreeWidgetItem | None:
        return next((row for row in self._rows() if row.data(0, _ITEM).key == key), None)

    def _select(self, key: str) -> None:
        row = self.row_of(key)
        if row is not None:
            self.tree.setCurrentItem(row)

    def selected_item(self) -> TodayItem | None:
        chosen = self.tree.selectedItems()
        item = chosen[0].data(0, _ITEM) if chosen else None
        return item if isinstance(item, TodayItem) else None

    def _is_upcoming(self, item: TodayItem) -> bool:
        view = self.view
        return view is not None and item.kind is ItemKind.TASK and item not in view.items

    def _update_buttons(self) -> None:
        item = self.selected_item()
        self.open_button.setEnabled(item is not None)
        can_snooze = item is not None and not self._is_upcoming(item)
        is_task = item is not None and item.kind is ItemKind.TASK
        # Tasks, snoozes and dones are shared by the team: not an interviewer's to change.
        workbook, tasks = self._workbook, Permission.TASKS
        apply_permission(self.done_action, workbook, tasks, enabled=item is not None)
        apply_permission(self.snooze_action, workbook, tasks, enabled=can_snooze)
        apply_permission(self.snooze_for, workbook, tasks, enabled=can_snooze)
        apply_permission(self.add_action, workbook, tasks, enabled=workbook is not None)
        apply_permission(self.edit_action, workbook, tasks, enabled=is_task)
        apply_permission(self.delete_action, workbook, tasks, enabled=is_task)

    # -- actions ----------------------------------------------------------------------

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is None or self._workbook is None:
            return
        if item.opens is Opens.CANDIDATE:
            self.candidate_activated.emit(item.target_id)
        elif item.opens in (Opens.ROLE, Opens.OFFER):
            self.record_requested.emit(
                "roles" if item.opens is Opens.ROLE else "offers", item.target_id
            )
        else:
            open_item(self, self._workbook, item, self._locale)

    def snooze_selected(self) -> None:
        item, workbook = self.selected_item(), self._workbook
        if item is None or workbook is None or self._is_upcoming(item):
            return
        days = self.snooze_for.currentData()
        if days is None:
            chosen = SnoozeDateDialog.ask(self)
            if chosen is None:
                return
            days = (chosen - clock.today()).days
        back_on = clock.today() + timedelta(days=int(days))
        until = datetime.combine(back_on, time()).astimezone()  # this computer's midnight
        run_operation(
            self,
            lambda: today_items.snooze(workbook, item.key, until),
            changes=Change.TASKS,
            failure_title="Not Snoozed",
        )
        self.refresh()

    def done_selected(self) -> None:
        item, workbook = self.selected_item(), self._workbook
        if item is None or workbook is None:
            return
        run_operation(
            self,
            lambda: today_items.mark_done(workbook, item.key),
            changes=Change.TASKS,
            failure_title="Not Done",
        )
        self.refresh()

    def add_task(self) -> None:
        if self._workbook is None:
            return
        item = self.selected_item()
        about = None
        if item is not None and item.candidate_id is not None:
            about = ("candidate", item.candidate_id)
        elif item is not None and item.role_id is not None:
            about = ("role", item.role_id)
        dialog = TaskDialog(self._workbook, self, about=about)
        saved = run_modal(dialog) and dialog.saved
        if saved:
            self.refresh()
            self._select(f"task:{saved.id}")

    def edit_task(self) -> None:
        item, workbook = self.selected_item(), self._workbook
        if item is None or workbook is None or item.kind is not ItemKind.TASK:
            return
        task = run_operation(self, lambda: tasks.get_task(workbook, item.entity_id))
        if task is None:
            return
        dialog = TaskDialog(workbook, self, task=task)
        saved = run_modal(dialog) and dialog.saved
        if saved:
            self.refresh()
            self._select(f"task:{saved.id}")

    def delete_task(self) -> None:
        item, workbook = self.selected_item(), self._workbook
        if item is None or workbook is None or item.kind is not ItemKind.TASK:
            return
        if not messages.confirm(
            self, "Delete Task", f"Delete the task “{item.subject}”?", "Delete"
        ):
            return
        run_operation(
            self,
            lambda: tasks.delete_task(workbook, item.entity_id),
            changes=Change.TASKS,
            failure_title="Task Not Deleted",
        )
        self.refresh()
