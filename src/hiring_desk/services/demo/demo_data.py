"""The constant sample data of the demo workbook (see ``demo.py``, which builds it).

Everyone and everything here is invented: the company, its people, the candidates,
their email addresses (reserved example domains) and phone numbers (the "555 01xx"
and Ofcom drama ranges that are never given to real subscribers).
"""

from __future__ import annotations

from typing import NamedTuple

# -- the company -----------------------------------------------------------------

COMPANY_NAME = "Harbourlight Software Ltd"
COMPANY_INITIALS = "HS"
COMPANY_ADDRESS = "Unit 3, Millrace Yard\n41 Lockkeeper's Lane\nDublin 8\nIreland"
COMPANY_LOCALE = "en_IE"
COMPANY_CURRENCY = "EUR"
COMPANY_TIMEZONE = "Europe/Dublin"
OFFICE = "Harbourlight office, Millrace Yard, Dublin 8 (meeting room Liffey)"
CAREERS_EMAIL = "careers@harbourlight.example.com"
VIDEO_BASE = "https://meet.example.com/harbourlight-"
RETENTION_MONTHS = 12

#: key -> (name, title, email). "ceo" signs offers; "eng" manages both roles.
TEAM: dict[str, tuple[str, str, str]] = {
    "ceo": ("Niamh Gallagher", "Founder and CEO", "niamh.gallagher@harbourlight.example.com"),
    "eng": ("Tomás Ó Briain", "Head of Engineering", "tomas.obriain@harbourlight.example.com"),
    "hr": ("Priya Raman", "People and Office Manager", "priya.raman@harbourlight.example.com"),
}

REJECTION_REASONS: tuple[str, ...] = (
    "Skills do not match the brief",
    "Salary expectation above budget",
    "Chose another candidate",
    "Not available in time",
    "Did not attend interview",
    "Candidate withdrew",
)
WITHDRAWN_REASON = "Candidate withdrew"

# -- roles -----------------------------------------------------------------------


class RoleData(NamedTuple):
    key: str
    title: str
    seniority: str
    work_mode: str
    location: str
    headcount: int
    start_in_days: int
    target_in_days: int
    project: str
    project_duration: str
    salary_min_minor: int
    salary_max_minor: int
    education: str
    min_years: int
    notes: str
    must: tuple[str, ...]
    nice: tuple[str, ...]
    intro: str
    responsibilities: tuple[str, ...]
    must_text: tuple[str, ...]
    nice_text: tuple[str, ...]
    qualifications: tuple[str, ...]


