"""an index for the newest live cycles of each status (Home's lists, Looking back, reminders)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 05:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Home lists the newest planned and in-progress cycles. With only (status, experiment_date)
    # to go by, SQLite read and sorted every cycle of the status to find them; in this order it
    # reads the newest live ones of a status first and stops when it has enough.
    op.create_index(
        "ix_cycles_status_recent", "cycles", ["status", "deleted_at", "updated_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_cycles_status_recent", table_name="cycles")
