"""An interviewer's sessions load candidates and roles without their salary columns."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError
from sqlmodel import select
from tests.team_logins import Team

from hiring_desk.services.common.errors import workbook_problem
from hiring_desk.store.models import Candidate, Role
from hiring_desk.store.salary_hiding import SalaryHidingSession


def test_an_interviewer_loads_whole_records_but_never_a_salary(team: Team) -> None:
    with team.open("interviewer") as workbook, workbook.transaction() as session:
        assert isinstance(session, SalaryHidingSession)
        candidates = session.exec(select(Candidate)).all()
        assert candidates and all(c.name for c in candidates)
        role = session.exec(select(Role)).first()
        assert role is not None and role.title
        first = session.get(Candidate, candidates[0].id)
        assert first is not None
    with team.open("interviewer") as workbook:
        with pytest.raises(DBAPIError) as refused, workbook.transaction() as session:
            loaded = session.exec(select(Candidate)).first()
            assert loaded is not None
            _ = loaded.salary_expectation_minor  # asks the server, which refuses
        problem = workbook_problem(refused.value)
        assert problem is not None and problem.startswith("You don't have permission")


def test_everyone_else_loads_salaries_as_usual(team: Team) -> None:
    with team.open("recruiter") as workbook, workbook.transaction() as session:
        assert not isinstance(session, SalaryHidingSession)
        amounts = [c.salary_expectation_minor for c in session.exec(select(Candidate))]
        assert any(amount is not None for amount in amounts)
