"""What a newly attached CV suggests adding to the candidate's record (the user confirms)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import select

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.attachments import suggest_from_text
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.store import Workbook
from hiring_desk.store.models import Attachment


@dataclass(frozen=True)
class RecordSuggestion:
    """The record with the CV's findings filled in, and what that would add."""

    record: CandidateInput
    changes: tuple[str, ...]


def suggestion_from_attachment(
    workbook: Workbook, candidate_id: int, attachment_id: int
) -> RecordSuggestion | None:
    """Empty fields and new skills the CV's text offers; None when it offers nothing."""
    with workbook.transaction() as session:
        text = session.exec(select(Attachment.text).where(Attachment.id == attachment_id)).first()
    if not text:
        return None
    found = suggest_from_text(text)
    record = candidate_records.get_candidate(workbook, candidate_id).record
    changes: list[str] = []
    updates: dict[str, object] = {}
    if not record.email and found.emails:
        updates["email"] = found.emails[0]
        changes.append(f"Email: {found.emails[0]}")
    if not record.phone and found.phones:
        updates["phone"] = found.phones[0]
        changes.append(f"Phone: {found.phones[0]}")
    for link in found.links:
        field = (
            "linkedin_url"
            if "linkedin.com" in link
            else "github_url"
            if "github.com" in link
            else "portfolio_url"
        )
        if not getattr(record, field) and field not in updates:
            updates[field] = link
            changes.append(f"{field.split('_')[0].capitalize()}: {link}")
    known = {s.casefold() for s in record.skills}
    new_skills = tuple(s for s in found.skills if s.casefold() not in known)
    if new_skills:
        updates["skills"] = record.skills + new_skills
        changes.append(f"Skills: {', '.join(new_skills)}")
    if not changes:
        return None
    return RecordSuggestion(replace(record, **updates), tuple(changes))  # type: ignore[arg-type]
