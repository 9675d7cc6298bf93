"""Privacy: how and until when a candidate consented, erasure marks, who did what.

Revision ID: 0004_privacy
Revises: 0003_sort_and_match
Create Date: 2026-11-24 12:15:00.000000

``candidate.consent_method`` (how consent was given: "email", "form"...) and
``candidate.consent_until`` (the day it ends) complete ``consent_at``.
``candidate.erased_at`` marks a candidate whose personal data was erased: the
row stays (anonymous) so counts per stage and source still add up.
``audit_event.member_id`` is the team member who acted.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_privacy"
down_revision: str | None = "0003_sort_and_match"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(
            sa.Column("consent_method", sa.String(), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("consent_until", sa.Date(), nullable=True))
        batch.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_candidate_erased_at", ["erased_at"])
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_audit_event_member_id_team_member",
            "team_member",
            ["member_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_constraint("fk_audit_event_member_id_team_member", type_="foreignkey")
        batch.drop_column("member_id")
    with op.batch_alter_table("candidate") as batch:
        batch.drop_index("ix_candidate_erased_at")
        batch.drop_column("erased_at")
        batch.drop_column("consent_until")
        batch.drop_column("consent_method")
