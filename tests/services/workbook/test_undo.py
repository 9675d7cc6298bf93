"""Deleted records put back by services.undo, with search and match scores current."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.privacy.erasure import erase_candidate
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import rejection_reasons, team_members
from hiring_desk.services.workbook import undo
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Attachment,
    AuditEvent,
    Candidate,
    CandidateSkill,
    Interview,
    Offer,
    Role,
    RoleSkill,
)


def _with_offer_and_file(workbook: Workbook) -> tuple[int, str, str]:
    """A candidate with an offer, an interview and a CV: (id, name, a word of the CV)."""
    with workbook.transaction() as session:
        row = session.exec(
            select(Candidate, Attachment)
            .join(Application, col(Application.candidate_id) == col(Candidate.id))
            .join(Offer, col(Offer.application_id) == col(Application.id))
            .join(Interview, col(Interview.application_id) == col(Application.id))
            .join(Attachment, col(Attachment.candidate_id) == col(Candidate.id))
        ).first()
        assert row is not None
        candidate, attachment = row
        word = max(attachment.text.split(), key=len)
        return candidate.id or 0, candidate.name, word


def test_a_deleted_candidate_is_found_again(demo: Workbook) -> None:
    candidate_id, name, cv_word = _with_offer_and_file(demo)
    assert [c.id for c in candidate_records.list_candidates(demo, cv_word)].count(candidate_id) == 1
    snapshot = candidate_records.delete_candidate(demo, candidate_id)
    assert undo.thing_deleted(snapshot) == "Candidate"
    assert candidate_id not in [c.id for c in candidate_records.list_candidates(demo, name)]

    restored = undo.restore_deleted(demo, snapshot)

    assert restored == undo.Restored("candidate", candidate_id, candidate_id)
    assert candidate_id in [c.id for c in candidate_records.list_candidates(demo, name)]
    assert candidate_id in [c.id for c in candidate_records.list_candidates(demo, cv_word)]
    with demo.transaction() as session:
        applications = session.exec(
            select(Application).where(Application.candidate_id == candidate_id)
        ).all()
        assert len(applications) == snapshot.count("application")
        assert session.exec(select(Offer)).all()
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "restore")).all()
        assert [(e.entity, e.entity_id) for e in events] == [("candidate", candidate_id)]


def test_match_scores_are_recomputed_for_skills_changed_meanwhile(demo: Workbook) -> None:
    """The role's skills changed after the delete: the restored scores follow them."""
    with demo.transaction() as session:
        application = session.exec(
            select(Application).where(col(Application.match_score).is_not(None))
        ).first()
        assert application is not None
        candidate_id, role_id = application.candidate_id, application.role_id
    snapshot = candidate_records.delete_candidate(demo, candidate_id)
    with demo.transaction() as session:
        for skill in session.exec(select(RoleSkill).where(RoleSkill.role_id == role_id)):
            session.delete(skill)
        have = session.exec(
            select(CandidateSkill.skill).where(CandidateSkill.candidate_id == candidate_id)
        ).all()
        assert not have  # the candidate's skills went with them
    undo.restore_deleted(demo, snapshot)
    with demo.transaction() as session:
        back = session.exec(
            select(Application).where(
                Application.candidate_id == candidate_id, Application.role_id == role_id
            )
        ).one()
        assert back.match_score is None  # the role lists no skills any more


def test_a_removed_file_comes_back_into_the_search(demo: Workbook) -> None:
    candidate_id, _name, cv_word = _with_offer_and_file(demo)
    with demo.transaction() as session:
        files = session.exec(
            select(Attachment.id).where(Attachment.candidate_id == candidate_id)
        ).all()
    snapshots = [attachments.remove_attachment(demo, file_id or 0) for file_id in files]
    assert candidate_id not in [c.id for c in candidate_records.list_candidates(demo, cv_word)]
    for snapshot in reversed(snapshots):
        restored = undo.restore_deleted(demo, snapshot)
        assert restored.candidate_id == candidate_id
        assert undo.thing_deleted(snapshot) == "File"
    assert candidate_id in [c.id for c in candidate_records.list_candidates(demo, cv_word)]
    assert len(attachments.list_attachments(demo, candidate_id)) == len(files)


def test_nothing_goes_back_into_an_erased_candidate(demo: Workbook) -> None:
    candidate_id, _name, _word = _with_offer_and_file(demo)
    file_id = attachments.list_attachments(demo, candidate_id)[0].id
    snapshot = attachments.remove_attachment(demo, file_id)
    erase_candidate(demo, candidate_id)
    with pytest.raises(ServiceError, match="erased"):
        undo.restore_deleted(demo, snapshot)
    assert attachments.list_attachments(demo, candidate_id) == []


def test_a_file_of_a_candidate_deleted_since_cannot_go_back(demo: Workbook) -> None:
    candidate_id, _name, _word = _with_offer_and_file(demo)
    file_id = attachments.list_attachments(demo, candidate_id)[0].id
    snapshot = attachments.remove_attachment(demo, file_id)
    candidate_records.delete_candidate(demo, candidate_id)
    with pytest.raises(undo.RestoreError, match="The deleted file cannot be put back"):
        undo.restore_deleted(demo, snapshot)


def test_a_role_member_and_reason_come_back(workbook: Workbook) -> None:
    member = team_members.add_member(workbook, "Noor Haddad", "CTO")
    reason_id = rejection_reasons.add_reason(workbook, "Moved abroad")
    with workbook.transaction() as session:
        role = Role(title="Data Engineer", hiring_manager_id=member.id)
        session.add(role)
        session.flush()
        role_id = role.id or 0
        session.add(RoleSkill(role_id=role_id, skill="SQL", importance="must"))

    role_snapshot = role_records.delete_role(workbook, role_id)
    assert role_snapshot.count("role_skill") == 1
    undo.restore_deleted(workbook, role_snapshot)
    assert [r.title for r in role_records.list_roles(workbook)] == ["Data Engineer"]

    reason_snapshot = rejection_reasons.remove_reason(workbook, reason_id)
    assert reason_snapshot is not None
    assert rejection_reasons.remove_reason(workbook, reason_id) is None  # already gone
    again = rejection_reasons.add_reason(workbook, "moved ABROAD")
    with pytest.raises(undo.RestoreError, match="'moved ABROAD' is in the list again"):
        undo.restore_deleted(workbook, reason_snapshot)
    rejection_reasons.remove_reason(workbook, again)
    undo.restore_deleted(workbook, reason_snapshot)
    assert [text for _id, text in rejection_reasons.list_reasons(workbook)][-1] == "Moved abroad"


def test_a_team_member_comes_back_as_hiring_manager(workbook: Workbook) -> None:
    member = team_members.add_member(workbook, "Noor Haddad", "CTO")
    with workbook.transaction() as session:
        session.add(Role(title="Data Engineer"))
        session.add(AuditEvent(action="edit", entity="role", member_id=member.id))
    snapshot = team_members.remove_member(workbook, member.id)
    assert undo.thing_deleted(snapshot) == "Team Member"
    restored = undo.restore_deleted(workbook, snapshot)
    assert restored == undo.Restored("team_member", member.id, None)
    assert [m.name for m in team_members.list_members(workbook)] == ["Noor Haddad"]
    with workbook.transaction() as session:
        edit = session.exec(select(AuditEvent).where(AuditEvent.action == "edit")).one()
        assert edit.member_id == member.id
