"""The demo's emails: the People manager acknowledged the most recent applications.

Each is filled from the built-in "Application received" template with the same
checks and engine as a real message, and stored as made, so the timeline and the
access export have something to show.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from hiring_desk.domain.email_fields import (
    CandidateFields,
    CompanyFields,
    EmailContext,
    RoleFields,
    SenderFields,
)
from hiring_desk.domain.letter_fields import split_name
from hiring_desk.services.demo.demo_pipeline import DemoContext
from hiring_desk.services.email.email_templates import EMAIL_FIELDS, builtin_email_templates
from hiring_desk.services.offers.letter_merge import fill
from hiring_desk.store.models import (
    Application,
    Candidate,
    CandidateMessage,
    CompanyProfile,
    Role,
    TeamMember,
)

#: How many of the newest applications were acknowledged by email.
ACKNOWLEDGED = 4
SENDER = "hr"


def add_messages(ctx: DemoContext) -> None:
    template = next(t for t in builtin_email_templates() if t.key == "acknowledgement")
    sender = ctx.session.get(TeamMember, ctx.members[SENDER])
    profile = ctx.session.get(CompanyProfile, 1)
    assert sender is not None and profile is not None
    ctx.session.flush()
    newest = ctx.session.exec(
        select(Application, Candidate, Role)
        .join(Candidate, col(Candidate.id) == Application.candidate_id)
        .join(Role, col(Role.id) == Application.role_id)
        .where(Candidate.email != "")
        .order_by(col(Application.applied_at).desc(), col(Application.id).desc())
        .limit(ACKNOWLEDGED)
    ).all()
    for application, candidate, role in newest:
        first, last = split_name(candidate.name)
        context = EmailContext(
            candidate=CandidateFields(candidate.name, first, last, candidate.email),
            role=RoleFields(role.title, role.location),
            company=CompanyFields(profile.name, profile.address),
            sender=SenderFields(sender.name, sender.title, sender.email),
        )
        subject = fill(template.subject, context, EMAIL_FIELDS)
        assert candidate.id is not None
        ctx.add(
            CandidateMessage(
                candidate_id=candidate.id,
                application_id=application.id,
                template_key=template.key,
                template_name=template.name,
                recipient=candidate.email,
                subject=" ".join(subject.split()),
                body=fill(template.body, context, EMAIL_FIELDS),
                made_at=application.applied_at + timedelta(hours=3),
                made_by_member_id=sender.id,
            )
        )
