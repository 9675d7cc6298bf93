"""Applications received by email, imported from the window: chosen or dropped files.

:func:`import_email_applications` reads ``.eml`` and ``.mbox`` files (asking
for them when none are given: the Candidates page and a role's board pass
what was dropped on them, see :func:`mail_files`), imports each sender as a
candidate, and shows the report, the command line's words, with a button to
review the possible duplicates when there are some.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6 import QtWidgets

from hiring_desk.services.candidates.email_applications import (
    EmailImportReport,
    import_email_files,
)
from hiring_desk.ui.changes import Change
from hiring_desk.ui.email.compose import WorkbookWindow
from hiring_desk.ui.modal import run_modal
from hiring_desk.ui.operations import run_operation
from hiring_desk.ui.widgets import push_button

MAIL_SUFFIXES = frozenset({".eml", ".mbox"})


def mail_files(paths: Iterable[Path]) -> list[Path]:
    """The saved messages and mailboxes among ``paths`` (for a drop)."""
    return [path for path in paths if path.suffix.lower() in MAIL_SUFFIXES]


def ask_mail_files(parent: QtWidgets.QWidget | None) -> list[Path]:
    names, _ = QtWidgets.QFileDialog.getOpenFileNames(
        parent,
        "Import Applications Received by Email",
        "",
        "Saved email (*.eml *.mbox);;All files (*)",
    )
    return [Path(name) for name in names]


class EmailImportReportDialog(QtWidgets.QDialog):
    """What the import did, line by line."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        report: EmailImportReport,
        review_duplicates: Callable[[Sequence[int]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("email_import_report")
        self.setWindowTitle("Applications Imported")
        self.summary = QtWidgets.QLabel(report.summary)
        self.summary.setObjectName("email_import_summary")
        self.details = QtWidgets.QPlainTextEdit("\n".join(report.lines()))
        self.details.setObjectName("email_import_details")
        self.details.setAccessibleName("Report")
        self.details.setReadOnly(True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        new_ids = [d.new_id for d in report.possible_duplicates if d.new_id is not None]
        self.review_button: QtWidgets.QPushButton | None = None
        if new_ids and review_duplicates is not None:
            review = review_duplicates

            def start_review() -> None:
                self.accept()
                review(new_ids)

            self.review_button = push_button(
                "&Review Possible Duplicates...", "email_import_review", start_review
            )
            buttons.addButton(self.review_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(620, 380)


def import_email_applications(
    parent: QtWidgets.QWidget | None,
    window: WorkbookWindow,
    paths: Sequence[Path] | None = None,
    *,
    role_id: int | None = None,
    review_duplicates: Callable[[Sequence[int]], None] | None = None,
) -> EmailImportReport | None:
    """Import these files (or the ones the user picks) and show the report."""
    workbook = window.workbook
    if workbook is None:
        return None
    chosen = list(paths) if paths is not None else ask_mail_files(parent)
    if not chosen:
        return None
    report = run_operation(
        parent,
        lambda: import_email_files(workbook, chosen, role_id=role_id),
        changes=Change.CANDIDATES | Change.ATTACHMENTS | Change.APPLICATIONS,
        failure_title="Nothing Imported",
    )
    if report is not None:
        run_modal(EmailImportReportDialog(parent, report, review_duplicates))
    return report
