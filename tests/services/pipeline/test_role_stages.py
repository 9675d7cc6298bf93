"""A role's own stages inside the fixed phases: moves, renames, removal, hiding, copying."""

from __future__ import annotations

import pytest

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.pipeline import board, role_stage_edits, role_stages, stage_moves
from hiring_desk.services.pipeline.role_stage_edits import StageEditRefusedError
from hiring_desk.services.pipeline.role_stages import StageInfo
from hiring_desk.services.pipeline.stage_moves import MoveRefusedError
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook


def _role(workbook: Workbook, title: str = "Backend Developer") -> int:
    return role_records.create_role(workbook, RoleBrief(title=title)).id


def _apply(workbook: Workbook, role_id: int, name: str) -> tuple[int, int]:
    candidate_id = candidate_records.create_candidate(workbook, CandidateInput(name=name)).id
    return candidate_id, stage_moves.apply(workbook, candidate_id, role_id).id


def _stage(workbook: Workbook, role_id: int, name: str) -> StageInfo:
    return next(s for s in role_stages.stages(workbook, role_id) if s.name == name)


def _interview_steps(workbook: Workbook, role_id: int) -> StageInfo:
    role_stage_edits.add_stage(workbook, role_id, "Take-home test", Stage.INTERVIEW)
    return role_stage_edits.add_stage(
        workbook, role_id, "Technical interview", Stage.INTERVIEW, after="Take-home test"
    )


def test_a_role_without_its_own_stages_is_unchanged(workbook: Workbook) -> None:
    role_id = _role(workbook)
    candidate_id, application_id = _apply(workbook, role_id, "Ada")
    listed = role_stages.stages(workbook, role_id)
    assert [s.key for s in listed] == [s.value for s in Stage]
    assert [s.name for s in listed] == [s.label for s in Stage]
    moved = stage_moves.move(workbook, application_id, "screening")
    assert moved.stage_label == "Screening"
    assert [c.key for c in board.board(workbook, role_id)] == [s.value for s in Stage]
    assert stage_moves.timeline(workbook, candidate_id)[0].description == "Applied → Screening"
    with pytest.raises(MoveRefusedError, match="already at Screening"):
        stage_moves.move(workbook, application_id, "screening")


def test_add_places_stages_inside_their_phase(workbook: Workbook) -> None:
    role_id = _role(workbook)
    _interview_steps(workbook, role_id)
    role_stage_edits.add_stage(
        workbook, role_id, "Warm-up call", Stage.INTERVIEW, after="Interview"
    )
    names = [s.name for s in role_stages.stages(workbook, role_id) if s.phase is Stage.INTERVIEW]
    assert names == ["Interview", "Warm-up call", "Take-home test", "Technical interview"]
    with pytest.raises(ValidationError, match="already has a stage called"):
        role_stage_edits.add_stage(workbook, role_id, "take-home TEST", Stage.SCREENING)
    with pytest.raises(ValidationError, match="no stage of Interview"):
        role_stage_edits.add_stage(workbook, role_id, "Lunch", Stage.INTERVIEW, after="Nope")
    with pytest.raises(ValidationError, match="Applied to Offer"):
        role_stage_edits.add_stage(workbook, role_id, "Onboarding", Stage.HIRED)


def test_moves_within_a_phase_are_allowed_and_across_follow_the_rules(workbook: Workbook) -> None:
    role_id = _role(workbook)
    candidate_id, application_id = _apply(workbook, role_id, "Ada")
    technical = _interview_steps(workbook, role_id)
    take_home = _stage(workbook, role_id, "Take-home test")
    stage_moves.move(workbook, application_id, take_home.key)
    moved = stage_moves.move(workbook, application_id, technical.key)
    assert (moved.stage, moved.step) == ("interview", "Technical interview")
    assert moved.stage_label == "Interview: Technical interview"
    # Backward inside the phase too, but not to where it is.
    stage_moves.move(workbook, application_id, take_home.key)
    with pytest.raises(MoveRefusedError, match="already at Take-home test"):
        stage_moves.move(workbook, application_id, take_home.key)
    # Across phases, the phase rules: no hire before an offer.
    with pytest.raises(MoveRefusedError, match="Offer stage"):
        stage_moves.move(workbook, application_id, "hired")
    descriptions = [e.description for e in stage_moves.timeline(workbook, candidate_id)]
    assert descriptions[:3] == [
        "Interview: Technical interview → Take-home test",
        "Interview: Take-home test → Technical interview",
        "Applied → Interview: Take-home test",
    ]
    allowed = [s.name for s in stage_moves.allowed_steps(workbook, application_id)]
    assert "Technical interview" in allowed and "Take-home test" not in allowed
    assert "Hired" not in allowed and "Rejected" in allowed


