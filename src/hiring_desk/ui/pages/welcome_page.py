"""Shown when no workbook is open: create one or open one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hiring_desk.ui.icons import icon


class WelcomePage(QWidget):
    def __init__(self, new_action: QAction, open_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome_page")
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("<h2>No workbook is open</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "A workbook is one file that holds a whole hire: roles, candidates, "
            "interviews and offers. Create a new one or open one you have."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton("New Workbook…")
        self.new_button.setObjectName("welcome_new")
        self.new_button.clicked.connect(new_action.trigger)
        self.open_button = QPushButton("Open Workbook…")
        self.open_button.setObjectName("welcome_open")
        self.open_button.clicked.connect(open_action.trigger)
        layout = QVBoxLayout(self)
        layout.addStretch()
        for widget in (logo, title, text, self.new_button, self.open_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        text.setMaximumWidth(420)
