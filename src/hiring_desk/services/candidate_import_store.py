"""Writing the checked rows of an import: one transaction, duplicates skipped."""

from __future__ import annotations

from sqlmodel import Session

from hiring_desk.domain.vocab import Stage
from hiring_desk.services import audit, match_scores
from hiring_desk.services.candidate_import import ImportCancelledError, ImportResult, Progress
from hiring_desk.services.candidate_records import CandidateInput
from hiring_desk.services.candidates import apply_record
from hiring_desk.services.duplicates import batch_index
from hiring_desk.store import Workbook, search
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateSkill,
    CandidateTag,
    StageEvent,
)

BATCH = 500


def store_rows(
    workbook: Workbook,
    rows: list[tuple[int, CandidateInput]],
    result: ImportResult,
    *,
    role_id: int | None,
    progress: Progress | None,
) -> ImportResult:
    index = batch_index(workbook)
    total = len(rows)
    with workbook.transaction() as session:
        for done, (line, record) in enumerate(rows, start=1):
            existing = index.match(record.name, record.email, record.phone)
            if existing is not None:
                result.skipped.append((line, f"a duplicate of candidate {existing}"))
            else:
                candidate_id = _insert(session, record, role_id)
                index.add(candidate_id, record.name, record.email, record.phone)
                result.candidate_ids.append(candidate_id)
            if (
                progress is not None
                and (done % 100 == 0 or done == total)
                and not progress(done, total)
            ):
                raise ImportCancelledError("The import was cancelled; nothing was imported.")
            if done % BATCH == 0:
                session.flush()
        for candidate_id in result.candidate_ids:
            search.index_candidate(session, candidate_id)
        match_scores.refresh_for_candidates(session, result.candidate_ids)
        audit.record(session, "import", "candidate", None, {"rows": len(result.candidate_ids)})
    result.imported = len(result.candidate_ids)
    result.skipped.sort()
    return result


def _insert(session: Session, r: CandidateInput, role_id: int | None) -> int:
    candidate = Candidate(name=r.name)
    apply_record(candidate, r)
    session.add(candidate)
    session.flush()
    assert candidate.id is not None
    session.add_all(CandidateSkill(candidate_id=candidate.id, skill=s) for s in r.skills)
    session.add_all(CandidateTag(candidate_id=candidate.id, tag=t) for t in r.tags)
    if role_id is not None:
        application = Application(candidate_id=candidate.id, role_id=role_id)
        session.add(application)
        session.flush()
        assert application.id is not None
        session.add(
            StageEvent(
                application_id=application.id,
                to_stage=Stage.APPLIED.value,
                note="Imported from CSV",
            )
        )
    return candidate.id