def test_a_closed_application_does_not_move_inside_a_phase_by_stages(workbook: Workbook) -> None:
    role_id = _role(workbook)
    _c, application_id = _apply(workbook, role_id, "Ada")
    technical = _interview_steps(workbook, role_id)
    stage_moves.move(workbook, application_id, "withdrawn")
    with pytest.raises(MoveRefusedError, match="already closed"):
        stage_moves.move(workbook, application_id, "rejected", reason="No show")
    moved = stage_moves.move(workbook, application_id, technical.key)  # reopening
    assert moved.step == "Technical interview"


def test_a_stage_of_another_role_is_refused(workbook: Workbook) -> None:
    role_id, other = _role(workbook), _role(workbook, "Designer")
    _c, application_id = _apply(workbook, role_id, "Ada")
    theirs = _interview_steps(workbook, other)
    with pytest.raises(Exception, match="not one of this role's stages"):
        stage_moves.move(workbook, application_id, theirs.key)


def test_rename_shows_the_new_name_and_keeps_the_history(workbook: Workbook) -> None:
    role_id = _role(workbook)
    candidate_id, application_id = _apply(workbook, role_id, "Ada")
    take_home = role_stage_edits.add_stage(workbook, role_id, "Take-home test", Stage.INTERVIEW)
    stage_moves.move(workbook, application_id, take_home.key)
    renamed = role_stage_edits.rename_stage(workbook, role_id, take_home.key, "Coding exercise")
    assert renamed.key == take_home.key and renamed.name == "Coding exercise"
    assert stage_moves.applications_of(workbook, candidate_id)[0].step == "Coding exercise"
    entry = stage_moves.timeline(workbook, candidate_id)[0]
    assert entry.description == "Applied → Interview: Take-home test"  # as it was then
    # The standard stage of a phase can be renamed too.
    role_stage_edits.rename_stage(workbook, role_id, "applied", "New")
    assert _stage(workbook, role_id, "New").applications == 0


def test_remove_sends_applications_where_asked_and_keeps_history(workbook: Workbook) -> None:
    role_id = _role(workbook)
    ada, ada_app = _apply(workbook, role_id, "Ada")
    _bo, bo_app = _apply(workbook, role_id, "Bo")
    technical = _interview_steps(workbook, role_id)
    take_home = _stage(workbook, role_id, "Take-home test")
    for application_id in (ada_app, bo_app):
        stage_moves.move(workbook, application_id, take_home.key)
    assert _stage(workbook, role_id, "Take-home test").applications == 2
    other = [s.key for s in role_stages.stages(workbook, role_id)]
    with pytest.raises(ValidationError, match="same phase"):
        role_stage_edits.remove_stage(workbook, role_id, take_home.key, move_to=other[0])
    moved = role_stage_edits.remove_stage(workbook, role_id, take_home.key, move_to=technical.key)
    assert moved == 2
    names = [s.name for s in role_stages.stages(workbook, role_id)]
    assert "Take-home test" not in names
    assert _stage(workbook, role_id, "Technical interview").applications == 2
    descriptions = [e.description for e in stage_moves.timeline(workbook, ada)]
    assert descriptions[:2] == [
        "Interview: Take-home test → Technical interview",
        "Applied → Interview: Take-home test",
    ]
    # Without a target they go to the phase's first stage; the last one stays.
    role_stage_edits.remove_stage(workbook, role_id, technical.key)
    assert _stage(workbook, role_id, "Interview").applications == 2
    with pytest.raises(StageEditRefusedError, match="at least one stage"):
        role_stage_edits.remove_stage(workbook, role_id, _stage(workbook, role_id, "Interview").key)


