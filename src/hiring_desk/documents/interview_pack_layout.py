"""What every page of an interview pack shares: its styles, and plain text made into
Paragraphs, label/value lists and grids.

Every string that came from a person goes through ``pdf_text.markup`` before it
reaches Paragraph markup. Meaning never rests on colour: grids are outlined in
grey, header rows are filled light grey, and the text says what matters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from babel.dates import format_skeleton, format_time
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from hiring_desk.documents.fonts import FontFamily
from hiring_desk.documents.interview_pack_views import PackData, PackInterview
from hiring_desk.documents.letterhead import ACCENT, INK, MUTED
from hiring_desk.documents.pdf_text import markup

GRID = colors.HexColor("#9CA3AF")
#: Smaller text (guidance, captions): lighter than the body, dark enough to print.
SMALL_INK = colors.HexColor("#4B5563")
HEADER_FILL = colors.HexColor("#EEF0F3")


@dataclass(frozen=True)
class PackStyles:
    body: ParagraphStyle
    small: ParagraphStyle  # guidance, captions
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_centred: ParagraphStyle
    kicker: ParagraphStyle  # the small line above a title
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    question: ParagraphStyle
    notice: ParagraphStyle


def pack_styles(fonts: FontFamily) -> PackStyles:
    body = ParagraphStyle(
        "PackBody", fontName=fonts.sans, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=4
    )
    small = ParagraphStyle(
        "PackSmall", parent=body, fontSize=8, leading=10.5, textColor=SMALL_INK, spaceAfter=2
    )
    cell = ParagraphStyle("PackCell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    return PackStyles(
        body=body,
        small=small,
        cell=cell,
        cell_head=ParagraphStyle("PackCellHead", parent=cell, fontName=fonts.sans_bold),
        cell_head_centred=ParagraphStyle(
            "PackCellHeadCentred", parent=cell, fontName=fonts.sans_bold, alignment=TA_CENTER
        ),
        kicker=ParagraphStyle(
            "PackKicker", parent=small, fontName=fonts.sans_bold, textColor=MUTED, spaceAfter=1
        ),
        title=ParagraphStyle(
            "PackTitle", parent=body, fontName=fonts.sans_bold, fontSize=18, leading=23
        ),
        heading=ParagraphStyle(
            "PackHeading",
            parent=body,
            fontName=fonts.sans_bold,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "PackSubheading",
            parent=body,
            fontName=fonts.sans_bold,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        question=ParagraphStyle(
            "PackQuestion", parent=body, fontName=fonts.sans_bold, fontSize=10, leading=14
        ),
        notice=ParagraphStyle("PackNotice", parent=body, fontSize=8.5, leading=12, spaceAfter=0),
    )


class PackLayout:
    """The pack's data, fonts and styles, and helpers that make flowables of plain text."""

    def __init__(self, data: PackData, fonts: FontFamily, width: float) -> None:
        self.data = data
        self.fonts = fonts
        self.width = width
        self.styles = pack_styles(fonts)

    # -- text helpers ------------------------------------------------------------------------

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of plain text (escaped here)."""
        return Paragraph(markup(text), style or self.styles.body)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """ "Label: value" with the label in bold."""
        return Paragraph(f"{markup(label, bold=True)} {markup(value)}", style or self.styles.body)

    def when(self, interview: PackInterview) -> str:
        """ "Tue, 1 Dec 2026, 11:30–13:00 (Europe/Dublin, GMT)"."""
        locale = self.data.locale
        start, end = interview.local_start, interview.local_end
        day = format_skeleton("yMMMEd", start, locale=locale)
        first = format_time(start, "short", tzinfo=start.tzinfo, locale=locale)
        last = format_time(end, "short", tzinfo=end.tzinfo, locale=locale)
        zone = interview.timezone
        abbreviation = start.tzname() or ""
        if abbreviation and abbreviation != zone:
            zone = f"{zone}, {abbreviation}"
        return f"{day}, {first}–{last} ({zone})"

    def table(
        self,
        header: Sequence[str | Flowable],
        rows: Sequence[Sequence[str | Flowable]],
        widths: Sequence[float],
    ) -> Table:
        """A grid with a grey header row; str cells become plain-text Paragraphs."""
        cells: list[list[Any]] = [
            [
                Paragraph(markup(h), self.styles.cell_head) if isinstance(h, str) else h
                for h in header
            ]
        ]
        for row in rows:
            cells.append(
                [Paragraph(markup(c), self.styles.cell) if isinstance(c, str) else c for c in row]
            )
        table = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def facts(self, rows: Sequence[tuple[str, str]]) -> Table:
        """Label / value pairs, with no grid; pairs with no value are left out."""
        shown = [
            [Paragraph(markup(label), self.styles.cell_head), self.para(value, self.styles.cell)]
            for label, value in rows
            if value
        ]
        table = Table(shown or [["", ""]], colWidths=[34 * mm, self.width - 34 * mm])
        table.hAlign = "LEFT"
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table
