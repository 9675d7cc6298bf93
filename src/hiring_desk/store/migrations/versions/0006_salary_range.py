"""A salary expectation may be a range: its upper end.

Revision ID: 0006_salary_range
Revises: 0005_attachment_unread_reason
Create Date: 2026-12-02 10:00:00.000000

``candidate.salary_expectation_max_minor`` is the upper end of an expectation
given as a range ("65,000-75,000"), in minor units of ``salary_currency`` like
``salary_expectation_minor``, which holds the lower end; NULL for one amount.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_salary_range"
down_revision: str | None = "0005_attachment_unread_reason"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("salary_expectation_max_minor", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("salary_expectation_max_minor")
