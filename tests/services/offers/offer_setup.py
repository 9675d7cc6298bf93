"""Builders for offer tests: the founder who approves offers and an open role with a
budget, made through the services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook


def founder_and_role(workbook: Workbook, **brief: Any) -> tuple[int, int]:
    """(team member id, role id): Aoife Byrne, Founder, and an open Backend Developer
    role paying €60,000-80,000; ``brief`` changes the role."""
    lead = team_members.add_member(workbook, "Aoife Byrne", "Founder").id
    role = role_records.create_role(
        workbook,
        RoleBrief(
            **{
                "title": "Backend Developer",
                "status": "open",
                "salary_min": Decimal(60000),
                "salary_max": Decimal(80000),
                "salary_currency": "EUR",
                **brief,
            }
        ),
    ).id
    return lead, role
