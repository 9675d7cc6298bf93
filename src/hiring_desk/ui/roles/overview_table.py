"""The Roles page's table: each role's pipeline at a glance, sortable by any column.

Each stage of the pipeline has a column whose cells are the stage's count drawn as a
chip in the stage's colour (``ui.stage_colours``), under the stage's name; Rejected
and Withdrawn share a muted "Closed" column. Every column sorts; the cells' text (the
count) is what screen readers read, and the tool tip says it in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hiring_desk.domain.formatting import format_day, format_moment
from hiring_desk.domain.vocab import PIPELINE, Stage
from hiring_desk.services.common import time_zones
from hiring_desk.services.roles import role_overview
from hiring_desk.services.roles.role_overview import RoleOverview
from hiring_desk.services.team import company
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.ui.stage_colours import CHIPS_ROLE
from hiring_desk.ui.table_model import Column, RowsTableModel
from hiring_desk.ui.theme import SPACE_S, SPACE_XS, TextRole, alert_colour, scaled_font

#: The stage columns: (header, stage keys counted, chip colour), in pipeline order.
STAGE_COLUMNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    *((stage.label, (stage.value,), stage.value) for stage in PIPELINE),
    ("Closed", (Stage.REJECTED.value, Stage.WITHDRAWN.value), Stage.REJECTED.value),
)
#: Where the stage columns start (after Role).
FIRST_STAGE_COLUMN = 1
STAGE_COLUMN_RANGE = range(FIRST_STAGE_COLUMN, FIRST_STAGE_COLUMN + len(STAGE_COLUMNS))


@dataclass(frozen=True)
class OverviewRead:
    """What the Roles page shows, as read on a worker thread: the rows, the locale
    and time zone they are shown in, and the role to select (None: the first)."""

    rows: list[RoleOverview]
    locale: str
    zone: tzinfo | None
    select_id: int | None


def read_overview(
    workbook: Workbook, visits: dict[int, datetime], select_id: int | None
) -> OverviewRead:
    """Read the overview of every role (new applicants counted since ``visits``)."""
    rows = role_overview.role_overview(workbook, visits)
    locale = company.get_company(workbook).locale
    zone = time_zones.zone_or_utc(time_zones.default_timezone(workbook))
    return OverviewRead(rows, locale, zone, select_id)


def stage_label(stage: str) -> str:
    try:
        return Stage(stage).label
    except ValueError:
        return stage.replace("_", " ").capitalize()


def count_at(role: RoleOverview, stages: tuple[str, ...]) -> int:
    return sum(n for stage, n in role.stage_counts if stage in stages)


def pipeline_text(role: RoleOverview) -> str:
    """The whole pipeline in words: "4 Applied, 2 Screening, 1 Rejected"."""
    words = [f"{n} {stage_label(stage)}" for stage, n in role.stage_counts]
    return ", ".join(words) if words else "No candidates yet"


def _stage_column(header: str, stages: tuple[str, ...]) -> Column[RoleOverview]:
    return Column(
        header,
        lambda r: str(count_at(r, stages) or ""),
        lambda r: count_at(r, stages) or None,
        True,
    )


def new_text(role: RoleOverview) -> str:
    return f"{role.new_count} new" if role.new_count else ""


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def role_line(role: RoleOverview) -> str:
    """Under the title: its status and hiring manager."""
    return " · ".join(part for part in (role.status_label, role.hiring_manager) if part)


def is_late(role: RoleOverview, today: date) -> bool:
    """Still being filled after its hire-by date."""
    left = role.days_to_target(today)
    return left is not None and left < 0 and role.status not in ("filled", "closed")


def target_text(role: RoleOverview, today: date, locale: str) -> str:
    """ "28 days left", "due today", "3 days late", or the date once the role is done."""
    left = role.days_to_target(today)
    if left is None:
        return "no target date"
    if role.status in ("filled", "closed"):
        return f"target {format_day(role.target_date, locale)}"
    if left == 0:
        return "due today"
    return f"{days(left)} left" if left > 0 else f"{days(-left)} late"


def _day(moment: datetime | None, locale: str, zone: tzinfo | None) -> str:
    if moment is None:
        return ""
    return format_day(moment.astimezone(zone).date() if zone else moment.date(), locale)


def _time(moment: datetime | None, locale: str, zone: tzinfo | None) -> str:
    if moment is None:
        return ""
    return format_moment(moment, locale, zone).rsplit(", ", 1)[-1]


def overview_columns(today: date, locale: str, zone: tzinfo | None) -> list[Column[RoleOverview]]:
    return [
        Column("Role", lambda r: r.title),
        *(_stage_column(header, stages) for header, stages, _colour in STAGE_COLUMNS),
        Column("New", new_text, lambda r: r.new_count or None, True),
        Column("Open for", lambda r: days(r.days_open(today)), lambda r: r.days_open(today)),
        Column(
            "Next interview",
            lambda r: _day(r.next_interview, locale, zone),
            lambda r: r.next_interview,
        ),
    ]


SecondLines = dict[int, Callable[[RoleOverview], str]]


def second_lines(today: date, locale: str, zone: tzinfo | None) -> SecondLines:
    """The quieter line under a cell's text, by column."""
    return {
        0: role_line,
        NEW_COLUMN + 1: lambda r: target_text(r, today, locale),
        NEW_COLUMN + 2: lambda r: _time(r.next_interview, locale, zone),
    }


