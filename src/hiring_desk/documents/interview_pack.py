"""The printed interview pack: a PDF built one candidate at a time, yielding progress.

:func:`build_pack` is a generator. It lays out the cover, then each candidate's
pages, and yields a :class:`PackProgress` after each candidate, so a caller (the
command line, or a worker thread behind a progress dialog) can show how far it
got and cancel by no longer asking for the next step. Each step gathers one
candidate's pages; the PDF is laid out in memory and written only after the
last one, before the last progress is yielded: stopping early leaves no file at
all, and a path is written to a temporary file beside it and renamed into place,
so there is never half a PDF.

The footer of every page reads "Page N of M" and the candidate's name (the role's
title on the cover). No Qt here: this runs the same from a thread or a terminal.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.platypus import Flowable, PageBreak

from hiring_desk.documents.fonts import register_fonts
from hiring_desk.documents.interview_pack_pages import PackPages
from hiring_desk.documents.interview_pack_views import PackData
from hiring_desk.documents.letterhead import (
    PORTRAIT,
    FooterCanvas,
    Letterhead,
    write_pdf,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = ["PackProgress", "build_pack"]


@dataclass(frozen=True)
class PackProgress:
    """``done`` of ``total`` candidates are laid out; ``candidate`` is the last one's name.

    When ``done == total`` the PDF has been written.
    """

    done: int
    total: int
    candidate: str


def build_pack(data: PackData, out: Path | BinaryIO) -> Generator[PackProgress, None, None]:
    """Lay out the pack for ``data`` and write it to ``out`` (a path or a binary file).

    Yields after each candidate (see the module docstring). Raises ValueError for
    a company logo that is not an image, OSError when the file cannot be written.
    """
    fonts = register_fonts()
    title = f"Interview pack: {data.role.title}"
    pages = PackPages(data, fonts, PORTRAIT.body_width)
    letterhead = Letterhead(data.company_name, data.company_address, data.company_logo, title)
    story: list[Flowable] = pages.cover()

    def write() -> None:
        write_pdf(
            out,
            letterhead,
            story,
            subject="Interview pack",
            caption=data.role.title,
            fonts=fonts,
            canvas=PackCanvas,
        )

    total = len(data.candidates)
    if total == 0:
        write()
        return
    for done, person in enumerate(data.candidates, 1):
        # Gathering a candidate's pages is the slow part (text, tables, fonts);
        # the final layout of a 200-page pack takes well under a second.
        story += [PageBreak(), CaptionMark(person.name), *pages.candidate(person)]
        if done == total:
            write()
        yield PackProgress(done, total, person.name)


class PackCanvas(FooterCanvas):
    """A footer canvas whose caption can change from page to page (see :class:`CaptionMark`)."""

    def set_caption(self, caption: str) -> None:
        """The caption for the footer of the current page and the ones after it."""
        self._caption = caption


class CaptionMark(Flowable):
    """Takes no room; sets the footer caption from the page it lands on."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.caption = caption

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        canvas: Canvas = self.canv
        if isinstance(canvas, PackCanvas):
            canvas.set_caption(self.caption)
