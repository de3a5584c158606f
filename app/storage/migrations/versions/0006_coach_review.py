"""shared items, comments and packages

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 06:28:41.180106
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "comments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("contact", sa.String(length=19), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("stage_id", sa.String(length=100), nullable=False),
        sa.Column("reply_to", sa.String(length=36), nullable=True),
        sa.Column("mine", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_contact"), ["contact"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_item_id"), ["item_id"], unique=False)

    op.create_table(
        "received_packages",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("sender", sa.String(length=19), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("package_id"),
    )
    op.create_table(
        "sent_versions",
        sa.Column("coach", sa.String(length=19), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("coach", "item_id"),
    )
    op.create_table(
        "shared_items",
        sa.Column("participant", sa.String(length=19), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("previous_content", sa.Text(), nullable=False),
        sa.Column("domains", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("discussed", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("kind IN ('entry', 'cycle')", name="ck_shared_item_kind"),
        sa.PrimaryKeyConstraint("participant", "item_id"),
    )


def downgrade() -> None:

    op.drop_table("shared_items")
    op.drop_table("sent_versions")
    op.drop_table("received_packages")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comments_item_id"))
        batch_op.drop_index(batch_op.f("ix_comments_contact"))

    op.drop_table("comments")
