"""Everything the workbook holds about one candidate, for an access request.

``export_candidate`` writes one zip file: ``candidate.json`` (the record, consent,
applications with their stage history, interviews with the scorecards about
them, offers, and the activity-log entries about them) and every attached file
under ``attachments/``. Attached files get names made here
(``attachment-<id>-<stem>.<ext>``), never the names they came with, so no name
from outside can become a path when the zip is unpacked. The zip is written to a
temporary file beside the destination and renamed into place when complete.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from hiring_desk import clock, safe_output
from hiring_desk.domain.formatting import minor_to_major
from hiring_desk.file_names import safe_file_name, split_extension
from hiring_desk.services.candidates import cv_text
from hiring_desk.services.candidates.attachments import safe_filename
from hiring_desk.services.candidates.candidate_records import load_candidate
from hiring_desk.services.common.errors import reporting_write_failures
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Attachment,
    AuditEvent,
    Candidate,
    CandidateMessage,
    CandidateSkill,
    CandidateTag,
    Interview,
    InterviewInterviewer,
    Offer,
    Role,
    Scorecard,
    ScorecardRating,
    StageEvent,
    Task,
    TeamMember,
)

EXPORT_FORMAT = "hiring-desk-candidate-export"
EXPORT_VERSION = 1
_STEM_BYTES = 60

Json = Any


@dataclass(frozen=True)
class ExportReport:
    path: Path
    files: int  # attachments included


def export_candidate(workbook: Workbook, candidate_id: int, out_zip: Path) -> ExportReport:
    """Write everything held about one candidate to ``out_zip`` (replaced if it exists)."""
    require(workbook, Permission.PRIVACY)
    out_zip = Path(out_zip).expanduser().absolute()
    with reporting_write_failures(out_zip):
        safe_output.refuse_unsafe_target(out_zip)  # before gathering anything
    with workbook.transaction() as session:
        candidate = load_candidate(session, candidate_id)
        members = {m.id: m.name for m in session.exec(select(TeamMember))}
        files = _attachments(session, candidate_id)
        document = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": clock.now().isoformat(timespec="seconds"),
            "candidate": _candidate(session, candidate),
            "consent": {
                "given_at": _plain(candidate.consent_at),
                "method": candidate.consent_method,
                "until": _plain(candidate.consent_until),
            },
            "keep_until": _plain(candidate.retain_until),
            "applications": _applications(session, candidate_id, members),
            "attachments": [entry for entry, _name, _content in files],
            "messages": _messages(session, candidate_id, members),
            "tasks": _tasks(session, candidate_id, members),
            "activity": _activity(session, candidate_id, members),
        }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    with reporting_write_failures(out_zip):
        _write_zip(out_zip, text, [(name, content) for _entry, name, content in files])
    return ExportReport(out_zip, len(files))


# -- the parts ----------------------------------------------------------------------------


def _plain(value: object) -> Json:
    """A value as JSON holds it: dates in ISO 8601, money as a decimal string."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row(row: SQLModel, *leave_out: str) -> dict[str, Json]:
    return {k: _plain(v) for k, v in row.model_dump().items() if k not in leave_out}


def _candidate(session: Session, candidate: Candidate) -> dict[str, Json]:
    data = _row(
        candidate,
        "sort_name",
        "consent_at",
        "consent_method",
        "consent_until",
        "retain_until",
        "salary_expectation_minor",
        "salary_expectation_max_minor",
    )
    currency = candidate.salary_currency
    for key, minor in (
        ("salary_expectation", candidate.salary_expectation_minor),
        ("salary_expectation_max", candidate.salary_expectation_max_minor),
    ):
        data[key] = str(minor_to_major(minor, currency)) if minor is not None and currency else None
    data["skills"] = list(
        session.exec(
            select(CandidateSkill.skill)
            .where(CandidateSkill.candidate_id == candidate.id)
            .order_by(col(CandidateSkill.id))
        )
    )
    data["tags"] = list(
        session.exec(
            select(CandidateTag.tag)
            .where(CandidateTag.candidate_id == candidate.id)
            .order_by(col(CandidateTag.id))
        )
    )
    return data


def _applications(
    session: Session, candidate_id: int, members: dict[int | None, str]
) -> list[dict[str, Json]]:
    found = []
    for application, title in session.exec(
        select(Application, col(Role.title))
        .join(Role, col(Role.id) == col(Application.role_id))
        .where(Application.candidate_id == candidate_id)
        .order_by(col(Application.id))
    ):
        entry = _row(application, "candidate_id")
        entry["role"] = title
        entry["stage_history"] = [
            {**_row(event, "application_id", "by_member_id"), "by": members.get(event.by_member_id)}
            for event in session.exec(
                select(StageEvent)
                .where(StageEvent.application_id == application.id)
                .order_by(col(StageEvent.at), col(StageEvent.id))
            )
        ]
        entry["interviews"] = _interviews(session, application.id or 0, members)
        entry["offers"] = [
            {
                **_row(offer, "application_id", "approved_by_id"),
                "salary": str(minor_to_major(offer.salary_minor, offer.currency)),
                "approved_by": members.get(offer.approved_by_id),
            }
            for offer in session.exec(
                select(Offer).where(Offer.application_id == application.id).order_by(col(Offer.id))
            )
        ]
        found.append(entry)
    return found


