"""What the command line says when the file or the disk is the trouble (#14.3, #14.8).

A read-only folder or file, a table missing from the workbook: one sentence saying
what is wrong and what to do, never "unexpected error", the SQL or a candidate's
details; and never "integrity check failed" about a healthy workbook.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.services.privacy.privacy_setup import EMAIL, NAME, Person, add_person
from tests.services.workbook.backup_setup import member_names, read_only, workbook_with_members

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.workbook import backups
from hiring_desk.services.workbook.opening import open_workbook
from hiring_desk.store import Workbook
from hiring_desk.store.lock import lock_path_for


def assert_worded(err: str) -> None:
    """One line, in words: no exception type, no SQL, no candidate's details."""
    assert err.startswith("hiring-desk: ") and err.count("\n") == 1
    for leak in ("unexpected error", "Error:", "[SQL", "parameters", "SELECT", "UPDATE"):
        assert leak not in err
    assert NAME not in err and EMAIL not in err


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, Person]:
    path = tmp_path / "folder" / "cli.hiringdesk"
    path.parent.mkdir()
    with Workbook.create(path) as workbook:
        person = add_person(workbook)
    return path, person


# -- a healthy workbook in a read-only folder (#14.3) ------------------------------------------


def test_check_and_backup_work_in_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    path = workbook_with_members(folder / "w.hiringdesk", ["Ada"])
    before = (sorted(p.name for p in folder.iterdir()), path.read_bytes())

    with read_only(folder):
        checked = run(capsys, "check", "--workbook", path)
        backed_up = run(capsys, "backup", "--workbook", path)

    assert checked == (0, "ok\n", "")
    code, out, err = backed_up
    assert (code, err) == (0, "")
    assert [b.path for b in backups.list_backups(path)] == [Path(out.strip())]
    with open_workbook(Path(out.strip())) as copy:
        assert member_names(copy) == ["Ada"]
    assert (sorted(p.name for p in folder.iterdir()), path.read_bytes()) == before


def test_a_backup_into_a_read_only_folder_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = workbook_with_members(tmp_path / "w.hiringdesk", ["Ada"])
    folder = backups.backup_folder(path)
    folder.mkdir(parents=True)
    with read_only(folder):
        code, out, err = run(capsys, "backup", "--workbook", path)
    assert (code, out) == (1, "")
    assert_worded(err)
    assert "could not be backed up" in err and "read-only" in err
    assert "integrity" not in err and "damaged" not in err
    assert run(capsys, "check", "--workbook", path)[:2] == (0, "ok\n")


# -- database errors in words (#14.8) ------------------------------------------------------------


def test_erase_on_a_read_only_workbook(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person]
) -> None:
    path, person = book
    with read_only(path):
        code, _, err = run(capsys, "erase", "candidate", person.candidate_id, "-w", path, "--yes")
    assert code == 1
    assert_worded(err)
    assert err.startswith(f"hiring-desk: {path.name}: ")
    assert "read-only" in err and "copy the workbook to a folder you can write to" in err
    with Workbook.open(path) as workbook:
        assert candidate_records.get_candidate(workbook, person.candidate_id).record.name == NAME


def test_a_workbook_in_a_read_only_folder_is_not_called_damaged(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person]
) -> None:
    path, _person = book
    rows = path.parent.parent / "rows.csv"
    rows.write_text("name\nGrace Hopper\n", encoding="utf-8")
    with read_only(path.parent):
        code, out, err = run(capsys, "import", "candidates", rows, "-w", path)
        assert (code, out) == (1, "")
        assert_worded(err)
        assert "its folder cannot be written to" in err and "damaged" not in err
        # Reading needs no lock file, so it works there (test_read_beside_window).
        code, out, err = run(capsys, "list", "candidates", "-w", path)
        assert (code, err) == (0, "") and NAME in out


def test_a_workbook_missing_a_table(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person]
) -> None:
    path, _person = book
    with Workbook.open(path) as workbook, workbook.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE application")

    code, out, err = run(capsys, "list", "candidates", "-w", path)

    assert (code, out) == (1, "")
    assert_worded(err)
    assert "missing parts" in err and "hiring-desk check" in err and "restore a backup" in err
    code, _, err = run(capsys, "check", "-w", path)
    assert code == 1 and "the table application is missing" in err


def test_a_command_marks_its_lock_as_a_command_line_run(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _person = book
    seen: list[str] = []
    real_list = candidate_records.list_candidates

    def list_and_look(*args: object, **kwargs: object) -> object:
        seen.append(lock_path_for(path).read_text(encoding="ascii"))
        return real_list(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(candidate_records, "list_candidates", list_and_look)
    code, _, _ = run(capsys, "list", "candidates", "-w", path)
    assert code == 0
    assert seen and seen[0].split()[0] == "cli" and seen[0].split()[1].isdigit()
