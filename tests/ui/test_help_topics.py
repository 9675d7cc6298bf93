"""Help ▸ User Guide and F1: every place opens its own section of the built-in guide.

The URL handed to the desktop is caught (QDesktopServices.openUrl replaced), so the
tests check where the browser would go without starting one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, menu_action, press, workbook_of

from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.roles import role_records
from hiring_desk.ui import help_topics
from hiring_desk.ui.areas import AREAS
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.roles.stages_dialog import StagesDialog
from hiring_desk.ui.team.member_dialog import MemberDialog

SRC = Path(__file__).resolve().parents[2] / "src" / "hiring_desk"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs handed to the desktop, in order."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    create_demo_workbook(tmp_path / "help.hiringdesk").close()
    return make_window(tmp_path / "help.hiringdesk")


def _section(url: QUrl) -> str:
    """``page.html#section`` of a file:// URL into the guide (checked to be one)."""
    assert url.isLocalFile()
    path = Path(url.toLocalFile())
    assert path.parent == help_topics.guide_folder()
    assert path.is_file(), path
    return f"{path.name}#{url.fragment()}" if url.fragment() else path.name


def test_every_target_exists_in_the_built_guide() -> None:
    targets = [help_topics.START, *help_topics.AREA_TOPICS.values()]
    targets += help_topics.DIALOG_TOPICS.values()
    for target in targets:
        page, _, anchor = target.partition("#")
        text = (help_topics.guide_folder() / page).read_text(encoding="utf-8")
        assert not anchor or f' id="{anchor}"' in text, target


def test_every_area_and_only_the_areas_have_a_section() -> None:
    assert set(help_topics.AREA_TOPICS) == {key for key, _label, _icon in AREAS}


def test_every_dialog_in_the_table_exists_and_gets_the_f1_key() -> None:
    """A dialog named in the table is a form (FormDialog adds the key when shown) or
    calls add_help_key itself: a renamed class or a dropped call fails here."""
    sources = {path: path.read_text(encoding="utf-8") for path in (SRC / "ui").rglob("*.py")}
    for name in help_topics.DIALOG_TOPICS:
        found = [
            (path, text)
            for path, text in sources.items()
            if re.search(rf"^class {name}\(", text, re.MULTILINE)
        ]
        assert len(found) == 1, name
        path, text = found[0]
        form = re.search(rf"^class {name}\(FormDialog\)", text, re.MULTILINE)
        assert form or "add_help_key(self)" in text, f"{name} in {path.name} has no F1 key"


def test_f1_on_each_page_opens_its_section(
    qtbot: QtBot, window: MainWindow, opened: list[QUrl]
) -> None:
    for number, (key, _label, _icon) in enumerate(AREAS, start=1):
        press(qtbot, window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        qtbot.waitUntil(lambda key=key: window.current_area() == key)
        press(qtbot, window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda number=number: len(opened) == number)
        assert _section(opened[-1]) == help_topics.AREA_TOPICS[key], key


def test_help_user_guide_opens_the_section_of_the_page_in_view(
    window: MainWindow, opened: list[QUrl]
) -> None:
    window.show_area("offers")
    menu_action(window, "Help", "User Guide").trigger()
    assert _section(opened[-1]) == "offers.html#make-an-offer"


def test_with_no_workbook_open_the_guide_opens_at_its_first_page(
    window: MainWindow, opened: list[QUrl]
) -> None:
    window.close_workbook()
    assert window.workbook is None
    window.desktop.guide_action.trigger()
    assert _section(opened[-1]) == "index.html"


def test_f1_in_a_dialog_opens_the_dialog_section(
    qtbot: QtBot, window: MainWindow, opened: list[QUrl]
) -> None:
    workbook = workbook_of(window)
    role, *others = role_records.list_roles(workbook)
    stages = StagesDialog(window, workbook, role, others)
    qtbot.addWidget(stages)
    stages.show()
    press(qtbot, stages, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert _section(opened[-1]) == "stages-and-today.html#your-own-stages"
    stages.done(0)

    member = MemberDialog(window, lambda *_values: None)  # a form: FormDialog gives the key
    qtbot.addWidget(member)
    member.show()
    press(qtbot, member, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert _section(opened[-1]) == "first-hire.html#set-up-your-company-and-team"
    member.done(0)
