"""indexes for recently changed cycles and entries (lists, home balance)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 06:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cycles_recent", "cycles", ["deleted_at", "updated_at"], unique=False)
    op.create_index("ix_entries_recent", "entries", ["deleted_at", "updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_entries_recent", table_name="entries")
    op.drop_index("ix_cycles_recent", table_name="cycles")
