"""The Roles page's table: each role's pipeline at a glance, sortable by any column.

The Pipeline column is drawn as stage chips (``ui.stage_colours``) and sorts by how
many candidates a role has; the chips' words are also the cell's text, which screen
readers read and the tool tip shows whole.
"""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from hiring_desk.domain.formatting import format_day, format_moment
from hiring_desk.domain.vocab import Stage
from hiring_desk.services.roles.role_overview import RoleOverview
from hiring_desk.ui.stage_colours import CHIPS_ROLE
from hiring_desk.ui.table_model import Column, RowsTableModel
from hiring_desk.ui.theme import TextRole, scaled_font

#: The column drawn as chips.
PIPELINE_COLUMN = 2


def stage_label(stage: str) -> str:
    try:
        return Stage(stage).label
    except ValueError:
        return stage.replace("_", " ").capitalize()


def pipeline_chips(role: RoleOverview) -> list[tuple[str, str]]:
    """(stage, "3 Screening") per stage with someone, pipeline order."""
    return [(stage, f"{n} {stage_label(stage)}") for stage, n in role.stage_counts]


def pipeline_text(role: RoleOverview) -> str:
    chips = pipeline_chips(role)
    return ", ".join(text for _stage, text in chips) if chips else "No candidates yet"


def new_text(role: RoleOverview) -> str:
    return f"{role.new_count} new" if role.new_count else ""


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def target_text(role: RoleOverview, today: date, locale: str) -> str:
    """ "in 5 days", "today", "3 days late" (empty without a target date)."""
    left = role.days_to_target(today)
    if left is None:
        return ""
    if role.status in ("filled", "closed"):
        return format_day(role.target_date, locale)
    if left == 0:
        return "Due today"
    return f"In {days(left)}" if left > 0 else f"{days(-left)} late"


def overview_columns(today: date, locale: str, zone: tzinfo | None) -> list[Column[RoleOverview]]:
    return [
        Column("Role", lambda r: r.title),
        Column("Status", lambda r: r.status_label),
        Column("Pipeline", pipeline_text, lambda r: r.candidate_count),
        Column("New", new_text, lambda r: r.new_count or None, True),
        Column("Open for", lambda r: days(r.days_open(today)), lambda r: r.days_open(today), True),
        Column(
            "Target", lambda r: target_text(r, today, locale), lambda r: r.days_to_target(today)
        ),
        Column(
            "Next interview",
            lambda r: format_moment(r.next_interview, locale, zone),
            lambda r: r.next_interview,
        ),
        Column("Hiring manager", lambda r: r.hiring_manager),
    ]


#: What each column's tool tip explains.
HEADER_TIPS = {
    "Pipeline": "Candidates at each stage; sorts by how many the role has in all",
    "New": "Candidates who applied since you last selected the role here",
    "Open for": "Days since the role was created",
    "Target": "Days left until the role's hire-by date",
    "Next interview": "The role's next scheduled interview, in the workbook's time zone",
}


class OverviewModel(RowsTableModel[RoleOverview]):
    """Rows of ``RoleOverview``; the Pipeline cells also give their chips (``CHIPS_ROLE``)."""

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        row = self.row(index.row())
        if column == PIPELINE_COLUMN and role == CHIPS_ROLE:
            return pipeline_chips(row)
        if column == PIPELINE_COLUMN and role == Qt.ItemDataRole.ToolTipRole:
            return pipeline_text(row)
        if column == 0 and role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(p for p in (row.title, row.location, f"{row.headcount} to hire") if p)
        if role == Qt.ItemDataRole.FontRole and column == 3 and row.new_count:
            return scaled_font(TextRole.STRONG)
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(str(super().headerData(section, orientation)))
        return super().headerData(section, orientation, role)
