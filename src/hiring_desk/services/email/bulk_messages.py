"""One message for each of many candidates: a folder of ``.eml`` drafts, or one mbox file.

Everything is checked first: while any candidate's message has a problem (an
empty field, no email address), nothing is written and :class:`BulkProblemsError`
names each candidate with theirs. Then the drafts are written in one go and
each is recorded on its candidate's timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hiring_desk.services.common.errors import ServiceError, reporting_write_failures
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.email.eml import write_folder, write_mbox
from hiring_desk.services.email.messages import (
    MessagePreview,
    MessageRecord,
    MessageSubject,
    PreparedMessage,
    prepare_message,
    preview_message,
    record_message,
)
from hiring_desk.services.offers.letter_merge import LetterProblemsError
from hiring_desk.store import Workbook
from hiring_desk.store.models import Candidate


class BulkProblemsError(ServiceError):
    """Some candidates' messages cannot be made; ``problems`` is (candidate name, what)."""

    def __init__(self, problems: list[tuple[int, str, str]]) -> None:
        self.problems = tuple(problems)
        count = len(problems)
        lines = [f"{name} (candidate {cid}): {what}" for cid, name, what in problems]
        super().__init__(
            f"No messages were made: {count} candidate{'' if count == 1 else 's'} "
            "need attention first. " + " ".join(lines)
        )


@dataclass(frozen=True)
class BulkPreview:
    """The first candidate's message, and how many there are."""

    first: MessagePreview | None
    count: int


def preview_bulk(
    workbook: Workbook,
    template_key: str,
    candidate_ids: Sequence[int],
    *,
    sender_id: int | None,
    reason: str = "",
) -> BulkPreview:
    if not candidate_ids:
        return BulkPreview(None, 0)
    about = MessageSubject(candidate_ids[0], sender_id=sender_id, reason=reason)
    return BulkPreview(preview_message(workbook, template_key, about), len(candidate_ids))


def prepare_bulk(
    workbook: Workbook,
    template_key: str,
    candidate_ids: Sequence[int],
    *,
    sender_id: int | None,
    reason: str = "",
) -> list[PreparedMessage]:
    """Every candidate's message; BulkProblemsError naming each that cannot be made."""
    require(workbook, Permission.EMAIL)
    prepared: list[PreparedMessage] = []
    problems: list[tuple[int, str, str]] = []
    for candidate_id in dict.fromkeys(candidate_ids):
        about = MessageSubject(candidate_id, sender_id=sender_id, reason=reason)
        try:
            prepared.append(prepare_message(workbook, template_key, about))
        except LetterProblemsError as exc:
            what = " ".join(p.message for p in exc.problems)
            problems.append((candidate_id, _name(workbook, candidate_id), what))
    if problems:
        raise BulkProblemsError(problems)
    if not prepared:
        raise ServiceError("Choose at least one candidate to write to.")
    return prepared


def write_bulk(
    workbook: Workbook, prepared: Sequence[PreparedMessage], out: Path, *, mbox: bool
) -> tuple[list[Path], list[MessageRecord]]:
    """Write every draft (into the folder ``out``, or as the mbox file ``out``), then record
    each on its candidate's timeline. Returns the files written and the records."""
    require(workbook, Permission.EMAIL)
    drafts = [item.draft for item in prepared]
    with reporting_write_failures(out):
        try:
            files = [write_mbox(drafts, out)] if mbox else write_folder(drafts, out)
        except ValueError as exc:
            raise ServiceError(f"The messages cannot be made: {exc}.") from None
    return files, [record_message(workbook, item) for item in prepared]


def _name(workbook: Workbook, candidate_id: int) -> str:
    with workbook.transaction() as session:
        candidate = session.get(Candidate, candidate_id)
        return candidate.name if candidate else "?"
