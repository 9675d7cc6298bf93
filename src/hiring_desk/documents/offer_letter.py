"""An offer letter as a PDF: letterhead, date, address block, the letter, terms, signatures.

A4, DejaVu Sans with the CJK fallback (``pdf_text``), ``Page N of M`` and the
candidate's name at the foot of every page. The body is plain text: a blank
line starts a paragraph, a single line break stays one, a one-line paragraph
starting with ``# `` is a heading, a paragraph whose every line starts with
``- `` is a list and ``**words**`` are bold. Every value goes through
``pdf_text.markup``, so nothing a person typed is read as markup.

A letter printed before its offer is approved says DRAFT across every page
(:class:`DraftCanvas`), so it cannot pass for an offer the company stands by.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hiring_desk.documents.fonts import FontFamily, register_fonts
from hiring_desk.documents.letterhead import (
    ACCENT,
    INK,
    MUTED,
    PORTRAIT,
    RULE,
    FooterCanvas,
    Letterhead,
    write_pdf,
)
from hiring_desk.documents.pdf_text import markup
from hiring_desk.domain.letter_fields import BOLD, PrintedLetter

__all__ = ["DRAFT_MARK", "DraftCanvas", "letter_to_pdf"]

BULLET = "•"
LABEL_WIDTH = 40 * mm
_LIST_ITEM = re.compile(r"^\s*[-•]\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
DRAFT_MARK = "DRAFT"
#: The watermark: a light red, see-through, so the letter under it stays readable.
_MARK_COLOUR = Color(0.78, 0.16, 0.16, alpha=0.16)
_MARK_SIZE = 150


class DraftCanvas(FooterCanvas):
    """A footer canvas that also writes DRAFT diagonally across the middle of every page."""

    def _draw_footer(self, total: int) -> None:
        super()._draw_footer(total)
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(_MARK_COLOUR)
        self.translate(width / 2, height / 2)
        self.rotate(50)
        self.setFont("Helvetica-Bold", _MARK_SIZE)  # a PDF standard font: always there
        self.drawCentredString(0, -_MARK_SIZE * 0.35, DRAFT_MARK)
        self.restoreState()


def letter_to_pdf(
    letter: PrintedLetter, out: Path | BinaryIO, logo: bytes | None, *, draft: bool = False
) -> None:
    """Write ``letter`` as an A4 PDF to ``out`` (a path, or a binary file open for writing).

    With ``draft`` every page says DRAFT across it. A path is written only once
    the whole document is made. Raises ValueError for a logo that is not an image.
    """
    fonts = register_fonts()
    styles = letter_styles(fonts)
    width = PORTRAIT.body_width
    body: list[Flowable] = []
    if letter.date:
        body.append(Paragraph(markup(letter.date), styles["date"]))
    if letter.recipient.strip():
        body.append(Paragraph(markup(letter.recipient.strip()), styles["address"]))
    body += body_flowables(letter.body, styles)
    body += _terms(letter.terms, styles, width)
    body.append(_signatures(letter, styles, width))
    caption = " · ".join(
        p for p in (letter.company_name, f"Offer letter for {letter.candidate_name}") if p.strip()
    )
    heading = Letterhead(letter.company_name, letter.company_address, logo, letter.title)
    write_pdf(
        out,
        heading,
        body,
        subject="Offer letter (draft)" if draft else "Offer letter",
        caption=caption,
        fonts=fonts,
        canvas=DraftCanvas if draft else None,
    )


def body_flowables(body: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The letter's text: paragraphs, headings and lists (see the module docstring)."""
    flowables: list[Flowable] = []
    for block in _BLANK_LINES.split(body.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith("# "):
            flowables.append(Paragraph(markup(lines[0][2:].strip()), styles["heading"]))
        elif all(_LIST_ITEM.match(line) for line in lines):
            for index, line in enumerate(lines):
                style = styles["item_last" if index == len(lines) - 1 else "item"]
                text = _inline(_LIST_ITEM.sub("", line, count=1))
                flowables.append(Paragraph(f"<bullet>{BULLET}</bullet>{text}", style))
        else:
            flowables.append(Paragraph(_inline("\n".join(lines)), styles["body"]))
    return flowables


def _inline(text: str) -> str:
    """Paragraph markup for ``text`` with its ``**bold**`` runs in bold."""
    parts: list[str] = []
    last = 0
    for match in BOLD.finditer(text):
        parts.append(markup(text[last : match.start()]))
        parts.append(markup(match.group(1), bold=True))
        last = match.end()
    parts.append(markup(text[last:]))
    return "".join(parts)


def _terms(
    terms: tuple[tuple[str, str], ...], styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    if not terms:
        return []
    rows = [
        [Paragraph(markup(label), styles["label"]), Paragraph(markup(value), styles["cell"])]
        for label, value in terms
    ]
    table = Table(rows, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.75, ACCENT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [Paragraph("Summary of terms", styles["section"]), table]


def _signatures(letter: PrintedLetter, styles: dict[str, ParagraphStyle], width: float) -> Flowable:
    """Two blocks side by side: the company's signatory and the candidate, each with a date."""
    company = letter.company_name.strip() or "the company"
    left = _signature_block(
        f"Signed for and on behalf of {company}",
        letter.signatory_name,
        letter.signatory_title or " ",
        styles,
    )
    right = _signature_block(
        "I accept this offer on the terms set out in this letter.",
        letter.candidate_name,
        "Candidate",
        styles,
    )
    gap = 12 * mm
    column = (width - gap) / 2
    table = Table([[left, "", right]], colWidths=[column, gap, column], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 10 * mm), table])


def _signature_block(
    heading: str, name: str, second_line: str, styles: dict[str, ParagraphStyle]
) -> list[Any]:
    line = {"width": "100%", "thickness": 0.6, "color": INK, "spaceBefore": 0, "spaceAfter": 2}
    return [
        Paragraph(markup(heading), styles["small"]),
        Spacer(1, 16 * mm),
        HRFlowable(**line),
        Paragraph("Signature", styles["caption"]),
        Paragraph(markup(name, bold=True), styles["signer"]),
        Paragraph(markup(second_line), styles["signer"]),
        Spacer(1, 10 * mm),
        HRFlowable(**line),
        Paragraph("Date", styles["caption"]),
    ]


def letter_styles(fonts: FontFamily) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "LetterBody", fontName=fonts.sans, fontSize=10, leading=14.5, textColor=INK, spaceAfter=8
    )
    item = ParagraphStyle(
        "LetterItem",
        parent=body,
        leftIndent=14,
        bulletIndent=2,
        bulletFontName=fonts.sans,
        spaceAfter=2.5,
    )
    small = ParagraphStyle("LetterSmall", parent=body, fontSize=9, leading=12.5, spaceAfter=0)
    return {
        "body": body,
        "item": item,
        "item_last": ParagraphStyle("LetterItemLast", parent=item, spaceAfter=body.spaceAfter),
        "heading": ParagraphStyle(
            "LetterHeading",
            parent=body,
            fontName=fonts.sans_bold,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=2,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "section": ParagraphStyle(
            "LetterSection",
            parent=body,
            fontName=fonts.sans_bold,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "date": ParagraphStyle("LetterDate", parent=body, alignment=TA_RIGHT, spaceAfter=6),
        "address": ParagraphStyle("LetterAddress", parent=body, spaceAfter=9 * mm),
        "label": ParagraphStyle(
            "TermLabel", parent=small, fontName=fonts.sans_bold, textColor=MUTED
        ),
        "cell": ParagraphStyle("TermValue", parent=small, fontSize=9.5, leading=13),
        "small": small,
        "signer": ParagraphStyle("Signer", parent=small, leading=13),
        "caption": ParagraphStyle(
            "SignatureCaption",
            parent=small,
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            spaceAfter=3,
        ),
    }
