"""Messages to candidates: merged from a template, checked, made into drafts, remembered.

:func:`preview_message` fills a template for one candidate and names every
unknown or empty merge field (with the text as it would be, gaps marked).
:func:`prepare_message` does the same but refuses while anything is missing,
and gathers the attachments: the interview's ``.ics`` for a message about an
interview, the offer letter PDF for one about an offer, and any file picked.
:func:`write_message` writes the draft (``.eml``) and records it on the
candidate's timeline (:func:`messages_of`); :mod:`.bulk_messages` does many.
"""

from __future__ import annotations

import mimetypes
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.candidates.opened_copies import write_copy
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import ServiceError, reporting_write_failures
from hiring_desk.services.common.permissions import Permission, interviewer_only, require
from hiring_desk.services.email.email_templates import EMAIL_FIELDS, email_template
from hiring_desk.services.email.eml import (
    Draft,
    DraftFile,
    draft_file_name,
    message_bytes,
    write_eml,
)
from hiring_desk.services.email.merge_context import MessageSubject, message_context
from hiring_desk.services.interviews.calendar_export import ics_for_interviews
from hiring_desk.services.offers.letter_merge import (
    LetterProblem,
    LetterProblemsError,
    check_letter,
    fill,
    fill_marked,
)
from hiring_desk.services.offers.offer_letters import (
    letter_state,
    preview_letter,
    write_letter_pdf,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import CandidateMessage, TeamMember

__all__ = [
    "MessagePreview",
    "MessageRecord",
    "MessageSubject",
    "PreparedMessage",
    "automatic_attachments",
    "messages_of",
    "open_copy",
    "picked_file",
    "prepare_message",
    "preview_message",
    "record_message",
    "write_message",
]

ICS_NAME = "interview.ics"
LETTER_NAME = "offer-letter.pdf"

#: A picked file larger than this is refused (mail servers refuse much smaller).
MAX_PICKED_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class MessagePreview:
    """The message a template makes now, or what stops it (and the text with gaps marked)."""

    subject: str
    body: str
    problems: tuple[LetterProblem, ...]
    to_address: str
    from_address: str
    to_name: str = ""

    @property
    def ready(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class PreparedMessage:
    """A message ready to write: the draft, and what the timeline records about it."""

    draft: Draft
    about: MessageSubject
    application_id: int | None
    template_key: str
    template_name: str


@dataclass(frozen=True)
class MessageRecord:
    """A message made for a candidate, as the timeline shows it."""

    id: int
    candidate_id: int
    made_at: datetime
    made_by: str
    template_name: str
    subject: str
    body: str
    recipient: str
    attachments: tuple[str, ...]
    interview_id: int | None
    offer_id: int | None


def preview_message(workbook: Workbook, template_key: str, about: MessageSubject) -> MessagePreview:
    """The merged subject and body for this candidate; problems named, nothing stored."""
    template = email_template(workbook, template_key)
    parties = message_context(workbook, about)
    context = parties.context
    problems = [
        LetterProblem(p.field, f"Subject: {p.message}")
        for p in check_letter(template.subject, context, EMAIL_FIELDS)
    ]
    seen = {p.field for p in problems if p.field}
    problems += [
        p
        for p in check_letter(template.body, context, EMAIL_FIELDS)
        if not (p.field and p.field in seen)
    ]
    problems += _missing_subject(template.needs, about)
    problems += _letter_problems(workbook, template.needs, about)
    subject = fill_marked(template.subject, context, EMAIL_FIELDS) or template.subject
    body = fill_marked(template.body, context, EMAIL_FIELDS) or template.body
    return MessagePreview(
        " ".join(subject.split()),
        body,
        tuple(problems),
        context.candidate.email,
        context.sender.email,
        context.candidate.name,
    )


def _missing_subject(needs: str, about: MessageSubject) -> list[LetterProblem]:
    if needs == "interview" and about.interview_id is None:
        return [LetterProblem("interview", "This template is about an interview: pick one.")]
    if needs == "offer" and about.offer_id is None:
        return [LetterProblem("offer", "This template is about an offer: pick one.")]
    return []


def _letter_problems(workbook: Workbook, needs: str, about: MessageSubject) -> list[LetterProblem]:
    """What stops the offer letter from being made and attached (a letter printed
    already is attached as printed)."""
    if LETTER_NAME not in automatic_attachments(needs, about):
        return []
    assert about.offer_id is not None
    state = letter_state(workbook, about.offer_id)
    if state.printed is not None:
        return []
    found = preview_letter(workbook, about.offer_id, state.template_key).problems
    return [LetterProblem(p.field, f"The offer letter: {p.message}") for p in found]


def prepare_message(
    workbook: Workbook,
    template_key: str,
    about: MessageSubject,
    picked: Sequence[DraftFile] = (),
) -> PreparedMessage:
    """The draft for this candidate with its attachments. Raises LetterProblemsError while a
    field is missing; ServiceError when an attachment cannot be made."""
    require(workbook, Permission.EMAIL)
    template = email_template(workbook, template_key)
    preview = preview_message(workbook, template_key, about)
    if preview.problems:
        raise LetterProblemsError(list(preview.problems), EMAIL_FIELDS.heading)
    parties = message_context(workbook, about)
    context = parties.context
    subject = " ".join(fill(template.subject, context, EMAIL_FIELDS).split())
    body = fill(template.body, context, EMAIL_FIELDS)
    files: list[DraftFile] = []
    if ICS_NAME in automatic_attachments(template.needs, about):
        assert about.interview_id is not None
        data = ics_for_interviews(workbook, [about.interview_id])
        files.append(DraftFile(ICS_NAME, "text/calendar", data))
    if LETTER_NAME in automatic_attachments(template.needs, about):
        assert about.offer_id is not None
        files.append(_offer_letter(workbook, about.offer_id))
    files += picked
    draft = Draft(
        from_name=context.sender.name,
        from_address=context.sender.email,
        to_name=context.candidate.name,
        to_address=context.candidate.email,
        subject=subject,
        body=body,
        attachments=tuple(files),
    )
    return PreparedMessage(draft, about, parties.application_id, template.key, template.name)


def automatic_attachments(needs: str, about: MessageSubject) -> tuple[str, ...]:
    """The files a message gets without asking: the interview's calendar file for one about
    an interview, the offer letter for one about an offer."""
    if needs == "interview" and about.interview_id is not None:
        return (ICS_NAME,)
    if needs == "offer" and about.offer_id is not None:
        return (LETTER_NAME,)
    return ()


def _offer_letter(workbook: Workbook, offer_id: int) -> DraftFile:
    with tempfile.TemporaryDirectory(prefix="hiring-desk-offer-") as folder:
        path = write_letter_pdf(workbook, offer_id, Path(folder) / LETTER_NAME)
        return DraftFile(LETTER_NAME, "application/pdf", path.read_bytes())


def picked_file(path: Path) -> DraftFile:
    """A file the user chose to attach; ServiceError when it cannot be read or is too big."""
    try:
        size = path.stat().st_size
        if size > MAX_PICKED_BYTES:
            limit = MAX_PICKED_BYTES // (1024 * 1024)
            raise ServiceError(f"{path.name} is larger than {limit} MB; mail servers refuse it.")
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"Could not read {path.name}: {exc.strerror or exc}") from None
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return DraftFile(path.name, mime, data)


def with_files(prepared: PreparedMessage, picked: Sequence[DraftFile]) -> PreparedMessage:
    """The same message with more files attached."""
    draft = replace(prepared.draft, attachments=(*prepared.draft.attachments, *picked))
    return replace(prepared, draft=draft)


def write_message(workbook: Workbook, prepared: PreparedMessage, out: Path) -> MessageRecord:
    """Write the draft as ``out`` (``.eml``), then record it on the candidate's timeline."""
    require(workbook, Permission.EMAIL)
    with reporting_write_failures(out):
        try:
            write_eml(prepared.draft, out)
        except ValueError as exc:
            raise ServiceError(f"The message cannot be made: {exc}.") from None
    return record_message(workbook, prepared)


def open_copy(workbook: Workbook, prepared: PreparedMessage) -> tuple[Path, MessageRecord]:
    """Write the draft where the mail program can open it (a private copy, removed when the
    workbook closes or the app ends, see ``opened_copies``), and record it."""
    require(workbook, Permission.EMAIL)
    try:
        data = message_bytes(prepared.draft)
    except ValueError as exc:
        raise ServiceError(f"The message cannot be made: {exc}.") from None
    record = record_message(workbook, prepared)
    name = draft_file_name(prepared.draft)
    try:
        path = write_copy(workbook, record.candidate_id, -record.id, name, data)
    except OSError as exc:
        raise ServiceError(f"Could not write the draft: {exc.strerror or exc}") from None
    return path, record


def record_message(workbook: Workbook, prepared: PreparedMessage) -> MessageRecord:
    """Remember a message made (its text as made) on the candidate's timeline."""
    require(workbook, Permission.EMAIL)
    about, draft = prepared.about, prepared.draft
    with workbook.transaction() as session:
        refuse_if_erased(session, about.candidate_id)
        row = CandidateMessage(
            candidate_id=about.candidate_id,
            application_id=prepared.application_id,
            interview_id=about.interview_id,
            offer_id=about.offer_id,
            template_key=prepared.template_key,
            template_name=prepared.template_name,
            recipient=draft.to_address,
            subject=draft.subject,
            body=draft.body,
            attachments="\n".join(item.filename for item in draft.attachments),
            made_by_member_id=about.sender_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            "make",
            "candidate_message",
            row.id,
            {"candidate_id": about.candidate_id, "template": prepared.template_key},
        )
        return _record(row, draft.from_name)


def messages_of(workbook: Workbook, candidate_id: int) -> list[MessageRecord]:
    """Every message made for a candidate, newest first (none for an interviewer,
    whom the server shows no messages)."""
    if interviewer_only(workbook):
        return []
    statement = (
        select(CandidateMessage, col(TeamMember.name))
        .outerjoin(TeamMember, col(TeamMember.id) == CandidateMessage.made_by_member_id)
        .where(CandidateMessage.candidate_id == candidate_id)
        .order_by(col(CandidateMessage.made_at).desc(), col(CandidateMessage.id).desc())
    )
    with workbook.transaction() as session:
        return [_record(row, by or "") for row, by in session.exec(statement)]


def _record(row: CandidateMessage, by: str) -> MessageRecord:
    assert row.id is not None
    return MessageRecord(
        id=row.id,
        candidate_id=row.candidate_id,
        made_at=row.made_at,
        made_by=by,
        template_name=row.template_name,
        subject=row.subject,
        body=row.body,
        recipient=row.recipient,
        attachments=tuple(name for name in row.attachments.splitlines() if name),
        interview_id=row.interview_id,
        offer_id=row.offer_id,
    )
