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
    settings.add_recent_workbook(gone)
    settings.add_recent_workbook(here)
    menu = RecentMenu(settings)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&1 here.hiringdesk", "&2 gone.hiringdesk"] and "&Clear List" in texts

    with qtbot.waitSignal(menu.open_requested) as opened:
        menu.actions()[0].trigger()
    assert opened.args == [here]

    menu.actions()[1].trigger()
    assert answered_questions == ["Workbook Not Found"]
    assert settings.recent_workbooks() == [here]
    assert menu.actions()[0].text() == "&1 here.hiringdesk"

    next(a for a in menu.actions() if a.text() == "&Clear List").trigger()
    assert settings.recent_workbooks() == []
    assert [a.text() for a in menu.actions()] == ["No recent workbooks"]


def test_a_team_workbook_is_listed_by_its_url_without_password(qtbot: QtBot) -> None:
    from hiring_desk import paths
    from hiring_desk.services.workbook.locations import server_url

    typed = server_url("db.example.com", "hiring", "ann", password="pa55:word")
    settings = Settings()
    settings.add_recent_workbook(typed)
    settings.add_recent_workbook(server_url("db.example.com", "hiring", "ann"))  # the same one
    bare = server_url("db.example.com", "hiring", "ann")
    assert settings.recent_workbooks() == [bare]
    settings.sync()
    assert "pa55" not in paths.settings_file().read_text(encoding="utf-8")

    menu = RecentMenu(settings)
    action = menu.actions()[0]
    assert action.text() == "&1 hiring on db.example.com (team workbook)"
    assert action.toolTip() == "postgresql://ann@db.example.com/hiring?sslmode=require"
    with qtbot.waitSignal(menu.open_requested) as opened:  # not looked for on disk
        action.trigger()
    assert opened.args == [bare]


def test_start_up_reopens_the_last_workbook_only_when_it_was_a_team_one(tmp_path: Path) -> None:
    from hiring_desk.services.workbook.locations import server_url
    from hiring_desk.ui.workbook.recent_menu import last_team_workbook

    settings = Settings()
    assert last_team_workbook(settings) is None
    team = server_url("db.example.com", "hiring", "ann")
    settings.add_recent_workbook(team)
    assert last_team_workbook(settings) == team
    settings.add_recent_workbook(tmp_path / "mine.hiringdesk")
    assert last_team_workbook(settings) is None  # the default workbook opens, as always
