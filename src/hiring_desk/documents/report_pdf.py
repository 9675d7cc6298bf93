"""A hiring report as a PDF: portrait A4, the letterhead, then one block per section.

Each section has its title, a note of what counts, a horizontal bar chart drawn as
vector shapes (``reportlab.graphics``) with each bar's number written beside it,
and the table of numbers: beside the chart when it is narrow, under it otherwise.
A section with nothing (or too little) to chart says so in words instead. Every
user string goes through ``pdf_text`` (markup, or fitted to one line in a chart).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from hiring_desk.documents.fonts import FontFamily, register_fonts
from hiring_desk.documents.letterhead import ACCENT, INK, MUTED, PORTRAIT, Letterhead, write_pdf
from hiring_desk.documents.pdf_text import fit_line, markup, text_width
from hiring_desk.documents.report_views import Bar, ReportDocument, ReportSection, ReportTable

__all__ = ["report_to_pdf"]

LINE = colors.HexColor("#8A949E")
TRACK = colors.HexColor("#EEF1F4")
BAR_HEIGHT = 10
ROW_HEIGHT = 15
CHART_FONT = 8
#: A table with at most this many columns sits beside its chart; a wider one goes under it.
BESIDE = 3
GAP = 6 * mm
#: The most of a chart's width its labels may take.
LABEL_SHARE = 0.4


def report_to_pdf(document: ReportDocument, out: Path | BinaryIO, letterhead: Letterhead) -> None:
    """Write ``document`` as a PDF to ``out`` (a path, written whole, or a binary file)."""
    fonts = register_fonts()
    styles = _styles(fonts)
    width = PORTRAIT.body_width
    body: list[Flowable] = [
        Paragraph(markup(document.title), styles["title"]),
        Paragraph(markup(f"{document.scope} · Made {document.made_on}"), styles["meta"]),
        Spacer(1, 4 * mm),
    ]
    for section in document.sections:
        body.append(KeepTogether(_section(section, styles, fonts, width)))
    caption = " · ".join(part for part in (letterhead.company_name.strip(), document.title) if part)
    write_pdf(
        out,
        replace(letterhead, title=document.title),
        body,
        subject="Hiring report",
        caption=caption,
        fonts=fonts,
    )


def _styles(fonts: FontFamily) -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("Cell", fontName=fonts.sans, fontSize=8.5, leading=10.5, textColor=INK)
    return {
        "title": ParagraphStyle(
            "Title", fontName=fonts.sans_bold, fontSize=17, leading=21, textColor=INK
        ),
        "meta": ParagraphStyle(
            "Meta", fontName=fonts.sans, fontSize=9, leading=12, textColor=MUTED, spaceBefore=3
        ),
        "heading": ParagraphStyle(
            "Heading", fontName=fonts.sans_bold, fontSize=12, leading=15, textColor=ACCENT
        ),
        "note": ParagraphStyle(
            "Note", fontName=fonts.sans, fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=2
        ),
        "message": ParagraphStyle(
            "Message", fontName=fonts.sans_italic, fontSize=9, leading=12, textColor=INK
        ),
        "cell": cell,
        "number": ParagraphStyle("Number", parent=cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("Head", parent=cell, fontName=fonts.sans_bold),
        "head_number": ParagraphStyle(
            "HeadNumber", parent=cell, fontName=fonts.sans_bold, alignment=TA_RIGHT
        ),
    }


def _section(
    section: ReportSection, styles: dict[str, ParagraphStyle], fonts: FontFamily, width: float
) -> list[Flowable]:
    parts: list[Flowable] = [
        Paragraph(markup(section.title), styles["heading"]),
        Paragraph(markup(f"What counts: {section.note}"), styles["note"]),
        Spacer(1, 3 * mm),
    ]
    if section.message:
        parts += [Paragraph(markup(section.message), styles["message"]), Spacer(1, 2 * mm)]
    table = section.table
    chart_width = width * 0.5
    if table is not None and _fits_beside(section, fonts, chart_width):
        numbers = _numbers(table, styles, width - chart_width - GAP)
        pair = Table([[_chart(section.bars, fonts, chart_width), numbers]],
                     colWidths=[chart_width + GAP, width - chart_width - GAP])  # fmt: skip
        pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_no_padding()]))
        parts.append(pair)
    else:
        if section.bars:
            parts += [_chart(section.bars, fonts, width), Spacer(1, 2 * mm)]
        if table is not None:
            parts.append(_numbers(table, styles, width))
    parts.append(Spacer(1, 7 * mm))
    return parts


def _fits_beside(section: ReportSection, fonts: FontFamily, chart_width: float) -> bool:
    """A narrow table whose chart's labels fit whole in half the width sits beside it."""
    if not section.bars or section.table is None or len(section.table.columns) > BESIDE:
        return False
    longest = max(text_width(b.label, fonts.sans, CHART_FONT) for b in section.bars)
    return longest + 6 <= chart_width * LABEL_SHARE


def _no_padding() -> list[tuple[object, ...]]:
    return [
        (side, (0, 0), (-1, -1), 0)
        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    ]


def _chart(bars: tuple[Bar, ...], fonts: FontFamily, width: float) -> Drawing:
    """Horizontal bars, one a row: the label, the bar on a light track, its number beside."""
    label_width = min(
        width * 0.38, max(text_width(b.label, fonts.sans, CHART_FONT) for b in bars) + 6
    )
    text_room = max(text_width(b.text, fonts.sans, CHART_FONT) for b in bars) + 6
    track = max(width - label_width - text_room, width * 0.25)
    top = max((b.value for b in bars), default=0) or 1
    height = ROW_HEIGHT * len(bars) + 4
    drawing = Drawing(width, height)
    for n, bar in enumerate(bars):
        y = height - ROW_HEIGHT * (n + 1)
        label = fit_line(bar.label, fonts.sans, CHART_FONT, label_width - 6)
        drawing.add(
            String(0, y + 3, label, fontName=fonts.sans, fontSize=CHART_FONT, fillColor=INK)
        )
        drawing.add(Rect(label_width, y, track, BAR_HEIGHT, fillColor=TRACK, strokeColor=None))
        length = track * max(bar.value, 0) / top
        if length > 0:
            drawing.add(
                Rect(label_width, y, max(length, 1), BAR_HEIGHT, fillColor=ACCENT, strokeColor=None)
            )
        drawing.add(
            String(label_width + length + 4, y + 3, bar.text, fontName=fonts.sans,
                   fontSize=CHART_FONT, fillColor=INK)
        )  # fmt: skip
    drawing.add(Line(label_width, 0, label_width, height, strokeColor=LINE, strokeWidth=0.5))
    return drawing


def _numbers(table: ReportTable, styles: dict[str, ParagraphStyle], width: float) -> Table:
    columns = len(table.columns)
    number_width = min(26 * mm, width / (columns + 1)) if columns > 1 else 0
    first = width - number_width * (columns - 1)
    rows = [
        [
            Paragraph(markup(cell), styles["head"] if i == 0 else styles["head_number"])
            for i, cell in enumerate(table.columns)
        ],
        *(
            [
                Paragraph(markup(cell), styles["cell"] if i == 0 else styles["number"])
                for i, cell in enumerate(row)
            ]
            for row in table.rows
        ),
    ]
    grid = Table(rows, colWidths=[first, *([number_width] * (columns - 1))], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
            ]
        )
    )
    return grid
