"""Every PDF's pages: the company letterhead (first page), the footer on every
page, and :func:`write_pdf`, which lays a document out and writes it."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hiring_desk import safe_output
from hiring_desk.documents.fonts import FontFamily
from hiring_desk.documents.pdf_text import draw_text, fit_line, markup

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#6B7280")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#D5DCE4")

#: Left and right page margin (the text frame and the footer line up on it).
MARGIN_X = 22 * mm
FOOTER_BASELINE = 12 * mm

LOGO_MAX_WIDTH = 48 * mm
LOGO_MAX_HEIGHT = 18 * mm


@dataclass(frozen=True)
class PageShape:
    """The paper and the body's top and bottom margins (left and right: ``MARGIN_X``)."""

    size: tuple[float, float] = A4
    top: float = 18 * mm
    bottom: float = 24 * mm

    @property
    def body_width(self) -> float:
        """The width of the text: the paper less both margins."""
        return self.size[0] - 2 * MARGIN_X


PORTRAIT = PageShape()


def write_pdf(
    out: Path | BinaryIO,
    letterhead: Letterhead,
    body: Sequence[Flowable],
    *,
    subject: str,
    caption: str,
    fonts: FontFamily,
    shape: PageShape = PORTRAIT,
    canvas: type[FooterCanvas] | None = None,
) -> None:
    """Lay out and write a PDF: the one way every document is printed.

    ``letterhead`` heads the first page and names the document (its title and
    company are the PDF's title and author); ``body`` follows; every page's foot
    has ``caption`` and "Page N of M" (drawn by ``canvas``, a :class:`FooterCanvas`).
    The whole document is laid out in memory first, then written to ``out``: a
    binary file, or a path written in one step by ``safe_output`` (never over a
    workbook, never half a file). Raises ValueError for a logo that is not an image.
    """
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=shape.size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=shape.top,
        bottomMargin=shape.bottom,
        title=letterhead.title,
        author=letterhead.company_name,
        subject=subject,
        creator="Hiring Desk",
    )
    # No padding, so the text, the letterhead and the footer share one left edge.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = [*letterhead_flowables(letterhead, fonts, doc.width), *body] or [Spacer(1, 1)]
    maker = functools.partial(canvas or FooterCanvas, caption=caption, font=fonts.sans)
    doc.build(story, canvasmaker=maker)
    data = buffer.getvalue()
    if isinstance(out, Path):
        safe_output.write_bytes(out, data)
    else:
        out.write(data)


@dataclass(frozen=True)
class Letterhead:
    """What heads the first page (and names the document): plain values, no markup."""

    company_name: str
    address: str  # lines separated by newlines
    logo: bytes | None
    title: str  # the document's title (PDF metadata and footer)


def letterhead_flowables(letterhead: Letterhead, fonts: FontFamily, width: float) -> list[Flowable]:
    """The letterhead block for the top of the first page (empty when there is nothing to show).

    Raises ValueError when ``logo`` is not an image ReportLab can read.
    """
    name = letterhead.company_name.strip()
    lines = [line.strip() for line in letterhead.address.splitlines() if line.strip()]
    logo = _logo(letterhead.logo) if letterhead.logo else None
    if not (name or lines or logo):
        return []

    align = TA_RIGHT if logo else TA_LEFT
    name_style = ParagraphStyle(
        "LetterheadName",
        fontName=fonts.sans_bold,
        fontSize=13,
        leading=16,
        textColor=INK,
        alignment=align,
    )
    address_style = ParagraphStyle(
        "LetterheadAddress",
        fontName=fonts.sans,
        fontSize=8.5,
        leading=11.5,
        textColor=MUTED,
        alignment=align,
    )
    text: list[Flowable] = []
    if name:
        text.append(Paragraph(markup(name), name_style))
    if lines:
        if name:
            text.append(Spacer(1, 2))
        text.append(Paragraph(markup("\n".join(lines)), address_style))

    if logo:
        logo_width = logo.drawWidth + 8 * mm
        row: list[Any] = [logo, text]
        table = Table([row], colWidths=[logo_width, width - logo_width])
    else:
        table = Table([[text]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        table,
        Spacer(1, 4 * mm),
        HRFlowable(width="100%", thickness=0.75, color=RULE, spaceBefore=0, spaceAfter=8 * mm),
    ]


def _logo(data: bytes) -> Image:
    """The logo, scaled to fit the letterhead box, keeping its proportions."""
    try:
        reader = ImageReader(BytesIO(data))
        pixel_width, pixel_height = reader.getSize()
    except Exception as exc:  # ReportLab and Pillow raise many kinds
        raise ValueError("The logo is not an image that can be printed.") from exc
    if pixel_width <= 0 or pixel_height <= 0:
        raise ValueError("The logo is not an image that can be printed.")
    scale = min(LOGO_MAX_WIDTH / pixel_width, LOGO_MAX_HEIGHT / pixel_height)
    image = Image(BytesIO(data), width=pixel_width * scale, height=pixel_height * scale)
    image.hAlign = "LEFT"
    return image


class FooterCanvas(Canvas):
    """A canvas that writes ``Page N of M`` (and a caption) at the foot of every page.

    The total is known only at the end, so each page's drawing is kept until
    :meth:`save`, which adds the footers and then writes the pages out.
    """

    def __init__(
        self, *args: Any, caption: str = "", font: str = "Helvetica", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._caption = caption
        self._footer_font = font
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _ = self._pagesize
        left = right = MARGIN_X
        baseline = FOOTER_BASELINE
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, baseline + 4.5 * mm, width - right, baseline + 4.5 * mm)
        self.setFillColor(MUTED)
        if self._caption:
            caption = fit_line(self._caption, self._footer_font, 8, width * 0.6)
            draw_text(self, left, baseline, caption, self._footer_font, 8)
        page = f"Page {self._pageNumber} of {total}"
        draw_text(self, width - right, baseline, page, self._footer_font, 8, align="right")
        self.restoreState()
