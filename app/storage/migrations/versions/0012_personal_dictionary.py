"""the personal dictionary: words the person has told the spelling check are right, kept
inside the encrypted journal (never in a plain file beside it)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # `private` marks a word that may name someone (it has a capital, or the privacy check
    # found it): it is accepted where it is typed but never offered as a suggestion elsewhere.
    op.create_table(
        "personal_words",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("word"),
    )


def downgrade() -> None:
    op.drop_table("personal_words")
