"""PDFs made for tests with ReportLab."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas


def make_pdf(pages: int, *, text_runs: int = 0) -> bytes:
    """``pages`` pages naming their number; ``text_runs`` tiny runs of text on the first,
    which take pypdf seconds to put together."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in range(1, pages + 1):
        if number == 1 and text_runs:
            runs = pdf.beginText(10, 800)
            for _ in range(text_runs):
                runs.textOut("x ")
            pdf.drawText(runs)
        pdf.drawString(72, 760, f"Page {number} of the Quillfeather CV")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
