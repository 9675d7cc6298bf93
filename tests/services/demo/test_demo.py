"""The demo workbook: every table filled, a believable pipeline, safe to create."""

from __future__ import annotations

import hashlib
import itertools
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel, col
from sqlmodel import select as sm_select
from tests.conftest import TODAY
from tests.jd_setup import TEMPLATE_HEADINGS

from hiring_desk import clock
from hiring_desk.domain.vocab import (
    InterviewStatus,
    OfferStatus,
    Recommendation,
    SkillImportance,
    Source,
    Stage,
)
from hiring_desk.services.candidates.candidate_records import list_candidates
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.demo.demo_workbook import create_demo_workbook, fill_demo_data
from hiring_desk.services.interviews.interview_records import list_interviews
from hiring_desk.services.offers.offer_records import list_offers
from hiring_desk.services.roles.role_records import list_roles
from hiring_desk.services.team.company import get_company, logo_problem_or_mime
from hiring_desk.services.team.team_members import list_members
from hiring_desk.store import Workbook, WorkbookExistsError
from hiring_desk.store.integrity import check_workbook
from hiring_desk.store.models import (
    Application,
    Attachment,
    Candidate,
    Interview,
    JobDescription,
    Offer,
    Role,
    RoleSkill,
    Scorecard,
    StageEvent,
)

TITLES = {"Backend Developer", "Senior Backend Developer"}
#: The demo's house style names the first sections its own way; the rest are the built-ins'.
JD_SECTIONS = ("About the company", "The role", "Responsibilities", *TEMPLATE_HEADINGS[3:])


#: Days the demo is made on besides ``TODAY``: a Saturday at a month's end, the last day
#: of a year, a leap day.
OTHER_DAYS = [date(2026, 2, 28), date(2026, 12, 31), date(2028, 2, 29)]


@pytest.fixture
def demo(today: date, tmp_path: Path) -> Iterator[Workbook]:
    """The demo workbook, made on ``today`` (whose clock stays set for the test)."""
    workbook = create_demo_workbook(tmp_path / "demo.hiringdesk")
    try:
        yield workbook
    finally:
        workbook.close()


def _count(workbook: Workbook, table: Any) -> int:
    with workbook.transaction() as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def test_every_table_has_rows(demo: Workbook) -> None:
    empty = [t.name for t in SQLModel.metadata.sorted_tables if _count(demo, t) == 0]
    assert empty == []


def test_roles_are_the_two_backend_roles_with_full_briefs(demo: Workbook) -> None:
    with demo.transaction() as session:
        roles = session.exec(sm_select(Role)).all()
        assert {r.title for r in roles} == TITLES
        assert len(roles) == 2
        for role in roles:
            assert role.status == "open"
            assert role.salary_min_minor and role.salary_max_minor
            assert 3_000_000 <= role.salary_min_minor < role.salary_max_minor <= 15_000_000
            assert role.hiring_manager_id is not None and role.start_by and role.target_date
            assert role.project and role.project_duration and role.education
            skills = session.exec(sm_select(RoleSkill).where(RoleSkill.role_id == role.id)).all()
            kinds = {s.importance for s in skills}
            assert kinds == {SkillImportance.MUST.value, SkillImportance.NICE.value}
            jd = session.exec(
                sm_select(JobDescription).where(JobDescription.role_id == role.id)
            ).one()
            assert jd.version == 1
            for heading in JD_SECTIONS:
                assert f"## {heading}" in jd.body
            assert "{" not in jd.body  # every placeholder was filled


