"""The detail panel's sections as a list beside them, instead of tabs; and the
Profile section (the record's fields, read-only, and the privacy section).

Six tabs do not fit the panel's width on a laptop screen (the later ones hide
behind scroll arrows); a list of sections fits in any width and shows every
name whole. The keyboard works as with tabs: arrow keys in the list, and
Ctrl+PgDown / Ctrl+PgUp (or Ctrl+Tab / Ctrl+Shift+Tab) from anywhere in the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from hiring_desk.domain.formatting import format_money_range, major_to_minor
from hiring_desk.domain.vocab import Source, WorkMode
from hiring_desk.services.candidates.candidate_records import CandidateDetail
from hiring_desk.ui.privacy.privacy_section import PrivacySection
from hiring_desk.ui.widgets import plain_label

#: The Profile section's fields: (key, label), in order.
PROFILE_FIELDS = (
    ("email", "Email:"),
    ("phone", "Phone:"),
    ("location", "Location:"),
    ("links", "Links:"),
    ("source", "Source:"),
    ("experience", "Experience:"),
    ("salary", "Expects:"),
    ("notice", "Notice:"),
    ("work_mode", "Prefers:"),
    ("skills", "Skills:"),
    ("tags", "Tags:"),
)


class _SectionList(QListWidget):
    """A list exactly as big as its names: never a scroll bar, nor a name cut short."""

    def sizeHint(self) -> QSize:
        frame, gap = 2 * self.frameWidth(), 2 * self.spacing()
        width = self.sizeHintForColumn(0) + frame + gap + 8
        height = sum(self.sizeHintForRow(row) + gap for row in range(self.count())) + frame
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class SectionTabs(QWidget):
    """Pages chosen from a list of section names on their left (the tabs' API, in part)."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = _SectionList()
        self.sections.setObjectName("detail_sections")
        self.sections.setAccessibleName("Sections")
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.sections.setFrameShape(QFrame.Shape.NoFrame)
        self.sections.setSpacing(2)
        fixed = QSizePolicy.Policy.Fixed
        self.sections.setSizePolicy(fixed, fixed)
        self.pages = QStackedWidget()
        self.sections.currentRowChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.pages, 1)
        for keys, step in (
            (QKeySequence.StandardKey.NextChild, 1),
            (QKeySequence.StandardKey.PreviousChild, -1),
            (QKeySequence("Ctrl+PgDown"), 1),
            (QKeySequence("Ctrl+PgUp"), -1),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))

    def addTab(self, page: QWidget, text: str) -> int:
        self.sections.addItem(QListWidgetItem(text))
        index = self.pages.addWidget(page)
        if self.sections.currentRow() < 0:
            self.sections.setCurrentRow(0)
        self.sections.updateGeometry()
        return index

    def count(self) -> int:
        return self.pages.count()

    def tabText(self, index: int) -> str:
        item = self.sections.item(index)
        return item.text() if item is not None else ""

    def currentIndex(self) -> int:
        return self.pages.currentIndex()

    def currentWidget(self) -> QWidget | None:
        return self.pages.currentWidget()

    def setCurrentIndex(self, index: int) -> None:
        self.sections.setCurrentRow(index)

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.pages.indexOf(page))

    def _show(self, row: int) -> None:
        if 0 <= row < self.pages.count():
            self.pages.setCurrentIndex(row)
            self.currentChanged.emit(row)

    def _step(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())


class ProfileSection(QScrollArea):
    """The candidate's record as a form of plain, selectable text, and their privacy;
    it scrolls when a long record is taller than the panel (nothing is squeezed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_profile")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside = QWidget()
        self.fields: dict[str, QLabel] = {}
        form = self._form = QFormLayout(inside)
        for key, label in PROFILE_FIELDS:
            self.fields[key] = plain_label(name=f"detail_{key}", selectable=True)
            form.addRow(label, self.fields[key])
        self.privacy = PrivacySection()
        form.addRow("Privacy:", self.privacy)
        self.setWidget(inside)

    def show_candidate(self, detail: CandidateDetail, locale: str) -> None:
        r = detail.record
        links = "\n".join(u for u in (r.linkedin_url, r.github_url, r.portfolio_url) if u)
        salary = ""
        if r.salary_expectation is not None and r.salary_currency:
            low = major_to_minor(r.salary_expectation, r.salary_currency)
            high = (
                None
                if r.salary_expectation_max is None
                else major_to_minor(r.salary_expectation_max, r.salary_currency)
            )
            salary = format_money_range(low, high, r.salary_currency, locale, whole=True)
        shown = {
            "email": r.email,
            "phone": r.phone,
            "location": r.location,
            "links": links,
            "source": Source(r.source).label,
            "experience": "" if r.years_experience is None else f"{r.years_experience} years",
            "salary": salary,
            "notice": "" if r.notice_weeks is None else f"{r.notice_weeks} weeks",
            "work_mode": WorkMode(r.work_mode_preference).label if r.work_mode_preference else "",
            "skills": ", ".join(r.skills),
            "tags": ", ".join(r.tags),
        }
        for key, text in shown.items():
            self.fields[key].setText(text)
        # A team workbook's interviewer is shown no salary, not an empty "Expects:".
        self._form.setRowVisible(self.fields["salary"], not detail.salaries_hidden)
