"""The audit log: the acting team member on every event, the log read back, no personal data."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sqlmodel import col, select

from hiring_desk.services.candidates import candidate_merge, candidate_records
from hiring_desk.services.candidates.attachments import add_attachment
from hiring_desk.services.candidates.csv_import import (
    default_options,
    import_candidates,
    read_delimited,
)
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent, Candidate


def events(workbook: Workbook) -> list[AuditEvent]:
    with workbook.transaction() as session:
        return list(session.exec(select(AuditEvent).order_by(col(AuditEvent.id))))


def test_without_a_chosen_member_events_name_nobody(workbook: Workbook) -> None:
    team_members.add_member(workbook, "Ada Lovelace")

    (event,) = events(workbook)
    assert (event.action, event.entity, event.member_id) == ("add", "team_member", None)


def test_the_chosen_member_is_recorded_on_every_later_change(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    cid = candidate_records.create_candidate(workbook, CandidateInput(name="Kofi Mensah")).id
    stage_moves.apply(workbook, cid, role.id)

    later = events(workbook)[1:]
    assert [(e.action, e.entity) for e in later] == [
        ("add", "role"),
        ("add", "candidate"),
        ("apply", "application"),
    ]
    assert {e.member_id for e in later} == {ada.id}
    assert workbook.acting_member_id == ada.id


def test_choosing_nobody_again_stops_naming_the_member(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)
    audit.set_acting_member(workbook, None)
    candidate_records.create_candidate(workbook, CandidateInput(name="Kofi Mensah"))

    assert events(workbook)[-1].member_id is None


def test_an_unknown_member_is_refused_and_the_choice_kept(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)

    with pytest.raises(NotFoundError):
        audit.set_acting_member(workbook, 999)

    assert workbook.acting_member_id == ada.id


def test_the_choice_belongs_to_one_workbook_handle(workbook: Workbook, tmp_path: Path) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)
    with Workbook.create(tmp_path / "other.hiringdesk") as other:
        team_members.add_member(other, "Grace Hopper")
        (event,) = events(other)
    assert event.member_id is None


def test_the_acting_member_may_remove_themselves(workbook: Workbook) -> None:
    """Their removal is recorded without them (a link to a removed member would break)."""
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)

    team_members.remove_member(workbook, ada.id)
    candidate_records.create_candidate(workbook, CandidateInput(name="Kofi Mensah"))

    removal, added = events(workbook)[-2:]
    assert (removal.action, removal.entity, removal.member_id) == ("remove", "team_member", None)
    assert (added.action, added.member_id) == ("add", None)


def test_list_events_newest_first_with_who_did_it(workbook: Workbook) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)
    cid = candidate_records.create_candidate(workbook, CandidateInput(name="Kofi Mensah")).id
    candidate_records.update_candidate(workbook, cid, CandidateInput(name="Kofi A. Mensah"))

    entries = audit.list_events(workbook)

    # A team workbook also names the login that made each change (the server writes it).
    login = "" if workbook.access is None else workbook.access.login
    ada_did = f"Ada Lovelace ({login})" if login else "Ada Lovelace"
    assert [(e.who, e.action, e.entity, e.entity_id) for e in entries] == [
        (ada_did, "edit", "candidate", cid),
        (ada_did, "add", "candidate", cid),
        (login, "add", "team_member", ada.id),
    ]
    assert {e.login for e in entries} == {login}
    assert entries[0].at >= entries[1].at >= entries[2].at
    assert [e.action for e in audit.list_events(workbook, limit=1)] == ["edit"]


# -- no personal data ----------------------------------------------------------------------------


def leaks(workbook: Workbook, people: list[tuple[str, str]]) -> list[str]:
    """Every (event, name or email) pair where the audit log holds a person's data."""
    found = []
    for event in events(workbook):
        text = f"{event.actor} {event.detail}".casefold()
        for name, email in people:
            words = [w for w in re.split(r"\W+", name.casefold()) if len(w) >= 3]
            hits = [w for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
            if email and email.casefold() in text:
                hits.append(email)
            found += [f"event {event.id} ({event.action} {event.entity}): {hit}" for hit in hits]
    return found


def people_of(workbook: Workbook) -> list[tuple[str, str]]:
    with workbook.transaction() as session:
        return [(c.name, c.email) for c in session.exec(select(Candidate))]


def test_the_demo_workbook_audit_log_holds_no_candidate_names_or_emails(demo: Workbook) -> None:
    people = people_of(demo)
    assert len(people) > 20
    assert len(events(demo)) > 1
    assert leaks(demo, people) == []


def test_creating_editing_merging_importing_and_attaching_log_no_personal_data(
    workbook: Workbook,
) -> None:
    ada = team_members.add_member(workbook, "Ada Lovelace")
    audit.set_acting_member(workbook, ada.id)
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    first = candidate_records.create_candidate(
        workbook,
        CandidateInput(name="Zanele Dlamini", email="zanele@example.org", notes="Met at PyCon"),
    ).id
    candidate_records.update_candidate(
        workbook,
        first,
        CandidateInput(name="Zanele Dlamini", email="zanele@example.org", phone="+27 21 555 0100"),
    )
    second = candidate_records.create_candidate(
        workbook, CandidateInput(name="Zanele Dlamini-Khumalo", email="z.khumalo@example.org")
    ).id
    stage_moves.apply(workbook, second, role.id)
    candidate_merge.merge(workbook, first, second)
    candidate_records.tag_many(workbook, [first], "Referral from Wojciech")
    add_attachment(
        workbook, first, "Zanele Dlamini CV.txt", b"Zanele Dlamini\nzanele@example.org\nPython"
    )
    table = read_delimited(
        b"Name,Email\nTheodora Papadopoulou,theodora@example.gr\nIvan Petrov,ivan@example.ru\n"
    )
    options = dataclasses.replace(default_options(workbook, table), role_id=role.id)
    import_candidates(workbook, table, options)

    people = [
        *people_of(workbook),
        ("Zanele Dlamini-Khumalo", "z.khumalo@example.org"),
        ("Wojciech", ""),
    ]
    assert {e.action for e in events(workbook)} >= {"add", "edit", "merge", "import", "tag"}
    assert leaks(workbook, people) == []
