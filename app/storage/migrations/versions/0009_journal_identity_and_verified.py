"""the journal's own id inside its database; verified contacts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Which journal this file is (journal.json's id), so a database swapped, emptied or copied
    # from another journal is noticed at open. Filled in when the journal is next opened.
    op.create_table(
        "journal_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journal_id", sa.String(length=36), nullable=False),
        sa.Column("stamped_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_journal_identity_single"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verified", sa.Boolean(), server_default="0", nullable=False))
    # A coach was added on purpose, from a card whose fingerprint the participant was shown;
    # a participant was added by whatever share arrived, so stays unverified until checked.
    op.execute("UPDATE contacts SET verified = 1 WHERE role = 'coach'")


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("verified")
    op.drop_table("journal_identity")
