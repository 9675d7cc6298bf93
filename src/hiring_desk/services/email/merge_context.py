"""The merge fields of one message: what the workbook says about its candidate.

A message is for one candidate, and may be about one of their interviews or
offers (which also say which application, hence which role). Without either,
the role is the one of ``application_id`` or of the candidate's most recent
application. Interview times are shown in the candidate's time zone: the zone
given, else the one the interview was booked in.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date, format_time
from sqlmodel import Session, col, select

from hiring_desk.domain.email_fields import (
    CandidateFields,
    CompanyFields,
    EmailContext,
    InterviewFields,
    MessageFields,
    RoleFields,
    SenderFields,
)
from hiring_desk.domain.letter_fields import OfferFields, split_name
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.time_zones import canonical_timezone, zone_or_utc
from hiring_desk.services.interviews.interview_records import InterviewDetail, get_interview
from hiring_desk.services.offers.offer_letters import letter_context
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, CompanyProfile, Offer, Role, TeamMember


@dataclass(frozen=True)
class MessageSubject:
    """What a message is about: the candidate, and maybe one interview or offer."""

    candidate_id: int
    application_id: int | None = None
    interview_id: int | None = None
    offer_id: int | None = None
    sender_id: int | None = None  # the acting team member
    reason: str = ""  # the reason line, for rejections
    time_zone: str = ""  # the candidate's, when known; else the interview's


@dataclass(frozen=True)
class MergedParties:
    """The context, with the ids it was built from (for the message's record)."""

    context: EmailContext
    application_id: int | None
    sender_name: str


def message_context(workbook: Workbook, about: MessageSubject) -> MergedParties:
    """Every merge field for this message. Raises NotFoundError for unknown ids."""
    if about.interview_id is not None and about.offer_id is not None:
        raise ValidationError({"about": "a message is about an interview or an offer, not both"})
    interview = get_interview(workbook, about.interview_id) if about.interview_id else None
    offer = letter_context(workbook, about.offer_id).offer if about.offer_id else OfferFields()
    with workbook.transaction() as session:
        candidate = session.get(Candidate, about.candidate_id)
        if candidate is None:
            raise NotFoundError(f"Candidate {about.candidate_id} does not exist.")
        application = _application(session, about, interview.application_id if interview else None)
        if application is not None and application.candidate_id != candidate.id:
            raise ValidationError({"about": "that interview or offer is another candidate's"})
        role_fields = _role(session, application.role_id) if application else RoleFields()
        profile = session.get(CompanyProfile, 1) or CompanyProfile()
        sender = session.get(TeamMember, about.sender_id) if about.sender_id else None
        first, last = split_name(candidate.name)
        context = EmailContext(
            candidate=CandidateFields(candidate.name, first, last, candidate.email),
            role=role_fields,
            interview=_interview_fields(interview, about.time_zone, profile.locale),
            offer=offer,
            company=CompanyFields(profile.name, profile.address),
            sender=SenderFields(sender.name, sender.title, sender.email)
            if sender
            else SenderFields(),
            message=MessageFields(" ".join(about.reason.split())),
        )
        return MergedParties(
            context, application.id if application else None, sender.name if sender else ""
        )


def _application(
    session: Session, about: MessageSubject, interview_application: int | None
) -> Application | None:
    application_id = interview_application or about.application_id
    if about.offer_id is not None:
        offer = session.get(Offer, about.offer_id)
        if offer is None:
            raise NotFoundError(f"Offer {about.offer_id} does not exist.")
        application_id = offer.application_id
    if application_id is not None:
        application = session.get(Application, application_id)
        if application is None:
            raise NotFoundError(f"Application {application_id} does not exist.")
        return application
    return session.exec(
        select(Application)
        .where(Application.candidate_id == about.candidate_id)
        .order_by(col(Application.updated_at).desc(), col(Application.id).desc())
    ).first()


def _role(session: Session, role_id: int) -> RoleFields:
    role = session.get(Role, role_id)
    if role is None:
        return RoleFields()
    manager = session.get(TeamMember, role.hiring_manager_id) if role.hiring_manager_id else None
    return RoleFields(role.title, role.location, manager.name if manager else "")


def _interview_fields(
    interview: InterviewDetail | None, zone_name: str, locale: str
) -> InterviewFields:
    if interview is None:
        return InterviewFields()
    zone_name = canonical_timezone(zone_name) or interview.timezone
    zone = zone_or_utc(zone_name)
    start, end = interview.starts_at.astimezone(zone), interview.local_end.astimezone(zone)
    names = [member.name for member in interview.interviewers]
    together = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    return InterviewFields(
        date=format_date(start.date(), "full", locale=locale),
        time=f"{format_time(start, 'short', locale=locale)} to "
        f"{format_time(end, 'short', locale=locale)}",
        time_zone=zone_name,
        round=interview.round_name,
        duration=f"{interview.duration_minutes} minutes",
        place=interview.location or interview.video_link,
        link=interview.video_link,
        interviewers=together if names else "",
    )


@dataclass(frozen=True)
class SubjectChoice:
    """Something of the candidate's a message can be about: an interview or an offer."""

    label: str  # "Interview: Phone screen, 13 Nov 2026 (Backend Developer)"
    interview_id: int | None = None
    offer_id: int | None = None


def subject_choices(workbook: Workbook, candidate_id: int) -> list[SubjectChoice]:
    """The candidate's interviews (soonest last) and offers, for the compose dialog."""
    from hiring_desk.domain.formatting import format_day
    from hiring_desk.domain.vocab import OfferStatus
    from hiring_desk.store.models import Interview

    with workbook.transaction() as session:
        locale = (session.get(CompanyProfile, 1) or CompanyProfile()).locale
        interviews = session.exec(
            select(Interview, col(Role.title))
            .join(Application, col(Application.id) == Interview.application_id)
            .join(Role, col(Role.id) == Application.role_id)
            .where(Application.candidate_id == candidate_id)
            .order_by(col(Interview.starts_at), col(Interview.id))
        ).all()
        offers = session.exec(
            select(Offer, col(Role.title))
            .join(Application, col(Application.id) == Offer.application_id)
            .join(Role, col(Role.id) == Application.role_id)
            .where(Application.candidate_id == candidate_id)
            .order_by(col(Offer.id))
        ).all()
        found: list[SubjectChoice] = []
        for interview, title in interviews:
            day = interview.starts_at.astimezone(zone_or_utc(interview.timezone)).date()
            name = interview.round_name or "Interview"
            found.append(
                SubjectChoice(
                    f"Interview: {name}, {format_day(day, locale)} ({title})",
                    interview_id=interview.id,
                )
            )
        for offer, title in offers:
            try:
                status = OfferStatus(offer.status).label.lower()
            except ValueError:
                status = offer.status
            found.append(SubjectChoice(f"Offer: {title} ({status})", offer_id=offer.id))
        return found
