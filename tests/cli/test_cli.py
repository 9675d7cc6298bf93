"""The ``hiring-desk`` command line: in-process through ``main`` and as real processes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tests.cli.cli_setup import run

from hiring_desk import __version__, cli
from hiring_desk.cli.output import Column, display_width, format_table
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    Offer,
    Role,
    TeamMember,
)

CJK_NAME = "山田太郎"


# -- helpers --------------------------------------------------------------------------


def run_process(home: Path, *argv: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m hiring_desk argv`` as a real process with a private data folder."""
    env = dict(os.environ)
    env["HIRING_DESK_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-m", "hiring_desk", *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


def assert_one_line_failure(err: str) -> None:
    assert err.startswith("hiring-desk: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1


def new_workbook(path: Path) -> Path:
    Workbook.create(path).close()
    return path


@pytest.fixture
def populated(tmp_path: Path) -> Path:
    """A closed workbook with two roles, three candidates, an interview and an offer."""
    path = tmp_path / "populated.hiringdesk"
    with Workbook.create(path) as wb, wb.transaction() as s:
        manager = TeamMember(name="Dana Scully", title="Head of Engineering")
        s.add(manager)
        s.flush()
        backend = Role(
            title="Backend Engineer",
            status="open",
            headcount=2,
            target_date=date(2026, 12, 31),
            location="Berlin",
            hiring_manager_id=manager.id,
        )
        designer = Role(title="Designer", status="draft")
        s.add_all([backend, designer])
        s.flush()
        ada = Candidate(
            name="Ada Lovelace", email="ada@example.com", source="linkedin", location="London"
        )
        taro = Candidate(name=CJK_NAME, email="taro@example.jp", source="referral")
        zoe = Candidate(name="Zoë Noapp", email="zoe@example.org")
        s.add_all([ada, taro, zoe])
        s.flush()
        assert backend.id is not None and ada.id is not None and taro.id is not None
        ada_app = Application(candidate_id=ada.id, role_id=backend.id, stage="interview")
        taro_app = Application(candidate_id=taro.id, role_id=backend.id, stage="offer")
        s.add_all([ada_app, taro_app])
        s.flush()
        assert ada_app.id is not None and taro_app.id is not None
        s.add(
            Interview(
                application_id=ada_app.id,
                round_name="Technical",
                starts_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
                timezone="Europe/Berlin",
                duration_minutes=90,
            )
        )
        s.add(
            Offer(
                application_id=taro_app.id,
                salary_minor=6_500_000,
                currency="EUR",
                pay_period="year",
                start_date=date(2027, 1, 4),
            )
        )
    return path


def table_lines(out: str) -> list[str]:
    lines = out.splitlines()
    assert len(lines) >= 2
    assert set(lines[1].replace(" ", "")) == {"-"}  # the rule under the header
    return lines


def column_start(line: str, text: str) -> int:
    """The display column where ``text`` starts in ``line``."""
    return display_width(line[: line.index(text)])


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


# -- check ----------------------------------------------------------------------------


def test_check_a_healthy_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "fresh.hiringdesk")
    before = path.read_bytes()
    assert run(capsys, "check", "--workbook", path) == (0, "ok\n", "")
    assert path.read_bytes() == before


def test_check_a_populated_workbook(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    assert run(capsys, "check", "--workbook", populated) == (0, "ok\n", "")


def test_check_works_while_the_workbook_is_open(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    with Workbook.open(populated):
        assert run(capsys, "check", "--workbook", populated) == (0, "ok\n", "")


def test_check_a_text_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.hiringdesk"
    path.write_text("not a workbook\n" * 20, encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "check", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "notes.hiringdesk" in err
    assert "not a Hiring Desk workbook" in err
    assert path.read_bytes() == before


def test_check_a_foreign_sqlite_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO things (name) VALUES ('x')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, out, err = run(capsys, "check", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "other.db" in err
    assert "application id" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_check_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--workbook", tmp_path / "nowhere.hiringdesk")
    assert code == 1
    assert_one_line_failure(err)
    assert "does not exist" in err
    assert not (tmp_path / "nowhere.hiringdesk").exists()


def test_check_reports_problems_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = new_workbook(tmp_path / "broken.hiringdesk")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO application (candidate_id, role_id, stage, closed_reason,"
        " applied_at, updated_at) VALUES (99, 98, 'applied', '', '2026-01-01',"
        " '2026-01-01')"
    )
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "check", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "broken.hiringdesk" in err
    assert "foreign key" in err


def test_check_as_a_process(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "fresh.hiringdesk")
    result = run_process(tmp_path / "home", "check", "--workbook", path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "ok\n", "")

    text = tmp_path / "text.hiringdesk"
    text.write_text("hello", encoding="utf-8")
    result = run_process(tmp_path / "home", "check", "--workbook", text)
    assert (result.returncode, result.stdout) == (1, "")
    assert_one_line_failure(result.stderr)
    assert text.read_text(encoding="utf-8") == "hello"


# -- list -----------------------------------------------------------------------------


def test_list_roles(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "roles", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    assert lines[0].split() == [
        "ID",
        "Title",
        "Status",
        "Headcount",
        "Candidates",
        "Target",
        "date",
        "Location",
        "Hiring",
        "manager",
    ]
    assert len(lines) == 4
    backend = next(line for line in lines if "Backend Engineer" in line)
    for text in ("Open", "2026-12-31", "Berlin", "Dana Scully"):
        assert text in backend
    assert "Draft" in next(line for line in lines if "Designer" in line)


def test_list_roles_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "roles", "--workbook", populated, "--json")
    assert code == 0
    roles = json.loads(out)
    assert [r["title"] for r in roles] == ["Backend Engineer", "Designer"]
    backend, designer = roles
    assert set(backend) == {
        "id",
        "title",
        "status",
        "headcount",
        "candidate_count",
        "target_date",
        "location",
        "hiring_manager",
    }
    assert isinstance(backend["id"], int)
    assert backend["status"] == "open"
    assert backend["headcount"] == 2
    assert backend["candidate_count"] == 2
    assert backend["target_date"] == "2026-12-31"
    assert backend["hiring_manager"] == "Dana Scully"
    assert designer["status"] == "draft"
    assert designer["target_date"] is None
    assert designer["candidate_count"] == 0


def test_list_candidates(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "candidates", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    header = lines[0]
    assert header.split() == ["ID", "Name", "Email", "Stage", "Role", "Source", "Location"]
    assert len(lines) == 5
    ada = next(line for line in lines if "Ada Lovelace" in line)
    taro = next(line for line in lines if CJK_NAME in line)
    zoe = next(line for line in lines if "Zoë Noapp" in line)
    assert "Interview" in ada and "Backend Engineer" in ada and "LinkedIn" in ada
    assert "Offer" in taro and "Referral" in taro
    # Columns line up on screen although the CJK name takes two columns per character.
    for row, email in ((ada, "ada@"), (taro, "taro@"), (zoe, "zoe@")):
        assert column_start(row, email) == column_start(header, "Email")
    assert column_start(ada, "Interview") == column_start(taro, "Offer")
    assert column_start(ada, "Interview") == column_start(header, "Stage")


def test_list_candidates_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "candidates", "--workbook", populated, "--json")
    assert code == 0
    assert CJK_NAME in out  # not \u-escaped
    candidates = {c["name"]: c for c in json.loads(out)}
    assert set(candidates) == {"Ada Lovelace", CJK_NAME, "Zoë Noapp"}
    for c in candidates.values():
        assert {"id", "name", "email", "stage"} <= set(c)
        assert isinstance(c["id"], int)
    ada = candidates["Ada Lovelace"]
    assert ada["email"] == "ada@example.com"
    assert ada["stage"] == "interview"
    assert ada["role"] == "Backend Engineer"
    assert ada["source"] == "linkedin"
    assert ada["location"] == "London"
    assert candidates[CJK_NAME]["stage"] == "offer"
    assert candidates["Zoë Noapp"]["stage"] is None
    assert candidates["Zoë Noapp"]["role"] is None


def test_list_interviews(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "interviews", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    assert lines[0].split()[:4] == ["ID", "Starts", "Time", "zone"]
    assert len(lines) == 3
    row = lines[2]
    # 09:00 UTC shown in the interview's own time zone, with its offset.
    assert "2026-11-30T10:00+01:00" in row
    for text in (
        "Europe/Berlin",
        "90 min",
        "Ada Lovelace",
        "Backend Engineer",
        "Technical",
        "Scheduled",
    ):
        assert text in row


def test_list_interviews_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "interviews", "--workbook", populated, "--json")
    assert code == 0
    [interview] = json.loads(out)
    assert {"id", "candidate_id", "role_id", "starts_at"} <= set(interview)
    assert interview["starts_at"] == "2026-11-30T09:00:00+00:00"
    starts = datetime.fromisoformat(interview["starts_at"])
    assert starts.utcoffset() == timedelta(0)
    assert interview["timezone"] == "Europe/Berlin"
    assert interview["duration_minutes"] == 90
    assert interview["status"] == "scheduled"
    assert interview["round"] == "Technical"
    assert interview["candidate"] == "Ada Lovelace"
    assert interview["role"] == "Backend Engineer"
    candidates = json.loads(run(capsys, "list", "candidates", "--workbook", populated, "--json")[1])
    roles = json.loads(run(capsys, "list", "roles", "--workbook", populated, "--json")[1])
    assert interview["candidate_id"] == next(
        c["id"] for c in candidates if c["name"] == "Ada Lovelace"
    )
    assert interview["role_id"] == next(r["id"] for r in roles if r["title"] == "Backend Engineer")


def test_list_offers(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, err = run(capsys, "list", "offers", "--workbook", populated)
    assert (code, err) == (0, "")
    lines = table_lines(out)
    assert lines[0].split() == [
        "ID",
        "Candidate",
        "Role",
        "Status",
        "Salary",
        "Period",
        "Start",
        "date",
    ]
    row = lines[2]
    for text in (CJK_NAME, "Backend Engineer", "Draft", "65,000.00 EUR", "per year", "2027-01-04"):
        assert text in row


def test_list_offers_json(capsys: pytest.CaptureFixture[str], populated: Path) -> None:
    code, out, _ = run(capsys, "list", "offers", "--workbook", populated, "--json")
    assert code == 0
    [offer] = json.loads(out)
    assert {"id", "candidate_id", "role_id", "status"} <= set(offer)
    assert offer["status"] == "draft"
    assert offer["candidate"] == CJK_NAME
    assert offer["role"] == "Backend Engineer"
    assert offer["salary_minor"] == 6_500_000
    assert offer["salary"] == "65000.00"
    assert offer["currency"] == "EUR"
    assert offer["pay_period"] == "year"
    assert offer["start_date"] == "2027-01-04"
    assert isinstance(offer["candidate_id"], int) and isinstance(offer["role_id"], int)


@pytest.mark.parametrize("kind", ["roles", "candidates", "interviews", "offers"])
def test_list_an_empty_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    path = new_workbook(tmp_path / "empty.hiringdesk")
    code, out, err = run(capsys, "list", kind, "--workbook", path, "--json")
    assert (code, json.loads(out), err) == (0, [], "")
    code, out, err = run(capsys, "list", kind, "--workbook", path)
    assert (code, err) == (0, "")
    assert len(table_lines(out)) == 2  # the header and its rule only


def test_list_leaves_the_workbook_closed(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    assert run(capsys, "list", "roles", "--workbook", populated)[0] == 0
    Workbook.open(populated).close()  # would say "already open" if the lock were kept


def test_list_a_workbook_open_elsewhere(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    with Workbook.open(populated):
        code, out, err = run(capsys, "list", "candidates", "--workbook", populated)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert populated.name in err
    assert "already open" in err


def test_list_a_text_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n", encoding="utf-8")
    code, out, err = run(capsys, "list", "roles", "--workbook", path, "--json")
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "notes.txt" in err
    assert path.read_text(encoding="utf-8") == "hello\n"


def test_list_candidates_json_as_a_process(tmp_path: Path, populated: Path) -> None:
    result = run_process(tmp_path / "home", "list", "candidates", "--workbook", populated, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    names = {c["name"] for c in json.loads(result.stdout)}
    assert names == {"Ada Lovelace", CJK_NAME, "Zoë Noapp"}


# -- demo -----------------------------------------------------------------------------


def test_demo_creates_a_workbook_that_checks_and_lists(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "demo.hiringdesk"
    code, out, err = run(capsys, "demo", "--workbook", path)
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert out.startswith("Created demo workbook ")
    assert "demo.hiringdesk" in out
    assert path.is_file()
    assert run(capsys, "check", "--workbook", path) == (0, "ok\n", "")
    for kind in ("roles", "candidates"):
        code, out, _ = run(capsys, "list", kind, "--workbook", path, "--json")
        assert code == 0
        assert json.loads(out), f"the demo workbook has no {kind}"
    Workbook.open(path).close()  # the demo command closed (and unlocked) it


def test_demo_uses_the_path_exactly_as_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "no-suffix"
    assert run(capsys, "demo", "--workbook", path)[0] == 0
    assert path.is_file()
    assert not path.with_suffix(".hiringdesk").exists()


def test_demo_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "precious.hiringdesk"
    path.write_bytes(b"my precious data")
    code, out, err = run(capsys, "demo", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "precious.hiringdesk" in err
    assert "already exists" in err
    assert path.read_bytes() == b"my precious data"


def test_demo_refuses_to_overwrite_a_workbook(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    before = populated.read_bytes()
    code, _, err = run(capsys, "demo", "--workbook", populated)
    assert code == 1
    assert_one_line_failure(err)
    assert populated.read_bytes() == before


def test_demo_as_a_process(tmp_path: Path) -> None:
    path = tmp_path / "demo.hiringdesk"
    result = run_process(tmp_path / "home", "demo", "--workbook", path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Created demo workbook ")
    assert path.is_file()
    again = run_process(tmp_path / "home", "demo", "--workbook", path)
    assert again.returncode == 1
    assert_one_line_failure(again.stderr)


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
    from hiring_desk.services.errors import NotFoundError

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
