"""The lists of roles, candidates, interviews and offers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hiring_desk.services.candidates.candidate_records import list_candidates
from hiring_desk.services.interviews.interview_records import list_interviews
from hiring_desk.services.offers.offer_records import list_offers
from hiring_desk.services.roles.role_records import list_roles
from hiring_desk.store import Workbook, models

T0 = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


@dataclass
class Ids:
    ada: int
    backend: int
    designer: int
    archive: int
    zoe: int
    bob: int
    carla: int
    zoe_backend: int
    zoe_designer: int
    bob_backend: int


def _seed(workbook: Workbook) -> Ids:
    """Three roles, three candidates (one without an application), three applications."""
    with workbook.transaction() as session:
        ada = models.TeamMember(name="Ada Lovelace")
        session.add(ada)
        session.flush()
        backend = models.Role(
            title="backend Engineer",
            status="open",
            headcount=2,
            location="Berlin",
            hiring_manager_id=ada.id,
            target_date=date(2026, 9, 1),
        )
        designer = models.Role(title="Designer", status="on_hold")
        archive = models.Role(title="Archivist", status="closed")
        zoe = models.Candidate(
            name="Zoe", email="zoe@example.com", source="referral", location="Paris"
        )
        bob = models.Candidate(name="bob", source="linkedin")
        carla = models.Candidate(name="Carla")
        session.add_all([backend, designer, archive, zoe, bob, carla])
        session.flush()
        assert backend.id and designer.id and zoe.id and bob.id
        zoe_backend = models.Application(
            candidate_id=zoe.id, role_id=backend.id, stage="interview", applied_at=T0
        )
        session.add(zoe_backend)
        session.flush()
        zoe_designer = models.Application(
            candidate_id=zoe.id,
            role_id=designer.id,
            stage="screening",
            applied_at=T0 + timedelta(days=1),
        )
        session.add(zoe_designer)
        session.flush()
        bob_backend = models.Application(candidate_id=bob.id, role_id=backend.id, stage="offer")
        session.add(bob_backend)
        session.flush()
        ids = [
            ada.id,
            backend.id,
            designer.id,
            archive.id,
            zoe.id,
            bob.id,
            carla.id,
            zoe_backend.id,
            zoe_designer.id,
            bob_backend.id,
        ]
        assert all(i is not None for i in ids)
        return Ids(*[int(i) for i in ids if i is not None])


# -- empty --------------------------------------------------------------------------------


def test_an_empty_workbook_lists_nothing(workbook: Workbook) -> None:
    assert list_roles(workbook) == []
    assert list_candidates(workbook) == []
    assert list_interviews(workbook) == []
    assert list_offers(workbook) == []


# -- roles ---------------------------------------------------------------------------------


def test_roles_are_sorted_by_title_ignoring_case(workbook: Workbook) -> None:
    _seed(workbook)
    assert [r.title for r in list_roles(workbook)] == ["Archivist", "backend Engineer", "Designer"]


def test_roles_count_their_candidates(workbook: Workbook) -> None:
    ids = _seed(workbook)
    counts = {r.id: r.candidate_count for r in list_roles(workbook)}
    assert counts == {ids.backend: 2, ids.designer: 1, ids.archive: 0}


def test_role_summary_fields(workbook: Workbook) -> None:
    ids = _seed(workbook)
    roles = {r.id: r for r in list_roles(workbook)}

    backend = roles[ids.backend]
    assert backend.title == "backend Engineer"
    assert backend.status == "open"
    assert backend.status_label == "Open"
    assert backend.headcount == 2
    assert backend.location == "Berlin"
    assert backend.hiring_manager == "Ada Lovelace"
    assert backend.target_date == date(2026, 9, 1)

    designer = roles[ids.designer]
    assert designer.hiring_manager == ""
    assert designer.status_label == "On hold"
    assert designer.target_date is None
    assert designer.headcount == 1


def test_roles_with_the_same_title_are_listed_in_creation_order(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add_all(
            [
                models.Role(title="Engineer"),
                models.Role(title="engineer"),
                models.Role(title="ENGINEER"),
            ]
        )
    assert [r.title for r in list_roles(workbook)] == ["Engineer", "engineer", "ENGINEER"]


# -- candidates ----------------------------------------------------------------------------


def test_candidates_are_sorted_by_name_ignoring_case(workbook: Workbook) -> None:
    _seed(workbook)
    assert [c.name for c in list_candidates(workbook)] == ["bob", "Carla", "Zoe"]


def test_candidates_with_accented_names_are_sorted_ignoring_case(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        for name in ["Öscar", "ölaf", "Émile", "Łukasz", "élodie", "Zed", "Lara"]:
            session.add(models.Candidate(name=name))
    names = [c.name for c in list_candidates(workbook)]
    # Accents and case aside, by letter: Ł with L, not after Z.
    assert names == ["élodie", "Émile", "Lara", "Łukasz", "ölaf", "Öscar", "Zed"]


def test_a_candidate_shows_the_stage_and_role_of_their_latest_application(
    workbook: Workbook,
) -> None:
    ids = _seed(workbook)
    candidates = {c.id: c for c in list_candidates(workbook)}

    zoe = candidates[ids.zoe]
    assert zoe.stage == "screening"  # the Designer application came last
    assert zoe.role_title == "Designer"
    assert zoe.stage_label == "Screening"
    assert zoe.email == "zoe@example.com"
    assert zoe.location == "Paris"
    assert zoe.source == "referral"
    assert zoe.source_label == "Referral"

    bob = candidates[ids.bob]
    assert (bob.stage, bob.role_title) == ("offer", "backend Engineer")
    assert bob.source_label == "LinkedIn"


def test_a_candidate_without_an_application_has_no_stage(workbook: Workbook) -> None:
    ids = _seed(workbook)
    carla = next(c for c in list_candidates(workbook) if c.id == ids.carla)
    assert carla.stage is None
    assert carla.role_title is None
    assert carla.stage_label == ""
    assert carla.source == "other"


def test_each_candidate_is_listed_once(workbook: Workbook) -> None:
    _seed(workbook)
    ids = [c.id for c in list_candidates(workbook)]
    assert len(ids) == len(set(ids)) == 3


def test_a_stage_change_shows_in_the_list(workbook: Workbook) -> None:
    ids = _seed(workbook)
    with workbook.transaction() as session:
        application = session.get(models.Application, ids.zoe_designer)
        assert application is not None
        application.stage = "rejected"
        session.add(application)
    zoe = next(c for c in list_candidates(workbook) if c.id == ids.zoe)
    assert zoe.stage == "rejected"
    assert zoe.stage_label == "Rejected"


# -- interviews ----------------------------------------------------------------------------


def test_interviews_are_listed_by_start_time(workbook: Workbook) -> None:
    ids = _seed(workbook)
    later = T0 + timedelta(days=3, hours=2)
    earlier = T0 + timedelta(days=2)
    with workbook.transaction() as session:
        session.add(
            models.Interview(
                application_id=ids.zoe_backend,
                round_name="Technical",
                starts_at=later,
                timezone="Europe/Berlin",
                duration_minutes=90,
            )
        )
        session.add(
            models.Interview(
                application_id=ids.bob_backend,
                round_name="Phone screen",
                starts_at=earlier,
                duration_minutes=30,
                status="done",
            )
        )

    interviews = list_interviews(workbook)

    assert [i.round_name for i in interviews] == ["Phone screen", "Technical"]
    phone, technical = interviews
    assert (phone.candidate_id, phone.candidate_name) == (ids.bob, "bob")
    assert (phone.role_id, phone.role_title) == (ids.backend, "backend Engineer")
    assert phone.status == "done"
    assert phone.duration_minutes == 30
    assert (technical.candidate_id, technical.candidate_name) == (ids.zoe, "Zoe")
    assert technical.timezone == "Europe/Berlin"
    assert technical.duration_minutes == 90
    assert technical.status == "scheduled"


def test_interview_start_times_come_back_as_the_same_utc_instant(workbook: Workbook) -> None:
    ids = _seed(workbook)
    starts = datetime.now(UTC).replace(microsecond=123456)
    with workbook.transaction() as session:
        session.add(models.Interview(application_id=ids.zoe_backend, starts_at=starts))
    (interview,) = list_interviews(workbook)
    assert interview.starts_at.tzinfo is not None
    assert interview.starts_at.utcoffset() == timedelta(0)
    assert interview.starts_at == starts


# -- offers ---------------------------------------------------------------------------------


def test_offers_are_listed_with_candidate_and_role(workbook: Workbook) -> None:
    ids = _seed(workbook)
    with workbook.transaction() as session:
        first = models.Offer(
            application_id=ids.bob_backend,
            salary_minor=8_500_000,
            currency="EUR",
            start_date=date(2026, 10, 1),
            status="sent",
        )
        session.add(first)
        session.flush()
        second = models.Offer(
            application_id=ids.zoe_designer,
            salary_minor=4_000,
            currency="GBP",
            pay_period="hour",
        )
        session.add(second)
        session.flush()
        first_id, second_id = first.id, second.id

    offers = list_offers(workbook)

    assert [o.id for o in offers] == [first_id, second_id]
    bob, zoe = offers
    assert (bob.candidate_id, bob.candidate_name) == (ids.bob, "bob")
    assert (bob.role_id, bob.role_title) == (ids.backend, "backend Engineer")
    assert (bob.status, bob.salary_minor, bob.currency) == ("sent", 8_500_000, "EUR")
    assert bob.pay_period == "year"
    assert bob.start_date == date(2026, 10, 1)
    assert (zoe.candidate_name, zoe.role_title) == ("Zoe", "Designer")
    assert (zoe.status, zoe.pay_period, zoe.currency) == ("draft", "hour", "GBP")
    assert zoe.start_date is None


def test_removing_a_role_removes_its_applications_from_the_lists(workbook: Workbook) -> None:
    ids = _seed(workbook)
    with workbook.transaction() as session:
        session.add(models.Interview(application_id=ids.bob_backend, starts_at=T0))
        session.add(models.Offer(application_id=ids.bob_backend, salary_minor=1))
    with workbook.transaction() as session:
        role = session.get(models.Role, ids.backend)
        assert role is not None
        session.delete(role)

    assert [r.id for r in list_roles(workbook)] == [ids.archive, ids.designer]
    assert list_interviews(workbook) == []
    assert list_offers(workbook) == []
    candidates = {c.id: c for c in list_candidates(workbook)}
    assert candidates[ids.bob].stage is None
    assert candidates[ids.zoe].role_title == "Designer"
