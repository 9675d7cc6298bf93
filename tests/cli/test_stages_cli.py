"""``stages ROLE_ID``: list a role's stages, add, rename, hide, remove and copy its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_setup import assert_one_line_failure, run

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import role_stages, stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook


@pytest.fixture
def two_roles(tmp_path: Path) -> tuple[Path, int, int]:
    path = tmp_path / "stages.hiringdesk"
    workbook = Workbook.create(path)
    try:
        role = role_records.create_role(workbook, RoleBrief(title="Backend Developer")).id
        other = role_records.create_role(workbook, RoleBrief(title="Designer")).id
        for name in ("Ada", "Bo"):
            candidate = candidate_records.create_candidate(workbook, CandidateInput(name=name))
            application = stage_moves.apply(workbook, candidate.id, role)
            stage_moves.move(workbook, application.id, "interview")
    finally:
        workbook.close()
    return path, role, other


def _names(path: Path, role_id: int) -> list[tuple[str, str, bool, int]]:
    workbook = Workbook.open(path)
    try:
        return [
            (s.phase.value, s.name, s.hidden, s.applications)
            for s in role_stages.stages(workbook, role_id)
        ]
    finally:
        workbook.close()


def test_stages_lists_the_standard_pipeline(
    capsys: pytest.CaptureFixture[str], two_roles: tuple[Path, int, int]
) -> None:
    path, role, _other = two_roles
    code, out, err = run(capsys, "stages", "--workbook", path, role)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Phase", "Stage", "Hidden", "Applications"]
    assert lines[4].split() == ["Interview", "Interview", "2"]
    assert len(lines) == 2 + 8


def test_add_rename_hide_and_remove(
    capsys: pytest.CaptureFixture[str], two_roles: tuple[Path, int, int]
) -> None:
    path, role, _other = two_roles
    code, out, err = run(
        capsys, "stages", "-w", path, role, "add", "Take-home test", "--phase", "Interview"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Added Interview: Take-home test\n")
    run(capsys, "stages", "-w", path, role, "add", "Technical", "--phase", "interview",
        "--after", "interview")  # fmt: skip
    interview = [n for n in _names(path, role) if n[0] == "interview"]
    assert [n[1] for n in interview] == ["Interview", "Technical", "Take-home test"]

    assert run(capsys, "stages", "-w", path, role, "rename", "technical", "Pairing")[0] == 0
    assert run(capsys, "stages", "-w", path, role, "hide", "Screening")[0] == 0
    assert ("screening", "Screening", True, 0) in _names(path, role)

    code, out, err = run(
        capsys, "stages", "-w", path, role, "remove", "Interview", "--to", "Pairing"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Removed Interview; moved 2 applications\n")
    assert ("interview", "Pairing", False, 2) in _names(path, role)


def test_copy_from_another_role(
    capsys: pytest.CaptureFixture[str], two_roles: tuple[Path, int, int]
) -> None:
    path, role, other = two_roles
    run(capsys, "stages", "-w", path, other, "add", "References", "--phase", "shortlisted")
    code, _out, err = run(capsys, "stages", "-w", path, role, "copy", "--from", other)
    assert (code, err) == (0, "")
    assert ("shortlisted", "References", False, 0) in _names(path, role)
    assert ("interview", "Interview", False, 2) in _names(path, role)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("add", "Lunch", "--phase", "Hired"), "Phase: must be one of"),
        (("add", "Lunch", "--phase", "Interview", "--after", "Nope"), "no stage of Interview"),
        (("rename", "Nope", "Other"), "has no stage called 'Nope'"),
        (("hide", "Interview"), "2 applications are at Interview"),
        (("add", "Screening", "--phase", "Interview"), "already has a stage called"),
    ],
)
def test_refusals_are_one_line(
    capsys: pytest.CaptureFixture[str],
    two_roles: tuple[Path, int, int],
    argv: tuple[str, ...],
    words: str,
) -> None:
    path, role, _other = two_roles
    before = _names(path, role)
    code, _out, err = run(capsys, "stages", "-w", path, role, *argv)
    assert code == 1 and words in err
    assert_one_line_failure(err)
    assert _names(path, role) == before  # nothing half-saved
