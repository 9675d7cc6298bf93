"""The retention policy in the window: the start-up notice, the review dialog, the setting.

The queue is computed from dates whenever it is shown (``consent_retention.due_for_deletion``),
so the notice appears at start-up even after months without use. The review lists
who is due and why; ticked candidates are erased after a confirmation, and
"Keep Until…" holds one candidate until a chosen day.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.retention import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS
from hiring_desk.services.common.permissions import Permission, may
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.consent_retention import DueCandidate
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import LatestQuery, run_operation
from hiring_desk.ui.privacy.privacy_dialogs import erase_confirmed, keep_candidate_until
from hiring_desk.ui.theme import Tone, set_style, tone_colours
from hiring_desk.ui.widgets import plain_label

_NAME, _SINCE, _WHY = range(3)


def _count_text(count: int) -> str:
    return "1 candidate is" if count == 1 else f"{count} candidates are"


def _notice_style() -> str:
    """The notice's ground and text in the theme's warning tone."""
    text, ground, _border = (c.name() for c in tone_colours(Tone.WARNING))
    return (
        f"#retention_notice {{ background: {ground}; border-radius: 4px; }}"
        f"#retention_notice QLabel {{ color: {text}; }}"
    )


class RetentionReviewDialog(QDialog):
    """Candidates due for deletion: tick and erase them, or keep one longer."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Candidates Due for Deletion")
        self._workbook = workbook
        self._locale = company.get_company(workbook).locale
        self.changed = False  # something was erased or kept (the hub told the pages)
        self.due: list[DueCandidate] = []
        self.intro = plain_label(name="review_intro")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("review_table")
        self.table.setAccessibleName("Candidates due for deletion")
        self.table.setHorizontalHeaderLabels(["Candidate", "Due since", "Why"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_SINCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_WHY, QHeaderView.ResizeMode.Stretch)
        self.select_all = QPushButton("Tick &All")
        self.select_all.setObjectName("review_tick_all")
        self.select_all.clicked.connect(self._tick_all)
        self.erase_button = QPushButton("&Erase Ticked…")
        self.erase_button.setObjectName("review_erase")
        self.erase_button.clicked.connect(self.erase_ticked)
        self.keep_button = QPushButton("&Keep Until…")
        self.keep_button.setObjectName("review_keep")
        self.keep_button.setToolTip("Keep the selected candidate until a day you choose")
        self.keep_button.clicked.connect(self.keep_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.select_all, self.erase_button, self.keep_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(820, 460)
        self.refresh()

    @classmethod
    def review(cls, workbook: Workbook, parent: QWidget | None = None) -> bool:
        """Show the review; True if a candidate was erased or kept meanwhile."""
        dialog = cls(workbook, parent)
        run_modal(dialog)
        return dialog.changed

    def refresh(self) -> None:
        self.due = consent_retention.due_for_deletion(self._workbook)
        months = consent_retention.get_retention_months(self._workbook)
        if self.due:
            self.intro.setText(
                f"{_count_text(len(self.due))} due for deletion: the workbook keeps "
                f"unsuccessful candidates {months} months after their last application "
                "closed. Tick the ones to erase, or select one and keep them longer."
            )
        else:
            self.intro.setText("No candidate is due for deletion under your retention policy.")
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.due))
        for row, entry in enumerate(self.due):
            name = QTableWidgetItem(entry.name)
            name.setData(Qt.ItemDataRole.UserRole, entry.candidate_id)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            since = QTableWidgetItem(format_day(entry.since, self._locale))
            why = QTableWidgetItem(entry.why)
            why.setToolTip(entry.why)
            for column, item in ((_NAME, name), (_SINCE, since), (_WHY, why)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def ticked(self) -> list[tuple[int, str]]:
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, _NAME)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append((int(item.data(Qt.ItemDataRole.UserRole)), item.text()))
        return found

    def _tick_all(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, _NAME)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked)

    def _update_buttons(self) -> None:
        self.select_all.setEnabled(bool(self.due))
        self.erase_button.setEnabled(bool(self.ticked()))
        self.keep_button.setEnabled(self.table.currentRow() >= 0 and bool(self.due))

    def erase_ticked(self) -> None:
        erase_confirmed(self, self._workbook, self.ticked(), lambda _report: self._changed())

    def _changed(self) -> None:
        self.changed = True
        self.refresh()

    def keep_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.due):
            return
        entry = self.due[row]
        if keep_candidate_until(self, self._workbook, entry.candidate_id, entry.name, None):
            self._changed()


def _reviews_retention(workbook: Workbook) -> bool:
    """Whether the person may act on the retention policy (not on a team workbook's
    roles without the privacy tools: the bar would offer what they may not do)."""
    return may(workbook, Permission.PRIVACY)


