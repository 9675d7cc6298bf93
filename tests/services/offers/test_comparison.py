"""Shortlist comparison: checks, columns, rows, best values, and the printed file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select
from tests.pdf_helpers import pdf_words
from tests.services.offers.comparison_setup import demo_shortlist

from hiring_desk.domain.offer_rules import Budget, budget_position
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.offers.comparison import (
    MAX_CANDIDATES,
    Comparison,
    ComparisonRow,
    compare,
    count_problem,
    export_pdf,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    AuditEvent,
    Candidate,
    CandidateSkill,
    Interview,
    Role,
    RoleSkill,
    Scorecard,
    ScorecardRating,
)

TODAY = date(2026, 5, 4)


# -- building a small workbook -----------------------------------------------------------------


def _role(workbook: Workbook, **fields: object) -> int:
    values: dict[str, object] = {
        "title": "Backend Developer",
        "work_mode": "hybrid",
        "salary_min_minor": 5_500_000,
        "salary_max_minor": 6_800_000,
        "salary_currency": "EUR",
        "salary_period": "year",
    }
    values.update(fields)
    with workbook.transaction() as session:
        role = Role(**values)  # type: ignore[arg-type]
        session.add(role)
        session.flush()
        assert role.id is not None
        skills = [("Python", "must"), ("PostgreSQL", "must"), ("Docker", "nice"), ("Redis", "nice")]
        for position, (skill, importance) in enumerate(skills):
            session.add(
                RoleSkill(role_id=role.id, skill=skill, importance=importance, position=position)
            )
        return role.id


def _candidate(
    workbook: Workbook,
    name: str,
    role_id: int | None,
    *,
    skills: tuple[str, ...] = (),
    stage: str = "shortlisted",
    **fields: object,
) -> int:
    """A candidate (applied to ``role_id`` unless None); returns the candidate id."""
    with workbook.transaction() as session:
        person = Candidate(name=name, **fields)  # type: ignore[arg-type]
        session.add(person)
        session.flush()
        assert person.id is not None
        session.add_all(CandidateSkill(candidate_id=person.id, skill=s) for s in skills)
        if role_id is not None:
            session.add(Application(candidate_id=person.id, role_id=role_id, stage=stage))
        return person.id


def _scorecard(
    workbook: Workbook, candidate_id: int, role_id: int, recommendation: str, **ratings: int
) -> None:
    with workbook.transaction() as session:
        application = session.exec(
            select(Application).where(
                Application.candidate_id == candidate_id, Application.role_id == role_id
            )
        ).one()
        interview = Interview(
            application_id=application.id or 0,
            starts_at=datetime(2026, 4, 20, 9, tzinfo=UTC),
            status="done",
        )
        session.add(interview)
        session.flush()
        card = Scorecard(interview_id=interview.id or 0, recommendation=recommendation)
        session.add(card)
        session.flush()
        session.add_all(
            ScorecardRating(scorecard_id=card.id or 0, competency=key, rating=value)
            for key, value in ratings.items()
        )


@pytest.fixture
def shortlist(workbook: Workbook) -> tuple[Workbook, int, list[int]]:
    """A role and three applicants who differ on every row."""
    role_id = _role(workbook)
    ada = _candidate(
        workbook,
        "Ada Ní Bhriain",
        role_id,
        skills=("python", "PostgreSQL", "Docker"),
        salary_expectation_minor=6_000_000,
        salary_currency="EUR",
        notice_weeks=4,
        work_mode_preference="hybrid",
        source="referral",
        years_experience=6,
    )
    boris = _candidate(
        workbook,
        "Борис Петров",
        role_id,
        skills=("Python",),
        stage="interview",
        salary_expectation_minor=600_000,
        salary_currency="EUR",
        salary_period="month",  # 72,000 a year
        notice_weeks=8,
        work_mode_preference="remote",
        source="linkedin",
        years_experience=1,
    )
    chen = _candidate(workbook, "陈静", role_id, skills=("Redis", "Docker"))
    _scorecard(workbook, ada, role_id, "yes", databases=3, communication=4)
    _scorecard(workbook, ada, role_id, "strong_yes", databases=4)
    _scorecard(workbook, boris, role_id, "no", languages=2, databases=2)
    return workbook, role_id, [ada, boris, chen]


def _row(comparison: Comparison, label: str) -> ComparisonRow:
    for group in comparison.groups:
        for row in group.rows:
            if row.label == label:
                return row
    raise AssertionError(
        f"no row {label!r} in {[r.label for g in comparison.groups for r in g.rows]}"
    )


# -- checks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "ok"), [(0, False), (1, False), (2, True), (5, True), (6, False)]
)
def test_count_problem_allows_two_to_five(count: int, ok: bool) -> None:
    assert (count_problem(count) is None) is ok
    if not ok:
        assert count_problem(count) == "Pick 2 to 5 candidates"


def test_too_few_or_too_many_are_refused(shortlist: tuple[Workbook, int, list[int]]) -> None:
    workbook, role_id, ids = shortlist
    with pytest.raises(ValidationError) as one:
        compare(workbook, role_id, [ids[0], ids[0]])  # the same person twice is one
    assert one.value.errors == {"candidates": "Pick 2 to 5 candidates to compare."}
    extra = [_candidate(workbook, f"Extra {n}", role_id) for n in range(3)]
    assert len(ids + extra) > MAX_CANDIDATES
    with pytest.raises(ValidationError):
        compare(workbook, role_id, ids + extra)


def test_a_candidate_of_another_role_is_refused_by_name(
    shortlist: tuple[Workbook, int, list[int]],
) -> None:
    workbook, role_id, ids = shortlist
    other_role = _role(workbook, title="Data Engineer")
    elsewhere = _candidate(workbook, "Dara O'Neill", other_role)
    nowhere = _candidate(workbook, "Eve <Adams>", None)
    with pytest.raises(ValidationError) as refused:
        compare(workbook, role_id, [ids[0], elsewhere, nowhere])
    assert refused.value.errors["candidates"] == (
        "Dara O'Neill and Eve <Adams> have not applied to 'Backend Developer'; "
        "only candidates of the role can be compared."
    )


def test_unknown_role_or_candidate(shortlist: tuple[Workbook, int, list[int]]) -> None:
    workbook, role_id, ids = shortlist
    with pytest.raises(NotFoundError, match="Role 999 does not exist"):
        compare(workbook, 999, ids)
    with pytest.raises(NotFoundError, match="Candidate 999 does not exist"):
        compare(workbook, role_id, [ids[0], 999])


# -- columns and rows --------------------------------------------------------------------------


def test_columns_follow_the_order_asked_for(shortlist: tuple[Workbook, int, list[int]]) -> None:
    workbook, role_id, (ada, boris, chen) = shortlist
    comparison = compare(workbook, role_id, [chen, ada, boris], today=TODAY)
    assert comparison.names == ("陈静", "Ada Ní Bhriain", "Борис Петров")
    assert comparison.title == "Shortlist comparison: Backend Developer"
    assert comparison.budget_shown == "€55,000.00 to €68,000.00 per year"
    assert comparison.work_mode_label == "Hybrid"
    assert [g.heading for g in comparison.groups] == [
        "Candidate",
        "Skills for the role",
        "Interview scorecards",
        "Pay and availability",
    ]
    for group in comparison.groups:
        assert all(len(row.cells) == 3 for row in group.rows)


def test_overview_and_skills(shortlist: tuple[Workbook, int, list[int]]) -> None:
    workbook, role_id, ids = shortlist
    comparison = compare(workbook, role_id, ids, today=TODAY)
    assert _row(comparison, "Stage").cells == ("Shortlisted", "Interview", "Shortlisted")
    assert _row(comparison, "Source").cells == ("Referral", "LinkedIn", "Other")
    assert _row(comparison, "Years of experience").cells == ("6 years", "1 year", "–")
    # Ada: both musts and one nice = 75 + 12.5; Boris: one must = 37.5; Chen: both nices = 25.
    match = _row(comparison, "Match")
    assert match.cells == ("88%", "38%", "25%")
    assert match.best == {0}
    assert _row(comparison, "Must-haves").cells == ("2 of 2", "1 of 2", "0 of 2")
    assert _row(comparison, "Must-haves missing").cells == (
        "None",
        "PostgreSQL",
        "Python, PostgreSQL",
    )
    assert _row(comparison, "Nice-to-haves matched").cells == ("Docker", "None", "Docker, Redis")
    assert _row(comparison, "Nice-to-haves").best == {2}
    first = comparison.candidates[0]
    assert first.match.must_matched == ("Python", "PostgreSQL")


def test_scorecard_means_cover_the_union_of_competencies_in_a_fixed_order(
    shortlist: tuple[Workbook, int, list[int]],
) -> None:
    workbook, role_id, ids = shortlist
    comparison = compare(workbook, role_id, ids, today=TODAY)
    assert comparison.competencies == ("languages", "databases", "communication")
    assert _row(comparison, "Scorecards").cells == ("2", "1", "None yet")
    languages = _row(comparison, "Server-side languages")
    assert languages.cells == ("–", "2.0", "–")
    assert languages.best == set()  # one value has nothing to stand out from
    databases = _row(comparison, "Databases and data modelling")
    assert databases.cells == ("3.5", "2.0", "–")
    assert databases.best == {0}
    overall = _row(comparison, "Overall mean (1-4)")
    assert overall.cells == ("3.7", "2.0", "–")  # (3 + 4 + 4) / 3
    assert overall.best == {0}
    assert _row(comparison, "Recommendations").cells == ("1 yes, 1 strong yes", "1 no", "–")


def test_pay_and_availability(shortlist: tuple[Workbook, int, list[int]]) -> None:
    workbook, role_id, ids = shortlist
    comparison = compare(workbook, role_id, ids, today=TODAY)
    assert _row(comparison, "Salary expectation").cells == (
        "€60,000.00 per year",
        "€6,000.00 per month",
        "Not given",
    )
    assert _row(comparison, "Against the budget").cells == (
        "Within budget",
        "Above budget by €4,000.00 per year",
        "–",
    )
    assert _row(comparison, "Notice period").cells == ("4 weeks", "8 weeks", "Not given")
    earliest = _row(comparison, "Earliest start")
    assert earliest.cells == ("1 Jun 2026", "29 Jun 2026", "Unknown")
    assert earliest.best == {0}
    assert comparison.candidates[0].earliest_start == date(2026, 6, 1)
    assert comparison.candidates[2].earliest_start is None
    assert _row(comparison, "Work mode").cells == (
        "Fit (Hybrid)",
        "Mismatch: prefers remote",
        "Unknown",
    )
    assert [c.work_mode_fit for c in comparison.candidates] == ["fit", "mismatch", "unknown"]


def test_salaries_that_cannot_be_compared_say_why(workbook: Workbook) -> None:
    role_id = _role(workbook)
    ids = [
        _candidate(
            workbook, "In pounds", role_id, salary_expectation_minor=1, salary_currency="GBP"
        ),
        _candidate(
            workbook,
            "By the hour",
            role_id,
            salary_expectation_minor=4_000,
            salary_currency="EUR",
            salary_period="hour",
        ),
        _candidate(
            workbook, "Cheap", role_id, salary_expectation_minor=5_000_000, salary_currency="EUR"
        ),
        _candidate(workbook, "No notice", role_id, notice_weeks=0),
    ]
    comparison = compare(workbook, role_id, ids, today=TODAY)
    assert _row(comparison, "Against the budget").cells == (
        "Not comparable: different currency",
        "Not comparable: different pay period",
        "Below budget by €5,000.00 per year",
        "–",
    )
    assert _row(comparison, "Notice period").cells[3] == "None"
    assert _row(comparison, "Earliest start").cells[3] == "4 May 2026"


def test_a_role_without_budget_or_skills(workbook: Workbook) -> None:
    role_id = _role(workbook, salary_min_minor=None, salary_max_minor=None)
    with workbook.transaction() as session:
        for skill in session.exec(select(RoleSkill)).all():
            session.delete(skill)
    ids = [
        _candidate(
            workbook, name, role_id, salary_expectation_minor=7_000_000, salary_currency="EUR"
        )
        for name in ("One", "Two")
    ]
    comparison = compare(workbook, role_id, ids, today=TODAY)
    assert comparison.budget_shown == "no budget set"
    assert _row(comparison, "Against the budget").cells == ("No budget set", "No budget set")
    assert _row(comparison, "Match").cells == ("–", "–")
    labels = [row.label for group in comparison.groups for row in group.rows]
    assert "Must-haves" not in labels and "Nice-to-haves" not in labels
    assert comparison.competencies == ()


def test_tied_leaders_are_all_marked_and_a_full_tie_marks_none(workbook: Workbook) -> None:
    role_id = _role(workbook)
    ids = [
        _candidate(workbook, name, role_id, skills=skills)
        for name, skills in (("A", ("Python",)), ("B", ("Python",)), ("C", ()))
    ]
    comparison = compare(workbook, role_id, ids, today=TODAY)
    assert _row(comparison, "Match").best == {0, 1}
    assert _row(comparison, "Nice-to-haves").best == set()  # 0 of 2 for everyone


def test_budget_position_gives_the_gap_in_the_budgets_period() -> None:
    yearly = Budget(6_000_000, 9_500_000, "EUR", "year")
    assert budget_position(9_600_000, "EUR", "year", yearly).gap_minor == 100_000
    monthly = budget_position(400_000, "EUR", "month", yearly)  # 48,000 a year
    assert (monthly.side, monthly.amount_minor, monthly.gap_minor) == (
        "below",
        4_800_000,
        1_200_000,
    )
    per_month = Budget(None, 800_000, "EUR", "month")
    just_over = budget_position(9_600_001, "EUR", "year", per_month)
    assert just_over.side == "above" and just_over.gap_minor == 1  # never "above by 0"
    assert budget_position(1, "USD", "year", yearly).side == "other_currency"


# -- the demo and the printed file -------------------------------------------------------------


def test_three_demo_candidates(demo: Workbook) -> None:
    role_id, ids = demo_shortlist(demo)
    comparison = compare(demo, role_id, ids)
    assert len(comparison.candidates) == 3
    assert all(c.scores.count > 0 for c in comparison.candidates)
    assert len(comparison.competencies) >= 3
    assert _row(comparison, "Overall mean (1-4)").best


def test_export_pdf_writes_the_file_and_records_it(demo: Workbook, tmp_path: Path) -> None:
    role_id, ids = demo_shortlist(demo)
    out = export_pdf(demo, role_id, ids, tmp_path / "shortlist.pdf")
    text = pdf_words(out)
    for name in compare(demo, role_id, ids).names:
        assert name in text
    assert [p.name for p in tmp_path.iterdir() if "shortlist" in p.name] == ["shortlist.pdf"]
    with demo.transaction() as session:
        event = session.exec(
            select(AuditEvent).where(AuditEvent.action == "print_comparison")
        ).one()
    assert event.entity_id == role_id
    assert str(ids[0]) in event.detail


def test_export_pdf_to_a_missing_folder_fails_cleanly(demo: Workbook, tmp_path: Path) -> None:
    role_id, ids = demo_shortlist(demo)
    with pytest.raises(ServiceError, match=r"Could not write shortlist\.pdf"):
        export_pdf(demo, role_id, ids, tmp_path / "missing" / "shortlist.pdf")
