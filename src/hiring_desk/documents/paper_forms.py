"""Pieces of a paper form: tick boxes, choices, ruled lines to write on, labelled blanks.

Drawn in black and light grey only, so they print and photocopy well; a box to
tick is an empty square outlined in black, never a colour. Labels are drawn with
``pdf_text.draw_text``, so they stay searchable text in the PDF.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from hiring_desk.documents.pdf_text import draw_text, fit_line

BOX_INK = colors.black
#: Ruled lines: grey enough to guide the hand, light enough not to compete with ink.
LINE_GREY = colors.HexColor("#9CA3AF")
LABEL_GREY = colors.HexColor("#4B5563")

BOX_SIZE = 3.6 * mm
LINE_PITCH = 8 * mm


class TickBox(Flowable):
    """An empty square to tick, centred in the width it is given (a table cell)."""

    def __init__(self, size: float = BOX_SIZE) -> None:
        super().__init__()
        self.size = size
        self._width = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = max(availWidth, self.size)
        return self._width, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(BOX_INK)
        self.canv.setLineWidth(0.8)
        self.canv.rect((self._width - self.size) / 2, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


class Choices(Flowable):
    """A row of labelled tick boxes ("[ ] Strong no   [ ] No   [ ] Yes ..."), one to tick."""

    def __init__(self, labels: tuple[str, ...], font: str, size: float = 9.5) -> None:
        super().__init__()
        self.labels = labels
        self.font = font
        self.font_size = size
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = availWidth
        return availWidth, max(BOX_SIZE, self.font_size * 1.2)

    def draw(self) -> None:
        cell = self._width / max(len(self.labels), 1)  # the width shared out equally
        self.canv.saveState()
        self.canv.setStrokeColor(BOX_INK)
        self.canv.setLineWidth(0.8)
        for index, label in enumerate(self.labels):
            left = index * cell
            self.canv.rect(left, 0, BOX_SIZE, BOX_SIZE, stroke=1, fill=0)
            room = cell - BOX_SIZE - 2.5 * mm
            text = fit_line(label, self.font, self.font_size, room)
            self.canv.setFillColor(BOX_INK)
            draw_text(self.canv, left + BOX_SIZE + 2 * mm, 0.6, text, self.font, self.font_size)
        self.canv.restoreState()


class RuledLines(Flowable):
    """``count`` grey lines to write on; splits across pages between lines."""

    def __init__(self, count: int, pitch: float = LINE_PITCH) -> None:
        super().__init__()
        self.count = max(count, 1)
        self.pitch = pitch
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = availWidth
        return availWidth, self.count * self.pitch

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        fits = int(availHeight // self.pitch)
        if fits < 2 or fits >= self.count:
            return []
        return [RuledLines(fits, self.pitch), RuledLines(self.count - fits, self.pitch)]

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(LINE_GREY)
        self.canv.setLineWidth(0.5)
        for line in range(self.count):
            y = line * self.pitch
            self.canv.line(0, y, self._width, y)
        self.canv.restoreState()


class WritingBox(Flowable):
    """A box outlined in black with a label in its top corner and ruled lines inside."""

    def __init__(self, label: str, lines: int, font: str, pitch: float = 7 * mm) -> None:
        super().__init__()
        self.label = label
        self.lines = max(lines, 1)
        self.font = font
        self.pitch = pitch
        self._width = 0.0

    @property
    def _height(self) -> float:
        return (self.lines + 1) * self.pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = availWidth
        return availWidth, self._height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(BOX_INK)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self._width, self._height, stroke=1, fill=0)
        canvas.setFillColor(LABEL_GREY)
        label = fit_line(self.label, self.font, 8, self._width - 6 * mm)
        draw_text(canvas, 3 * mm, self._height - 4.5 * mm, label, self.font, 8)
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.5)
        for line in range(1, self.lines + 1):
            y = line * self.pitch - 2 * mm
            canvas.line(3 * mm, y, self._width - 3 * mm, y)
        canvas.restoreState()


class Blanks(Flowable):
    """Blanks to fill in side by side, each a line with its label underneath.

    ``values`` are printed on the lines already (an empty string leaves one blank).
    """

    def __init__(
        self,
        labels: tuple[str, ...],
        font: str,
        values: tuple[str, ...] = (),
        gap: float = 6 * mm,
    ) -> None:
        super().__init__()
        self.labels = labels
        self.values = values
        self.font = font
        self.gap = gap
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = availWidth
        return availWidth, 12 * mm

    def draw(self) -> None:
        canvas = self.canv
        count = max(len(self.labels), 1)
        width = (self._width - self.gap * (count - 1)) / count
        canvas.saveState()
        for index, label in enumerate(self.labels):
            left = index * (width + self.gap)
            canvas.setStrokeColor(BOX_INK)
            canvas.setLineWidth(0.6)
            canvas.line(left, 5 * mm, left + width, 5 * mm)
            canvas.setFillColor(LABEL_GREY)
            draw_text(canvas, left, 1.5 * mm, fit_line(label, self.font, 8, width), self.font, 8)
            value = self.values[index] if index < len(self.values) else ""
            if value:
                canvas.setFillColor(BOX_INK)
                shown = fit_line(value, self.font, 10, width - 2 * mm)
                draw_text(canvas, left + 1 * mm, 6.5 * mm, shown, self.font, 10)
        canvas.restoreState()