ROLES: tuple[RoleData, ...] = (
    RoleData(
        key="mid",
        title="Backend Developer",
        seniority="mid",
        work_mode="hybrid",
        location="Dublin, Ireland (office on Tuesdays and Thursdays)",
        headcount=2,
        start_in_days=60,
        target_in_days=28,
        project="Rota: shift planning for clinic staff",
        project_duration="9 months to the first release, then ongoing",
        salary_min_minor=5_500_000,
        salary_max_minor=6_800_000,
        education="Degree in computer science or a related field, or equivalent experience",
        min_years=3,
        notes="Headcount went up to two when the Rota project was approved. "
        "Budget agreed with Niamh; Tomás runs the technical interviews.",
        must=("Python", "Django", "PostgreSQL", "REST", "Unit testing", "Git"),
        nice=("Docker", "Redis", "AWS", "GraphQL"),
        intro="You will join the five-person platform team that owns Tidewell's booking "
        "engine and its public API. This year the team is building Rota, a new module "
        "that lets clinics plan their staff shifts, and you will take features from the "
        "first design conversation all the way to production. It is a mid-level role: "
        "you work on well-defined pieces on your own and ask for help when a problem "
        "turns out bigger than it looked.",
        responsibilities=(
            "Build and maintain server-side features and REST APIs in Python and Django.",
            "Design tables that match how clinics really work, and write safe migrations.",
            "Write unit and integration tests, and review your colleagues' pull requests.",
            "Turn clinic requests into clear technical tasks with our product manager.",
            "Watch performance: find the slow query before a customer notices it.",
            "Fix bugs and tidy up older parts of the code base as you go.",
            "Share a light on-call rota during office hours.",
        ),
        must_text=(
            "Python, with production experience of Django or a similar web framework",
            "PostgreSQL: schema design, indexes and reading a query plan",
            "Designing and consuming REST APIs with JSON",
            "Automated testing (we use pytest)",
            "Everyday Git and pull-request work",
        ),
        nice_text=(
            "Docker for local development and deployment",
            "Redis for caching or background jobs",
            "AWS (we run on ECS and RDS)",
            "GraphQL",
        ),
        qualifications=(
            "A degree in computer science or a related field, or equivalent experience",
            "At least 3 years of professional development, mostly on the backend",
            "Good written English: we write things down before we build them",
        ),
    ),
    RoleData(
        key="sen",
        title="Senior Backend Developer",
        seniority="senior",
        work_mode="hybrid",
        location="Dublin, Ireland (hybrid) or remote within Ireland",
        headcount=1,
        start_in_days=75,
        target_in_days=21,
        project="Payments and invoicing service rebuild",
        project_duration="18 months",
        salary_min_minor=7_800_000,
        salary_max_minor=9_500_000,
        education="Degree in computer science, engineering or similar, or equivalent experience",
        min_years=6,
        notes="Replaces our previous tech lead, who moved to Vancouver. The top of the band "
        "is approved for an exceptional candidate.",
        must=("Python", "PostgreSQL", "API design", "Docker", "AWS", "Mentoring", "Code review"),
        nice=("Kubernetes", "Go", "Elasticsearch", "GDPR awareness", "CI/CD"),
        intro="You will lead the technical side of rebuilding the service that invoices our "
        "clinics and takes card payments from their patients. As the senior engineer on "
        "the project you shape the design, write a good share of the code, mentor two "
        "mid-level developers and work closely with our product manager and with Tomás, "
        "our Head of Engineering.",
        responsibilities=(
            "Lead the design of the new payments and invoicing service: data, APIs, failures.",
            "Write production Python (FastAPI and Django) and raise the bar through reviews.",
            "Plan and run zero-downtime migrations of large PostgreSQL tables.",
            "Mentor mid-level developers through pairing, reviews and regular check-ins.",
            "Agree requirements and integration details with product and our payment provider.",
            "Build security and data protection into the design: PCI scope, GDPR, audit trail.",
            "Improve our monitoring, deployment pipeline and incident reviews.",
        ),
        must_text=(
            "At least 6 years of backend Python, including systems that handle money or "
            "other critical data",
            "Deep PostgreSQL knowledge: modelling, transactions, locking and performance",
            "API design: versioning, idempotency, pagination and clear errors",
            "Docker and AWS in production",
            "Leading technical work and mentoring other developers",
            "Code reviews that improve both the code and its author",
        ),
        nice_text=(
            "Kubernetes",
            "Go",
            "Elasticsearch",
            "GDPR and PCI DSS in practice",
            "Designing CI/CD pipelines",
        ),
        qualifications=(
            "A degree in computer science, engineering or similar, or equivalent experience",
            "6 or more years building backend systems, 2 or more of them in a senior role",
            "A portfolio, open-source work or technical writing is welcome, not required",
        ),
    ),
)

ABOUT_COMPANY = (
    "Harbourlight Software makes Tidewell, the appointment booking and scheduling system "
    "that more than 3,000 physiotherapy, dental and GP practices in Ireland and the UK use "
    "every day. We are 24 people, most of us in a converted mill beside the canal in "
    "Dublin 8. We build software that stays out of the way of busy clinic staff, and we "
    "take good care of the health data our customers trust us with."
)

OFFER_TEXT: tuple[str, ...] = (
    "25 days' annual leave plus public holidays",
    "Health insurance for you and your dependants",
    "5% employer pension contribution",
    "€1,000 a year for courses, books and conferences",
    "A laptop and home-office setup of your choice",
)

#: Markdown; a backslash at a line end joins it to the next (one paragraph, one line).
JD_TEMPLATE = """# {title}

**{company}** · {location} · {employment} · {salary}

## About the company

{about}

## The role

{intro}

Project: {project} ({duration}).

## Responsibilities

{responsibilities}

## Must-have skills

{must}

## Nice-to-have skills

{nice}

## Qualifications

{qualifications}

## What we offer

- Salary {salary}, reviewed every year
{offer}

## Hiring timeline

We read every application and reply within five working days. Applications close on \
{closing}, and we aim to make an offer by {offer_by}. The steps:

{timeline}

## How to apply

Email your CV and a few lines about a backend system you are proud of to \
{email}, with "{title}" in the subject. No cover letter needed. If you need any \
adjustments for the interviews, just tell us.
"""

TEMPLATE_NAME = "Harbourlight house style (backend roles)"
TEMPLATE_CONTENT = """# [Role title]

**Harbourlight Software** · [Location] · [Full-time / Part-time] · [Salary range]

## About the company
[Two or three sentences about Tidewell and the team.]

## The role
[What the person will build, with whom, and for which project.]

## Responsibilities
- [Five to seven bullets, each starting with a verb]

## Must-have skills
- [Only what we will really test in the interviews]

## Nice-to-have skills
- [Things we can teach]

## Qualifications
- [Education or equivalent experience; years of experience]

## What we offer
- [Salary, leave, health insurance, pension, learning budget]

## Hiring timeline
[Closing date, interview steps, when we aim to make an offer.]

## How to apply
[Email address and what to send.]
"""
