"""A PDF too long, too slow or too big to read is attached without its text, and says why.

Its text is read in a separate process (``services.pdf_reading``) that is stopped at
the limits; a small CV stays quick to attach.
"""

from __future__ import annotations

import io
import os
import time

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from tests.services.candidates.pdf_setup import make_pdf

from hiring_desk.services.candidates import attachments, candidate_records, pdf_reading
from hiring_desk.services.candidates.cv_text import MAX_TEXT_CHARS
from hiring_desk.services.candidates.pdf_reading import PdfLimits, PdfReading
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.store import Workbook, search


@pytest.fixture
def cid(workbook: Workbook) -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name="Kari Nordmann")).id


def _found(workbook: Workbook, words: str) -> list[int]:
    with workbook.transaction() as session:
        return search.search_ids(session, words)


def test_a_pdf_over_the_page_limit_is_attached_without_its_text(
    workbook: Workbook, cid: int
) -> None:
    long = make_pdf(61)
    info = attachments.add_attachment(workbook, cid, "long.pdf", long)
    assert (info.has_text, info.unread_reason) == (False, "it has more than 50 pages")
    [listed] = attachments.list_attachments(workbook, cid)
    assert listed.text_state == "text not read: it has more than 50 pages"
    assert attachments.attachment_content(workbook, info.id)[2] == long
    assert _found(workbook, "quillfeather") == []
    # At the limit, it is read.
    fifty = attachments.add_attachment(workbook, cid, "fifty.pdf", make_pdf(50))
    assert fifty.has_text and not fifty.unread_reason
    assert _found(workbook, "quillfeather") == [cid]


def test_a_pdf_too_slow_to_read_is_stopped_and_attached_without_its_text(
    workbook: Workbook, cid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = make_pdf(1, text_runs=100_000)  # seconds of pypdf's time, in 3 KB
    monkeypatch.setattr(pdf_reading, "LIMITS", PdfLimits(seconds=0.5))
    started = time.monotonic()
    info = attachments.add_attachment(workbook, cid, "slow.pdf", slow)
    assert time.monotonic() - started < 3
    assert info.unread_reason == "reading it took longer than 0.5 seconds"
    assert not info.has_text and attachments.list_attachments(workbook, cid)[0].id == info.id
    assert _found(workbook, "quillfeather") == []


def test_a_pdf_needing_too_much_memory_is_not_read() -> None:
    pytest.importorskip("resource")
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))  # 3 MB, unpacked
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawImage(ImageReader(noise), 0, 0, 500, 500)
    pdf.drawString(72, 760, "Quillfeather")
    pdf.save()
    # A limit below what the reader holds already: reading even the bytes fails.
    limits = PdfLimits(memory_bytes=16 * 1024 * 1024)
    reading = pdf_reading.read_pdf(buffer.getvalue(), MAX_TEXT_CHARS, limits)
    assert reading == PdfReading("", "reading it needed too much memory")


def test_a_one_page_cv_stays_quick_to_attach(workbook: Workbook, cid: int) -> None:
    attachments.add_attachment(workbook, cid, "first.pdf", make_pdf(1))  # starts the reader
    started = time.monotonic()
    for number in range(5):
        cv = make_pdf(1 + number)
        info = attachments.add_attachment(workbook, cid, f"cv{number}.pdf", cv)
        assert info.has_text
    assert (time.monotonic() - started) / 5 < 0.5  # about 0.04 s each on a quiet machine
