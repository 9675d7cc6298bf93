"""``hiring-desk team add|list|set-role|remove`` on a team workbook on a real server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.cli_setup import new_workbook, run
from tests.team_logins import Team


def test_add_list_set_role_and_remove(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    login = f"{team.database}_kim"
    code, out, err = run(
        capsys, "team", "add", "Kim Park", "--login", login, "--role", "interviewer",
        "--workbook", team.owner_url,
    )  # fmt: skip
    assert code == 0, err
    assert f"Added Kim Park as Interviewer, signing in as {login}" in out
    assert "One-time password: " in out

    code, out, err = run(capsys, "team", "--workbook", team.owner_url, "list", "--json")
    assert code == 0, err
    people = {p["login"]: p for p in json.loads(out)}
    assert people[login]["role"] == "interviewer" and people[login]["removed"] is False
    assert people[team.logins["hiring_manager"]]["name"] == "Tomás Ó Briain"

    code, out, err = run(capsys, "team", "set-role", login, "hiring_manager", "-w", team.owner_url)
    assert (code, out.strip()) == (0, f"Kim Park ({login}) is now Hiring manager"), err

    code, out, err = run(capsys, "team", "remove", login, "-w", team.owner_url)
    assert code == 0 and "their history stays" in out, err
    code, out, _ = run(capsys, "team", "list", "-w", team.owner_url)
    row = next(line for line in out.splitlines() if login in line)
    assert "Hiring manager" in row and "removed" in row


def test_team_commands_are_refused_in_words(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "team", "add", "Eve", "--login", f"{team.database}_eve", "--role", "admin",
        "-w", team.url("recruiter"),
    )  # fmt: skip
    assert code == 1 and "don't have permission to administer the team" in err
    code, _out, err = run(
        capsys, "team", "add", "Eve", "--login", "eve", "--role", "boss", "-w", team.owner_url
    )
    assert code == 1 and "must be one of admin, recruiter, hiring_manager, interviewer" in err
    code, _out, err = run(capsys, "team", "list")
    assert code == 2 and "--workbook URL is required" in err
    solo = new_workbook(tmp_path / "solo.hiringdesk")
    code, _out, err = run(capsys, "team", "list", "-w", solo)
    assert code == 1 and "no sign-in" in err
