"""A version on the records two people may change at once.

Revision ID: 0010_record_versions
Revises: 0009_role_stages
Create Date: 2026-12-07 20:00:00.000000

``application.version``, ``offer.version`` and ``scorecard.version`` count the
changes made to a stage, an offer's status and a scorecard. A change made from
a window carries the version it was shown and is written only if the record is
still at it (``UPDATE ... WHERE version = :shown``); otherwise the person is told
who changed it meanwhile (the audit log says who and when). Existing rows start
at 1.

The columns are added with a plain ``ALTER TABLE`` (no batch copy): copying
``application`` would drop the old table, and with foreign keys on that would
delete the stage events and offers that point at it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_record_versions"
down_revision: str | None = "0009_role_stages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("application", "offer", "scorecard")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")),
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_column(table, "version")
