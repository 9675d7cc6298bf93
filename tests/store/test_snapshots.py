"""Snapshots: a delete taken back leaves the workbook exactly as it was."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, col, select

from hiring_desk.store import Workbook, snapshots
from hiring_desk.store.models import (
    Application,
    Attachment,
    AuditEvent,
    Candidate,
    Interview,
    InterviewInterviewer,
    Offer,
    RejectionReason,
    Scorecard,
    StageEvent,
    TeamMember,
)


def dump(workbook: Workbook) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two equal dumps are two equal workbooks."""
    with workbook.transaction() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(sa.select(table))), key=repr)
            for table in SQLModel.metadata.sorted_tables
        }


def delete(workbook: Workbook, table: str, row_id: int) -> snapshots.Snapshot:
    """Snapshot then delete a row in one transaction, as the services do."""
    with workbook.transaction() as session:
        snapshot = snapshots.take(session, table, row_id)
        target = SQLModel.metadata.tables[table]
        session.execute(sa.delete(target).where(target.c.id == row_id))
        return snapshot


def restore(workbook: Workbook, snapshot: snapshots.Snapshot) -> dict[tuple[str, int], int]:
    with workbook.transaction() as session:
        return snapshots.restore(session, snapshot)


def busiest_candidate(workbook: Workbook) -> int:
    """The candidate with an offer, scorecards and a file: the most that can cascade."""
    with workbook.transaction() as session:
        statement = (
            select(Application.candidate_id)
            .join(Offer, col(Offer.application_id) == col(Application.id))
            .join(Interview, col(Interview.application_id) == col(Application.id))
            .join(Scorecard, col(Scorecard.interview_id) == col(Interview.id))
            .join(Attachment, col(Attachment.candidate_id) == col(Application.candidate_id))
        )
        return int(session.exec(statement).first() or 0)


def test_a_deleted_candidate_comes_back_with_everything(demo: Workbook) -> None:
    candidate_id = busiest_candidate(demo)
    assert candidate_id
    before = dump(demo)
    snapshot = delete(demo, "candidate", candidate_id)
    kinds = {row.table for row in snapshot.rows}
    assert {
        "candidate",
        "application",
        "stage_event",
        "attachment",
        "interview",
        "interview_interviewer",
        "scorecard",
        "scorecard_rating",
        "offer",
    } <= kinds
    assert snapshot.rows[0].table == "candidate"  # parents first
    with demo.transaction() as session:
        assert session.get(Candidate, candidate_id) is None
        gone = select(Application).where(Application.candidate_id == candidate_id)
        assert session.exec(gone).all() == []
    assert restore(demo, snapshot) == {}
    assert dump(demo) == before


def test_references_set_to_null_are_put_back(demo: Workbook) -> None:
    """A team member's removal nulls interviewer, approver, mover and audit columns."""
    with demo.transaction() as session:
        member_id = session.exec(
            select(Scorecard.interviewer_id).where(col(Scorecard.interviewer_id).is_not(None))
        ).first()
    assert member_id is not None
    before = dump(demo)
    snapshot = delete(demo, "team_member", member_id)
    assert {ref.table for ref in snapshot.nulled} >= {"scorecard"}
    assert snapshot.count("interview_interviewer") > 0  # those rows cascade
    with demo.transaction() as session:
        nulled = select(Scorecard).where(Scorecard.interviewer_id == member_id)
        assert session.exec(nulled).all() == []
    restore(demo, snapshot)
    assert dump(demo) == before


def test_a_reference_set_again_since_is_left_alone(demo: Workbook) -> None:
    with demo.transaction() as session:
        card = session.exec(
            select(Scorecard).where(col(Scorecard.interviewer_id).is_not(None))
        ).first()
        assert card is not None and card.interviewer_id is not None
        card_id, member_id = card.id, card.interviewer_id
        other = session.exec(select(TeamMember.id).where(TeamMember.id != member_id)).first()
    snapshot = delete(demo, "team_member", member_id)
    with demo.transaction() as session:
        card = session.get(Scorecard, card_id)
        assert card is not None
        card.interviewer_id = other
        session.add(card)
    restore(demo, snapshot)
    with demo.transaction() as session:
        card = session.get(Scorecard, card_id)
        assert card is not None and card.interviewer_id == other
        assert session.get(TeamMember, member_id) is not None


