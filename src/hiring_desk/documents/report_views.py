"""A hiring report as plain values: sections, each a bar chart, a table and a note.

The reports service (``services.reports.report_sections``) builds these from its
figures; the printed PDF (``documents.report_pdf``), the window's Reports page and
the command line's text all show the same sections, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Bar", "ReportDocument", "ReportSection", "ReportTable"]


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its length (``value``) and the words written beside it."""

    label: str
    value: float
    text: str
    #: The pipeline stage the bar stands for (the window colours it as that stage).
    stage: str | None = None


@dataclass(frozen=True)
class ReportTable:
    """The numbers, as text. Every column after the first is a number (right-aligned)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ReportSection:
    """One chart and its table.

    ``bars`` is empty when there is nothing (or too little) to chart; ``message``
    then says why ("" when the chart is drawn). ``table`` is None when there is
    nothing at all to show. ``note`` says what counts.
    """

    key: str
    title: str
    note: str
    bars: tuple[Bar, ...]
    message: str
    table: ReportTable | None


@dataclass(frozen=True)
class ReportDocument:
    title: str  # "Hiring report: Backend Developer"
    scope: str  # "Applications from 1 Nov 2026 to 30 Nov 2026 · 12 applications"
    made_on: str  # the day it was made, written out
    sections: tuple[ReportSection, ...]