def test_a_hidden_stage_leaves_the_board_and_the_moves(workbook: Workbook) -> None:
    role_id = _role(workbook)
    _c, application_id = _apply(workbook, role_id, "Ada")
    with pytest.raises(StageEditRefusedError, match="1 application is at Applied"):
        role_stage_edits.set_hidden(workbook, role_id, "applied", True)
    role_stage_edits.set_hidden(workbook, role_id, "screening", True)
    screening = _stage(workbook, role_id, "Screening")
    assert screening.hidden
    assert "Screening" not in [c.name for c in board.board(workbook, role_id)]
    assert "Screening" not in [s.name for s in stage_moves.allowed_steps(workbook, application_id)]
    role_stage_edits.set_hidden(workbook, role_id, screening.key, False)
    assert "Screening" in [c.name for c in board.board(workbook, role_id)]


def test_reorder_within_a_phase(workbook: Workbook) -> None:
    role_id = _role(workbook)
    technical = _interview_steps(workbook, role_id)
    role_stage_edits.shift_stage(workbook, role_id, technical.key, -1)
    interview = [s for s in role_stages.stages(workbook, role_id) if s.phase is Stage.INTERVIEW]
    assert [s.name for s in interview] == ["Interview", "Technical interview", "Take-home test"]
    ids = [s.id for s in reversed(interview) if s.id is not None]
    role_stage_edits.reorder_stages(workbook, role_id, Stage.INTERVIEW, ids)
    interview = [s for s in role_stages.stages(workbook, role_id) if s.phase is Stage.INTERVIEW]
    assert [s.name for s in interview] == ["Take-home test", "Technical interview", "Interview"]
    with pytest.raises(ValidationError, match="every stage of Interview"):
        role_stage_edits.reorder_stages(workbook, role_id, Stage.INTERVIEW, ids[:1])


def test_a_role_starts_from_another_roles_stages(workbook: Workbook) -> None:
    source, role_id = _role(workbook), _role(workbook, "Frontend Developer")
    _interview_steps(workbook, source)
    role_stage_edits.add_stage(workbook, source, "References", Stage.SHORTLISTED)
    _c, application_id = _apply(workbook, role_id, "Ada")
    stage_moves.move(workbook, application_id, "interview")
    copied = role_stage_edits.copy_stages(workbook, role_id, source)
    assert [s.name for s in copied] == [s.name for s in role_stages.stages(workbook, source)]
    theirs = {s.id for s in role_stages.stages(workbook, source) if s.id is not None}
    assert {s.id for s in copied if s.id is not None}.isdisjoint(theirs)
    assert _stage(workbook, role_id, "Interview").applications == 1
    # The copy is the role's own: changing it leaves the source alone.
    role_stage_edits.rename_stage(
        workbook, role_id, _stage(workbook, role_id, "References").key, "Refs"
    )
    assert "References" in [s.name for s in role_stages.stages(workbook, source)]
    columns = [c.name for c in board.board(workbook, role_id)]
    assert columns.index("Take-home test") < columns.index("Refs") < columns.index("Offer")


def test_moves_by_phase_land_on_the_phases_first_stage(workbook: Workbook) -> None:
    """Services that move by phase (offers, bulk moves) keep working with own stages."""
    role_id = _role(workbook)
    _c, application_id = _apply(workbook, role_id, "Ada")
    role_stage_edits.add_stage(workbook, role_id, "References", Stage.SHORTLISTED, after="")
    role_stage_edits.shift_stage(workbook, role_id, _stage(workbook, role_id, "References").key, -1)
    result = stage_moves.move_many(workbook, [application_id], "shortlisted")
    assert result.moved == 1
    assert stage_moves.applications_of(workbook, _c)[0].step == "References"
