"""Light and dark: follow the platform (the default), or keep one of them.

Qt 6 follows the platform's colour scheme by itself, so "system" only undoes a
choice made earlier. "light" and "dark" ask the platform through
``QStyleHints.setColorScheme`` (Qt 6.8 and later); where the platform cannot
switch (older Qt, some Linux desktops, no desktop at all) the Fusion style with
a palette of our own is used instead, and "system" puts back the style and
palette the application started with.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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
    fusion = QStyleFactory.create("Fusion")
    app.setStyle(fusion)
    app.setPalette(dark_palette() if wanted is Qt.ColorScheme.Dark else fusion.standardPalette())


def _platform_followed(hints: object, wanted: Qt.ColorScheme) -> bool:
    """Whether the platform switched to ``wanted`` when asked."""
    scheme = getattr(hints, "colorScheme", None)
    return callable(scheme) and scheme() == wanted


def is_dark(palette: QPalette) -> bool:
    """Whether windows drawn with ``palette`` are dark (light text on a dark ground)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, with readable disabled text and links."""
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2b2b",
        roles.WindowText: "#e8e8e8",
        roles.Base: "#1f1f1f",
        roles.AlternateBase: "#2f2f2f",
        roles.ToolTipBase: "#3a3a3a",
        roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#9a9a9a",
        roles.Text: "#e8e8e8",
        roles.Button: "#353535",
        roles.ButtonText: "#e8e8e8",
        roles.BrightText: "#ff6b6b",
        roles.Light: "#4a4a4a",
        roles.Midlight: "#3e3e3e",
        roles.Mid: "#2f2f2f",
        roles.Dark: "#1a1a1a",
        roles.Shadow: "#000000",
        roles.Highlight: "#3d7bd9",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#7fb2ff",
        roles.LinkVisited: "#c39bff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    palette.setColor(disabled, roles.Highlight, QColor("#505050"))
    return palette