class RetentionNotice(QFrame):
    """A bar over the pages: "N candidates are due for deletion…" with a Review button.

    Hidden while nobody is due. What a review erases or keeps is announced on the
    change hub by the operations themselves, so the pages refresh on their own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        set_style(self, _notice_style)
        self._workbook: Workbook | None = None
        self.text = plain_label(name="retention_notice_text")
        self.review_button = QPushButton("&Review…")
        self.review_button.setObjectName("retention_review")
        self.review_button.clicked.connect(self.review)
        self.later_button = QPushButton("Later")
        self.later_button.setObjectName("retention_later")
        self.later_button.setToolTip("Hide this until the workbook is opened again")
        self.later_button.clicked.connect(self.dismiss)
        self._dismissed: Workbook | None = None
        self._background: LatestQuery | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.review_button)
        layout.addWidget(self.later_button)
        self.hide()

    def check(self, workbook: Workbook | None) -> int:
        """Show the bar if anyone in ``workbook`` is due for deletion; how many are.

        Once put off with "Later", it stays hidden until another workbook is checked.
        """
        self._cancel_background()
        self._workbook = workbook
        count = 0
        if workbook is not None and _reviews_retention(workbook):
            count = consent_retention.count_due_for_deletion(workbook)
        self._show_count(workbook, count)
        return count

    def check_in_background(self, workbook: Workbook) -> None:
        """As ``check``, counting on a worker thread (on open: the page shows meanwhile;
        SQLite counts a big workbook in a few tenths of a second). ``pending`` until it
        is shown."""
        self._workbook = workbook
        if not _reviews_retention(workbook):  # the privacy tools are an admin's
            self._show_count(workbook, 0)
            return
        if self._background is None:
            self._background = LatestQuery(
                lambda found: self._show_count(*found),
                self,
                failure_title="Cannot Check the Retention Policy",
            )
        self._background.start(
            lambda: (workbook, consent_retention.count_due_for_deletion(workbook))
        )

    @property
    def pending(self) -> bool:
        """True while a count started by ``check_in_background`` has not been shown."""
        return self._background is not None and self._background.pending

    def _cancel_background(self) -> None:
        if self._background is not None:
            self._background.cancel()  # its result, if it comes, is dropped

    def _show_count(self, workbook: Workbook | None, count: int) -> None:
        if workbook is not self._workbook:
            return  # counted for a workbook since closed
        if count:
            self.text.setText(f"{_count_text(count)} due for deletion under your retention policy.")
        self.setVisible(count > 0 and self._dismissed is not workbook)

    def recheck(self) -> None:
        """After a change elsewhere: count again, if the bar is showing (no query otherwise)."""
        if self.isVisible():
            self.check(self._workbook)

    def dismiss(self) -> None:
        self._dismissed = self._workbook
        self.hide()

    def review(self) -> None:
        if self._workbook is None:
            return
        RetentionReviewDialog.review(self._workbook, self.window())
        self.check(self._workbook)


class RetentionSettings(QWidget):
    """The Privacy tab of Team & Company: how long unsuccessful candidates are kept.

    It counts the queue only when seen, and again after a change to candidates,
    applications or privacy (``ChangeListener``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_settings")
        self._workbook: Workbook | None = None
        intro = plain_label(
            "Candidates' details are personal data: keep them no longer than you need them. "
            "A candidate becomes due for deletion this many months after their last "
            "application was rejected or withdrawn (or after they were added, if they never "
            "applied), unless they agreed to be kept on file for longer or you put them on "
            "hold. Nothing is deleted on its own: you review the list and decide."
        )
        self.months = QSpinBox()
        self.months.setObjectName("retention_months")
        self.months.setAccessibleName("Keep unsuccessful candidates for")
        self.months.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.months.setSuffix(" months")
        self.save_button = QPushButton("&Save")
        self.save_button.setObjectName("save_retention")
        self.save_button.clicked.connect(self.save)
        self.review_button = QPushButton("Review Candidates &Due…")
        self.review_button.setObjectName("review_due")
        self.review_button.clicked.connect(self.review)
        self.status = plain_label(name="retention_status")
        row = QHBoxLayout()
        row.addWidget(plain_label("Keep unsuccessful candidates for:"))
        row.addWidget(self.months)
        row.addWidget(self.save_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_button)
        review_row.addStretch()
        layout.addLayout(review_row)
        layout.addStretch()
        self._listener = ChangeListener(
            self,
            Change.PRIVACY | Change.CANDIDATES | Change.APPLICATIONS | Change.PREFERENCES,
            lambda _changes: self.refresh(),
        )

    def set_workbook(self, workbook: Workbook | None) -> None:
        # Counting the queue reads every closed application: do it when the tab is
        # seen, not on every workbook switch (the window counts once for its bar).
        self._workbook = workbook
        if self.isVisible():
            self.refresh()
        else:
            self._listener.mark_stale(Change.WORKBOOK)

    def refresh(self) -> None:
        workbook = self._workbook
        for widget in (self.months, self.save_button, self.review_button):
            widget.setEnabled(workbook is not None)
        if workbook is None:
            self.status.clear()
            return
        self.months.setValue(consent_retention.get_retention_months(workbook))
        count = len(consent_retention.due_for_deletion(workbook))
        self.status.setText(
            f"{_count_text(count)} due for deletion now." if count else "Nobody is due now."
        )

    def save(self) -> None:
        workbook = self._workbook
        if workbook is None:
            return
        run_operation(
            self,
            lambda: consent_retention.set_retention_months(workbook, self.months.value()),
            changes=Change.PRIVACY,
            on_refused=lambda exc: messages.show_warning(self, "Retention Not Saved", str(exc)),
        )
        self.refresh()

    def review(self) -> None:
        if self._workbook is not None:
            RetentionReviewDialog.review(self._workbook, self)
        self.refresh()
