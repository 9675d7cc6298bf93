"""The four roles of a team workbook and what each may do.

The server enforces the same rules with grants and row-level security
(``store.access``); this table is what the window and the services ask before
offering or trying something, so a person is told why instead of refused.
A workbook file has no roles: its one user may do everything.
"""

from __future__ import annotations

from enum import StrEnum


class TeamRole(StrEnum):
    ADMIN = "admin"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    TeamRole.ADMIN: "Admin",
    TeamRole.RECRUITER: "Recruiter",
    TeamRole.HIRING_MANAGER: "Hiring manager",
    TeamRole.INTERVIEWER: "Interviewer",
}


class Permission(StrEnum):
    """Something a person may be allowed to do, with the words for refusing it."""

    TEAM = "administer the team"
    COMPANY = "change the company profile or the workbook's settings"
    TEMPLATES = "change templates or the rejection reasons"
    PRIVACY = "use the privacy tools"
    WORKBOOK = "back up, copy or move the workbook"
    ROLES = "add or remove roles or change their budgets"
    ROLE_BRIEF = "change this role's brief or job description"
    CANDIDATES = "add, change or remove candidates"
    EMAIL = "write to candidates"
    PIPELINE = "change this role's pipeline, interviews or offers"
    OFFERS = "see offers"
    SALARIES = "see salaries"
    REPORTS = "see the hiring reports"
    OTHERS_SCORECARDS = "enter scorecards for other interviewers"
    TASKS = "add or change tasks and reminders"
    QUESTION_BANK = "change the question bank"


_STAFF = {TeamRole.ADMIN, TeamRole.RECRUITER}
#: Who may, whatever the role in question. (Role-scoped ones are below.)
_WHO: dict[Permission, set[TeamRole]] = {
    Permission.TEAM: {TeamRole.ADMIN},
    Permission.COMPANY: {TeamRole.ADMIN},
    Permission.TEMPLATES: {TeamRole.ADMIN},
    Permission.PRIVACY: {TeamRole.ADMIN},
    Permission.WORKBOOK: {TeamRole.ADMIN},
    Permission.ROLES: {TeamRole.ADMIN},
    Permission.ROLE_BRIEF: {TeamRole.ADMIN},
    Permission.CANDIDATES: _STAFF,
    Permission.EMAIL: _STAFF,
    Permission.PIPELINE: _STAFF,
    Permission.OFFERS: _STAFF,
    Permission.SALARIES: _STAFF | {TeamRole.HIRING_MANAGER},
    Permission.REPORTS: _STAFF,
    Permission.OTHERS_SCORECARDS: _STAFF,
    Permission.TASKS: _STAFF | {TeamRole.HIRING_MANAGER},
    Permission.QUESTION_BANK: _STAFF | {TeamRole.HIRING_MANAGER},
}
#: What a hiring manager may also do on the roles they manage.
_OWN_ROLE = {
    Permission.ROLE_BRIEF,
    Permission.PIPELINE,
    Permission.OFFERS,
    Permission.OTHERS_SCORECARDS,
}


def allows(role: TeamRole, permission: Permission, *, manages_role: bool = False) -> bool:
    """True when ``role`` may do ``permission`` (``manages_role``: on a role the person
    is the hiring manager of)."""
    if role in _WHO[permission]:
        return True
    return role is TeamRole.HIRING_MANAGER and manages_role and permission in _OWN_ROLE


def refusal(role: TeamRole, permission: Permission) -> str:
    """ "You don't have permission to ...", naming the role."""
    return f"You don't have permission to {permission.value} (your role: {role.label})."
