"""Duplicate candidates: matching by email, phone and name; batch checks; merging."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from rapidfuzz import fuzz
from sqlmodel import col, select

from hiring_desk.services.candidates import candidate_records, duplicates
from hiring_desk.services.candidates.candidate_merge import merge, preview_merge
from hiring_desk.services.candidates.duplicates import (
    NAME_THRESHOLD,
    DuplicateIndex,
    batch_index,
    find_duplicates,
    name_key,
    normalise_email,
    normalise_phone,
    phones_match,
)
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook, search
from hiring_desk.store.models import (
    Application,
    Attachment,
    AuditEvent,
    Candidate,
    Interview,
    Offer,
    StageEvent,
    Task,
)


def add(workbook: Workbook, name: str, **fields: object) -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name=name, **fields)).id  # type: ignore[arg-type]


def ids(matches: list[duplicates.DuplicateMatch]) -> list[int]:
    return [m.candidate_id for m in matches]


# -- normalising ---------------------------------------------------------------------------


def test_normalised_values() -> None:
    assert normalise_email("  Ann.Lee+jobs@Example.COM ") == "ann.lee+jobs@example.com"
    assert normalise_phone("+353 (87) 123-4567") == "353871234567"
    assert normalise_phone("") == ""
    assert name_key("  José   GARCÍA-Ødegård ") == "jose garcia odegard"
    assert name_key("Łukasz Strauß") == "lukasz strauss"
    assert phones_match("+353 87 123 4567", "087 123 4567")
    assert phones_match("00353871234567", "0871234567")
    assert not phones_match("+353 87 123 4567", "+353 87 123 4568")
    assert phones_match("555 0123", "5550123")
    assert not phones_match("", "")


# -- finding -------------------------------------------------------------------------------


def test_same_email_in_another_case_matches(workbook: Workbook) -> None:
    cid = add(workbook, "Ann Lee", email="ann.lee@example.com")
    add(workbook, "Someone Else", email="ann.lee+jobs@example.com")
    (found,) = find_duplicates(workbook, name="A. Lee-Smith", email=" ANN.Lee@Example.com ")
    assert found.candidate_id == cid
    assert found.reasons == ("same email",)
    assert (found.name, found.email) == ("Ann Lee", "ann.lee@example.com")
    assert (
        find_duplicates(workbook, name="Nobody", email="ann.lee@example.com", exclude_id=cid) == []
    )


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("+353 87 123 4567", "087 123 4567"),
        ("0871234567", "+353871234567"),
        ("+353-87-1234567", "(087) 123 45 67"),
        ("087 123 4567", "0871234567"),
    ],
)
def test_same_phone_with_or_without_country_code_matches(
    workbook: Workbook, stored: str, typed: str
) -> None:
    cid = add(workbook, "Niamh Byrne", phone=stored)
    add(workbook, "Other Person", phone="+353 87 765 4321")
    (found,) = find_duplicates(workbook, name="N. B.", phone=typed)
    assert found.candidate_id == cid
    assert found.reasons == ("same phone",)


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Jose Garcia", "José García"),
        ("José García", "JOSE GARCIA"),
        ("Jose Garcia", "Garcia Jose"),
        ("Jose Garcia", "García, José"),
        ("Ingrid Ødegård", "Ingrid Odegard"),
        ("Jon Smith", "John Smith"),
    ],
)
def test_similar_names_match(workbook: Workbook, stored: str, typed: str) -> None:
    cid = add(workbook, stored)
    add(workbook, "Maria Lopez")
    (found,) = find_duplicates(workbook, name=typed)
    assert found.candidate_id == cid
    assert found.score >= NAME_THRESHOLD
    assert found.reasons == (f"similar name ({found.score}%)",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Anna Berg", "Hanna Bergström"),
        ("Maria Lopez", "Mario Lopes"),
        ("Jose Garcia", "Josefina Garcia"),
        ("Kim Lee", "Tim Lee"),
    ],
)
def test_different_people_do_not_match(workbook: Workbook, a: str, b: str) -> None:
    score = fuzz.token_sort_ratio(name_key(a), name_key(b))
    assert score < NAME_THRESHOLD  # e.g. Anna Berg / Hanna Bergström: 33
    add(workbook, a)
    assert find_duplicates(workbook, name=b) == []


def test_shared_contact_details_come_before_names_and_limit_applies(workbook: Workbook) -> None:
    by_name = add(workbook, "Jose Garcia")
    by_phone = add(workbook, "J. Garcia-Ruiz", phone="+34 612 345 678")
    by_email = add(workbook, "Pepe", email="jose@example.es")
    by_both = add(workbook, "Jose Garcia", email="jose@example.es", phone="612345678")
    add(workbook, "Unrelated Person")
    found = find_duplicates(
        workbook, name="José García", email="Jose@example.es", phone="0034 612 345 678"
    )
    assert ids(found) == [by_both, by_phone, by_email, by_name]
    assert found[0].reasons == ("same email", "same phone", "similar name (100%)")
    assert ids(find_duplicates(workbook, name="José García", email="jose@example.es", limit=2)) == [
        by_both,
        by_email,
    ]
    assert find_duplicates(workbook, name="José García", limit=0) == []
    assert find_duplicates(workbook, name="  ") == []


def test_batch_index_matches_existing_and_earlier_rows_of_the_same_import(
    workbook: Workbook,
) -> None:
    existing = add(workbook, "Ann Lee", email="ann@example.com", phone="+353 87 123 4567")
    index = batch_index(workbook)
    assert len(index) == 1
    assert index.match("Someone", "ANN@example.com", "") == existing
    assert index.match("Someone", "", "087 123 4567") == existing
    assert index.match("Lee Ann", "", "") == existing
    assert index.match("Bob Stone", "bob@example.com", "") is None
    index.add(1001, "Bob Stone", "bob@example.com", "")
    assert index.match("Robert", "Bob@Example.com", "") == 1001
    assert index.match("Böb Stöne", "", "") == 1001
    assert index.match("Hanna Bergström", "", "") is None
    # A similar name alone is not enough when both have an email or phone that differs.
    assert index.match("Ann Lee", "ann.lee@other.example", "") is None
    assert index.match("Ann Lee", "", "+44 20 7946 0000") is None
    assert index.match("Bob Stone", "", "+44 20 7946 0000") == 1001
    index.add(1002, "Ann Lee", "ann@example.com", "")  # the first one keeps the email
    assert index.match("X", "ann@example.com", "") == existing


def test_batch_index_prefers_the_closest_name_then_the_first_added() -> None:
    index = DuplicateIndex()
    index.add(1, "Marta Nowak", "marta@example.com", "")  # differs from a row's email
    index.add(2, "Marta Nowakk", "", "+48 600 100 200")
    index.add(3, "Marta Nowak", "", "")
    index.add(4, "Marta Nowak", "", "+48 600 100 300")
    # No contact details: any similar name counts; the exact ones tie, the first wins.
    assert index.match("Marta Nowak") == 1
    # An email: only names of candidates without one; 3 and 4 tie, 3 came first.
    assert index.match("Marta Nowak", "m.nowak@example.org", "") == 3
    # An email and a phone: only candidates with neither.
    assert index.match("Marta Nowakk", "m.nowak@example.org", "+48 500 000 000") == 3
    # The closest name wins over the first added.
    assert index.match("Marta Nowakk", "m.nowak@example.org", "") == 2


# -- merging -------------------------------------------------------------------------------


def _attach(workbook: Workbook, candidate_id: int, filename: str, sha: str, text: str) -> None:
    with workbook.transaction() as session:
        session.add(
            Attachment(
                candidate_id=candidate_id,
                filename=filename,
                mime="text/plain",
                size=len(text),
                sha256=sha,
                content=text.encode(),
                text=text,
            )
        )
        search.index_candidate(session, candidate_id)


def _moved(workbook: Workbook, application_id: int, *stages: str) -> None:
    for stage in stages:
        stage_moves.move(workbook, application_id, stage)


def test_merge_keeps_everything(workbook: Workbook, today: date) -> None:
    backend = role_records.create_role(workbook, RoleBrief(title="Backend Developer")).id
    designer = role_records.create_role(workbook, RoleBrief(title="Product Designer")).id
    tester = role_records.create_role(workbook, RoleBrief(title="Test Engineer")).id
    keep = add(
        workbook,
        "José García",
        email="jose@work.example",
        skills=("Python", "SQL"),
        tags=("strong CV",),
        notes="Met at the meetup.",
    )
    other = add(
        workbook,
        "Jose Garcia",
        email="pepe@home.example",
        phone="+34 612 345 678",
        location="Valencia",
        current_title="Backend engineer",
        source="referral",
        skills=("sql", "Docker"),
        tags=("Spanish speaker", "STRONG cv"),
        notes="Referred by Ana.",
    )
    _attach(workbook, keep, "cv.txt", "a" * 64, "kept curriculum")
    _attach(workbook, other, "cv-2024.txt", "b" * 64, "kubernetes curriculum")
    _attach(workbook, other, "cv copy.txt", "a" * 64, "kept curriculum")  # an exact copy

    kept_backend = stage_moves.apply(workbook, keep, backend).id
    _moved(workbook, kept_backend, "screening")
    their_backend = stage_moves.apply(workbook, other, backend).id
    _moved(workbook, their_backend, "screening", "interview", "shortlisted")
    stage_moves.apply(workbook, keep, designer)
    their_tester = stage_moves.apply(workbook, other, tester).id
    starts = datetime(2030, 1, 2, 9, tzinfo=UTC)
    with workbook.transaction() as session:  # history on the lesser application
        session.add(Interview(application_id=kept_backend, round_name="Phone", starts_at=starts))
        session.add(Offer(application_id=kept_backend, salary_minor=1))

    preview = preview_merge(workbook, keep, other)
    assert (preview.moved_attachments, preview.moved_applications) == (1, 1)
    assert preview.conflicting_applications == ("Backend Developer",)
    assert (
        candidate_records.get_candidate(workbook, other).record.name == "Jose Garcia"
    )  # unchanged

    detail = merge(workbook, keep, other)
    record = detail.record
    assert detail.id == keep and preview.record == record
    assert record.name == "José García" and record.email == "jose@work.example"  # kept wins
    assert (record.phone, record.location, record.current_title, record.source) == (
        "+34 612 345 678",
        "Valencia",
        "Backend engineer",
        "referral",
    )
    assert record.skills == ("Python", "SQL", "Docker")
    assert record.tags == ("strong CV", "Spanish speaker")
    assert record.notes == (
        "Met at the meetup.\n\n"
        f"Merged from Jose Garcia ({today.isoformat()}):\n"
        "Email: pepe@home.example\n"
        "Referred by Ana."
    )

    with pytest.raises(NotFoundError):
        candidate_records.get_candidate(workbook, other)
    with workbook.transaction() as session:
        assert session.exec(select(Candidate.id)).all() == [keep]
        files = session.exec(select(Attachment).order_by(col(Attachment.id))).all()
        assert [(f.candidate_id, f.filename) for f in files] == [
            (keep, "cv.txt"),
            (keep, "cv-2024.txt"),
        ]
        apps = session.exec(select(Application).order_by(col(Application.role_id))).all()
        assert [(a.candidate_id, a.role_id) for a in apps] == [
            (keep, backend),
            (keep, designer),
            (keep, tester),
        ]
        shared = apps[0]
        assert (shared.id, shared.stage) == (their_backend, "shortlisted")
        assert apps[2].id == their_tester
        events = session.exec(
            select(StageEvent.to_stage)
            .where(StageEvent.application_id == their_backend)
            .order_by(col(StageEvent.id))
        ).all()
        assert sorted(events) == sorted(
            ["applied", "screening", "applied", "screening", "interview", "shortlisted"]
        )
        assert session.exec(select(Interview.application_id)).all() == [their_backend]
        assert session.exec(select(Offer.application_id)).all() == [their_backend]
        assert session.get(Application, kept_backend) is None
        (event,) = session.exec(select(AuditEvent).where(AuditEvent.action == "merge")).all()
        assert event.entity_id == keep
        assert json.loads(event.detail) == {"kept": keep, "merged": other}
        assert "Garc" not in event.detail
        assert search.search_ids(session, "pepe@home.example") == [keep]
        assert search.search_ids(session, "kubernetes") == [keep]
        assert search.search_ids(session, "Valencia") == [keep]
    assert [c.id for c in candidate_records.list_candidates(workbook, "Docker")] == [keep]
    assert len(stage_moves.timeline(workbook, keep)) == 8


def test_merge_moves_the_other_candidates_tasks(workbook: Workbook, today: date) -> None:
    keep = add(workbook, "José García", email="jose@work.example")
    other = add(workbook, "Jose Garcia", email="pepe@home.example")
    with workbook.transaction() as session:
        session.add(Task(candidate_id=other, title="Call back", due_on=today))
    merge(workbook, keep, other)
    with workbook.transaction() as session:
        assert session.exec(select(Task.candidate_id, Task.title)).all() == [(keep, "Call back")]


def test_merge_fills_empty_fields_and_keeps_the_further_kept_application(
    workbook: Workbook, today: date
) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Analyst")).id
    keep = add(workbook, "Kari Nordmann")
    other = add(workbook, "Kari Nordman", email="kari@example.no", notes="Prefers mornings.")
    kept_app = stage_moves.apply(workbook, keep, role).id
    _moved(workbook, kept_app, "screening")
    their_app = stage_moves.apply(workbook, other, role).id
    stage_moves.move(workbook, their_app, "rejected", reason="Not a fit")  # closed counts least
    with workbook.transaction() as session:
        session.add(Offer(application_id=their_app, salary_minor=1))

    record = merge(workbook, keep, other).record
    assert record.email == "kari@example.no"
    assert record.notes == f"Merged from Kari Nordman ({today.isoformat()}):\nPrefers mornings."
    with workbook.transaction() as session:
        (app,) = session.exec(select(Application)).all()
        assert (app.id, app.stage) == (kept_app, "screening")
        assert session.exec(select(Offer.application_id)).all() == [kept_app]
        assert len(session.exec(select(StageEvent)).all()) == 4
        assert search.search_ids(session, "kari@example.no") == [keep]
    assert (
        find_duplicates(workbook, name="Someone", email="kari@example.no")[0].candidate_id == keep
    )


def test_merge_refuses_itself_and_missing_ids(workbook: Workbook) -> None:
    cid = add(workbook, "Ann Lee")
    with pytest.raises(ValidationError):
        merge(workbook, cid, cid)
    with pytest.raises(ValidationError):
        preview_merge(workbook, cid, cid)
    with pytest.raises(NotFoundError):
        merge(workbook, cid, 999)
    with pytest.raises(NotFoundError):
        merge(workbook, 999, cid)
    assert candidate_records.get_candidate(workbook, cid).record.name == "Ann Lee"
