"""Keyboard shortcuts: the platform's standard keys, and Help ▸ Keyboard Shortcuts….

The list is read from the window itself, never written by hand: every action in
the menus, every other action of the window that has keys, and every QShortcut
of its pages (described by its ``whatsThis`` text). What the list shows is
therefore what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def standard_keys(key: QKeySequence.StandardKey, fallback: str = "") -> list[QKeySequence]:
    """The platform's keys for a standard action; ``fallback`` where it has none
    (Linux desktops and Windows have no standard Preferences key, Windows no Quit)."""
    keys = [k for k in QKeySequence.keyBindings(key) if not k.isEmpty()]
    return keys or ([QKeySequence(fallback)] if fallback else [])


def key_text(keys: Iterable[QKeySequence]) -> str:
    """Keys as people read them on this platform, alternatives separated by commas."""
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def plain(text: str) -> str:
    """A menu text without its mnemonic marker ("Save a &Copy…" -> "Save a Copy…")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


@dataclass(frozen=True)
class ShortcutEntry:
    """One line of the list: where the keys work, what they do, and the keys."""

    where: str
    what: str
    keys: tuple[QKeySequence, ...]

    @property
    def key_text(self) -> str:
        return key_text(self.keys)


def _menu_entries(actions: Sequence[QAction], path: str) -> list[tuple[QAction, str]]:
    found: list[tuple[QAction, str]] = []
    for action in actions:
        if action.isSeparator():
            continue
        menu = action.menu()
        if isinstance(menu, QMenu):
            inner = f"{path} ▸ {plain(action.text())}" if path else plain(action.text())
            found += _menu_entries(menu.actions(), inner)
        else:
            found.append((action, path))
    return found


def _place_of(widget: QWidget | None, places: Sequence[tuple[str, QWidget]]) -> str:
    for label, page in places:
        if widget is not None and (widget is page or page.isAncestorOf(widget)):
            return label
    return "Everywhere"


def _describe(shortcut: QShortcut) -> str:
    if shortcut.whatsThis():
        return shortcut.whatsThis()
    parent = _widget_of(shortcut)
    if parent is not None and parent.accessibleName():
        return parent.accessibleName()
    return parent.objectName().replace("_", " ") if parent is not None else ""


def _widget_of(shortcut: QShortcut) -> QWidget | None:
    parent = shortcut.parent()
    return parent if isinstance(parent, QWidget) else None


def collect(window: QMainWindow, places: Sequence[tuple[str, QWidget]]) -> list[ShortcutEntry]:
    """Every shortcut of ``window``: its menus first (in menu order), then each place's.

    ``places`` names the window's areas: (label, page widget).
    """
    entries: list[ShortcutEntry] = []
    in_menus: set[QAction] = set()
    for action, path in _menu_entries(window.menuBar().actions(), ""):
        in_menus.add(action)
        keys = tuple(k for k in action.shortcuts() if not k.isEmpty())
        if keys:
            entries.append(ShortcutEntry(f"{path} menu", plain(action.text()), keys))
    others: list[ShortcutEntry] = []
    for action in window.findChildren(QAction):
        keys = tuple(k for k in action.shortcuts() if not k.isEmpty())
        if keys and action not in in_menus and action.text():
            widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
            where = _place_of(widgets[0] if widgets else None, places)
            others.append(ShortcutEntry(where, plain(action.text()), keys))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            keys = tuple(k for k in shortcut.keys() if not k.isEmpty())  # noqa: SIM118
            where = _place_of(_widget_of(shortcut), places)
            others.append(ShortcutEntry(where, _describe(shortcut), keys))
    order = {label: index for index, (label, _page) in enumerate(places)}
    others.sort(key=lambda e: (order.get(e.where, len(order)), e.where, e.what))
    return entries + others


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts…: the window's shortcuts, with a filter box."""

    def __init__(self, entries: Sequence[ShortcutEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText("Type to filter by what the keys do, the keys or the place")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter the shortcuts")
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts_list")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Keys", "What they do", "Where"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._items = [QTreeWidgetItem([e.key_text, e.what, e.where]) for e in entries]
        self.tree.addTopLevelItems(self._items)
        from hiring_desk.ui.widgets import plain_label  # the window's start needs only keys

        note = plain_label(
            "Menus and buttons also open with Alt and their underlined letter. "
            "In a text box, the usual editing keys (Ctrl+Z, Ctrl+C…) act on the text."
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        self.resize(640, 520)

    def rows(self) -> list[tuple[str, str, str]]:
        """The visible lines as (keys, what, where)."""
        return [(i.text(0), i.text(1), i.text(2)) for i in self._items if not i.isHidden()]

    def _apply_filter(self, text: str) -> None:
        wanted = text.casefold().strip()
        for item in self._items:
            haystack = " ".join(item.text(column) for column in range(3)).casefold()
            item.setHidden(bool(wanted) and wanted not in haystack)


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | Sequence[QKeySequence] | None = None,
) -> QAction:
    """A menu action calling ``slot`` (its ``checked`` argument dropped), with its keys."""
    action = QAction(text, parent)
    # setShortcuts with a list: setShortcut's overloads make PySide6 build every
    # ``Qt`` enum (15 ms) before the first paint.
    if isinstance(shortcut, (list, tuple)):
        action.setShortcuts(list(shortcut))
    elif shortcut is not None:
        action.setShortcuts([QKeySequence(shortcut)])  # type: ignore[arg-type]
    action.triggered.connect(lambda _checked=False: slot())
    return action
