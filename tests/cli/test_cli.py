"""The ``hiring-desk`` command line: version, help, usage, the window, errors, tables."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.cli.cli_setup import CJK_NAME, new_workbook, run, run_process

from hiring_desk import __version__, cli
from hiring_desk.cli.output import Column, display_width, format_table
from hiring_desk.store import Workbook

# -- version, help, usage -------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (0, f"Hiring Desk {__version__}\n", "")
    assert out == "Hiring Desk 0.1.0\n"


def test_version_as_a_process(tmp_path: Path) -> None:
    result = run_process(tmp_path / "home", "--version")
    assert result.returncode == 0
    assert result.stdout == "Hiring Desk 0.1.0\n"


def test_version_imports_neither_qt_nor_the_database(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from hiring_desk.cli import main\n"
        "assert main(['--version']) == 0\n"
        "heavy = ('PySide6', 'sqlalchemy', 'sqlmodel', 'alembic')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print('heavy:', heavy)\n"
    )
    env = dict(os.environ, HIRING_DESK_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "heavy: []"


def test_cli_package_does_not_import_qt() -> None:
    for module in Path(cli.__file__).parent.glob("*.py"):
        assert "PySide6" not in module.read_text(encoding="utf-8"), module.name


@pytest.mark.parametrize(
    "argv", [["--help"], ["demo", "--help"], ["check", "--help"], ["list", "--help"]]
)
def test_help_for_every_command(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "--workbook" in out
    if argv == ["--help"]:
        for name in ("demo", "check", "list"):
            assert name in out
    if argv[0] == "list":
        for kind in ("roles", "candidates", "interviews", "offers", "--json"):
            assert kind in out


@pytest.mark.parametrize("argv", [["demo"], ["check"], ["list", "roles"]])
def test_workbook_is_required(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "--workbook" in err
    assert "required" in err


def test_unknown_list_kind_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = new_workbook(tmp_path / "wb.hiringdesk")
    code, _, err = run(capsys, "list", "pets", "--workbook", path)
    assert code == 2
    assert "pets" in err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2
    assert "frobnicate" in err


# -- the window -----------------------------------------------------------------------


def test_no_display_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    code, out, err = run(capsys)
    assert code == 1
    assert out == ""
    assert err.startswith("hiring-desk: no display") and err.count("\n") == 1


def test_no_command_opens_the_window(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None]
) -> None:
    assert (
        run(
            capsys,
        )[0]
        == 0
    )
    assert fake_gui == [None]


def test_no_command_opens_the_window_on_the_given_workbook(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None], tmp_path: Path
) -> None:
    path = tmp_path / "mine.hiringdesk"
    assert run(capsys, "--workbook", path)[0] == 0
    assert fake_gui == [path]


# -- failures -------------------------------------------------------------------------


def test_unexpected_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], populated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hiring_desk.services.candidates.candidate_records as candidates

    def explode(workbook: Workbook, search: str = "") -> list[object]:
        raise RuntimeError("boom\nand a second line")

    monkeypatch.setattr(candidates, "list_candidates", explode)
    code, out, err = run(capsys, "list", "candidates", "--workbook", populated)
    assert (code, out) == (1, "")
    assert err == "hiring-desk: unexpected error: RuntimeError: boom\n"
    Workbook.open(populated).close()  # closed despite the error


def test_service_errors_show_their_message(
    capsys: pytest.CaptureFixture[str], populated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hiring_desk.services.roles.role_records as roles
    from hiring_desk.services.common.errors import NotFoundError

    def missing(workbook: Workbook) -> list[object]:
        raise NotFoundError("That role was deleted.")

    monkeypatch.setattr(roles, "list_roles", missing)
    code, _, err = run(capsys, "list", "roles", "--workbook", populated)
    assert code == 1
    assert err == "hiring-desk: That role was deleted.\n"


def test_os_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], fake_gui: list[Path | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(workbook: Path | None) -> int:
        raise PermissionError(13, "Permission denied", "/somewhere/locked.hiringdesk")

    monkeypatch.setattr(sys.modules["hiring_desk.app"], "run_gui", denied)
    code, _, err = run(
        capsys,
    )
    assert code == 1
    assert err == "hiring-desk: locked.hiringdesk: Permission denied\n"


def test_interrupt_exits_quietly(
    capsys: pytest.CaptureFixture[str], populated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hiring_desk.services.offers.offer_records as offers

    def interrupted(workbook: Workbook) -> list[object]:
        raise KeyboardInterrupt

    monkeypatch.setattr(offers, "list_offers", interrupted)
    assert run(capsys, "list", "offers", "--workbook", populated) == (130, "", "")


# -- text tables ----------------------------------------------------------------------


def test_display_width() -> None:
    assert display_width("abc") == 3
    assert display_width(CJK_NAME) == 8
    assert display_width("ｶﾀｶﾅ") == 4  # half-width katakana
    assert display_width("e\u0301") == 1  # e + combining acute accent
    assert display_width("") == 0


def test_format_table_aligns_by_display_width() -> None:
    columns = [Column("Name"), Column("N", right=True), Column("Note")]
    rows: Sequence[Sequence[str]] = [["漢字", "5", "a"], ["ab", "123", "multi\nline"]]
    lines = format_table(columns, rows).splitlines()
    assert lines == [
        "Name    N  Note",
        "----  ---  ----------",
        "漢字    5  a",
        "ab    123  multi line",
    ]
    assert all(line == line.rstrip() for line in lines)
