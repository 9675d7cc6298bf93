"""``print pack`` on the demo workbook: by role, by named candidates, for one interview."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.pdf_helpers import pdf_words

SENIOR = "Senior Backend Developer"


def candidate_ids(capsys: pytest.CaptureFixture[str], demo: Path) -> dict[str, int]:
    code, out, _ = run(capsys, "list", "candidates", "--workbook", demo, "--json")
    assert code == 0
    return {row["name"]: row["id"] for row in json.loads(out)}


def print_pack(
    capsys: pytest.CaptureFixture[str], workbook: Path, out: Path, *argv: str | int
) -> tuple[int, str, str]:
    """``print pack --workbook WORKBOOK ARGV --out OUT`` in this process."""
    return run(capsys, "print", "pack", "--workbook", workbook, *argv, "--out", out)


def test_print_pack_for_the_senior_role(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pack.pdf"
    code, stdout, err = print_pack(capsys, demo, out, "--role", SENIOR)
    assert (code, err) == (0, "")
    assert stdout == f"Wrote the interview pack for 3 candidates to {out}\n"
    text = pdf_words(out)
    for name in ("김민준", "Αλέξανδρος Παπαδόπουλος", "Oluwaseun Adeyemi"):
        assert name in text
    assert "Strong yes" in text and "Confidential: contains personal data." in text


def test_print_pack_for_named_candidates(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    ids = candidate_ids(capsys, demo)
    out = tmp_path / "pack.pdf"
    code, stdout, err = print_pack(
        capsys,
        demo,
        out,
        "--role",
        "Backend Developer",
        "--candidate",
        ids["王磊"],
        "--candidate",
        ids["Ирина Соколова"],
    )
    assert (code, err) == (0, "")
    assert stdout.startswith("Wrote the interview pack for 2 candidates")
    text = pdf_words(out)
    assert "王磊" in text and "Ирина Соколова" in text
    assert "Zoë Lambert" not in text, "only the candidates named"


def test_a_candidate_who_did_not_apply_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    ids = candidate_ids(capsys, demo)
    out = tmp_path / "pack.pdf"
    code, stdout, err = print_pack(capsys, demo, out, "--role", SENIOR, "--candidate", ids["王磊"])
    assert code == 1 and stdout == ""
    assert f"王磊 (id {ids['王磊']}) did not apply to '{SENIOR}'" in err
    assert err.count("\n") == 1, "one line on stderr"
    assert not out.exists()


def test_print_pack_for_one_interview(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    code, listed, _ = run(capsys, "list", "interviews", "--workbook", demo, "--json")
    assert code == 0
    booked = next(row for row in json.loads(listed) if row["status"] == "scheduled")
    out = tmp_path / "one.pdf"
    code, stdout, err = print_pack(capsys, demo, out, "--interview", booked["id"])
    assert (code, err) == (0, "")
    assert stdout == f"Wrote the interview pack for 1 candidate to {out}\n"
    assert booked["candidate"] in pdf_words(out)


@pytest.mark.parametrize(
    "argv",
    [
        ("--out", "x.pdf"),  # neither --role nor --interview
        ("--role", SENIOR, "--interview", "1", "--out", "x.pdf"),
        ("--role", SENIOR),  # no --out
        ("--role", SENIOR, "--candidate", "seven", "--out", "x.pdf"),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    code, _, err = run(capsys, "print", "pack", "--workbook", demo, *argv)
    assert code == 2 and "usage" in err
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_role_and_candidate_with_interview(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pack.pdf"
    code, _, err = print_pack(capsys, demo, out, "--role", "Astronaut")
    assert code == 1 and "Astronaut" in err
    code, _, err = print_pack(capsys, demo, out, "--interview", "1", "--candidate", "3")
    assert code == 1 and "--candidate goes with --role" in err
    assert not out.exists()


def test_an_unwritable_destination_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "pack.pdf"
    code, stdout, err = print_pack(capsys, demo, out, "--role", SENIOR)
    assert code == 1 and stdout == ""
    assert "Could not write pack.pdf" in err and err.count("\n") == 1
    assert not [p for p in tmp_path.rglob("*") if "pack" in p.name]


def test_as_a_subprocess(demo: Path, tmp_path: Path) -> None:
    """The installed entry point: exit 0, one line on stdout, nothing on stderr (not a tty)."""
    out = tmp_path / "pack.pdf"
    command = [sys.executable, "-m", "hiring_desk", "print", "pack", "-w", str(demo)]
    done = subprocess.run(
        [*command, "--role", "2", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == f"Wrote the interview pack for 3 candidates to {out}"


def test_a_role_without_a_plan_is_printed_and_stderr_says_how_to_add_one(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.record_checks import CandidateInput
    from hiring_desk.services.pipeline import stage_moves
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.roles.briefs import RoleBrief
    from hiring_desk.store import Workbook

    with Workbook.open(demo) as workbook:
        role = role_records.create_role(workbook, RoleBrief(title="Platform Engineer")).id
        person = candidate_records.create_candidate(workbook, CandidateInput(name="Kim Ode")).id
        stage_moves.move(workbook, stage_moves.apply(workbook, person, role).id, "interview")
    out = tmp_path / "pack.pdf"
    code, stdout, err = print_pack(capsys, demo, out, "--role", "Platform Engineer")
    assert code == 0 and stdout.startswith("Wrote the interview pack for 1 candidate ")
    assert err.startswith(
        "Note: 'Platform Engineer' has no interview plan yet, so the pack has no questions"
    )
    assert "click Interview Plan…" in err and "Use Suggested Questions" in err
    assert err.count("\n") == 1
    _code, _out, senior_err = print_pack(capsys, demo, tmp_path / "senior.pdf", "--role", SENIOR)
    assert senior_err == ""  # a role with a plan prints its questions, with no note