#: The column of new applicants.
NEW_COLUMN = STAGE_COLUMN_RANGE.stop
#: The item-data role of a cell's second line, and whether that line warns.
SECOND_LINE_ROLE = int(Qt.ItemDataRole.UserRole) + 41
SECOND_LINE_ALERT_ROLE = int(Qt.ItemDataRole.UserRole) + 42

#: What each column's tool tip explains.
HEADER_TIPS = {
    "Role": "The role's title, with its status and hiring manager",
    "Closed": "Candidates rejected or withdrawn",
    "New": "Candidates who applied since you last selected the role here",
    "Open for": "Days since the role was created, and how long until its hire-by date",
    "Next interview": "The role's next scheduled interview, in the workbook's time zone",
}


class OverviewModel(RowsTableModel[RoleOverview]):
    """Rows of ``RoleOverview``; the stage cells also give their chip (``CHIPS_ROLE``),
    some cells a second line (``SECOND_LINE_ROLE``)."""

    def __init__(
        self,
        columns: list[Column[RoleOverview]],
        lines: SecondLines,
        today: date,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._lines, self._today = lines, today

    def set_view(
        self, columns: list[Column[RoleOverview]], lines: SecondLines, today: date
    ) -> None:
        self._lines, self._today = lines, today
        self.set_columns(columns)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        row = self.row(index.row())
        if role == SECOND_LINE_ROLE:
            line = self._lines.get(column)
            return line(row) if line is not None else None
        if role == SECOND_LINE_ALERT_ROLE:
            return column == NEW_COLUMN + 1 and is_late(row, self._today)
        if column in STAGE_COLUMN_RANGE and role in (CHIPS_ROLE, Qt.ItemDataRole.ToolTipRole):
            _header, stages, colour = STAGE_COLUMNS[column - FIRST_STAGE_COLUMN]
            n = count_at(row, stages)
            if role == CHIPS_ROLE:
                return [(colour, str(n))] if n else []
            return pipeline_text(row)
        if column == 0 and role == Qt.ItemDataRole.ToolTipRole:
            parts = (row.title, row.location, f"{row.headcount} to hire", role_line(row))
            return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.FontRole and (
            column == 0 or (column == NEW_COLUMN and row.new_count)
        ):
            return scaled_font(TextRole.STRONG)
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(str(super().headerData(section, orientation)))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in STAGE_COLUMN_RANGE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().headerData(section, orientation, role)


class TwoLineDelegate(QStyledItemDelegate):
    """A cell's text with its ``SECOND_LINE_ROLE`` line under it, smaller and quieter."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        second = index.data(SECOND_LINE_ROLE) or ""
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        first, item.text = item.text, ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        box = option.rect.adjusted(SPACE_S - 2, SPACE_XS, -(SPACE_S - 2), -SPACE_XS)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        quiet = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        align = item.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
        small = scaled_font(TextRole.SECONDARY, item.font)
        top_height = QFontMetrics(item.font).height()
        painter.save()
        painter.setFont(item.font)
        painter.setPen(option.palette.color(group, text))
        top = QRect(box.left(), box.top(), box.width(), top_height)
        painter.drawText(
            top, int(align | Qt.AlignmentFlag.AlignVCenter), _elided(item.font, first, box.width())
        )
        painter.setFont(small)
        if not selected and index.data(SECOND_LINE_ALERT_ROLE):
            painter.setPen(alert_colour(option.palette))
        else:
            painter.setPen(option.palette.color(group, quiet))
        bottom = QRect(box.left(), top.bottom() + 1, box.width(), box.bottom() - top.bottom())
        painter.drawText(
            bottom, int(align | Qt.AlignmentFlag.AlignTop), _elided(small, second, box.width())
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        second = str(index.data(SECOND_LINE_ROLE) or "")
        small = QFontMetrics(scaled_font(TextRole.SECONDARY, item.font))
        lines = (
            QFontMetrics(item.font).horizontalAdvance(item.text),
            small.horizontalAdvance(second),
        )
        width = max(lines) + 2 * SPACE_S
        return QSize(width, row_height(option.font))


def row_height(font: QFont) -> int:
    """Two lines of a cell: the text and the quieter line under it."""
    small = QFontMetrics(scaled_font(TextRole.SECONDARY, font))
    return QFontMetrics(font).height() + small.height() + 2 * SPACE_XS + 4


def _elided(font: QFont, text: str, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
