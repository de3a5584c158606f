"""initial schema: entries, domains, tags, versions

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 05:43:22.712970
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index("ix_entries_list", ["deleted_at", "created_at"], unique=False)
        batch_op.create_index("ix_entries_updated", ["updated_at"], unique=False)

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200, collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "entry_domains",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("domain", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "domain IN ('individual', 'team', 'organisation')", name="ck_domain_code"
        ),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "domain"),
    )
    with op.batch_alter_table("entry_domains", schema=None) as batch_op:
        batch_op.create_index("ix_entry_domains_domain", ["domain"], unique=False)

    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "tag_id"),
    )
    with op.batch_alter_table("entry_tags", schema=None) as batch_op:
        batch_op.create_index("ix_entry_tags_tag", ["tag_id"], unique=False)

    op.create_table(
        "entry_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entry_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entry_versions_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("entry_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entry_versions_entry_id"))

    op.drop_table("entry_versions")
    with op.batch_alter_table("entry_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_entry_tags_tag")

    op.drop_table("entry_tags")
    with op.batch_alter_table("entry_domains", schema=None) as batch_op:
        batch_op.drop_index("ix_entry_domains_domain")

    op.drop_table("entry_domains")
    op.drop_table("tags")
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index("ix_entries_updated")
        batch_op.drop_index("ix_entries_list")

    op.drop_table("entries")
