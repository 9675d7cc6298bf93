"""Reports: every figure of a known history, worked out by hand (see ``report_setup``)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.services.reports.report_setup import REJECTION, History, build_history, nov

from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.reports.report_figures import (
    OfferFigures,
    ReasonRow,
    Report,
    ReportScope,
    RoleFill,
    SourceRow,
    Spread,
)
from hiring_desk.services.reports.reports import build_report
from hiring_desk.store import Workbook


@pytest.fixture
def history(workbook: Workbook) -> History:
    return build_history(workbook)


def report(workbook: Workbook, today: date, **scope: object) -> Report:
    return build_report(workbook, ReportScope(**scope), today=today)  # type: ignore[arg-type]


def reached(r: Report) -> list[int]:
    return [step.reached for step in r.funnel]


def test_the_funnel_counts_each_application_once_at_every_stage_it_reached(
    workbook: Workbook, history: History, today: date
) -> None:
    r = report(workbook, today)

    assert r.applications == 6 and r.role_title == "All roles"
    # Ben went back from Interview to Screening: counted once at each; Fay skipped
    # Screening to Offer: counted as passing it; Cy withdrew at Applied.
    assert [step.label for step in r.funnel] == [
        "Applied", "Screening", "Interview", "Shortlisted", "Offer", "Hired",
    ]  # fmt: skip
    assert reached(r) == [6, 4, 3, 2, 2, 1]
    assert [step.conversion for step in r.funnel] == [None, 4 / 6, 3 / 4, 2 / 3, 1.0, 0.5]


def test_time_in_each_stage_counts_the_stays_that_are_over(
    workbook: Workbook, history: History, today: date
) -> None:
    times = {t.stage: t.spread for t in report(workbook, today).stage_times}

    # Applied: Ada 2, Ben 2, Cy 3, Fay 1, Dee 1 days (Eve is still there).
    assert times["applied"] == Spread(5, 2.0, 1.0, 2.0)
    # Screening: Ada 5, Ben 5 then (after going back) 4; Dee is still there.
    assert times["screening"] == Spread(3, 5.0, 4.5, 5.0)
    assert times["interview"] == Spread(2, 3.0, 2.5, 3.5)  # Ada 4, Ben 2
    assert times["shortlisted"] == Spread(1, 1.0, 1.0, 1.0)  # Ada
    assert times["offer"] == Spread(1, 5.0, 5.0, 5.0)  # Ada; Fay is still waiting
    assert "hired" not in times


def test_time_to_hire_and_time_to_fill(workbook: Workbook, history: History, today: date) -> None:
    r = report(workbook, today)

    assert r.time_to_hire == Spread(1, 17.0, 17.0, 17.0)  # 2 Nov to 19 Nov
    assert r.time_to_fill == (
        RoleFill(history.backend, "Backend Developer", date(2026, 10, 15), nov(19), 35.0),
    )


def test_sources_count_applications_interviews_offers_and_hires(
    workbook: Workbook, history: History, today: date
) -> None:
    assert report(workbook, today).sources == (
        SourceRow("linkedin", "LinkedIn", 2, 1, 0, 0),
        SourceRow("referral", "Referral", 2, 1, 1, 1),
        SourceRow("agency", "Agency", 1, 1, 1, 0),
        SourceRow("other", "Other", 1, 0, 0, 0),
    )


def test_rejections_and_withdrawals_by_the_stage_they_were_closed_from(
    workbook: Workbook, history: History, today: date
) -> None:
    assert report(workbook, today).reasons == (
        ReasonRow("rejected", "screening", "Screening", REJECTION, 1),
        ReasonRow("withdrawn", "applied", "Applied", "", 1),
    )


def test_offers_declined_then_made_again_expired_and_against_the_budget(
    workbook: Workbook, history: History, today: date
) -> None:
    assert report(workbook, today).offers == OfferFigures(
        made=3,
        accepted=1,
        declined=1,
        expired=1,  # Fay's, unanswered since 10 Nov
        withdrawn=0,
        waiting=0,
        decision=Spread(2, 2.0, 2.0, 2.0),  # both of Ada's answered two days after sending
        within_budget=1,  # 75,000
        above_budget=1,  # 85,000
        below_budget=0,
        not_comparable=1,  # the Designer role has no budget
    )


def test_interviewers_scorecards_due_late_and_how_long_they_took(
    workbook: Workbook, history: History, today: date
) -> None:
    rows = {row.name: row for row in report(workbook, today).interviewers}

    assert set(rows) == {"Aoife Byrne", "Ian Walsh"}  # Dee's interview is yet to come
    aoife, ian = rows["Aoife Byrne"], rows["Ian Walsh"]
    assert (aoife.due, aoife.submitted, aoife.late, aoife.average_hours) == (1, 1, 1, 97.0)
    assert (ian.due, ian.submitted, ian.late, ian.average_hours) == (2, 1, 1, 4.0)


def test_one_role_and_a_range_of_days(workbook: Workbook, history: History, today: date) -> None:
    backend = report(workbook, today, role_id=history.backend)
    assert backend.role_title == "Backend Developer"
    assert backend.applications == 4 and reached(backend) == [4, 2, 2, 1, 1, 1]
    assert backend.offers.made == 2 and backend.offers.expired == 0

    november = report(workbook, today, from_day=nov(1), to_day=nov(30))
    assert november.applications == 5 and reached(november) == [5, 4, 3, 2, 2, 1]

    both_ends = report(workbook, today, from_day=nov(2), to_day=nov(3))
    assert both_ends.applications == 3  # Ada, Fay (2 Nov) and Ben (3 Nov)

    designer = report(workbook, today, role_id=history.designer, to_day=nov(10))
    assert designer.applications == 1 and designer.offers.expired == 1
    assert designer.time_to_hire is None and designer.time_to_fill == ()
    assert [row.name for row in designer.interviewers] == []


def test_an_empty_workbook_gives_empty_figures(workbook: Workbook, today: date) -> None:
    r = report(workbook, today)

    assert r.is_empty and r.applications == 0
    assert reached(r) == [0] * 6 and all(step.conversion is None for step in r.funnel)
    assert all(t.spread is None for t in r.stage_times)
    assert r.time_to_hire is None and r.time_to_fill == ()
    assert r.sources == () and r.reasons == () and r.interviewers == ()
    assert r.offers == OfferFigures(0, 0, 0, 0, 0, 0, None, 0, 0, 0, 0)
    assert r.as_dict()["applications"] == 0


def test_a_range_that_ends_before_it_starts_or_a_missing_role_is_refused(
    workbook: Workbook, today: date
) -> None:
    with pytest.raises(ValidationError) as refused:
        report(workbook, today, from_day=nov(10), to_day=nov(9))
    assert "to" in refused.value.errors
    with pytest.raises(NotFoundError):
        report(workbook, today, role_id=99)
