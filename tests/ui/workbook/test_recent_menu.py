"""File ▸ Open Recent: existing workbooks are offered, missing ones explained and dropped."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hiring_desk.ui.settings import Settings
from hiring_desk.ui.workbook.recent_menu import RecentMenu


def test_open_a_recent_workbook_or_drop_a_missing_one(
    qtbot: QtBot, tmp_path: Path, answered_questions: list[str]
) -> None:
    here, gone = tmp_path / "here.hiringdesk", tmp_path / "gone.hiringdesk"
    here.write_bytes(b"")
    settings = Settings()
    settings.add_recent_file(gone)
    settings.add_recent_file(here)
    menu = RecentMenu(settings)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&1 here.hiringdesk", "&2 gone.hiringdesk"] and "&Clear List" in texts

    with qtbot.waitSignal(menu.open_requested) as opened:
        menu.actions()[0].trigger()
    assert opened.args == [here]

    menu.actions()[1].trigger()
    assert answered_questions == ["Workbook Not Found"]
    assert settings.recent_files() == [here]
    assert menu.actions()[0].text() == "&1 here.hiringdesk"

    next(a for a in menu.actions() if a.text() == "&Clear List").trigger()
    assert settings.recent_files() == []
    assert [a.text() for a in menu.actions()] == ["No recent workbooks"]