def test_candidates_cover_every_stage_and_several_scripts(demo: Workbook) -> None:
    with demo.transaction() as session:
        candidates = session.exec(sm_select(Candidate)).all()
        stages = {a.stage for a in session.exec(sm_select(Application)).all()}
        closed = session.exec(
            sm_select(Application).where(
                col(Application.stage).in_([Stage.REJECTED.value, Stage.WITHDRAWN.value])
            )
        ).all()
    assert 28 <= len(candidates) <= 34
    assert stages == {s.value for s in Stage}
    assert all(a.closed_reason for a in closed)
    assert {c.source for c in candidates} == {s.value for s in Source}
    letters = {ch for c in candidates for ch in c.name if ch.isalpha()}
    assert any(not unicodedata.name(ch).startswith("LATIN") for ch in letters)
    for c in candidates:
        assert c.email.rsplit("@", 1)[1] in {"example.com", "example.org", "example.net"}
        assert c.phone.startswith("+")
        assert c.consent_at is not None and c.consent_at.tzinfo is not None
        assert c.retain_until is not None and c.retain_until > c.consent_at.date()


@pytest.mark.parametrize("today", [TODAY, *OTHER_DAYS], indirect=True)
def test_stage_history_walks_to_the_current_stage(today: date, demo: Workbook) -> None:
    now = clock.now()
    with demo.transaction() as session:
        for app in session.exec(sm_select(Application)).all():
            events = session.exec(
                sm_select(StageEvent)
                .where(StageEvent.application_id == app.id)
                .order_by(col(StageEvent.at), col(StageEvent.id))
            ).all()
            assert (events[0].from_stage, events[0].to_stage) == (None, Stage.APPLIED.value)
            for before, after in itertools.pairwise(events):
                assert after.from_stage == before.to_stage
                assert after.at > before.at
            assert events[-1].to_stage == app.stage
            assert all(e.by_member_id is not None for e in events)
            assert now - timedelta(weeks=7) < events[0].at and events[-1].at < now


@pytest.mark.parametrize("today", [TODAY, *OTHER_DAYS], indirect=True)
def test_interviews_have_past_scorecards_and_upcoming_slots(today: date, demo: Workbook) -> None:
    now = clock.now()
    interviews = list_interviews(demo)
    done = [i for i in interviews if i.status == InterviewStatus.DONE.value]
    upcoming = [i for i in interviews if i.status == InterviewStatus.SCHEDULED.value]
    assert done and upcoming
    assert all(i.starts_at < now for i in done)
    assert all(now < i.starts_at < now + timedelta(days=15) for i in upcoming)
    with demo.transaction() as session:
        cards = session.exec(sm_select(Scorecard)).all()
        rows = session.exec(sm_select(Interview)).all()
    assert {c.recommendation for c in cards} <= {r.value for r in Recommendation}
    assert {c.interview_id for c in cards} == {i.id for i in done}
    assert all(r.location or r.video_link for r in rows)


@pytest.mark.parametrize("today", [TODAY, *OTHER_DAYS], indirect=True)
def test_exactly_one_offer_for_the_senior_role(today: date, demo: Workbook) -> None:
    offers = list_offers(demo)
    assert len(offers) == 1
    offer = offers[0]
    assert offer.role_title == "Senior Backend Developer"
    assert offer.status == OfferStatus.SENT.value
    with demo.transaction() as session:
        row = session.exec(sm_select(Offer)).one()
        app = session.get(Application, row.application_id)
        assert app is not None and app.stage == Stage.OFFER.value
        assert row.approved_by_id and row.approved_at and row.sent_at
        assert row.start_date and row.expiry_date and row.probation and row.benefits
        role = session.get(Role, app.role_id)
        assert role is not None and role.salary_min_minor and role.salary_max_minor
        assert role.salary_min_minor <= row.salary_minor <= role.salary_max_minor


def test_company_team_and_cvs(demo: Workbook) -> None:
    company = get_company(demo)
    assert company.name and "\n" in company.address
    assert company.default_currency == "EUR"
    assert company.logo is not None and logo_problem_or_mime(company.logo) == "image/png"
    assert company.signatory_name in {m.name for m in list_members(demo)}
    assert len(list_members(demo)) == 3
    with demo.transaction() as session:
        files = session.exec(sm_select(Attachment)).all()
    assert files
    for f in files:
        assert f.mime == "text/plain" and f.kind == "cv"
        assert f.size == len(f.content)
        assert f.sha256 == hashlib.sha256(f.content).hexdigest()
        assert f.content.decode("utf-8") == f.text


