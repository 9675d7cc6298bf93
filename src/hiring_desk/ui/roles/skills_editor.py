"""Picking a role's skills from the catalog (or typing new ones), must-have or nice-to-have."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from hiring_desk.domain.vocab import SkillImportance
from hiring_desk.services.roles.briefs import SkillEntry
from hiring_desk.services.roles.skills_catalog import all_skills, canonical_skill, group_of
from hiring_desk.ui.widgets import contains_completer


class SkillsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skills_editor")
        self.entry = QLineEdit()
        self.entry.setObjectName("skill_entry")
        self.entry.setAccessibleName("Skill")
        self.entry.setPlaceholderText("Type a skill, e.g. Python, PostgreSQL, REST…")
        self.entry.setCompleter(
            contains_completer(QStringListModel(list(all_skills()), self), self)
        )
        self.importance = QComboBox()
        self.importance.setObjectName("skill_importance")
        for value in SkillImportance:
            self.importance.addItem(value.label, value.value)
        self.add_button = QPushButton("&Add Skill")
        self.add_button.setObjectName("add_skill")
        self.add_button.clicked.connect(self.add_from_entry)
        self.entry.returnPressed.connect(self.add_from_entry)

        self.must = QListWidget()
        self.must.setObjectName("must_skills")
        self.must.setAccessibleName("Must-have skills")
        self.nice = QListWidget()
        self.nice.setObjectName("nice_skills")
        self.nice.setAccessibleName("Nice-to-have skills")
        self.move_button = QPushButton("&Move to Other List")
        self.move_button.setObjectName("move_skill")
        self.remove_button = QPushButton("Re&move Skill")
        self.remove_button.setObjectName("remove_skill")
        self.move_button.clicked.connect(self.move_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        for view in (self.must, self.nice):
            QShortcut(QKeySequence.StandardKey.Delete, view, self.remove_selected)
            view.itemSelectionChanged.connect(self._selection_changed)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.importance)
        entry_row.addWidget(self.add_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(entry_row, 0, 0, 1, 2)
        grid.addWidget(QLabel("<b>Must-have</b>"), 1, 0)
        grid.addWidget(QLabel("<b>Nice-to-have</b>"), 1, 1)
        grid.addWidget(self.must, 2, 0)
        grid.addWidget(self.nice, 2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        grid.addLayout(buttons, 3, 0, 1, 2)
        self._selection_changed()

    def entries(self) -> tuple[SkillEntry, ...]:
        must = [SkillEntry(self.must.item(i).text(), "must") for i in range(self.must.count())]
        nice = [SkillEntry(self.nice.item(i).text(), "nice") for i in range(self.nice.count())]
        return tuple(must + nice)

    def set_entries(self, entries: tuple[SkillEntry, ...]) -> None:
        self.must.clear()
        self.nice.clear()
        for entry in entries:
            self._list(entry.importance).addItem(entry.skill)
        self._tooltips()

    def add_skill(self, text: str, importance: str) -> bool:
        name = canonical_skill(text)
        if not name or name.casefold() in {e.skill.casefold() for e in self.entries()}:
            return False
        self._list(importance).addItem(name)
        self._tooltips()
        return True

    def add_from_entry(self) -> None:
        if self.add_skill(self.entry.text(), str(self.importance.currentData())):
            self.entry.clear()
        self.entry.setFocus()

    def move_selected(self) -> None:
        for source, target in ((self.must, self.nice), (self.nice, self.must)):
            for item in source.selectedItems():
                target.addItem(source.takeItem(source.row(item)))

    def remove_selected(self) -> None:
        for view in (self.must, self.nice):
            for item in view.selectedItems():
                view.takeItem(view.row(item))

    def _list(self, importance: str) -> QListWidget:
        return self.nice if importance == SkillImportance.NICE.value else self.must

    def _tooltips(self) -> None:
        for view in (self.must, self.nice):
            for i in range(view.count()):
                item = view.item(i)
                group = group_of(item.text())
                item.setToolTip(group or "Not in the catalog (your own entry)")

    def _selection_changed(self) -> None:
        selected = bool(self.must.selectedItems() or self.nice.selectedItems())
        self.move_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
