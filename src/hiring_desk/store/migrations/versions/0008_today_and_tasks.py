"""Reminders kept for the Today view, and dated tasks on candidates and roles.

Revision ID: 0008_today_and_tasks
Revises: 0007_candidate_messages
Create Date: 2026-12-07 16:15:00.000000

``reminder_state`` remembers what the person did with an item of the Today
view: snoozed until a moment, or marked done. An item is named by its kind and
the id of the record it is about (``item_key``, e.g. ``offer_expiring:12``), so
no foreign key ties it to the record; a row for a record that is gone simply
matches nothing. ``task`` holds a dated to-do on a candidate or a role ("call
back Thursday"), which goes with the candidate or role it is on.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_today_and_tasks"
down_revision: str | None = "0007_candidate_messages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reminder_state",
        sa.Column("item_key", sa.String(), nullable=False),
        sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("by_member_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["by_member_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("item_key"),
    )
    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("role_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_member_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("task") as batch:
        batch.create_index("ix_task_candidate_id", ["candidate_id"], unique=False)
        batch.create_index("ix_task_role_id", ["role_id"], unique=False)
        batch.create_index("ix_task_due_on", ["due_on"], unique=False)


def downgrade() -> None:
    op.drop_table("task")
    op.drop_table("reminder_state")
