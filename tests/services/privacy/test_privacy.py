"""Privacy: consent records, the retention policy and queue, erasure, and the access export."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlmodel import col
from tests.services.privacy.privacy_setup import EMAIL, NAME, PHONE, Person, add_person, cv_text

from hiring_desk.services import audit
from hiring_desk.services.candidates import attachments, candidate_merge, candidate_records
from hiring_desk.services.candidates.erased_guard import ErasedCandidateError
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.errors import NotFoundError, ServiceError, ValidationError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.access_export import attachment_file_name
from hiring_desk.services.privacy.erasure import ERASED_MARK, Scrubber, erased_name
from hiring_desk.services.workbook.backups import list_backups
from hiring_desk.store import Workbook, models, search

TODAY = date(2026, 11, 24)
CLOSED = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@pytest.fixture
def person(workbook: Workbook) -> Person:
    return add_person(workbook)


def _close_on(workbook: Workbook, application_id: int, when: datetime) -> None:
    """Date the move that closed the application (and everything else about it) ``when``."""
    with workbook.transaction() as session:
        session.execute(
            update(models.StageEvent)
            .where(col(models.StageEvent.application_id) == application_id)
            .values(at=when)
        )
        session.execute(
            update(models.Application)
            .where(col(models.Application.id) == application_id)
            .values(updated_at=when)
        )


def _added_on(workbook: Workbook, candidate_id: int, when: datetime) -> None:
    with workbook.transaction() as session:
        session.execute(
            update(models.Candidate)
            .where(col(models.Candidate.id) == candidate_id)
            .values(created_at=when)
        )


def _count(workbook: Workbook, model: object, *where: object) -> int:
    with workbook.transaction() as session:
        statement = select(func.count()).select_from(model)  # type: ignore[arg-type]
        for clause in where:
            statement = statement.where(clause)  # type: ignore[arg-type]
        return int(session.execute(statement).scalar_one())


# -- consent -----------------------------------------------------------------------------


def test_consent_is_recorded_with_when_how_and_until(workbook: Workbook, person: Person) -> None:
    info = consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 3, 1), " By email ", date(2027, 3, 1), today=TODAY
    )
    assert info.has_consent
    assert (info.consent_given_on, info.consent_method, info.consent_until) == (
        date(2026, 3, 1),
        "By email",
        date(2027, 3, 1),
    )
    assert consent_retention.privacy_info(workbook, person.candidate_id) == info
    event = audit.list_events(workbook, limit=1)[0]
    assert (event.action, event.entity, event.entity_id) == (
        "consent",
        "candidate",
        info.candidate_id,
    )


def test_consent_can_be_withdrawn(workbook: Workbook, person: Person) -> None:
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 3, 1), "In a call", date(2027, 3, 1), today=TODAY
    )
    info = consent_retention.set_consent(workbook, person.candidate_id, None, today=TODAY)
    assert not info.has_consent
    assert (info.consent_method, info.consent_until) == ("", None)


@pytest.mark.parametrize(
    ("given", "method", "until", "field", "message"),
    [
        (date(2026, 12, 1), "By email", date(2027, 1, 1), "given_at", "cannot be in the future"),
        (date(2026, 3, 1), "  ", date(2027, 1, 1), "method", "say how"),
        (date(2026, 3, 1), "x" * 101, date(2027, 1, 1), "method", "at most 100"),
        (date(2026, 3, 1), "By email", None, "until", "the day the consent ends"),
        (date(2026, 3, 1), "By email", date(2026, 2, 28), "until", "on or after"),
    ],
)
def test_consent_is_checked(
    workbook: Workbook,
    person: Person,
    given: date,
    method: str,
    until: date | None,
    field: str,
    message: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        consent_retention.set_consent(
            workbook, person.candidate_id, given, method, until, today=TODAY
        )
    assert message in caught.value.errors[field]
    assert not consent_retention.privacy_info(workbook, person.candidate_id).has_consent


def test_consent_for_an_unknown_candidate(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        consent_retention.set_consent(
            workbook, 999, date(2026, 3, 1), "By email", date(2027, 1, 1), today=TODAY
        )


# -- the retention policy ------------------------------------------------------------------


def test_retention_months_default_set_and_checked(workbook: Workbook) -> None:
    assert consent_retention.get_retention_months(workbook) == 6
    assert consent_retention.set_retention_months(workbook, 18) == 18
    assert consent_retention.get_retention_months(workbook) == 18
    for wrong in (0, 121, -3):
        with pytest.raises(ValidationError) as caught:
            consent_retention.set_retention_months(workbook, wrong)
        assert "between 1 and 120" in caught.value.errors["retention_months"]
    assert consent_retention.get_retention_months(workbook) == 18


def test_a_damaged_setting_falls_back_to_the_default(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(models.WorkbookSetting(key="retention_months", value="soon"))
    assert consent_retention.get_retention_months(workbook) == 6


# -- the queue ----------------------------------------------------------------------------


def test_due_the_policy_months_after_the_application_closed(
    workbook: Workbook, person: Person
) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    _added_on(workbook, person.other_id, datetime(2026, 11, 1, tzinfo=UTC))
    assert consent_retention.due_for_deletion(workbook, date(2026, 7, 14)) == []
    (due,) = consent_retention.due_for_deletion(workbook, date(2026, 7, 15))
    assert (due.candidate_id, due.name, due.since) == (person.candidate_id, NAME, date(2026, 7, 15))
    assert due.why == (
        "Their last application closed on 15 Jan 2026; the retention period of 6 months "
        "after that ended on 15 Jul 2026."
    )
    consent_retention.set_retention_months(workbook, 12)
    assert consent_retention.due_for_deletion(workbook, date(2026, 12, 1)) == []


def test_the_queue_is_right_after_years_without_use(workbook: Workbook, person: Person) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    _added_on(workbook, person.other_id, datetime(2026, 11, 1, tzinfo=UTC))
    found = consent_retention.due_for_deletion(workbook, date(2031, 1, 1))
    assert [(d.candidate_id, d.since) for d in found] == [
        (person.candidate_id, date(2026, 7, 15)),
        (person.other_id, date(2027, 5, 1)),
    ]
    assert "never applied to a role" in found[1].why


def test_open_and_hired_candidates_are_never_due(workbook: Workbook, person: Person) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    stage_moves.move(workbook, person.application_id, "screening")  # reopened
    assert person.candidate_id not in {
        d.candidate_id for d in consent_retention.due_for_deletion(workbook, date(2031, 1, 1))
    }
    with workbook.transaction() as session:
        session.execute(
            update(models.Application)
            .where(col(models.Application.id) == person.application_id)
            .values(stage="hired")
        )
    assert person.candidate_id not in {
        d.candidate_id for d in consent_retention.due_for_deletion(workbook, date(2031, 1, 1))
    }
    assert consent_retention.privacy_info(workbook, person.candidate_id).due is None


def test_consent_and_a_hold_keep_a_candidate_longer(workbook: Workbook, person: Person) -> None:
    _close_on(workbook, person.application_id, CLOSED)
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 1, 10), "By email", date(2027, 1, 31), today=TODAY
    )
    ids = lambda day: [d.candidate_id for d in consent_retention.due_for_deletion(workbook, day)]  # noqa: E731
    assert person.candidate_id not in ids(date(2027, 1, 31))
    assert person.candidate_id in ids(date(2027, 2, 1))
    info = consent_retention.keep_until(
        workbook, person.candidate_id, date(2027, 6, 30), today=TODAY
    )
    assert info.retain_until == date(2027, 6, 30)
    assert info.due is not None and info.due.since == date(2027, 7, 1)
    assert "kept on hold until 30 Jun 2027" in info.due.why
    assert person.candidate_id not in ids(date(2027, 6, 30))
    assert person.candidate_id in ids(date(2027, 7, 1))
    assert (
        consent_retention.keep_until(workbook, person.candidate_id, None, today=TODAY).retain_until
        is None
    )


def test_a_hold_must_end_after_today(workbook: Workbook, person: Person) -> None:
    with pytest.raises(ValidationError) as caught:
        consent_retention.keep_until(workbook, person.candidate_id, TODAY, today=TODAY)
    assert caught.value.errors == {"until": "must be a day after today"}


def test_a_closing_move_that_was_never_recorded_counts_from_the_last_change(
    workbook: Workbook,
) -> None:
    role = add_person(workbook, reject=False).role_id
    candidate_id = candidate_records.create_candidate(
        workbook, CandidateInput(name="Ola Nordmann")
    ).id
    application_id = stage_moves.apply(workbook, candidate_id, role).id
    with workbook.transaction() as session:
        session.execute(
            update(models.Application)
            .where(col(models.Application.id) == application_id)
            .values(stage="withdrawn", updated_at=datetime(2026, 2, 3, tzinfo=UTC))
        )
    (due,) = [
        d
        for d in consent_retention.due_for_deletion(workbook, date(2026, 8, 3))
        if d.candidate_id == candidate_id
    ]
    assert due.since == date(2026, 8, 3)


# -- erasure ------------------------------------------------------------------------------


def test_erasure_anonymises_the_candidate_and_keeps_the_counts(
    workbook: Workbook, person: Person
) -> None:
    counted = (
        models.Application,
        models.StageEvent,
        models.Interview,
        models.Scorecard,
        models.ScorecardRating,
        models.Offer,
    )
    before = {model: _count(workbook, model) for model in counted}
    report = consent_retention.erase_candidate(workbook, person.candidate_id)
    assert report.candidate_id == person.candidate_id
    assert report.texts_scrubbed >= 9
    assert {model: _count(workbook, model) for model in counted} == before
    with workbook.transaction() as session:
        row = session.get(models.Candidate, person.candidate_id)
        assert row is not None
        assert row.name == erased_name(person.candidate_id) == f"Erased candidate #{row.id}"
        assert row.erased_at is not None
        assert row.source == "other"  # kept: counts per source still add up
        for field in ("email", "phone", "location", "postal_address", "linkedin_url", "notes"):
            assert getattr(row, field) == "", field
        for field in ("salary_expectation_minor", "years_experience", "notice_weeks"):
            assert getattr(row, field) is None, field
        assert row.current_title == ""
        assert row.sort_name == "erased candidate #1"
    for model in (models.CandidateSkill, models.CandidateTag, models.Attachment):
        assert _count(workbook, model, col(model.candidate_id) == person.candidate_id) == 0
    info = consent_retention.privacy_info(workbook, person.candidate_id)
    assert info.is_erased and info.due is None
    assert person.candidate_id not in {
        d.candidate_id for d in consent_retention.due_for_deletion(workbook, date(2040, 1, 1))
    }


def test_erasure_scrubs_their_name_and_email_from_free_text(
    workbook: Workbook, person: Person
) -> None:
    consent_retention.erase_candidate(workbook, person.candidate_id)
    with workbook.transaction() as session:
        texts = [
            *session.execute(select(models.StageEvent.note)).scalars(),
            *session.execute(select(models.Interview.notes)).scalars(),
            *session.execute(select(models.Scorecard.notes)).scalars(),
            *session.execute(select(models.ScorecardRating.note)).scalars(),
            *session.execute(select(models.Offer.conditions)).scalars(),
            *session.execute(select(models.Offer.letter_text)).scalars(),
            *session.execute(select(models.Candidate.notes)).scalars(),
            *session.execute(select(models.AuditEvent.detail)).scalars(),
        ]
        kari = session.get(models.Candidate, person.other_id)
        offer = session.get(models.Offer, person.offer_id)
    joined = "\n".join(texts)
    for trace in ("Ingrid", "Ødegård", "ødegård", "Odegard", EMAIL, PHONE, "Storgata 17"):
        assert trace.casefold() not in joined.casefold(), trace
    assert kari is not None and kari.notes == f"Referred by {ERASED_MARK} ({ERASED_MARK})."
    assert offer is not None and f"Dear {ERASED_MARK}," in offer.letter_text
    assert "We are pleased to offer you the role." in offer.letter_text


def test_erasure_empties_the_search_index(workbook: Workbook, person: Person) -> None:
    with workbook.transaction() as session:
        assert person.candidate_id in search.search_ids(session, "odegard")
    consent_retention.erase_candidate(workbook, person.candidate_id)
    with workbook.transaction() as session:
        for words in ("odegard", "Ingrid", EMAIL, "PostgreSQL eight", "fjordmail"):
            assert search.search_ids(session, words) == [], words
        assert person.candidate_id not in search.search_ids(session, "Erased")
        # The other candidate is still found, but no longer by Ingrid's name.
        assert search.search_ids(session, "Kari") == [person.other_id]
        assert search.search_ids(session, "Referred") == [person.other_id]


def test_a_name_spaced_broken_or_cased_differently_is_scrubbed_too(workbook: Workbook) -> None:
    anna = candidate_records.create_candidate(workbook, CandidateInput(name="Anna Kowalska")).id
    notes = (
        "Spoke to Anna  Kowalska.\nReferee: anna\nkowalska; also ÁNNA KOWALSKA,"
        " Anna\u00a0Kowálska and Anna \n\t Kowalska."
    )
    other = candidate_records.create_candidate(
        workbook, CandidateInput(name="Piotr Nowak", notes=notes)
    )
    with workbook.transaction() as session:
        assert sorted(search.search_ids(session, "kowalska")) == [anna, other.id]
    consent_retention.erase_candidate(workbook, anna)
    assert candidate_records.get_candidate(workbook, other.id).record.notes == (
        f"Spoke to {ERASED_MARK}.\nReferee: {ERASED_MARK}; also {ERASED_MARK},"
        f" {ERASED_MARK} and {ERASED_MARK}."
    )
    with workbook.transaction() as session:
        for words in ("kowalska", "anna", "kowalska anna"):
            assert search.search_ids(session, words) == [], words
        assert search.search_ids(session, "Piotr referee") == [other.id]


def test_erasure_is_backed_up_first_and_logged_without_personal_data(
    workbook: Workbook, person: Person
) -> None:
    report = consent_retention.erase_candidate(
        workbook, person.candidate_id, member_id=person.member_id
    )
    assert report.backup.exists()
    assert [b.reason for b in list_backups(workbook.path)] == ["before-erasure"]
    assert report.log_emptied
    with workbook.transaction() as session:
        event = session.execute(
            select(models.AuditEvent).order_by(col(models.AuditEvent.id).desc()).limit(1)
        ).scalar_one()
    assert (event.action, event.entity, event.entity_id) == (
        "erase",
        "candidate",
        person.candidate_id,
    )
    assert event.member_id == person.member_id
    assert json.loads(event.detail) == {"texts": report.texts_scrubbed, "of": 1}


def test_an_erased_candidate_can_no_longer_be_changed(workbook: Workbook, person: Person) -> None:
    consent_retention.erase_candidate(workbook, person.candidate_id)
    refusals = [
        lambda: candidate_records.update_candidate(
            workbook, person.candidate_id, CandidateInput("Ingrid")
        ),
        lambda: candidate_records.tag_many(workbook, [person.candidate_id], "again"),
        lambda: stage_moves.move(workbook, person.application_id, "screening"),
        lambda: stage_moves.apply(
            workbook, person.candidate_id, add_person(workbook, reject=False).role_id
        ),
        lambda: attachments.add_attachment(workbook, person.candidate_id, "cv.txt", cv_text()),
        lambda: candidate_merge.merge(workbook, person.other_id, person.candidate_id),
        lambda: consent_retention.set_consent(workbook, person.candidate_id, None),
        lambda: consent_retention.keep_until(workbook, person.candidate_id, date(2040, 1, 1)),
        lambda: consent_retention.erase_candidate(workbook, person.candidate_id),
    ]
    for attempt in refusals:
        with pytest.raises(ErasedCandidateError) as caught:
            attempt()
        assert "erased" in str(caught.value)
    result = stage_moves.move_many(workbook, [person.application_id], "screening")
    assert result.moved == 0
    assert "can no longer be changed" in result.refused[0][1]


def test_erasing_an_unknown_candidate(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        consent_retention.erase_candidate(workbook, 404)
    with pytest.raises(NotFoundError):
        consent_retention.erase_candidate(workbook, 404, member_id=None)


def test_a_failed_backup_stops_the_erasure(
    workbook: Workbook, person: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiring_desk.services.workbook import backups

    def broken(*_args: object, **_kwargs: object) -> object:
        raise backups.BackupError("the disk is full")

    monkeypatch.setattr(backups, "backup_now", broken)
    with pytest.raises(ServiceError, match=r"Nothing was erased.*the disk is full"):
        consent_retention.erase_candidate(workbook, person.candidate_id)
    assert candidate_records.get_candidate(workbook, person.candidate_id).record.name == NAME


def test_the_scrubber_ignores_case_and_accents_and_keeps_other_words() -> None:
    scrubber = Scrubber(["Ingrid Ødegård", "ingrid@example.no"], ["Ingrid", "Ødegård"])
    assert scrubber.scrub("INGRID ØDEGÅRD, Ingrid Odegard and ingrid@EXAMPLE.no") == (
        "[erased], [erased] and [erased]"
    )
    assert scrubber.scrub("ODEGARD said: ask ingrid.") == "[erased] said: ask [erased]."
    assert scrubber.scrub("Ingridsen and Odegardsvei stay") == "Ingridsen and Odegardsvei stay"
    # White space of any kind and length, accents typed as separate marks (NFD).
    assert scrubber.scrub("Ingrid\n\t ODEGÅRD's CV") == "[erased]'s CV"
    assert scrubber.scrub("Ingrid  O\u0308degard\u0301, ok") == "[erased], ok"
    assert Scrubber([]).scrub("nothing to do") == "nothing to do"


# -- the access export --------------------------------------------------------------------


def test_export_holds_everything_about_the_candidate(
    workbook: Workbook, person: Person, tmp_path: Path
) -> None:
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 3, 1), "By email", date(2027, 3, 1), today=TODAY
    )
    out = tmp_path / "export" / "ingrid.zip"
    out.parent.mkdir()
    report = consent_retention.export_candidate(workbook, person.candidate_id, out)
    assert report.path == out and report.files == 1
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("candidate.json"))
        (file_name,) = [n for n in names if n.startswith("attachments/")]
        assert archive.read(file_name) == cv_text()
    assert names[0] == "candidate.json"
    assert file_name.startswith("attachments/attachment-") and file_name.endswith(".txt")
    record = data["candidate"]
    assert (record["name"], record["email"], record["phone"]) == (NAME, EMAIL, PHONE)
    assert record["salary_expectation"] == "72000.00"
    assert record["skills"] == ["Python", "PostgreSQL"] and record["tags"] == ["pycon"]
    assert data["consent"] == {
        "given_at": "2026-03-01T00:00:00+00:00",
        "method": "By email",
        "until": "2027-03-01",
    }
    (application,) = data["applications"]
    assert application["role"] == "Backend Developer" and application["stage"] == "rejected"
    assert [e["to_stage"] for e in application["stage_history"]] == [
        "applied",
        "screening",
        "interview",
        "rejected",
    ]
    assert application["stage_history"][1]["by"] == "Ana Silva"
    (interview,) = application["interviews"]
    assert interview["interviewers"] == ["Ana Silva"]
    (card,) = interview["scorecards"]
    assert card["recommendation"] == "yes" and card["interviewer"] == "Ana Silva"
    assert {r["competency"]: r["rating"] for r in card["ratings"]}["databases"] == 4
    (offer,) = application["offers"]
    assert offer["salary"] == "70000.00" and "Dear Ingrid" in offer["letter_text"]
    (attachment,) = data["attachments"]
    assert (
        attachment["file"] == file_name and attachment["original_name"] == "Ingrid Ødegård CV.txt"
    )
    assert EMAIL in attachment["extracted_text"]
    actions = [(a["action"], a["entity"]) for a in data["activity"]]
    assert ("add", "candidate") in actions and ("consent", "candidate") in actions
    assert ("add", "attachment") in actions and ("move", "application") in actions
    assert ("add", "scorecard") in actions
    kari = consent_retention.export_candidate(workbook, person.other_id, tmp_path / "kari.zip")
    with zipfile.ZipFile(kari.path) as archive:
        other = json.loads(archive.read("candidate.json"))
    assert other["applications"] == [] and other["attachments"] == []
    assert all(a["entity_id"] == person.other_id for a in other["activity"])


def test_export_replaces_a_file_whole_and_refuses_a_folder(
    workbook: Workbook, person: Person, tmp_path: Path
) -> None:
    out = tmp_path / "ingrid.zip"
    out.write_bytes(b"old")
    consent_retention.export_candidate(workbook, person.candidate_id, out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if "ingrid" in p.name] == ["ingrid.zip"]
    with pytest.raises(ServiceError, match="is a folder"):
        consent_retention.export_candidate(workbook, person.candidate_id, tmp_path)
    with pytest.raises(NotFoundError):
        consent_retention.export_candidate(workbook, 999, tmp_path / "nobody.zip")
    assert not (tmp_path / "nobody.zip").exists()


@pytest.mark.parametrize(
    ("name", "mime", "expected"),
    [
        ("Ingrid Ødegård CV.pdf", "application/pdf", "attachment-7-Ingrid_Ødegård_CV.pdf"),
        ("../../etc/passwd", "text/plain", "attachment-7-passwd.txt"),
        ("..\\..\\Windows\\evil.exe", "application/pdf", "attachment-7-evil.pdf"),
        ("", "text/plain", "attachment-7-attachment.txt"),
        ("...", "text/plain", "attachment-7-attachment.txt"),
        ("CON.pdf", "application/pdf", "attachment-7-_CON.pdf"),  # as file_names makes it
        ("a:b*c?.pdf", "application/octet-stream", "attachment-7-a_b_c.bin"),
        ("x" * 300 + ".pdf", "application/pdf", "attachment-7-" + "x" * 60 + ".pdf"),
    ],
)
def test_attachment_names_in_the_export_are_made_here(name: str, mime: str, expected: str) -> None:
    made = attachment_file_name(7, name, mime)
    assert made == expected
    assert "/" not in made and "\\" not in made and ".." not in made


def test_an_erased_candidate_exports_what_is_left(
    workbook: Workbook, person: Person, tmp_path: Path
) -> None:
    consent_retention.erase_candidate(workbook, person.candidate_id)
    report = consent_retention.export_candidate(
        workbook, person.candidate_id, tmp_path / "left.zip"
    )
    with zipfile.ZipFile(report.path) as archive:
        text = archive.read("candidate.json").decode()
    assert report.files == 0
    assert "Ingrid" not in text and EMAIL not in text
    assert json.loads(text)["candidate"]["name"] == erased_name(person.candidate_id)


def test_several_candidates_are_erased_at_once_or_not_at_all(
    workbook: Workbook, person: Person
) -> None:
    ids = [person.candidate_id, person.other_id]
    with pytest.raises(NotFoundError):
        consent_retention.erase_candidates(workbook, [*ids, 999])
    assert candidate_records.get_candidate(workbook, person.other_id).record.name == "Kari Nordmann"
    assert list_backups(workbook.path) == []
    with pytest.raises(ServiceError, match="Choose the candidates"):
        consent_retention.erase_candidates(workbook, [])

    with workbook.transaction() as session:
        session.execute(
            update(models.Scorecard).values(notes=f"{NAME} was referred by Kari Nordmann")
        )
    report = consent_retention.erase_candidates(workbook, ids)
    assert report.candidate_ids == tuple(ids)
    with workbook.transaction() as session:
        notes = session.execute(select(models.Scorecard.notes)).scalar_one()
    assert notes == f"{ERASED_MARK} was referred by {ERASED_MARK}"
    assert len(list_backups(workbook.path)) == 1
    for candidate_id in ids:
        assert consent_retention.privacy_info(workbook, candidate_id).is_erased
        assert candidate_records.get_candidate(workbook, candidate_id).record.name == (
            erased_name(candidate_id)
        )
