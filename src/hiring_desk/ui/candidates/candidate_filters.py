"""The search box and filters above the Candidates table, and the count of candidates."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from hiring_desk.domain.vocab import Source, Stage
from hiring_desk.services.candidates.candidate_table import CandidateFilter
from hiring_desk.services.roles import role_records
from hiring_desk.services.workbook.opening import Workbook

SEARCH_DELAY_MS = 150
#: The "at least" choices of the match filter, in percent.
MATCH_THRESHOLDS = (25, 50, 75, 100)


class CandidateFilters(QWidget):
    """``typed``: the search, tag or skill text changed (``SEARCH_DELAY_MS`` after the
    last key); ``chosen``: a role, stage, source or match filter was picked."""

    typed = Signal()
    chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = _text_filter(
            "candidate_search", "Search candidates", "Search names, emails, skills, notes and CVs…"
        )
        self.role_filter = QComboBox()
        self.role_filter.setObjectName("filter_role")
        self.stage_filter = _choice_filter("filter_stage", "Any stage", Stage)
        self.source_filter = _choice_filter("filter_source", "Any source", Source)
        self.tag_filter = _text_filter("filter_tag", "Only candidates with this tag", "Tag")
        self.skill_filter = _text_filter("filter_skill", "Only candidates with this skill", "Skill")
        self.match_filter = QComboBox()
        self.match_filter.setObjectName("filter_match")
        self.match_filter.setToolTip("Only candidates whose skills cover at least this much")
        self.match_filter.addItem("Any match", None)
        for least in MATCH_THRESHOLDS:
            self.match_filter.addItem(f"Match {least}%+", least)
        self.count = QLabel()
        self.count.setObjectName("candidate_count")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.role_filter, 1)
        for widget in (
            self.stage_filter,
            self.source_filter,
            self.tag_filter,
            self.skill_filter,
            self.match_filter,
            self.count,
        ):
            layout.addWidget(widget)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.typed)
        for edit in self._edits():
            edit.textChanged.connect(self._timer.start)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self.chosen)

    def _edits(self) -> tuple[QLineEdit, ...]:
        return (self.search, self.tag_filter, self.skill_filter)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.role_filter, self.stage_filter, self.source_filter, self.match_filter)

    def fill_roles(self, workbook: Workbook | None) -> None:
        """The workbook's roles in the role filter, keeping the one chosen if it is still there."""
        current = self.role_filter.currentData()
        self.role_filter.blockSignals(True)
        self.role_filter.clear()
        self.role_filter.addItem("All roles", None)
        for role in role_records.list_roles(workbook) if workbook else []:
            self.role_filter.addItem(role.title, role.id)
        index = self.role_filter.findData(current) if current is not None else 0
        self.role_filter.setCurrentIndex(max(index, 0))
        self.role_filter.blockSignals(False)

    def role_id(self) -> int | None:
        """The role chosen in the role filter; None for all roles."""
        chosen = self.role_filter.currentData()
        return None if chosen is None else int(chosen)

    def current(self) -> CandidateFilter:
        return CandidateFilter(
            role_id=self.role_id(),
            stage=self.stage_filter.currentData(),
            source=self.source_filter.currentData(),
            tag=self.tag_filter.text().strip() or None,
            skill=self.skill_filter.text().strip() or None,
            search=self.search.text(),
            min_match=self.match_filter.currentData(),
        )

    def clear(self) -> None:
        """Every filter back to showing everyone, without announcing each change."""
        for edit in self._edits():
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def show_total(self, total: int) -> None:
        self.count.setText(f"{total:,} candidate{'s' if total != 1 else ''}")


def _text_filter(name: str, accessible: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def _choice_filter(name: str, anything: str, vocabulary: type[Stage] | type[Source]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(anything, None)
    for value in vocabulary:
        combo.addItem(value.label, value.value)
    return combo
