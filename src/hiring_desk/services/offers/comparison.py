"""Shortlist comparison: two to five candidates of one role, side by side.

:func:`compare` reads what the grid needs and returns a :class:`Comparison`: one
:class:`CandidateColumn` per candidate (the facts) and rows of plain text grouped
under headings (:mod:`hiring_desk.services.offers.comparison_rows`), each row knowing
which columns hold its best value. The dialog and the PDF draw the same rows, so
the screen and the paper always agree. :func:`export_pdf` prints it.

Decisions:

- Only candidates who applied to the role can be compared: their match, scores
  and stage belong to that application.
- Salaries are compared with the role's budget by ``domain.offer_rules`` (monthly
  and yearly convert at twelve months; hourly amounts and other currencies are
  not compared, and the grid says so).
- The earliest start is today plus the candidate's notice period; with no notice
  period given it is unknown, not today.
- Printing a comparison is recorded in the audit log with the candidates' ids
  (never their names): it puts personal data on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from hiring_desk import clock
from hiring_desk.documents.comparison_views import (
    BudgetFit,
    CandidateColumn,
    Comparison,
    ComparisonRow,
    RowGroup,
)
from hiring_desk.domain import offer_rules
from hiring_desk.domain.competencies import Competency
from hiring_desk.domain.match import MatchResult, match
from hiring_desk.domain.offer_rules import Budget
from hiring_desk.domain.scoring import Aggregate
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import (
    NotFoundError,
    ValidationError,
    reporting_write_failures,
)
from hiring_desk.services.interviews.scorecard_aggregates import aggregates_for_applications
from hiring_desk.services.offers.comparison_rows import build_groups
from hiring_desk.services.team import company
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    CompanyProfile,
    Role,
    RoleSkill,
)

__all__ = [
    "MAX_CANDIDATES",
    "MIN_CANDIDATES",
    "BudgetFit",
    "CandidateColumn",
    "Comparison",
    "ComparisonRow",
    "RowGroup",
    "compare",
    "count_problem",
    "export_pdf",
]

MIN_CANDIDATES = 2
MAX_CANDIDATES = 5


def count_problem(count: int) -> str | None:
    """None when ``count`` candidates can be compared, else the sentence saying how many."""
    if MIN_CANDIDATES <= count <= MAX_CANDIDATES:
        return None
    return f"Pick {MIN_CANDIDATES} to {MAX_CANDIDATES} candidates"


def compare(
    workbook: Workbook, role_id: int, candidate_ids: Sequence[int], today: date | None = None
) -> Comparison:
    """Compare these candidates (2 to 5, in this order) for the role.

    Raises ValidationError (field "candidates") for too few or too many, or for a
    candidate who has not applied to the role; NotFoundError for an unknown role or
    candidate.
    """
    ids = list(dict.fromkeys(candidate_ids))
    if problem := count_problem(len(ids)):
        raise ValidationError({"candidates": f"{problem} to compare."})
    day = today or clock.today()
    with workbook.transaction() as session:
        role = session.get(Role, role_id)
        if role is None or role.id is None:
            raise NotFoundError(f"Role {role_id} does not exist.")
        profile = session.get(CompanyProfile, 1)
        locale = profile.locale if profile else "en_GB"
        budget = Budget(
            role.salary_min_minor, role.salary_max_minor, role.salary_currency, role.salary_period
        )
        pairs = _applications(session, role, ids)
        must, nice = _role_skills(session, role.id)
        skills = _candidate_skills(session, ids)
    scores = aggregates_for_applications(workbook, [app.id or 0 for app, _ in pairs])
    columns = tuple(
        _column(
            app,
            person,
            matched=match(skills.get(person.id or 0, []), must, nice),
            scores=scores[app.id or 0],
            budget=budget,
            role_work_mode=role.work_mode,
            today=day,
        )
        for app, person in pairs
    )
    competencies = _competency_union(columns)
    return Comparison(
        role_id=role.id,
        role_title=role.title,
        role_work_mode=role.work_mode,
        budget=budget,
        locale=locale,
        today=day,
        candidates=columns,
        competencies=competencies,
        groups=build_groups(columns, competencies, budget, locale),
    )


def export_pdf(
    workbook: Workbook,
    role_id: int,
    candidate_ids: Sequence[int],
    out: Path,
    today: date | None = None,
) -> Path:
    """Print the comparison as a landscape PDF with the letterhead; returns ``out``.

    The file is written beside its destination and renamed into place, so a
    failure never leaves half a file. Raises ServiceError when it cannot be written.
    """
    from hiring_desk.documents.comparison_pdf import comparison_to_pdf
    from hiring_desk.documents.letterhead import Letterhead

    comparison = compare(workbook, role_id, candidate_ids, today)
    profile = company.get_company(workbook)
    letterhead = Letterhead(
        company_name=profile.name,
        address=profile.address,
        logo=profile.logo,
        title=comparison.title,
    )
    with reporting_write_failures(out):
        comparison_to_pdf(comparison, out, letterhead)
    with workbook.transaction() as session:
        audit.record(
            session,
            "print_comparison",
            "role",
            role_id,
            {"candidate_ids": [c.candidate_id for c in comparison.candidates]},
        )
    return out


# -- reading -----------------------------------------------------------------------------------


def _applications(
    session: Session, role: Role, ids: list[int]
) -> list[tuple[Application, Candidate]]:
    """Each candidate's application to the role, in the order asked for."""
    rows = session.exec(
        select(Application, Candidate)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .where(Application.role_id == role.id, col(Application.candidate_id).in_(ids))
    ).all()
    found = {person.id: (app, person) for app, person in rows}
    missing = [cid for cid in ids if cid not in found]
    if missing:
        people = session.exec(select(Candidate).where(col(Candidate.id).in_(missing))).all()
        names = {p.id: p.name for p in people}
        unknown = [str(cid) for cid in missing if cid not in names]
        if unknown:
            noun = "Candidate" if len(unknown) == 1 else "Candidates"
            verb = "does" if len(unknown) == 1 else "do"
            raise NotFoundError(f"{noun} {', '.join(unknown)} {verb} not exist.")
        listed = _and_list([names[cid] for cid in missing])
        verb = "has" if len(missing) == 1 else "have"
        raise ValidationError(
            {
                "candidates": f"{listed} {verb} not applied to '{role.title}'; "
                "only candidates of the role can be compared."
            }
        )
    return [found[cid] for cid in ids]


