"""Attachments whose text was not read say why.

Revision ID: 0005_attachment_unread_reason
Revises: 0004_privacy
Create Date: 2026-12-07 14:00:00.000000

``attachment.unread_reason`` is "" when the file's text was read (or it has none),
otherwise why not: a PDF over the page limit, or too slow or too big to read
(``services.pdf_reading``). The file itself is stored either way.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_attachment_unread_reason"
down_revision: str | None = "0004_privacy"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("unread_reason", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("unread_reason")
