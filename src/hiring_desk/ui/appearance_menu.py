"""View ▸ Appearance: follow the system's colour scheme (the default), or always light
or dark; the choice is remembered in the settings and applied at once."""

from __future__ import annotations

import functools

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from hiring_desk.ui.settings import THEMES, Settings
from hiring_desk.ui.theme import apply_theme

LABELS = {"system": "Like the &System", "light": "&Light", "dark": "&Dark"}


def add_appearance_menu(view_menu: QMenu, settings: Settings) -> QMenu:
    """Add the Appearance submenu to ``view_menu``, its choice ticked when it opens."""
    menu = view_menu.addMenu("&Appearance")
    group = QActionGroup(menu)

    def choose(theme: str, _checked: bool = False) -> None:
        settings.set_theme(theme)
        apply_theme(theme)

    for theme in THEMES:
        action = menu.addAction(LABELS[theme])
        action.triggered.connect(functools.partial(choose, theme))
        action.setCheckable(True)
        action.setObjectName(f"appearance_{theme}")
        group.addAction(action)

    def tick_current() -> None:
        group.actions()[THEMES.index(settings.theme())].setChecked(True)

    # Preferences can change it too: tick the one in force whenever the menu opens.
    menu.aboutToShow.connect(tick_current)
    tick_current()
    return menu
