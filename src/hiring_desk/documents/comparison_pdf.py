"""A shortlist comparison as a PDF: landscape A4, one table, the same rows as the dialog.

The letterhead heads the first page; the title names the role, a line under it
gives the role's budget and work mode and the day it was printed, and a note says
the page holds personal data. The table has a column per candidate (their names
repeat at the top of every page) and the rows grouped under shaded headings; the
best value of a row is set in bold, so the emphasis survives a black-and-white
printer. Every footer carries the title, "Confidential" and ``Page N of M``.
Every user string goes through ``pdf_text.markup``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hiring_desk.documents.comparison_views import Comparison
from hiring_desk.documents.fonts import FontFamily, register_fonts
from hiring_desk.documents.letterhead import (
    INK,
    MUTED,
    Letterhead,
    PageShape,
    write_pdf,
)
from hiring_desk.documents.pdf_text import markup
from hiring_desk.domain.formatting import format_day

__all__ = ["CONFIDENTIAL", "comparison_to_pdf"]

CONFIDENTIAL = "Confidential: contains personal data"
LEGEND = "Bold marks the best value in a row, where one stands out."

#: Width of the first column, which names each row.
LABEL_WIDTH = 50 * mm
#: Grid lines and heading shade: dark enough to survive a black-and-white printer.
LINE = colors.HexColor("#8A949E")
SHADE = colors.HexColor("#E4E7EB")
LANDSCAPE = PageShape(landscape(A4), top=14 * mm, bottom=22 * mm)


def comparison_to_pdf(comparison: Comparison, out: Path | BinaryIO, letterhead: Letterhead) -> None:
    """Write ``comparison`` as a landscape A4 PDF to ``out`` (a path or a binary file).

    A path is written only once the whole document is made. Raises ValueError
    for a logo that is not an image.
    """
    fonts = register_fonts()
    styles = _styles(fonts)
    body = [*_heading(comparison, styles), _table(comparison, styles, LANDSCAPE.body_width)]
    caption = " · ".join(
        part for part in (letterhead.company_name.strip(), comparison.title, "Confidential") if part
    )
    write_pdf(
        out,
        replace(letterhead, title=comparison.title),
        body,
        subject="Shortlist comparison",
        caption=caption,
        fonts=fonts,
        shape=LANDSCAPE,
    )


def _styles(fonts: FontFamily) -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("Cell", fontName=fonts.sans, fontSize=8.5, leading=10.5, textColor=INK)
    return {
        "title": ParagraphStyle(
            "Title", fontName=fonts.sans_bold, fontSize=17, leading=21, textColor=INK
        ),
        "meta": ParagraphStyle(
            "Meta", fontName=fonts.sans, fontSize=9, leading=12, textColor=INK, spaceBefore=3
        ),
        "note": ParagraphStyle(
            "Note", fontName=fonts.sans, fontSize=8.5, leading=11, textColor=MUTED, spaceBefore=2
        ),
        "cell": cell,
        "label": ParagraphStyle("Label", parent=cell, textColor=INK),
        "name": ParagraphStyle(
            "Name", parent=cell, fontName=fonts.sans_bold, fontSize=9.5, leading=12
        ),
        "group": ParagraphStyle(
            "Group", parent=cell, fontName=fonts.sans_bold, fontSize=9, leading=11.5
        ),
    }


def _heading(comparison: Comparison, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    printed = format_day(comparison.today, comparison.locale)
    meta = " · ".join(
        (
            f"Budget: {comparison.budget_shown}",
            f"Work mode: {comparison.work_mode_label}",
            f"Printed {printed}",
        )
    )
    return [
        Paragraph(markup(comparison.title), styles["title"]),
        Paragraph(markup(meta), styles["meta"]),
        Paragraph(f"{markup(CONFIDENTIAL, bold=True)}. {markup(LEGEND)}", styles["note"]),
        Spacer(1, 5 * mm),
    ]


def _table(comparison: Comparison, styles: dict[str, ParagraphStyle], width: float) -> Table:
    count = len(comparison.candidates)
    column = (width - LABEL_WIDTH) / count
    rows: list[list[Flowable | str]] = [
        ["", *(Paragraph(markup(name), styles["name"]) for name in comparison.names)]
    ]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.4, LINE),
    ]
    for group in comparison.groups:
        index = len(rows)
        rows.append([Paragraph(markup(group.heading), styles["group"]), *([""] * count)])
        commands += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), SHADE),
            ("LINEABOVE", (0, index), (-1, index), 0.6, LINE),
            ("LINEBELOW", (0, index), (-1, index), 0.6, LINE),
        ]
        for row in group.rows:
            cells = [
                Paragraph(markup(text, bold=row.is_best(position)), styles["cell"])
                for position, text in enumerate(row.cells)
            ]
            rows.append([Paragraph(markup(row.label), styles["label"]), *cells])
            commands.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.3, LINE))
    table = Table(rows, colWidths=[LABEL_WIDTH, *([column] * count)], repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table
