"""saved searches: a name for a search's words and filters, shown in the sidebar; indexes
for browsing by filters alone

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The filters are JSON (app.saved_searches reads them), so a filter added later needs no
    # new column; a period such as "this-quarter" is stored by name and worked out each time.
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # Browsing by filters alone walks entries and cycles newest first and checks each one's
    # id against the filters; with the id in the index, a filter that lets little through
    # costs a walk of the index rather than a read of every row (bodies included).
    op.create_index("ix_entries_browse", "entries", ["deleted_at", "created_at", "id"])
    op.create_index("ix_cycles_browse", "cycles", ["deleted_at", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_cycles_browse", table_name="cycles")
    op.drop_index("ix_entries_browse", table_name="entries")
    op.drop_table("saved_searches")
