"""Light and dark: follow the platform (the default), or keep one of them.

Qt 6 follows the platform's colour scheme by itself, so "system" only undoes a
choice made earlier. "light" and "dark" ask the platform through
``QStyleHints.setColorScheme`` (Qt 6.8 and later); where the platform cannot
switch (older Qt, some Linux desktops, no desktop at all) the Fusion style with
a palette of our own is used instead, and "system" puts back the style and
palette the application started with.

The look's other parts live here too, so pages do not tweak fonts one by one: the
type scale (``TextRole``: page title, section, body, secondary; ``styled``) and the
spacing steps (``SPACE_*``). Stage colours: ``ui.stage_colours``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

#: Spacing steps, in pixels: between related controls, groups, and page sections.
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24


class TextRole(Enum):
    """The type scale: (size relative to the body font, weight)."""

    PAGE_TITLE = (1.5, QFont.Weight.DemiBold)
    SECTION = (1.2, QFont.Weight.DemiBold)
    BODY = (1.0, QFont.Weight.Normal)
    SECONDARY = (0.92, QFont.Weight.Normal)
    STRONG = (1.0, QFont.Weight.DemiBold)


def scaled_font(role: TextRole, base: QFont | None = None) -> QFont:
    """``base`` (the application's font by default) at ``role``'s size and weight."""
    font = QFont(base if base is not None else QApplication.font())
    factor, weight = role.value
    if factor != 1.0:
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * factor)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setWeight(weight)
    return font


AnyWidget = TypeVar("AnyWidget", bound=QWidget)

#: The look of a page's one primary button: filled with the highlight colour.
PRIMARY_BUTTON_STYLE = (
    "QPushButton { background: palette(highlight); color: palette(highlighted-text);"
    f" border: 1px solid palette(highlight); border-radius: 5px; padding: 5px {SPACE_L}px;"
    " font-weight: 600; }"
    "QPushButton:focus { border: 2px solid palette(window-text); }"
    "QPushButton:pressed { padding-top: 6px; padding-bottom: 4px; }"
    "QPushButton:disabled { background: palette(button); color: palette(dark);"
    " border: 1px solid palette(mid); }"
)


#: Text that warns (a date passed): deep red on light grounds, soft red on dark ones.
ALERT_LIGHT, ALERT_DARK = "#b3261e", "#ff8a80"
#: Initials on an avatar: white on the deep fills of a light window, near-black ink
#: on the soft fills of a dark one (ui/avatars keeps the contrast).
AVATAR_TEXT_LIGHT, AVATAR_TEXT_DARK = "#ffffff", "#10141b"
#: Text that cautions (a risky place for the workbook): deep amber, or a light one.
WARNING_LIGHT, WARNING_DARK = "#8a5200", "#ffc46b"


def alert_colour(palette: QPalette) -> QColor:
    """The colour of warning text drawn with ``palette``."""
    return QColor(ALERT_DARK if is_dark(palette) else ALERT_LIGHT)


def make_primary(button: AnyWidget, primary: bool = True) -> AnyWidget:
    """Draw ``button`` as its page's primary action (or, ``primary`` False, as a plain
    button again). Returns ``button``."""
    set_style(button, _primary_style if primary else "")
    return button


def is_primary(button: QWidget) -> bool:
    """Whether ``button`` is drawn as its page's primary action (``make_primary``)."""
    restyler = _restyler_of(button)
    return restyler is not None and restyler.sheet is _primary_style


def _primary_style() -> str:
    return with_palette_colours(PRIMARY_BUTTON_STYLE)


_PALETTE_REFERENCE = re.compile(r"palette\(([a-z-]+)\)")


def with_palette_colours(sheet: str) -> str:
    """``sheet`` with each ``palette(role)`` written as the application palette's colour.

    Qt reads a sheet's ``palette(...)`` from the widget's palette, which a sheet set
    earlier has pinned to the theme of that moment; colours written out, and the
    sheet set again on a theme change (``set_style``), follow the theme."""
    palette = QApplication.palette()

    def colour(match: re.Match[str]) -> str:
        role = getattr(QPalette.ColorRole, match.group(1).title().replace("-", ""))
        return palette.color(role).name()

    return _PALETTE_REFERENCE.sub(colour, sheet)


class _Restyler(QObject):
    """Sets its widget's style sheet again when the application's palette changes
    (``paletteChanged``: the widgets inside a window are not told, when a sheet of
    their own pins their palette)."""

    def __init__(self, widget: QWidget, sheet: Callable[[], str]) -> None:
        super().__init__(widget)
        self.sheet = sheet
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.paletteChanged.connect(self.restyle)

    def restyle(self, _palette: QPalette | None = None) -> None:
        widget = self.parent()
        if isinstance(widget, QWidget):
            widget.setStyleSheet(self.sheet())


def _restyler_of(widget: QWidget) -> _Restyler | None:
    return next((c for c in widget.children() if isinstance(c, _Restyler)), None)


def set_style(widget: QWidget, sheet: str | Callable[[], str]) -> None:
    """Give ``widget`` the style sheet ``sheet`` (its ``palette(...)`` colours written
    out: ``with_palette_colours``), or the one ``sheet()`` makes, set again whenever
    the theme changes: a sheet set once keeps the colours of the theme it was set in."""
    make = sheet if callable(sheet) else (lambda: with_palette_colours(sheet))
    restyler = _restyler_of(widget)
    if restyler is None:
        restyler = _Restyler(widget, make)
    restyler.sheet = make
    widget.setStyleSheet(make())


