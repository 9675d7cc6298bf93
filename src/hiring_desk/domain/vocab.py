"""The fixed vocabularies of the domain model.

Each is a ``StrEnum`` whose value is what the workbook stores and whose
``label`` is what a person reads.
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Seniority(_Labelled):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"

    @property
    def label(self) -> str:
        return {"mid": "Mid-level"}.get(self.value, self.value.capitalize())


class EmploymentType(_Labelled):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    CONTRACT = "contract"

    @property
    def label(self) -> str:
        return {"full_time": "Full-time", "part_time": "Part-time", "contract": "Contract"}[
            self.value
        ]


class WorkMode(_Labelled):
    ON_SITE = "on_site"
    REMOTE = "remote"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        return {"on_site": "On-site", "remote": "Remote", "hybrid": "Hybrid"}[self.value]


class RoleStatus(_Labelled):
    DRAFT = "draft"
    OPEN = "open"
    ON_HOLD = "on_hold"
    FILLED = "filled"
    CLOSED = "closed"


class SkillImportance(_Labelled):
    MUST = "must"
    NICE = "nice"

    @property
    def label(self) -> str:
        return "Must-have" if self is SkillImportance.MUST else "Nice-to-have"


class Source(_Labelled):
    LINKEDIN = "linkedin"
    INDEED = "indeed"
    GLASSDOOR = "glassdoor"
    MONSTER = "monster"
    UPWORK = "upwork"
    AGENCY = "agency"
    REFERRAL = "referral"
    CAREERS_PAGE = "careers_page"
    OTHER = "other"

    @property
    def label(self) -> str:
        names = {"linkedin": "LinkedIn", "careers_page": "Careers page", "upwork": "Upwork"}
        return names.get(self.value, self.value.capitalize())


class Stage(_Labelled):
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEW = "interview"
    SHORTLISTED = "shortlisted"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_closed(self) -> bool:
        return self in (Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN)


#: The stages an application moves through, in order, before it is closed.
PIPELINE: tuple[Stage, ...] = (
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEW,
    Stage.SHORTLISTED,
    Stage.OFFER,
    Stage.HIRED,
)


class InterviewStatus(_Labelled):
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


class Recommendation(_Labelled):
    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"


class OfferStatus(_Labelled):
    DRAFT = "draft"
    APPROVED = "approved"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class PayPeriod(_Labelled):
    YEAR = "year"
    MONTH = "month"
    HOUR = "hour"

    @property
    def label(self) -> str:
        return {"year": "per year", "month": "per month", "hour": "per hour"}[self.value]


class TemplateKind(_Labelled):
    JOB_DESCRIPTION = "job_description"
    OFFER_LETTER = "offer_letter"
    EMAIL = "email"
