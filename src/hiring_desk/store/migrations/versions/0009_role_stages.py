"""Each role its own stages, inside the fixed phases.

Revision ID: 0009_role_stages
Revises: 0008_today_and_tasks
Create Date: 2026-12-07 17:00:00.000000

``role_stage`` holds a role's own stages: each sits inside one phase of the
fixed pipeline (``phase`` is a ``Stage`` value), with its name, its place in
the phase and whether it is hidden. A role with no rows has the standard
pipeline. ``application.role_stage_id`` is the stage an application is at
(NULL: the first stage of its phase). ``stage_event.from_step``/``to_step``
keep the stage names as they were at the move, so a rename or a removal later
does not rewrite the history.

The column on ``application`` is added with a plain ``ALTER TABLE`` rather than a
batch copy: copying the table would drop the old one, and with foreign keys on
that would delete the stage events and offers that point at it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_role_stages"
down_revision: str | None = "0008_today_and_tasks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "role_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_role_stage_role_id", "role_stage", ["role_id"], unique=False)
    op.execute(
        "ALTER TABLE application ADD COLUMN role_stage_id INTEGER "
        "REFERENCES role_stage (id) ON DELETE SET NULL"
    )
    op.create_index("ix_application_role_stage_id", "application", ["role_stage_id"], unique=False)
    op.add_column("stage_event", sa.Column("from_step", sa.String(), nullable=True))
    op.add_column("stage_event", sa.Column("to_step", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("stage_event", "to_step")
    op.drop_column("stage_event", "from_step")
    op.drop_index("ix_application_role_stage_id", table_name="application")
    op.execute("ALTER TABLE application DROP COLUMN role_stage_id")
    op.drop_index("ix_role_stage_role_id", table_name="role_stage")
    op.drop_table("role_stage")