def _interviews(
    session: Session, application_id: int, members: dict[int | None, str]
) -> list[dict[str, Json]]:
    found = []
    for interview in session.exec(
        select(Interview)
        .where(Interview.application_id == application_id)
        .order_by(col(Interview.starts_at), col(Interview.id))
    ):
        entry = _row(interview, "application_id", "round_id")
        entry["interviewers"] = [
            members.get(member_id)
            for member_id in session.exec(
                select(InterviewInterviewer.member_id).where(
                    InterviewInterviewer.interview_id == interview.id
                )
            )
        ]
        entry["scorecards"] = [
            {
                **_row(card, "interview_id", "interviewer_id"),
                "interviewer": members.get(card.interviewer_id),
                "ratings": [
                    _row(rating, "id", "scorecard_id")
                    for rating in session.exec(
                        select(ScorecardRating)
                        .where(ScorecardRating.scorecard_id == card.id)
                        .order_by(col(ScorecardRating.id))
                    )
                ],
            }
            for card in session.exec(
                select(Scorecard)
                .where(Scorecard.interview_id == interview.id)
                .order_by(col(Scorecard.id))
            )
        ]
        found.append(entry)
    return found


def attachment_file_name(attachment_id: int, filename: str, mime: str) -> str:
    """``attachment-<id>-<stem>.<ext>``: letters, digits, ``-`` and ``_`` only in the stem.

    The extension follows the content's kind, not the name the file came with.
    """
    stem, _extension = split_extension(safe_filename(filename))
    stem = safe_file_name(stem, "file", word_characters_only=True, max_bytes=_STEM_BYTES)
    extension = cv_text.KINDS.get(mime, ("", ".bin"))[1]
    return f"attachment-{attachment_id}-{stem}{extension}"


def _attachments(session: Session, candidate_id: int) -> list[tuple[dict[str, Json], str, bytes]]:
    """(JSON entry, name in the zip, content) per attached file."""
    found = []
    for row in session.exec(
        select(Attachment)
        .where(Attachment.candidate_id == candidate_id)
        .order_by(col(Attachment.id))
    ):
        name = "attachments/" + attachment_file_name(row.id or 0, row.filename, row.mime)
        entry = {
            **_row(row, "candidate_id", "content", "text", "filename"),
            "file": name,
            "original_name": row.filename,
            "extracted_text": row.text,
        }
        found.append((entry, name, row.content))
    return found


def _messages(
    session: Session, candidate_id: int, members: dict[int | None, str]
) -> list[dict[str, Json]]:
    """Every email made for the candidate, with its text as made."""
    rows = session.exec(
        select(CandidateMessage)
        .where(CandidateMessage.candidate_id == candidate_id)
        .order_by(col(CandidateMessage.made_at), col(CandidateMessage.id))
    )
    return [
        {
            **_row(row, "candidate_id", "made_by_member_id", "attachments"),
            "attachments": [name for name in row.attachments.splitlines() if name],
            "made_by": members.get(row.made_by_member_id),
        }
        for row in rows
    ]


def _tasks(
    session: Session, candidate_id: int, members: dict[int | None, str]
) -> list[dict[str, Json]]:
    """The dated tasks on the candidate, done or not."""
    rows = session.exec(
        select(Task)
        .where(Task.candidate_id == candidate_id)
        .order_by(col(Task.due_on), col(Task.id))
    )
    return [
        {
            **_row(row, "candidate_id", "role_id", "created_by_member_id"),
            "created_by": members.get(row.created_by_member_id),
        }
        for row in rows
    ]


def _activity(
    session: Session, candidate_id: int, members: dict[int | None, str]
) -> list[dict[str, Json]]:
    """Activity-log entries about the candidate or their applications, interviews, offers."""
    applications = select(col(Application.id)).where(Application.candidate_id == candidate_id)
    interviews = select(col(Interview.id)).where(col(Interview.application_id).in_(applications))
    about: dict[str, set[int | None]] = {
        "candidate": {candidate_id},
        "application": set(session.exec(applications)),
        "interview": set(session.exec(interviews)),
        "offer": set(
            session.exec(select(col(Offer.id)).where(col(Offer.application_id).in_(applications)))
        ),
        "scorecard": set(
            session.exec(
                select(col(Scorecard.id)).where(col(Scorecard.interview_id).in_(interviews))
            )
        ),
        "attachment": set(
            session.exec(select(col(Attachment.id)).where(Attachment.candidate_id == candidate_id))
        ),
        "candidate_message": set(
            session.exec(
                select(col(CandidateMessage.id)).where(
                    CandidateMessage.candidate_id == candidate_id
                )
            )
        ),
    }
    found = []
    for event in session.exec(select(AuditEvent).order_by(col(AuditEvent.at), col(AuditEvent.id))):
        try:
            detail = json.loads(event.detail) if event.detail else {}
        except ValueError:
            detail = {"text": event.detail}
        mentioned = isinstance(detail, dict) and detail.get("candidate_id") == candidate_id
        if event.entity_id in about.get(event.entity, set()) or mentioned:
            found.append(
                {
                    "at": _plain(event.at),
                    "action": event.action,
                    "entity": event.entity,
                    "entity_id": event.entity_id,
                    "by": members.get(event.member_id) or event.actor or None,
                    "detail": detail,
                }
            )
    return found


# -- writing -------------------------------------------------------------------------------


def _write_zip(out_zip: Path, text: str, files: list[tuple[str, bytes]]) -> None:
    with (
        safe_output.open_binary(out_zip) as raw,
        zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("candidate.json", text)
        for name, content in files:
            archive.writestr(name, content)


__all__ = ["ExportReport", "attachment_file_name", "export_candidate"]
