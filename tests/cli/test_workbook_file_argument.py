"""``hiring-desk FILE``: how the .desktop entry (Exec=hiring-desk %f) opens a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_setup import run


def test_a_workbook_path_opens_the_window_on_it(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None], tmp_path: Path
) -> None:
    path = tmp_path / "Spring hiring.hiringdesk"  # need not exist: the window says so
    assert run(capsys, path) == (0, "", "")
    assert fake_gui == [path]


def test_an_existing_file_with_another_suffix_is_taken_as_the_workbook(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None], tmp_path: Path
) -> None:
    path = tmp_path / "renamed.db"
    path.write_bytes(b"")
    assert run(capsys, path)[0] == 0
    assert fake_gui == [path]


def test_the_suffix_is_matched_without_regard_to_case(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None]
) -> None:
    assert run(capsys, "TEAM.HIRINGDESK")[0] == 0
    assert fake_gui == [Path("TEAM.HIRINGDESK")]


def test_a_command_name_stays_a_command_even_when_a_file_has_that_name(
    capsys: pytest.CaptureFixture[str],
    fake_gui: list[Path | None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "check").write_text("not a workbook", encoding="utf-8")
    code, out, err = run(capsys, "check")
    assert code == 2 and out == ""
    assert "--workbook" in err and "required" in err
    assert fake_gui == []


def test_commands_with_their_options_are_unchanged(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None], tmp_path: Path
) -> None:
    path = tmp_path / "demo.hiringdesk"
    assert run(capsys, "demo", "--workbook", path)[0] == 0
    assert run(capsys, "check", "--workbook", path) == (0, "ok\n", "")
    assert fake_gui == []


def test_a_mistyped_command_is_still_a_usage_error(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None]
) -> None:
    code, _, err = run(capsys, "lsit")
    assert code == 2
    assert "invalid choice" in err and "lsit" in err
    assert fake_gui == []


@pytest.mark.parametrize("option", [["--workbook", "a.hiringdesk"], ["-wa.hiringdesk"]])
def test_a_file_and_the_option_together_are_refused(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None], option: list[str]
) -> None:
    code, out, err = run(capsys, *option, "b.hiringdesk")
    assert code == 2 and out == ""
    assert "give the workbook once" in err and "b.hiringdesk" in err
    assert fake_gui == []


def test_anything_after_the_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None]
) -> None:
    code, _, err = run(capsys, "a.hiringdesk", "b.hiringdesk")
    assert code == 2 and "b.hiringdesk" in err
    assert fake_gui == []


def test_the_help_names_the_file_form(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "hiring-desk FILE.hiringdesk" in " ".join(out.split())
