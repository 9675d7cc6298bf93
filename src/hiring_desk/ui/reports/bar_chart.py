"""A horizontal bar chart drawn with QPainter: a label, a bar, its number beside it.

The colours come from the widget's palette (the highlight for the bars, the text
colour for the words, a faint mix of the two for the track), and a bar that stands
for a pipeline stage takes that stage's colour (``ui.stage_colours``, its label
beside it), so the chart reads in the light and the dark theme alike. Hovering a
bar shows its label and number as a tooltip; the bars are also named for screen
readers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from hiring_desk.documents.report_views import Bar
from hiring_desk.ui.stage_colours import stage_colours
from hiring_desk.ui.theme import is_dark

ROW = 24  # height of one bar's row, in pixels
BAR = 14
GAP = 8
#: The most of the width the labels may take.
LABEL_SHARE = 0.4


def _mix(one: QColor, other: QColor, share: float) -> QColor:
    """``one`` moved ``share`` of the way towards ``other``."""
    return QColor(
        round(one.red() + (other.red() - one.red()) * share),
        round(one.green() + (other.green() - one.green()) * share),
        round(one.blue() + (other.blue() - one.blue()) * share),
    )


class BarChart(QWidget):
    """The bars of one report section (``set_bars``); nothing is drawn without bars."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.bars: tuple[Bar, ...] = ()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: tuple[Bar, ...]) -> None:
        self.bars = bars
        self.setVisible(bool(bars))
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, ROW * len(self.bars) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, ROW * len(self.bars) + 4)

    # -- geometry ------------------------------------------------------------------------

    def _columns(self) -> tuple[float, float, float]:
        """(label width, track start, track length) for the current width."""
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
        label = min(widest + GAP + 2, self.width() * LABEL_SHARE)
        text = max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + GAP
        track = max(self.width() - label - text - 2, self.width() * 0.2)
        return label, label, track

    def bar_rect(self, index: int) -> QRectF:
        """Where bar ``index`` is drawn (its whole track, for hovering)."""
        _label, start, track = self._columns()
        return QRectF(0, index * ROW, start + track, ROW)

    def bar_at(self, pos: QPoint) -> int | None:
        index = pos.y() // ROW
        return index if 0 <= index < len(self.bars) else None

    # -- drawing -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        fill = palette.color(QPalette.ColorRole.Highlight)
        ground = palette.color(QPalette.ColorRole.Window)
        track_colour = _mix(ground, ink, 0.1)
        label_width, start, track = self._columns()
        top = max((b.value for b in self.bars), default=0) or 1
        metrics = QFontMetrics(self.font())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for n, bar in enumerate(self.bars):
            y = n * ROW + (ROW - BAR) / 2
            painter.setPen(ink)
            label = metrics.elidedText(
                bar.label, Qt.TextElideMode.ElideRight, int(label_width - GAP) + 2
            )
            painter.drawText(
                QRectF(0, n * ROW, label_width - GAP, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            painter.fillRect(QRectF(start, y, track, BAR), track_colour)
            length = track * max(bar.value, 0) / top
            if length > 0:
                colour = (
                    QColor(stage_colours(bar.stage, is_dark(palette)).fill) if bar.stage else fill
                )
                painter.fillRect(QRectF(start, y, max(length, 2), BAR), colour)
            painter.setPen(ink)
            painter.drawText(
                QRectF(start + length + GAP / 2, n * ROW, self.width(), ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                bar.text,
            )
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_at(index), self)
            return True
        return super().event(event)

    def tooltip_at(self, index: int) -> str:
        """The tooltip bar ``index`` shows."""
        bar = self.bars[index]
        return f"{bar.label}: {bar.text}"
