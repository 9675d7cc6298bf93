"""Sessions that never ask the server for salaries: an interviewer's.

The server does not grant an interviewer the salary columns of ``candidate`` and
``role`` (``store.access``), so a plain ``SELECT candidate.*`` by one is refused.
A ``SalaryHidingSession`` leaves those columns out of every ORM query that loads
a whole ``Candidate`` or ``Role`` (``defer``): the rest of the record loads as
usual, and touching a salary attribute asks the server, which refuses
(``store.errors`` words that "You don't have permission ...").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, event
from sqlalchemy.orm import ORMExecuteState, defer
from sqlmodel import Session

from hiring_desk.store.models import Candidate, Role

_SALARIES: dict[type, tuple[Any, ...]] = {
    Candidate: (
        Candidate.salary_expectation_minor,
        Candidate.salary_expectation_max_minor,
        Candidate.salary_currency,
        Candidate.salary_period,
    ),
    Role: (Role.salary_min_minor, Role.salary_max_minor, Role.salary_currency, Role.salary_period),
}


class SalaryHidingSession(Session):
    """A session whose ORM queries leave salary columns unloaded."""


@event.listens_for(SalaryHidingSession, "do_orm_execute")
def _leave_out_salaries(state: ORMExecuteState) -> None:
    statement = state.statement
    if not state.is_select or not isinstance(statement, Select):
        return
    loaded = {description.get("expr") for description in statement.column_descriptions}
    options = [
        defer(column)
        for model, columns in _SALARIES.items()
        if model in loaded
        for column in columns
    ]
    if options:
        state.statement = statement.options(*options)
