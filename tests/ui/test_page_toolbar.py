"""The page toolbar (one primary button, icon actions, a More menu, the list's context
menu), its icons and the look's other colours following the theme, and no colour
written into ui/ outside the theme and the stage palette."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, choose_more, press, show_active

import hiring_desk.ui
from hiring_desk.ui.icons import action_icon, action_icon_names
from hiring_desk.ui.page_toolbar import PageToolbar
from hiring_desk.ui.stage_colours import contrast_ratio
from hiring_desk.ui.theme import (
    Tone,
    apply_theme,
    dark_palette,
    is_primary,
    light_palette,
    note_style,
    set_style,
    tone_colours,
)

UI = Path(hiring_desk.ui.__file__).parent
#: The only modules that may spell out colours: the theme and the stage palette.
COLOUR_MODULES = {"theme.py", "stage_colours.py"}
#: "#b3261e", "#fff"; not a link's anchor ("first-hire.html#add-candidates").
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?(?![\w-])")


@pytest.fixture
def restore_theme() -> Iterator[None]:
    yield
    apply_theme("system")


def _page(qtbot: QtBot) -> tuple[QWidget, PageToolbar, QTableView, list[str]]:
    pressed: list[str] = []
    page = QWidget()
    bar = PageToolbar("test_toolbar")
    bar.primary("&New Thing…", "new_thing", lambda: pressed.append("new"))
    bar.action("&Edit…", "edit_thing", lambda: pressed.append("edit"), "edit")
    bar.action("&Delete", "delete_thing", lambda: pressed.append("delete"), "delete", overflow=True)
    table = QTableView()
    table.setObjectName("things")
    bar.attach_context_menu(table)
    layout = QVBoxLayout(page)
    layout.addWidget(bar)
    layout.addWidget(table)
    show_active(qtbot, page)
    return page, bar, table, pressed


def test_primary_secondary_and_overflow(qtbot: QtBot) -> None:
    page, bar, _table, pressed = _page(qtbot)
    assert bar.primary_button is not None
    assert is_primary(bar.primary_button)
    edit, delete = bar.actions_in_order
    button = bar.button(edit)
    assert button.objectName() == "edit_thing" and not button.icon().isNull()
    assert [a.objectName() for a in bar.menu.actions()] == ["delete_thing"]
    assert bar.more_button.isVisible() and bar.more_button.accessibleName() == "More actions"
    # Alt+letter presses the primary and the secondary buttons.
    press(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    press(qtbot, page, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: pressed == ["new", "edit"])
    # The overflow is chosen from the More menu.
    choose_more(qtbot, bar, "delete_thing")
    assert pressed == ["new", "edit", "delete"]
    # A disabled action disables its button; hiding the overflow hides More.
    edit.setEnabled(False)
    assert not button.isEnabled()
    delete.setVisible(False)
    assert not bar.more_button.isVisible()
    bar.lead(False)
    assert not is_primary(bar.primary_button) and bar.primary_button.styleSheet() == ""


def test_the_context_menu_holds_every_action(qtbot: QtBot) -> None:
    _page_widget, bar, _table, pressed = _page(qtbot)
    menu = bar.context_menu()
    assert [a.objectName() for a in menu.actions() if not a.isSeparator()] == [
        "edit_thing",
        "delete_thing",
    ]
    edit = bar.actions_in_order[0]
    assert [a for a in bar.context_menu(leave_out=[edit]).actions() if not a.isSeparator()] == [
        bar.actions_in_order[1]
    ]
    edit.trigger()
    assert pressed == ["edit"]


def test_action_icons_follow_the_theme(qapp: QApplication) -> None:
    names = action_icon_names()
    assert {"add", "edit", "delete", "more", "print"} <= set(names)
    for name in names:
        light = action_icon(name, light_palette()).pixmap(24, 24).toImage()
        dark = action_icon(name, dark_palette()).pixmap(24, 24).toImage()
        assert not light.isNull() and light != dark, name
    # Drawn in the button text colour: a drawn pixel of "add" (the plus sign's middle).
    image = action_icon("add", dark_palette()).pixmap(24, 24).toImage()
    drawn = image.pixelColor(12, 12)
    assert drawn.name() == dark_palette().color(QPalette.ColorRole.ButtonText).name()


def test_styles_and_notes_follow_the_theme(qtbot: QtBot, restore_theme: None) -> None:
    label = QLabel("Kept until 27 Nov 2027")
    qtbot.addWidget(label)
    set_style(label, note_style(Tone.WARNING))
    for theme, palette in (("light", light_palette()), ("dark", dark_palette())):
        apply_theme(theme)
        text, ground, _border = tone_colours(Tone.WARNING, palette)
        qtbot.waitUntil(lambda text=text: text.name() in label.styleSheet())
        assert ground.name() in label.styleSheet()


@pytest.mark.parametrize("tone", list(Tone))
@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_notes_read_in_both_themes(tone: Tone, palette: QPalette) -> None:
    text, ground, _border = tone_colours(tone, palette)
    assert contrast_ratio(text, ground) >= 4.5


def test_the_window_follows_the_theme(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, restore_theme: None
) -> None:
    """The navigation and a page's primary button are drawn in the theme chosen after
    the window was made (a style sheet's palette() colours are read when it is set)."""
    from hiring_desk.services.workbook.opening import create_workbook

    create_workbook(tmp_path / "themes.hiringdesk").close()
    window = make_window(tmp_path / "themes.hiringdesk")
    window.resize(1280, 800)
    window.show_area("roles")
    for theme, palette in (("light", light_palette()), ("dark", dark_palette())):
        apply_theme(theme)
        wanted = palette.color(QPalette.ColorRole.Window).name()

        def nav_ground() -> str:
            nav = window.nav.grab().toImage()
            return nav.pixelColor(nav.width() - 3, nav.height() - 3).name()

        qtbot.waitUntil(lambda wanted=wanted: nav_ground() == wanted)
        page = window.pages["roles"]
        button = page.findChild(QPushButton, "roles_empty_button")
        assert button is not None and button.isVisible()
        face = button.grab().toImage().pixelColor(4, button.height() // 2).name()
        assert face == palette.color(QPalette.ColorRole.Highlight).name(), theme


def test_no_colour_is_written_into_ui_outside_the_theme() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in COLOUR_MODULES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HEX_COLOUR.search(line.split("  #")[0]):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert found == [], "colours belong in ui/theme.py (or ui/stage_colours.py)"
