"""The merge fields a job-description template can use, and a sample to test against.

Templates are Jinja2 (run sandboxed). They see three names:

- ``role``: the brief, as display-ready strings (dates and money already
  formatted for the workbook's locale; empty string when not set);
- ``company``: the company profile;
- ``must_have_skills`` and ``nice_to_have_skills``: lists of skill names.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class RoleFields:
    title: str
    seniority: str = ""  # "Junior", "Mid-level", "Senior", "Lead"
    employment_type: str = ""  # "Full-time", "Part-time", "Contract"
    work_mode: str = ""  # "On-site", "Remote", "Hybrid"
    location: str = ""
    headcount: int = 1
    start_by: str = ""  # formatted date
    project: str = ""
    project_duration: str = ""
    salary_range: str = ""  # e.g. "€55,000 – €68,000 per year"
    education: str = ""
    years_experience: str = ""  # e.g. "3" (empty when not set)
    target_date: str = ""  # formatted date by which the hire should be made
    hiring_manager: str = ""
    hiring_manager_title: str = ""


@dataclass(frozen=True)
class Letterhead:
    """The company as a letter's heading names it (offer letters show just this)."""

    name: str = ""
    address: str = ""


@dataclass(frozen=True)
class CompanyFields(Letterhead):
    signatory: str = ""
    signatory_title: str = ""


@dataclass(frozen=True)
class JDContext:
    role: RoleFields
    company: CompanyFields = field(default_factory=CompanyFields)
    must_have_skills: tuple[str, ...] = ()
    nice_to_have_skills: tuple[str, ...] = ()

    def as_mapping(self) -> dict[str, Any]:
        """What the template engine sees: plain dicts and lists."""
        return {
            "role": asdict(self.role),
            "company": asdict(self.company),
            "must_have_skills": list(self.must_have_skills),
            "nice_to_have_skills": list(self.nice_to_have_skills),
        }


#: Every merge field, with what it holds (shown in the template help).
MERGE_FIELDS: dict[str, str] = {
    **{
        f"role.{name}": f"the role's {name.replace('_', ' ')}"
        for name in RoleFields.__annotations__
    },
    **{f"company.{f.name}": f"the company's {f.name}" for f in fields(CompanyFields)},
    "must_have_skills": "list of the must-have skills",
    "nice_to_have_skills": "list of the nice-to-have skills",
}


def sample_context() -> JDContext:
    """A complete, realistic context: every field set (for previews and template checks)."""
    return JDContext(
        role=RoleFields(
            title="Backend Developer",
            seniority="Mid-level",
            employment_type="Full-time",
            work_mode="Hybrid",
            location="Cork, Ireland",
            headcount=1,
            start_by="1 March 2027",
            project="a booking platform for independent clinics",
            project_duration="ongoing",
            salary_range="€55,000 – €68,000 per year",
            education="A degree in computer science or equivalent practical experience",
            years_experience="3",
            target_date="15 February 2027",
            hiring_manager="Alex Murphy",
            hiring_manager_title="Engineering Lead",
        ),
        company=CompanyFields(
            name="Example Software Ltd",
            address="1 Example Street\nCork",
            signatory="Sam Byrne",
            signatory_title="Managing Director",
        ),
        must_have_skills=("Python", "PostgreSQL", "REST"),
        nice_to_have_skills=("Docker", "Redis"),
    )
