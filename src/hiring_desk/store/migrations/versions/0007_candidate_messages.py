"""Messages made for candidates (email drafts), kept for the candidate's timeline.

Revision ID: 0007_candidate_messages
Revises: 0006_salary_range
Create Date: 2026-12-07 16:00:00.000000

``candidate_message`` holds each email draft made for a candidate: the template
it came from, the subject and body as made, the names of the files attached
(one per line), when and by whom. The user's own email templates need no table
of their own: they are ``user_template`` rows of kind ``email``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_candidate_messages"
down_revision: str | None = "0006_salary_range"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "candidate_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("template_key", sa.String(), nullable=False),
        sa.Column("template_name", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("attachments", sa.String(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("made_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["interview_id"], ["interview.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["offer_id"], ["offer.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["made_by_member_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("candidate_message") as batch:
        batch.create_index("ix_candidate_message_candidate_id", ["candidate_id"], unique=False)
        batch.create_index("ix_candidate_message_made_at", ["made_at"], unique=False)


def downgrade() -> None:
    op.drop_table("candidate_message")
