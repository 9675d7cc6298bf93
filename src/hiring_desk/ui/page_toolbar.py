"""The row of actions at the top of a page: one primary button, a few actions with
icons, the rest under "More", and the same actions in the list's context menu.

Every page builds its toolbar here, so they all look and behave alike:

- the **primary** action (``primary``) is a filled button (``theme.make_primary``):
  what the page is mostly for (New Role…, New Candidate…);
- **secondary** actions (``action``) are tool buttons with an icon beside their
  text; their text keeps its ``&`` letter, so Alt+letter presses them;
- the **overflow** (``action(..., overflow=True)``) sits in the "More" button's
  menu: Tab reaches the button, Space or its Alt+letter opens the menu;
- every secondary and overflow action is also in the context menu of the page's
  list (``attach_context_menu``: right-click, or the Menu key / Shift+F10).

Actions are ``QAction``s (enable them, not their buttons): a button and its menu
entries then always agree. ``button(action)`` is the tool button of a secondary
action (tests click it; its object name is the action's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from hiring_desk.ui.icons import action_icon
from hiring_desk.ui.shortcuts import make_action
from hiring_desk.ui.theme import SPACE_S, SPACE_XS, make_primary

#: The size action icons are shown at on the toolbar and in menus.
ICON_SIZE = QSize(16, 16)


def _tool_button(name: str, accessible: str = "") -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setIconSize(ICON_SIZE)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if accessible:
        button.setAccessibleName(accessible)
    return button


class PageToolbar(QWidget):
    """A page's actions (see the module's docstring). ``name`` prefixes the object
    names of its own parts (``<name>_more``, ``<name>_more_menu``); ``more_text`` is
    the More button's text, with an Alt letter the page does not use otherwise."""

    def __init__(self, name: str, more_text: str = "&More", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._icons: dict[QAction, str] = {}
        self._secondary: list[QAction] = []
        self._overflow: list[QAction] = []
        self._buttons: dict[QAction, QToolButton] = {}
        self.primary_button: QPushButton | None = None

        self.menu = QMenu(self)
        self.menu.setObjectName(f"{name}_more_menu")
        self.more_button = _tool_button(f"{name}_more", "More actions")
        self.more_button.setText(more_text)
        self.more_button.setToolTip("More actions")
        self.more_button.setMenu(self.menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._icons_for_more = "more"
        self.more_button.setVisible(False)

        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(SPACE_XS)
        self._lead = QHBoxLayout()
        self._lead.setSpacing(SPACE_XS)
        self._row.addLayout(self._lead)
        self._row.addWidget(self.more_button)
        self._row.addStretch(1)
        self._trail = QHBoxLayout()
        self._trail.setSpacing(SPACE_S)
        self._row.addLayout(self._trail)
        self._tint()

    # -- building ----------------------------------------------------------------------

    def primary(
        self, text: str, name: str, slot: Callable[[], object], tooltip: str = ""
    ) -> QPushButton:
        """The page's one primary button, first in the row."""
        button = make_primary(QPushButton(text))
        button.setObjectName(name)
        button.setAutoDefault(False)
        if tooltip:
            button.setToolTip(tooltip)
        button.clicked.connect(lambda _checked=False: slot())
        self._lead.insertWidget(0, button)
        self._lead.insertSpacing(1, SPACE_S)
        self.primary_button = button
        return button

    def lead(self, on: bool) -> None:
        """Draw the primary button as primary (``on``), or as a plain one while an
        empty state's button leads the page (a page shows one primary button)."""
        if self.primary_button is not None:
            make_primary(self.primary_button, on)

    def action(
        self,
        text: str,
        name: str,
        slot: Callable[[], object],
        icon_name: str,
        tooltip: str = "",
        *,
        overflow: bool = False,
    ) -> QAction:
        """A secondary action: a tool button in the row, or (``overflow``) an entry
        of the More menu; in the context menu either way."""
        action = make_action(self, text, slot)
        action.setObjectName(name)
        # A tool button shows an action's icon text; with its '&' kept, the button
        # keeps its Alt+letter.
        action.setIconText(text)
        if tooltip:
            action.setToolTip(tooltip)
            action.setStatusTip(tooltip)
        self._icons[action] = icon_name
        action.setIcon(action_icon(icon_name, self.palette()))
        if overflow:
            self._overflow.append(action)
            self.menu.addAction(action)
            action.visibleChanged.connect(self._show_more)
            self._show_more()
        else:
            button = _tool_button(name)
            button.setDefaultAction(action)
            self._buttons[action] = button
            self._secondary.append(action)
            self._lead.addWidget(button)
        return action

    def _show_more(self) -> None:
        """The More button is shown while its menu has something to show."""
        self.more_button.setVisible(any(a.isVisible() for a in self._overflow))

    def button(self, action: QAction) -> QToolButton:
        """The tool button of a secondary ``action``."""
        return self._buttons[action]

    def add_beside(self, widget: QWidget) -> None:
        """Put ``widget`` (a choice the last action uses) right after the last action."""
        self._lead.addWidget(widget)

    def add_trailing(self, widget: QWidget) -> None:
        """Put ``widget`` (a view switch, a filter) at the right end of the row."""
        self._trail.addWidget(widget)

    @property
    def actions_in_order(self) -> list[QAction]:
        """The secondary actions, then the overflow's."""
        return [*self._secondary, *self._overflow]

    # -- the context menu --------------------------------------------------------------

    def context_menu(
        self, first: Sequence[QAction] = (), leave_out: Sequence[QAction] = ()
    ) -> QMenu:
        """A menu of ``first`` and then every secondary and overflow action that is
        shown (disabled ones greyed out) but those ``first`` stands for (``leave_out``),
        for the page's list."""
        menu = QMenu(self)
        menu.setObjectName(f"{self.objectName()}_context_menu")
        for action in first:
            menu.addAction(action)
        if first:
            menu.addSeparator()
        for group in (self._secondary, self._overflow):
            if group is self._overflow and group:
                menu.addSeparator()
            for action in group:
                if action.isVisible() and action not in leave_out:
                    menu.addAction(action)
        return menu

    def attach_context_menu(self, view: QAbstractItemView) -> None:
        """Right-click (or the Menu key) on ``view`` opens ``context_menu``."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda at: self.popup(self.context_menu(), view, at)
        )

    @staticmethod
    def popup(menu: QMenu, view: QAbstractItemView, at: QPoint) -> QMenu:
        """Show ``menu`` at ``at`` in ``view``'s viewport; it is deleted once closed."""
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(at))
        return menu

    # -- light and dark ----------------------------------------------------------------

    def _tint(self) -> None:
        """Draw the icons in this palette's colours."""
        palette = self.palette()
        for action, name in self._icons.items():
            action.setIcon(action_icon(name, palette))
        self.more_button.setIcon(action_icon(self._icons_for_more, palette))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._tint()
