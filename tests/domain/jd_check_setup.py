"""A complete job description built from parts, for the job-description check tests."""

from __future__ import annotations

from hiring_desk.domain.jd_check import Finding

# Each element is stated in exactly one place, so removing that place removes the element.
TITLE = "# Backend Developer\n"
ABOUT = """
## About Example Software Ltd

Example Software Ltd builds calm, dependable tools for small clinics, physiotherapists and
dentists who would rather spend their time with patients than with paperwork. We are a team
of twenty-two people, and we care about plain language, careful design and software that
keeps working on a bad day. Our customers trust us with their calendars, their reminders and
their invoices, so we take reliability seriously and we measure it. We ship small changes
often, we write things down, and we keep meetings short. Everybody here talks to customers
now and then, because that is how we learn what to build next. We are profitable, owned by
the people who work here, and in no hurry to sell. We like honest feedback, quiet focus and
lunch together on Fridays.
"""
FACTS = {
    "location": "Location: Cork, Ireland. Hybrid, two days a week in our office.\n",
    "employment_type": "Employment type: Full-time, permanent.\n",
    "salary": "Salary: €55,000 – €68,000 per year.\n",
}
ROLE = """
## The role

We are hiring a backend developer to build a booking platform for independent clinics.
"""
NATURE = """
## What you will do

- Design and build the booking API and the jobs behind it.
- Review code and help teammates ship safely.
- Work with our designer and support staff to fix what customers find hard.
"""
SKILLS = """
## Must-have skills

- Python
- PostgreSQL
- REST API design
"""
NICE = """
## Nice-to-have skills

- Docker
- Redis
"""
EXPERIENCE = "- At least 3 years of professional experience building web services.\n"
EDUCATION = "- A degree in computer science, or a comparable background.\n"
OFFER = """
## What we offer

- Twenty-five days of paid leave and a yearly learning budget.
- Health insurance for you and your family.
- A good chair, a quiet desk and a laptop of your choice.
"""
TIMELINE = """
## Hiring timeline

- A first interview with the engineering lead by 15 February 2027.
- A take-home exercise and a final conversation with the team.
- The job starts on 1 March 2027.
"""
APPLY = """
## How to apply

Send your CV and a short note about something you built to jobs@example.com.
We reply to every application.
"""

PARTS = {
    "location": FACTS["location"],
    "employment_type": FACTS["employment_type"],
    "salary": FACTS["salary"],
    "nature": NATURE,
    "skills": SKILLS,
    "experience": EXPERIENCE,
    "education": EDUCATION,
    "timeline": TIMELINE,
}


def complete_jd(without: str = "") -> str:
    """A complete description; ``without`` names one element to leave out."""

    def part(key: str) -> str:
        return "" if key == without else PARTS[key]

    return "".join(
        [
            TITLE,
            ABOUT,
            "\n",
            part("location"),
            part("employment_type"),
            part("salary"),
            ROLE,
            part("nature"),
            part("skills"),
            NICE,
            "\n## Qualifications\n\n",
            part("experience"),
            part("education"),
            OFFER,
            part("timeline"),
            APPLY,
        ]
    )


def keys(findings: list[Finding]) -> list[str]:
    return [f.key for f in findings]


def words(n: int) -> str:
    return " ".join(["lorem"] * n)