def test_listings_show_the_demo(demo: Workbook) -> None:
    candidates = list_candidates(demo)
    assert len(candidates) == _count(demo, Candidate)
    applied = [c for c in candidates if c.stage]
    assert all(c.role_title in TITLES for c in applied)
    # one talent-pool candidate never applied (Today shows them due for deletion)
    assert [c.name for c in candidates if not c.stage] == ["Aisling Brennan"]
    roles = list_roles(demo)
    assert {r.title for r in roles} == TITLES
    assert sum(r.candidate_count for r in roles) == _count(demo, Application)


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "demo.hiringdesk"
    create_demo_workbook(path).close()
    before = path.read_bytes()
    with pytest.raises(WorkbookExistsError):
        create_demo_workbook(path)
    assert path.read_bytes() == before
    assert check_workbook(path).ok


def test_fill_refuses_a_workbook_with_data(demo: Workbook) -> None:
    count = _count(demo, Candidate)
    with pytest.raises(ServiceError):
        fill_demo_data(demo)
    assert _count(demo, Candidate) == count


def test_demo_is_the_same_every_time(tmp_path: Path) -> None:
    def snapshot(path: Path) -> list[tuple[str, str]]:
        with create_demo_workbook(path) as workbook:
            return [(c.name, c.stage or "") for c in list_candidates(workbook)]

    assert snapshot(tmp_path / "a.hiringdesk") == snapshot(tmp_path / "b.hiringdesk")


def test_a_failed_fill_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_ctx: object) -> None:
        raise RuntimeError("disk full")

    path = tmp_path / "demo.hiringdesk"
    with monkeypatch.context() as patch:
        patch.setattr("hiring_desk.services.demo.demo_workbook.add_candidates", broken)
        with pytest.raises(RuntimeError):
            create_demo_workbook(path)
    assert not path.exists()
    create_demo_workbook(path).close()  # the name is free again and the lock released


@pytest.mark.parametrize("today", [TODAY, *OTHER_DAYS], indirect=True)
def test_today_shows_something_of_every_kind(today: date, demo: Workbook) -> None:
    from hiring_desk.services.today.today_items import list_today
    from hiring_desk.services.today.today_views import ItemKind

    view = list_today(demo)
    # The offer is shown once, as expiring: it is the demo's only offer.
    wanted = set(ItemKind) - {ItemKind.OFFER_AWAITING}
    assert {item.kind for item in view.items} == wanted
    assert len(view.upcoming_tasks) == 1 and view.snoozed == 1


def test_the_senior_role_has_stages_of_its_own_with_candidates_in_them(demo: Workbook) -> None:
    from hiring_desk.services.pipeline import board, role_stages, stage_moves

    senior = next(r for r in list_roles(demo) if r.title == "Senior Backend Developer")
    stages = {(s.phase, s.name): s.applications for s in role_stages.stages(demo, senior.id)}
    assert stages[(Stage.INTERVIEW, "Take-home test")] >= 1
    assert stages[(Stage.INTERVIEW, "Technical interview")] >= 1
    assert stages[(Stage.SHORTLISTED, "References")] >= 1
    columns = [c.name for c in board.board(demo, senior.id)]
    assert columns.index("Take-home test") < columns.index("References") < columns.index("Offer")
    # The move into the step is on the candidate's timeline; the other role is standard.
    card = next(c for c in board.board(demo, senior.id) if c.name == "References").cards[0]
    newest = stage_moves.timeline(demo, card.candidate_id)[0]
    assert newest.description == "Shortlisted → References"
    other = next(r for r in list_roles(demo) if r.title == "Backend Developer")
    assert [s.key for s in role_stages.stages(demo, other.id)] == [s.value for s in Stage]