@pytest.mark.sqlite_only  # SQLite hands a freed highest id out again; a sequence never does
def test_ids_taken_since_move_and_their_children_follow(demo: Workbook) -> None:
    """SQLite gives the highest id again once that row is gone."""
    with demo.transaction() as session:
        newest = session.exec(
            select(Application.candidate_id).order_by(col(Application.candidate_id).desc())
        ).first()
        assert newest is not None
        # Candidates added after the newest applicant (the demo's talent pool) go first,
        # so the applicant's id is the highest.
        for later in session.exec(select(Candidate).where(col(Candidate.id) > newest)).all():
            session.delete(later)
    snapshot = delete(demo, "candidate", newest)
    applications = snapshot.values_of("application")
    assert applications
    with demo.transaction() as session:
        stranger = Candidate(name="Someone New")
        session.add(stranger)
        session.flush()
        assert stranger.id == newest  # the id was reused
        taken = applications[0]
        session.add(Application(id=taken["id"], candidate_id=newest, role_id=taken["role_id"]))
    moved = restore(demo, snapshot)
    new_id = moved[("candidate", newest)]
    assert new_id != newest
    new_application = moved[("application", taken["id"])]
    with demo.transaction() as session:
        back = session.get(Candidate, new_id)
        assert back is not None and back.name == snapshot.rows[0].values["name"]
        assert session.get(Candidate, newest).name == "Someone New"  # type: ignore[union-attr]
        restored = session.exec(select(Application).where(Application.candidate_id == new_id))
        assert len(restored.all()) == len(applications)
        history = select(StageEvent).where(StageEvent.application_id == new_application)
        assert len(session.exec(history).all()) == sum(
            1 for e in snapshot.values_of("stage_event") if e["application_id"] == taken["id"]
        )
        interviewers = session.exec(
            select(InterviewInterviewer)
            .join(Interview, col(Interview.id) == col(InterviewInterviewer.interview_id))
            .join(Application, col(Application.id) == col(Interview.application_id))
            .where(Application.candidate_id == new_id)
        ).all()
        assert len(interviewers) == snapshot.count("interview_interviewer")


def test_a_conflict_is_reported_not_half_done(demo: Workbook) -> None:
    with demo.transaction() as session:
        reason = session.exec(select(RejectionReason)).first()
        assert reason is not None and reason.id is not None
        reason_id, text = reason.id, reason.text
    snapshot = delete(demo, "rejection_reason", reason_id)
    with demo.transaction() as session:
        session.add(RejectionReason(text=text, position=99))
    with pytest.raises(snapshots.RestoreConflictError):
        restore(demo, snapshot)


def test_rows_whose_parent_is_gone_cannot_go_back(demo: Workbook) -> None:
    with demo.transaction() as session:
        attachment = session.exec(select(Attachment)).first()
        assert attachment is not None and attachment.id is not None
        attachment_id, owner = attachment.id, attachment.candidate_id
    snapshot = delete(demo, "attachment", attachment_id)
    delete(demo, "candidate", owner)
    with pytest.raises(snapshots.RestoreConflictError):
        restore(demo, snapshot)
    with demo.transaction() as session:
        assert session.get(Attachment, attachment_id) is None


def test_audit_events_of_a_removed_member_get_their_member_back(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        member = TeamMember(name="Ana")
        session.add(member)
        session.flush()
        assert member.id is not None
        member_id = member.id
        session.add(AuditEvent(action="edit", entity="role", member_id=member_id))
    snapshot = delete(workbook, "team_member", member_id)
    assert [ref.table for ref in snapshot.nulled] == ["audit_event"]
    restore(workbook, snapshot)
    with workbook.transaction() as session:
        event = session.exec(select(AuditEvent)).one()
        assert event.member_id == member_id


def test_a_missing_row_cannot_be_snapshotted(workbook: Workbook) -> None:
    with workbook.transaction() as session, pytest.raises(LookupError):
        snapshots.take(session, "candidate", 12345)