def _role_skills(session: Session, role_id: int) -> tuple[list[str], list[str]]:
    rows = session.exec(
        select(RoleSkill.skill, RoleSkill.importance)
        .where(RoleSkill.role_id == role_id)
        .order_by(col(RoleSkill.position), col(RoleSkill.id))
    ).all()
    must = [skill for skill, importance in rows if importance == "must"]
    nice = [skill for skill, importance in rows if importance != "must"]
    return must, nice


def _candidate_skills(session: Session, ids: list[int]) -> dict[int, list[str]]:
    skills: dict[int, list[str]] = {}
    for cid, skill in session.exec(
        select(CandidateSkill.candidate_id, CandidateSkill.skill).where(
            col(CandidateSkill.candidate_id).in_(ids)
        )
    ):
        skills.setdefault(cid, []).append(skill)
    return skills


def _column(
    app: Application,
    person: Candidate,
    *,
    matched: MatchResult,
    scores: Aggregate,
    budget: Budget,
    role_work_mode: str,
    today: date,
) -> CandidateColumn:
    return CandidateColumn(
        candidate_id=person.id or 0,
        application_id=app.id or 0,
        name=person.name,
        stage=app.stage,
        match=matched,
        scores=scores,
        salary_minor=person.salary_expectation_minor,
        salary_max_minor=person.salary_expectation_max_minor,
        salary_currency=person.salary_currency,
        salary_period=person.salary_period,
        budget_fit=_budget_fit(person, budget),
        notice_weeks=person.notice_weeks,
        earliest_start=(
            None
            if person.notice_weeks is None
            else offer_rules.earliest_start(today, person.notice_weeks)
        ),
        work_mode_preference=person.work_mode_preference,
        work_mode_fit=_work_mode_fit(person.work_mode_preference, role_work_mode),
        source=person.source,
        years_experience=person.years_experience,
    )


def _budget_fit(person: Candidate, budget: Budget) -> BudgetFit:
    """Where the expectation falls against the budget; a range by its lower end."""
    if person.salary_expectation_minor is None or not person.salary_currency:
        return BudgetFit("not_given", 0)
    if not budget.is_set:
        return BudgetFit("no_budget", 0)
    position = offer_rules.budget_position(
        person.salary_expectation_minor, person.salary_currency, person.salary_period, budget
    )
    return BudgetFit(position.side, position.gap_minor)


def _work_mode_fit(preference: str | None, role_work_mode: str) -> str:
    if not preference:
        return "unknown"
    return "fit" if preference == role_work_mode else "mismatch"


def _competency_union(columns: Sequence[CandidateColumn]) -> tuple[str, ...]:
    """Every competency rated for any column: the known ones in their fixed order, then others."""
    keys = {entry.competency for column in columns for entry in column.scores.competencies}
    return tuple(sorted(keys, key=lambda key: (_POSITION.get(key, len(_POSITION)), key)))


_POSITION = {competency.value: index for index, competency in enumerate(Competency)}


def _and_list(names: Sequence[str]) -> str:
    """Names joined for a sentence: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
