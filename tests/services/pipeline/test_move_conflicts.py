"""Two people move the same application: the second is told who moved it, and where to.

The two people are two acting members of one open workbook (``set_acting_member``),
each acting on the application as it was shown to them (its ``version``).
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func
from sqlmodel import select

from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.application_views import ApplicationInfo
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, StageEvent

NIAMH, TOMAS = 1, 2  # the demo's team: Niamh Gallagher, Tomás Ó Briain


def _screening(demo: Workbook) -> tuple[ApplicationInfo, str]:
    """An application at Screening in the demo, and its candidate's name."""
    with demo.transaction() as session:
        row = session.exec(select(Application).where(Application.stage == "screening")).first()
        assert row is not None and row.id is not None
        candidate = session.get(Candidate, row.candidate_id)
        assert candidate is not None
        name = candidate.name
    shown = next(a for a in stage_moves.applications_of(demo, row.candidate_id) if a.id == row.id)
    return shown, name


def _events(demo: Workbook, application_id: int) -> int:
    with demo.transaction() as session:
        query = select(func.count()).where(StageEvent.application_id == application_id)
        return session.exec(query).one()


def test_the_second_move_from_an_old_version_is_refused_naming_the_first(demo: Workbook) -> None:
    shown, name = _screening(demo)  # both people look at the same application
    audit.set_acting_member(demo, NIAMH)
    moved = stage_moves.move(demo, shown.id, "interview", expected_version=shown.version)
    assert moved.stage == "interview"
    assert moved.version == shown.version + 1
    events = _events(demo, shown.id)

    audit.set_acting_member(demo, TOMAS)
    with pytest.raises(ChangedMeanwhileError) as refused:
        stage_moves.move(
            demo, shown.id, "rejected", reason="Not a fit", expected_version=shown.version
        )
    message = str(refused.value)
    assert message.startswith(f"Niamh Gallagher moved {name} to Interview meanwhile (")
    assert re.search(r"meanwhile \(\d{1,2}:\d{2}\)\. Nothing was changed;", message)
    assert message.endswith("the page now shows the current state.")

    # Nothing of the second move was written.
    now = next(a for a in stage_moves.applications_of(demo, shown.candidate_id) if a.id == shown.id)
    assert (now.stage, now.version, now.closed_reason) == ("interview", moved.version, "")
    assert _events(demo, shown.id) == events

    # Shown the current state, the second person's move goes through.
    again = stage_moves.move(
        demo, shown.id, "rejected", reason="Not a fit", expected_version=now.version
    )
    assert (again.stage, again.version) == ("rejected", now.version + 1)


def test_the_refusal_comes_before_the_rules(demo: Workbook) -> None:
    """A move to where the other person already moved it is "moved meanwhile", not
    "already at"."""
    shown, name = _screening(demo)
    audit.set_acting_member(demo, NIAMH)
    stage_moves.move(demo, shown.id, "interview", expected_version=shown.version)
    audit.set_acting_member(demo, TOMAS)
    with pytest.raises(
        ChangedMeanwhileError, match=f"moved {re.escape(name)} to Interview meanwhile"
    ):
        stage_moves.move(demo, shown.id, "interview", expected_version=shown.version)


def test_nobody_chosen_is_someone(demo: Workbook) -> None:
    shown, name = _screening(demo)
    stage_moves.move(demo, shown.id, "interview")  # the command line: no acting member
    # A team workbook knows at least the login that did it (here its owner, on no team).
    who = "Someone" if demo.access is None else demo.access.login
    with pytest.raises(ChangedMeanwhileError, match=f"^{who} moved {re.escape(name)} to Interview"):
        stage_moves.move(demo, shown.id, "shortlisted", expected_version=shown.version)


def test_a_move_without_a_version_goes_on_from_where_it_is(demo: Workbook) -> None:
    shown, _name = _screening(demo)
    audit.set_acting_member(demo, NIAMH)
    stage_moves.move(demo, shown.id, "interview", expected_version=shown.version)
    audit.set_acting_member(demo, TOMAS)
    moved = stage_moves.move(demo, shown.id, "shortlisted")  # the command line shows nothing
    assert (moved.stage, moved.version) == ("shortlisted", shown.version + 2)
    result = stage_moves.move_many(demo, [shown.id], "offer")  # nor does a bulk move
    assert result.moved == 1
    now = stage_moves.applications_of(demo, shown.candidate_id)
    assert next(a for a in now if a.id == shown.id).version == shown.version + 3
