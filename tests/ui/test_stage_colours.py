"""The stage palette: WCAG AA contrast in the light and the dark theme, and chips drawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPalette

from hiring_desk.domain.pipeline import ALL_STAGES
from hiring_desk.ui.stage_colours import (
    OTHER_STAGE,
    STAGE_COLOURS,
    chip_font,
    contrast_ratio,
    fitting_chips,
    paint_chips,
    relative_luminance,
    stage_colours,
)
from hiring_desk.ui.theme import alert_colour, dark_palette, is_dark, light_palette

THEMES = {"light": light_palette, "dark": dark_palette}
GROUNDS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)
PAIRS = [(stage, theme) for stage in [*STAGE_COLOURS, "a stage of its own"] for theme in THEMES]


def test_luminance_and_contrast_follow_wcag() -> None:
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    # the WCAG reference grey: #767676 on white is 4.54:1
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_stage_has_a_colour() -> None:
    assert {stage.value for stage in ALL_STAGES} == set(STAGE_COLOURS)
    fills = {colours.light.fill for colours in STAGE_COLOURS.values()}
    assert len(fills) == len(STAGE_COLOURS)  # no two stages alike
    assert stage_colours("a stage of its own", dark=True) == OTHER_STAGE.dark


@pytest.mark.parametrize(("stage", "theme"), PAIRS)
def test_chip_text_reads_on_its_chip(stage: str, theme: str) -> None:
    colours = stage_colours(stage, theme == "dark")
    assert contrast_ratio(colours.text, colours.fill) >= 4.5


@pytest.mark.parametrize(("stage", "theme"), PAIRS)
def test_chip_stands_out_from_the_page(stage: str, theme: str) -> None:
    palette = THEMES[theme]()
    assert is_dark(palette) == (theme == "dark")
    fill = stage_colours(stage, is_dark(palette)).fill
    for ground in GROUNDS:
        assert contrast_ratio(fill, palette.color(ground).name()) >= 3, ground


@pytest.mark.parametrize("theme", list(THEMES))
def test_page_text_reads_in_both_themes(theme: str) -> None:
    palette = THEMES[theme]()
    roles = QPalette.ColorRole
    for text, ground in [
        (roles.WindowText, roles.Window),
        (roles.Text, roles.Base),
        (roles.Text, roles.AlternateBase),
        (roles.PlaceholderText, roles.Base),
        (roles.PlaceholderText, roles.Window),
        (roles.HighlightedText, roles.Highlight),
        (roles.ButtonText, roles.Button),
    ]:
        ratio = contrast_ratio(palette.color(text).name(), palette.color(ground).name())
        assert ratio >= 4.5, (text, ground)
    for ground in GROUNDS:
        ratio = contrast_ratio(alert_colour(palette).name(), palette.color(ground).name())
        assert ratio >= 4.5, ("alert", ground)


def test_chips_that_do_not_fit_are_counted(qapp: object) -> None:
    font = chip_font()
    metrics = QFontMetrics(font)
    chips = [("applied", "12 Applied"), ("screening", "3 Screening"), ("offer", "1 Offer")]
    assert fitting_chips(metrics, chips, 2000) == chips
    narrow = fitting_chips(metrics, chips, metrics.horizontalAdvance("12 Applied +2") + 40)
    assert narrow == [("applied", "12 Applied"), ("", "+2")]
    image = QImage(400, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_chips(painter, QRect(0, 0, 400, 30), chips, dark=False, font=font)
    painter.end()
    # the first chip's colour is on the image, left of centre
    assert image.pixelColor(4, 15).name() == STAGE_COLOURS["applied"].light.fill
