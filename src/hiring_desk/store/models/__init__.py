"""The workbook's tables, one module per part of the domain model."""

from hiring_desk.store.models.candidates import (
    Application,
    Attachment,
    Candidate,
    CandidateSkill,
    CandidateTag,
    RejectionReason,
    StageEvent,
)
from hiring_desk.store.models.interviews import (
    CustomQuestion,
    Interview,
    InterviewInterviewer,
    InterviewPlan,
    InterviewRound,
    RoundQuestion,
    Scorecard,
    ScorecardRating,
)
from hiring_desk.store.models.messages import CandidateMessage
from hiring_desk.store.models.offers import Offer
from hiring_desk.store.models.people import AuditEvent, CompanyProfile, TeamMember, WorkbookSetting
from hiring_desk.store.models.reminders import ReminderState, Task
from hiring_desk.store.models.roles import (
    JobDescription,
    Role,
    RoleSkill,
    RoleStage,
    UserTemplate,
)

__all__ = [
    "Application",
    "Attachment",
    "AuditEvent",
    "Candidate",
    "CandidateMessage",
    "CandidateSkill",
    "CandidateTag",
    "CompanyProfile",
    "CustomQuestion",
    "Interview",
    "InterviewInterviewer",
    "InterviewPlan",
    "InterviewRound",
    "JobDescription",
    "Offer",
    "RejectionReason",
    "ReminderState",
    "Role",
    "RoleSkill",
    "RoleStage",
    "RoundQuestion",
    "Scorecard",
    "ScorecardRating",
    "StageEvent",
    "Task",
    "TeamMember",
    "UserTemplate",
    "WorkbookSetting",
]
