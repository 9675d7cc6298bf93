"""Emails to candidates: the merge fields a template can use.

A template has a subject and a body, both Jinja2 (sandboxed, the offer letters'
engine) over seven groups of display-ready strings, each "" when not set:

- ``candidate``: who the message is for;
- ``role``: the job applied for;
- ``interview``: when (in the candidate's time zone) and where, and with whom;
- ``offer``: the terms (the offer letters' fields);
- ``company``: who hires;
- ``sender``: the team member writing (the one acting in the window);
- ``message``: a reason line, given when the message is made (e.g. why not).

An empty field that a template would print is named before anything is made
(``services.offers.letter_merge.check_letter`` with :data:`EMAIL_GROUPS`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from hiring_desk.domain import letter_fields


@dataclass(frozen=True)
class CandidateFields:
    name: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""


@dataclass(frozen=True)
class RoleFields:
    title: str = ""
    location: str = ""
    hiring_manager: str = ""


@dataclass(frozen=True)
class InterviewFields:
    date: str = ""  # "Tuesday 12 January 2027", in the candidate's time zone
    time: str = ""  # "10:00 to 11:00"
    time_zone: str = ""  # "Europe/Dublin"
    round: str = ""
    duration: str = ""  # "60 minutes"
    place: str = ""  # the location, or the video link when there is no location
    link: str = ""
    interviewers: str = ""  # "Maeve Walsh and Tom Keane"


OfferFields = letter_fields.OfferFields


@dataclass(frozen=True)
class CompanyFields:
    name: str = ""
    address: str = ""


@dataclass(frozen=True)
class SenderFields:
    name: str = ""
    title: str = ""
    email: str = ""


@dataclass(frozen=True)
class MessageFields:
    reason: str = ""


@dataclass(frozen=True)
class EmailContext:
    candidate: CandidateFields = field(default_factory=CandidateFields)
    role: RoleFields = field(default_factory=RoleFields)
    interview: InterviewFields = field(default_factory=InterviewFields)
    offer: OfferFields = field(default_factory=OfferFields)
    company: CompanyFields = field(default_factory=CompanyFields)
    sender: SenderFields = field(default_factory=SenderFields)
    message: MessageFields = field(default_factory=MessageFields)

    def values(self) -> dict[str, str]:
        """Every merge field's value by its name (``"interview.time"``)."""
        return {
            f"{group.name}.{name}": value
            for group in fields(self)
            for name, value in asdict(getattr(self, group.name)).items()
        }


#: The groups a template sees.
EMAIL_GROUPS: tuple[str, ...] = tuple(group.name for group in fields(EmailContext))

#: Every merge field, with what it holds (shown in the template editor).
EMAIL_MERGE_FIELDS: dict[str, str] = {
    "candidate.name": "the candidate's full name",
    "candidate.first_name": "the first word of the candidate's name",
    "candidate.last_name": "the rest of the candidate's name",
    "candidate.email": "the candidate's email address",
    "role.title": "the job title",
    "role.location": "where the role is based",
    "role.hiring_manager": "the role's hiring manager",
    "interview.date": "the interview's day, in the candidate's time zone",
    "interview.time": "when it starts and ends, e.g. 10:00 to 11:00",
    "interview.time_zone": "the time zone those times are in",
    "interview.round": "the interview round's name",
    "interview.duration": "how long it lasts, e.g. 60 minutes",
    "interview.place": "where it happens, or its video link",
    "interview.link": "the video call link",
    "interview.interviewers": "who will interview",
    **{
        name: text for name, text in letter_fields.MERGE_FIELDS.items() if name.startswith("offer.")
    },
    "company.name": "the company's name",
    "company.address": "the company's address",
    "sender.name": "the team member writing the message",
    "sender.title": "their job title",
    "sender.email": "their email address (the message is from it)",
    "message.reason": "a reason given when the message is made (optional)",
}

#: What to do about an empty field, where the generic sentence would not say.
EMAIL_EMPTY_SENTENCES: dict[str, str] = {
    "candidate.email": "The candidate has no email address: add it to their record.",
    "company.name": "The company has no name: set it under Team & Company.",
    "sender.name": "No one is acting: choose who you are at the bottom of the window.",
    "sender.email": "The team member writing has no email address: add it under Team & Company.",
    "interview.date": "No interview is chosen: pick the interview the message is about.",
    "interview.time": "No interview is chosen: pick the interview the message is about.",
    "interview.place": "The interview has neither a place nor a video link.",
    "offer.salary": "No offer is chosen, or it has no salary: pick the offer.",
    "role.title": "The candidate has not applied to a role this message could be about.",
    "message.reason": "This template prints a reason: give one.",
}

#: Fields every message needs whatever the template says (the To and From lines).
EMAIL_ALWAYS_SHOWN: tuple[str, ...] = ("candidate.email", "sender.email")


def sample_context() -> EmailContext:
    """A complete context: every field set (for previews and template checks)."""
    letter = letter_fields.sample_context()
    return EmailContext(
        candidate=CandidateFields(
            name=letter.candidate.name,
            first_name=letter.candidate.first_name,
            last_name=letter.candidate.last_name,
            email=letter.candidate.email,
        ),
        role=RoleFields(
            title=letter.role.title,
            location=letter.role.location,
            hiring_manager=letter.role.hiring_manager,
        ),
        interview=InterviewFields(
            date="Tuesday 12 January 2027",
            time="10:00 to 11:00",
            time_zone="Europe/Dublin",
            round="Technical interview",
            duration="60 minutes",
            place="Our Cork office, 3 Lapp's Quay",
            link="https://meet.example.com/abc-defg",
            interviewers="Maeve Walsh and Tom Keane",
        ),
        offer=letter.offer,
        company=CompanyFields(name=letter.company.name, address=letter.company.address),
        sender=SenderFields(
            name=letter.signatory.name,
            title=letter.signatory.title,
            email="people@example.com",
        ),
        message=MessageFields(reason="We went ahead with someone with more Go experience."),
    )
