"""One section of the Reports page: its title, the chart with its numbers, the table,
and a note of what counts (or, instead of the chart, why there is none)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hiring_desk.documents.report_views import ReportSection, ReportTable
from hiring_desk.ui.reports.bar_chart import BarChart
from hiring_desk.ui.theme import TextRole, styled
from hiring_desk.ui.widgets import plain_label


def table_html(table: ReportTable) -> str:
    """The table as rich text: the first column to the left, the numbers to the right."""

    def cells(row: tuple[str, ...], tag: str) -> str:
        return "".join(
            f'<{tag} align="{"left" if i == 0 else "right"}">{escape(cell)}</{tag}>'
            for i, cell in enumerate(row)
        )

    rows = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    head = f"<tr>{cells(table.columns, 'th')}</tr>"
    return f'<table cellspacing="0" cellpadding="3">{head}{rows}</table>'


class SectionView(QFrame):
    """Shows a ``ReportSection`` (``show_section``)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"report_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName(f"report_{key}_title")
        styled(self.title, TextRole.SECTION)
        self.message = plain_label(name=f"report_{key}_message")
        self.chart = BarChart(f"report_{key}_chart")
        self.table = QLabel()
        self.table.setObjectName(f"report_{key}_table")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = plain_label(name=f"report_{key}_note")
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        body = QHBoxLayout()
        body.addWidget(self.chart, 3, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.table, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addLayout(body)
        layout.addWidget(self.note)

    def show_section(self, section: ReportSection) -> None:
        self.title.setText(section.title)
        self.message.setText(section.message)
        self.message.setVisible(bool(section.message))
        self.chart.set_bars(section.bars)
        self.table.setText(table_html(section.table) if section.table is not None else "")
        self.table.setVisible(section.table is not None)
        self.note.setText(f"What counts: {section.note}")
