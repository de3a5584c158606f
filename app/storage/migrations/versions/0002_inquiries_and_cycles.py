"""lines of inquiry and cycles

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 05:51:49.786610
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "inquiries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('open', 'paused', 'closed')", name="ck_inquiry_status"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "cycles",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inquiry_id", sa.String(length=36), nullable=False),
        sa.Column("template_id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("loop", sa.String(length=8), nullable=False),
        sa.Column("experiment_date", sa.Date(), nullable=True),
        sa.Column("previous_id", sa.String(length=36), nullable=True),
        sa.Column("current_stage", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("loop IN ('none', 'single', 'double', 'triple')", name="ck_cycle_loop"),
        sa.CheckConstraint(
            "status IN ('planned', 'in_progress', 'reviewed')", name="ck_cycle_status"
        ),
        sa.ForeignKeyConstraint(["inquiry_id"], ["inquiries.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["previous_id"], ["cycles.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("previous_id"),
    )
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycles_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_index("ix_cycles_list", ["deleted_at", "created_at"], unique=False)
        batch_op.create_index("ix_cycles_status_date", ["status", "experiment_date"], unique=False)

    op.create_table(
        "inquiry_domains",
        sa.Column("inquiry_id", sa.String(length=36), nullable=False),
        sa.Column("domain", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "domain IN ('individual', 'team', 'organisation')", name="ck_inquiry_domain_code"
        ),
        sa.ForeignKeyConstraint(["inquiry_id"], ["inquiries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inquiry_id", "domain"),
    )
    op.create_table(
        "cycle_dimensions",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("dimension", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["cycles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("cycle_id", "dimension"),
    )
    op.create_table(
        "cycle_domains",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("domain", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "domain IN ('individual', 'team', 'organisation')", name="ck_cycle_domain_code"
        ),
        sa.ForeignKeyConstraint(["cycle_id"], ["cycles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("cycle_id", "domain"),
    )
    with op.batch_alter_table("cycle_domains", schema=None) as batch_op:
        batch_op.create_index("ix_cycle_domains_domain", ["domain"], unique=False)

    op.create_table(
        "cycle_stage_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("stage_id", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["cycles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cycle_stage_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cycle_stage_versions_cycle_id"), ["cycle_id"], unique=False
        )

    op.create_table(
        "cycle_stages",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("stage_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["cycles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("cycle_id", "stage_id"),
    )
    op.create_table(
        "cycle_tags",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["cycles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("cycle_id", "tag_id"),
    )
    with op.batch_alter_table("cycle_tags", schema=None) as batch_op:
        batch_op.create_index("ix_cycle_tags_tag", ["tag_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("cycle_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_cycle_tags_tag")

    op.drop_table("cycle_tags")
    op.drop_table("cycle_stages")
    with op.batch_alter_table("cycle_stage_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycle_stage_versions_cycle_id"))

    op.drop_table("cycle_stage_versions")
    with op.batch_alter_table("cycle_domains", schema=None) as batch_op:
        batch_op.drop_index("ix_cycle_domains_domain")

    op.drop_table("cycle_domains")
    op.drop_table("cycle_dimensions")
    op.drop_table("inquiry_domains")
    with op.batch_alter_table("cycles", schema=None) as batch_op:
        batch_op.drop_index("ix_cycles_status_date")
        batch_op.drop_index("ix_cycles_list")
        batch_op.drop_index(batch_op.f("ix_cycles_inquiry_id"))

    op.drop_table("cycles")
    op.drop_table("inquiries")
