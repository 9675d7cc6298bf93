"""The Today page's two small dialogs: a task (what, on whom, when) and a snooze's end day."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiring_desk import clock
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.today import tasks
from hiring_desk.services.today.tasks import TaskDraft
from hiring_desk.services.today.today_views import TaskView
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.changes import Change
from hiring_desk.ui.forms import FieldWithError
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import day_of, line_edit, qdate, save_cancel, select_data

_CANDIDATE, _ROLE = "candidate", "role"


def _date_edit(name: str, day: date, earliest: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    if earliest is not None:
        edit.setMinimumDate(qdate(earliest))
    edit.setDate(qdate(day))
    return edit


class TaskDialog(QDialog):
    """Add a task (or edit ``task``): about one candidate or role, a title, a due day.

    ``about`` preselects ("candidate" or "role", id). ``saved`` holds the task once saved.
    """

    def __init__(
        self,
        workbook: Workbook,
        parent: QWidget | None = None,
        *,
        task: TaskView | None = None,
        about: tuple[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("task_dialog")
        self.setWindowTitle("Edit Task" if task else "Add Task")
        self.setMinimumWidth(460)
        self._workbook = workbook
        self._task = task
        self.saved: TaskView | None = None
        candidates, roles = tasks.task_subjects(workbook)
        self.about = QComboBox()
        self.about.setObjectName("task_about")
        self.about.setEditable(True)
        self.about.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for candidate_id, name in candidates:
            self.about.addItem(name, f"{_CANDIDATE}:{candidate_id}")
        for role_id, title in roles:
            self.about.addItem(f"Role: {title}", f"{_ROLE}:{role_id}")
        self.title = line_edit("task_title", "What is to be done, e.g. Call back about the offer")
        due = task.due_on if task else clock.today() + timedelta(days=1)
        self.due = _date_edit("task_due", due)
        if task is not None:
            about = (
                (_CANDIDATE, task.candidate_id)
                if task.candidate_id is not None
                else (_ROLE, task.role_id or 0)
            )
            self.title.setText(task.title)
        if about is not None:
            select_data(self.about, f"{about[0]}:{about[1]}")
        self.fields = {
            "about": FieldWithError(self.about),
            "title": FieldWithError(self.title),
            "due_on": FieldWithError(self.due),
        }
        form = QFormLayout()
        for key, label in (("about", "&About:"), ("title", "&Task:"), ("due_on", "&Due:")):
            text = QLabel(label)
            text.setBuddy(self.fields[key])
            self.fields[key].field.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(text, self.fields[key])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(save_cancel(self, self.save))
        self.title.setFocus()

    def draft(self) -> TaskDraft:
        index = self.about.findText(self.about.currentText())  # typed text may name nobody
        kind, _, number = str(self.about.itemData(index) if index >= 0 else "").partition(":")
        record_id = int(number) if number else None
        return TaskDraft(
            title=self.title.text(),
            due_on=day_of(self.due.date()),
            candidate_id=record_id if kind == _CANDIDATE else None,
            role_id=record_id if kind == _ROLE else None,
        )

    def _show_errors(self, exc: ValidationError) -> None:
        for name, message in exc.errors.items():
            self.fields.get(name, self.fields["title"]).set_error(message)

    def save(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        draft, task = self.draft(), self._task
        saved = run_operation(
            self,
            lambda: (
                tasks.edit_task(self._workbook, task.id, draft)
                if task is not None
                else tasks.add_task(self._workbook, draft)
            ),
            changes=Change.TASKS,
            failure_title="Task Not Saved",
            on_invalid=self._show_errors,
        )
        if saved is not None:
            self.saved = saved
            self.accept()


class SnoozeDateDialog(QDialog):
    """Pick the day a snoozed item comes back (from tomorrow on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snooze_date_dialog")
        self.setWindowTitle("Snooze Until")
        tomorrow = clock.today() + timedelta(days=1)
        self.day = _date_edit("snooze_day", tomorrow + timedelta(days=1), earliest=tomorrow)
        self.day.setAccessibleName("Show it again on")
        label = QLabel("&Show it again on:")
        label.setBuddy(self.day)
        form = QFormLayout()
        form.addRow(label, self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> date | None:
        dialog = cls(parent)
        accepted = run_modal(dialog) == QDialog.DialogCode.Accepted
        return day_of(dialog.day.date()) if accepted else None
