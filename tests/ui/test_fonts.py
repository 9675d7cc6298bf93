"""The bundled fallback face reaches Qt, so CJK names can be drawn in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from hiring_desk.ui.fonts import register_bundled_fonts


def _drawn(text: str, family: str) -> bytes:
    """The pixels of ``text`` drawn in ``family``: missing glyphs all draw the same box."""
    image = QImage(48, 48, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont(family)
    font.setPixelSize(32)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return bytes(image.constBits())


def test_the_fallback_face_draws_hangul_han_and_kana(qtbot: QtBot) -> None:
    families = register_bundled_fonts()
    assert families == ("Droid Sans Fallback",)
    for a, b in ("김민", "王磊", "さく"):
        # Two different letters look different only when a face really has them.
        assert _drawn(a, families[0]) != _drawn(b, families[0]), (a, b)
    assert register_bundled_fonts() == families  # registered once
