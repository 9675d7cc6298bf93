"""Privacy: erasing candidates, scrubbing them from free text, and what stays counted."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select, update
from sqlmodel import col
from tests.services.privacy.privacy_setup import EMAIL, NAME, PHONE, Person, add_person, cv_text

from hiring_desk.services.candidates import attachments, candidate_merge, candidate_records
from hiring_desk.services.candidates.erased_guard import ErasedCandidateError
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import NotFoundError, ServiceError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.erasure import ERASED_MARK, Scrubber, erased_name
from hiring_desk.services.workbook.backups import list_backups
from hiring_desk.store import Workbook, models, search


@pytest.fixture
def person(workbook: Workbook) -> Person:
    return add_person(workbook)


def _count(workbook: Workbook, model: object, *where: object) -> int:
    with workbook.transaction() as session:
        statement = select(func.count()).select_from(model)  # type: ignore[arg-type]
        for clause in where:
            statement = statement.where(clause)  # type: ignore[arg-type]
        return int(session.execute(statement).scalar_one())


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
    with workbook.transaction() as session:  # a task about them names them: it goes too
        session.add(
            models.Task(candidate_id=person.candidate_id, title="Call", due_on=date(2026, 5, 1))
        )
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
    for model in (models.CandidateSkill, models.CandidateTag, models.Attachment, models.Task):
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
    if workbook.is_file:
        assert report.backup is not None and report.backup.exists()
        assert [b.reason for b in list_backups(workbook.path)] == ["before-erasure"]
    else:  # a team workbook: its administrator's pg_dump backs it up, no file here
        assert report.backup is None
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


@pytest.mark.sqlite_only  # the file backup taken first (a team workbook: pg_dump)
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


def test_several_candidates_are_erased_at_once_or_not_at_all(
    workbook: Workbook, person: Person
) -> None:
    ids = [person.candidate_id, person.other_id]
    with pytest.raises(NotFoundError):
        consent_retention.erase_candidates(workbook, [*ids, 999])
    assert candidate_records.get_candidate(workbook, person.other_id).record.name == "Kari Nordmann"
    assert not workbook.is_file or list_backups(workbook.path) == []
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
    assert len(list_backups(workbook.path)) == 1 if workbook.is_file else report.backup is None
    for candidate_id in ids:
        assert consent_retention.privacy_info(workbook, candidate_id).is_erased
        assert candidate_records.get_candidate(workbook, candidate_id).record.name == (
            erased_name(candidate_id)
        )
