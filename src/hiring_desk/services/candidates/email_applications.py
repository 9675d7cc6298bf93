"""Applications received by email: each message's sender becomes a candidate.

The sender's name and address make the record (a message without a name uses
the part of the address before the @), the subject and body are kept as a note,
and each document attached (PDF, Word, OpenDocument, text) is attached to the
candidate through the attachments service, so its text is searched. Files that
are not documents are refused with a sentence and never stored
(``email_reading.document_problem``). With a role, each new candidate applies
to it at Applied.

Duplicates are found the way the CSV import finds them: a sender already in the
workbook (same email address), or the same person earlier in the batch, is
skipped and named; a sender with the same name as a candidate but another
address is imported and reported as a possible duplicate, to merge as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hiring_desk.domain.vocab import Source
from hiring_desk.services.candidates.attachments import add_attachment
from hiring_desk.services.candidates.csv_import_store import store_records
from hiring_desk.services.candidates.duplicates import DuplicateIndex, batch_index
from hiring_desk.services.candidates.email_reading import ReceivedMessage, read_mail_files
from hiring_desk.services.candidates.import_report import PossibleDuplicate, ReportLine
from hiring_desk.services.candidates.record_checks import (
    NAME_LIMIT,
    NOTES_LIMIT,
    CandidateInput,
    check_candidate,
)
from hiring_desk.services.common.errors import ServiceError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.store import Workbook


@dataclass(frozen=True)
class EmailImportReport:
    """What an import of messages did; ``line`` numbers are message numbers (from 1)."""

    sources: tuple[str, ...]  # each message's file (and place in an mbox)
    imported: int
    candidate_ids: tuple[int, ...]
    skipped: tuple[ReportLine, ...]
    notes: tuple[ReportLine, ...]
    possible_duplicates: tuple[PossibleDuplicate, ...]

    @property
    def messages(self) -> int:
        return len(self.sources)

    @property
    def summary(self) -> str:
        count = self.messages
        return (
            f"Imported {self.imported:,} of {count:,} message{'' if count == 1 else 's'}; "
            f"skipped {len(self.skipped):,}."
        )

    def lines(self) -> list[str]:
        about = sorted(
            [(e.line, 0, f"skipped: {e.text}") for e in self.skipped]
            + [(e.line, 1, e.text) for e in self.notes]
        )
        return [f"{self.sources[line - 1]}: {text}" for line, _order, text in about]

    def text(self) -> str:
        """The summary and the details, one per line (what the command line prints)."""
        return "\n".join([self.summary, *self.lines()])


def import_email_files(
    workbook: Workbook,
    paths: Sequence[Path],
    *,
    role_id: int | None = None,
    skip_possible_duplicates: bool = False,
) -> EmailImportReport:
    """Read ``.eml`` and ``.mbox`` files and import each message (see the module)."""
    require(workbook, Permission.CANDIDATES)
    from hiring_desk.services.candidates.email_reading import UnreadableMailError

    try:
        messages = read_mail_files(paths)
    except UnreadableMailError as exc:
        raise ServiceError(str(exc)) from None
    return import_messages(
        workbook, messages, role_id=role_id, skip_possible_duplicates=skip_possible_duplicates
    )


def import_messages(
    workbook: Workbook,
    messages: Sequence[ReceivedMessage],
    *,
    role_id: int | None = None,
    skip_possible_duplicates: bool = False,
) -> EmailImportReport:
    require(workbook, Permission.CANDIDATES)
    if role_id is not None:
        _check_role(workbook, role_id)
    index = batch_index(workbook)
    skipped: list[ReportLine] = []
    notes: list[ReportLine] = []
    possible: list[PossibleDuplicate] = []
    ids: list[int] = []
    for number, message in enumerate(messages, 1):
        name = _name_of(message)
        if not message.email and not name:
            skipped.append(ReportLine(number, "it names no sender"))
            continue
        same, similar = index.match_or_add(-number, name, message.email)
        if same is not None:
            skipped.append(ReportLine(number, _already_there(index, same)))
            continue
        if similar is not None:
            duplicate = PossibleDuplicate(number, similar, index.name_of(similar))
            if skip_possible_duplicates:
                skipped.append(ReportLine(number, f"it {duplicate.description}"))
                continue
        try:
            candidate_id = _store(workbook, message, name, role_id)
        except ValidationError as exc:
            skipped.append(ReportLine(number, _reason(exc)))
            continue
        ids.append(candidate_id)
        if similar is not None:
            duplicate = PossibleDuplicate(number, similar, index.name_of(similar), candidate_id)
            possible.append(duplicate)
            notes.append(ReportLine(number, f"imported, but it {duplicate.description}"))
        notes += [ReportLine(number, text) for text in message.refused]
        for document in message.documents:
            try:
                add_attachment(workbook, candidate_id, document.filename, document.data)
            except ValidationError as exc:
                notes.append(ReportLine(number, f"not attached: {_reason(exc)}"))
    return EmailImportReport(
        sources=tuple(m.source for m in messages),
        imported=len(ids),
        candidate_ids=tuple(ids),
        skipped=tuple(sorted(skipped)),
        notes=tuple(notes),
        possible_duplicates=tuple(possible),
    )


def _name_of(message: ReceivedMessage) -> str:
    if message.name and "@" not in message.name:
        return message.name[:NAME_LIMIT]
    local = message.email.partition("@")[0]
    words = " ".join(local.replace(".", " ").replace("_", " ").replace("-", " ").split())
    return words.title()[:NAME_LIMIT]


def _store(workbook: Workbook, message: ReceivedMessage, name: str, role_id: int | None) -> int:
    note = "\n\n".join(
        part
        for part in (
            "Applied by email" + (f": {message.subject}" if message.subject else "."),
            message.body,
        )
        if part
    )
    if len(note) > NOTES_LIMIT:
        note = note[: NOTES_LIMIT - 40].rstrip() + "\n[The rest of the message was cut.]"
    record = CandidateInput(name=name, email=message.email, source=Source.OTHER.value, notes=note)
    checked, errors = check_candidate(record, frozenset())
    if errors:
        raise ValidationError(errors)
    return store_records(workbook, [checked], role_id=role_id)[0]


def _check_role(workbook: Workbook, role_id: int) -> None:
    from hiring_desk.store.models import Role

    with workbook.transaction() as session:
        if session.get(Role, role_id) is None:
            raise ValidationError({"role": "does not exist"})


def _already_there(index: DuplicateIndex, same: int) -> str:
    if same < 0:
        return f"the same person as message {-same}"
    return f"already in the workbook as candidate {same}, {index.name_of(same)}"


def _reason(error: ValidationError) -> str:
    return "; ".join(f"{field} {text}" for field, text in error.errors.items())