class Tone(Enum):
    """What a note or banner says: (light text, ground, border), (dark text, ground, border)."""

    INFO = (("#1d3550", "#eef4fb", "#b9cfe6"), ("#d6e6ff", "#1f2d40", "#3c5a80"))
    WARNING = (("#3b2f00", "#fff4ce", "#e0c46c"), ("#ffe9a8", "#3a3115", "#7a6520"))
    ERROR = (("#7a1f1f", "#fdecec", "#e3a3a3"), ("#ffc9c4", "#3d1f1f", "#8a3a3a"))


def tone_colours(tone: Tone, palette: QPalette | None = None) -> tuple[QColor, QColor, QColor]:
    """``tone``'s text, ground and border colours for ``palette`` (the application's)."""
    chosen = palette if palette is not None else QApplication.palette()
    light, dark = tone.value
    return tuple(QColor(c) for c in (dark if is_dark(chosen) else light))  # type: ignore[return-value]


def note_style(tone: Tone, selector: str = "QLabel") -> Callable[[], str]:
    """A style sheet maker (for ``set_style``) drawing ``selector`` as a note of ``tone``:
    coloured text on a tinted ground, in the current theme."""

    def sheet() -> str:
        text, ground, border = (c.name() for c in tone_colours(tone))
        return (
            f"{selector} {{ color: {text}; background: {ground}; border: 1px solid {border};"
            f" border-radius: 4px; padding: {SPACE_XS}px {SPACE_S}px; }}"
        )

    return sheet


def text_style(colour: Callable[[QPalette], QColor]) -> Callable[[], str]:
    """A style sheet maker (for ``set_style``) colouring text by ``colour(palette)``,
    such as ``alert_colour`` for an error under a field."""
    return lambda: f"color: {colour(QApplication.palette()).name()};"


def warning_colour(palette: QPalette) -> QColor:
    """The colour of text that cautions (not an error): amber, readable on both grounds."""
    return QColor(WARNING_DARK if is_dark(palette) else WARNING_LIGHT)


def styled(widget: AnyWidget, role: TextRole) -> AnyWidget:
    """Give ``widget`` the font of ``role``; secondary text is also drawn in the
    palette's quieter colour. Returns ``widget``."""
    widget.setFont(scaled_font(role))
    if role is TextRole.SECONDARY:
        widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return widget


#: The platform's own look, kept the first time a theme is applied.
_platform_look: tuple[str, QPalette] | None = None

_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def apply_theme(theme: str) -> None:
    """Show the application in ``theme``: "system", "light" or "dark"."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    global _platform_look
    if _platform_look is None:
        _platform_look = (app.style().name(), QPalette(app.palette()))
    hints = QGuiApplication.styleHints()
    wanted = _SCHEMES.get(theme)
    if hasattr(hints, "setColorScheme"):
        if wanted is None:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(wanted)
    style_name, palette = _platform_look
    if wanted is None or _platform_followed(hints, wanted):
        if app.style().name() != style_name:
            app.setStyle(QStyleFactory.create(style_name))
        app.setPalette(palette)
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if wanted is Qt.ColorScheme.Dark else light_palette())


def _platform_followed(hints: object, wanted: Qt.ColorScheme) -> bool:
    """Whether the platform switched to ``wanted`` when asked."""
    scheme = getattr(hints, "colorScheme", None)
    return callable(scheme) and scheme() == wanted


def is_dark(palette: QPalette) -> bool:
    """Whether windows drawn with ``palette`` are dark (light text on a dark ground)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def light_palette() -> QPalette:
    """A light palette for the Fusion style: white lists on a soft grey window, a calm blue."""
    roles = QPalette.ColorRole
    return _palette(
        {
            roles.Window: "#f4f5f7",
            roles.WindowText: "#1d2430",
            roles.Base: "#ffffff",
            roles.AlternateBase: "#f6f8fb",
            roles.ToolTipBase: "#fffbe6",
            roles.ToolTipText: "#1d2430",
            roles.PlaceholderText: "#5f6b7a",
            roles.Text: "#1d2430",
            roles.Button: "#fbfbfc",
            roles.ButtonText: "#1d2430",
            roles.BrightText: "#b3261e",
            roles.Light: "#ffffff",
            roles.Midlight: "#e9ecf0",
            roles.Mid: "#c9ced6",
            roles.Dark: "#9aa3ae",
            roles.Shadow: "#4a5260",
            roles.Highlight: "#2f6fd0",
            roles.HighlightedText: "#ffffff",
            roles.Link: "#1f5fbf",
            roles.LinkVisited: "#6b3fb0",
        },
        disabled_text="#9aa1ab",
        disabled_highlight="#c9ced6",
    )


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style: cool greys, readable disabled text and links."""
    roles = QPalette.ColorRole
    return _palette(
        {
            roles.Window: "#202328",
            roles.WindowText: "#e6e8eb",
            roles.Base: "#181a1f",
            roles.AlternateBase: "#1e2127",
            roles.ToolTipBase: "#2e333a",
            roles.ToolTipText: "#f0f2f4",
            roles.PlaceholderText: "#a0a8b3",
            roles.Text: "#e6e8eb",
            roles.Button: "#2a2e35",
            roles.ButtonText: "#e6e8eb",
            roles.BrightText: "#ff8a80",
            roles.Light: "#3a3f47",
            roles.Midlight: "#2e333a",
            roles.Mid: "#3a3f47",
            roles.Dark: "#111318",
            roles.Shadow: "#000000",
            roles.Highlight: "#2f66c2",
            roles.HighlightedText: "#ffffff",
            roles.Link: "#8ab8ff",
            roles.LinkVisited: "#c39bff",
        },
        disabled_text="#6f7782",
        disabled_highlight="#3a3f47",
    )


def _palette(
    colours: dict[QPalette.ColorRole, str], *, disabled_text: str, disabled_highlight: str
) -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(disabled_text))
    palette.setColor(disabled, roles.Highlight, QColor(disabled_highlight))
    return palette
