"""The welcome page: the first start, and whenever no workbook is open.

On the very first start (no recent workbooks, the default workbook just created
and still empty) it offers the sample workbook, to look around in, and starting
on the new workbook. With no workbook open it offers to create or open one, and
the sample too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hiring_desk import paths
from hiring_desk.services.demo import demo_workbook
from hiring_desk.services.workbook import opening
from hiring_desk.ui.icons import icon
from hiring_desk.ui.widgets import plain_label

SAMPLE_NAME = "Sample Workbook.hiringdesk"


def sample_workbook_path() -> Path:
    """Where the sample workbook lives: beside the default workbook, in the user data folder."""
    return paths.data_dir() / SAMPLE_NAME


def ensure_sample_workbook() -> Path:
    """The sample workbook's path, after creating it if it is missing.

    Raises WorkbookError or OSError if it cannot be created.
    """
    path = sample_workbook_path()
    if not path.exists():
        demo_workbook.create_demo_workbook(path).close()
    return path


def is_first_start(recent: Sequence[object]) -> bool:
    """True before the default workbook was ever created and with no workbook used yet."""
    return not recent and not opening.default_workbook_path().exists()


class WelcomePage(QWidget):
    """``sample_requested``: open the sample workbook; ``start_requested``: begin
    on the workbook just created (first start only)."""

    sample_requested = Signal()
    start_requested = Signal()

    def __init__(self, new_action: QAction, open_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome_page")
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setAccessibleName("Hiring Desk")
        self.title = QLabel()
        self.title.setObjectName("welcome_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = plain_label(name="welcome_text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(480)  # a fixed width lets the wrapped text take its height
        self.start_button = QPushButton("&Start a New Workbook")
        self.start_button.setObjectName("welcome_start")
        self.start_button.setToolTip("Set up your company and team in the workbook just made")
        self.start_button.clicked.connect(self.start_requested)
        self.sample_button = QPushButton("Open the Sa&mple Workbook")
        self.sample_button.setObjectName("welcome_sample")
        self.sample_button.setToolTip(
            "A made-up company with two roles, candidates at every stage, interviews and an offer"
        )
        self.sample_button.clicked.connect(self.sample_requested)
        self.new_button = QPushButton("New Workbook…")
        self.new_button.setObjectName("welcome_new")
        self.new_button.clicked.connect(new_action.trigger)
        self.open_button = QPushButton("Open Workbook…")
        self.open_button.setObjectName("welcome_open")
        self.open_button.clicked.connect(open_action.trigger)
        layout = QVBoxLayout(self)
        layout.addStretch()
        for widget in (
            logo,
            self.title,
            self.text,
            self.start_button,
            self.sample_button,
            self.new_button,
            self.open_button,
        ):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self.set_first_start(False)

    def set_first_start(self, first: bool, workbook: Path | None = None) -> None:
        """Show the first-start offer (``workbook``: the one just created), or the
        no-workbook one."""
        self.first_start = first
        if first:
            self.title.setText("<h2>Welcome to Hiring Desk</h2>")
            where = f":\n{workbook}\n\n" if workbook else ". "
            self.text.setText(
                "Everything about a hire (roles, candidates, interviews and offers) lives in "
                f"one file on this computer, called a workbook. Yours is ready{where}"
                "Start by telling it about your company and team, or look around a "
                "sample workbook full of made-up candidates first."
            )
        else:
            self.title.setText("<h2>No workbook is open</h2>")
            self.text.setText(
                "A workbook is one file that holds a whole hire: roles, candidates, "
                "interviews and offers. Create a new one, open one you have, or look "
                "around the sample workbook."
            )
        # A wrapped label in a centred layout gets its one-line height unless told:
        # give it the height its text takes at its fixed width.
        self.text.setMinimumHeight(self.text.heightForWidth(self.text.width()))
        self.start_button.setVisible(first)
        self.new_button.setVisible(not first)
        self.open_button.setVisible(not first)
