"""Two people save the same scorecard: the second is told who saved it, and what it says."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.interviews.scorecards import RatingDraft, ScorecardDraft, ScorecardForm
from hiring_desk.store import Workbook
from hiring_desk.store.models import Scorecard

NIAMH, TOMAS = 1, 2  # of the demo's team


def _draft(form: ScorecardForm, recommendation: str, rating: int, notes: str) -> ScorecardDraft:
    return ScorecardDraft(
        form.interviewer_id,
        recommendation,
        notes,
        tuple(RatingDraft(key, rating) for key in form.competencies),
    )


def _written(demo: Workbook) -> ScorecardForm:
    """The form of a scorecard the demo already has, as its dialog reads it."""
    with demo.transaction() as session:
        card = session.exec(select(Scorecard)).first()
        assert card is not None
        interview_id, interviewer_id = card.interview_id, card.interviewer_id
    return scorecards.scorecard_form(demo, interview_id, interviewer_id)


def test_the_second_save_from_an_old_version_is_refused(demo: Workbook) -> None:
    shown = _written(demo)  # two people open the same scorecard
    assert shown.existing is not None and shown.version >= 1
    audit.set_acting_member(demo, NIAMH)
    scorecards.save_scorecard(
        demo,
        shown.interview_id,
        _draft(shown, "strong_yes", 4, "First"),
        expected_version=shown.version,
    )

    audit.set_acting_member(demo, TOMAS)
    with pytest.raises(ChangedMeanwhileError) as refused:
        scorecards.save_scorecard(
            demo,
            shown.interview_id,
            _draft(shown, "no", 1, "Second"),
            expected_version=shown.version,
        )
    message = str(refused.value)
    interviewer = shown.existing.interviewer_name
    assert message.startswith(
        f"Niamh Gallagher saved {interviewer}'s scorecard for {shown.candidate_name} "
        "(strong yes) meanwhile ("
    )
    assert message.endswith("Nothing was changed; the page now shows the current state.")

    now = scorecards.scorecard_form(demo, shown.interview_id, shown.interviewer_id)
    assert now.existing is not None
    assert (now.existing.recommendation, now.existing.notes) == ("strong_yes", "First")
    assert {r.rating for r in now.existing.ratings} == {4}
    assert now.version == shown.version + 1


def test_two_first_saves_the_second_is_told(demo: Workbook) -> None:
    written = _written(demo)
    assert written.existing is not None
    scorecards.remove_scorecard(demo, written.existing.id)  # the interviewer owes one again
    new_form = scorecards.scorecard_form(demo, written.interview_id, written.interviewer_id)
    assert new_form.existing is None and new_form.version == 0

    audit.set_acting_member(demo, TOMAS)
    scorecards.save_scorecard(
        demo, new_form.interview_id, _draft(new_form, "yes", 3, ""), expected_version=0
    )
    audit.set_acting_member(demo, NIAMH)
    with pytest.raises(ChangedMeanwhileError, match=r"^Tomás Ó Briain saved .* \(yes\) meanwhile"):
        scorecards.save_scorecard(
            demo, new_form.interview_id, _draft(new_form, "no", 2, ""), expected_version=0
        )
    now = scorecards.scorecard_form(demo, new_form.interview_id, new_form.interviewer_id)
    assert now.existing is not None and now.existing.recommendation == "yes"


def test_a_save_over_a_removed_scorecard_is_refused(demo: Workbook) -> None:
    shown = _written(demo)
    assert shown.existing is not None
    scorecards.remove_scorecard(demo, shown.existing.id)
    with pytest.raises(ChangedMeanwhileError, match=r"^The scorecard was removed meanwhile"):
        scorecards.save_scorecard(
            demo, shown.interview_id, _draft(shown, "no", 2, ""), expected_version=shown.version
        )
    assert (
        scorecards.scorecard_form(demo, shown.interview_id, shown.interviewer_id).existing is None
    )


def test_a_save_without_a_version_replaces_what_is_there(demo: Workbook) -> None:
    shown = _written(demo)
    scorecards.save_scorecard(demo, shown.interview_id, _draft(shown, "no", 2, "Edited"))
    scorecards.save_scorecard(demo, shown.interview_id, _draft(shown, "yes", 3, "Again"))
    now = scorecards.scorecard_form(demo, shown.interview_id, shown.interviewer_id)
    assert now.existing is not None and now.existing.notes == "Again"
    assert now.version == shown.version + 2
