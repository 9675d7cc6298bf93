"""What a PDF says, for tests: its text read with pypdf (a dependency of the app), so
no PDF test needs an outside tool or skips without one."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

PdfSource = Path | bytes | BytesIO


def pdf_reader(source: PdfSource) -> PdfReader:
    """A reader for a PDF file, its bytes, or a buffer holding them."""
    if isinstance(source, Path):
        return PdfReader(source)
    if isinstance(source, BytesIO):
        return PdfReader(BytesIO(source.getvalue()))
    return PdfReader(BytesIO(source))


def page_texts(source: PdfSource) -> list[str]:
    """Each page's text, as pypdf lays it out."""
    return [page.extract_text() or "" for page in pdf_reader(source).pages]


def pdf_text(source: PdfSource, page: int | None = None) -> str:
    """The text of every page (or of page number ``page``, from 1), one after another."""
    texts = page_texts(source)
    return texts[page - 1] if page else "\n".join(texts)


def pdf_words(source: PdfSource, page: int | None = None) -> str:
    """:func:`pdf_text` with every run of white space made one space, so a phrase
    is found wherever the layout broke its line."""
    return " ".join(pdf_text(source, page).split())


def pdf_title(source: PdfSource) -> str:
    """The title in the PDF's metadata ("" when there is none)."""
    metadata = pdf_reader(source).metadata
    return (metadata.title if metadata else None) or ""


def pdf_author(source: PdfSource) -> str:
    """The author in the PDF's metadata ("" when there is none)."""
    metadata = pdf_reader(source).metadata
    return (metadata.author if metadata else None) or ""
