"""Saving a scorecard over the one that was shown, or not at all.

Part of the scorecards service (``scorecards.py`` is the entry point). The form
carries the version of the interviewer's scorecard as it was read
(``ScorecardForm.version``; 0: there was none yet). Saving passes it back as
``expected_version``: if someone saved (or removed) that scorecard since, nothing
is written and ChangedMeanwhileError says who saved it and what it recommends
now (``services.common.versions``). Two first saves at once meet at the table's
one-scorecard-per-interviewer constraint; the second is told the same way.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hiring_desk.domain.vocab import Recommendation
from hiring_desk.services.common import versions
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.store.models import Application, Candidate, Interview, Scorecard, TeamMember

__all__ = ["NOT_SAVED_YET", "claim", "saved_meanwhile", "version_of", "write"]

#: The version a form shows for a scorecard not written yet.
NOT_SAVED_YET = 0


def version_of(session: Session, scorecard_id: int | None) -> int:
    """The version of the scorecard with this id (NOT_SAVED_YET for None)."""
    if scorecard_id is None:
        return NOT_SAVED_YET
    found = session.exec(select(Scorecard.version).where(Scorecard.id == scorecard_id)).first()
    return NOT_SAVED_YET if found is None else found


def claim(session: Session, existing: Scorecard | None, expected_version: int | None) -> None:
    """Refuse the save unless the interviewer's scorecard is still as it was shown;
    an existing one goes to its next version (a conditional UPDATE)."""
    if existing is None:
        if expected_version not in (None, NOT_SAVED_YET):
            raise ChangedMeanwhileError(
                f"The scorecard was removed meanwhile. {versions.AFTERWORD}"
            )
        return
    describe = saved_meanwhile(session, existing)
    if expected_version == NOT_SAVED_YET:
        raise ChangedMeanwhileError(describe())
    versions.bump(session, existing, expected_version, describe)


def write(session: Session, card: Scorecard) -> None:
    """Write the scorecard (claimed first); if a new one meets another saved for the
    same interviewer at the same moment, refuse with who saved it."""
    if card.id is not None:
        session.add(card)
        session.flush()
        return
    try:
        with session.begin_nested():
            session.add(card)
            session.flush()
    except IntegrityError:
        winner = session.exec(
            select(Scorecard).where(
                Scorecard.interview_id == card.interview_id,
                Scorecard.interviewer_id == card.interviewer_id,
            )
        ).first()
        if winner is None:
            raise
        raise ChangedMeanwhileError(saved_meanwhile(session, winner)()) from None


def saved_meanwhile(session: Session, card: Scorecard) -> versions.Describe:
    """Words for a save refused because someone saved the scorecard since it was shown."""

    def describe() -> str:
        assert card.id is not None
        who, at = versions.last_change(session, "scorecard", card.id, ("add", "edit"))
        author = session.get(TeamMember, card.interviewer_id) if card.interviewer_id else None
        whose = "their" if author is not None and author.name == who else "the"
        if author is not None and whose == "the":
            whose = f"{author.name}'s"
        interview = session.get(Interview, card.interview_id)
        application = session.get(Application, interview.application_id) if interview else None
        candidate = session.get(Candidate, application.candidate_id) if application else None
        name = candidate.name if candidate else "the candidate"
        recommends = Recommendation(card.recommendation).label.lower()
        did = f"saved {whose} scorecard for {name} ({recommends})"
        return versions.meanwhile(who, did, at)

    return describe
