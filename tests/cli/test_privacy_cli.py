"""``erase candidate`` and ``export candidate``, in process and as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.services.privacy.privacy_setup import EMAIL, NAME, Person, add_person, cv_text

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.privacy import consent_retention
from hiring_desk.store import Workbook


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, Person]:
    path = tmp_path / "cli.hiringdesk"
    with Workbook.create(path) as workbook:
        person = add_person(workbook)
    return path, person


class _Terminal(io.StringIO):
    """Standard input as a terminal where the person types ``answer``."""

    def isatty(self) -> bool:
        return True


def _name(path: Path, candidate_id: int) -> str:
    with Workbook.open(path) as workbook:
        return candidate_records.get_candidate(workbook, candidate_id).record.name


# -- export candidate -------------------------------------------------------------------


def test_export_candidate_writes_the_zip(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person], tmp_path: Path
) -> None:
    path, person = book
    out = tmp_path / "ingrid.zip"
    code, stdout, err = run(
        capsys, "export", "candidate", person.candidate_id, "--workbook", path, "--out", out
    )
    assert (code, err) == (0, "")
    assert stdout.splitlines() == [
        f"Wrote everything held about candidate {person.candidate_id} (1 attached file) to {out}"
    ]
    with zipfile.ZipFile(out) as archive:
        data = json.loads(archive.read("candidate.json"))
        (cv,) = [n for n in archive.namelist() if n.startswith("attachments/")]
        assert archive.read(cv) == cv_text()
    assert (data["candidate"]["name"], data["candidate"]["email"]) == (NAME, EMAIL)


def test_export_candidate_refusals(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person], tmp_path: Path
) -> None:
    path, _person = book
    code, _, err = run(
        capsys, "export", "candidate", "999", "-w", path, "--out", tmp_path / "x.zip"
    )
    assert code == 1 and err.strip() == "hiring-desk: Candidate 999 does not exist."
    code, _, err = run(capsys, "export", "candidate", "1", "-w", path)
    assert code == 2 and "--out" in err
    code, _, err = run(capsys, "export", "candidate", "one", "-w", path, "--out", tmp_path / "x")
    assert code == 2 and "invalid int value" in err
    assert not (tmp_path / "x.zip").exists()


def test_export_help_lists_candidate_apart_from_candidates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, stdout, _ = run(capsys, "export", "--help")
    joined = " ".join(stdout.split())
    assert code == 0
    assert "candidate: everything held about one candidate" in joined
    assert "candidates: candidates (all, or one role's) as CSV" in joined


# -- erase candidate ----------------------------------------------------------------------


def test_erase_with_yes(capsys: pytest.CaptureFixture[str], book: tuple[Path, Person]) -> None:
    path, person = book
    code, stdout, err = run(capsys, "erase", "candidate", person.candidate_id, "-w", path, "--yes")
    assert (code, err) == (0, "")
    lines = stdout.splitlines()
    assert lines[0] == f"Erased the personal data of candidate {person.candidate_id}."
    assert lines[1].startswith("A backup taken just before is at ")
    assert Path(lines[1].rsplit(" at ", 1)[1]).exists()
    assert _name(path, person.candidate_id) == f"Erased candidate #{person.candidate_id}"
    assert NAME not in stdout and EMAIL not in stdout
    # A second time: refused, with the reason.
    code, _, err = run(capsys, "erase", "candidate", person.candidate_id, "-w", path, "--yes")
    assert code == 1 and "already erased" in err


def test_erase_asks_in_a_terminal(
    capsys: pytest.CaptureFixture[str],
    book: tuple[Path, Person],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, person = book
    monkeypatch.setattr(sys, "stdin", _Terminal("no\n"))
    code, stdout, err = run(capsys, "erase", "candidate", person.candidate_id, "-w", path)
    assert code == 1 and err.strip() == "hiring-desk: nothing was erased"
    assert f"Erase the personal data of {NAME} (candidate {person.candidate_id})?" in stdout
    assert "Type 'yes' to erase:" in stdout
    assert _name(path, person.candidate_id) == NAME

    monkeypatch.setattr(sys, "stdin", _Terminal("yes\n"))
    code, stdout, err = run(capsys, "erase", "candidate", person.candidate_id, "-w", path)
    assert (code, err) == (0, "")
    assert _name(path, person.candidate_id) == f"Erased candidate #{person.candidate_id}"


def test_erase_refuses_without_a_terminal_or_yes(
    capsys: pytest.CaptureFixture[str],
    book: tuple[Path, Person],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, person = book
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))  # a pipe, not a person
    code, stdout, err = run(capsys, "erase", "candidate", person.candidate_id, "-w", path)
    assert code == 1 and stdout == ""
    assert "not erasing without confirmation" in err and "--yes" in err
    assert _name(path, person.candidate_id) == NAME


def test_erase_unknown_candidate_and_usage(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, Person]
) -> None:
    path, _person = book
    code, _, err = run(capsys, "erase", "candidate", "999", "-w", path, "--yes")
    assert code == 1 and err.strip() == "hiring-desk: Candidate 999 does not exist."
    code, _, err = run(capsys, "erase", "-w", path)
    assert code == 2 and "usage:" in err
    code, _, err = run(capsys, "erase", "candidate", "1")
    assert code == 2 and "--workbook" in err


def test_erase_as_a_subprocess_without_a_terminal(book: tuple[Path, Person]) -> None:
    """The real command: stdin is not a terminal, so it refuses; with --yes it erases."""
    path, person = book
    command = [sys.executable, "-m", "hiring_desk", "erase", "candidate", str(person.candidate_id)]
    refused = subprocess.run(
        [*command, "--workbook", str(path)],
        input="yes\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = subprocess.run(
        [*command, "--workbook", str(path), "--yes"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert NAME.encode() not in path.read_bytes() and EMAIL.encode() not in path.read_bytes()
    with Workbook.open(path) as workbook:
        assert consent_retention.privacy_info(workbook, person.candidate_id).is_erased
